// User trial 7 (2026-12-06), the report's findings: a path's single-year charts name the year they
// draw (T7-14).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_user_trial7_coord {
namespace {

// world-path-2035's cost curve, map, prices, balance and flows are of 2035, the path's last year;
// the subtitles said only the case title and "LME reference 2392 USD/t" beside 2035's prices.
TEST(CliUserTrial7, PathReportSingleYearChartsNameTheirYear) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "path").string();
  const RunResult r = potline({"fleet", example("world-path-2035.toml"), "--out", dir, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_file(std::filesystem::path(dir) / "report.html");
  expect_in(html, "year 2035 (the path's last)");
  expect_in(html, "LME reference 2392 USD/t (the case's 2024 input, not a 2035 price)");
  // A single year's report keeps its plain subtitles.
  const std::string one = (tmp.path() / "one").string();
  ASSERT_EQ(potline({"fleet", example("world-2024.toml"), "--out", one, "--report"}).exit_code, 0);
  const std::string single = read_file(std::filesystem::path(one) / "report.html");
  expect_not_in(single, "the path's last");
  expect_not_in(single, "not a 2024 price");
}

}  // namespace
}  // namespace test_cli_user_trial7_coord
}  // namespace potline_cli_test
