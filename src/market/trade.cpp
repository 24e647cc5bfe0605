#include "potline/market/trade.hpp"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <fmt/format.h>

#include <cmath>
#include <numeric>

namespace potline::market {
namespace {

constexpr double kSecondsPerYear = 365.25 * 86400.0;
constexpr double kToMt = kSecondsPerYear / 1e9;    // kg/s -> Mt/yr
constexpr double kToUsdPerT = 1e3;                 // USD/kg -> USD/t

bool is_allowed(const TradeProblem& p, std::size_t i, std::size_t s) {
  return p.allowed.empty() || p.allowed[i][s] != 0;
}

// Plain-words reasons for infeasibility: regions whose reachable capacity is below their demand,
// and the world total against capacity under the caps.
std::string explain(const TradeProblem& p) {
  std::string out;
  const std::size_t n = p.region_names.size();
  double total_demand = std::accumulate(p.demand_kg_per_s.begin(), p.demand_kg_per_s.end(), 0.0);
  double total_capacity = 0;
  for (const auto& s : p.suppliers) total_capacity += s.capacity_kg_per_s;
  double capped = total_capacity;
  for (const auto& c : p.caps) {
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
    if (reachable < p.demand_kg_per_s[s]) {
      out += fmt::format("demand of '{}' is {:.2f} Mt/yr but only {:.2f} Mt/yr of capacity may deliver there "
                         "(exclusions); ",
                         p.region_names[s], p.demand_kg_per_s[s] * kToMt, reachable * kToMt);
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

}  // namespace

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
  return {};
}

TradeSolution solve(const TradeProblem& p) {
  TradeSolution sol;
  const std::size_t n = p.region_names.size();
  const std::size_t m = p.suppliers.size();
  sol.price_usd_per_kg.assign(n, 0.0);
  sol.production_kg_per_s.assign(m, 0.0);
  sol.flow_kg_per_s.assign(n, std::vector<double>(n, 0.0));
  sol.cap_shadow_usd_per_kg.assign(p.caps.size(), 0.0);
  if (const std::string e = check(p); !e.empty()) {
    sol.explanation = "ill-formed trade problem: " + e;
    return sol;
  }
  // Columns: one per allowed (supplier, region) pair. Rows: suppliers, then regions, then caps.
  std::vector<std::pair<int, int>> cols;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t s = 0; s < n; ++s)
      if (is_allowed(p, i, s)) cols.emplace_back(static_cast<int>(i), static_cast<int>(s));
  const int ncols = static_cast<int>(cols.size());
  const int nrows = static_cast<int>(m + n + p.caps.size());
  std::vector<int> cap_of_supplier_start;
  std::vector<std::vector<int>> caps_of(m);
  for (std::size_t k = 0; k < p.caps.size(); ++k)
    for (int i : p.caps[k].suppliers) caps_of[static_cast<std::size_t>(i)].push_back(static_cast<int>(k));

  CoinPackedMatrix matrix(true, 0, 0);  // column ordered
  matrix.setDimensions(nrows, 0);
  std::vector<double> obj(static_cast<std::size_t>(ncols)), lo(static_cast<std::size_t>(ncols), 0.0),
      up(static_cast<std::size_t>(ncols), COIN_DBL_MAX);
  for (int c = 0; c < ncols; ++c) {
    const auto [i, s] = cols[static_cast<std::size_t>(c)];
    obj[static_cast<std::size_t>(c)] =
        (p.suppliers[static_cast<std::size_t>(i)].cost_usd_per_kg + p.delivery_usd_per_kg[static_cast<std::size_t>(i)][static_cast<std::size_t>(s)]) * kToUsdPerT;
    std::vector<int> idx = {i, static_cast<int>(m) + s};
    for (int k : caps_of[static_cast<std::size_t>(i)]) idx.push_back(static_cast<int>(m + n) + k);
    std::vector<double> val(idx.size(), 1.0);
    matrix.appendCol(static_cast<int>(idx.size()), idx.data(), val.data());
  }
  std::vector<double> rlo(static_cast<std::size_t>(nrows)), rup(static_cast<std::size_t>(nrows));
  for (std::size_t i = 0; i < m; ++i) {
    rlo[i] = -COIN_DBL_MAX;
    rup[i] = p.suppliers[i].capacity_kg_per_s * kToMt;
  }
  for (std::size_t s = 0; s < n; ++s) {
    rlo[m + s] = p.demand_kg_per_s[s] * kToMt;
    rup[m + s] = COIN_DBL_MAX;
  }
  for (std::size_t k = 0; k < p.caps.size(); ++k) {
    rlo[m + n + k] = -COIN_DBL_MAX;
    rup[m + n + k] = p.caps[k].capacity_kg_per_s * kToMt;
  }
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(matrix, lo.data(), up.data(), obj.data(), rlo.data(), rup.data());
  model.setOptimizationDirection(1.0);
  model.dual();
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
  for (int c = 0; c < ncols; ++c) {
    const auto [i, s] = cols[static_cast<std::size_t>(c)];
    const double f = std::max(0.0, x[c]) / kToMt;
    sol.production_kg_per_s[static_cast<std::size_t>(i)] += f;
    sol.flow_kg_per_s[static_cast<std::size_t>(p.suppliers[static_cast<std::size_t>(i)].region)][static_cast<std::size_t>(s)] += f;
  }
  // Prices: for a minimisation, the dual of a binding ">= demand" row is the cost of serving one
  // more tonne there (>= 0).
  for (std::size_t s = 0; s < n; ++s) sol.price_usd_per_kg[s] = std::abs(y[m + s]) / kToUsdPerT;
  for (std::size_t k = 0; k < p.caps.size(); ++k) sol.cap_shadow_usd_per_kg[k] = std::abs(y[m + n + k]) / kToUsdPerT;
  sol.total_cost_usd_per_s = model.objectiveValue() * 1e6 / kSecondsPerYear;  // MUSD/yr -> USD/s
  return sol;
}

}  // namespace potline::market
