// The issue-14 fleet examples end to end: examples/ccs-retrofit-gcc.toml (capture retrofitted on
// the Gulf smelters under the 2034 CBAM) and examples/hpa-us-fleet.toml (P0406 from the US
// smelters' own pots and a three-layer line). Checks the summary's consistency and the run folder's
// tables.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_ccs_hpa_fleet_cli {
namespace {

/// The cells of one CSV line; hpa.csv of the US example has no quoted cells. A trailing empty cell
/// is kept (the feed columns are the last ones and empty without a line).
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells(1);
  for (const char ch : line) {
    if (ch == ',')
      cells.emplace_back();
    else if (ch != '\r')
      cells.back() += ch;
  }
  return cells;
}

TEST(NextgenFleetCli, CcsRetrofitOnTheGulfSmeltersCutsTheirCbamAndTheWorldsEmissions) {
  TempDir dir;
  const RunResult r = potline({"fleet", example("ccs-retrofit-gcc.toml"), "--json", "--out",
                               (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json k = parse_json(r.out).at("ccs_retrofit");
  expect_all_finite(k);
  const int n = k.at("retrofitted").get<int>();
  EXPECT_GE(n, 5);  // the GCC's operating smelters of the dataset
  double captured = 0;
  for (const Json& s : k.at("smelters")) {
    EXPECT_EQ(s.at("region"), "gcc");
    EXPECT_LT(s.at("cbam_usd_per_t").get<double>(), s.at("cbam_without_usd_per_t").get<double>())
        << s.at("id");
    EXPECT_GT(s.at("c1_usd_per_t").get<double>(), s.at("c1_without_usd_per_t").get<double>())
        << s.at("id");
    // Gas boiler: its CO2 is emitted, so less direct CO2 is avoided than captured.
    const double avoided = s.at("direct_co2e_without_t_per_t").get<double>() -
                           s.at("direct_co2e_t_per_t").get<double>();
    EXPECT_GT(avoided, 0.0);
    EXPECT_LT(avoided, s.at("captured_t_per_t").get<double>());
    captured += s.at("captured_Mt_co2_per_year").get<double>();
  }
  EXPECT_NEAR(k.at("captured_Mt_co2_per_year").get<double>(), captured, 1e-9);
  const std::string csv = read_file(dir.path() / "run" / "ccs_retrofit.csv");
  EXPECT_EQ(static_cast<int>(lines_of(csv).size()), n + 1);
}

TEST(NextgenFleetCli, HpaExampleGradesTheUsSmeltersAndRunsTheLine) {
  TempDir dir;
  const RunResult r = potline(
      {"fleet", example("hpa-us-fleet.toml"), "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json h = parse_json(r.out).at("hpa");
  expect_all_finite(h);
  double grade = 0;
  int lines = 0;
  for (const Json& s : h.at("smelters")) {
    EXPECT_EQ(s.at("region"), "usa");
    EXPECT_GT(s.at("grade_share").get<double>(), 0.0);
    EXPECT_LE(s.at("grade_kt_per_year").get<double>(),
              s.at("production_kt_per_year").get<double>());
    grade += s.at("grade_kt_per_year").get<double>();
    if (!s.at("upgrading").is_null()) {
      ++lines;
      EXPECT_EQ(s.at("id"), "us-mount-holly");
      // One income per tonne: the line's feed (all of it P0406 here) is not also sold at the grade
      // premium (docs/model/hpa.md, "Fleet"): 128.2 kt/yr of P0406 (0.743 × the 172.5 kt/yr Mount
      // Holly runs at world.toml's prices) less the 20.7 kt/yr fed.
      const double feed_kt = s.at("upgrading").at("feed_t_per_year").get<double>() / 1e3;
      EXPECT_NEAR(s.at("grade_kt_per_year").get<double>() + feed_kt,
                  s.at("grade_share").get<double>() * s.at("production_kt_per_year").get<double>(),
                  1e-6);
      EXPECT_NEAR(s.at("grade_kt_per_year").get<double>(), 107.5, 0.05);
    } else {
      EXPECT_EQ(s.at("grade_share_sold").get<double>(), s.at("grade_share").get<double>());
    }
  }
  EXPECT_EQ(lines, 1);
  EXPECT_NEAR(h.at("grade_kt_per_year").get<double>(), grade, 1e-9);
  EXPECT_NEAR(h.at("grade_kt_per_year_by_region").at("usa").get<double>(), grade, 1e-9);
  const std::string csv = read_file(dir.path() / "run" / "hpa.csv");
  EXPECT_EQ(static_cast<int>(lines_of(csv).size()), static_cast<int>(h.at("smelters").size()) + 1);
  EXPECT_NE(csv.find(",grade_share,grade_share_to_line,grade_share_sold,"), std::string::npos) << csv;
}

TEST(NextgenFleetCli, HpaCsvEndsWithTheLinesFeedAsInTheJson) {
  TempDir dir;
  const RunResult r = potline(
      {"fleet", example("hpa-us-fleet.toml"), "--json", "--out", (dir.path() / "run").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json smelters = parse_json(r.out).at("hpa").at("smelters");
  const std::vector<std::string> lines = lines_of(read_file(dir.path() / "run" / "hpa.csv"));
  ASSERT_EQ(lines.size(), smelters.size() + 1);
  const std::vector<std::string> header = cells_of(lines[0]);
  // The feed's columns are the last six, in this order (docs/cli.md: "columns added at the end").
  const std::vector<std::string> keys = {"requirement", "share_meeting_requirement", "feed_share_of_production",
                                         "fe_wt", "si_wt", "grade"};
  ASSERT_GE(header.size(), keys.size());
  const std::size_t first = header.size() - keys.size();
  for (std::size_t k = 0; k < keys.size(); ++k) EXPECT_EQ(header[first + k], "upgrading_feed_" + keys[k]);
  EXPECT_EQ(header[first - 1], "upgrading_margin_musd_per_year");  // the earlier columns did not move
  int fed = 0;
  for (std::size_t i = 0; i < smelters.size(); ++i) {
    const Json& s = smelters[i];
    const std::vector<std::string> row = cells_of(lines[i + 1]);
    ASSERT_EQ(row.size(), header.size()) << lines[i + 1];
    EXPECT_EQ(row[0], s.at("id").get<std::string>());
    const Json& line = s.at("upgrading");
    if (line.is_null() || line.at("feed").is_null()) {
      for (std::size_t k = first; k < row.size(); ++k) EXPECT_EQ(row[k], "") << s.at("id") << " " << header[k];
      continue;
    }
    ++fed;
    const Json& feed = line.at("feed");
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const Json& v = feed.at(keys[k]);
      const std::string& cell = row[first + k];
      if (v.is_string()) {
        EXPECT_EQ(cell, v.get<std::string>()) << keys[k];
      } else {
        ASSERT_FALSE(cell.empty()) << keys[k];
        // 6 significant digits in the CSV.
        EXPECT_NEAR(std::stod(cell), v.get<double>(), 1e-5 * std::abs(v.get<double>())) << keys[k];
      }
    }
    // Mount Holly's three-layer line: P1020 feed requirement (the route's default), 12.0 % of its
    // production (20.7 of 172.5 kt/yr at world.toml's prices) taken purest first, whose mean meets
    // P0303 (docs/model/hpa.md).
    EXPECT_EQ(row[first], "P1020");
    EXPECT_NEAR(std::stod(row[first + 2]), 20000 / 0.965 / 172500, 0.001);
    EXPECT_EQ(row[first + 5], "P0303");
  }
  EXPECT_EQ(fed, 1);
}

}  // namespace
}  // namespace potline_cli_test::test_ccs_hpa_fleet_cli
