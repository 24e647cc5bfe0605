// `potline cell --thermal`: the summary gains a "thermal" object (bath temperature and ledge from
// the heat balance of the dynamics' heat-loss network, docs/model/cell.md "Thermal steady state").
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_cell_thermal {
namespace {

TEST(CliCellThermal, AmperageStepShowsSuperheatLedgeAndCe) {
  const RunResult design = potline({"cell", "--technology", "AP40", "--thermal", "--json"});
  ASSERT_EQ(design.exit_code, 0) << design.describe();
  const Json d = parse_json(design.out).at("thermal");
  EXPECT_EQ(d.at("status"), "steady");
  EXPECT_NEAR(finite_number(d, "bath_temperature_degC"), 965.0, 0.01);
  EXPECT_NEAR(finite_number(d, "ledge_cm"), 6.5, 0.01);
  // At the design ACD held (given): since T18-2 `cell --thermal` at another current runs at the ACD the
  // pot control settles at, which holds the design temperature (CliTrialFix18).
  const RunResult up = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.line_current=420 kA",
                                "--set", "operation.acd=3.8036037 cm", "--json"});
  ASSERT_EQ(up.exit_code, 0) << up.describe();
  const Json u = parse_json(up.out).at("thermal");
  EXPECT_GT(finite_number(u, "superheat_K"), finite_number(d, "superheat_K"));
  EXPECT_LT(finite_number(u, "ledge_cm"), finite_number(d, "ledge_cm"));
  EXPECT_LT(finite_number(u, "current_efficiency"), finite_number(d, "current_efficiency"));
  EXPECT_NEAR(finite_number(u, "design_line_current_kA"), 400.0, 1e-9);
  // A cut the heat balance cannot carry: no liquid steady state, and no ledge number.
  const RunResult cut = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.line_current=300 kA",
                                 "--set", "operation.acd=3.8036037 cm", "--json"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  const Json c = parse_json(cut.out).at("thermal");
  EXPECT_EQ(c.at("status"), "freezes");
  EXPECT_TRUE(c.at("ledge_cm").is_null());
  const RunResult text = potline({"cell", "--technology", "AP40", "--thermal"});
  EXPECT_NE(text.out.find("Thermal steady state (steady;"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace test_cli_cell_thermal
}  // namespace potline_cli_test
