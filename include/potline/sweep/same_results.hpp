#pragma once
// Which scenarios of a sweep gave the same results as another, sample by sample: a scenario whose
// levers bind nowhere (e.g. an exclusion of metal that goes elsewhere anyway) gives the same numbers
// as the scenario without them, and the output must say so rather than leave two equal ranges to be
// noticed (docs/model/sweep.md, "Scenarios that change nothing").
#include <cstdint>
#include <string>
#include <vector>

#include "potline/sweep/read_results.hpp"

namespace potline::sweep {

/// A scenario and the earlier scenario (in store order) whose results it matched in the most samples.
struct SameResults {
  std::string scenario;
  std::string same_as;
  std::int64_t identical_samples = 0;  ///< samples in which every stored row matched
  std::int64_t samples_compared = 0;   ///< samples stored for both scenarios
  /// Of the samples that differ, the headline row (world and regional prices, production, the world's
  /// marginal cost and emissions) that changed most relative to its level (a region's production to at
  /// least 1 % of the world's; T16-17: not an LP trade swap), else the row furthest
  /// beyond its tolerance: its entity and metric, the sample, this scenario's value and `same_as`'s
  /// (DA-20: one sample of 2000 differed in world emissions by 0.13 Mt, an equal-cost routing of the
  /// trade LP). Empty metric when every sample compared matched, or when a sample's rows differ in
  /// their keys.
  std::string differs_entity, differs_metric;
  std::int64_t differs_sample = -1;
  double differs_value = 0, differs_same_as_value = 0;
};

/// For each scenario, the earlier scenario with the most samples whose stored rows (inputs included:
/// without common random numbers the draws differ and nothing is identical) have the same keys and
/// values within `relative_tolerance` × max(1, |value|). Scenarios matching none in any sample are not
/// listed.
std::vector<SameResults> same_results(const ResultTable& table, double relative_tolerance = 1e-9);

/// As same_results, comparing only the drawn inputs (within `relative_tolerance`) and the rows of
/// prices and quantities (world and regional prices within 0.5 USD/t, production, curtailment, trade
/// and consumption within 1 kt/yr: the thresholds of "binds" of `potline fleet`; not costs or
/// emissions): a scenario
/// whose levers move costs but no price and no output (a power shock on smelters that run or stay
/// idle either way) does not bind, as `potline fleet` says of one solve (user trial T12-3).
std::vector<SameResults> same_prices_and_production(const ResultTable& table, double relative_tolerance = 1e-9);

}  // namespace potline::sweep
