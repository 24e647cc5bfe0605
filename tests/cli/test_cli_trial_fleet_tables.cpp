// The fleet's cost_curve.csv read as an analyst would (user trial of 2026-12-05): a row's margin is
// its region's price less its C1, and that price is in the row (docs/cli.md, Changes).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial_fleet_tables {
namespace {

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

// price_usd_per_t is the LME plus the input premium (2500 for Rusal Taishet in world.toml) while
// margin_usd_per_t is taken from the trade LP's regional price (2034): region_price_usd_per_t
// carries that price, so every row adds up. The regional price also equals the summary's.
TEST(CliTrialFleetTables, CostCurveMarginIsTheRowsRegionPriceLessC1) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "world").string();
  const RunResult r = potline({"fleet", (source_dir() / "examples" / "world.toml").string(), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto lines = lines_of(read_file(dir + "/cost_curve.csv"));
  ASSERT_GT(lines.size(), 100u);
  const auto header = csv_cells(lines[0]);
  EXPECT_EQ(header.back(), "region_price_usd_per_t");
  const Json summary = parse_json(read_file(dir + "/summary.json"));
  const std::size_t region = column(header, "region"), price = column(header, "region_price_usd_per_t"),
                    c1 = column(header, "c1_usd_per_t"), margin = column(header, "margin_usd_per_t");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto row = csv_cells(lines[i]);
    ASSERT_EQ(row.size(), header.size()) << lines[i];
    const double p = std::stod(row[price]);
    EXPECT_NEAR(p - std::stod(row[c1]), std::stod(row[margin]), 0.02) << lines[i];  // 6 printed digits
    EXPECT_NEAR(p, summary.at("price_by_region_usd_per_t").at(row[region]).get<double>(), 0.01) << lines[i];
  }
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial_fleet_tables
