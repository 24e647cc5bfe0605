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
  std::vector<double> step_kg;  // metal of each step (runs that were not stopped)
  bool stopped = false;
  double acd_settled_m = 0;  // mean ACD over the run's second half
};

// Mean ACD of a trace over its second half (the settled level of a constant-power run).
double settled_acd_m(const CellTrace& run);

// The rise out of a cut (reduced_model.hpp, rise_deficit.cpp): the ceiling's onset from the curve
// levels' settled ACDs (levels ascending; nominal's the undisturbed run's), then, when the power
// range reaches below it, two rise runs and the fit of a_q and κ into m. The rise runs' schedules
// and traces are appended (for the fit error).
void fit_rise_deficit(const FlexCase& c, const std::vector<double>& levels,
                      const std::vector<double>& acd_m, double duration, double interval,
                      ReducedModel& m, std::vector<std::vector<double>>& schedules,
                      std::vector<CellTrace>& traces);

// Mean κ·q over a constant-power run of `steps` steps at `share` from q = 0 (the correction of a
// curve point, in shares of a step at nominal).
double rise_run_mean_loss(const ReducedModel& m, double share, std::size_t steps);

// Per-step metal of a constant-power run at `share`, as deviations from the undisturbed run in
// shares of a step at nominal (d[k] = metal/(r0·Δt) − w[k]); `mean` their mean over the run.
struct LevelSteps {
  double share = 1, mean = 0;
  std::vector<double> d;
};

// Fits the production lag (ρ, e_inst; reduced_model.hpp) to the levels' per-step metal by least
// squares (ρ on a grid, e_inst in closed form), into m; the fit's rms with and without the lag.
void fit_production_lag(const std::vector<LevelSteps>& levels, ReducedModel& m);

// The settled value of a level whose run of `steps` steps made `mean` (deviation share): the
// run's mean less its transient under the lag (the identity when ρ = 0).
double settled_deviation(const ReducedModel& m, double u, double mean, std::size_t steps);

// The production curve (reduced_model.hpp) from constant-power runs of `duration` at fixed levels
// (the fit runs reused where a level is theirs), into m.curve_share, curve_measured and
// curve_production, and the slopes next to nominal (e_up, e_down).
// With flex.production_lag the lag is fitted to the same runs and the curve's points are the
// levels' settled values (fit_production_lag).
void fit_production_curve(const FlexCase& c, const std::vector<FitRun>& runs, double duration,
                          double interval, double base_acd_m, ReducedModel& m,
                          std::vector<std::vector<double>>& rise_schedules,
                          std::vector<CellTrace>& rise_traces);

}  // namespace potline::flex::detail
