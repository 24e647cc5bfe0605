// potline flex with price series as an energy manager gets them (issue 13, "Prices" and "Bad input";
// user trial: offsets were one error per row, zone-less times were read as UTC silently): a SMARD
// download in German local time with its zone and area given on the command line, times with UTC
// offsets across the change to summer time, and the errors for what stays ambiguous.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_prices_cli {
namespace {

std::string fixture(const std::string& name) {
  return (source_dir() / "tests" / "fixtures" / "prices" / name).string();
}

TEST(FlexPricesCli, SmardDownloadRunsWithItsZoneAndArea) {
  TempDir dir;
  const RunResult r =
      potline({"flex", example("flex-day.toml"), "--prices", fixture("smard-de-lu-2024-03-31-hourly.csv"), "--set",
               "flex.price_area=Deutschland/Luxemburg", "--set", "flex.price_time_zone=Europe/Berlin", "--set",
               "flex.horizon=23 h", "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  EXPECT_EQ(j["start_utc"], "2024-03-30T23:00Z");  // 00:00 in Berlin (winter time, +01:00)
  EXPECT_EQ(j["horizon_h"], 23.0);
  const auto rows = lines_of(read_file(dir.path() / "run" / "schedule.csv"));
  ASSERT_GE(rows.size(), 24u);
  // 03:00 in Berlin on the day summer time begins is 01:00 UTC, the row after 00:00 UTC.
  EXPECT_EQ(csv_cells(rows[2])[0], "2024-03-31T00:00Z");
  EXPECT_EQ(csv_cells(rows[3])[0], "2024-03-31T01:00Z");
  EXPECT_EQ(csv_cells(rows[3])[1], "55.02");
}

// A SMARD download without flex.price_time_zone is read in German local time, with a note that says
// so (T7-19; a note since audit 19, also in the summary's notes); an Excel file in Windows-1252 is
// read with a warning (T7-37).
TEST(FlexPricesCli, SmardIsGermanLocalTimeWithANoteAndWindowsCodePageIsReadWithAWarning) {
  const RunResult smard =
      potline({"flex", example("flex-day.toml"), "--prices", fixture("smard-de-lu-2024-03-31-hourly.csv"), "--set",
               "flex.price_area=Deutschland/Luxemburg", "--set", "flex.horizon=23 h", "--json"});
  ASSERT_EQ(smard.exit_code, 0) << smard.describe();
  EXPECT_EQ(parse_json(smard.out)["start_utc"], "2024-03-30T23:00Z");
  expect_in(smard.err,
            "smard-de-lu-2024-03-31-hourly.csv:1:1: note: 'flex.prices': a SMARD export: its times "
            "are read as German local time (Europe/Berlin, with summer time)");
  EXPECT_EQ(smard.err.find("warning: 'flex.prices': a SMARD export"), std::string::npos)
      << smard.err;
  const Json notes = parse_json(smard.out)["notes"];
  ASSERT_FALSE(notes.empty());
  expect_in(notes[0].get<std::string>(), "note: 'flex.prices': a SMARD export");
  const RunResult excel =
      potline({"flex", example("flex-day.toml"), "--prices", fixture("excel-cp1252-2024-01-17-hourly.csv"), "--json"});
  ASSERT_EQ(excel.exit_code, 0) << excel.describe();
  EXPECT_EQ(parse_json(excel.out)["start_utc"], "2024-01-16T23:00Z");
  expect_in(excel.err, "excel-cp1252-2024-01-17-hourly.csv:1:29: warning: 'flex.prices': the file is not UTF-8 "
                       "(byte 0x80 here): read as Windows-1252");
}

TEST(FlexPricesCli, OffsetsAcrossTheChangeToSummerTimeAreRead) {
  TempDir dir;
  std::string text = "time,price [ct/kWh]\n";
  for (int h = 0; h < 24; ++h) {
    const int local = h < 2 ? h : h + 1;  // 02:00 does not exist on 2024-03-31 in Berlin
    if (local > 23) break;
    text += fmt::format("2024-03-31T{:02d}:00:00{},{}\n", local, local < 2 ? "+01:00" : "+02:00", 5 + h % 5);
  }
  const std::string prices = dir.write("p.csv", text);
  const RunResult r =
      potline({"flex", example("flex-day.toml"), "--prices", prices, "--set", "flex.horizon=22 h", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out)["start_utc"], "2024-03-30T23:00Z");
}

TEST(FlexPricesCli, AmbiguousTimesAndUnknownZonesOrUnitsExitTwoOnce) {
  TempDir dir;
  const RunResult zone = potline({"flex", example("flex-day.toml"), "--set", "flex.price_time_zone=Mars/Olympus"});
  EXPECT_EQ(zone.exit_code, 2) << zone.describe();
  expect_in(zone.err, "--set #1: error: 'flex.price_time_zone': time zone 'Mars/Olympus' is not known: give UTC");
  const std::string gj = dir.write("gj.csv", "time_utc,price_eur_per_GJ\n2026-06-01T00:00Z,1\n");
  const RunResult unit = potline({"flex", example("flex-day.toml"), "--prices", gj});
  EXPECT_EQ(unit.exit_code, 2) << unit.describe();
  expect_in(unit.err,
            "gj.csv:1:10: error: 'flex.prices': second column 'price_eur_per_GJ': name the price's unit, "
            "one of EUR/MWh, EUR/kWh, ct/kWh");
}

}  // namespace
}  // namespace test_flex_prices_cli
}  // namespace potline_cli_test
