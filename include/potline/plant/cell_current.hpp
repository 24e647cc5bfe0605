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

/// Where the own current lies is judged by the physics alone (user trial T18-5): the calibrated
/// cell (geometry) is run at the own current at the ACD the pot control settles at there, wherever
/// that is a working state within the safe window; where it is not (the ACD at its floor and the
/// ledge too thin, or the bath too cold), a line that runs there must have modified cells (anode
/// size, insulation) that the catalogue does not describe, and the published operating point stands
/// for them. Until 2026-12-07 a fixed ±10 % band around the published current decided instead,
/// which put a step into SEC at +10 % where the cell still worked (AP40: 13.24 kWh/kg at 440
/// kA, 13.49 at 445).
enum class CellCurrentBasis {
  kPublished,       ///< no own current given (or the published one): the calibration point
  kOwn,             ///< the smelter's own current, at the ACD the pot control settles at there, a
                    ///< working state within the safe window
  kNoWorkingState,  ///< no working state at the own current: the published point (modified cells)
};

struct CellCurrent {
  double line_current_A = 0;    ///< where the calibrated cell is evaluated
  /// The operating point it is evaluated at: the calibrated one, or at the own current the ACD the
  /// pot control settles at (line::controlled_operating_point; user trials T17-5, T17-14).
  cell::OperatingPoint op;
  double published_A = 0;       ///< the technology's published (calibration) current
  std::optional<double> own_A;  ///< the smelter's own line current, when given
  CellCurrentBasis basis = CellCurrentBasis::kPublished;
  std::string problems;  ///< kNoWorkingState: what lies outside the window ("ledge 4.2 cm < 5 cm")
  /// In words, which current and why (the smelter's SEC origin quotes it).
  std::string text;
  /// A line whose cells are evaluated at another current than its own (kNoWorkingState): warn.
  bool departs_from_own() const { return basis == CellCurrentBasis::kNoWorkingState; }
};

/// The current at which technology `tech`, calibrated as `calibrated` (cell::technology_case, its
/// op at the published point), is evaluated for a line whose own current is `own_A`: the own
/// current, at the ACD that simulate's pot control settles the cell at there
/// (line::controlled_operating_point: the design bath temperature held), when that state is a
/// working cell within the safe window (`potline cell --thermal`'s judgement; T7-26), else the
/// published point, with the reason in `text`.
CellCurrent cell_current(const cell::Technology& tech, const cell::CellCase& calibrated,
                         std::optional<double> own_A);

/// The basis as one word for tables: "published", "own", "no_working_state".
const char* to_string(CellCurrentBasis basis);

}  // namespace potline::plant
