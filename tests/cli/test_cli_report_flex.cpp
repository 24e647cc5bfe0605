// `potline report` and `potline compare` on run folders of `potline flex` end to end: the page of
// the one-day example draws the schedule against the price and the heat state with its limits, the
// week example with --envelope adds the operating envelope, and two flex runs compare like any two
// runs of one command; `potline flex --report` and `--vary` on flex. The browser test
// (tests/browser) checks that the charts render.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_report_flex {
namespace {

TEST(CliReportFlex, DayExampleDrawsScheduleAndHeatStateWithoutEnvelope) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "day").string();
  ASSERT_EQ(potline({"flex", example("flex-day.toml"), "--out", dir}).exit_code, 0);
  const RunResult r = potline({"report", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out, "report written to " + dir + "/report.html (1 run, 2 charts)\n");
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  for (const char* text : {"1. potline flex: 300 x AP40 potline, one day of power flexibility", "Power schedule against the price",
                           "Heat state of the optimised schedule with its limits", "limit ledge_max (case)",
                           "Not drawn: operating envelope: not scanned in this run", "Value of flexibility against the flat schedule",
                           "round_trip_efficiency", "Solver and dynamic check", "COIN-OR CBC", "Re-simulation rounds"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  // Price, and the optimised and flat power, each planned and delivered (the dynamic model's cells).
  EXPECT_NE(html.find("data-expected-marks=\"5\""), std::string::npos);
  for (const char* text : {"optimised, delivered (dynamic model)", "flat, delivered (dynamic model)",
                           "Value against the flat schedule: planned (reduced model) and delivered", "Optimised, delivered",
                           "delivered (both schedules in the dynamic model): margin +"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  EXPECT_NE(html.find("data-expected-marks=\"4\""), std::string::npos);  // ledge and superheat of both models
  EXPECT_FALSE(has_nonfinite_word(html.substr(html.find("id=\"potline-charts\""))));
}

TEST(CliReportFlex, WeekExampleWithEnvelopeAndComparisonOfTwoRuns) {
  TempDir tmp;
  const std::string week = (tmp.path() / "week").string();
  ASSERT_EQ(potline({"flex", example("flex-week-heat-exchangers.toml"), "--envelope", "--out", week}).exit_code, 0);
  const RunResult r = potline({"report", week});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out, "report written to " + week + "/report.html (1 run, 3 charts)\n");
  const std::string html = read_report(std::filesystem::path(week) / "report.html");
  EXPECT_NE(html.find("Operating envelope: how long each constant power holds within the limits"), std::string::npos);
  EXPECT_NE(html.find("data-expected-marks=\"10\""), std::string::npos);  // 5 levels, with and without exchangers
  EXPECT_NE(html.find("Operating envelope (envelope.csv)"), std::string::npos);
  // Two flex runs: the comparison table and compare's text.
  const std::string narrow = (tmp.path() / "narrow").string();
  ASSERT_EQ(potline({"flex", example("flex-week-heat-exchangers.toml"), "--set", "flex.max_power=110 %", "--out", narrow}).exit_code, 0);
  const RunResult page = potline({"report", week, narrow, "--out", (tmp.path() / "both.html").string()});
  ASSERT_EQ(page.exit_code, 0) << page.describe();
  EXPECT_NE(read_report(tmp.path() / "both.html").find("Comparison of 2 runs of potline flex"), std::string::npos);
  const RunResult compare = potline({"compare", week, narrow});
  ASSERT_EQ(compare.exit_code, 0) << compare.describe();
  EXPECT_NE(compare.out.find("value.savings_eur"), std::string::npos) << compare.out;
}

TEST(CliReportFlex, ReportFlagAndVaryOnFlex) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "day").string();
  const RunResult r = potline({"flex", example("flex-day.toml"), "--out", dir, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  results written to " + dir + "/\n  report written to " + dir + "/report.html (1 run, 2 charts)\n"),
            std::string::npos)
      << r.out;
  // --vary: one flex run per value; each row equals the single run with that --set.
  const RunResult v = potline({"flex", example("flex-day.toml"), "--vary", "flex.max_power=103:105:2 %", "--json"});
  ASSERT_EQ(v.exit_code, 0) << v.describe();
  const Json table = parse_json(v.out);
  ASSERT_EQ(table.at("rows").size(), 2u);
  EXPECT_EQ(table.at("outputs")[0], "value.savings_eur");
  const Json single = parse_json(potline({"flex", example("flex-day.toml"), "--set", "flex.max_power=105 %", "--json"}).out);
  EXPECT_EQ(table["rows"][1]["value"], "105 %");
  EXPECT_EQ(table["rows"][1]["outputs"]["value.savings_eur"], single["value"]["savings_eur"]);
  EXPECT_LT(table["rows"][0]["outputs"]["value.savings_eur"].get<double>(), single["value"]["savings_eur"].get<double>());
  const RunResult bad = potline({"flex", example("flex-day.toml"), "--vary", "flex.max_powerr=103:105:2 %"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--vary #1: error: 'flex.max_powerr': unknown key"), std::string::npos) << bad.err;
  EXPECT_EQ(potline({"flex", example("flex-day.toml"), "--report"}).exit_code, 2);  // --report needs --out
}

}  // namespace
}  // namespace test_cli_report_flex
}  // namespace potline_cli_test
