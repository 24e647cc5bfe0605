#pragma once
// Runs of the full dynamic model (line::run_simulation) for one representative cell under a
// power schedule, as the reduced-model fit, the re-simulation check and the operating envelope
// need them: the schedule is a list of power shares (1 = nominal) held for one step each.
#include <string>
#include <vector>

#include "potline/potline/simulation.hpp"

namespace potline::flex {

/// The trajectory of one cell at the output interval (rows from t = 0). With several simulated
/// cells (run_power_schedule's `cells`) the columns are per cell: the line's means, and its
/// energy, production and power over the cells.
struct CellTrace {
  int cells = 1;  ///< cells simulated (their tap, sample and anode phases spread)
  std::vector<double> time_s, ledge_m, superheat_K, temperature_K, power_W, acd_m;
  std::vector<double> energy_cum_J;  ///< cumulative line energy at each row (DC, the cell's)
  std::vector<double> production_cum_kg;  ///< cumulative metal produced at each row (the cell's)
  std::vector<double> current_A;     ///< line current at each row (the rectifier limit shows here)
  std::vector<double> alumina_wt, alf3_wt;  ///< mean dissolved alumina and AlF3 excess [wt%]
  line::Summary summary;            ///< of the run (partial when it stopped)
  bool stopped = false;             ///< a physical guard stopped the run (e.g. the bath froze)
  line::StopReason stop_reason = line::StopReason::kBathFrozen;
  double stopped_at_s = 0;
  std::string stop_message;
  double production_kg = 0;         ///< metal produced (up to the stop)
  double energy_J = 0;              ///< line energy (up to the stop)
  std::vector<double> ae_onset_s;  ///< anode-effect onsets, all simulated cells (to the output row)
  /// Per row: the representative cell is on an anode effect, or one began since the last row.
  /// The line current of such a row is the whole line's on AE (the cell scaled by potline.cells).
  std::vector<unsigned char> in_ae;

  /// Linear interpolation of a trace column at time t (clamped to the trace).
  static double at(const std::vector<double>& time, const std::vector<double>& values, double t);
};

/// Nominal DC power of the representative cell [W]: I·V at the case's operating point.
double nominal_cell_power_W(const line::SimulationCase& sim);

/// Runs the cell with power share shares[k] over [k·step_s, (k+1)·step_s) (the last share holds to
/// `duration_s`), rows every `output_interval_s`. A tripped guard ends the trace (stopped = true);
/// solver failures throw core::RunError. With `cells` > 1 that many identical cells run in series
/// (the case's spread is zero in flex), each with the tap, bath-sample and anode-change phase its
/// place in a line of that many cells gives it (line::make_controller), so that a schedule with a
/// daily cycle does not meet one cell's controller at the same hour every day
/// (docs/model/flexibility.md §4, "Simulated cells"); the trace is per cell.
CellTrace run_power_schedule(const line::SimulationCase& sim, const std::vector<double>& shares,
                             double step_s, double duration_s, double output_interval_s,
                             int cells = 1);

/// Time a trace sits at an ACD limit of `sim`'s resistance control (within one beam step of the
/// ceiling, control.acd_max or dynamics.bath_height − control.min_anode_immersion, or of the floor,
/// control.acd_min), and when it first does.
struct AcdLimitTime {
  double total_s = 0;
  double first_s = -1;  ///< < 0: never
};
AcdLimitTime time_at_acd_limit(const line::SimulationCase& sim, const CellTrace& trace);

/// Exponential running mean with time constant tau_s (the safe window's averaging), started at the
/// first value.
std::vector<double> running_mean(const std::vector<double>& time_s, const std::vector<double>& values,
                                 double tau_s);

}  // namespace potline::flex
