// Grade over time (src/potline/purity_track.cpp): the metal pad as a well-mixed tank of Fe and Si
// fed per kg produced and by events, emptied by taps. Hand computations of the tank, its
// conservation, and the seeded random events.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"
#include "potline/potline/purity_track.hpp"

namespace potline::line::test_grade_track {
namespace {

constexpr double kDay = constants::kSecondsPerDay;
constexpr double kPad = 10000;   // kg of metal left after a tap (test assumption)
constexpr double kDaily = 1300;  // kg made and tapped a day

PurityTrackSettings settings() {
  PurityTrackSettings s;
  s.enabled = true;
  s.fe_kg_per_kg = 3e-4;  // 0.3 kg Fe and Si per t Al: a P0406-like balance
  s.si_kg_per_kg = 3e-4;
  s.events.stub_dip_fe_kg = 5;
  s.events.cathode_fe_kg_per_s = 10 / kDay;
  return s;
}

/// Daily taps of cell 0 for `days` days: each day makes kDaily and taps it back to kPad.
void run_days(const PurityTrackSettings& s, PurityCell& p, int days, int first_day = 1) {
  for (int d = first_day; d < first_day + days; ++d) {
    purity_on_tap(s, p, d * kDay, 0, kPad + kDaily, kDaily, d * kDaily, kPad);
  }
}

TEST(GradeTrack, PadAtTheBalancesSteadyCompositionTapsIt) {
  PurityTrackSettings s = settings();
  s.fe_kg_per_kg = 3.5e-4;  // 0.035 % Fe and Si: P0406 (Si < 0.04 %, Fe < 0.06 %), not P0303
  s.si_kg_per_kg = 3.5e-4;
  PurityCell p;
  run_days(s, p, 10);
  ASSERT_EQ(p.taps.size(), 10u);
  const double steady = 3.5e-4 / (1 + 7e-4);  // the purity model's x = m/(1000 + m_Fe + m_Si) per t
  for (const TapRecord& r : p.taps) {
    EXPECT_NEAR(r.fe, steady, 1e-15);
    EXPECT_NEAR(r.si, steady, 1e-15);
  }
  const PuritySummary sum = summarise_purity(s, {&p});
  EXPECT_NEAR(sum.steady_fe, steady, 1e-15);
  EXPECT_NEAR(sum.mean_fe, steady, 1e-15);
  EXPECT_DOUBLE_EQ(sum.share_by_grade[2], 1.0);  // slot 2 = P0406 (grade table, purest first)
  EXPECT_LT(sum.fe_balance_error_kg, 1e-12);
}

TEST(GradeTrack, ScheduledStubDipRaisesTheNextTapAndWashesOutTapByTap) {
  PurityTrackSettings s = settings();
  s.events.stub_dip_time_s = 1.5 * kDay;
  s.events.stub_dip_cell = 1;
  PurityCell p;
  run_days(s, p, 6);
  ASSERT_EQ(p.stub_dips, 1);
  // Hand computation: the excess 5 kg mixes into the pad before the day-2 tap; each tap removes
  // its share of the pad's mass, kDaily / (kPad + kDaily) of the excess.
  const double share = kDaily / (kPad + kDaily);
  double excess = 5;
  const double base = p.taps[0].fe;
  for (std::size_t k = 1; k < p.taps.size(); ++k) {
    const double total = kPad + kDaily + (3e-4 + 3e-4) * (kPad + kDaily) + excess;
    const double fe = (3e-4 * (kPad + kDaily) + excess) / total;
    EXPECT_NEAR(p.taps[k].fe, fe, 1e-12) << "tap " << k;
    excess *= 1 - share;
  }
  EXPECT_GT(p.taps[1].fe, base + 3.5e-4);  // 5 kg in 11.3 t: +0.044 wt% at the tap after the dip
  EXPECT_LT(summarise_purity(s, {&p}).fe_balance_error_kg, 1e-12);
}

TEST(GradeTrack, CathodeFailureLiftsIronToTheNewSteadyState) {
  PurityTrackSettings s = settings();
  s.events.cathode_failure_time_s = 0.5 * kDay;
  s.events.cathode_failure_cell = 1;
  PurityCell p;
  run_days(s, p, 80);
  EXPECT_TRUE(p.cathode_failed);
  // Steady state: per day kDaily x 3e-4 + 10 kg in, the tap's share of the pad out, so the pad's
  // Fe/Al ratio tends to (kDaily x 3e-4 + 10) / kDaily.
  const double ratio = (kDaily * 3e-4 + 10) / kDaily;
  const double fe = ratio / (1 + ratio + 3e-4);
  EXPECT_NEAR(p.taps.back().fe, fe, 1e-4 * fe);
  EXPECT_GT(p.taps.back().fe, 0.0060);  // 0.77 wt%: no longer P1020 (Fe ≤ 0.20 %)
  const PuritySummary sum = summarise_purity(s, {&p});
  EXPECT_EQ(sum.cathode_failures, 1);
  EXPECT_GT(sum.share_by_grade[5], 0.9);  // below P1020 most of the run
  EXPECT_LT(sum.fe_balance_error_kg, 1e-9);
}

TEST(GradeTrack, RandomEventsAreSeededPerCellAndNearTheirRate) {
  PurityTrackSettings s = settings();
  s.events.stub_dip_per_s = 12.0 / constants::kSecondsPerYear;  // input: 12 per pot-year
  std::vector<PurityCell> cells(20);
  for (std::uint32_t c = 0; c < cells.size(); ++c)
    for (int d = 1; d <= 365; ++d)
      purity_on_tap(s, cells[c], d * kDay, c, kPad + kDaily, kDaily, d * kDaily, kPad);
  long dips = 0;
  for (const auto& c : cells) dips += c.stub_dips;
  // 20 pot-years at 12 a year: 240 expected, Poisson sd 15.5; 4 sd either way.
  EXPECT_GT(dips, 240 - 62);
  EXPECT_LT(dips, 240 + 62);
  long fewest = dips, most = 0;
  for (const auto& c : cells) {
    fewest = std::min(fewest, c.stub_dips);
    most = std::max(most, c.stub_dips);
  }
  EXPECT_LT(fewest, most);  // each cell draws its own stream
  PurityCell again;
  for (int d = 1; d <= 365; ++d)
    purity_on_tap(s, again, d * kDay, 0, kPad + kDaily, kDaily, d * kDaily, kPad);
  EXPECT_EQ(again.stub_dips, cells[0].stub_dips);
  EXPECT_EQ(again.taps.back().fe, cells[0].taps.back().fe);
}

TEST(GradeTrack, TapsCsvNamesEachTapsGrade) {
  PurityTrackSettings s = settings();
  s.events.cathode_failure_time_s = 0.5 * kDay;
  PurityCell p;
  run_days(s, p, 3);
  const std::string csv = purity_taps_csv(summarise_purity(s, {&p}));
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "time_h,cell,tapped_kg,fe_wt_pct,si_wt_pct,grade");
  EXPECT_NE(csv.find("\n24,1,"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
}

}  // namespace
}  // namespace potline::line::test_grade_track
