// Validation of the interruptible-load capacity in the dispatch (docs/validation.md, "Power
// flexibility"): on a case whose schedule cannot move (minimum = maximum power), the capacity the
// LP holds equals the hand-computed largest capacity whose worst call keeps the reduced model's
// heat state within bounds (independent arithmetic: geometric sums of the ledge recursion), and the
// margin grows by exactly the availability payment.
#include <gtest/gtest.h>

#include <cmath>

#include "flex_example_case.hpp"
#include "potline/flex/dispatch.hpp"

namespace test_flex_grid_validation {

using namespace potline;

namespace {

using Fixed = potline::testing::TwoPriceLevelCase;

// The two-price-level case's line (tests/common/flex_example_case.hpp: 100 cells of 1.6 MW, η
// 0.975, linear production e = 0.7) held at nominal power (no schedule freedom), 24 hourly steps at
// 50 EUR/MWh; heat state: ledge 6.5 cm with 2 mm headroom, a = 0.9 and 1 cm per hour at +100 %.
Fixed fixed_case() {
  Fixed f = potline::testing::two_price_level_case();
  f.c.dispatch.min_power = 1.0;
  f.c.dispatch.max_power = 1.0;
  f.c.dispatch.ledge_max_m = 0.067;
  f.c.grid.interruptible_power_W = 100e6;  // 61 % of the 164.1 MW (AC) line: never the binding limit here
  f.c.grid.call_duration_s = 2 * 3600;
  f.c.grid.call_period_s = 7 * 86400;
  f.c.grid.calls_per_period = 4;
  f.c.grid.reserve_price_eur_per_J = 3.0 / 3.6e9;  // 3 EUR/(MW h)
  f.c.grid.call_min_power = 0.5;
  f.m.a = 0.9;
  f.p.price_eur_per_J.assign(24, 50 / 3.6e9);
  return f;
}

// The capacity is paid per MW at the grid connection: share × 160 MW / 0.975 × 3 EUR/(MW h) × 24 h.
double reserve_payment(const Fixed&, double share) { return share * (160 / 0.975) * 3.0 * 24; }

// A 2-h call cutting R thickens the ledge by −b·R·(1 + a) = 0.019·R m by its end: the 2 mm
// headroom allows R = 0.002 / 0.019.
TEST(FlexGridValidation, LedgeHeadroomSetsTheCapacityAsByHand) {
  const Fixed f = fixed_case();
  const auto s = flex::optimise_schedule(f.c, f.m, f.p, flex::case_bounds(f.c));
  const double hand = 0.002 / (0.01 * (1 + 0.9));
  EXPECT_NEAR(s.reserve_share, hand, 1e-7);
  const auto flat = flex::flat_schedule(f.c, f.m, f.p);
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), reserve_payment(f, hand),
              1e-6 * reserve_payment(f, hand));
  ASSERT_TRUE(s.worst_call.any);
  EXPECT_NEAR(s.worst_call.slack_cm_or_K, 0.0, 1e-6);  // the worst call touches the ledge bound
}

// Superheat falls by c·R during the cut (d = 0): 5 K per unit share and 0.5 K of headroom allow
// R = 0.1, tighter than the ledge's 0.105.
TEST(FlexGridValidation, SuperheatHeadroomSetsTheCapacityAsByHand) {
  Fixed f = fixed_case();
  f.m.c = 5.0;
  f.c.dispatch.superheat_min_K = 6.5;
  const auto s = flex::optimise_schedule(f.c, f.m, f.p, flex::case_bounds(f.c));
  EXPECT_NEAR(s.reserve_share, 0.1, 1e-7);
}

// The call may take the line no lower than grid.call_min_power: 95 % allows R = 0.05.
TEST(FlexGridValidation, CallFloorSetsTheCapacity) {
  Fixed f = fixed_case();
  f.c.grid.call_min_power = 0.95;
  const auto s = flex::optimise_schedule(f.c, f.m, f.p, flex::case_bounds(f.c));
  EXPECT_NEAR(s.reserve_share, 0.05, 1e-7);
}

// The offer cap binds when it is the smallest: 8 MW (AC) of the 160 MW / 0.975 = 164.10 MW (AC)
// line, a share of 8 × 0.975 / 160 = 0.04875.
TEST(FlexGridValidation, OfferCapBinds) {
  Fixed f = fixed_case();
  f.c.grid.interruptible_power_W = 8e6;
  const auto s = flex::optimise_schedule(f.c, f.m, f.p, flex::case_bounds(f.c));
  EXPECT_NEAR(s.reserve_share, 0.04875, 1e-9);
}

// With set-point counts (the MILP, CBC) the same capacity as the LP is held.
TEST(FlexGridValidation, MilpHoldsTheSameCapacity) {
  Fixed f = fixed_case();
  f.c.dispatch.max_changes_per_day = 2;
  f.c.dispatch.mip_gap = 0;
  const auto s = flex::optimise_schedule(f.c, f.m, f.p, flex::case_bounds(f.c));
  EXPECT_TRUE(s.milp);
  EXPECT_NEAR(s.reserve_share, 0.002 / 0.019, 1e-7);
}

// One call's value by hand: 2 h × R × 160 MW / 0.975 (AC at the grid) cut; paid at the call price, the power not bought at
// the mean price, the metal lost at e_down and the net metal value.
TEST(FlexGridValidation, CallValueByHand) {
  Fixed f = fixed_case();
  f.c.grid.call_price_eur_per_J = 400 / 3.6e9;
  f.c.economics.metal_eur_per_kg = 2.2;
  f.c.economics.alumina_eur_per_kg = 0.45;
  f.c.economics.alumina_kg_per_kg = 1.92;
  f.c.economics.carbon_eur_per_kg = 0.55;
  f.c.sim.dynamics.carbon_kg_per_kg_al = 0.41;
  const double R = 0.1;
  const auto g = flex::grid_value(f.c, f.m, f.p, R);
  const double mwh = R * 160 / 0.975 * 2;  // 32.82 MWh AC (32 MWh of the cells' DC)
  EXPECT_NEAR(g.call_energy_J / 3.6e9, mwh, 1e-9);
  EXPECT_NEAR(g.call_payment_eur, 400 * mwh, 1e-6);
  EXPECT_NEAR(g.call_avoided_power_cost_eur, 50 * mwh, 1e-6);
  const double lost_kg = 0.7 * R * 0.035 * 100 * 7200;  // 1,764 kg
  EXPECT_NEAR(g.call_lost_metal_kg, lost_kg, 1e-6);
  const double net_value = 2.2 - 0.45 * 1.92 - 0.55 * 0.41;
  EXPECT_NEAR(g.call_net_value_eur, 400 * mwh + 50 * mwh - lost_kg * net_value, 1e-6);
  EXPECT_NEAR(g.max_calls_in_horizon, 4.0 / 7.0, 1e-12);
  EXPECT_NEAR(g.reserve_payment_eur, 3.0 * R * 160 / 0.975 * 24, 1e-6);
}

}  // namespace
}  // namespace test_flex_grid_validation
