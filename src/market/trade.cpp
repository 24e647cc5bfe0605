#include "potline/market/trade.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <limits>

#include "potline/core/constants.hpp"
#include "potline/market/demand_curve.hpp"
#include "trade_internal.hpp"

namespace potline::market {
namespace {

using detail::elastic;
using detail::is_allowed;

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kToMt = kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kToUsdPerT = 1e3;               // USD/kg -> USD/t

// The LP of a problem, kept so that the tariff fixed point can change objective coefficients and
// re-solve from the previous basis (warm start) instead of building it again.
struct Lp {
  ClpSimplex model;
  std::vector<std::pair<int, int>> cols;  // flow columns: (supplier, region)
  int nflow = 0;
  std::vector<double> minimum;                     // per region
  std::vector<std::pair<int, double>> block_cols;  // (region, value USD/kg)
  std::vector<int> window;  // per region: the first coarse block of its fine window, −1 = none
  std::vector<int> first_block;  // per region: its first entry in block_cols
};

double unit_cost(const TradeProblem& p, const std::vector<std::vector<double>>& tariff,
                 std::size_t i, std::size_t s) {
  return p.suppliers[i].cost_usd_per_kg + p.delivery_usd_per_kg[i][s] +
         (tariff.empty() ? 0.0 : tariff[i][s]);
}

void build(const TradeProblem& p, Lp& lp) {
  const std::size_t n = p.region_names.size();
  const std::size_t m = p.suppliers.size();
  // Columns: one per allowed (supplier, region) pair, then the demand blocks. Rows: suppliers, then
  // regions, then caps.
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t s = 0; s < n; ++s)
      if (is_allowed(p, i, s)) lp.cols.emplace_back(static_cast<int>(i), static_cast<int>(s));
  lp.nflow = static_cast<int>(lp.cols.size());
  const int nrows = static_cast<int>(m + n + p.caps.size());
  std::vector<std::vector<int>> caps_of(m);
  for (std::size_t k = 0; k < p.caps.size(); ++k)
    for (int i : p.caps[k].suppliers)
      caps_of[static_cast<std::size_t>(i)].push_back(static_cast<int>(k));

  // Column-ordered sparse arrays, filled in one pass and handed to CLP at once (appending columns
  // one by one to a CoinPackedMatrix reallocates it every time: quadratic in the column count).
  std::vector<CoinBigIndex> start = {0};
  std::vector<int> index;
  std::vector<double> value;
  std::vector<double> obj, lo, up;
  const auto append_col = [&](int count, const int* rows, const double* values) {
    index.insert(index.end(), rows, rows + count);
    value.insert(value.end(), values, values + count);
    start.push_back(static_cast<CoinBigIndex>(index.size()));
  };
  for (int c = 0; c < lp.nflow; ++c) {
    const auto [i, s] = lp.cols[static_cast<std::size_t>(c)];
    obj.push_back(unit_cost(p, {}, static_cast<std::size_t>(i), static_cast<std::size_t>(s)) *
                  kToUsdPerT);
    lo.push_back(0.0);
    up.push_back(COIN_DBL_MAX);
    std::vector<int> idx = {i, static_cast<int>(m) + s};
    for (int k : caps_of[static_cast<std::size_t>(i)]) {
      const auto& to = p.caps[static_cast<std::size_t>(k)].to_regions;
      if (to.empty() || std::find(to.begin(), to.end(), s) != to.end())
        idx.push_back(static_cast<int>(m + n) + k);
    }
    std::vector<double> val(idx.size(), 1.0);
    append_col(static_cast<int>(idx.size()), idx.data(), val.data());
  }
  lp.minimum.assign(n, 0.0);
  lp.window.assign(n, -1);
  lp.first_block.assign(n, 0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!elastic(p, s)) {
      lp.minimum[s] = p.demand_kg_per_s[s];
      continue;
    }
    // A refined curve starts with its fine window at the reference price (solve() moves it).
    const DemandCurve& curve = p.demand_curve[s];
    if (demand_refined(curve))
      lp.window[s] = demand_window(curve, curve.reference_price_usd_per_kg);
    const DemandSteps steps = lp.window[s] < 0
                                  ? demand_steps(p.demand_kg_per_s[s], curve)
                                  : demand_steps_refined(p.demand_kg_per_s[s], curve, lp.window[s]);
    lp.minimum[s] = steps.minimum_kg_per_s;
    lp.first_block[s] = static_cast<int>(lp.block_cols.size());
    for (const DemandBlock& b : steps.blocks) {
      obj.push_back(-b.value_usd_per_kg * kToUsdPerT);  // minimise cost − surplus
      lo.push_back(0.0);
      up.push_back(b.width_kg_per_s * kToMt);
      const int row = static_cast<int>(m + s);
      const double minus_one = -1.0;
      append_col(1, &row, &minus_one);
      lp.block_cols.emplace_back(static_cast<int>(s), b.value_usd_per_kg);
    }
  }
  std::vector<double> rlo(static_cast<std::size_t>(nrows)), rup(static_cast<std::size_t>(nrows));
  for (std::size_t i = 0; i < m; ++i) {
    rlo[i] = -COIN_DBL_MAX;
    rup[i] = p.suppliers[i].capacity_kg_per_s * kToMt;
  }
  for (std::size_t s = 0; s < n; ++s) {
    rlo[m + s] = lp.minimum[s] * kToMt;
    rup[m + s] = COIN_DBL_MAX;
  }
  for (std::size_t k = 0; k < p.caps.size(); ++k) {
    rlo[m + n + k] = -COIN_DBL_MAX;
    rup[m + n + k] = p.caps[k].capacity_kg_per_s * kToMt;
  }
  lp.model.setLogLevel(0);
  lp.model.loadProblem(static_cast<int>(obj.size()), nrows, start.data(), index.data(),
                       value.data(), lo.data(), up.data(), obj.data(), rlo.data(), rup.data());
  lp.model.setOptimizationDirection(1.0);
}

// Reads the solution of the last solve of `lp` (built for `p`, flows priced with `tariff`).
TradeSolution extract(const TradeProblem& p, Lp& lp,
                      const std::vector<std::vector<double>>& tariff) {
  TradeSolution sol;
  const std::size_t n = p.region_names.size();
  const std::size_t m = p.suppliers.size();
  sol.price_usd_per_kg.assign(n, 0.0);
  sol.consumption_kg_per_s.assign(n, 0.0);
  sol.production_kg_per_s.assign(m, 0.0);
  sol.flow_kg_per_s.assign(n, std::vector<double>(n, 0.0));
  sol.cap_shadow_usd_per_kg.assign(p.caps.size(), 0.0);
  ClpSimplex& model = lp.model;
  if (model.isProvenPrimalInfeasible() || (!model.isProvenOptimal() && model.status() == 1)) {
    sol.explanation = detail::explain_infeasible(p);
    return sol;
  }
  if (!model.isProvenOptimal()) {
    sol.explanation =
        fmt::format("the LP solver (COIN-OR CLP) stopped with status {} before proving optimality",
                    model.status());
    return sol;
  }
  sol.feasible = true;
  const double* x = model.primalColumnSolution();
  const double* y = model.dualRowSolution();
  double cost = 0;
  for (int c = 0; c < lp.nflow; ++c) {
    const auto [i, s] = lp.cols[static_cast<std::size_t>(c)];
    const double f = std::max(0.0, x[c]) / kToMt;
    sol.production_kg_per_s[static_cast<std::size_t>(i)] += f;
    sol.flow_kg_per_s[static_cast<std::size_t>(p.suppliers[static_cast<std::size_t>(i)].region)]
                     [static_cast<std::size_t>(s)] += f;
    cost += f * unit_cost(p, tariff, static_cast<std::size_t>(i), static_cast<std::size_t>(s));
  }
  for (std::size_t s = 0; s < n; ++s) sol.consumption_kg_per_s[s] = lp.minimum[s];
  double gross = 0;
  for (std::size_t b = 0; b < lp.block_cols.size(); ++b) {
    const double q = std::max(0.0, x[lp.nflow + static_cast<int>(b)]) / kToMt;
    sol.consumption_kg_per_s[static_cast<std::size_t>(lp.block_cols[b].first)] += q;
    gross += q * lp.block_cols[b].second;
  }
  // Prices: for a minimisation, the dual of a binding ">= demand" row is the cost of serving one
  // more tonne there (>= 0).
  for (std::size_t s = 0; s < n; ++s) sol.price_usd_per_kg[s] = std::abs(y[m + s]) / kToUsdPerT;
  for (std::size_t k = 0; k < p.caps.size(); ++k)
    sol.cap_shadow_usd_per_kg[k] = std::abs(y[m + n + k]) / kToUsdPerT;
  sol.total_cost_usd_per_s = cost;
  sol.welfare_usd_per_s = gross - cost;
  sol.tariff_usd_per_kg = tariff;
  return sol;
}

// Places region s's fine demand window at coarse block w (demand_curve.hpp): only the bounds and
// values of the region's block columns change (their count does not).
void set_window(const TradeProblem& p, Lp& lp, std::size_t s, int w, double price) {
  lp.window[s] = w;
  const DemandSteps steps = demand_steps_refined(p.demand_kg_per_s[s], p.demand_curve[s], w);
  for (std::size_t b = 0; b < steps.blocks.size(); ++b) {
    const std::size_t k = static_cast<std::size_t>(lp.first_block[s]) + b;
    const int col = lp.nflow + static_cast<int>(k);
    lp.model.setColumnUpper(col, steps.blocks[b].width_kg_per_s * kToMt);
    lp.model.setObjectiveCoefficient(col, -steps.blocks[b].value_usd_per_kg * kToUsdPerT);
    lp.block_cols[k].second = steps.blocks[b].value_usd_per_kg;
    // A nonbasic block at the bound the price gives it (full when worth more than the price): the
    // re-solve then starts next to the optimum instead of walking the changed blocks one by one.
    if (price > 0 && lp.model.getColumnStatus(col) != ClpSimplex::basic)
      lp.model.setColumnStatus(
          col, steps.blocks[b].value_usd_per_kg > price && steps.blocks[b].width_kg_per_s > 0
                   ? ClpSimplex::atUpperBound
                   : ClpSimplex::atLowerBound);
  }
}

// Moves each refined region's fine window to the region's price where the price lies outside it.
// True if a window moved (the LP needs a re-solve).
bool move_windows(const TradeProblem& p, Lp& lp, const std::vector<double>& price) {
  bool moved = false;
  for (std::size_t s = 0; s < lp.window.size(); ++s) {
    if (lp.window[s] < 0) continue;
    const DemandCurve& c = p.demand_curve[s];
    const PriceSpan span = demand_window_prices(c, lp.window[s]);
    const double tol = 1e-9 * span.high_usd_per_kg;
    if (price[s] >= span.low_usd_per_kg - tol && price[s] <= span.high_usd_per_kg + tol) continue;
    const int w = demand_window(c, price[s]);
    if (w == lp.window[s]) continue;  // at an end of the curve: nothing finer beyond it
    set_window(p, lp, s, w, price[s]);
    moved = true;
  }
  return moved;
}

// A Basis ends with each region's window (two bytes, the first coarse block, 0xFFFF = none), so a
// solve that starts from it has the fine blocks where the basis had them.
constexpr int kNoWindow = 0xFFFF;
void append_windows(const Lp& lp, Basis& basis) {
  for (int w : lp.window) {
    const int v = w < 0 ? kNoWindow : w;
    basis.push_back(static_cast<unsigned char>(v & 0xFF));
    basis.push_back(static_cast<unsigned char>(v >> 8));
  }
}
void windows_from(const TradeProblem& p, const Basis& basis, std::size_t statuses, Lp& lp) {
  for (std::size_t s = 0; s < lp.window.size(); ++s) {
    const int v = basis[statuses + 2 * s] | (basis[statuses + 2 * s + 1] << 8);
    if (lp.window[s] >= 0 && v != kNoWindow && v != lp.window[s] &&
        v <= p.demand_curve[s].blocks - kDemandWindowBlocks)
      set_window(p, lp, s, v, 0.0);
  }
}

// Window moves at most (each moves a window to the coarse block of the last price: two suffice
// unless a price sits on a window's edge).
constexpr int kMaxWindowMoves = 8;

// Re-solves after window moves until every refined region's price lies in its window; `solve_once`
// solves the LP from its current basis and reads the solution.
template <class SolveOnce>
TradeSolution settle_windows(const TradeProblem& p, Lp& lp, TradeSolution s,
                             const SolveOnce& solve_once) {
  int moves = 0;
  while (s.feasible && move_windows(p, lp, s.price_usd_per_kg)) {
    if (++moves > kMaxWindowMoves) {
      s.warnings.push_back(
          fmt::format("the fine demand blocks did not settle around the prices in {} moves: prices "
                      "are within one coarse demand block of the continuous curves",
                      kMaxWindowMoves));
      break;
    }
    s = solve_once(std::move(s));
  }
  return s;
}

// State of the ad valorem tariff fixed point on the prices π the customs values are computed from
// (see fixed_point below): the origin regions' prices, or the importing regions' prices.
struct BasisPrices {
  std::vector<char> basis;  // regions whose price enters a customs value under a positive rate
  std::vector<double> pi, last_pi, last_price, slope;
  double beta = 1.0, previous = std::numeric_limits<double>::infinity();

  // max |F_r|, F_r = P_r(π) − π_r over the basis regions.
  double residual(const std::vector<double>& price) const {
    double residual = 0;
    for (std::size_t r = 0; r < pi.size(); ++r)
      if (basis[r]) residual = std::max(residual, std::abs(price[r] - pi[r]));
    return residual;
  }
  // One secant step π_r += β F_r / (1 − g_r) (k: the iteration, from 1).
  void move(const std::vector<double>& price, int k, double residual) {
    if (residual >= previous) beta = std::max(beta * 0.5, 1.0 / 1024);
    previous = residual;
    for (std::size_t r = 0; r < pi.size(); ++r) {
      if (!basis[r]) continue;
      if (k > 1 && std::abs(pi[r] - last_pi[r]) > 1e-12) {
        slope[r] = std::clamp((price[r] - last_price[r]) / (pi[r] - last_pi[r]), -10.0, 0.9);
      }
      last_pi[r] = pi[r];
      last_price[r] = price[r];
      pi[r] += beta * (price[r] - pi[r]) / (1.0 - slope[r]);
    }
  }
};

// The regions whose prices the customs values are computed from: the exporters' regions (origin
// price) or the importers' (transaction value), of every positive rate.
std::vector<char> basis_regions(const TradeProblem& p) {
  std::vector<char> basis(p.region_names.size(), 0);
  for (std::size_t i = 0; i < p.suppliers.size(); ++i)
    for (std::size_t r = 0; r < basis.size(); ++r) {
      if (p.tariff_rate[i][r] <= 0) continue;
      if (p.tariff_value == TariffValue::kOriginPrice)
        basis[static_cast<std::size_t>(p.suppliers[i].region)] = 1;
      else
        basis[r] = 1;
    }
  return basis;
}

// Ad valorem tariffs on the customs value: a fixed point on the basis prices π (the regions of
// basis_regions). π₀ = the prices without these tariffs; each step prices the flows with
// t_is = τ_is × the customs value at π (ad_valorem_tariffs), re-solves the LP from the previous
// basis (primal simplex: only costs change) and moves each π_r by a secant (quasi-Newton) step on
// F_r = P_r(π) − π_r: π_r += β F_r / (1 − g_r), g_r = the slope of P_r against π_r from the last
// two iterates (0 at first, a full step; −τ when an origin's price falls one-for-one with its
// exports' tariff, τ/(1 + τ) when an importer's price carries the duty on its own transaction
// value; the secant finds either after one step), clipped to [−10, 0.9]; β is halved whenever the
// largest |F| fails to shrink (a price jumping between two trade patterns).
TradeSolution fixed_point(const TradeProblem& p, Lp& lp, TradeSolution s) {
  const std::size_t n = p.region_names.size();
  BasisPrices o{basis_regions(p), s.price_usd_per_kg, std::vector<double>(n, 0.0),
                std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  std::vector<std::vector<double>> t;
  double residual = 0;
  bool converged = false;
  int k = 0;
  while (k < p.tariff_max_iterations) {
    ++k;
    t = ad_valorem_tariffs(p, o.pi);
    for (int c = 0; c < lp.nflow; ++c) {
      const auto [i, r] = lp.cols[static_cast<std::size_t>(c)];
      if (p.tariff_rate[static_cast<std::size_t>(i)][static_cast<std::size_t>(r)] > 0)
        lp.model.setObjectiveCoefficient(
            c,
            unit_cost(p, t, static_cast<std::size_t>(i), static_cast<std::size_t>(r)) * kToUsdPerT);
    }
    lp.model.primal();
    if (!lp.model.isProvenOptimal()) lp.model.dual();  // a cold retry
    s = extract(p, lp, t);
    if (!s.feasible) return s;
    const bool moved = move_windows(p, lp, s.price_usd_per_kg);  // fine demand blocks to the prices
    residual = o.residual(s.price_usd_per_kg);
    if (residual < p.tariff_tolerance_usd_per_kg && !moved) {
      converged = true;
      break;
    }
    o.move(s.price_usd_per_kg, k, residual);
  }
  s.tariff_iterations = k;
  s.tariff_converged = converged;
  s.tariff_residual_usd_per_kg = residual;
  if (!converged) {
    s.warnings.push_back(fmt::format(
        "ad valorem tariffs on the {} did not converge in {} iterations: the prices they are "
        "computed from still "
        "move by {:.2f} USD/t (tolerance {:.2f} USD/t); results use the last iterate",
        p.tariff_value == TariffValue::kOriginPrice ? "origin price" : "transaction value", k,
        residual * kToUsdPerT, p.tariff_tolerance_usd_per_kg * kToUsdPerT));
  }
  return s;
}

}  // namespace

std::vector<std::vector<double>> ad_valorem_tariffs(const TradeProblem& p,
                                                    const std::vector<double>& pi) {
  std::vector<std::vector<double>> t(p.suppliers.size(), std::vector<double>(pi.size(), 0.0));
  for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
    const double origin_price = pi[static_cast<std::size_t>(p.suppliers[i].region)];
    for (std::size_t r = 0; r < pi.size(); ++r) {
      const double rate = p.tariff_rate[i][r];
      if (p.tariff_value == TariffValue::kOriginPrice) {
        t[i][r] = rate * origin_price;
      } else {
        // The price the seller receives: the destination price less delivery and the duty,
        // V = P − d − τV, so V = (P − d)/(1 + τ); never negative.
        t[i][r] = rate * std::max(0.0, pi[r] - p.delivery_usd_per_kg[i][r]) / (1.0 + rate);
      }
    }
  }
  return t;
}

TradeSolution solve(const TradeProblem& p) {
  if (const std::string e = check(p); !e.empty()) return detail::ill_formed(p, e);
  Lp lp;
  build(p, lp);
  const auto size = static_cast<std::size_t>(lp.model.numberColumns() + lp.model.numberRows());
  const bool warm =
      p.start_basis != nullptr && p.start_basis->size() == size + 2 * lp.window.size();
  if (warm) {
    windows_from(p, *p.start_basis, size, lp);
    lp.model.copyinStatus(p.start_basis->data());
  }
  lp.model.dual();
  if (warm && !lp.model.isProvenOptimal()) {
    // A warm start that did not end at a proven optimum (or proved infeasibility from it) is
    // solved again from the all-slack basis: the cold solve decides.
    lp.model.allSlackBasis(true);
    lp.model.dual();
  }
  TradeSolution s = extract(p, lp, {});
  double max_rate = 0;
  for (const auto& row : p.tariff_rate)
    for (double r : row) max_rate = std::max(max_rate, r);
  // The fine demand blocks follow the prices (and again in the tariff fixed point's iterations):
  // a window moved with its blocks at the bounds the price gives them changes only the balance
  // rows' activity, the dual simplex's case.
  s = settle_windows(p, lp, std::move(s), [&](TradeSolution) {
    lp.model.dual();
    if (!lp.model.isProvenOptimal()) lp.model.primal();
    return extract(p, lp, {});
  });
  if (const unsigned char* status = lp.model.statusArray()) {
    s.basis.assign(status, status + size);
    append_windows(lp, s.basis);
  }
  if (max_rate <= 0 || !s.feasible) return s;
  Basis first = std::move(s.basis);
  TradeSolution out = fixed_point(p, lp, std::move(s));
  out = settle_windows(p, lp, std::move(out),
                       [&](TradeSolution last) { return fixed_point(p, lp, std::move(last)); });
  out.basis = std::move(first);
  return out;
}

}  // namespace potline::market
