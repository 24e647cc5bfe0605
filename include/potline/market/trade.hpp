#pragma once
// Regional market with trade: the spatial price equilibrium of a homogeneous good ([Samuelson 1952];
// [Takayama & Judge 1971]), solved as a linear program with COIN-OR CLP:
//
//   max  Σ_s Σ_b v_sb x_sb − Σ_i Σ_s (c_i + d_is + t_is) f_is
//   s.t. Σ_s f_is ≤ K_i                      (capacity of supplier i)
//        Σ_i f_is − Σ_b x_sb ≥ Q_s^min       (balance of region s)   → dual = price in region s
//        0 ≤ x_sb ≤ w_sb                      (demand blocks: step inverse demand)
//        Σ_{i∈G} Σ_s f_is ≤ C_G              (capacity caps, e.g. China's 45 Mt)
//        Σ_{i∈G} Σ_{s∈T} f_is ≤ L_G          (flow limits into the regions T of a lane)
//   f_is is absent when metal of i may not enter s (exclusions).
// c_i is the supplier's cash cost, d_is the delivery cost (freight + fixed tariffs + CBAM) and
// t_is an ad valorem tariff τ_is on the customs value, found by a damped fixed-point iteration on
// the prices it is computed from: by default the flow's transaction value, the price the seller
// receives for the metal sold for export, V_is = (P_s − d_is)/(1 + τ_is) (the destination price
// less the delivery cost and the duty itself; 19 U.S.C. 1401a(b)(1), (b)(3)(B), (b)(4)(A),
// [US customs value 19 USC 1401a]), or the price p_origin(i) of the metal in the exporter's region.
//
// Demand: with elasticity 0 (the default) a region's demand is vertical at Q_s (Q^min = Q_s, no
// blocks): the fixed-demand LP. With elasticity ε > 0 the inverse demand through (Q_s, P_s)
// between Q_s(1 − range) and Q_s(1 + range) is cut into blocks of equal price ratio (by default: the
// edges at prices P_top e^(−kδ), so every block spans the same relative price step δ) or of equal
// width; block b is worth the mean of the inverse demand over its width (the integral / width, so
// the gross consumer surplus is exact at the block edges); below Q^min = Q_s(1 − range) demand is
// vertical. The objective is consumer surplus minus production and transport cost; the balance
// duals remain the prices. The step curve lies within a factor e^(±δ) of the curve at every
// quantity, so an equilibrium price lies within one price step of the continuous curve's.
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

/// A cap on the output of a group of suppliers, or — with `to_regions` — on their deliveries into
/// those regions only (a flow limit on a trade lane, e.g. an import quota).
struct Cap {
  std::string name;
  std::vector<int> suppliers;
  double capacity_kg_per_s = 0;
  std::vector<int> to_regions;  ///< empty: every delivery counts (a capacity cap)
};

enum class DemandShape {
  kConstantElasticity,  ///< Q = Q0 (P/P0)^−ε
  kLinear,              ///< Q = Q0 (1 + ε (1 − P/P0)): straight line with elasticity ε at (Q0, P0)
};

/// How a demand curve is cut into blocks.
enum class DemandSpacing {
  kEqualPrice,     ///< the same price ratio across every block (edges at P_top e^(−kδ)); the default
  kEqualQuantity,  ///< the same width (range × 2 Q0 / blocks)
};

/// A region's demand curve through its reference point (demand, reference price).
struct DemandCurve {
  double elasticity = 0;                  ///< |d ln Q / d ln P| at the reference point; 0 = fixed demand
  double reference_price_usd_per_kg = 0;  ///< P0: the region demands Q0 (TradeProblem::demand) at P0
  DemandShape shape = DemandShape::kConstantElasticity;
  double range = 0.5;                     ///< blocks span Q0 (1 − range) .. Q0 (1 + range); in (0, 1)
  int blocks = 200;                       ///< number of blocks (1..2000)
  DemandSpacing spacing = DemandSpacing::kEqualPrice;
  /// Price resolution at the equilibrium (0.001 = 0.1 %): with equal price ratios, the blocks
  /// around each region's equilibrium price are cut finer to this step (demand_curve.hpp); 0 = off.
  double resolution = 0.001;
};

struct DemandBlock {
  double width_kg_per_s = 0;
  double value_usd_per_kg = 0;  ///< mean willingness to pay over the block
};

/// The step approximation of a demand curve for reference demand q0: the vertical part Q^min and
/// the blocks above it (values strictly decreasing; never negative, a linear curve's blocks stop
/// where its price reaches 0; a constant-elasticity curve's blocks stay between 100 P0 and P0/100,
/// i.e. within Q0 100^∓ε; with equal price ratios a linear curve's also stop at P0/100).
/// Elasticity 0 → {q0, no blocks}.
struct DemandSteps {
  double minimum_kg_per_s = 0;
  std::vector<DemandBlock> blocks;
  /// The price resolution: the largest P(left edge)/P(right edge) − 1 of a block (e^δ − 1 with
  /// equal price ratios); the equilibrium price is within this share of the continuous curve's.
  double price_step = 0;
};
DemandSteps demand_steps(double q0_kg_per_s, const DemandCurve& curve);

/// A simplex basis of the trade LP: COIN-OR CLP's status of every column, then of every row, then
/// each region's fine demand window (two bytes; demand_curve.hpp). A
/// problem with the same columns and rows (the same suppliers, routes, regions, demand blocks and
/// caps; other costs, capacities or demands) may start from it (TradeProblem::start_basis).
using Basis = std::vector<unsigned char>;

/// What an ad valorem tariff is a share of (TradeProblem::tariff_value).
enum class TariffValue {
  kTransactionValue,  ///< the flow's transaction value (P_s − d_is)/(1 + τ_is): fixed point on the importers' prices
  kOriginPrice,       ///< the price of the exporter's region p_origin(i): fixed point on the origin prices
};

struct TradeProblem {
  std::vector<std::string> region_names;
  std::vector<double> demand_kg_per_s;                 ///< per region: the reference demand Q0
  std::vector<Supplier> suppliers;
  std::vector<std::vector<double>> delivery_usd_per_kg;  ///< [supplier][region]
  std::vector<std::vector<char>> allowed;              ///< [supplier][region]; empty = all allowed
  std::vector<Cap> caps;
  std::vector<DemandCurve> demand_curve;               ///< per region; empty = every demand fixed
  /// [supplier][region] ad valorem rate on the customs value (0.5 = 50 %); empty = none.
  std::vector<std::vector<double>> tariff_rate;
  TariffValue tariff_value = TariffValue::kOriginPrice;  ///< what the rates are charged on
  int tariff_max_iterations = 60;                      ///< fixed-point iterations (LP solves) at most
  double tariff_tolerance_usd_per_kg = 1e-4;           ///< stop when the basis prices move less (0.1 USD/t)
  /// Warm start (not owned; null = none): the first LP solve starts from this basis, e.g. the
  /// basis of a sweep scenario's base case, instead of the all-slack basis. Ignored when its size
  /// does not match the problem's. The optimum is the same LP optimum; where it is not unique
  /// (tied costs: trade flows, the split between tied smelters) the vertex found may differ.
  const Basis* start_basis = nullptr;
};

struct TradeSolution {
  bool feasible = false;
  std::string explanation;                         ///< why not, in words, when infeasible
  std::vector<double> price_usd_per_kg;            ///< per region (dual of the balance row)
  std::vector<double> consumption_kg_per_s;        ///< per region (= demand when fixed)
  std::vector<double> production_kg_per_s;         ///< per supplier
  std::vector<std::vector<double>> flow_kg_per_s;  ///< [from region][to region]
  std::vector<double> cap_shadow_usd_per_kg;       ///< per cap (≥ 0: value of one more unit of cap)
  double total_cost_usd_per_s = 0;                 ///< production + delivery + tariffs of the flows
  double welfare_usd_per_s = 0;                    ///< gross surplus of the blocks − total cost
  std::vector<std::vector<double>> tariff_usd_per_kg;  ///< [supplier][region] ad valorem tariffs used (empty = none)
  int tariff_iterations = 0;                       ///< LP solves of the fixed point (0 = no ad valorem tariff)
  bool tariff_converged = true;
  double tariff_residual_usd_per_kg = 0;           ///< last max |price − price used for the tariffs|
  std::vector<std::string> warnings;               ///< e.g. a fixed point that did not converge
  Basis basis;                                     ///< of the first LP solve (before any tariff step); empty if none
};

/// The ad valorem tariff of every flow [supplier][region] (USD/kg) at regional prices `price_usd_per_kg`:
/// τ_is × the customs value of TradeProblem::tariff_value. At a solution's prices these are the
/// tariffs its fixed point used, to its tolerance. Needs a non-empty tariff_rate.
std::vector<std::vector<double>> ad_valorem_tariffs(const TradeProblem& p, const std::vector<double>& price_usd_per_kg);

/// Solves the problem. Never throws for an infeasible problem: returns feasible=false with an
/// explanation naming the regions whose demand cannot be served and by how much.
TradeSolution solve(const TradeProblem& problem);

/// Checks the problem's shape (sizes, non-negative numbers) and returns an error text, or "".
std::string check(const TradeProblem& problem);

}  // namespace potline::market
