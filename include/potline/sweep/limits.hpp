#pragma once
// What bounds a sweep's samples, read from its stored rows (user trial T12-3): whether each capacity
// cap and flow limit binds, in how many samples and at what shadow price, and the samples whose
// demand exceeds the capacity (their prices ration demand: scarcity prices, not a marginal
// smelter's cost). The same facts `potline fleet` prints for one solve ("binding limits", the
// scarcity line), over the samples of each scenario.
#include <cstdint>
#include <string>
#include <vector>

#include "potline/sweep/read_results.hpp"
#include "potline/sweep/sweep_file.hpp"

namespace potline::sweep {

/// A cap or flow limit binds when its shadow price is at least this (the fleet text's threshold).
constexpr double kBindingShadow_usd_per_t = 0.5;
/// Demand at the reference prices above the capacity by more than this share: the prices ration
/// demand (the fleet text's threshold: a few per cent, the demand blocks' price step is about 2 %).
constexpr double kScarcityShare = 0.03;

/// The q-quantile (0..1) by linear interpolation between order statistics (Hyndman & Fan type 7,
/// numpy's default); 0 for an empty vector.
double quantile(std::vector<double> v, double q);

/// One [[cap]] or [[flow_limit]] of a scenario over its stored samples.
struct LimitFacts {
  std::string scenario;
  std::string kind;   ///< "cap" or "flow_limit"
  std::string name;
  std::string where;  ///< the cap's region id, or the lane "from -> to"
  double limit_Mt = 0;
  std::int64_t samples = 0;  ///< feasible samples with the limit's row
  std::int64_t binding = 0;  ///< of them, with a shadow price >= kBindingShadow_usd_per_t
  /// Shadow price P10, P50, P90 over the binding samples (0 when none binds), USD/t.
  double shadow_p10 = 0, shadow_p50 = 0, shadow_p90 = 0;
  /// A cap: its region's production P50 and maximum over the samples (Mt/yr); a flow limit: 0.
  double production_p50_Mt = 0, production_max_Mt = 0;
};

/// A scenario's samples whose demand at the reference prices exceeds the capacity.
struct ScarcityFacts {
  std::string scenario;
  std::int64_t samples = 0;        ///< samples with both rows
  std::int64_t short_samples = 0;  ///< demand > (1 + kScarcityShare) x capacity
  /// Over the short samples: the largest demand / capacity and its demand and capacity (Mt/yr).
  double worst_ratio = 0, worst_demand_Mt = 0, worst_capacity_Mt = 0;
};

/// Every scenario's caps and flow limits (spec order), from the rows of `table` (stores written
/// before 2026-12-07 have no shadow-price rows: their limits count 0 samples).
std::vector<LimitFacts> limit_facts(const SweepSpec& spec, const ResultTable& table);

/// Every scenario with at least one short sample.
std::vector<ScarcityFacts> scarcity_facts(const ResultTable& table);

}  // namespace potline::sweep
