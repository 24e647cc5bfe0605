// User trial 6 (/work/coord/trial6-findings.md): the command-line findings T6-10, T6-15, T6-20,
// T6-23, T6-24 and T6-25, each asserted on the message or the files a user sees.
#include <filesystem>
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial6 {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

// T6-25: `cell --report` then `cell` without it into the same folder left the first run's
// report.html (ACD 3.80 cm) beside the second run's summary (ACD 5 cm). The files the previous
// manifest listed (or a Potline report.html) that the new run does not write are removed; a file
// Potline did not write stays.
TEST(CliUserTrial6, ReRunIntoARunFolderRemovesThePreviousRunsReport) {
  TempDir dir;
  const std::string out = (dir.path() / "cellrun").string();
  const RunResult first = potline({"cell", default_case(), "--out", out, "--report"});
  ASSERT_EQ(first.exit_code, 0) << first.describe();
  ASSERT_TRUE(fs::exists(fs::path(out) / "report.html"));
  write(fs::path(out) / "notes.txt", "mine\n");
  const RunResult second =
      potline({"cell", default_case(), "--set", "operation.acd=5 cm", "--out", out});
  ASSERT_EQ(second.exit_code, 0) << second.describe();
  EXPECT_FALSE(fs::exists(fs::path(out) / "report.html"));
  expect_in(second.err, "note: removed report.html left in " + out +
                            " by the previous run (the new run does not write it)");
  EXPECT_TRUE(fs::exists(fs::path(out) / "notes.txt"));  // not Potline's: untouched
  EXPECT_TRUE(fs::exists(fs::path(out) / "breakdown.csv"));
  // With --report again, the report is rewritten and nothing is said about removing it.
  const RunResult third = potline({"cell", default_case(), "--out", out, "--report"});
  ASSERT_EQ(third.exit_code, 0) << third.describe();
  EXPECT_TRUE(fs::exists(fs::path(out) / "report.html"));
  expect_not_in(third.err, "note: removed");
}

// T6-25: flex --envelope then flex without it left envelope.csv, which the new manifest does not
// list.
TEST(CliUserTrial6, ReRunOfFlexWithoutEnvelopeRemovesThePreviousEnvelope) {
  TempDir dir;
  const std::string out = (dir.path() / "fx").string();
  const RunResult first = potline({"flex", example("flex-day.toml"), "--envelope", "--out", out});
  ASSERT_EQ(first.exit_code, 0) << first.describe();
  ASSERT_TRUE(fs::exists(fs::path(out) / "envelope.csv"));
  const RunResult second = potline({"flex", example("flex-day.toml"), "--out", out});
  ASSERT_EQ(second.exit_code, 0) << second.describe();
  EXPECT_FALSE(fs::exists(fs::path(out) / "envelope.csv"));
  expect_in(second.err, "note: removed envelope.csv left in " + out + " by the previous run");
  const Json manifest = parse_json(read_file(fs::path(out) / "manifest.json"));
  for (const Json& name : manifest["outputs"])
    EXPECT_TRUE(fs::exists(fs::path(out) / name.get<std::string>())) << name;
}

// T6-15: CLI11's own text for an unknown option and a missing required option; now the program's
// style.
TEST(CliUserTrial6, UnknownOptionGetsADidYouMeanInTheProgramsErrorStyle) {
  const RunResult r = potline({"cell", default_case(), "--jsn"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_EQ(r.err,
            "--jsn: error: unknown option of 'potline cell' (did you mean '--json'?)\n"
            "potline: 1 input error(s); nothing was run\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliUserTrial6, MissingRequiredOptionIsAnInputErrorNamingTheOption) {
  TempDir dir;
  const fs::path sweep = dir.path() / "t-sweep.toml";
  write(sweep, "[sweep]\nbase = \"" + example("world.toml") + "\"\n");
  const RunResult r = potline({"sweep", sweep.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--out: error: 'potline sweep' needs this option: ");
  expect_in(r.err, "potline: 1 input error(s); nothing was run\n");
  expect_not_in(r.err, "Run with --help");
}

TEST(CliUserTrial6, StrayWordAndBadValueFollowTheSameStyle) {
  const RunResult stray = potline({"cell", default_case(), "--set", "operation.acd=5", "cm"});
  EXPECT_EQ(stray.exit_code, 2) << stray.describe();
  expect_in(stray.err,
            "error: unexpected argument 'cm' for 'potline cell' (a value with spaces needs quotes");
  expect_in(stray.err, "potline: 1 input error(s); nothing was run\n");
  const RunResult threads = potline({"simulate", example("cell-7d.toml"), "--threads", "abc"});
  EXPECT_EQ(threads.exit_code, 2) << threads.describe();
  EXPECT_EQ(threads.err,
            "--threads: error: expects an integer in [0, 256], got 'abc'\n"
            "potline: 1 input error(s); nothing was run\n");
}

// T6-23: a relative path given with --set is read from the working directory for every path key
// (it was the case's folder for potline.current_csv and flex.prices: examples/examples/cur.csv).
TEST(CliUserTrial6, PathsGivenWithSetResolveAgainstTheWorkingDirectory) {
  TempDir dir;
  const fs::path csv = dir.path() / "cur.csv";
  write(csv, "time [h],current [kA]\n0,400\n");
  const std::string relative = fs::relative(csv, fs::current_path()).string();
  ASSERT_FALSE(fs::path(relative).is_absolute());
  const RunResult sim =
      potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_csv=" + relative,
               "--set", "run.duration=6 h", "--json"});
  EXPECT_EQ(sim.exit_code, 0) << sim.describe();
  const fs::path prices = dir.path() / "prices.csv";
  fs::copy_file(source_dir() / "data" / "prices" / "synthetic-de-summer-day-15min.csv", prices);
  const RunResult flex =
      potline({"flex", example("flex-day.toml"), "--set",
               "flex.prices=" + fs::relative(prices, fs::current_path()).string(), "--json"});
  EXPECT_EQ(flex.exit_code, 0) << flex.describe();
  // A missing file names the path the user gave, from the working directory, not the case's folder.
  const RunResult missing = potline(
      {"simulate", example("cell-7d.toml"), "--set", "potline.current_csv=nowhere/cur.csv"});
  EXPECT_EQ(missing.exit_code, 2) << missing.describe();
  expect_in(missing.err, (fs::current_path() / "nowhere" / "cur.csv").string());
  expect_not_in(missing.err, "examples/nowhere");
}

// T6-20: fleet.year = 2036 (schema range 2020–2060) gave three errors located in
// data/fleet-paths.toml.
TEST(CliUserTrial6, FleetYearBeyondThePathsIsOneErrorAtTheUsersKey) {
  const RunResult r = potline({"fleet", example("world.toml"), "--set", "fleet.year=2036"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(
      r.err,
      "--set #1: error: 'fleet.year': 2036 is outside the years the paths cover (2024–2035, ");
  expect_in(r.err, "fleet-paths.toml)");
  expect_in(r.err, "potline: 1 input error(s); nothing was run\n");
  expect_not_in(r.err, "spans 2024..2035");
}

// T6-10: an outage after the end of the run, an output interval longer than the run and current
// steps after it were silent no-ops.
TEST(CliUserTrial6, SimulateWarnsOfWhatTheRunNeverReaches) {
  const RunResult outage =
      potline({"simulate", example("cell-7d.toml"), "--set", "potline.outage_start=100 d", "--set",
               "potline.outage_duration=3 h", "--set", "run.duration=6 h"});
  EXPECT_EQ(outage.exit_code, 0) << outage.describe();
  expect_in(outage.err,
            "--set #1: warning: 'potline.outage_start': 2400 h is at or after the end of the run "
            "(run.duration = 6 h): the outage never happens");
  const RunResult interval = potline({"simulate", example("cell-7d.toml"), "--set",
                                      "run.output_interval=30 d", "--set", "run.duration=6 h"});
  EXPECT_EQ(interval.exit_code, 0) << interval.describe();
  expect_in(interval.err,
            "--set #1: warning: 'run.output_interval': 720 h is not shorter than the run "
            "(run.duration = 6 h)");
  const RunResult steps =
      potline({"simulate", example("cell-7d.toml"), "--set",
               "potline.current_steps=2 h 0.9; 10 h 1.0", "--set", "run.duration=6 h"});
  EXPECT_EQ(steps.exit_code, 0) << steps.describe();
  expect_in(steps.err,
            "--set #1: warning: 'potline.current_steps': the step(s) at 10 h are at or after the "
            "end of the run");
}

// T6-24: a power CSV of 500 MW for a line of 1.68 MW was accepted and failed 15.7 h later at 1,100
// °C. With the fixed-ACD control of then (control.heat_feedforward = 0; with the feed-forward, the
// default since 2026-12-07, the cell at +25 % lasts the 2 d, docs/model/dynamics.md §4).
TEST(CliUserTrial6, PowerScheduleBeyondTheRectifierLimitIsWarnedAndNamedAtTheFailure) {
  TempDir dir;
  const fs::path csv = dir.path() / "powhigh.csv";
  write(csv, "time [h],power [MW]\n0,500\n");
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set",
                               "potline.current_csv=" + csv.string(), "--set", "run.duration=2 d", "--set",
                               "control.heat_feedforward=0"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  expect_in(r.err,
            "--set #1: warning: 'potline.current_csv': 1 row(s) of the power schedule ask for more "
            "than the "
            "rectifier limit potline.max_current = 500 kA can draw");
  expect_in(r.err, "the first at 0 h (500 MW)");
  expect_in(r.err, "potline: run-time failure: ");
  expect_in(r.err,
            " — likely cause: the line current sat at the rectifier limit potline.max_current = "
            "500 kA (1.25 × nominal) from 0 h on");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial6
