#pragma once
// The line current at which a smelter's catalogue technology is evaluated by the cell model: ONE
// decision, with its basis in words, for every consumer of a smelter's cells (issue 10, "one
// model, one answer"): the smelter model's SEC and current efficiency (plant/smelter_build.cpp),
// hence the fleet's cost curve; the fleet's flexible-capacity envelope (fleet/flex_link.cpp, whose
// representative cell runs at this current); `potline fleet --export-smelter`, whose smelter case
// `potline smelter` evaluates through the same function; and the outputs that say which current
// and why (smelter JSON cell_line_current_*, cost_curve.csv cell_line_current_*, flex by_technology).
#include <optional>
#include <string>

#include "potline/cell/inputs.hpp"

namespace potline::cell {
struct CellCase;
struct Technology;
}  // namespace potline::cell

namespace potline::plant {

/// Where the own current lies is judged by the physics alone, continuously (user trials T18-5,
/// T19): the calibrated cell (geometry) is run at the own current at the ACD the pot control settles
/// at there (line::controlled_operating_point: the design bath temperature held, else the ACD on the
/// resistance control's limit and the bath where the heat balance puts it), wherever that is a
/// working cell (liquid, its ledge within the side channel). Outside the safe window (a ledge under
/// 5 cm, the ACD on its 2.5 cm floor and a hotter bath) it is still that cell's SEC and current
/// efficiency, said with what lies outside and the currents the window holds at; until 2026-12-07
/// the published point was taken there, so production followed the current at the published SEC
/// (AP40: 13.212 kWh/kg at 445 kA, 13.487 from 450 kA on). Where the calibrated cell is no working
/// state at all (it freezes, overheats or its ledge fills the side channel) it has no SEC: an input
/// error that names the currents it works at, unless potline.sec_ac and potline.current_efficiency
/// describe the modified cells such a line must have.
enum class CellCurrentBasis {
  kPublished,       ///< no own current given (or the published one): the calibration point
  kOwn,             ///< the smelter's own current, at the ACD the pot control settles at there, a
                    ///< working cell (within the safe window or, see outside_window, not)
  kNoWorkingState,  ///< no working cell at the own current: no SEC from the cell model
};

/// The edges between the published current and the own one, on the own current's side, to
/// kCurrentRangeStep_A (searched only when the own current is outside the window or no working
/// cell): the last current at which the calibrated cell holds the safe window, and the last at
/// which it is a working cell at all. Empty when not searched, or (the window's) when the published
/// point itself is outside the window.
struct CurrentEdges {
  std::optional<double> window_A, working_A;
};

/// The resolution of the edges said in the text (1 kA).
inline constexpr double kCurrentRangeStep_A = 1e3;

struct CellCurrent {
  double line_current_A = 0;    ///< where the calibrated cell is evaluated
  /// The operating point it is evaluated at: the calibrated one, or at the own current the ACD the
  /// pot control settles at (line::controlled_operating_point; user trials T17-5, T17-14).
  cell::OperatingPoint op;
  double published_A = 0;       ///< the technology's published (calibration) current
  std::optional<double> own_A;  ///< the smelter's own line current, when given
  CellCurrentBasis basis = CellCurrentBasis::kPublished;
  bool outside_window = false;  ///< kOwn, but outside the safe window (the ledge, the superheat)
  /// What lies outside the window or why it is no working cell ("ledge 4.9 cm < 5 cm").
  std::string problems;
  CurrentEdges edges;  ///< searched when outside the window or no working cell
  /// In words, which current and why (the smelter's SEC origin quotes it; the error or warning).
  std::string text;
  /// A line whose cells have no working state at its own current (kNoWorkingState).
  bool departs_from_own() const { return basis == CellCurrentBasis::kNoWorkingState; }
};

/// The current at which technology `tech`, calibrated as `calibrated` (cell::technology_case, its
/// op at the published point), is evaluated for a line whose own current is `own_A`: the own
/// current, at the ACD that simulate's pot control settles the cell at there
/// (line::controlled_operating_point), when that state is a working cell (`potline cell
/// --thermal`'s judgement; T7-26), inside the safe window or outside it (outside_window, the
/// edges and the text say so); else kNoWorkingState, the text the error's message.
CellCurrent cell_current(const cell::Technology& tech, const cell::CellCase& calibrated,
                         std::optional<double> own_A);

/// The basis as one word for tables: "published", "own", "no_working_state".
const char* to_string(CellCurrentBasis basis);

}  // namespace potline::plant
