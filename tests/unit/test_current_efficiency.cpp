// Unit tests of the current-efficiency models (docs/model/current-efficiency.md): the mass-transfer
// model's structure, its calibration, its selection through the cell schema and its input errors.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/technology.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/cell/solve.hpp"
#include "potline/io/case_file.hpp"

namespace potline::cell {
namespace test_current_efficiency {
namespace {

CeConditions default_conditions() {
  const ModelConstants k;
  const OperatingPoint op;
  const CellResult r = evaluate(CellDesign{}, k, op);
  return ce_conditions(r, op);
}

// Recomputes [Arthur 1974]'s published equation at one point (a check of the transcription, not a
// validation): BR 1.2, 1000 °C, 5 wt% CaF2, no LiF.
TEST(CurrentEfficiencyModel, ArthurSolubilityRecomputedAtOnePoint) {
  const double expected = -0.2877 + 0.0268 * 1.2 + 2.992e-4 * 1000.0 - 0.00192 * 5.0;
  EXPECT_NEAR(aluminium_solubility_wt(1.2, 1273.15, 5.0, 0.0), expected, 1e-12);
  // Its slopes: +2.992e-4 wt%/K, lower with LiF (as Li3AlF6), never negative.
  EXPECT_NEAR(aluminium_solubility_wt(1.2, 1274.15, 5.0, 0.0) - expected, 2.992e-4, 1e-12);
  EXPECT_LT(aluminium_solubility_wt(1.2, 1273.15, 5.0, 2.0), expected);
  EXPECT_EQ(aluminium_solubility_wt(0.0, 800.0, 20.0, 10.0), 0.0);
}

// [Solheim et al. 2018]: CE is a straight line in the mass-transfer coefficient with CE(k = 0) at
// the intercept.
TEST(CurrentEfficiencyModel, MassTransferCeIsAStraightLineInTheCoefficient) {
  const CeConditions c = default_conditions();
  MassTransferCe p;
  p.coefficient_m_per_s = 0.0;
  EXPECT_DOUBLE_EQ(mass_transfer_current_efficiency(p, c), p.intercept);
  p.coefficient_m_per_s = 4e-5;
  const double ce1 = mass_transfer_current_efficiency(p, c);
  p.coefficient_m_per_s = 8e-5;
  const double ce2 = mass_transfer_current_efficiency(p, c);
  EXPECT_NEAR(p.intercept - ce2, 2.0 * (p.intercept - ce1), 1e-12);
}

TEST(CurrentEfficiencyModel, CoefficientForACeRoundTrips) {
  const CeConditions c = default_conditions();
  MassTransferCe p;
  const auto k = mass_transfer_coefficient_for(0.943, p, c);
  ASSERT_TRUE(k.has_value());
  p.coefficient_m_per_s = *k;
  EXPECT_NEAR(mass_transfer_current_efficiency(p, c), 0.943, 1e-12);
  EXPECT_FALSE(mass_transfer_coefficient_for(0.995, p, c).has_value());  // above the intercept
}

// The loss rises as the clear gap (ACD − bubble layer) closes and is held below 2 mm of gap.
TEST(CurrentEfficiencyModel, LossRisesAsTheGapClosesAndIsBoundedAtTheFloor) {
  CeConditions c = default_conditions();
  const MassTransferCe p;
  double previous = 0.0;
  for (const double acd_cm : {6.0, 5.0, 4.0, 3.0, 2.0}) {
    c.acd_m = acd_cm / 100.0;
    const double loss = mass_transfer_loss_per_coefficient(p, c);
    EXPECT_GT(loss, previous) << acd_cm;
    previous = loss;
  }
  c.acd_m = c.bubble_thickness_m + 0.001;
  const double near_floor = mass_transfer_loss_per_coefficient(p, c);
  c.acd_m = c.bubble_thickness_m - 0.001;
  EXPECT_DOUBLE_EQ(mass_transfer_loss_per_coefficient(p, c), near_floor);
  EXPECT_TRUE(std::isfinite(near_floor));
}

// The default coefficient (AP40's calibrated value) stays within a point of Dewing's default
// constant in the default cell (another operating point than AP40's: 11 wt% AlF3, 960 °C).
TEST(CurrentEfficiencyModel, DefaultsStayNearDewingAtTheDefaultCell) {
  ModelConstants k;
  const OperatingPoint op;
  const double dewing = evaluate(CellDesign{}, k, op).current_efficiency;
  k.current_efficiency_model = CurrentEfficiencyModel::kMassTransfer;
  const double mass_transfer = evaluate(CellDesign{}, k, op).current_efficiency;
  EXPECT_NEAR(mass_transfer, dewing, 0.01);
}

// Dewing's CE does not depend on the ACD (at fixed temperature); the mass-transfer model's does.
TEST(CurrentEfficiencyModel, OnlyTheMassTransferModelSeesTheAcd) {
  ModelConstants k;
  OperatingPoint op;
  op.acd_m = 0.03;
  const double dewing_low = evaluate(CellDesign{}, k, op).current_efficiency;
  op.acd_m = 0.05;
  EXPECT_DOUBLE_EQ(evaluate(CellDesign{}, k, op).current_efficiency, dewing_low);
  k.current_efficiency_model = CurrentEfficiencyModel::kMassTransfer;
  const double high = evaluate(CellDesign{}, k, op).current_efficiency;
  op.acd_m = 0.03;
  EXPECT_LT(evaluate(CellDesign{}, k, op).current_efficiency, high - 0.005);
}

io::ValueSet parse(const std::string& text, core::Diagnostics& d) {
  io::ValueSet values;
  io::read_case_text(text, "ce.toml", cell_schema(), values, d);
  return values;
}

TEST(CurrentEfficiencyModel, SelectedThroughTheCellSchema) {
  core::Diagnostics d;
  const io::ValueSet values = parse(
      "[model]\ncurrent_efficiency_model = \"mass_transfer\"\nmass_transfer_coefficient = 5e-5\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  CellCase c;
  cell_table().bind(values, c);  // binds what is given (the design keys are not needed here)
  EXPECT_EQ(c.constants.current_efficiency_model, CurrentEfficiencyModel::kMassTransfer);
  EXPECT_DOUBLE_EQ(c.constants.mass_transfer.coefficient_m_per_s, 5e-5);
}

TEST(CurrentEfficiencyModel, UnknownModelNameIsAnInputErrorNamingTheChoices) {
  core::Diagnostics d;
  parse("[model]\ncurrent_efficiency_model = \"lillebuen\"\n", d);
  ASSERT_TRUE(d.has_errors());
  const std::string message = d.to_string();
  EXPECT_NE(message.find("model.current_efficiency_model"), std::string::npos) << message;
  EXPECT_NE(message.find("lillebuen"), std::string::npos) << message;
  EXPECT_NE(message.find("dewing"), std::string::npos) << message;
  EXPECT_NE(message.find("mass_transfer"), std::string::npos) << message;
}

TEST(CurrentEfficiencyModel, NegativeCoefficientIsAnInputErrorWithItsRange) {
  core::Diagnostics d;
  parse("[model]\nmass_transfer_coefficient = -1e-5\n", d);
  ASSERT_TRUE(d.has_errors());
  const std::string message = d.to_string();
  EXPECT_NE(message.find("model.mass_transfer_coefficient"), std::string::npos) << message;
  EXPECT_NE(message.find("m/s"), std::string::npos) << message;
}

}  // namespace
}  // namespace test_current_efficiency
}  // namespace potline::cell
