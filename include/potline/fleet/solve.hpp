#pragma once
// The fleet solve, one implementation for every caller: each smelter through the smelter model at
// the scenario's shocks (fleet::evaluate), then either the regional trade LP (market.solve = true,
// market::solve) or dispatch along the cost curve at world demand, and the aggregates the callers
// report. `potline fleet` formats the result; each sweep sample maps it to rows.
//
// An infeasible market (demand that the allowed capacity cannot serve) is a result, not an
// exception: feasible = false with the explanation; production, prices, consumption and flows are
// then zero. `potline fleet` turns it into an input error (exit 2) quoting the explanation; a sweep
// stores it as world market_feasible = 0 (docs/model/fleet.md).
#include <string>
#include <vector>

#include "potline/fleet/fleet.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/market/trade.hpp"

namespace potline::fleet {

struct SolveOptions {
  /// Also the cost curve, the under-water list, emissions by region and the cost-curve marginal
  /// cost (what `potline fleet` prints). Sweeps leave it off: no allocation they do not use.
  bool details = true;
  /// Warm start of the trade LP (not owned; null = none): the basis of an earlier solve of the
  /// same case (FleetResult::lp_basis), e.g. a sweep scenario's base solve (market::TradeProblem).
  const market::Basis* start_basis = nullptr;
};

struct FleetResult {
  std::vector<SmelterEconomics> smelters;      ///< per smelter of the case, in case order
  bool market_solved = false;                  ///< the trade LP (true) or cost-curve dispatch (false)
  bool elastic = false;                        ///< the LP used price-responsive demand
  /// With elastic demand: the LP's price resolution, the largest price step of one demand block
  /// over the regions (market::DemandSteps::price_step; 0.0185 = ±1.85 %); 0 with fixed demand or
  /// without SolveOptions::details (a sweep's samples).
  double demand_price_step = 0;
  bool feasible = true;
  std::string explanation;                     ///< why not, in words, when infeasible
  std::vector<double> production_kg_per_s;     ///< per smelter
  std::vector<double> demand_kg_per_s;         ///< per region: reference demand x case and sample factors
  std::vector<double> consumption_kg_per_s;    ///< per region (= demand unless elastic)
  std::vector<double> price_usd_per_kg;        ///< per region (LP duals, or the marginal cost everywhere)
  /// The exporters' price: the lowest regional price (where metal is worth least, at its origin), the
  /// model's counterpart of the LME. Each region's premium is its price minus this one.
  double world_price_usd_per_kg = 0;
  std::vector<std::vector<double>> flow_kg_per_s;  ///< [from region][to region] (LP only)
  std::vector<double> capacity_by_region_kg_per_s, production_by_region_kg_per_s;
  double capacity_kg_per_s = 0, demand_total_kg_per_s = 0, production_total_kg_per_s = 0;
  double consumption_total_kg_per_s = 0;
  double emissions_kg_co2e_per_s = 0;          ///< scope 1 + 2 of the production
  double under_water_capacity_kg_per_s = 0;    ///< capacity whose C1 exceeds LME + premium
  /// Highest C1 among producing smelters (LP), or the cost curve's C1 at world demand (dispatch).
  double marginal_cost_usd_per_kg = 0;
  /// Per case cap (FleetCase::caps order): the LP's shadow price, the value of one more unit of cap
  /// (0 when the cap does not bind or the market is not solved).
  std::vector<double> cap_shadow_usd_per_kg;
  int tariff_iterations = 0;
  bool tariff_converged = true;
  std::vector<std::string> warnings;           ///< from the market solve
  market::Basis lp_basis;                      ///< the trade LP's first basis (empty without the market)
  // ---- with SolveOptions::details
  std::vector<CurvePoint> curve;               ///< by C1 (also filled for dispatch)
  std::vector<int> under_water;                ///< smelter indices
  std::vector<double> emissions_by_region_kg_co2e_per_s;
  double cost_curve_marginal_cost_usd_per_kg = 0;  ///< at world demand; 0 when demand exceeds capacity
};

/// Solves the case at `shocks`; `demand_factor` (per region, empty = none) multiplies the case's
/// demand on top of its own [[demand]] factors (sweep draws).
FleetResult solve(const FleetCase& c, const Shocks& shocks, const std::vector<double>& demand_factor = {},
                  const SolveOptions& options = {});

/// Imports and exports of region `r` (flows from and to other regions).
struct RegionTrade {
  double imports_kg_per_s = 0, exports_kg_per_s = 0;
};
RegionTrade region_trade(const FleetResult& result, std::size_t r);

/// The trade problem of the case for fleet results `e`: demand curves, and tariffs either as ad
/// valorem rates on the origin price (solved by market::solve's fixed point) or, with the LME basis,
/// as fixed delivery costs. Suppliers are each smelter's curtailment segments, smelter by smelter
/// (segments_per_smelter of them each; smelter_segments).
market::TradeProblem trade_problem(const FleetCase& c, const std::vector<SmelterEconomics>& e);

/// 2 with the region table's [curtailment] (base and turndown band), else 1 (the whole capacity at C1).
int segments_per_smelter(const FleetCase& c);
/// The share of its year's capacity smelter `fs` may produce: 1 − fleet.restart_lead_time for a
/// stopped smelter whose restart is the LP's choice (not running, no dated restart), else 1.
double restart_share(const FleetCase& c, const FleetSmelter& fs);
/// Smelter i's LP suppliers: without [curtailment] its capacity at C1; with it, the base (stopping
/// potlines) at C1 − restart/horizon and the turndown band at C1 for a running smelter, both at
/// C1 + restart/horizon for a stopped one (FleetSmelter::running).
std::vector<market::Supplier> smelter_segments(const FleetCase& c, std::size_t i, const SmelterEconomics& e);

}  // namespace potline::fleet
