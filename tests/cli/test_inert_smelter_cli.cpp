// Inert anodes through potline smelter and potline invest (docs/model/inert-anode.md): the example
// has no anode, baking or PFC emissions; a carbon-anode input exits 2 naming the key; an inert-anode
// retrofit drops the existing plant's carbon-anode inputs.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_inert_smelter_cli {
namespace {

std::string example_case(const std::string& name) { return (source_dir() / "examples" / (name + ".toml")).string(); }

}  // namespace

TEST(InertSmelterCli, ElysisLikeSmelterHasNoAnodeEmissionsAndEvolvesOxygen) {
  const RunResult r = potline({"smelter", example_case("smelter-inert-anode-elysis-like"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  expect_all_finite(j);
  EXPECT_EQ(j.at("anode").at("type"), "inert");
  const Json& e = j.at("emissions_t_co2e_per_t");
  for (const char* key : {"anode_co2", "baking_co2", "pfc", "baking_fuel_co2"}) {
    EXPECT_DOUBLE_EQ(e.at(key).get<double>(), 0.0) << key;
  }
  EXPECT_NEAR(j.at("anode").at("o2_t_per_t").get<double>(), 0.8894, 1e-4);
  EXPECT_NEAR(j.at("cost_usd_per_t").at("breakdown").at("carbon").get<double>(), 255.0, 1e-9);
  const RunResult carbon = potline({"smelter", example_case("smelter-ca-hydro"), "--json"});
  ASSERT_EQ(carbon.exit_code, 0) << carbon.describe();
  EXPECT_LT(e.at("direct").get<double>() + 1.5,
            parse_json(carbon.out).at("emissions_t_co2e_per_t").at("direct").get<double>());
}

TEST(InertSmelterCli, CarbonAnodeInputInAnInertSmelterExitsTwoNamingTheKey) {
  const RunResult r =
      potline({"smelter", example_case("smelter-inert-anode-elysis-like"), "--set", "consumption.net_carbon=0.4"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("consumption.net_carbon"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is a carbon-anode input, but anode.type = \"inert\""), std::string::npos) << r.err;
}

TEST(InertSmelterCli, InertAnodeRetrofitThroughInvest) {
  const RunResult r = potline({"invest", example_case("invest-ap60-retrofit"), "--json", "--set",
                               "retrofit.anode_type=inert", "--set", "retrofit.anode_cost=255", "--set",
                               "retrofit.sec_ac=13.6 kWh/kg"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("operating").at("anode_type"), "inert");
  // Hydro power, no casthouse fuel given: only the default casthouse fuel stays direct.
  EXPECT_LT(j.at("operating").at("direct_t_co2e_per_t").get<double>(), 0.1);
  const RunResult missing =
      potline({"invest", example_case("invest-ap60-retrofit"), "--set", "retrofit.anode_type=inert"});
  EXPECT_EQ(missing.exit_code, 2) << missing.describe();
  EXPECT_NE(missing.err.find("retrofit.anode_cost"), std::string::npos) << missing.err;
}

}  // namespace test_inert_smelter_cli
}  // namespace potline_cli_test
