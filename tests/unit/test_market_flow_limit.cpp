// A flow limit on one trade lane (market::Cap with to_regions): solved by hand on the two-region
// problem of test_market_trade.cpp. Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include "market_fixtures.hpp"
#include "potline/market/trade.hpp"

namespace test_market_flow_limit {

using namespace potline::market;
using potline::market::fixtures::two_region;  // the two-region problem, market_fixtures.hpp

TEST(market_flow_limit, ALaneLimitBindsOnTheLaneOnly) {
  // Without the limit A ships 5 to r1 (test_market_trade). A limit of 2 on r0 -> r1: A ships 2 and
  // serves r0's 5 (7 in all, under its capacity 10: the limit is not a capacity cap); B makes 6 and
  // sets r1's price at 2.0. r0's price is A's cost 1.0 (A has room). One more unit on the lane
  // replaces a unit of B (2.0) by A delivered (1.1): shadow price 0.9.
  TradeProblem p = two_region();
  Cap lane{"r0 to r1", {0}, 2.0, {}};
  lane.to_regions = {1};
  p.caps = {lane};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 2, 1e-6);
  EXPECT_NEAR(s.flow_kg_per_s[0][0], 5, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[0], 7, 1e-6);
  EXPECT_NEAR(s.production_kg_per_s[1], 6, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.0, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-6);
  ASSERT_EQ(s.cap_shadow_usd_per_kg.size(), 1u);
  EXPECT_NEAR(s.cap_shadow_usd_per_kg[0], 0.9, 1e-6);
}

TEST(market_flow_limit, ALimitAboveTheFlowChangesNothing) {
  TradeProblem p = two_region();
  Cap lane{"r0 to r1", {0}, 6.0, {}};
  lane.to_regions = {1};
  p.caps = {lane};
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 5, 1e-6);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.9, 1e-6);
  EXPECT_NEAR(s.cap_shadow_usd_per_kg[0], 0.0, 1e-9);
}

TEST(market_flow_limit, ALaneToAnUnknownRegionIsReportedByCheck) {
  TradeProblem p = two_region();
  Cap lane{"bad", {0}, 1.0, {}};
  lane.to_regions = {5};
  p.caps = {lane};
  EXPECT_EQ(check(p), "cap 'bad' names no valid region");
}
}  // namespace test_market_flow_limit
