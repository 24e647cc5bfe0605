// Carbon costs of `potline invest` by calendar year (user trial 9, T9-15; docs/model/economics.md,
// Investment): the EU ETS free allocation and the CBAM factor of each operating year's own calendar
// year, through the same policy functions as the fleet and the smelter. Hand-checkable two-year
// cases on a made-up schedule (benchmark 1.5 t/t before 2026, 1.0 from 2026, CBAM factor 0.5 in
// 2026).
#include <gtest/gtest.h>

#include "potline/finance/investment.hpp"
#include "potline/plant/smelter.hpp"

namespace test_invest_carbon {

using namespace potline;
using namespace potline::finance;

namespace {

constexpr double kEua_EUR_per_t = 100.0, kUsdPerEur = 1.1;
constexpr double kTonnes = 1000.0;  // t/yr

// A 1,000 t/yr plant selling at 3 USD/kg, power 40 USD/MWh at 15 kWh/kg; operating in 2025 and 2026
// (investment.first_year 2025, no construction), no tax.
InvestmentInputs two_year_case() {
  plant::SmelterInputs p;
  p.capacity_kg_per_s = kTonnes * 1000.0 / plant::kSecondsPerYear;
  p.potline_sec_ac_J_per_kg = 15 * 3.6e6;
  p.lme_usd_per_kg = 3.0;
  InvestmentInputs in;
  in.operating = p;
  in.capex_usd = 0.0;
  in.construction_years = 0;
  in.operating_years = 2;
  in.depreciation_years = 2;
  in.wacc = 0.0;
  in.contract_years = 2;
  in.contract_power_usd_per_J = in.post_contract_power_usd_per_J = 40 / 3.6e9;
  in.carbon.first_year = 2025;
  in.carbon.schedule.ets_benchmark_2021_2025_t_per_t = 1.5;
  in.carbon.schedule.benchmark_primary_t_per_t = 1.0;
  in.carbon.schedule.factor.fill(0.0);
  in.carbon.schedule.factor[0] = 0.5;  // 2026
  return in;
}

double direct_t_per_t(const InvestmentInputs& in) {
  return plant::evaluate(in.operating).emissions.direct;
}

}  // namespace

// EU ETS: 2025 free allocation 1.5 × 1 (no CBAM factor before 2026), 2026 1.0 × 0.5 = 0.5; cost =
// (direct − free) × 100 EUR/t × 1.1 per t, on 1,000 t. The cash flows fall by exactly that against
// the same plant outside the ETS.
TEST(invest_carbon, EuEtsTakesEachCalendarYearsFreeAllocation) {
  InvestmentInputs none = two_year_case();
  InvestmentInputs ets = none;
  ets.operating.eu_ets.on = true;
  ets.operating.eu_ets.eua_usd_per_kg_co2 = kEua_EUR_per_t * kUsdPerEur / 1000.0;
  ets.operating.eu_ets.free_allocation_t_per_t = 9.0;  // eu_ets.year's: replaced year by year
  ets.carbon.eu_ets = true;
  const double direct = direct_t_per_t(none);
  ASSERT_GT(direct, 1.5);  // so that both years pay
  const double usd_2025 = (direct - 1.5) * kEua_EUR_per_t * kUsdPerEur * kTonnes;
  const double usd_2026 = (direct - 0.5) * kEua_EUR_per_t * kUsdPerEur * kTonnes;
  const InvestmentResult a = evaluate_investment(none), b = evaluate_investment(ets);
  ASSERT_EQ(b.carbon_years.size(), 2u);
  EXPECT_EQ(b.carbon_years[0].year, 2025);
  EXPECT_EQ(b.carbon_years[1].year, 2026);
  EXPECT_DOUBLE_EQ(b.carbon_years[0].eu_ets_free_allocation_t_per_t, 1.5);
  EXPECT_DOUBLE_EQ(b.carbon_years[1].eu_ets_free_allocation_t_per_t, 0.5);
  EXPECT_NEAR(b.carbon_years[0].eu_ets_usd, usd_2025, 1e-6 * usd_2025);
  EXPECT_NEAR(b.carbon_years[1].eu_ets_usd, usd_2026, 1e-6 * usd_2026);
  EXPECT_NEAR(a.cash_flows_usd[0] - b.cash_flows_usd[0], usd_2025, 1e-6 * usd_2025);
  EXPECT_NEAR(a.cash_flows_usd[1] - b.cash_flows_usd[1], usd_2026, 1e-6 * usd_2026);
  // WACC 0: levelised = total over total.
  ASSERT_TRUE(b.levelised_eu_ets_usd_per_kg);
  EXPECT_NEAR(*b.levelised_eu_ets_usd_per_kg * 1000.0, (usd_2025 + usd_2026) / (2 * kTonnes), 1e-6);
  EXPECT_EQ(b.carbon_years[1].cbam_usd, 0.0);
}

// CBAM on half of the sales: none in 2025 (before the definitive period), in 2026 (direct − 1.0 ×
// 0.5) × 100 EUR/t × 1.1 per t sold into the EU (the smelter model's cbam_usd_per_t of 2026), on
// 500 t.
TEST(invest_carbon, CbamOnTheEuShareOfSalesFrom2026) {
  InvestmentInputs none = two_year_case();
  InvestmentInputs cbam = none;
  plant::SmelterInputs& p = cbam.operating;
  p.cbam = true;
  p.eua_eur_per_t.fill(kEua_EUR_per_t);
  p.usd_per_eur = kUsdPerEur;
  p.cbam_factor = cbam.carbon.schedule.factor;
  p.cbam_benchmark_t_per_t = 1.0;
  p.cbam_cscf = 1.0;
  cbam.carbon.cbam = true;
  cbam.carbon.eu_sales_share = 0.5;
  const double direct = direct_t_per_t(none);
  const double per_t_2026 = (direct - 0.5) * kEua_EUR_per_t * kUsdPerEur;
  const InvestmentResult a = evaluate_investment(none), b = evaluate_investment(cbam);
  ASSERT_EQ(b.carbon_years.size(), 2u);
  EXPECT_EQ(b.carbon_years[0].cbam_usd, 0.0);
  EXPECT_NEAR(a.cash_flows_usd[0], b.cash_flows_usd[0], 1e-6);
  EXPECT_NEAR(b.carbon_years[1].cbam_usd_per_t_eu, per_t_2026, 1e-9 * per_t_2026);
  EXPECT_NEAR(b.carbon_years[1].cbam_usd, per_t_2026 * 0.5 * kTonnes, 1e-6 * per_t_2026 * kTonnes);
  EXPECT_NEAR(a.cash_flows_usd[1] - b.cash_flows_usd[1], per_t_2026 * 0.5 * kTonnes,
              1e-6 * per_t_2026 * kTonnes);
  EXPECT_EQ(b.carbon_years[1].eu_ets_usd, 0.0);
}

// Before 2021 the EU ETS is not charged (policy::eu_ets_year_charged), whatever the plant's inputs.
TEST(invest_carbon, NoEuEtsBefore2021) {
  InvestmentInputs ets = two_year_case();
  ets.carbon.first_year = 2019;
  ets.operating.eu_ets.on = true;
  ets.operating.eu_ets.eua_usd_per_kg_co2 = 0.1;
  ets.carbon.eu_ets = true;
  const InvestmentResult r = evaluate_investment(ets);
  EXPECT_EQ(r.carbon_years[0].eu_ets_usd, 0.0);
  EXPECT_EQ(r.carbon_years[1].eu_ets_usd, 0.0);
  EXPECT_EQ(r.carbon_years[1].year, 2020);
}

}  // namespace test_invest_carbon
