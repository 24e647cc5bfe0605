#pragma once
// JSON and text views of the smelter's anode type and carbon capture (keys in docs/cli.md).
#include <optional>
#include <string>

#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant {

/// What carbon capture costs and avoids, per t Al and per t CO2 (docs/model/ccs.md).
struct CcsEconomics {
  double cost_usd_per_kg = 0;          ///< C1 component ccs: plant, transport and storage, fuel, electricity
  /// Avoided scope 1: captured − capture fuel CO2 (− capture electricity CO2 if the power is captive).
  double avoided_direct_kg_per_kg = 0;
  /// Avoided as CBAM counts (direct emissions, electricity even from a captive plant left out):
  /// captured − capture fuel CO2; 0 when the CBAM uses default values, which capture does not change.
  double avoided_cbam_kg_per_kg = 0;
  double avoided_total_kg_per_kg = 0;  ///< captured − capture fuel CO2 − capture electricity CO2
  std::optional<double> usd_per_kg_captured;
  /// Carbon price on scope 1 emissions (a captive power plant's too) at which capture costs what it
  /// saves: cost / avoided_direct; none when capture avoids no scope 1 emissions.
  std::optional<double> breakeven_usd_per_kg_co2;
  /// CBAM certificate price (net of a carbon price paid at origin) at which capture's CBAM saving
  /// equals its cost: cost / avoided_cbam; none when it avoids nothing CBAM counts. Lower than the
  /// scope 1 figure on captive fossil power (trial CF: 254 against 290 USD/t for the GCC smelters).
  std::optional<double> breakeven_cbam_usd_per_kg_co2;
  /// cost / avoided scope 1 + 2 emissions (the usual "cost per t CO2 avoided").
  std::optional<double> usd_per_kg_avoided;
};
CcsEconomics ccs_economics(const SmelterCase& c, const SmelterResult& r) noexcept;

/// "anode": type, O2, inert-anode cost and wear, anode carbon.
io::Json anode_json(const SmelterCase& c, const SmelterResult& r);
/// "ccs": null without capture.
io::Json ccs_json(const SmelterCase& c, const SmelterResult& r);
/// Lines of the text summary (empty for a carbon smelter without capture).
std::string anode_and_ccs_text(const SmelterCase& c, const SmelterResult& r);

}  // namespace potline::plant
