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

namespace {

line::ControlledOperatingPoint controlled(const cell::CellCase& c, double current_A) {
  return line::controlled_operating_point(c.design, c.constants, c.op, current_A);
}

bool working(const line::ControlledOperatingPoint& p) { return p.judgement.operating_point; }
bool in_window(const line::ControlledOperatingPoint& p) { return p.judgement.problems.empty(); }

/// The last whole kCurrentRangeStep_A, from `inside_A` (where `holds` is true) towards `outside_A`
/// (where it is not), at which `holds` is still true (the ledge thins as the current rises and
/// thickens as it falls, so each side has one edge). Bisection to a twentieth of the step, so that
/// the rounded edge does not depend on the bracket (445 kA for AP40 from 450 kA and from 470 kA).
template <class Holds>
double edge_A(const cell::CellCase& c, double inside_A, double outside_A, Holds holds) {
  while (std::abs(outside_A - inside_A) > 0.05 * kCurrentRangeStep_A) {
    const double mid = 0.5 * (inside_A + outside_A);
    (holds(controlled(c, mid)) ? inside_A : outside_A) = mid;
  }
  // Rounded towards the published current: a whole kA at which it still holds.
  return inside_A < outside_A ? std::floor(inside_A / kCurrentRangeStep_A) * kCurrentRangeStep_A
                              : std::ceil(inside_A / kCurrentRangeStep_A) * kCurrentRangeStep_A;
}

/// The edges on the own current's side (CurrentEdges): the working one only when the own current
/// is no working cell; the window's only when the published point itself is within the window.
CurrentEdges edges_towards(const cell::CellCase& c, double own_A, bool own_working) {
  CurrentEdges e;
  const double published_A = c.op.line_current_A;
  double window_outside_A = own_A;
  if (!own_working) {
    e.working_A = edge_A(c, published_A, own_A, working);
    window_outside_A = *e.working_A + (own_A > published_A ? kCurrentRangeStep_A : -kCurrentRangeStep_A);
  }
  if (in_window(controlled(c, published_A))) e.window_A = edge_A(c, published_A, window_outside_A, in_window);
  return e;
}

std::string problems_of(const line::ControlledOperatingPoint& at) {
  std::string p;
  for (const auto& x : at.judgement.problems) p += (p.empty() ? "" : ", ") + x;
  return p;
}

/// The ACD and bath the cell is evaluated at, in words.
std::string acd_words(const line::ControlledOperatingPoint& at, const cell::OperatingPoint& published) {
  if (!at.acd_at_limit)
    return fmt::format("the ACD the pot control holds its design bath temperature at, {:.2f} cm (published {:.2f} cm)",
                       at.op.acd_m * 100, published.acd_m * 100);
  return fmt::format("the ACD on the resistance control's limit, {:.2f} cm (control.acd_min {:.1f} to control.acd_max "
                     "{:.1f} cm; published {:.2f} cm), where the heat balance puts the bath at {:.1f} °C (design {:.1f} °C)",
                     at.op.acd_m * 100, at.acd_min_m * 100, at.acd_max_m * 100, published.acd_m * 100,
                     at.op.bath_temperature_K - 273.15, published.bath_temperature_K - 273.15);
}

/// "the calibrated cell holds the safe window up to 445 kA" (or down to), or that it does not at
/// its published point either.
std::string window_edge_words(const CurrentEdges& e, double own_A, double published_A) {
  if (!e.window_A) return "the calibrated cell is outside the safe window at its published point too";
  return fmt::format("the calibrated cell holds the safe window {} {:.4g} kA", own_A > published_A ? "up to" : "down to",
                     *e.window_A / 1e3);
}

}  // namespace

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
  const line::ControlledOperatingPoint at = controlled(calibrated, *own_A);
  c.problems = problems_of(at);
  if (working(at)) {
    c.basis = CellCurrentBasis::kOwn;
    c.line_current_A = *own_A;
    c.op = at.op;
    c.text = fmt::format("calibrated at its published {:.4g} kA, run at the smelter's line current {:.4g} kA and {}",
                         design_kA, own_kA, acd_words(at, calibrated.op));
    if (in_window(at)) return c;
    c.outside_window = true;
    c.edges = edges_towards(calibrated, *own_A, true);
    c.text += fmt::format(", outside the safe window: {} ({})", c.problems,
                          window_edge_words(c.edges, *own_A, c.published_A));
    return c;
  }
  if (at.acd_at_limit) c.problems += fmt::format(" at ACD {:.2f} cm, the resistance control's limit", at.op.acd_m * 100);
  c.basis = CellCurrentBasis::kNoWorkingState;
  c.edges = edges_towards(calibrated, *own_A, false);
  // The command that shows this state: at the ACD limit the ACD given, since `cell` runs a current
  // with no working controlled state at its design ACD (user trial T20-12: the cited command showed
  // another state, "freezes" at 3.80 cm, against the error's 8.00 cm).
  const std::string acd_set =
      at.acd_at_limit ? fmt::format(" --set operation.acd=\"{:.2f} cm\"", at.op.acd_m * 100)
                      : std::string();
  c.text = fmt::format(
      "at the smelter's {:.4g} kA the calibrated cell (published {:.4g} kA) is no working cell: {} "
      "(`potline cell --technology {} --set operation.line_current=\"{:.4g} kA\"{} --thermal`). It "
      "works {} {:.4g} kA "
      "({}); a line run at {:.4g} kA has modified cells the catalogue does not describe: give "
      "their "
      "potline.sec_ac and potline.current_efficiency, or a line current the calibrated cell works "
      "at",
      own_kA, design_kA, c.problems, tech.id, own_kA, acd_set,
      *own_A > c.published_A ? "up to" : "down to", *c.edges.working_A / 1e3,
      window_edge_words(c.edges, *own_A, c.published_A), own_kA);
  return c;
}

}  // namespace potline::plant
