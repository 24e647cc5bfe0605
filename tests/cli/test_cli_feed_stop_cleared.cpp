// A feed stop cleared by the operators an anode effect brings (disturbance.ae_clears_feed_stop,
// user trial 8, T8-7): the event window ends at the clearing, an event feed_stop_cleared is logged
// with the anode effect, and "back within 2 K … after" counts from the clearing.
// examples/cell-stuck-feeder.toml: feeder 1 stuck from 12 h, scheduled for 24 h.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_feed_stop_cleared {

namespace {
// Time [h] of the first events.csv line of `kind` (< 0: none).
double first_event_h(const std::string& events, const std::string& kind) {
  std::istringstream in(events);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("," + kind + ",") != std::string::npos)
      return std::stod(line.substr(0, line.find(',')));
  }
  return -1.0;
}
}  // namespace

TEST(CliFeedStopCleared, TheAnodeEffectEndsTheWindowAndRecoveryCountsFromIt) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const RunResult r = potline({"simulate", example("cell-stuck-feeder.toml"), "--set",
                               "run.duration=40h", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string events = read_file(run / "events.csv");
  EXPECT_EQ(count_lines_containing(events, ",0,feed_stop_cleared,1,feeder"), 1)
      << events.substr(0, 2000);
  const double ae_h = first_event_h(events, "anode_effect_start");
  const double cleared_h = first_event_h(events, "feed_stop_cleared");
  ASSERT_GT(ae_h, 12.0);
  EXPECT_NEAR(cleared_h, ae_h, 10.0 / 3600);  // detected at the controller's next sample
  const Json w = parse_json(read_file(run / "summary.json")).at("event_windows").at(0);
  EXPECT_EQ(w.at("kind"), "feed_stop");
  EXPECT_NEAR(w.at("end_h").get<double>(), cleared_h, 1e-6);
  EXPECT_DOUBLE_EQ(w.at("scheduled_end_h").get<double>(), 36.0);
  EXPECT_EQ(w.at("cells_cleared").get<int>(), 1);
  EXPECT_EQ(w.at("ae_during").get<int>(), 1);
  // Recovered within the 28 h the run goes on after the clearing (0.9 h measured 2026-12-06; from
  // the scheduled 36 h it read 3.0 h).
  ASSERT_TRUE(w.at("recovery_h").is_number()) << w.dump();
  EXPECT_LT(w.at("recovery_h").get<double>(), 6.0);
  EXPECT_NE(r.out.find("(cleared at an anode effect in 1 cell(s); scheduled to 36.0 h)"),
            std::string::npos)
      << r.describe();
}

TEST(CliFeedStopCleared, WithoutClearingTheWindowKeepsItsScheduledEnd) {
  const RunResult r =
      potline({"simulate", example("cell-stuck-feeder.toml"), "--set", "run.duration=40h", "--set",
               "disturbance.ae_clears_feed_stop=false", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json w = parse_json(r.out).at("event_windows").at(0);
  EXPECT_DOUBLE_EQ(w.at("end_h").get<double>(), 36.0);
  EXPECT_EQ(w.at("cells_cleared").get<int>(), 0);
}

}  // namespace test_cli_feed_stop_cleared
}  // namespace potline_cli_test
