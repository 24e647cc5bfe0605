// Anode-effect statistics with manual quench (ladder row g, docs/validation.md): the automatic-quench
// half of the rung is AnodeEffectStatistics.SeededFeederFaultsGiveSurveyRangeFrequencies.
#include <gtest/gtest.h>

#include "../unit/test_dynamics_helpers.hpp"

namespace test_anode_effect_statistics {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

// 100 cell-weeks (20 AP40 cells, 35 days) with the seeded feeder faults and manual quench: anode
// effects last minutes (the ladder g; [IAI Anode Effect Survey]: manual quench takes
// minutes, automatic quench well under a minute). The quench time drawn is an input (mean 4 min,
// an estimate); the duration that emerges also holds the time until the starved zone recovers.
// The frequency comes from the same faults as with automatic quench (the pfpb_modern profile's
// rates, calibrated to the middle of the survey's range, docs/model/faults.md "Rates"), so it stays
// within that range; the durations are not calibrated.
TEST(AnodeEffectStatistics, ManualQuenchOverAHundredCellWeeksLastsMinutes) {
  const auto c = make_case(read_example("potline-year.toml"),
                           {"run.duration=35d", "potline.cells=20", "control.quench=manual"});
  const auto s = line::run_simulation(c);
  ASSERT_GT(s.ae.count, 5);
  EXPECT_GE(s.ae.mean_duration_s(), 60.0);
  EXPECT_LE(s.ae.mean_duration_s(), 10 * 60.0);
  EXPECT_GE(s.ae.frequency_per_cell_day(), 0.01);
  EXPECT_LE(s.ae.frequency_per_cell_day(), 0.1);
  // Bookkeeping check: AE-minutes per pot-day = frequency × mean duration.
  EXPECT_NEAR(s.ae.minutes_per_cell_day(), s.ae.frequency_per_cell_day() * s.ae.mean_duration_s() / 60.0,
              1e-9 + 1e-6 * s.ae.minutes_per_cell_day());
}
}  // namespace test_anode_effect_statistics
