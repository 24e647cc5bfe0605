// The tracking feed control's cycle to first order and the slope threshold that centres it on the
// design point's alumina (docs/model/dynamics.md §4, "Feed: where the cycle sits").
#include "potline/control/feed_cycle.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "potline/control/random.hpp"

namespace potline::control {

FeedCycle centred_feed_cycle(const ControllerSettings& s, double mean_alumina_wt,
                             double consumption_kg_per_s, double bath_mass_kg,
                             double undissolved_lag_s) noexcept {
  FeedCycle c;
  if (!(bath_mass_kg > 0.0)) return c;
  const double per_kg_wt = 100.0 / bath_mass_kg;
  c.underfeed_rate_wt_per_s =
      (consumption_kg_per_s - s.underfeed_factor * s.nominal_feed_kg_per_s) * per_kg_wt;
  c.overfeed_rate_wt_per_s =
      (s.overfeed_factor * s.nominal_feed_kg_per_s - consumption_kg_per_s) * per_kg_wt;
  c.swing_wt = std::max(0.0, c.overfeed_rate_wt_per_s) * s.overfeed_duration_s;
  const double lag_wt = std::max(0.0, c.underfeed_rate_wt_per_s) * std::max(0.0, undissolved_lag_s);
  c.bottom_wt = mean_alumina_wt - 0.5 * c.swing_wt + lag_wt;
  c.top_wt = c.bottom_wt + c.swing_wt;
  return c;
}

double VoltageCurve::at(double alumina_wt) const noexcept {
  if (voltage_V.empty()) return 0.0;
  const double x = (alumina_wt - first_wt) / step_wt;
  if (!(x > 0.0)) return voltage_V.front();
  const auto i = static_cast<std::size_t>(x);
  if (i + 1 >= voltage_V.size()) return voltage_V.back();
  const double f = x - static_cast<double>(i);
  return voltage_V[i] + f * (voltage_V[i + 1] - voltage_V[i]);
}

namespace {
// One underfeed leg as the controller reads it: at each new R_p average (after min_underfeed and
// once slope_points are in) the fitted slope × nominal current [V/s] and the concentration then.
struct Decision {
  double slope_V_per_s, alumina_wt;
};

std::vector<Decision> underfeed_leg(const ControllerSettings& s, const FeedCycle& cycle,
                                    const VoltageCurve& curve, Random& rng) {
  std::vector<Decision> leg;
  const double P = s.average_period_s;
  const int N = std::max(2, s.slope_points);
  // Noise of one average of P / sample period readings: the voltage's, and the current's through
  // R_p·I = (V − E_b)/(1 + ε) (relative ε), as the controller computes it (sample()).
  const double n = s.sample_period_s > 0.0 ? std::max(1.0, std::floor(P / s.sample_period_s)) : 1.0;
  const double v_mid = curve.at(cycle.bottom_wt);
  const double current_part = s.current_noise_fraction * std::max(0.0, v_mid - s.back_emf_V);
  const double sigma =
      std::sqrt((s.voltage_noise_V * s.voltage_noise_V + current_part * current_part) / n);
  // Long enough to pass well below the bottom: the triangle's underfeed leg twice over.
  const double fall = cycle.top_wt - cycle.bottom_wt;
  const int averages =
      static_cast<int>(std::ceil(2.0 * fall / (cycle.underfeed_rate_wt_per_s * P))) + N;
  std::vector<double> r(static_cast<std::size_t>(averages));
  for (int k = 0; k < averages; ++k) {
    const double mid_t = (k + 0.5) * P;
    r[static_cast<std::size_t>(k)] =
        curve.at(cycle.top_wt - cycle.underfeed_rate_wt_per_s * mid_t) +
        curve.drift_V_per_s * mid_t + sigma * rng.normal();
    const double end_t = (k + 1) * P;
    if (k + 1 < N || end_t < s.min_underfeed_s) continue;
    double st = 0, sr = 0;  // least squares through the last N, as PotController::slope()
    for (int j = k + 1 - N; j <= k; ++j) st += j, sr += r[static_cast<std::size_t>(j)];
    const double mt = st / N, mr = sr / N;
    double num = 0, den = 0;
    for (int j = k + 1 - N; j <= k; ++j) {
      num += (j - mt) * (r[static_cast<std::size_t>(j)] - mr);
      den += (j - mt) * (j - mt);
    }
    leg.push_back({num / den / P, cycle.top_wt - cycle.underfeed_rate_wt_per_s * end_t});
  }
  return leg;
}

// Mean concentration at the switch to overfeed over the legs for threshold `thr` (a leg that
// never reaches it counts at its end).
double mean_switch_wt(const std::vector<std::vector<Decision>>& legs, double thr) {
  double sum = 0;
  for (const std::vector<Decision>& leg : legs) {
    double c = leg.empty() ? 0.0 : leg.back().alumina_wt;
    for (const Decision& d : leg) {
      if (d.slope_V_per_s >= thr) {
        c = d.alumina_wt;
        break;
      }
    }
    sum += c;
  }
  return legs.empty() ? 0.0 : sum / static_cast<double>(legs.size());
}
}  // namespace

double centred_slope_threshold_V_per_s(const ControllerSettings& s, const FeedCycle& cycle,
                                       const VoltageCurve& curve, int legs) noexcept {
  if (!(cycle.underfeed_rate_wt_per_s > 0.0) || !(s.average_period_s > 0.0) || legs < 1) return 0.0;
  // A fixed seed: the threshold is a setting of the controller, tuned once, not a draw of the run.
  Random rng(0x7fee'dc0c'1e00ULL, 0);
  std::vector<std::vector<Decision>> draws;
  draws.reserve(static_cast<std::size_t>(legs));
  double hi = 0.0;
  for (int k = 0; k < legs; ++k) {
    draws.push_back(underfeed_leg(s, cycle, curve, rng));
    for (const Decision& d : draws.back()) hi = std::max(hi, d.slope_V_per_s);
  }
  double lo = 0.0;  // switches early: mean above the bottom; hi: never switches, below it
  for (int i = 0; i < 50; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mean_switch_wt(draws, mid) > cycle.bottom_wt ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace potline::control
