// Fuel price paths end to end (docs/model/fleet.md, "Fuel price paths"): bad rows of a fuel path file
// exit 2 with file:line:col, key, value, unit and range, all in one pass; a path run writes the
// captive power price of each region and year (path.csv), and a higher Gulf gas path moves it.
#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_fleet_fuel_paths_cli {
namespace {

/// The captive_power_usd_per_MWh of `region` in `year` from a path.csv.
double captive_power(const std::string& csv, int year, const std::string& region) {
  for (const std::string& line : lines_of(csv)) {
    if (line.rfind(std::to_string(year) + "," + region + ",", 0) != 0) continue;
    return std::stod(line.substr(line.rfind(',') + 1));
  }
  ADD_FAILURE() << "no row " << year << " " << region;
  return 0;
}

}  // namespace

TEST(FleetFuelPathsCli, BadFuelPathFileExitsTwoWithEveryErrorLocated) {
  TempDir dir;
  const auto file = dir.path() / "fuel.toml";
  std::ofstream(file) << "[[fuel_path]]\nfuel = \"gas\"\nregion = \"gcc\"\nyear = 2024\nprice = \"900 USD/GJ\"\n"
                         "source = \"s\"\n"
                         "[[fuel_path]]\nfuel = \"coal\"\nregion = \"indai\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"
                         "[[fuel_path]]\nfuel = \"coal\"\ncountry = \"KAZ\"\nyear = 2024\nprice = 3\nsource = \"s\"\n"
                         "[[fuel_path]]\nfuel = \"coal\"\ncountry = \"KAZ\"\nyear = 2026\nprice = 3\nsource = \"s\"\n";
  const RunResult r =
      potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.fuel_paths=" + file.string(), "--json"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find(file.string() + ":5:"), std::string::npos) << r.err;  // the price's line
  EXPECT_NE(r.err.find("fuel_path[0].price"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("900"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[0, 200] USD/GJ"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown region 'indai'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'india'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fuel path 'coal country KAZ': no row for 2025"), std::string::npos) << r.err;
}

// The gcc gas path 1 USD/GJ higher from 2025: the five Gulf smelters on it (4.577 of the region's
// 6.199 Mt/yr; Alba's 1.622 follow Bahrain's own path) pay 8.166 USD/MWh more, so the region's
// capacity-weighted captive power price rises by 8.166 x 4.577 / 6.199 = 6.029 USD/MWh; 2024 does
// not move. In 2026 Qatalum runs 424.1 of its 636 kt/yr (the dated curtailment of 3 March 2026 to
// 381.6 kt/yr, data/fleet-pipeline.toml, weighed over the year), so the weights are 4.365 of 5.987.
TEST(FleetFuelPathsCli, PathCsvShowsTheGulfCaptivePowerFollowingItsGasPath) {
  TempDir dir;
  std::string base = read_file(example("world-path-2035.toml"));
  // The copy lives elsewhere: its case.base must name the backtest where it is.
  const std::string relative = "base = \"world-2024.toml\"";
  ASSERT_NE(base.find(relative), std::string::npos);
  base.replace(base.find(relative), relative.size(), "base = \"" + example("world-2024.toml") + "\"");
  const auto up_case = dir.path() / "up.toml";
  std::ofstream(up_case) << base
                         << "\n[[fuel_path]]\nfuel = \"gas\"\nregion = \"gcc\"\nyear = 2024\nprice = \"3.184 USD/GJ\"\n"
                            "source = \"test\"\n"
                            "[[fuel_path]]\nfuel = \"gas\"\nregion = \"gcc\"\nyear = 2025\nprice = \"4.184 USD/GJ\"\n"
                            "source = \"test\"\n";
  const auto a = dir.path() / "a", b = dir.path() / "b";
  const RunResult ra = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.last_year=2026", "--out", a.string()});
  const RunResult rb = potline({"fleet", up_case.string(), "--set", "fleet.last_year=2026", "--out", b.string()});
  ASSERT_EQ(ra.exit_code, 0) << ra.describe();
  ASSERT_EQ(rb.exit_code, 0) << rb.describe();
  const std::string pa = read_file(a / "path.csv"), pb = read_file(b / "path.csv");
  EXPECT_NE(pa.find("captive_power_usd_per_MWh"), std::string::npos);
  EXPECT_NEAR(captive_power(pb, 2024, "gcc"), captive_power(pa, 2024, "gcc"), 1e-9);
  EXPECT_NEAR(captive_power(pb, 2025, "gcc") - captive_power(pa, 2025, "gcc"), 8.166 * 4.577 / 6.199, 1e-3);
  const double qatalum_2026 = 0.636 - (0.636 - 0.3816) * (365 - 61) / 365.0;  // Mt/yr
  EXPECT_NEAR(captive_power(pb, 2026, "gcc") - captive_power(pa, 2026, "gcc"),
              8.166 * (4.577 - 0.636 + qatalum_2026) / (6.199 - 0.636 + qatalum_2026), 1e-3);
  EXPECT_NEAR(captive_power(pb, 2025, "china"), captive_power(pa, 2025, "china"), 1e-9);
}

}  // namespace test_fleet_fuel_paths_cli
}  // namespace potline_cli_test
