// A sweep scenario whose levers bind nowhere gives the same stored rows as an earlier scenario
// (src/sweep/same_results.cpp): found sample by sample, with the drawn inputs part of the rows.
#include <gtest/gtest.h>

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

}  // namespace test_sweep_same_results
