// Every fleet example runs through the CLI with the documented keys and finite numbers, and the
// scenarios move the results the way their policy says; bad fleet input exits 2 with a clear message.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../cli/cli_helpers.hpp"

using namespace potline_cli_test;

namespace {

std::string example(const std::string& name) { return (source_dir() / "examples" / name).string(); }

Json run_json(const std::string& file) {
  const RunResult r = potline({"fleet", file, "--json"});
  EXPECT_EQ(r.exit_code, 0) << file << "\n" << r.describe();
  return parse_json(r.out);
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "potline-fleet-tests";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

const char* kBase = "[fleet]\nlme = \"2400 USD/t\"\n";

}  // namespace

TEST(fleet_examples, EveryExampleRunsWithDocumentedKeys) {
  for (const char* name : {"world.toml", "us-tariff-50.toml", "cbam-2034.toml", "xinjiang-exclusion.toml"}) {
    const Json j = run_json(example(name));
    expect_all_finite(j);
    for (const char* key : {"capacity_Mt", "production_Mt", "marginal_cost_usd_per_t", "curtailed_Mt", "emissions_Mt_co2e"}) {
      finite_number(j, key);
    }
    EXPECT_GE(j.at("smelters").get<int>(), 60) << name;
    for (const char* region : {"china", "usa", "canada", "europe", "gcc", "india", "russia", "rest_of_asia", "oceania",
                               "south_america", "africa"}) {
      EXPECT_TRUE(j.at("capacity_by_region_Mt").contains(region)) << name << " " << region;
      EXPECT_GT(j.at("price_by_region_usd_per_t").at(region).get<double>(), 0) << name << " " << region;
    }
    // Fixed demand is met exactly; capacity = production + curtailed.
    EXPECT_NEAR(j.at("production_Mt").get<double>(), j.at("demand_Mt").get<double>(), 1e-6) << name;
    EXPECT_NEAR(j.at("capacity_Mt").get<double>(), j.at("production_Mt").get<double>() + j.at("curtailed_Mt").get<double>(), 1e-6);
    // China's 45 Mt cap holds.
    EXPECT_LE(j.at("production_by_region_Mt").at("china").get<double>(), 45.0 + 1e-6) << name;
  }
}

TEST(fleet_examples, RunFolderHasTheThreeTables) {
  const auto out = std::filesystem::temp_directory_path() / "potline-fleet-tests" / "world-run";
  std::filesystem::remove_all(out);
  const RunResult r = potline({"fleet", example("world.toml"), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* f : {"summary.json", "manifest.json", "cost_curve.csv", "regions.csv", "flows.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
  }
  const std::string curve = read_file(out / "cost_curve.csv");
  EXPECT_EQ(curve.rfind("rank,id,name,region,country,province,aggregate,capacity_kt_per_year,", 0), 0u);
  EXPECT_FALSE(has_nonfinite_word(curve));
  EXPECT_NE(read_file(out / "flows.csv").find("canada,usa,"), std::string::npos);
}

TEST(fleet_examples, PoliciesMovePricesTheirWay) {
  const Json world = run_json(example("world.toml"));
  const Json cbam = run_json(example("cbam-2034.toml"));
  // The tariff lifts the US price above the rest of the world by roughly the tariff (50 % of LME).
  const double us = world.at("price_by_region_usd_per_t").at("usa").get<double>();
  const double ca = world.at("price_by_region_usd_per_t").at("canada").get<double>();
  EXPECT_GT(us - ca, 0.4 * 2400);
  // CBAM 2034 makes Europe's price exceed the world example's: imports pay for direct emissions.
  EXPECT_GT(cbam.at("price_by_region_usd_per_t").at("europe").get<double>(),
            world.at("price_by_region_usd_per_t").at("europe").get<double>() + 50);
  // A 20 % US power shock with curtailed capacity allowed back: US capacity in play rises.
  const Json tariff = run_json(example("us-tariff-50.toml"));
  EXPECT_GT(tariff.at("capacity_by_region_Mt").at("usa").get<double>(), world.at("capacity_by_region_Mt").at("usa").get<double>());
}

TEST(fleet_bad_input, UnknownRegionNamedWithHint) {
  const std::string f = write_temp("bad-region.toml", std::string(kBase) + "[[tariff]]\nimporter = \"usaa\"\nrate = 0.25\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown region 'usaa' (did you mean 'usa'?)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-region.toml:4:12"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, UnknownSmelterNamedWithHint) {
  const std::string f = write_temp("bad-smelter.toml", std::string(kBase) +
                                                           "[[retrofit]]\nsmelter = \"us-mount-holy\"\ntechnology = \"AP60\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown smelter 'us-mount-holy' (did you mean 'us-mount-holly'?)"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, InfeasibleTradeExplainedNotCrashed) {
  const std::string f = write_temp("infeasible.toml", std::string(kBase) + "[[demand]]\nregion = \"europe\"\nfactor = 5\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("infeasible trade problem"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("world demand"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, DuplicateSmelterIdInDataset) {
  const std::string csv = write_temp(
      "dup.csv",
      "id,name,country,region,province,lat,lon,owner,capacity_kt_per_year,status,commissioning_year,technology,"
      "technology_inferred,line_current_kA,power_source,employees,aggregate,source\n"
      "x,X,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n"
      "x,Y,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n");
  const std::string f = write_temp("dup.toml", "[fleet]\nlme = 2400\nsmelters = \"" + csv + "\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("duplicate smelter id 'x'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dup.csv:3:1"), std::string::npos) << r.err;
}

TEST(fleet_bad_input, UnknownKeyInCase) {
  const std::string f = write_temp("bad-key.toml", std::string(kBase) + "[[tarif]]\nimporter = \"usa\"\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("unknown key 'tarif' (did you mean 'tariff'?)"), std::string::npos) << r.err;
}
