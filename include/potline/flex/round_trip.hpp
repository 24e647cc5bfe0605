#pragma once
// The delivered round trip split into storage and operating point (docs/model/flexibility.md §5,
// "Storage and operating point"; issue 13): the optimised schedule's energy change over the flat
// one's, both in the dynamic model, booked by the cells' own energy balance —
//
//   ΔE = metal + stored heat + operating point − top heat kept in cuts + losses (+ the residual)
//
// metal: the reaction enthalpy and tapped heat of the extra metal; stored heat: the cells' stored
// heat at the horizon's end; operating point: what a flat cell would lose more (less) at the
// optimised run's mean heat state (mean bath temperature, chemistry and ledge) than at the flat
// run's, from the cell's own steady heat-loss network (dynamics::thermal_state_at_ledge); top heat
// kept in cuts: the top loss the retention of a cut (control.cut_top_loss_reduction) avoided, an
// operating practice of the cut, not storage (line::CellTotals::top_heat_kept_J); losses: the rest
// of the cells' heat-loss change (the cycle's: heat lost while hot), the busbars' energy outside
// the cells and the cold anodes' heating. The storage round trip is shifted / (shifted + losses):
// the energy not drawn in dear hours against what the cycle cost to give it back, the extra metal,
// the heat still stored, the change of operating point and the top heat kept taken out.
#include <cmath>
#include <optional>
#include <string>

#include "potline/flex/resimulate.hpp"
#include "potline/io/json_output.hpp"

namespace potline::flex {

struct FlexCase;

/// A run's time-mean heat state (trapezoid over its trace) and its chemistry.
struct MeanHeatState {
  double bath_temperature_K = 0, superheat_K = 0, alumina_wt = 0, alf3_wt = 0;
  double ledge_m = 0;
  double current_A = 0;
};
MeanHeatState mean_heat_state(const CellTrace& trace);

/// The energy-balance terms of a run, per cell (DC, the mean over the simulated cells):
/// line::CellTotals summed over the run's cells over their number.
struct CellEnergyTerms {
  double line_J = 0, in_J = 0, chemical_J = 0, tapped_J = 0, lost_J = 0, anode_J = 0,
         stored_J = 0;
  double top_kept_J = 0;  ///< line::CellTotals::top_heat_kept_J (in lost_J already)
  double metal_kg = 0;
  bool complete = false;  ///< the run reached its end with per-cell totals
};
CellEnergyTerms cell_energy_terms(const CellTrace& trace);

/// Whole potline, AC at the grid connection (J): optimised − flat.
struct RoundTripSplit {
  bool available = false;        ///< both runs complete with their energy balances
  double energy_change_J = 0;    ///< measured: the energy the cells drew, optimised − flat
  double metal_J = 0;            ///< reaction enthalpy + tapped heat of the metal
  double stored_heat_J = 0;      ///< the cells' stored heat at the horizon's end
  double operating_point_J = 0;  ///< steady heat loss at the optimised mean state − at the flat
  /// The top heat the cuts' retention kept, optimised − flat (≥ 0: energy the cells did not lose)
  double top_heat_kept_J = 0;
  /// The cells' heat-loss change beyond the operating point and the top heat kept
  double cycle_heat_loss_J = 0;
  double outside_cells_J = 0;    ///< the line energy outside the cells (busbars)
  double anode_heating_J = 0;    ///< cold anodes heated
  double balance_residual_J = 0;  ///< energy_change − the sum of the terms (the balance error)
  double shifted_J = 0;           ///< energy not drawn below the flat schedule's steps
  double added_J = 0;             ///< energy drawn above them
  /// The storage round trip shifted / (shifted + losses); none when nothing is shifted (below
  /// kMinShiftedShare of the flat energy) or the denominator is ≤ 0.
  std::optional<double> storage_round_trip;
  /// The round-trip reporting threshold (kRoundTripNoiseShare × the flat energy): losses below
  /// −noise_J are flagged "not physical"; within ±noise_J the round trip is 1 within the noise.
  double noise_J = 0;
  MeanHeatState flat, optimised;
  double operating_point_W_per_cell = 0;  ///< steady heat-loss change of one cell (DC)
  /// The metal's energy per kg (AC, the flat run's reaction + tapped heat over its metal) and the
  /// metal the operating point moves: −operating_point_J over it (> 0: the optimised state is
  /// colder and a flat cell there makes that much more metal at the same energy).
  double metal_J_per_kg = 0, operating_point_kg = 0;
  /// That metal at the net metal value (metal − alumina − carbon): the share of the delivered
  /// savings a flat cell at the optimised run's mean state would also earn. A flat schedule reaches
  /// it, so it is not flexibility: taken out of the year's value (FlexValue::operating_point_eur).
  double operating_point_eur = 0;
  /// The end of the horizon (user trial T13-13): the optimised run's ledge and superheat over the
  /// last hour less the flat run's (both dynamic), against the plan's end condition
  /// flex.end_ledge_tolerance; beyond it the week does not end in the flat schedule's heat state
  /// (stored_heat_J is the heat that difference holds, valued in the year's value at the horizon's
  /// mean price, FlexValue::end_heat_eur) and a year of such weeks does not repeat.
  double end_ledge_gap_m = 0, end_superheat_gap_K = 0, end_ledge_tolerance_m = 0;
  bool end_within_tolerance() const {
    return !available || std::abs(end_ledge_gap_m) <= end_ledge_tolerance_m;
  }
  double losses_J() const { return cycle_heat_loss_J + outside_cells_J + anode_heating_J; }
  /// Losses below −noise_J: the cycle returns more than it takes, beyond the simulation's noise.
  bool above_one_beyond_noise() const { return available && losses_J() < -noise_J; }
};

/// The noise of the storage losses as a share of the flat schedule's energy (AC): the largest
/// |losses| of two flat runs of the three flex examples that differ only in their seed (the
/// controllers', feeders' and faults' random streams), rounded up: 0.07–0.52 % over 9 seed pairs
/// (measured 2026-12-07 on main 99d38a9 with the top heat kept in cuts taken out; 0.15–0.38 % on
/// 2026-12-06, main 2451fb1, when it was 0.4 %; docs/model/flexibility.md §5, "Storage and
/// operating point"). Within it a storage round trip above 1 is the simulation's own noise, not a
/// finding (user trial T11-13(d): the warning fired for a round trip of 1.0004 on a schedule that
/// barely moved).
inline constexpr double kRoundTripNoiseShare = 6e-3;

/// The split of the final schedule's check against the flat check (FlexResult's).
RoundTripSplit round_trip_split(const FlexCase& c, const Resimulation& flat,
                                const Resimulation& optimised, double shifted_J, double added_J);

/// The arithmetic of the split from the two runs' terms (per cell, DC; their top_kept_J the top
/// heat kept in cuts, taken out of the cycle's heat loss) and the operating point's
/// steady heat-loss change per cell (W, DC) over `duration_s`, scaled to the potline (`cells`) at
/// the grid (`rectifier_efficiency`); `energy_change_J` is the measured change (AC, potline).
RoundTripSplit split_energy_change(const CellEnergyTerms& flat, const CellEnergyTerms& optimised,
                                   double operating_point_W, double duration_s, double cells,
                                   double rectifier_efficiency, double energy_change_J,
                                   double shifted_J, double added_J);

/// The text lines of the split (each starts with two spaces and ends with a newline); "" when it
/// is not available.
std::string round_trip_text(const RoundTripSplit& s);

/// value.delivered.round_trip_split (docs/cli.md): the terms in MWh AC, the storage round trip
/// (null when none), the noise threshold, and both runs' mean heat states.
io::Json round_trip_json(const RoundTripSplit& s);

}  // namespace potline::flex
