// A cell whose bath temperature is solved from the heat balance (simulate of a catalogue technology,
// `cell --thermal`) is checked at the solved state, not at the catalogue's fixed 965 °C
// (cell::CellCaseOptions; issue 11, "credible cell dynamics"). AP40 at 9–10 wt% AlF3 was refused
// ("965.0 degC is below the liquidus 966.8/970.3 degC") although neither command runs it at 965 °C.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_solved_temperature_check {
namespace {

std::string cell_7d() { return (source_dir() / "examples" / "cell-7d.toml").string(); }

// Measured (the heat-loss network calibrated at AP40's catalogue point, 12 wt% AlF3, 965 °C):
// 10 wt%: 973.2 °C, superheat 6.4 K, ledge 8.2 cm; 9 wt%: 976.4 °C, 6.1 K, 9.0 cm. The two commands
// solve the same network, so they agree to rounding; the 28 cm side channel bounds the ledge.
TEST(CliSolvedTemperatureCheck, LowAlf3RunsAndCellThermalAgreesWithSimulate) {
  struct Point {
    const char* set;
    double temperature_degC;
  };
  for (const Point& p : {Point{"bath.alf3=10", 973.2}, Point{"bath.alf3=9", 976.4}}) {
    const RunResult sim = potline({"simulate", cell_7d(), "--set", p.set, "--set", "run.duration=1 h", "--json"});
    ASSERT_EQ(sim.exit_code, 0) << p.set << "\n" << sim.describe();
    const Json start = parse_json(sim.out).at("thermal_calibration");
    EXPECT_NEAR(finite_number(start, "start_bath_temperature_degC"), p.temperature_degC, 0.1) << p.set;
    EXPECT_GT(finite_number(start, "start_superheat_K"), 5.0) << p.set;
    EXPECT_LT(finite_number(start, "start_ledge_cm"), 28.0) << p.set;

    const RunResult cell = potline({"cell", "--technology", "AP40", "--thermal", "--set", p.set, "--json"});
    ASSERT_EQ(cell.exit_code, 0) << p.set << "\n" << cell.describe();
    const Json thermal = parse_json(cell.out).at("thermal");
    EXPECT_EQ(thermal.at("status"), "steady") << p.set;
    EXPECT_NEAR(finite_number(thermal, "bath_temperature_degC"), finite_number(start, "start_bath_temperature_degC"),
                0.01)
        << p.set;
    EXPECT_NEAR(finite_number(thermal, "ledge_cm"), finite_number(start, "start_ledge_cm"), 0.01) << p.set;
  }
}

// The text of `cell --thermal` says that its first block is the bath held at the case's temperature
// (a negative superheat and a "partly frozen" warning there) and the solved state follows.
TEST(CliSolvedTemperatureCheck, CellThermalTextSaysTheFirstBlockIsTheHeldTemperature) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--thermal", "--set", "bath.alf3=9"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  note: the lines above hold the bath at the case's 965.0 °C (superheat -5.3 K, so the "
                       "warnings about the bath describe a bath held there); the thermal steady state below solves it: 976.4 °C"),
            std::string::npos)
      << r.out;
  const RunResult at_point = potline({"cell", "--technology", "AP40", "--thermal"});
  ASSERT_EQ(at_point.exit_code, 0) << at_point.describe();
  EXPECT_EQ(at_point.out.find("note: the lines above hold"), std::string::npos) << at_point.out;
}

// The isothermal `potline cell` does run at the fixed temperature: it still refuses it.
TEST(CliSolvedTemperatureCheck, IsothermalCellStillRefusesABathBelowItsLiquidus) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--set", "bath.alf3=9"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("error: 'bath.alf3': bath temperature 965.0 °C (technology catalogue, "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("is below the liquidus 970.3 °C (Solheim et al. 1996) of this bath: "),
            std::string::npos)
      << r.err;
}

// A solved state that is no working cell is an input error at the key, with the AlF3 range that works
// (368 kA, 6 wt%, the ACD 3.8 cm given: a 37.3 cm steady ledge against the 28 cm side channel), from both
// commands alike. Without the ACD both run the case at the pot control's ACD (since T19-12), which
// holds the 983.0 °C this bath has at 400 kA: a working state.
TEST(CliSolvedTemperatureCheck, UnworkableSolvedStateNamesTheAlf3Range) {
  const std::vector<std::string> sets = {"--set", "bath.alf3=6", "--set", "operation.line_current=368 kA",
                                         "--set", "operation.acd=3.8 cm"};
  std::vector<std::string> cell = {"cell", "--technology", "AP40", "--thermal"};
  std::vector<std::string> sim = {"simulate", cell_7d()};
  cell.insert(cell.end(), sets.begin(), sets.end());
  sim.insert(sim.end(), sets.begin(), sets.end());
  for (const auto& args : {cell, sim}) {
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << r.describe();
    EXPECT_NE(r.err.find("--set #1: error: 'bath.alf3': 6 wt%: its steady ledge 37.3 cm (superheat 2.67 K) is "
                         "thicker than the side channel 28.0 cm"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("with the other inputs as given, bath.alf3 from 8.725 wt% to 20 wt% (the liquidus "
                         "correlation's limit, Solheim et al. 1996) gives a working steady state"),
              std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  for (auto args : {cell, sim}) {
    args.resize(args.size() - 2);  // without the ACD
    if (args[0] == "simulate") args.insert(args.end(), {"--set", "run.duration=1 h"});
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << "\n" << r.describe();
  }
}

}  // namespace
}  // namespace potline_cli_test::test_cli_solved_temperature_check
