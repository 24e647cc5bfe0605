#pragma once
// Electricity price series for power-flexibility dispatch (docs/model/flexibility.md, "Prices").
//
// Format (CSV, RFC 4180 through io::parse_csv; '#' lines are comments): a header naming the time
// zone and the unit of each column, then one row per delivery interval:
//
//   time_utc,price_eur_per_MWh
//   2024-06-05T00:00Z,78.4
//   2024-06-05T00:15Z,75.1
//
// Times are ISO 8601 in UTC (a trailing 'Z' or '+00:00' is accepted; another offset is an
// error: convert to UTC), strictly increasing at one constant step of 15 or 60 minutes (the
// delivery intervals of European day-ahead markets). Each row's price holds from its time to the
// next row's. Prices may be negative; they must be finite numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::flex {

/// Steps a price series may have [s]: 15 min and 1 h.
inline constexpr double kQuarterHour_s = 900.0;
inline constexpr double kHour_s = 3600.0;

struct PriceSeries {
  std::string path;                  ///< the file the series came from (messages)
  std::int64_t start_unix_s = 0;     ///< time of the first row, seconds since 1970-01-01T00:00Z
  double step_s = kHour_s;           ///< delivery interval
  std::vector<double> price_eur_per_J;  ///< one per interval (SI: EUR per joule)
  std::vector<int> lines;            ///< the file line of each row

  std::size_t size() const { return price_eur_per_J.size(); }
  double duration_s() const { return step_s * static_cast<double>(size()); }
};

/// Seconds since 1970-01-01T00:00Z of an ISO 8601 UTC time "YYYY-MM-DDTHH:MM[:SS][Z|+00:00]" (a
/// blank may replace the 'T'); nullopt with `why` set when the text is not one.
std::optional<std::int64_t> parse_utc_time(const std::string& text, std::string& why);
/// "YYYY-MM-DDTHH:MMZ" of a time in seconds since the epoch.
std::string format_utc_time(std::int64_t unix_s);

/// Reads a price series from CSV text (`path` names it in messages). Every problem is collected
/// with its file:line:col: a wrong header, a malformed time, a non-numeric or non-finite price,
/// duplicates, unsorted rows, gaps, a step other than 15 or 60 min, mixed steps, no rows — all in
/// one pass, each under `key` (the input the series fills: flex.prices).
std::optional<PriceSeries> read_price_csv_text(const std::string& text, const std::string& path,
                                               core::Diagnostics& diagnostics, const std::string& key = "");
/// Same, from a file (read through io::read_text_file; `key` and `where` place a missing file).
std::optional<PriceSeries> read_price_csv(const std::string& path, core::Diagnostics& diagnostics,
                                          const std::string& key = "", const core::SourceLocation& where = {});

/// Checks that the series covers `horizon_s` from its start and that the horizon is a whole
/// number of steps; errors go to `diagnostics` under `key` at `where`.
bool check_horizon(const PriceSeries& series, double horizon_s, const std::string& key,
                   const core::SourceLocation& where, core::Diagnostics& diagnostics);

}  // namespace potline::flex
