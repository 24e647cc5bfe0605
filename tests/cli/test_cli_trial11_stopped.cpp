// User trial 11 (2026-12-06), T11-11, asserted as fixed end to end: a run stopped by a physical
// guard (summary "complete": false with stop_reason) is drawn by `potline report` with a banner and
// compared by `potline compare` with its stop stated.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial11_stopped {
namespace {

// T11-11. Before: "the manifest says 'potline simulate' but the summary is not one of its
// summaries" (exit 2) from both report and compare.
TEST(CliTrial11Stopped, RunStoppedByAGuardIsReportedAndCompared) {
  TempDir dir;
  const auto stopped = dir.path() / "o8";
  const auto finished = dir.path() / "o3";
  const auto r = potline({"simulate", example("outage-3h.toml"), "--set", "potline.outage_duration=8 h", "-q", "--out",
                          stopped.string()});
  ASSERT_EQ(r.exit_code, 1) << r.describe();
  const Json summary = parse_json(read_file(stopped / "summary.json"));
  ASSERT_EQ(summary.at("stop_reason"), "bath_frozen");
  const std::string stop = fmt::format("stopped at {:.2f} h: bath frozen (cell 0)", summary.at("stop_time_h").get<double>());

  const auto report = potline({"report", stopped.string()});
  ASSERT_EQ(report.exit_code, 0) << report.describe();
  const std::string html = read_report(stopped / "report.html");
  expect_in(html, "<strong>S" + stop.substr(1) + ".</strong>");
  expect_in(html, "the time series and events run to the last row written");
  expect_in(html, "1 cell(s), " + stop + ", seed");  // the time-series chart's subtitle

  ASSERT_EQ(potline({"simulate", example("outage-3h.toml"), "-q", "--out", finished.string()}).exit_code, 0);
  const auto compare = potline({"compare", stopped.string(), finished.string()});
  ASSERT_EQ(compare.exit_code, 0) << compare.describe();
  expect_in(compare.out, "    " + stop + ": it did not finish, so its summary holds only the stop fields");
  const auto json = potline({"compare", stopped.string(), finished.string(), "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const Json runs = parse_json(json.out).at("runs");
  EXPECT_EQ(runs.at(0).at("stopped"), stop);
  EXPECT_TRUE(runs.at(1).at("stopped").is_null());
}

}  // namespace
}  // namespace test_cli_trial11_stopped
}  // namespace potline_cli_test
