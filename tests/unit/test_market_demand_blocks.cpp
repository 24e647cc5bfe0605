// The demand blocks of equal price ratio (market::demand_steps, DemandSpacing::kEqualPrice): their
// arithmetic, and the price resolution they guarantee when the reference demand shifts smoothly
// (T6-3: with blocks of equal width a 0.3-elastic curve moved the price in steps of about 17 %).
// Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "potline/market/trade.hpp"

namespace test_market_demand_blocks {

using namespace potline::market;

namespace {

DemandCurve curve(DemandShape shape, double elasticity, int blocks) {
  DemandCurve c;
  c.elasticity = elasticity;
  c.reference_price_usd_per_kg = 2.0;
  c.shape = shape;
  c.range = 0.5;
  c.blocks = blocks;
  c.spacing = DemandSpacing::kEqualPrice;
  return c;
}

// One region, one supplier of capacity 10 far below the curve's prices: the quantity is fixed at
// 10 and the price is the demand curve's at Q = 10 for reference demand q0.
TradeSolution vertical_supply(double q0, const DemandCurve& c) {
  TradeProblem p;
  p.region_names = {"r0"};
  p.demand_kg_per_s = {q0};
  p.suppliers = {{"A", 0, 10.0, 0.001}};
  p.delivery_usd_per_kg = {{0.0}};
  p.demand_curve = {c};
  return solve(p);
}

double exact_price(const DemandCurve& c, double q0, double q) {
  const double u = q / q0;
  return c.shape == DemandShape::kLinear ? 2.0 * (1.0 + (1.0 - u) / c.elasticity)
                                         : 2.0 * std::pow(u, -1.0 / c.elasticity);
}

}  // namespace

// Arithmetic of the construction (recomputes the formulas by hand, so it checks the bookkeeping —
// edges, widths, closed-form means, the price step — not the choice of method).
TEST(market_demand_blocks, ArithmeticOfEqualPriceRatioBlocks) {
  // ε = 1, P = P0 Q0/Q with Q0 = 1, P0 = 2; range 0.5: prices 4 at Q = 0.5 and 4/3 at Q = 1.5, a
  // ratio of 3; two blocks: the middle edge at the price 4/√3, i.e. Q = √3/2, each block a ratio
  // √3.
  const DemandSteps s = demand_steps(1.0, curve(DemandShape::kConstantElasticity, 1.0, 2));
  const double r3 = std::sqrt(3.0), mid = r3 / 2;
  EXPECT_DOUBLE_EQ(s.minimum_kg_per_s, 0.5);
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_NEAR(s.blocks[0].width_kg_per_s, mid - 0.5, 1e-12);
  EXPECT_NEAR(s.blocks[1].width_kg_per_s, 1.5 - mid, 1e-12);
  // Mean of 2/Q over [a, b] = 2 ln(b/a)/(b − a); both ln ratios are ln √3.
  EXPECT_NEAR(s.blocks[0].value_usd_per_kg, 2 * std::log(r3) / (mid - 0.5), 1e-12);
  EXPECT_NEAR(s.blocks[1].value_usd_per_kg, 2 * std::log(r3) / (1.5 - mid), 1e-12);
  EXPECT_NEAR(s.price_step, r3 - 1, 1e-12);

  // Linear, P = 6 − 0.4 Q (Q0 = 10, P0 = 2, ε = 0.5): from Q = 5 (P = 4) to Q = 14.95 (P = 0.02,
  // P0/100: a ratio to the choke price 0 would be infinite); two blocks: the edge at P = √(4 ×
  // 0.02) = 0.2828, Q = (6 − 0.2828)/0.4 = 14.293; each block worth P at its midpoint.
  const DemandSteps l = demand_steps(10.0, curve(DemandShape::kLinear, 0.5, 2));
  const double edge = (6 - std::sqrt(0.08)) / 0.4;
  EXPECT_DOUBLE_EQ(l.minimum_kg_per_s, 5.0);
  ASSERT_EQ(l.blocks.size(), 2u);
  EXPECT_NEAR(l.blocks[0].width_kg_per_s, edge - 5, 1e-9);
  EXPECT_NEAR(l.blocks[1].width_kg_per_s, 14.95 - edge, 1e-9);
  EXPECT_NEAR(l.blocks[0].value_usd_per_kg, 6 - 0.4 * (5 + edge) / 2, 1e-9);
  EXPECT_NEAR(l.blocks[1].value_usd_per_kg, 6 - 0.4 * (edge + 14.95) / 2, 1e-9);
  EXPECT_NEAR(l.price_step, std::sqrt(4 / 0.02) - 1, 1e-9);
}

TEST(market_demand_blocks, DefaultResolutionAtElasticityPointThree) {
  // 200 blocks over Q0 (1 ± 0.5) at ε = 0.3: a price ratio of 3^(1/0.3) = 38.9 in all, 1.85 % a
  // block.
  const DemandSteps s =
      demand_steps(10.0, curve(DemandShape::kConstantElasticity, 0.3, DemandCurve{}.blocks));
  EXPECT_EQ(DemandCurve{}.spacing, DemandSpacing::kEqualPrice);
  EXPECT_NEAR(s.price_step, std::pow(3.0, 1 / 0.3 / DemandCurve{}.blocks) - 1, 1e-12);
  for (std::size_t b = 1; b < s.blocks.size(); ++b)
    EXPECT_LT(s.blocks[b].value_usd_per_kg, s.blocks[b - 1].value_usd_per_kg);
}

// Validation against the continuous curve: with the quantity fixed by capacity, a shift of the
// reference demand by x moves the price by Δ ln P = ln(1 + x)/ε (constant elasticity), and the LP's
// price stays within one price step (DemandSteps::price_step) of the exact one at every shift: the
// step curve lies between P e^(−δ) and P e^(δ). No stairs wider than one step: the price never
// falls as Q0 grows, and for constant elasticity every 1 % shift (+3.4 % in price, more than
// the 1.85 % step) reaches a new block.
TEST(market_demand_blocks, SmoothShiftOfReferenceDemandMovesThePriceSmoothly) {
  for (const DemandShape shape : {DemandShape::kConstantElasticity, DemandShape::kLinear}) {
    const DemandCurve c = curve(shape, 0.3, DemandCurve{}.blocks);
    std::vector<double> price;
    for (int k = 0; k <= 20; ++k) {
      const double q0 = 10.0 * (1 + 0.005 * k);
      const TradeSolution s = vertical_supply(q0, c);
      ASSERT_TRUE(s.feasible) << s.explanation;
      EXPECT_NEAR(s.consumption_kg_per_s[0], 10.0, 1e-9);
      const double step = demand_steps(q0, c).price_step;
      EXPECT_LT(step, 0.03);
      EXPECT_LE(std::abs(std::log(s.price_usd_per_kg[0] / exact_price(c, q0, 10.0))),
                std::log1p(step) + 1e-9)
          << "shift " << 0.5 * k << " %";
      if (k > 0) {
        EXPECT_GE(s.price_usd_per_kg[0], price.back()) << "shift " << 0.5 * k << " %";
      }
      if (k > 1 && shape == DemandShape::kConstantElasticity) {
        EXPECT_GT(s.price_usd_per_kg[0], price[price.size() - 2]);
      }
      price.push_back(s.price_usd_per_kg[0]);
    }
  }
  // +5 % of Q0 at ε = 0.3, constant elasticity: +17.6 % (1.05^(1/0.3)), to the resolution.
  const DemandCurve c = curve(DemandShape::kConstantElasticity, 0.3, DemandCurve{}.blocks);
  const double rise =
      vertical_supply(10.5, c).price_usd_per_kg[0] / vertical_supply(10.0, c).price_usd_per_kg[0];
  EXPECT_NEAR(std::log(rise), std::log(1.05) / 0.3,
              2 * std::log1p(demand_steps(10.0, c).price_step));
}

// The artefact the equal-price blocks remove: 20 blocks of equal width (5 % of Q0) at ε = 0.3 give
// the same price for reference demands 1 % and 2 % apart (a staircase).
TEST(market_demand_blocks, EqualWidthBlocksMoveThePriceInStairs) {
  DemandCurve c = curve(DemandShape::kConstantElasticity, 0.3, 20);
  c.spacing = DemandSpacing::kEqualQuantity;
  const double p0 = vertical_supply(10.1, c).price_usd_per_kg[0];
  EXPECT_NEAR(vertical_supply(10.2, c).price_usd_per_kg[0], p0, 1e-9);
  EXPECT_GT(demand_steps(10.0, c).price_step, 0.15);
}

}  // namespace test_market_demand_blocks
