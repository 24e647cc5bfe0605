#pragma once
// Thermally aware steady state (issue 11 part 7): the bath temperature and ledge thickness at which
// the heat the cell generates equals what the dynamics' heat-loss network (calibrated at the design
// point) loses, at another current or ACD. The bath chemistry is held at the case's composition (the
// AlF3 control restores it in the long run). docs/model/cell.md, "Thermal steady state".
#include <string>

#include "potline/cell/cell_model.hpp"
#include "potline/dynamics/cell_model.hpp"

namespace potline::dynamics {

struct ThermalSteadyState {
  /// "steady": a ledge-protected steady state; "no_ledge": the ledge has melted away (the bath
  /// touches the side lining); "freezes": even at the liquidus the network loses more heat than the
  /// cell generates, so no liquid steady state exists (the other fields are at the liquidus);
  /// "overheats": the bath would settle more than 150 K above the liquidus (fields at that bound).
  std::string status;
  double bath_temperature_K = 0;
  double liquidus_K = 0;
  double superheat_K = 0;
  double ledge_m = 0;
  double wall_temperature_K = 0;  ///< side node (side block + shell)
  double top_temperature_K = 0;    ///< top node (anodes + cover)
  double lining_temperature_K = 0; ///< bottom node (cathode blocks)
  double metal_temperature_K = 0;  ///< metal pad
  double heat_loss_W = 0;         ///< to the ambient: top + side + bottom
  double top_loss_W = 0, side_loss_W = 0, bottom_loss_W = 0;
  double ledge_flux_W = 0;        ///< through the ledge-covered contact
  cell::CellResult result;        ///< cell::evaluate at the solved bath temperature
};

/// Solves the thermal steady state of model `m` (built and calibrated at its design point) at the
/// operating point `op` (its bath temperature is the solver's first guess only) with the shell heat
/// exchangers (if fitted) at `exchanger_fraction`: the lowest bath temperature above the liquidus
/// (1 K scan, then bisection to 1e-4 K, at most 150 K above) where the network loses what the cell
/// generates; at each temperature the node temperatures and the ledge follow in closed form from the
/// steady node balances and the Stefan condition.
ThermalSteadyState solve_thermal_steady_state(const CellModel& m, const cell::OperatingPoint& op,
                                              double exchanger_fraction);

/// The side balance of model `m` held at the bath temperature of `op` (a controller that holds the
/// temperature, whatever the heat generation): nodes and ledge at their steady values there, e.g.
/// the design ledge of a cell whose thermal resistances differ from the design's (the safe window's
/// per-cell ledge reference, docs/model/dynamics.md §6). heat_loss_W is what it would lose.
ThermalSteadyState thermal_state_at_temperature(const CellModel& m, const cell::OperatingPoint& op,
                                                double exchanger_fraction);

/// The cell of model `m` held at the bath temperature and chemistry of `op` with a side ledge of
/// `ledge_m` (the shell heat exchangers at whatever use holds it there, as their automatic rule
/// does): top and bottom nodes at their steady values, the ledge face passing h·A·superheat, the
/// ledge and side lining carrying it to the wall node, the bypass past the ledge at that wall
/// temperature; heat_loss_W is what it loses (the side: the face flux plus the bypass). No search:
/// the ledge fixes the wall temperature. docs/model/flexibility.md §5 ("Storage and operating
/// point") compares two such states.
ThermalSteadyState thermal_state_at_ledge(const CellModel& m, const cell::OperatingPoint& op,
                                          double ledge_m);

/// Moves the initial state `y` of model `m` (built by build_cell_model at its calibration point) to
/// the steady state `s` that solve_thermal_steady_state found at another operating point `op`: bath
/// masses of op's composition, op's ACD, the bath, metal and node temperatures and the ledge of `s`,
/// and the cold-anode heat at that temperature (docs/model/dynamics.md, "Thermal calibration"); the
/// model's shares of the other additives follow op's bath. Implemented in cell_calibration.cpp.
void start_at_steady_state(CellModel& m, const cell::OperatingPoint& op, const ThermalSteadyState& s,
                           double* y);

}  // namespace potline::dynamics
