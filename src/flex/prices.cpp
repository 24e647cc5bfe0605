// Price series reader (see prices.hpp).
#include "potline/flex/prices.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "potline/flex/price_layouts.hpp"
#include "potline/flex/price_times.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/text_file.hpp"

namespace potline::flex {
namespace {

// What a wrong column count likely means: a decimal comma that split the price in two.
std::string column_count_hint(const io::CsvRecord& r, std::size_t expected, bool semicolons) {
  if (!semicolons && r.fields.size() == expected + 1) {
    return "; a decimal comma in the price splits it in two: write the price with a '.' (or separate the columns "
           "with ';', which allows decimal commas)";
  }
  return "";
}

// Where a message goes: the file and the key the series fills (flex.prices; "" in unit tests).
struct Place {
  const std::string& path;
  const std::string& key;
  core::SourceLocation at(int line, int column) const { return {path, line, column}; }
};

// The header: its layout and unit, each problem at its column.
std::optional<PriceColumns> read_header(const io::CsvRecord& r, const PriceReadOptions& options, const Place& place,
                                        core::Diagnostics& d) {
  std::vector<std::string> names;
  for (const auto& f : r.fields) names.push_back(f.text);
  std::vector<HeaderProblem> problems;
  auto columns = recognise_layout(names, options.area, problems);
  for (const auto& p : problems) {
    const int column = p.field >= 0 && static_cast<std::size_t>(p.field) < r.fields.size()
                           ? r.fields[static_cast<std::size_t>(p.field)].column
                           : 1;
    d.error(place.at(r.line, column), place.key, p.message);
  }
  return columns;
}

// The zone of zone-less times: the header's or flex.price_time_zone (one of them; both only if equal).
bool resolve_zone(const PriceColumns& c, const PriceReadOptions& o, core::Diagnostics& d,
                  std::optional<TimeZoneRule>& zone) {
  zone = c.zone;
  if (o.time_zone.empty()) return true;
  std::string why;
  const auto declared = parse_time_zone(o.time_zone, why);
  if (!declared) {
    d.error(o.time_zone_where, "flex.price_time_zone", why);
    return false;
  }
  if (zone && (zone->kind != declared->kind || zone->standard_offset_s != declared->standard_offset_s)) {
    d.error(o.time_zone_where, "flex.price_time_zone",
            fmt::format("'{}' contradicts the price series' header, which declares its times in {}: remove "
                        "flex.price_time_zone",
                        o.time_zone, zone->name));
    return false;
  }
  zone = declared;
  return true;
}

// A recognised SMARD export without flex.price_time_zone: its times are German local time (SMARD
// publishes them so, as Energi Data Service's HourUTC is UTC), read in Europe/Berlin with a note
// that says so (user trial T7-19: the file was refused with a message that named the answer; a
// note, not a warning: that is how SMARD publishes, nothing to act on). Returns the note ("" for
// none).
std::string smard_zone(const PriceColumns& c, const io::CsvRecord& header, const Place& place,
                       std::optional<TimeZoneRule>& zone) {
  if (zone || (c.layout != PriceLayout::kSmard && c.layout != PriceLayout::kSmardDateAndTime))
    return "";
  std::string why;
  zone = parse_time_zone("Europe/Berlin", why);
  return fmt::format(
      "{}: note: '{}': a SMARD export: its times are read as German local time (Europe/Berlin, "
      "with "
      "summer time), as SMARD publishes them; set flex.price_time_zone to read them in another "
      "zone",
      place.at(header.line, header.fields[c.time].column).to_string(), place.key);
}

// The currency: EUR, or another with flex.price_exchange_rate (EUR per unit of it).
bool currency_factor(const PriceColumns& c, const io::CsvRecord& header, const PriceReadOptions& o, const Place& place,
                     core::Diagnostics& d, double& eur_per_unit) {
  eur_per_unit = 1.0;
  if (c.unit.currency == "EUR") {
    if (!o.eur_per_unit) return true;
    d.error(o.exchange_rate_where, "flex.price_exchange_rate",
            fmt::format("is given, but the prices are in EUR ({}): remove flex.price_exchange_rate", c.unit.text));
    return false;
  }
  if (o.eur_per_unit) {
    eur_per_unit = *o.eur_per_unit;
    return true;
  }
  d.error(place.at(header.line, header.fields[c.price].column), place.key,
          fmt::format("prices in {}: the flex case computes in EUR; give flex.price_exchange_rate, EUR per {} (e.g. "
                      "0.9239 EUR per USD, the 2024 average of 1.0824 USD/EUR [ECB 2024])",
                      c.unit.text, c.unit.currency));
  return false;
}

// One data row: its time and price as far as they could be read (a row with an unreadable time
// is kept so that the order and step checks skip the pairs around it instead of calling it a gap).
struct Row {
  std::optional<std::int64_t> time_s;
  std::optional<int> offset_s;  ///< the UTC offset the time was read with
  bool zone_offset = false;     ///< the offset came from a declared fixed zone, not the text
  double price = 0;             ///< in the column's unit
  bool price_ok = false;
  int line = 0;
  int time_column = 1;
  int price_column = 0;
};

// Reads the rows' times in one zone; problems that would repeat on every row are one error each.
struct TimeReader {
  const Place& place;
  core::Diagnostics& d;
  const std::optional<TimeZoneRule>& zone;
  std::optional<std::int64_t> previous;  // the last time read (which of two instants a repeated hour is)
  struct Once {
    int count = 0;
    int line = 0, column = 0;
    std::string text;
  } zoneless, too_early;

  static void note(Once& once, const Row& row, const std::string& text) {
    if (once.count++ == 0) once = {1, row.line, row.time_column, text};
  }

  // A zone-less time in the declared zone; in the hour repeated when summer time ends the first row
  // is summer time, the next standard time.
  void in_zone(const std::string& text, std::int64_t wall_s, Row& row) {
    const auto instants = wall_to_utc(wall_s, *zone);
    if (instants.empty()) {
      const auto start = eu_summer_time(utc_year(wall_s)).first;
      d.error(place.at(row.line, row.time_column), place.key,
              fmt::format("local time '{}' does not exist in {}: the clocks skip an hour when summer time begins "
                          "({}); a series in local time has no row in that hour",
                          text, zone->name, format_utc_time(start)));
      return;
    }
    row.time_s = instants.back();  // none later than the previous row: a duplicate or a row out of order
    for (const auto u : instants) {
      if (!previous || u > *previous) {
        row.time_s = u;
        break;
      }
    }
    row.offset_s = static_cast<int>(wall_s - *row.time_s);
    row.zone_offset = zone->kind == TimeZoneRule::Kind::kFixed;
  }

  void read(const std::string& text, Row& row) {
    std::string why;
    const auto t = parse_written_time(text, why);
    if (!t) {
      d.error(place.at(row.line, row.time_column), place.key, fmt::format("time '{}': {}", text, why));
      return;
    }
    if (t->offset_s) {
      row.offset_s = t->offset_s;
      row.time_s = t->wall_s - *t->offset_s;
    } else if (!zone) {
      note(zoneless, row, text);
    } else if (zone->kind == TimeZoneRule::Kind::kEuSummerTime && utc_year(t->wall_s) < kEuSummerTimeFirstYear) {
      note(too_early, row, text);
    } else {
      in_zone(text, t->wall_s, row);
    }
    if (row.time_s) previous = row.time_s;
  }

  void report(bool smard) const {
    if (zoneless.count > 0) {
      d.error(place.at(zoneless.line, zoneless.column), place.key,
              fmt::format("time '{}' has no UTC offset and the series declares no time zone ({}): write each time "
                          "with its offset (2024-06-05T00:00+02:00) or in UTC (2024-06-04T22:00Z), name the first "
                          "column time_utc if the times are UTC, or declare the zone with flex.price_time_zone (UTC, "
                          "a fixed offset such as +01:00, or Europe/Berlin for German local time with summer "
                          "time){}",
                          zoneless.text,
                          zoneless.count == 1 ? "this row" : fmt::format("this row and {} more", zoneless.count - 1),
                          smard ? "; SMARD's downloads are in German local time: --set flex.price_time_zone=Europe/Berlin"
                                : ""));
    }
    if (too_early.count > 0) {
      d.error(place.at(too_early.line, too_early.column), place.key,
              fmt::format("time '{}' ({} row(s)) is before {}, the first year of the EU summer-time rule {} is "
                          "read with: give the times in UTC or with their offsets",
                          too_early.text, too_early.count, kEuSummerTimeFirstYear, zone ? zone->name : ""));
    }
  }
};

Row read_row(const io::CsvRecord& r, const PriceColumns& c, bool semicolons, TimeReader& times) {
  Row row;
  row.line = r.line;
  if (r.fields.size() != c.count) {
    times.d.error(times.place.at(r.line, 1), times.place.key,
                  fmt::format("{} column(s): each row holds the header's {}{}", r.fields.size(), c.count,
                              column_count_hint(r, c.count, semicolons)));
    return row;
  }
  row.time_column = r.fields[c.time].column;
  std::string time = r.fields[c.time].text;
  if (c.clock) time += " " + r.fields[*c.clock].text;
  times.read(time, row);
  const auto& cell = r.fields[c.price];
  row.price_column = cell.column;
  std::string hint;
  const auto price = parse_price_text(cell.text, semicolons, hint);
  row.price_ok = price.has_value();
  if (!row.price_ok) {
    times.d.error(times.place.at(r.line, cell.column), times.place.key,
                  fmt::format("price '{}' is not a number in {} (allowed: any finite number, negative prices "
                              "included){}",
                              cell.text, c.unit.text, hint));
  }
  row.price = price.value_or(0.0);
  return row;
}

// What a broken step between rows a and b may come from: offsets that change, or a fixed offset
// declared for local times that follow summer time.
std::string step_hint(const Row& a, const Row& b) {
  if (!a.offset_s || !b.offset_s) return "";
  if (*a.offset_s != *b.offset_s) {
    return fmt::format(" (the UTC offset changes from {} on line {} to {}: check the offsets)",
                       format_offset(*a.offset_s), a.line, format_offset(*b.offset_s));
  }
  if (!a.zone_offset || *a.offset_s == 0) return "";
  const std::int64_t lo = std::min(*a.time_s, *b.time_s) - 3600;
  const std::int64_t hi = std::max(*a.time_s, *b.time_s) + 3600;
  for (const int year : {utc_year(lo), utc_year(hi)}) {
    const auto [start, end] = eu_summer_time(year);
    const bool begins = start >= lo && start <= hi;
    if (begins || (end >= lo && end <= hi)) {
      return fmt::format(" (EU summer time {} at {}: the times look like local time with summer time, which a "
                         "fixed offset ({}) does not follow; declare the zone by name, e.g. flex.price_time_zone = "
                         "\"Europe/Berlin\", or write each time with its offset)",
                         begins ? "begins" : "ends", format_utc_time(begins ? start : end),
                         format_offset(*a.offset_s));
    }
  }
  return "";
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
      d.error(at, place.key,
              fmt::format("duplicate time {} (also on line {}){}", format_utc_time(*b.time_s), a.line, step_hint(a, b)));
      ok = false;
      continue;
    }
    if (dt < 0) {
      d.error(at, place.key,
              fmt::format("time {} is before the previous row's {} (line {}): rows must be sorted by time{}",
                          format_utc_time(*b.time_s), format_utc_time(*a.time_s), a.line, step_hint(a, b)));
      ok = false;
      continue;  // compare the next row with the last row in order
    }
    previous = i;
    if (i == first || current <= 0) {  // the step: the first interval in order
      current = dt;
      if (current != 900 && current != 1800 && current != 3600) {
        d.error(at, place.key,
                fmt::format("step {} min: the series must have 15-, 30- or 60-min steps{}",
                            dt / 60.0, step_hint(a, b)));
        return false;
      }
      step_s = static_cast<double>(current);
      continue;
    }
    if (dt == current) continue;
    ok = false;
    if (next_interval(rows, i) == dt) {  // the new interval repeats: the step changed here
      d.error(at, place.key,
              fmt::format("mixed steps: the step changes from {} min to {} min at this row (after "
                          "line {}); the series "
                          "must keep one step (15, 30 or 60 min) throughout{}",
                          current / 60.0, dt / 60.0, a.line, step_hint(a, b)));
      current = dt;
    } else if (dt % current == 0) {
      // The next row falls inside: this row is out of order, not a gap (its error follows; T18-3).
      const std::optional<std::int64_t> next = i + 1 < rows.size() ? rows[i + 1].time_s : std::nullopt;
      if (next && *next > *a.time_s && *next < *b.time_s) continue;
      d.error(at, place.key,
              fmt::format("gap: {} row(s) missing between {} (line {}) and {} (step {} min){}", dt / current - 1,
                          format_utc_time(*a.time_s), a.line, format_utc_time(*b.time_s), current / 60,
                          step_hint(a, b)));
    } else {
      d.error(at, place.key,
              fmt::format("mixed steps: {} min after line {}, but the series started with {} min steps{}", dt / 60.0,
                          a.line, step / 60, step_hint(a, b)));
    }
  }
  return ok;
}

}  // namespace

std::optional<std::int64_t> parse_utc_time(const std::string& text, std::string& why) {
  const auto t = parse_written_time(text, why);
  if (!t) return std::nullopt;
  return t->wall_s - t->offset_s.value_or(0);
}

std::string format_utc_time(std::int64_t unix_s) {
  const std::int64_t days = unix_s >= 0 ? unix_s / 86400 : -((-unix_s + 86399) / 86400);
  const std::int64_t rest = unix_s - days * 86400;
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), rest / 3600,
                     (rest % 3600) / 60);
}

namespace {

// Price areas compare without regard to case (flex.price_area = dk1 chooses DK1).
bool same_area(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// The rows of the series: those of the chosen price area when the file holds several (Energi Data
// Service's PriceArea), else all; nullopt after an error.
std::optional<std::vector<const io::CsvRecord*>> select_area(const std::vector<io::CsvRecord>& records,
                                                            const PriceColumns& c, const PriceReadOptions& o,
                                                            const Place& place, core::Diagnostics& d) {
  std::vector<const io::CsvRecord*> rows;
  std::vector<std::string> areas;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (c.area && *c.area < r.fields.size()) {
      const std::string& a = r.fields[*c.area].text;
      if (std::find(areas.begin(), areas.end(), a) == areas.end()) areas.push_back(a);
      if (!o.area.empty() && !same_area(a, o.area)) continue;
    }
    rows.push_back(&r);
  }
  std::string list;
  for (const auto& a : areas) list += (list.empty() ? "" : ", ") + a;
  if (c.area && o.area.empty() && areas.size() > 1) {
    d.error(place.at(records.front().line, 1), place.key,
            fmt::format("the file holds {} price areas ({}): choose one with flex.price_area (e.g. --set "
                        "flex.price_area={})",
                        areas.size(), list, areas.front()));
    return std::nullopt;
  }
  if (c.area && !o.area.empty() && rows.empty()) {
    d.error(o.area_where, "flex.price_area",
            fmt::format("no row of price area '{}' in {} (its areas: {})", o.area, place.path, list));
    return std::nullopt;
  }
  return rows;
}

// Rows whose times all fall (an export newest first) are put in rising order.
void rising_order(std::vector<Row>& rows) {
  int pairs = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (!rows[i - 1].time_s || !rows[i].time_s) continue;
    if (*rows[i].time_s >= *rows[i - 1].time_s) return;
    ++pairs;
  }
  if (pairs > 0) std::reverse(rows.begin(), rows.end());
}

}  // namespace

namespace {
std::optional<PriceSeries> read_price_rows(const std::string& file_text, const std::string& path,
                                           core::Diagnostics& diagnostics, const std::string& key,
                                           const PriceReadOptions& options) {
  const std::size_t errors_before = diagnostics.error_count();
  const std::string text = price_text_as_utf8(file_text, path, key, diagnostics);
  const Place place{path, key};
  const bool semicolons = semicolon_separated(text);
  const auto records = read_price_records(text, semicolons, path, diagnostics);
  if (records.empty()) {
    diagnostics.error({path, 0, 0}, key, "no header: the price series starts with e.g. 'time_utc,price_eur_per_MWh'");
    return std::nullopt;
  }
  const auto columns = read_header(records.front(), options, place, diagnostics);
  if (!columns) return std::nullopt;
  std::optional<TimeZoneRule> zone;
  double eur_per_unit = 1.0;
  const bool zone_ok = resolve_zone(*columns, options, diagnostics, zone);
  const std::string smard_note = zone_ok ? smard_zone(*columns, records.front(), place, zone) : "";
  const bool currency_ok = currency_factor(*columns, records.front(), options, place, diagnostics, eur_per_unit);
  const auto selected = select_area(records, *columns, options, place, diagnostics);
  if (!zone_ok || !currency_ok || !selected) return std::nullopt;
  TimeReader times{place, diagnostics, zone, std::nullopt, {}, {}};
  std::vector<Row> rows;
  for (const io::CsvRecord* r : *selected) rows.push_back(read_row(*r, *columns, semicolons, times));
  times.report(columns->layout == PriceLayout::kSmard || columns->layout == PriceLayout::kSmardDateAndTime);
  rising_order(rows);
  PriceSeries s;
  s.path = path;
  check_steps(rows, place, diagnostics, s.step_s);
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  s.start_unix_s = *rows.front().time_s;
  for (const Row& r : rows) {
    s.price_eur_per_J.push_back(r.price * columns->unit.per_J * eur_per_unit);
    s.lines.push_back(r.line);
    s.price_columns.push_back(r.price_column);
  }
  s.rows_read = s.size();
  if (!smard_note.empty()) s.notes.push_back(smard_note);
  s.unit = columns->unit.text;
  s.unit_at = place.at(records.front().line, records.front().fields[columns->price].column);
  warn_implausible_prices(s, key, diagnostics);
  return s;
}
}  // namespace

// The file's messages in line order (T13-6: per-row errors came before the gaps and duplicates
// found after them, line 62 before 42); messages about the case's keys (flex.price_time_zone, ...)
// first, as they were.
std::optional<PriceSeries> read_price_csv_text(const std::string& file_text, const std::string& path,
                                               core::Diagnostics& diagnostics, const std::string& key,
                                               const PriceReadOptions& options) {
  core::Diagnostics read;
  auto series = read_price_rows(file_text, path, read, key, options);
  std::vector<core::Diagnostic> items = read.items();
  std::stable_partition(items.begin(), items.end(),
                        [&](const core::Diagnostic& x) { return x.location.file != path; });
  const auto in_file = std::find_if(items.begin(), items.end(),
                                    [&](const core::Diagnostic& x) { return x.location.file == path; });
  std::stable_sort(in_file, items.end(), [](const core::Diagnostic& a, const core::Diagnostic& b) {
    return std::pair{a.location.line, a.location.column} < std::pair{b.location.line, b.location.column};
  });
  core::Diagnostics sorted;
  for (const auto& x : items) {
    if (x.severity == core::Severity::kError) sorted.error(x.location, x.key, x.message);
    else sorted.warning(x.location, x.key, x.message);
  }
  diagnostics.append(sorted);
  return series;
}

std::optional<PriceSeries> read_price_csv(const std::string& path, core::Diagnostics& diagnostics,
                                          const std::string& key, const core::SourceLocation& where,
                                          const PriceReadOptions& options) {
  const auto text = io::read_text_file(path, "the price series", diagnostics, key, where);
  if (!text) return std::nullopt;
  return read_price_csv_text(*text, path, diagnostics, key, options);
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
