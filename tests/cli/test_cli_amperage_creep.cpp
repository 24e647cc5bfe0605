// An amperage-creep study in `potline smelter` (user trials T18-5, T19-2): the smelter's SEC follows
// the calibrated cell at the asked current, at the ACD the pot control holds its design bath
// temperature at, continuously: outside the safe window too (a ledge under 5 cm, the ACD on its floor),
// said in a warning and the SEC source; where the calibrated cell is no working cell at all, an input
// error naming the current it works to. Until 2026-12-07 a fixed ±10 % band, then the window's edge,
// put a step back to the published point's SEC into the study (AP40: 13.212 kWh/kg at 445 kA, 13.487
// from 450 kA on, C1 up 8 USD/t).
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

TEST(CliAmperageCreep, OutsideTheWindowTheCellModelStillGivesTheSecAndSaysWhatLiesOutside) {
  TempDir tmp;
  const std::string file = smelter_template(tmp);
  const Json at445 = smelter_at(file, "445 kA"), at450 = smelter_at(file, "450 kA");
  // No step at the window's edge: 445 → 450 kA moves SEC by as little as 440 → 445 kA did.
  EXPECT_NEAR(sec_of(at450), sec_of(at445), 0.05);
  EXPECT_LT(sec_of(at450), 13.4);  // the published point's 13.487 was the step
  const Json& line = at450.at("potlines").at(0);
  EXPECT_DOUBLE_EQ(line.at("cell_line_current_kA").get<double>(), 450.0);
  const std::string basis = line.at("cell_line_current_basis").get<std::string>();
  expect_in(basis, "run at the smelter's line current 450 kA and the ACD the pot control holds its design bath "
                   "temperature at");
  expect_in(basis, "outside the safe window: ledge 4.9 cm < 5 cm (the calibrated cell holds the safe window up to "
                   "446 kA)");
  expect_in(at450.at("warnings").dump(), "outside the safe window: ledge 4.9 cm < 5 cm");
}

TEST(CliAmperageCreep, OnTheAcdFloorTheHotterBathIsSaidAndWarned) {
  TempDir tmp;
  const std::string file = smelter_template(tmp);
  const RunResult r = potline({"smelter", file, "--set", "potline.line_current=475 kA"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--set #1: warning: 'potline.line_current': technology 'AP40': calibrated at its published 400 "
                   "kA, run at the smelter's line current 475 kA and the ACD on the resistance control's limit, 2.50 "
                   "cm (control.acd_min 2.5 to control.acd_max 8.0 cm; published 3.80 cm), where the heat balance "
                   "puts the bath at");
  expect_in(r.out, "SEC source            cell model, technology AP40 (calibrated at its published 400 kA, run at "
                   "the smelter's line current 475 kA");
}

// Far below, the calibrated cell has no liquid steady state even at the ACD limit: no SEC from the
// cell model, an input error naming where it works, unless the modified cells are described.
TEST(CliAmperageCreep, NoWorkingCellIsAnInputErrorNamingTheCurrentItWorksTo) {
  TempDir tmp;
  const std::string file = smelter_template(tmp);
  const RunResult r = potline({"smelter", file, "--set", "potline.line_current=250 kA"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'potline.line_current': technology 'AP40': at the smelter's 250 kA the "
                   "calibrated cell (published 400 kA) is no working cell: ");
  expect_in(r.err, "It works down to ");
  expect_in(r.err, "give their potline.sec_ac and potline.current_efficiency, or a line current the calibrated cell "
                   "works at");
  const RunResult described = potline({"smelter", file, "--set", "potline.line_current=250 kA", "--set",
                                       "potline.sec_ac=14.2 kWh/kg", "--set", "potline.current_efficiency=93 %"});
  EXPECT_EQ(described.exit_code, 0) << described.describe();
  expect_in(described.err, "the potline.sec_ac and potline.current_efficiency given are used");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_amperage_creep
