// The trade LP's checks and diagnoses: the problem's shape (check), the result of an ill-formed
// problem, and the reasons in words why a well-formed problem has no solution.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "potline/core/constants.hpp"
#include "potline/market/trade.hpp"
#include "trade_internal.hpp"

namespace potline::market {
namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr

using detail::elastic;
using detail::is_allowed;

// The demand that must be served whatever the price: all of it when fixed, Q^min when elastic.
double minimum_demand(const TradeProblem& p, std::size_t s) {
  if (!elastic(p, s)) return p.demand_kg_per_s[s];
  return demand_steps(p.demand_kg_per_s[s], p.demand_curve[s]).minimum_kg_per_s;
}

}  // namespace

namespace detail {

// Plain-words reasons for infeasibility: regions whose reachable capacity is below their demand,
// and the world total against capacity under the caps.
std::string explain_infeasible(const TradeProblem& p) {
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
      out += fmt::format("cap '{}' limits {:.2f} Mt/yr of capacity to {:.2f} Mt/yr; ", c.name,
                         inside * kToMt, c.capacity_kg_per_s * kToMt);
    }
  }
  for (std::size_t s = 0; s < n; ++s) {
    double reachable = 0;
    for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
      if (is_allowed(p, i, s)) reachable += p.suppliers[i].capacity_kg_per_s;
    }
    const double need = minimum_demand(p, s);
    if (reachable < need) {
      out += fmt::format(
          "{}demand of '{}' is {:.2f} Mt/yr but only {:.2f} Mt/yr of capacity may deliver there "
          "(exclusions); ",
          elastic(p, s) ? "the minimum " : "", p.region_names[s], need * kToMt, reachable * kToMt);
    }
  }
  if (total_demand > capped) {
    out +=
        fmt::format("world demand {:.2f} Mt/yr exceeds the capacity available {:.2f} Mt/yr{}; ",
                    total_demand * kToMt, capped * kToMt, p.caps.empty() ? "" : " under the caps");
  }
  if (out.empty()) {
    out =
        "the demands cannot be met jointly: exclusions and caps leave too little capacity for a "
        "group of regions; ";
  }
  out += "lower demand (or raise it less), lift an exclusion or cap, or include curtailed smelters";
  return out;
}

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

}  // namespace detail

std::string check(const TradeProblem& p) {
  const std::size_t n = p.region_names.size();
  if (p.demand_kg_per_s.size() != n) return "demand has a different size than the regions";
  if (p.delivery_usd_per_kg.size() != p.suppliers.size())
    return "delivery costs: one row per supplier needed";
  for (const auto& row : p.delivery_usd_per_kg)
    if (row.size() != n) return "delivery costs: one column per region needed";
  if (!p.allowed.empty() && p.allowed.size() != p.suppliers.size())
    return "allowed: one row per supplier needed";
  for (const auto& s : p.suppliers) {
    if (s.region < 0 || static_cast<std::size_t>(s.region) >= n)
      return "supplier '" + s.name + "' has no valid region";
    if (!(s.capacity_kg_per_s >= 0) || !std::isfinite(s.cost_usd_per_kg))
      return "supplier '" + s.name + "' has a bad capacity or cost";
  }
  for (double d : p.demand_kg_per_s)
    if (!(d >= 0) || !std::isfinite(d)) return "demands must be finite and >= 0";
  for (const auto& c : p.caps) {
    for (int r : c.to_regions)
      if (r < 0 || static_cast<std::size_t>(r) >= n)
        return "cap '" + c.name + "' names no valid region";
    for (int i : c.suppliers)
      if (i < 0 || static_cast<std::size_t>(i) >= p.suppliers.size())
        return "cap '" + c.name + "' names no valid supplier";
  }
  if (!p.demand_curve.empty()) {
    if (p.demand_curve.size() != n) return "demand curves: one per region needed";
    for (std::size_t s = 0; s < n; ++s) {
      const DemandCurve& c = p.demand_curve[s];
      if (!(c.elasticity >= 0) || !std::isfinite(c.elasticity))
        return "demand elasticity of '" + p.region_names[s] + "' must be finite and >= 0";
      if (c.elasticity == 0) continue;
      if (!(c.reference_price_usd_per_kg > 0) || !std::isfinite(c.reference_price_usd_per_kg))
        return "reference price of '" + p.region_names[s] + "' must be > 0 with an elastic demand";
      if (!(c.range > 0 && c.range < 1))
        return "demand range of '" + p.region_names[s] + "' must be in (0, 1)";
      if (c.blocks < 1 || c.blocks > 2000)
        return "demand blocks of '" + p.region_names[s] + "' must be in 1..2000";
      if (!(c.resolution >= 0 && c.resolution < 1))
        return "demand resolution of '" + p.region_names[s] + "' must be in [0, 1)";
    }
  }
  if (!p.tariff_rate.empty()) {
    if (p.tariff_rate.size() != p.suppliers.size())
      return "tariff rates: one row per supplier needed";
    for (const auto& row : p.tariff_rate) {
      if (row.size() != n) return "tariff rates: one column per region needed";
      for (double r : row)
        if (!(r >= 0) || !std::isfinite(r)) return "tariff rates must be finite and >= 0";
    }
    if (p.tariff_max_iterations < 1) return "tariff iterations must be >= 1";
    if (!(p.tariff_tolerance_usd_per_kg > 0)) return "tariff tolerance must be > 0";
  }
  return {};
}

}  // namespace potline::market
