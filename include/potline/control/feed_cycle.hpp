#pragma once
// The tracking feed control's cycle, to first order, and the slope threshold that centres it on a
// chosen alumina concentration (docs/model/dynamics.md §4, "Feed: where the cycle sits").
#include <vector>

#include "potline/control/pot_controller.hpp"

namespace potline::control {

/// The bath-average alumina cycle of the tracking feed control (underfeed until the R_p slope
/// reaches the threshold, then overfeed for overfeed_duration), to first order: alumina dissolves
/// as fed and the cell consumes it at a constant rate, so the concentration is a triangle wave.
struct FeedCycle {
  double underfeed_rate_wt_per_s = 0;  ///< fall of the bath-average alumina in underfeed (> 0)
  double overfeed_rate_wt_per_s = 0;   ///< rise in overfeed (> 0)
  double swing_wt = 0;                 ///< rise over one overfeed period: the triangle's height
  double bottom_wt = 0;                ///< the concentration at the switch to overfeed
  double top_wt = 0;                   ///< at the switch back to underfeed
};

/// The cycle whose time-mean is `mean_alumina_wt`: the mean of a triangle wave is its bottom plus
/// half its height, whatever the two legs' durations. `consumption_kg_per_s`: the cell's alumina
/// use (Faraday at its current efficiency); the feed rates are the controller's (its nominal feed
/// × the under- and overfeed factors); `bath_mass_kg`: the liquid bath. `undissolved_lag_s`: the
/// share of a shot that does not dissolve at once over its first-order dissolution rate, (1 −
/// f)/k_d: the undissolved pool (1 − f)·feed/k_d holds that much alumina out of the bath, less in
/// underfeed than on average, so the dissolved concentration's mean lies (1 − f)/k_d × the
/// underfeed fall rate below the triangle's mean through the switch (mass balance of a first-order
/// pool).
FeedCycle centred_feed_cycle(const ControllerSettings& s, double mean_alumina_wt,
                             double consumption_kg_per_s, double bath_mass_kg,
                             double undissolved_lag_s = 0.0) noexcept;

/// The cell voltage at nominal current against the bath-average alumina, tabulated from `first_wt`
/// in steps of `step_wt` (linear between the points, held beyond them).
struct VoltageCurve {
  double first_wt = 0, step_wt = 0.01;
  std::vector<double> voltage_V;
  /// Drift of the voltage at constant alumina while the controller tracks (no beam moves): the ACD
  /// closes as the metal rises faster than the anodes burn [V/s].
  double drift_V_per_s = 0;
  double at(double alumina_wt) const noexcept;
};

/// The slope threshold [V/s] at which the controller's own fit (the R_p averages, the line through
/// the last slope_points of them, its measurement noise, min_underfeed) switches to overfeed on
/// average at the cycle's bottom, when the cell is underfed from the cycle's top along `curve`.
/// Found on `legs` underfeed legs drawn with a fixed seed (the same noise for every trial
/// threshold, so the switching concentration falls monotonically with it), by bisection.
double centred_slope_threshold_V_per_s(const ControllerSettings& s, const FeedCycle& cycle,
                                       const VoltageCurve& curve, int legs = 200) noexcept;

}  // namespace potline::control
