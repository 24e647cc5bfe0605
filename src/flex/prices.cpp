// Price series reader (see prices.hpp).
#include "potline/flex/prices.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "potline/core/constants.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"

namespace potline::flex {
namespace {

constexpr double kJoulesPerMWh = 1000.0 * constants::kJoulePerKWh;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Reads exactly `n` digits at `pos` of `s` into `value`.
bool digits(const std::string& s, std::size_t pos, std::size_t n, int& value) {
  if (pos + n > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// The time-zone suffix after the clock time: "", "Z" or "+00:00"/"-00:00" are UTC.
bool utc_suffix(const std::string& rest, std::string& why) {
  if (rest.empty() || rest == "Z" || rest == "z" || rest == "+00:00" || rest == "-00:00" || rest == "+0000")
    return true;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    why = fmt::format("offset '{}' is not UTC: the column time_utc holds UTC times (convert local times, e.g. "
                      "2024-06-05T00:00+02:00 is 2024-06-04T22:00Z)", rest);
  } else {
    why = fmt::format("unexpected '{}' after the time", rest);
  }
  return false;
}

// What a wrong column count likely means: a spreadsheet's export with ';' between columns (and decimal
// commas), or a decimal comma that split the price in two.
std::string column_count_hint(const io::CsvRecord& r) {
  if (r.fields.size() == 1 && r.fields[0].text.find(';') != std::string::npos) {
    return "; the line holds ';': save the series with ',' between columns and '.' as the decimal point";
  }
  if (r.fields.size() == 3) return "; a decimal comma in the price splits it in two: write the price with a '.'";
  return "";
}

// Where a message goes: the file and the key the series fills (flex.prices; "" in unit tests).
struct Place {
  const std::string& path;
  const std::string& key;
  core::SourceLocation at(int line, int column) const { return {path, line, column}; }
};

// The header: two columns naming the time zone and the price unit.
bool check_header(const io::CsvRecord& r, const Place& place, core::Diagnostics& d) {
  const std::string want = "time_utc,price_eur_per_MWh";
  if (r.fields.size() != 2) {
    d.error(place.at(r.line, 1), place.key,
            fmt::format("the header must have two columns '{}' (times in UTC, prices in EUR/MWh); found {} "
                        "column(s){}", want, r.fields.size(), column_count_hint(r)));
    return false;
  }
  bool ok = true;
  if (lower(r.fields[0].text) != "time_utc") {
    d.error(place.at(r.line, r.fields[0].column), place.key,
            fmt::format("first column '{}': name it time_utc and give the times in UTC (header '{}')",
                        r.fields[0].text, want));
    ok = false;
  }
  const std::string price = lower(r.fields[1].text);
  if (price != "price_eur_per_mwh") {
    const std::string hint = price.rfind("price_", 0) == 0
                                 ? " (prices in another currency or unit: convert them to EUR/MWh)"
                                 : "";
    d.error(place.at(r.line, r.fields[1].column), place.key,
            fmt::format("second column '{}': name it price_eur_per_MWh{} (header '{}')", r.fields[1].text, hint, want));
    ok = false;
  }
  return ok;
}

// One data row: its time and price as far as they could be read (a row with an unreadable time
// is kept so that the order and step checks skip the pairs around it instead of calling it a gap).
struct Row {
  std::optional<std::int64_t> time_s;
  double price_eur_per_MWh = 0;
  bool price_ok = false;
  int line = 0;
  int time_column = 1;
};

Row read_row(const io::CsvRecord& r, const Place& place, core::Diagnostics& d) {
  Row row;
  row.line = r.line;
  if (r.fields.size() != 2) {
    d.error(place.at(r.line, 1), place.key,
            fmt::format("{} column(s): each row holds time_utc,price_eur_per_MWh{}", r.fields.size(),
                        column_count_hint(r)));
    return row;
  }
  row.time_column = r.fields[0].column;
  std::string why;
  row.time_s = parse_utc_time(r.fields[0].text, why);
  if (!row.time_s) {
    d.error(place.at(r.line, r.fields[0].column), place.key, fmt::format("time '{}': {}", r.fields[0].text, why));
  }
  const std::string& p = r.fields[1].text;
  char* end = nullptr;
  const double price = std::strtod(p.c_str(), &end);
  row.price_ok = !p.empty() && end != p.c_str() && *end == '\0' && std::isfinite(price);
  if (!row.price_ok) {
    d.error(place.at(r.line, r.fields[1].column), place.key,
            fmt::format("price '{}' is not a number in EUR/MWh (allowed: any finite number, negative prices "
                        "included){}",
                        p, p.find(',') != std::string::npos ? "; write the decimal comma as a '.'" : ""));
  }
  row.price_eur_per_MWh = price;
  return row;
}

// The step of the series: the first two adjacent rows whose times were read.
std::optional<std::int64_t> first_step(const std::vector<Row>& rows, std::size_t& at) {
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i - 1].time_s && rows[i].time_s) {
      at = i;
      return *rows[i].time_s - *rows[i - 1].time_s;
    }
  }
  return std::nullopt;
}

// The time between row i and the next row, when both times were read.
std::optional<std::int64_t> next_interval(const std::vector<Row>& rows, std::size_t i) {
  if (i + 1 >= rows.size() || !rows[i].time_s || !rows[i + 1].time_s) return std::nullopt;
  return *rows[i + 1].time_s - *rows[i].time_s;
}

// Order and step of consecutive rows: duplicates, unsorted rows, gaps, mixed and unsupported steps.
// Checked also when other rows had errors (every error in one pass); a pair with an unreadable time
// is skipped. A row out of order is skipped too (the next row is compared with the last row in
// order, so one misplaced row is one error, not three), and a step that changes and stays changed
// (15 min, then 60 min) is one "mixed steps" error, not a "gap" on every later row.
bool check_steps(const std::vector<Row>& rows, const Place& place, core::Diagnostics& d, double& step_s) {
  if (rows.size() < 2) {
    d.error(place.at(rows.empty() ? 0 : rows.front().line, 0), place.key,
            "the series needs at least two rows (the step is the time between rows)");
    return false;
  }
  std::size_t first = 0;
  const auto found = first_step(rows, first);
  if (!found) return false;  // no two adjacent readable times: their errors say why
  std::int64_t current = *found;  // the step now running (after a reported change of step)
  step_s = static_cast<double>(current);
  const std::int64_t step = current;
  std::size_t previous = first - 1;
  bool ok = true;
  for (std::size_t i = first; i < rows.size(); ++i) {
    const Row& a = rows[previous];
    const Row& b = rows[i];
    if (!a.time_s || !b.time_s) {
      previous = i;
      continue;
    }
    const core::SourceLocation at = place.at(b.line, b.time_column);
    const std::int64_t dt = *b.time_s - *a.time_s;
    if (dt == 0) {
      d.error(at, place.key, fmt::format("duplicate time {} (also on line {})", format_utc_time(*b.time_s), a.line));
      ok = false;
      continue;
    }
    if (dt < 0) {
      d.error(at, place.key,
              fmt::format("time {} is before the previous row's {} (line {}): rows must be sorted by time",
                          format_utc_time(*b.time_s), format_utc_time(*a.time_s), a.line));
      ok = false;
      continue;  // compare the next row with the last row in order
    }
    previous = i;
    if (i == first || current <= 0) {  // the step: the first interval in order
      current = dt;
      if (current != 900 && current != 3600) {
        d.error(at, place.key, fmt::format("step {} min: the series must have 15-min or 60-min steps", dt / 60.0));
        return false;
      }
      step_s = static_cast<double>(current);
      continue;
    }
    if (dt == current) continue;
    ok = false;
    if (next_interval(rows, i) == dt) {  // the new interval repeats: the step changed here
      d.error(at, place.key,
              fmt::format("mixed steps: the step changes from {} min to {} min at this row (after line {}); the series "
                          "must keep one step (15 or 60 min) throughout",
                          current / 60.0, dt / 60.0, a.line));
      current = dt;
    } else if (dt % current == 0) {
      d.error(at, place.key,
              fmt::format("gap: {} row(s) missing between {} (line {}) and {} (step {} min)", dt / current - 1,
                          format_utc_time(*a.time_s), a.line, format_utc_time(*b.time_s), current / 60));
    } else {
      d.error(at, place.key,
              fmt::format("mixed steps: {} min after line {}, but the series started with {} min steps", dt / 60.0,
                          a.line, step / 60));
    }
  }
  return ok;
}

}  // namespace

std::optional<std::int64_t> parse_utc_time(const std::string& text, std::string& why) {
  int y = 0, mo = 0, da = 0, h = 0, mi = 0, se = 0;
  const bool shape = text.size() >= 16 && digits(text, 0, 4, y) && text[4] == '-' && digits(text, 5, 2, mo) &&
                     text[7] == '-' && digits(text, 8, 2, da) && (text[10] == 'T' || text[10] == ' ') &&
                     digits(text, 11, 2, h) && text[13] == ':' && digits(text, 14, 2, mi);
  if (!shape) {
    why = "write ISO 8601 UTC times, e.g. 2024-06-05T13:15Z";
    return std::nullopt;
  }
  std::size_t pos = 16;
  if (text.size() >= 19 && text[16] == ':' && digits(text, 17, 2, se)) pos = 19;
  if (!utc_suffix(text.substr(pos), why)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                         std::chrono::day(static_cast<unsigned>(da))};
  if (!date.ok() || h > 23 || mi > 59 || se > 59) {
    why = "not a valid date and time";
    return std::nullopt;
  }
  const auto days = std::chrono::sys_days(date).time_since_epoch().count();
  return static_cast<std::int64_t>(days) * 86400 + h * 3600 + mi * 60 + se;
}

std::string format_utc_time(std::int64_t unix_s) {
  const std::int64_t days = unix_s >= 0 ? unix_s / 86400 : -((-unix_s + 86399) / 86400);
  const std::int64_t rest = unix_s - days * 86400;
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), rest / 3600,
                     (rest % 3600) / 60);
}

std::optional<PriceSeries> read_price_csv_text(const std::string& text, const std::string& path,
                                               core::Diagnostics& diagnostics, const std::string& key) {
  const std::size_t errors_before = diagnostics.error_count();
  const Place place{path, key};
  const auto records = io::parse_csv(text, path, diagnostics);
  if (records.empty()) {
    diagnostics.error({path, 0, 0}, key, "no header: the price series starts with 'time_utc,price_eur_per_MWh'");
    return std::nullopt;
  }
  if (!check_header(records.front(), place, diagnostics)) return std::nullopt;
  std::vector<Row> rows;
  for (std::size_t i = 1; i < records.size(); ++i) rows.push_back(read_row(records[i], place, diagnostics));
  PriceSeries s;
  s.path = path;
  check_steps(rows, place, diagnostics, s.step_s);
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  s.start_unix_s = *rows.front().time_s;
  for (const Row& r : rows) {
    s.price_eur_per_J.push_back(r.price_eur_per_MWh / kJoulesPerMWh);
    s.lines.push_back(r.line);
  }
  return s;
}

std::optional<PriceSeries> read_price_csv(const std::string& path, core::Diagnostics& diagnostics,
                                          const std::string& key, const core::SourceLocation& where) {
  const auto text = io::read_text_file(path, "the price series", diagnostics, key, where);
  if (!text) return std::nullopt;
  return read_price_csv_text(*text, path, diagnostics, key);
}

bool check_horizon(const PriceSeries& series, double horizon_s, const std::string& key,
                   const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  const double steps = horizon_s / series.step_s;
  if (std::abs(steps - std::round(steps)) > 1e-9 * std::max(1.0, steps)) {
    diagnostics.error(where, key, fmt::format("the horizon {:.6g} h is not a whole number of the price series' "
                                              "{:.6g}-min steps ({})", horizon_s / 3600, series.step_s / 60,
                                              series.path));
    return false;
  }
  if (horizon_s > series.duration_s() + 1e-6) {
    diagnostics.error(where, key, fmt::format("the horizon {:.6g} h is longer than the price series {} ({} rows × "
                                              "{:.6g} min = {:.6g} h from {})", horizon_s / 3600, series.path,
                                              series.size(), series.step_s / 60, series.duration_s() / 3600,
                                              format_utc_time(series.start_unix_s)));
    return false;
  }
  return true;
}

}  // namespace potline::flex
