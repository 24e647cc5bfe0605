#pragma once
// Greenhouse-gas emissions of primary aluminium smelting, per kilogram of aluminium.
//
// Methods ([IPCC 2006 Vol3 Ch4], as transcribed in [40 CFR 98 Subpart F] and the aluminium sector
// protocol [GHG Protocol IAI]; docs/model/emissions.md gives every equation):
//  - CO2 Tier 1: a default factor per t Al (prebake or Søderberg), anode baking included.
//  - CO2 Tier 2/3 prebake anode consumption ([IPCC 2006 Vol3 Ch4] eq. 4.21 /
//    [40 CFR 98 Subpart F] eq. F-5).
//  - CO2 Søderberg paste consumption ([IPCC 2006 Vol3 Ch4] eq. 4.22 / eq. F-6).
//  - CO2 anode baking: pitch volatiles (eq. 4.23 / F-7) and packing coke (eq. 4.24 / F-8).
//  - PFC: Tier 1 factors, slope method and overvoltage method, with coefficient sets by name.
//  - CO2e with a named GWP-100 set; scope 2 (or scope 1 for captive plants) from the power source.
// Everything here is a pure function of typed inputs; coefficients are resolved once, at the
// boundary, from data/emissions/*.toml (EmissionData), so the hot path does no lookup or parsing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::plant {

/// Cell technology classes of the IPCC method. PFPB_legacy / PFPB_modern are the point-fed prebake
/// classes of the [IPCC 2019 Refinement]; in the [IPCC 2006 Vol3 Ch4] set they fall under CWPB.
enum class TechnologyClass { kCWPB, kSWPB, kVSS, kHSS, kPFPBLegacy, kPFPBModern };
inline constexpr int kTechnologyClassCount = 6;
std::optional<TechnologyClass> technology_class_from_name(std::string_view name);
std::string_view to_string(TechnologyClass c);
std::vector<std::string> technology_class_names();
bool is_soderberg(TechnologyClass c) noexcept;

/// PFC coefficient sets of data/emissions/ipcc-aluminium.toml. Their names there ("IPCC2006",
/// "IPCC2019") are the names every case and option uses.
enum class CoefficientSet { kIpcc2006, kIpcc2019 };
std::optional<CoefficientSet> coefficient_set_from_name(std::string_view name);
/// The simulate case's former spellings ("ipcc2006", "ipcc2019"), deprecated; nothing otherwise.
std::optional<CoefficientSet> coefficient_set_from_former_name(std::string_view name);
std::vector<std::string> coefficient_set_names();
std::string_view to_string(CoefficientSet s);

/// GWP-100 sets of the IPCC assessment reports ([IPCC SAR 1995], [IPCC AR4 2007], [IPCC AR5 2013],
/// [IPCC AR6 2021]).
enum class GwpSet { kAR4, kAR5, kAR6, kSAR };
std::optional<GwpSet> gwp_set_from_name(std::string_view name);
std::string_view to_string(GwpSet s);
std::vector<std::string> gwp_set_names();

enum class Co2Method { kTier1, kTier2 };
enum class PfcMethod { kTier1, kSlope, kOvervoltage };
std::string_view to_string(Co2Method m);
std::string_view to_string(PfcMethod m);

/// Where a smelter's electricity comes from. Captive plants are on site: their emissions are
/// scope 1 [GHG Protocol IAI]; purchased electricity is scope 2.
enum class PowerSource { kCaptiveCoal, kCaptiveGas, kHydro, kGrid, kPpa };
std::optional<PowerSource> power_source_from_name(std::string_view name);
std::string_view to_string(PowerSource s);
bool is_captive(PowerSource s) noexcept;

/// PFC coefficients of one technology class in one coefficient set. NaN where the set gives none.
struct PfcCoefficients {
  double slope_cf4 = 0;            ///< (kg CF4/t Al)/(AE-min/cell-day)
  double c2f6_per_cf4 = 0;         ///< kg C2F6 / kg CF4
  double overvoltage_cf4 = 0;      ///< (kg CF4/t Al)/(mV/%CE) — NaN if not given
  double tier1_cf4_kg_per_t = 0;   ///< kg CF4 per t Al — NaN if not given
  double tier1_c2f6_kg_per_t = 0;  ///< kg C2F6 per t Al — NaN if not given
  /// Low-voltage (non-anode-effect, LVAE) CF4 per t Al, the set's Tier 1 default for the class
  /// (data file key `lvae_cf4`) — NaN if the data file gives none (no row has one today: the
  /// [IPCC 2019 Refinement]'s LVAE table was not read; docs/model/emissions.md, "Low-voltage PFC").
  double lvae_cf4_kg_per_t = 0;
  std::string source;
  bool verified = true;            ///< false: transcribed from a secondary source (data file's `verified`)
  std::string note;                ///< the data file's note (why unverified)
};

struct GwpValues {
  double cf4 = 0;   ///< kg CO2e per kg CF4, 100-year
  double c2f6 = 0;  ///< kg CO2e per kg C2F6, 100-year
  std::string source;
};

/// Tier 2 default parameters, as Table F-2 of [40 CFR 98 Subpart F] reproduces the IPCC Tier 2
/// defaults ([IPCC 2006 Vol3 Ch4] Section 4.4: the data-source tables of the prebake,
/// pitch-volatiles, packing-material and Søderberg equations; their table numbers were not checked
/// against a readable copy). Each value below was checked against the Table F-2 row it names (the
/// eCFR text, read 2026-12-05). The values used are read from data/emissions/ipcc-aluminium.toml;
/// these initialisers repeat them. Percent values stay in percent (the equations are written so).
struct Tier2Defaults {
  double anode_sulfur_pct = 2.0;  ///< Table F-2 "Sa: sulfur content in baked anode": 2.0 wt%
  double anode_ash_pct = 0.4;     ///< Table F-2 "Asha: ash content in baked anode": 0.4 wt%
  /// H_w / GA: Table F-2 "Hw: annual hydrogen content in green anodes": 0.005 × GA
  double pitch_hydrogen_share_of_green = 0.005;
  /// WT / GA for Riedhammer furnaces: Table F-2 "WT: annual waste tar collected": (a) Riedhammer
  /// furnaces 0.005 × GA, (b) all other furnaces insignificant
  double waste_tar_share_riedhammer = 0.005;
  /// Table F-2 "PCC: annual packing coke consumption": 0.015 t per t baked anode
  double packing_coke_t_per_t_baked = 0.015;
  /// estimate: the baked-anode sulfur default (Table F-2 "Sa", 2.0 wt%) stands in; no default for
  /// packing coke was found in the readable part of Table F-2 (data/emissions/ipcc-aluminium.toml
  /// [tier2_defaults_estimated]; packing coke is ~1.5 % of the baked anode mass: < 0.1 % of the
  /// baking CO2)
  double packing_coke_sulfur_pct = 2.0;
  /// estimate: the baked-anode ash default (Table F-2 "Asha", 0.4 wt%) stands in, as for the sulfur
  double packing_coke_ash_pct = 0.4;
  /// Table F-2 "CSM: annual emissions of cyclohexane soluble matter": HSS 4.0 kg/t Al
  double csm_hss_kg_per_t = 4.0;
  double csm_vss_kg_per_t = 0.5;    ///< the same row: VSS 0.5 kg/t Al
  double binder_dry_pct = 24.0;     ///< Table F-2 "BC: binder content of paste": dry paste 24 wt%
  double binder_wet_pct = 27.0;     ///< the same row: wet paste 27 wt%
  double pitch_sulfur_pct = 0.6;    ///< Table F-2 "Sp: sulfur content of pitch": 0.6 wt%
  double pitch_ash_pct = 0.2;       ///< Table F-2 "Ashp: ash content of pitch": 0.2 wt%
  double pitch_hydrogen_pct = 3.3;  ///< Table F-2 "Hp: hydrogen content of pitch": 3.3 wt%
  double coke_sulfur_pct = 1.9;     ///< Table F-2 "Sc: sulfur content in calcined coke": 1.9 wt%
  double coke_ash_pct = 0.2;        ///< Table F-2 "Ashc: ash content in calcined coke": 0.2 wt%
  /// Table F-2 "CD: carbon in skimmed dust from Søderberg cells": 0.01 t C per t Al
  double skimmed_dust_carbon_t_per_t = 0.01;
};

/// Fuel CO2 factor for a captive power plant and its default efficiency.
struct PowerPlantDefaults {
  double fuel_co2_kg_per_J = 0;  ///< kg CO2 per J of fuel (net calorific basis)
  double efficiency = 0;         ///< electricity out / fuel in (net)
  std::string fuel_source;
  std::string efficiency_source;
};

/// Fuels burnt on site outside the power plant (anode baking furnace, casthouse furnaces).
enum class Fuel { kNaturalGas, kFuelOil };
std::optional<Fuel> fuel_from_name(std::string_view name);
std::string_view to_string(Fuel f);
std::vector<std::string> fuel_names();

/// Default CO2 factor of a fuel in stationary combustion ([IPCC 2006 Vol2] Ch. 2).
struct FuelDefaults {
  double co2_kg_per_J = 0;  ///< kg CO2 per J of fuel (net calorific basis)
  std::string source;
};

/// Every coefficient the emission methods need, loaded once from data/emissions/.
class EmissionData {
 public:
  /// Reads data_dir/emissions/ipcc-aluminium.toml, data_dir/emissions/power.toml and
  /// data_dir/emissions/fuels.toml.
  static EmissionData load(const std::string& data_dir, core::Diagnostics& diagnostics);

  const PfcCoefficients* pfc(CoefficientSet set, TechnologyClass c) const;
  const GwpValues* gwp(GwpSet set) const;
  const FuelDefaults& fuel(Fuel f) const { return f == Fuel::kNaturalGas ? natural_gas : fuel_oil; }
  double tier1_co2_prebake_kg_per_kg = 0;
  double tier1_co2_soderberg_kg_per_kg = 0;
  std::string tier1_co2_source;
  Tier2Defaults tier2;
  std::string tier2_source;
  PowerPlantDefaults coal;
  PowerPlantDefaults gas;
  FuelDefaults natural_gas;
  FuelDefaults fuel_oil;
  /// The set of a PFC when the case or command names none (`default_set` of ipcc-aluminium.toml);
  /// see default_coefficient_set.
  CoefficientSet default_set = CoefficientSet::kIpcc2006;

 private:
  std::optional<PfcCoefficients> pfc_[2][kTechnologyClassCount];
  std::optional<GwpValues> gwp_[4];
};

/// The PFC coefficient set when the caller names none (user trial T12-1; one rule for simulate,
/// emissions, smelter, invest and the fleet's defaults): `preferred` (else the data's default_set,
/// IPCC2019) when it has a row of its own for the class, else `fallback` (IPCC2006, whose CWPB row
/// covers the point-fed classes). docs/model/emissions.md, "Default PFC".
CoefficientSet default_coefficient_set(const EmissionData& data, TechnologyClass cls,
                                       std::optional<CoefficientSet> preferred = std::nullopt,
                                       CoefficientSet fallback = CoefficientSet::kIpcc2006);
/// True when `set` has a row of its own for the class (IPCC2006 maps PFPB_* to its CWPB row: false).
bool has_own_pfc_row(const EmissionData& data, CoefficientSet set, TechnologyClass cls);

/// Coefficients resolved for one case (copied out of EmissionData at the boundary).
struct ResolvedCoefficients {
  PfcCoefficients pfc;  ///< source string unused on the hot path
  double gwp_cf4 = 0;
  double gwp_c2f6 = 0;
  double tier1_co2_kg_per_kg = 0;
};

/// Inputs of one emissions evaluation, per kg of aluminium (t/t ratios are kg/kg). The
/// initialisers only make a valid object: `potline smelter` sets every field from its schema
/// (src/plant/smelter_schema.cpp, which cites each default) and Tier2Defaults, `potline emissions`
/// the ones its method uses; the Tier 2 values repeat Tier2Defaults.
struct EmissionInputs {
  TechnologyClass technology = TechnologyClass::kCWPB;
  Co2Method co2_method = Co2Method::kTier2;
  PfcMethod pfc_method = PfcMethod::kTier1;
  // Prebake anode consumption (eq. 4.21).
  double net_anode_kg_per_kg = 0.42;  ///< NAC
  double anode_sulfur_pct = 2.0;
  double anode_ash_pct = 0.4;
  // Søderberg paste (eq. 4.22).
  double paste_kg_per_kg = 0.0;       ///< PC
  double csm_kg_per_t = 0.0;          ///< cyclohexane-soluble matter, kg per t Al
  double binder_pct = 27.0;
  double pitch_sulfur_pct = 0.6, pitch_ash_pct = 0.2, pitch_hydrogen_pct = 3.3;
  double coke_sulfur_pct = 1.9, coke_ash_pct = 0.2;
  double skimmed_dust_carbon_kg_per_kg = 0.01;
  // Anode baking (eqs. 4.23, 4.24), prebake with an anode plant on site.
  bool anode_baking = true;
  double baked_anode_kg_per_kg = 0.52;     ///< BA per kg Al (gross anode consumption)
  double green_anode_kg_per_kg = 0.55;     ///< GA per kg Al
  double hydrogen_share_of_green = 0.005;  ///< H_w / GA
  double waste_tar_share_of_green = 0.0;   ///< WT / GA
  double packing_coke_kg_per_kg_baked = 0.015;
  double packing_coke_sulfur_pct = 2.0, packing_coke_ash_pct = 0.4;
  // PFC.
  double aem_min_per_cell_day = 0.0;   ///< anode-effect minutes per cell-day
  double aeo_mV = 0.0;                 ///< anode-effect overvoltage (time-integrated, mV)
  double current_efficiency_pct = 94.0;
  /// Low-voltage (non-anode-effect) CF4, kg CF4 per kg Al (input emissions.low_voltage_cf4 in kg/t),
  /// added to the CF4 of the method above, without C2F6 ([Wong et al. 2019]; user trial T10-7).
  double low_voltage_cf4_kg_per_kg = 0.0;
  // Fuel combustion on site ([IPCC 2006 Vol2] Ch. 2, Tier 1: fuel energy × default CO2 factor).
  // Zero by default: the smelter case sets them from fuel.* (the `potline emissions` command does not).
  double baking_fuel_J_per_kg_anode = 0.0;  ///< furnace fuel per kg baked anode (anode baking on site only)
  double baking_fuel_co2_kg_per_J = 0.0;    ///< CO2 factor of that fuel
  double casthouse_fuel_J_per_kg = 0.0;     ///< casthouse fuel per kg cast metal (all metal is cast)
  double casthouse_fuel_co2_kg_per_J = 0.0;
  // Electricity.
  double electricity_J_per_kg = 0.0;   ///< whole-plant AC electricity per kg Al
  double power_co2_kg_per_J = 0.0;     ///< emission factor of that electricity
  bool power_captive = false;          ///< captive plant: scope 1, else scope 2
  // Inert anodes (docs/model/inert-anode.md): no anode or baking CO2, no baking fuel, no PFC.
  bool inert_anode = false;
  // Carbon capture (docs/model/ccs.md), per kg Al: CO2 captured from the anode gas (at most the
  // anode CO2) and the CO2 of the fuel burnt for its heat. Its electricity is in electricity_J_per_kg.
  double ccs_captured_kg_per_kg = 0.0;
  double ccs_fuel_co2_kg_per_kg = 0.0;
};

/// Emissions per kg Al (kg CO2e / kg Al = t CO2e / t Al), by source and scope.
struct EmissionResult {
  double anode_co2 = 0;     ///< anode or paste consumption (Tier 1: incl. baking)
  double baking_co2 = 0;    ///< pitch volatiles + packing coke (Tier 2 prebake)
  double cf4_kg_per_kg = 0;
  double c2f6_kg_per_kg = 0;
  double low_voltage_cf4_kg_per_kg = 0;  ///< the low-voltage part of cf4_kg_per_kg
  double pfc_co2e = 0;
  double baking_fuel_co2 = 0;     ///< anode-baking furnace fuel (scope 1, fuel combustion)
  double casthouse_fuel_co2 = 0;  ///< casthouse furnace fuel (scope 1, fuel combustion)
  double power_co2 = 0;     ///< electricity (captive: scope 1; purchased: scope 2)
  double ccs_captured = 0;  ///< CO2 captured and stored (subtracted from direct)
  double ccs_fuel_co2 = 0;  ///< fuel burnt for the capture's heat (scope 1)
  double process = 0;       ///< anode + baking + PFC: direct process emissions (before capture)
  double direct = 0;        ///< process + baking fuel + casthouse fuel + capture fuel − captured:
                            ///< scope 1 without captive power
  double scope1 = 0;
  double scope2 = 0;
  double total = 0;         ///< scope 1 + 2 = IAI Level 1 (smelter incl. anode plant) [GHG Protocol IAI]
};

// ---- single formulas (each tested against a hand computation) ----

/// [IPCC 2006 Vol3 Ch4] eq. 4.21: CO2 = NAC·(100 − S_a − Ash_a)/100·44/12, per kg Al.
double prebake_anode_co2(double nac_kg_per_kg, double sulfur_pct, double ash_pct) noexcept;
/// [IPCC 2006 Vol3 Ch4] eq. 4.22, per kg Al (PC and CD in kg/kg, CSM in kg per t Al).
double soderberg_paste_co2(const EmissionInputs& in) noexcept;
/// [IPCC 2006 Vol3 Ch4] eq. 4.23: (GA − H_w − BA − WT)·44/12, all per kg Al.
double pitch_volatiles_co2(double green_kg, double hydrogen_kg, double baked_kg, double waste_tar_kg) noexcept;
/// [IPCC 2006 Vol3 Ch4] eq. 4.24: PCC·BA·(100 − S_pc − Ash_pc)/100·44/12.
double packing_coke_co2(double pcc_kg_per_kg_baked, double baked_kg, double sulfur_pct, double ash_pct) noexcept;
/// Slope method: CF4 [kg per t Al] = S·AEM.
double slope_cf4_kg_per_t(double slope, double aem_min_per_cell_day) noexcept;
/// Overvoltage method: CF4 [kg per t Al] = OVC·AEO/CE%.
double overvoltage_cf4_kg_per_t(double ovc, double aeo_mV, double ce_pct) noexcept;
/// AEM = frequency (AE per cell-day) × duration (min per AE).
double anode_effect_minutes(double frequency_per_cell_day, double duration_min) noexcept;
/// Fuel combustion: fuel energy per kg of product × kg product per kg Al × CO2 per J of fuel,
/// per kg Al ([IPCC 2006 Vol2] Ch. 2 eq. 2.1, Tier 1).
double fuel_combustion_co2(double fuel_J_per_kg_product, double product_kg_per_kg, double co2_kg_per_J) noexcept;
/// Emission factor of a thermal plant: fuel CO2 per J of fuel / net efficiency. [kg/J]
double thermal_plant_co2_kg_per_J(double fuel_co2_kg_per_J, double efficiency) noexcept;

/// All sources, per kg Al. No allocation, no lookup.
EmissionResult evaluate_emissions(const EmissionInputs& in, const ResolvedCoefficients& k) noexcept;

/// Resolves coefficients for (set, class, gwp, methods); reports a class missing from the set, or a
/// method the set has no coefficient for, as an error naming the alternatives.
std::optional<ResolvedCoefficients> resolve_coefficients(const EmissionData& data, CoefficientSet set,
                                                         TechnologyClass c, GwpSet gwp, Co2Method co2,
                                                         PfcMethod pfc, const core::SourceLocation& where,
                                                         core::Diagnostics& diagnostics);

/// The low-voltage CF4 a case applies and what the outputs say of it (docs/model/emissions.md,
/// "Low-voltage PFC"; user trial T10-7): the value given (emissions.low_voltage_cf4, kg CF4 per kg
/// Al), else the coefficient set's LVAE Tier 1 factor of the class when the data file gives one,
/// else 0, "not included". One function for `potline emissions`, `smelter`, `invest` and the
/// fleet's smelters.
struct LowVoltagePfc {
  double cf4_kg_per_kg = 0;
  bool included = false;  ///< a low-voltage term is counted (> 0)
  std::string basis;      ///< "included: ..." or "not included: ..."
};
LowVoltagePfc low_voltage_pfc(std::optional<double> given_kg_per_kg, const EmissionData& data,
                              CoefficientSet set, TechnologyClass c);

/// Molar-mass ratio CO2/C of [IPCC 2006 Vol3 Ch4] eqs. 4.21–4.24.
inline constexpr double kCO2PerC = 44.0 / 12.0;

}  // namespace potline::plant
