// simulate's heat-loss network is calibrated at a catalogue technology's own point and the run starts
// at the case's point from that network's steady state (docs/model/dynamics.md, "Thermal
// calibration"; user trial 2026-12-05 (2), items AS and AT).
#include <filesystem>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_thermal_calibration {
namespace {

// --vary of the line current showed the same superheat at every point (6.79/6.86/6.96 K at
// 380/400/420 kA) with a warning saying so; now each point runs the same cell at its current. The
// catalogue ACD is given: without it each point starts at the ACD the control settles at (T17-5).
TEST(CliThermalCalibration, VariedAmperageShowsItsSuperheat) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=2 d", "--set",
                               "operation.acd=3.8 cm", "--vary",
                               "operation.line_current=380,420 kA", "--outputs",
                               "mean_superheat_K,thermal_calibration.start_ledge_cm", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.err.find("thermal network is calibrated"), std::string::npos) << r.err;
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  const std::vector<std::string> low = csv_cells(lines[1]), high = csv_cells(lines[2]);
  ASSERT_EQ(low.size(), 4u) << r.out;
  EXPECT_GT(std::stod(high[2]) - std::stod(low[2]), 2.0) << r.out;   // superheat: cell --thermal 5.3 → 8.2 K
  EXPECT_GT(std::stod(low[3]) - std::stod(high[3]), 8.0) << r.out;   // start ledge: 12.6 → 3.1 cm
}

// Ordinary baths of 11–14 wt% AlF3 simulate (11 wt% was an input error: the network could not be
// calibrated at a superheat of 2.3 K at the case's 965 °C); the text says where it is calibrated.
TEST(CliThermalCalibration, OrdinaryAlf3BathsSimulate) {
  for (const char* alf3 : {"bath.alf3=11", "bath.alf3=14"}) {
    const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", alf3, "--set", "run.duration=1 d"});
    ASSERT_EQ(r.exit_code, 0) << alf3 << "\n" << r.describe();
    EXPECT_NE(r.out.find("  thermal network calibrated at technology AP40's catalogue operating point (400 kA, "
                         "ACD 3.80 cm, 965.0 °C); start "),
              std::string::npos)
        << r.out;
  }
  const RunResult json = potline({"simulate", example("cell-7d.toml"), "--set", "bath.alf3=11", "--set",
                                  "run.duration=1 d", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const Json t = parse_json(json.out).at("thermal_calibration");
  EXPECT_EQ(t.at("point"), "technology AP40's catalogue operating point");
  EXPECT_NEAR(finite_number(t, "alf3_wt"), 12.0, 1e-9);
  EXPECT_GT(finite_number(t, "start_bath_temperature_degC"), 966.0);  // a higher liquidus: a hotter cell
}

// 10 wt% AlF3 was refused by the cell case (the catalogue's 965 °C is below its 966.8 °C liquidus)
// although the run never runs at 965 °C: the solved start (973.2 °C) is what is checked now.
TEST(CliThermalCalibration, TenPercentAlf3StartsAtItsHeatBalance) {
  const RunResult r =
      potline({"simulate", example("cell-7d.toml"), "--set", "bath.alf3=10", "--set", "run.duration=1 h", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.err.find("below the liquidus"), std::string::npos) << r.err;
  EXPECT_NEAR(finite_number(parse_json(r.out).at("thermal_calibration"), "start_bath_temperature_degC"), 973.2, 0.1);
}

// A current with no working steady state is an input error with the range that works, before any run.
TEST(CliThermalCalibration, AmperageWithoutSteadyStateIsAnInputError) {
  TempDir tmp;
  const std::string out = (tmp.path() / "run").string();
  const RunResult r =
      potline({"simulate", example("cell-7d.toml"), "--set", "operation.line_current=300 kA", "--set",
               "operation.acd=3.8 cm", "--out", out});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("error: 'operation.line_current': 300 kA: no liquid steady state"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("with the other inputs as given, operation.line_current from 358"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out)) << "nothing was run";
}

// A case without a technology run with --set of its bath keeps the case file's network, as
// `cell --thermal` does; a file whose own point cannot be calibrated says which superheats can.
TEST(CliThermalCalibration, OwnDesignKeepsTheCaseFilesNetwork) {
  const RunResult r = potline({"simulate", example("custom-design.toml"), "--set", "bath.alf3=11", "--set",
                               "run.duration=1 d", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json t = parse_json(r.out).at("thermal_calibration");
  EXPECT_EQ(t.at("point"), "the case file's operating point (without --set)");
  EXPECT_NEAR(finite_number(t, "alf3_wt"), 12.0, 1e-9);
  TempDir tmp;
  std::string text = read_file(source_dir() / "examples" / "custom-design.toml");
  const std::size_t at = text.find("alf3 = 12.0");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "alf3 = 11.0");
  // In the examples folder's place: the file names no other file.
  const RunResult cold = potline({"simulate", tmp.write("cold.toml", text), "--set", "run.duration=1 d"});
  EXPECT_EQ(cold.exit_code, 2) << cold.describe();
  EXPECT_NE(cold.err.find("error: 'operation.bath_temperature': the heat-loss network cannot be calibrated at the "
                          "case's operating point"),
            std::string::npos)
      << cold.err;
  EXPECT_NE(cold.err.find("it calibrates at a superheat of"), std::string::npos) << cold.err;
}

// A bath temperature given for a catalogue cell (or on the command line of an own design) is not where
// the run starts: its temperature follows from the heat balance, and a warning says so.
TEST(CliThermalCalibration, AGivenBathTemperatureIsNotUsedAndSaysSo) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "operation.bath_temperature=960 degC",
                               "--set", "run.duration=1 h", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("warning: 'operation.bath_temperature': 960.0 °C is not used: the bath temperature follows from "
                       "the heat balance, and the run starts at 965.0 °C"),
            std::string::npos)
      << r.err;
  EXPECT_NEAR(finite_number(parse_json(r.out).at("thermal_calibration"), "start_bath_temperature_degC"), 965.0, 1e-6);
  const RunResult own = potline({"simulate", example("custom-design.toml"), "--set", "operation.bath_temperature=960 degC",
                                 "--set", "run.duration=1 h"});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  EXPECT_NE(own.err.find("or write it in the case file to calibrate there"), std::string::npos) << own.err;
}

// User trial T13-1 and T13-2 on the command line: `cell --thermal` at another line current than the
// design point's says whether simulate's pot control can return the bath after a step to it (it
// said the heat-balance loop "holds" the temperature, which its 200 mV cap cannot), and an
// undercooling time the batch step cannot follow is an input error.
// AP40 at 360 and 440 kA against its 400 kA design point. Hand check of the −10 % figure: E_h =
// 4.192 V − heat generation 778 kW / 400 kA ≈ 2.25 V; the resistance control alone holds
// 1.65 + 2.54 × 0.9 = 3.94 V, G = 360 kA × (3.94 − 2.25) V ≈ 609 kW, 169 kW less; the feed-forward's
// +0.47 V (within its 0.5 V) gives all of it back.
TEST(CliControlDefaults, CellThermalSaysWhetherTheLoopCanReturnTheBathAfterAStep) {
  RunResult r = potline({"cell", example("default.toml"), "--thermal", "--set", "operation.line_current=360kA"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "note: a step of simulate's line current from the design point's 400.0 kA to 360.0 kA cuts the "
                   "heat generation at the design ACD by 169 kW; the heat feed-forward (simulate's "
                   "control.heat_feedforward = 1) gives back 169 kW of it at once");
  // All of it given back: "nothing is left", not "can make up the 0 kW left" (user trial T15-2).
  expect_in(r.out, "gives back 169 kW of it at once (all of it): nothing is left for the heat-balance loop, at most "
                   "65 kW (control.temperature_max_offset 200 mV of the voltage normalised to the design's 400.0 kA: "
                   "200 mV × 360.0 kA × 360.0/400.0), and the bath returns to the design's 965.0 °C");
  r = potline({"cell", example("default.toml"), "--thermal", "--set", "operation.line_current=440kA", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string note = parse_json(r.out).at("thermal").at("current_step_note").get<std::string>();
  expect_in(note, "raises the heat generation at the design ACD by 190 kW");
  expect_in(note, "takes off 88 kW of it at once");  // the 200 mV cut limit × 440 kA
  // The loop's kW with its scaling (T15-2: 200 mV × 440 kA = 88 kW read against the printed 97 kW).
  expect_in(note, "the heat-balance loop, at most 97 kW (control.temperature_max_offset 200 mV of the voltage "
                  "normalised to the design's 400.0 kA: 200 mV × 440.0 kA × 440.0/400.0), cannot make up the 102 kW "
                  "left: the bath does not return to the design's 965.0 °C");
  // 300 kA (−25 %) has no liquid steady state of its own; the note, a step from the design point, is
  // given there too (docs audit DA-6): 385 kW cut, 150 kW back (the 0.5 V raise limit × 300 kA),
  // the loop's 200 mV × 300²/400 kA = 45 kW.
  r = potline({"cell", example("default.toml"), "--thermal", "--set", "operation.line_current=300kA", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string cut = parse_json(r.out).at("thermal").at("current_step_note").get<std::string>();
  expect_in(cut, "cuts the heat generation at the design ACD by 385 kW");
  expect_in(cut, "gives back 150 kW of it at once");
  expect_in(cut, "at most 45 kW (control.temperature_max_offset 200 mV of the voltage normalised to the design's "
                 "400.0 kA: 200 mV × 300.0 kA × 300.0/400.0), cannot make up the 235 kW left");
  r = potline({"cell", example("default.toml"), "--thermal", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_FALSE(parse_json(r.out).at("thermal").contains("current_step_note"));
}

TEST(CliControlDefaults, UndercoolingFasterThanTheBatchStepIsAnInputError) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.sample_period=30 s", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  // Reported at the key given (user trial T17-9), naming the default it conflicts with.
  expect_in(r.err, "--set #1: error: 'run.sample_period': 30 s: the freeze of an undercooled bath relaxes faster than "
                   "the batch integrator's fixed step can follow");
  expect_in(r.err, "the other: dynamics.undercooling_time = 1 min (default); give run.sample_period at most 20 s or "
                   "dynamics.undercooling_time at least 90 s");
}

// User trial T14-4: the heat-balance loop at its limit is reported, and warned about when it leaves a cell
// out of its safe window for a day or more. AP40 −10 % with the feed-forward off (trial 13's case): the
// loop sits at +200 mV from the first reading after the step to the end (132 h), 104 h of it with the
// cell out of its window (ledge > 10 cm), so it warns.
TEST(CliControlDefaults, TheLoopAtItsLimitWarnsWhenItLeavesACellOutOfItsWindow) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.events=control", "--set",
                               "control.heat_feedforward=0", "--set", "potline.current_steps=24 h 0.9", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "warning: 1 of 1 cells were out of their safe window for a day or more with the heat-balance "
                   "loop's offset at its limit control.temperature_max_offset = 200 mV");
  const auto h = parse_json(r.out).at("heat_balance_loop");
  EXPECT_EQ(h.at("cells_out_of_window_at_limit_a_day").get<int>(), 1);
  EXPECT_GT(finite_number(h, "out_of_window_at_limit_max_h"), 72.0);
  EXPECT_GE(finite_number(h, "at_limit_cell_hours"), finite_number(h, "out_of_window_at_limit_cell_hours"));
}

// User trial T15-1: a run that stops frozen still reports the heat-balance loop (summary and warning).
// AP40 −25 % from 24 h over the example's 7 d freezes at 133.4 h; the loop sat at its limit with the
// cell out of its window long before (45.8 h of it by day 4).
TEST(CliControlDefaults, ARunThatStopsFrozenStillReportsTheLoopAtItsLimit) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.events=control", "--set",
                               "potline.current_steps=24 h 0.75", "-q", "--out", run.string()});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  expect_in(r.err, "warning: 1 of 1 cells were out of their safe window for a day or more with the heat-balance "
                   "loop's offset at its limit");
  const Json summary = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(summary.at("stop_reason"), "bath_frozen");
  const auto h = summary.at("heat_balance_loop");
  EXPECT_EQ(h.at("cells_out_of_window_at_limit_a_day").get<int>(), 1);
  EXPECT_GT(finite_number(h, "out_of_window_at_limit_max_h"), 45.0);
}

// The nominal potline (40 of potline-year's 300 cells, 60 d): the loop of some spread cells touches its
// limit — one daily reading whose 2 K noise takes the offset there holds it for a day (48 h for one
// cell) — but every cell stays in its window, so there is no warning. The warning of the former
// criterion (the loop at its limit a day or more) fired on 92 of potline-year's 300 cells, whose mean
// baths were 964.2–965.3 °C (docs/model/dynamics.md §4, "A hot pot").
TEST(CliControlDefaults, ANominalLineWhoseLoopTouchesItsLimitIsNotWarnedAbout) {
  const RunResult r = potline({"simulate", example("potline-year.toml"), "--set", "potline.cells=40", "--set",
                               "run.duration=60 d", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.err.find("heat-balance loop's offset at its limit"), std::string::npos) << r.err;
  const auto h = parse_json(r.out).at("heat_balance_loop");
  EXPECT_GE(finite_number(h, "at_limit_max_cell_hours"), 24.0);  // the former criterion's warning
  EXPECT_EQ(h.at("cells_out_of_window_at_limit_a_day").get<int>(), 0);
  EXPECT_EQ(parse_json(r.out).at("cells_out_of_window").get<int>(), 0);
}

// User trial T19-22: a design change is a what-if of the heat the cell generates, not a cell re-lined
// for it: the network loses the catalogue design's heat, so +0.12 V of cathode drop (+48 kW) warms the
// bath and thins the ledge, as an ACD change of the same heat does (was: 965.0 °C and 6.50 cm in every
// row, the calibration absorbing the drop). docs/validation.md D44 (consistency, not validation).
TEST(CliThermalCalibration, ADesignChangeWarmsTheCellItDoesNotRelineIt) {
  const RunResult r = potline({"cell", default_case(), "--thermal", "--vary", "design.cathode_drop=0.2,0.28,0.4 V",
                               "--outputs", "thermal.bath_temperature_degC,thermal.ledge_cm,thermal.heat_loss_kW",
                               "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  const std::vector<double> bath = {964.336, 965.0, 965.915}, ledge = {8.365, 6.500, 4.386},
                            loss = {746.5, 778.5, 826.5};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::vector<std::string> row = csv_cells(lines[i + 1]);
    ASSERT_EQ(row.size(), 6u) << r.out;  // key, value, the outputs, operating_point
    EXPECT_NEAR(std::stod(row[2]), bath[i], 0.01) << r.out;
    EXPECT_NEAR(std::stod(row[3]), ledge[i], 0.01) << r.out;
    EXPECT_NEAR(std::stod(row[4]), loss[i], 0.1) << r.out;
  }
  // simulate starts the same cell in the same state, and its heat-balance loop holds it there.
  const RunResult s = potline({"simulate", example("cell-7d.toml"), "--set", "design.cathode_drop=0.4 V", "--set",
                               "run.duration=2 d", "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  const Json start = parse_json(s.out).at("thermal_calibration");
  EXPECT_NEAR(start.at("start_bath_temperature_degC").get<double>(), 965.915, 0.01);
  EXPECT_NEAR(start.at("start_ledge_cm").get<double>(), 4.386, 0.01);
}

// User trial T20-10: a case at another line current starts at the controlled ACD solved within its
// own control.acd_min / acd_max (was: within the declared 2.5–8 cm, so 440 kA with a 3.5-cm floor
// started at 2.98 cm, and 380 kA with a 4.0-cm ceiling at 4.315 cm).
TEST(CliThermalCalibration, TheControlledStartKeepsTheCasesOwnAcdLimits) {
  const RunResult floor = potline({"simulate", example("cell-7d.toml"), "--set", "operation.line_current=440 kA",
                                   "--set", "control.acd_min=3.5 cm", "--set", "run.duration=1 h", "--json"});
  ASSERT_EQ(floor.exit_code, 0) << floor.describe();
  const Json f = parse_json(floor.out);
  EXPECT_GT(f.at("acd").at("max_cm").get<double>(), 3.5);               // starts at the floor, then above
  EXPECT_NEAR(f.at("thermal_calibration").at("start_ledge_cm").get<double>(), 2.08, 0.01);  // 5.19 at 2.98 cm
  const RunResult ceiling = potline({"simulate", example("cell-7d.toml"), "--set", "operation.line_current=380 kA",
                                     "--set", "control.acd_max=4.0 cm", "--set", "run.duration=1 h", "--json"});
  ASSERT_EQ(ceiling.exit_code, 0) << ceiling.describe();
  EXPECT_LT(parse_json(ceiling.out).at("acd").at("max_cm").get<double>(), 4.0 + 1e-3);  // was 4.315
}

}  // namespace
}  // namespace potline_cli_test::test_cli_thermal_calibration
