// Report charts of issue 14 without a browser: a fleet run's carbon-capture retrofits
// (ccs_retrofit.csv) and high-purity product (hpa.csv), and a simulate run's metal grade over time
// (purity_taps.csv). Mark counts and the grade rules are checked on small hand-made runs; rendering
// is tested in tests/browser (examples ccs-retrofit-gcc, hpa-us-fleet, cell-grade-cathode-failure).
#include <gtest/gtest.h>

#include "potline/report/charts.hpp"
#include "potline/report/run_data.hpp"
#include "../common/report_runs.hpp"

namespace potline::report {
namespace test_report_nextgen {
namespace {

using io::Json;

RunData run_of(const std::string& command, Json summary, const std::map<std::string, std::string>& csv = {}) {
  return potline::testing::report_run(command, std::move(summary), csv);
}

const Chart* chart_titled(const RunReport& r, const std::string& start) {
  for (const auto& c : r.charts) {
    if (c.spec.value("title", Json::object()).value("text", "").rfind(start, 0) == 0) return &c;
  }
  return nullptr;
}

bool has_table(const RunReport& r, const std::string& start) {
  for (const auto& t : r.tables) {
    if (t.title.rfind(start, 0) == 0) return true;
  }
  return false;
}

TEST(ReportNextgen, CcsRetrofitBarsCountEveryGivenValueAndLeaveMissingOut) {
  const RunData run = run_of(
      "fleet", Json::parse(R"({"title": "t"})"),
      {{"ccs_retrofit.csv",
        "id,region,c1_usd_per_t,c1_without_usd_per_t,direct_co2e_t_per_t,direct_co2e_without_t_per_t,co2e_t_per_t,"
        "co2e_without_t_per_t,cbam_usd_per_t,cbam_without_usd_per_t,breakeven_co2_price_usd_per_t,cost_usd_per_t_co2_avoided\n"
        "a,gcc,2082,1821,3.8,4.9,10.7,11.6,331,420,291,291\n"
        "b,gcc,1987,,0.8,1.8,6.9,7.8,66,155,,291\n"}});
  const RunReport r = fleet_report(run);
  const Chart* c = chart_titled(r, "Carbon capture retrofitted on named smelters");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->expected_marks, 2u * 10u - 2u);  // ten series per smelter; b misses two values
  EXPECT_EQ(c->spec["vconcat"].size(), 4u);
  EXPECT_TRUE(has_table(r, "Carbon capture retrofits (ccs_retrofit.csv)"));
}

TEST(ReportNextgen, HpaBarsAndTable) {
  const RunData run = run_of("fleet", Json::parse(R"({"title": "t"})"),
                             {{"hpa.csv",
                               "id,region,grade,grade_share,c1_usd_per_t,c1_net_of_grade_premium_usd_per_t,"
                               "grade_income_musd_per_year,upgrading_margin_musd_per_year\n"
                               "us-a,usa,P0406,0.74,2447,2224,51.3,4.57\n"
                               "us-b,usa,P0406,0.74,2533,2310,46.8,\n"}});
  const RunReport r = fleet_report(run);
  const Chart* c = chart_titled(r, "High-purity metal");
  ASSERT_NE(c, nullptr);
  // An hpa.csv written before grade_share_to_line/grade_share_sold: the grade share whole and the
  // rest (two stacked segments), then four series; us-b has no upgrading line.
  EXPECT_EQ(c->expected_marks, 2u * 6u - 1u);
  const Json& split = c->spec["vconcat"][0];
  EXPECT_EQ(split["layer"][0]["encoding"]["color"]["scale"]["domain"],
            Json::array({"meets the grade (no split)", "below the grade"}));
  EXPECT_TRUE(has_table(r, "High-purity product per smelter (hpa.csv)"));
}

TEST(ReportNextgen, HpaGradeShareIsSplitIntoSoldFedToTheLineAndBelowTheGrade) {
  const RunData run = run_of("fleet", Json::parse(R"({"title": "t"})"),
                             {{"hpa.csv",
                               "id,region,grade,grade_share,grade_share_to_line,grade_share_sold,c1_usd_per_t,"
                               "c1_net_of_grade_premium_usd_per_t,grade_income_musd_per_year,upgrading_margin_musd_per_year\n"
                               "us-a,usa,P0406,0.743,0.09,0.653,2447,2251,45.1,4.57\n"
                               "us-b,usa,P0406,0.74,0,0.74,2533,2310,46.8,\n"
                               "us-c,usa,P0406,1,0,1,2533,2233,46.8,\n"}});
  const RunReport r = fleet_report(run);
  const Chart* c = chart_titled(r, "High-purity metal");
  ASSERT_NE(c, nullptr);
  // Stacked segments: us-a sold, fed, below; us-b sold, below (nothing fed); us-c sold only. Then
  // C1 (2 per smelter), income (3) and margin (1).
  EXPECT_EQ(c->expected_marks, 3u + 2u + 1u + 6u + 3u + 1u);
  const Json& split = c->spec["vconcat"][0];
  EXPECT_EQ(split["title"], "Share of each smelter's own metal that meets the product grade, and where it goes");
  EXPECT_EQ(split["layer"][0]["encoding"]["color"]["scale"]["domain"],
            Json::array({"sold at the grade premium", "fed to the HPA line",
                         "below the grade"}));
  std::map<std::string, double> total;
  for (const Json& v : split["data"]["values"]) total[v["id"].get<std::string>()] += v["value"].get<double>();
  for (const auto& [id, sum] : total) EXPECT_NEAR(sum, 1.0, 1e-12) << id;  // each bar is its production
  EXPECT_EQ(total.size(), 3u);
}

TEST(ReportNextgen, FleetRunWithoutTheNewFilesHasNoNewCharts) {
  const RunData run = run_of("fleet", Json::parse(R"({"title": "t"})"), {});
  const RunReport r = fleet_report(run);
  EXPECT_EQ(chart_titled(r, "Carbon capture"), nullptr);
  EXPECT_EQ(chart_titled(r, "High-purity metal"), nullptr);
}

TEST(ReportNextgen, GradeOverTimeDrawsEveryTapAndTheGradeLimitsInWtPercent) {
  const RunData run = run_of(
      "simulate",
      Json::parse(R"({"title": "t", "purity": {"tapped_share_by_grade": {"P0406": 0.5, "P1020": 0.5},
                      "mean_fe_wt": 0.08, "max_fe_wt": 0.16}})"),
      {{"purity_taps.csv",
        "time_h,cell,tapped_kg,fe_wt_pct,si_wt_pct,grade\n"
        "6,1,766,0.0294,0.0344,P0406\n"
        "18,1,1534,0.1215,0.0343,P1020\n"
        "30,1,1535,,0.0343,\n"}});
  const RunReport r = simulate_report(run);
  const Chart* c = chart_titled(r, "Metal grade over time");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->expected_marks, 2u + 3u);  // Fe of two taps (the third has none), Si of three
  const Json& values = c->spec["data"]["values"];
  EXPECT_EQ(values[2]["grade"], "below P1020");  // an empty grade: the tap meets none of the table
  // The rules are the grade table's limits in wt%: P1020 allows 0.20 % Fe and 0.10 % Si.
  bool p1020 = false;
  for (const auto& rule : c->spec["vconcat"][0]["layer"][0]["data"]["values"]) {
    if (rule["label"] == "P1020") {
      p1020 = true;
      EXPECT_NEAR(rule["fe_max"].get<double>(), 0.20, 1e-12);
      EXPECT_NEAR(rule["si_max"].get<double>(), 0.10, 1e-12);
    }
  }
  EXPECT_TRUE(p1020);
  EXPECT_TRUE(has_table(r, "Metal tapped by grade"));
}

}  // namespace
}  // namespace test_report_nextgen
}  // namespace potline::report
