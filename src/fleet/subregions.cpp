// [[subregion]] tables of data/fleet-regions.toml: a country's or a province's own power prices
// and grid factor inside a market region (docs/model/fleet.md, "Power prices by subregion").
#include <toml++/toml.h>

#include <set>

#include "potline/core/text.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet {

const Subregion* RegionTable::subregion_of(const std::string& region, const std::string& country,
                                           const std::string& province) const {
  const Subregion* by_country = nullptr;
  for (const auto& s : subregions) {
    if (s.region != region) continue;
    if (!s.province.empty() && s.province == province) return &s;
    if (s.province.empty() && !s.country.empty() && s.country == country && by_country == nullptr) by_country = &s;
  }
  return by_country;
}

namespace detail {

namespace {

std::optional<double> price(const toml::node& n, const std::string& key, const std::string& unit, const std::string& si,
                            const std::string& file, core::Diagnostics& d) {
  const auto v = io::toml_quantity(&n, key, unit, si, file, d);
  if (v && *v < 0) {
    d.error(io::toml_location(n, file), key, "must not be negative");
    return std::nullopt;
  }
  return v;
}

Subregion parse_one(const toml::table& tbl, const RegionTable& t, const std::string& file, core::Diagnostics& d) {
  static const std::set<std::string> known = {"region", "country", "province", "name", "power", "grid_emission_factor",
                                              "source"};
  const core::SourceLocation w = io::toml_location(tbl, file);
  for (const auto& [k, v] : tbl) {
    const std::string key(k.str());
    if (known.count(key)) continue;
    std::string message = "unknown key '" + key + "' in [[subregion]]";
    const std::string hint = core::closest_match(key, std::vector<std::string>(known.begin(), known.end()));
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    d.error(io::toml_location(v, file), key, message);
  }
  Subregion s;
  s.where = w;
  s.region = tbl["region"].value_or(std::string());
  s.country = tbl["country"].value_or(std::string());
  s.province = tbl["province"].value_or(std::string());
  s.source = tbl["source"].value_or(std::string());
  s.name = tbl["name"].value_or(s.province.empty() ? s.country : s.province);
  if (t.index_of(s.region) < 0) {
    std::string message = "[[subregion]] region '" + s.region + "' is not a [[region]] id";
    const std::string hint = core::closest_match(s.region, t.ids());
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    d.error(w, "subregion.region", message);
  }
  if (s.country.empty() == s.province.empty()) {
    d.error(w, "subregion", "give exactly one of country (ISO3) or province");
  }
  if (s.source.empty()) d.error(w, "subregion.source", "required: the source (or 'estimate: basis') of the subregion's values");
  if (const auto* power = tbl.get_as<toml::table>("power")) {
    for (const auto& [k, v] : *power) {
      const std::string key(k.str());
      const auto source = plant::power_source_from_name(key);
      if (!source) {
        d.error(io::toml_location(v, file), "power." + key,
                "unknown power source '" + key + "': captive_coal, captive_gas, hydro, grid or ppa");
        continue;
      }
      s.power_usd_per_J[power_index(*source)] = price(v, "power." + key, "USD/MWh", "USD/J", file, d);
    }
  }
  if (const auto* g = tbl.get("grid_emission_factor")) s.grid_co2_kg_per_J = price(*g, "grid_emission_factor", "t/MWh", "kg/J", file, d);
  return s;
}

}  // namespace

void parse_subregions(const toml::table& doc, const std::string& file, RegionTable& t, core::Diagnostics& d) {
  const auto* list = doc["subregion"].as_array();
  if (list == nullptr) return;
  for (const auto& node : *list) {
    const auto* tbl = node.as_table();
    if (tbl == nullptr) continue;
    Subregion s = parse_one(*tbl, t, file, d);
    for (const auto& other : t.subregions) {
      if (other.region == s.region && other.country == s.country && other.province == s.province) {
        d.error(s.where, "subregion", "duplicate [[subregion]] '" + s.name + "' in region '" + s.region + "'");
      }
    }
    t.subregions.push_back(std::move(s));
  }
}

}  // namespace detail
}  // namespace potline::fleet
