// User trial 14 nits (trial-fix2): T14-8 (did-you-mean for a case slip and not for a 2-of-3 guess, cents
// per kWh, potline groups numbered as --set names them, a report page given for a run, fleet.lme's
// typical range, --threads 0), T14-11 (current steps written in %, kA or with commas) and T14-12 (a
// CVODE setting with the batch integrator, a percentage that is not a fraction slip).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial14_fixes {
namespace {

TEST(CliTrial14Fixes, ChoicesAndCodesSuggestACaseSlipButNoTwoLetterGuess) {
  const RunResult cls = potline({"emissions", "--technology-class", "pfpb_modern", "--aem", "0.1"});
  EXPECT_EQ(cls.exit_code, 2) << cls.describe();
  expect_in(cls.err, "(did you mean 'PFPB_modern'?)");
  const RunResult country = potline({"cbam", "--default-country", "XYZ"});
  EXPECT_EQ(country.exit_code, 2) << country.describe();
  expect_not_in(country.err, "did you mean");
}

TEST(CliTrial14Fixes, CentsPerKilowattHourAreNamedAsCents) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=3 ct/kWh"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'prices.power': unit 'ct/kWh': cents are not a unit here ('ct' is the carat, a mass); give 3 "
                   "ct/kWh as 30 USD/MWh (1 ct/kWh = 10 per MWh of the same currency");
}

TEST(CliTrial14Fixes, PotlineGroupsAreNumberedAsSetNamesThem) {
  const RunResult r = potline({"smelter", example("smelter-two-potlines.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "  potline[0]            Line A: P155 (1980): ");
  expect_in(r.out, "  potline[1]            Line B: AP40 expansion: ");
  expect_not_in(r.out, "potline group 1");
}

TEST(CliTrial14Fixes, AReportPageGivenForItsRunSaysSo) {
  const TempDir dir;
  const std::string run = (dir.path() / "run").string();
  ASSERT_EQ(potline({"cell", "--technology", "AP40", "--out", run, "--report"}).exit_code, 0);
  const RunResult r = potline({"report", run + "/report.html", "--out", (dir.path() / "x.html").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "this is an HTML page (a report?), not a run's JSON: give the run folder or its summary.json (" + run +
                       "/ holds one)");
  expect_not_in(r.err, "parse_error");
}

TEST(CliTrial14Fixes, AnLmeInItsOwnBasisIsNotAtypical) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.lme=1300", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.err, "'fleet.lme'");  // 1,250-4,000 USD/t, as its basis says
  const RunResult low = potline({"fleet", example("world-2024.toml"), "--set", "fleet.lme=1200", "--json"});
  expect_in(low.err, "'fleet.lme': value 1200 USD/t is outside the typical range 1250–4000 USD/t");
}

TEST(CliTrial14Fixes, CurrentStepsInPercentKiloampereOrWithCommas) {
  const std::string c = example("cell-7d.toml");
  const RunResult pct = potline({"simulate", c, "--set", "potline.current_steps=1 h 90 %", "--set", "run.duration=2 h",
                                 "--quiet", "--json"});
  ASSERT_EQ(pct.exit_code, 0) << pct.describe();
  const Json j = parse_json(pct.out);
  EXPECT_NEAR(finite_number(j, "mean_line_current_kA"), 380.0, 1.0);  // 1 h at 400 kA, 1 h at 360 kA
  const RunResult ka = potline({"simulate", c, "--set", "potline.current_steps=24 h 360 kA"});
  EXPECT_EQ(ka.exit_code, 2) << ka.describe();
  expect_in(ka.err, "step 1 '24 h 360 kA': the FACTOR '360 kA' is a plain number or a percentage, not in 'kA': 360 kA is "
                    "0.9 of the nominal 400 kA (operation.line_current), so write 0.9; e.g. '48 h 0.75'");
  expect_not_in(ka.err, "unknown unit");
  const RunResult comma = potline({"simulate", c, "--set", "potline.current_steps=24 h 0.9, 48 h 1"});
  EXPECT_EQ(comma.exit_code, 2) << comma.describe();
  expect_in(comma.err, "step 1 '24 h 0.9, 48 h 1': ',' separates nothing here: separate steps with ';'");
}

TEST(CliTrial14Fixes, ACvodeToleranceWithTheBatchIntegratorIsNeverUsed) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.relative_tolerance=1e-2", "--set",
                               "run.duration=1 h", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--set #1: warning: 'run.relative_tolerance': never used: it is CVODE's tolerance, and "
                   "run.integrator is \"batch\"");
}

TEST(CliTrial14Fixes, APercentageOutsideItsRangeGetsNoFractionHint) {
  const RunResult r = potline({"fleet", example("world.toml"), "--set", "tariff[0].rate=500 %"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "'tariff[0].rate': value '500 %' (= 5) is outside the typical range 0–1");
  expect_not_in(r.err, "it is a fraction");
  const RunResult bare = potline({"fleet", example("world.toml"), "--set", "tariff[0].rate=5"});
  expect_in(bare.err, "it is a fraction: write 0.05 or \"5 %\"");  // a bare 5 meant 5 %
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial14_fixes
