// Reading data/fleet-regions.toml (dataset.hpp): regions, freight, [curtailment] and, in
// subregions.cpp, [[subregion]]. Every problem is collected with file:line:col before anything
// runs.
#include <toml++/toml.h>

#include <set>

#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"
#include "potline/core/units.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet {
namespace detail {
void parse_subregions(const toml::table& doc, const std::string& file, RegionTable& t,
                      core::Diagnostics& d);
}  // namespace detail

const char* to_string(PremiumBasis b) {
  switch (b) {
    case PremiumBasis::kPublished: return "published";
    case PremiumBasis::kEstimate: return "estimate";
    case PremiumBasis::kNone: return "none";
  }
  return "none";
}

int RegionTable::index_of(const std::string& id) const {
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (regions[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> RegionTable::ids() const {
  std::vector<std::string> v;
  for (const auto& r : regions) v.push_back(r.id);
  return v;
}

namespace {

core::SourceLocation loc(const toml::node& n, const std::string& file) {
  return io::toml_location(n, file);
}

// A number in `unit`, or a string with its own unit, converted to `si`; required unless stated,
// and never negative (prices, freight).
std::optional<double> quantity(const toml::node* n, const std::string& key, const std::string& unit,
                               const std::string& si, const std::string& file,
                               const core::SourceLocation& parent, core::Diagnostics& d,
                               bool required = true) {
  if (n == nullptr) {
    if (required) d.error(parent, key, "required key '" + key + "' missing (in " + unit + ")");
    return std::nullopt;
  }
  const auto value = io::toml_quantity(n, key, unit, si, file, d);
  if (value && *value < 0) {
    const auto as_text = n->value<std::string>();
    const std::string text = as_text ? *as_text : core::format_number(*n->value<double>());
    d.error(loc(*n, file), key, "'" + text + "' must not be negative: allowed 0 or more " + unit);
    return std::nullopt;
  }
  return value;
}

void reject_unknown_keys(const toml::table& tbl, const std::set<std::string>& known,
                         const std::string& table, const std::string& file, core::Diagnostics& d) {
  for (const auto& [k, v] : tbl) {
    const std::string key(k.str());
    if (known.count(key)) continue;
    std::string message = "unknown key '" + key + "' in " + table;
    const std::string hint =
        core::closest_match(key, std::vector<std::string>(known.begin(), known.end()));
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    d.error(loc(v, file), key, message);
  }
}

void parse_power(const toml::table& tbl, const core::SourceLocation& w, const std::string& file,
                 Region& r, core::Diagnostics& d) {
  const auto* power = tbl.get_as<toml::table>("power");
  if (power == nullptr) {
    d.error(w, "power", "required: power = { <source> = \"<price> USD/MWh\", ... }");
    return;
  }
  for (const auto& [k, v] : *power) {
    const std::string key(k.str());
    const auto source = plant::power_source_from_name(key);
    if (!source) {
      d.error(loc(v, file), "power." + key,
              "unknown power source '" + key + "': captive_coal, captive_gas, hydro, grid or ppa");
      continue;
    }
    r.power_usd_per_J[power_index(*source)] =
        quantity(&v, "power." + key, "USD/MWh", "USD/J", file, w, d);
  }
}

// premium_basis: "published" needs a premium_benchmark to name, a benchmark needs "published", and
// "none" a zero premium. Absent: published with a benchmark, else estimate for a premium above 0,
// else none (T13-14).
void parse_premium_basis(const toml::table& tbl, const std::string& file, Region& r,
                         core::Diagnostics& d) {
  const toml::node* n = tbl.get("premium_basis");
  const bool benchmark = !r.premium_benchmark.empty();
  if (n == nullptr) {
    r.premium_basis = benchmark                    ? PremiumBasis::kPublished
                      : r.premium_usd_per_kg > 0.0 ? PremiumBasis::kEstimate
                                                   : PremiumBasis::kNone;
    return;
  }
  const std::string text = n->value<std::string>().value_or("");
  const core::SourceLocation at = loc(*n, file);
  if (text == "published") r.premium_basis = PremiumBasis::kPublished;
  else if (text == "estimate") r.premium_basis = PremiumBasis::kEstimate;
  else if (text == "none") r.premium_basis = PremiumBasis::kNone;
  else {
    d.error(at, "premium_basis", "'" + text + "': write \"published\", \"estimate\" or \"none\"");
    return;
  }
  if (r.premium_basis == PremiumBasis::kPublished && !benchmark)
    d.error(at, "premium_basis", "\"published\" needs premium_benchmark: the benchmark the premium is");
  if (r.premium_basis != PremiumBasis::kPublished && benchmark)
    d.error(at, "premium_basis", "a premium_benchmark is given: the basis is \"published\"");
  if (r.premium_basis == PremiumBasis::kNone && r.premium_usd_per_kg != 0.0)
    d.error(at, "premium_basis", "\"none\" is a premium of 0 USD/t: write \"estimate\" for another value");
}

Region parse_region(const toml::table& tbl, const RegionTable& t, const std::string& file,
                    core::Diagnostics& d) {
  static const std::set<std::string> known = {"id",
                                              "name",
                                              "demand",
                                              "premium",
                                              "premium_benchmark",
                                              "premium_basis",
                                              "wage",
                                              "employees_per_kt",
                                              "other",
                                              "anode",
                                              "alf3",
                                              "grid_emission_factor",
                                              "power"};
  reject_unknown_keys(tbl, known, "[[region]]", file, d);
  Region r;
  const core::SourceLocation w = loc(tbl, file);
  r.where = w;
  r.id = tbl["id"].value_or(std::string());
  r.name = tbl["name"].value_or(r.id);
  r.premium_benchmark = tbl["premium_benchmark"].value_or(std::string());
  if (r.id.empty()) d.error(w, "id", "every [[region]] needs an id");
  if (t.index_of(r.id) >= 0) d.error(w, "id", "duplicate region id '" + r.id + "'");
  // Messages name the region with the key (T14-12: "'premium': ..." of 11 regions).
  auto q = [&](const char* key, const char* unit, const char* si, bool required = true) {
    const std::string named = r.id.empty() ? std::string(key) : "region[" + r.id + "]." + key;
    return quantity(tbl.get(key), named, unit, si, file, w, d, required).value_or(0.0);
  };
  r.demand_kg_per_s = q("demand", "Mt/yr", "kg/s");
  r.premium_usd_per_kg = q("premium", "USD/t", "USD/kg", false);
  parse_premium_basis(tbl, file, r, d);
  r.wage_usd_per_s = q("wage", "USD/yr", "USD/s");
  r.employees_per_kg_per_s = q("employees_per_kt", "1", "1") /
                             (1e6 / constants::kSecondsPerYear);  // per kt/yr -> per kg/s
  r.other_usd_per_kg = q("other", "USD/t", "USD/kg");
  r.anode_usd_per_kg = q("anode", "USD/t", "USD/kg");
  r.alf3_usd_per_kg = q("alf3", "USD/t", "USD/kg");
  r.grid_co2_kg_per_J = q("grid_emission_factor", "t/MWh", "kg/J");
  parse_power(tbl, w, file, r, d);
  return r;
}

void parse_routes(const toml::table& freight, const std::string& file, RegionTable& t,
                  core::Diagnostics& d) {
  const auto* routes = freight.get_as<toml::array>("route");
  if (routes == nullptr) return;
  for (const auto& node : *routes) {
    const auto* r = node.as_table();
    if (r == nullptr) continue;
    const std::string from = (*r)["from"].value_or(std::string());
    const std::string to = (*r)["to"].value_or(std::string());
    const int i = t.index_of(from), j = t.index_of(to);
    for (const auto& [name, idx] : {std::pair{from, i}, std::pair{to, j}}) {
      if (idx >= 0) continue;
      std::string message = "unknown region '" + name + "'";
      const std::string hint = core::closest_match(name, t.ids());
      if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
      d.error(loc(node, file), "freight.route", message);
    }
    const auto cost =
        quantity(r->get("cost"), "freight.route.cost", "USD/t", "USD/kg", file, loc(node, file), d);
    if (i >= 0 && j >= 0 && cost)
      t.freight_usd_per_kg[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = *cost;
  }
}

void parse_freight(const toml::table& doc, const std::string& file, RegionTable& t,
                   core::Diagnostics& d) {
  const std::size_t n = t.regions.size();
  const auto* freight = doc["freight"].as_table();
  const core::SourceLocation fw = freight ? loc(*freight, file) : core::SourceLocation{file, 1, 1};
  t.freight_default_usd_per_kg = quantity(freight ? freight->get("default") : nullptr,
                                          "freight.default", "USD/t", "USD/kg", file, fw, d)
                                     .value_or(0);
  t.freight_intra_usd_per_kg =
      quantity(freight ? freight->get("intra_region") : nullptr, "freight.intra_region", "USD/t",
               "USD/kg", file, fw, d, false)
          .value_or(0);
  t.freight_usd_per_kg.assign(n, std::vector<double>(n, t.freight_default_usd_per_kg));
  for (std::size_t i = 0; i < n; ++i) t.freight_usd_per_kg[i][i] = t.freight_intra_usd_per_kg;
  if (freight != nullptr) parse_routes(*freight, file, t, d);
}

// [curtailment]: optional; absent = every smelter curtails at its C1 (no turndown band, no restart
// cost).
void parse_curtailment(const toml::table& doc, const std::string& file, RegionTable& t,
                       core::Diagnostics& d) {
  const auto* tbl = doc["curtailment"].as_table();
  if (tbl == nullptr) return;
  reject_unknown_keys(*tbl, {"turndown_share", "restart_cost", "horizon", "source"},
                      "[curtailment]", file, d);
  const core::SourceLocation w = loc(*tbl, file);
  Curtailment& c = t.curtailment;
  c.turndown_share =
      quantity(tbl->get("turndown_share"), "curtailment.turndown_share", "1", "1", file, w, d)
          .value_or(0);
  if (c.turndown_share > 1)
    d.error(w, "curtailment.turndown_share", "must be within 0..1 (a share of capacity)");
  // USD per t of annual capacity = USD per kg of annual capacity x 1e3; stored per kg.
  c.restart_usd_per_kg =
      quantity(tbl->get("restart_cost"), "curtailment.restart_cost", "USD/t", "USD/kg", file, w, d)
          .value_or(0);
  c.horizon_years =
      quantity(tbl->get("horizon"), "curtailment.horizon", "yr", "yr", file, w, d).value_or(1);
  if (!(c.horizon_years >= 0.1 && c.horizon_years <= 50))
    d.error(w, "curtailment.horizon", "must be within 0.1..50 yr");
  c.source = (*tbl)["source"].value_or(std::string());
  if (c.source.empty())
    d.error(w, "curtailment.source", "required: the source (or 'estimate: basis') of the values");
}

}  // namespace

RegionTable RegionTable::parse(const std::string& text, const std::string& file,
                               core::Diagnostics& d) {
  RegionTable t;
  t.path = file;
  auto parsed = io::parse_toml(text, file, d);
  if (!parsed) return t;
  toml::table& doc = *parsed;
  const core::SourceLocation top{file, 1, 1};
  t.price_year = doc["price_year"].value_or(0);
  if (t.price_year == 0) d.error(top, "price_year", "required: the price year of every USD amount");
  const auto* regions = doc["region"].as_array();
  if (regions == nullptr || regions->empty()) {
    d.error(top, "region", "no [[region]] tables");
    return t;
  }
  for (const auto& node : *regions) {
    if (const auto* tbl = node.as_table()) t.regions.push_back(parse_region(*tbl, t, file, d));
  }
  parse_freight(doc, file, t, d);
  parse_curtailment(doc, file, t, d);
  detail::parse_subregions(doc, file, t, d);
  return t;
}

RegionTable RegionTable::load(const std::string& path, core::Diagnostics& d) {
  const auto text = io::read_text_file(path, "the region table", d);
  if (!text) return {};
  return parse(*text, path, d);
}

}  // namespace potline::fleet
