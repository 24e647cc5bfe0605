// The "as delivered" value of a flex schedule (docs/model/flexibility.md §3, "As delivered"; T6-4):
// - delivered_economics on a hand case of two 1-h steps: the energy the cells drew in each step
//   (from the trace's cumulative DC energy, × cells / η) at that step's price, the re-simulation's
//   metal at the case's prices, penalties and the availability payment as planned. This recomputes
//   the code's own arithmetic by hand: it checks the bookkeeping (step boundaries, AC basis, which
//   terms are kept from the plan), not the economics;
// - flex_value puts the annual value on the delivered savings, and on the planned ones when a
//   dynamic run stopped.
#include <gtest/gtest.h>

#include "potline/flex/flex_run.hpp"
#include "potline/flex/resimulate.hpp"

namespace test_flex_delivered_value {

using namespace potline;

namespace {

constexpr double kJ_per_MWh = 3.6e9;

flex::FlexCase hand_case() {
  flex::FlexCase c;
  c.cells = 10;
  c.sim.design.rectifier_efficiency = 0.95;
  c.sim.dynamics.carbon_kg_per_kg_al = 0.4;
  c.economics.metal_eur_per_kg = 2.0;
  c.economics.alumina_eur_per_kg = 0.5;
  c.economics.alumina_kg_per_kg = 1.9;
  c.economics.carbon_eur_per_kg = 0.6;
  c.economics.flexible_days_per_year = 200;
  c.dispatch.horizon_s = 7200;
  return c;
}

flex::HorizonPrices two_prices() {
  flex::HorizonPrices p;
  p.step_s = 3600;
  p.price_eur_per_J = {20.0 / kJ_per_MWh, 120.0 / kJ_per_MWh};
  return p;
}

// One cell: 2 GJ DC in the first hour, 1 GJ in the second; the potline made 1,000 kg.
flex::Resimulation hand_check() {
  flex::Resimulation r;
  r.trace.time_s = {0, 1800, 3600, 5400, 7200};
  r.trace.energy_cum_J = {0, 1e9, 2e9, 2.5e9, 3e9};
  r.trace.energy_J = 3e9;
  r.production_kg = 1000;
  r.energy_J = 3e10;
  return r;
}

flex::ScheduleEconomics planned_economics() {
  flex::ScheduleEconomics e;
  e.energy_J = 9e99;  // replaced
  e.power_cost_eur = 7e7;
  e.production_kg = 5e5;
  e.revenue_eur = 1e6;
  e.penalty_eur = 50;  // kept
  e.reserve_revenue_eur = 30;
  e.changes = 2;
  return e;
}

}  // namespace

TEST(FlexDeliveredValue, HandCaseRecomputesTheDeliveredMarginArithmetic) {
  const flex::FlexCase c = hand_case();
  const flex::ScheduleEconomics e =
      flex::delivered_economics(c, two_prices(), planned_economics(), hand_check());
  const double step0_J = 2e9 * 10 / 0.95, step1_J = 1e9 * 10 / 0.95;  // AC at the grid
  EXPECT_NEAR(e.energy_J, step0_J + step1_J, 1e-3);
  EXPECT_NEAR(e.energy_J, hand_check().energy_J / 0.95, 1e-3);  // the whole run's energy, AC
  const double power = step0_J * 20 / kJ_per_MWh + step1_J * 120 / kJ_per_MWh;
  EXPECT_NEAR(e.power_cost_eur, power, 1e-9 * power);
  EXPECT_DOUBLE_EQ(e.production_kg, 1000);
  EXPECT_DOUBLE_EQ(e.revenue_eur, 2000);
  EXPECT_DOUBLE_EQ(e.alumina_cost_eur, 1000 * 1.9 * 0.5);
  EXPECT_DOUBLE_EQ(e.carbon_cost_eur, 1000 * 0.4 * 0.6);
  EXPECT_EQ(e.changes, 2);
  EXPECT_DOUBLE_EQ(e.penalty_eur, 50);
  EXPECT_DOUBLE_EQ(e.reserve_revenue_eur, 30);
  EXPECT_NEAR(e.margin_eur(), 2000 + 30 - power - 950 - 240 - 50, 1e-6);
}

TEST(FlexDeliveredValue, StoppedRunCountsUpToItsStop) {
  flex::Resimulation r = hand_check();
  r.trace.time_s.resize(4);  // stopped at 1.5 h
  r.trace.energy_cum_J.resize(4);
  const flex::ScheduleEconomics e =
      flex::delivered_economics(hand_case(), two_prices(), planned_economics(), r);
  EXPECT_NEAR(e.energy_J, 2.5e9 * 10 / 0.95, 1e-3);
  EXPECT_NEAR(e.power_cost_eur, (2e9 * 20 + 0.5e9 * 120) * 10 / 0.95 / kJ_per_MWh, 1e-6);
}

TEST(FlexDeliveredValue, AnnualValueIsOnTheDeliveredSavingsUnlessARunStopped) {
  const flex::FlexCase c = hand_case();
  flex::FlexResult r;
  r.rounds.resize(1);
  r.flat.economics.revenue_eur = 1000;
  r.rounds[0].schedule.economics.revenue_eur = 1300;  // planned +300 EUR
  r.flat_delivered.revenue_eur = 1000;
  r.delivered.revenue_eur = 1100;  // delivered +100 EUR
  flex::FlexValue v = flex::flex_value(c, r);
  EXPECT_DOUBLE_EQ(v.planned_savings_eur, 300);
  EXPECT_DOUBLE_EQ(v.delivered_savings_eur, 100);
  EXPECT_TRUE(v.on_delivered);
  EXPECT_DOUBLE_EQ(v.annual_eur, 100 / (7200.0 / 86400) * 200);
  EXPECT_DOUBLE_EQ(v.planned_annual_eur, 300 / (7200.0 / 86400) * 200);
  r.rounds[0].check.trace.stopped = true;
  v = flex::flex_value(c, r);
  EXPECT_FALSE(v.on_delivered);
  EXPECT_DOUBLE_EQ(v.annual_eur, v.planned_annual_eur);
}

}  // namespace test_flex_delivered_value
