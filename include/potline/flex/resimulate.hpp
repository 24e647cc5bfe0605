#pragma once
// The re-simulation check (docs/model/flexibility.md §4): the optimised schedule runs through the
// full dynamic model as a DC power schedule for one representative cell; every crossing of the
// heat-state bounds by the running means the safe window uses (window.averaging), the freeze alarm
// (the instantaneous ledge above the ledge bound, which ends the envelope's hold) and a frozen bath
// are reported.
#include <string>
#include <vector>

#include "potline/flex/cell_runs.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/reduced_model.hpp"

namespace potline::flex {

/// One excursion of a running mean beyond a bound, or the bath freezing.
struct Crossing {
  /// "ledge_min", "ledge_max", "superheat_min", "superheat_max", "bath_frozen"; "freeze_alarm"
  /// (the instantaneous ledge above ledge_max, as the envelope's)
  std::string limit;
  double start_s = 0, end_s = 0;  ///< end: where it came back (the end of the run if it did not)
  double extreme = 0;     ///< the furthest running mean beyond the bound (m or K; frozen: liquid share)
  double bound = 0;       ///< the bound it crossed (m or K)
};

struct Resimulation {
  CellTrace trace;
  std::vector<Crossing> crossings;
  FitError model_error;   ///< reduced model against this run
  double production_kg = 0, energy_J = 0;  ///< whole potline (the cell's × cells)
  double current_efficiency = 0;
  /// Anode effects per cell (the simulated cells' onsets over their number, flex.simulated_cells):
  /// all onsets, and those within flex.ae_after_ramp of an upward set-point change; AE overvoltage
  /// energy and PFC (CO2e) of the whole potline (per cell × cells, from the run's summary; 0 when a
  /// guard stopped the run).
  double ae_count = 0, ae_after_ramp_up = 0;
  double ae_energy_J = 0, pfc_co2e_kg = 0;
  double acd_limit_s = 0;  ///< time the cell sat at an ACD limit of its resistance control (time_at_acd_limit)
  double max_acd_m = 0;    ///< largest ACD of the run
  double max_ledge_m = 0;  ///< largest instantaneous ledge of the run
  /// The schedule's DC energy for the whole potline (shares × nominal cell power × step × cells),
  /// against which energy_J says whether the line drew what the schedule buys, and the time the
  /// rectifier limit (potline.max_current) held the current below what the power asked for.
  double scheduled_energy_J = 0;
  double current_limit_s = 0;
  bool in_window() const { return crossings.empty(); }
};

/// Runs `shares` (steps of `step_s`) through the dynamic model and checks them against `bounds`.
Resimulation resimulate(const FlexCase& c, const ReducedModel& m, const std::vector<double>& shares, double step_s,
                        const HeatBounds& bounds);

/// The energy the cells of `check` drew in each step k of `p`, over [k·step, (k+1)·step): the
/// trace's cumulative DC energy × cells over the rectifier efficiency (AC at the grid connection);
/// a run a guard stopped draws nothing after its stop.
std::vector<double> delivered_step_energy_J(const FlexCase& c, const HorizonPrices& p,
                                            const Resimulation& check);

/// The economics of a schedule as the dynamic model delivered it (docs/model/flexibility.md §5, "As
/// delivered"): the metal of the re-simulation `check` (check.production_kg) and, per step k, the energy
/// its cells drew over [k·step, (k+1)·step) (the trace's cumulative DC energy × cells, over the rectifier
/// efficiency: AC at the grid connection) at price k; metal, alumina and carbon at the case's prices as
/// in schedule_economics; set-point changes, change penalties and the availability payment as
/// `planned` (they do not depend on what the cells draw). A run a guard stopped counts its energy
/// to the stop and no metal (check.production_kg is 0: the run's summary is lost); flex_value then
/// puts the annual value on the plan.
ScheduleEconomics delivered_economics(const FlexCase& c, const HorizonPrices& p, const ScheduleEconomics& planned,
                                      const Resimulation& check);

/// Anode-effect onsets within `window_s` after an upward set-point change of `shares` (steps of
/// `step_s`; the line starts at nominal, so a first share above 1 is a change).
long onsets_after_ramp_up(const std::vector<double>& onsets_s, const std::vector<double>& shares, double step_s,
                          double window_s);

/// Crossings of running means (time constant tau_s) of ledge and superheat beyond bounds.
std::vector<Crossing> find_crossings(const CellTrace& trace, const HeatBounds& bounds, double tau_s);

}  // namespace potline::flex
