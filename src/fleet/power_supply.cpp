// Power competition: supply curves of added load (see power_supply.hpp; data/power-supply.toml).
#include "potline/fleet/power_supply.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "potline/core/constants.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet {

namespace {
constexpr double kWattPerGW = 1e9;
constexpr double kJoulePerMWh = constants::kJoulePerKWh * 1e3;
}  // namespace

bool PowerArea::contains(const SmelterRecord& r) const {
  if (!region.empty()) return r.region == region;
  if (!country.empty()) return r.country == country;
  return !province.empty() && r.province == province;
}

bool PowerArea::same_as(const PowerArea& o) const {
  return region == o.region && country == o.country && province == o.province;
}

std::string PowerArea::describe() const {
  if (!region.empty()) return "region '" + region + "'";
  if (!country.empty()) return "country '" + country + "'";
  return "province '" + province + "'";
}

double SupplyCurve::rise_at(double load) const {
  if (load <= 0 || load_W.size() < 2) return 0.0;
  std::size_t k = 1;
  while (k + 1 < load_W.size() && load > load_W[k]) ++k;
  // Segment k-1..k: the one holding `load`, or the last one, extended beyond its end.
  const double slope = (rise_usd_per_J[k] - rise_usd_per_J[k - 1]) / (load_W[k] - load_W[k - 1]);
  return rise_usd_per_J[k - 1] + slope * (load - load_W[k - 1]);
}

bool SupplyCurve::exposes(plant::PowerSource s) const {
  return std::find(sources.begin(), sources.end(), s) != sources.end();
}

const SupplyCurve* PowerSupplyTable::curve_for(const PowerArea& area) const {
  for (const auto& c : curves) {
    if (c.area.same_as(area)) return &c;
  }
  return nullptr;
}

namespace {

std::vector<double> numbers(const toml::table& t, const char* key, const std::string& file, core::Diagnostics& d) {
  std::vector<double> out;
  const auto* list = t.get_as<toml::array>(key);
  if (list == nullptr) {
    d.error(io::toml_location(t, file), key, fmt::format("required: an array of numbers ({})", key));
    return out;
  }
  for (const auto& n : *list) {
    const auto v = n.value<double>();
    if (!v) d.error(io::toml_location(n, file), key, "must be a number");
    out.push_back(v.value_or(0.0));
  }
  return out;
}

// The points must start at (0, 0), loads increase strictly and the rise never falls (a supply curve).
void check_points(const SupplyCurve& c, const toml::table& t, const std::string& file, core::Diagnostics& d) {
  const auto at = [&](const char* key) { return t.get(key) ? io::toml_location(*t.get(key), file) : c.where; };
  if (c.load_W.size() != c.rise_usd_per_J.size() || c.load_W.size() < 2) {
    d.error(at("added_load_GW"), "added_load_GW",
            fmt::format("added_load_GW and price_rise_USD_per_MWh need the same number of points, at least 2 (have {} and {})",
                        c.load_W.size(), c.rise_usd_per_J.size()));
    return;
  }
  if (c.load_W.front() != 0 || c.rise_usd_per_J.front() != 0) {
    d.error(at("added_load_GW"), "added_load_GW", "the first point must be (0 GW, 0 USD/MWh): the curve is the rise over today's price");
  }
  for (std::size_t i = 1; i < c.load_W.size(); ++i) {
    if (c.load_W[i] <= c.load_W[i - 1]) {
      d.error(at("added_load_GW"), "added_load_GW",
              fmt::format("loads must increase: point {} ({:g} GW) is not above point {} ({:g} GW)", i + 1,
                          c.load_W[i] / kWattPerGW, i, c.load_W[i - 1] / kWattPerGW));
    }
    if (c.rise_usd_per_J[i] < c.rise_usd_per_J[i - 1]) {
      d.error(at("price_rise_USD_per_MWh"), "price_rise_USD_per_MWh",
              fmt::format("a supply curve does not fall: point {} ({:g} USD/MWh) is below point {}", i + 1,
                          c.rise_usd_per_J[i] * kJoulePerMWh, i));
    }
  }
}

SupplyCurve parse_curve(const toml::table& t, const std::string& file, const std::vector<std::string>& region_ids,
                        core::Diagnostics& d) {
  static const std::set<std::string> known = {"name",          "region", "country", "province", "sources",
                                              "added_load_GW", "price_rise_USD_per_MWh", "source"};
  SupplyCurve c;
  c.where = io::toml_location(t, file);
  for (const auto& [k, v] : t) {
    if (known.count(std::string(k.str())) == 0) {
      io::report_unknown_name("key in [[supply_curve]]", std::string(k.str()), {known.begin(), known.end()},
                              io::toml_location(v, file), std::string(k.str()), d);
    }
  }
  c.name = t["name"].value_or(std::string());
  if (c.name.empty()) d.error(c.where, "name", "required: the curve's name");
  c.area = {t["region"].value_or(std::string()), t["country"].value_or(std::string()),
            t["province"].value_or(std::string())};
  if (int(!c.area.region.empty()) + int(!c.area.country.empty()) + int(!c.area.province.empty()) != 1) {
    d.error(c.where, "supply_curve", "give exactly one of region, country (ISO3) or province");
  }
  if (!c.area.region.empty() && std::find(region_ids.begin(), region_ids.end(), c.area.region) == region_ids.end()) {
    io::report_unknown_name("region", c.area.region, region_ids, io::toml_location(*t.get("region"), file), "region", d);
  }
  if (const auto* list = t.get_as<toml::array>("sources")) {
    for (const auto& n : *list) {
      const std::string name = n.value_or(std::string());
      if (const auto s = plant::power_source_from_name(name)) c.sources.push_back(*s);
      else d.error(io::toml_location(n, file), "sources", "unknown power source '" + name + "': grid, ppa, hydro, captive_coal or captive_gas");
    }
  } else {
    c.sources = {plant::PowerSource::kGrid};  // a smelter on the grid buys at the market's price
  }
  for (double x : numbers(t, "added_load_GW", file, d)) c.load_W.push_back(x * kWattPerGW);
  for (double x : numbers(t, "price_rise_USD_per_MWh", file, d)) c.rise_usd_per_J.push_back(x / kJoulePerMWh);
  check_points(c, t, file, d);
  c.source = t["source"].value_or(std::string());
  if (c.source.empty()) d.error(c.where, "source", "required: the source (or 'estimate: basis') of the curve");
  return c;
}

}  // namespace

PowerSupplyTable PowerSupplyTable::parse(const std::string& text, const std::string& file,
                                         const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  PowerSupplyTable out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  for (const auto& [k, v] : *doc) {
    if (k.str() != "supply_curve") io::report_unknown_name("table", std::string(k.str()), {"supply_curve"}, io::toml_location(v, file), std::string(k.str()), d);
  }
  if (const auto* list = (*doc)["supply_curve"].as_array()) {
    for (const auto& n : *list) {
      if (const auto* t = n.as_table()) out.curves.push_back(parse_curve(*t, file, region_ids, d));
    }
  }
  for (std::size_t i = 0; i < out.curves.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (out.curves[i].area.same_as(out.curves[j].area)) {
        d.error(out.curves[i].where, "supply_curve", "a second supply curve for " + out.curves[i].area.describe());
      }
    }
  }
  return out;
}

PowerSupplyTable PowerSupplyTable::load(const std::string& path, const std::vector<std::string>& region_ids,
                                        core::Diagnostics& d) {
  if (path.empty()) return {};
  const auto text = io::read_text_file(path, "the power supply curves", d);
  if (!text) return {};
  return parse(*text, path, region_ids, d);
}

}  // namespace potline::fleet
