// Ad valorem tariffs on the transaction value (market::TariffValue::kTransactionValue, T8-12): the
// customs value of a flow is the price the seller receives for the metal sold for export, the
// destination price less delivery and the duty itself (19 U.S.C. 1401a(b)(1), (b)(3)(B),
// (b)(4)(A)). Hand-solved three-region case where the exporter's region price is set by imports,
// so the origin-price basis and the transaction value differ.
#include <gtest/gtest.h>

#include "market_fixtures.hpp"
#include "potline/market/netback.hpp"
#include "potline/market/trade.hpp"

namespace test_market_customs_value {

using namespace potline::market;

namespace {

// Regions A (0), B (1), C (2). A1 in A: cost 1.0, capacity 10. B1 in B: cost 2.0, ample. C1 in C:
// cost 1.0, ample. Demand: A 2, B 12, C 1. Freight A->B 0.1, C->A 0.05, C->B 0.6, B->A 0.1,
// B->C 0.6, A->C 0.05. A 50 % tariff on every import into B.
// By hand: B1 makes the last 2 t of B's demand, so P_B = 2.0; A1 sends its 10 to B, whose
// transaction value is V = (2.0 − 0.1) / 1.5 = 1.26667 (tariff 0.63333), above the 1.05 its metal
// fetches at home; A's 2 come from C1, so P_A = 1.0 + 0.05 = 1.05 and P_C = 1.0 (C1 serves C). C1
// at B would cost 1.6 + 0.5 (P_B − 0.6) / 1.5 = 2.0667 > 2.0: it does not ship there.
TradeProblem three_regions(TariffValue value) {
  TradeProblem p;
  p.region_names = {"a", "b", "c"};
  p.demand_kg_per_s = {2, 12, 1};
  p.suppliers = {{"a1", 0, 10, 1.0}, {"b1", 1, 1000, 2.0}, {"c1", 2, 1000, 1.0}};
  p.delivery_usd_per_kg = {{0.0, 0.1, 0.05}, {0.1, 0.0, 0.6}, {0.05, 0.6, 0.0}};
  p.tariff_rate = {{0.0, 0.5, 0.0}, {0.0, 0.0, 0.0}, {0.0, 0.5, 0.0}};
  p.tariff_value = value;
  return p;
}

}  // namespace

TEST(market_customs_value, TariffOnTheSellersPriceNotTheOriginRegionsPrice) {
  const TradeProblem p = three_regions(TariffValue::kTransactionValue);
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_TRUE(s.tariff_converged);
  const double tol = p.tariff_tolerance_usd_per_kg;
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, tol);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.05, tol);
  EXPECT_NEAR(s.price_usd_per_kg[2], 1.0, tol);
  EXPECT_NEAR(s.flow_kg_per_s[0][1], 10, 1e-6);
  EXPECT_NEAR(s.flow_kg_per_s[2][0], 2, 1e-6);
  const double value = (2.0 - 0.1) / 1.5;
  EXPECT_NEAR(s.tariff_usd_per_kg[0][1], 0.5 * value, tol);
  // The seller's netback is the customs value: duty = 50 % of it.
  const std::vector<Netback> b = netbacks(p, s);
  EXPECT_EQ(b[0].region, 1);
  EXPECT_NEAR(b[0].value_usd_per_kg, value, tol);
  EXPECT_NEAR(s.tariff_usd_per_kg[0][1], 0.5 * b[0].value_usd_per_kg, 1e-12);
  // ad_valorem_tariffs at the solution's prices gives the tariffs the fixed point used.
  EXPECT_NEAR(ad_valorem_tariffs(p, s.price_usd_per_kg)[0][1], s.tariff_usd_per_kg[0][1], tol);
}

TEST(market_customs_value, OriginPriceBasisChargesTheHomePriceWhenImportsSetIt) {
  // The same case on the origin basis: A's price 1.05 is set by C's metal, so the duty on A1's
  // exports is 0.5 × 1.05 = 0.525 (C1's into B 0.5 × 1.0: at 1.0 + 0.6 + 0.5 = 2.1 it stays out),
  // below the 0.633 of its transaction value, and A1's netback from B (2.0 − 0.1 − 0.525 = 1.375)
  // is not the value the duty was charged on.
  const TradeProblem p = three_regions(TariffValue::kOriginPrice);
  const TradeSolution s = solve(p);
  ASSERT_TRUE(s.feasible) << s.explanation;
  EXPECT_NEAR(s.price_usd_per_kg[1], 2.0, p.tariff_tolerance_usd_per_kg);
  EXPECT_NEAR(s.price_usd_per_kg[0], 1.05, p.tariff_tolerance_usd_per_kg);
  EXPECT_NEAR(s.tariff_usd_per_kg[0][1], 0.525, p.tariff_tolerance_usd_per_kg);
  EXPECT_NEAR(netbacks(p, s)[0].value_usd_per_kg, 1.375, p.tariff_tolerance_usd_per_kg);
}

TEST(market_customs_value, TwoRegionCaseAgreesWithTheOriginBasis) {
  // When the exporter's region price is its exporters' netback (A ships all it makes), the two
  // bases are the same fixed point: P_A = V = 1.9 / 1.5 (test_market_elastic's hand-solved case).
  TradeProblem p = fixtures::two_region();
  p.tariff_rate = {{0.0, 0.5}, {0.0, 0.0}};
  for (TariffValue v : {TariffValue::kTransactionValue, TariffValue::kOriginPrice}) {
    p.tariff_value = v;
    const TradeSolution s = solve(p);
    ASSERT_TRUE(s.feasible) << s.explanation;
    EXPECT_NEAR(s.price_usd_per_kg[0], 1.9 / 1.5, p.tariff_tolerance_usd_per_kg);
    EXPECT_NEAR(s.tariff_usd_per_kg[0][1], 0.5 * 1.9 / 1.5, p.tariff_tolerance_usd_per_kg);
  }
}

}  // namespace test_market_customs_value
