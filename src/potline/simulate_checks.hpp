#pragma once
// Cross-field checks of a simulate case (simulate_checks.cpp), called by build_simulation_case.
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// The controller, feed-stop and run-length inputs against each other, and the ACD limits.
void check_control(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics);
/// The heat-loss shares, the batch integrator's step against the fast rates, the safe window.
void check_model(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics);
/// control.ae_voltage above the voltage the cells start at (after resolve_thermal_start).
void check_ae_threshold(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics);

}  // namespace potline::line
