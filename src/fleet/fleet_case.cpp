// Parsing a fleet case and preparing the fleet model (see fleet_case.hpp).
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/fleet_smelters.hpp"
#include "potline/io/toml_values.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::fleet {
namespace {

using core::SourceLocation;

SourceLocation loc(const toml::node& n, const std::string& file) { return io::toml_location(n, file); }

void unknown(const std::string& what, const std::string& name, const std::vector<std::string>& candidates,
             const SourceLocation& where, const std::string& key, core::Diagnostics& d) {
  io::report_unknown_name(what, name, candidates, where, key, d);
}

// Checks that a table has only known keys.
void check_keys(const toml::table& t, const std::string& section, const std::vector<std::string>& known,
                const std::string& file, core::Diagnostics& d) {
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::vector<std::string> full;
      for (const auto& x : known) full.push_back(x);
      unknown("key", key, full, loc(v, file), section.empty() ? key : section + "." + key, d);
    }
  }
}

std::optional<double> quantity(const toml::node* n, const std::string& key, const std::string& unit, const std::string& si,
                               const std::string& file, core::Diagnostics& d) {
  return io::toml_quantity(n, key, unit, si, file, d);
}

std::vector<std::string> strings(const toml::node* n, const std::string& key, const std::string& file, core::Diagnostics& d) {
  std::vector<std::string> out;
  if (n == nullptr) return out;
  if (auto s = n->value<std::string>()) return {*s};
  if (const auto* a = n->as_array()) {
    for (const auto& x : *a) {
      if (auto s = x.value<std::string>()) out.push_back(*s);
      else d.error(loc(x, file), key, "expected a string");
    }
    return out;
  }
  d.error(loc(*n, file), key, "expected a string or an array of strings");
  return out;
}

int region_ref(const toml::node* n, const std::string& key, const RegionTable& regions, const std::string& file,
               const SourceLocation& parent, core::Diagnostics& d) {
  if (n == nullptr) {
    d.error(parent, key, "required: a region id (" + fmt::format("{}", fmt::join(regions.ids(), ", ")) + ")");
    return -1;
  }
  const std::string id = n->value_or(std::string());
  const int i = regions.index_of(id);
  if (i < 0) unknown("region", id, regions.ids(), loc(*n, file), key, d);
  return i;
}

std::string resolve(const std::string& path, const std::string& base_dir) {
  if (path.empty()) return path;
  const std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  const std::filesystem::path b = std::filesystem::path(base_dir) / p;
  return b.lexically_normal().string();
}

}  // namespace

FleetCase parse_fleet_case(const std::string& text, const std::string& file, const std::string& base_dir,
                           const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& d) {
  FleetCase c;
  c.path = file;
  auto parsed = io::parse_toml(text, file, d);
  if (!parsed) throw core::InputError(d);
  toml::table& doc = *parsed;
  check_keys(doc, "", {"case", "fleet", "market", "cbam", "demand", "tariff", "exclusion", "cap", "power_shock",
                       "carbon_price", "retrofit"}, file, d);
  if (const auto* t = doc["case"].as_table()) {
    check_keys(*t, "case", {"title"}, file, d);
    c.title = (*t)["title"].value_or(std::string());
  }
  const toml::table empty;
  const toml::table* fleet = doc["fleet"].as_table();
  if (fleet == nullptr) fleet = &empty;
  check_keys(*fleet, "fleet", {"smelters", "regions", "include_status", "lme", "alumina_lme_share"}, file, d);
  c.smelters_path = fleet->contains("smelters") ? resolve((*fleet)["smelters"].value_or(std::string()), base_dir)
                                                : data_dir + "/smelters.csv";
  c.regions_path = fleet->contains("regions") ? resolve((*fleet)["regions"].value_or(std::string()), base_dir)
                                              : data_dir + "/fleet-regions.toml";
  if (fleet->contains("include_status")) {
    c.include_status = strings(fleet->get("include_status"), "fleet.include_status", file, d);
    for (const auto& s : c.include_status) {
      if (!status_from_name(s)) d.error(loc(*fleet->get("include_status"), file), "fleet.include_status",
                                        "'" + s + "': expected operating, curtailed, closed or unknown");
    }
  }
  if (auto lme = quantity(fleet->get("lme"), "fleet.lme", "USD/t", "USD/kg", file, d)) c.lme_usd_per_kg = *lme;
  else if (!fleet->contains("lme")) d.error({file, 1, 1}, "fleet.lme", "required: the LME aluminium price (USD/t)");
  if (auto share = quantity(fleet->get("alumina_lme_share"), "fleet.alumina_lme_share", "1", "1", file, d)) c.alumina_lme_share = *share;

  market::DemandCurve curve;          // the market-wide demand curve, per region below
  std::optional<double> reference;     // market.reference_price; default the LME
  if (const auto* m = doc["market"].as_table()) {
    check_keys(*m, "market", {"solve", "demand_elasticity", "reference_price", "demand_shape", "demand_range",
                              "demand_blocks", "tariff_basis", "tariff_tolerance", "tariff_max_iterations"}, file, d);
    c.solve_market = (*m)["solve"].value_or(true);
    if (auto e = quantity(m->get("demand_elasticity"), "market.demand_elasticity", "1", "1", file, d)) {
      if (*e < 0 || *e > 10) d.error(loc(*m->get("demand_elasticity"), file), "market.demand_elasticity",
                                     fmt::format("{}: the price elasticity of demand is a magnitude in [0, 10] (0 = fixed demand)", *e));
      else curve.elasticity = *e;
    }
    reference = quantity(m->get("reference_price"), "market.reference_price", "USD/t", "USD/kg", file, d);
    if (reference && !(*reference > 0)) d.error(loc(*m->get("reference_price"), file), "market.reference_price", "must be > 0 USD/t");
    if (const auto* n = m->get("demand_shape")) {
      const std::string shape = n->value_or(std::string());
      if (shape == "constant_elasticity") curve.shape = market::DemandShape::kConstantElasticity;
      else if (shape == "linear") curve.shape = market::DemandShape::kLinear;
      else d.error(loc(*n, file), "market.demand_shape", "unknown demand shape '" + shape + "': expected constant_elasticity or linear");
    }
    if (auto r = quantity(m->get("demand_range"), "market.demand_range", "1", "1", file, d)) {
      if (!(*r > 0 && *r < 1)) d.error(loc(*m->get("demand_range"), file), "market.demand_range",
                                       fmt::format("{}: the blocks span reference demand x (1 +- range); range must be in (0, 1)", *r));
      else curve.range = *r;
    }
    if (const auto* n = m->get("demand_blocks")) {
      const auto b = n->value<int64_t>();
      if (!b || *b < 1 || *b > 200) d.error(loc(*n, file), "market.demand_blocks", "an integer in 1..200");
      else curve.blocks = static_cast<int>(*b);
    }
    if (const auto* n = m->get("tariff_basis")) {
      const std::string basis = n->value_or(std::string());
      if (basis == "origin_price") c.tariff_basis = TariffBasis::kOriginPrice;
      else if (basis == "lme") c.tariff_basis = TariffBasis::kLme;
      else d.error(loc(*n, file), "market.tariff_basis", "unknown tariff basis '" + basis + "': expected origin_price (the customs value: price at origin) or lme (the case's LME)");
    }
    if (auto t = quantity(m->get("tariff_tolerance"), "market.tariff_tolerance", "USD/t", "USD/kg", file, d)) {
      if (!(*t > 0)) d.error(loc(*m->get("tariff_tolerance"), file), "market.tariff_tolerance", "must be > 0 USD/t");
      else c.tariff_tolerance_usd_per_kg = *t;
    }
    if (const auto* n = m->get("tariff_max_iterations")) {
      const auto k = n->value<int64_t>();
      if (!k || *k < 1 || *k > 1000) d.error(loc(*n, file), "market.tariff_max_iterations", "an integer in 1..1000");
      else c.tariff_max_iterations = static_cast<int>(*k);
    }
  }
  if (const auto* cb = doc["cbam"].as_table()) {
    check_keys(*cb, "cbam", {"year", "eua_price", "usd_per_eur"}, file, d);
    c.cbam_year = (*cb)["year"].value_or(0);
    if (!policy::cbam_year_valid(c.cbam_year)) {
      d.error(loc(*cb, file), "cbam.year", fmt::format("{}: CBAM years are {}..{}", c.cbam_year, policy::kCbamFirstYear, policy::kCbamLastYear));
    }
    c.eua_eur_per_t = quantity(cb->get("eua_price"), "cbam.eua_price", "EUR/t", "EUR/t", file, d).value_or(0);
    c.usd_per_eur = quantity(cb->get("usd_per_eur"), "cbam.usd_per_eur", "USD/EUR", "USD/EUR", file, d).value_or(0);
    if (!cb->contains("eua_price") || !cb->contains("usd_per_eur")) {
      d.error(loc(*cb, file), "cbam", "give cbam.eua_price (EUR/t) and cbam.usd_per_eur with cbam.year");
    }
  }

  // ---- data
  const std::size_t errors_before_data = d.error_count();
  RegionTable regions = RegionTable::load(c.regions_path, d);
  // Technologies are checked against the catalogue while the rows are read (file:line:col of the
  // cell, did-you-mean), before any smelter is built.
  std::vector<SmelterRecord> records = load_smelters(c.smelters_path, d, data.technologies.ids());
  for (const auto& r : records) {
    if (regions.index_of(r.region) < 0) unknown("region", r.region, regions.ids(), r.where, "region", d);
  }
  if (d.error_count() > errors_before_data) throw core::InputError(d);
  const std::size_t nr = regions.regions.size();
  FleetModel& model = c.model;
  model.lme_usd_per_kg = c.lme_usd_per_kg;
  model.cbam_year = c.cbam_year;
  c.shocks.power_factor.assign(nr, 1.0);
  c.shocks.power_adder_usd_per_J.assign(nr, 0.0);
  c.shocks.carbon_usd_per_kg_co2.assign(nr, 0.0);
  c.demand_factor.assign(nr, 1.0);
  curve.reference_price_usd_per_kg = reference.value_or(c.lme_usd_per_kg);
  c.demand_curve.assign(nr, curve);
  std::set<std::string> ids;
  for (const auto& r : records) ids.insert(r.id);
  const std::vector<std::string> id_list(ids.begin(), ids.end());

  // ---- levers (arrays of tables)
  auto each = [&](const char* name, const std::vector<std::string>& keys, auto body) {
    const toml::node* n = doc.get(name);
    if (n == nullptr) return;
    const auto* arr = n->as_array();
    if (arr == nullptr) {
      d.error(loc(*n, file), name, std::string("expected an array of tables: [[") + name + "]]");
      return;
    }
    for (const auto& x : *arr) {
      const auto* t = x.as_table();
      if (t == nullptr) {
        d.error(loc(x, file), name, std::string("expected a table in [[") + name + "]]");
        continue;
      }
      check_keys(*t, name, keys, file, d);
      body(*t, loc(x, file));
    }
  };
  each("demand", {"region", "factor", "elasticity", "reference_price"}, [&](const toml::table& t, const SourceLocation& w) {
    const int r = region_ref(t.get("region"), "demand.region", regions, file, w, d);
    const double f = quantity(t.get("factor"), "demand.factor", "1", "1", file, d).value_or(1.0);
    if (f < 0) d.error(w, "demand.factor", "must be >= 0");
    const auto e = quantity(t.get("elasticity"), "demand.elasticity", "1", "1", file, d);
    if (e && (*e < 0 || *e > 10)) d.error(loc(*t.get("elasticity"), file), "demand.elasticity",
                                          fmt::format("{}: the price elasticity of demand is a magnitude in [0, 10]", *e));
    const auto ref = quantity(t.get("reference_price"), "demand.reference_price", "USD/t", "USD/kg", file, d);
    if (ref && !(*ref > 0)) d.error(loc(*t.get("reference_price"), file), "demand.reference_price", "must be > 0 USD/t");
    if (r >= 0) {
      const auto i = static_cast<std::size_t>(r);
      c.demand_factor[i] *= f;
      if (e && *e >= 0 && *e <= 10) c.demand_curve[i].elasticity = *e;
      if (ref && *ref > 0) c.demand_curve[i].reference_price_usd_per_kg = *ref;
    }
  });
  each("tariff", {"importer", "rate", "exporters", "exempt"}, [&](const toml::table& t, const SourceLocation& w) {
    Tariff tf;
    tf.importer = region_ref(t.get("importer"), "tariff.importer", regions, file, w, d);
    tf.rate = quantity(t.get("rate"), "tariff.rate", "1", "1", file, d).value_or(0.0);
    if (tf.rate < 0 || tf.rate > 10) d.error(w, "tariff.rate", "ad valorem rate must be in [0, 10] (0.5 = 50 %)");
    tf.exporters = strings(t.get("exporters"), "tariff.exporters", file, d);
    tf.exempt = strings(t.get("exempt"), "tariff.exempt", file, d);
    for (const auto& list : {tf.exporters, tf.exempt}) {
      for (const auto& x : list) {
        bool known = regions.index_of(x) >= 0;
        for (const auto& r : records) known = known || r.country == x;
        if (!known) unknown("region or country", x, regions.ids(), w, "tariff", d);
      }
    }
    c.tariffs.push_back(std::move(tf));
  });
  each("exclusion", {"importers", "origin_region", "origin_country", "origin_province"},
       [&](const toml::table& t, const SourceLocation& w) {
         Exclusion e;
         for (const auto& id : strings(t.get("importers"), "exclusion.importers", file, d)) {
           const int r = regions.index_of(id);
           if (r < 0) unknown("region", id, regions.ids(), w, "exclusion.importers", d);
           else e.importers.push_back(r);
         }
         if (e.importers.empty()) d.error(w, "exclusion.importers", "required: the regions that refuse the metal");
         e.origin_region = t["origin_region"].value_or(std::string());
         e.origin_country = t["origin_country"].value_or(std::string());
         e.origin_province = t["origin_province"].value_or(std::string());
         const int given = !e.origin_region.empty() + !e.origin_country.empty() + !e.origin_province.empty();
         if (given != 1) d.error(w, "exclusion", "give exactly one of origin_region, origin_country, origin_province");
         if (!e.origin_region.empty() && regions.index_of(e.origin_region) < 0)
           unknown("region", e.origin_region, regions.ids(), w, "exclusion.origin_region", d);
         std::set<std::string> countries, provinces;
         for (const auto& r : records) { countries.insert(r.country); provinces.insert(r.province); }
         if (!e.origin_country.empty() && !countries.count(e.origin_country))
           unknown("country", e.origin_country, {countries.begin(), countries.end()}, w, "exclusion.origin_country", d);
         if (!e.origin_province.empty() && !provinces.count(e.origin_province))
           unknown("province", e.origin_province, {provinces.begin(), provinces.end()}, w, "exclusion.origin_province", d);
         c.exclusions.push_back(std::move(e));
       });
  each("cap", {"region", "capacity", "name"}, [&](const toml::table& t, const SourceLocation& w) {
    CapSpec cap;
    cap.region = region_ref(t.get("region"), "cap.region", regions, file, w, d);
    cap.name = t["name"].value_or(cap.region >= 0 ? regions.regions[static_cast<std::size_t>(cap.region)].id + " cap" : std::string("cap"));
    if (auto q = quantity(t.get("capacity"), "cap.capacity", "Mt/yr", "kg/s", file, d)) cap.capacity_kg_per_s = *q;
    else d.error(w, "cap.capacity", "required (Mt/yr)");
    c.caps.push_back(cap);
  });
  each("power_shock", {"region", "factor", "adder"}, [&](const toml::table& t, const SourceLocation& w) {
    const int r = region_ref(t.get("region"), "power_shock.region", regions, file, w, d);
    const double f = quantity(t.get("factor"), "power_shock.factor", "1", "1", file, d).value_or(1.0);
    const double a = quantity(t.get("adder"), "power_shock.adder", "USD/MWh", "USD/J", file, d).value_or(0.0);
    if (f < 0) d.error(w, "power_shock.factor", "must be >= 0");
    if (r >= 0) {
      c.shocks.power_factor[static_cast<std::size_t>(r)] *= f;
      c.shocks.power_adder_usd_per_J[static_cast<std::size_t>(r)] += a;
    }
  });
  each("carbon_price", {"region", "price"}, [&](const toml::table& t, const SourceLocation& w) {
    const int r = region_ref(t.get("region"), "carbon_price.region", regions, file, w, d);
    const double p = quantity(t.get("price"), "carbon_price.price", "USD/t", "USD/kg", file, d).value_or(0.0);
    if (r >= 0) c.shocks.carbon_usd_per_kg_co2[static_cast<std::size_t>(r)] = p;
  });
  each("retrofit", {"smelter", "technology"}, [&](const toml::table& t, const SourceLocation& w) {
    const std::string id = t["smelter"].value_or(std::string());
    const std::string tech = t["technology"].value_or(std::string());
    if (!ids.count(id)) unknown("smelter", id, id_list, w, "retrofit.smelter", d);
    if (data.technologies.find(tech) == nullptr) unknown("technology", tech, data.technologies.ids(), w, "retrofit.technology", d);
    c.retrofits.emplace_back(id, tech);
  });
  if (d.has_errors()) throw core::InputError(d);

  // ---- every included smelter through the smelter model's case builder (fleet_smelters.cpp)
  add_fleet_smelters(records, regions, data, c, d);
  if (d.has_errors()) throw core::InputError(d);
  for (std::size_t i = 0; i < nr; ++i) {
    model.demand_kg_per_s += regions.regions[i].demand_kg_per_s * c.demand_factor[i];
  }
  model.regions = std::move(regions);
  return c;
}

FleetCase load_fleet_case(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                          core::Diagnostics& d) {
  std::ifstream f(path);
  if (!f) {
    d.error({path, 0, 0}, "", "cannot read the fleet case");
    throw core::InputError(d);
  }
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string base = std::filesystem::path(path).parent_path().string();
  return parse_fleet_case(ss.str(), path, base.empty() ? "." : base, data_dir, data, d);
}

}  // namespace potline::fleet
