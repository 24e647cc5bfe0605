// The tracking feed cycle centred on the design alumina (src/control/feed_cycle.cpp;
// docs/model/dynamics.md §4, "Feed: where the cycle sits"): the triangle's arithmetic by hand, and
// the threshold the controller's own fit needs, against the slope of a smooth curve at the fit
// window's middle.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/control/feed_cycle.hpp"

namespace test_feed_cycle {
using namespace potline::control;

namespace {
ControllerSettings settings() {
  ControllerSettings s;
  s.sample_period_s = 5.0;
  s.average_period_s = 120.0;
  s.slope_points = 10;
  s.min_underfeed_s = 1200.0;
  s.underfeed_factor = 0.7;
  s.overfeed_factor = 1.4;
  s.overfeed_duration_s = 3600.0;
  s.nominal_feed_kg_per_s = 0.1;
  s.back_emf_V = 1.65;
  return s;
}

// V(c) = 4 V + k/(c − c0): steep towards c0, as the anode overvoltage near the anode effect.
VoltageCurve curve(double k, double c0) {
  VoltageCurve v;
  v.first_wt = c0 + 0.1;
  v.step_wt = 0.005;
  for (double c = v.first_wt; c <= 4.0 + 1e-9; c += v.step_wt)
    v.voltage_V.push_back(4.0 + k / (c - c0));
  return v;
}
}  // namespace

// By hand: consumption 0.1 kg/s, feed 0.07 / 0.14 kg/s, bath 10 t: the bath falls 0.03·100/10000 =
// 3e-4 wt%/s in underfeed and rises 4e-4 wt%/s in overfeed, 1.44 wt% in the hour; a triangle's mean
// is its bottom + half its height; the undissolved pool ((1 − 0.5)/0.003 s = 166.7 s) lifts the
// bottom by 166.7 s × 3e-4 wt%/s = 0.05 wt%.
TEST(FeedCycle, TriangleCentredOnTheDesignAluminaByHand) {
  const FeedCycle c = centred_feed_cycle(settings(), 2.5, 0.1, 10000.0, 0.5 / 0.003);
  EXPECT_NEAR(c.underfeed_rate_wt_per_s, 3e-4, 1e-12);
  EXPECT_NEAR(c.overfeed_rate_wt_per_s, 4e-4, 1e-12);
  EXPECT_NEAR(c.swing_wt, 1.44, 1e-9);
  EXPECT_NEAR(c.bottom_wt, 2.5 - 0.72 + 0.05, 1e-9);
  EXPECT_NEAR(c.top_wt, c.bottom_wt + 1.44, 1e-9);
  const FeedCycle no_pool = centred_feed_cycle(settings(), 2.5, 0.1, 10000.0);
  EXPECT_NEAR(no_pool.bottom_wt + 0.5 * no_pool.swing_wt, 2.5, 1e-12);
}

// Without noise the least-squares line through the last 10 two-minute averages has, for a smooth
// curve, the slope at the window's middle, 10 min before the newest average: the threshold that
// switches at the bottom is the true voltage rate at bottom + rate × 600 s (not a recomputation of
// the code, which searches the threshold on simulated legs by bisection).
TEST(FeedCycle, NoiseFreeThresholdIsTheSlopeAtTheFitWindowsMiddle) {
  ControllerSettings s = settings();
  s.voltage_noise_V = 0.0;
  s.current_noise_fraction = 0.0;
  const FeedCycle c = centred_feed_cycle(s, 2.5, 0.1, 10000.0);
  const double k = 0.05, c0 = 1.2;
  const double thr = centred_slope_threshold_V_per_s(s, c, curve(k, c0), 20);
  const double at =
      c.bottom_wt + c.underfeed_rate_wt_per_s * 0.5 * s.slope_points * s.average_period_s;
  const double expected = k / ((at - c0) * (at - c0)) * c.underfeed_rate_wt_per_s;  // −∂V/∂c × rate
  // The switch falls on a 2-min decision: the threshold is the slope the fit reads at the last
  // decision above the bottom, which lies at most one step (2 min of underfeed) above it.
  const double step = c.underfeed_rate_wt_per_s * s.average_period_s;
  const double earlier = k / ((at + step - c0) * (at + step - c0)) * c.underfeed_rate_wt_per_s;
  EXPECT_GT(thr, earlier * 0.98);
  EXPECT_LT(thr, expected * 1.02);
}

// Noise makes the fit cross early: to switch at the same mean concentration the threshold must be
// higher than without it; an ACD closing under a still beam (negative drift) lowers the slope read,
// so the threshold is lower.
TEST(FeedCycle, NoiseRaisesAndAcdDriftLowersTheThreshold) {
  ControllerSettings quiet = settings();
  quiet.voltage_noise_V = 0.0;
  quiet.current_noise_fraction = 0.0;
  ControllerSettings noisy = settings();
  noisy.voltage_noise_V = 0.020;
  noisy.current_noise_fraction = 0.002;
  const FeedCycle c = centred_feed_cycle(quiet, 2.5, 0.1, 10000.0);
  VoltageCurve v = curve(0.02, 1.2);
  const double q = centred_slope_threshold_V_per_s(quiet, c, v);
  const double n = centred_slope_threshold_V_per_s(noisy, c, v);
  EXPECT_GT(n, q);
  v.drift_V_per_s = -0.2e-3 / 60.0;
  EXPECT_NEAR(centred_slope_threshold_V_per_s(quiet, c, v), q - 0.2e-3 / 60.0, 0.05 * q);
  // Deterministic: a tuning, not a draw of the run.
  EXPECT_EQ(centred_slope_threshold_V_per_s(noisy, c, curve(0.02, 1.2)), n);
}

}  // namespace test_feed_cycle
