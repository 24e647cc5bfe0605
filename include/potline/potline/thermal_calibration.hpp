#pragma once
// Where a case's heat-loss network is calibrated and where its cells start, as one JSON object for
// the summaries of `simulate` and `flex` (key thermal_calibration; docs/cli.md): the two commands
// build the same cell (line::build_simulation_case), and say so the same way (T14-9).
#include "potline/io/json_output.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// `point` (in words), that point's line_current_kA, acd_cm, bath_temperature_degC, alf3_wt, and the
/// start of the cell without spread: start_bath_temperature_degC, start_superheat_K, start_ledge_cm.
io::Json thermal_calibration_json(const SimulationCase& c);

}  // namespace potline::line
