// The sweep store's metrics are declared once (potline/sweep/metrics.hpp) for the report's titles
// and units (T7-30): every (entity, metric) a sample stores has a declaration, and the world price
// is stored as the fleet's (the lowest regional price).
#include <gtest/gtest.h>

#include <algorithm>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/sweep/metrics.hpp"
#include "potline/sweep/run.hpp"

namespace test_sweep_metrics {

using namespace potline;

namespace {

sweep::SweepSpec small_sweep() {
  core::Diagnostics d;
  const std::string text =
      "[sweep]\nbase = \"world.toml\"\nseed = 3\nsamples = 1\nstore_smelters = "
      "true\n[[scenario]]\nname = \"base\"\n";
  return sweep::parse_sweep(text, "metrics-sweep.toml",
                            std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                            potline::testing::shipped_smelter_data(), d);
}

}  // namespace

TEST(SweepMetrics, EveryStoredMetricIsDeclaredWithAUnit) {
  const sweep::SampleResult sample = sweep::evaluate_sample(small_sweep(), 0, 0);
  ASSERT_FALSE(sample.rows.empty());
  for (const auto& row : sample.rows) {
    if (row.entity == "input") continue;  // named by the sweep file's [[uncertain]] tables
    const sweep::StoredMetric* m = sweep::find_stored_metric(row.entity, row.metric);
    ASSERT_NE(m, nullptr) << row.entity << " " << row.metric;
    EXPECT_FALSE(m->unit.empty()) << row.metric;
  }
  EXPECT_EQ(sweep::metric_axis_title("region:usa", "price_usd_per_t"), "Aluminium price [USD/t]");
  EXPECT_EQ(sweep::metric_axis_title("world", "no_such_metric"), "no_such_metric");
}

TEST(SweepMetrics, WorldPriceIsTheLowestRegionalPrice) {
  const sweep::SampleResult sample = sweep::evaluate_sample(small_sweep(), 0, 0);
  double world = -1, lowest = 1e300;
  for (const auto& row : sample.rows) {
    if (row.entity == "world" && row.metric == "world_price_usd_per_t") world = row.value;
    if (row.entity.rfind("region:", 0) == 0 && row.metric == "price_usd_per_t")
      lowest = std::min(lowest, row.value);
  }
  EXPECT_GT(world, 0.0);
  EXPECT_DOUBLE_EQ(world, lowest);
}

}  // namespace test_sweep_metrics
