// A fleet case's settings and levers from its schema values (see fleet_case_internal.hpp). Values
// arrive converted to internal units and range-checked (fleet_schema.cpp); here are the rules
// that involve the region table, the dataset and the catalogue: names with a did-you-mean, keys
// that are required or exclusive.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "fleet_case_internal.hpp"
#include "nextgen_levers.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/fleet/tariff_dates.hpp"
#include "potline/core/units.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::fleet::detail {
namespace {

using core::SourceLocation;

std::string resolve(const std::string& path, const std::string& base_dir) {
  if (path.empty()) return path;
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(base_dir) / p).lexically_normal().string();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& x : items) out += (out.empty() ? "" : ", ") + x;
  return out;
}

/// A required region id of a lever table: its index, or -1 after an error.
int region_ref(const TableValues& t, const std::string& key, const LeverContext& x) {
  const io::Value* v = t.values.get(key);
  if (v == nullptr) {
    if (t.rejected.count(key) == 0) x.d.error(t.where, shown_key(t, key), "required: a region id (" + join(x.regions.ids()) + ")");
    return -1;
  }
  const int i = x.regions.index_of(v->text);
  if (i < 0) io::report_unknown_name("region", v->text, x.regions.ids(), v->location, shown_key(t, key), x.d);
  return i;
}

/// The value of `key`, or its schema default.
double number_or_default(const TableValues& t, const std::string& key) {
  if (const auto v = t.values.maybe_number(key)) return *v;
  const io::FieldSpec& f = *fleet_schema().find(key);
  return core::convert(f.default_value.value(), f.unit, f.internal_unit).value;
}

/// Reports a required key that is absent (and was not already reported as a bad value).
bool missing(const TableValues& t, const std::string& key, const std::string& what, core::Diagnostics& d) {
  if (t.values.has(key)) return false;
  if (t.rejected.count(key) == 0) d.error(t.where, shown_key(t, key), "required: " + what);
  return true;
}

std::vector<std::string> list_or_empty(const TableValues& t, const std::string& key) {
  const io::Value* v = t.values.get(key);
  return v == nullptr ? std::vector<std::string>{} : list_items(*v);
}

void demand_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  const int r = region_ref(t, "demand.region", x);
  if (r < 0) return;
  const auto i = static_cast<std::size_t>(r);
  c.demand_factor[i] *= number_or_default(t, "demand.factor");
  if (const auto e = t.values.maybe_number("demand.elasticity")) c.demand_curve[i].elasticity = *e;
  if (const auto p = t.values.maybe_number("demand.reference_price")) c.demand_curve[i].reference_price_usd_per_kg = *p;
}

void tariff_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  Tariff tf;
  tf.importer = region_ref(t, "tariff.importer", x);
  tf.rate = number_or_default(t, "tariff.rate");
  tf.exporters = list_or_empty(t, "tariff.exporters");
  tf.exempt = list_or_empty(t, "tariff.exempt");
  tf.label = t.label;
  tf.where = t.where;
  if (const io::Value* v = t.values.get("tariff.from")) {  // a day number (case_input.cpp, layout dates)
    tf.from_day = static_cast<int>(v->number);
    tf.from_at = v->location;
  }
  if (const io::Value* v = t.values.get("tariff.until")) {
    tf.until_day = static_cast<int>(v->number);
    tf.until_at = v->location;
  }
  std::set<std::string> countries;
  for (const auto& r : x.records) countries.insert(r.country);
  for (const char* key : {"tariff.exporters", "tariff.exempt"}) {
    for (const auto& name : list_or_empty(t, key)) {
      if (x.regions.index_of(name) >= 0 || countries.count(name) != 0) continue;
      std::vector<std::string> candidates = x.regions.ids();
      candidates.insert(candidates.end(), countries.begin(), countries.end());
      io::report_unknown_name("region or country", name, candidates, t.values.get(key)->location, shown_key(t, key), x.d);
    }
  }
  c.tariffs.push_back(std::move(tf));
}

void check_origin(const TableValues& t, const std::string& what, const std::set<std::string>& known,
                  const std::string& key, const LeverContext& x) {
  const io::Value* v = t.values.get(key);
  if (v == nullptr || known.count(v->text) != 0) return;
  io::report_unknown_name(what, v->text, {known.begin(), known.end()}, v->location, shown_key(t, key), x.d);
}

void exclusion_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  Exclusion e;
  for (const auto& id : list_or_empty(t, "exclusion.importers")) {
    const int r = x.regions.index_of(id);
    if (r < 0) io::report_unknown_name("region", id, x.regions.ids(), t.values.get("exclusion.importers")->location,
                                       shown_key(t, "exclusion.importers"), x.d);
    else e.importers.push_back(r);
  }
  missing(t, "exclusion.importers", "the regions that refuse the metal", x.d);
  e.origin_region = t.values.text("exclusion.origin_region");
  e.origin_country = t.values.text("exclusion.origin_country");
  e.origin_province = t.values.text("exclusion.origin_province");
  const int given = t.values.has("exclusion.origin_region") + t.values.has("exclusion.origin_country") +
                    t.values.has("exclusion.origin_province");
  if (given != 1) x.d.error(t.where, t.label, "give exactly one of origin_region, origin_country, origin_province");
  const std::vector<std::string> ids = x.regions.ids();
  std::set<std::string> countries, provinces;
  for (const auto& r : x.records) {
    countries.insert(r.country);
    provinces.insert(r.province);
  }
  check_origin(t, "region", {ids.begin(), ids.end()}, "exclusion.origin_region", x);
  check_origin(t, "country", countries, "exclusion.origin_country", x);
  check_origin(t, "province", provinces, "exclusion.origin_province", x);
  c.exclusions.push_back(std::move(e));
}

void cap_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  CapSpec cap;
  cap.region = region_ref(t, "cap.region", x);
  const std::string region = cap.region >= 0 ? x.regions.regions[static_cast<std::size_t>(cap.region)].id + " cap" : "cap";
  cap.name = t.values.text("cap.name", region);
  if (!missing(t, "cap.capacity", "the region's production cap (Mt/yr)", x.d)) {
    cap.capacity_kg_per_s = t.values.number("cap.capacity");
  }
  c.caps.push_back(cap);
}

/// A flow limit on one trade lane (an import quota, or a lane held at an observed flow).
void flow_limit_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  FlowLimit f;
  f.from = region_ref(t, "flow_limit.from", x);
  f.to = region_ref(t, "flow_limit.to", x);
  const auto id = [&](int r) { return r >= 0 ? x.regions.regions[static_cast<std::size_t>(r)].id : std::string("?"); };
  f.name = t.values.text("flow_limit.name", id(f.from) + " to " + id(f.to));
  if (!missing(t, "flow_limit.max", "the lane's limit (Mt/yr)", x.d)) f.max_kg_per_s = t.values.number("flow_limit.max");
  if (!missing(t, "flow_limit.source", "the source (or 'estimate: basis') of the limit", x.d)) {
    f.source = t.values.text("flow_limit.source");
  }
  if (const auto y = t.values.maybe_number("flow_limit.from_year")) f.from_year = static_cast<int>(*y);
  if (const auto y = t.values.maybe_number("flow_limit.until_year")) f.until_year = static_cast<int>(*y);
  if (f.from_year != 0 && f.until_year != 0 && f.until_year < f.from_year) {
    const io::Value* at = t.values.get("flow_limit.until_year");
    x.d.error(at != nullptr ? at->location : t.where, shown_key(t, "flow_limit.until_year"),
              "the last year of the limit (" + std::to_string(f.until_year) + ") is before its first (" +
                  std::to_string(f.from_year) + ")");
  }
  c.flow_limits.push_back(f);
}

// A power shock on a country, a province or one smelter instead of a region: checked against the
// dataset here, applied to the matching smelters' power prices once they are built.
void targeted_power_shock(const TableValues& t, const LeverContext& x, FleetCase& c) {
  std::set<std::string> countries, provinces, ids;
  for (const auto& r : x.records) {
    countries.insert(r.country);
    provinces.insert(r.province);
    ids.insert(r.id);
  }
  check_origin(t, "country", countries, "power_shock.country", x);
  check_origin(t, "province", provinces, "power_shock.province", x);
  check_origin(t, "smelter", ids, "power_shock.smelter", x);
  c.power_targets.push_back({t.values.text("power_shock.smelter"), t.values.text("power_shock.country"),
                             t.values.text("power_shock.province"), number_or_default(t, "power_shock.factor"),
                             number_or_default(t, "power_shock.adder")});
}

void power_shock_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  const int given = t.values.has("power_shock.region") + t.values.has("power_shock.country") +
                    t.values.has("power_shock.province") + t.values.has("power_shock.smelter");
  if (given > 1) {
    x.d.error(t.where, t.label, "give one of region, country, province or smelter");
    return;
  }
  if (given == 1 && !t.values.has("power_shock.region")) return targeted_power_shock(t, x, c);
  const int r = region_ref(t, "power_shock.region", x);
  if (r < 0) return;
  c.shocks.power_factor[static_cast<std::size_t>(r)] *= number_or_default(t, "power_shock.factor");
  c.shocks.power_adder_usd_per_J[static_cast<std::size_t>(r)] += number_or_default(t, "power_shock.adder");
}

// Load added to an area's grid (data centres, ...): the area needs a supply curve in the case's
// power supply file, whose price rise at the area's total added load reaches its exposed smelters.
void added_load_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  AddedLoad a;
  a.area = {t.values.text("added_load.region"), t.values.text("added_load.country"), t.values.text("added_load.province")};
  const int given = t.values.has("added_load.region") + t.values.has("added_load.country") + t.values.has("added_load.province");
  if (given != 1) {
    x.d.error(t.where, t.label, "give exactly one of region, country or province: the grid that takes the load");
    return;
  }
  std::set<std::string> countries, provinces;
  for (const auto& r : x.records) {
    countries.insert(r.country);
    provinces.insert(r.province);
  }
  if (!a.area.region.empty() && region_ref(t, "added_load.region", x) < 0) return;
  check_origin(t, "country", countries, "added_load.country", x);
  check_origin(t, "province", provinces, "added_load.province", x);
  if (!missing(t, "added_load.load", "the load added to the area's grid (GW)", x.d)) a.load_W = t.values.number("added_load.load");
  a.name = t.values.text("added_load.name", a.area.describe());
  if (c.power_supply.curve_for(a.area) == nullptr) {
    std::vector<std::string> known;
    for (const auto& curve : c.power_supply.curves) known.push_back(curve.area.describe());
    const std::string key = !a.area.region.empty()    ? "added_load.region"
                            : !a.area.country.empty() ? "added_load.country"
                                                      : "added_load.province";
    x.d.error(t.values.get(key)->location, shown_key(t, key),
              "no supply curve for " + a.area.describe() + " in " + c.power_supply_path +
                  " (curves: " + (known.empty() ? std::string("none") : join(known)) +
                  "): the price rise of an added load needs the area's supply curve");
    return;
  }
  c.added_loads.push_back(a);
}

void carbon_price_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  const int r = region_ref(t, "carbon_price.region", x);
  if (r >= 0) c.shocks.carbon_usd_per_kg_co2[static_cast<std::size_t>(r)] = number_or_default(t, "carbon_price.price");
}

void retrofit_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  std::set<std::string> ids;
  for (const auto& r : x.records) ids.insert(r.id);
  const bool no_smelter = missing(t, "retrofit.smelter", "a smelter id of the dataset", x.d);
  const bool no_tech = missing(t, "retrofit.technology", "a technology id of the catalogue", x.d);
  if (no_smelter || no_tech) return;
  const io::Value& smelter = *t.values.get("retrofit.smelter");
  const io::Value& tech = *t.values.get("retrofit.technology");
  if (ids.count(smelter.text) == 0) {
    io::report_unknown_name("smelter", smelter.text, {ids.begin(), ids.end()}, smelter.location, shown_key(t, "retrofit.smelter"), x.d);
  }
  if (x.data.technologies.find(tech.text) == nullptr) {
    io::report_unknown_name("technology", tech.text, x.data.technologies.ids(), tech.location, shown_key(t, "retrofit.technology"), x.d);
  }
  c.retrofits.emplace_back(smelter.text, tech.text);
}

bool has_section(const CaseInput& in, const std::string& name) {
  return std::find(in.present_sections.begin(), in.present_sections.end(), name) != in.present_sections.end();
}

void apply_cbam(const CaseInput& in, FleetCase& c, core::Diagnostics& d) {
  const io::ValueSet& v = in.scalars;
  // Without [cbam] the EU ETS still takes cbam.eua_price / cbam.usd_per_eur given with --set.
  c.eua_eur_per_t = v.maybe_number("cbam.eua_price").value_or(0.0);
  c.usd_per_eur = v.maybe_number("cbam.usd_per_eur").value_or(0.0);
  c.eua_price_given = v.has("cbam.eua_price");
  c.usd_per_eur_given = v.has("cbam.usd_per_eur");
  if (!has_section(in, "cbam")) return;
  const SourceLocation at = v.get("cbam.year")        ? v.get("cbam.year")->location
                            : v.get("cbam.eua_price") ? v.get("cbam.eua_price")->location
                                                      : SourceLocation{c.path, 0, 0};
  if (const auto year = v.maybe_number("cbam.year")) {
    c.cbam_year = static_cast<int>(*year);
    c.cbam_year_given = true;
  } else if (c.year != 0) {
    // The scenario year replaces cbam.year in every year's case (years.cpp); a placeholder in the
    // CBAM years marks [cbam] as present.
    c.cbam_year = std::clamp(c.year, policy::kCbamFirstYear, policy::kCbamMaxYear);
  } else if (in.rejected.count("cbam.year") == 0) {
    d.error(at, "cbam.year",
            "required with [cbam] in a case without fleet.year: the CBAM year (2026..2050; with fleet.year the "
            "scenario year is the CBAM year)");
  }
  const bool eua = c.eua_price_given || in.rejected.count("cbam.eua_price") != 0;
  const bool rate = c.usd_per_eur_given || in.rejected.count("cbam.usd_per_eur") != 0;
  c.eua_price_given = eua;
  // With fleet.year the eua_price and usd_per_eur paths of fleet.paths may give them (checked in
  // fleet_case.cpp). Each missing key by its own name, at the [cbam] table's first key (T7-1).
  if (!eua && c.year == 0) {
    d.error(at, "cbam.eua_price",
            "required with [cbam] in a case without fleet.year: the EUA price (EUR/t; with fleet.year the "
            "eua_price path of fleet.paths gives it)");
  }
  if (!rate && c.year == 0) {
    d.error(at, "cbam.usd_per_eur",
            "required with [cbam] in a case without fleet.year: the exchange rate (USD/EUR) of the EUA price "
            "(with fleet.year the usd_per_eur path of fleet.paths gives it)");
  }
}

}  // namespace

void apply_settings(const CaseInput& in, const std::string& base_dir, const std::string& data_dir, FleetCase& c,
                    core::Diagnostics& d) {
  const io::ValueSet& v = in.scalars;
  for (const io::FieldSpec* f : fleet_table().bind(v, c)) {
    if (in.rejected.count(f->key) != 0) continue;  // already reported with its value
    d.error({c.path, 1, 1}, f->key, "required: the " + f->description + " (" + f->unit + ")");
  }
  c.smelters_path = v.has("fleet.smelters") ? resolve(v.text("fleet.smelters"), base_dir) : data_dir + "/smelters.csv";
  c.regions_path = v.has("fleet.regions") ? resolve(v.text("fleet.regions"), base_dir) : data_dir + "/fleet-regions.toml";
  c.technology_classes_path = data_dir + "/fleet-technology-classes.toml";
  if (const io::Value* s = v.get("fleet.include_status")) c.include_status = list_items(*s);
  if (const io::Value* s = v.get("fleet.restart_regions")) {
    c.restart_regions = list_items(*s);
    c.restart_regions_at = s->location;
  }
  if (const auto y = v.maybe_number("fleet.year")) c.year = static_cast<int>(*y);
  if (const auto y = v.maybe_number("fleet.last_year")) c.last_year = static_cast<int>(*y);
  if (c.last_year != 0 && (c.year == 0 || c.last_year < c.year)) {
    const io::Value* at = v.get("fleet.last_year");
    d.error(at ? at->location : core::SourceLocation{c.path, 1, 1}, "fleet.last_year",
            "a path needs fleet.year, and fleet.last_year at or after it");
  }
  auto file = [&](const char* key, const char* name) { return v.has(key) ? resolve(v.text(key), base_dir) : data_dir + "/" + name; };
  c.pipeline_path = file("fleet.pipeline", "fleet-pipeline.toml");
  c.sanctions_path = file("fleet.sanctions", "fleet-sanctions.toml");
  c.paths_path = file("fleet.paths", "fleet-paths.toml");
  c.fuel_paths_path = file("fleet.fuel_paths", "fleet-fuel-paths.toml");
  c.power_prices_path = file("fleet.power", "fleet-power.toml");
  c.anode_effects_path = file("fleet.anode_effects", "fleet-anode-effects.toml");
  c.power_supply_path = file("fleet.power_supply", "power-supply.toml");
  apply_cbam(in, c, d);
}

bool report_unreadable_data_files(const CaseInput& in, const FleetCase& c, const std::string& data_dir,
                                  core::Diagnostics& d) {
  struct DataFile {
    const char* key;
    const std::string& path;
    const char* what;
    bool read;  // the case reads it (the pipeline, measures and paths only with a scenario year)
  };
  const bool year = c.year != 0;
  const DataFile files[] = {{"fleet.smelters", c.smelters_path, "the smelter dataset", true},
                            {"fleet.regions", c.regions_path, "the region table", true},
                            {"fleet.power", c.power_prices_path, "the power price table", true},
                            {"fleet.anode_effects", c.anode_effects_path, "the anode-effect table", true},
                            {"fleet.power_supply", c.power_supply_path, "the power supply curves", true},
                            {"fleet.pipeline", c.pipeline_path, "the capacity pipeline", year},
                            {"fleet.sanctions", c.sanctions_path, "the dated trade measures", year},
                            {"fleet.paths", c.paths_path, "the price and demand paths", year},
                            {"fleet.fuel_paths", c.fuel_paths_path, "the fuel price paths", year}};
  bool any = false;
  for (const DataFile& f : files) {
    const io::Value* v = in.scalars.get(f.key);
    if (!f.read || v == nullptr || v->origin == io::Origin::kDefault) continue;
    const std::string reason = io::unreadable_reason(f.path);
    if (reason.empty()) continue;
    any = true;
    std::error_code ec;
    const std::filesystem::path tried = std::filesystem::absolute(f.path, ec).lexically_normal();
    std::string hint;
    if (std::filesystem::path(v->text).is_relative()) {
      const std::filesystem::path in_data = std::filesystem::path(data_dir) / v->text;
      hint = std::filesystem::is_regular_file(in_data, ec)
                 ? fmt::format(" (a relative path is read from the case file's folder; the data folder has {}: give "
                               "that path, or leave {} out for the data folder's default)",
                               in_data.lexically_normal().string(), f.key)
                 : " (a relative path is read from the case file's folder)";
    }
    d.error(v->location, f.key, fmt::format("cannot read {} '{}': {}{}", f.what, tried.string(), reason, hint));
  }
  return any;
}

void apply_levers(const CaseInput& in, const LeverContext& context, FleetCase& c) {
  using Lever = void (*)(const TableValues&, const LeverContext&, FleetCase&);
  const std::pair<const char*, Lever> levers[] = {
      {"demand", demand_lever}, {"tariff", tariff_lever},           {"exclusion", exclusion_lever},
      {"cap", cap_lever},       {"flow_limit", flow_limit_lever}, {"power_shock", power_shock_lever}, {"carbon_price", carbon_price_lever},
      {"retrofit", retrofit_lever}, {"added_load", added_load_lever}, {"ccs_retrofit", ccs_retrofit_lever},
      {"hpa", hpa_product_lever}};
  for (const auto& [name, apply] : levers) {
    const auto it = in.arrays.find(name);
    if (it == in.arrays.end()) continue;
    for (const TableValues& t : it->second) apply(t, context, c);
  }
  check_tariff_dates(c, context.d);  // overlaps, until before from, years (tariff_dates.cpp)
}

}  // namespace potline::fleet::detail
