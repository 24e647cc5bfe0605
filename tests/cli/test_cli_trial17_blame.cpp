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
      {"design.anode_count=1",
       {"--set #1: error: 'design.anode_count': 1: with it the cell at technology AP40's catalogue operating point",
        "the heat-loss network cannot be calibrated there"}},
      {"design.nominal_current=0.001 kA",
       {"--set #1: error: 'design.nominal_current': 0.001 kA: with it the cell at technology AP40's catalogue",
        "the conductors' Joule heat exceeds the heat loss it is released into"}},
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

}  // namespace test_cli_trial17_blame
}  // namespace potline_cli_test
