// Reading data/smelters.csv (the region table: regions.cpp). Units are checked at the boundary:
// column names carry units, a cell may carry its own unit ("300 kt/yr"), and both go through the
// one unit parser (core/units.hpp). Every problem is collected with file:line:col before anything
// runs.
#include "potline/fleet/dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "potline/cell/cell_schema.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"
#include "potline/core/units.hpp"
#include "potline/fleet/country_codes.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/values.hpp"

namespace potline::fleet {
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
      {"cell_type", "", "", false},
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
  for (const char* suffix : {"_kt_per_year", "_t_per_year", "_Mt_per_year", "_kA", "_A", "_MA",
                             "_t_per_yr", "_kt_per_yr", "_kt", "_t"}) {
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
    case Status::kOperating:
      return "operating";
    case Status::kCurtailed:
      return "curtailed";
    case Status::kClosed:
      return "closed";
    case Status::kUnknown:
      return "unknown";
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

namespace {

using Fields = std::vector<std::pair<std::string, int>>;  // text and 1-based column

// The header line: each expected column's index; unknown, duplicate, other-unit and missing
// columns are errors.
std::map<std::string, int> read_smelter_header(const Fields& fields, const std::string& file,
                                               int line_no, core::Diagnostics& d) {
  std::map<std::string, int> col;
  std::set<std::string> other_unit;  // expected columns found under another unit
  const std::set<std::string> expected(smelter_columns().begin(), smelter_columns().end());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& name = fields[i].first;
    const core::SourceLocation where{file, line_no, fields[i].second};
    if (expected.count(name)) {
      if (col.count(name)) d.error(where, name, "duplicate column '" + name + "'");
      col[name] = static_cast<int>(i);
      continue;
    }
    // Same quantity, other unit: an inconsistent-units error naming the expected column (which is
    // then not reported missing as well).
    bool reported = false;
    for (const auto& c : columns()) {
      if (!c.unit.empty() && stem(name) == stem(c.name) && name != c.name) {
        other_unit.insert(c.name);
        d.error(where, name,
                fmt::format("column '{}' is in other units than this dataset uses: expected '{}' "
                            "(values in {}); "
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
    if (c.required && !col.count(c.name) && !other_unit.count(c.name)) {
      d.error({file, line_no, 1}, c.name,
              "missing column '" + c.name + "'" + (c.unit.empty() ? "" : " (in " + c.unit + ")"));
    }
  }
  return col;
}

// The unit and allowed values of a quantity column, for messages.
std::string shown_unit(const Column& c) {
  return c.unit == "1" ? "deg" : c.unit;
}
std::string allowed(const std::string& name) {
  if (name == "capacity_kt_per_year") return "> 0 kt/yr";
  if (name == "lat") return "-90 to 90 deg (north positive)";
  if (name == "lon") return "-180 to 180 deg (east positive)";
  return "a finite number";
}

// One data row: its cells by column name, where each is, and its quantities in SI.
struct RowReader {
  const Fields& fields;
  const std::map<std::string, int>& col;
  const std::string& file;
  int line_no;
  core::Diagnostics& d;

  std::pair<std::string, int> cell(const std::string& name) const {
    auto it = col.find(name);
    if (it == col.end() || it->second >= static_cast<int>(fields.size())) return {"", 1};
    return fields[static_cast<std::size_t>(it->second)];
  }
  core::SourceLocation where(const std::string& name) const {
    return {file, line_no, cell(name).second};
  }
  std::optional<double> quantity(const std::string& name, bool required) const {
    const auto& [text, column] = cell(name);
    if (text.empty()) {
      if (required) d.error(where(name), name, "required value is empty");
      return std::nullopt;
    }
    const Column* c = nullptr;
    for (const auto& k : columns())
      if (k.name == name) c = &k;
    const core::QuantityParse q = core::parse_quantity(text, c->unit, c->si);
    // q.error names the value already ("'abc' is not a number ..."): it was printed twice.
    if (!q.ok()) {
      // A unit of another dimension in the column's unit, not the internal one (T14-12: "'kt' (kg)
      // cannot be converted to 'kg/s' (kg s^-1)").
      if (const auto wrong = io::wrong_dimension_message(text, c->unit)) {
        d.error(where(name), name, fmt::format("'{}': {}; allowed {}", text, *wrong, allowed(name)));
      } else {
        d.error(where(name), name,
                fmt::format("{}; column unit {}, allowed {}", q.error, shown_unit(*c), allowed(name)));
      }
      return std::nullopt;
    }
    if (!std::isfinite(q.value)) {
      d.error(where(name), name,
              fmt::format("'{}' is not a finite number; column unit {}, allowed {}", text,
                          shown_unit(*c), allowed(name)));
      return std::nullopt;
    }
    return q.value;
  }
};

// Names, technology, id (unique) and source of a row.
void read_identity(const RowReader& row, const std::vector<std::string>& technology_ids,
                   std::map<std::string, int>& id_line, SmelterRecord& r) {
  core::Diagnostics& d = row.d;
  r.id = row.cell("id").first;
  r.name = row.cell("name").first;
  r.country = row.cell("country").first;
  r.country_where = row.where("country");
  r.region = row.cell("region").first;
  r.region_where = row.where("region");
  r.province = row.cell("province").first;
  r.owner = row.cell("owner").first;
  r.technology = row.cell("technology").first;
  r.cell_type = row.cell("cell_type").first;
  r.source = row.cell("source").first;
  if (!r.technology.empty() && !technology_ids.empty() &&
      std::find(technology_ids.begin(), technology_ids.end(), r.technology) ==
          technology_ids.end()) {
    io::report_unknown_name("technology", r.technology, technology_ids, row.where("technology"),
                            "technology", d);
  }
  if (r.id.empty()) d.error(row.where("id"), "id", "empty smelter id");
  if (auto [it, inserted] = id_line.emplace(r.id, row.line_no); !inserted) {
    d.error(row.where("id"), "id",
            fmt::format("duplicate smelter id '{}' (first defined on line {})", r.id, it->second));
  }
  if (r.source.empty())
    d.error(row.where("source"), "source", "every row needs a source (docs/data.md)");
}

// line_current_kA against operation.line_current's declared range and typical range (the cell the row
// is costed with runs at it). T14-2: -300 kA was read as no line current, and 5 and 40000 kA chose the
// technology class (40000 kA "modern: >= 350 kA") without a word. False when outside the range.
bool check_line_current(const RowReader& row, double amps) {
  const io::FieldSpec* f = cell::cell_schema().find("operation.line_current");
  const double kA = amps / 1e3;
  const std::string text = row.cell("line_current_kA").first;
  const bool below = f->min && (f->min_exclusive ? kA <= *f->min : kA < *f->min);
  const bool above = f->max && (f->max_exclusive ? kA >= *f->max : kA > *f->max);
  if (below || above) {
    row.d.error(row.where("line_current_kA"), "line_current_kA",
                fmt::format("value '{}' is outside the allowed range {} (that of operation.line_current)", text,
                            f->range_text()));
    return false;
  }
  if (f->typical_min && f->typical_max && (kA < *f->typical_min || kA > *f->typical_max)) {
    row.d.warning(row.where("line_current_kA"), "line_current_kA",
                  fmt::format("value '{}' is outside the typical range {} ({}); it chooses the row's technology "
                              "class where the row names no technology",
                              text, f->typical_text(), f->source));
  }
  return true;
}

// Capacity, location, line current, commissioning year and employees of a row.
void read_quantities(const RowReader& row, SmelterRecord& r) {
  core::Diagnostics& d = row.d;
  if (auto cap = row.quantity("capacity_kt_per_year", true)) {
    if (*cap <= 0) {
      d.error(row.where("capacity_kt_per_year"), "capacity_kt_per_year",
              fmt::format("value '{}' is outside the allowed range {}",
                          row.cell("capacity_kt_per_year").first, allowed("capacity_kt_per_year")));
    }
    r.capacity_kg_per_s = *cap;
  }
  auto lat = row.quantity("lat", false);
  auto lon = row.quantity("lon", false);
  if (lat && lon) {
    r.has_location = true;
    r.lat_deg = *lat;
    r.lon_deg = *lon;
    if (std::abs(*lat) > 90) {
      d.error(row.where("lat"), "lat",
              fmt::format("value '{}' is outside the allowed range {}", row.cell("lat").first,
                          allowed("lat")));
    }
    if (std::abs(*lon) > 180) {
      d.error(row.where("lon"), "lon",
              fmt::format("value '{}' is outside the allowed range {}", row.cell("lon").first,
                          allowed("lon")));
    }
  } else if (lat.has_value() != lon.has_value()) {
    d.error(row.where("lat"), "lat", "give both lat and lon, or neither");
  }
  if (auto a = row.quantity("line_current_kA", false)) {
    if (check_line_current(row, *a)) r.line_current_A = *a;
  }
  const std::string year = row.cell("commissioning_year").first;
  if (!year.empty()) {
    try {
      std::size_t used = 0;
      r.commissioning_year = std::stoi(year, &used);
      if (used != year.size() || r.commissioning_year < 1880 || r.commissioning_year > 2100)
        throw std::invalid_argument("range");
    } catch (const std::exception&) {
      d.error(row.where("commissioning_year"), "commissioning_year",
              "'" + year + "' is not a year in 1880..2100");
    }
  }
  const std::string employees = row.cell("employees").first;
  if (!employees.empty()) {
    const core::QuantityParse q = core::parse_quantity(employees, "1", "1");
    if (!q.ok() || q.value < 0)
      d.error(row.where("employees"), "employees", "'" + employees + "' is not a head count");
    else
      r.employees = q.value;
  }
}

// Status, power source and the two flags of a row.
void read_choices(const RowReader& row, SmelterRecord& r) {
  core::Diagnostics& d = row.d;
  if (auto s = status_from_name(row.cell("status").first)) {
    r.status = *s;
  } else {
    const std::string hint = core::closest_match(row.cell("status").first, {"operating", "curtailed", "closed", "unknown"});
    d.error(row.where("status"), "status",
            "'" + row.cell("status").first + "': expected operating, curtailed, closed or unknown" +
                (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
  }
  if (auto p = plant::power_source_from_name(row.cell("power_source").first))
    r.power_source = *p;
  else
    d.error(row.where("power_source"), "power_source",
            "'" + row.cell("power_source").first +
                "': expected captive_coal, captive_gas, hydro, grid or ppa");
  for (const auto& [name, target] : {std::pair<std::string, bool*>{"aggregate", &r.aggregate},
                                     {"technology_inferred", &r.technology_inferred}}) {
    if (auto b = parse_bool(row.cell(name).first))
      *target = *b;
    else
      d.error(row.where(name), name, "'" + row.cell(name).first + "': expected true or false");
  }
}

// Every row's country is an ISO 3166-1 alpha-3 code (user trial T19-8: CHX for CHN ran silently, and the
// country decides sanctions, tariff exemptions, CBAM default values, power shocks and the indirect-cost
// compensation). The did-you-mean comes from the codes the other rows use (CHX -> CHN, not CHE), else
// from the ISO list; a code in another case ('chn') is named as such.
void check_countries(const std::vector<SmelterRecord>& rows, core::Diagnostics& d) {
  std::vector<std::string> used;
  for (const auto& r : rows)
    if (is_iso3166_alpha3(r.country) && std::find(used.begin(), used.end(), r.country) == used.end())
      used.push_back(r.country);
  for (const auto& r : rows) {
    if (r.country.empty()) {
      d.error(r.country_where, "country", "required value is empty: the ISO 3166-1 alpha-3 code of the country");
      continue;
    }
    if (is_iso3166_alpha3(r.country)) continue;
    std::string upper = r.country;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string hint = is_iso3166_alpha3(upper) ? upper : core::closest_match(r.country, used);
    if (hint.empty()) hint = core::closest_match(upper, iso3166_alpha3());
    d.error(r.country_where, "country",
            fmt::format("'{}' is not an ISO 3166-1 alpha-3 country code{}: the country decides the row's "
                        "sanctions, tariff exemptions, CBAM default value and power shocks",
                        r.country, hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
  }
}

}  // namespace

std::vector<SmelterRecord> parse_smelters(const std::string& text, const std::string& file,
                                          core::Diagnostics& d,
                                          const std::vector<std::string>& technology_ids) {
  std::vector<SmelterRecord> rows;
  std::map<std::string, int> col;  // column name -> index in the header
  bool have_header = false;
  std::map<std::string, int> id_line;
  const std::vector<io::CsvRecord> records =
      io::parse_csv(text, file, d);  // quoting errors are reported here
  const std::size_t errors_before = d.error_count();
  for (const io::CsvRecord& record : records) {
    const int line_no = record.line;
    Fields fields;
    for (const auto& f : record.fields) fields.emplace_back(f.text, f.column);
    if (!have_header) {
      have_header = true;
      col = read_smelter_header(fields, file, line_no, d);
      if (d.error_count() > errors_before) return rows;
      continue;
    }
    if (fields.size() != col.size()) {
      d.error({file, line_no, 1}, "",
              fmt::format("row has {} fields, the header {}: quote fields that contain commas",
                          fields.size(), col.size()));
      continue;
    }
    const RowReader row{fields, col, file, line_no, d};
    SmelterRecord r;
    r.where = {file, line_no, 1};
    read_identity(row, technology_ids, id_line, r);
    read_quantities(row, r);
    read_choices(row, r);
    rows.push_back(std::move(r));
  }
  if (!have_header)
    d.error({file, 0, 0}, "", "no header line: the first non-comment line must name the columns");
  check_countries(rows, d);
  return rows;
}

std::vector<SmelterRecord> load_smelters(const std::string& path, core::Diagnostics& d,
                                         const std::vector<std::string>& technology_ids) {
  const auto text = io::read_text_file(path, "the smelter dataset", d);
  if (!text) return {};
  return parse_smelters(*text, path, d, technology_ids);
}

}  // namespace potline::fleet
