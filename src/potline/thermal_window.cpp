// The safe thermal window and the judgement of a thermal steady state (thermal_window.hpp).
#include "potline/potline/thermal_window.hpp"

#include "controlled_within.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "potline/dynamics/cell_model.hpp"
#include "potline/io/schema.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {


ThermalWindow declared_thermal_window() {
  const io::Schema& schema = simulate_schema();
  const auto d = [&](const char* key) { return schema.find(key)->default_value.value(); };
  return {d("window.superheat_min"), d("window.superheat_max"), d("window.ledge_min"),
          d("window.ledge_max")};
}

std::vector<std::string> outside_thermal_window(const dynamics::ThermalSteadyState& s,
                                                const ThermalWindow& w) {
  std::vector<std::string> out;
  if (s.superheat_K < w.superheat_min_K)
    out.push_back(fmt::format("superheat {:.1f} K < {:g} K", s.superheat_K, w.superheat_min_K));
  if (s.superheat_K > w.superheat_max_K)
    out.push_back(fmt::format("superheat {:.1f} K > {:g} K", s.superheat_K, w.superheat_max_K));
  if (s.ledge_m * 100 < w.ledge_min_cm)
    out.push_back(fmt::format("ledge {:.1f} cm < {:g} cm", s.ledge_m * 100, w.ledge_min_cm));
  if (s.ledge_m * 100 > w.ledge_max_cm)
    out.push_back(fmt::format("ledge {:.1f} cm > {:g} cm", s.ledge_m * 100, w.ledge_max_cm));
  return out;
}

namespace {

dynamics::CellModel calibrated_model(const cell::CellDesign& design,
                                     const cell::ModelConstants& constants,
                                     const cell::OperatingPoint& design_op,
                                     const cell::CellDesign* heat_loss_design = nullptr) {
  std::vector<double> y(dynamics::kStateCount);
  return dynamics::build_cell_model(design, constants, design_op, default_dynamics_parameters(),
                                    y.data(), std::nullopt, heat_loss_design);
}

ThermalJudgement judge(const dynamics::CellModel& m, const cell::CellDesign& design,
                       const cell::OperatingPoint& op) {
  ThermalJudgement j;
  j.state = dynamics::solve_thermal_steady_state(m, op, 0.0);
  const dynamics::ThermalSteadyState& s = j.state;
  const bool liquid = s.status == "steady" || s.status == "no_ledge";
  const bool fills = s.status == "freezes" || (liquid && s.ledge_m > design.side_channel_m);
  j.operating_point = liquid && !fills;
  if (s.status == "freezes")
    j.problems.push_back("no liquid steady state (the bath freezes)");
  else if (s.status == "overheats")
    j.problems.push_back("no steady state within the search range (it overheats)");
  else if (fills)
    j.problems.push_back(fmt::format("the steady ledge {:.1f} cm fills the side channel {:.1f} cm",
                                     s.ledge_m * 100, design.side_channel_m * 100));
  else
    j.problems = outside_thermal_window(s, declared_thermal_window());
  return j;
}

// Steady bath temperature minus the target at ACD `acd_m` (a frozen bath counts as far below, an
// overheating one as far above: the steady temperature rises with the ACD's heat).
double temperature_gap_K(const dynamics::CellModel& m, cell::OperatingPoint op, double acd_m, double target_K) {
  op.acd_m = acd_m;
  const dynamics::ThermalSteadyState s = dynamics::solve_thermal_steady_state(m, op, 0.0);
  if (s.status == "freezes") return -1e3;
  if (s.status == "overheats") return 1e3;
  return s.bath_temperature_K - target_K;
}

}  // namespace

ThermalJudgement judge_thermal_state(const cell::CellDesign& design,
                                     const cell::ModelConstants& constants,
                                     const cell::OperatingPoint& design_op,
                                     const cell::OperatingPoint& op,
                                     const cell::CellDesign* heat_loss_design) {
  return judge(calibrated_model(design, constants, design_op, heat_loss_design), design, op);
}

namespace {

// The ACD whose steady state at `at` (its current and bath) has `target_K`, within the resistance
// control's ACD limits (control.acd_min, control.acd_max at simulate's declared defaults).
// The limits: simulate's declared defaults unless the case gives its own (user trial T20-10: a
// case's control.acd_min = 3.5 cm started at the 2.5-cm default's 2.98 cm); 0 is "no limit" there,
// here the searched 1–15 cm of an operating point's ACD.
struct AcdLimits {
  double min_m = -1, max_m = -1;  ///< < 0: the declared default
};

ControlledOperatingPoint solve_controlled(const dynamics::CellModel& m,
                                          const cell::CellDesign& design,
                                          const cell::OperatingPoint& design_op,
                                          const cell::OperatingPoint& at, double target_K,
                                          AcdLimits limits = {}) {
  const io::Schema& schema = simulate_schema();
  ControlledOperatingPoint c;
  // Declared in cm (simulate_schema_control.cpp), as the window's ledge limits above.
  c.acd_min_m = limits.min_m >= 0 ? std::max(limits.min_m, 0.01)
                                  : schema.find("control.acd_min")->default_value.value() / 100.0;
  c.acd_max_m = limits.max_m > 0    ? limits.max_m
                : limits.max_m == 0 ? 0.15
                                    : schema.find("control.acd_max")->default_value.value() / 100.0;
  c.op = at;
  c.target_temperature_K = target_K;
  double lo = c.acd_min_m, hi = c.acd_max_m;
  if (temperature_gap_K(m, c.op, lo, target_K) >= 0.0) {
    c.op.acd_m = lo;
    c.acd_at_limit = at.line_current_A != design_op.line_current_A || design_op.acd_m < lo;
  } else if (temperature_gap_K(m, c.op, hi, target_K) <= 0.0) {
    c.op.acd_m = hi;
    c.acd_at_limit = true;
  } else {
    // Bisection to 1 µm of ACD (≈ 0.1 mV at 400 kA): about 16 steady-state solves.
    while (hi - lo > 1e-6) {
      const double mid = 0.5 * (lo + hi);
      (temperature_gap_K(m, c.op, mid, target_K) < 0.0 ? lo : hi) = mid;
    }
    c.op.acd_m = 0.5 * (lo + hi);
  }
  c.judgement = judge(m, design, c.op);
  if (c.judgement.state.status == "steady" || c.judgement.state.status == "no_ledge")
    c.op.bath_temperature_K = c.judgement.state.bath_temperature_K;
  return c;
}

bool same_bath(const bath::Composition& a, const bath::Composition& b) {
  return a.alumina_wt == b.alumina_wt && a.alf3_excess_wt == b.alf3_excess_wt &&
         a.caf2_wt == b.caf2_wt && a.mgf2_wt == b.mgf2_wt && a.lif_wt == b.lif_wt &&
         a.kf_wt == b.kf_wt;
}

}  // namespace

ControlledOperatingPoint controlled_operating_point(const cell::CellDesign& design,
                                                    const cell::ModelConstants& constants,
                                                    const cell::OperatingPoint& design_op,
                                                    double current_A) {
  cell::OperatingPoint at = design_op;
  at.line_current_A = current_A;
  return solve_controlled(calibrated_model(design, constants, design_op), design, design_op, at,
                          design_op.bath_temperature_K);
}

ControlledOperatingPoint controlled_operating_point(const cell::CellDesign& design,
                                                    const cell::ModelConstants& constants,
                                                    const cell::OperatingPoint& design_op,
                                                    const cell::OperatingPoint& op,
                                                    const cell::CellDesign* heat_loss_design) {
  return controlled_operating_point_within(design, constants, design_op, op, heat_loss_design, -1.0,
                                           -1.0);
}

ControlledOperatingPoint controlled_operating_point_within(const cell::CellDesign& design,
                                                           const cell::ModelConstants& constants,
                                                           const cell::OperatingPoint& design_op,
                                                           const cell::OperatingPoint& op,
                                                           const cell::CellDesign* heat_loss_design,
                                                           double acd_min_m, double acd_max_m) {
  const AcdLimits limits{acd_min_m, acd_max_m};
  const dynamics::CellModel m = calibrated_model(design, constants, design_op, heat_loss_design);
  cell::OperatingPoint at = design_op;
  at.line_current_A = op.line_current_A;
  at.bath = op.bath;
  const bool own_design =
      !heat_loss_design || dynamics::same_cell_design(*heat_loss_design, design);
  if (same_bath(op.bath, design_op.bath) && own_design)
    return solve_controlled(m, design, design_op, at, design_op.bath_temperature_K, limits);
  cell::OperatingPoint before_step =
      design_op;  // the design current and ACD, the case's bath and design
  before_step.bath = op.bath;
  const ThermalJudgement start = judge(m, design, before_step);
  if (!start.operating_point) {  // no working state to hold: not a point the control settles at
    ControlledOperatingPoint none;
    none.op = at;
    none.judgement = start;
    return none;
  }
  return solve_controlled(m, design, design_op, at, start.state.bath_temperature_K, limits);
}

}  // namespace potline::line
