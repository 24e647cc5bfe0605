// The trade LP on small problems solved by hand (market/trade.hpp). Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include "market_fixtures.hpp"
#include "potline/market/netback.hpp"
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

// market::netbacks on a three-region problem solved by hand (T7-5: a smelter that exports all its
// metal earns the destination's price net of freight, not its home region's price).
namespace test_market_netback {

using namespace potline::market;

// Regions 0 "canada", 1 "usa", 2 "india". Suppliers: 0 in canada, cost 1.0, capacity 10; 1 in usa,
// cost 1.5, capacity 10; 2 in india, cost 1.2, capacity 100. Demand: canada 2, usa 12, india 1.
// Freight canada->usa 0.03, india->canada 0.08, india->usa 0.4, usa->canada 0.03, others 0.5;
// home 0.
//
// By hand: india's supplier is the only one with spare capacity at the bottom, so india's price is
// its cost 1.2 and canada's, served from india, 1.2 + 0.08 = 1.28. The usa's price is set by its own
// supplier, 1.5 (india delivered 1.6 is dearer). Canada's supplier sells where its metal fetches
// most: usa 1.5 - 0.03 = 1.47 against home 1.28, so all 10 go to the usa; its netback is 1.47,
// its margin at the netback 0.47 (its capacity dual), 0.19 more than at canada's price.
TradeProblem three_region() {
  TradeProblem p;
  p.region_names = {"canada", "usa", "india"};
  p.demand_kg_per_s = {2, 12, 1};
  p.suppliers = {{"ca", 0, 10, 1.0}, {"us", 1, 10, 1.5}, {"in", 2, 100, 1.2}};
  p.delivery_usd_per_kg = {{0, 0.03, 0.5}, {0.03, 0, 0.5}, {0.08, 0.4, 0}};
  return p;
}

TEST(market_netback, AnExporterEarnsTheDestinationPriceLessFreight) {
  const TradeProblem p = three_region();
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.28, 1e-9);
  EXPECT_NEAR(s.price_usd_per_kg[1], 1.5, 1e-9);
  EXPECT_NEAR(s.price_usd_per_kg[2], 1.2, 1e-9);
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 10, 1e-9);  // canada's metal all to the usa
  EXPECT_NEAR(s.flow_kg_per_s[2][0], 2, 1e-9);   // canada's demand from india
  const std::vector<Netback> b = netbacks(p, s);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_NEAR(b[0].value_usd_per_kg, 1.47, 1e-9);
  EXPECT_EQ(b[0].region, 1);
  EXPECT_NEAR(b[0].value_usd_per_kg - p.suppliers[0].cost_usd_per_kg, 0.47, 1e-9);
  EXPECT_NEAR(b[1].value_usd_per_kg, 1.5, 1e-9);  // the usa's own supplier at home: margin 0
  EXPECT_EQ(b[1].region, 1);
  EXPECT_NEAR(b[2].value_usd_per_kg, 1.2, 1e-9);  // india: home 1.2, canada 1.28 - 0.08 the same
}

TEST(market_netback, AForbiddenDestinationIsNotANetback) {
  TradeProblem p = three_region();
  p.allowed = {{1, 0, 1}, {1, 1, 1}, {1, 1, 1}};  // canada's metal may not enter the usa
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  const std::vector<Netback> b = netbacks(p, s);
  EXPECT_NE(b[0].region, 1);
  EXPECT_NEAR(b[0].value_usd_per_kg, s.price_usd_per_kg[0], 1e-9);
}

// User trial 16, T16-1: a full lane is not a netback. The canada -> usa lane is limited to 4 and a
// second canadian supplier (cost 1.2, capacity 10) is added. By hand: canada's first supplier ships
// 4 to the usa and 2 home, 4 of its 10 idle, so canada's price is its cost 1.0; the lane's shadow
// price is what one more tonne through it would earn, 1.5 - 0.03 - 1.0 = 0.47. The lane is then
// worth 1.5 - 0.03 - 0.47 = 1.0, home's price: the first supplier's margin is 0 (it has spare
// capacity), and the second, which produces nothing, has a margin of 1.0 - 1.2 = -0.2 < 0 (+0.27 if
// the usa's price less freight were its netback, as before the fix).
TEST(market_netback, AFullLaneIsWorthItsPriceLessTheLimitsShadowPrice) {
  TradeProblem p = three_region();
  p.suppliers.push_back({"ca2", 0, 10, 1.2});
  p.delivery_usd_per_kg.push_back(p.delivery_usd_per_kg[0]);
  Cap lane;
  lane.name = "canada to usa";
  lane.suppliers = {0, 3};
  lane.to_regions = {1};
  lane.capacity_kg_per_s = 4;
  p.caps.push_back(lane);
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 4, 1e-9);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.0, 1e-9);
  ASSERT_EQ(s.cap_shadow_usd_per_kg.size(), 1u);
  EXPECT_NEAR(s.cap_shadow_usd_per_kg[0], 0.47, 1e-9);
  EXPECT_NEAR(s.production_kg_per_s[3], 0, 1e-9);
  const std::vector<Netback> b = netbacks(p, s);
  EXPECT_NEAR(b[0].value_usd_per_kg, 1.0, 1e-9);
  EXPECT_NEAR(b[0].value_usd_per_kg - p.suppliers[0].cost_usd_per_kg, 0.0, 1e-9);
  EXPECT_NEAR(b[3].value_usd_per_kg - p.suppliers[3].cost_usd_per_kg, -0.2, 1e-9);
  // Without the shadow prices (a solution that does not carry them) the full lane counts at its price.
  TradeSolution bare = s;
  bare.cap_shadow_usd_per_kg.clear();
  EXPECT_NEAR(netbacks(p, bare)[3].value_usd_per_kg, 1.47, 1e-9);
}

}  // namespace test_market_netback
