// Times and time zones of price series (see price_times.hpp).
#include "potline/flex/price_times.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <string_view>

namespace potline::flex {
namespace {

constexpr int kSecondsPerHour = 3600;

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

std::int64_t days_from_civil(int y, int m, int d) {
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                         std::chrono::day(static_cast<unsigned>(d))};
  return std::chrono::sys_days(date).time_since_epoch().count();
}

// "", "Z", "±HH:MM", "±HHMM" or "±HH" after the clock time: the offset [s], or 0 for none.
bool read_offset(const std::string& rest, std::optional<int>& offset_s, std::string& why) {
  if (rest.empty()) return true;
  if (rest == "Z" || rest == "z") {
    offset_s = 0;
    return true;
  }
  int h = 0, m = 0;
  const bool sign = rest[0] == '+' || rest[0] == '-';
  const bool shape = sign && ((rest.size() == 6 && digits(rest, 1, 2, h) && rest[3] == ':' && digits(rest, 4, 2, m)) ||
                              (rest.size() == 5 && digits(rest, 1, 2, h) && digits(rest, 3, 2, m)) ||
                              (rest.size() == 3 && digits(rest, 1, 2, h)));
  if (!shape) {
    why = fmt::format("unexpected '{}' after the time (an offset is Z, +01:00, +0100 or +01)", rest);
    return false;
  }
  if (h > 18 || m > 59) {
    why = fmt::format("offset '{}' is out of range (at most ±18:00)", rest);
    return false;
  }
  offset_s = (rest[0] == '-' ? -1 : 1) * (h * kSecondsPerHour + m * 60);
  return true;
}

// Seconds ":SS" and a fraction of zeros (".000") after the minutes at `pos`; returns the next
// position.
std::size_t read_seconds(const std::string& text, std::size_t pos, int& se) {
  if (!(text.size() >= pos + 3 && text[pos] == ':' && digits(text, pos + 1, 2, se))) return pos;
  pos += 3;
  if (pos < text.size() && text[pos] == '.') {
    std::size_t end = pos + 1;
    while (end < text.size() && text[end] == '0') ++end;
    if (end > pos + 1) pos = end;
  }
  return pos;
}

// European zone names with EU summer time since 1996 (their standard offset [h]). Zones whose
// rules differed after 1996 (e.g. the Baltic states, which had no summer time some years) are not
// listed: give UTC times or offsets for them.
struct NamedZone {
  std::string_view name;
  int standard_offset_h;
};
constexpr std::array<NamedZone, 23> kNamedZones{{
    {"CET", 1},
    {"Europe/Berlin", 1},
    {"Europe/Copenhagen", 1},
    {"Europe/Luxembourg", 1},
    {"Europe/Amsterdam", 1},
    {"Europe/Brussels", 1},
    {"Europe/Paris", 1},
    {"Europe/Vienna", 1},
    {"Europe/Zurich", 1},
    {"Europe/Oslo", 1},
    {"Europe/Stockholm", 1},
    {"Europe/Rome", 1},
    {"Europe/Madrid", 1},
    {"Europe/Prague", 1},
    {"Europe/Warsaw", 1},
    {"Europe/Budapest", 1},
    {"EET", 2},
    {"Europe/Helsinki", 2},
    {"Europe/Athens", 2},
    {"WET", 0},
    {"Europe/London", 0},
    {"Europe/Dublin", 0},
    {"MET", 1},
}};

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Last Sunday of `month` (March or October) of `year`, as days since the epoch.
std::int64_t last_sunday(int year, int month) {
  const std::int64_t last = days_from_civil(year, month, 31);
  const std::int64_t weekday = ((last % 7) + 11) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
  return last - weekday;
}

bool in_summer_time(std::int64_t utc_s) {
  const int year = utc_year(utc_s);
  if (year < kEuSummerTimeFirstYear) return false;
  const auto [start, end] = eu_summer_time(year);
  return utc_s >= start && utc_s < end;
}

}  // namespace

int utc_year(std::int64_t unix_s) {
  const std::int64_t days = unix_s >= 0 ? unix_s / 86400 : -((-unix_s + 86399) / 86400);
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return static_cast<int>(date.year());
}

std::pair<std::int64_t, std::int64_t> eu_summer_time(int year) {
  return {last_sunday(year, 3) * 86400 + kSecondsPerHour, last_sunday(year, 10) * 86400 + kSecondsPerHour};
}

std::string format_offset(int offset_s) {
  const int a = std::abs(offset_s);
  return fmt::format("{}{:02d}:{:02d}", offset_s < 0 ? '-' : '+', a / kSecondsPerHour, (a % kSecondsPerHour) / 60);
}

std::optional<TimeZoneRule> parse_time_zone(const std::string& text, std::string& why) {
  if (same_name(text, "UTC") || text == "Z" || same_name(text, "GMT")) {
    return TimeZoneRule{TimeZoneRule::Kind::kFixed, 0, "UTC"};
  }
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    std::optional<int> offset;
    if (read_offset(text, offset, why) && offset) {
      return TimeZoneRule{TimeZoneRule::Kind::kFixed, *offset, format_offset(*offset)};
    }
  }
  for (const NamedZone& z : kNamedZones) {
    if (same_name(text, z.name)) {
      return TimeZoneRule{TimeZoneRule::Kind::kEuSummerTime, z.standard_offset_h * kSecondsPerHour,
                          std::string(z.name)};
    }
  }
  why = fmt::format(
      "time zone '{}' is not known: give UTC, a fixed offset such as +01:00 (no summer time), or "
      "local time with EU summer time as CET, EET, WET or one of Europe/Berlin, Copenhagen, "
      "Luxembourg, Amsterdam, Brussels, Paris, Vienna, Zurich, Oslo, Stockholm, Rome, Madrid, "
      "Prague, "
      "Warsaw, Budapest, Helsinki, Athens, London, Dublin (no time-zone database is read)",
      text);
  return std::nullopt;
}

std::optional<WrittenTime> parse_written_time(const std::string& text, std::string& why) {
  int y = 0, mo = 0, da = 0, h = 0, mi = 0, se = 0;
  const bool iso = text.size() >= 16 && digits(text, 0, 4, y) && text[4] == '-' && digits(text, 5, 2, mo) &&
                   text[7] == '-' && digits(text, 8, 2, da) && (text[10] == 'T' || text[10] == ' ') &&
                   digits(text, 11, 2, h) && text[13] == ':' && digits(text, 14, 2, mi);
  const bool german = !iso && text.size() >= 16 && digits(text, 0, 2, da) && text[2] == '.' && digits(text, 3, 2, mo) &&
                      text[5] == '.' && digits(text, 6, 4, y) && text[10] == ' ' && digits(text, 11, 2, h) &&
                      text[13] == ':' && digits(text, 14, 2, mi);
  if (!iso && !german) {
    why =
        "write ISO 8601 UTC times or times with their offset, e.g. 2024-06-05T13:15Z or "
        "2024-06-05T15:15+02:00";
    return std::nullopt;
  }
  const std::size_t pos = read_seconds(text, 16, se);
  WrittenTime t;
  if (!read_offset(text.substr(pos), t.offset_s, why)) return std::nullopt;
  if (german && t.offset_s) {
    why = fmt::format("unexpected '{}' after the time", text.substr(pos));
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                         std::chrono::day(static_cast<unsigned>(da))};
  if (!date.ok() || h > 23 || mi > 59 || se > 59) {
    why = "not a valid date and time";
    return std::nullopt;
  }
  t.wall_s = days_from_civil(y, mo, da) * 86400 + h * kSecondsPerHour + mi * 60 + se;
  return t;
}

std::vector<std::int64_t> wall_to_utc(std::int64_t wall_s, const TimeZoneRule& zone) {
  const std::int64_t standard = wall_s - zone.standard_offset_s;
  if (zone.kind == TimeZoneRule::Kind::kFixed) return {standard};
  std::vector<std::int64_t> out;
  const std::int64_t summer = standard - kSecondsPerHour;
  if (in_summer_time(summer)) out.push_back(summer);
  if (!in_summer_time(standard)) out.push_back(standard);
  return out;
}

}  // namespace potline::flex
