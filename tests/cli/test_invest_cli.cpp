// potline invest's text output: a retrofit states whether it pays against keeping the old cells
// (docs/model/economics.md, "Investment"), since its NPV, IRR and payback are the plant's own.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_invest_cli {

// The hand computations below are of the contract calendar before user trial T10-14, the retrofit's
// contract counted from the end of its construction (investment.contract_start = "operation"; the
// retrofit default is now "site": tests/cli/test_cli_trial10_contract.cpp).
constexpr const char* kOperation = "investment.contract_start=operation";

// examples/invest-ap60-retrofit.toml: the plant with AP60 cells has IRR 19.8 %, but the retrofit
// is worth less than keeping the old cells (incremental NPV about -358 M USD; -390 with alumina at
// the legacy 14 % of the LME, the example's value before 2026-12-06); the text said only "NPV gain
// over keeping the old cells -3.896e+08 USD" below the plant's IRR (now "-389.6 M USD").
TEST(InvestCli, RetrofitTextSaysWhetherItPaysAgainstKeepingTheOldCells) {
  const std::string retrofit = (source_dir() / "examples" / "invest-ap60-retrofit.toml").string();
  const RunResult j = potline({"invest", retrofit, "--set", kOperation, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const double gain = parse_json(j.out).at("incremental_npv_usd").get<double>();
  ASSERT_LT(gain, 0.0);
  const RunResult text = potline({"invest", retrofit, "--set", kOperation});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  // The gain first, then the plant's own figures saying whose they are (user trial 2026-12-05 (4),
  // CN).
  EXPECT_NE(text.out.find("  retrofit against keeping the old cells: NPV -358.2 M USD (keeping the "
                          "old cells is worth "
                          "more; pre-tax: investment.tax_rate 0)\n    of the gain (retrofit minus keeping the old cells, year by "
                          "year): IRR 2.73 %"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("contract and after)\n  the plant with the new cells (the retrofit capex "
                          "against the whole plant's cash "
                          "flows, not the gain): NPV 695.7 M USD   IRR 19.82 %"),
            std::string::npos)
      << text.out;
  // The gain's own IRR and payback (trial CN). Incremental cash flows (retrofit minus keeping the
  // old cells, M USD): −316.298 in each of the 3 construction years (capex 264 + the margin of the
  // 30 % of output lost; −328.495 at the legacy 14 % alumina share: 66 kt/yr × 0.04 × 2400 × 1.925
  // = 12.197 less), then +47.52 (years 4-10), +80.52 (years 11-13: the retrofit's 10-year contract
  // at 40 USD/MWh runs 3 years past the old cells' one, 50 USD/MWh after) and +52.25 (years 14-28).
  // Payback: after year 13 the cumulative is −948.894 + 7 × 47.52 + 3 × 80.52 = −374.694, and
  // 374.694 / 52.25 = 7.171 more years: 20.17. The IRR is where NPV(gain) = 0; at 2.73 % (hand,
  // from the flows above).
  const Json& s = parse_json(j.out);
  const Json& flows = s.at("incremental_cash_flows_usd");
  ASSERT_EQ(flows.size(), 28u);
  EXPECT_NEAR(flows[0].get<double>() / 1e6, -316.298, 0.001);
  EXPECT_NEAR(flows[3].get<double>() / 1e6, 47.52, 0.01);
  EXPECT_NEAR(flows[10].get<double>() / 1e6, 80.52, 0.01);
  EXPECT_NEAR(flows[13].get<double>() / 1e6, 52.25, 0.01);
  EXPECT_NEAR(s.at("incremental_payback_years").get<double>(), 20.171, 0.001);
  const double irr = s.at("incremental_irr").get<double>();
  EXPECT_NEAR(irr, 0.0273, 0.0001);
  // Undiscounted, the gain sums to −948.894 + 332.64 + 241.56 + 783.75 = +409.1 M USD: the IRR is
  // above 0.
  double sum = 0;
  for (const Json& f : flows) sum += f.get<double>() / 1e6;
  EXPECT_NEAR(sum, -948.894 + 7 * 47.52 + 3 * 80.52 + 15 * 52.25, 0.1);
  EXPECT_NE(text.out.find("    of the gain (retrofit minus keeping the old cells, year by year): "
                          "IRR 2.73 %, below the "
                          "WACC 8.0 %   payback 20.2 years from the start of construction (3 "
                          "construction years)\n"),
            std::string::npos)
      << text.out;
  // A cheaper retrofit pays.
  const RunResult cheap = potline({"invest", retrofit, "--set", kOperation, "--set", "investment.capex=500 USD/t"});
  ASSERT_EQ(cheap.exit_code, 0) << cheap.describe();
  EXPECT_NE(cheap.out.find(
                "retrofit against keeping the old cells: NPV 208.8 M USD (the retrofit pays; pre-tax: "
                "investment.tax_rate 0)\n"),
            std::string::npos)
      << cheap.out;
  // Its plant runs through the construction (downtime 30 %), so the cumulative cash flow is never
  // negative: no IRR and no payback year, which printed "IRR none   payback never".
  EXPECT_NE(cheap.out.find("IRR none (no year with a net outflow to return)   payback none needed (the cumulative cash "
                           "flow is never negative)"),
            std::string::npos)
      << cheap.out;
  // Its gain: −96.298 M USD in each construction year (capex 44 + output lost), then as above:
  // cumulative −288.894 + 6 × 47.52 = −3.774 after year 9, 3.774 / 47.52 = 0.079: 9.08 years.
  EXPECT_NE(cheap.out.find("of the gain (retrofit minus keeping the old cells, year by year): IRR "
                           "15.33 %, at or above "
                           "the WACC 8.0 %   payback 9.1 years"),
            std::string::npos)
      << cheap.out;
  // JSON: a plant never behind pays back at once, payback_years 0 (was null, read as "never"; CR).
  const RunResult cheap_json = potline({"invest", retrofit, "--set", kOperation, "--set", "investment.capex=500 USD/t", "--json"});
  ASSERT_EQ(cheap_json.exit_code, 0) << cheap_json.describe();
  const Json c = parse_json(cheap_json.out);
  EXPECT_TRUE(c.at("irr").is_null());
  ASSERT_TRUE(c.at("payback_years").is_number()) << c.at("payback_years").dump();
  EXPECT_EQ(c.at("payback_years").get<double>(), 0.0);
  EXPECT_NEAR(c.at("incremental_payback_years").get<double>(), 3 + 6 + 3.774 / 47.52, 0.001);
}

// A retrofit that gains in no year has no IRR of its gain and no payback, and the text says why.
TEST(InvestCli, RetrofitGainWithoutAnyInflowHasNoIrr) {
  const std::string retrofit = (source_dir() / "examples" / "invest-ap60-retrofit.toml").string();
  // New cells as dear to run as the old (same SEC, staff and other costs) and one power price every
  // year: the gain is the capex and the lost output in the construction years, then nothing.
  const RunResult r = potline({"invest", retrofit, "--set", "retrofit.sec_ac=15 kWh/kg", "--set", "retrofit.employees=600",
                               "--set", "retrofit.other_cost=300", "--set", "investment.post_contract_power=40 USD/MWh"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("IRR none (no year with a net inflow)   payback never (the cumulative cash flow is still negative "
                       "at the end)"),
            std::string::npos)
      << r.out;
}

}  // namespace potline_cli_test::test_invest_cli
