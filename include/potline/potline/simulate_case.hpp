#pragma once
// The `potline simulate` case: the cell case schema plus [run], [dynamics], [control],
// [disturbance], [potline], [pfc] and [window]. One catalogue entry per field with unit,
// default, range and source.
#include <optional>
#include <string>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// Every field a simulate case accepts (cell fields included).
const io::Schema& simulate_schema();
/// Only the fields simulate adds to the cell schema.
const io::Schema& dynamics_schema();
/// The table behind dynamics_schema(), bound to SimulationCase (tests read members back by key).
const io::SchemaTable<SimulationCase>& simulate_table();

/// The dynamics parameters of a simulate case with every default (`potline cell --thermal` uses
/// them for the heat-loss network; shell heat exchangers not fitted).
dynamics::DynamicsParameters default_dynamics_parameters();

/// Builds the simulation case from user values (case file and --set applied). `case_dir` resolves
/// relative paths (potline.current_csv); `emissions` is the PFC/GWP table (data/emissions/,
/// loaded once by the caller), whose coefficients the case carries. Collects every error in
/// `diagnostics`.
std::optional<SimulationCase> build_simulation_case(const io::ValueSet& user_values,
                                                    const cell::TechnologyCatalogue& catalogue,
                                                    const plant::EmissionData& emissions,
                                                    const std::string& case_dir,
                                                    core::Diagnostics& diagnostics);

}  // namespace potline::line
