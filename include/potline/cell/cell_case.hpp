#pragma once
// Assembling a cell case: schema defaults < technology (with calibration) < case file < --set.
#include <optional>
#include <string>

#include "potline/cell/inputs.hpp"
#include "potline/cell/solve.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/purity/purity.hpp"

namespace potline::cell {

struct CellCase {
  std::string title;
  std::optional<Technology> technology;
  std::optional<Calibration> calibration;  ///< when a technology was calibrated
  CellDesign design;
  ModelConstants constants;
  OperatingPoint op;
  purity::Inputs purity;  ///< Fe and Si sources of the metal (docs/model/purity.md)
  io::ValueSet values;  ///< every final input with its origin
};

/// The cell schema's table, bound to CellCase (design, constants, operating point).
const io::SchemaTable<CellCase>& cell_table();

/// What the caller does with the case's operation.bath_temperature.
struct CellCaseOptions {
  /// The caller solves the bath temperature from the heat balance of a network calibrated at another
  /// (checked) point: `potline simulate` of a catalogue technology or of a case file with --set, `potline
  /// cell --thermal`. The fixed temperature is then no state the cell runs at, so the check that it is
  /// above the bath's liquidus is skipped (AP40 at 10 wt% AlF3: 965.0 °C against 966.8 °C); the caller
  /// checks the solved state instead (a liquid steady state, else an input error with the working range).
  bool temperature_from_heat_balance = false;
};

/// An error at case.technology when it names no technology of `catalogue` (with the closest id);
/// true when it is empty or known. For the commands that say it with the other input errors of a
/// case rather than in a second run (user trial T10-5).
bool check_technology_name(const io::ValueSet& user_values, const TechnologyCatalogue& catalogue,
                           core::Diagnostics& diagnostics);

/// Builds the case from user values (case file and --set already applied). Reports missing
/// fields, unknown technologies and cross-field inconsistencies (composition over 100 %, bath
/// below its liquidus unless `options` say the temperature is solved) as errors, and alumina above
/// saturation as a warning. Returns nothing when there are errors.
std::optional<CellCase> build_cell_case(const io::ValueSet& user_values,
                                        const TechnologyCatalogue& catalogue,
                                        core::Diagnostics& diagnostics,
                                        const CellCaseOptions& options = {});

/// Converts final values to typed inputs (no calibration). Missing required fields are errors.
bool values_to_inputs(const io::ValueSet& values, CellDesign& design, ModelConstants& constants,
                      OperatingPoint& op, core::Diagnostics& diagnostics);

/// The note of a technology without a published voltage or SEC, whose ACD is an estimate.
std::string estimated_acd_note(const std::string& id);

/// The caveats of a catalogue technology's own data, whatever the input (an implausible calibration,
/// an ACD estimated for want of a published voltage or SEC): notes of every command that runs its
/// cell, `cell`, `smelter`, `invest` and `fleet` alike (user trial T19-10: warnings before, at the
/// data file's line or the case's key, or a "calibration:" line, by command). Empty without one.
std::vector<std::string> catalogue_caveats(const CellCase& c);

/// Calibrates one catalogue technology at its published operating point.
/// The result holds the calibrated case (ACD and Dewing constant with origin kCalibrated).
std::optional<CellCase> technology_case(const Technology& technology,
                                        const TechnologyCatalogue& catalogue,
                                        core::Diagnostics& diagnostics);

}  // namespace potline::cell
