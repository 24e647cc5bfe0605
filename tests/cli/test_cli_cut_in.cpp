// `potline simulate` end to end with a cell cut in again after its repair (potline.cut_in), the
// ledge melt-out guard (potline.on_ledge_melt_out) and the per-cell disturbances
// (disturbance.anode_problem_*, cover_loss_*); docs/model/dynamics.md §6 and §7; docs/cli.md.
// examples/potline-cut-in.toml: cell 4 freezes at 32.54 h, is shorted at 33.54 h and cut in again
// 24 h later. examples/potline-cell-upsets.toml: an anode out and a lost cover on cells 1 and 4.
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_cut_in {

TEST(CliCutIn, RepairedCellIsCutInAgainAndEveryOutputSaysSo) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline(
      {"simulate", example("potline-cut-in.toml"), "-q", "--out", run.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "cell 4 cut out of the line (potline.on_frozen_cell = \"cut_out\"");
  expect_in(r.err,
            "note: cell 4 cut in again at 57.54 h after its repair (potline.cut_in = \"restart\", "
            "repair_time 24 h");
  expect_in(r.err, "the line runs with 6 of 6 cell(s)");
  expect_in(r.out, "cut in again at 57.54 h after its repair, restarted");
  expect_in(read_report(run / "report.html"), "Cut in [h]");
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(s.at("cells_in_line").get<int>(), 6);
  EXPECT_EQ(s.at("cut_ins").get<int>(), 1);
  EXPECT_GT(s.at("cut_in_heat_MWh").get<double>(), 0.0);
  const Json& cut = s.at("cut_out_cells");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_NEAR(cut[0].at("cut_in_h").get<double>() - cut[0].at("shorted_h").get<double>(), 24.0,
              0.01);
  expect_all_finite(s);
  const auto csv = lines_of(read_file(run / "cut_out_cells.csv"));
  ASSERT_EQ(csv.size(), 2u);
  expect_in(csv[0], ",Cell voltage [V],Cut in [h]");
  expect_in(csv[1], ",57.5");  // 57.7 h from the feed cycle's centring to the trigger at the line current (2026-12-06)
  expect_in(read_file(run / "events.csv"), ",4,cell_cut_in,");
  // never: the cell stays out; its cut-in column is empty and the JSON value null.
  const auto never = potline({"simulate", example("potline-cut-in.toml"), "-q", "--json", "--set",
                              "potline.cut_in=never"});
  ASSERT_EQ(never.exit_code, 0) << never.describe();
  const Json n = parse_json(never.out);
  EXPECT_EQ(n.at("cells_in_line").get<int>(), 5);
  EXPECT_TRUE(n.at("cut_out_cells").at(0).at("cut_in_h").is_null());
}

TEST(CliCutIn, LedgeMeltOutWarnsCutsOutOrStops) {
  const std::vector<std::string> hot = {
      "--set", "control.target_voltage=5.2", "--set", "potline.current_steps=0 h 1.0",
      "--set", "run.duration=6 h",           "-q"};
  std::vector<std::string> args = {"simulate", example("potline-cut-out.toml"), "--json"};
  args.insert(args.end(), hot.begin(), hot.end());
  const auto warn = potline(args);
  ASSERT_EQ(warn.exit_code, 0) << warn.describe();
  const Json w = parse_json(warn.out);
  EXPECT_GE(w.at("ledge_melt_outs").get<int>(), 4);
  EXPECT_GT(w.at("ledge_bare_cell_hours").get<double>(), 0.0);
  args.push_back("--set");
  args.push_back("potline.on_ledge_melt_out=stop");
  const auto stop = potline(args);
  EXPECT_EQ(stop.exit_code, 1) << stop.describe();
  expect_in(stop.err, "cell 2 at 4.15");  // 4.22 h before the feed cycle was centred (2026-12-06)
  expect_in(stop.err, "ledge melted out: the side ledge is down to the model's floor of 0.2 cm");
  expect_in(stop.err, "potline.on_ledge_melt_out = \"stop\"");
  const auto bad = potline({"simulate", example("potline-cut-out.toml"), "-q", "--set",
                            "potline.on_ledge_melt_out=ignore"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "potline.on_ledge_melt_out");
}

TEST(CliCellUpsets, AnodeProblemAndCoverLossOnNamedCells) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("potline-cell-upsets.toml"), "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // Each disturbance has its event window, on its two cells (user trial T17-11: none was reported).
  expect_in(r.out, "  anode_problem 12.0–36.0 h on 2 cell(s): bath ");
  expect_in(r.out, "  cover_loss 48.0–60.0 h on 2 cell(s): bath ");
  const Json windows = parse_json(read_file(run / "summary.json")).at("event_windows");
  ASSERT_EQ(windows.size(), 2u) << windows.dump();
  EXPECT_EQ(windows[0].at("kind"), "anode_problem");
  EXPECT_EQ(windows[1].at("kind"), "cover_loss");
  for (const Json& w : windows) {
    EXPECT_EQ(w.at("cells").get<int>(), 2);
    EXPECT_LT(w.at("min_ledge_cm").get<double>(), w.at("max_ledge_cm").get<double>());
    EXPECT_TRUE(w.contains("recovery_h") && w.contains("ae_during"));
  }
  const std::string events = read_file(run / "events.csv");
  expect_in(events, "12.00138889,1,anode_problem,1,anodes");
  expect_in(events, "36.00138889,4,anode_problem,0,anodes");
  expect_in(events, "48.00138889,4,cover_loss,1.5,1");
  expect_in(events, "60.00138889,1,cover_loss,0,1");
  EXPECT_EQ(events.find(",0,cover_loss,"), std::string::npos);  // cell 0 is not named
}

TEST(CliCellUpsets, InputErrorsNameTheKey) {
  const auto r =
      potline({"simulate", example("potline-cell-upsets.toml"), "-q", "--set",
               "disturbance.anode_problem_duration=0", "--set", "disturbance.anodes_out=200"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "'disturbance.anode_problem_duration': 0 h: disturbance.anode_problem_start needs a "
            "positive duration");
  expect_in(r.err, "'disturbance.anodes_out': 200: as many anodes out as the cell has, or more: at least one must "
                   "carry the current; the other: design.anode_count = ");
  const auto range = potline({"simulate", example("potline-cell-upsets.toml"), "-q", "--set",
                              "disturbance.cover_loss_factor=0.5"});
  EXPECT_EQ(range.exit_code, 2) << range.describe();
  expect_in(range.err, "disturbance.cover_loss_factor");
}

}  // namespace test_cli_cut_in
}  // namespace potline_cli_test
