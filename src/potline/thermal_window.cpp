// The safe thermal window and the judgement of a thermal steady state (thermal_window.hpp).
#include "potline/potline/thermal_window.hpp"

#include <fmt/format.h>

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

ThermalJudgement judge_thermal_state(const cell::CellDesign& design,
                                     const cell::ModelConstants& constants,
                                     const cell::OperatingPoint& design_op,
                                     const cell::OperatingPoint& op) {
  std::vector<double> y(dynamics::kStateCount);
  const dynamics::CellModel m = dynamics::build_cell_model(design, constants, design_op,
                                                           default_dynamics_parameters(), y.data());
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

}  // namespace potline::line
