// examples/world-path-2035.toml's 2025, the first year after the backtest with published outcomes
// (trial 9, T9-1; docs/validation.md W30-W37): world and regional primary output against the IAI's
// preliminary 2025 figures ([TASS IAI 2025], [PRIME IAI 2025]; published 20 January 2026, after the
// model's data were set: nothing in the path was set from them), and the world price against the
// 2025 LME cash average ([Reuters LME poll Jan 2026]). The path's 2025 is the backtest's fleet
// moved by the dated pipeline, the demand paths (+1 % China, +2.5 % elsewhere: estimates), the
// dated tariffs and sanctions; its LME input (the reference price of the demand curves, the
// alumina cost) stays at the 2024 average: the price is the LP's result, not calibrated.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_path_2025 {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kLme2025_usd_per_t = 2630;                 // [Reuters LME poll Jan 2026]

// The path's 2024 and 2025.
const std::vector<fleet::YearResult>& years_2024_2025() {
  static const std::vector<fleet::YearResult> years = [] {
    core::Diagnostics d;
    const fleet::FleetCase path =
        fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                               cell::default_data_dir(), potline::testing::shipped_smelter_data(),
                               d, {"fleet.last_year=2025"});
    EXPECT_FALSE(d.has_errors()) << d.to_string();
    std::vector<fleet::YearResult> y = fleet::solve_years(path);
    EXPECT_EQ(y.size(), 2u);
    return y.size() == 2 ? y : std::vector<fleet::YearResult>(2);
  }();
  return years;
}

const fleet::YearResult& year_2025() { return years_2024_2025().back(); }

// The world price of the path's 2024 [USD/t].
double year_2025_path_2024_price() { return years_2024_2025().front().r.world_price_usd_per_kg * 1e3; }

double production_Mt(const std::vector<std::string>& regions) {
  const fleet::YearResult& y = year_2025();
  double q = 0;
  for (const std::string& id : regions) {
    const int i = y.c.model.regions.index_of(id);
    EXPECT_GE(i, 0) << id;
    if (i >= 0) q += y.r.production_by_region_kg_per_s[static_cast<std::size_t>(i)] * kToMt;
  }
  return q;
}

}  // namespace

// W30: world output 73.78 Mt. World demand follows the demand paths (estimates) and the elastic
// curves, so this checks the path's growth assumption and capacity, not a calibration.
TEST(fleet_path_2025, WorldProductionWithinFivePercentOfIaiPreliminary) {
  ASSERT_TRUE(year_2025().r.feasible) << year_2025().r.explanation;
  EXPECT_EQ(year_2025().year, 2025);
  EXPECT_NEAR(year_2025().r.production_total_kg_per_s * kToMt, 73.78, 0.05 * 73.78);
}

// W31-W35: the IAI's regions with the model's regions of the same reporting countries (as W2, W4,
// W5, W23-W25 for 2024).
TEST(fleet_path_2025, ChinaProductionWithinFivePercentOfIaiPreliminary) {
  EXPECT_NEAR(production_Mt({"china"}), 44.2, 0.05 * 44.2);
  EXPECT_LT(production_Mt({"china"}), 45.0);  // the 45 Mt/yr cap
}
TEST(fleet_path_2025, GccProductionWithinFivePercentOfIaiPreliminary) {
  EXPECT_NEAR(production_Mt({"gcc"}), 6.16, 0.05 * 6.16);
}
TEST(fleet_path_2025, NorthAmericaProductionWithinFivePercentOfIaiPreliminary) {
  EXPECT_NEAR(production_Mt({"usa", "canada"}), 3.94, 0.05 * 3.94);
}
// W34, a pass by half a point since TALCO runs (user trial 16, T16-8, 2026-12-07): its 80 kt/yr in
// the rest of Asia lowers every regional price by about 10 USD/t and Oceania's dearest line turns
// down, 1.964 Mt (+4.5 %); before, a known miss by 0.05 points (1.975 Mt, +5.05 %, Portland at all of
// its 358 kt/yr, as in 2024, W25). Not tuned: the move comes from a data row elsewhere. 1.957 Mt
// (+4.1 %) since Tomago is the `ap18` class and Hillside and Mozal hold their 2024 capacities (user
// trials T16-10, T17-13, 2026-12-07), by 0.9 points (docs audit DA19-1). 1.879 Mt (-0.05 %) since
// Portland holds its 75 % of 2023 and Tiwai Point restarts on a ramp to April 2025 (W25, fleet19).
TEST(fleet_path_2025, OceaniaWithinFivePercentOfIaiPreliminary) {
  EXPECT_NEAR(production_Mt({"oceania"}), 1.88, 0.05 * 1.88);
  EXPECT_NEAR(production_Mt({"oceania"}), 1.879, 0.002);
}
TEST(fleet_path_2025, AfricaProductionWithinFivePercentOfIaiPreliminary) {
  EXPECT_NEAR(production_Mt({"africa"}), 1.62, 0.05 * 1.62);
}

// W36, a known miss asserted as it stands: South America runs its dated 2025 capacity (Alumar's
// restart completed, data/fleet-pipeline.toml) at a price above its C1, as in 2024 (W24: the rows
// hold nameplates where Albras and Aluar's 2024-25 rates are not read); 1.5 Mt has two digits.
TEST(fleet_path_2025, KnownMissSouthAmericaAboveIaiPreliminary) {
  const double sa = production_Mt({"south_america"});
  EXPECT_GT(sa, 1.05 * 1.5);
  EXPECT_NEAR(sa, 1.731, 0.01);
}

// W37, a pass for a wrong reason asserted as it stands since T12-11 (2026-12-06 late): the world
// price (the lowest regional price, the model's LME) against the 2025 LME cash average, 2,630 USD/t.
// With each region's demand anchored at its observed 2024 price (LME + premium) the path's 2024 is
// 2,389 and its 2025 2,371 USD/t (-9.8 %): inside 10 % by 4 USD/t, only because the 2024 anchor moved
// up; the 2025 price still falls from 2024 while the LME rose. With the curves at the LME it was a
// known miss (2,316.7, -11.9 %). The path's 2025 price stays at
// about its 2024 value: spare capacity (1.70 Mt/yr curtailed, San Ciprian's and China's restarts)
// sets it at a band of C1 with the alumina cost at 21 % of the 2024 LME; the 2025 rise of the
// LME (China at its 45 Mt cap in the market's eyes, US tariffs, funds) has no counterpart in the
// LP, and the 2025 alumina index fell (which would lower the model's price further). Not tuned.
TEST(fleet_path_2025, WorldPrice2025WithinTenPercentOfLmeOnlyThroughThe2024Anchor) {
  const double world = year_2025().r.world_price_usd_per_kg * 1e3;
  EXPECT_GT(world, 0.90 * kLme2025_usd_per_t);  // inside the 10 % of W15, narrowly
  EXPECT_LT(world, year_2025_path_2024_price());  // the wrong reason: below the path's own 2024
  // 2,314.4 before the compensation of indirect emission costs became the fleet's (2026-12-06): the
  // German plants' 2025 aid now follows the 2024 EUA (65 EUR/t) instead of a fixed 85 netted in their price.
  // 2,371.1 since T12-11; 2,369.6 since TALCO runs (T16-8); 2,371.1 since W25's dated states (fleet19).
  EXPECT_NEAR(world, 2371.1, 1.0);
  // The path carries it beside the year (data/fleet-paths.toml, published_lme), as a result, not a warning.
  ASSERT_TRUE(year_2025().published.has_value());
  ASSERT_TRUE(year_2025().published->lme_usd_per_kg.has_value());
  EXPECT_NEAR(*year_2025().published->lme_usd_per_kg * 1e3, kLme2025_usd_per_t, 1e-9);
  EXPECT_FALSE(year_2025().published->demand_curves_pass_through);
}

}  // namespace test_fleet_path_2025
