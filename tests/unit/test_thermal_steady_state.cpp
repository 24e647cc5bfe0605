// Thermal steady state (docs/model/cell.md, "Thermal steady state"): the heat-loss network of the
// dynamics, calibrated at the design point, solved for the bath temperature and ledge elsewhere.
#include <gtest/gtest.h>

#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/potline/simulate_case.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_thermal_steady_state {

using namespace potline;

namespace {
struct Design {
  line::SimulationCase c;
  dynamics::CellModel m;
};
Design design() {
  Design d{potline::testing_dyn::make_case("[case]\ntechnology = \"AP40\"\n"), {}};
  std::vector<double> y(dynamics::kStateCount);
  d.m = dynamics::build_cell_model(d.c.design, d.c.constants, d.c.op, line::default_dynamics_parameters(), y.data());
  return d;
}
}  // namespace

// At the design point the solution is the calibration point itself (checks the closed-form node,
// wall and ledge balances against the dynamics' calibration, not an independent number).
TEST(ThermalSteadyState, DesignPointReproducesTheCalibration) {
  const Design d = design();
  const auto s = dynamics::solve_thermal_steady_state(d.m, d.c.op, 0.0);
  EXPECT_EQ(s.status, "steady");
  EXPECT_NEAR(s.bath_temperature_K, d.c.op.bath_temperature_K, 1e-3);
  EXPECT_NEAR(s.ledge_m, d.m.parameters.initial_ledge_m, 1e-4);
  const auto r = cell::evaluate(d.c.design, d.c.constants, d.c.op);
  EXPECT_NEAR(s.heat_loss_W, r.energy.heat_loss_W, 1e-3 * r.energy.heat_loss_W);
}

// More current or a longer ACD: warmer bath, thinner ledge, lower CE (Dewing falls with
// temperature); less current: cooler, thicker ledge; −25 % at the same ACD: no liquid steady state.
TEST(ThermalSteadyState, AmperageAndAcdChangesShowTheirThermalConsequence) {
  const Design d = design();
  const auto base = dynamics::solve_thermal_steady_state(d.m, d.c.op, 0.0);
  cell::OperatingPoint more = d.c.op, less = d.c.op, longer = d.c.op, cut = d.c.op;
  more.line_current_A *= 1.05;
  less.line_current_A *= 0.95;
  longer.acd_m += 0.002;
  cut.line_current_A *= 0.75;
  const auto hot = dynamics::solve_thermal_steady_state(d.m, more, 0.0);
  const auto cold = dynamics::solve_thermal_steady_state(d.m, less, 0.0);
  const auto acd = dynamics::solve_thermal_steady_state(d.m, longer, 0.0);
  EXPECT_GT(hot.bath_temperature_K, base.bath_temperature_K + 1.0);
  EXPECT_LT(hot.ledge_m, base.ledge_m);
  EXPECT_LT(hot.result.current_efficiency, base.result.current_efficiency);
  EXPECT_LT(cold.bath_temperature_K, base.bath_temperature_K - 1.0);
  EXPECT_GT(cold.ledge_m, base.ledge_m);
  EXPECT_GT(acd.superheat_K, base.superheat_K);
  EXPECT_LT(acd.ledge_m, base.ledge_m);
  EXPECT_EQ(dynamics::solve_thermal_steady_state(d.m, cut, 0.0).status, "freezes");
  // The energy balance closes at every solution: generation minus chemistry = loss to the ambient.
  for (const auto* s : {&hot, &cold, &acd}) {
    EXPECT_NEAR(s->heat_loss_W, s->result.energy.heat_loss_W, 1e-3 * s->heat_loss_W);
  }
}

// The per-cell design ledge of the safe window (window.ledge_reference = cell): at the design bath
// temperature an undisturbed model has the calibrated ledge; a better insulated side (every side
// resistance × 1.05, as the seeded heat-loss spread does) passes the same ledge-face flux only
// through a thinner ledge.
TEST(ThermalSteadyState, DesignLedgeAtTheDesignTemperature) {
  const Design d = design();
  const auto s = dynamics::thermal_state_at_temperature(d.m, d.c.op, 0.0);
  EXPECT_NEAR(s.ledge_m, d.m.parameters.initial_ledge_m, 1e-4);
  dynamics::CellModel insulated = d.m;
  insulated.wall_resistance_K_per_W *= 1.05;
  insulated.wall_outer_resistance_K_per_W *= 1.05;
  insulated.side_bypass_W_per_K /= 1.05;
  insulated.side_bypass_fixed_K_per_W *= 1.05;
  dynamics::prepare_rhs(insulated);
  const auto thin = dynamics::thermal_state_at_temperature(insulated, d.c.op, 0.0);
  EXPECT_LT(thin.ledge_m, s.ledge_m - 2e-3);
  EXPECT_NEAR(thin.superheat_K, s.superheat_K, 1e-9);
}
}  // namespace test_thermal_steady_state
