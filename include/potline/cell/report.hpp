#pragma once
// The cell's public output: JSON keys (a contract documented in docs/cli.md), CSV tables and the
// human-readable summary.
#include <string>
#include <vector>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/io/json_output.hpp"

namespace potline::cell {

/// The `potline cell --json` object. `warnings` are added under "warnings", `notes` under "notes".
io::Json cell_result_json(const CellCase& c, const CellResult& r,
                          const std::vector<std::string>& warnings,
                          const std::vector<std::string>& notes = {});

/// "Term,Voltage [V],Share [%]" rows of the breakdown.
std::string breakdown_csv(const CellResult& r);
/// "Term,Power [kW],Share of input [%]" rows of the energy balance.
std::string energy_csv(const CellResult& r);
/// Every input value with its unit, origin and location: "Key,Value,Unit,Origin,Where".
std::string inputs_csv(const CellCase& c);

/// A short human-readable summary (a few lines) for the terminal.
std::string cell_summary_text(const CellCase& c, const CellResult& r,
                              const std::vector<std::string>& warnings,
                              const std::vector<std::string>& notes = {});

/// Warnings of one evaluation: typical-range and cross-field warnings already in `diagnostics`,
/// then the correlation-validity and regime flags of the result.
std::vector<std::string> collect_warnings(const CellCase& c, const CellResult& r,
                                          const core::Diagnostics& diagnostics);

/// Notes of one evaluation: caveats of the model itself that do not doubt the input (fanning held
/// at the peak of Haupin's fit, which every catalogue design reaches; user trial 7, T7-12), and that
/// the CE does not respond to an ACD the user chose under the Dewing model (T7-23).
std::vector<std::string> collect_notes(const CellCase& c, const CellResult& r);

}  // namespace potline::cell
