// Anode effects against independent published numbers (docs/validation.md, ladder rows b, c', g):
// the onset concentration of the critical current density, the bath-average concentration at
// onset when one feeder is stuck, anode-effect statistics of a potline with seeded feeder
// faults, and the bath temperature rise in a manually quenched anode effect (D43). Sources in
// docs/references.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/cell/haupin.hpp"

namespace test_dynamics_anode_effects {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;
using potline::testing_dyn::Recorder;

// Onset concentration of the Piontelli critical current density as tabulated from [Yao et al.
// 2017] eq. A7a for a 1 m² anode at 963 °C: 0.8 wt% at 0.8 A/cm², 0.95 at 0.9, 1.08 at 1.0, and a
// temperature slope of ≈ −0.005 wt%/K. Tolerance 20 % (ladder row b): the published values are
// read to two digits.
TEST(AnodeEffectOnset, FollowsPiontelliValuesAndSlopes) {
  const double T = 963.0 + 273.15, area_m2 = 1.0;
  const double published[][2] = {{0.8, 0.8}, {0.9, 0.95}, {1.0, 1.08}};
  for (const auto& p : published) {
    const double c = cell::haupin::anode_effect_alumina_wt(T, p[0] * 1e4, area_m2);
    EXPECT_NEAR(c, p[1], 0.2 * p[1]) << p[0] << " A/cm2";
  }
  const double slope_T = (cell::haupin::anode_effect_alumina_wt(T + 5.0, 0.9e4, area_m2) -
                          cell::haupin::anode_effect_alumina_wt(T - 5.0, 0.9e4, area_m2)) / 10.0;
  EXPECT_NEAR(slope_T, -0.005, 0.2 * 0.005);
  const double slope_i = (cell::haupin::anode_effect_alumina_wt(T, 1.0e4, area_m2) -
                          cell::haupin::anode_effect_alumina_wt(T, 0.8e4, area_m2)) / 0.2;
  EXPECT_NEAR(slope_i, (1.08 - 0.8) / 0.2, 0.2 * (1.08 - 0.8) / 0.2);
}

// One feeder of four stuck (examples/cell-stuck-feeder.toml): the AE starts in the starved zone
// while the bath average is in the 1.5–2 wt% that industrial models use for the onset (1.8 wt% in
// Haupin's model as used by [Yao et al. 2017]; [Robinson et al. 2023] 2.2 wt%; non-uniform alumina
// as the reason, [Dion et al. 2018]). With every feeder stopped the zones stay equal and the
// bath average at onset is the critical concentration itself (≈ 1.0 wt%; known deviation).
TEST(AnodeEffectOnset, StuckFeederStartsAnAnodeEffectAtAHigherBathAverage) {
  const auto one = line::run_simulation(make_case(read_example("cell-stuck-feeder.toml")));
  ASSERT_GE(one.ae.count, 1);
  EXPECT_GE(one.ae_onset_alumina_wt, 1.5);
  EXPECT_LE(one.ae_onset_alumina_wt, 2.0);
  EXPECT_LT(one.ae_onset_zone_wt, one.ae_onset_alumina_wt - 0.4);
  const auto all = line::run_simulation(
      make_case(read_example("cell-stuck-feeder.toml"), {"disturbance.feed_stop_feeder=0"}));
  ASSERT_GE(all.ae.count, 1);
  EXPECT_NEAR(all.ae_onset_alumina_wt, all.ae_onset_zone_wt, 0.05);
  EXPECT_LT(all.ae_onset_alumina_wt, one.ae_onset_alumina_wt);
  // D5, asserted as a known miss (docs/validation.md note D5): below the published 1.5 wt%, since
  // no published single-anode current scatter was found to raise the most loaded anode's current
  // density. A change that reaches the range must update the row, not this bound.
  EXPECT_LT(all.ae_onset_alumina_wt, 1.5) << "D5 left its known miss: update docs/validation.md";
}

// Seeded faults of the default profile (faults.profile = auto: pfpb_modern for AP40) over 140
// cell-weeks (20 AP40 cells, 49 days, automatic quench): anode-effect frequency within the 0.01–0.1
// per pot-day of modern point-fed prebake cells and automatic-quench durations of 20–90 s ([IAI
// Anode Effect Survey], ladder row g). The profile's rates are CALIBRATED to the middle of that
// frequency range (docs/model/faults.md, "Rates"), so the frequency check shows the calibration
// holds here; the durations and the onset concentration are not calibrated.
TEST(AnodeEffectStatistics, SeededFeederFaultsGiveSurveyRangeFrequencies) {
  const auto c = make_case(read_example("potline-year.toml"), {"run.duration=49d", "potline.cells=20"});
  const auto s = line::run_simulation(c);
  ASSERT_GT(s.feeder_faults, 0);
  EXPECT_GE(s.ae.frequency_per_cell_day(), 0.01);
  EXPECT_LE(s.ae.frequency_per_cell_day(), 0.1);
  EXPECT_GE(s.ae.mean_duration_s(), 20.0);
  EXPECT_LE(s.ae.mean_duration_s(), 90.0);
  EXPECT_GE(s.ae_onset_alumina_wt, 1.5);
  EXPECT_LE(s.ae_onset_alumina_wt, 2.5);
}

// Bath temperature rise in one anode effect quenched by hand (D43): the bath goes from its normal
// 940–955 °C to 980–990 °C while the pole quench lasts its 3–5 minutes ([MXJJ anode effect note],
// Chinese point-fed prebake practice), a rise of 25–50 K between the edges of the two bands. The
// closest catalogue cell is the class of older Chinese prebake lines (CN-PB240); its AEs come from
// the four 6-h all-feeder stops of examples/cell-7d-manual-quench.toml (seed 7: 205–405 s). For
// each AE: the bath at the last row before its onset against the highest bath of the hour that
// follows. AEs of 3–5 min must rise within 25–50 K; every AE within 55 K (the band's top + 10 %;
// the longest AE, 405 s, is longer than the published quench). The AE heat split
// (`dynamics.ae_heat_to_top` = 0.5) is an estimate that was not fitted to this figure
// (docs/model/dynamics.md §2, "Anode-effect heat").
TEST(AnodeEffectHeat, ManualQuenchBathRiseWithinThePublishedBand) {
  Recorder rec;
  const auto s = line::run_simulation(
      make_case(read_example("cell-7d-manual-quench.toml"), {"case.technology=CN-PB240", "run.output_interval=30s"}),
      &rec);
  ASSERT_GE(s.ae.count, 3);
  std::vector<double> starts, durations;
  for (const auto& e : rec.events) {
    if (e.kind == line::EventKind::kAnodeEffectStart) starts.push_back(e.time_s);
    if (e.kind == line::EventKind::kAnodeEffectEnd) durations.push_back(e.value);
  }
  ASSERT_EQ(starts.size(), durations.size());
  int in_band = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    double before = 0, peak = 0;
    for (const auto& r : rec.rows) {
      if (r.time_s <= starts[i]) before = r.mean_temperature_K;
      if (r.time_s > starts[i] && r.time_s <= starts[i] + 3600.0) peak = std::max(peak, r.mean_temperature_K);
    }
    const double rise = peak - before;
    EXPECT_LE(rise, 55.0) << "AE " << i << " of " << durations[i] << " s";
    if (durations[i] >= 180.0 && durations[i] <= 300.0) {
      ++in_band;
      EXPECT_GE(rise, 25.0) << "AE " << i << " of " << durations[i] << " s";
      EXPECT_LE(rise, 50.0) << "AE " << i << " of " << durations[i] << " s";
    }
  }
  EXPECT_GE(in_band, 1);
}
}  // namespace test_dynamics_anode_effects
