// The trade LP on small problems solved by hand (market/trade.hpp). Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include "market_fixtures.hpp"
#include "potline/market/trade.hpp"

namespace test_market_trade {

using namespace potline::market;
using potline::market::fixtures::two_region;  // the two-region problem, market_fixtures.hpp

TEST(market_trade, CheapSupplierFillsThenExpensiveSetsPrice) {
  // By hand: A (1.0, delivered 1.1 to r1) is cheaper than B (2.0) everywhere, so A runs at its
  // capacity 10: 5 to r0 and 5 to r1; B supplies the other 3 in r1 and sets r1's price at 2.0.
  // One more unit in r0 diverts a unit of A from r1 (saving its 0.1 freight) that B replaces:
  // price r0 = 2.0 - 0.1 = 1.9.
  const TradeSolution s = solve(two_region());
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.production_kg_per_s[0], 10, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[1], 3, 1e-6);
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 5, 1e-6);
  EXPECT_NEAR(s.flow_kg_per_s[1][1], 3, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.9, 1e-6);
  // Cost: A 10 × 1.0 + 0.1 × 5 freight + B 3 × 2.0 = 16.5 USD/s.
  EXPECT_NEAR(s.total_cost_usd_per_s, 16.5, 1e-6);
}

TEST(market_trade, TariffAboveCostGapStopsTrade) {
  // A tariff of 1.0 USD/kg on r0 -> r1 makes A's delivered cost 2.1 > B's 2.0: no trade; each
  // region is served by its own supplier and pays its own cost.
  TradeProblem p = two_region();
  p.delivery_usd_per_kg[0][1] += 1.0;
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 0, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[0], 5, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[1], 8, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.0, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-6);
}

TEST(market_trade, CapacityCapBindsWithShadowPrice) {
  // A cap of 6 on A: A serves r0 (5) and sends 1 to r1; B serves 7. Relaxing the cap by one unit
  // replaces a unit of B (2.0) by A delivered (1.1): shadow price 0.9.
  TradeProblem p = two_region();
  p.caps = {{"cap A", {0}, 6, {}}};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.production_kg_per_s[0], 6, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[1], 7, 1e-6);
  EXPECT_NEAR(s.cap_shadow_usd_per_kg[0], 0.9, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-6);
}

TEST(market_trade, ExclusionMakesProblemInfeasibleAndExplained) {
  // Metal of A may not enter r1, whose demand 12 exceeds B's capacity 10.
  TradeProblem p = two_region();
  p.demand_kg_per_s[1] = 12;
  p.allowed = {{1, 0}, {1, 1}};
  const TradeSolution s = solve(p);
  EXPECT_FALSE(s.feasible);
  EXPECT_NE(s.explanation.find("'r1'"), std::string::npos) << s.explanation;
  EXPECT_NE(s.explanation.find("exclusions"), std::string::npos) << s.explanation;
}

TEST(market_trade, WorldDemandAboveCapacityExplained) {
  TradeProblem p = two_region();
  p.demand_kg_per_s = {15, 15};
  const TradeSolution s = solve(p);
  EXPECT_FALSE(s.feasible);
  EXPECT_NE(s.explanation.find("world demand"), std::string::npos) << s.explanation;
}

TEST(market_trade, IllFormedProblemRejected) {
  TradeProblem p = two_region();
  p.delivery_usd_per_kg.pop_back();
  const TradeSolution s = solve(p);
  EXPECT_FALSE(s.feasible);
  EXPECT_NE(s.explanation.find("ill-formed"), std::string::npos);
}
}  // namespace test_market_trade
