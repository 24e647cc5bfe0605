// The purest pots of a population and the normal-freezing (Scheil) yield of fractional
// crystallisation: docs/model/hpa.md ("Feed from the pots", "Segregation yield").
#include "potline/purity/feed.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace potline::purity {
namespace {

// A log-normal variable with mean m and coefficient of variation c (purity.md): σ² = ln(1 + c²),
// μ = ln m − σ²/2. CDF at a, and the partial mean E[X; X ≤ a] = m · Φ((ln a − μ − σ²)/σ).
struct LogNormal {
  double mean = 0;
  double cv = 0;
  double cdf(double a) const {
    if (!(mean > 0.0)) return 1.0;  // no impurity: every pot meets any limit
    if (!(cv > 0.0)) return a >= mean ? 1.0 : 0.0;
    if (!(a > 0.0)) return 0.0;
    const double s2 = std::log1p(cv * cv);
    return phi((std::log(a) - std::log(mean) + 0.5 * s2) / std::sqrt(s2));
  }
  double partial_mean(double a) const {
    if (!(mean > 0.0)) return 0.0;
    if (!(cv > 0.0)) return a >= mean ? mean : 0.0;
    if (!(a > 0.0)) return 0.0;
    const double s2 = std::log1p(cv * cv);
    return mean * phi((std::log(a) - std::log(mean) - 0.5 * s2) / std::sqrt(s2));
  }
  /// Mean of the pots with X ≤ a (the population's mean when none or all qualify).
  double conditional_mean(double a) const {
    const double p = cdf(a);
    return p > 0.0 ? partial_mean(a) / p : mean;
  }
  static double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }
};

}  // namespace

PotSelection purest_pots(double mean_si, double cv_si, double mean_fe, double cv_fe, const Grade& requirement,
                         double share) {
  const LogNormal fe{mean_fe, cv_fe};
  const LogNormal si{mean_si, cv_si};
  // Share of pots with r ≤ t: both elements within t times the requirement's limits (independent).
  const auto within = [&](double t) { return fe.cdf(t * requirement.fe_max) * si.cdf(t * requirement.si_max); };
  PotSelection s;
  s.share_meeting = within(1.0);
  s.share = std::clamp(share, 0.0, 1.0);
  if (!(s.share > 0.0) || s.share >= 1.0) {  // no pot or every pot: the population's means
    s.cutoff = s.share >= 1.0 ? std::numeric_limits<double>::max() : 0.0;
    s.fe = mean_fe;
    s.si = mean_si;
    return s;
  }
  // within(t) rises from 0 to 1 with t; bisect on ln t for the cutoff that takes `share` of the pots.
  double lo = std::log(1e-9), hi = std::log(1e9);
  for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
    const double mid = 0.5 * (lo + hi);
    (within(std::exp(mid)) < s.share ? lo : hi) = mid;
  }
  s.cutoff = std::exp(hi);  // the upper bracket: within(cutoff) ≥ share > 0
  s.fe = fe.conditional_mean(s.cutoff * requirement.fe_max);
  s.si = si.conditional_mean(s.cutoff * requirement.si_max);
  return s;
}

double normal_freezing_mean(double k, double g) {
  if (!(g > 0.0)) return k;
  if (g >= 1.0) return 1.0;
  // 1 − (1 − g)^k without cancellation for small k·g.
  return -std::expm1(k * std::log1p(-g)) / g;
}

double normal_freezing_yield(double k, double ratio) {
  if (ratio >= 1.0) return 1.0;
  if (!(ratio > k)) return 0.0;
  // normal_freezing_mean rises from k (g → 0) to 1 (g = 1): bisect for mean = ratio.
  double lo = 0.0, hi = 1.0;
  for (int i = 0; i < 200 && hi - lo > 1e-14; ++i) {
    const double mid = 0.5 * (lo + hi);
    (normal_freezing_mean(k, mid) <= ratio ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace potline::purity
