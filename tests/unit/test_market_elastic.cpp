// Price-responsive demand and ad valorem tariffs in the trade LP (market/trade.hpp), on small
// problems solved by hand. Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include <cmath>

#include "market_fixtures.hpp"
#include "potline/market/trade.hpp"

namespace test_market_elastic {

using namespace potline::market;
using potline::market::fixtures::two_region;  // the two-region problem, market_fixtures.hpp

namespace {

// Linear demand through (Q0, P0) = (10, 2) with elasticity 0.5: Q = 10 (1 + 0.5 (1 − P/2)), i.e.
// P = 6 − 0.4 Q (choke at Q = 15). Range 0.5 and 20 blocks: blocks of width 0.5 from Q = 5 to 15;
// block k spans [5 + 0.5k, 5.5 + 0.5k] and is worth P at its midpoint = 3.9 − 0.2 k.
DemandCurve linear_curve() {
  DemandCurve c;
  c.elasticity = 0.5;
  c.reference_price_usd_per_kg = 2.0;
  c.shape = DemandShape::kLinear;
  c.range = 0.5;
  c.blocks = 20;
  c.spacing = DemandSpacing::kEqualQuantity;  // the hand-solved widths (test_market_demand_blocks.cpp: equal price)
  return c;
}

TradeProblem one_region(double cost, double capacity) {
  TradeProblem p;
  p.region_names = {"r0"};
  p.demand_kg_per_s = {10};
  p.suppliers = {{"A", 0, capacity, cost}};
  p.delivery_usd_per_kg = {{0.0}};
  p.demand_curve = {linear_curve()};
  return p;
}

}  // namespace

TEST(market_elastic, LinearDemandBlocksAreMidpointValues) {
  const DemandSteps s = demand_steps(10, linear_curve());
  EXPECT_DOUBLE_EQ(s.minimum_kg_per_s, 5.0);
  ASSERT_EQ(s.blocks.size(), 20u);
  for (std::size_t k = 0; k < s.blocks.size(); ++k) {
    EXPECT_NEAR(s.blocks[k].width_kg_per_s, 0.5, 1e-12);
    EXPECT_NEAR(s.blocks[k].value_usd_per_kg, 3.9 - 0.2 * static_cast<double>(k), 1e-12) << k;
  }
}

TEST(market_elastic, ConstantElasticityBlocksIntegrateTheCurve) {
  // ε = 1: P = P0 Q0 / Q; the mean over [a, b] is P0 Q0 ln(b/a) / (b − a). With Q0 = 1, P0 = 2,
  // range 0.5, 2 blocks: [0.5, 1] → 2 ln 2 / 0.5 = 2.7726; [1, 1.5] → 2 ln 1.5 / 0.5 = 1.6219.
  DemandCurve c;
  c.elasticity = 1.0;
  c.reference_price_usd_per_kg = 2.0;
  c.blocks = 2;
  c.spacing = DemandSpacing::kEqualQuantity;
  const DemandSteps s = demand_steps(1.0, c);
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_NEAR(s.blocks[0].value_usd_per_kg, 4 * std::log(2.0), 1e-12);
  EXPECT_NEAR(s.blocks[1].value_usd_per_kg, 4 * std::log(1.5), 1e-12);
  // ε = 0.5: P = P0 (Q/Q0)^−2; mean over [1, 1.5] = P0 (1 − 1/1.5) / 0.5 = 2 × 0.6667 = 1.3333.
  c.elasticity = 0.5;
  EXPECT_NEAR(demand_steps(1.0, c).blocks[1].value_usd_per_kg, 4.0 / 3.0, 1e-12);
}

TEST(market_elastic, OneRegionPriceEqualsCostQuantityOnTheCurve) {
  // A smelter at 1.2 USD/kg with room to spare: P = 1.2 and Q = (6 − 1.2)/0.4 = 12 (a block edge:
  // blocks worth 1.3 and more are served, the one worth 1.1 is not).
  const TradeSolution s = solve(one_region(1.2, 100));
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.2, 1e-9);
  EXPECT_NEAR(s.consumption_kg_per_s[0], 12.0, 1e-9);
  EXPECT_NEAR(s.production_kg_per_s[0], 12.0, 1e-9);
  // Welfare = ∫_0^12 (6 − 0.4 Q) dQ − 1.2 × 12 over the blocks: the vertical part below 5 is
  // worth nothing in the LP, so welfare = Σ_{k<14} 0.5 (3.9 − 0.2k) − 14.4 = 0.5 × 36.4 − 14.4 = 3.8.
  EXPECT_NEAR(s.welfare_usd_per_s, 3.8, 1e-9);
  EXPECT_NEAR(s.total_cost_usd_per_s, 14.4, 1e-9);
}

TEST(market_elastic, OneRegionCapacityBindsPriceOnTheCurve) {
  // Capacity 8.75 inside the block [8.5, 9] worth 2.5: P = 6 − 0.4 × 8.75 = 2.5 exactly.
  const TradeSolution s = solve(one_region(1.2, 8.75));
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 2.5, 1e-9);
  EXPECT_NEAR(s.consumption_kg_per_s[0], 8.75, 1e-9);
}

TEST(market_elastic, TwoRegionsWithTransportCost) {
  // r0: smelter A at 1.0 USD/kg, capacity 20; r1: smelter B at 2.0, capacity 100; freight 0.4 each
  // way; both regions have the linear demand above. By hand: without a limit A would serve
  // Q0(1.0) = 12.5 and Q1(1.4) = 11.5 > 20, so A is full. If r1 bought only from A, P1 = P0 + 0.4
  // and 29 − 5 P0 = 20 → P0 = 1.8, P1 = 2.2 > 2.0: B enters and sets P1 = 2.0, so P0 = 1.6.
  // Q0 = 15 − 2.5 × 1.6 = 11, Q1 = 15 − 2.5 × 2.0 = 10; A sends 9 to r1, B makes 1.
  TradeProblem p;
  p.region_names = {"r0", "r1"};
  p.demand_kg_per_s = {10, 10};
  p.suppliers = {{"A", 0, 20, 1.0}, {"B", 1, 100, 2.0}};
  p.delivery_usd_per_kg = {{0.0, 0.4}, {0.4, 0.0}};
  p.demand_curve = {linear_curve(), linear_curve()};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.6, 1e-9);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-9);
  EXPECT_NEAR(s.consumption_kg_per_s[0], 11.0, 1e-9);
  EXPECT_NEAR(s.consumption_kg_per_s[1], 10.0, 1e-9);
  EXPECT_NEAR(s.production_kg_per_s[0], 20.0, 1e-9);
  EXPECT_NEAR(s.production_kg_per_s[1], 1.0, 1e-9);
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 9.0, 1e-9);
}

TEST(market_elastic, ConstantElasticityWithinOneBlockOfTheCurve) {
  // ε = 0.5 around (Q0, P0) = (10, 2); a smelter at 1.6 with room: the exact demand is
  // 10 (1.6/2)^−0.5 = 11.180; the step curve serves whole blocks (width 0.5) down to the first one
  // worth less than 1.6, so consumption is within one block of it and the price is the cost.
  TradeProblem p = one_region(1.6, 100);
  p.demand_curve[0].shape = DemandShape::kConstantElasticity;
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.6, 1e-9);
  EXPECT_NEAR(s.consumption_kg_per_s[0], 10 * std::pow(0.8, -0.5), 0.5);
}

TEST(market_elastic, ElasticityZeroIsTheFixedDemandProblem) {
  TradeProblem p = two_region();
  const TradeSolution fixed = solve(p);
  DemandCurve zero;
  zero.reference_price_usd_per_kg = 2.0;
  p.demand_curve = {zero, zero};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible);
  for (std::size_t r = 0; r < 2; ++r) {
    EXPECT_EQ(s.price_usd_per_kg[r], fixed.price_usd_per_kg[r]);
    EXPECT_EQ(s.consumption_kg_per_s[r], p.demand_kg_per_s[r]);
  }
  EXPECT_EQ(s.production_kg_per_s, fixed.production_kg_per_s);
  EXPECT_NEAR(s.total_cost_usd_per_s, 16.5, 1e-9);
}

TEST(market_elastic, ElasticDemandBelowMinimumIsInfeasibleAndExplained) {
  // Capacity 4 below the vertical part Q0 (1 − range) = 5.
  const TradeSolution s = solve(one_region(1.0, 4));
  EXPECT_FALSE(s.feasible);
  // The minimum 5 kg/s = 0.158 Mt/yr (not the reference 10 kg/s = 0.32 Mt/yr) is what cannot be met.
  EXPECT_NE(s.explanation.find("world demand 0.16 Mt/yr"), std::string::npos) << s.explanation;
}

TEST(market_elastic, AdValoremTariffOnOriginPriceFixedPoint) {
  // The two-region case with a 50 % tariff on r0 → r1 charged on r0's price P0. By hand: B sets
  // P1 = 2.0; A (full) ships to r1, so P0 = P1 − freight − 0.5 P0 → P0 = 1.9 / 1.5 = 1.26667 and
  // the tariff is 0.63333 USD/kg (< 0.9 = the cost gap, so trade continues: 5 to r1).
  TradeProblem p = two_region();
  p.tariff_rate = {{0.0, 0.5}, {0.0, 0.0}};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_TRUE(s.tariff_converged);
  EXPECT_TRUE(s.warnings.empty());
  EXPECT_GE(s.tariff_iterations, 1);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.9 / 1.5, p.tariff_tolerance_usd_per_kg);
  EXPECT_NEAR(s.tariff_usd_per_kg[0][1], 0.5 * 1.9 / 1.5, p.tariff_tolerance_usd_per_kg);
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 5, 1e-6);
  // The LME stand-in would charge 0.5 × LME whatever P0 is: with an LME of 2.0 the tariff 1.0
  // exceeds the cost gap and stops trade (test_market_trade.cpp), the origin-price tariff does not.
}

TEST(market_elastic, AdValoremTariffNonConvergenceIsAWarning) {
  TradeProblem p = two_region();
  p.tariff_rate = {{0.0, 0.5}, {0.0, 0.0}};
  p.tariff_max_iterations = 1;
  p.tariff_tolerance_usd_per_kg = 1e-12;
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible);
  EXPECT_FALSE(s.tariff_converged);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("did not converge in 1 iterations"), std::string::npos) << s.warnings[0];
}

TEST(market_elastic, BadDemandCurveRejected) {
  TradeProblem p = one_region(1.0, 100);
  p.demand_curve[0].reference_price_usd_per_kg = 0;
  EXPECT_NE(solve(p).explanation.find("reference price of 'r0'"), std::string::npos);
  p = one_region(1.0, 100);
  p.demand_curve[0].range = 1.0;
  EXPECT_NE(solve(p).explanation.find("range"), std::string::npos);
}

TEST(market_elastic, SmallElasticityKeepsBlocksWithinAHundredfoldPrice) {
  // ε = 0.01: Q0 (1 ∓ 0.5) would mean prices of P0 2^±100; the blocks stay within Q0 100^∓0.01
  // (0.9550..1.0471 Q0), so every block is worth between P0/100 and 100 P0, and the LP solves.
  DemandCurve c;
  c.elasticity = 0.01;
  c.reference_price_usd_per_kg = 2.0;
  c.blocks = 20;  // equal price ratios (the default spacing): 100^(2/20) = 1.585 a block
  const DemandSteps steps = demand_steps(10, c);
  EXPECT_NEAR(steps.minimum_kg_per_s, 10 * std::pow(100.0, -0.01), 1e-12);
  ASSERT_EQ(steps.blocks.size(), 20u);
  for (const DemandBlock& b : steps.blocks) {
    EXPECT_LE(b.value_usd_per_kg, 200.0);
    EXPECT_GE(b.value_usd_per_kg, 0.02);
  }
  TradeProblem p = one_region(1.6, 100);
  p.demand_curve = {c};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.6, 1e-9);
  // Exact: 10 × 0.8^−0.01 = 10.022; the step curve is within one block (0.046) of it.
  EXPECT_NEAR(s.consumption_kg_per_s[0], 10 * std::pow(0.8, -0.01), 0.05);
}
}  // namespace test_market_elastic
