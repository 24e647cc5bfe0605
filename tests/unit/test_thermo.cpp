// Unit tests for potline::cell::thermo (thermochemical data and energy-balance terms).
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/thermo.hpp"

namespace test_thermo {

namespace thermo = potline::cell::thermo;
using thermo::Species;

namespace {
constexpr double kBath_K = 1233.15;  // 960 degC
constexpr double kRoom_K = 298.15;
}  // namespace

TEST(Thermo, ElementsAreZeroAtReferenceTemperature) {
  // Elements in their reference state have H = 0 at 298.15 K; fits reproduce this to a few J/mol.
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kAlSolid, kRoom_K), 0.0, 5.0);
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCarbon, kRoom_K), 0.0, 5.0);
}

TEST(Thermo, CompoundsEqualFormationEnthalpyAtReferenceTemperature) {
  // dfH(298.15), Chase 1998 (NIST WebBook): Al2O3 -1675.69, CO2 -393.52, CO -110.53 kJ/mol.
  // The Shomate fits reproduce them within their residual (< 30 J/mol).
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kAlumina, kRoom_K), -1675.69e3, 30.0);
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCO2, kRoom_K), -393.52e3, 30.0);
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCO, kRoom_K), -110.53e3, 30.0);
}

TEST(Thermo, AluminiumJumpsByEnthalpyOfFusionAtMeltingPoint) {
  const double Tm = thermo::kAluminiumMeltingPoint_K;
  const double below = thermo::aluminium_enthalpy_J_per_mol(Tm - 1e-6);
  const double above = thermo::aluminium_enthalpy_J_per_mol(Tm + 1e-6);
  // Enthalpy of fusion 10.71 kJ/mol (CODATA, Cox et al. 1989; JANAF 10.79). The two WebBook fits
  // give 10.710 kJ/mol at the melting point; allow 0.1 kJ/mol for the spread between assessments.
  EXPECT_NEAR(above - below, 10.71e3, 100.0);
  // Away from the melting point the dispatcher returns the right phase.
  EXPECT_DOUBLE_EQ(thermo::aluminium_enthalpy_J_per_mol(900.0),
                   thermo::enthalpy_J_per_mol(Species::kAlSolid, 900.0));
  EXPECT_DOUBLE_EQ(thermo::aluminium_enthalpy_J_per_mol(1200.0),
                   thermo::enthalpy_J_per_mol(Species::kAlLiquid, 1200.0));
}

TEST(Thermo, EnthalpyIncreasesMonotonicallyWithTemperature) {
  const Species all[] = {Species::kAlumina, Species::kCarbon, Species::kCO2, Species::kCO};
  for (Species s : all) {
    double previous = thermo::enthalpy_J_per_mol(s, kRoom_K);
    for (double T = 300.0; T <= 2000.0; T += 1.0) {
      const double h = thermo::enthalpy_J_per_mol(s, T);
      EXPECT_GT(h, previous) << "species " << static_cast<int>(s) << " at " << T << " K";
      previous = h;
    }
  }
  double previous = thermo::aluminium_enthalpy_J_per_mol(kRoom_K);
  for (double T = 300.0; T <= 1500.0; T += 1.0) {
    const double h = thermo::aluminium_enthalpy_J_per_mol(T);
    EXPECT_GT(h, previous) << "Al at " << T << " K";
    previous = h;
  }
}

TEST(Thermo, RangeSwitchesAreNearlyContinuous) {
  // The published fits of adjacent ranges meet within a few J/mol (CO2 at 1200 K: 3.2 J/mol;
  // CO at 1300 K: 0.3 J/mol; graphite at 600 K).
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCO2, 1200.0),
              thermo::enthalpy_J_per_mol(Species::kCO2, 1200.0 + 1e-9), 5.0);
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCO, 1300.0),
              thermo::enthalpy_J_per_mol(Species::kCO, 1300.0 + 1e-9), 5.0);
  EXPECT_NEAR(thermo::enthalpy_J_per_mol(Species::kCarbon, 600.0 - 1e-9),
              thermo::enthalpy_J_per_mol(Species::kCarbon, 600.0), 5.0);
}

TEST(Thermo, ValidityRangesCoverCellConditions) {
  const Species all[] = {Species::kAlumina, Species::kCarbon, Species::kCO2, Species::kCO,
                         Species::kAlLiquid};
  for (Species s : all) {
    const auto r = thermo::validity(s);
    EXPECT_LT(r.min_K, r.max_K);
    EXPECT_LE(r.min_K, 1300.0);
    EXPECT_GE(r.max_K, 1300.0);
  }
  EXPECT_LE(thermo::validity(Species::kAlSolid).min_K, kRoom_K);
  EXPECT_DOUBLE_EQ(thermo::validity(Species::kAlSolid).max_K, thermo::kAluminiumMeltingPoint_K);
}

TEST(Thermo, StoichiometryAtFullCurrentEfficiencyHasNoCO) {
  const auto n = thermo::stoichiometry_per_mol_al(1.0);
  EXPECT_DOUBLE_EQ(n.alumina_mol, 0.5);
  EXPECT_DOUBLE_EQ(n.carbon_mol, 0.75);
  EXPECT_DOUBLE_EQ(n.co2_mol, 0.75);
  EXPECT_DOUBLE_EQ(n.co_mol, 0.0);
}

TEST(Thermo, StoichiometryConservesElements) {
  for (double ce = 0.5; ce <= 1.0; ce += 0.01) {
    const auto n = thermo::stoichiometry_per_mol_al(ce);
    // Al: 2 x 1/2 Al2O3 -> 1 Al.  C: C in = CO2 + CO out.  O: 3 x Al2O3 = 2 CO2 + CO.
    EXPECT_NEAR(2.0 * n.alumina_mol, 1.0, 1e-12);
    EXPECT_NEAR(n.carbon_mol, n.co2_mol + n.co_mol, 1e-12) << "ce " << ce;
    EXPECT_NEAR(3.0 * n.alumina_mol, 2.0 * n.co2_mol + n.co_mol, 1e-12) << "ce " << ce;
    // Pearson-Waddington: CO2 mole fraction of the anode gas = 2 ce - 1.
    EXPECT_NEAR(n.co2_mol / (n.co2_mol + n.co_mol), 2.0 * ce - 1.0, 1e-12) << "ce " << ce;
  }
}

TEST(Thermo, StoichiometryRejectsImpossibleCurrentEfficiency) {
  EXPECT_TRUE(std::isnan(thermo::stoichiometry_per_mol_al(0.0).carbon_mol));
  EXPECT_TRUE(std::isnan(thermo::stoichiometry_per_mol_al(1.01).carbon_mol));
  EXPECT_TRUE(std::isnan(thermo::reaction_energy(kBath_K, -0.1, kRoom_K, kRoom_K).total()));
}

TEST(Thermo, FullCurrentEfficiencyEqualsHandBuiltReaction) {
  const auto e = thermo::reaction_energy(kBath_K, 1.0, kRoom_K, kRoom_K);
  const double expected = thermo::aluminium_enthalpy_J_per_mol(kBath_K) +
                          0.75 * thermo::enthalpy_J_per_mol(Species::kCO2, kBath_K) -
                          0.5 * thermo::enthalpy_J_per_mol(Species::kAlumina, kBath_K) -
                          0.75 * thermo::enthalpy_J_per_mol(Species::kCarbon, kBath_K);
  EXPECT_DOUBLE_EQ(e.reaction_J_per_mol_Al, expected);
  // The total is products at bath temperature minus reactants at room temperature.
  const double total = thermo::aluminium_enthalpy_J_per_mol(kBath_K) +
                       0.75 * thermo::enthalpy_J_per_mol(Species::kCO2, kBath_K) -
                       0.5 * thermo::enthalpy_J_per_mol(Species::kAlumina, kRoom_K) -
                       0.75 * thermo::enthalpy_J_per_mol(Species::kCarbon, kRoom_K);
  EXPECT_NEAR(e.total(), total, 1e-6);
}

TEST(Thermo, HeatingTermsVanishWhenFeedIsAtBathTemperature) {
  const auto e = thermo::reaction_energy(kBath_K, 0.95, kBath_K, kBath_K);
  EXPECT_DOUBLE_EQ(e.heating_alumina_J_per_mol_Al, 0.0);
  EXPECT_DOUBLE_EQ(e.heating_anodes_J_per_mol_Al, 0.0);
  const auto cold = thermo::reaction_energy(kBath_K, 0.95, kRoom_K, kRoom_K);
  EXPECT_GT(cold.heating_alumina_J_per_mol_Al, 0.0);
  EXPECT_GT(cold.heating_anodes_J_per_mol_Al, 0.0);
}

TEST(Thermo, TotalPerMoleAluminiumRisesAsCurrentEfficiencyFalls) {
  double previous = thermo::reaction_energy(kBath_K, 1.0, kRoom_K, kRoom_K).total();
  for (double ce = 0.99; ce >= 0.5; ce -= 0.01) {
    const double total = thermo::reaction_energy(kBath_K, ce, kRoom_K, kRoom_K).total();
    EXPECT_GT(total, previous) << "ce " << ce;
    previous = total;
  }
}

TEST(Thermo, NoNaNOverTheWholeCurrentEfficiencyDomain) {
  for (double ce = 1e-3; ce <= 1.0; ce += 1e-3) {
    const auto e = thermo::reaction_energy(kBath_K, ce, kRoom_K, kRoom_K);
    EXPECT_TRUE(std::isfinite(e.reaction_J_per_mol_Al)) << "ce " << ce;
    EXPECT_TRUE(std::isfinite(e.heating_alumina_J_per_mol_Al)) << "ce " << ce;
    EXPECT_TRUE(std::isfinite(e.heating_anodes_J_per_mol_Al)) << "ce " << ce;
  }
  EXPECT_TRUE(std::isfinite(thermo::reaction_energy(kBath_K, 1.0, kRoom_K, kRoom_K).total()));
}

TEST(Thermo, UnitConversionMatchesFaraday) {
  // 1 kWh/kg = 3.6e6 J/kg x 0.0269815384 kg/mol = 97133.5 J/mol.
  EXPECT_NEAR(thermo::J_per_mol_Al_to_kWh_per_kg(97133.538), 1.0, 1e-6);
}
}  // namespace test_thermo
