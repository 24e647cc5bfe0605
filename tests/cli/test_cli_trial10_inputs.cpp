// User trial 10 (2026-12-06; docs/cli.md Changes), T10-8 and T10-5: the flex template outside the
// tree; every input error in one run: each fix asserted as the user reads it, with the numbers
// computed by hand from the inputs.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_inputs {
namespace {

// T10-8: the flex template named data/prices/..., which only resolved from the repository root.
TEST(CliTrial10Fixes, FlexTemplateRunsFromAnEmptyFolder) {
  TempDir dir;
  const RunResult t = potline({"template", "flex"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  expect_in(t.out, "prices = \"prices/synthetic-de-summer-day-15min.csv\"");
  const std::string file = dir.write("flex.toml", t.out);
  const std::string data = "POTLINE_DATA_DIR=" + (source_dir() / "data").string();
  const RunResult r = potline({"flex", file, "--json"}, {data});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // A case written by the former template (data/prices/...) is read from the data folder too.
  std::string old = t.out;
  old.replace(old.find("\"prices/synthetic"), 1, "\"data/");
  const std::string old_file = dir.write("old.toml", old);
  const RunResult o = potline({"flex", old_file, "--json"}, {data});
  ASSERT_EQ(o.exit_code, 0) << o.describe();
  EXPECT_EQ(parse_json(o.out)["value"]["savings_eur"], parse_json(r.out)["value"]["savings_eur"]);
}

// T10-5: simulate said an unknown technology only once the other errors were fixed.
TEST(CliTrial10Fixes, SimulateSaysAnUnknownTechnologyWithTheOtherErrors) {
  TempDir dir;
  const std::string file =
      dir.write("b4.toml", "[case]\ntechnology = \"AP41\"\n[run]\nduration = \"7 x\"\n");
  const RunResult r = potline({"simulate", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, file + ":4:12: error: 'run.duration': unknown unit 'x'");
  expect_in(
      r.err,
      file + ":2:14: error: 'case.technology': unknown technology 'AP41' (did you mean 'AP40'?)");
  expect_in(r.err, "potline: 2 input error(s); nothing was run");
}

// T10-5: sweep said a duplicate scenario's lever errors and a min above max of an input with a
// misspelt parameter only in a second run.
TEST(CliTrial10Fixes, SweepSaysEveryErrorInOneRun) {
  TempDir dir;
  const std::string base = (source_dir() / "examples" / "world-elastic.toml").string();
  const std::string file =
      dir.write("badsweep.toml",
                "[sweep]\ntitle = \"bad\"\nbase = \"" + base +
                    "\"\nseed = -1\nsamples = 0\n"
                    "[[scenario]]\nname = \"shock\"\n"
                    "[[scenario]]\nname = \"shock\"\n"
                    "[[scenario.power_shock]]\nregion = \"usaa\"\nfactor = -1\n"
                    "[[uncertain]]\nname = \"x\"\nparameter = \"power_factr\"\nregion = \"usa\"\n"
                    "distribution = \"uniform\"\nmin = 1.1\nmax = 0.9\n");
  const RunResult r = potline({"sweep", file, "--out", (dir.path() / "s.sqlite").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'sweep.seed'");
  expect_in(r.err, "'sweep.samples'");
  expect_in(r.err, "duplicate scenario name 'shock'");
  expect_in(r.err, "scenario 'shock': value -1 is outside the allowed range [0, 100]");
  expect_in(r.err, "scenario 'shock': unknown region 'usaa' (did you mean 'usa'?)");
  expect_in(r.err, "min 1.1 is not below max 0.9: every distribution needs min < max");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial10_inputs
