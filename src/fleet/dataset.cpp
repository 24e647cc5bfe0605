// Reading data/smelters.csv and data/fleet-regions.toml. Units are checked at the boundary: column
// names carry units, a cell may carry its own unit ("300 kt/yr"), and both go through the one unit
// parser (core/units.hpp). Every problem is collected with file:line:col before anything runs.
#include "potline/fleet/dataset.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/core/units.hpp"
#include "potline/core/constants.hpp"

namespace potline::fleet {
namespace detail {
void parse_subregions(const toml::table& doc, const std::string& file, RegionTable& t, core::Diagnostics& d);
}  // namespace detail
namespace {

struct Column {
  std::string name;
  std::string unit;  ///< unit of a plain number ("" = not a quantity)
  std::string si;    ///< internal unit
  bool required = true;
};

const std::vector<Column>& columns() {
  static const std::vector<Column> c = {
      {"id", "", ""},
      {"name", "", ""},
      {"country", "", ""},
      {"region", "", ""},
      {"province", "", "", false},
      {"lat", "1", "1", false},
      {"lon", "1", "1", false},
      {"owner", "", "", false},
      {"capacity_kt_per_year", "kt/yr", "kg/s"},
      {"status", "", ""},
      {"commissioning_year", "", "", false},
      {"technology", "", "", false},
      {"technology_inferred", "", "", false},
      {"line_current_kA", "kA", "A", false},
      {"power_source", "", ""},
      {"employees", "", "", false},
      {"aggregate", "", ""},
      {"source", "", ""},
  };
  return c;
}

// "capacity_kt_per_year" -> "capacity"; "line_current_kA" -> "line_current": the stem a column with
// another unit would share.
std::string stem(const std::string& name) {
  for (const char* suffix : {"_kt_per_year", "_t_per_year", "_Mt_per_year", "_kA", "_A", "_MA", "_t_per_yr",
                             "_kt_per_yr", "_kt", "_t"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      return name.substr(0, name.size() - s.size());
    }
  }
  return name;
}

std::optional<bool> parse_bool(const std::string& s) {
  if (s == "true" || s == "TRUE" || s == "1") return true;
  if (s == "false" || s == "FALSE" || s == "0" || s.empty()) return false;
  return std::nullopt;
}

}  // namespace

std::optional<Status> status_from_name(const std::string& name) {
  if (name == "operating") return Status::kOperating;
  if (name == "curtailed") return Status::kCurtailed;
  if (name == "closed") return Status::kClosed;
  if (name == "unknown") return Status::kUnknown;
  return std::nullopt;
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::kOperating: return "operating";
    case Status::kCurtailed: return "curtailed";
    case Status::kClosed: return "closed";
    case Status::kUnknown: return "unknown";
  }
  return "unknown";
}

const std::vector<std::string>& smelter_columns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& c : columns()) v.push_back(c.name);
    return v;
  }();
  return names;
}

std::vector<SmelterRecord> parse_smelters(const std::string& text, const std::string& file, core::Diagnostics& d,
                                          const std::vector<std::string>& technology_ids) {
  std::vector<SmelterRecord> rows;
  int line_no = 0;
  std::map<std::string, int> col;  // column name -> index in the header
  bool have_header = false;
  std::map<std::string, int> id_line;
  const std::vector<io::CsvRecord> records = io::parse_csv(text, file, d);  // quoting errors are reported here
  const std::size_t errors_before = d.error_count();
  for (const io::CsvRecord& record : records) {
    line_no = record.line;
    std::vector<std::pair<std::string, int>> fields;  // text and 1-based column
    for (const auto& f : record.fields) fields.emplace_back(f.text, f.column);
    if (!have_header) {
      have_header = true;
      std::set<std::string> expected(smelter_columns().begin(), smelter_columns().end());
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& name = fields[i].first;
        const core::SourceLocation where{file, line_no, fields[i].second};
        if (expected.count(name)) {
          if (col.count(name)) d.error(where, name, "duplicate column '" + name + "'");
          col[name] = static_cast<int>(i);
          continue;
        }
        // Same quantity, other unit: an inconsistent-units error naming the expected column.
        bool reported = false;
        for (const auto& c : columns()) {
          if (!c.unit.empty() && stem(name) == stem(c.name) && name != c.name) {
            d.error(where, name,
                    fmt::format("column '{}' is in other units than this dataset uses: expected '{}' (values in {}); "
                                "convert the column or rename it",
                                name, c.name, c.unit));
            reported = true;
          }
        }
        if (!reported) {
          std::string message = "unknown column '" + name + "'";
          const std::string hint = core::closest_match(name, smelter_columns());
          if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
          d.error(where, name, message + "; docs/data.md lists the columns");
        }
      }
      for (const auto& c : columns()) {
        if (c.required && !col.count(c.name)) {
          d.error({file, line_no, 1}, c.name, "missing column '" + c.name + "'" + (c.unit.empty() ? "" : " (in " + c.unit + ")"));
        }
      }
      if (d.error_count() > errors_before) return rows;
      continue;
    }
    auto cell = [&](const std::string& name) -> std::pair<std::string, int> {
      auto it = col.find(name);
      if (it == col.end() || it->second >= static_cast<int>(fields.size())) return {"", 1};
      return fields[it->second];
    };
    auto where = [&](const std::string& name) { return core::SourceLocation{file, line_no, cell(name).second}; };
    if (fields.size() != col.size()) {
      d.error({file, line_no, 1}, "",
              fmt::format("row has {} fields, the header {}: quote fields that contain commas", fields.size(), col.size()));
      continue;
    }
    SmelterRecord r;
    r.where = {file, line_no, 1};
    r.id = cell("id").first;
    r.name = cell("name").first;
    r.country = cell("country").first;
    r.region = cell("region").first;
    r.province = cell("province").first;
    r.owner = cell("owner").first;
    r.technology = cell("technology").first;
    r.source = cell("source").first;
    if (!r.technology.empty() && !technology_ids.empty() &&
        std::find(technology_ids.begin(), technology_ids.end(), r.technology) == technology_ids.end()) {
      io::report_unknown_name("technology", r.technology, technology_ids, where("technology"), "technology", d);
    }
    if (r.id.empty()) d.error(where("id"), "id", "empty smelter id");
    if (auto [it, inserted] = id_line.emplace(r.id, line_no); !inserted) {
      d.error(where("id"), "id", fmt::format("duplicate smelter id '{}' (first defined on line {})", r.id, it->second));
    }
    if (r.source.empty()) d.error(where("source"), "source", "every row needs a source (docs/data.md)");
    auto quantity = [&](const std::string& name, bool required) -> std::optional<double> {
      const auto& [text, column] = cell(name);
      if (text.empty()) {
        if (required) d.error(where(name), name, "required value is empty");
        return std::nullopt;
      }
      const Column* c = nullptr;
      for (const auto& k : columns()) if (k.name == name) c = &k;
      const core::QuantityParse q = core::parse_quantity(text, c->unit, c->si);
      if (!q.ok()) {
        d.error(where(name), name, fmt::format("'{}': {} (column unit {})", text, q.error, c->unit));
        return std::nullopt;
      }
      if (!std::isfinite(q.value)) {
        d.error(where(name), name, "'" + text + "' is not a finite number");
        return std::nullopt;
      }
      return q.value;
    };
    if (auto cap = quantity("capacity_kt_per_year", true)) {
      if (*cap <= 0) d.error(where("capacity_kt_per_year"), "capacity_kt_per_year", "capacity must be > 0");
      r.capacity_kg_per_s = *cap;
    }
    auto lat = quantity("lat", false);
    auto lon = quantity("lon", false);
    if (lat && lon) {
      r.has_location = true;
      r.lat_deg = *lat;
      r.lon_deg = *lon;
      if (std::abs(*lat) > 90 || std::abs(*lon) > 180) d.error(where("lat"), "lat", "latitude must be within ±90 and longitude within ±180 deg");
    } else if (lat.has_value() != lon.has_value()) {
      d.error(where("lat"), "lat", "give both lat and lon, or neither");
    }
    if (auto a = quantity("line_current_kA", false)) r.line_current_A = *a;
    const std::string year = cell("commissioning_year").first;
    if (!year.empty()) {
      try {
        std::size_t used = 0;
        r.commissioning_year = std::stoi(year, &used);
        if (used != year.size() || r.commissioning_year < 1880 || r.commissioning_year > 2100) throw std::invalid_argument("range");
      } catch (const std::exception&) {
        d.error(where("commissioning_year"), "commissioning_year", "'" + year + "' is not a year in 1880..2100");
      }
    }
    const std::string employees = cell("employees").first;
    if (!employees.empty()) {
      const core::QuantityParse q = core::parse_quantity(employees, "1", "1");
      if (!q.ok() || q.value < 0) d.error(where("employees"), "employees", "'" + employees + "' is not a head count");
      else r.employees = q.value;
    }
    if (auto s = status_from_name(cell("status").first)) r.status = *s;
    else d.error(where("status"), "status", "'" + cell("status").first + "': expected operating, curtailed, closed or unknown");
    if (auto p = plant::power_source_from_name(cell("power_source").first)) r.power_source = *p;
    else d.error(where("power_source"), "power_source", "'" + cell("power_source").first + "': expected captive_coal, captive_gas, hydro, grid or ppa");
    for (const auto& [name, target] : {std::pair<std::string, bool*>{"aggregate", &r.aggregate}, {"technology_inferred", &r.technology_inferred}}) {
      if (auto b = parse_bool(cell(name).first)) *target = *b;
      else d.error(where(name), name, "'" + cell(name).first + "': expected true or false");
    }
    rows.push_back(std::move(r));
  }
  if (!have_header) d.error({file, 0, 0}, "", "no header line: the first non-comment line must name the columns");
  return rows;
}

std::vector<SmelterRecord> load_smelters(const std::string& path, core::Diagnostics& d,
                                         const std::vector<std::string>& technology_ids) {
  const auto text = io::read_text_file(path, "the smelter dataset", d);
  if (!text) return {};
  return parse_smelters(*text, path, d, technology_ids);
}

// ---------------------------------------------------------------- regions

int RegionTable::index_of(const std::string& id) const {
  for (std::size_t i = 0; i < regions.size(); ++i) if (regions[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<std::string> RegionTable::ids() const {
  std::vector<std::string> v;
  for (const auto& r : regions) v.push_back(r.id);
  return v;
}

namespace {

core::SourceLocation loc(const toml::node& n, const std::string& file) { return io::toml_location(n, file); }

// A number in `unit`, or a string with its own unit, converted to `si`; required unless stated,
// and never negative (prices, freight).
std::optional<double> quantity(const toml::node* n, const std::string& key, const std::string& unit, const std::string& si,
                               const std::string& file, const core::SourceLocation& parent, core::Diagnostics& d,
                               bool required = true) {
  if (n == nullptr) {
    if (required) d.error(parent, key, "required key '" + key + "' missing (in " + unit + ")");
    return std::nullopt;
  }
  const auto value = io::toml_quantity(n, key, unit, si, file, d);
  if (value && *value < 0) {
    const auto as_text = n->value<std::string>();
    const std::string text = as_text ? *as_text : core::format_number(*n->value<double>());
    d.error(loc(*n, file), key, "'" + text + "' must not be negative");
    return std::nullopt;
  }
  return value;
}

}  // namespace

RegionTable RegionTable::parse(const std::string& text, const std::string& file, core::Diagnostics& d) {
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
  const std::set<std::string> known = {"id", "name", "demand", "premium", "wage", "employees_per_kt", "other", "anode",
                                       "alf3", "grid_emission_factor", "power"};
  for (const auto& node : *regions) {
    const auto* tbl = node.as_table();
    if (tbl == nullptr) continue;
    const core::SourceLocation w = loc(node, file);
    for (const auto& [k, v] : *tbl) {
      const std::string key(k.str());
      if (!known.count(key)) {
        std::string message = "unknown key '" + key + "' in [[region]]";
        const std::string hint = core::closest_match(key, std::vector<std::string>(known.begin(), known.end()));
        if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
        d.error(loc(v, file), key, message);
      }
    }
    Region r;
    r.where = w;
    r.id = (*tbl)["id"].value_or(std::string());
    r.name = (*tbl)["name"].value_or(r.id);
    if (r.id.empty()) d.error(w, "id", "every [[region]] needs an id");
    if (t.index_of(r.id) >= 0) d.error(w, "id", "duplicate region id '" + r.id + "'");
    auto q = [&](const char* key, const char* unit, const char* si, bool required = true) {
      return quantity(tbl->get(key), key, unit, si, file, w, d, required).value_or(0.0);
    };
    r.demand_kg_per_s = q("demand", "Mt/yr", "kg/s");
    r.premium_usd_per_kg = q("premium", "USD/t", "USD/kg", false);
    r.wage_usd_per_s = q("wage", "USD/yr", "USD/s");
    r.employees_per_kg_per_s = q("employees_per_kt", "1", "1") / (1e6 / constants::kSecondsPerYear);  // per kt/yr -> per kg/s
    r.other_usd_per_kg = q("other", "USD/t", "USD/kg");
    r.anode_usd_per_kg = q("anode", "USD/t", "USD/kg");
    r.alf3_usd_per_kg = q("alf3", "USD/t", "USD/kg");
    r.grid_co2_kg_per_J = q("grid_emission_factor", "t/MWh", "kg/J");
    if (const auto* power = tbl->get_as<toml::table>("power")) {
      for (const auto& [k, v] : *power) {
        const std::string key(k.str());
        const auto source = plant::power_source_from_name(key);
        if (!source) {
          d.error(loc(v, file), "power." + key, "unknown power source '" + key + "': captive_coal, captive_gas, hydro, grid or ppa");
          continue;
        }
        r.power_usd_per_J[power_index(*source)] = quantity(&v, "power." + key, "USD/MWh", "USD/J", file, w, d);
      }
    } else {
      d.error(w, "power", "required: power = { <source> = \"<price> USD/MWh\", ... }");
    }
    t.regions.push_back(std::move(r));
  }
  const std::size_t n = t.regions.size();
  const auto* freight = doc["freight"].as_table();
  const core::SourceLocation fw = freight ? loc(*freight, file) : top;
  t.freight_default_usd_per_kg = quantity(freight ? freight->get("default") : nullptr, "freight.default", "USD/t", "USD/kg", file, fw, d).value_or(0);
  t.freight_intra_usd_per_kg = quantity(freight ? freight->get("intra_region") : nullptr, "freight.intra_region", "USD/t", "USD/kg", file, fw, d, false).value_or(0);
  t.freight_usd_per_kg.assign(n, std::vector<double>(n, t.freight_default_usd_per_kg));
  for (std::size_t i = 0; i < n; ++i) t.freight_usd_per_kg[i][i] = t.freight_intra_usd_per_kg;
  if (freight != nullptr) {
    if (const auto* routes = freight->get_as<toml::array>("route")) {
      for (const auto& node : *routes) {
        const auto* r = node.as_table();
        if (r == nullptr) continue;
        const std::string from = (*r)["from"].value_or(std::string());
        const std::string to = (*r)["to"].value_or(std::string());
        const int i = t.index_of(from), j = t.index_of(to);
        for (const auto& [name, idx] : {std::pair{from, i}, std::pair{to, j}}) {
          if (idx < 0) {
            std::string message = "unknown region '" + name + "'";
            const std::string hint = core::closest_match(name, t.ids());
            if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
            d.error(loc(node, file), "freight.route", message);
          }
        }
        const auto cost = quantity(r->get("cost"), "freight.route.cost", "USD/t", "USD/kg", file, loc(node, file), d);
        if (i >= 0 && j >= 0 && cost) t.freight_usd_per_kg[i][j] = *cost;
      }
    }
  }
  detail::parse_subregions(doc, file, t, d);
  return t;
}

RegionTable RegionTable::load(const std::string& path, core::Diagnostics& d) {
  const auto text = io::read_text_file(path, "the region table", d);
  if (!text) return {};
  return parse(*text, path, d);
}

}  // namespace potline::fleet
