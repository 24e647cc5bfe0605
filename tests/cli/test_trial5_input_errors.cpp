// Input errors left from the user trial of 2026-12-05 (round 4, items CD, CH, CO, CP, CX; docs/cli.md
// Changes) and from the fuzz session: each message asserted as the user reads it.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_trial5_input_errors {
namespace {

// CD: a bath below its liquidus after --set bath.alf3=0.11 was an error at the case file's temperature
// line naming no composition. It is now placed at the --set that changed the bath and names every
// component with where it came from.
TEST(CliTrial5InputErrors, ABathBelowItsLiquidusNamesTheCompositionAndItsOrigins) {
  const RunResult r = potline({"cell", example("default.toml"), "--set", "bath.alf3=0.11"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'bath.alf3': bath temperature 965.0 °C (");
  expect_in(r.err, "default.toml:11:20) is below the liquidus 979.0 °C (Solheim et al. 1996) of this bath: Al2O3 "
                   "2.5 wt% (");
  expect_in(r.err, "AlF3 0.11 wt% (--set #1), CaF2 5 wt% (");
  expect_in(r.err, "MgF2, LiF, KF 0 wt%; the bath would freeze");
  // The catalogue's values are named as such.
  const RunResult tech = potline({"cell", "--technology", "AP40", "--set", "bath.caf2=0.05"});
  EXPECT_EQ(tech.exit_code, 2) << tech.describe();
  expect_in(tech.err, "--set #1: error: 'bath.caf2': bath temperature 965.0 °C (technology catalogue, ");
  expect_in(tech.err, "technologies.toml:156:42) is below the liquidus 969.0 °C");
  expect_in(tech.err, "CaF2 0.05 wt% (--set #1)");
  // A temperature given on the command line is the change the error is placed at.
  const RunResult both =
      potline({"cell", example("default.toml"), "--set", "bath.alf3=11", "--set", "operation.bath_temperature=955 degC"});
  EXPECT_EQ(both.exit_code, 2) << both.describe();
  expect_in(both.err, "--set #2: error: 'operation.bath_temperature': bath temperature 955.0 °C (--set #2) is below");
  expect_in(both.err, "AlF3 11 wt% (--set #1)");
}

// CD, simulate: the case runs from its heat balance (983.6 °C); a bath whose working range lies beyond
// the liquidus correlation's validity says so instead of searching to 30 wt% AlF3. The ACD is given,
// so the case runs as written (without it, since T19-12, the pot control's ACD at 368 kA holds the
// 983.0 °C this bath has at 400 kA, a working state).
TEST(CliTrial5InputErrors, TheAlf3WorkingRangeStaysInsideTheLiquidusCorrelation) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "bath.alf3=6", "--set",
                               "operation.line_current=368 kA", "--set", "operation.acd=3.8 cm"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "with the other inputs as given, bath.alf3 from 8.725 wt% to 20 wt% (the liquidus correlation's "
                   "limit, Solheim et al. 1996) gives a working steady state");
  expect_not_in(r.err, "27.89");
}

// CH: emissions.aem had no typical range, so 50 AE-min/cell-day (100x a legacy line) ran silently.
TEST(CliTrial5InputErrors, AnAnodeEffectMinutesValueFarAboveAnyLineIsWarned) {
  const RunResult r = potline({"emissions", "--aem", "50"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "warning: --aem: value 50 min/d is outside the typical range 0–10 min/d ([IPCC 2006 Vol3 Ch4]: its "
                   "Tier 1 CF4 defaults (Table 4.15) over the slope coefficients (Table 4.16) are AEM 2.8 (CWPB)");
  const RunResult ok = potline({"emissions", "--aem", "0.5"});
  EXPECT_EQ(ok.exit_code, 0) << ok.describe();
  expect_not_in(ok.out, "typical range");
  const RunResult smelter =
      potline({"smelter", example("smelter-gcc-gas.toml"), "--set", "emissions.aem=50"});
  EXPECT_EQ(smelter.exit_code, 0) << smelter.describe();
  expect_in(smelter.err, "--set #1: warning: 'emissions.aem': value 50 min/d is outside the typical range 0–10 min/d");
}

// CO: an integer field's range was printed with the 1e15 scientific threshold: [0, 9.007199254740992e+15].
TEST(CliTrial5InputErrors, AnIntegerRangeIsPrintedAsIntegers) {
  TempDir tmp;
  const RunResult r = potline({"sweep", example("sweep-small.toml"), "--set", "sweep.seed=-1", "--out",
                               (tmp.path() / "s.sqlite").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'sweep.seed': value -1 is outside the allowed range [0, 9007199254740992]");
  expect_not_in(r.err, "e+15");
}

// CP: a current row of 0.38 in a [kA] column (380 kA typed as MA) ran a 1-hour hold at 0.38 kA silently.
TEST(CliTrial5InputErrors, ACurrentRowNearZeroIsWarnedAndZeroStaysAnOutage) {
  TempDir dir;
  dir.write("slip.csv", "time [h],current [kA]\n0,400\n1,0.38\n2,400\n3,0.5\n4,0\n5,400\n");
  const auto c = dir.write("case.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"slip.csv\"\n");
  const RunResult r = potline({"simulate", c, "--set", "run.duration=6 h", "-q", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "slip.csv:3:3: warning: 'potline.current_csv': '0.38' in a [kA] column is 0.38 kA, 0.095 % of the nominal "
                   "current 400 kA (2 rows like it, this the first): no line operates there (0 is an outage; reduced "
                   "amperage runs at tens of % and more): check the number and the column's unit");
  EXPECT_EQ(count_lines_containing(r.err, "in a [kA] column"), 1) << r.err;
  dir.write("outage.csv", "time [h],current [kA]\n0,400\n1,0\n2,400\n");
  const auto o = dir.write("outage.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"outage.csv\"\n");
  const RunResult outage = potline({"simulate", o, "--set", "run.duration=3 h", "-q", "--json"});
  EXPECT_EQ(outage.exit_code, 0) << outage.describe();
  expect_not_in(outage.err, "no line operates there");
}

// CX: one misnamed column of a smelters CSV gave 59 errors, 57 of them "unknown smelter" or country
// references of the other data files to the rows that could not be read.
TEST(CliTrial5InputErrors, AnUnreadableSmelterDatasetIsOneErrorNotItsCrossReferences) {
  TempDir dir;
  std::string csv = read_file(source_dir() / "data" / "smelters.csv");
  const auto at = csv.find("capacity_kt_per_year", csv.find("\nid,"));  // in the header, not a comment
  ASSERT_NE(at, std::string::npos);
  csv.replace(at, std::string("capacity_kt_per_year").size(), "capacity_t_per_year");
  const auto path = dir.write("smelters.csv", csv);
  const RunResult r = potline({"fleet", example("world.toml"), "--set", "fleet.smelters=" + path});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "error: 'capacity_t_per_year': column 'capacity_t_per_year' is in other units than this dataset "
                   "uses: expected 'capacity_kt_per_year' (values in kt/yr); convert the column or rename it");
  expect_in(r.err, "warning: the smelter dataset could not be read, so the other data files' references to its "
                   "smelters, countries and provinces were not checked");
  expect_in(r.err, "potline: 1 input error(s); nothing was run");
  expect_not_in(r.err, "unknown smelter");
  expect_not_in(r.err, "missing column 'capacity_kt_per_year'");
}

// Fuzz leftovers: a case could name /dev/zero as a CSV and it was read whole; an input file is now a
// regular file (or a pipe) of at most 64 MiB.
TEST(CliTrial5InputErrors, ADeviceNamedAsAnInputFileIsRefused) {
  TempDir dir;
  const auto c = dir.write("case.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"/dev/zero\"\n");
  const RunResult r = potline({"simulate", c, "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "cannot read the current schedule file: is not a regular file (a device or socket): name a file");
  // A regular file above the bound: a sparse file, no disk used.
  const auto big = dir.path() / "big.csv";
  std::ofstream(big).close();
  std::filesystem::resize_file(big, (std::uintmax_t{64} << 20) + 1);
  const auto b = dir.write("big.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"big.csv\"\n");
  const RunResult huge = potline({"simulate", b, "-q"});
  EXPECT_EQ(huge.exit_code, 2) << huge.describe();
  expect_in(huge.err, "cannot read the current schedule file: the file is 67108865 bytes, more than the 64 MiB an "
                      "input file may have");
}

// Fuzz leftover: the did-you-mean search was proportional to the key's length (a 1 MB key: 2.6 s). A key
// longer than any the program has gets no suggestion; an ordinary slip still gets one.
TEST(CliTrial5InputErrors, AVeryLongUnknownKeyGetsNoSuggestion) {
  const std::string key = "operation." + std::string(100000, 'a');
  const RunResult r = potline({"cell", example("default.toml"), "--set", key + "=1"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "unknown key");
  expect_not_in(r.err, "did you mean");
  const RunResult slip = potline({"cell", example("default.toml"), "--set", "operation.acdd=4 cm"});
  EXPECT_EQ(slip.exit_code, 2) << slip.describe();
  expect_in(slip.err, "did you mean 'operation.acd'");
}

// scripts/probe-bounds.py on simulate: two in-range values were run-time failures. A dissolution rate
// faster than the batch step (1 1/s at 5 s: undissolved alumina below zero within a minute) and a
// frozen-bath guard at 100 % of the initial bath (stopped at the first step) are input errors.
TEST(CliTrial5InputErrors, SimulateValuesThatCannotRunAreInputErrors) {
  RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "dynamics.dissolution_rate=0.1", "--set",
                         "run.sample_period=20 s", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'dynamics.dissolution_rate': 0.1 1/s: the dissolution rate times the batch "
                   "integrator's fixed step is 2, above 1: faster than the step can follow");
  expect_in(r.err, "the other: run.sample_period = 20 s (--set #2); give dynamics.dissolution_rate at most 0.05 1/s "
                   "or run.sample_period at most 10 s");
  r = potline({"simulate", example("cell-7d.toml"), "--set", "dynamics.dissolution_rate=1", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "value 1 1/s is outside the allowed range [1e-05, 0.1] 1/s");
  r = potline({"simulate", example("cell-7d.toml"), "--set", "dynamics.frozen_bath_fraction=1", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'dynamics.frozen_bath_fraction': value 1 is outside the allowed range (0, 0.9]");
}

// probe-bounds on simulate: control.ae_voltage = 3 V (allowed) read every sample of the 4.19 V cell as an
// anode effect and the bath froze at 3.6 d (exit 1). The threshold must lie 0.5 V above the voltage the
// cell runs at (the target voltage when one is given).
TEST(CliTrial5InputErrors, AnAnodeEffectThresholdBelowTheCellVoltageIsAnInputError) {
  RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "control.ae_voltage=3 V", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'control.ae_voltage': 3 V: not above the cell's operating voltage at the start, "
                   "4.192 V, by 0.5 V: every sample would read as an anode effect; give control.ae_voltage at least "
                   "4.692 V");
  r = potline({"simulate", example("cell-7d.toml"), "--set", "control.ae_voltage=6 V", "--set",
               "control.target_voltage=5.8 V", "-q"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "6 V: not above the cell's target voltage at the start, 5.8 V, by 0.5 V");
}

}  // namespace
}  // namespace potline_cli_test::test_trial5_input_errors
