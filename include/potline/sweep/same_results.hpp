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
};

/// For each scenario, the earlier scenario with the most samples whose stored rows (inputs included:
/// without common random numbers the draws differ and nothing is identical) have the same keys and
/// values within `relative_tolerance` × max(1, |value|). Scenarios matching none in any sample are not
/// listed.
std::vector<SameResults> same_results(const ResultTable& table, double relative_tolerance = 1e-9);

}  // namespace potline::sweep
