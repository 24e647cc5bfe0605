// W28, W29 (T8-12): the US price and premium under Section 232 at 25 % and 50 % against what the
// market paid in 2025. The model is examples/world.toml (the 2024 fleet, demand and trade with the
// policy since 2025) at the 2025 LME, 2,450 USD/t ([BNN Bloomberg Midwest premium 2025]: LME
// 2,453.5 on 2 June 2025; [SMU Midwest replacement value 2025]: LME cash 2,450 in early June), the
// tariff on every origin at the rate of the row. Independent figures: the published Midwest
// duty-paid premium, 39-41 US cents/lb (860-904 USD/t) in mid-May 2025 at 25 % ([Farpoint Midwest
// premium 2025], Fastmarkets' assessment), 0.58 USD/lb (1,279 USD/t) on 2 June 2025 and 0.68-0.70
// USD/lb (1,500-1,543 USD/t) to reflect the 50 % tariff in full ([BNN Bloomberg Midwest premium
// 2025], Goldman Sachs). docs/validation.md, rows W28 and W29.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_us_tariff_2025 {

using namespace potline;

namespace {

constexpr double kLme2025_usd_per_t = 2450;  // early June 2025 (above)

struct UsPrice {
  double price = 0, premium = 0, world = 0;  // USD/t
};

UsPrice us_at(double rate) {
  core::Diagnostics d;
  const fleet::FleetCase loaded =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world.toml",
                             cell::default_data_dir(), potline::testing::shipped_smelter_data(), d,
                             {"fleet.lme=" + std::to_string(kLme2025_usd_per_t),
                              "tariff[0].rate=" + std::to_string(rate)});
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  const fleet::FleetCase c = fleet::case_for_year(loaded, loaded.year, nullptr);
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  EXPECT_TRUE(r.feasible) << r.explanation;
  const auto usa = static_cast<std::size_t>(c.model.regions.index_of("usa"));
  UsPrice u;
  u.price = r.price_usd_per_kg[usa] * 1e3;
  u.world = r.world_price_usd_per_kg * 1e3;
  u.premium = u.price - u.world;
  return u;
}

const UsPrice& at_25() {
  static const UsPrice u = us_at(0.25);
  return u;
}
const UsPrice& at_50() {
  static const UsPrice u = us_at(0.50);
  return u;
}

}  // namespace

// W28: at 25 % the US price within W18's 10 % of LME + the mid-May premium (3,310-3,354 USD/t).
// Measured 2026-12-06: 3,085 USD/t (-6.8 % to -8.0 %); 3,102.6 (-6.3 % / -7.5 %) re-measured that evening.
TEST(fleet_us_tariff_2025, UsPriceAt25PercentWithinTenPercentOfLmePlusMidwestPremium) {
  for (double published : {860.0, 904.0}) {
    const double market = kLme2025_usd_per_t + published;
    EXPECT_NEAR(at_25().price, market, 0.10 * market) << published;
  }
}

// W28, a known gap asserted as it stands: the premium over the model's world price (732.5 USD/t,
// re-measured 2026-12-06 evening; 729 earlier that day) is 15-19 % under the published 860-904: the
// model's exporters earn no duty-unpaid premium over its world price, and its world price (2,370)
// sits under the LME it is given, so the customs value the 25 % is charged on is lower than the
// market's (docs/validation.md, W28).
TEST(fleet_us_tariff_2025, KnownGapPremiumAt25PercentBelowTheMidMayPremium) {
  EXPECT_LT(at_25().premium, 0.9 * 860.0);
  EXPECT_GT(at_25().premium, 0.7 * 860.0);
}

// W28's decomposition (T9 follow-up, 2026-12-06; an arithmetic check of the LP's import parity, not a
// validation): the marginal US import is Indian or Gulf metal valued at the model's world price V, so
// the US price is (1 + 25 %) V + 140 USD/t of freight (data/fleet-regions.toml, India/Gulf to the
// Midwest): the tariff passes through in full on that value. The market's import parity is the same
// formula on the exporter's value LME + the duty-unpaid premium (150-160 USD/t CIF Rotterdam duty
// unpaid, [SMU Midwest replacement value 2025]); at the published 3,310-3,354 USD/t it implies
// 54-98 USD/t of freight, less than the model's 140. So the shortfall is the exporter's value, V =
// 2,370 against 2,600-2,610 (x 1.25: 290-300 USD/t), not the pass-through or the freight. Since each
// region's demand is anchored at its observed 2024 price (T12-11, 2026-12-06 late) V = 2,425 (x 1.25:
// 219-231 USD/t, still more than the premium's shortfall, 114-158).
TEST(fleet_us_tariff_2025, ArithmeticW28UsPriceIsTheTariffedWorldPricePlusGulfFreight) {
  EXPECT_NEAR(at_25().price, 1.25 * at_25().world + 140.0, 0.5);
  for (double unpaid : {150.0, 160.0}) {
    const double market_value = kLme2025_usd_per_t + unpaid;
    EXPECT_GT(market_value - at_25().world, 150.0) << unpaid;  // the exporter's value gap (175-185 USD/t)
    // With the model's 140 USD/t freight on the market's value the price would exceed the published span.
    EXPECT_GT(1.25 * market_value + 140.0, kLme2025_usd_per_t + 904.0) << unpaid;
  }
}

// W29: at 50 % the US price within 10 % of LME + the premium over its whole published span
// (3,729 on 2 June to 3,993 at Goldman's 0.70 USD/lb), and the premium within that span widened by
// 10 %. Measured 2026-12-06: 3,663 USD/t (-1.8 % / -8.3 %), premium 1,314 (+2.8 % / -14.8 %);
// re-measured that evening (main a22bccd): 3,656.4 (-1.9 % / -8.4 %), premium 1,312.1 (+2.6 % / -15.0 %).
TEST(fleet_us_tariff_2025, UsPriceAndPremiumAt50PercentWithinThePublishedSpan) {
  for (double published : {1279.0, 1543.0}) {
    const double market = kLme2025_usd_per_t + published;
    EXPECT_NEAR(at_50().price, market, 0.10 * market) << published;
  }
  EXPECT_GE(at_50().premium, 0.9 * 1279.0);
  EXPECT_LE(at_50().premium, 1.1 * 1543.0);
}

}  // namespace test_fleet_us_tariff_2025
