// `potline cell ... --set KEY=VALUE`: dotted keys, values with or without units, repeated, and
// placed before or after the positional case file.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_set {
namespace {

Json run_json(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"cell"};
  full.insert(full.end(), args.begin(), args.end());
  full.push_back("--json");
  const RunResult r = potline(full);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

TEST(CliSet, AcdOverrideChangesAcdAndLowerAcdLowersVoltage) {
  const Json at40 = run_json({default_case(), "--set", "operation.acd=4.0cm"});
  const Json at45 = run_json({default_case(), "--set", "operation.acd=4.5cm"});
  EXPECT_NEAR(finite_number(at40, "acd_cm"), 4.0, 1e-12);
  EXPECT_NEAR(finite_number(at45, "acd_cm"), 4.5, 1e-12);
  EXPECT_LT(finite_number(at40, "voltage_V"), finite_number(at45, "voltage_V"));
  // Only the bath ohmic drop (and the bubble layer, which does not depend on ACD) moves with ACD.
  EXPECT_LT(finite_number(at40["breakdown_V"], "bath_ohmic"), finite_number(at45["breakdown_V"], "bath_ohmic"));
  EXPECT_NEAR(finite_number(at40["breakdown_V"], "reversible"), finite_number(at45["breakdown_V"], "reversible"), 1e-12);
}

TEST(CliSet, AcdInOtherLengthUnitsIsTheSame) {
  const Json cm = run_json({default_case(), "--set", "operation.acd=4.2 cm"});
  const Json mm = run_json({default_case(), "--set", "operation.acd=42 mm"});
  const Json m = run_json({default_case(), "--set", "operation.acd=0.042 m"});
  const Json plain = run_json({default_case(), "--set", "operation.acd=4.2"});  // field unit: cm
  for (const Json* j : {&mm, &m, &plain}) {
    EXPECT_NEAR(finite_number(*j, "acd_cm"), 4.2, 1e-9);
    EXPECT_NEAR(finite_number(*j, "voltage_V"), finite_number(cm, "voltage_V"), 1e-9);
  }
}

TEST(CliSet, LineCurrentWithUnitAndSpace) {
  const Json base = run_json({default_case()});
  const Json j = run_json({default_case(), "--set", "operation.line_current=420 kA"});
  EXPECT_NEAR(finite_number(j, "current_kA"), 420.0, 1e-9);
  // More current through the same cell: more metal; at the ACD the pot control settles at (T19-1) a
  // narrower ACD and a lower voltage (3.80 -> 3.36 cm, 4.192 -> 4.151 V).
  EXPECT_GT(finite_number(j, "production_kg_per_day"), finite_number(base, "production_kg_per_day"));
  EXPECT_LT(finite_number(j, "acd_cm"), finite_number(base, "acd_cm"));
  EXPECT_LT(finite_number(j, "voltage_V"), finite_number(base, "voltage_V"));
  const Json amperes = run_json({default_case(), "--set", "operation.line_current=420000 A"});
  EXPECT_NEAR(finite_number(amperes, "current_kA"), 420.0, 1e-9);
}

TEST(CliSet, QuotedValueInsideTheOverride) {
  const Json j = run_json({default_case(), "--set", "operation.acd=\"4.3 cm\""});
  EXPECT_NEAR(finite_number(j, "acd_cm"), 4.3, 1e-12);
}

TEST(CliSet, RepeatedSetsAllApplyAndTheLastOfOneKeyWins) {
  const Json j = run_json({default_case(), "--set", "operation.acd=4.0cm", "--set",
                           "operation.line_current=410 kA", "--set", "operation.acd=4.4cm"});
  EXPECT_NEAR(finite_number(j, "acd_cm"), 4.4, 1e-12);
  EXPECT_NEAR(finite_number(j, "current_kA"), 410.0, 1e-9);
}

TEST(CliSet, SetBeforeAndAfterThePositionalCaseFile) {
  const Json before = run_json({"--set", "operation.acd=4.1cm", default_case()});
  const Json after = run_json({default_case(), "--set", "operation.acd=4.1cm"});
  EXPECT_NEAR(finite_number(before, "acd_cm"), 4.1, 1e-12);
  EXPECT_NEAR(finite_number(after, "acd_cm"), 4.1, 1e-12);
  EXPECT_NEAR(finite_number(before, "voltage_V"), finite_number(after, "voltage_V"), 1e-12);
}

TEST(CliSet, ShortOptionDashS) {
  const Json j = run_json({default_case(), "-s", "operation.acd=4.6cm"});
  EXPECT_NEAR(finite_number(j, "acd_cm"), 4.6, 1e-12);
}

TEST(CliSet, SetWorksWithTechnologyAlone) {
  const Json j = run_json({"--technology", "AP60", "--set", "bath.alumina=3.5"});
  const Json base = run_json({"--technology", "AP60"});
  // Closer to saturation: higher alumina activity, lower reversible voltage.
  EXPECT_LT(finite_number(j["breakdown_V"], "reversible"), finite_number(base["breakdown_V"], "reversible"));
}

TEST(CliSet, TemperatureOverrideInKelvin) {
  const Json c = run_json({default_case(), "--set", "operation.bath_temperature=970 degC"});
  const Json k = run_json({default_case(), "--set", "operation.bath_temperature=1243.15 K"});
  EXPECT_NEAR(finite_number(c, "bath_temperature_degC"), 970.0, 1e-9);
  EXPECT_NEAR(finite_number(k, "bath_temperature_degC"), 970.0, 1e-9);
  EXPECT_NEAR(finite_number(k, "voltage_V"), finite_number(c, "voltage_V"), 1e-9);
}

TEST(CliSet, ChoiceAndBoolFields) {
  const Json hives = run_json({default_case()});
  const Json wang = run_json({default_case(), "--set", "model.conductivity=wang1992"});
  EXPECT_NE(finite_number(wang["breakdown_V"], "bath_ohmic"), finite_number(hives["breakdown_V"], "bath_ohmic"));
  const Json full_acd = run_json({default_case(), "--set", "model.subtract_bubble_layer=false"});
  // The ohmic path is the full ACD instead of ACD minus the bubble layer: a larger drop.
  EXPECT_GT(finite_number(full_acd["breakdown_V"], "bath_ohmic"), finite_number(hives["breakdown_V"], "bath_ohmic"));
}

TEST(CliSet, RectifierEfficiencyScalesOnlyTheAcSec) {
  const Json base = run_json({default_case(), "--set", "design.rectifier_efficiency=1"});
  const Json half = run_json({default_case(), "--set", "design.rectifier_efficiency=0.5"});
  EXPECT_NEAR(finite_number(base, "sec_ac_kWh_per_kg"), finite_number(base, "sec_dc_kWh_per_kg"), 1e-9);
  EXPECT_NEAR(finite_number(half, "sec_ac_kWh_per_kg"), 2.0 * finite_number(half, "sec_dc_kWh_per_kg"), 1e-9);
  EXPECT_NEAR(finite_number(half, "sec_dc_kWh_per_kg"), finite_number(base, "sec_dc_kWh_per_kg"), 1e-12);
}

}  // namespace
}  // namespace test_cli_set
}  // namespace potline_cli_test
