// The fine demand blocks around the equilibrium (market/demand_curve.hpp; T9-11): their
// construction, and the LP's price against the continuous curve's, which they must meet to the
// resolution where the coarse blocks alone meet it to one block (1.85 % at ε = 0.3).
// Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "potline/market/demand_curve.hpp"
#include "potline/market/trade.hpp"

namespace test_market_demand_window {

using namespace potline::market;

namespace {

DemandCurve curve(DemandShape shape, double resolution) {
  DemandCurve c;
  c.elasticity = 0.3;
  c.reference_price_usd_per_kg = 2.0;
  c.shape = shape;
  c.resolution = resolution;
  return c;
}

// One region, one supplier of capacity `q` far below the curve's prices: the quantity is fixed at
// q and the price is the demand curve's at Q = q.
TradeProblem vertical_supply(double q0, double q, const DemandCurve& c) {
  TradeProblem p;
  p.region_names = {"r0"};
  p.demand_kg_per_s = {q0};
  p.suppliers = {{"A", 0, q, 0.001}};
  p.delivery_usd_per_kg = {{0.0}};
  p.demand_curve = {c};
  return p;
}

double exact_price(const DemandCurve& c, double q0, double q) {
  const double u = q / q0;
  return c.shape == DemandShape::kLinear ? 2.0 * (1.0 + (1.0 - u) / c.elasticity)
                                         : 2.0 * std::pow(u, -1.0 / c.elasticity);
}

}  // namespace

// Construction (bookkeeping, not the method): every window gives the same number of blocks; the
// coarse blocks keep their places and values (the window's with width 0); the fine blocks after
// them fill the window's width, their values fall and each spans at most the resolution.
TEST(market_demand_window, EveryWindowHasTheSameBlockCountAndTheCoarseBlocksInTheirPlaces) {
  for (const DemandShape shape : {DemandShape::kConstantElasticity, DemandShape::kLinear}) {
    const DemandCurve c = curve(shape, 0.001);
    ASSERT_TRUE(demand_refined(c));
    const DemandSteps coarse = demand_steps(10.0, c);
    ASSERT_EQ(coarse.blocks.size(), 200u);
    std::set<std::size_t> counts;
    for (const int w : {0, 1, 57, 100, 196, 197}) {
      const DemandSteps fine = demand_steps_refined(10.0, c, w);
      counts.insert(fine.blocks.size());
      EXPECT_DOUBLE_EQ(fine.minimum_kg_per_s, coarse.minimum_kg_per_s);
      double coarse_width = 0;
      for (int b = 0; b < 200; ++b) {
        EXPECT_NEAR(fine.blocks[b].value_usd_per_kg, coarse.blocks[b].value_usd_per_kg, 1e-12);
        const bool inside = b >= w && b < w + kDemandWindowBlocks;
        EXPECT_DOUBLE_EQ(fine.blocks[b].width_kg_per_s,
                         inside ? 0.0 : coarse.blocks[b].width_kg_per_s);
        if (inside) coarse_width += coarse.blocks[b].width_kg_per_s;
      }
      double width = 0;
      for (std::size_t b = 200; b < fine.blocks.size(); ++b) {
        width += fine.blocks[b].width_kg_per_s;
        if (b > 200) {
          EXPECT_LT(fine.blocks[b].value_usd_per_kg, fine.blocks[b - 1].value_usd_per_kg);
        }
      }
      EXPECT_NEAR(width, coarse_width, 1e-9);
      EXPECT_LT(fine.blocks[200].value_usd_per_kg,
                coarse.blocks[w > 0 ? w - 1 : 0].value_usd_per_kg + (w == 0 ? 1e9 : 0));
      const PriceSpan span = demand_window_prices(c, w);
      EXPECT_NEAR(std::log(span.high_usd_per_kg / span.low_usd_per_kg),
                  kDemandWindowBlocks * std::log1p(coarse.price_step), 1e-9);
    }
    EXPECT_EQ(counts.size(), 1u);
    EXPECT_LE(equilibrium_price_step(10.0, c), 0.001);
    if (shape != DemandShape::kConstantElasticity) continue;
    EXPECT_EQ(*counts.begin(),
              257u);  // 200 coarse + 3 x 19 fine blocks (1.85 % at 0.1 %)
    EXPECT_NEAR(equilibrium_price_step(10.0, c), std::pow(1 + coarse.price_step, 1.0 / 19) - 1,
                1e-12);
  }
}

// The window holding a price: its middle block holds it, at the curve's ends it stops there.
TEST(market_demand_window, WindowHoldsThePrice) {
  const DemandCurve c = curve(DemandShape::kConstantElasticity, 0.001);
  for (const double price : {1.0, 1.7, 2.0, 2.9, 4.0, 9.0}) {
    const PriceSpan span = demand_window_prices(c, demand_window(c, price));
    EXPECT_LE(span.low_usd_per_kg, price);
    EXPECT_GE(span.high_usd_per_kg, price);
  }
  EXPECT_EQ(demand_window(c, 1e6), 0);
  EXPECT_EQ(demand_window(c, 1e-6), 200 - kDemandWindowBlocks);
  EXPECT_FALSE(demand_refined(curve(DemandShape::kConstantElasticity, 0.0)));
  DemandCurve q = c;
  q.spacing = DemandSpacing::kEqualQuantity;
  EXPECT_FALSE(demand_refined(q));
}

// Validation against the continuous curve: quantities from 0.75 to 1.25 Q0 (prices 0.47–2.6 P0, so
// the window moves from the reference price to them) give the exact price to 0.1 %, where the
// coarse blocks alone miss it by up to one block (1.85 %), and every quantity gives its own price.
TEST(market_demand_window, PriceWithinTheResolutionOfTheContinuousCurve) {
  for (const DemandShape shape : {DemandShape::kConstantElasticity, DemandShape::kLinear}) {
    const DemandCurve fine = curve(shape, 0.001), coarse = curve(shape, 0.0);
    double worst_fine = 0, worst_coarse = 0;
    std::set<long long> distinct;
    std::size_t points = 0;
    for (int k = 0; k <= 40; ++k) {
      const double q = 10.0 * (0.75 + 0.0125 * k);
      if (shape == DemandShape::kLinear && q > 11.0)
        break;  // a linear curve's window stops at P0/100
      const TradeSolution f = solve(vertical_supply(10.0, q, fine));
      const TradeSolution g = solve(vertical_supply(10.0, q, coarse));
      ASSERT_TRUE(f.feasible && g.feasible) << f.explanation << g.explanation;
      const double exact = exact_price(fine, 10.0, q);
      worst_fine = std::max(worst_fine, std::abs(std::log(f.price_usd_per_kg[0] / exact)));
      worst_coarse = std::max(worst_coarse, std::abs(std::log(g.price_usd_per_kg[0] / exact)));
      distinct.insert(std::llround(f.price_usd_per_kg[0] * 1e6));
      ++points;
      EXPECT_TRUE(f.warnings.empty());
    }
    EXPECT_LE(worst_fine, std::log1p(0.001) + 1e-9);
    EXPECT_GT(worst_coarse, 0.004);  // the coarse blocks' error, up to one block
    EXPECT_EQ(distinct.size(), points);
  }
}

// A solve started from another solve's basis puts its windows where that basis had them (the basis
// carries them) and reaches the same prices as a cold solve.
TEST(market_demand_window, WarmStartCarriesTheWindows) {
  const DemandCurve c = curve(DemandShape::kConstantElasticity, 0.001);
  const TradeSolution base = solve(vertical_supply(10.0, 8.0, c));
  ASSERT_TRUE(base.feasible);
  TradeProblem p = vertical_supply(10.0, 8.1, c);
  const TradeSolution cold = solve(p);
  p.start_basis = &base.basis;
  const TradeSolution warm = solve(p);
  ASSERT_TRUE(cold.feasible && warm.feasible);
  EXPECT_NEAR(warm.price_usd_per_kg[0], cold.price_usd_per_kg[0], 1e-12);
  EXPECT_NEAR(cold.price_usd_per_kg[0], exact_price(c, 10.0, 8.1),
              0.001 * exact_price(c, 10.0, 8.1));
}

}  // namespace test_market_demand_window
