// User trial 12 (2026-12-06), T12-10, asserted as fixed end to end: the report's tables print money
// in fixed notation and floating-point noise as 0.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial12_report {
namespace {

// Before: the table of every summary value printed "npv_usd -3.59045e+08" and "capex_usd 3.3e+09".
TEST(CliTrial12Report, ReportTablesPrintMoneyWithoutExponent) {
  TempDir dir;
  const auto run = dir.path() / "inv";
  const auto r = potline({"invest", example("invest-new-build.toml"), "--out", run.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_report(run / "report.html");
  const auto at = html.find("Every summary value");
  ASSERT_NE(at, std::string::npos);
  const std::string table = html.substr(at, html.find("</details>", at) - at);
  std::smatch m;
  EXPECT_FALSE(std::regex_search(table, m, std::regex(R"(>-?[0-9.]+e[+-][0-9]+<)"))) << m.str();
  EXPECT_TRUE(std::regex_search(table, std::regex(R"(>npv_usd</td><td[^>]*>-?[0-9]{9}<)"))) << table.substr(0, 2000);
}

}  // namespace
}  // namespace test_cli_trial12_report
}  // namespace potline_cli_test
