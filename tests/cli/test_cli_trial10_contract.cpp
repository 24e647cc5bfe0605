// User trial 10, T10-14 (docs/model/economics.md, "Power contract calendar"): a retrofit's power
// contract belongs to the site, so by default the retrofit and the kept old cells share its
// calendar (investment.contract_start = "site"); "operation" counts the retrofit's contract from
// the end of its construction, as before, and 3 years of cheaper power then count as the retrofit's
// gain.
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_contract {
namespace {

Json invest_json(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"invest", example("invest-ap60-retrofit.toml"), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

/// NPV at 8 % of end-of-year flows (k = 0 discounted one year), as docs/model/economics.md.
double npv8(const std::vector<double>& flows) {
  double sum = 0;
  for (std::size_t k = 0; k < flows.size(); ++k)
    sum += flows[k] / std::pow(1.08, static_cast<double>(k + 1));
  return sum;
}

}  // namespace

// By hand (examples/invest-ap60-retrofit.toml: 220 kt/yr, old cells 15.0, AP60 12.85 kWh/kg,
// 10-year contract at 40 USD/MWh then 50, 3 construction years at 70 % output, WACC 8 %, pre-tax):
// the gain is −316.298 M USD in each construction year, then +47.52 while both plans pay the
// contract price (years 4–10) and +52.25 when both pay 50 (years 11–28). With the retrofit's
// contract counted from operation, years 11–13 had +80.52 (its 12.85 MWh/t × 220 kt at 40 instead
// of 50: +28.27), and ΔNPV −358.2 M USD; on one calendar it is −358.2 − 28.27 × (1.08^−11
// + 1.08^−12 + 1.08^−13) ≈ −392.0 (user trial T10-14).
TEST(CliTrial10Contract, RetrofitAndOldCellsShareTheSitesContractCalendar) {
  std::vector<double> site(28, 52.25), operation(28, 52.25);
  for (int k = 0; k < 3; ++k) site[k] = operation[k] = -316.298;
  for (int k = 3; k < 10; ++k) site[k] = operation[k] = 47.52;
  for (int k = 10; k < 13; ++k) operation[k] = 80.52;
  const Json s = invest_json();
  EXPECT_EQ(s.at("contract_start"), "site");
  const Json& flows = s.at("incremental_cash_flows_usd");
  ASSERT_EQ(flows.size(), 28u);
  for (std::size_t k = 0; k < 28; ++k)
    EXPECT_NEAR(flows[k].get<double>() / 1e6, site[k], 0.01) << k;
  EXPECT_NEAR(s.at("incremental_npv_usd").get<double>() / 1e6, npv8(site), 0.1);
  EXPECT_NEAR(s.at("incremental_npv_usd").get<double>() / 1e6, -392.0, 0.2);
  // Payback: −948.894 + 7 × 47.52 = −616.254 after year 10, then 616.254 / 52.25 = 11.794 years.
  EXPECT_NEAR(s.at("incremental_payback_years").get<double>(), 10 + 616.254 / 52.25, 0.001);
  const Json o = invest_json({"--set", "investment.contract_start=operation"});
  EXPECT_EQ(o.at("contract_start"), "operation");
  EXPECT_NEAR(o.at("incremental_npv_usd").get<double>() / 1e6, npv8(operation), 0.1);
  EXPECT_NEAR(o.at("incremental_npv_usd").get<double>() / 1e6, -358.2, 0.05);
  EXPECT_NEAR(
      (o.at("incremental_npv_usd").get<double>() - s.at("incremental_npv_usd").get<double>()) / 1e6,
      28.27 * (std::pow(1.08, -11) + std::pow(1.08, -12) + std::pow(1.08, -13)), 0.1);
  // The break-even of the retrofit holds one price every year: the calendar does not move it.
  EXPECT_NEAR(s.at("incremental_breakeven_power_usd_per_MWh").get<double>(),
              o.at("incremental_breakeven_power_usd_per_MWh").get<double>(), 1e-6);
  // The text names the calendar; a new build keeps its contract from its first operating year.
  const RunResult text = potline({"invest", example("invest-ap60-retrofit.toml")});
  expect_in(text.out,
            "power 40.00 USD/MWh for 10 contract years (from the first construction year: "
            "contract_start = "
            "site), then 50.00 USD/MWh");
  expect_in(text.out, "retrofit against keeping the old cells: NPV -391.9 M USD");
  const Json nb = parse_json(potline({"invest", example("invest-new-build.toml"), "--json"}).out);
  EXPECT_EQ(nb.at("contract_start"), "operation");
}

}  // namespace potline_cli_test::test_cli_trial10_contract
