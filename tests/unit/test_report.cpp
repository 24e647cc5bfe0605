// The report library without a browser: reading tables back, missing values, flattening,
// comparison arithmetic (checked against hand-computed numbers), HTML/JSON escaping, and the mark
// counts the charts promise for small hand-made runs. Rendering is tested in tests/browser.
#include <gtest/gtest.h>

#include <map>

#include "potline/report/charts.hpp"
#include "potline/report/compare.hpp"
#include "potline/report/html.hpp"
#include "potline/report/run_data.hpp"

namespace potline::report {
namespace test_report {
namespace {

using io::Json;

TEST(ReportTable, ReadsQuotedFieldsAndNamesARaggedRecord) {
  core::Diagnostics d;
  const Table t = parse_table("a,b [V],c\n1,\"x, \"\"y\"\"\",3\n4,5\n", "t.csv", d);
  ASSERT_EQ(t.columns.size(), 3u);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.text(0, "b [V]"), "x, \"y\"");
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].to_string(), "t.csv:3: error: 2 fields where the header has 3: the file is truncated or damaged");
}

TEST(ReportTable, NonFiniteOrTextCellsAreMissing) {
  core::Diagnostics d;
  const Table t = parse_table("x,y\n1.5,nan\ninf,\n-2,abc\n", "t.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(t.number(0, "x"), 1.5);
  EXPECT_FALSE(t.number(0, "y"));  // nan
  EXPECT_FALSE(t.number(1, "x"));  // inf
  EXPECT_FALSE(t.number(1, "y"));  // empty
  EXPECT_FALSE(t.number(2, "y"));  // text
  EXPECT_FALSE(t.number(0, "z"));  // no such column
  EXPECT_EQ(t.number(2, "x"), -2.0);
}

TEST(ReportRunData, FlattenGivesDottedKeysAndIndexedArrays) {
  const Json j = Json::parse(R"({"a": 1, "b": {"c": [2, {"d": "x"}]}, "e": null})");
  const auto flat = flatten(j);
  ASSERT_EQ(flat.size(), 4u);
  EXPECT_EQ(flat[0].first, "a");
  EXPECT_EQ(flat[1].first, "b.c[0]");
  EXPECT_EQ(flat[2].first, "b.c[1].d");
  EXPECT_EQ(flat[3].first, "e");
  EXPECT_TRUE(flat[3].second.is_null());
}

TEST(ReportRunData, CommandIsToldFromItsOwnKeys) {
  EXPECT_EQ(infer_command(Json::parse(R"({"breakdown_V": {}, "energy_kW": {}})")), "cell");
  EXPECT_EQ(infer_command(Json::parse(R"({"simulated_days": 3})")), "simulate");
  EXPECT_EQ(infer_command(Json::parse(R"({"npv_usd": 1, "cash_flows_usd": []})")), "invest");
  EXPECT_EQ(infer_command(Json::parse(R"({"answer": 42})")), "");
}

RunData summary_run(const std::string& command, const std::string& path, Json summary) {
  RunData r;
  r.command = command;
  r.path = path;
  r.summary = std::move(summary);
  return r;
}

TEST(ReportCompare, ChangesAgainstTheFirstRunByHand) {
  const std::vector<RunData> runs{summary_run("cell", "a", Json::parse(R"({"v": 4.0, "z": 0.0, "only_a": 1, "t": "x"})")),
                                  summary_run("cell", "b", Json::parse(R"({"v": 4.2, "z": 1.0, "t": "y"})")),
                                  summary_run("cell", "c", Json::parse(R"({"v": 3.0, "z": 0.0, "t": "x"})"))};
  const Comparison c = compare_runs(runs);
  ASSERT_EQ(c.metrics.size(), 3u);
  const MetricRow& v = c.metrics[0];
  EXPECT_EQ(v.key, "v");
  EXPECT_FALSE(v.change[0]);
  EXPECT_NEAR(*v.change[1], 0.2, 1e-12);
  EXPECT_NEAR(*v.relative_change[1], 0.05, 1e-12);  // 0.2 / 4.0
  EXPECT_NEAR(*v.relative_change[2], -0.25, 1e-12);  // -1.0 / 4.0
  const MetricRow& z = c.metrics[1];
  EXPECT_EQ(*z.change[1], 1.0);
  EXPECT_FALSE(z.relative_change[1]);  // baseline 0: no relative change
  const MetricRow& only = c.metrics[2];
  EXPECT_FALSE(only.values[1]);  // missing in run b
  EXPECT_FALSE(only.change[1]);
  ASSERT_EQ(c.differing_text.size(), 1u);
  EXPECT_EQ(c.differing_text[0].key, "t");
  const std::string text = comparison_text(c, false);
  EXPECT_NE(text.find("missing"), std::string::npos);
  const Json j = comparison_json(c, runs);
  EXPECT_TRUE(j["metrics"][1]["relative_change"][1].is_null());
}

// User trial 9, T9-13: a first value that is a zero computed in floating point (-2.9e-14 against
// -8.8) has no relative change; a small value that is not noise against the row keeps it.
TEST(ReportCompare, NoRelativeChangeAgainstAFloatingPointZero) {
  const std::vector<RunData> runs{summary_run("flex", "a", Json::parse(R"({"fit": -2.85977e-14, "small": 1e-6})")),
                                  summary_run("flex", "b", Json::parse(R"({"fit": -8.80167, "small": 2e-6})"))};
  const Comparison c = compare_runs(runs);
  ASSERT_EQ(c.metrics.size(), 2u);
  EXPECT_NEAR(*c.metrics[0].change[1], -8.80167, 1e-9);
  EXPECT_FALSE(c.metrics[0].relative_change[1]);
  EXPECT_NEAR(*c.metrics[1].relative_change[1], 1.0, 1e-12);
  EXPECT_EQ(comparison_text(c, false).find("30777536447862476"), std::string::npos);
}

// Array elements are matched by an identity field (compare.hpp, kIdentityFields): by `origin` when
// the runs hold them in another order or one run has an extra element; by position when the field
// repeats within an array (two windows of one kind); an integer `year` is an identity too; a null
// prints "—", a key a run lacks "missing".
TEST(ReportCompare, ArrayElementsAreMatchedByTheirIdentityField) {
  const std::vector<RunData> runs{
      summary_run("fleet", "a", Json::parse(R"({"x": [{"origin": "RUS", "p": 1.0}],
          "w": [{"kind": "stop", "h": 1.0}, {"kind": "stop", "h": 2.0}], "path": [{"year": 2030, "q": 1.0}],
          "onset": null})")),
      summary_run("fleet", "b", Json::parse(R"({"x": [{"origin": "XJ", "p": 7.0}, {"origin": "RUS", "p": 1.0}],
          "w": [{"kind": "stop", "h": 1.5}], "path": [{"year": 2030, "q": 2.0}], "onset": 1.02})"))};
  const Comparison c = compare_runs(runs);
  std::map<std::string, const MetricRow*> by_key;
  for (const auto& m : c.metrics) by_key[m.key] = &m;
  ASSERT_TRUE(by_key.count("x[origin=RUS].p"));
  EXPECT_EQ(*by_key["x[origin=RUS].p"]->change[1], 0.0);
  ASSERT_TRUE(by_key.count("x[origin=XJ].p"));
  EXPECT_FALSE(by_key["x[origin=XJ].p"]->values[0]);
  EXPECT_TRUE(by_key.count("w[0].h") && by_key.count("w[1].h"));  // "stop" twice: by position
  ASSERT_TRUE(by_key.count("path[year=2030].q"));
  EXPECT_FALSE(by_key.count("path[year=2030].year"));  // the identity is in the key: no row of its own
  ASSERT_EQ(c.unmatched_elements.size(), 2u);
  EXPECT_EQ(c.unmatched_elements[0].key, "x[origin=XJ]");
  EXPECT_EQ(c.unmatched_elements[0].present, (std::vector<bool>{false, true}));
  EXPECT_EQ(c.unmatched_elements[1].key, "w[1]");
  EXPECT_EQ(c.unmatched_elements[1].present, (std::vector<bool>{true, false}));
  ASSERT_TRUE(by_key.count("onset"));
  EXPECT_EQ(value_text(*by_key["onset"], 0), "—");
  EXPECT_EQ(value_text(*by_key["x[origin=XJ].p"], 0), "missing");
  const std::string text = comparison_text(c, false);
  EXPECT_NE(text.find("  x[origin=XJ]: only in run 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  w[1]: only in run 1\n"), std::string::npos) << text;
}

// User trial T17-3: fleet's `under_water` (smelter ids) of three runs was paired by position: Alro leaving
// the list in run 2 read as "under_water[1]: not in run 2" and Greece "becoming" Alro at [0], then 124
// index-paired lines. A list of distinct texts is compared as a set; members one list lacks in the same
// runs share a line.
TEST(ReportCompare, AListOfIdsIsComparedAsASet) {
  const std::vector<RunData> runs{
      summary_run("fleet", "a", Json::parse(R"({"under_water": ["alro", "greece"], "price": 1.0})")),
      summary_run("fleet", "b", Json::parse(R"({"under_water": ["greece"], "price": 2.0})")),
      summary_run("fleet", "c", Json::parse(R"({"under_water": ["alro", "greece", "xinheng", "easthope"], "price": 3.0})"))};
  const Comparison c = compare_runs(runs);
  EXPECT_TRUE(c.differing_text.empty());  // no "under_water[0]: [1] alro [2] greece [3] alro"
  ASSERT_EQ(c.unmatched_elements.size(), 3u);
  EXPECT_EQ(c.unmatched_elements[0].key, "under_water[alro]");
  EXPECT_EQ(c.unmatched_elements[0].present, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(c.unmatched_elements[1].key, "under_water[xinheng]");
  const std::string text = comparison_text(c, true);
  EXPECT_NE(text.find("  under_water[alro]: not in run 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  under_water, 2 only in run 3: xinheng, easthope\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("greece"), std::string::npos) << text;  // in every run: not listed
}

// The text table leaves out changes below its printed precision (6 significant digits): two fleet
// runs, 3740.43 against 3740.43, change -4.5e-13, listed at the top and burying the real changes;
// 1 against 1.000001 (printed "1" and "1", change 1e-06, +0.00 %); 3740.425 printed as 3740.43
// against 3740.42 by rounding alone. The JSON keeps every change.
TEST(ReportCompare, TextLeavesOutChangesBelowThePrintedPrecision) {
  const std::vector<RunData> runs{
      summary_run("cell", "a", Json::parse(R"({"p": 3740.43, "q": 1.0, "r": 0.0, "s": 2.0, "u": 1.0, "w": 3740.4250000000002})")),
      summary_run("cell", "b", Json::parse(R"({"p": 3740.4300000000005, "q": 1.00001, "r": 1e-14, "s": 2.0, "u": 1.000001, "w": 3740.4249999999997})"))};
  const Comparison c = compare_runs(runs);
  EXPECT_FALSE(differs_at_printed_precision(c.metrics[0]));
  EXPECT_TRUE(differs_at_printed_precision(c.metrics[1]));
  EXPECT_TRUE(differs_at_printed_precision(c.metrics[2]));
  EXPECT_FALSE(differs_at_printed_precision(c.metrics[3]));
  EXPECT_FALSE(differs_at_printed_precision(c.metrics[4]));
  EXPECT_FALSE(differs_at_printed_precision(c.metrics[5]));
  const std::string text = comparison_text(c, false);
  EXPECT_EQ(text.find("\np "), std::string::npos) << text;  // noise: left out
  EXPECT_NE(text.find("\nq "), std::string::npos) << text;  // 1e-5 relative, printed 1 and 1.00001: listed
  EXPECT_NE(text.find("\nr "), std::string::npos) << text;  // from exactly 0: listed
  EXPECT_EQ(text.find("\nu "), std::string::npos) << text;  // 1e-6 relative, printed 1 and 1: left out
  EXPECT_EQ(text.find("\nw "), std::string::npos) << text;  // apart by rounding alone: left out
  EXPECT_NE(text.find("(4 metrics equal in every run not shown (to the 6 printed significant digits)"), std::string::npos)
      << text;
  EXPECT_NE(comparison_text(c, true).find("\np "), std::string::npos);
  EXPECT_NE(comparison_json(c, runs)["metrics"][0]["change"][1].get<double>(), 0.0);
}

// The report page's comparison table applies the same rule: the rounding-noise metrics are not rows,
// a note counts them.
TEST(ReportHtml, ComparisonTableLeavesOutChangesBelowThePrintedPrecision) {
  const std::vector<RunData> runs{
      summary_run("cell", "a", Json::parse(R"({"noise_p": 3740.43, "real_q": 1.0, "noise_u": 1.0})")),
      summary_run("cell", "b", Json::parse(R"({"noise_p": 3740.4300000000005, "real_q": 1.00001, "noise_u": 1.000001})"))};
  const std::string html = render_html(runs).html;
  const auto table = html.find("Comparison of 2 runs of potline cell");
  ASSERT_NE(table, std::string::npos);
  const std::string section = html.substr(table, html.find("</section>", table) - table);
  EXPECT_NE(section.find("real_q"), std::string::npos);
  EXPECT_EQ(section.find("noise_p"), std::string::npos);
  EXPECT_EQ(section.find("noise_u"), std::string::npos);
  EXPECT_NE(section.find("2 metrics equal in every run to the 6 printed significant digits are not listed"), std::string::npos);
}

TEST(ReportCompare, RunsOfDifferentCommandsAreAnInputError) {
  const std::vector<RunData> runs{summary_run("cell", "a", Json::object()), summary_run("invest", "b", Json::object())};
  try {
    compare_runs(runs);
    FAIL() << "no error";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("a run of 'potline invest' cannot be compared with 'a', a run of 'potline cell'"),
              std::string::npos)
        << e.what();
  }
}

TEST(ReportHtml, EscapesMarkupAndScriptEnds) {
  EXPECT_EQ(escape_html("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(script_json(Json{{"t", "</script><b>"}}), R"({"t":"<\/script><b>"})");
}

TEST(ReportCharts, CellChartsPromiseOneMarkPerNonZeroTerm) {
  const RunData run = summary_run("cell", "r", Json::parse(R"({
    "title": "t", "voltage_V": 4.0, "current_kA": 400, "acd_cm": 4, "heat_loss_kW": 700,
    "breakdown_V": {"reversible": 1.2, "bath_ohmic": 1.3, "anode_effect": 0.0, "bubble": 1.5},
    "energy_kW": {"input": 1600, "reaction": 700, "heat_loss": 900}})"));
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 2u);
  EXPECT_EQ(r.charts[0].expected_marks, 4u);  // three non-zero terms and the total
  EXPECT_EQ(r.charts[1].expected_marks, 3u);  // input, reaction, heat loss
  EXPECT_EQ(r.charts[0].spec["layer"][0]["name"], kPrimaryMarks);
}

TEST(ReportCharts, MissingValuesBecomeNullNeverNaN) {
  core::Diagnostics d;
  RunData run = summary_run("invest", "r", Json::parse(R"({"title": "t", "npv_usd": null, "wacc": 0.08})"));
  run.tables["cash_flows.csv"] = parse_table("Year,Cash flow [USD],Discounted [USD]\n1,-5e8,nan\n2,inf,1e8\n", "c.csv", d);
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);
  const Json& values = r.charts[0].spec["data"]["values"];
  EXPECT_TRUE(values[1]["cash_flow_MUSD"].is_null());
  EXPECT_NO_THROW(io::require_finite(r.charts[0].spec));
}

TEST(ReportCharts, ARunWithoutItsTablesSaysWhatIsNotDrawn) {
  const RunReport r = build_run_report(summary_run("simulate", "r", Json::parse(R"({"simulated_days": 1})")));
  EXPECT_TRUE(r.charts.empty());
  ASSERT_EQ(r.missing.size(), 2u);
  EXPECT_NE(r.missing[0].find("no events.csv"), std::string::npos);
  EXPECT_NE(r.missing[1].find("no timeseries.csv"), std::string::npos);
}

TEST(ReportCharts, DisturbanceWindowsComeFromTheSimulationsOwnSummary) {
  core::Diagnostics d;
  RunData run = summary_run("simulate", "r", Json::parse(R"({"simulated_days": 1, "event_windows": [
    {"kind": "outage", "start_h": 2.0, "end_h": 3.0, "min_superheat_K": 1.5, "recovery_h": null}]})"));
  run.tables["timeseries.csv"] = parse_table("Time [h],Line current [kA]\n0,400\n2.5,0\n4,400\n", "t.csv", d);
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.tables.size(), 1u);
  // Short headers with the unit on a second line, so the table fits the page (T13-12.8).
  EXPECT_EQ(r.tables[0].columns,
            (std::vector<std::string>{"Kind", "Start\n[h]", "End\n[h]", "Superheat min\n[K]", "Recovery\n[h]"}));
  EXPECT_EQ(r.tables[0].rows[0][0], "outage");
  EXPECT_EQ(r.tables[0].rows[0][1], "2.00");
  EXPECT_EQ(r.tables[0].rows[0][4], "not recovered");  // null recovery: a cell had not come back (was "missing")
}

// The run's settings of the recovery go into the caption under the table (the title since user trial
// T19-16 just "Disturbance windows") when every window has the same; a key the table does not know is
// still shown, under its own name.
TEST(ReportCharts, DisturbanceWindowSettingsInTheTitleAndUnknownKeysKept) {
  core::Diagnostics d;
  RunData run = summary_run("simulate", "r", Json::parse(R"({"simulated_days": 1, "event_windows": [
    {"kind": "current_step", "start_h": 2.0, "end_h": 3.0, "recovery_dwell_h": 0.5, "after_h": 24.0, "new_key": 7},
    {"kind": "outage", "start_h": 5.0, "end_h": 6.0, "recovery_dwell_h": 0.5, "after_h": 12.5, "new_key": 8}]})"));
  run.tables["timeseries.csv"] = parse_table("Time [h],Line current [kA]\n0,400\n2.5,0\n4,400\n", "t.csv", d);
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].title, "Disturbance windows");
  EXPECT_NE(r.tables[0].caption.find("; recovery_dwell_h 0.50 h."), std::string::npos) << r.tables[0].caption;
  EXPECT_EQ(r.tables[0].columns,
            (std::vector<std::string>{"Kind", "Start\n[h]", "End\n[h]", "Looked at after\n[h]", "new_key"}));
  EXPECT_EQ(r.tables[0].rows[0][0], "current step");
  EXPECT_EQ(r.tables[0].rows[1][3], "12.50");
  EXPECT_EQ(r.tables[0].rows[1][4], "8");
}

}  // namespace
}  // namespace test_report
}  // namespace potline::report
