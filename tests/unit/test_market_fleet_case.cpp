// The fleet case's market keys reach the trade problem (fleet::trade_problem): demand curves per
// region, and tariffs as ad valorem rates on the origin price or as fixed LME-based costs.
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "../common/shipped_data.hpp"

namespace test_market_fleet_case {

using namespace potline;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

fleet::FleetCase parse(const std::string& text) {
  core::Diagnostics d;
  return fleet::parse_fleet_case(text, "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples",
                                 cell::default_data_dir(), data(), d);
}

const char* kBase = "[fleet]\nlme = \"2000 USD/t\"\n[[tariff]]\nimporter = \"usa\"\nrate = 0.25\n";

}  // namespace

TEST(market_fleet_case, DefaultsAreFixedDemandAndOriginPriceTariffs) {
  const fleet::FleetCase c = parse(kBase);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const market::TradeProblem p = fleet::trade_problem(c, e);
  EXPECT_TRUE(p.demand_curve.empty());  // every elasticity 0: the fixed-demand LP
  ASSERT_EQ(p.tariff_rate.size(), p.suppliers.size());
  const int usa = c.model.regions.index_of("usa");
  const int canada = c.model.regions.index_of("canada");
  for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
    const bool import = p.suppliers[i].region != usa;
    EXPECT_DOUBLE_EQ(p.tariff_rate[i][static_cast<std::size_t>(usa)], import ? 0.25 : 0.0) << p.suppliers[i].name;
    if (p.suppliers[i].region == canada) {
      // Delivery to the US is freight only (30 USD/t): the tariff is not in it.
      EXPECT_NEAR(p.delivery_usd_per_kg[i][static_cast<std::size_t>(usa)], 0.030, 1e-12);
    }
  }
}

TEST(market_fleet_case, LmeBasisPutsTheTariffInTheDeliveryCost) {
  const fleet::FleetCase c = parse(std::string(kBase) + "[market]\ntariff_basis = \"lme\"\n");
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const market::TradeProblem p = fleet::trade_problem(c, e);
  EXPECT_TRUE(p.tariff_rate.empty());
  const int usa = c.model.regions.index_of("usa");
  const int canada = c.model.regions.index_of("canada");
  for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
    if (p.suppliers[i].region == canada) {
      EXPECT_NEAR(p.delivery_usd_per_kg[i][static_cast<std::size_t>(usa)], 0.030 + 0.25 * 2.0, 1e-12);
    }
  }
}

TEST(market_fleet_case, DemandCurvesPerRegion) {
  const fleet::FleetCase c = parse(std::string(kBase) +
                                   "[market]\ndemand_elasticity = 0.2\ndemand_blocks = 10\ndemand_shape = \"linear\"\n"
                                   "[[demand]]\nregion = \"europe\"\nelasticity = 0.6\nreference_price = \"2500 USD/t\"\n");
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const market::TradeProblem p = fleet::trade_problem(c, e);
  ASSERT_EQ(p.demand_curve.size(), c.model.regions.regions.size());
  const auto europe = static_cast<std::size_t>(c.model.regions.index_of("europe"));
  const auto china = static_cast<std::size_t>(c.model.regions.index_of("china"));
  EXPECT_DOUBLE_EQ(p.demand_curve[europe].elasticity, 0.6);
  EXPECT_DOUBLE_EQ(p.demand_curve[europe].reference_price_usd_per_kg, 2.5);
  EXPECT_DOUBLE_EQ(p.demand_curve[china].elasticity, 0.2);
  EXPECT_DOUBLE_EQ(p.demand_curve[china].reference_price_usd_per_kg, 2.0);  // the case's LME + China's premium, 0
  EXPECT_EQ(p.demand_curve[china].blocks, 10);
  EXPECT_EQ(p.demand_curve[china].shape, market::DemandShape::kLinear);
  const market::TradeSolution s = market::solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  double consumed = 0, produced = 0;
  for (double q : s.consumption_kg_per_s) consumed += q;
  for (double q : s.production_kg_per_s) produced += q;
  EXPECT_NEAR(consumed, produced, 1e-9 * produced);
}
}  // namespace test_market_fleet_case
