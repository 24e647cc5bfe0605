// The production lag of the reduced model (reduced_model.hpp; docs/model/flexibility.md §2): the
// step's metal follows the production curve with a first-order lag, fitted to the per-step metal of
// the curve's constant-power runs; the schedule's metal path through it.
#include <algorithm>
#include <cmath>

#include "reduced_model_internal.hpp"

namespace potline::flex {
namespace detail {
namespace {

// Grid of the lag per step ρ the fit scans (a numerical choice: 0.002 resolves a time constant of
// hours at hourly steps to a few percent); e_inst is solved in closed form at each.
constexpr double kLagGridStep = 0.002;
constexpr double kLagGridMax = 0.98;
// Bounds of e_inst (a guard on a degenerate fit: a change of power makes between none and three
// times its share of metal in its first step).
constexpr double kInstantMax = 3.0;

// Mean over N steps of ρ^(k+1), k = 0..N−1: the share of a level's change a run of N steps from
// nominal misses through the lag (L in the header comment).
double transient_share(double rho, std::size_t steps) {
  if (rho <= 0.0 || steps == 0) return 0.0;
  const auto n = static_cast<double>(steps);
  return rho * (1.0 - std::pow(rho, n)) / ((1.0 - rho) * n);
}

struct LagFit {
  double rho = 0, instant = 1, sum_sq = 0;
  std::size_t n = 0;
};

// The model's per-step deviation of a level run from nominal: d[k] = g·(1 − ρ^(k+1)) + e·u·ρ^(k+1)
// with g the settled value, (mean − e·u·L)/(1 − L) (the run's mean reproduced exactly). Linear in
// e: d[k] = mean·A[k] + e·u·B[k].
LagFit fit_at(const std::vector<LevelSteps>& levels, double rho) {
  LagFit f;
  f.rho = rho;
  double num = 0, den = 0;
  for (const LevelSteps& l : levels) {
    const double u = l.share - 1.0, L = transient_share(rho, l.d.size());
    double power = rho;
    for (double d : l.d) {
      const double A = (1.0 - power) / (1.0 - L), B = power - L * (1.0 - power) / (1.0 - L);
      num += u * B * (d - l.mean * A);
      den += u * u * B * B;
      power *= rho;
    }
  }
  f.instant = den > 1e-300 ? std::clamp(num / den, 0.0, kInstantMax) : 1.0;
  for (const LevelSteps& l : levels) {
    const double u = l.share - 1.0, L = transient_share(rho, l.d.size());
    double power = rho;
    for (double d : l.d) {
      const double A = (1.0 - power) / (1.0 - L), B = power - L * (1.0 - power) / (1.0 - L);
      const double r = d - l.mean * A - f.instant * u * B;
      f.sum_sq += r * r;
      ++f.n;
      power *= rho;
    }
  }
  return f;
}

}  // namespace

void fit_production_lag(const std::vector<LevelSteps>& levels, ReducedModel& m) {
  LagFit best = fit_at(levels, 0.0);
  const double static_sq = best.sum_sq;
  for (double rho = kLagGridStep; rho <= kLagGridMax + 1e-12; rho += kLagGridStep) {
    const LagFit f = fit_at(levels, rho);
    if (f.sum_sq < best.sum_sq) best = f;
  }
  m.production_lag = best.rho;
  m.production_instant = best.rho > 0 ? best.instant : 1.0;
  m.production_lag_fit_steps = best.n;
  const auto n = static_cast<double>(std::max<std::size_t>(best.n, 1));
  m.production_lag_fit_rms = std::sqrt(best.sum_sq / n);
  m.production_static_fit_rms = std::sqrt(static_sq / n);
}

double settled_deviation(const ReducedModel& m, double u, double mean, std::size_t steps) {
  const double L = transient_share(m.production_lag, steps);
  return (mean - m.production_instant * u * L) / (1.0 - L);
}

}  // namespace detail

std::vector<double> ReducedModel::production_deviations(const std::vector<double>& shares) const {
  std::vector<double> n(shares.size(), -1.0);
  double q = 0;  // the lagged part: 0 at nominal before the horizon
  for (std::size_t k = 0; k < shares.size(); ++k) {
    if (shares[k] <= 0.0) {  // stopped: no current, no metal (u = −1)
      q = production_instant - 1.0;
      continue;
    }
    const double u = shares[k] - 1.0, settled = production_share(shares[k]) - 1.0;
    q = production_lag * q + (1.0 - production_lag) * (settled - production_instant * u);
    n[k] = production_instant * u + q;
  }
  return n;
}

std::vector<double> ReducedModel::production_path(const std::vector<double>& shares) const {
  std::vector<double> path = production_deviations(shares);
  const std::vector<double> deficit = rise_deficit(shares);
  for (std::size_t k = 0; k < shares.size(); ++k) {
    const bool starts = shares[k] <= 0.0 && (k == 0 || shares[k - 1] > 0.0);
    // The profile is added (not a factor): a factor would let the dispatch chase the undisturbed
    // run's hour-to-hour scatter (tapping, feeding), which another run does not repeat.
    const double running = shares[k] > 0.0 ? base_production_share(k) - 1.0 : 0.0;
    const bool restarts = k > 0 && shares[k] > 0.0 && shares[k - 1] <= 0.0;
    path[k] = running + 1.0 + path[k] - rise_metal * deficit[k] -
              (starts ? stop_metal_steps : 0.0) -
              (restarts ? stop_metal_slope * (shares[k] - 1.0) : 0.0);
  }
  return path;
}

double ReducedModel::step_production_share(const std::vector<double>& shares, std::size_t k) const {
  const std::vector<double> head(shares.begin(),
                                 shares.begin() + static_cast<std::ptrdiff_t>(k + 1));
  return production_path(head).back();
}

}  // namespace potline::flex
