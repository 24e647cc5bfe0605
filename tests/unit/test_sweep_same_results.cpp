// A sweep scenario whose levers bind nowhere gives the same stored rows as an earlier scenario
// (src/sweep/same_results.cpp): found sample by sample, with the drawn inputs part of the rows.
#include <gtest/gtest.h>

#include "potline/api/sweep_command.hpp"
#include "potline/sweep/same_results.hpp"

namespace test_sweep_same_results {

using potline::sweep::ResultTable;

namespace {

void add(ResultTable& t, const std::string& scenario, std::int64_t sample, const std::string& metric, double value) {
  t.scenario.push_back(scenario);
  t.sample.push_back(sample);
  t.entity.push_back("world");
  t.metric.push_back(metric);
  t.value.push_back(value);
}

}  // namespace

TEST(sweep_same_results, ScenarioEqualToAnEarlierOneInEverySampleIsNamed) {
  ResultTable t;
  for (std::int64_t k = 0; k < 3; ++k) {
    const double x = 2000.0 + 10.0 * static_cast<double>(k);
    add(t, "base", k, "price", x);
    add(t, "base", k, "production", 72.0);
    add(t, "lever-binds", k, "price", x + 50.0);
    add(t, "lever-binds", k, "production", 72.0);
    add(t, "lever-idle", k, "production", 72.0);  // rows in another order: matched by key
    add(t, "lever-idle", k, "price", x * (1 + 1e-12));
    add(t, "binds-once", k, "price", k == 1 ? x + 1.0 : x);
    add(t, "binds-once", k, "production", 72.0);
  }
  const auto same = potline::sweep::same_results(t);
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(same[0].scenario, "lever-idle");
  EXPECT_EQ(same[0].same_as, "base");
  EXPECT_EQ(same[0].identical_samples, 3);
  EXPECT_EQ(same[0].samples_compared, 3);
  EXPECT_EQ(same[1].scenario, "binds-once");
  EXPECT_EQ(same[1].identical_samples, 2);
  EXPECT_EQ(same[1].samples_compared, 3);
}

TEST(sweep_same_results, DifferentKeysOrAMissingRowAreNotTheSame) {
  ResultTable t;
  add(t, "a", 0, "price", 1.0);
  add(t, "b", 0, "cost", 1.0);
  add(t, "c", 0, "price", 1.0);
  add(t, "c", 0, "production", 2.0);
  add(t, "d", 1, "price", 1.0);  // no sample in common with a
  EXPECT_TRUE(potline::sweep::same_results(t).empty());
}

// DA-20 (docs audit): in the shipped sweep one sample of 2000 of xinjiang-exclusion differed from
// policy-2024 in world emissions only (676.34 against 676.47 Mt, an equal-cost routing of the trade LP),
// and the text said "(its levers bind only in the others)" two lines above "the same prices and
// production ... in all 2000 samples ...: (they do not bind)". Binding is told by prices and production:
// the results line names the largest difference instead, and the two lines agree.
TEST(sweep_same_results, ResultsLineClaimsNoBindingThatPricesAndProductionDeny) {
  ResultTable t;
  for (std::int64_t k = 0; k < 3; ++k) {
    for (const std::string scenario : {"policy", "exclusion", "cap"}) {
      add(t, scenario, k, "world_price_usd_per_t", scenario == "cap" && k == 2 ? 2410.0 : 2389.0);
      add(t, scenario, k, "production_Mt", 72.66);
      add(t, scenario, k, "emissions_Mt_co2e", scenario == "exclusion" && k == 1 ? 676.34 : 676.47);
    }
  }
  const auto same = potline::sweep::same_results(t);
  ASSERT_EQ(same.size(), 2u);
  EXPECT_EQ(same[0].scenario, "exclusion");
  EXPECT_EQ(same[0].identical_samples, 2);
  EXPECT_EQ(same[0].differs_metric, "emissions_Mt_co2e");
  EXPECT_EQ(same[0].differs_sample, 1);
  EXPECT_EQ(same[0].differs_value, 676.34);
  EXPECT_EQ(same[0].differs_same_as_value, 676.47);
  EXPECT_EQ(same[1].scenario, "cap");
  EXPECT_EQ(same[1].differs_metric, "world_price_usd_per_t");
  const auto outcome = potline::sweep::same_prices_and_production(t);
  ASSERT_EQ(outcome.size(), 2u);
  EXPECT_EQ(outcome[0].identical_samples, 3);  // emissions are no outcome: the same in every sample
  EXPECT_EQ(outcome[1].identical_samples, 2);
  // As sweep_run_result keeps them: an outcome pair already told by the results line is left out.
  const std::vector<potline::sweep::SameResults> shown_outcome = {outcome[0]};
  const auto lines = potline::api::same_results_lines(same, shown_outcome);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "exclusion: the same results as policy in 2 of 3 samples compared (every stored row within 1e-9 relative); "
            "the others differ most in world emissions_Mt_co2e, 676.34 against 676.47 (sample 1): whether its levers "
            "bind, see its prices and production");
  EXPECT_EQ(lines[1],
            "cap: the same results as policy in 2 of 3 samples compared (every stored row within 1e-9 relative); the "
            "others differ most in world world_price_usd_per_t, 2410 against 2389 (sample 2): its levers bind only in "
            "the others (prices or production differ)");
  EXPECT_EQ(lines[2],
            "exclusion: the same prices and production as policy in all 3 samples compared (within 0.5 USD/t and 1 "
            "kt/yr): its levers move costs, not prices or output (they do not bind)");
}

// User trial T16-17: in the shipped Monte Carlo, "us-data-centres ... differ most in region:africa
// imports_Mt, 1.27037 against 0 (sample 54)": an equal-cost trade swap of the LP (Africa exporting all it
// makes and importing 1.27 Mt, sparing the EU's duty), infinite as a relative change, while the
// scenario's own effect in that sample was US production 0.620 -> 0.237 Mt. The line names the headline
// row (prices, production, the world's marginal cost and emissions) that changed most relative to its
// level (a region's production to at least 1 % of the world's); trade is left out. The figures are the trial's sample 54.
TEST(sweep_same_results, DiffersMostIsTheScenariosEffectNotATradeSwap) {
  ResultTable t;
  const auto row = [&](const std::string& scenario, std::int64_t k, const std::string& entity,
                       const std::string& metric, double value) {
    add(t, scenario, k, metric, value);
    t.entity.back() = entity;
  };
  for (std::int64_t k = 0; k < 3; ++k) {
    for (const std::string scenario : {"policy", "data-centres"}) {
      const bool bites = scenario == "data-centres" && k == 1;
      row(scenario, k, "world", "world_price_usd_per_t", bites ? 2669.1 : 2633.4);
      row(scenario, k, "world", "production_Mt", bites ? 72.29 : 72.66);
      row(scenario, k, "region:usa", "production_Mt", bites ? 0.237 : 0.620);
      row(scenario, k, "region:usa", "price_usd_per_t", bites ? 3076.0 : 3036.7);
      row(scenario, k, "region:africa", "imports_Mt", bites ? 1.27037 : 0.0);
      row(scenario, k, "region:africa", "exports_Mt", bites ? 1.63 : 0.354);
    }
  }
  const auto same = potline::sweep::same_results(t);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].identical_samples, 2);
  EXPECT_EQ(same[0].differs_sample, 1);
  // US price +1.3 %, world price +1.4 %, world production -0.5 %, US production -0.383 of 0.723 Mt (1 % of
  // the world's, above the US's 0.620): -53 %.
  EXPECT_EQ(same[0].differs_entity, "region:usa");
  EXPECT_EQ(same[0].differs_metric, "production_Mt");
  EXPECT_EQ(same[0].differs_value, 0.237);
  EXPECT_EQ(same[0].differs_same_as_value, 0.620);
  // Without headline rows that differ, the row furthest beyond its tolerance, as before.
  ResultTable trade;
  for (std::int64_t k = 0; k < 2; ++k) {
    for (const std::string scenario : {"policy", "swap"}) {
      add(trade, scenario, k, "world_price_usd_per_t", 2633.4);
      add(trade, scenario, k, "imports_Mt", scenario == "swap" && k == 1 ? 1.27 : 0.0);
      trade.entity.back() = "region:africa";
    }
  }
  const auto swap = potline::sweep::same_results(trade);
  ASSERT_EQ(swap.size(), 1u);
  EXPECT_EQ(swap[0].differs_entity, "region:africa");
  EXPECT_EQ(swap[0].differs_metric, "imports_Mt");
  EXPECT_EQ(swap[0].differs_sample, 1);
}

}  // namespace test_sweep_same_results
