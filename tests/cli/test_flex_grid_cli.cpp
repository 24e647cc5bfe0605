// Interruptible load ([grid] of potline flex) and the fleet link (fleet.flex* of potline fleet) end
// to end: bad inputs exit 2 with the key, the value and what binds, all in one pass; the fleet's
// flexible capacity is the configuration's share of each producing smelter's power, summed by
// region, and written to flex_capacity.csv.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_flex_grid_cli {
namespace {

TEST(FlexGridCli, BadGridInputsAreNamedInOnePass) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "grid.call_min_power=97 %", "--set",
                               "grid.call_period=2 h", "--set", "grid.call_duration=4 h"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'grid.call_min_power': 97 % is above flex.min_power = 95 %"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'grid.call_duration': 4 h is longer than grid.call_period = 2 h"), std::string::npos) << r.err;
}

TEST(FlexGridCli, OutOfRangeGridValuesAreSchemaErrors) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "grid.call_duration=30 h", "--set",
                               "grid.reserve_price=-1 EUR/(MW h)"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("grid.call_duration"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the allowed range [0.25, 24] h"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("grid.reserve_price"), std::string::npos) << r.err;
}

TEST(FleetFlexCli, HeatExchangerCapacityIsAQuarterOfThePowerForTwoDays) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--json",
                               "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& f = j.at("flexible_capacity");
  EXPECT_EQ(f.at("configuration"), "heat_exchangers");
  const double power = f.at("power_MW").get<double>();
  // World primary aluminium draws about 100 GW (≈ 70 Mt/yr at ≈ 14-15 MWh/t AC); the model's
  // production and specific energies must land near that.
  EXPECT_GT(power, 70e3);
  EXPECT_LT(power, 140e3);
  EXPECT_NEAR(f.at("flexible_MW").get<double>(), 0.25 * power, 1e-6 * power);
  EXPECT_NEAR(f.at("flexible_MWh").get<double>(), 0.25 * power * 48, 1e-6 * power * 48);
  double sum = 0;
  for (const auto& [region, v] : f.at("by_region").items()) sum += v.at("flexible_MW").get<double>();
  EXPECT_NEAR(sum, f.at("flexible_MW").get<double>(), 1e-6 * power);
  const std::string csv = read_file(dir.path() / "run" / "flex_capacity.csv");
  EXPECT_EQ(csv.rfind("smelter,name,region,power [MW],flexible [MW],flexible [MWh]\n", 0), 0u) << csv.substr(0, 200);
}

TEST(FleetFlexCli, CustomShareAndDurationOverrideThePreset) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=conventional", "--set",
                               "fleet.flex_duration=10 h", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json f = parse_json(r.out).at("flexible_capacity");
  EXPECT_NEAR(f.at("power_percent").get<double>(), 5.0, 1e-12);
  EXPECT_NEAR(f.at("flexible_MWh").get<double>(), f.at("flexible_MW").get<double>() * 10, 1e-6);
  const RunResult none = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(none.exit_code, 0) << none.describe();
  EXPECT_FALSE(parse_json(none.out).contains("flexible_capacity"));
}

TEST(FleetFlexCli, BadFlexKeysExitTwo) {
  const RunResult r =
      potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=battery", "--set", "fleet.flex_power=0 %"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("fleet.flex"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("battery"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'fleet.flex_power'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace test_flex_grid_cli
}  // namespace potline_cli_test
