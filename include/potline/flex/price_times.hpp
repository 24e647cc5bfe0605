#pragma once
// Times of price series (docs/model/flexibility.md, "Prices"): ISO 8601 times with or without a UTC
// offset, the German day-first form of SMARD's exports, and the time zones a zone-less time may be
// declared in: UTC, a fixed offset, or local time with EU summer time.
//
// EU summer time (Directive 2000/84/EC [EU summer time 2000]): from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October, clocks one hour ahead of standard time; the
// same instants in every EU zone since 1996. Named zones are this rule with a standard offset:
// CET (+01:00: Europe/Berlin, Copenhagen, ...), EET (+02:00), WET (+00:00); no time-zone database
// is read, so other rules (before 1996, outside Europe) are errors, and a fixed offset or UTC
// times are the way to give them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace potline::flex {

/// How zone-less times are read.
struct TimeZoneRule {
  enum class Kind { kFixed, kEuSummerTime };
  Kind kind = Kind::kFixed;
  int standard_offset_s = 0;  ///< local time − UTC outside summer time [s]
  std::string name;           ///< as declared ("UTC", "+01:00", "Europe/Berlin"), for messages
};

/// The zone of `text`: "UTC"/"Z", a fixed offset ("+01:00", "+0100", "-05"), or a name with EU
/// summer time (CET, EET, WET, GMT/BST-style European names such as Europe/Berlin). nullopt with
/// `why` set (naming what is accepted) otherwise.
std::optional<TimeZoneRule> parse_time_zone(const std::string& text, std::string& why);

/// A time as written: its wall-clock reading counted as if it were UTC [s since 1970-01-01], and
/// the UTC offset written with it, if any.
struct WrittenTime {
  std::int64_t wall_s = 0;
  std::optional<int> offset_s;
};

/// Reads "YYYY-MM-DD[T| ]HH:MM[:SS][Z|±HH:MM|±HHMM|±HH]" or "DD.MM.YYYY HH:MM[:SS]" (SMARD);
/// nullopt with `why` set when the text is not one.
std::optional<WrittenTime> parse_written_time(const std::string& text, std::string& why);

/// The UTC instants [s] a zone-less wall time denotes in `zone`, earliest first: one; two in the
/// hour repeated when summer time ends; none in the hour skipped when it starts.
std::vector<std::int64_t> wall_to_utc(std::int64_t wall_s, const TimeZoneRule& zone);

/// Start and end [s since the epoch, UTC] of EU summer time in `year` (1996 on).
std::pair<std::int64_t, std::int64_t> eu_summer_time(int year);
/// The first year the EU summer-time rule covers.
inline constexpr int kEuSummerTimeFirstYear = 1996;

/// "+01:00" / "-05:30" / "+00:00".
std::string format_offset(int offset_s);
/// Year (UTC) of an instant.
int utc_year(std::int64_t unix_s);

}  // namespace potline::flex
