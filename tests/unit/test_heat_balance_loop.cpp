// The pot controller's heat-balance outer loop (docs/model/dynamics.md §4): proportional on the
// sampled bath temperature, with an optional integral part (the running heat inventory of
// [Comalco EP0671488]) that removes a lasting error, and a limit on the sum without wind-up.
#include <gtest/gtest.h>

#include "potline/control/pot_controller.hpp"

namespace test_heat_balance_loop {

namespace {
potline::control::ControllerSettings loop_settings(double integral_time_s) {
  potline::control::ControllerSettings s;
  s.target_voltage_V = 4.2;
  s.temperature_target_K = 1238.15;
  s.temperature_gain_V_per_K = 0.010;
  s.temperature_max_offset_V = 0.2;
  s.temperature_integral_time_s = integral_time_s;
  s.sample_interval_s = 86400.0;
  s.sample_delay_s = 0.0;
  s.temperature_sample_noise_K = 0.0;
  s.alf3_sample_noise_wt = 0.0;
  return s;
}
}  // namespace

// Hand arithmetic: 2 K below target, gain 10 mV/K, T_i = 2 d, daily readings. Proportional part
// 20 mV; each reading adds 20 mV × 1 d / 2 d = 10 mV to the integral part.
TEST(HeatBalanceLoop, IntegralAddsGainTimesErrorTimesIntervalOverIntegralTime) {
  const auto s = loop_settings(2 * 86400.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 1; k <= 3; ++k) {
    c.deliver_sample(0.0, 12.0, s.temperature_target_K - 2.0);
    EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.020 + 0.010 * k, 1e-12) << k;
  }
  // Back on target: the proportional part goes, the integral part stays (the lasting correction).
  c.deliver_sample(0.0, 12.0, s.temperature_target_K);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.030, 1e-12);
}

// Proportional only (T_i = 0): the offset follows the reading and nothing accumulates.
TEST(HeatBalanceLoop, ProportionalOnlyWithoutIntegralTime) {
  const auto s = loop_settings(0.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 0; k < 5; ++k) c.deliver_sample(0.0, 12.0, s.temperature_target_K - 2.0);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.020, 1e-12);
  c.deliver_sample(0.0, 12.0, s.temperature_target_K);
  EXPECT_NEAR(c.target_voltage_V(), 4.2, 1e-12);
}

// The sum is held at ±temperature_max_offset and the integral does not wind up beyond it: after a
// long cold spell one reading above target starts bringing the offset down at once.
TEST(HeatBalanceLoop, LimitedWithoutWindUp) {
  const auto s = loop_settings(86400.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 0; k < 50; ++k) c.deliver_sample(0.0, 12.0, s.temperature_target_K - 10.0);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.2, 1e-12);
  c.deliver_sample(0.0, 12.0, s.temperature_target_K + 1.0);
  // The integral was held at 0.2 − 0.1 (proportional) = 0.1 V; now −10 mV (1 K × 10 mV/K × 1 d / 1 d),
  // proportional −10 mV: 0.09 − 0.01.
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.08, 1e-12);
}
}  // namespace test_heat_balance_loop
