// An amperage change shows its thermal consequence in the dynamic model as in the steady state
// (issue 11 part 7; docs/model/dynamics.md, "Thermal calibration"): simulate at ±5 % of AP40's
// catalogue current against `potline cell --thermal` at the same points. A consistency check of the
// dynamic model (feed and tapping cycles, anode changes, the pot controller) against the steady-state
// heat balance of the same heat-loss network, not a comparison with published data.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/api/case_commands.hpp"

namespace test_dynamics_thermal_calibration {

using namespace potline;

namespace {
struct Point {
  double run_superheat_K;     ///< time mean over the 7 days
  double last_day_ledge_cm;   ///< mean of the rows of the last day
  double thermal_superheat_K;  ///< cell --thermal
  double thermal_ledge_cm;
};

Point at_current(const std::string& current) {
  const std::string set = "operation.line_current=" + current;
  testing_dyn::Recorder rec;
  const auto c = testing_dyn::make_case(testing_dyn::read_example("cell-7d.toml"), {set});
  const line::Summary s = line::run_simulation(c, &rec);
  double ledge = 0;
  int n = 0;
  for (const line::Row& r : rec.rows) {
    if (r.time_s < 6 * 86400.0) continue;
    ledge += r.mean_ledge_m * 100;
    ++n;
  }
  const api::CaseSource source{"", std::string("[case]\ntechnology = \"AP40\"\n"), "<test>", {set}, ""};
  const io::Json t = api::cell_thermal_summary(api::run_cell(source), source);
  return {s.mean_superheat_K, ledge / std::max(n, 1), t.at("superheat_K").get<double>(), t.at("ledge_cm").get<double>()};
}
}  // namespace

// ±5 % current (380 and 420 kA against the catalogue's 400 kA). Measured 2026-12-05: mean superheat
// 5.27 / 8.15 K against cell --thermal's 5.32 / 8.16 K; last-day ledge 11.6 / 2.8 cm against 12.6 /
// 3.1 cm (at 400 kA the run's ledge settles 0.5 cm below its 6.5 cm start too: the cycles, not the
// calibration). Tolerances: 0.5 K on the mean superheat, 15 % on the superheat shift between the two,
// 1.5 cm on the ledge (the 400 kA run's own drift plus margin). Before the change (calibrated at each
// run's own point) the run gave 6.79 / 6.96 K: a shift of 0.17 K against 2.84 K.
TEST(DynamicsThermalCalibration, FivePercentAmperageMovesSuperheatAsTheHeatBalance) {
  const Point low = at_current("380 kA");
  const Point high = at_current("420 kA");
  for (const Point& p : {low, high}) {
    EXPECT_NEAR(p.run_superheat_K, p.thermal_superheat_K, 0.5);
    EXPECT_NEAR(p.last_day_ledge_cm, p.thermal_ledge_cm, 1.5);
  }
  const double run_shift = high.run_superheat_K - low.run_superheat_K;
  const double thermal_shift = high.thermal_superheat_K - low.thermal_superheat_K;
  EXPECT_GT(run_shift, 0.0);
  EXPECT_NEAR(run_shift, thermal_shift, 0.15 * thermal_shift);
  EXPECT_GT(low.last_day_ledge_cm, high.last_day_ledge_cm + 5.0);
}

}  // namespace test_dynamics_thermal_calibration
