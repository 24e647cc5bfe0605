// The reduced model's production profile and its metal and energy error against a dynamic-model
// trace (docs/model/flexibility.md §2; T7-7). Hand cases that recompute the code's own bookkeeping
// (step boundaries, the profile added to the production curve, the signs and shares of the error):
// they check the arithmetic, not the physics.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "potline/flex/reduced_model.hpp"

namespace test_flex_production_error {

using namespace potline;

namespace {

// One cell, 1-h steps: 100 kg and 1 GJ an hour at nominal; a = 1, b = c = d = 0 (no heat state);
// production linear, elasticity 1.2 up, 1.5 down; the undisturbed cell makes 2 % more in the
// second hour than the fit runs' mean.
flex::ReducedModel hand_model() {
  flex::ReducedModel m;
  m.step_s = 3600;
  m.nominal_production_kg_per_s = 100.0 / 3600;
  m.nominal_power_W = 1e9 / 3600;
  m.e_up = 1.2;
  m.e_down = 1.5;
  m.production_profile = {1.0, 1.02};
  return m;
}

// Rows every 30 min: metal 0, 55, 110, 160, 210 kg (110 then 100 kg an hour); energy 1.1 GJ, then
// 0.9 GJ.
flex::CellTrace hand_trace() {
  flex::CellTrace t;
  t.time_s = {0, 1800, 3600, 5400, 7200};
  t.production_cum_kg = {0, 55, 110, 160, 210};
  t.energy_cum_J = {0, 0.55e9, 1.1e9, 1.55e9, 2.0e9};
  t.ledge_m = std::vector<double>(5, 0.0);
  t.superheat_K = std::vector<double>(5, 0.0);
  t.production_kg = 210;
  t.energy_J = 2.0e9;
  return t;
}

}  // namespace

TEST(FlexProductionError, ProfileIsAddedToTheProductionCurveAndNotToAStoppedStep) {
  const flex::ReducedModel m = hand_model();
  const std::vector<double> shares = {1.1, 0.9};
  EXPECT_NEAR(m.step_production_share(shares, 0), 1.0 + 1.2 * 0.1, 1e-12);
  EXPECT_NEAR(m.step_production_share(shares, 1), 1.02 - 1.5 * 0.1, 1e-12);
  EXPECT_NEAR(m.base_production_share(5), 1.0, 0.0);  // beyond the profile: nominal
  flex::ReducedModel stop = m;
  stop.stop_metal_steps = 0.2;
  EXPECT_NEAR(stop.step_production_share({1.0, 0.0}, 1), -0.2,
              1e-12);  // stopped: no metal, less the restart's
}

TEST(FlexProductionError, MetalAndEnergyPerStepAndOverTheRunAsByHand) {
  const flex::ReducedModel m = hand_model();
  // Planned: 112 kg and 1.1 GJ, then 87 kg (100 × (1.02 − 0.15)) and 0.9 GJ.
  const flex::FitError e = flex::model_error(m, {1.1, 0.9}, hand_trace());
  // Metal, reduced − dynamic: +2 kg, −13 kg in steps of 100 kg.
  EXPECT_NEAR(e.production_max, 0.13, 1e-9);
  EXPECT_NEAR(e.production_rms, std::sqrt((0.02 * 0.02 + 0.13 * 0.13) / 2), 1e-9);
  EXPECT_NEAR(e.production_total_kg, -11.0, 1e-6);
  EXPECT_NEAR(e.production_total, -11.0 / 210, 1e-9);
  // Energy: as scheduled in both steps.
  EXPECT_NEAR(e.energy_max, 0.0, 1e-9);
  EXPECT_NEAR(e.energy_total_J, 0.0, 1e-3);
}

TEST(FlexProductionError, CumulativeColumnsStartAtZero) {
  const flex::CellTrace t = hand_trace();
  EXPECT_NEAR(flex::produced_kg_to(t, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(flex::produced_kg_to(t, 900.0), 27.5, 1e-9);
  EXPECT_NEAR(flex::energy_J_to(t, 7200.0), 2.0e9, 1e-3);
  EXPECT_NEAR(flex::produced_kg_to(t, 1e6), 210.0, 1e-9);  // clamped to the trace's end
}

}  // namespace test_flex_production_error
