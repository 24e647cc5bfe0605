// Investment formulas against hand computations.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "potline/finance/investment.hpp"

namespace test_finance {

using namespace potline::finance;

TEST(finance, NpvEndOfYear) {
  // −100 at end of year 1, +60 at end of years 2 and 3, r = 10 %:
  // −100/1.1 + 60/1.21 + 60/1.331 = −90.909091 + 49.586777 + 45.078888 = 3.756574.
  const std::vector<double> cf{-100, 60, 60};
  EXPECT_NEAR(npv(cf, 0.10), 3.756574, 1e-6);
}

TEST(finance, IrrOfTwoPeriodFlows) {
  // −100 then +121 one year later: (1+r) = 1.21 → r = 21 %.
  const std::vector<double> cf{-100, 121};
  ASSERT_TRUE(irr(cf));
  EXPECT_NEAR(*irr(cf), 0.21, 1e-6);
  // No sign change: no IRR.
  const std::vector<double> all_positive{10, 10};
  EXPECT_FALSE(irr(all_positive));
}

TEST(finance, PaybackInterpolatesInsideTheYear) {
  // Cumulative: −100, −60, −20, +20 → pays back halfway through the 4th year: 3 + 20/40 = 3.5 years.
  const std::vector<double> cf{-100, 40, 40, 40};
  ASSERT_TRUE(payback_years(cf));
  EXPECT_NEAR(*payback_years(cf), 3.5, 1e-12);
  const std::vector<double> never{-100, 10};
  EXPECT_FALSE(payback_years(never));
}

// A cumulative cash flow that is never negative needs no payback: 0 years (it was empty, null in
// JSON, which read as "never": user trial 2026-12-05 (4), CR). Behind at any point: the crossing.
TEST(finance, PaybackOfFlowsNeverBehindIsZero) {
  const std::vector<double> ahead{40.5, 40.5, 200};
  ASSERT_TRUE(payback_years(ahead));
  EXPECT_EQ(*payback_years(ahead), 0.0);
  EXPECT_TRUE(cumulative_never_negative(ahead));
  // Ahead, then behind (cumulative 10, −30), then back (+10 in the third year, at 30/40 of it).
  const std::vector<double> dip{10, -40, 40};
  EXPECT_FALSE(cumulative_never_negative(dip));
  ASSERT_TRUE(payback_years(dip));
  EXPECT_NEAR(*payback_years(dip), 2.75, 1e-12);
  EXPECT_FALSE(payback_years(std::vector<double>{}));
  EXPECT_FALSE(cumulative_never_negative(std::vector<double>{}));
}

// Ahead once and behind at the end (a power contract that ends before the plant's life, user trial
// T10-2): no payback, by the documented rule; behind again and back: the last crossing.
TEST(finance, PaybackIsWhenTheCumulativeStaysAhead) {
  // Cumulative −100, −40, +20 (at 2 + 40/60 of the years), −30.
  const std::vector<double> lost{-100, 60, 60, -50};
  EXPECT_FALSE(payback_years(lost));
  ASSERT_TRUE(first_payback_years(lost));
  EXPECT_NEAR(*first_payback_years(lost), 2.0 + 40.0 / 60.0, 1e-12);
  // Cumulative −100, −40, +20, −10, +30: ahead for good at 4 + 10/40 = 4.25 years.
  const std::vector<double> back{-100, 60, 60, -30, 40};
  ASSERT_TRUE(payback_years(back));
  EXPECT_NEAR(*payback_years(back), 4.25, 1e-12);
  EXPECT_NEAR(*first_payback_years(back), 2.0 + 40.0 / 60.0, 1e-12);
}

TEST(finance, SignChangesSkipZeros) {
  EXPECT_EQ(sign_changes(std::vector<double>{-100, 0, 60, 60}), 1);
  EXPECT_EQ(sign_changes(std::vector<double>{-100, 230, -132}), 2);  // NPV 0 at 10 % and 20 %
  EXPECT_EQ(sign_changes(std::vector<double>{5, 5}), 0);
}

// A retrofit's gain over keeping the old cells (user trial 2026-12-05 (4), CN), by hand. One plant
// of 1,000 t/yr selling at 2 USD/kg, whose only cost is power at 40 USD/MWh: old cells 15 kWh/kg
// (0.60 USD/kg, margin 1.40 M USD/yr), new cells 12 kWh/kg (0.48 USD/kg, margin 1.52 M USD/yr).
// Capex 0.1 M USD in one construction year without downtime, two operating years, no tax.
// Retrofit: −0.1 + 1.40, 1.52, 1.52; keep the old cells: 1.40, 1.40, 1.40 (M USD).
// Gain: −0.1, 0.12, 0.12. IRR x = 1 + r from −0.1 x² + 0.12 x + 0.12 = 0:
// x = (0.12 + √(0.12² + 4 × 0.1 × 0.12)) / 0.2 = (0.12 + √0.0624) / 0.2 = 1.848999 → r = 84.90 %.
// Payback: cumulative −0.1, +0.02 → 1 + 0.1/0.12 = 1.8333 years. NPV at 8 %: −0.1/1.08 +
// 0.12/1.08² + 0.12/1.08³ = −0.092593 + 0.102881 + 0.095260 = 0.105548 M USD.
TEST(finance, RetrofitGainHasItsOwnIrrAndPayback) {
  potline::plant::SmelterInputs old_cells;
  old_cells.capacity_kg_per_s = 1e6 / potline::plant::kSecondsPerYear;
  old_cells.potline_sec_ac_J_per_kg = 15 * 3.6e6;
  old_cells.lme_usd_per_kg = 2.0;
  old_cells.alumina_kg_per_kg = old_cells.net_carbon_kg_per_kg = old_cells.alf3_kg_per_kg = 0;
  InvestmentInputs in;
  in.kind = ProjectKind::kRetrofit;
  in.existing = old_cells;
  in.operating = old_cells;
  in.operating.potline_sec_ac_J_per_kg = 12 * 3.6e6;
  in.capex_usd = 0.1e6;
  in.construction_years = 1;
  in.operating_years = 2;
  in.depreciation_years = 2;
  in.wacc = 0.08;
  in.contract_years = 2;
  in.contract_power_usd_per_J = in.post_contract_power_usd_per_J = 40 / 3.6e9;
  const InvestmentResult r = evaluate_investment(in);
  ASSERT_EQ(r.incremental_cash_flows_usd.size(), 3u);
  EXPECT_NEAR(r.incremental_cash_flows_usd[0], -0.1e6, 1e-3);
  EXPECT_NEAR(r.incremental_cash_flows_usd[1], 0.12e6, 1e-3);
  EXPECT_NEAR(r.incremental_cash_flows_usd[2], 0.12e6, 1e-3);
  ASSERT_TRUE(r.incremental_npv_usd);
  EXPECT_NEAR(*r.incremental_npv_usd, 0.105548e6, 1.0);
  ASSERT_TRUE(r.incremental_irr);
  EXPECT_NEAR(*r.incremental_irr, (0.12 + std::sqrt(0.0624)) / 0.2 - 1.0, 1e-6);
  EXPECT_NEAR(*r.incremental_irr, 0.8490, 1e-4);
  ASSERT_TRUE(r.incremental_payback_years);
  EXPECT_NEAR(*r.incremental_payback_years, 1.0 + 0.1 / 0.12, 1e-9);
  // The plant's own flows (1.30, 1.52, 1.52 M USD) are never behind: no IRR, payback 0.
  EXPECT_FALSE(r.irr);
  ASSERT_TRUE(r.payback_years);
  EXPECT_EQ(*r.payback_years, 0.0);
  // A retrofit that never gains (new cells no better): gain −0.1, 0, 0: no IRR, no payback.
  in.operating.potline_sec_ac_J_per_kg = 15 * 3.6e6;
  const InvestmentResult none = evaluate_investment(in);
  EXPECT_FALSE(none.incremental_irr);
  EXPECT_FALSE(none.incremental_payback_years);
  // A new build has no gain to compute.
  in.kind = ProjectKind::kNewBuild;
  EXPECT_TRUE(evaluate_investment(in).incremental_cash_flows_usd.empty());
}

TEST(finance, LevelisedCost) {
  // Costs 100, 50; production 0, 10; r = 0: LCOA = 150/10 = 15. r = 10 %: (90.909+41.322)/(8.2645) = 16.0.
  const std::vector<double> c{100, 50}, p{0, 10};
  EXPECT_NEAR(*levelised_cost(c, p, 0.0), 15.0, 1e-12);
  EXPECT_NEAR(*levelised_cost(c, p, 0.10), (100 / 1.1 + 50 / 1.21) / (10 / 1.21), 1e-9);
  EXPECT_NEAR(*levelised_cost(c, p, 0.10), 16.0, 1e-9);
}

TEST(finance, LevelisedCostOfNoProductionIsUndefined) {
  const std::vector<double> c{100, 50}, p{0, 0};
  EXPECT_FALSE(levelised_cost(c, p, 0.10).has_value());
}

TEST(finance, BisectionMeetsItsTolerance) {
  const auto r = bisect([](double x) { return x * x - 2.0; }, 0.0, 2.0, 1e-9);
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.x, std::sqrt(2.0), 1e-9);
  EXPECT_FALSE(bisect([](double x) { return x * x + 1.0; }, 0.0, 2.0, 1e-9).converged);
}
}  // namespace test_finance
