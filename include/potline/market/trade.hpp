#pragma once
// Regional market with trade: the spatial price equilibrium of a homogeneous good with fixed
// demand, solved as a linear program with COIN-OR CLP (Takayama-Judge with vertical demand):
//
//   min  Σ_i Σ_s (c_i + d_is) f_is                  f_is ≥ 0: metal from supplier i to region s [t/yr]
//   s.t. Σ_s f_is ≤ K_i                 (capacity of supplier i)
//        Σ_i f_is ≥ D_s                 (demand of region s)      → dual = price in region s
//        Σ_{i∈G} Σ_s f_is ≤ C_G         (capacity caps, e.g. China's 45 Mt)
//   f_is is absent when metal of i may not enter s (exclusions).
// c_i is the supplier's cash cost, d_is the delivery cost: freight + tariff + CBAM.
// Units in the problem: USD/kg and kg/s (SI); the LP is scaled to Mt/yr and USD/t internally.
#include <string>
#include <vector>

namespace potline::market {

struct Supplier {
  std::string name;
  int region = 0;
  double capacity_kg_per_s = 0;
  double cost_usd_per_kg = 0;
};

struct Cap {
  std::string name;
  std::vector<int> suppliers;
  double capacity_kg_per_s = 0;
};

struct TradeProblem {
  std::vector<std::string> region_names;
  std::vector<double> demand_kg_per_s;                 ///< per region
  std::vector<Supplier> suppliers;
  std::vector<std::vector<double>> delivery_usd_per_kg;  ///< [supplier][region]
  std::vector<std::vector<char>> allowed;              ///< [supplier][region]; empty = all allowed
  std::vector<Cap> caps;
};

struct TradeSolution {
  bool feasible = false;
  std::string explanation;                         ///< why not, in words, when infeasible
  std::vector<double> price_usd_per_kg;            ///< per region (dual of the demand row)
  std::vector<double> production_kg_per_s;         ///< per supplier
  std::vector<std::vector<double>> flow_kg_per_s;  ///< [from region][to region]
  std::vector<double> cap_shadow_usd_per_kg;       ///< per cap (≥ 0: value of one more unit of cap)
  double total_cost_usd_per_s = 0;
};

/// Solves the problem. Never throws for an infeasible problem: returns feasible=false with an
/// explanation naming the regions whose demand cannot be served and by how much.
TradeSolution solve(const TradeProblem& problem);

/// Checks the problem's shape (sizes, non-negative numbers) and returns an error text, or "".
std::string check(const TradeProblem& problem);

}  // namespace potline::market
