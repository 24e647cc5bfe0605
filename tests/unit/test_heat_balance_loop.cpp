// The pot controller's heat-balance outer loop (docs/model/dynamics.md §4): proportional on the
// sampled bath temperature, with an optional integral part (the running heat inventory of
// [Comalco EP0671488]) that removes a lasting error, and a limit on the sum without wind-up (the
// integral state clamped to the limit; no integration while the proportional part alone saturates).
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

// The sum is held at ±temperature_max_offset and the integral state is clamped to the same range
// (integrator clamping, [Åström & Hägglund 2006]): after a long cold spell it sits at the limit, not
// beyond, so one reading above target takes the sum off the limit at once.
TEST(HeatBalanceLoop, LimitedWithoutWindUp) {
  const auto s = loop_settings(86400.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 0; k < 50; ++k) c.deliver_sample(0.0, 12.0, s.temperature_target_K - 10.0);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.2, 1e-12);
  c.deliver_sample(0.0, 12.0, s.temperature_target_K + 1.0);
  // The integral was held at the limit, 0.2 V; now −10 mV (1 K × 10 mV/K × 1 d / 1 d), proportional
  // −10 mV: 0.19 − 0.01.
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.18, 1e-12);
}

// Readings taken at saturation do not drag the integral below the limit (ladder row f,
// docs/model/dynamics.md §6): a cell that is cold on average (readings alternating 5 K below and
// 1 K above target, mean 2 K below) keeps its integral at the limit. Hand arithmetic: after a warm
// reading the sum is 0.2 − 0.01 (integral step) − 0.01 (proportional) = 0.18 V, after a cold one
// 0.2 V (clipped). The former clamp (integral ≤ limit − proportional) gave 0.13 and 0.2 V: each cold
// reading reset the integral to 0.2 − 0.05 and each warm one integrated downwards.
TEST(HeatBalanceLoop, ReadingsAtSaturationDoNotDragTheIntegralDown) {
  const auto s = loop_settings(86400.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 0; k < 20; ++k) {
    c.deliver_sample(0.0, 12.0, s.temperature_target_K - 5.0);
    EXPECT_LE(c.target_voltage_V(), 4.2 + 0.2 + 1e-12);
    c.deliver_sample(0.0, 12.0, s.temperature_target_K + 1.0);
  }
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.18, 1e-12);
  c.deliver_sample(0.0, 12.0, s.temperature_target_K - 5.0);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.2, 1e-12);
  // And symmetrically at the lower limit.
  for (int k = 0; k < 20; ++k) {
    c.deliver_sample(0.0, 12.0, s.temperature_target_K + 5.0);
    c.deliver_sample(0.0, 12.0, s.temperature_target_K - 1.0);
  }
  EXPECT_NEAR(c.target_voltage_V(), 4.2 - 0.18, 1e-12);
}

// Conditional integration: a reading whose proportional part alone saturates the output (30 K cold:
// 300 mV ≥ the 200 mV limit) does not integrate, because the integral could not change the output
// then; after a long, very cold spell (a power cut) the integral is where it was. Hand arithmetic:
// offsets 0.2 (clipped) during the spell, then 0 at target. The former clamp (integral ≤ limit −
// proportional) even drove the integral to 0.2 − 0.3 = −0.1 V, so the cell ran 100 mV low after it.
TEST(HeatBalanceLoop, ReadingsBeyondTheProportionalRangeDoNotIntegrate) {
  const auto s = loop_settings(86400.0);
  potline::control::PotController c(&s, 1e9, 1e9, 1, 0);
  for (int k = 0; k < 5; ++k) {
    c.deliver_sample(0.0, 12.0, s.temperature_target_K - 30.0);
    EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.2, 1e-12);
  }
  c.deliver_sample(0.0, 12.0, s.temperature_target_K);
  EXPECT_NEAR(c.target_voltage_V(), 4.2, 1e-12);
  // 19 K cold: 190 mV, within range: integrates 190 mV × 1 d / 1 d, the sum clipped at 0.2 V.
  c.deliver_sample(0.0, 12.0, s.temperature_target_K - 19.0);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.2, 1e-12);
  c.deliver_sample(0.0, 12.0, s.temperature_target_K);
  EXPECT_NEAR(c.target_voltage_V(), 4.2 + 0.19, 1e-12);
}
}  // namespace test_heat_balance_loop
