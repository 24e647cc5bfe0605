#pragma once
// PFC (CF4, C2F6) emissions from the anode-effect statistics of a dynamic run: the Tier 2/3
// slope and overvoltage methods of [IPCC 2006 Vol3 Ch4]. The coefficients and GWPs are those of the one
// table, data/emissions/ipcc-aluminium.toml, loaded once at the boundary into plant::EmissionData and
// resolved into the simulate case when it is built (no table of its own here).
#include <optional>
#include <string>
#include <vector>

#include "potline/core/constants.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::line {

struct PfcCoefficients {
  double slope_cf4 = 0;           ///< S_CF4, (kg CF4/t Al)/(AE-min/cell-day)
  double c2f6_to_cf4 = 0;         ///< F_C2F6/CF4, kg/kg
  std::optional<double> overvoltage_cf4;  ///< OVC, (kg CF4/t Al)/(mV/%CE)
};

struct Gwp {
  double cf4 = 0;
  double c2f6 = 0;
};

/// The slope/overvoltage coefficients of class `c` in `set` from the table ([IPCC 2006 Vol3 Ch4] maps the
/// point-fed classes to its CWPB row, as for `potline smelter`); nothing when the set has none.
std::optional<PfcCoefficients> pfc_coefficients(const plant::EmissionData& table, plant::CoefficientSet set,
                                                plant::TechnologyClass c);
/// GWP-100 of CF4 and C2F6 in `set` from the table; nothing when the table lacks the set.
std::optional<Gwp> gwp(const plant::EmissionData& table, plant::GwpSet set);

/// Accepted values of the simulate case's `pfc.coefficients`: the table's set names, then the
/// former spellings "ipcc2006" and "ipcc2019" (deprecated: accepted with a warning).
std::vector<std::string> pfc_set_choices();

struct AnodeEffectStatistics {
  double cell_days = 0;
  long count = 0;
  double total_seconds = 0;
  double overvoltage_volt_seconds = 0;  ///< ∫ AE overvoltage dt summed over cells
  double production_t = 0;
  double current_efficiency = 0;        ///< fraction
  double frequency_per_cell_day() const { return cell_days > 0 ? count / cell_days : 0; }
  double minutes_per_cell_day() const { return cell_days > 0 ? total_seconds / 60.0 / cell_days : 0; }
  double mean_duration_s() const { return count > 0 ? total_seconds / count : 0; }
  /// AEO: AE overvoltage integrated over time per cell-day, in mV ([IPCC 2006 Vol3 Ch4] eq. 4.27).
  double overvoltage_mV() const { return cell_days > 0 ? overvoltage_volt_seconds * 1e3 / (constants::kSecondsPerDay * cell_days) : 0; }
};

enum class PfcMethod { kSlope, kOvervoltage };

struct PfcResult {
  double cf4_kg = 0;
  double c2f6_kg = 0;
  double co2e_t = 0;
  double slope_cf4_kg = 0;        ///< slope method, always computed
  std::optional<double> overvoltage_cf4_kg;  ///< when the set has an OVC
  double low_voltage_cf4_kg = 0;
};

/// E_CF4 = S·AEM·MP (slope) or OVC·AEO/CE%·MP (overvoltage); C2F6 = F·CF4; plus an optional
/// low-voltage CF4 term (kg CF4 per kg Al, SI: the input pfc.low_voltage_cf4 in kg/t / 1000) times the
/// production, added to CF4 with no C2F6 (the C2F6/CF4 ratio is that of anode effects).
PfcResult pfc_emissions(const AnodeEffectStatistics& ae, const PfcCoefficients& k, const Gwp& g,
                        PfcMethod method, double low_voltage_cf4_kg_per_kg);

}  // namespace potline::line
