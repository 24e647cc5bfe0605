// Robustness of the economics, IO and CLI side (issue 9 part 6): per-tonne figures of a plant that
// produces nothing, RFC 4180 quoting of written CSV, case files that are folders or missing, --out
// that is a file, unknown commands, non-integer --threads, sweep stores used the wrong way.
// Every test asserts the message the user sees.
#include "cli_helpers.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/csv.hpp"

namespace potline_cli_test {
namespace test_cli_robust_io {
namespace {

// ---- zero production

TEST(CliRobust, SmelterWithoutProductionHasNoPerTonneFixedCosts) {
  const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "plant.capacity_factor=0", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_TRUE(j["cost_usd_per_t"]["c1"].is_null());
  EXPECT_TRUE(j["cost_usd_per_t"]["full"].is_null());
  EXPECT_TRUE(j["cost_usd_per_t"]["breakdown"]["labour"].is_null());
  EXPECT_TRUE(j["margin_usd_per_t"]["full"].is_null());
  EXPECT_TRUE(j["jobs_per_GW"].is_null());
  EXPECT_TRUE(j["employees_per_kt_produced"].is_null());
  EXPECT_GT(j["cost_usd_per_t"]["breakdown"]["alumina"].get<double>(), 0.0);  // a specific cost stays defined
  EXPECT_GT(j["employees_per_kt_capacity"].get<double>(), 0.0);
  expect_in(j["warnings"].dump(), "plant.capacity_factor: the smelter produces nothing");

  const RunResult text = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "plant.capacity_factor=0"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "C1 n/a  C2 n/a  business n/a  full n/a");
  expect_in(text.out, "labour n/a");
  // On stderr, located at the --set that gave the value (user trial T12-5).
  expect_in(text.err, "--set #1: warning: 'plant.capacity_factor': the smelter produces nothing");
  expect_not_in(text.out, "warning");
}

TEST(CliRobust, InvestWithoutProductionHasNoLcoaButPaysItsWages) {
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--set", "plant.capacity_factor=0", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_TRUE(j["lcoa_usd_per_t"].is_null());
  // 900 employees x 110,000 USD/yr: every operating year pays the wage bill (it was 0 before); the
  // other costs of the case are per tonne and vanish with the output.
  const double last_year = j["cash_flows_usd"].back().get<double>();
  EXPECT_NEAR(last_year, -900 * 110000.0, 1.0) << j["cash_flows_usd"].dump();
  expect_in(j["warnings"].dump(), "LCOA is not defined");

  const RunResult text = potline({"invest", example("invest-new-build.toml"), "--set", "plant.capacity_factor=0"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "LCOA n/a");
}

// ---- CSV written per RFC 4180

TEST(CliRobust, TitleWithCommaAndQuotesRoundTripsThroughInputsCsv) {
  TempDir tmp;
  const std::string out = (tmp.path() / "run").string();
  const RunResult r = potline({"cell", "--technology", "AP40", "--set", "case.title=x,\"y\"", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  potline::core::Diagnostics d;
  const auto records = potline::io::parse_csv(read_file(tmp.path() / "run" / "inputs.csv"), "inputs.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  bool found = false;
  for (const auto& rec : records) {
    ASSERT_EQ(rec.fields.size(), 5u) << "line " << rec.line;
    if (rec.fields[0].text == "case.title") {
      EXPECT_EQ(rec.fields[1].text, "x,\"y\"");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  expect_in(read_file(tmp.path() / "run" / "inputs.csv"), "case.title,\"x,\"\"y\"\"\"");
}

// ---- files that cannot be read

TEST(CliRobust, FolderGivenAsCaseFileIsRefusedByEveryCommand) {
  TempDir tmp;
  const std::string dir = tmp.path().string();
  for (const std::string command : {"cell", "smelter", "invest", "simulate", "fleet", "sweep"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command, dir};
    if (command == "sweep") args.insert(args.end(), {"--out", (tmp.path() / "s.sqlite").string()});
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, dir + ": error: cannot read the ");
    expect_in(r.err, ": is a directory");
  }
}

TEST(CliRobust, MissingCaseFileSaysNoSuchFileInEveryCommand) {
  TempDir tmp;
  const std::string missing = (tmp.path() / "missing.toml").string();
  for (const std::string command : {"cell", "smelter", "invest", "simulate", "fleet", "sweep"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command, missing};
    if (command == "sweep") args.insert(args.end(), {"--out", (tmp.path() / "s.sqlite").string()});
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, missing + ": error: cannot read the ");
    expect_in(r.err, ": no such file");
  }
}

TEST(CliRobust, UnreadableCaseFileSaysPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  TempDir tmp;
  const std::string path = tmp.write("locked.toml", "[case]\ntechnology = \"AP40\"\n");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  const RunResult r = potline({"cell", path});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, path + ": error: cannot read the case file: permission denied");
}

// ---- --out

TEST(CliRobust, OutThatIsAFileIsAnInputErrorInEveryCommand) {
  TempDir tmp;
  const std::string file = tmp.write("taken.txt", "not a folder\n");
  const std::vector<std::vector<std::string>> runs = {
      {"cell", "--technology", "AP40"},         {"smelter", example("smelter-ca-hydro.toml")},
      {"invest", example("invest-new-build.toml")}, {"simulate", example("cell-7d.toml")},
      {"fleet", example("world.toml")}};
  for (auto args : runs) {
    SCOPED_TRACE(args[0]);
    args.insert(args.end(), {"--out", file});
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, "'" + file + "' exists and is not a folder");
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  }
  const RunResult nested = potline({"cell", "--technology", "AP40", "--out", file + "/run"});
  EXPECT_EQ(nested.exit_code, 2) << nested.describe();
  expect_in(nested.err, "'" + file + "' is not a folder, so '" + file + "/run' cannot be created in it");
}

// ---- command line

TEST(CliRobust, UnknownCommandIsNamedWithSuggestionAndList) {
  const RunResult r = potline({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "potline: unknown command 'frobnicate'");
  expect_in(r.err, "commands: bath, cell, technologies");
  EXPECT_EQ(r.err.find("A subcommand is required"), std::string::npos) << r.err;
  const RunResult typo = potline({"smelterr", example("smelter-ca-hydro.toml")});
  EXPECT_EQ(typo.exit_code, 2) << typo.describe();
  expect_in(typo.err, "potline: unknown command 'smelterr' (did you mean 'smelter'?)");
  const RunResult data_dir = potline({"--data-dir", "data", "frobnicate"});
  expect_in(data_dir.err, "unknown command 'frobnicate'");
}

TEST(CliRobust, ThreadsMustBeAnInteger) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--threads", "two"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "expects an integer in [0, 256], got 'two'");
  const RunResult many = potline({"simulate", example("cell-7d.toml"), "--threads", "300"});
  EXPECT_EQ(many.exit_code, 2) << many.describe();
  expect_in(many.err, "'300' is not in [0, 256]");
  // 0: the case's run.threads, as Python's potline.simulate(threads=0) (T14-8).
  const RunResult zero =
      potline({"simulate", example("cell-7d.toml"), "--threads", "0", "--set", "run.duration=1 h", "--quiet"});
  EXPECT_EQ(zero.exit_code, 0) << zero.describe();
  const RunResult sweep = potline({"sweep", example("sweep-small.toml"), "--out", "/tmp/x.sqlite", "--threads", "2.5"});
  EXPECT_EQ(sweep.exit_code, 2) << sweep.describe();
  expect_in(sweep.err, "expects an integer in [1, 1024], got '2.5'");
}

// ---- sweep stores

TEST(CliRobust, SweepWithFewerSamplesThanItsStoreIsRefused) {
  TempDir tmp;
  const std::string store = (tmp.path() / "s.sqlite").string();
  const RunResult full = potline({"sweep", example("sweep-small.toml"), "--out", store, "--quiet", "--json"});
  ASSERT_EQ(full.exit_code, 0) << full.describe();
  std::string text = read_file(example("sweep-small.toml"));
  text.replace(text.find("samples = 6"), 11, "samples = 4");
  const std::string base = "base = \"world-elastic.toml\"";
  text.replace(text.find(base), base.size(), "base = \"" + example("world-elastic.toml") + "\"");
  const std::string fewer = tmp.write("fewer.toml", text);
  const RunResult r = potline({"sweep", fewer, "--out", store, "--quiet"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, fewer + ": error: 'sweep.samples': 4 samples per scenario, but the results file " + store +
                       " already holds 6 (samples 0..5): give samples = 6 or more to resume or extend it, or a new "
                       "--out path");
}

}  // namespace
}  // namespace test_cli_robust_io
}  // namespace potline_cli_test
