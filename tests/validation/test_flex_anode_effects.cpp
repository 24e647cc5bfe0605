// Anode effects in the flex re-simulation (docs/model/flexibility.md §5): onsets after a power
// increase are counted by hand on a made-up list, and a dynamic run with a feed stop (which starves
// the bath of alumina) reports its anode effects with their overvoltage energy and PFC.
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/flex/reduced_model.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

#include "flex_example_case.hpp"

namespace test_flex_anode_effects {

using namespace potline;

namespace {

// Increases at 2 h (1 → 1.05) and 5 h (0.95 → 1.0); a 2-h window [7,200, 14,400] ∪ [18,000, 25,200]
// s keeps the onsets at 7,300, 9,000, 10,900 and 18,000 s (100 and 15,000 s follow no increase
// within 2 h; 25,300 s is 100 s too late).
TEST(FlexAnodeEffects, OnsetsAfterRampUpByHand) {
  const std::vector<double> shares = {1.0, 1.0, 1.05, 1.05, 0.95, 1.0, 1.0, 1.0};
  const std::vector<double> onsets = {100, 7300, 9000, 10900, 15000, 18000, 25300};
  EXPECT_EQ(flex::onsets_after_ramp_up(onsets, shares, 3600, 7200), 4);
  EXPECT_EQ(flex::onsets_after_ramp_up(onsets, shares, 3600, 0), 1);  // only the onset at the change itself
  // A first share above nominal is an increase at t = 0.
  EXPECT_EQ(flex::onsets_after_ramp_up({100}, {1.05}, 3600, 7200), 1);
  EXPECT_EQ(flex::onsets_after_ramp_up({100}, {0.95}, 3600, 7200), 0);
}

flex::FlexCase feed_stop_case() {
  return potline::testing::flex_example_case("flex-day.toml",
                                             {"disturbance.feed_stop_start=1 h", "disturbance.feed_stop_duration=4 h"});
}

TEST(FlexAnodeEffects, FeedStopAnodeEffectsAreCountedAndCosted) {
  const flex::FlexCase c = feed_stop_case();
  flex::ReducedModel m;
  m.step_s = 3600;
  const std::vector<double> shares(8, 1.05);  // up at t = 0, held 8 h
  const flex::Resimulation r = flex::resimulate(c, m, shares, 3600, flex::case_bounds(c));
  ASSERT_GE(r.ae_count, 1) << "a 4-h feed stop of every feeder starves the bath";
  // Every onset lies within 4 h of the increase at t = 0 or later; the feed stop starts at 1 h.
  // The counts are per cell: the simulated cells' onsets over their number (flex.simulated_cells).
  for (double t : r.trace.ae_onset_s) EXPECT_GT(t, 3600.0);
  long early = 0;
  for (double t : r.trace.ae_onset_s) early += t <= 4 * 3600.0 ? 1 : 0;
  ASSERT_EQ(r.trace.cells, c.dispatch.simulated_cells);
  EXPECT_DOUBLE_EQ(r.ae_count, static_cast<double>(r.trace.ae_onset_s.size()) / r.trace.cells);
  EXPECT_DOUBLE_EQ(r.ae_after_ramp_up, static_cast<double>(early) / r.trace.cells);
  EXPECT_GT(r.ae_energy_J, 0.0);
  EXPECT_GT(r.pfc_co2e_kg, 0.0);
}

}  // namespace
}  // namespace test_flex_anode_effects
