// The EUA price of a path run (docs/model/fleet.md, "Years and paths"): with fleet.year the eua_price
// path of fleet.paths gives each year's CBAM certificate price, so a cbam.eua_price in the case would
// change nothing; the run says so instead of ignoring it silently, and without either it is an input
// error (user trial 2026-12-05, item Q).
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_fleet_eua_path_cli {
namespace {

std::string path_case() { return (source_dir() / "examples" / "world-path-2035.toml").string(); }

/// The run's JSON without what may differ between two runs of one model: its warnings and timings.
Json results_of(const std::string& out) {
  Json j = parse_json(out);
  j.erase("warnings");
  j.erase("wall_seconds");
  return j;
}

}  // namespace

TEST(FleetEuaPathCli, ThePathExampleGivesNoEuaPriceAndRunsWithoutWarning) {
  const RunResult r = potline({"fleet", path_case()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out.find("cbam.eua_price"), std::string::npos) << r.out;
}

TEST(FleetEuaPathCli, AnEuaPriceThePathReplacesIsNamedAsUnusedAndChangesNothing) {
  const RunResult plain = potline({"fleet", path_case(), "--json"});
  const RunResult given = potline({"fleet", path_case(), "--set", "cbam.eua_price=120 EUR/t", "--json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  ASSERT_EQ(given.exit_code, 0) << given.describe();
  const std::string warnings = parse_json(given.out).at("warnings").dump();
  EXPECT_NE(warnings.find("cbam.eua_price: 120 EUR/t is not used: the eua_price path of fleet-paths.toml"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("... 2035: 150 EUR/t"), std::string::npos) << warnings;  // data/fleet-paths.toml
  EXPECT_EQ(results_of(plain.out), results_of(given.out));
}

TEST(FleetEuaPathCli, WithoutAnEuaPriceOrAPathForTheYearsItIsAnInputError) {
  TempDir dir;
  const auto paths = dir.path() / "no-eua.toml";
  std::ofstream(paths) << "# no eua_price path\n";
  const RunResult r = potline({"fleet", path_case(), "--set", "fleet.paths=" + paths.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'cbam.eua_price': give cbam.eua_price (EUR/t): no-eua.toml has no eua_price path for 2024..2035"),
            std::string::npos)
      << r.err;
}

// User trial 7 (T7-1): a CBAM year on the one-year 2024 backtest. The run says that the scenario year
// replaced the CBAM year and that 2024 has no CBAM, instead of running silently without one. Since
// T8-2 (user trial 8) the exchange rate of a case with fleet.year may come from the usd_per_eur path,
// and the EU ETS of 2024 takes the eua_price path, so the case's 80 EUR/t is named as unused.
TEST(FleetEuaPathCli, ACbamYearTheScenarioYearReplacesIsNamedWithItsEffect) {
  const std::string backtest = (source_dir() / "examples" / "world-2024.toml").string();
  const RunResult no_rate = potline({"fleet", backtest, "--set", "cbam.year=2030", "--set", "cbam.eua_price=80 EUR/t"});
  EXPECT_EQ(no_rate.exit_code, 0) << no_rate.describe();
  EXPECT_EQ(no_rate.err.find("cbam.usd_per_eur"), std::string::npos) << no_rate.err;
  const RunResult r = potline({"fleet", backtest, "--set", "cbam.year=2030", "--set", "cbam.eua_price=80 EUR/t", "--set",
                               "cbam.usd_per_eur=1.08", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const std::string warnings = j.at("warnings").dump();
  EXPECT_NE(warnings.find("cbam.year: 2030 is replaced by the scenario year 2024 (fleet.year): no CBAM before 2026"),
            std::string::npos)
      << warnings;
  EXPECT_NE(warnings.find("--set fleet.year=2030"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("80 EUR/t is not used: the eua_price path"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("no EU ETS charge"), std::string::npos) << warnings;
  EXPECT_EQ(j.at("cbam_year").get<int>(), 0);
  EXPECT_TRUE(j.at("eu_ets").at("charged").get<bool>());
}

// One year's path price is printed once ("2034: 146 EUR/t", not "2034: 146, 2034: 146"; T7-1, T7-28).
TEST(FleetEuaPathCli, AnUnusedEuaPriceOfOneYearNamesThatYearOnce) {
  const std::string cbam = (source_dir() / "examples" / "cbam-2034.toml").string();
  const RunResult r = potline({"fleet", cbam, "--set", "cbam.eua_price=80 EUR/t", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string warnings = parse_json(r.out).at("warnings").dump();
  EXPECT_NE(warnings.find("gives each year's price (2034: 146 EUR/t)"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("cbam.year"), std::string::npos) << warnings;
}

}  // namespace test_fleet_eua_path_cli
}  // namespace potline_cli_test
