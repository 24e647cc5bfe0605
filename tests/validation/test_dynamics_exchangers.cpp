// Power modulation with and without shell heat exchangers (docs/validation.md, issue-11 ladder;
// [TRIMET 2019]: +/-25 % power for up to 48 h with controllable shell heat exchangers).
#include <gtest/gtest.h>

#include "../unit/test_dynamics_helpers.hpp"

namespace test_dynamics_exchangers {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {
line::Summary modulate(const std::vector<std::string>& extra) {
  // Constant cell voltage alone (D30): the heat feed-forward, on by default since 2026-12-06, off.
  std::vector<std::string> sets = {"run.duration=4d", "run.events=none", "potline.current_steps=12 h 0.75",
                                   "control.hold_voltage=true", "control.heat_feedforward=0"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return line::run_simulation(make_case(read_example("cell-7d.toml"), sets));
}
}  // namespace

// −25 % current at constant cell voltage for 3.5 days: without exchangers the ledge grows; turning
// the exchangers down at the step (schedule) or letting the ledge rule do it (automatic) keeps it
// thinner and the cell warmer. The margins are what the model gives, not published values.
TEST(ShellHeatExchangersModulation, MinusTwentyFivePercentHoldsTheLedgeBetterWithExchangers) {
  const auto without = modulate({});
  const auto scheduled =
      modulate({"heat_exchangers.enabled=true", "heat_exchangers.schedule=12 h 0"});
  const auto automatic =
      modulate({"heat_exchangers.enabled=true", "heat_exchangers.mode=automatic"});
  for (const auto* s : {&without, &scheduled, &automatic}) EXPECT_LT(s->energy_balance_error, 5e-3);
  EXPECT_LT(scheduled.max_ledge_m, without.max_ledge_m - 2e-3);
  EXPECT_LT(automatic.max_ledge_m, without.max_ledge_m - 2e-3);
  ASSERT_EQ(without.windows.size(), 1u);
  EXPECT_GT(scheduled.windows[0].min_temperature_K, without.windows[0].min_temperature_K);
  EXPECT_DOUBLE_EQ(scheduled.exchanger_final_fraction, 0.0);
}
}  // namespace test_dynamics_exchangers
