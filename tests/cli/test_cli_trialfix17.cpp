// User trial 16 findings fixed in the 2026-12-07 fourth session (T16-12, T16-14, T16-15, T16-6). Each
// test asserts the message or the output it is about.
#include <algorithm>
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trialfix17 {
namespace {

// The number of "error:" lines in `err`.
int error_lines(const std::string& err) {
  int n = 0;
  for (const auto& line : lines_of(err)) n += line.find(": error: ") != std::string::npos ? 1 : 0;
  return n;
}

// T16-12: the retrofit's NPV chart subtitle was one line of about 250 characters; at 1300 px it stopped at
// "...is not on the curve: power 40.0", the caveat that says why the case's NPV is off the curve. Now a
// subtitle longer than its 640-px chart holds (640 / 6 = 106 characters) is an array of lines, each
// ending with its space, that joins back into the sentence (the browser test measures every chart of
// every report within 1100 px).
TEST(CliTrialFix17, LongReportSubtitlesWrapIntoLinesThatJoinBack) {
  TempDir tmp;
  const std::string out = (tmp.path() / "retro").string();
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml"), "--out", out, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string raw = read_file(std::filesystem::path(out) / "report.html");
  const std::string open = "\"subtitle\":[";
  int wrapped = 0;
  for (std::size_t at = raw.find(open); at != std::string::npos; at = raw.find(open, at + 1)) {
    ++wrapped;
    const std::size_t end = raw.find("\"]", at);
    ASSERT_NE(end, std::string::npos);
    const std::string body = raw.substr(at + open.size() + 1, end - at - open.size() - 1);
    for (std::size_t from = 0; from < body.size();) {
      const std::size_t next = body.find("\",\"", from);
      const std::string line = body.substr(from, next == std::string::npos ? std::string::npos : next - from);
      EXPECT_LE(line.size(), 107u) << line;
      if (next != std::string::npos) {
        EXPECT_EQ(line.back(), ' ') << line;
      }
      from = next == std::string::npos ? body.size() : next + 3;
    }
  }
  EXPECT_GE(wrapped, 4) << "the four invest charts' subtitles are longer than 106 characters";
  const std::string page = read_report(std::filesystem::path(out) / "report.html");
  expect_in(page, "is not on the curve: power 40.0 USD/MWh for 10 contract years, then 50.0 USD/MWh\"");
  EXPECT_EQ(page.find(open), std::string::npos);  // every wrapped subtitle joined
}

// T16-15: `investment.capex="5500 USD/(t/yr)"`, the unit of the field's own description ("capital cost
// per t/yr of capacity"), read as USD/t/yr ("USD times kg^-1 s^-1 USD": the money named twice, the
// parentheses dropped). Now the dimension is right and the message says how capex is written.
TEST(CliTrialFix17, CapexPerTonneOfYearlyCapacitySaysHowItIsWritten) {
  const RunResult paren =
      potline({"invest", example("invest-new-build.toml"), "--set", "investment.capex=5500 USD/(t/yr)"});
  EXPECT_EQ(paren.exit_code, 2) << paren.describe();
  expect_in(paren.err,
            "--set #1: error: 'investment.capex': unit 'USD/(t/yr)' (USD per (mass per time)) cannot be converted to "
            "USD/t (USD per mass), this field's unit: write e.g. \"5500 USD/t\" (an amount per t/yr of capacity is "
            "written in USD/t here: 5500 USD/t is 5500 USD per t/yr)");
  const RunResult flat =
      potline({"invest", example("invest-new-build.toml"), "--set", "investment.capex=5500 USD/t/yr"});
  EXPECT_EQ(flat.exit_code, 2) << flat.describe();
  expect_in(flat.err, "unit 'USD/t/yr' (USD times kg^-1 s^-1) cannot be converted to USD/t (USD per mass)");
  expect_not_in(flat.err, "an amount per t/yr");  // USD/t/yr is per t and per year, not per t/yr
}

// T16-14: a sweep file with six mistakes gave four errors; the two of the input whose distribution was
// misspelt (a mode in EUR/t for a USD/t lever, region 'Europe') came only once that was fixed.
TEST(CliTrialFix17, SweepFileErrorsComeInOneRun) {
  TempDir tmp;
  const std::string base = (source_dir() / "examples" / "world-elastic.toml").string();
  const std::string file = tmp.write("badsw.toml",
                                     "[sweep]\ntitle = \"bad\"\nbase = \"" + base +
                                         "\"\nseed = 1\nsamples = 5\n"
                                         "[[scenario]]\nname = \"base\"\n"
                                         "[[uncertain]]\nname = \"pf\"\nparameter = \"power_factr\"\nregion = \"usa\"\n"
                                         "distribution = \"uniform\"\nmin = 1.1\nmax = 0.9\n"
                                         "[[uncertain]]\nname = \"cp\"\nparameter = \"carbon_price\"\n"
                                         "region = \"Europe\"\ndistribution = \"triangle\"\nmin = \"0 USD/t\"\n"
                                         "mode = \"20 EUR/t\"\nmax = \"60 USD/t\"\n"
                                         "[[uncertain]]\nname = \"df\"\nparameter = \"demand_factor\"\n"
                                         "distribution = \"normal\"\nmean = 1.0\nsd = -0.01\n");
  const RunResult r = potline({"sweep", file, "--out", (tmp.path() / "s.sqlite").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'uncertain[0].parameter': value 'power_factr' is not one of:");
  expect_in(r.err, "min 1.1 is not below max 0.9: every distribution needs min < max");
  expect_in(r.err, "'uncertain[1].distribution': value 'triangle' is not one of:");
  expect_in(r.err, "'uncertain[1].mode': unit 'EUR/t'");
  expect_in(r.err, "'uncertain[1].region': unknown region 'Europe' (did you mean 'europe'?)");
  expect_in(r.err, "'uncertain[2].sd'");
  EXPECT_EQ(error_lines(r.err), 6) << r.err;
  expect_in(r.err, "potline: 6 input error(s)");
}

// T16-6: a smelter case with technology_class = "CWPB" and a simulate run's anode effects (IPCC2019
// PFPB_modern) applied the run's class, said nothing, and its PFC basis line named CWPB. cli.md: "a
// difference is warned". The basis line now names the class applied, and the case's class is warned.
TEST(CliTrialFix17, FromSimulationNamesTheClassAppliedAndWarnsTheCasesClass) {
  TempDir dir;
  const auto run = dir.path() / "run.json";
  const RunResult sim =
      potline({"simulate", example("cell-stuck-feeder.toml"), "--set", "pfc.coefficients=IPCC2019", "--set",
               "pfc.technology=PFPB_modern", "--json"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  std::ofstream(run) << sim.out;
  // smelter-ca-hydro (technology_class = "CWPB", pfc_method = "slope") without its own AEM.
  std::string text;
  std::istringstream in(read_file(example("smelter-ca-hydro.toml")));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("aem", 0) != 0) text += line + "\n";
  }
  const std::string sm = dir.write("sm-fs.toml", text);
  const RunResult r = potline({"smelter", sm, "--set", "emissions.from_simulation=" + run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out,
            "emissions.pfc_method = \"slope\" of the case (class PFPB_modern, the run's (emissions.from_simulation) "
            "in place of the case's CWPB: emissions.technology_class of the case; the case's "
            "emissions.from_simulation)");
  expect_in(r.err,
            "warning: 'emissions.technology_class': the case's class CWPB is not applied to the anode effects of "
            "emissions.from_simulation: the run's PFC coefficients IPCC2019/PFPB_modern are (not the case's "
            "IPCC2006/CWPB); set emissions.coefficient_set to apply the case's.");
  const Json j = parse_json(
      potline({"smelter", sm, "--set", "emissions.from_simulation=" + run.string(), "--json"}).out);
  EXPECT_EQ(j.at("emissions_method").at("technology_class"), "PFPB_modern");
  expect_in(j.at("emissions_method").at("pfc_basis").get<std::string>(), "class PFPB_modern, the run's");
  // A case that sets its coefficient set keeps its class: the existing warning, not this one.
  const RunResult kept = potline({"smelter", sm, "--set", "emissions.from_simulation=" + run.string(), "--set",
                                  "emissions.coefficient_set=IPCC2006"});
  ASSERT_EQ(kept.exit_code, 0) << kept.describe();
  expect_not_in(kept.err, "is not applied to the anode effects");
  expect_in(kept.out, "(class CWPB: emissions.technology_class of the case");
}

// T17-1: `cell` warned "warning: Alumina 20 wt% is at or above its saturation ..." with neither place nor
// key, where simulate says its own at bath.alumina. Now located like every warning of an input.
TEST(CliTrialFix17, AluminaAboveSaturationIsWarnedAtItsPlace) {
  TempDir tmp;
  const std::string file = tmp.write("al12.toml", "[case]\ntechnology=\"AP40\"\n[bath]\nalumina = 12\n");
  const RunResult r = potline({"cell", file});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, file + ":4:11: warning: 'bath.alumina': Alumina 12 wt% is at or above its saturation 8.353 wt% "
                          "(Skybakmoen et al. 1997) at 965 °C");
  EXPECT_EQ(r.err.find("\nwarning: Alumina"), std::string::npos) << r.err;
  EXPECT_NE(r.err.rfind("warning: Alumina", 0), 0u) << r.err;  // not unlocated on the first line either
  const RunResult set = potline({"cell", default_case(), "--set", "bath.alumina=20", "--json"});
  ASSERT_EQ(set.exit_code, 0) << set.describe();
  const Json warnings = parse_json(set.out).at("warnings");
  const auto located = std::count_if(warnings.begin(), warnings.end(), [](const Json& w) {
    return w.get<std::string>().rfind("--set #1: bath.alumina: Alumina 20 wt% is at or above", 0) == 0;
  });
  EXPECT_EQ(located, 1) << warnings.dump();
}

// T17-4: usage errors spoke CLI11 ("A subcommand: error: 'potline' needs this option", "case: error:
// 'potline fleet' needs this option" of a positional argument, "--set: error: 1 required TEXT missing").
// They now say what to give, as `simulate` did.
TEST(CliTrialFix17, UsageErrorsSayWhatToGive) {
  const RunResult none = potline({});
  EXPECT_EQ(none.exit_code, 2);
  expect_in(none.err, "error: give a command: bath, cell, technologies, schema, template, simulate, smelter, "
                      "emissions, cbam, invest, fleet, sweep, report, compare, flex ('potline --help' says what each does)");
  const RunResult fleet = potline({"fleet"});
  EXPECT_EQ(fleet.exit_code, 2);
  expect_in(fleet.err, "error: give a case file: potline fleet CASE.toml ('potline template fleet' writes one)\n");
  expect_in(potline({"sweep"}).err, "error: give a sweep file: potline sweep SWEEP.toml ('potline template sweep' writes one)");
  const RunResult set = potline({"cell", "--set"});
  EXPECT_EQ(set.exit_code, 2);
  expect_in(set.err, "--set: error: give KEY=VALUE, e.g. --set operation.acd=\"4 cm\"");
  expect_in(potline({"cell", "--technology"}).err, "--technology: error: give its value: --technology VALUE (");
  for (const RunResult& r : {none, fleet, set}) {
    expect_not_in(r.err, "needs this option");
    expect_not_in(r.err, "required TEXT missing");
    expect_in(r.err, "potline: 1 input error(s); nothing was run\n");
  }
}

// T16-19 (nits 2, 4, 5): a smelter case run with `potline invest` got five "required" errors; a lead time in
// "0.75 year" or "9 months" was an unknown unit; power.source "coal" got no did-you-mean.
TEST(CliTrialFix17, NitsOfTrial16) {
  const RunResult invest = potline({"invest", example("smelter-us-old-grid.toml")});
  EXPECT_EQ(invest.exit_code, 2) << invest.describe();
  expect_in(invest.err, "error: 'investment': no [investment] table: 'potline invest' needs one, with "
                        "construction_years, operating_years, depreciation_years, wacc and capex ('potline template "
                        "invest' writes a starter case); a smelter case without it is for 'potline smelter'");
  expect_not_in(invest.err, "required for 'potline invest'");
  EXPECT_EQ(error_lines(invest.err), 1) << invest.err;
  for (const char* lead : {"0.75 year", "9 months"}) {
    const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", std::string("fleet.restart_lead_time=") + lead,
                                 "--json"});
    EXPECT_EQ(r.exit_code, 0) << lead << "\n" << r.describe();
  }
  const RunResult coal = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "power.source=coal"});
  EXPECT_EQ(coal.exit_code, 2);
  expect_in(coal.err, "is not one of: captive_coal, captive_gas, hydro, grid, ppa (did you mean 'captive_coal'?)");
}

// T17-4 addendum: a string not closed in a fleet or sweep file read "badw.toml:22:18: error: Error while
// parsing string: ..." without "TOML syntax error" and the hint that cell, smelter, invest and flex give.
TEST(CliTrialFix17, FleetAndSweepSyntaxErrorsReadAsTheOthers) {
  TempDir tmp;
  std::string world = read_file(example("world-2024.toml"));
  const std::size_t at = world.find("[case]");
  ASSERT_NE(at, std::string::npos);
  world.insert(at, "bad = \"2392 USD/t\n");
  const std::string bad_world = tmp.write("badw.toml", world);
  const RunResult fleet = potline({"fleet", bad_world});
  EXPECT_EQ(fleet.exit_code, 2) << fleet.describe();
  expect_in(fleet.err, "error: TOML syntax error: Error while parsing string");
  expect_in(fleet.err, "(a string not closed on its line: add the closing \")");
  const std::string bad_sweep = tmp.write("badsw.toml", "[sweep]\ntitle = \"x\"\nseed = \"42\n");
  const RunResult sweep = potline({"sweep", bad_sweep, "--out", (tmp.path() / "s.sqlite").string()});
  EXPECT_EQ(sweep.exit_code, 2) << sweep.describe();
  expect_in(sweep.err, "badsw.toml:3:");
  expect_in(sweep.err, ": error: TOML syntax error: Error while parsing string");
  expect_in(sweep.err, "(a string not closed on its line: add the closing \")");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trialfix17
