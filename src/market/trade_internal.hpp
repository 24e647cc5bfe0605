#pragma once
// Internal to the market module: the trade LP's checks and diagnoses (trade_check.cpp), called by
// solve() in trade.cpp.
#include <cstddef>
#include <string>

#include "potline/market/trade.hpp"

namespace potline::market::detail {

/// Whether metal of supplier i may enter region s (no exclusion).
inline bool is_allowed(const TradeProblem& p, std::size_t i, std::size_t s) {
  return p.allowed.empty() || p.allowed[i][s] != 0;
}

/// Whether region s's demand responds to the price.
inline bool elastic(const TradeProblem& p, std::size_t s) {
  return !p.demand_curve.empty() && p.demand_curve[s].elasticity > 0;
}

/// Plain-words reasons why the problem has no solution: regions whose reachable capacity is below
/// their (minimum) demand, capacity taken out by caps, the world total against the capacity.
std::string explain_infeasible(const TradeProblem& p);

/// The solution of a problem that check() rejects: zero-filled, infeasible, with the reason.
TradeSolution ill_formed(const TradeProblem& p, const std::string& why);

}  // namespace potline::market::detail
