// The report of a `potline flex` run folder without a browser: which charts a run gives, their
// mark counts, the limits and crossings drawn on the heat state, a schedule.csv with columns added
// by a later version, and a summary on its own; the scenario years of a fleet path (path.csv).
// Rendering is tested in tests/browser.
#include <gtest/gtest.h>

#include "potline/report/charts.hpp"
#include "potline/report/run_data.hpp"

namespace potline::report {
namespace test_report_flex {
namespace {

using io::Json;

RunData flex_run(const std::map<std::string, std::string>& csv) {
  RunData r;
  r.command = "flex";
  r.path = "flex-run";
  r.summary = Json::parse(R"J({
    "title": "t", "start_utc": "2026-06-01T00:00Z", "step_min": 60.0, "window_averaging_h": 24.0,
    "reduced_model": {"a": 0.5, "fit_error": {"ledge_rms_cm": 0.3, "superheat_rms_K": 0.9}},
    "solver": {"problem": "LP", "solver": "COIN-OR CLP", "status": "optimal", "gap_percent": 0.0},
    "flat": {"margin_eur": 100.0, "energy_MWh": 30.0, "check": {"in_window": true, "crossings": []}},
    "optimised": {"margin_eur": 150.0, "energy_MWh": 31.0,
                  "check": {"in_window": false, "crossings": [
                    {"limit": "superheat_min", "start_h": 1.0, "end_h": 2.0, "extreme": 4.0, "bound": 5.0, "unit": "K"}]}},
    "verdict": "still out of window after 2 round(s)",
    "rounds": [{"ledge_min_cm": 5, "ledge_max_cm": 10, "superheat_min_K": 5, "superheat_max_K": 15, "margin_eur": 160,
                "check": {"in_window": false, "crossings": [{"limit": "superheat_min"}]}},
               {"ledge_min_cm": 5, "ledge_max_cm": 10, "superheat_min_K": 6.2, "superheat_max_K": 15, "margin_eur": 150,
                "check": {"in_window": false, "crossings": [{"limit": "superheat_min"}]}}],
    "value": {"savings_eur": 50.0, "energy_shifted_MWh": 2.0, "round_trip_efficiency": 0.95}
  })J");
  core::Diagnostics d;
  for (const auto& [name, text] : csv) r.tables[name] = parse_table(text, name, d);
  EXPECT_FALSE(d.has_errors());
  return r;
}

const std::string kSchedule =
    "time_utc,price [EUR/MWh],flat power [MW],power [MW],ledge model [cm],superheat model [K],ledge dynamic [cm],"
    "superheat dynamic [K]\n"
    "2026-06-01T00:00Z,80,10,10.5,6.4,7.0,6.5,6.4\n"
    "2026-06-01T01:00Z,-5,10,10.5,6.3,7.1,6.4,nan\n"
    "2026-06-01T02:00Z,120,10,9.5,6.6,6.0,6.7,5.9\n";

const HtmlTable* table_titled(const RunReport& r, const std::string& start) {
  for (const auto& t : r.tables) {
    if (t.title.rfind(start, 0) == 0) return &t;
  }
  return nullptr;
}

// User trial T16-12: the stacked charts built their subtitle lines by hand, each one line however long,
// and drew 1106-1727 px wide on a 1100-px page. Every line now fits the 720-px panels (720 / 6 = 120
// characters; the browser test measures the drawn width), and the lines join back into the sentences.
TEST(ReportFlex, SubtitleLinesFitThePanels) {
  RunData run = flex_run({{"schedule.csv", kSchedule}});
  run.summary["title"] = "300 x AP40 potline, one day of power flexibility against the day-ahead price of a summer day";
  const RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 2u);
  for (const auto& c : r.charts) {
    const Json& subtitle = c.spec["title"]["subtitle"];
    ASSERT_TRUE(subtitle.is_array()) << subtitle.dump();
    std::string joined;
    for (const auto& line : subtitle) {
      EXPECT_LE(line.get<std::string>().size(), 121u) << line;  // its trailing space may be the 121st
      joined += line.get<std::string>();
    }
    if (c.spec["title"]["text"] == "Heat state of the optimised schedule with its limits") {
      EXPECT_NE(joined.find("red: the case's limits (they bound the dynamic model's 24-h running means); dashed orange: "
                            "the optimiser's after tightening; shaded: where those means left the window"),
                std::string::npos)
          << joined;
    }
  }
}

TEST(ReportFlex, ScheduleAgainstPriceAndHeatStateWithLimits) {
  const RunReport r = build_run_report(flex_run({{"schedule.csv", kSchedule}}));
  ASSERT_EQ(r.charts.size(), 2u);
  EXPECT_EQ(r.charts[0].spec["title"]["text"], "Power schedule against the price");
  EXPECT_EQ(r.charts[0].expected_marks, 3u);  // price; optimised and flat power
  EXPECT_EQ(r.charts[1].spec["title"]["text"], "Heat state of the optimised schedule with its limits");
  EXPECT_EQ(r.charts[1].expected_marks, 4u);  // ledge and superheat, each of the reduced and the dynamic model
  const Json& values = r.charts[0].spec["data"]["values"];
  ASSERT_EQ(values.size(), 4u);  // three steps and the horizon's end
  EXPECT_DOUBLE_EQ(values[2]["t_h"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(values[3]["t_h"].get<double>(), 3.0);
  EXPECT_DOUBLE_EQ(values[0]["t_end_h"].get<double>(), 1.0);  // the ledge is the state at the step's end
  EXPECT_TRUE(values[1]["superheat_dynamic"].is_null());      // "nan" in the CSV is a gap
  EXPECT_TRUE(values[3]["ledge_model"].is_null());
  // Superheat panel: the crossing of the dynamic model shaded, the case's limits (5, 15 K) and the
  // tightened lower bound (6.2 K) as rules.
  const Json& superheat = r.charts[1].spec["vconcat"][1]["layer"];
  ASSERT_EQ(superheat.size(), 3u);
  EXPECT_EQ(superheat[0]["data"]["values"][0]["limit"], "superheat_min");
  const Json& rules = superheat[1]["data"]["values"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["y"], 5);
  EXPECT_EQ(rules[1]["y"], 6.2);
  EXPECT_EQ(rules[1]["kind"], "tightened");
  EXPECT_EQ(rules[2]["y"], 15);
  EXPECT_EQ(superheat[2]["name"], "primary_1");
  // The ledge panel has its limits but no crossing (the crossing was of the superheat).
  const Json& ledge = r.charts[1].spec["vconcat"][0]["layer"];
  ASSERT_EQ(ledge.size(), 2u);
  EXPECT_EQ(ledge[0]["data"]["values"].size(), 2u);
  for (const auto& c : r.charts) EXPECT_NO_THROW(io::require_finite(c.spec));
  bool envelope_said = false;
  for (const auto& m : r.missing) envelope_said = envelope_said || m.rfind("operating envelope: not scanned", 0) == 0;
  EXPECT_TRUE(envelope_said);
  const HtmlTable* crossings = table_titled(r, "Limit crossings");
  ASSERT_NE(crossings, nullptr);
  ASSERT_EQ(crossings->rows.size(), 1u);
  EXPECT_EQ(crossings->rows[0][0], "superheat_min");
  // The table names the window's averaging of the run (it said "4-h" whatever window.averaging was).
  EXPECT_NE(crossings->title.find("(24-h running means;"), std::string::npos) << crossings->title;
  const HtmlTable* economics = table_titled(r, "Economics over the horizon");
  ASSERT_NE(economics, nullptr);
  ASSERT_EQ(economics->rows.size(), 2u);  // margin and energy; the check object is not a number
  EXPECT_EQ(economics->rows[0][3], "50");
  const HtmlTable* rounds = table_titled(r, "Re-simulation rounds");
  ASSERT_NE(rounds, nullptr);
  EXPECT_EQ(rounds->rows.size(), 2u);
}

TEST(ReportFlex, ColumnsAddedByLaterVersionsAreToleratedAndPowerColumnsDrawn) {
  std::string schedule = kSchedule;
  // A later version's columns: one more power series, one quantity in another unit, reordered.
  schedule = "reserve price [EUR/MW/h],interruptible call [MW]," + schedule.substr(0, schedule.find('\n')) + "\n";
  for (const char* row : {"3,0,2026-06-01T00:00Z,80,10,10.5,6.4,7.0,6.5,6.4\n", "3,4,2026-06-01T01:00Z,-5,10,10.5,6.3,7.1,6.4,7\n"}) {
    schedule += row;
  }
  const RunReport r = build_run_report(flex_run({{"schedule.csv", schedule}}));
  ASSERT_EQ(r.charts.size(), 2u);
  EXPECT_EQ(r.charts[0].expected_marks, 4u);  // price; optimised, flat and the interruptible call
  const std::string spec = r.charts[0].spec.dump();
  EXPECT_NE(spec.find("interruptible call"), std::string::npos);
  EXPECT_EQ(spec.find("reserve price"), std::string::npos);
}

TEST(ReportFlex, EnvelopeBarsInPowerOrderWithFreezeTimes) {
  const std::string envelope =
      "heat exchangers,power [% of nominal],hold [h],first limit,freeze alarm at [h],frozen at [h],flexible energy [MWh]\n"
      "on,110,168,none,,,1564\n"
      "on,0,3.1,superheat_min,1.6,8.7,287\n"
      "off,0,4.7,ledge_max,1.5,7.6,434\n"
      "off,110,nan,ledge_min,,,983\n";
  const RunReport r = build_run_report(flex_run({{"schedule.csv", kSchedule}, {"envelope.csv", envelope}}));
  ASSERT_EQ(r.charts.size(), 3u);
  const Chart& c = r.charts[2];
  EXPECT_EQ(c.expected_marks, 3u);  // one bar per level and configuration with a hold time
  EXPECT_EQ(c.spec["layer"][0]["encoding"]["x"]["sort"], Json::array({"0 %", "110 %"}));
  EXPECT_EQ(c.spec["layer"][1]["data"]["values"].size(), 4u);  // two freeze alarms, two frozen baths
  EXPECT_NE(table_titled(r, "Operating envelope (envelope.csv)"), nullptr);
}

// Since 2026-12-06 (user trial T7-6) the bar ends at the first limit of any kind and the running
// means' own crossing is a column: drawn as a point beside the alarm and the frozen bath.
TEST(ReportFlex, EnvelopeWindowCrossingIsAPointBesideTheAlarm) {
  const std::string envelope =
      "heat exchangers,power [% of nominal],hold [h],first limit,window crossing at [h],window limit,"
      "freeze alarm at [h],frozen at [h]\n"
      "off,75,7,freeze_alarm,28.8,ledge_max,7,84.7\n"
      "on,75,17.2,superheat_min,17.2,superheat_min,,\n";
  const RunReport r = build_run_report(flex_run({{"schedule.csv", kSchedule}, {"envelope.csv", envelope}}));
  ASSERT_EQ(r.charts.size(), 3u);
  const Json& events = r.charts[2].spec["layer"][1]["data"]["values"];
  ASSERT_EQ(events.size(), 4u);  // two window crossings, one alarm, one frozen bath
  EXPECT_EQ(events[0]["what"], "running mean out of the window");
  EXPECT_EQ(events[0]["at_h"], 28.8);
  EXPECT_EQ(events[1]["what"], "freeze alarm");
}

TEST(ReportFlex, SummaryOnlyOrForeignShapesSayWhatIsNotDrawn) {
  RunData run = flex_run({});
  run.summary["solver"] = "not an object";
  run.summary["rounds"] = 3;
  run.summary["optimised"] = Json::array();
  RunReport r;
  ASSERT_NO_THROW(r = build_run_report(run));
  EXPECT_TRUE(r.charts.empty());
  ASSERT_EQ(r.missing.size(), 2u);
  EXPECT_EQ(r.missing[0], "power schedule and heat state: no schedule.csv (or no rows) in the run folder");
  EXPECT_EQ(infer_command(run.summary), "flex");
  EXPECT_EQ(infer_command(Json::parse(R"({"reduced_model": {}, "optimised": {}, "flat": {}})")), "flex");
}

}  // namespace
}  // namespace test_report_flex
}  // namespace potline::report

namespace potline::report {
namespace test_report_flex {
namespace {

// The scenario years of a fleet path (path.csv): prices and production per region, the CBAM panel
// only for regions whose metal pays it, the EUA price once per year; an older path.csv without the
// CBAM columns draws the other panels.
TEST(ReportFleetPath, PricesProductionCbamAndEuaOverTheYears) {
  RunData run;
  run.command = "fleet";
  run.path = "path-run";
  run.summary = Json::parse(R"({"title": "p"})");
  core::Diagnostics d;
  run.tables["path.csv"] = parse_table(
      "year,region,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,price_usd_per_t,premium_usd_per_t,"
      "cbam_year,eua_eur_per_t,cbam_usd_per_t\n"
      "2025,europe,4,3,8,2700,300,0,80,0\n"
      "2025,china,45,42,44,2400,0,0,80,0\n"
      "2026,europe,4,3,8,2710,310,2026,83,0\n"
      "2026,china,45,43,45,2410,0,2026,83,12.5\n",
      "path.csv", d);
  ASSERT_FALSE(d.has_errors());
  RunReport r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);  // no cost curve or regions in this hand-made run
  const Chart& c = r.charts[0];
  EXPECT_EQ(c.spec["title"]["text"], "Scenario years 2025-2026: prices, production by region, CBAM and EUA");
  EXPECT_EQ(c.expected_marks, 2u + 2u + 1u + 1u);  // price and production of two regions, CBAM of china, EUA
  ASSERT_EQ(c.spec["vconcat"].size(), 4u);
  EXPECT_EQ(c.spec["vconcat"][2]["layer"][0]["transform"][0]["filter"]["oneOf"], Json::array({"china"}));
  EXPECT_EQ(c.spec["vconcat"][3]["layer"][0]["data"]["values"].size(), 2u);  // one EUA price per year
  EXPECT_EQ(c.spec["vconcat"][3]["layer"][0]["name"], "primary_3");
  // An older path.csv: no CBAM columns, two panels.
  run.tables["path.csv"] = parse_table(
      "year,region,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,price_usd_per_t,premium_usd_per_t\n"
      "2025,europe,4,3,8,2700,300\n2026,europe,4,nan,8,2710,310\n",
      "path.csv", d);
  r = build_run_report(run);
  ASSERT_EQ(r.charts.size(), 1u);
  EXPECT_EQ(r.charts[0].expected_marks, 2u);
  EXPECT_EQ(r.charts[0].spec["vconcat"].size(), 2u);
  EXPECT_NO_THROW(io::require_finite(r.charts[0].spec));
}

}  // namespace
}  // namespace test_report_flex
}  // namespace potline::report

namespace potline::report {
namespace test_report_flex {
namespace {

TEST(ReportFlex, FurtherSummaryObjectsGetTheirOwnTable) {
  RunData run;
  run.command = "flex";
  run.path = "flex-run";
  run.summary = Json::parse(R"({"title": "t", "reduced_model": {}, "flat": {}, "optimised": {},
                                "grid": {"interruptible_MW": 12.5, "worst_call": {"in_window": true}}})");
  const RunReport r = build_run_report(run);
  bool found = false;
  for (const auto& t : r.tables) {
    if (t.title != "grid (summary grid)") continue;
    found = true;
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "interruptible_MW");
    EXPECT_EQ(t.rows[1][0], "worst_call.in_window");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace test_report_flex
}  // namespace potline::report
