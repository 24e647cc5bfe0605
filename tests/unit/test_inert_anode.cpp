// Unit tests of the inert-anode cell (docs/model/inert-anode.md): the overvoltage law, the bubble
// factor, the energy balance with the O2-evolving reaction, and the anode balance per tonne.
#include <gtest/gtest.h>

#include <cmath>

#include "modern_cell.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/inert_anode.hpp"
#include "potline/cell/thermo.hpp"

namespace potline::cell {
namespace test_inert_anode {
namespace {

using testing::modern_design;
using testing::modern_op;

ModelConstants inert_constants() {
  ModelConstants k;
  k.anode_type = AnodeType::kInert;
  return k;
}

// Recomputes the definition (i0 is chosen to meet the input at the reference density).
TEST(InertAnode, OvervoltageEqualsInputAtReferenceDensityByConstruction) {
  InertAnode a;
  a.reaction_overvoltage_V = 0.15;
  a.reference_current_density_A_per_m2 = 7000.0;
  EXPECT_NEAR(inert_anode::reaction_overvoltage_V(a, 1233.15, 7000.0), 0.15, 1e-12);
}

TEST(InertAnode, OvervoltageIsZeroWithoutCurrentAndRisesWithCurrent) {
  const InertAnode a;
  EXPECT_DOUBLE_EQ(inert_anode::reaction_overvoltage_V(a, 1233.15, 0.0), 0.0);
  const double low = inert_anode::reaction_overvoltage_V(a, 1233.15, 4000.0);
  const double high = inert_anode::reaction_overvoltage_V(a, 1233.15, 12000.0);
  EXPECT_GT(low, 0.0);
  EXPECT_GT(high, low);
  // Far into the Tafel region (i/(2 i0) ≈ 7 and 14 with the default 0.1 V at 0.8 A/cm²), doubling i
  // adds b·ln 2 with b = T/12533 (asinh(x) − ln(2x) ≈ 1/(4x²) < 6e-3 of b there).
  const double at_48k = inert_anode::reaction_overvoltage_V(a, 1233.15, 48000.0);
  EXPECT_NEAR(inert_anode::reaction_overvoltage_V(a, 1233.15, 96000.0) - at_48k, 1233.15 / 12533.0 * std::log(2.0),
              1e-3);
}

TEST(InertAnode, ReversibleVoltageRisesAsAluminaActivityFalls) {
  // Nernst term (R T/6F)·ln(1/a): at a = 0.5 and 1233.15 K that is 0.01228 V above saturation.
  const double sat = inert_anode::reversible_voltage_V(1233.15, 1.0);
  EXPECT_NEAR(inert_anode::reversible_voltage_V(1233.15, 0.5) - sat,
              8.314462618 * 1233.15 / (6 * 96485.33212) * std::log(2.0), 1e-12);
}

TEST(InertAnodeCell, ReplacesOnlyTheAnodeTermsOfTheBreakdown) {
  const CellResult carbon = evaluate(modern_design(), ModelConstants{}, modern_op());
  const CellResult inert = evaluate(modern_design(), inert_constants(), modern_op());
  EXPECT_GT(inert.breakdown.reversible - carbon.breakdown.reversible, 0.9);
  EXPECT_DOUBLE_EQ(inert.breakdown.bath_ohmic, carbon.breakdown.bath_ohmic);
  EXPECT_DOUBLE_EQ(inert.breakdown.bubble, carbon.breakdown.bubble);  // bubble_factor 1
  EXPECT_DOUBLE_EQ(inert.breakdown.cathode_drop, carbon.breakdown.cathode_drop);
  EXPECT_DOUBLE_EQ(inert.breakdown.total(), inert.voltage_V);
}

TEST(InertAnodeCell, BubbleFactorScalesTheBubbleVoltage) {
  ModelConstants k = inert_constants();
  const double base = evaluate(modern_design(), k, modern_op()).breakdown.bubble;
  k.inert_anode.bubble_factor = 0.5;
  EXPECT_NEAR(evaluate(modern_design(), k, modern_op()).breakdown.bubble, 0.5 * base, 1e-15);
}

TEST(InertAnodeCell, EnergyBalanceClosesWithoutAnodeHeating) {
  const CellResult r = evaluate(modern_design(), inert_constants(), modern_op());
  const EnergyBalance& e = r.energy;
  EXPECT_DOUBLE_EQ(e.heating_anodes_W, 0.0);
  EXPECT_NEAR(e.input_W, e.reaction_W + e.heating_alumina_W + e.heat_loss_W, 1e-6 * e.input_W);
  // Reaction per mole of Al produced: H_Al + 3/4 H_O2 − 1/2 H_Al2O3 at bath temperature.
  const double T = modern_op().bath_temperature_K;
  const double per_mol = thermo::aluminium_enthalpy_J_per_mol(T) +
                         0.75 * thermo::enthalpy_J_per_mol(thermo::Species::kO2, T) -
                         0.5 * thermo::enthalpy_J_per_mol(thermo::Species::kAlumina, T);
  EXPECT_NEAR(e.reaction_W, per_mol * r.production_kg_per_s / 26.9815384e-3, 1e-6 * e.reaction_W);
}

TEST(InertAnodeCell, ReactionEnergyPerMoleDoesNotDependOnCurrentEfficiency) {
  // The back reaction 2 Al + 3/2 O2 -> Al2O3 regenerates the alumina it consumes: per mole of Al
  // produced the net reaction is always 1/2 Al2O3 -> Al + 3/4 O2 (its heat is in the heat loss).
  const auto e = thermo::inert_anode_reaction_energy(1233.15, 298.15);
  EXPECT_GT(e.reaction_J_per_mol_Al, 8.0e5);
  EXPECT_DOUBLE_EQ(e.heating_anodes_J_per_mol_Al, 0.0);
}

TEST(AnodeBalance, CarbonFollowsThePearsonWaddingtonStoichiometry) {
  // ce = 1: 3/4 mol C and 3/4 mol CO2 per mol Al → 1000/26.9815384·0.75·12.011 = 333.87 kg C/t,
  // ·44.009 = 1223.3 kg CO2/t, no CO.
  const AnodeBalance b = anode_balance(AnodeType::kCarbon, InertAnode{}, 1.0, 1.0, 50.0);
  EXPECT_NEAR(b.carbon_kg_per_t, 1000 / 26.9815384 * 0.75 * 12.011, 1e-6);
  EXPECT_NEAR(b.co2_kg_per_t, 1000 / 26.9815384 * 0.75 * 44.009, 1e-6);
  EXPECT_DOUBLE_EQ(b.co_kg_per_t, 0.0);
  EXPECT_DOUBLE_EQ(b.o2_kg_per_t, 0.0);
  EXPECT_FALSE(b.wear_kg_per_t);
}

TEST(AnodeBalance, InertAnodeEvolvesOxygenAndWearsByTheGivenRate) {
  InertAnode a;
  a.wear_rate_m_per_s = 0.0175 / (365.25 * 86400);  // 1.75 cm/yr
  a.material_density_kg_per_m3 = 8500.0;
  a.cost_usd_per_t = 120.0;
  // 140 kA cell at 1 t/day on 17.9 m2 of anode: 0.0175·17.92·8500 kg/yr over 365.25 t/yr.
  const double production = 1000.0 / 86400.0;
  const AnodeBalance b = anode_balance(AnodeType::kInert, a, 0.9, production, 17.92);
  EXPECT_DOUBLE_EQ(b.carbon_kg_per_t, 0.0);
  EXPECT_DOUBLE_EQ(b.co2_kg_per_t, 0.0);
  EXPECT_NEAR(b.o2_kg_per_t, 1000 / 26.9815384 * 0.75 * 31.998, 1e-6);
  ASSERT_TRUE(b.wear_kg_per_t);
  EXPECT_NEAR(*b.wear_kg_per_t, 0.0175 * 17.92 * 8500 / 365.25, 1e-9);
  EXPECT_DOUBLE_EQ(*b.cost_usd_per_t, 120.0);
}

}  // namespace
}  // namespace test_inert_anode
}  // namespace potline::cell
