// The current-efficiency note (user trial 8, T8-9; docs/validation.md CE6): with the default Dewing
// CE a line current more than 5 % from the calibration current is said, by one library function
// (cell::dewing_current_note), in cell, simulate, flex and fleet.flex (one line each).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_ce_note {

// T8-9 in flex: the optimised schedule swings the line current; the Dewing CE note names its range
// (one line); with the mass-transfer CE, flex's default since T9-3, there is none.
TEST(CliCeNote, FlexPrintsTheCurrentEfficiencyNoteOnItsCurrentRange) {
  const RunResult r =
      potline({"flex", example("flex-day.toml"), "--set", "model.current_efficiency_model=dewing"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // The range outside the representative cell's anode effects (T10-4).
  const std::size_t at =
      r.out.find("note: the line current of the optimised schedule outside anode effects (");
  ASSERT_NE(at, std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("the current efficiency was calibrated at", at), std::string::npos);
  EXPECT_LT(r.out.find("the current efficiency was calibrated at", at), r.out.find('\n', at));
  const RunResult mt = potline({"flex", example("flex-day.toml")});
  ASSERT_EQ(mt.exit_code, 0) << mt.describe();
  EXPECT_EQ(mt.out.find("the current efficiency was calibrated at"), std::string::npos);
}

// fleet.flex with the envelope: the cells' ±25 % calls move the current; the summary's
// flexible_capacity.ce_note says it, and the text prints it once.
TEST(CliCeNote, FleetFlexPrintsTheNoteOnce) {
  const RunResult j = potline(
      {"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const std::string note =
      parse_json(j.out).at("flexible_capacity").at("ce_note").get<std::string>();
  EXPECT_NE(note.find("±25 % calls ("), std::string::npos) << note;
  EXPECT_NE(note.find("the current efficiency was calibrated at"), std::string::npos) << note;
  const RunResult t =
      potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  EXPECT_EQ(count_lines_containing(t.out, "the current efficiency was calibrated at"), 1)
      << t.describe();
}

}  // namespace test_cli_ce_note
}  // namespace potline_cli_test
