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

/// Estimate: the calibrated cell (geometry, ACD) stands for a line run within ±10 % of its published
/// current; further away the line runs modified cells (anode size, ACD) that the catalogue does not
/// describe, and the fixed cell would misstate SEC (P155 at Laterriere's 219 kA, +29 %: 17.8 instead
/// of 15.0 kWh/kg), so the published operating point is kept there.
inline constexpr double kOperatingCurrentBand = 0.10;

enum class CellCurrentBasis {
  kPublished,       ///< no own current given (or the published one): the calibration point
  kOwn,             ///< the smelter's own current, at the ACD the pot control settles at there, a
                    ///< working state within the safe window
  kOutOfBand,       ///< own current more than kOperatingCurrentBand away: the published point
  kNoWorkingState,  ///< own current within the band, but no working state there: the published point
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
  /// A line that runs at another current than its own (kOutOfBand, kNoWorkingState): warn.
  bool departs_from_own() const {
    return basis == CellCurrentBasis::kOutOfBand || basis == CellCurrentBasis::kNoWorkingState;
  }
};

/// The current at which technology `tech`, calibrated as `calibrated` (cell::technology_case, its
/// op at the published point), is evaluated for a line whose own current is `own_A`: the own current,
/// at the ACD that simulate's pot control settles the cell at there (line::controlled_operating_point:
/// the design bath temperature held), when it is within kOperatingCurrentBand of the published one
/// and that state is a working cell within the safe window (`potline cell --thermal`'s judgement;
/// T7-26), else the published point, with the reason in `text`.
CellCurrent cell_current(const cell::Technology& tech, const cell::CellCase& calibrated,
                         std::optional<double> own_A);

/// The basis as one word for tables: "published", "own", "out_of_band",
/// "no_working_state".
const char* to_string(CellCurrentBasis basis);

}  // namespace potline::plant
