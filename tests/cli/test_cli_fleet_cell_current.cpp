// The outputs say which current each fleet smelter's cell is evaluated at, and why (issue 10, one
// model one answer; plant::cell_current): cost_curve.csv's cell_line_current_kA/_basis, the flexible
// capacity's line current (flex_capacity.csv, summary by_smelter) and `potline smelter` on the
// exported case (potlines[0].cell_line_current_kA/_basis) give one current for every row.
#include <map>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_fleet_cell_current {
namespace {

TEST(CliFleetCellCurrent, CostCurveFlexTableAndSummaryGiveOneCurrentPerSmelter) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "w24").string();
  const RunResult r =
      potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto cost = lines_of(read_file(dir + "/cost_curve.csv"));
  const auto header = csv_cells(cost.at(0));
  const std::size_t id = column(header, "id"), kA = column(header, "cell_line_current_kA"),
                    basis = column(header, "cell_line_current_basis");
  std::map<std::string, double> current;
  for (std::size_t k = 1; k < cost.size(); ++k) {
    const auto row = csv_cells(cost[k]);
    ASSERT_FALSE(row.at(kA).empty()) << row.at(id);
    EXPECT_FALSE(row.at(basis).empty()) << row.at(id);
    current[row.at(id)] = std::stod(row.at(kA));
    // P155 at 219 kA, +29 %: a working cell outside the safe window (ledge 3.6 cm), run there since
    // user trial T19-2 (the published point before), and the basis says what lies outside.
    if (row.at(id) == "ca-laterriere") {
      EXPECT_DOUBLE_EQ(current[row.at(id)], 219.0);
      expect_in(row.at(basis), "outside the safe window: ledge 3.6 cm < 5 cm");
    }
  }
  const auto flex = lines_of(read_file(dir + "/flex_capacity.csv"));
  const auto fh = csv_cells(flex.at(0));
  const std::size_t fid = column(fh, "smelter"), fkA = column(fh, "line current [kA]");
  ASSERT_GT(flex.size(), 100u);
  for (std::size_t k = 1; k < flex.size(); ++k) {
    const auto row = csv_cells(flex[k]);
    ASSERT_TRUE(current.count(row.at(fid))) << row.at(fid);
    EXPECT_NEAR(std::stod(row.at(fkA)), current[row.at(fid)], 1e-6) << row.at(fid);
  }
  const Json summary = parse_json(read_file(dir + "/summary.json"));
  for (const Json& s : summary.at("flexible_capacity").at("by_smelter")) {
    const std::string sid = s.at("smelter").get<std::string>();
    EXPECT_NEAR(s.at("line_current_kA").get<double>(), current[sid], 1e-6) << sid;
    EXPECT_FALSE(s.at("line_current_basis").get<std::string>().empty()) << sid;
  }
}

TEST(CliFleetCellCurrent, TheExportedLaterriereIsEvaluatedAtTheFleetsCurrent) {
  TempDir tmp;
  const std::string file = (tmp.path() / "laterriere.toml").string();
  const RunResult e =
      potline({"fleet", example("world-2024.toml"), "--export-smelter", "ca-laterriere", "--out", file});
  ASSERT_EQ(e.exit_code, 0) << e.describe();
  expect_in(read_file(file), "the cell model evaluates P155 at 219 kA");
  const RunResult s = potline({"smelter", file, "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  const Json j = parse_json(s.out);
  const Json& line = j.at("potlines").at(0);
  EXPECT_DOUBLE_EQ(line.at("cell_line_current_kA").get<double>(), 219.0);
  EXPECT_DOUBLE_EQ(line.at("line_current_kA").get<double>(), 219.0);
  expect_in(line.at("cell_line_current_basis").get<std::string>(), "outside the safe window: ledge 3.6 cm < 5 cm");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_fleet_cell_current
