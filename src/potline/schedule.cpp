#include "potline/potline/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <sstream>
#include <vector>

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

// "24 h 0.9" -> time "24 h", value "0.9"; "24 h 90 %" -> "24 h", "90 %"; "86400 0.9" -> "86400", "0.9".
// The time's unit may stand apart from its number, so a second word that is no number belongs to the
// time (T14-11: split at the last blank, "24 h 90 %" read the time '24 h 90' and said "unknown unit '90'").
bool split_step(const std::string& item, std::string& time, std::string& value) {
  std::istringstream in(item);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  if (words.size() < 2) return false;
  const auto numeric = [](const std::string& w) {
    return std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '.' || w[0] == '-' || w[0] == '+';
  };
  const std::size_t time_words = words.size() >= 3 && !numeric(words[1]) ? 2 : 1;
  time.clear();
  value.clear();
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& part = i < time_words ? time : value;
    part += (part.empty() ? "" : " ") + words[i];
  }
  return true;
}

// The value of a step: a plain number, or a percentage ("90 %" = 0.9); nullopt with `unit` set to
// what followed the number when it is neither.
std::optional<double> step_value(const std::string& text, std::string& unit) {
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return std::nullopt;
  unit = trim(std::string(end));
  if (unit.empty()) return x;
  if (unit == "%") return x / 100.0;
  return std::nullopt;
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
    if (item.find(',') != std::string::npos) {  // "24 h 0.9, 48 h 1" (T14-11)
      diagnostics.error(where, key, fmt::format("step {} '{}': ',' separates nothing here: separate steps with ';' and "
                                                "write decimals with '.', e.g. '{}'",
                                                index, item, syntax.list_example));
      continue;
    }
    std::string time_text, value_text, unit;
    if (!split_step(item, time_text, value_text)) {
      diagnostics.error(where, key, fmt::format("step {} '{}': write 'TIME {}', e.g. '{}'", index, item,
                                                syntax.value_name, syntax.step_example));
      continue;
    }
    const auto time = core::parse_quantity(time_text, "h", "s");
    if (!time.ok()) {
      diagnostics.error(where, key, fmt::format("step {} '{}': time: {}", index, item, time.error));
      continue;
    }
    const std::optional<double> value = step_value(value_text, unit);
    if (!value && !unit.empty()) {  // "24 h 360 kA": the value is a factor (or %), not a quantity
      char* end = nullptr;
      const double given = std::strtod(value_text.c_str(), &end);
      const std::string hint = syntax.unit_hint ? syntax.unit_hint(given, unit) : "";
      diagnostics.error(where, key, fmt::format("step {} '{}': the {} '{}' is a plain number or a percentage, not in "
                                                "'{}'{}; e.g. '{}'",
                                                index, item, syntax.value_name, value_text, unit,
                                                hint.empty() ? "" : ": " + hint, syntax.step_example));
      continue;
    }
    if (const std::string problem = check(value); !problem.empty()) {
      diagnostics.error(where, key, fmt::format("step {} '{}': {}", index, item, problem));
      continue;
    }
    if (!(time.value >= 0.0) || time.value <= last) {
      diagnostics.error(where, key, fmt::format("step {} '{}': times must be non-negative and increasing", index, item));
      continue;
    }
    last = time.value;
    ++steps;
    add(time.value, *value);
  }
  if (steps == 0 && diagnostics.error_count() == errors_before && !trim(text).empty()) {
    diagnostics.error(where, key, fmt::format("'{}' holds no step: write 'TIME {}; ...', e.g. '{}'{}", text,
                                              syntax.value_name, syntax.list_example, syntax.empty_hint));
  }
  return diagnostics.error_count() == errors_before;
}

bool CurrentSchedule::parse_steps(const std::string& text, const std::string& key,
                                  const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  StepListSyntax syntax{"FACTOR", "48 h 0.75", "48 h 0.75; 120 h 1.0",
                        " (or leave the key out for a constant current)"};
  // "24 h 360 kA": the factor that current is of the nominal (T14-11).
  syntax.unit_hint = [this](double value, const std::string& unit) -> std::string {
    const auto amps = core::convert(value, unit, "A");
    if (!amps.ok() || nominal_A_ <= 0.0) return "";
    return fmt::format("{:g} {} is {:.4g} of the nominal {:g} kA (operation.line_current), so write {:.4g}", value, unit,
                       amps.value / nominal_A_, nominal_A_ / 1e3, amps.value / nominal_A_);
  };
  // One allowed range, in the factor the user writes (user trial T15-10: "must be a number in [0, 2]"
  // for -0.1 and "allowed: 0 to 500 kA" for 1.5, two ranges for one token): 0 to the smaller of 2 and
  // the rectifier limit over the nominal current, with that limit in kA when it is the bound.
  const auto check = [this](std::optional<double> factor) -> std::string {
    const double limit = std::min(2.0, max_A_ / nominal_A_);
    const std::string allowed =
        max_A_ < 2.0 * nominal_A_
            ? fmt::format("allowed: factor 0 to {:.4g} ({:.6g} kA, potline.max_current, over the nominal {:.6g} kA)",
                          limit, max_A_ / 1e3, nominal_A_ / 1e3)
            : fmt::format("allowed: factor 0 to {:.4g}", limit);
    if (!factor) return "the factor of the nominal current must be a number; " + allowed;
    if (*factor * nominal_A_ > max_A_) {
      return fmt::format("the factor {:g} ({:.6g} kA) is above the rectifier limit potline.max_current = {:.6g} kA; {}",
                         *factor, *factor * nominal_A_ / 1e3, max_A_ / 1e3, allowed);
    }
    if (!(*factor >= 0.0) || *factor > 2.0) return fmt::format("the factor {:g} is outside its range; {}", *factor, allowed);
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
  std::string time_unit;    ///< as written in the header ("h")
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
  return CsvHeader{power, tu.value, cu.value, u1, u0};
}

// A data value: a finite number within [0, max] (current or power, SI); errors at path:line:column.
bool check_value(const std::string& text, double value, bool parsed, const CsvHeader& h, double max, const std::string& path,
                 int line_no, int column, core::Diagnostics& diagnostics) {
  const char* what = h.power ? "power" : "current";
  if (!parsed || !(value >= 0.0) || !std::isfinite(value)) {
    diagnostics.error({path, line_no, column}, kCsvKey,
                      fmt::format("{}: '{}' is not a non-negative number", what, text));
    return false;
  }
  if (value > max) {
    const double scale = h.power ? 1e6 : 1e3;
    diagnostics.error({path, line_no, column}, kCsvKey,
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
  int line, column;
  std::string text;  ///< the cell as written
  double current_A;
};
void warn_near_zero_currents(const std::vector<NearZeroRow>& rows, const std::string& unit, double nominal_A,
                             const std::string& path, core::Diagnostics& diagnostics) {
  if (rows.empty()) return;
  const NearZeroRow& first = rows.front();
  const std::string more = rows.size() > 1 ? fmt::format(" ({} rows like it, this the first)", rows.size()) : "";
  diagnostics.warning({path, first.line, first.column}, kCsvKey,
                      fmt::format("'{}' in a [{}] column is {:.6g} kA, {:.3g} % of the nominal current {:.6g} kA{}: no "
                                  "line operates there (0 is an outage; reduced amperage runs at tens of % and more): "
                                  "check the number and the column's unit",
                                  first.text, unit, first.current_A / 1e3, 100.0 * first.current_A / nominal_A,
                                  nominal_A / 1e3, more));
}
// A data row whose time was read (its value may have been rejected: it still counts for the order).
struct TimedRow {
  int line;
  double time_s;
  double value;
  int column = 1;  ///< of the time in its line
};

// The rows in time order without the misplaced ones: a longest increasing run of times, found from
// the end so that of two rows out of order the later one is called misplaced (0, 1, 3, 2, 4 h: the
// row of 2 h). Indices into `rows`, ascending. O(n log n).
std::vector<std::size_t> rows_in_order(const std::vector<TimedRow>& rows) {
  const std::size_t n = rows.size();
  std::vector<std::size_t> tails;  // tails[k]: index of the row ending the best run of length k+1
  std::vector<std::ptrdiff_t> previous(n, -1);  // the run's next row in file order
  // Backwards, a strictly decreasing run of times, keeping the latest possible time at each length.
  for (std::size_t j = n; j-- > 0;) {
    const double t = rows[j].time_s;
    const auto pos = std::lower_bound(tails.begin(), tails.end(), t,
                                      [&](std::size_t k, double v) { return rows[k].time_s > v; });
    if (pos != tails.begin()) previous[j] = static_cast<std::ptrdiff_t>(*(pos - 1));
    if (pos == tails.end())
      tails.push_back(j);
    else
      *pos = j;
  }
  std::vector<std::size_t> kept;
  for (std::ptrdiff_t k = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); k >= 0;
       k = previous[static_cast<std::size_t>(k)]) {
    kept.push_back(static_cast<std::size_t>(k));
  }
  return kept;
}

// Order and step of the series, checked once every row was read: a misplaced row is one error
// (where it belongs), a duplicate time one error, then the constant step on the times in order
// (gaps).
void check_order(const std::vector<TimedRow>& rows, const CsvHeader& h, const std::string& path,
                 core::Diagnostics& d) {
  if (rows.empty()) return;
  const auto shown = [&](double t) {
    return fmt::format("{:g} {}", t / h.time_factor, h.time_unit);
  };
  const std::vector<std::size_t> kept = rows_in_order(rows);
  std::vector<bool> in_order(rows.size(), false);
  for (std::size_t k : kept) in_order[k] = true;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (in_order[i]) continue;
    const TimedRow& r = rows[i];
    // Its place among the rows in order: the first kept row at or after its time.
    const auto at = std::lower_bound(kept.begin(), kept.end(), r.time_s,
                                     [&](std::size_t k, double v) { return rows[k].time_s < v; });
    if (at != kept.end() && rows[*at].time_s == r.time_s) {
      d.error({path, r.line, r.column}, kCsvKey,
              fmt::format("duplicate time {} (also on line {})", shown(r.time_s), rows[*at].line));
    } else {
      const std::string after = at == kept.begin()
                                    ? std::string("at the start")
                                    : fmt::format("after line {} ({})", rows[*(at - 1)].line,
                                                  shown(rows[*(at - 1)].time_s));
      const std::string before =
          at == kept.end()
              ? std::string("at the end")
              : fmt::format("before line {} ({})", rows[*at].line, shown(rows[*at].time_s));
      d.error({path, r.line, r.column}, kCsvKey,
              fmt::format("row out of order: time {} belongs {}, {} (times must increase: sort the "
                          "rows by time)",
                          shown(r.time_s), after, before));
    }
  }
  // The step on every distinct time in order: a misplaced row still fills its place on the grid of
  // the rows in order, one off that grid has had its one error (user trial T18-8: 20 h among 12 h
  // steps also gave "step differs" errors at its two neighbours).
  const double grid_step = kept.size() > 1 ? rows[kept[1]].time_s - rows[kept[0]].time_s : 0.0;
  const double grid_start = kept.empty() ? 0.0 : rows[kept[0]].time_s;
  std::vector<TimedRow> sorted;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double k = grid_step > 0.0 ? (rows[i].time_s - grid_start) / grid_step : 0.0;
    if (in_order[i] || grid_step <= 0.0 || std::fabs(k - std::round(k)) < 1e-6) sorted.push_back(rows[i]);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TimedRow& a, const TimedRow& b) { return a.time_s < b.time_s; });
  sorted.erase(
      std::unique(sorted.begin(), sorted.end(),
                  [](const TimedRow& a, const TimedRow& b) { return a.time_s == b.time_s; }),
      sorted.end());
  if (sorted.front().time_s != 0.0) {
    d.error({path, sorted.front().line, sorted.front().column}, kCsvKey,
            fmt::format("the series must start at time 0 (its first time is {})",
                        shown(sorted.front().time_s)));
  }
  const double step = sorted.size() > 1 ? sorted[1].time_s - sorted[0].time_s : 0.0;
  for (std::size_t i = 2; i < sorted.size(); ++i) {
    const double dt = sorted[i].time_s - sorted[i - 1].time_s;
    if (std::fabs(dt - step) <= 1e-6 * step) continue;
    const double missing = dt / step - 1;
    const bool whole = std::fabs(missing - std::round(missing)) < 1e-6 && missing >= 1;
    d.error({path, sorted[i].line, sorted[i].column}, kCsvKey,
            whole ? fmt::format("gap: {:.0f} row(s) missing between {} (line {}) and {} (the "
                                "series must have a constant "
                                "step, {})",
                                missing, shown(sorted[i - 1].time_s), sorted[i - 1].line,
                                shown(sorted[i].time_s), shown(step))
                  : fmt::format("step {} after {} (line {}) differs from the series step {} (the "
                                "series must have a "
                                "constant step)",
                                shown(dt), shown(sorted[i - 1].time_s), sorted[i - 1].line,
                                shown(step)));
  }
}

// The diagnostics of one file, in line order.
void pass_in_line_order(const core::Diagnostics& from, core::Diagnostics& to) {
  std::vector<core::Diagnostic> items = from.items();
  std::stable_sort(items.begin(), items.end(),
                   [](const core::Diagnostic& a, const core::Diagnostic& b) { return a.location.line < b.location.line; });
  for (const core::Diagnostic& d : items) {
    if (d.severity == core::Severity::kError) {
      to.error(d.location, d.key, d.message);
    } else {
      to.warning(d.location, d.key, d.message);
    }
  }
}

}  // namespace

bool CurrentSchedule::read_csv(const std::string& path, core::Diagnostics& diagnostics) {
  const auto text = io::read_text_file(path, "the current schedule file", diagnostics, "potline.current_csv");
  return text && read_csv_text(*text, path, diagnostics);
}

bool CurrentSchedule::read_csv_text(const std::string& text, const std::string& path, core::Diagnostics& out) {
  // Collected here and passed on in line order (user trial T18-8: the order and step errors came
  // after the value errors of later lines).
  core::Diagnostics diagnostics;
  const auto finish = [&](bool ok) {
    pass_in_line_order(diagnostics, out);
    return ok;
  };
  int line_no = 0;
  std::optional<CsvHeader> header;
  std::vector<TimedRow> rows;
  std::vector<NearZeroRow> near_zero;  // rows between 0 and a few % of the nominal current
  for (const io::CsvRecord& record : io::parse_csv(text, path, diagnostics)) {
    line_no = record.line;
    std::vector<std::string> cells;
    for (const auto& f : record.fields) cells.push_back(f.text);
    if (!header) {
      header = parse_header(cells, path, line_no, diagnostics);
      if (!header) return finish(false);
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
    const int time_column = record.fields[0].column, value_column = record.fields[1].column;
    if (e0 == cells[0].c_str() || *e0 != '\0' || !std::isfinite(t)) {
      diagnostics.error({path, line_no, time_column}, kCsvKey,
                        fmt::format("time: '{}' is not a number", cells[0]));
      continue;
    }
    const bool parsed = e1 != cells[1].c_str() && *e1 == '\0';
    // A row with a bad value keeps its time for the order checks (every error in one pass, T7-33).
    if (!check_value(cells[1], value, parsed, *header, power_ ? kMaxLinePower_W : max_A_, path,
                     line_no, value_column, diagnostics)) {
      rows.push_back({line_no, t, 0.0, time_column});
      continue;
    }
    rows.push_back({line_no, t, value, time_column});
    if (!power_ && value > 0.0 && value < kLowestOperatingShare * nominal_A_)
      near_zero.push_back({line_no, value_column, cells[1], value});
  }
  if (header && rows.empty()) diagnostics.error({path, line_no, 0}, kCsvKey, "no data rows");
  if (!header) diagnostics.error({path, line_no, 0}, kCsvKey, "empty file: no header");
  if (header) check_order(rows, *header, path, diagnostics);
  if (diagnostics.has_errors()) return finish(false);
  if (header) warn_near_zero_currents(near_zero, header->value_unit, nominal_A_, path, diagnostics);
  points_.clear();
  for (const TimedRow& r : rows) points_.push_back({r.time_s, r.value});
  return finish(true);
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
