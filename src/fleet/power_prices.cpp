// Each smelter's own power price (see power_prices.hpp; data/fleet-power.toml).
#include "potline/fleet/power_prices.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "potline/fleet/technology_classes.hpp"
#include "potline/io/text_file.hpp"
#include "area_match.hpp"
#include "potline/io/toml_values.hpp"
#include "file_label.hpp"

namespace potline::fleet {

std::string basis_of(const std::string& source_text) {
  std::string head = source_text.substr(0, 8);
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return head == "estimate" ? "estimate" : "sourced";
}

const PowerContract* PowerPriceTable::contract_of(const std::string& smelter) const {
  for (const auto& c : contracts) {
    if (is_row_or_part(smelter, c.smelter)) return &c;
  }
  return nullptr;
}

const SupplyEmissionFactor* PowerPriceTable::supply_factor_of(const std::string& smelter) const {
  for (const auto& f : supply_factors) {
    if (is_row_or_part(smelter, f.smelter)) return &f;
  }
  return nullptr;
}

const CaptivePlant* PowerPriceTable::plant_of(plant::PowerSource source) const {
  for (const auto& p : plants) {
    if (p.source == source) return &p;
  }
  return nullptr;
}

const FuelPrice* PowerPriceTable::fuel_of(const SmelterRecord& r) const {
  return detail::most_specific_area_row(fuels, r);
}

namespace {

struct Reader {
  const std::string& file;
  const std::vector<std::string>& region_ids;
  const std::vector<std::string>& smelter_ids;
  core::Diagnostics& d;

  void unknown_keys(const toml::table& t, const std::set<std::string>& known, const std::string& table) const {
    for (const auto& [k, v] : t) {
      const std::string key(k.str());
      if (known.count(key) == 0) {
        io::report_unknown_name("key in [[" + table + "]]", key, std::vector<std::string>(known.begin(), known.end()),
                                io::toml_location(v, file), key, d);
      }
    }
  }
  /// A required non-negative quantity.
  double quantity(const toml::table& t, const char* key, const char* unit, const char* si) const {
    const auto* n = t.get(key);
    if (n == nullptr) {
      d.error(io::toml_location(t, file), key, fmt::format("required: {} (in {} or a string with a unit)", key, unit));
      return 0;
    }
    const auto v = io::toml_quantity(n, key, unit, si, file, d);
    if (v && *v < 0) d.error(io::toml_location(*n, file), key, "must not be negative");
    return v.value_or(0.0);
  }
  std::string source(const toml::table& t, const char* key) const {
    std::string s = t[key].value_or(std::string());
    if (s.empty()) d.error(io::toml_location(t, file), key, std::string("required: the source (or 'estimate: basis') of the value"));
    return s;
  }
  std::optional<plant::PowerSource> captive(const toml::table& t) const {
    const std::string name = t["power_source"].value_or(std::string());
    const auto s = plant::power_source_from_name(name);
    if (!s || !plant::is_captive(*s)) {
      d.error(io::toml_location(t, file), "power_source",
              "power_source '" + name + "' is not a captive source: captive_coal or captive_gas");
      return std::nullopt;
    }
    return s;
  }

  CaptivePlant plant(const toml::table& t) const {
    unknown_keys(t, {"power_source", "heat_rate", "om", "capital", "source", "om_source"}, "captive_plant");
    CaptivePlant p;
    p.where = io::toml_location(t, file);
    p.source = captive(t).value_or(plant::PowerSource::kCaptiveGas);
    p.heat_rate = quantity(t, "heat_rate", "GJ/MWh", "1");
    p.om_usd_per_J = quantity(t, "om", "USD/MWh", "USD/J");
    p.capital_usd_per_J = t.contains("capital") ? quantity(t, "capital", "USD/MWh", "USD/J") : 0.0;
    p.heat_rate_source = source(t, "source");
    p.om_source = source(t, "om_source");
    return p;
  }

  FuelPrice fuel(const toml::table& t) const {
    unknown_keys(t, {"power_source", "region", "country", "province", "price", "source"}, "fuel_price");
    FuelPrice f;
    f.where = io::toml_location(t, file);
    f.source = captive(t).value_or(plant::PowerSource::kCaptiveGas);
    f.region = t["region"].value_or(std::string());
    f.country = t["country"].value_or(std::string());
    f.province = t["province"].value_or(std::string());
    if (int(!f.region.empty()) + int(!f.country.empty()) + int(!f.province.empty()) != 1) {
      d.error(f.where, "fuel_price", "give exactly one of region, country (ISO3) or province");
    }
    if (!f.region.empty() && std::find(region_ids.begin(), region_ids.end(), f.region) == region_ids.end()) {
      io::report_unknown_name("region", f.region, region_ids, io::toml_location(*t.get("region"), file), "region", d);
    }
    f.usd_per_J = quantity(t, "price", "USD/GJ", "USD/J");
    f.origin = source(t, "source");
    return f;
  }

  PowerContract contract(const toml::table& t) const {
    unknown_keys(t, {"smelter", "price", "source"}, "contract");
    PowerContract c;
    c.where = io::toml_location(t, file);
    c.smelter = t["smelter"].value_or(std::string());
    if (std::find(smelter_ids.begin(), smelter_ids.end(), c.smelter) == smelter_ids.end()) {
      const auto* n = t.get("smelter");
      io::report_unknown_name("smelter", c.smelter, smelter_ids, n ? io::toml_location(*n, file) : c.where, "smelter", d);
    }
    c.usd_per_J = quantity(t, "price", "USD/MWh", "USD/J");
    c.origin = source(t, "source");
    return c;
  }

  /// [[supply_emission_factor]]: smelter, emission_factor (t/MWh), source.
  SupplyEmissionFactor supply_factor(const toml::table& t) const {
    unknown_keys(t, {"smelter", "emission_factor", "source"}, "supply_emission_factor");
    SupplyEmissionFactor f;
    f.where = io::toml_location(t, file);
    f.smelter = t["smelter"].value_or(std::string());
    if (std::find(smelter_ids.begin(), smelter_ids.end(), f.smelter) == smelter_ids.end()) {
      const auto* n = t.get("smelter");
      io::report_unknown_name("smelter", f.smelter, smelter_ids, n ? io::toml_location(*n, file) : f.where, "smelter", d);
    }
    f.co2_kg_per_J = quantity(t, "emission_factor", "t/MWh", "kg/J");
    // Lignite-fired power, the most carbon-intensive of any supply, stays below about 1.3 t/MWh.
    constexpr double kMaxTPerMWh = 2.0;
    if (f.co2_kg_per_J * 3.6e6 > kMaxTPerMWh) {
      d.error(io::toml_location(*t.get("emission_factor"), file), "emission_factor",
              fmt::format("{:.4g} t/MWh is above any power supply's CO2 factor: allowed 0 to {} t/MWh",
                          f.co2_kg_per_J * 3.6e6, kMaxTPerMWh));
    }
    f.origin = source(t, "source");
    return f;
  }
};

template <class T, class Read>
void read_list(const toml::table& doc, const char* name, std::vector<T>& out, Read read) {
  const auto* list = doc[name].as_array();
  if (list == nullptr) return;
  for (const auto& n : *list) {
    if (const auto* t = n.as_table()) out.push_back(read(*t));
  }
}

void check_duplicates(const PowerPriceTable& t, core::Diagnostics& d) {
  for (std::size_t i = 0; i < t.contracts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (t.contracts[i].smelter == t.contracts[j].smelter) {
        d.error(t.contracts[i].where, "smelter", "a second [[contract]] for smelter '" + t.contracts[i].smelter + "'");
      }
    }
  }
  for (std::size_t i = 0; i < t.supply_factors.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (t.supply_factors[i].smelter == t.supply_factors[j].smelter) {
        d.error(t.supply_factors[i].where, "smelter",
                "a second [[supply_emission_factor]] for smelter '" + t.supply_factors[i].smelter + "'");
      }
    }
  }
  for (std::size_t i = 0; i < t.plants.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (t.plants[i].source == t.plants[j].source) {
        d.error(t.plants[i].where, "power_source",
                fmt::format("a second [[captive_plant]] for {}", plant::to_string(t.plants[i].source)));
      }
    }
  }
}

}  // namespace

PowerPriceTable PowerPriceTable::parse(const std::string& text, const std::string& file,
                                       const std::vector<std::string>& region_ids,
                                       const std::vector<std::string>& smelter_ids, core::Diagnostics& d) {
  PowerPriceTable out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  const Reader reader{file, region_ids, smelter_ids, d};
  for (const auto& [k, v] : *doc) {
    const std::string key(k.str());
    if (key != "captive_plant" && key != "fuel_price" && key != "contract" && key != "supply_emission_factor") {
      io::report_unknown_name("table", key, {"captive_plant", "fuel_price", "contract", "supply_emission_factor"},
                              io::toml_location(v, file), key, d);
    }
  }
  read_list(*doc, "captive_plant", out.plants, [&](const toml::table& t) { return reader.plant(t); });
  read_list(*doc, "fuel_price", out.fuels, [&](const toml::table& t) { return reader.fuel(t); });
  read_list(*doc, "contract", out.contracts, [&](const toml::table& t) { return reader.contract(t); });
  read_list(*doc, "supply_emission_factor", out.supply_factors,
            [&](const toml::table& t) { return reader.supply_factor(t); });
  for (const auto& f : out.fuels) {
    if (out.plant_of(f.source) == nullptr) {
      d.error(f.where, "power_source",
              fmt::format("no [[captive_plant]] for {}: its heat rate and O&M are needed to price the fuel",
                          plant::to_string(f.source)));
    }
  }
  check_duplicates(out, d);
  return out;
}

PowerPriceTable PowerPriceTable::load(const std::string& path, const std::vector<std::string>& region_ids,
                                      const std::vector<std::string>& smelter_ids, core::Diagnostics& d) {
  if (path.empty()) return {};
  const auto text = io::read_text_file(path, "the power price table", d);
  if (!text) return {};
  return parse(*text, path, region_ids, smelter_ids, d);
}

namespace {

std::optional<SmelterPowerPrice> captive_price(const SmelterRecord& r, const PowerPriceTable& power) {
  const FuelPrice* fuel = power.fuel_of(r);
  const CaptivePlant* plant = fuel != nullptr ? power.plant_of(r.power_source) : nullptr;
  if (plant == nullptr) return std::nullopt;
  SmelterPowerPrice p;
  p.usd_per_J = fuel->usd_per_J * plant->heat_rate + plant->om_usd_per_J + plant->capital_usd_per_J;
  const std::string where = !fuel->province.empty() ? fuel->province : !fuel->country.empty() ? fuel->country : fuel->region;
  p.origin = fmt::format(
      "{}: captive plant = fuel price {:.3g} USD/GJ ({}: {}) x heat rate {:.4g} GJ/MWh ({}) + O&M {:.3g} + capital {:.3g} "
      "USD/MWh ({})",
      file_label(power.path), fuel->usd_per_J * 1e9, where, fuel->origin, plant->heat_rate * 3.6, plant->heat_rate_source,
      plant->om_usd_per_J * 3.6e9, plant->capital_usd_per_J * 3.6e9, plant->om_source);
  const bool all_sourced = basis_of(plant->heat_rate_source) == "sourced" && basis_of(plant->om_source) == "sourced";
  p.basis = basis_of(fuel->origin) == "estimate" ? "estimate" : all_sourced ? "sourced" : "partly sourced";
  return p;
}

}  // namespace

std::optional<SmelterPowerPrice> smelter_power_price(const SmelterRecord& r, const RegionTable& regions,
                                                     const PowerPriceTable& power) {
  if (const PowerContract* c = power.contract_of(r.id)) {
    return SmelterPowerPrice{c->usd_per_J, fmt::format("{}: [[contract]] of {} ({})", file_label(power.path), r.id, c->origin),
                             basis_of(c->origin)};
  }
  if (plant::is_captive(r.power_source)) {
    if (auto p = captive_price(r, power)) return p;
  }
  const std::string source(plant::to_string(r.power_source));
  const auto k = static_cast<std::size_t>(power_index(r.power_source));
  const Subregion* sub = regions.subregion_of(r.region, r.country, r.province);
  const std::string table = file_label(regions.path);
  if (sub != nullptr && sub->power_usd_per_J[k]) {
    return SmelterPowerPrice{*sub->power_usd_per_J[k],
                             fmt::format("region table {}, subregion '{}' of '{}', power.{} ({})", table, sub->name,
                                         sub->region, source, sub->source),
                             basis_of(sub->source)};
  }
  const Region& reg = regions.regions[static_cast<std::size_t>(regions.index_of(r.region))];
  if (!reg.power_usd_per_J[k]) return std::nullopt;
  // The region table states that its numbers are estimates unless a source is named beside them.
  return SmelterPowerPrice{*reg.power_usd_per_J[k],
                           fmt::format("region table {}, region '{}', power.{}", table, reg.id, source), "estimate"};
}

}  // namespace potline::fleet
