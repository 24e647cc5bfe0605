// User trial T17-9: a conflict between simulate inputs is reported at the key the user gave (here a
// --set), naming the other key with its value and where it came from; an impossible operating point
// at its own key with the steady-state reason; operation.bath_temperature, which a catalogue cell
// does not use, fails no check. T17-7: an error of the cells' build (the feed cycle) comes in the
// same pass as an error of an input the cells are not built from. All stop before the run (exit 2)
// or run one hour.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial17_blame {

struct Case {
  std::string set;
  std::vector<std::string> expected;  // each must appear in stderr
};

TEST(CliInputBlame, ConflictsAreReportedAtTheKeyTheUserGave) {
  const std::vector<Case> cases = {
      {"run.sample_period=60 s",
       {"--set #1: error: 'run.sample_period': 60 s: the freeze of an undercooled bath",
        "the other: dynamics.undercooling_time = 1 min (default)"}},
      {"control.sample_interval=1 h",
       {"--set #1: error: 'control.sample_interval': 1 h: the analysis delay must not exceed the sampling interval",
        "the other: control.sample_delay = 24 h (default)"}},
      {"window.superheat_max=0 K",
       {"--set #1: error: 'window.superheat_max': 0 K: the safe window's superheat minimum must be below its maximum",
        "the other: window.superheat_min = 5 K (default)"}},
      {"potline.max_current=300 kA",
       {"--set #1: error: 'potline.max_current': 300 kA: the rectifier's limit is below the nominal line current",
        "the other: operation.line_current = 400 kA (technology catalogue)"}},
      {"operation.line_current=2000 kA",
       {"--set #1: error: 'operation.line_current': 2000 kA: no steady state within 150 K above the liquidus",
        "operation.line_current from 358.1 kA to 455.4 kA gives a working steady state"}},
      {"operation.acd=15 cm", {"--set #1: error: 'operation.acd': 15 cm: no steady state within 150 K"}},
      // Since T19-22 the network loses the catalogue design's heat, so a one-anode design no longer
      // stops its calibration: it has no steady state (220 V at 400 kA).
      {"design.anode_count=1",
       {"--set #1: error: 'design.anode_count': 1: with this design the cell at 400 kA and ACD 3.80 cm has no "
        "working steady state: no steady state within 150 K above the liquidus",
        "on the catalogue design's heat, and a design change changes the heat the cell generates"}},
      {"design.cathode_area=0.01 m2",
       {"--set #1: error: 'design.cathode_area': 0.01 m2: with it the cell at technology AP40's catalogue operating "
        "point (400 kA, ACD 3.80 cm, 965.0 °C, 12 wt% AlF3) runs at 4.862 V and loses 1046 kW, and the heat-loss "
        "network cannot be calibrated there: dynamics: the anodes (immersion 15 cm) take up more than the bath "
        "volume"}},
      {"design.nominal_current=0.001 kA",  // its conductors' Joule heat (T19-22: no longer calibrated on it)
       {"--set #1: error: 'design.nominal_current': 0.001 kA: with this design the cell at 400 kA and ACD 3.80 cm "
        "has no working steady state: no steady state within 150 K above the liquidus"}},
  };
  for (const Case& k : cases) {
    const RunResult r =
        potline({"simulate", example("cell-7d.toml"), "--set", k.set, "--set", "run.duration=1 h"});
    EXPECT_EQ(r.exit_code, 2) << k.set << "\n" << r.describe();
    for (const std::string& e : k.expected) EXPECT_NE(r.err.find(e), std::string::npos) << k.set << "\n" << r.err;
    // Never the partner left at its default, never an absurd operating voltage.
    EXPECT_EQ(r.err.find("error: 'control.ae_voltage'"), std::string::npos) << k.set << "\n" << r.err;
    EXPECT_EQ(r.err.find("error: 'case.technology'"), std::string::npos) << k.set << "\n" << r.err;
    EXPECT_EQ(r.err.find("cell-7d.toml: error"), std::string::npos) << k.set << "\n" << r.err;
  }
}

// 855 °C "is not used" (a catalogue cell starts at its heat balance's temperature), so no check uses it.
TEST(CliInputBlame, AnUnusedBathTemperatureFailsNoCheck) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "operation.bath_temperature=855 degC",
                               "--set", "run.duration=1 h"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("--set #1: warning: 'operation.bath_temperature': 855.0 °C is not used"), std::string::npos)
      << r.err;
}

// T17-7: the impossible feed cycle and an error elsewhere come in one pass, exit 2, nothing run.
TEST(CliInputBlame, TheFeedCycleErrorComesWithTheOthers) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "control.overfeed_factor=5", "--set",
                               "run.seed=-1", "--set", "window.ledge_max=1 cm", "--set", "run.duration=1 h"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--set #2: error: 'run.seed'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--set #3: error: 'window.ledge_max': 1 cm: the safe window's ledge minimum"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--set #1: error: 'control.overfeed_factor': a tracking cycle centred on bath.alumina"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("potline: 3 input error(s); nothing was run"), std::string::npos) << r.err;
}

// User trial T18-8: a current CSV's errors sit at the value's column, one per mistake (a row out of
// order does not also give step errors at its neighbours), in line order.
TEST(CliCurrentCsvErrors, AtTheValueColumnOncePerMistakeInLineOrder) {
  TempDir dir;
  const std::string csv = dir.write("amp.csv", "time [h],current [kA]\n0,400\n12,420\n12,430\n24,abc\n30,-5\n20,400\n");
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_csv=" + csv,
                               "--set", "run.duration=2 d"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  const std::vector<std::string> expected = {
      "amp.csv:4:1: error: 'potline.current_csv': duplicate time 12 h (also on line 3)",
      "amp.csv:5:4: error: 'potline.current_csv': current: 'abc' is not a non-negative number",
      "amp.csv:6:4: error: 'potline.current_csv': current: '-5' is not a non-negative number",
      "amp.csv:6:1: error: 'potline.current_csv': step 6 h after 24 h (line 5) differs from the series step 12 h",
      "amp.csv:7:1: error: 'potline.current_csv': row out of order: time 20 h belongs after line 3 (12 h), before "
      "line 5 (24 h)"};
  std::size_t at = 0;
  for (const std::string& e : expected) {
    const std::size_t found = r.err.find(e, at);
    EXPECT_NE(found, std::string::npos) << e << "\n" << r.err;
    if (found != std::string::npos) at = found;
  }
  EXPECT_NE(r.err.find("potline: 5 input error(s); nothing was run"), std::string::npos) << r.err;
}

// User trial T19-25: `cell --thermal` of a design its heat-loss network cannot be calibrated with is the
// input error simulate gives, at the key given with the cell's voltage and heat (was exit 1, a
// "run-time failure" with no place that blamed dynamics.* keys the case never set).
TEST(CliInputBlame, CellThermalOfAnImpossibleDesignIsAnInputErrorAtItsKey) {
  const RunResult r = potline({"cell", default_case(), "--thermal", "--set", "design.cathode_area=0.01 m2"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "--set #1: error: 'design.cathode_area': 0.01 m2: with it the cell at technology AP40 at its catalogue "
            "operating point (400 kA, ACD 3.80 cm, 965.0 °C, 12 wt% AlF3) runs at 4.862 V and loses 1046 kW, and "
            "the heat-loss network cannot be calibrated there: dynamics: the anodes (immersion 15 cm) take up more "
            "than the bath volume");
  expect_in(r.err, "potline: 1 input error(s); nothing was run");
  expect_not_in(r.err, "run-time failure");
  // A design the network takes but that has no steady state is cell --thermal's warning, as for an
  // operating point (simulate refuses it at the key, above): 220 V at 400 kA overheats.
  const RunResult one = potline({"cell", default_case(), "--thermal", "--set", "design.anode_count=1"});
  EXPECT_EQ(one.exit_code, 0) << one.describe();
  expect_in(one.err, "--thermal: warning: no steady state within 150 K above the liquidus");
  expect_in(one.out, "Thermal steady state (overheats;");
}

// User trial T19-7: the current CSV's and disturbance.cells' errors need no cell, so they come in the
// same pass as the case's schema errors (was: only after those four were fixed, a second run).
TEST(CliInputBlame, ScheduleAndCellListErrorsComeWithTheCasesOthers) {
  TempDir dir;
  dir.write("amp.csv", "time [h],current [kA]\n0,400\n1,400\n2,abc\n3,-5\n5,400\n4,400\n6,3000\n");
  const std::string toml = dir.write(
      "simbad.toml",
      "[case]\ntechnology = \"AP40\"\n[run]\nduration = \"1 d\"\n[potline]\ncells = 4\ncurrent_csv = "
      "\"amp.csv\"\n[control]\nquench = \"automatc\"\nfeed_interval = \"-5 s\"\n[dynamics]\n"
      "frozen_bath_fraction = 1.5\n[disturbance]\ncells = \"7\"\n");
  const RunResult r = potline({"simulate", toml});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  for (const char* e :
       {"simbad.toml:9:10: error: 'control.quench': value 'automatc' is not one of",
        "simbad.toml:10:1: error: 'control.feed_interval': unknown key",
        "simbad.toml:12:24: error: 'dynamics.frozen_bath_fraction': value 1.5 is outside the allowed range",
        "amp.csv:4:3: error: 'potline.current_csv': current: 'abc' is not a non-negative number",
        "amp.csv:5:3: error: 'potline.current_csv': current: '-5' is not a non-negative number",
        "amp.csv:7:1: error: 'potline.current_csv': row out of order: time 4 h belongs after line 5 (3 h)",
        "amp.csv:8:3: error: 'potline.current_csv': current 3000 kA is outside the allowed range 0 to 500 kA",
        "simbad.toml:14:9: error: 'disturbance.cells': cell 7 does not exist: the line has 4 cell(s)",
        "simbad.toml:14:9: error: 'disturbance.cells': names the cells of a feed stop, an anode problem or a cover "
        "loss, but the case has none"}) {
    expect_in(r.err, e);
  }
  expect_in(r.err, "potline: 9 input error(s); nothing was run");
}

}  // namespace test_cli_trial17_blame
}  // namespace potline_cli_test
