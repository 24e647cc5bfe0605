// User trial 13 on the fleet's market outputs, end to end (docs/cli.md, Changes): T13-14, a region's
// premium is "published" in text, summary.json and regions.csv only where the region table names a
// benchmark; estimates and China's "none" are labelled as such, also in --export-smelter.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_fleet_market_trial13_cli {
namespace {

// T13-14: summary.json carried 430 for Canada, 100 for Russia, ... and 0 for China under
// published_premium_by_region_usd_per_t, regions.csv the same, while the text showed "-".
TEST(CliFleetMarketTrial13, OnlyABenchmarkPremiumIsPublishedInTextJsonAndCsv) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "w24").string();
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json s = parse_json(read_file(dir + "/summary.json"));
  const Json& published = s.at("published_premium_by_region_usd_per_t");
  const Json& basis = s.at("premium_basis_by_region");
  const Json& table = s.at("table_premium_by_region_usd_per_t");
  const auto lines = lines_of(read_file(dir + "/regions.csv"));
  const auto header = csv_cells(lines.at(0));
  const std::size_t id = column(header, "region"), pub = column(header, "published_premium_usd_per_t"),
                    bench = column(header, "premium_benchmark"), bas = column(header, "premium_basis"),
                    tab = column(header, "table_premium_usd_per_t");
  int n_published = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto row = csv_cells(lines[i]);
    const std::string region = row.at(id);
    const std::string b = basis.at(region).get<std::string>();
    EXPECT_EQ(row.at(bas), b) << region;
    EXPECT_NEAR(std::stod(row.at(tab)), table.at(region).get<double>(), 1e-6) << region;
    if (b == "published") {
      ++n_published;
      EXPECT_FALSE(row.at(bench).empty()) << region;
      EXPECT_NEAR(published.at(region).get<double>(), table.at(region).get<double>(), 1e-9) << region;
      EXPECT_NEAR(std::stod(row.at(pub)), published.at(region).get<double>(), 1e-6) << region;
    } else {
      EXPECT_TRUE(published.at(region).is_null()) << region;
      EXPECT_TRUE(row.at(pub).empty()) << lines[i];
      EXPECT_TRUE(row.at(bench).empty()) << lines[i];
    }
  }
  EXPECT_EQ(n_published, 3);  // US Midwest, Rotterdam duty paid, main Japanese ports
  EXPECT_EQ(basis.at("china").get<std::string>(), "none");
  EXPECT_EQ(basis.at("canada").get<std::string>(), "estimate");
  // The text's "published" column: the benchmark, or "-" with the table's estimate beside it.
  expect_in(r.out, "  china                43.53       43.53");
  expect_in(r.out, "- (estimate 430)\n");  // Canada
  expect_in(r.out, "430 US Midwest (P1020, duty paid, delivered Midwest)\n");
}

// T13-14: the smelter export wrote Canada's estimate as "the region's published premium".
TEST(CliFleetMarketTrial13, AnExportedSmelterSaysWhenItsPremiumIsAnEstimate) {
  const RunResult ca = potline({"fleet", example("world-2024.toml"), "--export-smelter", "ca-alouette"});
  ASSERT_EQ(ca.exit_code, 0) << ca.describe();
  expect_in(ca.out, "regional_premium = 430.0  # USD/t; region table fleet-regions.toml, region 'canada', premium "
                    "(an ESTIMATE: the region has no published premium benchmark, price year 2024)");
  const RunResult us = potline({"fleet", example("world-2024.toml"), "--export-smelter", "us-mount-holly"});
  ASSERT_EQ(us.exit_code, 0) << us.describe();
  expect_in(us.out, "premium (the published US Midwest (P1020, duty paid, delivered Midwest) premium, price year 2024)");
}

}  // namespace
}  // namespace potline_cli_test::test_fleet_market_trial13_cli
