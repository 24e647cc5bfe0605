// Interruptible load ([grid] of potline flex) and the fleet link (fleet.flex* of potline fleet) end
// to end: bad inputs exit 2 with the key, the value and what binds, all in one pass; the fleet's
// flexible capacity is the configuration's level of each producing smelter's power, held as long as
// the representative cell of its technology holds it (or the preset's horizon), summed by region,
// and written to flex_capacity.csv.
#include <cmath>

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

TEST(FleetFlexCli, PresetHeatExchangerCapacityIsAQuarterOfThePowerForTwoDays) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--set",
                               "fleet.flex_source=preset", "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& f = j.at("flexible_capacity");
  EXPECT_EQ(f.at("configuration"), "heat_exchangers");
  EXPECT_EQ(f.at("source"), "preset");
  const double power = f.at("power_MW").get<double>();
  EXPECT_GT(power, 70e3);
  EXPECT_LT(power, 140e3);
  EXPECT_NEAR(f.at("flexible_MW").get<double>(), 0.25 * power, 1e-6 * power);
  EXPECT_NEAR(f.at("flexible_MWh").get<double>(), 0.25 * power * 48, 1e-6 * power * 48);
  EXPECT_NEAR(f.at("down_MWh").get<double>(), 0.25 * power * 48, 1e-6 * power * 48);
  EXPECT_TRUE(f.at("by_technology").empty());
  const std::string csv = read_file(dir.path() / "run" / "flex_capacity.csv");
  EXPECT_EQ(csv.rfind("smelter,name,region,power [MW],flexible [MW],flexible [MWh],technology,line current [kA],level [%],"
                      "down hold [h],down limit,up hold [h],up limit,down [MWh],up [MWh]\n",
                      0),
            0u)
      << csv.substr(0, 300);
  EXPECT_NE(csv.find(",48,preset,48,preset,"), std::string::npos) << csv.substr(0, 400);
}

// F17 (docs/validation.md): the world's flexible capacity with shell heat exchangers, each smelter
// holding what the dynamic model's representative cell of its own technology holds. World power
// about 100 GW (≈ 70 Mt/yr at ≈ 14-15 MWh/t AC); the P155 cells at their published 170 kA hold −25 %
// as the TRIMET-like case does (F8 at the fleet's seed 1: 41.9 h, the superheat; the fleet's
// heat-exchanger cell carries the examples' top heat retention in a cut since 2026-12-07) and +25 %
// the 48 h.
TEST(FleetFlexCli, EnvelopeCapacityOfTheWorldHoldsEachTechnologysTime) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--json",
                               "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json f = parse_json(r.out).at("flexible_capacity");
  EXPECT_EQ(f.at("source"), "envelope");
  const double power = f.at("power_MW").get<double>();
  EXPECT_GT(power, 70e3);
  EXPECT_LT(power, 140e3);
  EXPECT_NEAR(f.at("flexible_MW").get<double>(), 0.25 * power, 1e-6 * power);
  const double down = f.at("down_MWh").get<double>(), up = f.at("up_MWh").get<double>();
  EXPECT_LT(down, 0.25 * power * 48);
  EXPECT_LE(up, 0.25 * power * 48 * (1 + 1e-9));
  EXPECT_LE(f.at("flexible_MWh").get<double>(), std::min(down, up) * (1 + 1e-9));
  double sum_mw = 0, sum_mwh = 0, sum_down = 0;
  for (const auto& [region, v] : f.at("by_region").items()) {
    sum_mw += v.at("flexible_MW").get<double>();
    sum_mwh += v.at("flexible_MWh").get<double>();
    sum_down += v.at("down_MWh").get<double>();
  }
  EXPECT_NEAR(sum_mw, f.at("flexible_MW").get<double>(), 1e-6 * power);
  EXPECT_NEAR(sum_mwh, f.at("flexible_MWh").get<double>(), 1e-6 * power);
  EXPECT_NEAR(sum_down, down, 1e-6 * power);
  bool p155 = false;
  int smelters = 0;
  for (const Json& t : f.at("by_technology")) {
    smelters += t.at("smelters").get<int>();
    EXPECT_LE(t.at("down_hold_h").get<double>(), 48.0);
    if (t.at("technology") == "P155" && t.at("line_current_origin") == "technology") {
      p155 = true;
      EXPECT_NEAR(t.at("line_current_kA").get<double>(), 170.0, 1e-9);
      // F8's line at the fleet's seed (run.seed 1), from a cell settled 48 h at nominal, with the top
      // heat retention in a cut and the exchangers keeping a cut's ledge below a 6 K superheat mean
      // (heat_exchangers.melt_back_superheat, as examples/flex-week-heat-exchangers.toml): the whole
      // 48 h (71.4 h in a 168-h run of the example at seed 1, measured 2026-12-07). Before the ledge
      // was kept 41.8 h (superheat_min); before the retention 15.7 h.
      EXPECT_NEAR(t.at("down_hold_h").get<double>(), 48.0, 1e-9) << t.dump();
      EXPECT_EQ(t.at("down_limit"), "none");
      EXPECT_NEAR(t.at("up_hold_h").get<double>(), 48.0, 1e-9) << t.dump();
    }
    // T8-3: the controller holds the ACD at control.acd_min (2.5 cm); AP40 at 400 kA then
    // overheats upwards (23.2 h, measured 2026-12-06) and the hold is named after the floor.
    if (t.at("technology") == "AP40" && std::abs(t.at("line_current_kA").get<double>() - 400.0) < 1e-9) {
      EXPECT_EQ(t.at("up_limit"), "acd_min") << t.dump();
      EXPECT_LT(t.at("up_hold_h").get<double>(), 48.0) << t.dump();
    }
  }
  EXPECT_TRUE(p155) << f.at("by_technology").dump();
  EXPECT_EQ(smelters, f.at("smelters").get<int>());
}

// F5 consistency: conventional cells hold ±5 % for about the 48 h, whatever their technology and
// current. Since a case at another line current starts at the ACD its control settles at (user trial
// T17-5, 2026-12-07), AP30 at its smelter's 405 kA holds +5 % 44.6 h (ledge_min; 48 h before, from
// the catalogue ACD's hotter start); every other technology and every −5 % the whole 48 h (measured
// 2026-12-07). Flexible energy within 0.1 % of 5 % × power × 48 h. The one exception since user
// trial T19-2 (2026-12-07 evening): Laterrière's P155 at its own 219 kA (170 kA in the catalogue) is
// run as the calibrated cell there, which starts outside the safe window, so it holds nothing either
// way and its power is left out of the flexible energy.
TEST(FleetFlexCli, ConventionalFivePercentHoldsAboutTheHorizonForEveryTechnology) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=conventional", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json f = parse_json(r.out).at("flexible_capacity");
  ASSERT_FALSE(f.at("by_technology").empty());
  double power_outside_window = 0.0;
  for (const Json& t : f.at("by_technology")) {
    if (t.at("technology") == "P155" && std::abs(t.at("line_current_kA").get<double>() - 219.0) < 1e-9) {
      EXPECT_EQ(t.at("down_hold_h").get<double>(), 0.0) << t.dump();
      EXPECT_EQ(t.at("up_hold_h").get<double>(), 0.0) << t.dump();
      power_outside_window += t.at("power_MW").get<double>();
      continue;
    }
    EXPECT_NEAR(t.at("down_hold_h").get<double>(), 48.0, 1e-9) << t.dump();
    EXPECT_GE(t.at("up_hold_h").get<double>(), 44.0) << t.dump();
  }
  EXPECT_GT(power_outside_window, 0.0);
  const double power = f.at("power_MW").get<double>() - power_outside_window;
  EXPECT_NEAR(f.at("flexible_MWh").get<double>(), 0.05 * power * 48, 1e-3 * 0.05 * power * 48);
}

TEST(FleetFlexCli, CustomShareAndDurationOverrideThePreset) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=conventional", "--set",
                               "fleet.flex_duration=10 h", "--set", "fleet.flex_source=preset", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json f = parse_json(r.out).at("flexible_capacity");
  EXPECT_NEAR(f.at("power_percent").get<double>(), 5.0, 1e-12);
  EXPECT_NEAR(f.at("flexible_MWh").get<double>(), f.at("flexible_MW").get<double>() * 10, 1e-6);
  const RunResult none = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(none.exit_code, 0) << none.describe();
  EXPECT_FALSE(parse_json(none.out).contains("flexible_capacity"));
}

TEST(FleetFlexCli, BadFlexKeysExitTwo) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=battery", "--set",
                               "fleet.flex_power=-5 %", "--set", "fleet.flex_source=guess"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'fleet.flex'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("battery"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'fleet.flex_power'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'fleet.flex_source'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("guess"), std::string::npos) << r.err;
}

// A conventional cell's rectifier (potline.max_current, 1.25 × its line current) cannot draw +40 %
// once the heat feed-forward has lowered the voltage: an input error naming the cell and the reach (one
// error for all cells, at the --set, since user trial T17-8).
TEST(FleetFlexCli, LevelBeyondAConventionalRectifierIsAnInputError) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=conventional", "--set",
                               "fleet.flex_power=40 %"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--set #2: error: 'fleet.flex_power': +40 % of power is beyond the rectifier's reach of "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("; the lowest is the representative "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fleet.flex = \"heat_exchangers\""), std::string::npos) << r.err;
}

}  // namespace
}  // namespace test_flex_grid_cli
}  // namespace potline_cli_test
