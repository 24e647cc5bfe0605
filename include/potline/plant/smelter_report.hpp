#pragma once
// JSON and text views of a smelter result (keys documented in docs/cli.md).
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant {

/// Warns when the smelter (or one of its potline groups) produces nothing: per-tonne figures that
/// spread fixed costs over output are then shown as null / "n/a" (SmelterResult::produces).
void warn_if_no_production(const SmelterCase& c, const SmelterResult& r, core::Diagnostics& diagnostics);

/// Every note of the case, as `smelter` prints it and as summary.json's "notes" holds it: the case's
/// own (inputs not given) and the readings of the SEC (auxiliary_share 0) and of C2..full (= C1).
std::vector<std::string> smelter_notes(const SmelterCase& c);

io::Json smelter_result_json(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings);
std::string smelter_summary_text(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings);

/// Run-folder tables (`potline smelter --out DIR`); numbers are written with the shortest text that
/// reads back to the same double, so they equal summary.json.
/// cost_breakdown.csv: "Component,Cost [USD/t],Share of C1 [%]" — the six C1 components, then c1, c2,
/// business, full (share = cost / C1 × 100).
std::string cost_breakdown_csv(const SmelterResult& r, bool inert_anode = false);
/// emissions.csv: "Source,Scope,Emissions [t CO2e/t]" — anode_co2, baking_co2, pfc, baking_fuel_co2,
/// casthouse_fuel_co2 (scope 1), power (scope 1 if captive, else 2), then scope1, scope2, total
/// (scope "1+2").
std::string emissions_csv(const SmelterCase& c, const SmelterResult& r);
/// cbam.csv: "Year,Certificates [1/t],Cost [EUR/t],Cost [USD/t]" — 2026..2034; header only when the
/// case computes no CBAM cost (no cbam.eua_price).
std::string cbam_csv(const SmelterCase& c, const SmelterResult& r);
/// potlines.csv: one row per potline group (one row for a case without [[potline]] tables) =
/// summary.json's potlines: "Potline,Name,Technology,Capacity [t/yr],Production [t/yr],
/// Potline SEC AC [kWh/kg],Plant SEC AC [kWh/kg],Load [MW],Employees,C1 [USD/t],Full cost [USD/t],
/// Scope 1 [t CO2e/t],Scope 2 [t CO2e/t],Total [t CO2e/t]".
std::string potlines_csv(const SmelterCase& c);

}  // namespace potline::plant
