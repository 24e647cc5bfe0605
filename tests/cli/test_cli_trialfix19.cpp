// User trial 19 findings fixed in the 2026-12-07 sixth session (T19-3, T19-4, T19-11, T19-21) and docs-audit finding DA19-40. Each test asserts the
// message it is about.
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trialfix19 {
namespace {

// T19-4: "300 kt" for a t/yr capacity was hinted "300 t/yr", 1,000 times smaller; the hint keeps the
// given unit and adds the field's time.
TEST(CliTrialFix19, AQuantityWithoutItsPerTimeIsHintedInItsOwnUnit) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "plant.capacity=300 kt"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'plant.capacity': unit 'kt' (a mass) cannot be converted to t/yr (a mass per "
                   "time), this field's unit: write e.g. \"300 kt/yr\"");
}

// T19-11: `--target-voltage` solves the ACD; an ACD given with --set as well was dropped without a word.
TEST(CliTrialFix19, TargetVoltageAndAGivenAcdAreOneInputErrorNamingBoth) {
  const RunResult r =
      potline({"cell", "--technology", "AP60", "--target-voltage", "4.05", "--set", "operation.acd=5cm"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'operation.acd': 5 cm and --target-voltage 4.05 V both fix the ACD "
                   "(--target-voltage solves operation.acd for that cell voltage): give one of them");
}

// T19-3: a varied key the case does not use (cbam-2034 takes the EUA price from its path) gave N
// identical solves and two warnings per point; now one input error at the --vary, with the reason.
TEST(CliTrialFix19, VaryingAKeyTheCaseDoesNotUseIsOneInputError) {
  const RunResult r = potline({"fleet", example("cbam-2034.toml"), "--vary", "cbam.eua_price=0:200:20 EUR/t",
                               "--outputs", "world_price_usd_per_t"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--vary #1: error: 'cbam.eua_price': this case does not use it, so every value would give the "
                   "same run: 0 EUR/t is not used: the eua_price path of ");
  EXPECT_EQ(r.err.find("typical range"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// Docs audit DA19-40: a name with no close match lists the known names (at most 60), as regions do.
TEST(CliTrialFix19, AnUnknownTechnologyWithNoCloseMatchListsTheCatalogue) {
  const RunResult r = potline({"cell", "--technology", "zzz"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--technology: error: 'case.technology': unknown technology 'zzz' (known: ");
  expect_in(r.err, "AP40");
  expect_in(r.err, "); 'potline technologies' lists them");
}

// T19-21: a current efficiency given with a technology: the same pots at the same current and voltage
// draw the same power for less metal, so the SEC goes as 1/CE (the cell model's 95 % SEC was kept).
TEST(CliTrialFix19, AGivenCurrentEfficiencyScalesTheTechnologysSec) {
  const auto sec = [](const std::string& ce) {
    std::vector<std::string> args{"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
                                  "potline.technology=AP40", "--set", "potline.line_current=400 kA"};
    if (!ce.empty()) args.insert(args.end(), {"--set", "potline.current_efficiency=" + ce});
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    return parse_json(r.out);
  };
  const Json model = sec(""), low = sec("90 %");
  EXPECT_NEAR(low.at("potline_sec_ac_kWh_per_kg").get<double>(),
              model.at("potline_sec_ac_kWh_per_kg").get<double>() * 95.0 / 90.0, 1e-3);
  expect_in(low.at("sec_source").get<std::string>(),
            "at the given potline.current_efficiency 90 % instead of the cell model's 95 %");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trialfix19
