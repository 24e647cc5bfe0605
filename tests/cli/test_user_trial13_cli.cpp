// User trial 13 (2026-12-06), findings T13-3, T13-6, T13-7 and the T13-12 nits, end to end: the
// message, its stream and the exit status (docs/cli.md, Changes).
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_user_trial13_cli {
namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// T13-7: a HAL275 run of an AP40 case said "AP40 cell, 7 days ... changed on the command line:
// run.duration" and its summary named no technology (the title's duration flagged since T15-11). case.technology is listed with the technology
// run; simulate --technology does the same as --set case.technology; summary.json has `technology`.
TEST(CliTrial13, SimulateNamesTheTechnologyTheCommandLineChose) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "hal").string();
  const RunResult set = potline({"simulate", example("cell-7d.toml"), "--set", "case.technology=HAL275", "--set",
                                 "run.duration=2h", "--out", dir});
  ASSERT_EQ(set.exit_code, 0) << set.describe();
  EXPECT_EQ(set.out.rfind("AP40 cell, 7 days, automatic AE quench — changed on the command line: "
                          "case.technology=HAL275, run.duration (the title's \"7 days\" is the case file's): 1 cell(s), "
                          "0.08 d\n",
                          0),
            0u)
      << set.out;
  EXPECT_EQ(parse_json(read_file(dir + "/summary.json")).at("technology").get<std::string>(), "HAL275");

  const RunResult option = potline({"simulate", example("cell-7d.toml"), "--technology", "HAL275", "--set",
                                    "run.duration=2h"});
  ASSERT_EQ(option.exit_code, 0) << option.describe();
  EXPECT_EQ(first_line(option.out), first_line(set.out));
  EXPECT_EQ(first_line(option.out.substr(option.out.find('\n') + 1)), first_line(set.out.substr(set.out.find('\n') + 1)))
      << "the same run: " << option.out;

  const RunResult plain = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=2h", "--json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  EXPECT_EQ(parse_json(plain.out).at("technology").get<std::string>(), "AP40");

  // The report heading carries the same list (it reads the manifest's arguments).
  const RunResult report = potline({"report", dir, "--out", (tmp.path() / "r.html").string()});
  ASSERT_EQ(report.exit_code, 0) << report.describe();
  expect_in(read_report((tmp.path() / "r.html").string()),
            "changed on the command line: case.technology=HAL275, run.duration</h2>");

  // An unknown --technology is an input error at "--technology", before anything runs.
  const RunResult bad = potline({"simulate", example("cell-7d.toml"), "--technology", "HAL27"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "--technology: error: 'case.technology'");
  EXPECT_TRUE(bad.out.empty()) << bad.out;
}

// cell had no "changed on the command line" at all for a --set case.technology over a case file;
// `cell --technology X` alone (no case file) names the case and is not a change.
TEST(CliTrial13, CellListsTheTechnologySetOverACaseFile) {
  const RunResult moved = potline({"cell", default_case(), "--set", "case.technology=HAL275"});
  ASSERT_EQ(moved.exit_code, 0) << moved.describe();
  EXPECT_NE(first_line(moved.out).find("[HAL275] — changed on the command line: case.technology=HAL275"),
            std::string::npos)
      << moved.out;
  const RunResult alone = potline({"cell", "--technology", "HAL275"});
  ASSERT_EQ(alone.exit_code, 0) << alone.describe();
  expect_not_in(first_line(alone.out), "changed on the command line");
}

// T13-3: a cross-field check of a --set value was located at the case file's line.
TEST(CliTrial13, OutageDurationFromSetIsLocatedThereAndSaysHowToRemoveTheOutage) {
  const RunResult r = potline({"simulate", example("outage-3h.toml"), "--set", "potline.outage_duration=0"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'potline.outage_duration': an outage needs a positive "
                   "potline.outage_duration, not 0 h; to run without the outage, remove potline.outage_start "
                   "from the case");
  expect_not_in(r.err, "outage-3h.toml:17");
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// flex-day's price series with every price multiplied by `factor` (and the lines as in the file).
std::string scaled_day(const TempDir& tmp, const std::string& name, double factor) {
  std::istringstream in(read_file((source_dir() / "data" / "prices" / "synthetic-de-summer-day-15min.csv").string()));
  std::string text;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("20", 0) == 0) {
      const auto comma = line.find(',');
      line = line.substr(0, comma + 1) + fmt::format("{}", std::stod(line.substr(comma + 1)) * factor);
    }
    text += line + "\n";
  }
  return tmp.write(name, text);
}

// T13-6: EUR/GWh numbers under a EUR/MWh header (92 of 96 rows outside the SDAC limits) were a
// warning, and flex reported a margin of -1.0 billion EUR. More than half of the rows outside is an
// input error at the first such row's price, naming the count, the range and the likely unit.
TEST(CliTrial13, FlexRefusesAPriceSeriesMostlyOutsideTheSdacLimits) {
  TempDir tmp;
  const std::string bad = scaled_day(tmp, "bad2.csv", 1000);
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", bad});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "bad2.csv:");
  expect_in(r.err, ": error: 'flex.prices': 92 of 96 prices outside -500 to +4000 EUR/MWh (lowest -1840, highest "
                   "178690 EUR/MWh; the first on this line)");
  expect_in(r.err, "more than half of the rows outside the limits is a series in another unit");
  expect_in(r.err, "EUR/MWh if the column is in EUR/GWh (1000 times EUR/MWh)");
  expect_in(r.err, "nothing was run");
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// Errors of a price file come in line order: a gap (found after the rows are read) on line 7 before a
// non-number on line 31 (the per-row errors came first).
TEST(CliTrial13, PriceFileErrorsAreInLineOrder) {
  TempDir tmp;
  std::string text = "time_utc,price_eur_per_MWh\n";
  for (int q = 0; q < 96; ++q) {
    if (q == 5) continue;  // a gap before line 6's row (rows shift up one)
    text += fmt::format("2026-06-01T{:02d}:{:02d}Z,{}\n", q / 4, q % 4 * 15, q == 30 ? "NaN" : "80");
  }
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", tmp.write("p.csv", text)});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  const auto gap = r.err.find("p.csv:7:1: error: 'flex.prices': gap");
  const auto nan = r.err.find("p.csv:31:");
  ASSERT_NE(gap, std::string::npos) << r.err;
  ASSERT_NE(nan, std::string::npos) << r.err;
  EXPECT_LT(gap, nan) << r.err;
}

// T13-12.2: a --vary value's messages said "--set #2" (the hidden --set it runs as).
TEST(CliTrial13, VaryValueIsNamedVaryNotAHiddenSet) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--set", "model.current_efficiency_model=mass_transfer",
                               "--vary", "operation.acd=2.5:3.5:0.5"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.err, "--set #2");
  expect_in(r.err, "--vary #1: operation.acd");
}

// T13-12.3: `potline bath` with components over 100 wt% had no WHERE.
TEST(CliTrial13, BathSumErrorIsLocatedAtTheComponentOptions) {
  const RunResult r = potline({"bath", "--alumina", "20", "--alf3", "30", "--caf2", "20", "--mgf2", "10", "--lif",
                               "20", "--kf", "20"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_EQ(r.err.rfind("--alumina --alf3 --caf2 --mgf2 --lif --kf: error: 'bath': components sum to 120 wt%", 0), 0u)
      << r.err;
}

// T13-12.4: the unit hint repeated the bad number ("40 kg" -> write e.g. "40 cm", outside 1-15 cm).
TEST(CliTrial13, UnitHintSuggestsAValueTheFieldTakes) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--set", "operation.acd=40 kg"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'operation.acd': unit 'kg'");
  expect_not_in(r.err, "write e.g. \"40 cm\"");
  const RunResult in_range = potline({"cell", "--technology", "AP40", "--set", "operation.acd=4 kg"});
  expect_in(in_range.err, "write e.g. \"4 cm\"");
}

// T13-12.6: emissions.from_simulation may name a run folder (its summary.json), as report and
// compare take run folders.
TEST(CliTrial13, FromSimulationTakesARunFolder) {
  TempDir tmp;
  const std::string run = (tmp.path() / "run").string();
  const RunResult sim = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=2h", "--out", run});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  const RunResult t = potline({"template", "smelter"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  std::string text;
  std::istringstream in(t.out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("aem", 0) != 0) text += line + "\n";
  const std::string sm = tmp.write("sm.toml", text);
  const RunResult folder = potline({"smelter", sm, "--set", "emissions.from_simulation=" + run, "--json"});
  ASSERT_EQ(folder.exit_code, 0) << folder.describe();
  const RunResult file =
      potline({"smelter", sm, "--set", "emissions.from_simulation=" + run + "/summary.json", "--json"});
  ASSERT_EQ(file.exit_code, 0) << file.describe();
  EXPECT_EQ(parse_json(folder.out).at("emissions_t_co2e_per_t"), parse_json(file.out).at("emissions_t_co2e_per_t"));
}

// T13-12.5: the sweep template names fleet.toml, which a new user has not got: the error says how
// to write one.
TEST(CliTrial13, SweepTemplatesMissingBaseSaysHowToWriteOne) {
  TempDir tmp;
  const RunResult t = potline({"template", "sweep"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  expect_in(t.out, "# e.g. written by: potline template fleet > fleet.toml");
  const std::string file = tmp.write("s.toml", t.out);
  const RunResult r = potline({"sweep", file, "--out", (tmp.path() / "x.sqlite").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "error: 'sweep.base': cannot read the base fleet case");
  expect_in(r.err, "no such file; 'potline template fleet > fleet.toml' writes a starter case");
}

}  // namespace
}  // namespace potline_cli_test::test_user_trial13_cli
