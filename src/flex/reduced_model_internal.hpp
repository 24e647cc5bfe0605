#pragma once
// Internals of the reduced model's fit shared by its source files (not installed): the fit runs
// (reduced_model.cpp) and the production curve through constant-power runs (production_curve.cpp).
#include <vector>

#include "potline/flex/flex_case.hpp"
#include "potline/flex/reduced_model.hpp"

namespace potline::flex::detail {

// One fit run: the schedule (constant share), the deviations from the undisturbed run.
struct FitRun {
  double share = 1;
  std::vector<double> x,
      s;  // ledge deviation at step ends (x[0] = 0), superheat deviation per step
  double production_kg_per_s = 0;
  bool stopped = false;
};

// The production curve (reduced_model.hpp) from constant-power runs of `duration` at fixed levels
// (the fit runs reused where a level is theirs), into m.curve_share, curve_measured and
// curve_production, and the slopes next to nominal (e_up, e_down).
void fit_production_curve(const FlexCase& c, const std::vector<FitRun>& runs, double duration,
                          double interval, ReducedModel& m);

}  // namespace potline::flex::detail
