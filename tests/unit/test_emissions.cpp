// Emission formulas against hand computations from the cited IPCC 2006 equations.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/technology.hpp"
#include "potline/plant/emissions.hpp"
#include "../common/shipped_data.hpp"
#include "potline/plant/pfc_note.hpp"

namespace test_emissions {

using namespace potline;
using namespace potline::plant;

namespace {
const plant::EmissionData& data() { return potline::testing::shipped_emission_data(); }
}  // namespace

TEST(emissions, PrebakeAnodeTier2Eq421) {
  // IPCC eq. 4.21: NAC 0.42 t C/t Al, S 2.0 %, Ash 0.4 %:
  // 0.42 × (100 − 2.0 − 0.4)/100 × 44/12 = 0.42 × 0.976 × 3.666667 = 1.503040 t CO2/t Al.
  EXPECT_NEAR(prebake_anode_co2(0.42, 2.0, 0.4), 1.503040, 1e-6);
}

TEST(emissions, SoderbergPasteEq422) {
  // IPCC eq. 4.22, VSS defaults (40 CFR 98 Table F-2), PC = 0.52 t/t, wet paste BC 27 %:
  // 0.52 − 0.5/1000 − 0.27·0.52·(0.6+0.2+3.3)/100 − 0.73·0.52·(1.9+0.2)/100 − 0.01
  // = 0.52 − 0.0005 − 0.0057564 − 0.0079716 − 0.01 = 0.4957720 t C; × 44/12 = 1.8178307 t CO2/t Al.
  EmissionInputs in;
  in.paste_kg_per_kg = 0.52;
  in.csm_kg_per_t = 0.5;
  in.binder_pct = 27.0;
  EXPECT_NEAR(soderberg_paste_co2(in), 1.8178307, 1e-6);
}

TEST(emissions, PitchVolatilesEq423AndPackingCokeEq424) {
  // eq. 4.23: GA 0.55, H_w = 0.005·GA = 0.00275, BA 0.52, WT 0: (0.55 − 0.00275 − 0.52)·44/12 = 0.02725·3.666667 = 0.0999167 t CO2.
  EXPECT_NEAR(pitch_volatiles_co2(0.55, 0.00275, 0.52, 0.0), 0.0999167, 1e-7);
  // eq. 4.24: PCC 0.015 t/t baked, BA 0.52, S 2.0, Ash 0.4: 0.015·0.52·0.976·44/12 = 0.0279136 t CO2.
  EXPECT_NEAR(packing_coke_co2(0.015, 0.52, 2.0, 0.4), 0.0279136, 1e-7);
}

TEST(emissions, SlopeAndOvervoltageMethods) {
  // Slope: S = 0.143 (kg CF4/t)/(AE-min/cell-day), AEM = 0.5 → 0.0715 kg CF4/t; C2F6 = 0.0715 × 0.121 = 0.0086515.
  EXPECT_NEAR(slope_cf4_kg_per_t(0.143, 0.5), 0.0715, 1e-12);
  // AEM = 0.2 AE/cell-day × 2.5 min = 0.5.
  EXPECT_NEAR(anode_effect_minutes(0.2, 2.5), 0.5, 1e-12);
  // Overvoltage: OVC 1.16 × AEO 30 mV / CE 95 % = 0.366316 kg CF4/t.
  EXPECT_NEAR(overvoltage_cf4_kg_per_t(1.16, 30.0, 95.0), 0.3663158, 1e-6);
}

TEST(emissions, Tier1PfcCo2eWithEachGwpSet) {
  // Tier 1 CWPB (IPCC 2006): 0.4 kg CF4 + 0.04 kg C2F6 per t.
  // AR4: 0.4·7390 + 0.04·12200 = 2956 + 488 = 3444 kg; AR5: 2652 + 444 = 3096; AR6: 2952 + 496 = 3448.
  const double expected[] = {3.444, 3.096, 3.448};
  const GwpSet sets[] = {GwpSet::kAR4, GwpSet::kAR5, GwpSet::kAR6};
  for (int i = 0; i < 3; ++i) {
    core::Diagnostics d;
    auto k = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kCWPB, sets[i],
                                  Co2Method::kTier1, PfcMethod::kTier1, {}, d);
    ASSERT_TRUE(k) << d.to_string();
    EmissionInputs in;
    in.co2_method = Co2Method::kTier1;
    const EmissionResult r = evaluate_emissions(in, *k);
    EXPECT_NEAR(r.pfc_co2e, expected[i], 1e-9) << to_string(sets[i]);
    EXPECT_NEAR(r.anode_co2, 1.6, 1e-12);  // Tier 1 prebake, baking included
    EXPECT_EQ(r.baking_co2, 0.0);
  }
}

// Low-voltage CF4 (user trial T10-7): added to the method's CF4 without C2F6, none with inert
// anodes. By hand, slope CWPB AEM 0.25: 0.03575 kg CF4/t; + 0.05 kg/t low-voltage = 0.08575 kg/t;
// C2F6 0.121 x 0.03575 = 0.00432575; AR5: (568.5225 + 48.015825) / 1000 = 0.616538325.
TEST(emissions, LowVoltageCf4AddsCf4WithoutC2f6) {
  core::Diagnostics d;
  auto k = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kCWPB, GwpSet::kAR5,
                                Co2Method::kTier1, PfcMethod::kSlope, {}, d);
  ASSERT_TRUE(k) << d.to_string();
  EmissionInputs in;
  in.co2_method = Co2Method::kTier1;
  in.pfc_method = PfcMethod::kSlope;
  in.aem_min_per_cell_day = 0.25;
  in.low_voltage_cf4_kg_per_kg = 0.05e-3;
  const EmissionResult r = evaluate_emissions(in, *k);
  EXPECT_NEAR(r.cf4_kg_per_kg * 1000, 0.08575, 1e-12);
  EXPECT_NEAR(r.low_voltage_cf4_kg_per_kg * 1000, 0.05, 1e-12);
  EXPECT_NEAR(r.c2f6_kg_per_kg * 1000, 0.00432575, 1e-12);
  EXPECT_NEAR(r.pfc_co2e, 0.616538325, 1e-9);
  in.inert_anode = true;
  EXPECT_EQ(evaluate_emissions(in, *k).cf4_kg_per_kg, 0.0);
  // What the outputs say: the value given, or (no LVAE factor in the shipped data) not included.
  const LowVoltagePfc given = low_voltage_pfc(0.05e-3, data(), CoefficientSet::kIpcc2019, TechnologyClass::kPFPBModern);
  EXPECT_TRUE(given.included);
  EXPECT_NEAR(given.cf4_kg_per_kg, 0.05e-3, 1e-15);
  EXPECT_EQ(given.basis, "included: 0.05 kg CF4/t (emissions.low_voltage_cf4)");
  const LowVoltagePfc none = low_voltage_pfc(std::nullopt, data(), CoefficientSet::kIpcc2019, TechnologyClass::kPFPBModern);
  EXPECT_FALSE(none.included);
  EXPECT_EQ(none.cf4_kg_per_kg, 0.0);
  EXPECT_EQ(none.basis.rfind("not included: high-voltage anode effects only", 0), 0u) << none.basis;
}

TEST(emissions, ScopesFollowThePowerSource) {
  core::Diagnostics d;
  auto k = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kCWPB, GwpSet::kAR5,
                                Co2Method::kTier1, PfcMethod::kTier1, {}, d);
  ASSERT_TRUE(k);
  EmissionInputs in;
  in.co2_method = Co2Method::kTier1;
  in.electricity_J_per_kg = 13.5 * 3.6e6;          // 13.5 MWh/t
  in.power_co2_kg_per_J = 0.5 / 3.6e6 / 1.0;       // 0.5 t/MWh = 0.5 kg/kWh
  in.power_captive = false;
  EmissionResult r = evaluate_emissions(in, *k);
  // Purchased: 13.5 × 0.5 = 6.75 t CO2/t in scope 2; scope 1 = 1.6 + 3.096.
  EXPECT_NEAR(r.scope2, 6.75, 1e-9);
  EXPECT_NEAR(r.scope1, 4.696, 1e-9);
  in.power_captive = true;
  r = evaluate_emissions(in, *k);
  EXPECT_NEAR(r.scope2, 0.0, 1e-12);
  EXPECT_NEAR(r.scope1, 4.696 + 6.75, 1e-9);
  EXPECT_NEAR(r.total, 11.446, 1e-9);
}

TEST(emissions, CaptiveCoalFactorFromFuelAndEfficiency) {
  // 94.6 t CO2/TJ fuel at 35 % net: 94.6e-9 kg/J / 0.35 × 3.6e9 J/MWh = 973.03 kg/MWh.
  const double ef = thermal_plant_co2_kg_per_J(data().coal.fuel_co2_kg_per_J, data().coal.efficiency);
  EXPECT_NEAR(ef * 3.6e9, 973.0286, 1e-3);
}

TEST(emissions, CoefficientSetsAreSelectableAndMissingEntriesAreErrors) {
  core::Diagnostics d;
  // IPCC2019 has PFPB_modern slope 0.104 (unverified set, see data file).
  auto k = resolve_coefficients(data(), CoefficientSet::kIpcc2019, TechnologyClass::kPFPBModern, GwpSet::kAR5,
                                Co2Method::kTier2, PfcMethod::kSlope, {}, d);
  ASSERT_TRUE(k);
  EXPECT_DOUBLE_EQ(k->pfc.slope_cf4, 0.104);
  // Unverified coefficient rows are said at the output, with the data file's note: a note on the
  // program's own data, not a warning about the input (user trial 7, T7-12).
  EXPECT_TRUE(d.warning_messages().empty()) << d.to_string();
  const auto note =
      unverified_pfc_note(data(), CoefficientSet::kIpcc2019, TechnologyClass::kPFPBModern);
  ASSERT_TRUE(note);
  EXPECT_NE(note->find("IPCC2019 PFC coefficients for PFPB_modern are transcribed from a "
                       "secondary source and not verified"),
            std::string::npos)
      << *note;
  // IPCC2006 maps PFPB to CWPB.
  k = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kPFPBLegacy, GwpSet::kAR5,
                           Co2Method::kTier2, PfcMethod::kSlope, {}, d);
  ASSERT_TRUE(k);
  EXPECT_DOUBLE_EQ(k->pfc.slope_cf4, 0.143);
  // CWPB is not in the 2019 set; overvoltage has no VSS coefficient; Tier 1 is not in the 2019 set.
  core::Diagnostics e1, e2, e3;
  EXPECT_FALSE(resolve_coefficients(data(), CoefficientSet::kIpcc2019, TechnologyClass::kCWPB, GwpSet::kAR5,
                                    Co2Method::kTier2, PfcMethod::kSlope, {}, e1));
  EXPECT_NE(e1.to_string().find("has no PFC coefficients in the IPCC2019 set"), std::string::npos) << e1.to_string();
  EXPECT_FALSE(resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kVSS, GwpSet::kAR5,
                                    Co2Method::kTier2, PfcMethod::kOvervoltage, {}, e2));
  EXPECT_NE(e2.to_string().find("no overvoltage coefficient"), std::string::npos);
  EXPECT_FALSE(resolve_coefficients(data(), CoefficientSet::kIpcc2019, TechnologyClass::kSWPB, GwpSet::kAR5,
                                    Co2Method::kTier2, PfcMethod::kTier1, {}, e3));
  EXPECT_NE(e3.to_string().find("no Tier 1 PFC factors"), std::string::npos);
}

TEST(emissions, NamesParse) {
  EXPECT_FALSE(technology_class_from_name("CWPBX"));
  EXPECT_FALSE(gwp_set_from_name("AR7"));
  EXPECT_EQ(*technology_class_from_name("PFPB_modern"), TechnologyClass::kPFPBModern);
  EXPECT_TRUE(is_soderberg(TechnologyClass::kHSS));
}

TEST(emissions, FuelCombustionOfBakingFurnaceAndCasthouse) {
  // IPCC 2006 Vol. 2 Ch. 2 Tier 1: fuel energy × default CO2 factor.
  // Baking: 2.25 GJ/t anode × 0.525 t anode/t Al × 56.1 t CO2/TJ = 2.25 × 0.525 × 0.0561 = 0.066268 t CO2/t Al.
  EXPECT_NEAR(fuel_combustion_co2(2.25e6, 0.525, 56.1e-9), 0.066268125, 1e-12);
  // The data file's factors: natural gas 56.1, residual fuel oil 77.4 t CO2/TJ.
  EXPECT_NEAR(data().fuel(Fuel::kNaturalGas).co2_kg_per_J * 1e9, 56.1, 1e-9);
  EXPECT_NEAR(data().fuel(Fuel::kFuelOil).co2_kg_per_J * 1e9, 77.4, 1e-9);
  EXPECT_FALSE(data().fuel(Fuel::kFuelOil).source.empty());
  EXPECT_EQ(*fuel_from_name("fuel_oil"), Fuel::kFuelOil);
  EXPECT_FALSE(fuel_from_name("coal"));

  core::Diagnostics d;
  auto k = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kCWPB, GwpSet::kAR5,
                                Co2Method::kTier2, PfcMethod::kTier1, {}, d);
  ASSERT_TRUE(k) << d.to_string();
  EmissionInputs in;
  in.baked_anode_kg_per_kg = 0.525;
  in.baking_fuel_J_per_kg_anode = 2.25e6;
  in.baking_fuel_co2_kg_per_J = 56.1e-9;
  in.casthouse_fuel_J_per_kg = 1.0e6;  // 1 GJ/t metal
  in.casthouse_fuel_co2_kg_per_J = 77.4e-9;
  EmissionResult r = evaluate_emissions(in, *k);
  EXPECT_NEAR(r.baking_fuel_co2, 0.066268125, 1e-12);
  EXPECT_NEAR(r.casthouse_fuel_co2, 0.0774, 1e-12);
  EXPECT_NEAR(r.direct, r.process + 0.066268125 + 0.0774, 1e-12);
  EXPECT_NEAR(r.scope1, r.direct, 1e-12);  // no power emissions given
  // Anodes bought in: the baking furnace is upstream (not scope 1); the casthouse stays.
  in.anode_baking = false;
  r = evaluate_emissions(in, *k);
  EXPECT_EQ(r.baking_fuel_co2, 0.0);
  EXPECT_NEAR(r.casthouse_fuel_co2, 0.0774, 1e-12);
  // Søderberg paste bakes in the cell: no baking furnace.
  in.anode_baking = true;
  in.technology = TechnologyClass::kVSS;
  in.paste_kg_per_kg = 0.52;
  auto kv = resolve_coefficients(data(), CoefficientSet::kIpcc2006, TechnologyClass::kVSS, GwpSet::kAR5,
                                 Co2Method::kTier2, PfcMethod::kTier1, {}, d);
  ASSERT_TRUE(kv);
  r = evaluate_emissions(in, *kv);
  EXPECT_EQ(r.baking_fuel_co2, 0.0);
}
}  // namespace test_emissions
