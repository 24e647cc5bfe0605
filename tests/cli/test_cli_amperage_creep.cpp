// An amperage-creep study in `potline smelter` (user trial T18-5): the smelter's SEC follows the
// calibrated cell at the asked current, at the ACD the pot control holds its design bath
// temperature at, for as long as that cell is a working state within the safe window; only where it
// is not does the published point stand for modified cells, and the SEC source and a warning say
// so. Until 2026-12-07 a fixed ±10 % band decided, which put a step into SEC at 445 kA for AP40
// (13.24 kWh/kg at 440 kA, 13.49 at 445 kA), where the cell still worked.
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_amperage_creep {
namespace {

std::string smelter_template(const TempDir& dir) {
  const RunResult t = potline({"template", "smelter"});
  EXPECT_EQ(t.exit_code, 0) << t.describe();
  const auto path = dir.path() / "creep.toml";
  std::ofstream(path) << t.out;
  return path.string();
}

Json smelter_at(const std::string& file, const std::string& current) {
  const RunResult r =
      potline({"smelter", file, "--json", "--set", "potline.line_current=" + current});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

double sec_of(const Json& j) {
  return j.at("sec_ac_kWh_per_kg").get<double>();
}

TEST(CliAmperageCreep, SecFallsSmoothlyPastTenPercentWhileTheCellWorks) {
  TempDir tmp;
  const std::string file = smelter_template(tmp);
  const Json at440 = smelter_at(file, "440 kA"), at445 = smelter_at(file, "445 kA");
  // The template's AP40 is calibrated at 400 kA: +10 % and +11.25 %, both working cells.
  const std::string basis445 =
      at445.at("potlines").at(0).at("cell_line_current_basis").get<std::string>();
  expect_in(basis445, "run at the smelter's line current 445 kA and the ACD");
  EXPECT_DOUBLE_EQ(at445.at("potlines").at(0).at("cell_line_current_kA").get<double>(), 445.0);
  // As the controlled operating point lowers the ACD with the current, SEC falls a little with each
  // 5 kA (13.2385 → 13.2123 kWh/kg measured 2026-12-07); a step back to the published 13.49 was the
  // bug.
  EXPECT_LT(sec_of(at445), sec_of(at440));
  EXPECT_GT(sec_of(at445), sec_of(at440) - 0.05);
}

TEST(CliAmperageCreep, BeyondTheWorkingStateThePublishedPointStandsForModifiedCellsAndIsSaid) {
  TempDir tmp;
  const std::string file = smelter_template(tmp);
  const RunResult r = potline({"smelter", file, "--set", "potline.line_current=475 kA"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // The ACD on the resistance control's 2.5 cm floor, the ledge under the 5 cm floor of the window.
  expect_in(r.err, "--set #1: warning: 'potline.line_current'");
  expect_in(r.err,
            "as modified cells the catalogue does not describe: at the smelter's 475 kA the "
            "calibrated cell is "
            "no working state within the safe window");
  expect_in(r.err, "the resistance control's limit (control.acd_min 2.5");
  expect_in(r.out,
            "SEC source            cell model, technology AP40 (calibrated to its published "
            "operating point, 400 kA");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_amperage_creep
