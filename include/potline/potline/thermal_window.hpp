#pragma once
// The safe thermal window of simulate and flex (window.superheat_min/max, window.ledge_min/max at
// the defaults simulate's schema declares) and the judgement `potline cell --thermal` makes of a
// calibrated cell at another operating point: its thermal steady state, whether it is a working
// cell (liquid, ledge within the side channel) and what lies outside the window. One judgement for
// `cell --thermal` and for the smelter model's derated technologies (plant, T7-26).
#include <string>
#include <vector>

#include "potline/cell/inputs.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"

namespace potline::line {

/// The words a smelter's SEC origin uses when its technology's calibrated cell is no working state
/// at the smelter's own line current (plant, T7-26; tests find it in the SEC source).
inline constexpr const char* kNoWorkingState = "is no working state within the safe window";

struct ThermalWindow {
  double superheat_min_K = 0, superheat_max_K = 0, ledge_min_cm = 0, ledge_max_cm = 0;
};

/// The window at simulate's declared defaults (one set of numbers).
ThermalWindow declared_thermal_window();

/// What of a liquid steady state lies outside `w` ("superheat 3.6 K < 5 K", "ledge 21.6 cm > 10
/// cm").
std::vector<std::string> outside_thermal_window(const dynamics::ThermalSteadyState& s,
                                                const ThermalWindow& w);

struct ThermalJudgement {
  dynamics::ThermalSteadyState state;
  bool operating_point = false;  ///< liquid, with a ledge no thicker than the side channel
  std::vector<std::string>
      problems;  ///< why not a working cell, or what is outside the window; empty: fine
};

/// The cell `design`/`constants` calibrated at `design_op` (the dynamics' heat-loss network built
/// there), solved for its thermal steady state at `op`, and judged as `cell --thermal` does.
ThermalJudgement judge_thermal_state(const cell::CellDesign& design,
                                     const cell::ModelConstants& constants,
                                     const cell::OperatingPoint& design_op,
                                     const cell::OperatingPoint& op,
                                     const cell::CellDesign* heat_loss_design = nullptr);

/// The operating point a calibrated cell settles at under simulate's pot control when its line
/// current is `current_A`: the heat-balance loop and the heat feed-forward move the ACD until the
/// bath is back at the design point's temperature (docs/model/dynamics.md §4), so the ACD is the one
/// whose thermal steady state has design_op's bath temperature, within the resistance control's
/// ACD limits (control.acd_min and control.acd_max at simulate's declared defaults). A model choice
/// (user trial T17-5/T17-14): the long-run state of simulate's own control, so that the smelter
/// model (and through it the fleet) and `simulate` give one answer for one cell at one current.
struct ControlledOperatingPoint {
  cell::OperatingPoint op;          ///< current_A, the solved ACD, the steady bath temperature
  /// The bath temperature the control holds: design_op's; with another bath composition (the
  /// overload below) the steady temperature of that bath at the design current and ACD.
  double target_temperature_K = 0;
  ThermalJudgement judgement;       ///< of op: its steady state and what lies outside the window
  bool acd_at_limit = false;        ///< the temperature needs an ACD outside the limits: held at one
  double acd_min_m = 0, acd_max_m = 0;  ///< the limits searched
};

ControlledOperatingPoint controlled_operating_point(const cell::CellDesign& design,
                                                   const cell::ModelConstants& constants,
                                                   const cell::OperatingPoint& design_op, double current_A);

/// The same for a case whose bath composition (op.bath) may differ from design_op's, at op's line
/// current (user trial T19-12: the rule applied only at exactly the design composition, so 11.99 /
/// 12 / 12.01 wt% AlF3 at 420 kA gave ACD 3.80 / 3.36 / 3.80 cm). The control holds the temperature
/// the cell has with that bath at the design current and ACD — where a cell of that bath starts
/// and its heat-balance loop holds it before a current step — so the point is continuous in the
/// composition and the current: design_op's temperature at design_op's bath (the 4-argument form,
/// exactly), the design ACD at the design current. No liquid steady state there: judgement not an
/// operating point. op's ACD and bath temperature are not used. `heat_loss_design` (a case that
/// changes a catalogue technology's design.*; dynamics::build_cell_model): the network is
/// calibrated on that design's heat, and the control holds the temperature `design` has at the
/// design current and ACD (user trial T19-22), as for another bath.
ControlledOperatingPoint controlled_operating_point(
    const cell::CellDesign& design, const cell::ModelConstants& constants,
    const cell::OperatingPoint& design_op, const cell::OperatingPoint& op,
    const cell::CellDesign* heat_loss_design = nullptr);

}  // namespace potline::line
