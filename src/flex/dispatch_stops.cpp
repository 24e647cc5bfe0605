// Stops of the line in the dispatch MILP (flex.max_off; docs/model/flexibility.md §3): the stopped
// line's power, metal and ledge, the starts and restarts of stops, and the pre-check that fixes the
// start of a stop no schedule can hold.
#include <algorithm>
#include <cmath>

#include "dispatch_internal.hpp"

namespace potline::flex::detail {
namespace {

// Smallest and largest p·x + q·y over the polygon x ∈ [xlo, xhi], y ∈ [ylo, yhi], x + y ∈ [slo, shi]
// (a linear function's extremes over a polygon lie at its vertices, each where two of the six
// lines meet); {+inf, −inf} when the polygon is empty.
std::pair<double, double> extremes_over_state(double p, double q, double xlo, double xhi, double ylo, double yhi,
                                              double slo, double shi) {
  std::vector<std::pair<double, double>> vertices;
  for (double x : {xlo, xhi}) {
    for (double y : {ylo, yhi}) vertices.emplace_back(x, y);
    for (double s : {slo, shi}) vertices.emplace_back(x, s - x);
  }
  for (double y : {ylo, yhi}) {
    for (double s : {slo, shi}) vertices.emplace_back(s - y, y);
  }
  double least = 1e30, most = -1e30;
  const double tol = 1e-12;
  for (auto [x, y] : vertices) {
    if (x < xlo - tol || x > xhi + tol || y < ylo - tol || y > yhi + tol || x + y < slo - tol || x + y > shi + tol)
      continue;
    least = std::min(least, p * x + q * y);
    most = std::max(most, p * x + q * y);
  }
  return {least, most};
}

// Starts and restarts of stops, the start-up and shut-down variables of unit commitment
// [Morales-España et al. 2013]: start − restart = o[k] − o[k−1] (o[−1] = 0), start ≤ o[k],
// start ≤ 1 − o[k−1], restart ≤ o[k−1], restart ≤ 1 − o[k], which make them 0/1 whenever o is.
// A stop lasts at most L steps (a stopped step has a start within the last L) and, since its start
// and its restart are both set-point changes, at least the dwell window D; the line also runs at
// least D steps between a restart and the next stop. Written on the starts and restarts, these are
// the minimum up/down-time inequalities of [Rajan & Takriti 2005], which a fractional stop of the
// LP relaxation must respect too (a stop of a few percent for one step no longer passes).
void add_stop_timing_rows(const FlexCase& c, const HorizonPrices& p, const Columns& col, std::size_t L, Milp& lp) {
  const std::size_t K = col.u.size();
  const double inf = kInfinity;
  const std::size_t D = dwell_steps(c, p.step_s);
  for (std::size_t k = 0; k < K; ++k) {
    std::vector<int> i = {col.on[k], col.off[k], col.o[k]};
    std::vector<double> v = {1.0, -1.0, -1.0};
    if (k > 0) i.push_back(col.o[k - 1]), v.push_back(1.0);
    add_row(lp, 0.0, 0.0, i, v);
    add_row(lp, -inf, 0.0, {col.on[k], col.o[k]}, {1.0, -1.0});
    add_row(lp, -inf, 1.0, {col.off[k], col.o[k]}, {1.0, 1.0});
    if (k > 0) {
      add_row(lp, -inf, 1.0, {col.on[k], col.o[k - 1]}, {1.0, 1.0});
      add_row(lp, -inf, 0.0, {col.off[k], col.o[k - 1]}, {1.0, -1.0});
    }
    std::vector<int> longest = {col.o[k]}, shortest = {col.o[k]}, between = {col.o[k]};
    std::vector<double> lv = {1.0}, sv = {-1.0}, bv = {1.0};
    for (std::size_t j = (k + 1 > L ? k + 1 - L : 0); j <= k; ++j) longest.push_back(col.on[j]), lv.push_back(-1.0);
    for (std::size_t j = (k + 1 > D ? k + 1 - D : 0); j <= k; ++j) {
      shortest.push_back(col.on[j]), sv.push_back(1.0);
      between.push_back(col.off[j]), bv.push_back(1.0);
    }
    add_row(lp, -inf, 0.0, longest, lv);
    if (D >= 2) {
      add_row(lp, -inf, 0.0, shortest, sv);
      add_row(lp, -inf, 1.0, between, bv);
    }
  }
}

}  // namespace

std::size_t off_steps(const FlexCase& c, double step_s) {
  return whole_steps(c.dispatch.max_off_s, step_s, false);
}

double running_share_reach(const FlexCase& c) {
  return std::max(1.0 - c.dispatch.min_power, c.dispatch.max_power - 1.0) + 1e-9;
}

// Tight column bounds keep the big-M rows that involve the ledge tight.
std::pair<double, double> stop_ledge_range(const ReducedModel& m, std::size_t K) {
  const double sum = m.a_stop < 0.999 ? 1.0 / (1.0 - m.a_stop) : static_cast<double>(K);
  return {std::min(0.0, m.b_stop) * sum, std::max(0.0, m.b_stop) * sum};
}

double ledge_column_reach(const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K) {
  if (!g.heat) return 1.0;
  const auto [ylo, yhi] = stop_ledge_range(m, K);
  return std::max(std::abs(h.ledge_min_m - m.ledge_ref_m - yhi), std::abs(h.ledge_max_m - m.ledge_ref_m - ylo));
}

// A stop lasts at least n = min(D, K − k) steps (D the dwell window, add_stop_timing_rows), over
// which the ledge follows x ← a·x − b, y ← a_stop·y + b_stop from whatever state the bounds allow
// before it; if no such state keeps the ledge within its bounds (or, at the horizon's end, the end
// condition) through those n steps, no schedule stops there, and the start's column is fixed at 0.
// The MILP loses no schedule (the rows would forbid it anyway), but its LP relaxation no longer
// stops a fraction of an impossible stop.
bool stop_can_start(const FlexCase& c, const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K,
                    std::size_t k, std::size_t D, std::pair<double, double> x_range, std::pair<double, double> y_range) {
  if (!g.heat) return true;
  const double lmin = h.ledge_min_m - m.ledge_ref_m, lmax = h.ledge_max_m - m.ledge_ref_m;
  double rise = 0, frozen = 0, p = 1, q = 1;
  for (std::size_t j = 1; j <= D && k + j <= K; ++j) {
    rise = m.a * rise - m.b;
    frozen = m.a_stop * frozen + m.b_stop;
    p *= m.a;
    q *= m.a_stop;
    double lo = lmin, hi = lmax;
    if (k + j == K && g.end) {
      lo = std::max(lo, -c.dispatch.end_ledge_tolerance_m);
      hi = std::min(hi, c.dispatch.end_ledge_tolerance_m);
    }
    const auto [least, most] =
        k == 0 ? std::pair<double, double>{0.0, 0.0}
               : extremes_over_state(p, q, x_range.first, x_range.second, y_range.first, y_range.second, lmin, lmax);
    if (least + rise + frozen > hi + 1e-12 || most + rise + frozen < lo - 1e-12) return false;
  }
  return true;
}

void add_restart_level_rows(const FlexCase& c, const ReducedModel& m, const Columns& col, Milp& lp) {
  const double inf = kInfinity, lo = c.dispatch.min_power - 1.0, hi = highest_share(c, m) - 1.0;
  for (std::size_t k = 0; k < col.level.size(); ++k) {
    const int v = col.level[k], p = col.running[k], r = col.off[k], o = col.o[k];
    add_row(lp, 0.0, 0.0, {col.u[k], o, v, p}, {1.0, 1.0, -1.0, -1.0});  // u = −o + v + p
    add_row(lp, -inf, 0.0, {v, r}, {1.0, -hi});                          // v ≤ hi·r
    add_row(lp, 0.0, inf, {v, r}, {1.0, -lo});                           // v ≥ lo·r
    add_row(lp, -inf, hi, {p, o, r}, {1.0, hi, hi});                     // p ≤ hi·(1 − o − r)
    add_row(lp, lo, inf, {p, o, r}, {1.0, lo, lo});                      // p ≥ lo·(1 − o − r)
  }
}

// o[k] = 1 holds u = m = −1 (power and metal zero); otherwise u stays within the power limits. At
// most flex.max_off/Δt stopped steps in a row.
void add_off_rows(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                  const Groups& g, const Columns& col, Milp& lp) {
  if (!col.stops()) return;
  const std::size_t K = col.u.size(), L = off_steps(c, p.step_s);
  const double inf = kInfinity, lo = c.dispatch.min_power - 1.0, hi = highest_share(c, m) - 1.0;
  const double metal_top = std::max(highest_production(c, m) - 1.0, 0.0);
  for (std::size_t k = 0; k < K; ++k) {
    add_row(lp, lo, inf, {col.u[k], col.o[k]}, {1.0, lo + 1.0});             // u ≥ lo unless stopped (−1)
    add_row(lp, -inf, hi, {col.u[k], col.o[k]}, {1.0, hi + 1.0});            // u ≤ hi, −1 when stopped
    add_row(lp, -inf, metal_top, {col.m[k], col.o[k]}, {1.0, metal_top + 1.0});  // m ≤ −1 when stopped
    // The stop's ledge y (reduced_model.hpp) and the ledge bounds and end condition on x + y.
    if (k == 0) add_row(lp, 0.0, 0.0, {col.y[0], col.o[0]}, {1.0, -m.b_stop});
    else add_row(lp, 0.0, 0.0, {col.y[k], col.y[k - 1], col.o[k]}, {1.0, -m.a_stop, -m.b_stop});
    double low = g.heat ? h.ledge_min_m - m.ledge_ref_m : -inf, high = g.heat ? h.ledge_max_m - m.ledge_ref_m : inf;
    if (k + 1 == K && g.end) {
      low = std::max(low, -c.dispatch.end_ledge_tolerance_m);
      high = std::min(high, c.dispatch.end_ledge_tolerance_m);
    }
    add_row(lp, low, high, {col.x[k], col.y[k]}, {1.0, 1.0});
  }
  add_stop_timing_rows(c, p, col, L, lp);
  add_restart_level_rows(c, m, col, lp);
}

}  // namespace potline::flex::detail
