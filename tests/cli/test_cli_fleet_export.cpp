// `potline fleet CASE --export-smelter ID [--out FILE]` end to end: the written case runs in
// `potline smelter` and gives the C1 the fleet's cost curve shows; bad ids and a directory as
// --out are input errors (exit 2) with their message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_fleet_export {

namespace {

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() / (std::string("potline-fleet-export") + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

/// The c1_usd_per_t column of cost_curve.csv for smelter `id`.
double cost_curve_c1(const std::filesystem::path& run, const std::string& id) {
  std::ifstream f(run / "cost_curve.csv");
  std::string line;
  std::getline(f, line);
  while (std::getline(f, line)) {
    std::stringstream s(line);
    std::string rank, row_id;
    std::getline(s, rank, ',');
    std::getline(s, row_id, ',');
    if (row_id != id) continue;
    // rank,id,name,region,country,province,aggregate,capacity,cumulative,c1: name has no comma here.
    std::string field;
    for (int k = 0; k < 8; ++k) std::getline(s, field, ',');
    return std::stod(field);
  }
  ADD_FAILURE() << id << " not in cost_curve.csv";
  return 0;
}

}  // namespace

TEST(cli_fleet_export, ExportedSmelterRunsInSmelterWithTheFleetC1) {
  const auto dir = temp_dir();
  const std::string file = (dir / "mount-holly.toml").string();
  RunResult r = potline({"fleet", example("world.toml"), "--export-smelter", "us-mount-holly", "--out", file});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  r = potline({"smelter", file, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const double smelter_c1 = parse_json(r.out).at("cost_usd_per_t").at("c1").get<double>();
  const auto run = dir / "world-run";
  std::filesystem::remove_all(run);
  r = potline({"fleet", example("world.toml"), "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NEAR(cost_curve_c1(run, "us-mount-holly"), smelter_c1, 1e-5 * smelter_c1);  // CSV has 6 digits
}

TEST(cli_fleet_export, WithoutOutTheCaseGoesToStdout) {
  const RunResult r = potline({"fleet", example("world.toml"), "--export-smelter", "ca-grande-baie"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // [potline] holds the row's line current (its operating point) and its technology.
  const auto potline_section = r.out.find("[potline]\n");
  ASSERT_NE(potline_section, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line_current = 170.0  # kA", potline_section), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("technology = \"P155\"", potline_section), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("technology_class = \"PFPB_legacy\""), std::string::npos) << r.out;
}

TEST(cli_fleet_export, UnknownSmelterAndDirectoryOutAreInputErrors) {
  RunResult r = potline({"fleet", example("world.toml"), "--export-smelter", "us-mount-holy"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown smelter 'us-mount-holy' (did you mean 'us-mount-holly'?)"), std::string::npos) << r.err;
  r = potline({"fleet", example("world.toml"), "--export-smelter", "us-mount-holly", "--out", temp_dir().string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("is a directory: with --export-smelter, --out names the case file to write"), std::string::npos)
      << r.err;
}

// A China aggregate split by its technology mix (docs/model/fleet.md, "China's technology mix") is
// exported part by part: the dataset id names the parts; a part's id exports that part.
TEST(cli_fleet_export, SplitAggregateNamesItsPartsAndAPartExports) {
  RunResult r = potline({"fleet", example("world-2024.toml"), "--export-smelter", "cn-agg-rest"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'cn-agg-rest' is split by its technology class's mix into cn-agg-rest@600kA@captive_coal, "
                       "cn-agg-rest@600kA@hydro, cn-agg-rest@600kA@grid, cn-agg-rest@300-500kA@captive_coal"),
            std::string::npos)
      << r.err;
  r = potline({"fleet", example("world-2024.toml"), "--export-smelter", "cn-agg-rest@600kA@hydro"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("technology = \"SAMI600\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("technology_class = \"PFPB_modern\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("source = \"hydro\""), std::string::npos) << r.out;  // the power mix's part
}
}  // namespace potline_cli_test::test_cli_fleet_export

namespace potline_cli_test::test_cli_fleet_export {

namespace {

/// C1 of `potline smelter` on the case `potline fleet CASE --export-smelter ID` writes, and the fleet's
/// C1 of that smelter (cost_curve.csv, 10 significant digits).
std::pair<double, double> fleet_and_smelter_c1(const std::string& example_name, const std::string& id) {
  const auto dir = temp_dir();
  const std::string file = (dir / (id + ".toml")).string();
  RunResult r = potline({"fleet", example(example_name), "--export-smelter", id, "--out", file});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  r = potline({"smelter", file, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  const double smelter_c1 = parse_json(r.out).at("cost_usd_per_t").at("c1").get<double>();
  const auto run = dir / (example_name + "-run");
  std::filesystem::remove_all(run);
  r = potline({"fleet", example(example_name), "--out", run.string()});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return {cost_curve_c1(run, id), smelter_c1};
}

}  // namespace

// One model, one answer (T7-31): the EU ETS of an EU smelter is a smelter-case input ([eu_ets]), so
// the exported case of Trimet Hamburg in 2034 gives the fleet's C1 with its ETS (about 2,651 USD/t,
// 332 of them the EUA on 2.1 t/t of direct emissions with no free allocation left), and a non-EU
// smelter's (Alouette, CBAM on its exports, no ETS) agrees as well.
TEST(cli_fleet_export, EuAndNonEuSmelterGiveTheFleetC1WithTheEuEts) {
  const auto [fleet_eu, smelter_eu] = fleet_and_smelter_c1("cbam-2034.toml", "eu-trimet-hamburg");
  EXPECT_NEAR(smelter_eu, fleet_eu, 1e-6 * fleet_eu);
  EXPECT_GT(fleet_eu, 2600.0);  // with the ETS (2,319 without it)
  const auto [fleet_ca, smelter_ca] = fleet_and_smelter_c1("cbam-2034.toml", "ca-alouette");
  EXPECT_NEAR(smelter_ca, fleet_ca, 1e-6 * fleet_ca);
}

TEST(cli_fleet_export, EuSmelterCaseCarriesTheEuEtsInputs) {
  const RunResult r = potline({"fleet", example("cbam-2034.toml"), "--export-smelter", "eu-trimet-hamburg"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("[eu_ets]\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("year = 2034"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("eua_price = 146.0  # EUR/t"), std::string::npos) << r.out;
  const RunResult ca = potline({"fleet", example("cbam-2034.toml"), "--export-smelter", "ca-alouette"});
  ASSERT_EQ(ca.exit_code, 0) << ca.describe();
  EXPECT_EQ(ca.out.find("[eu_ets]"), std::string::npos) << ca.out;  // not in the EU ETS
}

}  // namespace potline_cli_test::test_cli_fleet_export
