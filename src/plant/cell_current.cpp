// The line current a smelter's catalogue technology is evaluated at (see cell_current.hpp).
#include "potline/plant/cell_current.hpp"

#include <fmt/format.h>

#include <cmath>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/technology.hpp"

#include "potline/potline/thermal_window.hpp"

namespace potline::plant {

const char* to_string(CellCurrentBasis basis) {
  switch (basis) {
    case CellCurrentBasis::kOwn:
      return "own";
    case CellCurrentBasis::kNoWorkingState:
      return "no_working_state";
    case CellCurrentBasis::kPublished:
      break;
  }
  return "published";
}

CellCurrent cell_current(const cell::Technology& tech, const cell::CellCase& calibrated,
                         std::optional<double> own_A) {
  CellCurrent c;
  c.published_A = calibrated.op.line_current_A;
  c.line_current_A = c.published_A;
  c.op = calibrated.op;
  c.own_A = own_A;
  c.text = "calibrated to its published operating point";
  if (!own_A || *own_A == c.published_A) return c;
  const double design_kA = c.published_A / 1e3, own_kA = *own_A / 1e3;
  const line::ControlledOperatingPoint at =
      line::controlled_operating_point(calibrated.design, calibrated.constants, calibrated.op, *own_A);
  if (at.judgement.problems.empty()) {
    c.basis = CellCurrentBasis::kOwn;
    c.line_current_A = *own_A;
    c.op = at.op;
    c.text = fmt::format("calibrated at its published {:.4g} kA, run at the smelter's line current {:.4g} kA and the ACD "
                         "the pot control holds its design bath temperature at, {:.2f} cm (published {:.2f} cm)",
                         design_kA, own_kA, at.op.acd_m * 100, calibrated.op.acd_m * 100);
    return c;
  }
  for (const auto& x : at.judgement.problems) c.problems += (c.problems.empty() ? "" : ", ") + x;
  if (at.acd_at_limit)
    c.problems += fmt::format(" at ACD {:.2f} cm, the resistance control's limit (control.acd_min {:.1f} to "
                              "control.acd_max {:.1f} cm)",
                              at.op.acd_m * 100, at.acd_min_m * 100, at.acd_max_m * 100);
  c.basis = CellCurrentBasis::kNoWorkingState;
  c.text = fmt::format(
      "calibrated to its published operating point, {:.4g} kA, and run there, as modified cells "
      "the "
      "catalogue does not describe: at the smelter's {:.4g} kA the calibrated cell {} ({}; "
      "`potline cell --technology {} --set operation.line_current=\"{:.4g} "
      "kA\" --set operation.acd=\"{:.2f} cm\" --thermal`)",
      design_kA, own_kA, line::kNoWorkingState, c.problems, tech.id, own_kA, at.op.acd_m * 100);
  return c;
}

}  // namespace potline::plant
