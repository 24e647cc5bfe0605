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

// Docs audit DA19-21 and user trial T19-17: a stopped run's summary keeps the case's warnings and the
// run's up to the stop, as a complete run's, and the note that its last hours extrapolated the
// liquidus correlation (on stderr too); its manifest lists the emission data it read (DA19-37).
TEST(CliTrial11Stopped, StoppedSummaryKeepsTheWarningsAndTheLiquidusNote) {
  TempDir dir;
  const auto out = dir.path() / "o8";
  const auto r = potline({"simulate", example("outage-3h.toml"), "--set", "potline.outage_duration=8 h", "--set",
                          "operation.bath_temperature=960 degC", "-q", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 1) << r.describe();
  const Json summary = parse_json(read_file(out / "summary.json"));
  const auto warnings = summary.at("warnings").get<std::vector<std::string>>();
  ASSERT_EQ(warnings.size(), 2u) << summary.dump(1);
  expect_in(warnings[0], "--set #2: warning: 'operation.bath_temperature': 960.0 °C is not used");
  expect_in(warnings[1], "cell 0 at 29.77 h (1.241 d): bath frozen");
  const auto notes = summary.at("notes").get<std::vector<std::string>>();
  ASSERT_EQ(notes.size(), 1u) << summary.dump(1);
  expect_in(notes[0], "the bath left the validity range of the liquidus correlation [Solheim 1996]");
  expect_in(notes[0], "max excess AlF3 24.3 wt%, bath down to 843.0 °C");
  expect_in(r.err, "note: the bath left the validity range of the liquidus correlation");
  const Json& range = summary.at("liquidus_out_of_range");
  EXPECT_EQ(range.at("cells"), 1);
  EXPECT_NEAR(range.at("max_alf3_excess_wt").get<double>(), 24.27, 0.01);
  const Json manifest = parse_json(read_file(out / "manifest.json"));
  std::vector<std::string> inputs;
  for (const Json& f : manifest.at("inputs")) inputs.push_back(f.at("path"));
  ASSERT_EQ(inputs.size(), 5u);
  expect_in(inputs[2], "data/emissions/ipcc-aluminium.toml");
}

}  // namespace
}  // namespace test_cli_trial11_stopped
}  // namespace potline_cli_test
