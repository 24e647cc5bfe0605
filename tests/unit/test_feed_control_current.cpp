// The tracking feed control's overfeed trigger at a reduced line current (issue 11, "control after
// disturbances"): the slope of the pseudo-resistance R_p = (U − E_b)/I is compared with the
// threshold (a rate of the cell voltage, mV/min) after multiplying it by the present line current,
// not the nominal one. Hand arithmetic on the controller alone: a cell voltage rising at a fixed
// rate, sampled at a constant current.
#include <gtest/gtest.h>

#include "../common/controller_settings.hpp"
#include "potline/control/pot_controller.hpp"

namespace test_feed_control_current {

namespace {
using potline::control::ControllerSettings;
using potline::control::FeedMode;
using potline::control::PotController;

constexpr double kThreshold_V_per_s = 1.2e-3 / 60.0;  // 1.2 mV/min, the schema's default

// Samples for 40 min at `current_A` with the cell voltage rising at `rate_V_per_s` (beam moves
// off: a deadband of 1 V); returns whether the controller switched to overfeed.
bool switches_to_overfeed(double current_A, double rate_V_per_s) {
  ControllerSettings s = potline::testing::quiet_controller_settings();
  s.slope_threshold_V_per_s = kThreshold_V_per_s;
  s.deadband_V = 1.0;
  s.reheat_voltage_V = 0.0;
  PotController c(&s, 1e9, 1e9, 1, 0);
  for (double t = 10.0; t <= 2400.0; t += 10.0) {
    c.sample(t, 4.0 + rate_V_per_s * t, current_A);
    if (c.mode() == FeedMode::kOverfeed) return true;
  }
  return false;
}
}  // namespace

// At nominal current a voltage rise above the threshold switches, one below it does not.
TEST(FeedControlCurrent, AtNominalCurrentTheThresholdIsTheVoltageRate) {
  EXPECT_TRUE(switches_to_overfeed(400e3, 1.1 * kThreshold_V_per_s));
  EXPECT_FALSE(switches_to_overfeed(400e3, 0.9 * kThreshold_V_per_s));
}

// At −25 % the same voltage rate is a 1/0.75 steeper R_p slope. Multiplied by the nominal current
// (before 2026-12-06) 0.9 × the threshold read 1.2 × and switched to overfeed early, so the cell
// ran richer after a cut; multiplied by the present current it reads 0.9 × and does not switch.
TEST(FeedControlCurrent, AfterACutTheSameVoltageRateIsJudgedAlike) {
  EXPECT_TRUE(switches_to_overfeed(300e3, 1.1 * kThreshold_V_per_s));
  EXPECT_FALSE(switches_to_overfeed(300e3, 0.9 * kThreshold_V_per_s));
}

}  // namespace test_feed_control_current
