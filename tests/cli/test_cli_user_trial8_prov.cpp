// User trial 8 (2026-12-06), examples and wording: the 2024 alumina price of the smelter and invest
// examples (T8-10), the CBAM-2034 capture and HPA fleet examples on the calibrated base (T8-8,
// T7-22), simulate's energy basis (T8-13), and smaller wording items (T8-14).
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_user_trial8_prov {
namespace {

// T8-10: a smelter exported from the calibrated 2024 fleet case carries the 2024 index share
// (0.21); it is inside the typical range now (0.10-0.30), so `potline smelter` does not warn on it.
TEST(CliUserTrial8, TheAluminaShareOf2024IsNotAWarning) {
  const RunResult r = potline(
      {"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.alumina_lme_share=0.21"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.err.find("alumina_lme_share"), std::string::npos) << r.err;
  const RunResult high = potline(
      {"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.alumina_lme_share=0.35"});
  ASSERT_EQ(high.exit_code, 0) << high.describe();
  expect_in(high.err, "--set #1: warning: 'prices.alumina_lme_share': value 0.35 is outside the typical range 0.1–0.3");
}

// T8-10: every smelter example priced in 2024 takes 2024's alumina: 0.21 × 2400 USD/t × the
// alumina per t of metal (1.925 t/t in these examples) = 970.2 USD/t; the invest examples take the
// 2023-2024 mean ratio 0.18 (a 30-year appraisal). Recomputes the cost line's own formula.
TEST(CliUserTrial8, ExamplesPrice2024AluminaAtTheIndexShareRecomputed) {
  const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NEAR(j["cost_usd_per_t"]["breakdown"]["alumina"].get<double>(), 0.21 * 2400 * 1.925, 0.5);
  const RunResult inv = potline({"invest", example("invest-new-build.toml"), "--json"});
  ASSERT_EQ(inv.exit_code, 0) << inv.describe();
  const Json i = parse_json(inv.out);
  EXPECT_NEAR(i["npv_usd"].get<double>() / 1e6, -359.0, 0.5);
  EXPECT_NEAR(i["breakeven_power_usd_per_MWh"].get<double>(), 35.14, 0.01);
}

// T8-8 / T7-22: the two fleet examples build on the calibrated cases: the capture retrofit on
// cbam-2034.toml (year 2034, the path's EUA), the HPA case on world.toml (2024 demand and prices).
TEST(CliUserTrial8, CaptureAndHpaFleetExamplesBuildOnTheCalibratedCases) {
  const RunResult ccs = potline({"fleet", example("ccs-retrofit-gcc.toml"), "--json"});
  ASSERT_EQ(ccs.exit_code, 0) << ccs.describe();
  const RunResult cbam = potline({"fleet", example("cbam-2034.toml"), "--json"});
  ASSERT_EQ(cbam.exit_code, 0) << cbam.describe();
  const Json c = parse_json(ccs.out), b = parse_json(cbam.out);
  EXPECT_EQ(c["year"], 2034);
  // Without the retrofit the capture case is cbam-2034 itself.
  EXPECT_NEAR(c["ccs_retrofit"]["world_price_without_usd_per_t"].get<double>(),
              b["world_price_usd_per_t"].get<double>(), 1e-6);
  const RunResult hpa = potline({"fleet", example("hpa-us-fleet.toml"), "--json"});
  ASSERT_EQ(hpa.exit_code, 0) << hpa.describe();
  const RunResult world = potline({"fleet", example("world.toml"), "--json"});
  ASSERT_EQ(world.exit_code, 0) << world.describe();
  EXPECT_NEAR(parse_json(hpa.out)["world_price_usd_per_t"].get<double>(),
              parse_json(world.out)["world_price_usd_per_t"].get<double>(), 1e-6);
}

// T8-13: simulate says its energy is DC and gives the AC equivalent at the rectifier efficiency.
TEST(CliUserTrial8, SimulateSaysItsEnergyIsDc) {
  TempDir tmp;
  const std::string out = (tmp.path() / "run").string();
  const RunResult r = potline({"simulate", example("outage-3h.toml"), "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, " MWh DC (");
  expect_in(r.out, " MWh AC at the rectifier efficiency 0.975), SEC ");
  const std::string csv = read_file((tmp.path() / "run" / "timeseries.csv").string());
  expect_in(csv.substr(0, csv.find('\n')), "Line power DC [MW],Line energy DC [MWh]");
}

// T8-14: wording.
TEST(CliUserTrial8, IndexRangeBreakEvenPowerAndCaseBaseHints) {
  const RunResult idx =
      potline({"fleet", example("world-2024.toml"), "--set", "tariff[7].rate=0.2"});
  EXPECT_EQ(idx.exit_code, 2) << idx.describe();
  expect_in(idx.err, "[[tariff]] tables; the index must be 0 or 1");
  const RunResult power =
      potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=0.055"});
  ASSERT_EQ(power.exit_code, 0) << power.describe();
  expect_in(power.out, "(the power price 0.055; metal price and other costs held)");
  TempDir tmp;
  const std::string file =
      tmp.write("base.toml", "[case]\nbase = \"world-2024.toml\"\ntechnology = \"AP40\"\n");
  const RunResult base = potline({"cell", file});
  EXPECT_EQ(base.exit_code, 2) << base.describe();
  expect_in(base.err,
            "'case.base': unknown key (case.base is read by fleet cases and sweep files only");
}

// T8-14: a report's run heading names the command-line changes, as the text output's title does.
TEST(CliUserTrial8, ReportHeadingNamesTheCommandLineChanges) {
  TempDir tmp;
  const std::string out = (tmp.path() / "s40").string();
  const RunResult r = potline(
      {"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=40", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string page = (tmp.path() / "s40.html").string();
  const RunResult rep = potline({"report", out, "--out", page});
  ASSERT_EQ(rep.exit_code, 0) << rep.describe();
  expect_in(read_report(page), "(Mount Holly-like) — changed on the command line: prices.power</h2>");
}

// T8-14: the flex template names a shipped price series, so saved in the repository root it runs
// (T10-8: in the data folder's form prices/..., so it runs anywhere: test_cli_trial10_fixes.cpp).
TEST(CliUserTrial8, FlexTemplateNamesAShippedPriceSeries) {
  const RunResult t = potline({"template", "flex"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  expect_in(t.out, "prices = \"prices/synthetic-de-summer-day-15min.csv\"");
  const std::string file = (source_dir() / "flex-template-test.tmp.toml").string();
  std::ofstream(file) << t.out;
  const RunResult r = potline({"flex", file, "--json"});
  std::filesystem::remove(file);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
}

}  // namespace
}  // namespace test_cli_user_trial8_prov
}  // namespace potline_cli_test
