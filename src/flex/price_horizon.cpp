// The part of a price series the dispatch optimises: flex.horizon from flex.start (see prices.hpp;
// docs/model/flexibility.md §1, "The part of the series used").
#include <fmt/format.h>

#include <cmath>

#include "potline/flex/price_times.hpp"
#include "potline/flex/prices.hpp"

namespace potline::flex {
namespace {

// flex.start as an instant [s since the epoch, UTC]: an offset is converted; a time without one is
// read in flex.price_time_zone (the earlier instant of an hour repeated in autumn), else as UTC.
std::optional<std::int64_t> start_instant(const HorizonChoice& choice, core::Diagnostics& d) {
  std::string why;
  const auto written = parse_written_time(choice.start, why);
  if (!written) {
    d.error(choice.start_where, "flex.start",
            fmt::format("'{}' is not a time: {} (e.g. 2024-06-05T00:00Z)", choice.start, why));
    return std::nullopt;
  }
  if (written->offset_s || choice.time_zone.empty())
    return written->wall_s - written->offset_s.value_or(0);
  const auto zone = parse_time_zone(choice.time_zone, why);
  if (!zone) return std::nullopt;  // flex.price_time_zone's own error comes from the price reader
  const auto instants = wall_to_utc(written->wall_s, *zone);
  if (instants.empty()) {
    d.error(choice.start_where, "flex.start",
            fmt::format("'{}' does not exist in {} (the hour skipped when summer time starts)",
                        choice.start, zone->name));
    return std::nullopt;
  }
  return instants.front();
}

std::string hours(double seconds) { return fmt::format("{:.6g} h", seconds / 3600); }

}  // namespace

std::optional<PriceSeries> select_horizon(const PriceSeries& series, const HorizonChoice& choice,
                                          core::Diagnostics& d) {
  std::size_t first = 0;
  if (!choice.start.empty()) {
    const auto start = start_instant(choice, d);
    if (!start) return std::nullopt;
    const double offset = static_cast<double>(*start - series.start_unix_s);
    const double end = series.duration_s();
    const double row = offset / series.step_s;
    if (offset < 0 || offset >= end || std::abs(row - std::round(row)) > 1e-9) {
      d.error(choice.start_where, "flex.start",
              fmt::format("{} is not the time of a row of the price series {} ({} rows at {:.6g}-min steps "
                          "from {} to {}): give one of its row times",
                          format_utc_time(*start), series.path, series.size(), series.step_s / 60,
                          format_utc_time(series.start_unix_s),
                          format_utc_time(series.start_unix_s +
                                          static_cast<std::int64_t>(end - series.step_s))));
      return std::nullopt;
    }
    first = static_cast<std::size_t>(std::llround(row));
  }
  PriceSeries tail = series;
  tail.start_unix_s =
      series.start_unix_s + static_cast<std::int64_t>(static_cast<double>(first) * series.step_s);
  tail.price_eur_per_J.erase(tail.price_eur_per_J.begin(),
                             tail.price_eur_per_J.begin() + static_cast<std::ptrdiff_t>(first));
  if (tail.lines.size() >= first)
    tail.lines.erase(tail.lines.begin(), tail.lines.begin() + static_cast<std::ptrdiff_t>(first));
  if (!check_horizon(tail, choice.horizon_s, "flex.horizon", choice.horizon_where, d)) {
    if (first > 0 && choice.horizon_s > tail.duration_s() + 1e-6)
      d.error(choice.start_where, "flex.start",
              fmt::format("from {} the price series holds {} ({} rows), less than flex.horizon = {}: choose an "
                          "earlier flex.start or a shorter flex.horizon",
                          format_utc_time(tail.start_unix_s), hours(tail.duration_s()), tail.size(),
                          hours(choice.horizon_s)));
    return std::nullopt;
  }
  const auto steps = static_cast<std::size_t>(std::llround(choice.horizon_s / series.step_s));
  tail.price_eur_per_J.resize(steps);
  if (tail.lines.size() > steps) tail.lines.resize(steps);
  tail.rows_read = series.rows_read > 0 ? series.rows_read : series.size();
  tail.first_row = series.first_row + first;
  if (tail.size() < tail.rows_read)
    tail.notes.push_back("note: 'flex.prices': " + horizon_note(tail));
  return tail;
}

std::string horizon_note(const PriceSeries& s) {
  if (s.rows_read <= s.size()) return "";
  const double before = s.step_s * static_cast<double>(s.first_row);
  const double after = s.step_s * static_cast<double>(s.rows_read - s.first_row - s.size());
  return fmt::format(
      "the dispatch uses rows {}-{} of the {} of the price series {} ({} from {}); {} before and {} after them "
      "are ignored (flex.start and flex.horizon choose the part)",
      s.first_row + 1, s.first_row + s.size(), s.rows_read, s.path, hours(s.duration_s()),
      format_utc_time(s.start_unix_s), hours(before), hours(after));
}

}  // namespace potline::flex
