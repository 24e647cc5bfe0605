// Curtailment as smelters do it (docs/model/fleet.md, "Curtailment"): each smelter is a turndown
// band at C1 and a base at C1 − restart/horizon (C1 + restart/horizon to restart one that did not
// run), so a smelter is not idled for a price a little under its cash cost; and regional premia as
// the regional price minus the world (exporters') price.
#include <gtest/gtest.h>

#include <algorithm>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_curtailment {

using namespace potline;

namespace {

const plant::SmelterData& data() {
  return potline::testing::shipped_smelter_data();
}

fleet::FleetCase world_2024() {
  core::Diagnostics d;
  fleet::FleetCase c =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml",
                             cell::default_data_dir(), data(), d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return fleet::case_for_year(c, c.year, nullptr);  // as `potline fleet` solves it
}

}  // namespace

// The shipped region table's [curtailment]: a 5 % band and 280 USD/t of restart over one year.
// Recomputes the segment rule from its definition (a check of the wiring, not of the economics).
TEST(fleet_curtailment, SegmentsOfARunningAndOfAStoppedSmelter) {
  fleet::FleetCase c = world_2024();
  const fleet::Curtailment& k = c.model.regions.curtailment;
  ASSERT_TRUE(k.active());
  EXPECT_DOUBLE_EQ(k.turndown_share, 0.05);
  EXPECT_NEAR(k.credit_usd_per_kg(), 0.280, 1e-12);
  EXPECT_EQ(fleet::segments_per_smelter(c), 2);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const auto running = fleet::smelter_segments(c, 0, e[0]);
  ASSERT_EQ(running.size(), 2u);
  EXPECT_NEAR(running[0].capacity_kg_per_s + running[1].capacity_kg_per_s, e[0].capacity_kg_per_s,
              1e-12);
  EXPECT_NEAR(running[1].capacity_kg_per_s, 0.05 * e[0].capacity_kg_per_s, 1e-12);
  EXPECT_NEAR(running[0].cost_usd_per_kg, e[0].c1_usd_per_kg - 0.280, 1e-12);
  EXPECT_NEAR(running[1].cost_usd_per_kg, e[0].c1_usd_per_kg, 1e-12);
  c.model.smelters[0].running = false;
  for (const auto& s : fleet::smelter_segments(c, 0, e[0]))
    EXPECT_NEAR(s.cost_usd_per_kg, e[0].c1_usd_per_kg + 0.280, 1e-12);
  // The LP has both segments of every smelter, in smelter order.
  EXPECT_EQ(fleet::trade_problem(c, e).suppliers.size(), 2 * c.model.smelters.size());
}

// The behaviour the segments are for: in the 2024 case no running smelter whose cash cost exceeds
// its region's price by less than the restart cost stops its potlines (it keeps at least its base,
// 95 % of capacity), although some run at a loss; only a smelter further under water may stop.
TEST(fleet_curtailment, NoSmelterStopsForAPriceLessThanTheRestartCostUnderItsC1) {
  const fleet::FleetCase c = world_2024();
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  ASSERT_TRUE(r.feasible) << r.explanation;
  int at_a_loss = 0;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const double price = r.price_usd_per_kg[static_cast<std::size_t>(c.model.smelters[i].region)];
    const double c1 = r.smelters[i].c1_usd_per_kg, cap = r.smelters[i].capacity_kg_per_s;
    if (c1 < price + 0.280 - 1e-6) {
      EXPECT_GE(r.production_kg_per_s[i], 0.95 * cap * (1 - 1e-9)) << c.model.smelters[i].record.id;
    }
    if (c1 > price + 1e-6 && r.production_kg_per_s[i] > 0) ++at_a_loss;
  }
  EXPECT_GT(at_a_loss, 0);  // e.g. the German smelters in 2024
}

// Without [curtailment] a region table keeps one supplier per smelter at its C1 (the former LP).
TEST(fleet_curtailment, WithoutTheTableEverySmelterIsOneSupplierAtC1) {
  fleet::FleetCase c = world_2024();
  c.model.regions.curtailment = {};
  EXPECT_EQ(fleet::segments_per_smelter(c), 1);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const market::TradeProblem p = fleet::trade_problem(c, e);
  ASSERT_EQ(p.suppliers.size(), c.model.smelters.size());
  for (std::size_t i = 0; i < e.size(); ++i)
    EXPECT_DOUBLE_EQ(p.suppliers[i].cost_usd_per_kg, e[i].c1_usd_per_kg);
}

// Premia: each region's price minus the world (lowest) price; none is negative.
TEST(fleet_curtailment, PremiaAreRegionalPricesOverTheWorldPrice) {
  const fleet::FleetCase c = world_2024();
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  ASSERT_TRUE(r.feasible);
  EXPECT_DOUBLE_EQ(r.world_price_usd_per_kg,
                   *std::min_element(r.price_usd_per_kg.begin(), r.price_usd_per_kg.end()));
  const auto usa = static_cast<std::size_t>(c.model.regions.index_of("usa"));
  const auto oceania = static_cast<std::size_t>(c.model.regions.index_of("oceania"));
  for (double p : r.price_usd_per_kg) EXPECT_GE(p - r.world_price_usd_per_kg, 0.0);
  // The US premium (docs/validation.md, the Midwest row): with the Australia-US lane held at its
  // observed 2024 flow ([[flow_limit]] of world-2024.toml), the marginal US import pays the 10 %
  // Section 232 tariff on its origin price: Indian metal, 1.1 x India's price + the 140 USD/t lane
  // (to the fixed point's 0.1 USD/t tolerance).
  const auto india = static_cast<std::size_t>(c.model.regions.index_of("india"));
  EXPECT_NEAR(r.price_usd_per_kg[usa], 1.10 * r.price_usd_per_kg[india] + 0.140, 2e-4);
  ASSERT_EQ(r.cap_shadow_usd_per_kg.size(), c.caps.size() + 1);
  EXPECT_GT(r.cap_shadow_usd_per_kg.back(), 0.0);  // the lane limit binds
  // Without the limit, tariff-exempt Australian metal sets it: Oceania's price + the 130 USD/t lane.
  fleet::FleetCase open = c;
  open.flow_limits.clear();
  const fleet::FleetResult o = fleet::solve(open, open.shocks);
  ASSERT_TRUE(o.feasible);
  EXPECT_NEAR(o.price_usd_per_kg[usa] - o.price_usd_per_kg[oceania], 0.130, 1e-6);
}
}  // namespace test_fleet_curtailment
