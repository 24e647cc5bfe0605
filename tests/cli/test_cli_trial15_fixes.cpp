// User trial 15: the wording and output findings T15-3, T15-7, T15-9, T15-11, T15-12 (T15-2 is in
// test_cli_thermal_calibration.cpp, T15-8 in test_fleet_path_end_cli.cpp, T15-10 in
// tests/unit/test_dynamics_guards.cpp). Each test asserts the message it is about.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial15_fixes {
namespace {

// T15-3: at 340 kA AP40's steady ledge fills the side channel ("not a working cell", operating_point
// false); the JSON kept a simulate_note saying simulate starts in that state and holds it, which the
// text already left out. At the design point (an operating point) the note stays.
TEST(CliTrial15, CellThermalSimulateNoteOnlyAtAnOperatingPoint) {
  // The design ACD held (given): at the pot control's ACD (T18-2) 340 kA is a working state.
  RunResult r = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.line_current=340 kA", "--set",
                         "operation.acd=3.8036037 cm", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  Json t = parse_json(r.out).at("thermal");
  EXPECT_FALSE(t.at("operating_point").get<bool>()) << t.dump();
  EXPECT_FALSE(t.contains("simulate_note")) << t.at("simulate_note").dump();
  expect_in(t.at("warnings").dump(), "is thicker than the side channel");
  r = potline({"cell", "--technology", "AP40", "--thermal", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  t = parse_json(r.out).at("thermal");
  EXPECT_TRUE(t.at("operating_point").get<bool>());
  expect_in(t.at("simulate_note").get<std::string>(), "simulate starts its cells in this state");
}

// T15-9: the +25 % step's hot pot was visible only in JSON (heat_balance_loop.hot_cell_hours 108); the
// text now has a line for the loop at its limit and the hot-pot rule, with the JSON's figures.
TEST(CliTrial15, SimulateTextSaysTheHotPotRuleAndTheLoopAtItsLimit) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=24 h 1.25"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const RunResult j = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=24 h 1.25", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json h = parse_json(j.out).at("heat_balance_loop");
  expect_in(r.out, fmt::format("  heat-balance loop: at its limit control.temperature_max_offset = 200 mV {:.1f} cell-h "
                               "(one cell at most {:.1f} h), {:.1f} cell-h of it out of the safe window; pot marked hot "
                               "(a bath reading control.hot_bath_margin = 12 K above the loop's target) {:.1f} cell-h: "
                               "the heat feed-forward's cut bounded by the ACD floor only (control.hot_bath_full_cut) "
                               "(summary.json: heat_balance_loop)\n",
                               h.at("at_limit_cell_hours").get<double>(), h.at("at_limit_max_cell_hours").get<double>(),
                               h.at("out_of_window_at_limit_cell_hours").get<double>(),
                               h.at("hot_cell_hours").get<double>()));
  EXPECT_GT(h.at("hot_cell_hours").get<double>(), 0.0);
  // A nominal run: the loop never at its limit, no pot hot, no line.
  const RunResult nominal = potline({"simulate", example("cell-7d.toml")});
  ASSERT_EQ(nominal.exit_code, 0) << nominal.describe();
  EXPECT_EQ(nominal.out.find("heat-balance loop:"), std::string::npos) << nominal.out;
}

// T15-11: "AP40 cell, 7 days, ..." run over 4 d kept its title unflagged; the changed key now says the
// title's duration is the case file's. A key that moves nothing the title states is listed as before.
TEST(CliTrial15, SimulateTitleSaysItsDurationIsTheCaseFilesWhenRunDurationIsSet) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=2 d", "--set",
                               "potline.current_steps=24 h 0.9"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "AP40 cell, 7 days, automatic AE quench — changed on the command line: run.duration (the title's "
                   "\"7 days\" is the case file's), potline.current_steps: 1 cell(s), 2.00 d\n");
  const RunResult plain = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=24 h 0.9"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  expect_in(plain.out, "AP40 cell, 7 days, automatic AE quench — changed on the command line: potline.current_steps: 1 "
                       "cell(s), 7.00 d\n");
}

// T15-12: the heat-balance loop's and the ACD limits' warnings of the +25 % step are in --json's and
// summary.json's "warnings" (T14-7), the same texts as stderr's.
TEST(CliTrial15, SimulateLoopWarningIsInTheSummaryAsOnStderr) {
  const TempDir dir;
  const std::string out = (dir.path() / "o125").string();
  const RunResult r =
      potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=24 h 1.25", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json s = parse_json(read_file(out + "/summary.json"));
  std::string loop;
  for (const auto& w : s.at("warnings")) {
    if (w.get<std::string>().find("with the heat-balance loop's offset at its limit") != std::string::npos)
      loop = w.get<std::string>();
  }
  ASSERT_FALSE(loop.empty()) << s.at("warnings").dump();
  expect_in(loop, "1 of 1 cells were out of their safe window for a day or more");
  expect_in(r.err, "warning: " + loop + "\n");
}

// T15-7: the fleet's P155 −25 % hold with exchangers (41.8 h, superheat_min) is one seed's; the note
// says so, names the holds that end at a safe-window limit, and each technology's JSON has its seed.
TEST(CliTrial15, FleetFlexSaysEachHoldIsOneSeeds) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json f = parse_json(r.out).at("flexible_capacity");
  const std::string note = f.at("seed_note").get<std::string>();
  expect_in(note, "each hold is one run of the representative cell at run.seed = 1; a hold that ends at a safe-window "
                  "limit (");
  // A697's −25 % ends at the superheat mean; P155's did until its exchangers kept a cut's ledge
  // (heat_exchangers.melt_back_superheat, flex13, 2026-12-07: it holds the fleet's 48 h since).
  expect_in(note, "A697 -25 % superheat_min");
  expect_in(note, "moves with the seed, widely where the cell settles near that limit");
  EXPECT_EQ(note.find("acd_min"), std::string::npos) << note;  // the ACD floor is no safe-window limit
  for (const Json& t : f.at("by_technology")) EXPECT_EQ(t.at("seed").get<int>(), 1) << t.dump();
  const RunResult text = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "  note: " + note + "\n");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial15_fixes
