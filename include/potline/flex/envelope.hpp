#pragma once
// The operating envelope (docs/model/flexibility.md §7): how long the representative cell holds
// each constant power level before the first limit of any kind: a running mean of ledge or
// superheat leaving the heat-state bounds, the freeze alarm (instantaneous ledge above the ledge
// maximum) or the bath freezing, from the full dynamic model.
#include <string>
#include <vector>

#include "potline/flex/cell_runs.hpp"
#include "potline/flex/dispatch.hpp"

namespace potline::flex {

struct EnvelopeRow {
  double share = 1;            ///< power level (1 = nominal)
  bool heat_exchangers = false;  ///< shell heat exchangers in use ([heat_exchangers] of the simulate case)
  /// Time at nominal power before the level was called (envelope.settle); the times below count
  /// from the call.
  double settle_s = 0;
  /// Time to the first limit of any kind: the earliest of window_crossing_s, freeze_alarm_s and a
  /// physical guard stopping the run (max_duration when none was reached).
  double hold_s = 0;
  /// The first limit reached: a window bound ("ledge_max", "superheat_min", ...), "freeze_alarm",
  /// or the guard that stopped the run ("bath_frozen", "guard_stop"); "" when held for
  /// max_duration.
  std::string limit;
  /// First running mean beyond a bound (< 0: none before the run ended), and that bound.
  double window_crossing_s = -1;
  std::string window_limit;  ///< "" when none
  double frozen_s = -1;      ///< the bath froze at this time (< 0: it did not)
  /// Freeze alarm: the first time the instantaneous ledge (not its running mean) grows beyond the
  /// ledge maximum, i.e. bath is freezing onto the sides faster than the window allows (< 0: never).
  double freeze_alarm_s = -1;
  /// |energy drawn − nominal power × hold time| × cells up to the hold, AC at the grid (the cell's
  /// drawn DC energy / design.rectifier_efficiency): what the line moves, not what the level asks.
  double flexible_energy_J = 0;
  /// Mean power the cell drew up to the hold, share of nominal: below the level when the rectifier
  /// limit (potline.max_current) held the current under what the power asked for.
  double drawn_share = 1;
  double current_limit_s = 0;  ///< time up to the hold the rectifier limit held the current
  /// The level the rectifier can deliver: min(share, rectifier_reach(c.sim).max_share). A level
  /// above it is run as asked (the rectifier limit holds the current) and said to be out of reach.
  double reachable_share = 1;
  bool beyond_reach() const { return share > reachable_share + 1e-9; }
  /// ACD range over the run and the time it sat at an ACD limit of the resistance control (within
  /// one beam step of control.acd_max / the immersion ceiling, or of control.acd_min; from the rows).
  double min_acd_m = 0, max_acd_m = 0;
  double acd_limit_s = 0;
  double acd_limit_first_s = -1;  ///< first row at an ACD limit (< 0: never)
};

/// What a power run drew up to `until_s`: the mean power as a share of nominal (the cell's DC
/// energy over nominal power × time) and the time the rectifier limit held the current.
struct DrawnPower {
  double share = 1;
  double limited_s = 0;
};
DrawnPower drawn_power(const FlexCase& c, const CellTrace& trace, double until_s);

/// The envelope of the case as given.
std::vector<EnvelopeRow> operating_envelope(const FlexCase& c, const HeatBounds& bounds);
/// The envelope with and without shell heat exchangers: the case as given, then with
/// heat_exchangers.enabled toggled (switched on in automatic mode when the case has none).
std::vector<EnvelopeRow> envelope_with_and_without_exchangers(const FlexCase& c, const HeatBounds& bounds);

}  // namespace potline::flex
