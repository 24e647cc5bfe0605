#pragma once
// Electricity price series for power-flexibility dispatch (docs/model/flexibility.md, "Prices").
//
// Format (CSV through io::parse_csv; '#' lines are comments): a header naming the time zone and the
// price unit, then one row per delivery interval, e.g.
//
//   time_utc,price_eur_per_MWh
//   2024-06-05T00:00Z,78.4
//
// or the CSV downloads of SMARD and Energi Data Service as they are (price_layouts.hpp). Times are
// ISO 8601: with an offset (Z, +01:00, +0200) they are converted to UTC; a zone-less time needs a
// zone declared by the header (time_utc, time [ZONE], Energi Data Service's HourUTC) or by the case
// (flex.price_time_zone), else it is one input error; a SMARD download is read in Europe/Berlin
// (German local time, as SMARD publishes it) with a warning. A file that is not UTF-8 is read as
// Windows-1252 with a warning (price_text_as_utf8). The series must be regular in UTC: one step
// of 15, 30 or 60 minutes (a series crossing a change of summer time, +01:00 → +02:00, is regular
// in UTC). ';' between columns allows decimal commas. Each row's price holds from its time to the
// next row's; prices may be negative and must be finite. Inside, prices are EUR per joule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::flex {

/// Steps a price series may have [s]: 15 min, 30 min (the settlement period of the GB and Irish
/// markets) and 1 h.
inline constexpr double kQuarterHour_s = 900.0;
inline constexpr double kHalfHour_s = 1800.0;
inline constexpr double kHour_s = 3600.0;

/// The harmonised minimum and maximum clearing prices of the European single day-ahead coupling
/// (SDAC) [EUR/MWh]: −500 and +4,000 under the HMMCP methodology in force since ACER's decision of
/// January 2023 [ACER HMMCP 2023]. A price outside them is no SDAC clearing price: a plausibility
/// limit (other markets have their own), not a bound of the model.
inline constexpr double kSdacMinPrice_eur_per_MWh = -500.0;
inline constexpr double kSdacMaxPrice_eur_per_MWh = 4000.0;
/// A daily mean of day-ahead prices above every one an SDAC market is reported to have cleared
/// [EUR/MWh]: an ESTIMATE, 750, rounded up from the highest daily means read, all for delivery on 26
/// August 2022: Italy's PUN 718.71 (GME data as reported by [Sky TG24 PUN Aug 2022]; the PUN is the
/// purchase-weighted mean of Italy's zonal SDAC prices), France 706.32 and Germany 699.44 (EPEX SPOT
/// data as reported by [RT day-ahead Aug 2022]). Secondary reports, and no survey of every zone's
/// history: hence an estimate, not a record. A horizon whose mean lies above it is warned about as a
/// likely unit slip, not refused: a crisis scenario may go beyond what has cleared.
inline constexpr double kImplausibleDailyMean_eur_per_MWh = 750.0;

struct PriceSeries {
  std::string path;                  ///< the file the series came from (messages)
  std::int64_t start_unix_s = 0;     ///< time of the first row, seconds since 1970-01-01T00:00Z
  double step_s = kHour_s;           ///< delivery interval
  std::vector<double> price_eur_per_J;  ///< one per interval (SI: EUR per joule)
  std::vector<int> lines;            ///< the file line of each row
  std::vector<int> price_columns;    ///< the file column of each row's price (messages)
  std::string unit;                  ///< the unit the header declares ("EUR/MWh", "ct/kWh"; messages)
  core::SourceLocation unit_at;      ///< where the header declares it (the price column's name)
  /// Rows of the series as read, and the index of this series' first row among them (select_horizon
  /// keeps the horizon's rows; 0 and size() for a series as read).
  std::size_t rows_read = 0, first_row = 0;
  /// What reading and selecting the series did that the user need not act on, as printed
  /// ("FILE:LINE:COL: note: 'flex.prices': ..."): a SMARD export read in German local time, the
  /// rows flex.start and flex.horizon leave out (select_horizon).
  std::vector<std::string> notes;

  std::size_t size() const { return price_eur_per_J.size(); }
  double duration_s() const { return step_s * static_cast<double>(size()); }
};

/// Seconds since 1970-01-01T00:00Z of an ISO 8601 time "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]" (a blank may
/// replace the 'T'; an offset is converted; a zone-less time is taken as UTC, as in the time_utc
/// column of flex's schedule.csv); nullopt with `why` set when the text is not one.
std::optional<std::int64_t> parse_utc_time(const std::string& text, std::string& why);
/// "YYYY-MM-DDTHH:MMZ" of a time in seconds since the epoch.
std::string format_utc_time(std::int64_t unix_s);

/// What the case says about the series: flex.price_time_zone, flex.price_area and
/// flex.price_exchange_rate (empty / nullopt when not given), with where each was given.
struct PriceReadOptions {
  std::string time_zone;
  core::SourceLocation time_zone_where;
  std::string area;
  core::SourceLocation area_where;
  std::optional<double> eur_per_unit;  ///< EUR per unit of the series' currency
  core::SourceLocation exchange_rate_where;
};

/// Reads a price series from CSV text (`path` names it in messages). Every problem is collected
/// with its file:line:col: a wrong header or unit, a malformed time, zone-less times without a
/// declared zone (one error), local times that do not exist, a non-numeric or non-finite price,
/// duplicates, unsorted rows, gaps, a step other than 15, 30 or 60 min, mixed steps, no rows — all
/// in one pass, each under `key` (the input the series fills: flex.prices). Rows in descending time
/// order throughout (as Energi Data Service exports them) are read in reverse. Prices outside the
/// SDAC clearing range are a warning (warn_implausible_prices).
std::optional<PriceSeries> read_price_csv_text(const std::string& text, const std::string& path,
                                               core::Diagnostics& diagnostics, const std::string& key = "",
                                               const PriceReadOptions& options = {});

/// One warning (under `key`, at the first such row's line and price column of `series.path`) when
/// prices of `series` lie outside the SDAC clearing range kSdacMinPrice_eur_per_MWh …
/// kSdacMaxPrice_eur_per_MWh: how many, the lowest and the highest (T8-6: one hour at 1e6 EUR/MWh
/// made "a year: +6468.72 M EUR" without a word). When more than half of the rows lie outside
/// (kWrongUnitShare), it is an input error instead: no SDAC series clears outside its limits, so a
/// majority outside is a series in another unit (T13-6: EUR/GWh numbers under a EUR/MWh header,
/// 92 of 96 rows, valued a day at -1.0 billion EUR); the message names the likely unit. Else a
/// warning (at the header's unit) when the mean of a series of a day or more lies above every daily mean an SDAC market
/// is reported to have cleared (kImplausibleDailyMean_eur_per_MWh, an estimate): a `price [ct/kWh]` header over
/// EUR/MWh numbers reads a day of 82.6 EUR/MWh as 826 EUR/MWh, inside the limits (T13-6 (c)).
void warn_implausible_prices(const PriceSeries& series, const std::string& key,
                             core::Diagnostics& diagnostics);

/// Same, from a file (read through io::read_text_file; `key` and `where` place a missing file).
std::optional<PriceSeries> read_price_csv(const std::string& path, core::Diagnostics& diagnostics,
                                          const std::string& key = "", const core::SourceLocation& where = {},
                                          const PriceReadOptions& options = {});

/// Checks that the series covers `horizon_s` from its start and that the horizon is a whole
/// number of steps; errors go to `diagnostics` under `key` at `where`.
bool check_horizon(const PriceSeries& series, double horizon_s, const std::string& key,
                   const core::SourceLocation& where, core::Diagnostics& diagnostics);

/// Which part of a series the dispatch optimises: flex.horizon from flex.start (as written; empty:
/// the series' first time; a time without an offset is read in flex.price_time_zone, else as UTC),
/// with where each was given.
struct HorizonChoice {
  double horizon_s = 86400;
  core::SourceLocation horizon_where;
  std::string start;
  core::SourceLocation start_where;
  std::string time_zone;
};

/// The rows of `series` from flex.start over flex.horizon (code: price_horizon.cpp). Input errors
/// under flex.start (not a time; not a row time of the series: before or after it, or between two
/// rows) and flex.horizon (not whole steps; longer than the series holds from the start, naming how
/// much it holds). When rows of the series are left out, a note under flex.prices
/// (PriceSeries::notes, horizon_note) names the part used and how much before and after it is
/// ignored: the user chose them. nullopt after an error.
std::optional<PriceSeries> select_horizon(const PriceSeries& series, const HorizonChoice& choice,
                                          core::Diagnostics& diagnostics);

/// What select_horizon left out of the series it read, in words ("" when nothing): "rows 25-48 of
/// 168 (24 h from 2026-06-02T00:00Z); 24 h before and 120 h after them ignored".
std::string horizon_note(const PriceSeries& selected);

}  // namespace potline::flex
