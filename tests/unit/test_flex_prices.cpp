// Price series input of potline flex (src/flex/prices.cpp): the format, and every kind of bad input
// reported with file:line:col and what is wrong (the messages are asserted).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "potline/flex/prices.hpp"

namespace test_flex_prices {

using namespace potline;

namespace {

const std::string kHeader = "# synthetic\ntime_utc,price_eur_per_MWh\n";

std::string read_errors(const std::string& text) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv_text(text, "p.csv", d);
  EXPECT_FALSE(s.has_value());
  return d.to_string();
}

TEST(flex_prices, ReadsQuarterHoursInSiUnits) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv_text(
      kHeader + "2026-06-01T00:00Z,72\n2026-06-01T00:15Z,-5.5\n2026-06-01T00:30:00+00:00,100\n", "p.csv", d);
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_EQ(s->size(), 3u);
  EXPECT_DOUBLE_EQ(s->step_s, 900.0);
  EXPECT_DOUBLE_EQ(s->price_eur_per_J[0], 72.0 / 3.6e9);
  EXPECT_DOUBLE_EQ(s->price_eur_per_J[1], -5.5 / 3.6e9);
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2026-06-01T00:00Z");
  EXPECT_EQ(s->lines[0], 3);
  EXPECT_DOUBLE_EQ(s->duration_s(), 2700.0);
}

// The GB and Irish markets settle half-hourly (T8-6: such a series was refused); in Europe/London
// local time the day summer time ends has 50 half-hours and stays regular in UTC.
TEST(flex_prices, ReadsHalfHoursAcrossTheEndOfSummerTime) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv_text(
      kHeader + "2026-06-01T00:00Z,72\n2026-06-01T00:30Z,-5.5\n2026-06-01T01:00Z,100\n", "p.csv", d);
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_DOUBLE_EQ(s->step_s, flex::kHalfHour_s);
  EXPECT_DOUBLE_EQ(s->duration_s(), 3 * 1800.0);
  std::string london = "time [Europe/London],price_eur_per_MWh\n";
  for (int h = 0; h < 3; ++h) {
    for (int m : {0, 30}) london += "2026-10-25T0" + std::to_string(h) + ":" + (m ? "30" : "00") + ",50\n";
    if (h == 1) london += "2026-10-25T01:00,50\n2026-10-25T01:30,50\n";  // 01:00-02:00 twice
  }
  core::Diagnostics z;
  const auto gb = flex::read_price_csv_text(london, "gb.csv", z);
  ASSERT_TRUE(gb) << z.to_string();
  EXPECT_EQ(gb->size(), 8u);
  EXPECT_DOUBLE_EQ(gb->step_s, 1800.0);
}

// Prices outside the SDAC clearing range (−500 to +4,000 EUR/MWh [ACER HMMCP 2023]) are read with
// one warning at the first such row (T8-6); the limits themselves are not.
TEST(flex_prices, PricesOutsideTheSdacClearingRangeWarnOnce) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv_text(
      kHeader + "2026-06-01T00:00Z,80\n2026-06-01T01:00Z,1e6\n2026-06-01T02:00Z,-501\n2026-06-01T03:00Z,4000\n",
      "p.csv", d, "flex.prices");
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_EQ(d.error_count(), 0u);
  const std::string w = d.to_string();
  EXPECT_NE(w.find("p.csv:4:19: warning: 'flex.prices': 2 price(s) outside -500 to +4000 EUR/MWh (lowest -501, highest "
                   "1e+06 EUR/MWh; the first on this line), the harmonised minimum and maximum clearing prices of the "
                   "European day-ahead market (SDAC, [ACER HMMCP 2023]): check the column and its unit"),
            std::string::npos)
      << w;
  core::Diagnostics ok;
  ASSERT_TRUE(flex::read_price_csv_text(kHeader + "2026-06-01T00:00Z,-500\n2026-06-01T01:00Z,4000\n", "p.csv", ok));
  EXPECT_EQ(ok.to_string().find("warning"), std::string::npos) << ok.to_string();
}

// User trial T18-3: one price of 1e9 EUR/MWh in a day of 15-min prices was a warning, and the run
// valued the year at +1.7 trillion EUR. Rows outside the SDAC limits that lift the day's mean above
// the record daily mean (the estimate of 750 EUR/MWh) are an error at the first such row; one row at
// 5,000 EUR/MWh in a day of 80 stays a warning (mean 132.9 EUR/MWh).
TEST(flex_prices, RowsOutsideTheLimitsThatLiftTheMeanAboveTheRecordAreAnError) {
  const auto day = [](double odd) {
    std::string text = kHeader;
    for (int q = 0; q < 96; ++q)
      text += fmt::format("2026-06-01T{:02d}:{:02d}Z,{}\n", q / 4, 15 * (q % 4), q == 20 ? odd : 80.0);
    return text;
  };
  core::Diagnostics huge;
  flex::read_price_csv_text(day(1e9), "huge.csv", huge, "flex.prices");  // the CLI stops on the error (exit 2)
  EXPECT_EQ(huge.error_count(), 1u) << huge.to_string();
  EXPECT_NE(huge.to_string().find("huge.csv:23:19: error: 'flex.prices': 1 price(s) outside -500 to +4000 EUR/MWh "
                                  "(lowest 1e+09, highest 1e+09 EUR/MWh; the first on this line)"),
            std::string::npos)
      << huge.to_string();
  EXPECT_NE(huge.to_string().find("lift the mean of the 96 prices to 10416745.8 EUR/MWh, above 750 EUR/MWh"),
            std::string::npos)
      << huge.to_string();
  core::Diagnostics spike;
  ASSERT_TRUE(flex::read_price_csv_text(day(5000), "spike.csv", spike, "flex.prices")) << spike.to_string();
  EXPECT_EQ(spike.error_count(), 0u);
  EXPECT_NE(spike.to_string().find("spike.csv:23:19: warning: 'flex.prices': 1 price(s) outside"), std::string::npos)
      << spike.to_string();
}

// T13-6 (c): a day whose mean lies above every daily mean an SDAC market is reported to have cleared
// (an estimate, 750 EUR/MWh; the highest read 718.71) is warned at the header's unit, naming EUR/MWh
// under a ct/kWh header; shorter series are not (hours at the peak may lie above a day's mean).
TEST(flex_prices, ADayAboveTheRecordDailyMeanWarnsAtTheUnit) {
  const auto day = [](const std::string& header, double price, int hours) {
    std::string text = header;
    for (int h = 0; h < hours; ++h) text += fmt::format("2026-06-01T{:02d}:00Z,{}\n", h, price);
    return text;
  };
  core::Diagnostics cents;
  ASSERT_TRUE(flex::read_price_csv_text(day("time_utc,price [ct/kWh]\n", 80, 24), "c.csv", cents, "flex.prices"));
  EXPECT_NE(cents.to_string().find("c.csv:1:10: warning: 'flex.prices': the header says ct/kWh (1 ct/kWh = 10 "
                                   "EUR/MWh), and the mean of its 24 prices, 800.0 EUR/MWh"),
            std::string::npos)
      << cents.to_string();
  EXPECT_NE(cents.to_string().find("Read as EUR/MWh the mean is 80.00 EUR/MWh"), std::string::npos);
  core::Diagnostics euros;
  ASSERT_TRUE(flex::read_price_csv_text(day(kHeader, 800, 24), "e.csv", euros, "flex.prices"));
  EXPECT_NE(euros.to_string().find("read in EUR/MWh, the mean of its 24 prices, 800.0 EUR/MWh, is above"),
            std::string::npos)
      << euros.to_string();
  for (const auto& [text, why] : {std::pair{day(kHeader, 740, 24), "below the estimate"},
                                  std::pair{day(kHeader, 800, 23), "shorter than a day"}}) {
    core::Diagnostics quiet;
    ASSERT_TRUE(flex::read_price_csv_text(text, "q.csv", quiet, "flex.prices"));
    EXPECT_EQ(quiet.to_string().find("every daily mean"), std::string::npos) << why << quiet.to_string();
  }
}

TEST(flex_prices, UtcTimesRoundTrip) {
  std::string why;
  const auto t = flex::parse_utc_time("2024-02-29 23:45Z", why);
  ASSERT_TRUE(t) << why;
  EXPECT_EQ(flex::format_utc_time(*t), "2024-02-29T23:45Z");
  EXPECT_EQ(*flex::parse_utc_time("1970-01-01T00:00Z", why), 0);
  EXPECT_FALSE(flex::parse_utc_time("2023-02-29T00:00Z", why));
  EXPECT_EQ(why, "not a valid date and time");
}

// The header declares the zone (time_utc) and the unit; "time" alone needs offsets or a declared
// zone, and a currency other than EUR an exchange rate (test_flex_price_formats.cpp).
TEST(flex_prices, HeaderNamesZoneAndUnit) {
  EXPECT_NE(read_errors("time,price\n2026-06-01T00:00Z,1\n").find(
                "p.csv:1:6: error: second column 'price': name the price's unit, one of EUR/MWh"),
            std::string::npos);
  EXPECT_NE(read_errors("time_utc,price_usd_per_MWh\n").find(
                "p.csv:1:10: error: prices in USD/MWh: the flex case computes in EUR; give flex.price_exchange_rate"),
            std::string::npos);
}

TEST(flex_prices, GapsDuplicatesUnsortedAndMixedStepsAreNamed) {
  const std::string gap = read_errors(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n2026-06-01T04:00Z,3\n");
  EXPECT_NE(gap.find("p.csv:5:1: error: gap: 2 row(s) missing between 2026-06-01T01:00Z (line 4) and "
                     "2026-06-01T04:00Z (step 60 min)"),
            std::string::npos)
      << gap;
  const std::string dup = read_errors(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n2026-06-01T01:00Z,3\n");
  EXPECT_NE(dup.find("p.csv:5:1: error: duplicate time 2026-06-01T01:00Z (also on line 4)"), std::string::npos) << dup;
  const std::string back = read_errors(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n2026-06-01T00:30Z,3\n");
  EXPECT_NE(back.find("p.csv:5:1: error: time 2026-06-01T00:30Z is before the previous row's 2026-06-01T01:00Z "
                      "(line 4): rows must be sorted by time"),
            std::string::npos)
      << back;
  const std::string mixed = read_errors(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T00:15Z,2\n2026-06-01T00:40Z,3\n");
  EXPECT_NE(mixed.find("p.csv:5:1: error: mixed steps: 25 min after line 4, but the series started with 15 min "
                       "steps"),
            std::string::npos)
      << mixed;
  const std::string step = read_errors(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T00:20Z,2\n");
  EXPECT_NE(step.find("p.csv:4:1: error: step 20 min: the series must have 15-, 30- or 60-min steps"),
            std::string::npos)
      << step;
}

// A series that switches from 15-min to hourly rows was a "gap: 3 row(s) missing" on every later
// row, and one misplaced row gave two further gap errors around it (acceptance audit 2026-12-05).
TEST(flex_prices, AStepThatChangesOrOneMisplacedRowIsOneError) {
  core::Diagnostics d;
  EXPECT_FALSE(flex::read_price_csv_text(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T00:15Z,2\n2026-06-01T00:30Z,3\n"
                                                   "2026-06-01T01:30Z,4\n2026-06-01T02:30Z,5\n2026-06-01T03:30Z,6\n",
                                         "p.csv", d));
  const std::string e = d.to_string();
  EXPECT_NE(e.find("p.csv:6:1: error: mixed steps: the step changes from 15 min to 60 min at this row (after line 5); "
                   "the series must keep one step (15, 30 or 60 min) throughout"),
            std::string::npos)
      << e;
  EXPECT_EQ(d.error_count(), 1u) << e;
  core::Diagnostics u;
  EXPECT_FALSE(flex::read_price_csv_text(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n2026-06-01T03:00Z,3\n"
                                                   "2026-06-01T02:00Z,4\n2026-06-01T04:00Z,5\n",
                                         "p.csv", u));
  const std::string o = u.to_string();
  // Lines 5 and 6 (03:00, 02:00) are swapped: 02:00 is before 03:00, and 03:00 after 01:00 is no
  // gap, since the next row fills it (user trial T18-3: a spurious "gap: 1 row(s) missing" beside
  // the right error); the next row (04:00) is compared with 03:00, the last row in order.
  EXPECT_NE(o.find("p.csv:6:1: error: time 2026-06-01T02:00Z is before the previous row's 2026-06-01T03:00Z (line 5)"),
            std::string::npos)
      << o;
  EXPECT_EQ(o.find("gap"), std::string::npos) << o;
  EXPECT_EQ(o.find("p.csv:7:1"), std::string::npos) << o;
  EXPECT_EQ(u.error_count(), 1u) << o;
  // A first pair out of order: the step is the first interval in order.
  core::Diagnostics f;
  EXPECT_FALSE(flex::read_price_csv_text(kHeader + "2026-06-01T01:00Z,1\n2026-06-01T00:00Z,2\n2026-06-01T01:00Z,3\n"
                                                   "2026-06-01T02:00Z,4\n",
                                         "p.csv", f));
  EXPECT_EQ(f.error_count(), 2u) << f.to_string();  // 00:00 before 01:00, then 01:00 again is a duplicate
}

TEST(flex_prices, NonNumericAndNonFinitePricesAndBadTimesAreAllReported) {
  const std::string e = read_errors(kHeader + "2026-06-01T00:00Z,abc\n2026-06-01T01:00Z,nan\n"
                                              "2026-06-01T02:00Z,inf\n2026-06-01 03:00+25:00,4\nyesterday,5\n");
  EXPECT_NE(e.find("p.csv:3:19: error: price 'abc' is not a number in EUR/MWh (allowed: any finite number, negative prices "
                   "included)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("p.csv:4:19: error: price 'nan' is not a number in EUR/MWh"), std::string::npos) << e;
  EXPECT_NE(e.find("p.csv:5:19: error: price 'inf' is not a number in EUR/MWh"), std::string::npos) << e;
  EXPECT_NE(e.find("p.csv:6:1: error: time '2026-06-01 03:00+25:00': offset '+25:00' is out of range (at most "
                   "±18:00)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("p.csv:7:1: error: time 'yesterday': write ISO 8601 UTC times or times with their offset, e.g. "
                   "2024-06-05T13:15Z or 2024-06-05T15:15+02:00"),
            std::string::npos)
      << e;
}

// Bad values and a gap were reported in two passes (the gap only once the values were fixed), and no
// message named the input the file fills (user trial 2026-12-05 (3)).
TEST(flex_prices, BadValuesAndOrderErrorsComeInOnePassUnderTheKey) {
  core::Diagnostics d;
  EXPECT_FALSE(flex::read_price_csv_text(kHeader + "2026-06-01T00:00Z,abc\n2026-06-01T01:00Z,2\nnoon,3\n"
                                                   "2026-06-01T03:00Z,4\n2026-06-01T05:00Z,5\n",
                                         "p.csv", d, "flex.prices"));
  const std::string e = d.to_string();
  EXPECT_NE(e.find("p.csv:3:19: error: 'flex.prices': price 'abc' is not a number in EUR/MWh"), std::string::npos) << e;
  EXPECT_NE(e.find("p.csv:5:1: error: 'flex.prices': time 'noon'"), std::string::npos) << e;
  EXPECT_NE(e.find("p.csv:7:1: error: 'flex.prices': gap: 1 row(s) missing between 2026-06-01T03:00Z (line 6)"),
            std::string::npos)
      << e;
  // The rows around the unreadable time are not called a gap.
  EXPECT_EQ(e.find("line 4"), std::string::npos) << e;
  EXPECT_EQ(d.error_count(), 3u) << e;
}

// ';' between columns allows decimal commas (test_flex_price_formats.cpp); with ',' a decimal comma
// splits the price or must be quoted, and is named.
TEST(flex_prices, SpreadsheetExportsWithDecimalCommasGetAHint) {
  const std::string split = read_errors(kHeader + "2026-06-01T00:00Z,45,5\n");
  EXPECT_NE(split.find("p.csv:3:1: error: 3 column(s): each row holds the header's 2; a decimal comma in the price "
                       "splits it in two: write the price with a '.' (or separate the columns with ';', which allows "
                       "decimal commas)"),
            std::string::npos)
      << split;
  const std::string quoted = read_errors(kHeader + "2026-06-01T00:00Z,\"45,5\"\n");
  EXPECT_NE(quoted.find("price '45,5' is not a number in EUR/MWh (allowed: any finite number, negative prices "
                        "included); write the decimal comma as a '.' (or separate the columns with ';')"),
            std::string::npos)
      << quoted;
}

TEST(flex_prices, HorizonLongerThanTheSeriesOrNotWholeStepsIsAnError) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv_text(kHeader + "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n", "p.csv", d);
  ASSERT_TRUE(s);
  EXPECT_TRUE(flex::check_horizon(*s, 7200, "flex.horizon", {"c.toml", 3, 11}, d));
  EXPECT_FALSE(flex::check_horizon(*s, 3 * 3600, "flex.horizon", {"c.toml", 3, 11}, d));
  EXPECT_FALSE(flex::check_horizon(*s, 5400, "flex.horizon", {"c.toml", 3, 11}, d));
  const std::string e = d.to_string();
  EXPECT_NE(e.find("c.toml:3:11: error: 'flex.horizon': the horizon 3 h is longer than the price series p.csv (2 rows "
                   "× 60 min = 2 h from 2026-06-01T00:00Z)"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("the horizon 1.5 h is not a whole number of the price series' 60-min steps (p.csv)"),
            std::string::npos)
      << e;
}

// flex.start chooses the part of a longer series the dispatch uses (user trial T6-16: the first
// part was used silently); the part and what is ignored are named in a warning; a start that is not
// a row time, and a horizon longer than the series holds from the start, are errors naming the key.
flex::PriceSeries four_hours() {
  core::Diagnostics d;
  auto s = flex::read_price_csv_text(
      kHeader +
          "2026-06-01T00:00Z,1\n2026-06-01T01:00Z,2\n2026-06-01T02:00Z,3\n"
          "2026-06-01T03:00Z,4\n",
      "p.csv", d);
  EXPECT_TRUE(s) << d.to_string();
  return *s;
}

TEST(flex_prices, StartChoosesThePartOfTheSeriesAndTheIgnoredPartIsNamed) {
  const flex::PriceSeries s = four_hours();
  flex::HorizonChoice h;
  h.horizon_s = 7200;
  core::Diagnostics d;
  const auto first = flex::select_horizon(s, h, d);  // no flex.start: the first time
  ASSERT_TRUE(first) << d.to_string();
  EXPECT_EQ(first->start_unix_s, s.start_unix_s);
  EXPECT_EQ(first->size(), 2u);
  // A note, not a warning (audit 19): flex.start and flex.horizon chose the part.
  EXPECT_TRUE(d.items().empty()) << d.to_string();
  ASSERT_EQ(first->notes.size(), 1u);
  EXPECT_NE(
      first->notes[0].find(
          "note: 'flex.prices': the dispatch uses rows 1-2 of the 4 of the price series p.csv "
          "(2 h from 2026-06-01T00:00Z); 0 h before and 2 h after them are ignored"),
      std::string::npos)
      << first->notes[0];
  h.start = "2026-06-01T03:00+02:00";  // 01:00 UTC
  core::Diagnostics d2;
  const auto later = flex::select_horizon(s, h, d2);
  ASSERT_TRUE(later) << d2.to_string();
  EXPECT_EQ(flex::format_utc_time(later->start_unix_s), "2026-06-01T01:00Z");
  EXPECT_NEAR(later->price_eur_per_J[0] * 3.6e9, 2.0, 1e-9);
  EXPECT_NEAR(later->price_eur_per_J[1] * 3.6e9, 3.0, 1e-9);
  ASSERT_EQ(later->notes.size(), 1u);
  EXPECT_NE(later->notes[0].find(
                "rows 2-3 of the 4 of the price series p.csv (2 h from 2026-06-01T01:00Z); 1 h "
                "before and 1 h after them are ignored"),
            std::string::npos)
      << later->notes[0];
  h.start = "2026-06-01 04:00";  // zone-less, read in flex.price_time_zone: 02:00 UTC
  h.time_zone = "Europe/Berlin";
  core::Diagnostics d3;
  const auto local = flex::select_horizon(s, h, d3);
  ASSERT_TRUE(local) << d3.to_string();
  EXPECT_EQ(flex::format_utc_time(local->start_unix_s), "2026-06-01T02:00Z");
  h.horizon_s = 4 * 3600;  // the whole series: no note
  h.start.clear();
  core::Diagnostics d4;
  const auto whole = flex::select_horizon(s, h, d4);
  ASSERT_TRUE(whole);
  EXPECT_TRUE(d4.items().empty()) << d4.to_string();
  EXPECT_TRUE(whole->notes.empty());
}

TEST(flex_prices, StartOutsideTheSeriesOrAHorizonBeyondItIsAnError) {
  const flex::PriceSeries s = four_hours();
  flex::HorizonChoice h;
  h.horizon_s = 7200;
  h.horizon_where = {"c.toml", 3, 11};
  h.start_where = {"c.toml", 4, 9};
  for (const std::string start : {"2026-06-01T04:00Z", "2026-05-31T23:00Z", "2026-06-01T01:30Z"}) {
    h.start = start;
    core::Diagnostics d;
    EXPECT_FALSE(flex::select_horizon(s, h, d)) << start;
    EXPECT_NE(d.to_string().find("c.toml:4:9: error: 'flex.start': "), std::string::npos)
        << d.to_string();
    EXPECT_NE(d.to_string().find(
                  "is not the time of a row of the price series p.csv (4 rows at 60-min steps from "
                  "2026-06-01T00:00Z to 2026-06-01T03:00Z)"),
              std::string::npos)
        << d.to_string();
  }
  h.start = "yesterday";
  core::Diagnostics bad;
  EXPECT_FALSE(flex::select_horizon(s, h, bad));
  EXPECT_NE(bad.to_string().find("'flex.start': 'yesterday' is not a time"), std::string::npos)
      << bad.to_string();
  h.start = "2026-06-01T03:00Z";  // one hour left for a 2-h horizon
  core::Diagnostics d;
  EXPECT_FALSE(flex::select_horizon(s, h, d));
  const std::string e = d.to_string();
  EXPECT_NE(e.find("c.toml:3:11: error: 'flex.horizon': the horizon 2 h is longer than the price "
                   "series p.csv"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("c.toml:4:9: error: 'flex.start': from 2026-06-01T03:00Z the price series holds "
                   "1 h (1 rows), less "
                   "than flex.horizon = 2 h"),
            std::string::npos)
      << e;
}

TEST(flex_prices, ShippedSyntheticSeriesRead) {
  for (const std::string name : {"synthetic-de-summer-day-15min.csv", "synthetic-de-summer-week-hourly.csv"}) {
    core::Diagnostics d;
    const auto s = flex::read_price_csv(std::string(POTLINE_SOURCE_DIR) + "/data/prices/" + name, d);
    ASSERT_TRUE(s) << d.to_string();
    EXPECT_TRUE(s->size() == 96 || s->size() == 168) << name;
  }
}

}  // namespace
}  // namespace test_flex_prices
