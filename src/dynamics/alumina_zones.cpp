// Feeder zones of dissolved alumina: docs/model/dynamics.md, "Feeder zones", and the header.
#include "potline/dynamics/alumina_zones.hpp"

#include <algorithm>
#include <cmath>

namespace potline::dynamics {
namespace {
// Ratio i/i_c at which a zone's concentration overvoltage is capped: the zone is then at its
// anode-effect onset, which the driver turns into an anode effect at the same step.
constexpr double kMaxCurrentRatio = 0.99;

}  // namespace

AluminaZones::AluminaZones(int zones, double mixing_time_s, double step_s)
    : n_(std::clamp(zones, 1, kMaxAluminaZones)), step_s_(step_s), mixing_time_s_(mixing_time_s),
      quench_mixing_time_s_(kQuenchMixingTime_s) {
  decay_ = std::exp(-step_s_ / mixing_time_s_);
  quench_decay_ = std::exp(-step_s_ / quench_mixing_time_s_);
  for (int i = 0; i < n_; ++i) share_[static_cast<std::size_t>(i)] = 1.0 / n_;
}

void AluminaZones::update_min() {
  double lowest = 0.0;
  for (int i = 0; i < n_; ++i) lowest = std::min(lowest, deviation_[static_cast<std::size_t>(i)]);
  min_deviation_ = lowest;
}

void AluminaZones::add(int zone, double dissolved_kg, double undissolved_kg, double undissolved_before_kg,
                       double bath_kg) {
  const auto z = static_cast<std::size_t>(std::clamp(zone, 0, n_ - 1));
  if (dissolved_kg > 0.0 && bath_kg > 0.0) {
    const double mean_rise = 100.0 * dissolved_kg / bath_kg;
    for (int i = 0; i < n_; ++i) deviation_[static_cast<std::size_t>(i)] -= mean_rise;
    deviation_[z] += mean_rise * n_;  // 100·m/(w·M) with w = 1/N
  }
  const double total = undissolved_before_kg + undissolved_kg;
  if (undissolved_kg > 0.0 && total > 0.0) {
    const double before = std::max(undissolved_before_kg, 0.0);
    for (int i = 0; i < n_; ++i) share_[static_cast<std::size_t>(i)] *= before / total;
    share_[z] += undissolved_kg / total;
  }
  update_min();
}

void AluminaZones::add_evenly(double undissolved_kg, double undissolved_before_kg) {
  const double total = undissolved_before_kg + undissolved_kg;
  if (!(undissolved_kg > 0.0) || !(total > 0.0)) return;
  const double before = std::max(undissolved_before_kg, 0.0);
  for (int i = 0; i < n_; ++i) {
    double& s = share_[static_cast<std::size_t>(i)];
    s = s * before / total + undissolved_kg / total / n_;
  }
}

void AluminaZones::advance(double dissolution_kg_per_s, double bath_kg, bool fast_mixing) {
  // Exact solution of dδ/dt = a − δ/τ over one step with a held: δ ← a·τ + (δ − a·τ)·e^(−h/τ).
  const double tau = fast_mixing ? quench_mixing_time_s_ : mixing_time_s_;
  const double decay = fast_mixing ? quench_decay_ : decay_;
  const double scale = bath_kg > 0.0 ? 100.0 * dissolution_kg_per_s * n_ / bath_kg * tau : 0.0;
  const double w = 1.0 / n_;
  double lowest = 0.0;
  for (int i = 0; i < n_; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const double target = scale * (share_[k] - w);  // a·τ
    deviation_[k] = target + (deviation_[k] - target) * decay;
    lowest = std::min(lowest, deviation_[k]);
  }
  min_deviation_ = lowest;
}

double AluminaZones::concentration_overvoltage_V(double mean_alumina_wt, double ae_alumina_wt,
                                                 double temperature_K) const {
  // i/i_c(c) = (√(C_AE/100) − 0.04)/(√(c/100) − 0.04): the critical current density is
  // proportional to √(c/100) − 0.04 ([Grjotheim & Welch 1988], as cell::haupin) and equals i at
  // C_AE. The overvoltage of each zone is [Haupin 1998]'s (T/23209)·ln(i_c/(i_c − i)), with
  // 23209 K/V = 2F/R ([CODATA 2018]).
  const double numerator = std::sqrt(std::max(ae_alumina_wt, 0.0) / 100.0) - 0.04;
  const auto ratio = [&](double c_wt) {
    const double d = std::sqrt(std::max(c_wt, 0.0) / 100.0) - 0.04;
    return d > numerator && d > 0.0 ? numerator / d : 1.0;
  };
  // Σ_i ln(1/(1 − r_i))/N − ln(1/(1 − r̄)) = ln((1 − r̄)^N / Π_i(1 − r_i))/N: one logarithm.
  const double free_mean = 1.0 - std::min(ratio(mean_alumina_wt), kMaxCurrentRatio);
  double quotient = 1.0;
  for (int i = 0; i < n_; ++i) {
    const double r = std::min(ratio(mean_alumina_wt + deviation_[static_cast<std::size_t>(i)]), kMaxCurrentRatio);
    quotient *= free_mean / (1.0 - r);
  }
  return temperature_K / 23209.0 * std::log(quotient) / n_;
}

}  // namespace potline::dynamics
