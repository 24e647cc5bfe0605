// The mass-transfer current-efficiency model against published behaviour (docs/model/
// current-efficiency.md, docs/validation.md "Current efficiency"). Sources in docs/references.md.
#include <gtest/gtest.h>

#include <cmath>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/technology.hpp"
#include "shipped_data.hpp"

namespace potline::cell {
namespace test_current_efficiency_validation {
namespace {

const TechnologyCatalogue& catalogue() { return potline::testing::shipped_catalogue(); }

double ce_at_acd(const CellCase& c, double acd_m) {
  ModelConstants k = c.constants;
  k.current_efficiency_model = CurrentEfficiencyModel::kMassTransfer;
  OperatingPoint op = c.op;
  op.acd_m = acd_m;
  return evaluate(c.design, k, op).current_efficiency;
}

// CE falls as the ACD closes, and faster the closer it gets (the published direction: CE falls
// below about 4 cm, issue 11 part 6). AP40 calibrated to its published point (CE 95 % at 3.8 cm).
// The size of the fall follows the two estimated exponents; the test asserts the shape only.
TEST(CurrentEfficiencyValidation, CeFallsFasterAsTheAcdCloses) {
  core::Diagnostics d;
  const auto c = technology_case(*catalogue().find("AP40"), catalogue(), d);
  ASSERT_TRUE(c.has_value()) << d.to_string();
  EXPECT_NEAR(ce_at_acd(*c, c->op.acd_m), 0.95, 1e-9);  // calibrated, not a validation
  const double ce3 = ce_at_acd(*c, 0.03), ce4 = ce_at_acd(*c, 0.04), ce5 = ce_at_acd(*c, 0.05),
               ce6 = ce_at_acd(*c, 0.06);
  EXPECT_LT(ce3, ce4);
  EXPECT_LT(ce4, ce5);
  EXPECT_LT(ce5, ce6);
  EXPECT_GT(ce4 - ce3, 1.5 * (ce6 - ce5));
  EXPECT_GT(ce4 - ce3, 0.005);  // at least half a point per cm below 4 cm
}

// Calibrated to each technology's published CE, the one per-design constant must come out of the
// same order for every design (a mass-transfer coefficient is a property of the stirring, and the
// current-density and gap terms carry the design differences): within a factor of 3 of AP40's.
// Not fitted: the spread is whatever the catalogue's published CE, current density and ACD give.
TEST(CurrentEfficiencyValidation, CalibratedCoefficientsAreOfOneOrderAcrossTheCatalogue) {
  core::Diagnostics d0;
  const auto ap40 = technology_case(*catalogue().find("AP40"), catalogue(), d0);
  ASSERT_TRUE(ap40 && ap40->calibration && ap40->calibration->mass_transfer_coefficient);
  const double reference = *ap40->calibration->mass_transfer_coefficient;
  int checked = 0;
  for (const auto& t : catalogue().technologies()) {
    core::Diagnostics d;
    const auto c = technology_case(t, catalogue(), d);
    if (!c || !c->calibration || !c->calibration->mass_transfer_coefficient) continue;
    if (c->constants.anode_type != AnodeType::kCarbon) continue;
    const double k = *c->calibration->mass_transfer_coefficient;
    EXPECT_GT(k, reference / 3.0) << t.id;
    EXPECT_LT(k, reference * 3.0) << t.id;
    // The calibrated model reproduces the published (or estimated) CE at the design point.
    ModelConstants mt = c->constants;
    mt.current_efficiency_model = CurrentEfficiencyModel::kMassTransfer;
    EXPECT_NEAR(evaluate(c->design, mt, c->op).current_efficiency,
                evaluate(c->design, c->constants, c->op).current_efficiency, 1e-9)
        << t.id;
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

// Dewing's plant-fitted temperature coefficient against the mass-transfer model's, which comes
// only from the solubility's temperature dependence ([Arthur 1974]): both lose CE with
// temperature; the mass-transfer slope is about half of Dewing's (measured, docs/model/
// current-efficiency.md; known deviation), asserted only as the same sign and less than Dewing's.
TEST(CurrentEfficiencyValidation, CeFallsWithTemperatureLessThanDewingSays) {
  core::Diagnostics d;
  const auto c = technology_case(*catalogue().find("AP40"), catalogue(), d);
  ASSERT_TRUE(c.has_value());
  auto slope = [&](CurrentEfficiencyModel m) {
    ModelConstants k = c->constants;
    k.current_efficiency_model = m;
    OperatingPoint op = c->op;
    op.bath_temperature_K -= 5.0;
    const double low = evaluate(c->design, k, op).current_efficiency;
    op.bath_temperature_K += 10.0;
    return (evaluate(c->design, k, op).current_efficiency - low) / 10.0;
  };
  const double dewing = slope(CurrentEfficiencyModel::kDewing);
  const double mass_transfer = slope(CurrentEfficiencyModel::kMassTransfer);
  EXPECT_LT(dewing, 0.0);
  EXPECT_LT(mass_transfer, 0.0);
  EXPECT_GT(mass_transfer, dewing);
}

// The dynamics use the selected model: one day of the AP40 cell (closed loop) with the
// mass-transfer model keeps the CE of its design point (94–96 %, ladder row c).
TEST(CurrentEfficiencyValidation, DynamicsUseTheSelectedModel) {
  using potline::testing_dyn::make_case;
  using potline::testing_dyn::read_example;
  const auto dewing = line::run_simulation(make_case(read_example("cell-7d.toml"), {"run.duration=1d"}));
  const auto mt = line::run_simulation(make_case(
      read_example("cell-7d.toml"), {"run.duration=1d", "model.current_efficiency_model=mass_transfer"}));
  EXPECT_GE(mt.current_efficiency, 0.94);
  EXPECT_LE(mt.current_efficiency, 0.96);
  EXPECT_NE(mt.current_efficiency, dewing.current_efficiency);
}

}  // namespace
}  // namespace test_current_efficiency_validation
}  // namespace potline::cell
