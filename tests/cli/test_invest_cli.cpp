// potline invest's text output: a retrofit states whether it pays against keeping the old cells
// (docs/model/economics.md, "Investment"), since its NPV, IRR and payback are the plant's own.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_invest_cli {

// examples/invest-ap60-retrofit.toml: the plant with AP60 cells has IRR 27.6 %, but the retrofit
// is worth less than keeping the old cells (incremental NPV about -390 M USD); the text said only
// "NPV gain over keeping the old cells -3.896e+08 USD" below the plant's IRR (now "-389.6 M USD").
TEST(InvestCli, RetrofitTextSaysWhetherItPaysAgainstKeepingTheOldCells) {
  const std::string retrofit = (source_dir() / "examples" / "invest-ap60-retrofit.toml").string();
  const RunResult j = potline({"invest", retrofit, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const double gain = parse_json(j.out).at("incremental_npv_usd").get<double>();
  ASSERT_LT(gain, 0.0);
  const RunResult text = potline({"invest", retrofit});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  // The gain first, then the plant's own figures saying whose they are (user trial 2026-12-05 (4), CN).
  EXPECT_NE(text.out.find("  retrofit against keeping the old cells: NPV -389.6 M USD (keeping the old cells is worth "
                          "more)\n  the plant with the new cells (the retrofit capex against the whole plant's cash "
                          "flows, not the gain): NPV 1113.6 M USD   IRR 27.63 %"),
            std::string::npos)
      << text.out;
  // A cheaper retrofit pays.
  const RunResult cheap = potline({"invest", retrofit, "--set", "investment.capex=500 USD/t"});
  ASSERT_EQ(cheap.exit_code, 0) << cheap.describe();
  EXPECT_NE(cheap.out.find("retrofit against keeping the old cells: NPV 177.4 M USD (the retrofit pays)\n"), std::string::npos)
      << cheap.out;
  // Its plant runs through the construction (downtime 30 %), so the cumulative cash flow is never
  // negative: no IRR and no payback year, which printed "IRR none   payback never".
  EXPECT_NE(cheap.out.find("IRR none (no year with a net outflow to return)   payback none needed (the cumulative cash "
                           "flow is never negative)"),
            std::string::npos)
      << cheap.out;
}

}  // namespace potline_cli_test::test_invest_cli
