// The report charts fed by the run outputs added for them, without a browser: the published
// operating point of a cell, NPV against the power price, --vary tables, and the fleet rows the
// world map cannot place. Mark counts are checked for small hand-made runs; rendering is tested in
// tests/browser.
#include <gtest/gtest.h>

#include "potline/report/charts.hpp"
#include "potline/report/run_data.hpp"
#include "../common/report_runs.hpp"

namespace potline::report {
namespace test_report_outputs {
namespace {

using io::Json;

RunData run_of(const std::string& command, Json summary, const std::map<std::string, std::string>& csv = {}) {
  return potline::testing::report_run(command, std::move(summary), csv);
}

const HtmlTable* table_titled(const RunReport& r, const std::string& start) {
  for (const auto& t : r.tables) {
    if (t.title.rfind(start, 0) == 0) return &t;
  }
  return nullptr;
}

TEST(ReportPublished, DeviationOnlyWherePublishedAndMissingStaysEmpty) {
  const RunData run = run_of("cell", Json::parse(R"({"title": "t", "technology": "X"})"),
                             {{"published.csv",
                               "Quantity,Unit,Model,Published,Source,Note\n"
                               "Cell voltage,V,4.2,4.0,[A 2020],\n"
                               "Current efficiency,%,95,,,not published for X\n"
                               "\"Specific energy, DC (cell)\",kWh/kg,13.0,13.0,[B 2021],a note\n"}});
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);  // no breakdown or energy in this summary: only the published chart
  EXPECT_EQ(r.charts[0].expected_marks, 2u);
  const Json& values = r.charts[0].spec["data"]["values"];
  EXPECT_NEAR(values[0]["deviation_pct"].get<double>(), 5.0, 1e-12);  // (4.2 - 4.0) / 4.0 by hand
  EXPECT_EQ(values[0]["source"], "[A 2020]");
  EXPECT_EQ(values[1]["deviation_pct"].get<double>(), 0.0);
  const HtmlTable* t = table_titled(r, "Published operating point");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows[1][3], "");  // an empty cell: the page prints "missing"
  EXPECT_EQ(t->rows[1][5], "");  // no basis where nothing is published
  EXPECT_EQ(t->rows[1][6], "");
  EXPECT_EQ(t->rows[0][4], "+5.00");
  EXPECT_EQ(t->rows[0][5], "not stated (an older potline)");  // a published.csv without the Basis column
}

// T7-24: the bars say which published numbers the model was calibrated to; the independent ones come
// first and the subtitle counts them.
TEST(ReportPublished, CalibrationTargetsAreToldFromIndependentChecks) {
  const RunData run = run_of("cell", Json::parse(R"({"title": "t", "technology": "X"})"),
                             {{"published.csv",
                               "Quantity,Unit,Model,Published,Source,Note,Basis\n"
                               "Line current,kA,400,400,[A 2020],,input (the case runs at it)\n"
                               "Current efficiency,%,95,95,[A 2020],,calibration target (0 % by construction at the "
                               "published point)\n"
                               "Production per pot-day,kg/day,3061,3000,[A 2020],,independent of the calibration\n"}});
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);
  const Json& spec = r.charts[0].spec;
  const Json& values = spec["data"]["values"];
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0]["basis"], "independent of the calibration");
  EXPECT_EQ(values[1]["basis"], "calibration target (0 % by construction at the published point)");
  EXPECT_EQ(values[2]["basis"], "input (the case runs at it)");
  // The subtitle is wrapped into lines that end in the space they were cut at (T16-12): join them.
  std::string subtitle;
  for (const Json& line : spec["title"]["subtitle"]) subtitle += line.is_string() ? line.get<std::string>() : line.dump();
  EXPECT_NE(subtitle.find("1 published number independent of the calibration tests the model"), std::string::npos)
      << spec["title"].dump();
  const HtmlTable* t = table_titled(r, "Published operating point");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->columns[5], "Basis");
}

TEST(ReportPublished, NothingPublishedIsSaidNotDrawn) {
  const RunData run = run_of("cell", Json::parse(R"({"title": "t"})"),
                             {{"published.csv", "Quantity,Unit,Model,Published,Source,Note\nCell voltage,V,4.2,,,x\n"}});
  const RunReport r = build_run_report(run);
  EXPECT_TRUE(r.charts.empty());
  bool said = false;
  for (const auto& m : r.missing) said = said || m == "model against the published operating point: the case names no catalogue technology";
  EXPECT_TRUE(said);
}

TEST(ReportInvest, NpvAgainstPowerPriceCountsFinitePointsWithRules) {
  const RunData run = run_of("invest",
                             Json::parse(R"({"title": "t", "npv_usd": 1, "wacc": 0.08, "contract_power_usd_per_MWh": 40,
                                             "breakeven_power_usd_per_MWh": 49.3})"),
                             {{"npv_vs_power.csv", "Power price [USD/MWh],NPV [USD],IRR [1]\n0,2e9,0.16\n50,-4e7,\n100,nan,\n"}});
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);  // no cash_flows.csv: that chart is listed as not drawn
  EXPECT_EQ(r.charts[0].expected_marks, 2u);  // the NaN NPV is a gap, not a point
  const Json& layers = r.charts[0].spec["layer"];
  EXPECT_EQ(layers[1]["name"], kPrimaryMarks);
  EXPECT_EQ(layers[3]["data"]["values"].size(), 2u);  // the case's price and the break-even
  EXPECT_TRUE(layers[1]["data"]["values"][2]["npv_MUSD"].is_null());
  EXPECT_TRUE(layers[1]["data"]["values"][1]["irr_pct"].is_null());
  EXPECT_NO_THROW(io::require_finite(r.charts[0].spec));
}

TEST(ReportInvest, TwoRunsGetTheirNpvCurvesOverlaid) {
  const std::string table = "Power price [USD/MWh],NPV [USD],IRR [1]\n0,2e9,0.16\n50,-4e7,\n";
  const std::vector<RunData> runs{run_of("invest", Json::parse(R"({"title": "a"})"), {{"npv_vs_power.csv", table}}),
                                  run_of("invest", Json::parse(R"({"title": "b"})"), {{"npv_vs_power.csv", table}})};
  const std::vector<Chart> charts = comparison_charts(runs);
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0].expected_marks, 4u);
  EXPECT_EQ(charts[0].spec["data"]["values"][2]["run"], "2: b");
  EXPECT_TRUE(comparison_charts({runs[0]}).empty());
}

TEST(ReportVary, OneChartPerKeyNumericAxisWithUnitAndTextValuesInOrder) {
  const RunData run = run_of("vary", Json::parse(R"({"command": "cell", "title": "t", "outputs": ["voltage_V", "irr"],
    "rows": [
      {"key": "operation.acd", "value": "4 cm", "outputs": {"voltage_V": 4.1, "irr": null}},
      {"key": "operation.acd", "value": "4.5 cm", "outputs": {"voltage_V": 4.3, "irr": null}},
      {"key": "case.technology", "value": "AP60", "outputs": {"voltage_V": 4.0, "irr": 0.1}},
      {"key": "case.technology", "value": "AP40", "outputs": {"voltage_V": 4.2, "irr": 0.2}}]})"));
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 2u);
  EXPECT_EQ(r.charts[0].expected_marks, 2u);  // two voltages; the null IRRs are gaps
  EXPECT_EQ(r.charts[1].expected_marks, 4u);
  const Json& acd = r.charts[0].spec["vconcat"][0]["hconcat"];
  ASSERT_EQ(acd.size(), 2u);
  EXPECT_EQ(acd[0]["layer"][1]["name"], kPrimaryMarks);
  EXPECT_EQ(acd[1]["layer"][1]["name"], std::string(kPrimaryMarks) + "_1");
  EXPECT_EQ(acd[0]["layer"][0]["encoding"]["x"]["title"], "operation.acd [cm]");
  EXPECT_EQ(acd[0]["data"]["values"][1]["x"], 4.5);
  const Json& tech = r.charts[1].spec["vconcat"][0]["hconcat"][0];
  ASSERT_EQ(tech["layer"].size(), 1u);  // points only: no line between technologies
  EXPECT_EQ(tech["layer"][0]["encoding"]["x"]["type"], "ordinal");
  EXPECT_TRUE(tech["layer"][0]["encoding"]["x"]["sort"].is_null());  // AP60 before AP40, as given
  EXPECT_NO_THROW(io::require_finite(r.charts[0].spec));
}

TEST(ReportVary, SummaryOfAVaryRunIsRecognised) {
  EXPECT_EQ(infer_command(Json::parse(R"({"command": "smelter", "title": "t", "outputs": [], "rows": []})")), "vary");
  const RunReport r = build_run_report(run_of("vary", Json::parse(R"({"command": "smelter", "outputs": [], "rows": []})")));
  EXPECT_TRUE(r.charts.empty());
  ASSERT_EQ(r.missing.size(), 1u);
}

TEST(ReportSimulate, ShellHeatExchangersGetTheirTableOnlyWhenTheRunHasThem) {
  const RunReport with = build_run_report(run_of("simulate", Json::parse(R"({"simulated_days": 4,
    "heat_exchangers": {"mode": "automatic", "mean_extraction_kW_per_cell": 12.5, "final_fraction": null}})")));
  const HtmlTable* t = table_titled(with, "Shell heat exchangers");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"mode", "automatic"}));
  EXPECT_EQ(t->rows[1], (std::vector<std::string>{"mean_extraction_kW_per_cell", "12.5"}));
  EXPECT_EQ(t->rows[2][1], "missing");
  const RunReport without = build_run_report(run_of("simulate", Json::parse(R"({"simulated_days": 4})")));
  EXPECT_EQ(table_titled(without, "Shell heat exchangers"), nullptr);
}

TEST(ReportFleet, RowsWithoutCoordinatesAreListedNotOnTheMap) {
  const RunData run = run_of(
      "fleet", Json::parse(R"({"title": "t", "smelters": 3, "price_by_region_usd_per_t": {"a": 2500}})"),
      {{"cost_curve.csv",
        "rank,id,name,region,aggregate,capacity_kt_per_year,cumulative_capacity_Mt_per_year,c1_usd_per_t,"
        "production_kt_per_year,lat_deg,lon_deg\n"
        "1,s1,One,a,false,100,0.1,1500,100,10,20\n"
        "2,agg,Rest of a,a,true,300,0.4,1800,300,,\n"
        "3,s3,Three,a,false,50,0.45,1900,50,,\n"}});
  const RunReport r = build_run_report(run);
  std::size_t map_marks = 0;
  for (const auto& c : r.charts) {
    if (c.spec.contains("projection")) map_marks = c.expected_marks;
  }
  EXPECT_EQ(map_marks, 1u);
  const HtmlTable* t = table_titled(r, "Not on the map");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0], (std::vector<std::string>{"Rest of a", "a", "yes", "300", "300"}));
  EXPECT_EQ(t->rows[1][2], "no");
  EXPECT_NE(t->title.find("2 of 3 rows"), std::string::npos);
}

}  // namespace
}  // namespace test_report_outputs
}  // namespace potline::report
