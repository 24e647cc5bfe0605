// potline fleet as a library function (see case_commands.hpp): the summary document, the path and
// the tables (the cost_curve, regions and flows tables in fleet_tables.cpp; columns: docs/cli.md,
// "potline fleet").
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "fleet_added_loads.hpp"
#include "fleet_path_end.hpp"
#include "fleet_power_shocks.hpp"
#include "fleet_tables.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/given_at.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/ccs_lever.hpp"
#include "potline/fleet/hpa_product.hpp"
#include "potline/fleet/indirect_cost_case.hpp"
#include "potline/fleet/years.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::api {
namespace {

using fleet_tables::difference;
using fleet_tables::num;

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kMt = kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                     // USD/kg -> USD/t

io::Json by_region(const fleet::FleetCase& c, const std::vector<double>& v, double scale) {
  io::Json j = io::Json::object();
  const auto& regions = c.model.regions.regions;
  for (std::size_t r = 0; r < regions.size(); ++r) j[regions[r].id] = v[r] * scale;
  return j;
}

// One row per smelter of a carbon scheme (EU or UK ETS) with its output and direct intensity;
// `fields(economics, production_kg_per_s, row)` adds the scheme's own allocation and cost.
template <class InScheme, class Fields>
io::Json scheme_rows(const fleet::FleetCase& c, const fleet::FleetResult& f, InScheme in_scheme, Fields fields) {
  io::Json rows = io::Json::array();
  for (std::size_t i = 0; i < c.model.smelters.size() && i < f.smelters.size() && i < f.production_kg_per_s.size(); ++i) {
    if (!in_scheme(c.model.smelters[i])) continue;
    io::Json row = io::Json::object();
    row["id"] = c.model.smelters[i].record.id;
    row["production_kt_per_year"] = f.production_kg_per_s[i] * kKt;
    row["direct_co2e_t_per_t"] = f.smelters[i].direct_co2e_kg_per_kg;
    fields(f.smelters[i], f.production_kg_per_s[i], row);
    rows.push_back(row);
  }
  return rows;
}

// The EU ETS of a case with a year (fleet.hpp, EuEtsCharge): cost and free allocation per smelter.
io::Json eu_ets_json(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const fleet::EuEtsCharge& ets = c.model.eu_ets;
  io::Json j = io::Json::object();
  j["charged"] = ets.on;
  j["year"] = ets.year;
  j["benchmark_t_per_t"] = ets.benchmark_t_per_t(ets.year);
  j["free_allocation_t_per_t"] = ets.on ? ets.free_allocation_t_per_t(ets.year) : 0.0;
  j["eua_usd_per_t"] = ets.eua_usd_per_kg_co2 * kT;
  double produced = 0, cost = 0;
  const io::Json rows = scheme_rows(
      c, f, [](const auto& s) { return s.in_eu_ets; },
      [&](const fleet::SmelterEconomics& e, double production_kg_per_s, io::Json& row) {
        row["free_allocation_t_per_t"] = e.eu_ets_free_allocation_kg_per_kg;
        row["cost_usd_per_t"] = e.eu_ets_usd_per_kg * kT;
        produced += production_kg_per_s;
        cost += production_kg_per_s * e.eu_ets_usd_per_kg;
      });
  j["production_Mt"] = produced * kMt;
  j["mean_cost_usd_per_t"] = produced > 0 ? cost / produced * kT : 0.0;
  j["smelters"] = rows;
  return j;
}

// Whether the smelters' PFC counts low-voltage (non-anode-effect) CF4 (user trial T10-7): each
// smelter's case takes it as `potline smelter` does (plant::low_voltage_pfc; none by default).
std::string low_voltage_pfc_text(const fleet::FleetCase& c) {
  std::size_t with = 0;
  for (const auto& s : c.model.smelters) with += s.inputs.emissions.low_voltage_cf4_kg_per_kg > 0.0 ? 1 : 0;
  if (with > 0) {
    return fmt::format("low-voltage CF4 included for {} of {} smelters (emissions.low_voltage_cf4)", with,
                       c.model.smelters.size());
  }
  return c.china_pfc == plant::ChinaPfcBasis::kTopDown
             ? "high-voltage anode effects only (low-voltage PFC of the IPCC 2019 Refinement not included), except "
               "China's top-down entries (fleet.china_pfc = \"top_down\"), whose AEM includes it"
             : "high-voltage anode effects only: low-voltage PFC (IPCC 2019 Refinement, LVAE) not included, as on the "
               "IAI's reporting basis; China's top-down basis (fleet.china_pfc = \"top_down\") includes it";
}

// The UK ETS of a case with a year (fleet.hpp, UkEtsCharge): cost and free allocation per UK smelter.
io::Json uk_ets_json(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const fleet::UkEtsCharge& ets = c.model.uk_ets;
  io::Json j = io::Json::object();
  j["charged"] = ets.on;
  j["year"] = ets.year;
  j["benchmark_t_per_t"] = ets.schedule.benchmark_t_per_t;
  j["allocation_factor"] = ets.schedule.allocation_factor_in(ets.year);
  j["free_allocation_t_per_t"] = ets.on ? ets.schedule.free_allocation_t_per_t(ets.year) : 0.0;
  j["uka_usd_per_t"] = ets.schedule.uka_usd_per_kg_co2(ets.year) * kT;
  const io::Json rows = scheme_rows(
      c, f, [](const auto& s) { return s.in_uk_ets; },
      [](const fleet::SmelterEconomics& e, double, io::Json& row) {
        row["free_allocation_t_per_t"] = e.uk_ets_free_allocation_kg_per_kg;
        row["cost_usd_per_t"] = e.uk_ets_usd_per_kg * kT;
        row["eu_cbam_usd_per_t"] = e.cbam_usd_per_kg * kT;  // on its metal sold into the EU, net of the UK ETS
      });
  j["smelters"] = rows;
  return j;
}

// The compensation of indirect emission costs of a case with a year (indirect_cost_case.hpp): the
// EUA forward price, each compensated smelter's aid per t, and the text's note.
io::Json indirect_cost_json(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  io::Json j = io::Json::object();
  j["year"] = c.model.indirect_cost.year;
  j["eua_forward_eur_per_t"] = c.model.indirect_cost.eua_eur_per_t;
  io::Json rows = io::Json::array();
  double aid = 0;
  const std::size_t n = std::min({c.model.smelters.size(), f.smelters.size(), f.production_kg_per_s.size()});
  for (std::size_t i = 0; i < n; ++i) {
    const fleet::SmelterEconomics& e = f.smelters[i];
    if (!(e.indirect_cost_aid_usd_per_kg > 0)) continue;
    io::Json row = io::Json::object();
    row["id"] = c.model.smelters[i].record.id;
    row["production_kt_per_year"] = f.production_kg_per_s[i] * kKt;
    const double aid_usd_per_J = c.model.smelters[i].indirect_cost_aid_usd_per_J;
    row["aid_usd_per_MWh"] = aid_usd_per_J * constants::kJoulePerKWh * 1e3;
    row["aid_usd_per_t"] = e.indirect_cost_aid_usd_per_kg * kT;
    rows.push_back(row);
    aid += f.production_kg_per_s[i] * e.indirect_cost_aid_usd_per_kg;
  }
  j["aid_million_usd_per_year"] = aid * constants::kSecondsPerYear / 1e6;
  j["smelters"] = rows;
  j["note"] = fleet::indirect_cost_note(c);
  return j;
}

// The region table's premia (T13-14): the value every region's demand anchor and smelter export
// take, its basis (published / estimate / none), and the published figure, null where the region has
// no benchmark, so that estimates are not read as published data.
void add_table_premia(const fleet::FleetCase& c, io::Json& j) {
  io::Json table = io::Json::object(), basis = io::Json::object(), published = io::Json::object();
  for (const fleet::Region& r : c.model.regions.regions) {
    table[r.id] = r.premium_usd_per_kg * kT;
    basis[r.id] = fleet::to_string(r.premium_basis);
    const auto value = r.published_premium_usd_per_kg();
    published[r.id] = value ? io::Json(*value * kT) : io::Json(nullptr);
  }
  j["published_premium_by_region_usd_per_t"] = published;
  j["premium_basis_by_region"] = basis;
  j["table_premium_by_region_usd_per_t"] = table;
}

io::Json summary_json(const fleet::FleetCase& c, const fleet::FleetResult& f, const std::vector<std::string>& warnings) {
  io::Json j;
  j["title"] = c.title;
  j["smelters"] = f.smelters.size();
  j["capacity_Mt"] = f.capacity_kg_per_s * kMt;
  j["production_Mt"] = f.production_total_kg_per_s * kMt;
  j["demand_Mt"] = f.demand_total_kg_per_s * kMt;
  j["curtailed_Mt"] = difference(f.capacity_kg_per_s, f.production_total_kg_per_s) * kMt;
  j["consumption_Mt"] = f.consumption_total_kg_per_s * kMt;
  j["demand_elastic"] = f.elastic;
  j["demand_price_step"] = f.demand_price_step;  // the price resolution of the demand blocks (0: fixed)
  j["capacity_by_region_Mt"] = by_region(c, f.capacity_by_region_kg_per_s, kMt);
  j["production_by_region_Mt"] = by_region(c, f.production_by_region_kg_per_s, kMt);
  j["consumption_by_region_Mt"] = by_region(c, f.consumption_kg_per_s, kMt);
  j["demand_by_region_Mt"] = by_region(c, f.demand_kg_per_s, kMt);
  // Each region's demand curve passes through its reference demand at this price (market.demand_anchor).
  std::vector<double> anchor;
  for (const market::DemandCurve& curve : c.demand_curve) anchor.push_back(curve.reference_price_usd_per_kg);
  j["demand_reference_price_by_region_usd_per_t"] = by_region(c, anchor, kT);
  j["marginal_cost_usd_per_t"] = f.marginal_cost_usd_per_kg * kT;
  j["cost_curve_marginal_cost_usd_per_t"] = f.cost_curve_marginal_cost_usd_per_kg * kT;
  j["price_by_region_usd_per_t"] = by_region(c, f.price_usd_per_kg, kT);
  j["world_price_usd_per_t"] = f.world_price_usd_per_kg * kT;
  std::vector<double> premium;
  for (std::size_t r = 0; r < f.price_usd_per_kg.size(); ++r)
    premium.push_back(difference(f.price_usd_per_kg[r], f.world_price_usd_per_kg));
  j["premium_by_region_usd_per_t"] = by_region(c, premium, kT);
  add_table_premia(c, j);
  j["emissions_Mt_co2e"] = f.emissions_kg_co2e_per_s * kSecondsPerYear / 1e9;
  j["pfc_low_voltage"] = low_voltage_pfc_text(c);
  j["emissions_intensity_t_co2e_per_t"] =
      f.production_total_kg_per_s > 0 ? f.emissions_kg_co2e_per_s / f.production_total_kg_per_s : 0.0;
  io::Json uw = io::Json::array();
  for (int i : f.under_water) uw.push_back(c.model.smelters[static_cast<std::size_t>(i)].record.id);
  j["under_water"] = uw;
  j["under_water_Mt"] = f.under_water_capacity_kg_per_s * kMt;
  j["lme_usd_per_t"] = c.lme_usd_per_kg * kT;
  j["cbam_year"] = c.cbam_year;
  j["cbam_route"] = c.cbam_route == fleet::CbamRoute::kDefault ? "default" : "actual";
  if (c.model.eu_ets.year != 0) j["eu_ets"] = eu_ets_json(c, f);
  if (c.model.uk_ets.year != 0) j["uk_ets"] = uk_ets_json(c, f);
  if (c.model.indirect_cost.on) j["indirect_cost_compensation"] = indirect_cost_json(c, f);
  j["market"] = f.market_solved ? "optimal" : "not solved";
  j["price_year"] = c.model.regions.price_year;
  j["tariff_basis"] = c.tariff_basis == fleet::TariffBasis::kLme           ? "lme"
                      : c.tariff_basis == fleet::TariffBasis::kOriginPrice ? "origin_price"
                                                                            : "transaction_value";
  io::Json caps = io::Json::object();
  for (std::size_t k = 0; k < c.caps.size() && k < f.cap_shadow_usd_per_kg.size(); ++k) {
    caps[c.caps[k].name] = f.cap_shadow_usd_per_kg[k] * kT;
  }
  j["cap_shadow_price_usd_per_t"] = caps;
  io::Json lanes = io::Json::object();
  for (std::size_t k = 0; k < c.flow_limits.size() && c.caps.size() + k < f.cap_shadow_usd_per_kg.size(); ++k) {
    lanes[c.flow_limits[k].name] = f.cap_shadow_usd_per_kg[c.caps.size() + k] * kT;
  }
  j["flow_limit_shadow_price_usd_per_t"] = lanes;
  j["tariff_iterations"] = f.tariff_iterations;
  j["tariff_converged"] = f.tariff_converged;
  j["warnings"] = warnings;
  io::require_finite(j);
  return j;
}

}  // namespace

namespace {
// load_fleet without the located_at_case wrapper.
FleetInput load_fleet_here(const CaseSource& source) {
  core::Diagnostics d;
  const std::string dir = source.data();
  FleetInput input{plant::SmelterData::load(dir, d), {}, {}, {}, {}};
  if (d.has_errors()) throw core::InputError(d);
  input.c = source.text ? fleet::parse_fleet_case(*source.text, source.display_name, source.base_dir(), dir,
                                                  input.data, d, source.sets)
                        : fleet::load_fleet_case(source.path, dir, input.data, d, source.sets);
  input.warnings = d.warning_messages();
  input.located_warnings = located_warnings(d, {}, source);
  input.source = source;
  return input;
}
}  // namespace

FleetInput load_fleet(const CaseSource& source) {
  return located_at_case(source, [&] { return load_fleet_here(source); });
}

namespace {

/// One year of a path: the figures an analyst follows from year to year.
/// The power price of a region's captive coal- and gas-fired smelters in the year [USD/MWh]: the
/// mean over them weighted by capacity, as evaluated (fuel path and shocks included); nullopt when
/// the region has none.
std::optional<double> region_captive_power_usd_per_MWh(const fleet::YearResult& y, std::size_t region) {
  double sum = 0, capacity = 0;
  for (std::size_t i = 0; i < y.c.model.smelters.size() && i < y.r.smelters.size(); ++i) {
    const fleet::FleetSmelter& s = y.c.model.smelters[i];
    const fleet::SmelterEconomics& e = y.r.smelters[i];
    if (s.region != static_cast<int>(region) || !plant::is_captive(s.record.power_source) || e.sec_ac_J_per_kg <= 0) continue;
    sum += e.power_usd_per_kg / e.sec_ac_J_per_kg * e.capacity_kg_per_s;
    capacity += e.capacity_kg_per_s;
  }
  if (capacity <= 0) return std::nullopt;
  return sum / capacity * constants::kJoulePerKWh * 1e3;
}

io::Json path_entry(const fleet::YearResult& y) {
  const io::Json s = summary_json(y.c, y.r, {});
  io::Json j;
  j["year"] = y.year;
  for (const char* key : {"capacity_Mt", "production_Mt", "demand_Mt", "curtailed_Mt", "world_price_usd_per_t",
                          "price_by_region_usd_per_t", "production_by_region_Mt", "capacity_by_region_Mt",
                          "cap_shadow_price_usd_per_t", "emissions_Mt_co2e", "cbam_year"})
    j[key] = s.at(key);
  io::Json captive = io::Json::object();
  const auto& regions = y.c.model.regions.regions;
  for (std::size_t r = 0; r < regions.size(); ++r)
    if (const auto price = region_captive_power_usd_per_MWh(y, r)) captive[regions[r].id] = *price;
  j["captive_power_by_region_usd_per_MWh"] = captive;
  return j;
}

/// The CBAM cost of a region's metal if sold into the EU in the year [USD/t]: the mean over its
/// smelters weighted by production (by capacity when the region produces nothing; 0 without CBAM,
/// and 0 for the europe region itself: the trade LP charges CBAM on imports into europe only).
double region_cbam_usd_per_t(const fleet::YearResult& y, std::size_t region) {
  if (static_cast<int>(region) == y.c.model.regions.index_of("europe")) return 0.0;
  double cost = 0, weight = 0, cost_cap = 0, capacity = 0;
  for (std::size_t i = 0; i < y.c.model.smelters.size() && i < y.r.smelters.size(); ++i) {
    if (y.c.model.smelters[i].region != static_cast<int>(region)) continue;
    const double produced = i < y.r.production_kg_per_s.size() ? y.r.production_kg_per_s[i] : 0.0;
    cost += y.r.smelters[i].cbam_usd_per_kg * produced;
    weight += produced;
    cost_cap += y.r.smelters[i].cbam_usd_per_kg * y.r.smelters[i].capacity_kg_per_s;
    capacity += y.r.smelters[i].capacity_kg_per_s;
  }
  if (weight > 0) return cost / weight * kT;
  return capacity > 0 ? cost_cap / capacity * kT : 0.0;
}

std::string path_table(const std::vector<fleet::YearResult>& years) {
  std::ostringstream out;
  out << "year,region,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,price_usd_per_t,premium_usd_per_t,"
         "cbam_year,eua_eur_per_t,cbam_usd_per_t,captive_power_usd_per_MWh\n";
  for (const fleet::YearResult& y : years) {
    const auto& regions = y.c.model.regions.regions;
    for (std::size_t r = 0; r < regions.size(); ++r) {
      const auto captive = region_captive_power_usd_per_MWh(y, r);
      out << y.year << ',' << regions[r].id << ',' << num(y.r.capacity_by_region_kg_per_s[r] * kMt) << ','
          << num(y.r.production_by_region_kg_per_s[r] * kMt) << ',' << num(y.r.demand_kg_per_s[r] * kMt) << ','
          << num(y.r.price_usd_per_kg[r] * kT) << ',' << num(difference(y.r.price_usd_per_kg[r], y.r.world_price_usd_per_kg) * kT)
          << ',' << y.c.cbam_year << ',' << num(y.c.eua_eur_per_t) << ',' << num(region_cbam_usd_per_t(y, r)) << ','
          << (captive ? num(*captive) : std::string()) << '\n';  // empty: no captive coal or gas smelter
    }
  }
  return out.str();
}

// Each [[exclusion]] solved away, to say whether it binds (docs/cli.md, summary key `exclusions`):
// an exclusion the trade LP would not use anyway (no origin metal flows to those importers) leaves
// every result unchanged, which a reader cannot tell from the case's own results.
// `count`: the case's own [[exclusion]] tables, the first of a year's exclusions (the dated measures
// of data/fleet-sanctions.toml follow them and are not listed: they may repeat an origin, the
// element's identity for `compare` and `--outputs`).
io::Json exclusions_json(const fleet::FleetCase& c, const fleet::FleetResult& with, std::size_t count) {
  io::Json out = io::Json::array();
  const auto& regions = c.model.regions.regions;
  for (std::size_t i = 0; i < std::min(count, c.exclusions.size()); ++i) {
    const fleet::Exclusion& x = c.exclusions[i];
    fleet::FleetCase base = c;
    base.exclusions.erase(base.exclusions.begin() + static_cast<std::ptrdiff_t>(i));
    const fleet::FleetResult without = fleet::solve(base, base.shocks);
    io::Json j;
    j["origin"] = !x.origin_province.empty() ? "province " + x.origin_province
                  : !x.origin_country.empty() ? "country " + x.origin_country
                                              : "region " + x.origin_region;
    io::Json importers = io::Json::array();
    for (int r : x.importers) importers.push_back(regions[static_cast<std::size_t>(r)].id);
    j["importers"] = importers;
    double capacity = 0, produced = 0, produced_without = 0;
    for (std::size_t k = 0; k < c.model.smelters.size(); ++k) {
      const auto& rec = c.model.smelters[k].record;
      const bool origin = (!x.origin_province.empty() && rec.province == x.origin_province) ||
                          (!x.origin_country.empty() && rec.country == x.origin_country) ||
                          (!x.origin_region.empty() && rec.region == x.origin_region);
      if (!origin) continue;
      capacity += rec.capacity_kg_per_s;
      produced += with.production_kg_per_s[k];
      if (without.feasible) produced_without += without.production_kg_per_s[k];
    }
    j["origin_capacity_Mt"] = capacity * kMt;
    j["origin_production_Mt"] = produced * kMt;
    j["feasible_without"] = without.feasible;
    bool binding = !without.feasible || std::abs(produced - produced_without) * kKt >= 1.0;  // 1 kt/yr
    io::Json price = io::Json::object(), price_without = io::Json::object();
    for (int r : x.importers) {
      const auto k = static_cast<std::size_t>(r);
      price[regions[k].id] = with.price_usd_per_kg[k] * kT;
      price_without[regions[k].id] = without.feasible ? io::Json(without.price_usd_per_kg[k] * kT) : io::Json(nullptr);
      if (without.feasible && std::abs(with.price_usd_per_kg[k] - without.price_usd_per_kg[k]) * kT >= 0.5) binding = true;
    }
    j["origin_production_without_Mt"] = without.feasible ? io::Json(produced_without * kMt) : io::Json(nullptr);
    j["price_by_importer_usd_per_t"] = price;
    j["price_by_importer_without_usd_per_t"] = price_without;
    j["binding"] = binding;
    out.push_back(j);
  }
  return out;
}

void require_feasible(const fleet::FleetCase& c, const fleet::FleetResult& r, int year) {
  if (r.feasible) return;
  core::Diagnostics bad;
  bad.error({c.path, 0, 0}, "market", (year != 0 ? fmt::format("year {}: ", year) : std::string()) + r.explanation);
  throw core::InputError(bad);
}

// With [cbam] and cbam.eu_ets = "off", the trade LP charges imports into `europe` the CBAM
// certificates on their embedded emissions less the free-allocation adjustment (benchmark × CBAM
// factor × CSCF), while the smelters in the EU ETS (EU and EEA states; cbam_route "not applicable
// (... EU ETS)") carry no carbon cost at all, though their free allocation falls on the same schedule
// (Directive 2003/87/EC Art. 10a(1a); [EU 2023/956] Art. 31: CBAM replaces it) and is gone in 2034.
// A note says what they would pay (the default, cbam.eu_ets = "charged", charges it: fleet.hpp,
// EuEtsCharge), unless a [[carbon_price]] already charges them.
std::optional<std::string> eu_ets_note(const plant::SmelterData& data, const fleet::FleetCase& c,
                                       const fleet::FleetResult& f) {
  if (c.cbam_year == 0 || c.model.eu_ets.on || f.production_kg_per_s.size() != c.model.smelters.size() ||
      f.smelters.size() != c.model.smelters.size())
    return std::nullopt;
  const auto year = static_cast<std::size_t>(policy::cbam_schedule_index(c.cbam_year));
  if (year >= data.cbam.factor.size()) return std::nullopt;
  const double factor = data.cbam.factor[year];
  const double free = c.model.eu_ets.free_allocation_t_per_t(c.cbam_year);  // cbam.ets_benchmark x factor x CSCF
  const double usd_per_t_co2 = c.eua_eur_per_t * c.usd_per_eur;
  double produced = 0, cost = 0, direct = 0, low = 1e300, high = 0;
  int n = 0;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const fleet::FleetSmelter& s = c.model.smelters[i];
    const fleet::SmelterEconomics& e = f.smelters[i];
    if (!s.in_eu_ets || f.production_kg_per_s[i] <= 0 ||
        e.domestic_carbon_usd_per_kg > 0)
      continue;
    const double see = e.direct_co2e_kg_per_kg;  // t/t
    const double usd = std::max(0.0, see - free) * usd_per_t_co2;
    const double w = f.production_kg_per_s[i];
    produced += w;
    cost += w * usd;
    direct += w * see;
    low = std::min(low, usd);
    high = std::max(high, usd);
    ++n;
  }
  if (n == 0 || cost <= 0) return std::nullopt;
  return fmt::format(
      "the EU ETS is not charged (cbam.eu_ets = \"off\"): the {} producing smelters in it ({:.2f} Mt/yr) carry no carbon cost, while CBAM {} "
      "charges imports into europe for their direct emissions less the free allocation (benchmark {:.3g} x CBAM factor "
      "{:.3g} t/t), which EU ETS producers lose on the same schedule; at {:.0f} EUR/t, above their free allocation of "
      "{:.3g} t/t, they would pay {:.0f}-{:.0f} USD/t "
      "(mean {:.0f}) on their own, as the default cbam.eu_ets = \"charged\" counts it (all of their direct emissions: "
      "[[carbon_price]] region = \"europe\", price = \"{:.1f} USD/t\") "
      "(Directive 2003/87/EC Art. 10a(1a), [EU 2023/956] Art. 31)",
      n, produced * kMt, c.cbam_year, data.cbam.benchmark_primary_t_per_t, factor, c.eua_eur_per_t, free, low, high,
      cost / produced, cost / direct);
}

}  // namespace

namespace {
// run_fleet without placing its input errors.
FleetRun run_fleet_here(const FleetInput& input) {
  const fleet::FleetCase& c = input.c;
  FleetRun run;
  run.warnings = input.warnings;
  if (c.year == 0) {
    run.result = fleet::solve(c, c.shocks);
    require_feasible(c, run.result, 0);
    run.warnings.insert(run.warnings.end(), run.result.warnings.begin(), run.result.warnings.end());
    if (const auto note = eu_ets_note(input.data, c, run.result)) run.warnings.push_back(*note);
    run.summary = summary_json(c, run.result, run.warnings);
    run.summary["notes"] = io::Json::array();
    if (!c.exclusions.empty() && run.result.market_solved)
      run.summary["exclusions"] = exclusions_json(c, run.result, c.exclusions.size());
    if (auto shocks = power_shocks_json(c, c, run.result); !shocks.empty())
      run.summary["power_shocks"] = shocks;
    if (auto loads = added_loads_json(c, run.result); !loads.is_null()) run.summary["added_loads"] = loads;  // T12-9
    if (!c.ccs_retrofits.empty()) run.summary["ccs_retrofit"] = fleet::ccs_retrofit_json(c, run.result);
    if (!c.hpa_products.empty()) run.summary["hpa"] = fleet::hpa_product_json(c, run.result);
    // Issue 13 part 5: once, for the case solved (the envelope runs the dynamic model).
    if (c.flex.enabled()) run.summary["flexible_capacity"] = fleet::flex_capacity_json(c, run.result, input.data);
    return run;
  }
  std::vector<fleet::YearResult> years = fleet::solve_years(c);
  std::vector<std::string> notes;
  for (const auto& y : years) {
    require_feasible(y.c, y.r, y.year);
    for (const auto& w : y.r.warnings)
      run.warnings.push_back(fmt::format("year {}: {}", y.year, w));
    // The published outcome set beside a path year (fleet::solve_years) doubts no input: a note,
    // not a warning (user trial T17-12: every run of the shipped path printed two "warning:"
    // lines).
    if (y.published) notes.push_back(fmt::format("year {}: {}", y.year, published_outcome_note(y)));
  }
  const fleet::YearResult& last = years.back();
  if (const auto note = eu_ets_note(input.data, last.c, last.r)) run.warnings.push_back(fmt::format("year {}: {}", last.year, *note));
  run.result = last.r;
  run.year_case = std::make_shared<const fleet::FleetCase>(last.c);
  run.summary = summary_json(last.c, last.r, run.warnings);
  run.summary["notes"] = notes;
  run.summary["year"] = last.year;
  // T13-11: what the year's smelters start from; a path's last year beside the same year alone.
  run.summary["year_start"] = year_start(years.size() > 1);
  if (years.size() > 1 && last.r.feasible) run.summary["path_end_vs_year_alone"] = path_end_json(c, last);
  // The case's [[exclusion]] tables in the (last) year, each solved away: said for a year case too,
  // since examples/xinjiang-exclusion.toml builds on the 2024 backtest and its exclusion must still
  // say that it does not bind (the dated measures in force that year stay in every solve).
  if (!c.exclusions.empty() && last.r.market_solved)
    run.summary["exclusions"] = exclusions_json(last.c, last.r, c.exclusions.size());
  if (auto shocks = power_shocks_json(c, last.c, last.r); !shocks.empty())
    run.summary["power_shocks"] = shocks;
  if (auto loads = added_loads_json(last.c, last.r); !loads.is_null()) run.summary["added_loads"] = loads;  // T12-9
  if (!last.c.ccs_retrofits.empty()) run.summary["ccs_retrofit"] = fleet::ccs_retrofit_json(last.c, last.r);
  if (!last.c.hpa_products.empty()) run.summary["hpa"] = fleet::hpa_product_json(last.c, last.r);
  if (last.c.flex.enabled()) run.summary["flexible_capacity"] = fleet::flex_capacity_json(last.c, last.r, input.data);
  if (years.size() > 1) {
    io::Json path = io::Json::array();
    for (const auto& y : years) path.push_back(path_entry(y));
    run.summary["path"] = path;
    run.path_csv = path_table(years);
  }
  return run;
}
}  // namespace

FleetRun run_fleet(const FleetInput& input) {
  try {
    return run_fleet_here(input);
  } catch (const core::InputError& e) {
    // An input checked in the solve (fleet.flex_power against the rectifier's reach) at the place it
    // was given, not at the case file (user trial T17-8).
    throw placed_where_given(e, input.source);
  }
}

std::vector<std::string> located_warnings(const FleetInput& input, const FleetRun& run) {
  std::vector<std::string> out = input.located_warnings;
  // run.warnings begins with the case's (input.warnings); the solve's follow.
  for (std::size_t i = std::min(input.warnings.size(), run.warnings.size()); i < run.warnings.size(); ++i)
    out.push_back("warning: " + run.warnings[i]);  // as core::Diagnostic prints one with no place
  return out;
}

Tables FleetRun::tables(const fleet::FleetCase& input_case) const {
  const fleet::FleetCase& c = year_case ? *year_case : input_case;
  Tables t = {{"cost_curve.csv", fleet_tables::cost_curve_csv(c, result)},
              {"regions.csv", fleet_tables::regions_csv(c, result)},
              {"flows.csv", fleet_tables::flows_csv(c, result)}};
  if (!path_csv.empty()) t["path.csv"] = path_csv;
  if (summary.contains("ccs_retrofit")) t["ccs_retrofit.csv"] = fleet::ccs_retrofit_csv(summary.at("ccs_retrofit"));
  if (summary.contains("hpa")) t["hpa.csv"] = fleet::hpa_product_csv(summary.at("hpa"));
  if (summary.contains("flexible_capacity"))  // issue 13 part 5
    t["flex_capacity.csv"] = fleet::flex_capacity_csv(summary.at("flexible_capacity"));
  return t;
}

}  // namespace potline::api
