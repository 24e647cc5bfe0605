// Fuel price paths by year (fuel_paths.hpp; docs/model/fleet.md, "Fuel price paths"). The rows are
// read against the fleet schema's [[fuel_path]] fields (unit, range, choices: io::convert_input);
// here are the rules across rows: one area per row, names known to the region table and the
// dataset, one row per year, years in order and without gaps, a start at or before 2024.
#include "potline/fleet/fuel_paths.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>

#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/fleet_schema.hpp"
#include "potline/io/text_file.hpp"
#include "area_match.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::fleet {

double FuelPath::at(int year) const {
  const int y = std::clamp(year, first_year, last_year());
  return usd_per_J[static_cast<std::size_t>(y - first_year)];
}

const std::string& FuelPath::source_at(int year) const {
  const int y = std::clamp(year, first_year, last_year());
  return sources[static_cast<std::size_t>(y - first_year)];
}

std::string FuelPath::fuel() const { return source == plant::PowerSource::kCaptiveGas ? "gas" : "coal"; }

std::string FuelPath::area() const {
  return !province.empty() ? "province " + province : !country.empty() ? "country " + country : "region " + region;
}

const FuelPath* FuelPathTable::path_of(const SmelterRecord& r) const {
  if (!plant::is_captive(r.power_source)) return nullptr;
  return detail::most_specific_area_row(paths, r);
}

void add_fuel_path_fields(io::SchemaTable<FleetCase>& t) {
  t.choice("fuel_path.fuel", {"coal", "gas"})
      .doc("[[fuel_path]] the fuel (required): coal for captive_coal smelters, gas for captive_gas");
  t.text("fuel_path.region").doc("[[fuel_path]] the area whose captive plants burn the fuel: a region id (or one of country, province)");
  t.text("fuel_path.country").doc("[[fuel_path]] an ISO3 country instead of a region");
  t.text("fuel_path.province").doc("[[fuel_path]] a province or state instead of a region");
  t.integer("fuel_path.year")
      .range(2020, 2060)
      .doc("[[fuel_path]] the year of the price (required); one row per year, in order, without gaps, from 2024 "
           "or earlier; after a path's last year its last price holds");
  t.number("fuel_path.price")
      .unit("USD/GJ", "USD/J")
      .range(0.0, 200.0)
      .typical(0.3, 40.0)
      .source("2024 annual averages: Australian coal 136.1 USD/t, about 5 USD/GJ ([World Bank Pink Sheet]); Henry Hub "
              "2.19 USD/MMBtu ([EIA STEO 2025]); 1 USD/MMBtu = 0.948 USD/GJ")
      .doc("[[fuel_path]] fuel price of the year at the captive plant (required; higher heating value, as the "
           "heat rate of data/fleet-power.toml; a string may carry USD/MMBtu)");
  t.text("fuel_path.source").default_note("required").doc("[[fuel_path]] the source of the price (or 'estimate: basis') (required)");
}

namespace {

/// One [[fuel_path]] row as read.
struct Row {
  plant::PowerSource source = plant::PowerSource::kCaptiveCoal;
  std::string region, country, province, origin;
  int year = 0;
  double usd_per_J = 0;
  std::string file;
  core::SourceLocation where, year_where;
  std::string label;
  bool ok = false;
  std::string key() const { return fmt::format("{}|{}|{}|{}", static_cast<int>(source), region, country, province); }
};

struct Names {
  const RegionTable& regions;
  std::set<std::string> countries, provinces;
};

bool required(const TableValues& t, const char* key, const std::string& what, core::Diagnostics& d) {
  if (t.values.has(key)) return true;
  if (t.rejected.count(key) == 0) d.error(t.where, shown_key(t, key), "required: " + what);
  return false;
}

void check_name(const TableValues& t, const char* key, const std::string& what, const std::vector<std::string>& known,
                core::Diagnostics& d) {
  const io::Value* v = t.values.get(key);
  if (v == nullptr || std::find(known.begin(), known.end(), v->text) != known.end()) return;
  io::report_unknown_name(what, v->text, known, v->location, shown_key(t, key), d);
}

Row read_row(const TableValues& t, const std::string& file, const Names& names, core::Diagnostics& d) {
  Row r;
  r.file = file;
  r.where = t.where;
  r.label = t.label;
  const std::size_t errors = d.error_count();
  if (required(t, "fuel_path.fuel", "the fuel, coal or gas", d))
    r.source = t.values.text("fuel_path.fuel") == "gas" ? plant::PowerSource::kCaptiveGas : plant::PowerSource::kCaptiveCoal;
  r.region = t.values.text("fuel_path.region");
  r.country = t.values.text("fuel_path.country");
  r.province = t.values.text("fuel_path.province");
  const int given = t.values.has("fuel_path.region") + t.values.has("fuel_path.country") + t.values.has("fuel_path.province");
  if (given != 1) d.error(t.where, t.label, "give exactly one of region, country (ISO3) or province: the area of the path");
  check_name(t, "fuel_path.region", "region", names.regions.ids(), d);
  check_name(t, "fuel_path.country", "country", {names.countries.begin(), names.countries.end()}, d);
  check_name(t, "fuel_path.province", "province", {names.provinces.begin(), names.provinces.end()}, d);
  if (required(t, "fuel_path.year", "the year of the price", d)) {
    r.year = static_cast<int>(t.values.number("fuel_path.year"));
    r.year_where = t.values.get("fuel_path.year")->location;
  }
  if (required(t, "fuel_path.price", "the fuel price of the year (USD/GJ)", d)) r.usd_per_J = t.values.number("fuel_path.price");
  if (required(t, "fuel_path.source", "the source of the price (or 'estimate: basis')", d)) r.origin = t.values.text("fuel_path.source");
  r.ok = d.error_count() == errors && t.rejected.empty();
  return r;
}

/// The rows of the fuel path file: only [[fuel_path]] tables, read against the fleet schema.
std::vector<TableValues> file_rows(const std::string& file, core::Diagnostics& d) {
  const auto text = io::read_text_file(file, "the fuel price paths", d);
  if (!text) return {};
  auto doc = io::parse_toml(*text, file, d);
  if (!doc) return {};
  CaseLayout layout = fleet_layout();
  layout.arrays = {"fuel_path"};
  for (const auto& [k, v] : *doc) {
    if (k.str() == "fuel_path") continue;
    d.error(io::toml_location(v, file), std::string(k.str()), "the fuel path file holds only [[fuel_path]] tables");
    layout.passthrough.emplace_back(k.str());  // reported here, not again as a case key
  }
  CaseInput in;
  read_case_input(*doc, file, layout, in, d);
  const auto it = in.arrays.find("fuel_path");
  return it == in.arrays.end() ? std::vector<TableValues>{} : it->second;
}

/// The rows of one fuel and area (in input order) into a path; duplicates, order and gaps checked.
FuelPath build_path(const std::vector<const Row*>& rows, core::Diagnostics& d) {
  FuelPath p;
  const Row& first = *rows.front();
  p.source = first.source;
  p.region = first.region;
  p.country = first.country;
  p.province = first.province;
  p.file = first.file;
  p.where = first.where;
  const std::string owner = fmt::format("fuel path '{} {}'", p.fuel(), p.area());
  std::map<int, const Row*> by_year;
  int previous = 0;
  for (const Row* r : rows) {
    if (!by_year.emplace(r->year, r).second) {
      d.error(r->year_where, r->label + ".year",
              fmt::format("{}: a second row for {} (first at {})", owner, r->year, by_year[r->year]->year_where.to_string()));
    } else if (r->year < previous) {
      d.error(r->year_where, r->label + ".year",
              fmt::format("{}: year {} after {}: list the years of a path in order", owner, r->year, previous));
    }
    previous = std::max(previous, r->year);
  }
  p.first_year = by_year.begin()->first;
  for (int y = p.first_year; y <= by_year.rbegin()->first; ++y) {
    const auto it = by_year.find(y);
    if (it == by_year.end()) {
      d.error(first.where, first.label,
              fmt::format("{}: no row for {} (a path lists every year from its first, {}, to its last, {})", owner, y,
                          p.first_year, by_year.rbegin()->first));
      p.usd_per_J.push_back(0.0);
      p.sources.emplace_back();
      continue;
    }
    p.usd_per_J.push_back(it->second->usd_per_J);
    p.sources.push_back(it->second->origin);
  }
  if (p.first_year > kPowerPriceYear) {
    d.error(first.year_where, first.label + ".year",
            fmt::format("{}: starts in {}; a path starts in {} or earlier, the year of the dataset's power prices "
                        "that it moves",
                        owner, p.first_year, kPowerPriceYear));
  }
  return p;
}

}  // namespace

FuelPathTable load_fuel_paths(const std::string& file, const std::vector<TableValues>& case_rows,
                              const RegionTable& regions, const std::vector<SmelterRecord>& records,
                              const PowerPriceTable& power, core::Diagnostics& d) {
  FuelPathTable out;
  out.path = file;
  Names names{regions, {}, {}};
  for (const SmelterRecord& r : records) {
    names.countries.insert(r.country);
    if (!r.province.empty()) names.provinces.insert(r.province);
  }
  std::vector<Row> from_file, from_case;
  for (const TableValues& t : file.empty() ? std::vector<TableValues>{} : file_rows(file, d))
    from_file.push_back(read_row(t, file, names, d));
  for (const TableValues& t : case_rows) from_case.push_back(read_row(t, t.where.file, names, d));
  // A case's rows replace the file's rows of the same fuel and area.
  std::set<std::string> in_case;
  for (const Row& r : from_case) in_case.insert(r.key());
  // A path with a row already reported is left out (no second message for the gap it leaves).
  std::set<std::string> reported;
  for (const std::vector<Row>* rows : {&from_file, &from_case})
    for (const Row& r : *rows)
      if (!r.ok) reported.insert(r.key());
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Row*>> groups;
  auto add = [&](const Row& r) {
    if (reported.count(r.key()) != 0) return;
    if (groups.find(r.key()) == groups.end()) order.push_back(r.key());
    groups[r.key()].push_back(&r);
  };
  for (const Row& r : from_file)
    if (in_case.count(r.key()) == 0) add(r);
  for (const Row& r : from_case) add(r);
  for (const std::string& key : order) {
    FuelPath p = build_path(groups[key], d);
    if (power.plant_of(p.source) == nullptr) {
      d.error(p.where, "fuel_path.fuel",
              fmt::format("no [[captive_plant]] for {} in {}: its heat rate turns the fuel price into a power price",
                          plant::to_string(p.source), power.path));
    }
    out.paths.push_back(std::move(p));
  }
  return out;
}

void apply_fuel_paths(FleetCase& c, int year) {
  // The dataset's power prices are those of kPowerPriceYear: nothing moves in that year.
  if (year == 0 || year == kPowerPriceYear || c.fuel_paths.paths.empty()) return;
  for (FleetSmelter& s : c.model.smelters) {
    const SmelterRecord& r = s.record;
    const FuelPath* p = c.fuel_paths.path_of(r);
    const CaptivePlant* plant = c.power_prices.plant_of(r.power_source);
    if (p == nullptr || plant == nullptr || c.power_prices.contract_of(r.id) != nullptr) continue;
    // A [[power_shock]] on the smelter, its country or province scaled its price (fleet_case.cpp):
    // it scales the fuel's change too.
    double factor = 1.0;
    for (const PowerTarget& t : c.power_targets) {
      const bool match = (!t.smelter.empty() && is_row_or_part(r.id, t.smelter)) || (!t.country.empty() && r.country == t.country) ||
                         (!t.province.empty() && r.province == t.province);
      if (match) factor *= t.factor;
    }
    const double change = p->at(year) - p->at(kPowerPriceYear);
    const double delta = factor * plant->heat_rate * change;
    s.base_power_usd_per_J += delta;
    s.inputs.power_usd_per_J = s.base_power_usd_per_J;
    if (basis_of(p->source_at(year)) == "estimate" && s.power_basis == "sourced") s.power_basis = "partly sourced";
    s.power_origin += fmt::format(
        "; {}: {:+.3g} USD/MWh from the {} price path of {} ({:.3g} USD/GJ in {} against {:.3g} in {}, x heat rate "
        "{:.4g} GJ/MWh; {}: {})",
        year, delta * constants::kJoulePerKWh * 1e3, p->fuel(), p->area(), p->at(year) * 1e9, year,
        p->at(kPowerPriceYear) * 1e9, kPowerPriceYear, plant->heat_rate * 3.6, p->file, p->source_at(year));
  }
}

}  // namespace potline::fleet
