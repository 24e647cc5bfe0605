// Unit tests of the steady-state cell: Faraday bookkeeping, Dewing CE, the breakdown's structure,
// trends with the inputs, regime flags, and the inverse solves.
#include <gtest/gtest.h>

#include <cmath>

#include "modern_cell.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/solve.hpp"

namespace potline::cell {
namespace test_cell_model {
namespace {

using testing::modern_design;
using testing::modern_op;

TEST(Faraday, ProductionPerKiloampereDay) {
  // 1 kA for one day at CE = 1: 1000·86400·26.9815384e-3/(3·96485.33212) = 8.053745 kg
  // (the literature rounds it to 8.054 kg per kA·day).
  EXPECT_NEAR(faraday_production_kg_per_s(1000.0, 1.0) * 86400.0, 8.053745, 1e-6);
}

TEST(Faraday, SpecificEnergyPerVolt) {
  // 1 V at CE = 1: 3·96485.33212/26.9815384e-3 J/kg = 2.979980 kWh/kg (commonly quoted: 2.980).
  EXPECT_NEAR(specific_energy_J_per_kg(1.0, 1.0) / 3.6e6, 2.979980, 1e-6);
  EXPECT_NEAR(specific_energy_J_per_kg(4.2, 0.95) / 3.6e6, 2.979980 * 4.2 / 0.95, 1e-5);
}

TEST(Dewing, HandValueAndInverse) {
  // SH 10 K, AlF3 11, LiF 0, K 0.813: log10(100 − CE) = 0.095 − 0.209 + 0.813 = 0.699
  // → 100 − CE = 10^0.699 = 5.00035 → CE = 94.99965 %.
  EXPECT_NEAR(dewing_current_efficiency(10.0, 11.0, 0.0, 0.813), 0.9499965, 1e-7);
  const double k = dewing_constant_for(0.94, 8.0, 12.0, 0.5);
  EXPECT_NEAR(dewing_current_efficiency(8.0, 12.0, 0.5, k), 0.94, 1e-12);
}

TEST(Dewing, EfficiencyFallsWithSuperheatAndRisesWithAcidity) {
  EXPECT_LT(dewing_current_efficiency(15.0, 11.0, 0.0, 0.8), dewing_current_efficiency(5.0, 11.0, 0.0, 0.8));
  EXPECT_GT(dewing_current_efficiency(8.0, 13.0, 0.0, 0.8), dewing_current_efficiency(8.0, 10.0, 0.0, 0.8));
}

TEST(CellModel, BreakdownSumsToVoltageAndPowerIsIV) {
  const CellResult r = evaluate(modern_design(), ModelConstants{}, modern_op());
  EXPECT_DOUBLE_EQ(r.breakdown.total(), r.voltage_V);
  EXPECT_NEAR(r.power_W, 400e3 * r.voltage_V, 1e-6);
  EXPECT_FALSE(r.anode_effect());
}

TEST(CellModel, DropsScaleWithCurrent) {
  auto op = modern_op();
  const CellResult base = evaluate(modern_design(), ModelConstants{}, op);
  EXPECT_NEAR(base.breakdown.anode_drop, 0.30, 1e-12);
  EXPECT_NEAR(base.breakdown.external, 0.20, 1e-12);
  op.line_current_A = 300e3;
  const CellResult low = evaluate(modern_design(), ModelConstants{}, op);
  EXPECT_NEAR(low.breakdown.anode_drop, 0.225, 1e-12);
}

TEST(CellModel, VoltageRisesWithAcdAtTheBathOhmicSlope) {
  auto op = modern_op();
  const auto d = modern_design();
  const CellResult a = evaluate(d, ModelConstants{}, op);
  op.acd_m += 0.001;
  const CellResult b = evaluate(d, ModelConstants{}, op);
  // dV/dACD ≈ I/(κ·A_eff) (commonly quoted: ~38 mV/mm for 500 kA, ~24 mV/mm for 126 kA); fanning
  // grows with ACD, so the exact slope is a little lower than I/(κ·A_eff).
  const double slope_V_per_mm = b.voltage_V - a.voltage_V;
  const double ohmic_estimate = 400e3 * 0.001 / (a.bath.conductivity_S_per_m * a.effective_anode_area_m2);
  EXPECT_GT(slope_V_per_mm, 0.020);
  EXPECT_LT(slope_V_per_mm, 0.045);
  EXPECT_NEAR(slope_V_per_mm, ohmic_estimate, 0.25 * ohmic_estimate);
}

TEST(CellModel, EffectiveAreaExceedsGeometricArea) {
  const auto d = modern_design();
  EXPECT_DOUBLE_EQ(anode_area_m2(d), 40 * 1.6 * 0.65);
  EXPECT_GT(effective_anode_area_m2(d, 0.045), anode_area_m2(d));
  EXPECT_LT(effective_anode_area_m2(d, 0.045), 1.3 * anode_area_m2(d));
}

TEST(CellModel, LowAluminaTriggersAnodeEffect) {
  auto op = modern_op();
  op.bath.alumina_wt = 0.5;
  const CellResult r = evaluate(modern_design(), ModelConstants{}, op);
  EXPECT_TRUE(r.anode_effect());
  EXPECT_GT(r.voltage_V, 20.0);
  EXPECT_DOUBLE_EQ(r.breakdown.anode_effect, ModelConstants{}.anode_effect_overvoltage_V);
  EXPECT_TRUE(std::isfinite(r.voltage_V));
}

TEST(CellModel, LowCathodeCurrentDensityIsFlaggedNotNegative) {
  auto d = modern_design();
  d.cathode_area_m2 = 200.0;  // 0.2 A/cm² < 0.257 A/cm²
  const CellResult r = evaluate(d, ModelConstants{}, modern_op());
  EXPECT_TRUE(r.flags & kCathodeCurrentDensityLow);
  EXPECT_DOUBLE_EQ(r.breakdown.cathode_overvoltage, 0.0);
}

TEST(CellModel, EnergyBalanceClosesExactly) {
  const CellResult r = evaluate(modern_design(), ModelConstants{}, modern_op());
  const auto& e = r.energy;
  EXPECT_NEAR(e.input_W, e.reaction_W + e.heating_alumina_W + e.heating_anodes_W + e.heat_loss_W,
              1e-9 * e.input_W);
  EXPECT_NEAR(e.input_W, 400e3 * (r.voltage_V - r.breakdown.external), 1e-6);
}

TEST(CellModel, BatchEqualsSingleEvaluations) {
  std::vector<CellDesign> designs(3, modern_design());
  std::vector<ModelConstants> constants(3);
  std::vector<OperatingPoint> ops(3, modern_op());
  ops[1].acd_m = 0.04;
  ops[2].line_current_A = 420e3;
  std::vector<CellResult> out(3);
  evaluate_batch(designs, constants, ops, out);
  for (int k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(out[k].voltage_V, evaluate(designs[k], constants[k], ops[k]).voltage_V);
  }
}

TEST(AcdSolve, FindsTheAcdOfAKnownVoltage) {
  auto op = modern_op();
  op.acd_m = 0.0412;
  const double v = evaluate(modern_design(), ModelConstants{}, op).voltage_V;
  const AcdSolve s = solve_acd_for_voltage(modern_design(), ModelConstants{}, modern_op(), v);
  ASSERT_TRUE(s.converged) << s.failure;
  EXPECT_NEAR(s.acd_m, 0.0412, 1e-7);
  EXPECT_LT(s.evaluations, 30);
}

TEST(AcdSolve, UnreachableTargetIsReportedNotInvented) {
  const AcdSolve s = solve_acd_for_voltage(modern_design(), ModelConstants{}, modern_op(), 2.0);
  EXPECT_FALSE(s.converged);
  EXPECT_NE(s.failure.find("outside the range"), std::string::npos) << s.failure;
}

TEST(Calibration, ReproducesAPublishedPointAndFlagsImplausibleAcd) {
  PublishedPoint p;
  p.voltage_V = 4.20;
  p.current_efficiency = 0.945;
  const Calibration c = calibrate(modern_design(), ModelConstants{}, modern_op(), p, false);
  ASSERT_TRUE(c.acd_m.has_value());
  ASSERT_TRUE(c.dewing_constant.has_value());
  ModelConstants k;
  k.dewing_constant = *c.dewing_constant;
  auto op = modern_op();
  op.acd_m = *c.acd_m;
  const CellResult r = evaluate(modern_design(), k, op);
  EXPECT_NEAR(r.voltage_V, 4.20, 1e-5);
  EXPECT_NEAR(r.current_efficiency, 0.945, 1e-9);

  p.voltage_V = 5.2;  // needs an ACD far beyond 6 cm
  const Calibration bad = calibrate(modern_design(), ModelConstants{}, modern_op(), p, false);
  EXPECT_FALSE(bad.plausible());
  ASSERT_FALSE(bad.problems.empty());
  EXPECT_NE(bad.problems.front().find("outside the plausible 3–6 cm"), std::string::npos);
}

TEST(Calibration, PublishedAcdCalibratesTheCathodeDrop) {
  PublishedPoint p;
  p.voltage_V = 4.25;
  auto op = modern_op();
  op.acd_m = 0.045;
  const CellResult before = evaluate(modern_design(), ModelConstants{}, op);
  const Calibration c = calibrate(modern_design(), ModelConstants{}, op, p, true);
  EXPECT_FALSE(c.acd_m.has_value());
  ASSERT_TRUE(c.cathode_resistance_ohm.has_value());
  // V is linear in the cathode resistance: the drop moves by exactly the voltage gap.
  EXPECT_NEAR(*c.cathode_resistance_ohm * 400e3, 0.28 + (4.25 - before.voltage_V), 1e-12);
  auto d = modern_design();
  d.cathode_resistance_ohm = *c.cathode_resistance_ohm;
  EXPECT_NEAR(evaluate(d, ModelConstants{}, op).voltage_V, 4.25, 1e-12);
  p.voltage_V = 3.5;  // needs a negative cathode drop
  EXPECT_FALSE(calibrate(modern_design(), ModelConstants{}, op, p, true).plausible());
}

TEST(Calibration, ReportsInconsistentPublishedNumbers) {
  PublishedPoint p;
  p.voltage_V = 4.2;
  p.current_efficiency = 0.95;
  p.sec_dc_J_per_kg = 12.0 * 3.6e6;  // Faraday says 2.979980·4.2/0.95 = 13.17 kWh/kg
  const Calibration c = calibrate(modern_design(), ModelConstants{}, modern_op(), p, false);
  ASSERT_FALSE(c.problems.empty());
  EXPECT_NE(c.problems.front().find("imply 13.17 kWh/kg"), std::string::npos) << c.problems.front();
}

TEST(Calibration, DerivesMissingCurrentEfficiencyFromVoltageAndSec) {
  PublishedPoint p;
  p.voltage_V = 4.0;
  p.sec_dc_J_per_kg = 2.979980 * 4.0 / 0.94 * 3.6e6;
  const Calibration c = calibrate(modern_design(), ModelConstants{}, modern_op(), p, false);
  ASSERT_TRUE(c.implied_current_efficiency.has_value());
  EXPECT_NEAR(*c.implied_current_efficiency, 0.94, 1e-6);
}

}  // namespace
}  // namespace test_cell_model
}  // namespace potline::cell
