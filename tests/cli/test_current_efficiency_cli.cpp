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
