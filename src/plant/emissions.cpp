// The emission model's names (classes, coefficient sets, GWP sets, methods, power sources, fuels)
// and its formulas ([IPCC 2006 Vol3 Ch4]; docs/model/emissions.md). The data files are read by
// emission_data.cpp.
#include "potline/plant/emissions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/plant/pfc_note.hpp"

namespace potline::plant {
namespace {

struct ClassName {
  TechnologyClass c;
  std::string_view name;
};
constexpr ClassName kClassNames[] = {
    {TechnologyClass::kCWPB, "CWPB"},          {TechnologyClass::kSWPB, "SWPB"},
    {TechnologyClass::kVSS, "VSS"},            {TechnologyClass::kHSS, "HSS"},
    {TechnologyClass::kPFPBLegacy, "PFPB_legacy"}, {TechnologyClass::kPFPBModern, "PFPB_modern"}};

}  // namespace

std::optional<TechnologyClass> technology_class_from_name(std::string_view name) {
  for (const auto& c : kClassNames) {
    if (c.name == name) return c.c;
  }
  return std::nullopt;
}
std::string_view to_string(TechnologyClass c) {
  for (const auto& n : kClassNames) {
    if (n.c == c) return n.name;
  }
  return "?";
}
std::vector<std::string> technology_class_names() {
  std::vector<std::string> out;
  for (const auto& c : kClassNames) out.emplace_back(c.name);
  return out;
}
bool is_soderberg(TechnologyClass c) noexcept {
  return c == TechnologyClass::kVSS || c == TechnologyClass::kHSS;
}

std::optional<CoefficientSet> coefficient_set_from_name(std::string_view name) {
  if (name == "IPCC2006") return CoefficientSet::kIpcc2006;
  if (name == "IPCC2019") return CoefficientSet::kIpcc2019;
  return std::nullopt;
}
std::optional<CoefficientSet> coefficient_set_from_former_name(std::string_view name) {
  if (name == "ipcc2006") return CoefficientSet::kIpcc2006;
  if (name == "ipcc2019") return CoefficientSet::kIpcc2019;
  return std::nullopt;
}
std::vector<std::string> coefficient_set_names() { return {"IPCC2006", "IPCC2019"}; }
std::string_view to_string(CoefficientSet s) {
  return s == CoefficientSet::kIpcc2006 ? "IPCC2006" : "IPCC2019";
}

std::optional<GwpSet> gwp_set_from_name(std::string_view name) {
  if (name == "AR4") return GwpSet::kAR4;
  if (name == "AR5") return GwpSet::kAR5;
  if (name == "AR6") return GwpSet::kAR6;
  if (name == "SAR") return GwpSet::kSAR;
  return std::nullopt;
}
std::string_view to_string(GwpSet s) {
  switch (s) {
    case GwpSet::kAR4: return "AR4";
    case GwpSet::kAR5: return "AR5";
    case GwpSet::kAR6: return "AR6";
    case GwpSet::kSAR: return "SAR";
  }
  return "?";
}
std::vector<std::string> gwp_set_names() { return {"AR4", "AR5", "AR6", "SAR"}; }

std::string_view to_string(Co2Method m) { return m == Co2Method::kTier1 ? "tier1" : "tier2"; }
std::string_view to_string(PfcMethod m) {
  switch (m) {
    case PfcMethod::kTier1: return "tier1";
    case PfcMethod::kSlope: return "slope";
    case PfcMethod::kOvervoltage: return "overvoltage";
  }
  return "?";
}

std::optional<PowerSource> power_source_from_name(std::string_view name) {
  if (name == "captive_coal") return PowerSource::kCaptiveCoal;
  if (name == "captive_gas") return PowerSource::kCaptiveGas;
  if (name == "hydro") return PowerSource::kHydro;
  if (name == "grid") return PowerSource::kGrid;
  if (name == "ppa") return PowerSource::kPpa;
  return std::nullopt;
}
std::string_view to_string(PowerSource s) {
  switch (s) {
    case PowerSource::kCaptiveCoal: return "captive_coal";
    case PowerSource::kCaptiveGas: return "captive_gas";
    case PowerSource::kHydro: return "hydro";
    case PowerSource::kGrid: return "grid";
    case PowerSource::kPpa: return "ppa";
  }
  return "?";
}
bool is_captive(PowerSource s) noexcept {
  return s == PowerSource::kCaptiveCoal || s == PowerSource::kCaptiveGas;
}

std::optional<Fuel> fuel_from_name(std::string_view name) {
  if (name == "natural_gas") return Fuel::kNaturalGas;
  if (name == "fuel_oil") return Fuel::kFuelOil;
  return std::nullopt;
}
std::string_view to_string(Fuel f) { return f == Fuel::kNaturalGas ? "natural_gas" : "fuel_oil"; }
std::vector<std::string> fuel_names() { return {"natural_gas", "fuel_oil"}; }

// ---------------------------------------------------------------- formulas

double prebake_anode_co2(double nac, double sulfur_pct, double ash_pct) noexcept {
  return nac * (100.0 - sulfur_pct - ash_pct) / 100.0 * kCO2PerC;
}

double soderberg_paste_co2(const EmissionInputs& in) noexcept {
  const double pc = in.paste_kg_per_kg;
  const double bc = in.binder_pct / 100.0;
  const double carbon = pc - in.csm_kg_per_t / 1000.0 -
                        bc * pc * (in.pitch_sulfur_pct + in.pitch_ash_pct + in.pitch_hydrogen_pct) / 100.0 -
                        (1.0 - bc) * pc * (in.coke_sulfur_pct + in.coke_ash_pct) / 100.0 -
                        in.skimmed_dust_carbon_kg_per_kg;
  return carbon * kCO2PerC;
}

double pitch_volatiles_co2(double green, double hydrogen, double baked, double waste_tar) noexcept {
  return (green - hydrogen - baked - waste_tar) * kCO2PerC;
}

double packing_coke_co2(double pcc, double baked, double sulfur_pct, double ash_pct) noexcept {
  return pcc * baked * (100.0 - sulfur_pct - ash_pct) / 100.0 * kCO2PerC;
}

double slope_cf4_kg_per_t(double slope, double aem) noexcept { return slope * aem; }

double overvoltage_cf4_kg_per_t(double ovc, double aeo_mV, double ce_pct) noexcept {
  return ovc * aeo_mV / ce_pct;
}

double anode_effect_minutes(double frequency, double duration_min) noexcept {
  return frequency * duration_min;
}

double fuel_combustion_co2(double fuel_J_per_kg_product, double product_kg_per_kg, double co2_kg_per_J) noexcept {
  return fuel_J_per_kg_product * product_kg_per_kg * co2_kg_per_J;
}

double thermal_plant_co2_kg_per_J(double fuel_co2_kg_per_J, double efficiency) noexcept {
  return fuel_co2_kg_per_J / efficiency;
}

EmissionResult evaluate_emissions(const EmissionInputs& in, const ResolvedCoefficients& k) noexcept {
  EmissionResult r;
  if (in.inert_anode) {
    // No anode carbon: nothing to burn, bake or turn into PFC (docs/model/inert-anode.md).
  } else if (in.co2_method == Co2Method::kTier1) {
    r.anode_co2 = k.tier1_co2_kg_per_kg;  // includes baking (IPCC Tier 1)
  } else if (is_soderberg(in.technology)) {
    r.anode_co2 = soderberg_paste_co2(in);
  } else {
    r.anode_co2 = prebake_anode_co2(in.net_anode_kg_per_kg, in.anode_sulfur_pct, in.anode_ash_pct);
    if (in.anode_baking) {
      const double ga = in.green_anode_kg_per_kg;
      r.baking_co2 = pitch_volatiles_co2(ga, in.hydrogen_share_of_green * ga, in.baked_anode_kg_per_kg,
                                         in.waste_tar_share_of_green * ga) +
                     packing_coke_co2(in.packing_coke_kg_per_kg_baked, in.baked_anode_kg_per_kg,
                                      in.packing_coke_sulfur_pct, in.packing_coke_ash_pct);
    }
  }
  double cf4_kg_per_t = 0.0;
  double c2f6_kg_per_t = 0.0;
  switch (in.inert_anode ? PfcMethod::kTier1 : in.pfc_method) {
    case PfcMethod::kTier1:
      if (in.inert_anode) break;
      cf4_kg_per_t = k.pfc.tier1_cf4_kg_per_t;
      c2f6_kg_per_t = k.pfc.tier1_c2f6_kg_per_t;
      break;
    case PfcMethod::kSlope:
      cf4_kg_per_t = slope_cf4_kg_per_t(k.pfc.slope_cf4, in.aem_min_per_cell_day);
      c2f6_kg_per_t = cf4_kg_per_t * k.pfc.c2f6_per_cf4;
      break;
    case PfcMethod::kOvervoltage:
      cf4_kg_per_t = overvoltage_cf4_kg_per_t(k.pfc.overvoltage_cf4, in.aeo_mV, in.current_efficiency_pct);
      c2f6_kg_per_t = cf4_kg_per_t * k.pfc.c2f6_per_cf4;
      break;
  }
  // Low-voltage PFC: CF4 per tonne beside the anode effects' (the [IPCC 2019 Refinement]'s LVAE
  // term; C2F6 is not counted for it). None with inert anodes.
  r.low_voltage_cf4_kg_per_kg = in.inert_anode ? 0.0 : std::max(0.0, in.low_voltage_cf4_kg_per_kg);
  r.cf4_kg_per_kg = cf4_kg_per_t / 1000.0 + r.low_voltage_cf4_kg_per_kg;
  r.c2f6_kg_per_kg = c2f6_kg_per_t / 1000.0;
  r.pfc_co2e = r.cf4_kg_per_kg * k.gwp_cf4 + r.c2f6_kg_per_kg * k.gwp_c2f6;
  // Baking-furnace fuel exists only with an anode plant on site (prebake; Søderberg paste bakes in the cell).
  if (in.anode_baking && !is_soderberg(in.technology) && !in.inert_anode) {
    r.baking_fuel_co2 =
        fuel_combustion_co2(in.baking_fuel_J_per_kg_anode, in.baked_anode_kg_per_kg, in.baking_fuel_co2_kg_per_J);
  }
  r.casthouse_fuel_co2 = fuel_combustion_co2(in.casthouse_fuel_J_per_kg, 1.0, in.casthouse_fuel_co2_kg_per_J);
  r.power_co2 = in.electricity_J_per_kg * in.power_co2_kg_per_J;
  r.process = r.anode_co2 + r.baking_co2 + r.pfc_co2e;
  r.ccs_captured = std::clamp(in.ccs_captured_kg_per_kg, 0.0, r.anode_co2);
  r.ccs_fuel_co2 = in.ccs_fuel_co2_kg_per_kg;
  r.direct = r.process + r.baking_fuel_co2 + r.casthouse_fuel_co2 + r.ccs_fuel_co2 - r.ccs_captured;
  r.scope1 = r.direct + (in.power_captive ? r.power_co2 : 0.0);
  r.scope2 = in.power_captive ? 0.0 : r.power_co2;
  r.total = r.scope1 + r.scope2;
  return r;
}

}  // namespace potline::plant

namespace potline::plant {

LowVoltagePfc low_voltage_pfc(std::optional<double> given, const EmissionData& data, CoefficientSet set,
                              TechnologyClass c) {
  LowVoltagePfc lv;
  if (given) {
    lv.cf4_kg_per_kg = *given;
    lv.included = *given > 0.0;
    lv.basis = lv.included
                   ? fmt::format("included: {:.4g} kg CF4/t (emissions.low_voltage_cf4)", *given * 1000.0)
                   : "not included (emissions.low_voltage_cf4 = 0): high-voltage anode effects only";
    return lv;
  }
  const PfcCoefficients* p = data.pfc(set, c);
  if (p != nullptr && std::isfinite(p->lvae_cf4_kg_per_t) && p->lvae_cf4_kg_per_t > 0.0) {
    lv.cf4_kg_per_kg = p->lvae_cf4_kg_per_t / 1000.0;
    lv.included = true;
    lv.basis = fmt::format("included: {:.4g} kg CF4/t, the {} LVAE factor of {} ({})", p->lvae_cf4_kg_per_t,
                           to_string(set), to_string(c), p->source);
    return lv;
  }
  // No default: the LVAE table of the 2019 Refinement was not read, so no factor is entered
  // (data/emissions/ipcc-aluminium.toml); said wherever a PFC is printed.
  lv.basis = fmt::format(
      "not included: high-voltage anode effects only; the IPCC 2019 Refinement adds low-voltage (LVAE) CF4, up "
      "to 90 % of a smelter's PFC ([Wong et al. 2019]), for which the {} data give no factor for {}: give "
      "emissions.low_voltage_cf4 (kg CF4/t; potline emissions: --low-voltage-cf4) to count it",
      to_string(set), to_string(c));
  return lv;
}

std::optional<std::string> unverified_pfc_note(const EmissionData& data, CoefficientSet set,
                                               TechnologyClass c) {
  const PfcCoefficients* p = data.pfc(set, c);
  if (p == nullptr || p->verified) return std::nullopt;
  // Said at the output, not only in the data file: the user decides whether to rely on them.
  return "emissions.coefficient_set: the " + std::string(to_string(set)) +
         " PFC coefficients for " + std::string(to_string(c)) +
         " are transcribed from a secondary source and not verified against the primary text (" +
         p->note + ")";
}

}  // namespace potline::plant
