// simulate centres its tracking feed cycle on the design point's alumina and says so; cell
// --thermal says what simulate will do (user trial T10-1; docs/model/dynamics.md §4, "Feed: where
// the cycle sits"; docs/validation.md D40).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_feed_cycle {

TEST(CliFeedCycle, SimulateReportsTheDerivedThresholdAndTheMeanAlumina) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const RunResult r = potline(
      {"simulate", example("cell-7d.toml"), "--set", "run.duration=2d", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("feed control: overfeed at an R_p slope of "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(derived: centres the tracking cycle on bath.alumina); mean alumina "),
            std::string::npos);
  const Json s = parse_json(read_file(run / "summary.json"));
  EXPECT_EQ(s.at("feed_control").at("basis"), "centred on bath.alumina");
  EXPECT_DOUBLE_EQ(s.at("feed_control").at("design_alumina_wt").get<double>(), 2.5);
  EXPECT_NEAR(s.at("mean_alumina_wt").get<double>(), 2.5, 0.25);
  // A given threshold is used as it is.
  const RunResult given = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1d",
                                   "--set", "control.slope_threshold=1.2", "--json"});
  ASSERT_EQ(given.exit_code, 0) << given.describe();
  const Json g = parse_json(given.out);
  EXPECT_EQ(g.at("feed_control").at("basis"), "control.slope_threshold");
  EXPECT_NEAR(g.at("feed_control").at("slope_threshold_mV_per_min").get<double>(), 1.2, 1e-9);
  // control.centre_feed_cycle = false: the fixed threshold of every cell before 2026-12-06.
  const RunResult fixed = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1d", "--set",
                                   "control.centre_feed_cycle=false", "--json"});
  ASSERT_EQ(fixed.exit_code, 0) << fixed.describe();
  const Json f = parse_json(fixed.out);
  EXPECT_EQ(f.at("feed_control").at("basis"), "control.slope_threshold");
  EXPECT_NEAR(f.at("feed_control").at("slope_threshold_mV_per_min").get<double>(), 1.2, 1e-9);
}

// Asking for the derived threshold and giving one is an input error (exit 2) naming both keys.
TEST(CliFeedCycle, CentringAndAGivenThresholdTogetherIsAnInputError) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1d", "--set",
                               "control.slope_threshold=1.2", "--set", "control.centre_feed_cycle=true"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("control.centre_feed_cycle"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("true derives control.slope_threshold, which is also given: give one of them"),
            std::string::npos)
      << r.err;
}

// A cycle centred on 1.5 wt% would switch at 0.95 wt%, on anode effect: an input error (exit 2) at
// the key that caused it, not a silent run at another alumina (a run-time error, exit 1, until user
// trial T17-7).
TEST(CliFeedCycle, ADesignAluminaTheCycleCannotBeCentredOnIsAnInputError) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1d",
                               "--set", "bath.alumina=1.5"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("error: 'bath.alumina': a tracking cycle centred on bath.alumina = 1.50 wt%"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("where the cell is on anode effect: give control.slope_threshold"),
            std::string::npos);
}

// User trial T17-7: an impossible feed-control set-up (control.overfeed_factor = 5: a cycle that
// would switch to overfeed at −3.31 wt%) is an input error at the key the user gave, exit 2, and
// nothing is written to --out (it was exit 1 after the run folder had two header-only CSVs).
TEST(CliFeedCycle, AnImpossibleTrackingCycleIsAnInputErrorAtTheGivenKey) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "control.overfeed_factor=5",
                               "--set", "run.duration=12 h", "--out", run.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("error: 'control.overfeed_factor': a tracking cycle centred on bath.alumina = 2.50 wt%"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("run-time failure"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(run / "timeseries.csv"));
}

TEST(CliFeedCycle, CellThermalSaysWhatSimulateDoes) {
  const RunResult r = potline({"cell", "--technology", "P155", "--thermal"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(
      r.out.find(
          "note: simulate starts its cells in this state, centres its tracking feed cycle on the "
          "case's 2.50 wt% alumina"),
      std::string::npos)
      << r.out;
}

}  // namespace test_cli_feed_cycle
}  // namespace potline_cli_test
