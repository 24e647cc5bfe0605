// Dated [[tariff]] tables (tariff_dates.hpp; docs/model/fleet.md, "Dated tariffs").
#include "potline/fleet/tariff_dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <climits>

namespace potline::fleet {

namespace {

int day_of(const std::chrono::year_month_day& ymd) {
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

std::optional<int> digits(std::string_view s) {
  int v = 0;
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc()) return std::nullopt;
  return v;
}

// The identity of a tariff's lane for the overlap rule: importer and the exporters as written
// (the identity by which a case's table replaces its base's, case_base.cpp).
bool same_lane(const Tariff& a, const Tariff& b) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  return a.importer == b.importer && sorted(a.exporters) == sorted(b.exporters);
}

std::string window(const Tariff& t) {
  return fmt::format("from {} until {}", t.from_day ? format_date(*t.from_day) : "(no start)",
                     t.until_day ? format_date(*t.until_day) : "(no end)");
}

std::string exporters_text(const Tariff& t) {
  if (t.exporters.empty()) return "every other region";
  std::string out;
  for (const auto& x : t.exporters) out += (out.empty() ? "" : ", ") + x;
  return out;
}

const core::SourceLocation& first_date_at(const Tariff& t) {
  return t.from_day ? t.from_at : t.until_day ? t.until_at : t.where;
}

void check_overlaps(const std::vector<Tariff>& tariffs, core::Diagnostics& d) {
  for (std::size_t j = 0; j < tariffs.size(); ++j) {
    const Tariff& b = tariffs[j];
    for (std::size_t i = 0; i < j; ++i) {
      const Tariff& a = tariffs[i];
      // Two undated tables of one lane add up, as before tables had dates (a sweep's scenario
      // table on top of its base's); a dated one is the rate in force on its days.
      const bool dated = a.from_day || a.until_day || b.from_day || b.until_day;
      if (!dated || a.importer < 0 || !same_lane(a, b)) continue;
      const int lo = std::max(a.from_day.value_or(INT_MIN), b.from_day.value_or(INT_MIN));
      const int hi = std::min(a.until_day.value_or(INT_MAX), b.until_day.value_or(INT_MAX));
      if (lo > hi) continue;
      const std::string days = lo == INT_MIN ? "before " + format_date(hi + 1)
                               : hi == INT_MAX
                                   ? "from " + format_date(lo)
                                   : "from " + format_date(lo) + " to " + format_date(hi);
      d.error(first_date_at(b),
              b.label + (b.from_day    ? ".from"
                         : b.until_day ? ".until"
                                       : ""),
              fmt::format("{} ({}) overlaps {} ({}) {}: tables of one importer and exporters ({}) "
                          "must not be in "
                          "force on the same day (a table is the rate in force; duties that add up "
                          "go in one rate)",
                          b.label, window(b), a.label, window(a), days, exporters_text(b)));
      break;  // one message per table
    }
  }
}

}  // namespace

std::optional<int> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text.substr(0, 4)), m = digits(text.substr(5, 2)),
             dd = digits(text.substr(8, 2));
  if (!y || !m || !dd) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*y},
                                        std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*dd)}};
  if (!ymd.ok()) return std::nullopt;
  return day_of(ymd);
}

std::string format_date(int day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int first_day_of_year(int year) {
  return day_of(std::chrono::year_month_day{std::chrono::year{year}, std::chrono::January,
                                            std::chrono::day{1}});
}

int days_in_year(int year) {
  return first_day_of_year(year + 1) - first_day_of_year(year);
}

double share_of_year_in_force(const Tariff& t, int year) {
  const int first = first_day_of_year(year), last = first_day_of_year(year + 1) - 1;
  const int from = std::max(first, t.from_day.value_or(first));
  const int until = std::min(last, t.until_day.value_or(last));
  if (until < from) return 0.0;
  return static_cast<double>(until - from + 1) / days_in_year(year);
}

std::vector<Tariff> tariffs_in_year(const std::vector<Tariff>& tariffs, int year) {
  std::vector<Tariff> out;
  for (const Tariff& t : tariffs) {
    const double share = share_of_year_in_force(t, year);
    if (share <= 0) continue;
    out.push_back(t);
    out.back().rate = t.rate * share;
  }
  return out;
}

void check_tariff_dates(const FleetCase& c, core::Diagnostics& d) {
  const int first_year = c.year, last_year = std::max(c.year, c.last_year);
  for (const Tariff& t : c.tariffs) {
    if (!t.from_day && !t.until_day) continue;
    if (t.from_day && t.until_day && *t.until_day < *t.from_day) {
      d.error(t.until_at, t.label + ".until",
              fmt::format("{} is before the tariff's from, {}: a tariff is in force from its from "
                          "to its until, both "
                          "days included",
                          format_date(*t.until_day), format_date(*t.from_day)));
      continue;
    }
    if (c.year == 0) {
      d.error(first_date_at(t), t.label + (t.from_day ? ".from" : ".until"),
              "a dated [[tariff]] needs fleet.year: a year's rate is the time-weighted mean of the "
              "rates in force "
              "that year");
      continue;
    }
    const bool before = t.until_day && *t.until_day < first_day_of_year(first_year);
    const bool after = t.from_day && *t.from_day >= first_day_of_year(last_year + 1);
    if (before || after) {
      d.warning(before ? t.until_at : t.from_at, t.label + (before ? ".until" : ".from"),
                fmt::format("{} is {} the case's years {}-{} (fleet.year, fleet.last_year): this "
                            "tariff is in force on "
                            "no day of them and changes nothing",
                            format_date(before ? *t.until_day : *t.from_day),
                            before ? "before" : "after", first_year, last_year));
    }
  }
  check_overlaps(c.tariffs, d);
}

}  // namespace potline::fleet
