// `potline report` and `potline compare` end to end: the files they write and print, and the
// errors for a missing, truncated or foreign run (the messages are asserted). The browser test
// (tests/browser) checks that the charts render.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_report_compare {
namespace {

class CliReport : public ::testing::Test {
 protected:
  TempDir tmp;
  std::string cell_run(const std::string& name, const std::string& acd) {
    const std::string dir = (tmp.path() / name).string();
    const RunResult r = potline({"cell", default_case(), "--set", "operation.acd=" + acd, "--out", dir});
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    return dir;
  }
  static void rewrite(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string text = read_file(file);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
  }
};

TEST_F(CliReport, WritesOneSelfContainedPageIntoTheRunFolder) {
  const std::string run = cell_run("a", "4.2 cm");
  const RunResult r = potline({"report", run});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("report written to " + run + "/report.html"), std::string::npos) << r.out;
  const std::string html = read_report(std::filesystem::path(run) / "report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* asset : {"vega", "vega_lite", "vega_embed"}) {
    EXPECT_NE(html.find(std::string("<script data-asset=\"") + asset + "\">"), std::string::npos) << asset;
  }
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("Cell voltage breakdown"), std::string::npos);
  EXPECT_NE(html.find("Cell energy balance"), std::string::npos);
  EXPECT_NE(html.find("examples/default.toml"), std::string::npos);  // provenance: the case file
  EXPECT_NE(html.find("git commit"), std::string::npos);
  EXPECT_FALSE(has_nonfinite_word(html.substr(html.find("id=\"potline-charts\""))));  // none in the chart data
}

TEST_F(CliReport, ReportFlagWritesThePageWithTheRunFolder) {
  const std::string dir = (tmp.path() / "s").string();
  const RunResult r = potline({"smelter", (source_dir() / "examples" / "smelter-us-old-grid.toml").string(), "--out", dir,
                               "--report", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(dir) / "report.html"));
  parse_json(r.out);  // stdout holds the JSON alone; the report line went to stderr
  EXPECT_NE(r.err.find("report written to"), std::string::npos) << r.err;
}

TEST_F(CliReport, ReportFlagNeedsOut) {
  const RunResult r = potline({"cell", default_case(), "--report"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("--report: error: needs --out DIR: the report is written into the run folder, DIR/report.html"), std::string::npos) << r.err;
}

TEST_F(CliReport, MissingFolderIsAnInputError) {
  const RunResult r = potline({"report", (tmp.path() / "nowhere").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("no such run folder or summary file"), std::string::npos) << r.err;
}

TEST_F(CliReport, FolderWithoutSummaryIsAnInputError) {
  std::filesystem::create_directories(tmp.path() / "empty");
  const RunResult r = potline({"report", (tmp.path() / "empty").string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("not a run folder: it has no summary.json"), std::string::npos) << r.err;
}

TEST_F(CliReport, TruncatedSummaryIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  const auto summary = std::filesystem::path(run) / "summary.json";
  const std::string text = read_file(summary);
  std::ofstream(summary, std::ios::binary) << text.substr(0, text.size() / 2);
  for (const char* command : {"report", "compare"}) {
    const RunResult r = command == std::string("report") ? potline({command, run}) : potline({command, run, run});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    EXPECT_NE(r.err.find("summary.json: error: the summary is truncated"), std::string::npos) << r.err;
  }
}

TEST_F(CliReport, RunOfAnotherVersionIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  rewrite(std::filesystem::path(run) / "manifest.json", "\"version\": \"", "\"version\": \"0.0.0-old");
  const RunResult r = potline({"report", run});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'version': written by potline 0.0.0-old"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("re-run the case with this version"), std::string::npos) << r.err;
}

TEST_F(CliReport, RunOfAnUnreadableCommandIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  rewrite(std::filesystem::path(run) / "manifest.json", "\"command\": \"cell\"", "\"command\": \"sweep\"");
  const RunResult r = potline({"report", run});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("a run of 'potline sweep', which cannot be read back; readable runs are of: cell, smelter, invest, "
                       "simulate, fleet, flex, vary"),
            std::string::npos)
      << r.err;
}

TEST_F(CliReport, ManifestOfAnotherCommandThanItsSummaryIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  rewrite(std::filesystem::path(run) / "manifest.json", "\"command\": \"cell\"", "\"command\": \"smelter\"");
  for (const char* command : {"report", "compare"}) {
    const RunResult r = command == std::string("report") ? potline({command, run}) : potline({command, run, run});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    EXPECT_NE(r.err.find("summary.json: error: the manifest says 'potline smelter' but the summary is not one of its summaries"),
              std::string::npos)
        << r.err;
  }
}

TEST_F(CliReport, FolderWithoutManifestOrOfAnotherProgramIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  rewrite(std::filesystem::path(run) / "manifest.json", "\"program\": \"potline\"", "\"program\": \"other\"");
  const RunResult foreign = potline({"report", run});
  EXPECT_EQ(foreign.exit_code, 2) << foreign.describe();
  EXPECT_NE(foreign.err.find("'program': not a Potline run manifest"), std::string::npos) << foreign.err;
  std::filesystem::remove(std::filesystem::path(run) / "manifest.json");
  const RunResult r = potline({"report", run});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("the run folder has no manifest.json: it is not a complete run folder"), std::string::npos) << r.err;
}

TEST_F(CliReport, SummaryThatIsNotJsonIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  std::ofstream(std::filesystem::path(run) / "summary.json", std::ios::binary) << "voltage = 4.2\n";
  const RunResult r = potline({"report", run});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("summary.json: error: the summary is not valid JSON (byte "), std::string::npos) << r.err;
}

TEST_F(CliReport, MissingTableIsAnInputError) {
  const std::string run = cell_run("a", "4.2 cm");
  std::filesystem::remove(std::filesystem::path(run) / "energy.csv");
  const RunResult r = potline({"report", run});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("the manifest lists energy.csv but the run folder has no such file"), std::string::npos) << r.err;
}

TEST_F(CliReport, NonFiniteCellsAreShownAsMissing) {
  const std::string dir = (tmp.path() / "sim").string();
  const RunResult sim = potline({"simulate", (source_dir() / "examples" / "outage-3h.toml").string(), "--set", "run.duration=6 h",
                                 "-q", "--out", dir});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  // A damaged series: the report must draw it with gaps, never write NaN or inf into the page.
  rewrite(std::filesystem::path(dir) / "timeseries.csv", "\n0.08333333333,400,", "\n0.08333333333,nan,");
  const RunResult r = potline({"report", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  const std::string data = html.substr(html.find("id=\"potline-charts\""));
  EXPECT_FALSE(has_nonfinite_word(data));
  EXPECT_NE(data.find("\"current_kA\":null"), std::string::npos);
}

TEST_F(CliReport, CompareGivesEveryMetricWithItsChange) {
  const std::string a = cell_run("a", "4.0 cm");
  const std::string b = cell_run("b", "4.4 cm");
  const RunResult r = potline({"compare", a, b, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("command"), "cell");
  const Json sa = parse_json(read_file(std::filesystem::path(a) / "summary.json"));
  const Json sb = parse_json(read_file(std::filesystem::path(b) / "summary.json"));
  bool found = false;
  for (const auto& m : j.at("metrics")) {
    if (m.at("key") != "voltage_V") continue;
    found = true;
    const double va = sa.at("voltage_V").get<double>();
    const double vb = sb.at("voltage_V").get<double>();
    EXPECT_DOUBLE_EQ(m.at("values")[0].get<double>(), va);
    EXPECT_DOUBLE_EQ(m.at("change")[1].get<double>(), vb - va);
    EXPECT_DOUBLE_EQ(m.at("relative_change")[1].get<double>(), (vb - va) / va);
    EXPECT_TRUE(m.at("change")[0].is_null());
  }
  EXPECT_TRUE(found);
  const RunResult text = potline({"compare", a, b});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_TRUE(std::regex_search(text.out, std::regex("\nacd_cm +4 +4\\.4 +0\\.4 +\\+10\\.00\n"))) << text.out;
  EXPECT_NE(text.out.find("metrics equal in every run not shown"), std::string::npos);
}

TEST_F(CliReport, CompareReadsSummaryJsonFiles) {
  const RunResult a = potline({"cell", default_case(), "--json"});
  const RunResult b = potline({"cell", default_case(), "--set", "operation.line_current=420 kA", "--json"});
  const std::string fa = tmp.write("a.json", a.out);
  const std::string fb = tmp.write("b.json", b.out);
  const RunResult r = potline({"compare", fa, fb, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out).at("command"), "cell");
}

TEST_F(CliReport, CompareRefusesRunsOfDifferentCommands) {
  const std::string a = cell_run("a", "4.0 cm");
  const std::string s = (tmp.path() / "inv").string();
  ASSERT_EQ(potline({"invest", (source_dir() / "examples" / "invest-new-build.toml").string(), "--out", s}).exit_code, 0);
  const RunResult r = potline({"compare", a, s});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("a run of 'potline invest' cannot be compared with '" + a + "', a run of 'potline cell'"),
            std::string::npos)
      << r.err;
}

TEST_F(CliReport, CompareNeedsTwoRunsAndNamesAMissingSummary) {
  const std::string a = cell_run("a", "4.0 cm");
  const RunResult one = potline({"compare", a});
  EXPECT_EQ(one.exit_code, 2) << one.describe();
  // At the one run given (T17-4: the error had no place).
  EXPECT_NE(one.err.find(a + ": error: give two or more run folders or summary JSON files to compare: this is the only "
                             "one given"),
            std::string::npos)
      << one.err;
  std::filesystem::remove(std::filesystem::path(a) / "summary.json");
  const std::string b = cell_run("b", "4.0 cm");
  const RunResult r = potline({"compare", a, b});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("not a run folder: it has no summary.json"), std::string::npos) << r.err;
  const RunResult unknown = potline({"compare", tmp.write("x.json", "{\"answer\": 42}"), b});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.describe();
  EXPECT_NE(unknown.err.find("cannot tell which command wrote this summary"), std::string::npos) << unknown.err;
}

TEST_F(CliReport, SweepStoreGivesDistributionsAndATornado) {
  const std::string store = (tmp.path() / "small.sqlite").string();
  const RunResult sweep = potline({"sweep", (source_dir() / "examples" / "sweep-small.toml").string(), "--out", store, "--threads", "1"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.describe();
  const std::string page = (tmp.path() / "small.html").string();
  const RunResult r = potline({"report", store, "--out", page});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_report(page);
  EXPECT_NE(html.find("potline sweep: Small sweep"), std::string::npos);
  EXPECT_NE(html.find("Tornado: Marginal cost (highest C1 of a producing smelter) swing"), std::string::npos);
  EXPECT_NE(html.find("Regional aluminium prices by scenario"), std::string::npos);
  // Not a store: an SQLite file of another program is refused with the reader's message.
  const std::string other = tmp.write("other.sqlite", std::string("SQLite format 3\0", 16) + std::string(100, '\0'));
  const RunResult bad = potline({"report", other});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  EXPECT_NE(bad.err.find(other), std::string::npos) << bad.err;
}

// User trial 9, T9-13: a page of two runs without --out went to the first run's report.html and
// replaced that run's own page; it is now report-A-B.html beside the first run.
TEST_F(CliReport, TwoRunsWithoutOutKeepTheFirstRunsOwnPage) {
  const std::string a = cell_run("a", "4.2 cm"), b = cell_run("b", "3.6 cm");
  ASSERT_EQ(potline({"report", a}).exit_code, 0);
  const std::string own = read_file(std::filesystem::path(a) / "report.html");
  const RunResult r = potline({"report", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::filesystem::path both = std::filesystem::path(a).parent_path() / "report-a-b.html";
  EXPECT_NE(r.out.find("report written to " + both.string() + " (2 runs"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(both));
  EXPECT_EQ(read_file(std::filesystem::path(a) / "report.html"), own);  // the first run's page is untouched
}

}  // namespace
}  // namespace test_cli_report_compare
}  // namespace potline_cli_test
