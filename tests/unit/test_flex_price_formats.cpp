// Price series as an energy manager gets them (src/flex/prices.cpp, price_times.cpp,
// price_layouts.cpp): UTC offsets, declared time zones with EU summer time, units in the header,
// and the CSV downloads of SMARD and Energi Data Service (fixtures in tests/fixtures/prices/, their
// layout after the real downloads, the numbers invented). The dates of EU summer time are checked
// against the calendar, not against the code's own rule.
#include <gtest/gtest.h>

#include <string>

#include "potline/flex/price_layouts.hpp"
#include "potline/flex/price_times.hpp"
#include "potline/flex/prices.hpp"

namespace test_flex_price_formats {

using namespace potline;

namespace {

constexpr double kJPerMWh = 3.6e9;

std::string fixture(const std::string& name) {
  return std::string(POTLINE_SOURCE_DIR) + "/tests/fixtures/prices/" + name;
}

flex::PriceReadOptions zone(const std::string& z) {
  flex::PriceReadOptions o;
  o.time_zone = z;
  o.time_zone_where = {"c.toml", 4, 17};
  return o;
}

// Reads `text`; returns the series or nullopt with the messages in `errors`.
std::optional<flex::PriceSeries> read(const std::string& text, std::string& errors,
                                      const flex::PriceReadOptions& o = {}, std::size_t* count = nullptr) {
  core::Diagnostics d;
  auto s = flex::read_price_csv_text(text, "p.csv", d, "flex.prices", o);
  errors = d.to_string();
  if (count) *count = d.error_count();
  return s;
}

TEST(flex_price_formats, EuSummerTimeDatesMatchTheCalendar) {
  // Known dates: 1996-03-31/10-27, 2024-03-31/10-27, 2025-03-30/10-26, 2026-03-29/10-25, all at
  // 01:00 UTC.
  const std::pair<int, std::pair<const char*, const char*>> cases[] = {
      {1996, {"1996-03-31T01:00Z", "1996-10-27T01:00Z"}},
      {2024, {"2024-03-31T01:00Z", "2024-10-27T01:00Z"}},
      {2025, {"2025-03-30T01:00Z", "2025-10-26T01:00Z"}},
      {2026, {"2026-03-29T01:00Z", "2026-10-25T01:00Z"}}};
  for (const auto& [year, dates] : cases) {
    const auto [start, end] = flex::eu_summer_time(year);
    EXPECT_EQ(flex::format_utc_time(start), dates.first) << year;
    EXPECT_EQ(flex::format_utc_time(end), dates.second) << year;
  }
}

TEST(flex_price_formats, TimeZonesAreUtcFixedOffsetsOrEuropeanNames) {
  std::string why;
  EXPECT_EQ(flex::parse_time_zone("UTC", why)->standard_offset_s, 0);
  EXPECT_EQ(flex::parse_time_zone("+0530", why)->standard_offset_s, 19800);
  EXPECT_EQ(flex::parse_time_zone("-05:00", why)->standard_offset_s, -18000);
  const auto berlin = flex::parse_time_zone("europe/berlin", why);
  ASSERT_TRUE(berlin);
  EXPECT_EQ(berlin->kind, flex::TimeZoneRule::Kind::kEuSummerTime);
  EXPECT_EQ(berlin->standard_offset_s, 3600);
  EXPECT_EQ(flex::parse_time_zone("EET", why)->standard_offset_s, 7200);
  EXPECT_FALSE(flex::parse_time_zone("America/New_York", why));
  EXPECT_NE(why.find("time zone 'America/New_York' is not known: give UTC, a fixed offset such as +01:00"),
            std::string::npos)
      << why;
  EXPECT_FALSE(flex::parse_time_zone("+25:00", why));
}

// User trial: 2024-03-31T01:00:00+01:00 gave one error per row; across the change to summer time
// (+01:00 → +02:00) the series is regular in UTC.
TEST(flex_price_formats, OffsetsAreConvertedAndADstChangeIsRegularInUtc) {
  std::string e;
  const auto s = read(
      "time,price_eur_per_MWh\n2024-03-31T00:00:00+01:00,50\n2024-03-31T01:00:00+01:00,40\n"
      "2024-03-31T03:00:00+02:00,30\n2024-03-31T04:00+0200,20\n2024-03-31T03:00Z,10\n",
      e);
  ASSERT_TRUE(s) << e;
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-03-30T23:00Z");
  EXPECT_EQ(s->size(), 5u);
  EXPECT_DOUBLE_EQ(s->step_s, 3600.0);
  // A time_utc column with offsets is converted as well (the offset is explicit).
  const auto u = read("time_utc,price_eur_per_MWh\n2026-06-01T02:00+02:00,1\n2026-06-01T01:00+00:00,2\n", e);
  ASSERT_TRUE(u) << e;
  EXPECT_EQ(flex::format_utc_time(u->start_unix_s), "2026-06-01T00:00Z");
}

TEST(flex_price_formats, OffsetsThatMakeIrregularUtcStepsNameTheOffsetChange) {
  std::string e;
  EXPECT_FALSE(
      read("time,price_eur_per_MWh\n2024-06-01T00:00+02:00,1\n2024-06-01T01:00+02:00,2\n"
           "2024-06-01T02:00+01:00,3\n",
           e));
  EXPECT_NE(e.find("p.csv:4:1: error: 'flex.prices': gap: 1 row(s) missing between "
                   "2024-05-31T23:00Z (line 3) and "
                   "2024-06-01T01:00Z (step 60 min) (the UTC offset changes from +02:00 on line 3 "
                   "to +01:00: check "
                   "the offsets)"),
            std::string::npos)
      << e;
}

// User trial: zone-less times were read as UTC silently. Now one error, at the first such row.
TEST(flex_price_formats, ZonelessTimesWithoutADeclaredZoneAreOneError) {
  std::string e;
  std::size_t n = 0;
  EXPECT_FALSE(read("time,price_eur_per_MWh\n2024-06-05T00:00,1\n2024-06-05T01:00,2\n2024-06-05T02:00,3\n", e, {}, &n));
  EXPECT_EQ(n, 1u) << e;
  EXPECT_NE(e.find("p.csv:2:1: error: 'flex.prices': time '2024-06-05T00:00' has no UTC offset and "
                   "the series "
                   "declares no time zone (this row and 2 more): write each time with its offset "
                   "(2024-06-05T00:00+02:00) or in UTC (2024-06-04T22:00Z), name the first column "
                   "time_utc if the "
                   "times are UTC, or declare the zone with flex.price_time_zone"),
            std::string::npos)
      << e;
}

TEST(flex_price_formats, TheZoneComesFromTheHeaderOrTheCaseNotBoth) {
  std::string e;
  const std::string rows = "2024-06-05 00:00,1\n2024-06-05 01:00,2\n";
  const auto h = read("time [+01:00],price_eur_per_MWh\n" + rows, e);
  ASSERT_TRUE(h) << e;
  EXPECT_EQ(flex::format_utc_time(h->start_unix_s), "2024-06-04T23:00Z");
  const auto c = read("time,price_eur_per_MWh\n" + rows, e, zone("Europe/Berlin"));
  ASSERT_TRUE(c) << e;
  EXPECT_EQ(flex::format_utc_time(c->start_unix_s), "2024-06-04T22:00Z");  // summer time, +02:00
  EXPECT_FALSE(read("time_utc,price_eur_per_MWh\n" + rows, e, zone("+01:00")));
  EXPECT_NE(e.find("c.toml:4:17: error: 'flex.price_time_zone': '+01:00' contradicts the price "
                   "series' header, which "
                   "declares its times in UTC: remove flex.price_time_zone"),
            std::string::npos)
      << e;
  EXPECT_FALSE(read("time,price_eur_per_MWh\n" + rows, e, zone("Mars")));
  EXPECT_NE(e.find("c.toml:4:17: error: 'flex.price_time_zone': time zone 'Mars' is not known"), std::string::npos)
      << e;
  EXPECT_FALSE(read("zeit,price_eur_per_MWh\n" + rows, e));
  EXPECT_NE(e.find("p.csv:1:1: error: 'flex.prices': first column 'zeit': name it time_utc (UTC "
                   "times), time"),
            std::string::npos)
      << e;
}

TEST(flex_price_formats, LocalTimesInANamedZoneCrossSummerTimeBothWays) {
  std::string e;
  // Autumn: the hour 02:00-03:00 comes twice, first in summer time.
  const auto fall = read(
      "time,price_eur_per_MWh\n2024-10-27 01:00,1\n2024-10-27 02:00,2\n2024-10-27 02:00,3\n"
      "2024-10-27 03:00,4\n",
      e, zone("Europe/Berlin"));
  ASSERT_TRUE(fall) << e;
  EXPECT_EQ(fall->size(), 4u);
  EXPECT_EQ(flex::format_utc_time(fall->start_unix_s), "2024-10-26T23:00Z");
  // Spring: 02:00-03:00 does not exist; one more 02:00 in autumn is a duplicate.
  EXPECT_FALSE(
      read("time,price_eur_per_MWh\n2024-03-31 01:00,1\n2024-03-31 02:00,2\n2024-03-31 03:00,3\n", e, zone("CET")));
  EXPECT_NE(e.find("p.csv:3:1: error: 'flex.prices': local time '2024-03-31 02:00' does not exist "
                   "in CET: the clocks "
                   "skip an hour when summer time begins (2024-03-31T01:00Z)"),
            std::string::npos)
      << e;
  EXPECT_FALSE(
      read("time,price_eur_per_MWh\n2024-10-27 02:00,1\n2024-10-27 02:00,2\n2024-10-27 02:00,3\n", e, zone("CET")));
  EXPECT_NE(e.find("p.csv:4:1: error: 'flex.prices': duplicate time 2024-10-27T01:00Z (also on line 3)"),
            std::string::npos)
      << e;
  EXPECT_FALSE(read("time,price_eur_per_MWh\n1995-06-01 00:00,1\n1995-06-01 01:00,2\n", e, zone("CET")));
  EXPECT_NE(e.find("time '1995-06-01 00:00' (2 row(s)) is before 1996, the first year of the EU "
                   "summer-time rule CET"),
            std::string::npos)
      << e;
}

// Local times with summer time declared as a fixed offset: the skipped hour is a gap, the repeated
// hour a duplicate, each with the hint to name the zone.
TEST(flex_price_formats, AFixedOffsetForLocalTimesWithSummerTimeIsAGapOrADuplicate) {
  std::string e;
  EXPECT_FALSE(
      read("time,price_eur_per_MWh\n2024-03-31 00:00,1\n2024-03-31 01:00,2\n2024-03-31 03:00,3\n", e, zone("+01:00")));
  EXPECT_NE(e.find("p.csv:4:1: error: 'flex.prices': gap: 1 row(s) missing between "
                   "2024-03-31T00:00Z (line 3) and "
                   "2024-03-31T02:00Z (step 60 min) (EU summer time begins at 2024-03-31T01:00Z: "
                   "the times look like "
                   "local time with summer time, which a fixed offset (+01:00) does not follow; "
                   "declare the zone by "
                   "name, e.g. flex.price_time_zone = \"Europe/Berlin\""),
            std::string::npos)
      << e;
  EXPECT_FALSE(
      read("time,price_eur_per_MWh\n2024-10-27 01:00,1\n2024-10-27 02:00,2\n2024-10-27 02:00,3\n"
           "2024-10-27 03:00,4\n",
           e, zone("+01:00")));
  EXPECT_NE(e.find("p.csv:4:1: error: 'flex.prices': duplicate time 2024-10-27T01:00Z (also on "
                   "line 3) (EU summer "
                   "time ends at 2024-10-27T01:00Z"),
            std::string::npos)
      << e;
}

TEST(flex_price_formats, PriceUnitsComeFromTheHeaderAndAreConverted) {
  std::string e;
  const std::string rows = "2026-06-01T00:00Z,7.5\n2026-06-01T01:00Z,-1\n";
  for (const char* h : {"price_ct_per_kWh", "price [ct/kWh]", "ct/kWh"}) {
    const auto s = read(std::string("time_utc,") + h + "\n" + rows, e);
    ASSERT_TRUE(s) << h << e;
    EXPECT_NEAR(s->price_eur_per_J[0] * kJPerMWh, 75.0, 1e-9) << h;
  }
  for (const char* h : {"price_EUR_per_kWh", "EUR/kWh", "price (€/kWh)"}) {
    const auto s = read(std::string("time_utc,") + h + "\n" + rows, e);
    ASSERT_TRUE(s) << h << e;
    EXPECT_NEAR(s->price_eur_per_J[1] * kJPerMWh, -1000.0, 1e-9) << h;
  }
  flex::PriceReadOptions usd;
  usd.eur_per_unit = 0.9239;
  const auto s = read("time_utc,price_usd_per_MWh\n" + rows, e, usd);
  ASSERT_TRUE(s) << e;
  EXPECT_NEAR(s->price_eur_per_J[0] * kJPerMWh, 7.5 * 0.9239, 1e-9);
}

TEST(flex_price_formats, UnknownUnitsAndMissingOrNeedlessExchangeRatesAreErrors) {
  std::string e;
  EXPECT_FALSE(read("time_utc,price_eur_per_GJ\n2026-06-01T00:00Z,1\n", e));
  EXPECT_NE(e.find("p.csv:1:10: error: 'flex.prices': second column 'price_eur_per_GJ': name the "
                   "price's unit, one of "
                   "EUR/MWh, EUR/kWh, ct/kWh (euro cents), or USD, GBP"),
            std::string::npos)
      << e;
  EXPECT_FALSE(read("time_utc,price\n2026-06-01T00:00Z,1\n", e));
  EXPECT_NE(e.find("second column 'price': name the price's unit"), std::string::npos) << e;
  EXPECT_FALSE(read("time_utc,price_usd_per_MWh\n2026-06-01T00:00Z,1\n2026-06-01T01:00Z,1\n", e));
  EXPECT_NE(e.find("p.csv:1:10: error: 'flex.prices': prices in USD/MWh: the flex case computes in "
                   "EUR; give "
                   "flex.price_exchange_rate, EUR per USD"),
            std::string::npos)
      << e;
  flex::PriceReadOptions rate;
  rate.eur_per_unit = 0.9;
  rate.exchange_rate_where = {"c.toml", 6, 27};
  EXPECT_FALSE(read("time_utc,price_ct_per_kWh\n2026-06-01T00:00Z,1\n2026-06-01T01:00Z,1\n", e, rate));
  EXPECT_NE(e.find("c.toml:6:27: error: 'flex.price_exchange_rate': is given, but the prices are "
                   "in EUR (ct/kWh): "
                   "remove flex.price_exchange_rate"),
            std::string::npos)
      << e;
}

TEST(flex_price_formats, SemicolonsAllowDecimalCommasButNotAmbiguousThousands) {
  std::string e;
  const auto s = read(
      "time_utc;price_eur_per_MWh\n2026-06-01T00:00Z;45,5\n2026-06-01T01:00Z;1.012,25\n"
      "2026-06-01T02:00Z;-3.5\n",
      e);
  ASSERT_TRUE(s) << e;
  EXPECT_NEAR(s->price_eur_per_J[0] * kJPerMWh, 45.5, 1e-9);
  EXPECT_NEAR(s->price_eur_per_J[1] * kJPerMWh, 1012.25, 1e-9);
  EXPECT_NEAR(s->price_eur_per_J[2] * kJPerMWh, -3.5, 1e-9);
  EXPECT_FALSE(read("time_utc;price_eur_per_MWh\n2026-06-01T00:00Z;1.234\n2026-06-01T01:00Z;1\n", e));
  EXPECT_NE(e.find("p.csv:2:19: error: 'flex.prices': price '1.234' is not a number in EUR/MWh (allowed: "
                   "any finite "
                   "number, negative prices included); with ';' between columns the decimal mark is ','"),
            std::string::npos)
      << e;
}

TEST(flex_price_formats, SmardDownloadNeedsItsAreaAndIsGermanLocalTime) {
  const std::string path = fixture("smard-de-lu-2024-03-31-hourly.csv");
  core::Diagnostics d1;
  EXPECT_FALSE(flex::read_price_csv(path, d1));
  EXPECT_NE(d1.to_string().find(":1:1: error: this SMARD export holds 2 price columns (Deutschland/Luxemburg, "
                                "Österreich): choose one with flex.price_area"),
            std::string::npos)
      << d1.to_string();
  flex::PriceReadOptions o;
  o.area = "Deutschland/Luxemburg";
  // Without flex.price_time_zone a SMARD export is read in German local time, as SMARD publishes
  // it, with a note that says so (user trial T7-19: it was refused with a message naming the
  // answer; a note since audit 19: that is how SMARD publishes, nothing to act on).
  core::Diagnostics d2;
  const auto local = flex::read_price_csv(path, d2, "flex.prices", {}, o);
  ASSERT_TRUE(local) << d2.to_string();
  EXPECT_EQ(d2.error_count(), 0u);
  EXPECT_EQ(local->size(), 23u);
  EXPECT_EQ(flex::format_utc_time(local->start_unix_s), "2024-03-30T23:00Z");
  EXPECT_TRUE(d2.items().empty()) << d2.to_string();
  ASSERT_EQ(local->notes.size(), 1u);
  EXPECT_NE(local->notes[0].find(
                "smard-de-lu-2024-03-31-hourly.csv:1:1: note: 'flex.prices': a SMARD export: "
                "its times are read as German local time (Europe/Berlin, with summer time)"),
            std::string::npos)
      << local->notes[0];
  // An explicit flex.price_time_zone wins: in UTC the hour summer time skips (02:00) is a gap, and
  // there is no SMARD note.
  o.time_zone = "UTC";
  core::Diagnostics d_utc;
  EXPECT_FALSE(flex::read_price_csv(path, d_utc, "flex.prices", {}, o));
  EXPECT_NE(d_utc.to_string().find("gap: 1 row(s) missing between 2024-03-31T01:00Z (line 3) and 2024-03-31T03:00Z"),
            std::string::npos)
      << d_utc.to_string();
  EXPECT_EQ(d_utc.to_string().find("SMARD export"), std::string::npos) << d_utc.to_string();
  o.time_zone = "Europe/Berlin";
  core::Diagnostics d3;
  const auto s = flex::read_price_csv(path, d3, "", {}, o);
  ASSERT_TRUE(s) << d3.to_string();
  EXPECT_EQ(s->size(), 23u);  // the day summer time begins has 23 hours
  EXPECT_DOUBLE_EQ(s->step_s, 3600.0);
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-03-30T23:00Z");
  EXPECT_NEAR(s->price_eur_per_J[12] * kJPerMWh, -5.13, 1e-9);  // 13:00 local, the 13th row
  o.area = "Österreich";
  core::Diagnostics d4;
  const auto at = flex::read_price_csv(path, d4, "", {}, o);
  ASSERT_TRUE(at) << d4.to_string();
  EXPECT_NEAR(at->price_eur_per_J[0] * kJPerMWh, 70.01, 1e-9);
}

TEST(flex_price_formats, SmardOlderLayoutAcrossTheEndOfSummerTime) {
  flex::PriceReadOptions o;
  o.time_zone = "Europe/Berlin";
  core::Diagnostics d;
  const auto s = flex::read_price_csv(fixture("smard-de-lu-2024-10-27-older-layout.csv"), d, "", {}, o);
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_EQ(s->size(), 25u);  // the day summer time ends has 25 hours
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-10-26T22:00Z");
  EXPECT_NEAR(s->price_eur_per_J[17] * kJPerMWh, 1012.5, 1e-9);  // "1.012,50"
}

// A SMARD download of the day summer time ends without flex.price_time_zone (T7-19): read in
// Europe/Berlin by default, the two rows of 02:00 are 00:00Z and 01:00Z.
TEST(flex_price_formats, SmardEndOfSummerTimeIsReadInBerlinByDefault) {
  core::Diagnostics d;
  const auto s = flex::read_price_csv(fixture("smard-de-lu-2024-10-27-older-layout.csv"), d);
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(s->size(), 25u);
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-10-26T22:00Z");
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s + 2 * 3600), "2024-10-27T00:00Z");
  EXPECT_NEAR(s->price_eur_per_J[2] * kJPerMWh, 70.30, 1e-9);  // the first 02:00 (summer time, +02:00)
  EXPECT_NEAR(s->price_eur_per_J[3] * kJPerMWh, 68.90, 1e-9);  // the second 02:00 (winter time, +01:00)
  ASSERT_EQ(s->notes.size(), 1u);
  EXPECT_NE(s->notes[0].find("a SMARD export: its times are read as German local time"),
            std::string::npos);
}

// A CSV saved by Excel on a German Windows PC is Windows-1252 ("€" is byte 0x80): read as such, with
// a warning at the byte (user trial T7-37: "second column 'price [\ufffd/MWh]': name the price's unit").
TEST(flex_price_formats, WindowsCodePageFileIsReadWithAWarning) {
  const std::string path = fixture("excel-cp1252-2024-01-17-hourly.csv");
  core::Diagnostics d;
  const auto s = flex::read_price_csv(path, d, "flex.prices");
  ASSERT_TRUE(s) << d.to_string();
  EXPECT_EQ(s->size(), 24u);
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-01-16T23:00Z");  // 00:00 in Berlin, winter time
  EXPECT_NEAR(s->price_eur_per_J[0] * kJPerMWh, 72.10, 1e-9);
  EXPECT_NEAR(s->price_eur_per_J[23] * kJPerMWh, 1600.0, 1e-9);  // "1.600,00"
  EXPECT_NE(d.to_string().find("excel-cp1252-2024-01-17-hourly.csv:1:29: warning: 'flex.prices': the file is not "
                               "UTF-8 (byte 0x80 here): read as Windows-1252, as Excel saves CSV on a Windows PC "
                               "(0x80 is €); save it as UTF-8"),
            std::string::npos)
      << d.to_string();
  // UTF-8 text is passed as it is, without a warning.
  core::Diagnostics d_utf8;
  EXPECT_EQ(flex::price_text_as_utf8("time_utc;price [€/MWh]\n", "p.csv", "", d_utf8), "time_utc;price [€/MWh]\n");
  EXPECT_EQ(d_utf8.to_string(), "");
  core::Diagnostics d_bytes;
  EXPECT_EQ(flex::price_text_as_utf8("a\n\x93q\x94 \xe4\n", "p.csv", "", d_bytes), "a\n\u201cq\u201d \u00e4\n");
  EXPECT_NE(d_bytes.to_string().find("p.csv:2:1: warning"), std::string::npos) << d_bytes.to_string();
}

// flex.price_area in any case (user trial T6-16): dk1 chooses the rows of DK1, as DK1 does; a SMARD
// column's area likewise.
TEST(flex_price_formats, PriceAreaIsCaseInsensitive) {
  const std::string path = fixture("energidataservice-elspotprices-2024-10-27.csv");
  flex::PriceReadOptions upper, lower;
  upper.area = "DK1";
  lower.area = "dk1";
  core::Diagnostics d1, d2;
  const auto a = flex::read_price_csv(path, d1, "", {}, upper);
  const auto b = flex::read_price_csv(path, d2, "", {}, lower);
  ASSERT_TRUE(a) << d1.to_string();
  ASSERT_TRUE(b) << d2.to_string();
  EXPECT_EQ(a->price_eur_per_J, b->price_eur_per_J);
  EXPECT_EQ(a->start_unix_s, b->start_unix_s);
  flex::PriceReadOptions smard;
  smard.area = "deutschland/luxemburg";
  smard.time_zone = "Europe/Berlin";
  core::Diagnostics d3;
  EXPECT_TRUE(
      flex::read_price_csv(fixture("smard-de-lu-2024-10-27-older-layout.csv"), d3, "", {}, smard))
      << d3.to_string();
}

TEST(flex_price_formats, EnergiDataServiceDownloadsAreReadInUtcForOneArea) {
  const std::string path = fixture("energidataservice-elspotprices-2024-10-27.csv");
  core::Diagnostics d1;
  EXPECT_FALSE(flex::read_price_csv(path, d1));
  EXPECT_NE(d1.to_string().find("error: the file holds 2 price areas (DK2, DK1): choose one with flex.price_area"),
            std::string::npos)
      << d1.to_string();
  flex::PriceReadOptions o;
  o.area = "DK1";
  core::Diagnostics d2;
  const auto s = flex::read_price_csv(path, d2, "", {}, o);
  ASSERT_TRUE(s) << d2.to_string();
  EXPECT_EQ(s->size(), 6u);  // newest first in the file, read in rising order
  EXPECT_EQ(flex::format_utc_time(s->start_unix_s), "2024-10-26T22:00Z");
  EXPECT_NEAR(s->price_eur_per_J[0] * kJPerMWh, 60.0, 1e-9);  // SpotPriceEUR, not SpotPriceDKK
  EXPECT_NEAR(s->price_eur_per_J[3] * kJPerMWh, 60.0 + 10.5 - 10, 1e-9);
  o.area = "SE3";
  o.area_where = {"c.toml", 5, 14};
  core::Diagnostics d3;
  EXPECT_FALSE(flex::read_price_csv(path, d3, "", {}, o));
  EXPECT_NE(d3.to_string().find("c.toml:5:14: error: 'flex.price_area': no row of price area 'SE3'"), std::string::npos)
      << d3.to_string();
  core::Diagnostics d4;
  const auto q = flex::read_price_csv(fixture("energidataservice-dayaheadprices-15min.csv"), d4);
  ASSERT_TRUE(q) << d4.to_string();
  EXPECT_DOUBLE_EQ(q->step_s, 900.0);
  EXPECT_EQ(q->size(), 8u);
  EXPECT_NEAR(q->price_eur_per_J[1] * kJPerMWh, 37.75, 1e-9);
}

}  // namespace
}  // namespace test_flex_price_formats
