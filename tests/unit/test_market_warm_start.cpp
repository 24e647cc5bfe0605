// Warm start of the trade LP (market/trade.hpp, TradeProblem::start_basis) and of every sweep
// sample from its scenario's base basis (sweep/run.cpp): the same optimum as a cold solve.
// Units: USD/kg and kg/s.
#include <gtest/gtest.h>

#include <cmath>

#include "../common/shipped_data.hpp"
#include "market_fixtures.hpp"
#include "potline/cell/technology.hpp"
#include "potline/market/trade.hpp"
#include "potline/sweep/run.hpp"

namespace test_market_warm_start {

using namespace potline;
using namespace potline::market;
using potline::market::fixtures::two_region;

namespace {

// two_region() moved: A dearer (1.5), r1's demand 9. By hand: A delivers to r1 at 1.6 < B's 2.0,
// so A runs full (5 to r0, 5 to r1) and B makes the other 4 for r1; r1's price is B's 2.0 and
// r0's is 1.5 + (2.0 − 1.6) = 1.9 (one more kg in r0 takes A's kg from r1, where B replaces it).
TradeProblem moved() {
  TradeProblem p = two_region();
  p.suppliers[0].cost_usd_per_kg = 1.5;
  p.demand_kg_per_s = {5, 9};
  return p;
}

}  // namespace

TEST(market_warm_start, StartingFromAnotherProblemsBasisFindsTheHandSolvedOptimum) {
  const TradeSolution base = solve(two_region());
  ASSERT_TRUE(base.feasible);
  // Columns (4 routes) and rows (2 suppliers + 2 regions): one status each; then two bytes per
  // region for its fine demand window (none here: fixed demand).
  EXPECT_EQ(base.basis.size(), 12u);
  TradeProblem p = moved();
  p.start_basis = &base.basis;
  const TradeSolution warm = solve(p), cold = solve(moved());
  ASSERT_TRUE(warm.feasible);
  EXPECT_NEAR(warm.price_usd_per_kg[0], 1.9, 1e-9);
  EXPECT_NEAR(warm.price_usd_per_kg[1], 2.0, 1e-9);
  EXPECT_NEAR(warm.production_kg_per_s[0], 10.0, 1e-9);
  EXPECT_NEAR(warm.production_kg_per_s[1], 4.0, 1e-9);
  for (std::size_t s = 0; s < 2; ++s) EXPECT_NEAR(warm.price_usd_per_kg[s], cold.price_usd_per_kg[s], 1e-12);
}

TEST(market_warm_start, ABasisOfAnotherShapeIsIgnored) {
  const Basis wrong(3, 0);  // not columns + rows of the problem
  TradeProblem p = moved();
  p.start_basis = &wrong;
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.9, 1e-9);
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, 1e-9);
}

TEST(market_warm_start, AnInfeasibleProblemIsStillExplainedFromAWarmStart) {
  const TradeSolution base = solve(two_region());
  TradeProblem p = two_region();
  p.demand_kg_per_s = {15, 8};  // 23 > 20 of capacity
  p.start_basis = &base.basis;
  const TradeSolution s = solve(p);
  EXPECT_FALSE(s.feasible);
  EXPECT_NE(s.explanation.find("world demand"), std::string::npos) << s.explanation;
}

// Every sample of examples/sweep-small.toml (two scenarios, elastic demand, tariffs on the origin
// price) gives the same prices and regional production warm-started as solved cold (the basis
// cleared): the LP optimum is the same; only tied trade flows may take another vertex.
TEST(market_warm_start, SweepSamplesMatchTheColdSolve) {
  core::Diagnostics d;
  const sweep::SweepSpec warm = sweep::load_sweep(std::string(POTLINE_SOURCE_DIR) + "/examples/sweep-small.toml",
                                                  cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  sweep::SweepSpec cold = warm;
  for (auto& s : cold.scenarios) {
    ASSERT_FALSE(s.lp_basis.empty()) << s.name;
    s.lp_basis.clear();
  }
  for (int scenario = 0; scenario < 2; ++scenario) {
    for (std::int64_t k = 0; k < 3; ++k) {
      const auto a = sweep::evaluate_sample(warm, scenario, k), b = sweep::evaluate_sample(cold, scenario, k);
      ASSERT_EQ(a.rows.size(), b.rows.size());
      // Tied flows are not unique, and nor is where a demand block priced exactly at two regions'
      // equal price is consumed: a degenerate LP has alternative optima (seen 2026-12-04: russia
      // and oceania consumption 1.3767/0.3347 warm, 1.3674/0.3439 cold, the same 0.00925 Mt moved).
      // Their totals are unique; so are prices, production and costs, compared row by row.
      double consumption_a = 0.0, consumption_b = 0.0;
      for (std::size_t i = 0; i < a.rows.size(); ++i) {
        const auto& x = a.rows[i];
        ASSERT_EQ(x.entity + x.metric, b.rows[i].entity + b.rows[i].metric);
        if (x.metric == "imports_Mt" || x.metric == "exports_Mt") continue;
        if (x.metric == "consumption_Mt") {
          consumption_a += x.value;
          consumption_b += b.rows[i].value;
          continue;
        }
        // Prices to the tariff fixed point's tolerance (0.1 USD/t): since the fine demand blocks
        // (T9-11) move inside its iterations, warm and cold runs stop at different iterates within it.
        const bool price = x.metric.find("price") != std::string::npos;
        EXPECT_NEAR(x.value, b.rows[i].value, price ? 0.1 : 1e-6 * (1 + std::abs(x.value))) << x.entity << " " << x.metric;
      }
      EXPECT_NEAR(consumption_a, consumption_b, 1e-6 * (1 + consumption_a));
    }
  }
}

}  // namespace test_market_warm_start
