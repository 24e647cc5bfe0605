// `potline bath` with alumina above saturation: the liquidus is where the liquidus curve meets the
// solubility curve (docs/model/bath.md, "Liquidus of a bath above alumina saturation"), the same
// bath::liquidus_K the cell and the dynamics use; and the cell and bath text spell °C as the rest of
// the CLI text does (issue 11).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_bath_saturated_liquidus {
namespace {

// Was: "liquidus 931.5 degC, superheat 28.5 K" (the Solheim equation at 9 wt%, past its range).
TEST(CliBathSaturatedLiquidus, AboveSaturationTheLiquidusIsWhereTheCurvesMeet) {
  const std::vector<std::string> args = {"bath", "--alumina", "9", "--alf3", "11", "--caf2", "5", "--temperature", "960"};
  const RunResult text = potline(args);
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("bath at 960.0 °C: Al2O3 9.00"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  liquidus 937.9 °C, superheat 22.1 K\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("alumina saturation 8.27 wt%, activity 1.000"), std::string::npos) << text.out;
  // The warning on stderr, at the option that put the alumina there (user trial T19-23, DA19-35).
  EXPECT_NE(text.err.find("--alumina: warning: Alumina 9 wt% is at or above its saturation"), std::string::npos)
      << text.err;
  EXPECT_NE(text.err.find("the liquidus 937.9 °C is where the liquidus curve (Solheim et al. 1996) meets the "
                          "solubility curve, with 7.485 wt% dissolved"),
            std::string::npos)
      << text.err;

  std::vector<std::string> json_args = args;
  json_args.push_back("--json");
  const RunResult json = potline(json_args);
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const Json j = parse_json(json.out);
  EXPECT_NEAR(finite_number(j, "liquidus_C"), 937.904, 0.001);
  EXPECT_NEAR(finite_number(j, "superheat_K"), 22.096, 0.001);

  // Below saturation nothing changes (README tour: 3 wt%, 959.8 °C).
  const RunResult below = potline({"bath", "--alumina", "3", "--alf3", "11", "--caf2", "5", "--temperature", "960"});
  ASSERT_EQ(below.exit_code, 0) << below.describe();
  EXPECT_NE(below.out.find("  liquidus 959.8 °C, superheat 0.2 K\n"), std::string::npos) << below.out;
}

// `cell --thermal` printed "bath 965.0 degC" and then "965.0 °C" in its thermal block: one spelling.
TEST(CliBathSaturatedLiquidus, CellTextSpellsDegreesCelsiusOnce) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--thermal"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("bath 965.0 °C (superheat 6.9 K)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("degC"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace potline_cli_test::test_cli_bath_saturated_liquidus
