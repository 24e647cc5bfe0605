// User trial of 2026-12-05, second session (/work/coord/trial-findings.md, "Session of 2026-12-05
// (2)"): what a process engineer met running simulate with --set/--vary of the operating point.
#include <filesystem>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial_2 {
namespace {

// Items AS (a varied line current showed the same superheat at every point, then a warning said so)
// and AT (11 wt% AlF3 could not be calibrated): simulate now calibrates a catalogue technology at its
// catalogue point and starts at the case's point; tests in test_cli_thermal_calibration.cpp.

// investment.wacc is in %, the JSON's `wacc` a fraction: `--set investment.wacc=0.08` (as the JSON
// prints it) was read as 0.08 % without a word, NPV 7233 M USD instead of 467 M USD.
TEST(CliUserTrial2, AFractionTypedForAPercentageIsSaid) {
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--set", "investment.wacc=0.08"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string all = r.out + r.err;
  EXPECT_NE(r.err.find("--set #1: warning: 'investment.wacc': value 0.08 % is outside the typical range 2–20 %"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("this field is in %: for 8 % write 8 or \"8 %\""), std::string::npos) << all;
  const RunResult percent = potline({"invest", example("invest-new-build.toml"), "--set", "investment.wacc=8"});
  ASSERT_EQ(percent.exit_code, 0) << percent.describe();
  EXPECT_EQ((percent.out + percent.err).find("typical range"), std::string::npos) << percent.out << percent.err;
  // --vary dropped the points' warnings: now each on stderr once, with its point.
  const RunResult vary = potline({"invest", example("invest-new-build.toml"), "--vary", "investment.wacc=0.08,8"});
  ASSERT_EQ(vary.exit_code, 0) << vary.describe();
  EXPECT_NE(vary.err.find("warning (at investment.wacc=0.08): investment.wacc: value 0.08 % is outside the typical "
                          "range 2–20 %"),
            std::string::npos)
      << vary.err;
  EXPECT_EQ(vary.err.find("IPCC2006 PFC coefficients"), std::string::npos) << "the case's own warnings: a run without --vary";
  EXPECT_EQ(vary.err.find("warning (at investment.wacc=0.08, investment.wacc=8)"), std::string::npos) << vary.err;
}

// README's tour said "lists 17 cell technologies" after an 18th (CN-PB240) joined the catalogue.
TEST(CliUserTrial2, ReadmeCountsTheCatalogue) {
  const RunResult r = potline({"technologies", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::size_t n = parse_json(r.out).at("technologies").size();
  const std::string readme = read_file(source_dir() / "README.md");
  EXPECT_NE(readme.find("lists " + std::to_string(n) + " cell technologies"), std::string::npos) << n;
}

// README: world.toml's world price "about 16 % below the 2024 LME" became 21 % below (1903 against
// 2400 USD/t) after Germany's 2024 data, and the tour said "about a fifth". Since 2026-12-05
// world.toml builds on the 2024 backtest (case.base) and its world price is the backtest's, 2,225
// against 2,392 USD/t (-7.0 %); the tour says "within a tenth", checked here.
TEST(CliUserTrial2, ReadmeWorldPriceAgainstTheLme) {
  const RunResult r = potline({"fleet", example("world.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const double below = 1.0 - finite_number(j, "world_price_usd_per_t") / finite_number(j, "lme_usd_per_t");
  EXPECT_GT(below, -0.10) << below;
  EXPECT_LT(below, 0.10) << below;
  EXPECT_NE(read_file(source_dir() / "README.md").find("comes out within a tenth of the LME price it is given"),
            std::string::npos);
}

// flex.min_power = 0.75 (for 75 %) was read as 0.75 %: the week case then fitted a 99 % cut and
// reported +216 kEUR, out of window, with no word about the unit.
TEST(CliUserTrial2, APlainFractionInAPercentFieldIsSaid) {
  const RunResult r = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set", "flex.min_power=0.75", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("--set #1: warning: 'flex.min_power': value 0.75 is read as 0.75 % (this field is in %, default "
                       "95 %): for 75 % write 75 or \"75 %\""),
            std::string::npos)
      << r.err;
  // investment.tax_rate (default 0 %): 0.25 was read as 0.25 % with no word.
  const RunResult tax = potline({"invest", example("invest-new-build.toml"), "--set", "investment.tax_rate=0.25"});
  ASSERT_EQ(tax.exit_code, 0) << tax.describe();
  EXPECT_NE((tax.out + tax.err).find("'investment.tax_rate': value 0.25 is read as 0.25 % (this field is in %, default 0 %): "
                                     "for 25 % write 25 or \"25 %\""),
            std::string::npos)
      << tax.out << tax.err;
  // A field whose default is below 1 % takes such values as meant (a noise of 0.3 %).
  const RunResult noise = potline({"simulate", example("cell-7d.toml"), "--set", "control.current_noise=0.3", "--set",
                                   "run.duration=1 d", "--json"});
  ASSERT_EQ(noise.exit_code, 0) << noise.describe();
  EXPECT_EQ(noise.err.find("is read as"), std::string::npos) << noise.err;
}

// --export-smelter errors began "error: '--export-smelter': ..." with no place, unlike every other option.
TEST(CliUserTrial2, ExportSmelterErrorsNameTheOption) {
  const RunResult r = potline({"fleet", example("world.toml"), "--export-smelter", "us-mount-hol"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_EQ(r.err.rfind("--export-smelter: error: '--export-smelter': unknown smelter 'us-mount-hol'", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find("\nerror:"), std::string::npos) << r.err;
}

// --vary "run.duration=12,24 h" ran 12 days (the field's unit) and 1 day.
TEST(CliUserTrial2, AUnitAfterTheLastListValueAppliesToEach) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--vary", "run.duration=12,24 h", "--outputs",
                               "simulated_days", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json rows = parse_json(r.out).at("rows");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("value"), "12 h");
  EXPECT_NEAR(finite_number(rows[0].at("outputs"), "simulated_days"), 0.5, 1e-9);
  EXPECT_NEAR(finite_number(rows[1].at("outputs"), "simulated_days"), 1.0, 1e-9);
}

// cell --thermal on a case without a technology was calibrated with its --set overrides:
// custom-design.toml at 330 or 420 kA gave back the case's 965.0 °C and 6.5 cm ledge. The case file
// as written is the design point now; the overrides are solved in its network.
TEST(CliUserTrial2, OwnDesignThermalSolvesTheSetInTheCaseFilesNetwork) {
  // The case file's ACD held (given; T18-2: else the ACD the pot control settles at, which holds 965.0 °C).
  const RunResult r = potline({"cell", example("custom-design.toml"), "--thermal", "--set", "operation.line_current=420 kA",
                               "--set", "operation.acd=4.3 cm", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json t = parse_json(r.out).at("thermal");
  EXPECT_EQ(t.at("design_point"), "the case file's operating point (without --set)");
  EXPECT_NEAR(finite_number(t, "design_line_current_kA"), 400.0, 1e-9);
  EXPECT_GT(finite_number(t, "bath_temperature_degC"), 966.0);
  EXPECT_LT(finite_number(t, "ledge_cm"), 5.0);
  const RunResult controlled = potline({"cell", example("custom-design.toml"), "--thermal", "--set",
                                        "operation.line_current=420 kA", "--json"});
  ASSERT_EQ(controlled.exit_code, 0) << controlled.describe();
  EXPECT_NEAR(finite_number(parse_json(controlled.out).at("thermal"), "bath_temperature_degC"), 965.0, 0.05);
  EXPECT_LT(finite_number(parse_json(controlled.out), "acd_cm"), 4.3);
  const RunResult plain = potline({"cell", example("custom-design.toml"), "--thermal", "--json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  EXPECT_NEAR(finite_number(parse_json(plain.out).at("thermal"), "bath_temperature_degC"), 965.0, 0.01);
}

// compare said "run 2: DIR" only; which --set made the difference was in no line of its output.
TEST(CliUserTrial2, CompareNamesEachRunsInputs) {
  TempDir tmp;
  const std::string a = (tmp.path() / "a").string(), b = (tmp.path() / "b").string();
  ASSERT_EQ(potline({"smelter", example("smelter-us-old-grid.toml"), "--out", a}).exit_code, 0);
  ASSERT_EQ(potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=40", "--out", b}).exit_code, 0);
  const RunResult r = potline({"compare", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  run 2: " + b + " (" + example("smelter-us-old-grid.toml") + " --set prices.power=40)\n"),
            std::string::npos)
      << r.out;
  const RunResult same = potline({"compare", a, a});
  EXPECT_NE(same.out.find("  run 2: " + a + "\n"), std::string::npos) << "the same inputs add nothing:\n" << same.out;
}

// examples/world-path-2035.toml called itself "the 2024 backtest case moved forward", but its 2024 year
// was not the backtest's (no [[flow_limit]] on US imports from Australia; world price 2,401 against
// 2,266 USD/t). Since 2026-12-05 it holds that lane at its 2024 flow in 2024 only, and its comment says
// its 2024 differs only by the demand elasticity (2,243 USD/t, -1.0 %): this checks the claim, so that
// the comment changes when the two move apart (tests/validation/test_fleet_backtest_2024.cpp checks
// that with fixed demand the two years are equal).
TEST(CliUserTrial2, PathExampleSaysHowIts2024DiffersFromTheBacktest) {
  const RunResult path = potline({"fleet", example("world-path-2035.toml"), "--json"});
  const RunResult backtest = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(path.exit_code, 0) << path.describe();
  ASSERT_EQ(backtest.exit_code, 0) << backtest.describe();
  double path_2024 = 0;
  const Json years = parse_json(path.out);  // kept: a range-for over a temporary's member dangles
  for (const auto& y : years.at("path")) {
    if (y.at("year") == 2024) path_2024 = finite_number(y, "world_price_usd_per_t");
  }
  const double backtest_2024 = finite_number(parse_json(backtest.out), "world_price_usd_per_t");
  // The comment's claim: the same year, equal since the backtest took the path's demand elasticity
  // (2026-12-06); before, it differed by the elasticity alone (−23 USD/t until 2026-12-05 14:00,
  // then 0 with the region file's 2024 labour costs; +55, +2.4 %, since the demand blocks of equal
  // price ratio, 2026-12-05 night).
  EXPECT_NEAR(path_2024, backtest_2024, 0.5) << path_2024 << " vs " << backtest_2024;
  EXPECT_NE(read_file(source_dir() / "examples" / "world-path-2035.toml")
                .find("Its 2024 is the backtest's year, equal to it since the backtest took this "
                      "file's demand elasticity"),
            std::string::npos);
}

// The fleet report's regions table printed "missing" for the premium benchmark China has none of
// (regions.csv leaves it empty): no data is missing there. Text columns now print "—".
TEST(CliUserTrial2, AnEmptyTextCellIsNoMissingData) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "world").string();
  ASSERT_EQ(potline({"fleet", example("world.toml"), "--out", dir, "--report"}).exit_code, 0);
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  const std::size_t china = html.find("<tr><td>china</td><td>China</td>");
  ASSERT_NE(china, std::string::npos);
  const std::string row = html.substr(china, html.find("</tr>", china) - china);
  EXPECT_NE(row.find("<td>—</td>"), std::string::npos) << row;
  EXPECT_EQ(row.find("missing"), std::string::npos) << row;
}

// A temperature typed "965 C" got "unknown unit 'C' (did you mean 'm'?)".
TEST(CliUserTrial2, ACelsiusTemperatureTypedLooselySaysHowToWriteIt) {
  for (const char* typed : {"965 C", "965 deg C", "965 Celsius"}) {
    const RunResult r = potline({"cell", example("default.toml"), "--set", std::string("operation.bath_temperature=") + typed});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    EXPECT_NE(r.err.find("a Celsius temperature is written \"965 degC\" or \"965 °C\""), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("did you mean 'm'"), std::string::npos) << r.err;
  }
  const RunResult bath = potline({"bath", "--temperature", "960 C"});
  EXPECT_EQ(bath.exit_code, 2) << bath.describe();
  EXPECT_NE(bath.err.find("a Celsius temperature is written \"960 degC\""), std::string::npos) << bath.err;
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial_2
