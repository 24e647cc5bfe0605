// fleet.restart_regions end to end (user trial 11, T11-3): examples/us-tariff-50.toml restarts the
// curtailed US rows only, so every row that is not operating in its cost curve is a US row and the
// regions outside the US produce what they do in examples/world.toml but for the price change; an
// unknown region id is an input error (exit 2) at the key's file:line:col.
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_fleet_restart_regions_cli {

TEST(RestartRegionsCli, UsTariffExampleRestartsOnlyUsCapacity) {
  const RunResult w = potline({"fleet", example("world.toml"), "--json"});
  const RunResult u = potline({"fleet", example("us-tariff-50.toml"), "--json"});
  ASSERT_EQ(w.exit_code, 0) << w.describe();
  ASSERT_EQ(u.exit_code, 0) << u.describe();
  const Json jw = parse_json(w.out), ju = parse_json(u.out);
  // More US capacity than world.toml (its curtailed rows), the same capacity everywhere else.
  for (const auto& [region, capacity] : jw.at("capacity_by_region_Mt").items()) {
    const double mine = ju.at("capacity_by_region_Mt").at(region).get<double>();
    if (region == "usa")
      EXPECT_GT(mine, capacity.get<double>() + 0.5)
          << region;  // Hawesville, Marston (0.51 Mt; Wenatchee and Badin closed since T14-6)
    else
      EXPECT_NEAR(mine, capacity.get<double>(), 1e-9) << region;
  }
  // The added production is US production: no other region's rises. The lower world price (2,369.9
  // → 2,358.6 USD/t, measured 2026-12-07 evening) cuts marginal plants elsewhere a little (Europe
  // −12.5 kt, Oceania −13.4 kt since Portland and Tiwai Point run their dated 2024 rates, W25).
  const double added = ju.at("production_Mt").get<double>() - jw.at("production_Mt").get<double>();
  const double us_added = ju.at("production_by_region_Mt").at("usa").get<double>() -
                          jw.at("production_by_region_Mt").at("usa").get<double>();
  EXPECT_GT(us_added, 0.1);
  EXPECT_NEAR(added, us_added, 0.03);
  for (const auto& [region, mt] : ju.at("production_by_region_Mt").items())
    if (region != "usa")
      EXPECT_LE(mt.get<double>(), jw.at("production_by_region_Mt").at(region).get<double>() + 1e-9) << region;
}

// A curtailed row outside the listed regions (ALSCON, Nigeria, suspended since 2013) is left out,
// and --export-smelter says by which key (Volkhov until its status became unknown, T14-6).
TEST(RestartRegionsCli, ExportOfARowLeftOutNamesTheKey) {
  const RunResult r =
      potline({"fleet", example("us-tariff-50.toml"), "--export-smelter", "af-alscon"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "with status curtailed in region africa, not one of fleet.restart_regions");
  expect_in(r.err,
            "offers only the rows of those regions for restart (fleet.restart_regions = usa)");
}

TEST(RestartRegionsCli, UnknownRegionIsAnInputErrorWithItsPlace) {
  TempDir dir;
  const std::string file = (dir.path() / "restart.toml").string();
  std::ofstream(file) << "[case]\nbase = \"" << example("world.toml") << "\"\n\n[fleet]\n"
                      << "include_status = [\"operating\", \"curtailed\"]\nrestart_regions = "
                         "[\"usa\", \"europa\"]\n";
  const RunResult r = potline({"fleet", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "restart.toml:6:19:");
  expect_in(r.err, "fleet.restart_regions");
  expect_in(r.err, "unknown region 'europa' (did you mean 'europe'?)");
}

}  // namespace potline_cli_test::test_fleet_restart_regions_cli
