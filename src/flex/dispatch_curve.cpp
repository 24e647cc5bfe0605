// The production curve in the dispatch problem (docs/model/flexibility.md §3): m ≤ f(u + 1) − 1
// with f piecewise linear. A concave f is the minimum of its segments' lines: rows of an LP. A
// non-concave one (the measured points of an S-shaped curve, ReducedModel::curve_exact) takes the
// incremental form of a piecewise-linear function [Vielma et al. 2010]: u + 1 = s_0 + Σ w_j·δ_j,
// m + 1 ≤ p_0 + Σ r_j·δ_j, each segment's fill δ_j in [0, 1], and a binary y_i per convex kink
// between the concave runs i and i + 1 with y_i ≤ δ_j for the segments of run i (filled before)
// and δ_j ≤ y_i for those of run i + 1. Within a run no binary is needed: for a given power the
// problem fills its steeper segments first, which is the run's order (concave). The LP relaxation
// of the form is the concave hull of the curve, as tight as any [Vielma et al. 2010].
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "dispatch_internal.hpp"

namespace potline::flex::detail {

CurvePieces curve_pieces(const FlexCase& c, const ReducedModel& m) {
  CurvePieces cp;
  m.curve_points(c.dispatch.min_power, std::max(c.dispatch.min_power + 1e-6, highest_share(c, m)),
                 cp.share, cp.production);
  std::size_t run = 0;
  double last = 0;
  for (std::size_t j = 0; j + 1 < cp.share.size(); ++j) {
    const double g = (cp.production[j + 1] - cp.production[j]) / (cp.share[j + 1] - cp.share[j]);
    // A slope that rises (beyond round-off; curve_points has merged equal slopes) ends a run.
    if (j > 0 && g > last + 1e-9 * std::max(1.0, std::abs(last))) ++run;
    cp.run.push_back(run);
    last = g;
  }
  return cp;
}

void add_curve_columns(std::size_t k, Columns& col, Milp& lp) {
  const CurvePieces& cp = col.curve;
  if (cp.concave()) return;
  if (col.fill.size() <= k) col.fill.resize(k + 1), col.kink.resize(k + 1);
  for (std::size_t j = 0; j < cp.run.size(); ++j)
    col.fill[k].push_back(lp.add_column(fmt::format("fill{}_{}", k, j), 0.0, 1.0, 0.0));
  for (std::size_t i = 0; i + 1 < cp.runs(); ++i)
    col.kink[k].push_back(lp.add_column(fmt::format("kink{}_{}", k, i), 0.0, 1.0, 0.0, true));
}

namespace {

// Concave: m + 1 ≤ p_j + g_j·(u + 1 − s_j) for each segment j. With stops its perspective form
// m + 1 ≤ (p_j − g_j·s_j)·(1 − o) + g_j·(u + 1): the same row when running, m ≤ −1 when stopped,
// and the tightest linear bound in between (fractional stops of the LP relaxation lose their metal
// at 1, not at g, per unit of power).
void add_concave_rows(const Columns& col, std::size_t k, Milp& lp) {
  const CurvePieces& cp = col.curve;
  for (std::size_t j = 0; j + 1 < cp.share.size(); ++j) {
    const double g = (cp.production[j + 1] - cp.production[j]) / (cp.share[j + 1] - cp.share[j]);
    const double intercept = cp.production[j] - g * cp.share[j];
    std::vector<int> index = {col.m[k], col.u[k]};
    std::vector<double> value = {1.0, -g};
    if (col.stops() && intercept != 0.0) {
      index.push_back(col.o[k]);
      value.push_back(intercept);
    }
    add_row(lp, -kInfinity, intercept + g - 1.0, index, value);
  }
}

}  // namespace

void add_production_curve_rows(const Columns& col, std::size_t k, Milp& lp) {
  const CurvePieces& cp = col.curve;
  if (cp.concave()) {
    add_concave_rows(col, k, lp);
    return;
  }
  // u + 1 = s_0·(1 − o) + Σ w_j·δ_j and m + 1 ≤ p_0·(1 − o) + Σ r_j·δ_j: with o = 1 the stop rows
  // hold u = −1, so every fill is 0 and m ≤ −1.
  const std::vector<int>& fill = col.fill[k];
  std::vector<int> ui = {col.u[k]}, mi = {col.m[k]};
  std::vector<double> uv = {1.0}, mv = {1.0};
  for (std::size_t j = 0; j < fill.size(); ++j) {
    ui.push_back(fill[j]), uv.push_back(-(cp.share[j + 1] - cp.share[j]));
    mi.push_back(fill[j]), mv.push_back(-(cp.production[j + 1] - cp.production[j]));
  }
  if (col.stops()) {
    ui.push_back(col.o[k]), uv.push_back(cp.share.front());
    mi.push_back(col.o[k]), mv.push_back(cp.production.front());
  }
  add_row(lp, cp.share.front() - 1.0, cp.share.front() - 1.0, ui, uv);
  add_row(lp, -kInfinity, cp.production.front() - 1.0, mi, mv);
  // The convex kinks: run i full before run i + 1 fills at all.
  for (std::size_t i = 0; i < col.kink[k].size(); ++i) {
    const int y = col.kink[k][i];
    for (std::size_t j = 0; j < fill.size(); ++j) {
      if (cp.run[j] == i) add_row(lp, -kInfinity, 0.0, {y, fill[j]}, {1.0, -1.0});
      if (cp.run[j] == i + 1) add_row(lp, -kInfinity, 0.0, {fill[j], y}, {1.0, -1.0});
    }
  }
}

void add_production_lag_rows(const ReducedModel& m, double hi, const Columns& col, std::size_t k, Milp& lp) {
  const double rho = m.production_lag, e = m.production_instant;
  if (!(rho > 0.0)) return;
  // n[k] − ρ·n[k−1] − ρ·e·u[k] + ρ·e·u[k−1] − (1 − ρ)·m[k] ≤ 0 (n[−1] = u[−1] = 0: nominal before
  // the horizon). While stopped (o = 1) the row is relaxed by what n = −1 needs at most, ρ·e·(1 + hi)
  // (n[k−1] ≥ −1, u[k] = −1, m[k] = −1), and n ≤ −1 holds the step's metal at zero.
  std::vector<int> index = {col.n[k], col.u[k], col.m[k]};
  std::vector<double> value = {1.0, -rho * e, -(1.0 - rho)};
  if (k > 0) {
    index.insert(index.end(), {col.n[k - 1], col.u[k - 1]});
    value.insert(value.end(), {-rho, rho * e});
  }
  if (col.stops()) {
    index.push_back(col.o[k]);
    value.push_back(-(rho * e * (1.0 + hi) + 1e-9));
    // n ≤ −1 + M·(1 − o), M the n column's reach above −1.
    const double reach = lp.columns[static_cast<std::size_t>(col.n[k])].upper + 1.0;
    add_row(lp, -kInfinity, reach - 1.0, {col.n[k], col.o[k]}, {1.0, reach});
  }
  add_row(lp, -kInfinity, 0.0, index, value);
}

void curve_warm_start(const Columns& col, std::size_t k, double share, std::vector<double>& x) {
  const CurvePieces& cp = col.curve;
  if (cp.concave()) return;
  std::vector<double> fill(cp.run.size(), 0.0);
  for (std::size_t j = 0; share > 0.0 && j < fill.size(); ++j) {
    const double f = (share - cp.share[j]) / (cp.share[j + 1] - cp.share[j]);
    fill[j] = f >= 1.0 - 1e-9 ? 1.0 : std::clamp(f, 0.0, 1.0);
    x[static_cast<std::size_t>(col.fill[k][j])] = fill[j];
  }
  for (std::size_t i = 0; i < col.kink[k].size(); ++i) {
    bool full = share > 0.0;
    for (std::size_t j = 0; j < fill.size(); ++j) full = full && (cp.run[j] != i || fill[j] == 1.0);
    x[static_cast<std::size_t>(col.kink[k][i])] = full ? 1.0 : 0.0;
  }
}

}  // namespace potline::flex::detail
