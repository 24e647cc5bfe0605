// Dated [[tariff]] tables (docs/model/fleet.md, "Dated tariffs"; src/fleet/tariff_dates.cpp): a
// path year's rate is the time-weighted mean of the rates in force; bad dates are input errors with
// their messages, collected in one pass; the US Section 232 schedule of
// examples/world-path-2035.toml moves the US in 2025 and 2026 against the same path with 2024's 10
// % held.
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/tariff_dates.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_tariff_dates {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;

fleet::Tariff dated(double rate, const char* from, const char* until) {
  fleet::Tariff t;
  t.importer = 0;
  t.rate = rate;
  if (from != nullptr) t.from_day = fleet::parse_date(from);
  if (until != nullptr) t.until_day = fleet::parse_date(until);
  return t;
}

double summed_rate(const std::vector<fleet::Tariff>& tariffs) {
  double r = 0;
  for (const auto& t : tariffs) r += t.rate;
  return r;
}

// A case of 6 header lines, so that the first [[tariff]] starts on line 7.
fleet::FleetCase parse(const std::string& tables, core::Diagnostics& d,
                       const std::string& years = "year = 2024\nlast_year = 2026\n") {
  return fleet::parse_fleet_case(
      "[fleet]\nlme = \"2400 USD/t\"\n" + years + "[market]\nsolve = true\n" + tables, "t.toml",
      std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
      potline::testing::shipped_smelter_data(), d);
}

fleet::FleetCase path_case(core::Diagnostics& d) {
  return fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                                cell::default_data_dir(), potline::testing::shipped_smelter_data(),
                                d);
}

}  // namespace

TEST(fleet_tariff_dates, DatesAreDaysOfTheCalendar) {
  EXPECT_EQ(fleet::parse_date("1970-01-01"), 0);
  EXPECT_EQ(fleet::parse_date("2025-03-12"),
            fleet::first_day_of_year(2025) + 70);  // 31 + 28 + 11 days before it
  EXPECT_TRUE(fleet::parse_date("2024-02-29").has_value());
  EXPECT_FALSE(fleet::parse_date("2025-02-29").has_value());
  EXPECT_FALSE(fleet::parse_date("2025-13-01").has_value());
  EXPECT_FALSE(fleet::parse_date("2025-3-12").has_value());
  EXPECT_EQ(fleet::format_date(*fleet::parse_date("2025-06-04")), "2025-06-04");
  EXPECT_EQ(fleet::days_in_year(2025), 365);
  EXPECT_EQ(fleet::days_in_year(2028), 366);
}

// Hand arithmetic, not the code's formula: 1 Jan - 11 Mar 2025 is 31 + 28 + 11 = 70 days,
// 12 Mar - 3 Jun is 20 + 30 + 31 + 3 = 84, 4 Jun - 31 Dec is 27 + 31 + 31 + 30 + 31 + 30 + 31 =
// 211; 10 % x 70 + 25 % x 84 + 50 % x 211 = 7 + 21 + 105.5 = 133.5 percent-days... / 365 = 36.575
// %.
TEST(fleet_tariff_dates, TheYearsRateIsTheTimeWeightedMeanByHandArithmetic) {
  const std::vector<fleet::Tariff> schedule = {dated(0.10, nullptr, "2025-03-11"),
                                               dated(0.25, "2025-03-12", "2025-06-03"),
                                               dated(0.50, "2025-06-04", nullptr)};
  EXPECT_NEAR(summed_rate(fleet::tariffs_in_year(schedule, 2025)), 133.5 / 365, 1e-12);
  EXPECT_NEAR(summed_rate(fleet::tariffs_in_year(schedule, 2025)), 0.36575, 1e-5);
  EXPECT_NEAR(summed_rate(fleet::tariffs_in_year(schedule, 2024)), 0.10,
              1e-12);  // the whole of 2024 at 10 %
  EXPECT_NEAR(summed_rate(fleet::tariffs_in_year(schedule, 2026)), 0.50, 1e-12);
  EXPECT_EQ(fleet::tariffs_in_year(schedule, 2026).size(),
            1u);  // the tables not in force are dropped
  // A leap year: from 1 March 2028, 366 - (31 + 29) = 306 days of 366.
  EXPECT_NEAR(fleet::share_of_year_in_force(dated(1.0, "2028-03-01", nullptr), 2028), 306.0 / 366,
              1e-12);
  // One day: 1/365.
  EXPECT_NEAR(fleet::share_of_year_in_force(dated(1.0, "2025-07-01", "2025-07-01"), 2025),
              1.0 / 365, 1e-12);
}

// Overlap, until before from, a date outside the scenario years, an unknown region and a malformed
// date: every one reported in one pass, each at its file:line:col with its key and value.
TEST(fleet_tariff_dates, BadDatesAreInputErrorsCollectedInOnePass) {
  core::Diagnostics d;
  EXPECT_THROW(
      parse("[[tariff]]\nimporter = \"usa\"\nrate = 0.25\nfrom = 2025-03-12\nuntil = "
            "2025-06-03\n"                                                         // 7-11
            "[[tariff]]\nimporter = \"usa\"\nrate = 0.5\nfrom = \"2025-06-01\"\n"  // 12-15
            "[[tariff]]\nimporter = \"europe\"\nrate = 0.1\nfrom = 2026-05-01\nuntil = "
            "2026-01-01\n"  // 16-20
            "[[tariff]]\nimporter = \"usa\"\nexporters = \"GBR\"\nrate = 0.1\nfrom = "
            "2019-05-20\n"                                                            // 21-25
            "[[tariff]]\nimporter = \"usaa\"\nrate = 0.1\nuntil = \"2025-13-01\"\n",  // 26-29
            d),
      core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("t.toml:15:8: error: 'tariff[1].from': tariff[1] (from 2025-06-01 until (no "
                   "end)) overlaps tariff[0] "
                   "(from 2025-03-12 until 2025-06-03) from 2025-06-01 to 2025-06-03: tables of "
                   "one importer and "
                   "exporters (every other region) must not be in force on the same day"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("t.toml:20:9: error: 'tariff[2].until': 2026-01-01 is before the tariff's from, "
                   "2026-05-01"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("t.toml:25:8: error: 'tariff[3].from': value 2019-05-20 is outside the allowed "
                   "range 2020-01-01 to "
                   "2060-12-31"),
            std::string::npos)
      << e;
  EXPECT_NE(
      e.find(
          "t.toml:27:12: error: 'tariff[4].importer': unknown region 'usaa' (did you mean 'usa'?)"),
      std::string::npos)
      << e;
  EXPECT_NE(e.find("t.toml:29:9: error: 'tariff[4].until': expected a date YYYY-MM-DD (e.g. "
                   "2025-03-12, a TOML date or "
                   "a quoted string), got '2025-13-01'"),
            std::string::npos)
      << e;
  EXPECT_EQ(d.error_count(), 5u) << e;
}

TEST(fleet_tariff_dates, ADatedTariffNeedsAScenarioYear) {
  core::Diagnostics d;
  EXPECT_THROW(parse("[[tariff]]\nimporter = \"usa\"\nrate = 0.5\nfrom = 2025-06-04\n", d, ""),
               core::InputError);
  EXPECT_NE(d.to_string().find(
                "t.toml:8:8: error: 'tariff[0].from': a dated [[tariff]] needs fleet.year"),
            std::string::npos)
      << d.to_string();
}

// A tariff in force on no day of the case's years is a warning, not an error: a path cut short
// (--set fleet.last_year=2024) keeps its later measures.
TEST(fleet_tariff_dates, ATariffInForceOnNoDayOfTheYearsIsAWarning) {
  core::Diagnostics d;
  const fleet::FleetCase c =
      parse("[[tariff]]\nimporter = \"usa\"\nrate = 0.5\nfrom = 2027-06-04\n", d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_NE(d.to_string().find(
                "'tariff[0].from': 2027-06-04 is after the case's years 2024-2026 (fleet.year, "
                "fleet.last_year): this tariff is in force on no day of them and changes nothing"),
            std::string::npos)
      << d.to_string();
  EXPECT_TRUE(fleet::case_for_year(c, 2026, nullptr).tariffs.empty());
}

// --set takes a date as a string, quoted or not.
TEST(fleet_tariff_dates, ADateCanBeSetOnTheCommandLine) {
  core::Diagnostics d;
  const fleet::FleetCase c = fleet::parse_fleet_case(
      "[fleet]\nlme = \"2400 USD/t\"\nyear = 2025\n[[tariff]]\nimporter = \"usa\"\nrate = 0.5\n",
      "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
      potline::testing::shipped_smelter_data(), d, {"tariff[0].from=2025-06-04"});
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(c.tariffs.size(), 1u);
  EXPECT_NEAR(fleet::case_for_year(c, 2025, nullptr).tariffs.at(0).rate, 0.5 * 211 / 365, 1e-12);
}

// A case on the dated path with one undated US table: the case's tables of that importer and
// exporters replace the whole schedule of the base (not its first table only, which left the 25 %
// and 50 % tables overlapping the case's).
TEST(fleet_tariff_dates, ACaseTableReplacesTheBasesWholeSchedule) {
  core::Diagnostics d;
  const fleet::FleetCase c = fleet::parse_fleet_case(
      "[case]\nbase = \"world-path-2035.toml\"\n[[tariff]]\nimporter = \"usa\"\nrate = 0.25\n",
      "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
      potline::testing::shipped_smelter_data(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const int us = c.model.regions.index_of("usa");
  int schedule = 0;
  for (const auto& t : c.tariffs) {
    if (t.importer != us || !t.exporters.empty()) continue;
    ++schedule;
    EXPECT_DOUBLE_EQ(t.rate, 0.25);
    EXPECT_FALSE(t.from_day || t.until_day);
  }
  EXPECT_EQ(schedule, 1);
  EXPECT_EQ(c.tariffs.at(0).importer, us);  // in the place of the base's first
}

// The shipped path: Section 232 by its dates. Non-exempt origins pay 10 % in 2024, 133.5/365 in
// 2025 and 50 % from 2026; against the same path with 2024's 10 % (Canada and Australia exempt)
// held, the higher tariff raises the US price in 2025 and 2026 and US output does not fall.
TEST(fleet_tariff_dates, TheShippedPathStepsSection232AndRaisesTheUsPrice) {
  core::Diagnostics d;
  fleet::FleetCase dated_case = path_case(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  dated_case.last_year = 2026;
  const auto us = dated_case.model.regions.index_of("usa");
  auto us_rate = [&](int year, const std::string& origin) {
    double r = 0;
    for (const auto& t : fleet::case_for_year(dated_case, year, nullptr).tariffs) {
      const bool named = t.exporters.empty() || std::find(t.exporters.begin(), t.exporters.end(),
                                                          origin) != t.exporters.end();
      const bool exempt = std::find(t.exempt.begin(), t.exempt.end(), origin) != t.exempt.end();
      if (t.importer == us && named && !exempt) r += t.rate;
    }
    return r;
  };
  EXPECT_NEAR(us_rate(2024, "ARE"), 0.10, 1e-12);
  EXPECT_NEAR(us_rate(2024, "CAN"), 0.0, 1e-12);
  EXPECT_NEAR(us_rate(2025, "ARE"), 133.5 / 365, 1e-12);
  EXPECT_NEAR(us_rate(2025, "CAN"), 126.5 / 365, 1e-12);  // 25 % x 84 + 50 % x 211
  EXPECT_NEAR(us_rate(2025, "GBR"), 80.75 / 365, 1e-12);  // 10 % x 70 + 25 % x 295
  EXPECT_NEAR(us_rate(2026, "ARE"), 0.50, 1e-12);
  EXPECT_NEAR(us_rate(2026, "GBR"), 0.25, 1e-12);

  fleet::FleetCase held = dated_case;  // 2024's table undated, the later ones gone
  held.tariffs.erase(
      std::remove_if(held.tariffs.begin(), held.tariffs.end(),
                     [&](const fleet::Tariff& t) { return t.importer == us && t.from_day; }),
      held.tariffs.end());
  for (auto& t : held.tariffs) t.until_day.reset();
  const auto a = fleet::solve_years(dated_case), b = fleet::solve_years(held);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  const auto u = static_cast<std::size_t>(us);
  EXPECT_DOUBLE_EQ(a[0].r.price_usd_per_kg[u],
                   b[0].r.price_usd_per_kg[u]);  // 2024 is the same year
  for (std::size_t k = 1; k < 3; ++k) {
    ASSERT_TRUE(a[k].r.feasible && b[k].r.feasible) << a[k].year;
    EXPECT_GT(a[k].r.price_usd_per_kg[u], b[k].r.price_usd_per_kg[u] + 0.05)
        << a[k].year;  // > 50 USD/t higher
    EXPECT_GE(a[k].r.production_by_region_kg_per_s[u] * kToMt,
              b[k].r.production_by_region_kg_per_s[u] * kToMt - 1e-9)
        << a[k].year;
  }
}

// docs/model/fleet.md, "Dated tariffs": the table of the path with Section 232 by its dates against
// the same path with 2024's 10 % held, as measured (2026-12-07, user trial 16, T16-3; the table of
// 2026-12-06 had gone stale). Figures, not directions: a change that moves them must update the
// table. US output Mt/yr, US and world price USD/t.
TEST(fleet_tariff_dates, TheSection232TableOfFleetMdAsMeasured) {
  core::Diagnostics d;
  const fleet::FleetCase dated_case = path_case(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const auto us = static_cast<std::size_t>(dated_case.model.regions.index_of("usa"));
  fleet::FleetCase held = dated_case;  // as in the test above: 2024's table undated, the later ones gone
  held.tariffs.erase(std::remove_if(held.tariffs.begin(), held.tariffs.end(),
                                    [&](const fleet::Tariff& t) { return t.importer == static_cast<int>(us) && t.from_day; }),
                     held.tariffs.end());
  for (auto& t : held.tariffs) t.until_day.reset();
  const auto a = fleet::solve_years(dated_case), b = fleet::solve_years(held);
  ASSERT_EQ(a.size(), 12u);
  ASSERT_EQ(b.size(), 12u);
  struct Row {
    int year;
    double output_held, output_dated, price_held, price_dated, world_held, world_dated;
  };
  // Since a new smelter ramps up (fleet.greenfield_ramp, user trial 16, T16-7, 2026-12-07): Inola runs
  // 513.8 of its 750 kt/yr in 2030 (US 1.420 -> 1.184 Mt/yr) and Kalimantan 342.5 of 500 in 2026; the
  // 2026 and 2030 prices moved by up to 56 USD/t.
  // Measured 2026-12-07 on main 6f0b361 + fleet19 (Oceania's dated 2024 states, Mozal's care and
  // maintenance from 15 March 2026); 2026-2027 since San Ciprian's committed restart (fleet20, T19-26:
  // it runs from 2026, prices 25-51 USD/t lower).
  const Row table[] = {{2024, 0.601, 0.601, 2769, 2769, 2390, 2390}, {2025, 0.601, 0.620, 2572, 3351, 2371, 2371},
                       {2026, 0.637, 0.658, 2613, 3707, 2440, 2378}, {2027, 0.648, 0.670, 2730, 3890, 2557, 2500},
                       {2030, 1.184, 1.184, 3078, 4426, 2918, 2858}, {2035, 1.420, 1.420, 3909, 5600, 3749, 3640}};
  for (const Row& row : table) {
    const auto k = static_cast<std::size_t>(row.year - 2024);
    ASSERT_EQ(a[k].year, row.year);
    ASSERT_TRUE(a[k].r.feasible && b[k].r.feasible) << row.year;
    EXPECT_NEAR(b[k].r.production_by_region_kg_per_s[us] * kToMt, row.output_held, 0.0015) << row.year;
    EXPECT_NEAR(a[k].r.production_by_region_kg_per_s[us] * kToMt, row.output_dated, 0.0015) << row.year;
    EXPECT_NEAR(b[k].r.price_usd_per_kg[us] * 1e3, row.price_held, 1.0) << row.year;
    EXPECT_NEAR(a[k].r.price_usd_per_kg[us] * 1e3, row.price_dated, 1.0) << row.year;
    EXPECT_NEAR(b[k].r.world_price_usd_per_kg * 1e3, row.world_held, 1.0) << row.year;
    EXPECT_NEAR(a[k].r.world_price_usd_per_kg * 1e3, row.world_dated, 1.0) << row.year;
  }
}

}  // namespace test_fleet_tariff_dates
