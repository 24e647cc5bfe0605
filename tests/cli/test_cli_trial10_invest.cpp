// User trial 10 (2026-12-06; docs/cli.md Changes), T10-2 and T10-3: invest payback and power-price
// plausibility: each fix asserted as the user reads it, with the numbers computed by hand from the
// inputs.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_invest {
namespace {

// T10-2: a plant ahead at 9.6 years and 4.7 bn USD behind at the end (its power contract ends after
// 10 of 30 years, then 120 USD/MWh) printed "payback 9.6 years"; by the documented rule it has
// none.
TEST(CliTrial10Fixes, PaybackNeedsTheCumulativeCashFlowToStayPositive) {
  const std::vector<std::string> sets = {"--set", "investment.epc_fee_share=0",
                                         "--set", "investment.construction_years=0",
                                         "--set", "investment.contract_years=10",
                                         "--set", "investment.post_contract_power=120 USD/MWh"};
  std::vector<std::string> args = {"invest", example("invest-new-build.toml"), "--json"};
  args.insert(args.end(), sets.begin(), sets.end());
  const RunResult r = potline(args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const std::vector<double> cf = j.at("cash_flows_usd").get<std::vector<double>>();
  double cumulative = 0, first_ahead = -1;
  for (std::size_t k = 0; k < cf.size(); ++k) {
    if (cumulative < 0 && cumulative + cf[k] >= 0 && first_ahead < 0)
      first_ahead = k - cumulative / cf[k];
    cumulative += cf[k];
  }
  ASSERT_GT(first_ahead, 0.0);  // ahead once ...
  ASSERT_LT(cumulative, -1e9);  // ... and billions behind at the end
  EXPECT_TRUE(j.at("payback_years").is_null()) << j.at("payback_years");
  const std::string notes = j.at("notes").dump();
  expect_in(
      notes,
      fmt::format(
          "no payback: the cumulative cash flow turns positive at {:.1f} years but is negative "
          "again at the end ({:.1f} M USD)",
          first_ahead, cumulative / 1e6));
  expect_in(notes, "operating years (years 11-30 of the appraisal, down to ");
  expect_in(notes, "the plant runs on at a loss, closure is not modelled");
  args.erase(args.begin() + 2);  // text
  const RunResult text = potline(args);
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(
      text.out,
      fmt::format(
          "payback never (the cumulative cash flow is positive at {:.1f} years, negative again "
          "at the end)",
          first_ahead));
  // The shipped case pays back and stays ahead: unchanged (14.6 years from the start of
  // construction).
  const RunResult shipped = potline({"invest", example("invest-new-build.toml")});
  expect_in(shipped.out,
            "payback 14.6 years from the start of construction (3 construction years)");
}

// T10-3: post_contract_power = "50 USD/kWh" passed silently where prices.power warns; the range
// comes from prices.power's declaration. A post-contract price the contract never reaches is said.
TEST(CliTrial10Fixes, PostContractPowerHasThePowerPriceRange) {
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--set",
                               "investment.post_contract_power=50 USD/kWh"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err,  // located on stderr since T12-5
            "--set #1: warning: 'investment.post_contract_power': value '50 USD/kWh' (= 50000 USD/MWh) is outside the "
            "typical range 5–300 USD/MWh");
  expect_in(r.out + r.err,
            "1000 times too high? 50 USD/MWh would be typical (a kWh/MWh, kg/t or A/kA slip)");
  const RunResult covered = potline(
      {"invest", example("invest-new-build.toml"), "--set", "investment.contract_years=40"});
  ASSERT_EQ(covered.exit_code, 0) << covered.describe();
  expect_in(covered.err,
            "'investment.post_contract_power': never used: the contract (40 years, "
            "investment.contract_years) covers "
            "every operating year (30, investment.operating_years)");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial10_invest
