// The 2024 backtest's cash cost (C1) against producers' published costs (docs/validation.md, CC1-CC2;
// issue 10, T13-9). The model's C1 is the smelter model's at the case's inputs: alumina at 21 % of the
// 2024 LME (market alumina for every smelter), power from the region table, labour, carbon, bath and
// other costs; no depreciation, finance cost, VAT or freight to market. Each published figure is
// stated with what it includes; nothing here is tuned to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "potline/core/constants.hpp"
#include "../common/fleet_2024_case.hpp"

namespace test_fleet_c1_costs {

using namespace potline;

namespace {

constexpr double kToKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr

struct Weighted {
  double c1_usd_per_t = 0;
  double production_kt = 0;
};

/// Production-weighted C1 of the 2024 case's rows that `pick` selects.
template <typename Pick>
Weighted production_weighted_c1(Pick pick) {
  const auto& b = potline::testing::fleet_2024_case();
  double cost = 0, metal = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (!pick(b.c.model.smelters[i].record)) continue;
    cost += b.r.smelters[i].c1_usd_per_kg * b.r.production_kg_per_s[i];
    metal += b.r.production_kg_per_s[i];
  }
  EXPECT_GT(metal, 0.0);
  return {metal > 0 ? cost / metal * 1e3 : 0.0, metal * kToKt};
}

// [Rusal 2024 results]: Rusal's aluminium segment cost per tonne in 2024, 2,025 USD/t (-6.8 % on
// 2023). Per tonne sold, with Rusal's own alumina at its cost and more than a third bought at market
// ([Rusal alumina 2024]); transport tariffs move it ([Rusal 2Q17 results]); whether it holds
// depreciation is not stated in the text read.
constexpr double kRusalSegmentCost2024_usd_per_t = 2025;

// [SMM aluminium full cost 2024]: China's average tax-inclusive full cost (VAT on inputs, depreciation
// and finance cost included) in the 2024 months it gives or that follow from its 2025 reports'
// year-on-year changes: Jan, Mar, Apr, Jul, Sep, Oct from 2025's value / (1 + change), Nov from
// December's month-on-month change, Dec as published (CNY/t).
constexpr std::array<double, 8> kSmmFullCost2024_cny_per_t = {
    19989 / 1.227, 17010 / 1.033, 16386 / 0.991, 16261 / 0.942,
    16186 / 0.936, 15889 / 0.867, 21114 / 1.039, 21114};
constexpr double kCnyPerUsd = 7.16;  // [CFETS CNY central parity 2024], as data/fleet-regions.toml

}  // namespace

// CC1: the rows the dataset gives Rusal as owner (its Siberian smelters, Kandalaksha, Volgograd,
// Kubal; Boguchany, a joint venture with RusHydro, included) run 4.28 Mt in the 2024 case at a C1 of
// 1,815.6 USD/t, 10.3 % under Rusal's published 2,025: outside the 10 % (its price tolerance,
// part 7). A known miss, asserted as it stands so that a change shows. Not alumina: the model buys all
// of it at market (967 USD/t of Bratsk's 1,777, 54 %), above Rusal's partly captive cost; what the
// model has no item for (depreciation if included, casting of value-added products, rail to port)
// may make the rest.
TEST(fleet_c1_costs, KnownMissRusalC1MoreThanTenPercentUnderItsSegmentCostPerTonne) {
  const Weighted rusal = production_weighted_c1([](const fleet::SmelterRecord& r) {
    return r.owner.find("Rusal") != std::string::npos;
  });
  EXPECT_NEAR(rusal.production_kt, 4280.2, 1.0);
  EXPECT_NEAR(rusal.c1_usd_per_t, 1815.6, 0.005 * 1815.6);
  EXPECT_LT(rusal.c1_usd_per_t / kRusalSegmentCost2024_usd_per_t - 1, -0.10);
  // Russia's rows alone (Kubal is in Europe): 1,797.6 USD/t, -11.2 %.
  const Weighted russia =
      production_weighted_c1([](const fleet::SmelterRecord& r) { return r.region == "russia"; });
  EXPECT_NEAR(russia.c1_usd_per_t, 1797.6, 0.005 * 1797.6);
}

// CC2: China's C1, a cash cost without VAT, depreciation or finance cost, must lie below SMM's
// tax-inclusive full cost in every 2024 month derivable: it does, 9.6 % under the lowest (January,
// 16,291 CNY/t = 2,275 USD/t) and 17.9 % under the months' mean (17,951 CNY/t = 2,507 USD/t). A bound
// only: SMM does not give the share of VAT, depreciation and finance cost in its figure, so no point
// tolerance is asserted on the gap.
TEST(fleet_c1_costs, ChinaC1BelowSmmTaxInclusiveFullCostInEveryMonthDerivable) {
  const Weighted china =
      production_weighted_c1([](const fleet::SmelterRecord& r) { return r.region == "china"; });
  EXPECT_NEAR(china.c1_usd_per_t, 2057.5, 0.005 * 2057.5);
  double sum = 0, lowest = 1e9;
  for (const double cny : kSmmFullCost2024_cny_per_t) {
    EXPECT_LT(china.c1_usd_per_t, cny / kCnyPerUsd) << cny;
    sum += cny;
    lowest = std::min(lowest, cny);
  }
  const double mean_usd = sum / kSmmFullCost2024_cny_per_t.size() / kCnyPerUsd;
  EXPECT_NEAR(mean_usd, 2507.1, 0.5);                            // the months' mean, 17,951 CNY/t
  EXPECT_NEAR(lowest / kCnyPerUsd, 2275.3, 0.5);                 // January 2024
  EXPECT_NEAR(china.c1_usd_per_t / mean_usd - 1, -0.179, 0.005);  // the gap, as measured
}

}  // namespace test_fleet_c1_costs
