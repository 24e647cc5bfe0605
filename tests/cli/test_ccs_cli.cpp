// Carbon capture end to end (docs/model/ccs.md): the smelter-ccs-hydro example answers "what carbon
// price makes capture pay", a capture rate above 1 exits 2 naming the key, and a capture retrofit
// runs through potline invest.
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_ccs_cli {
namespace {

std::string example_case(const std::string& name) { return (source_dir() / "examples" / (name + ".toml")).string(); }

}  // namespace

TEST(CcsCli, HydroSmelterExampleGivesTheBreakEvenCarbonPrice) {
  const RunResult r = potline({"smelter", example_case("smelter-ccs-hydro"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  const Json& ccs = j.at("ccs");
  ASSERT_TRUE(ccs.is_object());
  // Hydro power and an electric boiler: the capture emits nothing, so all captured CO2 is avoided.
  EXPECT_NEAR(ccs.at("avoided_direct_t_per_t").get<double>(), ccs.at("captured_t_per_t").get<double>(), 1e-12);
  const double cost = ccs.at("cost_usd_per_t").get<double>();
  EXPECT_NEAR(ccs.at("breakeven_co2_price_usd_per_t").get<double>(), cost / ccs.at("captured_t_per_t").get<double>(),
              1e-6);
  EXPECT_NEAR(j.at("cost_usd_per_t").at("breakdown").at("ccs").get<double>(), cost, 1e-9);
  // Without capture (the same plant as smelter-ca-hydro) the direct emissions are higher by the
  // captured CO2.
  const RunResult base = potline({"smelter", example_case("smelter-ccs-hydro"), "--set", "ccs.capture_rate=0", "--json"});
  ASSERT_EQ(base.exit_code, 0) << base.describe();
  const Json b = parse_json(base.out);
  EXPECT_TRUE(b.at("ccs").is_null());
  EXPECT_NEAR(b.at("emissions_t_co2e_per_t").at("direct").get<double>() -
                  j.at("emissions_t_co2e_per_t").at("direct").get<double>(),
              ccs.at("captured_t_per_t").get<double>(), 1e-9);
  const RunResult text = potline({"smelter", example_case("smelter-ccs-hydro")});
  EXPECT_NE(text.out.find("break-even carbon price"), std::string::npos) << text.out;
}

// A richer gas (less draft or gas recycling) with the capture cost given for 1 %: the plant treats a
// quarter of the gas per t CO2 and its cost falls by 4^0.6 (docs/model/ccs.md); the fan work falls 4-fold.
TEST(CcsCli, RicherGasLowersTheScaledCaptureCostAndTheBreakEvenPrice) {
  const RunResult one = potline({"smelter", example_case("smelter-ccs-hydro"), "--json"});
  const RunResult four = potline({"smelter", example_case("smelter-ccs-hydro"), "--json", "--set", "ccs.co2_fraction=4%",
                                  "--set", "ccs.cost_basis_co2_fraction=1%"});
  ASSERT_EQ(one.exit_code, 0) << one.describe();
  ASSERT_EQ(four.exit_code, 0) << four.describe();
  const Json a = parse_json(one.out).at("ccs");
  const Json b = parse_json(four.out).at("ccs");
  expect_all_finite(b);
  EXPECT_NEAR(a.at("capture_cost_scale").get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(b.at("capture_cost_usd_per_t_co2").get<double>(), 150.0 * std::pow(0.25, 0.6), 1e-6);
  EXPECT_NEAR(b.at("fan_kWh_per_t_co2").get<double>(), a.at("fan_kWh_per_t_co2").get<double>() / 4.0, 1e-6);
  EXPECT_LT(b.at("breakeven_co2_price_usd_per_t").get<double>(), a.at("breakeven_co2_price_usd_per_t").get<double>());
  const RunResult text = potline({"smelter", example_case("smelter-ccs-hydro"), "--set", "ccs.co2_fraction=4%", "--set",
                                  "ccs.cost_basis_co2_fraction=1%"});
  EXPECT_NE(text.out.find("the given cost x 0.435"), std::string::npos) << text.out;
}

TEST(CcsCli, CaptureRateAboveOneIsAnInputError) {
  const RunResult r = potline({"smelter", example_case("smelter-ccs-hydro"), "--set", "ccs.capture_rate=1.2"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("ccs.capture_rate"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is outside the allowed range"), std::string::npos) << r.err;
}

TEST(CcsCli, CaptureRetrofitRunsThroughInvest) {
  const std::vector<std::string> capture = {"--set", "retrofit.ccs_capture_rate=0.9", "--set", "ccs.capture_cost=150",
                                            "--set", "ccs.transport_storage=20", "--set", "ccs.heat_supply=electric"};
  std::vector<std::string> args = {"invest", example_case("invest-ap60-retrofit"), "--json"};
  const RunResult plain = potline(args);
  args.insert(args.end(), capture.begin(), capture.end());
  const RunResult r = potline(args);
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json p = parse_json(plain.out);
  EXPECT_DOUBLE_EQ(j.at("operating").at("ccs_capture_rate").get<double>(), 0.9);
  EXPECT_GT(j.at("operating").at("ccs_cost_usd_per_t").get<double>(), 0.0);
  EXPECT_LT(j.at("operating").at("direct_t_co2e_per_t").get<double>(),
            p.at("operating").at("direct_t_co2e_per_t").get<double>() - 1.0);
  // invest prices no carbon: capture only costs.
  EXPECT_LT(j.at("npv_usd").get<double>(), p.at("npv_usd").get<double>());
}

}  // namespace test_ccs_cli
}  // namespace potline_cli_test
