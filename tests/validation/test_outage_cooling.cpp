// The course of a 3-hour total outage of one AP40 cell (examples/outage-3h.toml) against published
// outage records (docs/validation.md, "Cell dynamics: the issue-11 ladder", rows e-rate, e-AlF3,
// e-ledge, e-restart, e-Tomago). No published cooling rate, AlF3 rise or ledge growth during an
// outage was readable (searched 2026-12-04: [Dupuis et al. 2007] gives its measured course in
// figures only; [Lalonde et al. 2006], [Dupuis & Tabereaux 2012], Zhao et al. 2011 and Tremblay &
// Leblanc 1989 are cited by title only; [Øye & Sørlie] gives durations, not rates). So:
// - the rates are REGRESSION rows, "not validated (no published figure readable)": the tolerances
//   hold the model where it was measured on 2026-12-04, nothing was tuned to them;
// - the AlF3 rise is checked against the bath's own mass balance (the AlF3 stays in the shrinking
//   liquid while cryolite freezes into the ledge): a consistency check of the model, not a
//   validation;
// - two qualitative published statements are asserted: the first 15–30 minutes cool fastest
//   ([Singh et al. 2026], abstract) and Tomago's sequential 75-minute outages of each potline were
//   ridden through ([Tomago 2017]).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "../unit/test_dynamics_helpers.hpp"

namespace test_outage_cooling {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;
using potline::testing_dyn::Recorder;

namespace {
constexpr double kHour = 3600.0;
constexpr double kOutageStart = 24.0 * kHour;  // examples/outage-3h.toml

// The row nearest to time t (rows every output_interval = 5 min).
const line::Row& row_at(const std::vector<line::Row>& rows, double t) {
  const line::Row* best = &rows.front();
  for (const auto& r : rows) {
    if (std::abs(r.time_s - t) < std::abs(best->time_s - t)) best = &r;
  }
  return *best;
}

struct Course {
  std::vector<line::Row> rows;
  line::Summary summary;
};

Course outage_course(double hours, const std::string& duration = "2d") {
  Recorder rec;
  const auto c = make_case(read_example("outage-3h.toml"),
                           {"potline.outage_duration=" + std::to_string(hours), "run.duration=" + duration});
  Course out;
  out.summary = line::run_simulation(c, &rec);
  out.rows = std::move(rec.rows);
  return out;
}
}  // namespace

// Regression rows (not validated: no published figure readable). examples/outage-3h.toml as the
// user trial ran it (AP40, 3 h off at 24 h, no seeded faults), 2 d instead of 3 d (the course to
// 48 h is the same). Measured 2026-12-04 (mean bath, 5-min rows): 965.7 → 892.4 °C over the outage
// (24.4 K/h; first 30 min 36 K/h, first 15 min 49 K/h; metal pad 964.5 → 906.2 °C, 19.4 K/h), excess AlF3 12.3 → 20.0 wt %, ledge 6.9 → 14.1 cm, bath 3 h
// after the restart 941 °C. Tolerances: ±10 % on the rate and the rises, ±5 K on the temperature
// after the restart — regression bounds, not published ranges.
TEST(OutageCooling, ThreeHourOutageCourseIsTheRecordedRegression) {
  const auto run = outage_course(3.0);
  ASSERT_TRUE(run.summary.complete);
  const auto& before = row_at(run.rows, kOutageStart);
  const auto& end = row_at(run.rows, kOutageStart + 3.0 * kHour);
  const auto& after = row_at(run.rows, kOutageStart + 6.0 * kHour);
  const double rate_K_per_h = (before.mean_temperature_K - end.mean_temperature_K) / 3.0;
  EXPECT_NEAR(rate_K_per_h, 24.4, 2.4);
  EXPECT_NEAR(end.mean_alf3_wt - before.mean_alf3_wt, 7.6, 0.8);
  EXPECT_NEAR((end.mean_ledge_m - before.mean_ledge_m) * 100.0, 7.2, 0.7);
  EXPECT_NEAR(after.mean_temperature_K - 273.15, 941.0, 5.0);
}

// Consistency (not a validation): while the bath freezes into the ledge as cryolite, the AlF3 of
// the bath stays in the remaining liquid, so excess AlF3 × liquid bath mass is nearly conserved
// over the outage (no feeding, no AlF3 additions without current; alumina and CaF2 shift the
// fractions a little). Measured: liquid bath 8.01 → 4.98 t, the product changes by 0.6 %.
TEST(OutageCooling, AlF3RiseFollowsTheFrozenCryolite) {
  const auto run = outage_course(3.0);
  const auto& before = row_at(run.rows, kOutageStart);
  const auto& end = row_at(run.rows, kOutageStart + 3.0 * kHour);
  ASSERT_GT(end.mean_bath_kg, 0.0);
  EXPECT_LT(end.mean_bath_kg, before.mean_bath_kg);  // bath froze into the ledge
  const double alf3_before = before.mean_alf3_wt * before.mean_bath_kg;
  const double alf3_end = end.mean_alf3_wt * end.mean_bath_kg;
  EXPECT_NEAR(alf3_end / alf3_before, 1.0, 0.05);
}

// [Singh et al. 2026] (TMS 2026 abstract, 63 power interruptions on 11 potlines): "the first 15–30
// minutes are critical, with rapid temperature drops". Qualitative: the model's first 30 minutes
// cool faster than the outage's mean rate.
TEST(OutageCooling, FirstHalfHourCoolsFastest) {
  const auto run = outage_course(3.0);
  const auto& before = row_at(run.rows, kOutageStart);
  const auto& half = row_at(run.rows, kOutageStart + 0.5 * kHour);
  const auto& end = row_at(run.rows, kOutageStart + 3.0 * kHour);
  const double first = (before.mean_temperature_K - half.mean_temperature_K) / 0.5;
  const double mean = (before.mean_temperature_K - end.mean_temperature_K) / 3.0;
  EXPECT_GT(first, mean);
}

// [Tomago 2017]: on 10 February 2017 each of Tomago's three potlines was taken off power for 75
// minutes in turn, and the plant ran on (an outage it rode through, with efficiency losses). The
// model's AP40 cell survives a 1.25 h outage and recovers.
TEST(OutageCooling, SeventyFiveMinuteOutageIsRiddenThrough) {
  const auto run = outage_course(1.25);
  ASSERT_TRUE(run.summary.complete);
  ASSERT_EQ(run.summary.windows.size(), 1u);
  const auto& w = run.summary.windows.front();
  EXPECT_EQ(w.cells_not_recovered, 0);
  EXPECT_GE(w.recovery_s, 0.0);
  EXPECT_GT(w.min_superheat_K, -0.5);  // D12: at its liquidus, within the freeze's allowance
}

// User trial T13-5: after a short outage the recovery time did not settle with the seed (0.5 h
// outage, seeds 1-5: 1.8-12.5 h on feed-cycle averages) because the resistance control reached the
// reheat's higher target one 2-mm step per decision and left the bath at the band's edge for hours.
// Since 2026-12-07 the beam raises toward the reheat target after an outage in proportional moves,
// as it follows a power call (docs/model/dynamics.md §4): 1.25-1.50 h (1.25-1.42 h since the hold
// waits for the cell at its target, below). A behaviour check of the
// control (measured, not tuned), not a validation: no published recovery time of a 0.5 h outage.
TEST(OutageCooling, HalfHourOutageRecoveryDoesNotHangOnTheSeed) {
  std::vector<double> recovery_h;
  for (int seed = 1; seed <= 5; ++seed) {
    const auto s = line::run_simulation(make_case(
        read_example("outage-3h.toml"),
        {"potline.outage_duration=0.5h", "run.seed=" + std::to_string(seed), "run.events=none"}));
    ASSERT_EQ(s.windows.size(), 1u);
    ASSERT_GE(s.windows.front().recovery_s, 0.0) << "seed " << seed;
    recovery_h.push_back(s.windows.front().recovery_s / kHour);
  }
  const auto [lo, hi] = std::minmax_element(recovery_h.begin(), recovery_h.end());
  EXPECT_LT(*hi - *lo, 1.0) << "recovery spread over seeds 1-5 (10.7 h before 2026-12-07)";
  EXPECT_LT(*hi, 3.0);
}

// User trial T13-5, the remaining spread (dyn17, 2026-12-07): at 0.75 h seed 5 still took 11.75 h
// and one start of eight along the feed cycle 9.8 h at 0.5 h, four of eight 9.5-13.5 h at 0.25 h.
// Cause: the reheat's hold was counted from the restart, while the lockout after it and the feed
// control's tracking (no beam move in underfeed) kept the beam still for up to 1.5 h, most of a
// short outage's 1.4-2.1 h hold; the bath ended the reheat 2-4 K under the cycle before and
// waited for the next daily reading. Since then the hold is counted from the first resistance
// decision at the raised target (docs/model/dynamics.md §4, "When the reheat's hold starts").
// Measured with the CLI (outage-3h, --set potline.outage_duration=0.75h, seeds 1-5): 2.50 / 2.42 /
// 2.42 / 2.83 / 2.83 h (2.58 / 2.75 / 2.42 / 3.25 / 11.75 h before). A behaviour check of the
// control (measured, not tuned), not a validation: no published recovery time of such an outage.
TEST(OutageCooling, ThreeQuarterHourOutageRecoveryDoesNotHangOnTheSeed) {
  std::vector<double> recovery_h;
  for (int seed = 1; seed <= 5; ++seed) {
    const auto s = line::run_simulation(make_case(
        read_example("outage-3h.toml"),
        {"potline.outage_duration=0.75h", "run.seed=" + std::to_string(seed), "run.events=none"}));
    ASSERT_EQ(s.windows.size(), 1u);
    ASSERT_GE(s.windows.front().recovery_s, 0.0) << "seed " << seed;
    recovery_h.push_back(s.windows.front().recovery_s / kHour);
  }
  const auto [lo, hi] = std::minmax_element(recovery_h.begin(), recovery_h.end());
  EXPECT_LT(*hi - *lo, 1.0) << "recovery spread over seeds 1-5 (9.3 h before)";
  EXPECT_LT(*hi, 3.5);
}

// The same cause along the feed cycle (outage-3h, seed 3, the outage started 0, 17.5, ..., 122.5
// min after 24 h, eighths of the 140-min cycle). Measured with the CLI: 0.25 h 0.00 / 0.04 / 1.25 /
// 1.38 / 1.33 / 1.21 / 1.17 / 0.79 h (before: 0.00 / 0.04 / 10.08 / 13.54 / 11.17 / 9.46 / 1.67 /
// 1.21), 0.5 h 1.25-2.08 h (before 1.33-9.83). A behaviour check, as above.
TEST(OutageCooling, ShortOutageRecoveryDoesNotHangOnTheFeedCyclePhase) {
  for (const char* duration : {"0.25h", "0.5h"}) {
    for (int eighth = 0; eighth < 8; ++eighth) {
      const double start_min = 24 * 60 + 17.5 * eighth;
      const std::vector<std::string> sets = {std::string("potline.outage_duration=") + duration,
                                             "potline.outage_start=" + std::to_string(start_min) + "min",
                                             "run.events=none"};
      const auto s = line::run_simulation(make_case(read_example("outage-3h.toml"), sets));
      ASSERT_EQ(s.windows.size(), 1u);
      const double recovery_h = s.windows.front().recovery_s / kHour;
      EXPECT_GE(recovery_h, 0.0) << duration << ", start " << start_min << " min";
      EXPECT_LT(recovery_h, 3.0) << duration << ", start " << start_min << " min";
    }
  }
}

// control.reheat_raise selects how fast the beam raises toward the reheat's target. A regression of
// a model choice, not a validation (no published recovery read). Measured with the CLI (outage-3h,
// --set potline.outage_duration=0.5h, seeds 1-5): one_step 2.00 / 1.58 / 1.67 / 2.25 / 2.08 h,
// proportional (the default) 1.33 / 1.42 / 1.25 / 1.25 / 1.25 h. one_step read 12.50 / 1.83 /
// 1.92 / 7.75 / 8.17 h while the reheat's hold was counted from the restart (before dyn17,
// 2026-12-07): its slow raise then used up most of the hold.
TEST(OutageCooling, ReheatRaiseOneStepIsSlowerThanTheProportionalDefault) {
  const auto recovery_h = [](const std::string& raise) {
    std::vector<std::string> sets = {"potline.outage_duration=0.5h", "run.seed=1", "run.events=none"};
    if (!raise.empty()) sets.push_back("control.reheat_raise=" + raise);
    const auto s = line::run_simulation(make_case(read_example("outage-3h.toml"), sets));
    EXPECT_EQ(s.windows.size(), 1u);
    return s.windows.empty() ? -1.0 : s.windows.front().recovery_s / kHour;
  };
  const double one_step = recovery_h("one_step");
  EXPECT_NEAR(one_step, 2.00, 0.01);
  const double by_default = recovery_h("");
  EXPECT_NEAR(by_default, 1.33, 0.01);  // proportional, the default
  EXPECT_GT(one_step, by_default);
  EXPECT_DOUBLE_EQ(recovery_h("proportional"), by_default);
}
}  // namespace test_outage_cooling
