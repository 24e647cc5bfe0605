// What bounds a sweep's samples (user trial T12-3; potline/sweep/limits.hpp): the sweep's text said
// nothing of a cap that binds or does not, of samples short of capacity, or of a lever that moves
// costs but no price or output, facts `potline fleet` prints for one solve. Checked on samples
// evaluated as a sweep stores them: a cap below China's 43.5 Mt/yr binds in every sample, the
// backtest's 45 Mt/yr cap in none; China's demand x 1.3 leaves the world short of capacity; a US
// power price +20 % moves no price or output of the elastic 2024 world (the US smelters' power_shock
// "does not bind" in `potline fleet examples/us-tariff-50.toml` likewise).
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/sweep/limits.hpp"
#include "potline/sweep/run.hpp"
#include "potline/sweep/same_results.hpp"

namespace test_sweep_limits {

using namespace potline;

namespace {

sweep::SweepSpec limits_sweep() {
  core::Diagnostics d;
  const std::string text =
      "[sweep]\nbase = \"world-elastic.toml\"\nseed = 5\nsamples = 2\n"
      "[[scenario]]\nname = \"base\"\n"
      "[[scenario]]\nname = \"tight-cap\"\n[[scenario.cap]]\nregion = \"china\"\ncapacity = \"40 Mt/yr\"\nname = \"china 40\"\n"
      "[[scenario]]\nname = \"short\"\n[[scenario.demand]]\nregion = \"china\"\nfactor = 1.3\n"
      "[[scenario]]\nname = \"us-power\"\n[[scenario.power_shock]]\nregion = \"usa\"\nfactor = 1.2\n"
      "[[uncertain]]\nname = \"alumina\"\nparameter = \"alumina_factor\"\ndistribution = \"uniform\"\nmin = 0.9\nmax = 1.1\n";
  sweep::SweepSpec spec = sweep::parse_sweep(text, "limits-sweep.toml", std::string(POTLINE_SOURCE_DIR) + "/examples",
                                             cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return spec;
}

sweep::ResultTable evaluated(const sweep::SweepSpec& spec) {
  sweep::ResultTable t;
  for (std::int64_t k = 0; k < spec.samples; ++k) {
    for (int s = 0; s < static_cast<int>(spec.scenarios.size()); ++s) {
      for (const sweep::Row& row : sweep::evaluate_sample(spec, s, k).rows) {
        t.scenario.push_back(spec.scenarios[static_cast<std::size_t>(s)].name);
        t.sample.push_back(k);
        t.entity.push_back(row.entity);
        t.metric.push_back(row.metric);
        t.value.push_back(row.value);
      }
    }
  }
  return t;
}

const sweep::LimitFacts* find(const std::vector<sweep::LimitFacts>& v, const std::string& scenario, const std::string& name) {
  for (const auto& f : v)
    if (f.scenario == scenario && f.name == name) return &f;
  return nullptr;
}

}  // namespace

TEST(SweepLimits, CapsBindOrNotAndScarcityAndLeversThatMoveNoPrice) {
  const sweep::SweepSpec spec = limits_sweep();
  const sweep::ResultTable t = evaluated(spec);
  const std::vector<sweep::LimitFacts> limits = sweep::limit_facts(spec, t);

  // The backtest's 45 Mt/yr China cap does not bind; China then produces its 43.53 Mt/yr capacity.
  const sweep::LimitFacts* cap45 = find(limits, "base", "china cap");
  ASSERT_NE(cap45, nullptr);
  EXPECT_EQ(cap45->kind, "cap");
  EXPECT_EQ(cap45->where, "china");
  EXPECT_NEAR(cap45->limit_Mt, 45.0, 1e-9);
  EXPECT_EQ(cap45->samples, 2);
  EXPECT_EQ(cap45->binding, 0);
  EXPECT_LT(cap45->production_max_Mt, 45.0);
  // A 40 Mt/yr cap binds in every sample, China's output held at it, with a positive shadow price.
  const sweep::LimitFacts* cap40 = find(limits, "tight-cap", "china 40");
  ASSERT_NE(cap40, nullptr);
  EXPECT_EQ(cap40->binding, 2);
  EXPECT_GT(cap40->shadow_p50, sweep::kBindingShadow_usd_per_t);
  EXPECT_LE(cap40->shadow_p10, cap40->shadow_p50);
  EXPECT_LE(cap40->shadow_p50, cap40->shadow_p90);
  EXPECT_NEAR(cap40->production_max_Mt, 40.0, 1e-6);
  // The lane limit of the 2024 backtest is listed for every scenario.
  EXPECT_NE(find(limits, "us-power", "oceania to usa"), nullptr);

  // Scarcity: only the scenario whose demand was raised is short (demand > 1.03 x capacity).
  const std::vector<sweep::ScarcityFacts> scarcity = sweep::scarcity_facts(t);
  ASSERT_EQ(scarcity.size(), 1u);
  EXPECT_EQ(scarcity[0].scenario, "short");
  EXPECT_EQ(scarcity[0].short_samples, 2);
  EXPECT_GT(scarcity[0].worst_demand_Mt, (1 + sweep::kScarcityShare) * scarcity[0].worst_capacity_Mt);

  // The US power shock moves the US smelters' costs, not a price or an output: the same outcome as
  // the base in every sample, though not the same rows (costs differ).
  bool outcome = false;
  for (const auto& s : sweep::same_prices_and_production(t))
    outcome = outcome || (s.scenario == "us-power" && s.same_as == "base" && s.identical_samples == 2);
  EXPECT_TRUE(outcome);
  for (const auto& s : sweep::same_results(t)) EXPECT_NE(s.scenario, "us-power");
}

TEST(SweepLimits, QuantileIsNumpysDefault) {
  // numpy.quantile([1, 2, 3, 4], q) with linear interpolation: 1.3, 2.5, 3.7.
  EXPECT_DOUBLE_EQ(sweep::quantile({4, 1, 3, 2}, 0.1), 1.3);
  EXPECT_DOUBLE_EQ(sweep::quantile({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(sweep::quantile({4, 1, 3, 2}, 0.9), 3.7);
  EXPECT_DOUBLE_EQ(sweep::quantile({}, 0.5), 0.0);
}

}  // namespace test_sweep_limits
