// potline flex: the year's value and the heat-exchanger payback are on the savings the dynamic
// model delivers (T6-4), not on the reduced model's plan; the text prints both, the dynamic
// production change and the reduced model's notes. Relations, not frozen numbers.
#include <cmath>
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_value_cli {
namespace {

double num(const Json& j) {
  return j.get<double>();
}

TEST(FlexValueCli, WeekExampleAnnualValueAndPaybackUseTheDeliveredSavings) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& v = j["value"];
  EXPECT_EQ(v["annual_value_basis"], "delivered");
  // The delivered savings are the dynamic runs' margins, optimised less flat.
  const double delivered =
      num(j["optimised"]["delivered"]["margin_eur"]) - num(j["flat"]["delivered"]["margin_eur"]);
  EXPECT_NEAR(num(v["delivered_savings_eur"]), delivered, 1e-6 * std::abs(delivered) + 1e-6);
  // Their metal is the dynamic check's; their energy the cells' DC over the rectifier efficiency.
  EXPECT_NEAR(num(j["optimised"]["delivered"]["production_t"]) -
                  num(j["flat"]["delivered"]["production_t"]),
              num(v["dynamic_production_change_t"]), 1e-6);
  EXPECT_NEAR(num(j["optimised"]["delivered"]["energy_MWh"]),
              num(j["optimised"]["check"]["energy_MWh"]) / num(j["rectifier_efficiency"]), 1e-6);
  // The year scales the delivered savings by the same factor as the planned ones.
  const double factor = num(v["planned_annual_value_eur"]) / num(v["savings_eur"]);
  EXPECT_NEAR(num(v["annual_value_eur"]), num(v["delivered_savings_eur"]) * factor,
              1e-9 * std::abs(num(v["annual_value_eur"])));
  ASSERT_GT(num(v["annual_value_eur"]), 0.0);
  EXPECT_NEAR(num(v["heat_exchanger_payback_years"]),
              num(v["heat_exchanger_capex_eur"]) / num(v["annual_value_eur"]), 1e-9);
  // The annual value is not the plan's unless the two savings agree.
  EXPECT_NEAR(num(v["annual_value_eur"]) - num(v["planned_annual_value_eur"]),
              (num(v["delivered_savings_eur"]) - num(v["savings_eur"])) * factor,
              1e-6 * num(v["planned_annual_value_eur"]));
}

TEST(FlexValueCli, TextPrintsTheDeliveredValueAndWarnsOnAFitErrorBeyondTheWindow) {
  // +50 % fit step: the fit run freezes (a reduced-model note) and the superheat fit error exceeds
  // half the 5–15 K window.
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.max_power=150 %"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  as delivered in the dynamic model (its metal; the energy the cells drew, "
                       "at each step's price): "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  reduced model: the 50 % run stopped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  warning: the reduced model's superheat fit error, "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("is larger than half the superheat window flex.superheat_min 5.0 K to "
                       "flex.superheat_max 15.0 K "
                       "(5.0 K)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  a year: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" (as delivered; planned "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace test_flex_value_cli
}  // namespace potline_cli_test
