#include "potline/market/trade.hpp"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "potline/core/constants.hpp"

namespace potline::market {
namespace {

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kToMt = kSecondsPerYear / 1e9;    // kg/s -> Mt/yr
constexpr double kToUsdPerT = 1e3;                 // USD/kg -> USD/t

bool is_allowed(const TradeProblem& p, std::size_t i, std::size_t s) {
  return p.allowed.empty() || p.allowed[i][s] != 0;
}

bool elastic(const TradeProblem& p, std::size_t s) {
  return !p.demand_curve.empty() && p.demand_curve[s].elasticity > 0;
}

// The demand that must be served whatever the price: all of it when fixed, Q^min when elastic.
double minimum_demand(const TradeProblem& p, std::size_t s) {
  if (!elastic(p, s)) return p.demand_kg_per_s[s];
  return demand_steps(p.demand_kg_per_s[s], p.demand_curve[s]).minimum_kg_per_s;
}

// Plain-words reasons for infeasibility: regions whose reachable capacity is below their demand,
// and the world total against capacity under the caps.
std::string explain(const TradeProblem& p) {
  std::string out;
  const std::size_t n = p.region_names.size();
  double total_demand = 0;
  for (std::size_t s = 0; s < n; ++s) total_demand += minimum_demand(p, s);
  double total_capacity = 0;
  for (const auto& s : p.suppliers) total_capacity += s.capacity_kg_per_s;
  double capped = total_capacity;
  for (const auto& c : p.caps) {
    if (!c.to_regions.empty()) continue;  // a flow limit takes no capacity out of the world
    double inside = 0;
    for (int i : c.suppliers) inside += p.suppliers[static_cast<std::size_t>(i)].capacity_kg_per_s;
    if (inside > c.capacity_kg_per_s) {
      capped -= inside - c.capacity_kg_per_s;
      out += fmt::format("cap '{}' limits {:.2f} Mt/yr of capacity to {:.2f} Mt/yr; ", c.name, inside * kToMt,
                         c.capacity_kg_per_s * kToMt);
    }
  }
  for (std::size_t s = 0; s < n; ++s) {
    double reachable = 0;
    for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
      if (is_allowed(p, i, s)) reachable += p.suppliers[i].capacity_kg_per_s;
    }
    const double need = minimum_demand(p, s);
    if (reachable < need) {
      out += fmt::format("{}demand of '{}' is {:.2f} Mt/yr but only {:.2f} Mt/yr of capacity may deliver there "
                         "(exclusions); ",
                         elastic(p, s) ? "the minimum " : "", p.region_names[s], need * kToMt, reachable * kToMt);
    }
  }
  if (total_demand > capped) {
    out += fmt::format("world demand {:.2f} Mt/yr exceeds the capacity available {:.2f} Mt/yr{}; ", total_demand * kToMt,
                       capped * kToMt, p.caps.empty() ? "" : " under the caps");
  }
  if (out.empty()) {
    out = "the demands cannot be met jointly: exclusions and caps leave too little capacity for a group of regions; ";
  }
  out += "lower demand (or raise it less), lift an exclusion or cap, or include curtailed smelters";
  return out;
}

// The LP of a problem, kept so that the tariff fixed point can change objective coefficients and
// re-solve from the previous basis (warm start) instead of building it again.
struct Lp {
  ClpSimplex model;
  std::vector<std::pair<int, int>> cols;           // flow columns: (supplier, region)
  int nflow = 0;
  std::vector<double> minimum;                     // per region
  std::vector<std::pair<int, double>> block_cols;  // (region, value USD/kg)
};

double unit_cost(const TradeProblem& p, const std::vector<std::vector<double>>& tariff, std::size_t i, std::size_t s) {
  return p.suppliers[i].cost_usd_per_kg + p.delivery_usd_per_kg[i][s] + (tariff.empty() ? 0.0 : tariff[i][s]);
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
    for (int i : p.caps[k].suppliers) caps_of[static_cast<std::size_t>(i)].push_back(static_cast<int>(k));

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
    obj.push_back(unit_cost(p, {}, static_cast<std::size_t>(i), static_cast<std::size_t>(s)) * kToUsdPerT);
    lo.push_back(0.0);
    up.push_back(COIN_DBL_MAX);
    std::vector<int> idx = {i, static_cast<int>(m) + s};
    for (int k : caps_of[static_cast<std::size_t>(i)]) {
      const auto& to = p.caps[static_cast<std::size_t>(k)].to_regions;
      if (to.empty() || std::find(to.begin(), to.end(), s) != to.end()) idx.push_back(static_cast<int>(m + n) + k);
    }
    std::vector<double> val(idx.size(), 1.0);
    append_col(static_cast<int>(idx.size()), idx.data(), val.data());
  }
  lp.minimum.assign(n, 0.0);
  for (std::size_t s = 0; s < n; ++s) {
    if (!elastic(p, s)) {
      lp.minimum[s] = p.demand_kg_per_s[s];
      continue;
    }
    const DemandSteps steps = demand_steps(p.demand_kg_per_s[s], p.demand_curve[s]);
    lp.minimum[s] = steps.minimum_kg_per_s;
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
  lp.model.loadProblem(static_cast<int>(obj.size()), nrows, start.data(), index.data(), value.data(), lo.data(),
                       up.data(), obj.data(), rlo.data(), rup.data());
  lp.model.setOptimizationDirection(1.0);
}

// Reads the solution of the last solve of `lp` (built for `p`, flows priced with `tariff`).
TradeSolution extract(const TradeProblem& p, Lp& lp, const std::vector<std::vector<double>>& tariff) {
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
    sol.explanation = explain(p);
    return sol;
  }
  if (!model.isProvenOptimal()) {
    sol.explanation = fmt::format("the LP solver (COIN-OR CLP) stopped with status {} before proving optimality", model.status());
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
    sol.flow_kg_per_s[static_cast<std::size_t>(p.suppliers[static_cast<std::size_t>(i)].region)][static_cast<std::size_t>(s)] += f;
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
  for (std::size_t k = 0; k < p.caps.size(); ++k) sol.cap_shadow_usd_per_kg[k] = std::abs(y[m + n + k]) / kToUsdPerT;
  sol.total_cost_usd_per_s = cost;
  sol.welfare_usd_per_s = gross - cost;
  sol.tariff_usd_per_kg = tariff;
  return sol;
}

}  // namespace

namespace {

// The curve in units of the reference point: u = Q/Q0, r = P/P0.
double relative_price(const DemandCurve& c, double u) {
  const double eps = c.elasticity;
  return c.shape == DemandShape::kLinear ? 1.0 + (1.0 - u) / eps : std::pow(u, -1.0 / eps);
}
double relative_quantity(const DemandCurve& c, double r) {
  const double eps = c.elasticity;
  return c.shape == DemandShape::kLinear ? 1.0 + eps * (1.0 - r) : std::pow(r, -eps);
}
// Mean of P/P0 over [ua, ub]: the integral / width (closed form for both shapes).
double mean_relative_price(const DemandCurve& c, double ua, double ub) {
  if (c.shape == DemandShape::kLinear) return 1.0 + (1.0 - 0.5 * (ua + ub)) / c.elasticity;
  // P = P0 u^(−1/ε); mean over [ua, ub] = P0 (ub^k − ua^k) / (k (ub − ua)), k = 1 − 1/ε.
  const double k = 1.0 - 1.0 / c.elasticity;
  return std::abs(k) < 1e-9 ? std::log(ub / ua) / (ub - ua)
                            : (std::pow(ub, k) - std::pow(ua, k)) / (k * (ub - ua));
}

// The block edges in units of q0, from lo up to hi.
std::vector<double> block_edges(const DemandCurve& c, double lo, double hi) {
  std::vector<double> u(static_cast<std::size_t>(c.blocks) + 1);
  if (c.spacing == DemandSpacing::kEqualQuantity) {
    const double w = (hi - lo) / c.blocks;
    for (int b = 0; b <= c.blocks; ++b) u[static_cast<std::size_t>(b)] = lo + w * b;
  } else {
    // Edges at the prices r_top e^(−kδ), δ = ln(r_top / r_bottom) / blocks.
    const double r_top = relative_price(c, lo), r_bottom = relative_price(c, hi);
    const double delta = std::log(r_top / r_bottom) / c.blocks;
    u.front() = lo;
    for (int b = 1; b < c.blocks; ++b)
      u[static_cast<std::size_t>(b)] = relative_quantity(c, r_top * std::exp(-delta * b));
    u.back() = hi;
  }
  return u;
}

}  // namespace

DemandSteps demand_steps(double q0, const DemandCurve& c) {
  DemandSteps out;
  out.minimum_kg_per_s = q0;
  if (!(c.elasticity > 0) || !(q0 > 0) || c.blocks < 1) return out;
  const double eps = c.elasticity;
  const double p0 = c.reference_price_usd_per_kg;
  double lo = 1.0 - c.range, hi = 1.0 + c.range;  // in units of q0
  if (c.shape == DemandShape::kConstantElasticity) {
    // Keep the blocks between 100 P0 and P0/100 (Q = Q0 100^∓ε): for a small ε the curve is nearly
    // vertical and u^(−1/ε) would overflow the LP's scale; beyond a hundredfold price the demand is
    // treated as vertical. No effect for ε ≥ 0.15 at the default range 0.5.
    lo = std::max(lo, std::pow(100.0, -eps));
    hi = std::min(hi, std::pow(100.0, eps));
  } else {
    // P/P0 = 1 + (1 − u)/ε, zero at the choke quantity u = 1 + ε: blocks stop there. With equal
    // price ratios the blocks stay between 100 P0 and P0/100 (u = 1 + 0.99 ε: a ratio to 0 is
    // infinite).
    if (c.spacing == DemandSpacing::kEqualPrice) {
      hi = std::min(hi, 1.0 + 0.99 * eps);
      lo = std::max(lo, 1.0 - 99.0 * eps);
    }
  }
  out.minimum_kg_per_s = q0 * lo;
  if (!(hi > lo)) return out;
  std::vector<double> u = block_edges(c, lo, hi);
  if (c.shape == DemandShape::kLinear)
    for (double& e : u) e = std::min(e, 1.0 + eps);
  for (std::size_t b = 0; b + 1 < u.size(); ++b) {
    const double ua = u[b], ub = u[b + 1];
    if (ub <= ua + 1e-12 * (hi - lo)) continue;
    out.blocks.push_back({q0 * (ub - ua), p0 * mean_relative_price(c, ua, ub)});
    const double r_right = relative_price(c, ub);
    if (r_right > 0)
      out.price_step = std::max(out.price_step, relative_price(c, ua) / r_right - 1.0);
  }
  return out;
}

std::string check(const TradeProblem& p) {
  const std::size_t n = p.region_names.size();
  if (p.demand_kg_per_s.size() != n) return "demand has a different size than the regions";
  if (p.delivery_usd_per_kg.size() != p.suppliers.size()) return "delivery costs: one row per supplier needed";
  for (const auto& row : p.delivery_usd_per_kg) if (row.size() != n) return "delivery costs: one column per region needed";
  if (!p.allowed.empty() && p.allowed.size() != p.suppliers.size()) return "allowed: one row per supplier needed";
  for (const auto& s : p.suppliers) {
    if (s.region < 0 || static_cast<std::size_t>(s.region) >= n) return "supplier '" + s.name + "' has no valid region";
    if (!(s.capacity_kg_per_s >= 0) || !std::isfinite(s.cost_usd_per_kg)) return "supplier '" + s.name + "' has a bad capacity or cost";
  }
  for (double d : p.demand_kg_per_s) if (!(d >= 0) || !std::isfinite(d)) return "demands must be finite and >= 0";
  for (const auto& c : p.caps) {
    for (int r : c.to_regions) if (r < 0 || static_cast<std::size_t>(r) >= n) return "cap '" + c.name + "' names no valid region";
    for (int i : c.suppliers) if (i < 0 || static_cast<std::size_t>(i) >= p.suppliers.size()) return "cap '" + c.name + "' names no valid supplier";
  }
  if (!p.demand_curve.empty()) {
    if (p.demand_curve.size() != n) return "demand curves: one per region needed";
    for (std::size_t s = 0; s < n; ++s) {
      const DemandCurve& c = p.demand_curve[s];
      if (!(c.elasticity >= 0) || !std::isfinite(c.elasticity)) return "demand elasticity of '" + p.region_names[s] + "' must be finite and >= 0";
      if (c.elasticity == 0) continue;
      if (!(c.reference_price_usd_per_kg > 0) || !std::isfinite(c.reference_price_usd_per_kg))
        return "reference price of '" + p.region_names[s] + "' must be > 0 with an elastic demand";
      if (!(c.range > 0 && c.range < 1)) return "demand range of '" + p.region_names[s] + "' must be in (0, 1)";
      if (c.blocks < 1 || c.blocks > 2000) return "demand blocks of '" + p.region_names[s] + "' must be in 1..2000";
    }
  }
  if (!p.tariff_rate.empty()) {
    if (p.tariff_rate.size() != p.suppliers.size()) return "tariff rates: one row per supplier needed";
    for (const auto& row : p.tariff_rate) {
      if (row.size() != n) return "tariff rates: one column per region needed";
      for (double r : row) if (!(r >= 0) || !std::isfinite(r)) return "tariff rates must be finite and >= 0";
    }
    if (p.tariff_max_iterations < 1) return "tariff iterations must be >= 1";
    if (!(p.tariff_tolerance_usd_per_kg > 0)) return "tariff tolerance must be > 0";
  }
  return {};
}

namespace {

TradeSolution ill_formed(const TradeProblem& p, const std::string& why) {
  TradeSolution sol;
  const std::size_t n = p.region_names.size();
  sol.price_usd_per_kg.assign(n, 0.0);
  sol.consumption_kg_per_s.assign(n, 0.0);
  sol.production_kg_per_s.assign(p.suppliers.size(), 0.0);
  sol.flow_kg_per_s.assign(n, std::vector<double>(n, 0.0));
  sol.cap_shadow_usd_per_kg.assign(p.caps.size(), 0.0);
  sol.explanation = "ill-formed trade problem: " + why;
  return sol;
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
// t_is = τ_is × the customs value at π (ad_valorem_tariffs), re-solves the LP from the previous basis
// (primal simplex: only costs change) and moves each π_r by a secant (quasi-Newton) step on
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
    residual = o.residual(s.price_usd_per_kg);
    if (residual < p.tariff_tolerance_usd_per_kg) {
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
  if (const std::string e = check(p); !e.empty()) return ill_formed(p, e);
  Lp lp;
  build(p, lp);
  const auto size = static_cast<std::size_t>(lp.model.numberColumns() + lp.model.numberRows());
  const bool warm = p.start_basis != nullptr && p.start_basis->size() == size;
  if (warm) lp.model.copyinStatus(p.start_basis->data());
  lp.model.dual();
  if (warm && !lp.model.isProvenOptimal()) {
    // A warm start that did not end at a proven optimum (or proved infeasibility from it) is
    // solved again from the all-slack basis: the cold solve decides.
    lp.model.allSlackBasis(true);
    lp.model.dual();
  }
  TradeSolution s = extract(p, lp, {});
  if (const unsigned char* status = lp.model.statusArray()) s.basis.assign(status, status + size);
  double max_rate = 0;
  for (const auto& row : p.tariff_rate) for (double r : row) max_rate = std::max(max_rate, r);
  if (max_rate <= 0 || !s.feasible) return s;
  Basis first = std::move(s.basis);
  TradeSolution out = fixed_point(p, lp, std::move(s));
  out.basis = std::move(first);
  return out;
}

}  // namespace potline::market
