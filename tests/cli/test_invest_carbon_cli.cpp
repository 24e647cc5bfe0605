// `potline invest` costs the EU ETS and CBAM by calendar year (user trial 9, T9-15;
// docs/model/economics.md, Investment): [cbam] moves the NPV, the EU share of sales is an input,
// the ETS free allocation follows each operating year's calendar year, and the outputs (text, JSON,
// run folder) carry the carbon lines.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_invest_carbon_cli {
namespace {

const std::vector<std::string> kCbam = {"--set", "cbam.eua_price=100 EUR/t",
                                        "--set", "cbam.usd_per_eur=1.08",
                                        "--set", "investment.first_year=2025"};

std::vector<std::string> invest(std::vector<std::string> extra) {
  std::vector<std::string> args = {"invest", example("invest-new-build.toml"), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

// The trial's case: with [cbam] the NPV was unchanged and the JSON had no CBAM key. Now CBAM on all
// sales lowers the NPV, on half of them by less, and none is charged before 2026 or in
// construction.
TEST(InvestCarbonCli, CbamOnTheEuShareOfSalesMovesTheNpv) {
  const RunResult base = potline(invest({"--set", "investment.first_year=2025"}));
  ASSERT_EQ(base.exit_code, 0) << base.describe();
  std::vector<std::string> all = kCbam;
  const RunResult full = potline(invest(all));
  all.insert(all.end(), {"--set", "cbam.eu_sales_share=0.5"});
  const RunResult half = potline(invest(all));
  ASSERT_EQ(full.exit_code, 0) << full.describe();
  ASSERT_EQ(half.exit_code, 0) << half.describe();
  const Json b = parse_json(base.out), f = parse_json(full.out), h = parse_json(half.out);
  EXPECT_FALSE(b.at("carbon").at("cbam").get<bool>());
  ASSERT_TRUE(f.at("carbon").at("cbam").get<bool>());
  const double d_full = b.at("npv_usd").get<double>() - f.at("npv_usd").get<double>();
  const double d_half = b.at("npv_usd").get<double>() - h.at("npv_usd").get<double>();
  EXPECT_GT(d_full, 0.0);
  // CBAM is in the cash cost before tax (tax 0 in the example): half the share, half the NPV loss.
  EXPECT_NEAR(d_half, 0.5 * d_full, 1e-6 * d_full);
  const Json& years = f.at("carbon").at("years");
  ASSERT_EQ(years.size(), 33u);  // 3 construction + 30 operating years
  EXPECT_EQ(years.at(0).at("year").get<int>(), 2025);
  EXPECT_EQ(years.at(0).at("cbam_usd").get<double>(), 0.0);  // construction
  EXPECT_EQ(years.at(3).at("year").get<int>(), 2028);
  // From 2034 no free-allocation adjustment: every later year pays the same per t (constant EUA).
  const double y2034 = years.at(9).at("cbam_usd_per_t_eu").get<double>();
  EXPECT_EQ(years.at(9).at("year").get<int>(), 2034);
  EXPECT_GT(y2034, years.at(3).at("cbam_usd_per_t_eu").get<double>());
  EXPECT_DOUBLE_EQ(years.back().at("cbam_usd_per_t_eu").get<double>(), y2034);
  expect_all_finite(f);
}

// [eu_ets]: the free allocation of each calendar year (1.423 x 0.90 in 2028, 0 from 2034), not
// eu_ets.year's for all 30 years; the note says so.
TEST(InvestCarbonCli, EuEtsFreeAllocationFollowsTheCalendarYear) {
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--set",
                               "eu_ets.year=2030", "--set", "eu_ets.eua_price=100 EUR/t", "--set",
                               "eu_ets.usd_per_eur=1.08", "--set", "investment.first_year=2025"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "carbon costs (in the cash flows, by calendar year): EU ETS levelised");
  expect_in(r.out, "2028 ");
  expect_in(r.out, "at free allocation 1.281 t/t");
  expect_in(r.out, "eu_ets.year (2030) only places the plant in the EU ETS");
  TempDir dir;
  const std::string out = (dir.path() / "inv").string();
  const RunResult folder =
      potline({"invest", example("invest-new-build.toml"), "--set", "eu_ets.year=2030", "--set",
               "eu_ets.eua_price=100 EUR/t", "--set", "eu_ets.usd_per_eur=1.08", "--set",
               "investment.first_year=2025", "--out", out});
  ASSERT_EQ(folder.exit_code, 0) << folder.describe();
  const auto lines = lines_of(read_file(std::filesystem::path(out) / "carbon.csv"));
  ASSERT_EQ(lines.size(), 34u);
  EXPECT_EQ(lines.at(0),
            "Year,Calendar year,Production [t],EU ETS free allocation [t/t],EU ETS [USD],CBAM per "
            "t sold into the EU "
            "[USD/t],CBAM [USD]");
  EXPECT_EQ(csv_cells(lines.at(4)).at(1), "2028");
  EXPECT_NEAR(std::stod(csv_cells(lines.at(4)).at(3)), 1.423 * 0.90, 1e-9);  // data/cbam.toml 2028
  EXPECT_EQ(csv_cells(lines.at(10)).at(1), "2034");
  EXPECT_EQ(std::stod(csv_cells(lines.at(10)).at(3)), 0.0);
  const Json s = parse_json(read_file(std::filesystem::path(out) / "summary.json"));
  EXPECT_TRUE(s.at("carbon").at("eu_ets").get<bool>());
  EXPECT_GT(s.at("carbon").at("levelised_eu_ets_usd_per_t").get<double>(), 0.0);
}

// Without cbam.eua_price the share is not used, and the run says so instead of ignoring it.
TEST(InvestCarbonCli, AShareWithoutCbamIsAWarningNotSilence) {
  const RunResult r =
      potline({"invest", example("invest-new-build.toml"), "--set", "cbam.eu_sales_share=0.5"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // On stderr, located at the --set that gave it (user trial T12-5).
  expect_in(r.err,
            "--set #1: warning: 'cbam.eu_sales_share': is ignored: cbam.eua_price is not given (no CBAM cost "
            "computed)");
  expect_not_in(r.out, "carbon costs");
}

TEST(InvestCarbonCli, InputErrorsNameTheKeyAndRange) {
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--set",
                               "cbam.eu_sales_share=1.5", "--set", "investment.first_year=1900"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'cbam.eu_sales_share': value 1.5 is outside the allowed range [0, 1]");
  expect_in(r.err, "'investment.first_year': value 1900 is outside the allowed range [1950, 2100]");
  expect_in(r.err, "2 input error(s); nothing was run");
}

}  // namespace potline_cli_test::test_invest_carbon_cli
