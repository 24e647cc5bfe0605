// User trial 11 (2026-12-06), T11-9, asserted as fixed end to end: a bath that starts at or above its
// alumina saturation at the start temperature is said (simulate and cell --thermal) and starts with
// the excess undissolved (docs/model/dynamics.md, "Initial state").
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial11_saturation {
namespace {

// T11-9. Before: 9.00 wt% dissolved at 941.3 °C (saturation 7.52 wt%) with no word; `cell --thermal`
// warned only at the case's 965 °C.
TEST(CliTrial11Saturation, BathStartingAboveSaturationIsSaidAndStartsWithTheExcessUndissolved) {
  TempDir dir;
  const auto run = dir.path() / "al9";
  const auto r = potline({"simulate", example("cell-7d.toml"), "--set", "bath.alumina=9", "--set", "run.duration=1 h",
                          "-q", "--out", run.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "warning: 'bath.alumina': at the start of the run: alumina 9 wt% is at or above its saturation 7.521 "
                   "wt% (Skybakmoen et al. 1997) at 941.3 °C");
  expect_in(r.err, "The cells start at 941.3 °C (thermal_calibration in the summary) with the saturation's alumina "
                   "dissolved and the rest of the 9 wt% undissolved");
  const auto rows = lines_of(read_file(run / "timeseries.csv"));
  ASSERT_GE(rows.size(), 2u);
  const auto header = csv_cells(rows[0]);
  const auto first = csv_cells(rows[1]);
  EXPECT_NEAR(std::stod(first[column(header, "Mean alumina [wt%]")]), 7.521, 0.001);
  EXPECT_GT(std::stod(first[column(header, "Mean undissolved alumina [kg]")]), 100.0);

  const auto cell = potline({"cell", default_case(), "--set", "bath.alumina=9", "--thermal"});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  expect_in(cell.err, "warning: in the thermal steady state: alumina 9 wt% is at or above its saturation 7.521 wt% "
                      "(Skybakmoen et al. 1997) at 941.3 °C");
}

}  // namespace
}  // namespace test_cli_trial11_saturation
}  // namespace potline_cli_test
