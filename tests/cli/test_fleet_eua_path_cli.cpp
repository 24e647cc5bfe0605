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
  EXPECT_NE(warnings.find("2035: 150 EUR/t"), std::string::npos) << warnings;  // data/fleet-paths.toml
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

}  // namespace test_fleet_eua_path_cli
}  // namespace potline_cli_test
