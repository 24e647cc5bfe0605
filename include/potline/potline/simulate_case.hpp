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
/// `diagnostics`. The heat-loss network is calibrated at a technology's catalogue point, else at
/// `design_point` when given (a case without a technology run with --set of its operating point: the
/// case file as written, as `potline cell --thermal`), else at the case's own point; the run starts at
/// the steady state of that network at the case's point (docs/model/dynamics.md, "Thermal calibration").
std::optional<SimulationCase> build_simulation_case(const io::ValueSet& user_values,
                                                    const cell::TechnologyCatalogue& catalogue,
                                                    const plant::EmissionData& emissions,
                                                    const std::string& case_dir,
                                                    core::Diagnostics& diagnostics,
                                                    const cell::OperatingPoint* design_point = nullptr);

/// The checks of a simulate case that need no cell: the line-current schedule
/// (potline.current_steps, potline.current_csv with every row, potline.max_current, the outage) and
/// disturbance.cells. Run where the errors so far stop the case from being built, so that these
/// come in the same pass (user trial T19-7: the current CSV's and the cell list's errors came only
/// after the case's others were fixed). A check that reads a key with an error so far is left out
/// (its value is not in the set).
void check_schedule_and_cells_apart(const io::ValueSet& user_values,
                                    const cell::TechnologyCatalogue& catalogue,
                                    const std::string& case_dir, core::Diagnostics& diagnostics);

/// Whether the input errors collected so far leave the cells buildable: each is on an input that
/// neither the cells, their heat-loss network nor the controller's feed cycle are built from
/// (run.duration, run.seed, window.*, disturbance.*, pfc.*, purity.*, the line's current schedule and
/// outage), so the checks that build the cells run in the same pass and their errors come with these
/// (user trial T17-7). An error without a key (a TOML syntax error) leaves nothing buildable.
bool errors_leave_cells_buildable(const core::Diagnostics& diagnostics);

}  // namespace potline::line
