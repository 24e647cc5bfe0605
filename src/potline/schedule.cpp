#include "potline/potline/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "potline/core/units.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"

namespace potline::line {
namespace {
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// "time [h]" -> {"time", "h"}
bool split_header(const std::string& cell, std::string& name, std::string& unit) {
  const auto open = cell.find('[');
  const auto close = cell.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return false;
  name = trim(cell.substr(0, open));
  unit = trim(cell.substr(open + 1, close - open - 1));
  return true;
}

}  // namespace

bool parse_step_list(const std::string& text, const std::string& key, const core::SourceLocation& where,
                     core::Diagnostics& diagnostics, const StepListSyntax& syntax,
                     const std::function<std::string(std::optional<double>)>& check,
                     const std::function<void(double, double)>& add) {
  std::stringstream in(text);
  std::string item;
  double last = -1;
  int index = 0;
  int steps = 0;
  const std::size_t errors_before = diagnostics.error_count();
  while (std::getline(in, item, ';')) {
    item = trim(item);
    ++index;
    if (item.empty()) continue;
    const auto space = item.find_last_of(" \t");
    if (space == std::string::npos) {
      diagnostics.error(where, key, fmt::format("step {} '{}': write 'TIME {}', e.g. '{}'", index, item,
                                                syntax.value_name, syntax.step_example));
      continue;
    }
    const auto time = core::parse_quantity(trim(item.substr(0, space)), "h", "s");
    const std::string value_text = trim(item.substr(space + 1));
    char* end = nullptr;
    const double value = std::strtod(value_text.c_str(), &end);
    if (!time.ok()) {
      diagnostics.error(where, key, fmt::format("step {} '{}': time: {}", index, item, time.error));
      continue;
    }
    const bool number = end != value_text.c_str() && *end == '\0';
    if (const std::string problem = check(number ? std::optional<double>(value) : std::nullopt); !problem.empty()) {
      diagnostics.error(where, key, fmt::format("step {} '{}': {}", index, item, problem));
      continue;
    }
    if (!(time.value >= 0.0) || time.value <= last) {
      diagnostics.error(where, key, fmt::format("step {} '{}': times must be non-negative and increasing", index, item));
      continue;
    }
    last = time.value;
    ++steps;
    add(time.value, value);
  }
  if (steps == 0 && diagnostics.error_count() == errors_before && !trim(text).empty()) {
    diagnostics.error(where, key, fmt::format("'{}' holds no step: write 'TIME {}; ...', e.g. '{}'{}", text,
                                              syntax.value_name, syntax.list_example, syntax.empty_hint));
  }
  return diagnostics.error_count() == errors_before;
}

bool CurrentSchedule::parse_steps(const std::string& text, const std::string& key,
                                  const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  const StepListSyntax syntax{"FACTOR", "48 h 0.75", "48 h 0.75; 120 h 1.0",
                              " (or leave the key out for a constant current)"};
  const auto check = [this](std::optional<double> factor) -> std::string {
    if (!factor || !(*factor >= 0.0) || *factor > 2.0) {
      return "the factor of the nominal current must be a number in [0, 2]";
    }
    if (*factor * nominal_A_ > max_A_) {
      return fmt::format("{:.6g} kA is above the rectifier limit potline.max_current = {:.6g} kA (allowed: 0 to {:.6g} kA)",
                         *factor * nominal_A_ / 1e3, max_A_ / 1e3, max_A_ / 1e3);
    }
    return "";
  };
  return parse_step_list(text, key, where, diagnostics, syntax, check,
                         [this](double t, double factor) { points_.push_back({t, factor * nominal_A_}); });
}

namespace {
constexpr const char* kCsvKey = "potline.current_csv";

// Units and meaning of a schedule CSV, from its header.
struct CsvHeader {
  bool power = false;
  double time_factor = 1;   ///< to s
  double value_factor = 1;  ///< to A or W
  std::string value_unit;   ///< as written in the header ("kA")
};

// Parses "time [UNIT],current [UNIT]" or "time [UNIT],power [UNIT]"; errors at path:line.
std::optional<CsvHeader> parse_header(const std::vector<std::string>& cells, const std::string& path, int line_no,
                                      core::Diagnostics& diagnostics) {
  std::string n0, u0, n1, u1;
  if (cells.size() != 2 || !split_header(cells[0], n0, u0) || !split_header(cells[1], n1, u1)) {
    diagnostics.error({path, line_no, 1}, kCsvKey,
                      "the header must be 'time [UNIT],current [UNIT]' (e.g. 'time [h],current [kA]')");
    return std::nullopt;
  }
  const bool power = n1 == "power";
  const auto tu = core::convert(1.0, u0, "s");
  const auto cu = core::convert(1.0, u1, power ? "W" : "A");
  if (n0 != "time" || !tu.ok()) {
    diagnostics.error({path, line_no, 1}, kCsvKey, fmt::format("first column must be 'time [s|min|h|d]', found '{}'", cells[0]));
  }
  if ((n1 != "current" && !power) || !cu.ok()) {
    diagnostics.error({path, line_no, 2}, kCsvKey,
                      fmt::format("second column must be 'current [A|kA|MA]' or 'power [W|kW|MW|GW]', found '{}'", cells[1]));
  }
  if (!tu.ok() || !cu.ok() || n0 != "time" || (n1 != "current" && !power)) return std::nullopt;
  return CsvHeader{power, tu.value, cu.value, u1};
}

// A data value: a finite number within [0, max] (current or power, SI); errors at path:line:column.
bool check_value(const std::string& text, double value, bool parsed, const CsvHeader& h, double max, const std::string& path,
                 int line_no, core::Diagnostics& diagnostics) {
  const char* what = h.power ? "power" : "current";
  if (!parsed || !(value >= 0.0) || !std::isfinite(value)) {
    diagnostics.error({path, line_no, 2}, what, fmt::format("'{}' is not a non-negative number", text));
    return false;
  }
  if (value > max) {
    const double scale = h.power ? 1e6 : 1e3;
    diagnostics.error({path, line_no, 2}, what,
                      fmt::format("{} {:.6g} {} is outside the allowed range 0 to {:.6g} {}{}", what, value / scale,
                                  h.power ? "MW" : "kA", max / scale, h.power ? "MW" : "kA",
                                  h.power ? " (10 GW, ten times the largest potlines)"
                                          : " (the rectifier limit potline.max_current)"));
    return false;
  }
  return true;
}

// A current between 0 and this share of the nominal current is no operating state a line holds (0 is
// an outage; reduced-amperage operation runs at tens of % and more): more likely a unit slip (`0.38` in
// a [kA] column meant for 380 kA, MA typed for kA). A choice, not a published limit.
constexpr double kLowestOperatingShare = 0.05;

// Warns once for the current rows in (0, kLowestOperatingShare x nominal), at the first of them.
struct NearZeroRow {
  int line;
  std::string text;  ///< the cell as written
  double current_A;
};
void warn_near_zero_currents(const std::vector<NearZeroRow>& rows, const std::string& unit, double nominal_A,
                             const std::string& path, core::Diagnostics& diagnostics) {
  if (rows.empty()) return;
  const NearZeroRow& first = rows.front();
  const std::string more = rows.size() > 1 ? fmt::format(" ({} rows like it, this the first)", rows.size()) : "";
  diagnostics.warning({path, first.line, 2}, "current",
                      fmt::format("'{}' in a [{}] column is {:.6g} kA, {:.3g} % of the nominal current {:.6g} kA{}: no "
                                  "line operates there (0 is an outage; reduced amperage runs at tens of % and more): "
                                  "check the number and the column's unit",
                                  first.text, unit, first.current_A / 1e3, 100.0 * first.current_A / nominal_A,
                                  nominal_A / 1e3, more));
}
}  // namespace

bool CurrentSchedule::read_csv(const std::string& path, core::Diagnostics& diagnostics) {
  const auto text = io::read_text_file(path, "the current schedule file", diagnostics, "potline.current_csv");
  return text && read_csv_text(*text, path, diagnostics);
}

bool CurrentSchedule::read_csv_text(const std::string& text, const std::string& path, core::Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  int line_no = 0;
  std::optional<CsvHeader> header;
  double step = 0;
  std::vector<Point> points;
  std::vector<NearZeroRow> near_zero;  // rows between 0 and a few % of the nominal current
  for (const io::CsvRecord& record : io::parse_csv(text, path, diagnostics)) {
    line_no = record.line;
    std::vector<std::string> cells;
    for (const auto& f : record.fields) cells.push_back(f.text);
    if (!header) {
      header = parse_header(cells, path, line_no, diagnostics);
      if (!header) return false;
      power_ = header->power;
      continue;
    }
    if (cells.size() != 2) {
      diagnostics.error({path, line_no, 1}, kCsvKey, fmt::format("expected 2 columns, found {}", cells.size()));
      continue;
    }
    char* e0 = nullptr;
    char* e1 = nullptr;
    const double t = std::strtod(cells[0].c_str(), &e0) * header->time_factor;
    const double value = std::strtod(cells[1].c_str(), &e1) * header->value_factor;
    if (e0 == cells[0].c_str() || *e0 != '\0' || !std::isfinite(t)) {
      diagnostics.error({path, line_no, 1}, "time", fmt::format("'{}' is not a number", cells[0]));
      continue;
    }
    const bool parsed = e1 != cells[1].c_str() && *e1 == '\0';
    if (!check_value(cells[1], value, parsed, *header, power_ ? kMaxLinePower_W : max_A_, path, line_no, diagnostics)) {
      continue;
    }
    if (!points.empty()) {
      const double dt = t - points.back().time_s;
      if (dt <= 0) {
        diagnostics.error({path, line_no, 1}, "time", fmt::format("times must increase: {} after {} s", t, points.back().time_s));
        continue;
      }
      if (step == 0) {
        step = dt;
      } else if (std::fabs(dt - step) > 1e-6 * step) {
        diagnostics.error({path, line_no, 1}, "time",
                          fmt::format("gap: step {} s differs from the series step {} s (the series must have a constant step)", dt, step));
        continue;
      }
    } else if (t != 0.0) {
      diagnostics.error({path, line_no, 1}, "time", "the series must start at time 0");
    }
    points.push_back({t, value});
    if (!power_ && value > 0.0 && value < kLowestOperatingShare * nominal_A_) near_zero.push_back({line_no, cells[1], value});
  }
  if (header && points.empty()) diagnostics.error({path, line_no, 0}, kCsvKey, "no data rows");
  if (!header) diagnostics.error({path, line_no, 0}, kCsvKey, "empty file: no header");
  if (diagnostics.error_count() != errors_before) return false;
  if (header) warn_near_zero_currents(near_zero, header->value_unit, nominal_A_, path, diagnostics);
  points_ = std::move(points);
  return true;
}

double CurrentSchedule::current_at(double t) const {
  if (in_outage(t)) return 0.0;
  if (power_ || points_.empty() || t < points_.front().time_s) return nominal_A_;
  const auto it = std::upper_bound(points_.begin(), points_.end(), t,
                                   [](double v, const Point& p) { return v < p.time_s; });
  return std::prev(it)->value;
}

double CurrentSchedule::power_at(double t) const {
  if (!power_ || in_outage(t) || points_.empty()) return 0.0;
  const auto it = std::upper_bound(points_.begin(), points_.end(), t,
                                   [](double v, const Point& p) { return v < p.time_s; });
  return it == points_.begin() ? points_.front().value : std::prev(it)->value;
}

}  // namespace potline::line
