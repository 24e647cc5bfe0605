// HPA upgrading beside the potlines (docs/model/hpa.md): the US example against a hand computation,
// the segregation route, and the input errors.
#include <fmt/format.h>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_hpa_cli {
namespace {

std::string hpa_us() { return (source_dir() / "examples" / "hpa-us.toml").string(); }

}  // namespace

// Three-layer defaults: yield 0.965, 16 kWh/kg. Metal price 2400 + 400 USD/t, power 55 USD/MWh:
// lost metal (1/0.965 − 1) × 2800 = 101.55, energy 16 × 55 = 880, conversion 600 → 1581.6 USD/t;
// margin 2000 − 1581.6 = 418.4 USD/t; load 16 kWh/kg × 20,000 t/yr / 8766 h = 36.5 MW.
TEST(HpaCli, UsExampleMatchesAHandComputation) {
  const RunResult r = potline({"smelter", hpa_us(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& h = j.at("hpa");
  ASSERT_TRUE(h.is_object());
  EXPECT_EQ(h.at("route"), "three_layer");
  EXPECT_NEAR(h.at("feed_t_per_year").get<double>(), 20000 / 0.965, 1e-6);
  const double lost = (1 / 0.965 - 1) * 2800;
  EXPECT_NEAR(h.at("cost_usd_per_t").at("metal_lost").get<double>(), lost, 1e-6);
  EXPECT_NEAR(h.at("cost_usd_per_t").at("energy").get<double>(), 880, 1e-6);
  EXPECT_NEAR(h.at("breakeven_premium_usd_per_t").get<double>(), lost + 880 + 600, 1e-6);
  EXPECT_NEAR(h.at("margin_usd_per_t").get<double>(), 2000 - (lost + 880 + 600), 1e-6);
  EXPECT_NEAR(h.at("electrical_load_MW").get<double>(), 16.0 * 20000 * 1000 / (365.25 * 24) / 1000, 1e-6);
  const RunResult text = potline({"smelter", hpa_us()});
  EXPECT_NE(text.out.find("HPA line"), std::string::npos) << text.out;
}

TEST(HpaCli, SegregationLosesNoMetalAndUsesFarLessEnergy) {
  const RunResult r =
      potline({"smelter", hpa_us(), "--json", "--set", "hpa.route=segregation", "--set", "hpa.yield=0.6"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  EXPECT_DOUBLE_EQ(h.at("cost_usd_per_t").at("metal_lost").get<double>(), 0.0);
  EXPECT_NEAR(h.at("energy_kWh_per_kg").get<double>(), 16.0 / std::sqrt(200.0), 1e-9);
  EXPECT_NEAR(h.at("feed_t_per_year").get<double>(), 20000 / 0.6, 1e-6);
}

TEST(HpaCli, MissingYieldAndTooLargeALineAreInputErrors) {
  const RunResult r = potline({"smelter", hpa_us(), "--set", "hpa.route=segregation"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("hpa.yield"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("required with hpa.route = \"segregation\""), std::string::npos) << r.err;
  const RunResult big = potline({"smelter", hpa_us(), "--set", "hpa.capacity=300000 t/yr"});
  EXPECT_EQ(big.exit_code, 2) << big.describe();
  EXPECT_NE(big.err.find("more than the potlines produce"), std::string::npos) << big.err;
}

// potline invest with [hpa]: the text output states the line and the project's return with it (it used to
// print the project alone, so the JSON's hpa.irr_with_hpa had no text counterpart).
TEST(HpaCli, InvestTextStatesTheReturnWithTheHpaLine) {
  const std::string invest = (source_dir() / "examples" / "invest-new-build.toml").string();
  const std::vector<std::string> sets = {"--set", "hpa.capacity=20000 t/yr", "--set", "hpa.conversion_cost=1500",
                                         "--set", "hpa.premium=3000"};
  std::vector<std::string> json_args = {"invest", invest, "--json"};
  json_args.insert(json_args.end(), sets.begin(), sets.end());
  const RunResult r = potline(json_args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  std::vector<std::string> text_args = {"invest", invest};
  text_args.insert(text_args.end(), sets.begin(), sets.end());
  const RunResult text = potline(text_args);
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("HPA line (three_layer, 20000 t/yr)"), std::string::npos) << text.out;
  const std::string irr = fmt::format("IRR {:.2f} %", 100 * h.at("irr_with_hpa").get<double>());
  EXPECT_NE(text.out.find("with the HPA line: NPV " + fmt::format("{:.4g}", h.at("npv_with_hpa_usd").get<double>()) +
                          " USD   " + irr),
            std::string::npos)
      << text.out;
  const RunResult plain = potline({"invest", invest});
  EXPECT_EQ(plain.out.find("HPA line"), std::string::npos) << plain.out;
}

}  // namespace test_hpa_cli
}  // namespace potline_cli_test
