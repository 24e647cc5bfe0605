// The current-efficiency model choice end to end: `potline cell` and `potline simulate` name the
// model in their JSON; an unknown model name is an input error (exit 2) that names the key, the
// value and the choices, with the case file's line and column.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_current_efficiency_cli {
namespace {

TEST(CurrentEfficiencyCli, CellJsonNamesTheModel) {
  const RunResult dewing = potline({"cell", "--technology", "AP40", "--json"});
  ASSERT_EQ(dewing.exit_code, 0) << dewing.describe();
  EXPECT_EQ(parse_json(dewing.out).at("current_efficiency_model"), "dewing");
  const RunResult mt = potline({"cell", "--technology", "AP40", "--set",
                                "model.current_efficiency_model=mass_transfer", "--set", "operation.acd=3cm",
                                "--json"});
  ASSERT_EQ(mt.exit_code, 0) << mt.describe();
  const Json j = parse_json(mt.out);
  EXPECT_EQ(j.at("current_efficiency_model"), "mass_transfer");
  // Below the calibrated 3.8 cm the mass-transfer model loses CE; Dewing's would stay at 95 %.
  EXPECT_LT(finite_number(j, "current_efficiency"), 0.948);
  EXPECT_GT(finite_number(j.at("calibration"), "mass_transfer_coefficient_m_per_s"), 0.0);
}

TEST(CurrentEfficiencyCli, SimulateSummaryNamesTheModel) {
  const RunResult r = potline({"simulate", (source_dir() / "examples/cell-7d.toml").string(), "--set",
                               "run.duration=2h", "--set", "model.current_efficiency_model=mass_transfer",
                               "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& summary = j.contains("summary") ? j.at("summary") : j;
  EXPECT_EQ(summary.at("current_efficiency_model"), "mass_transfer");
  // The text summary names it after the CE, as `potline cell` does (the default: dewing).
  const RunResult text = potline({"simulate", (source_dir() / "examples/cell-7d.toml").string(), "--set",
                                  "run.duration=2h"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find(" % (dewing)\n"), std::string::npos) << text.out;
}

// One case, two commands, two default CE models (docs/model/current-efficiency.md, "Which command
// runs which model"): where the difference matters the outputs say so. Under Dewing the notes on a
// given ACD and on a current away from the calibration point name mass_transfer as flex's default;
// the schema of cell (and simulate) says which command defaults to which.
TEST(CurrentEfficiencyCli, TheCommandsDefaultsAreSaidWhereTheyDiffer) {
  const RunResult cut = potline({"cell", "--technology", "AP40", "--set", "operation.line_current=300 kA"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  EXPECT_NE(cut.out.find("\"mass_transfer\" (the default of `potline flex`) lowers the CE as the current falls"),
            std::string::npos)
      << cut.out;
  const RunResult acd = potline({"cell", "--technology", "AP40", "--set", "operation.acd=3.3 cm"});
  ASSERT_EQ(acd.exit_code, 0) << acd.describe();
  EXPECT_NE(acd.out.find("\"mass_transfer\" (the default of `potline flex`) makes the CE fall as the ACD closes"),
            std::string::npos)
      << acd.out;
  for (const char* command : {"cell", "simulate"}) {
    const RunResult schema = potline({"schema", command, "--markdown"});
    ASSERT_EQ(schema.exit_code, 0) << schema.describe();
    EXPECT_NE(schema.out.find("`potline flex` defaults to mass_transfer, every other command to dewing"),
              std::string::npos)
        << command;
  }
}

// Validation rows CE6 and CE7 (docs/validation.md, "Current efficiency"; user trial T8-9, T7-23):
// the thermal steady state of examples/default.toml (AP40, calibrated at 400 kA, 3.8 cm). The
// published direction: CE falls with the cathode current density ([Sterten & Solli 1996]: 1 − CE is
// the loss current density over the total, and the loss does not scale with the current) and with a
// closing ACD in industrial cells (as commonly quoted). Signs only: no published size was read.
double thermal_ce(const std::string& model, const std::string& set, const std::string& also = "") {
  std::vector<std::string> args{"cell", (source_dir() / "examples/default.toml").string(), "--thermal", "--set",
                                "model.current_efficiency_model=" + model, "--set", set, "--json"};
  if (!also.empty()) args.insert(args.end(), {"--set", also});
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  const Json thermal = parse_json(r.out).at("thermal");
  EXPECT_EQ(thermal.at("status"), "steady") << set;
  return finite_number(thermal, "current_efficiency");
}

TEST(CurrentEfficiencyCli, ValidationOnlyMassTransferLosesCeWhenTheCurrentIsCut) {
  // −7.5 %, the lowest cut with a steady state inside the ledge range (370 kA: superheat 4.4 K). At the
  // row's fixed ACD, the catalogue's 3.80 cm given: since T18-2 `cell --thermal` at another current runs at
  // the ACD the pot control settles at (4.62 cm at 370 kA), where mass transfer reads 95.27 %.
  const std::string acd = "operation.acd=3.8036037 cm";
  const double mt370 = thermal_ce("mass_transfer", "operation.line_current=370 kA", acd);
  const double mt400 = thermal_ce("mass_transfer", "operation.line_current=400 kA", acd);
  EXPECT_LT(mt370, mt400);  // CE6: pass (94.98 < 95.00 %, measured 2026-12-06)
  // Known miss of the default, asserted so that a change is seen: Dewing's CE rises as the cut
  // lowers the superheat (95.26 % at 370 kA).
  EXPECT_GT(thermal_ce("dewing", "operation.line_current=370 kA", acd), thermal_ce("dewing", "operation.line_current=400 kA", acd));
}

// CE9: along an amperage creep at the controlled point (the ACD the pot control settles at, no ACD
// given): plant experience reports the CE held at about 95 % as lines crept ([Pillai et al. EMAL],
// [Raheem et al. DX 400 kA], [Light Metal Age 2020]). Dewing holds it (the bath is held at the design
// temperature); mass transfer loses 0.47 points from 400 to 445 kA (its gap term, an estimate, outweighs
// its current-density term), a known miss asserted so that a change is seen.
TEST(CurrentEfficiencyCli, ValidationAlongAmperageCreepDewingHoldsTheCeAndMassTransferLosesIt) {
  const double dewing445 = thermal_ce("dewing", "operation.line_current=445 kA");
  EXPECT_NEAR(dewing445, thermal_ce("dewing", "operation.line_current=400 kA"), 1e-4);  // 95.00 %
  const double mt445 = thermal_ce("mass_transfer", "operation.line_current=445 kA");
  EXPECT_LT(mt445, 0.950 - 0.004);  // 94.53 %, measured 2026-12-07
  EXPECT_GT(mt445, 0.950 - 0.006);
}

TEST(CurrentEfficiencyCli, ValidationOnlyMassTransferLosesCeWhenTheAcdIsCut) {
  EXPECT_LT(thermal_ce("mass_transfer", "operation.acd=3.3 cm"), thermal_ce("mass_transfer", "operation.acd=3.8 cm"));
  // Known miss of the default (CE7): Dewing's CE rises as the ACD cut lowers the superheat.
  EXPECT_GT(thermal_ce("dewing", "operation.acd=3.3 cm"), thermal_ce("dewing", "operation.acd=3.8 cm"));
}

// T8-9: with Dewing a line current more than 5 % from the calibration current is said in a note
// (cell JSON notes, simulate stderr); with mass_transfer, or at the calibration current, it is not.
TEST(CurrentEfficiencyCli, DewingAwayFromItsCalibrationCurrentIsSaid) {
  const RunResult cut = potline({"cell", "--technology", "AP40", "--set", "operation.line_current=300 kA"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  EXPECT_NE(cut.out.find("-25 % from the 400.0 kA the current efficiency was calibrated at"), std::string::npos)
      << cut.describe();
  const RunResult mt = potline({"cell", "--technology", "AP40", "--set", "operation.line_current=300 kA", "--set",
                                "model.current_efficiency_model=mass_transfer"});
  EXPECT_EQ(mt.out.find("the current efficiency was calibrated at"), std::string::npos) << mt.describe();
  const RunResult nominal = potline({"cell", "--technology", "AP40", "--set", "operation.line_current=410 kA"});
  EXPECT_EQ(nominal.out.find("the current efficiency was calibrated at"), std::string::npos) << nominal.describe();
  const RunResult sim = potline({"simulate", (source_dir() / "examples/cell-7d.toml").string(), "--set",
                                 "run.duration=6h", "--set", "operation.line_current=370 kA"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  EXPECT_NE(sim.err.find("note: the mean line current (370.0 kA) is -"), std::string::npos)
      << sim.describe();
}

TEST(CurrentEfficiencyCli, UnknownModelIsAnInputErrorNamingTheChoices) {
  TempDir tmp;
  const std::string path =
      tmp.write("case.toml", "[case]\ntechnology = \"AP40\"\n[model]\ncurrent_efficiency_model = \"lillebuen\"\n");
  const RunResult r = potline({"cell", path, "--json"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.out;
  for (const char* text : {"case.toml:4:", "model.current_efficiency_model", "lillebuen", "dewing", "mass_transfer"}) {
    EXPECT_NE(r.err.find(text), std::string::npos) << "stderr lacks \"" << text << "\":\n" << r.err;
  }
}

}  // namespace
}  // namespace test_current_efficiency_cli
}  // namespace potline_cli_test
