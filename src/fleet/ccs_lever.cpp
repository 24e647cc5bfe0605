// [[ccs_retrofit]]: carbon capture retrofitted on chosen fleet smelters (see ccs_lever.hpp). The
// capture model, its defaults and their bases are the smelter model's (docs/model/ccs.md); this
// file only selects the smelters, hands them the inputs and reports what the retrofits change.
#include "potline/fleet/ccs_lever.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <sstream>

#include "nextgen_levers.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/ccs_report.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::fleet {
namespace {

constexpr double kKgPerT = 1e3;
constexpr double kKtPerYear = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kMtPerYear = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr

/// The smelter-schema [ccs] keys a retrofit table may give (as "ccs_retrofit.KEY").
constexpr const char* kCcsKeys[] = {
    "capture_rate",      "co2_fraction", "regeneration_heat",    "heat_supply",
    "boiler_efficiency", "gas_price",    "fuel_emission_factor", "fan_pressure_rise",
    "fan_efficiency",    "compression",  "capture_cost",         "transport_storage",
    "cost_basis_co2_fraction", "cost_basis_capture", "cost_scaling_exponent"};

std::string lever_key(const std::string& key) {
  return "ccs_retrofit." + key;
}

}  // namespace

bool CcsRetrofit::covers(const SmelterRecord& r) const {
  if (!region.empty()) return r.region == region;
  if (!country.empty()) return r.country == country;
  for (const auto& id : smelters)
    if (is_row_or_part(r.id, id)) return true;
  return false;
}

void add_ccs_lever_fields(io::SchemaTable<FleetCase>& t) {
  t.text("ccs_retrofit.smelters")
      .doc(
          "[[ccs_retrofit]] smelter ids of the dataset that retrofit capture (a string or an "
          "array; or region, or country)");
  t.text("ccs_retrofit.region")
      .doc("[[ccs_retrofit]] every included smelter of this region id retrofits capture");
  t.text("ccs_retrofit.country")
      .doc("[[ccs_retrofit]] every included smelter of this ISO3 country retrofits capture");
  // Each capture input is the smelter schema's field under the lever's name: same unit, range,
  // default and source, so a retrofit means exactly what [ccs] means in a smelter case.
  for (const char* key : kCcsKeys) {
    // The capture rate is the lever's reason to exist: required, no default.
    detail::declare_like(t, *plant::smelter_schema().find(std::string("ccs.") + key),
                         lever_key(key), "[[ccs_retrofit]] ", std::string(key) != "capture_rate");
  }
}

namespace detail {

io::FieldBuilder declare_like(io::SchemaTable<FleetCase>& t, const io::FieldSpec& from,
                              const std::string& key, const std::string& prefix,
                              bool with_default) {
  io::FieldBuilder b =
      from.type == io::FieldType::kChoice ? t.choice(key, from.choices) : t.number(key);
  if (!from.unit.empty()) b.unit(from.unit, from.internal_unit);
  if (with_default && from.default_value) b.default_(*from.default_value);
  if (with_default && !from.default_text.empty()) b.default_(from.default_text);
  if (!with_default)
    b.default_note("required");
  else if (!from.default_note.empty())
    b.default_note(from.default_note);
  // Every fleet number is bounded on both sides (finite products over the whole fleet): a field open
  // above in its own schema gets a bound far beyond any meaningful value.
  constexpr double kOpenAbove = 1e7;
  b.range(from.min, from.max ? from.max : std::optional<double>(kOpenAbove));
  if (from.min_exclusive) b.exclusive_min();
  if (from.max_exclusive) b.exclusive_max();
  if (from.typical_min && from.typical_max) b.typical(*from.typical_min, *from.typical_max);
  if (!from.source.empty()) b.source(from.source);
  b.doc(prefix + from.description);
  return b;
}

}  // namespace detail

namespace detail {
namespace {

bool lacks(const TableValues& t, const std::string& key, const std::string& what,
           core::Diagnostics& d) {
  if (t.values.has(key)) return false;
  if (t.rejected.count(key) == 0) d.error(t.where, shown_key(t, key), "required: " + what);
  return true;
}

/// The selector of the table: named smelters, a region or a country (exactly one), checked against
/// the dataset and the region table with a did-you-mean.
void read_selector(const TableValues& t, const LeverContext& x, CcsRetrofit& r) {
  const int given = t.values.has(lever_key("smelters")) + t.values.has(lever_key("region")) +
                    t.values.has(lever_key("country"));
  if (given != 1) {
    x.d.error(
        t.where, t.label,
        "give exactly one of smelters, region or country: the smelters that retrofit capture");
    return;
  }
  std::set<std::string> ids, countries;
  for (const auto& rec : x.records) {
    ids.insert(rec.id);
    countries.insert(rec.country);
  }
  if (const io::Value* v = t.values.get(lever_key("smelters"))) {
    r.smelters = list_items(*v);
    for (const auto& id : r.smelters)
      if (ids.count(id) == 0)
        io::report_unknown_name("smelter", id, {ids.begin(), ids.end()}, v->location,
                                shown_key(t, lever_key("smelters")), x.d);
  }
  if (const io::Value* v = t.values.get(lever_key("region"))) {
    r.region = v->text;
    if (x.regions.index_of(v->text) < 0)
      io::report_unknown_name("region", v->text, x.regions.ids(), v->location,
                              shown_key(t, lever_key("region")), x.d);
  }
  if (const io::Value* v = t.values.get(lever_key("country"))) {
    r.country = v->text;
    if (countries.count(v->text) == 0)
      io::report_unknown_name("country", v->text, {countries.begin(), countries.end()}, v->location,
                              shown_key(t, lever_key("country")), x.d);
  }
}

}  // namespace

void ccs_retrofit_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  CcsRetrofit r;
  r.label = t.label;
  read_selector(t, x, r);
  lacks(t, lever_key("capture_rate"), "the share of the potline-gas CO2 captured (0..1)", x.d);
  lacks(t, lever_key("capture_cost"),
        "the capture plant's cost per t CO2 captured (USD/t; an estimate with its basis)", x.d);
  lacks(t, lever_key("transport_storage"), "the transport and storage cost per t CO2 (USD/t)", x.d);
  if (t.values.text(lever_key("heat_supply"), "natural_gas") == "natural_gas") {
    lacks(t, lever_key("gas_price"),
          "the boiler's natural gas price (USD/GJ), or heat_supply = \"electric\"", x.d);
  }
  for (const char* key : kCcsKeys) {
    if (const io::Value* v = t.values.get(lever_key(key)))
      r.values.set(std::string("ccs.") + key, *v);
  }
  c.ccs_retrofits.push_back(std::move(r));
}

}  // namespace detail

void ccs_retrofit_inputs(const SmelterRecord& r, const FleetCase& c, io::ValueSet& values,
                         std::map<std::string, std::string>& source) {
  for (const CcsRetrofit& k : c.ccs_retrofits) {
    if (!k.covers(r)) continue;
    for (const auto& [key, v] : k.values.all()) {
      values.set(key, v);
      source[key] = fmt::format("fleet case {}, [[ccs_retrofit]] {} ({})", c.path, k.label, key);
    }
  }
}

namespace {

/// The smelter's inputs at the case's shocks, as fleet::evaluate sets them.
plant::SmelterInputs shocked_inputs(const FleetSmelter& s, const Shocks& k) {
  plant::SmelterInputs in = s.inputs;
  const auto r = static_cast<std::size_t>(s.region);
  in.power_usd_per_J = s.base_power_usd_per_J * k.power_factor[r] + k.power_adder_usd_per_J[r];
  in.alumina_usd_per_kg *= k.alumina_factor;
  return in;
}

/// The rank of smelter i on a cost curve (1 = cheapest), 0 when absent.
int rank_of(const std::vector<CurvePoint>& curve, std::size_t i) {
  for (std::size_t k = 0; k < curve.size(); ++k)
    if (curve[k].smelter == static_cast<int>(i)) return static_cast<int>(k) + 1;
  return 0;
}

/// One retrofitted smelter with and without its capture.
struct RetrofitRow {
  std::size_t i = 0;
  plant::SmelterResult with;
  plant::CcsEconomics economics;
};

std::vector<RetrofitRow> retrofitted(const FleetCase& c) {
  std::vector<RetrofitRow> rows;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const FleetSmelter& s = c.model.smelters[i];
    if (!(s.inputs.ccs.capture_rate > 0)) continue;
    RetrofitRow row;
    row.i = i;
    plant::SmelterCase sc;
    sc.inputs = shocked_inputs(s, c.shocks);
    row.with = plant::evaluate(sc.inputs);
    row.economics = plant::ccs_economics(sc, row.with);
    rows.push_back(std::move(row));
  }
  return rows;
}

FleetResult solve_without(const FleetCase& c) {
  FleetCase base = c;
  for (FleetSmelter& s : base.model.smelters) s.inputs.ccs.capture_rate = 0;
  base.ccs_retrofits.clear();
  return solve(base, base.shocks);
}

io::Json optional_per_t(const std::optional<double>& x) {
  return x ? io::Json(*x * kKgPerT) : io::Json(nullptr);
}

io::Json row_json(const FleetCase& c, const RetrofitRow& row, const FleetResult& with,
                  const FleetResult& without) {
  const FleetSmelter& s = c.model.smelters[row.i];
  const SmelterEconomics& a = with.smelters[row.i];
  const SmelterEconomics& b = without.smelters[row.i];
  const double produced = with.production_kg_per_s[row.i];
  io::Json j;
  j["id"] = s.record.id;
  j["region"] = s.record.region;
  j["capture_rate"] = s.inputs.ccs.capture_rate;
  j["co2_fraction"] = s.inputs.ccs.co2_fraction;
  j["heat_supply"] =
      s.inputs.ccs.heat_supply == plant::CcsHeatSupply::kElectric ? "electric" : "natural_gas";
  j["captured_t_per_t"] = row.with.ccs.captured_kg_per_kg;
  j["captured_Mt_co2_per_year"] = row.with.ccs.captured_kg_per_kg * produced * kMtPerYear;
  j["ccs_cost_usd_per_t"] = row.economics.cost_usd_per_kg * kKgPerT;
  j["breakeven_co2_price_usd_per_t"] = optional_per_t(row.economics.breakeven_usd_per_kg_co2);
  // Against CBAM (direct emissions, no electricity): below the scope 1 figure on captive power.
  j["breakeven_cbam_co2_price_usd_per_t"] = optional_per_t(row.economics.breakeven_cbam_usd_per_kg_co2);
  j["cost_usd_per_t_co2_avoided"] = optional_per_t(row.economics.usd_per_kg_avoided);
  j["production_kt_per_year"] = produced * kKtPerYear;
  j["production_without_kt_per_year"] = without.production_kg_per_s[row.i] * kKtPerYear;
  j["c1_usd_per_t"] = a.c1_usd_per_kg * kKgPerT;
  j["c1_without_usd_per_t"] = b.c1_usd_per_kg * kKgPerT;
  j["direct_co2e_t_per_t"] = a.direct_co2e_kg_per_kg;
  j["direct_co2e_without_t_per_t"] = b.direct_co2e_kg_per_kg;
  j["co2e_t_per_t"] = a.total_co2e_kg_per_kg;
  j["co2e_without_t_per_t"] = b.total_co2e_kg_per_kg;
  j["cbam_usd_per_t"] = a.cbam_usd_per_kg * kKgPerT;
  j["cbam_without_usd_per_t"] = b.cbam_usd_per_kg * kKgPerT;
  j["domestic_carbon_usd_per_t"] = a.domestic_carbon_usd_per_kg * kKgPerT;
  j["domestic_carbon_without_usd_per_t"] = b.domestic_carbon_usd_per_kg * kKgPerT;
  j["curve_rank"] = rank_of(with.curve, row.i);
  j["curve_rank_without"] = rank_of(without.curve, row.i);
  return j;
}

}  // namespace

io::Json ccs_retrofit_json(const FleetCase& c, const FleetResult& with) {
  const std::vector<RetrofitRow> rows = retrofitted(c);
  const FleetResult without = solve_without(c);
  io::Json j;
  io::Json smelters = io::Json::array();
  double captured = 0;
  for (const RetrofitRow& row : rows) {
    smelters.push_back(row_json(c, row, with, without));
    captured += row.with.ccs.captured_kg_per_kg * with.production_kg_per_s[row.i];
  }
  j["smelters"] = smelters;
  j["retrofitted"] = rows.size();
  j["captured_Mt_co2_per_year"] = captured * kMtPerYear;
  j["emissions_Mt_co2e"] = with.emissions_kg_co2e_per_s * kMtPerYear;
  j["emissions_without_Mt_co2e"] = without.emissions_kg_co2e_per_s * kMtPerYear;
  j["production_Mt"] = with.production_total_kg_per_s * kMtPerYear;
  j["production_without_Mt"] = without.production_total_kg_per_s * kMtPerYear;
  j["cost_curve_marginal_cost_usd_per_t"] = with.cost_curve_marginal_cost_usd_per_kg * kKgPerT;
  j["cost_curve_marginal_cost_without_usd_per_t"] =
      without.cost_curve_marginal_cost_usd_per_kg * kKgPerT;
  j["world_price_usd_per_t"] = with.world_price_usd_per_kg * kKgPerT;
  j["world_price_without_usd_per_t"] = without.world_price_usd_per_kg * kKgPerT;
  j["feasible_without"] = without.feasible;
  io::require_finite(j);
  return j;
}

std::string ccs_retrofit_csv(const io::Json& j) {
  static const char* const kColumns[] = {"id",
                                         "region",
                                         "capture_rate",
                                         "co2_fraction",
                                         "heat_supply",
                                         "captured_t_per_t",
                                         "captured_Mt_co2_per_year",
                                         "ccs_cost_usd_per_t",
                                         "breakeven_co2_price_usd_per_t",
                                         "breakeven_cbam_co2_price_usd_per_t",
                                         "cost_usd_per_t_co2_avoided",
                                         "production_kt_per_year",
                                         "production_without_kt_per_year",
                                         "c1_usd_per_t",
                                         "c1_without_usd_per_t",
                                         "direct_co2e_t_per_t",
                                         "direct_co2e_without_t_per_t",
                                         "co2e_t_per_t",
                                         "co2e_without_t_per_t",
                                         "cbam_usd_per_t",
                                         "cbam_without_usd_per_t",
                                         "domestic_carbon_usd_per_t",
                                         "domestic_carbon_without_usd_per_t",
                                         "curve_rank",
                                         "curve_rank_without"};
  std::ostringstream out;
  for (std::size_t k = 0; k < std::size(kColumns); ++k) out << (k ? "," : "") << kColumns[k];
  out << '\n';
  for (const io::Json& row : j.at("smelters")) {
    for (std::size_t k = 0; k < std::size(kColumns); ++k) {
      const io::Json& v = row.at(kColumns[k]);
      out << (k ? "," : "");
      if (v.is_string())
        out << io::csv_cell(v.get<std::string>());
      else if (v.is_number_integer())
        out << v.get<long long>();
      else if (v.is_number())
        out << fmt::format("{:.6g}", v.get<double>());
      // null: an empty cell
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace potline::fleet
