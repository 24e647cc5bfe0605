// User trial 14, T14-7: the warnings and notes of a simulate or flex run are in its summary (summary.json,
// `flex --json`; the Python result has the same document) as cell, smelter, invest and emissions keep
// theirs: "warnings" holds the case's warnings (stderr, located) and then the run's, "notes" the run's.
// Each is checked against what the same run prints: simulate on stderr ("warning: ", "note: "), flex its
// warnings on stderr ("warning: ", T15-13) and its notes in its text ("  note: ", "  reduced model: ").
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial14_run_messages {
namespace {

// The lines of `text` that begin with `prefix`, without it.
std::vector<std::string> prefixed(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(text)) {
    if (line.rfind(prefix, 0) == 0) out.push_back(line.substr(prefix.size()));
  }
  return out;
}

std::vector<std::string> strings(const Json& j) { return j.get<std::vector<std::string>>(); }

// The case's located warnings ("FILE:LINE:COL: warning: ..."), as the CLI printed them on stderr.
std::vector<std::string> case_warnings(const std::string& err) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(err)) {
    if (line.find(": warning: ") != std::string::npos && line.rfind("warning: ", 0) != 0) out.push_back(line);
  }
  return out;
}

// The cut-out example: a cell frozen and cut out (warning), the bath outside the liquidus
// correlation (a note since 2026-12-07: a caveat of the model, no doubt of the input), the Dewing
// CE at 330 of 400 kA (note); and an unused CVODE key (a case warning).
TEST(CliTrial14RunMessages, SimulateSummaryHoldsTheRunsWarningsAndNotes) {
  const TempDir dir;
  const std::string out = (dir.path() / "co").string();
  const RunResult r = potline(
      {"simulate", example("potline-cut-out.toml"), "--set", "run.relative_tolerance=1e-6", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json s = parse_json(read_file(out + "/summary.json"));
  ASSERT_TRUE(s.contains("warnings") && s.contains("notes")) << s.dump();
  std::vector<std::string> expected = case_warnings(r.err);
  ASSERT_EQ(expected.size(), 1u) << r.err;
  expect_in(expected.front(), "warning: 'run.relative_tolerance': never used");
  const std::vector<std::string> run = prefixed(r.err, "warning: ");
  expected.insert(expected.end(), run.begin(), run.end());
  EXPECT_EQ(strings(s["warnings"]), expected) << r.err;
  EXPECT_EQ(strings(s["notes"]), prefixed(r.err, "note: ")) << r.err;
  ASSERT_EQ(run.size(), 1u) << r.err;
  expect_in(run[0], "cell 4 at ");
  expect_in(run[0], "cut out of the line");
  ASSERT_EQ(s["notes"].size(), 2u);
  expect_in(s["notes"][0].get<std::string>(),
            "the bath left the validity range of the liquidus correlation");
  expect_in(s["notes"][1].get<std::string>(),
            "the mean line current (330.0 kA) is -18 % from the 400.0 kA");
}

// A run with nothing to say has empty lists, not missing keys.
TEST(CliTrial14RunMessages, AQuietSimulateRunHasEmptyLists) {
  const TempDir dir;
  const std::string out = (dir.path() / "q").string();
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=6 h", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json s = parse_json(read_file(out + "/summary.json"));
  EXPECT_EQ(s.at("warnings"), Json::array()) << r.err;
  EXPECT_EQ(s.at("notes"), Json::array()) << r.err;
}

// flex-day: the text's warnings and notes, in its order, are the summary's; --json has the same.
TEST(CliTrial14RunMessages, FlexSummaryHoldsTheTextsWarningsAndNotes) {
  const TempDir dir;
  const std::string out = (dir.path() / "f").string();
  const RunResult r =
      potline({"flex", example("flex-day.toml"), "--set", "run.relative_tolerance=1e-6", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json s = parse_json(read_file(out + "/summary.json"));
  std::vector<std::string> expected = case_warnings(r.err);
  ASSERT_EQ(expected.size(), 1u) << r.err;
  expect_in(expected.front(), "warning: 'run.relative_tolerance': never used");
  const std::vector<std::string> run = prefixed(r.err, "warning: ");  // on stderr (T15-13), none on stdout
  EXPECT_EQ(r.out.find("warning:"), std::string::npos) << r.out;
  expected.insert(expected.end(), run.begin(), run.end());
  EXPECT_EQ(strings(s["warnings"]), expected) << r.err;
  // The notes: "reduced model: ..." lines after the model's own line, and "note: ..." lines.
  std::vector<std::string> notes;
  for (const auto& n : prefixed(r.out, "  reduced model: ")) {
    if (n.rfind("ledge a ", 0) != 0) notes.push_back("reduced model: " + n);
  }
  for (const auto& n : prefixed(r.out, "  note: ")) notes.push_back(n);
  EXPECT_EQ(strings(s["notes"]), notes) << r.out;
  EXPECT_FALSE(run.empty() && notes.empty()) << "flex-day says nothing: pick a case that warns\n" << r.out;
  const RunResult j = potline({"flex", example("flex-day.toml"), "--set", "run.relative_tolerance=1e-6", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json js = parse_json(j.out);
  EXPECT_EQ(js.at("warnings"), s.at("warnings"));
  EXPECT_EQ(js.at("notes"), s.at("notes"));
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial14_run_messages
