// The recovery of an event window (docs/model/dynamics.md §6, "Event windows"; user trial T12-2):
// judged on the bath temperature averaged over one feed cycle, against the same average before the
// window, held for a dwell. Synthetic bath courses fed to the window tracker step by step, so the
// filter is tested apart from the cell model.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "../../src/potline/line_internal.hpp"

namespace test_recovery_filter {

using namespace potline;
using line::detail::CellRun;
using line::detail::RecoverySettings;
using line::detail::Window;

namespace {
constexpr double kStep_s = 5.0;
constexpr double kCycle_s = 140.0 * 60.0;  // the AP40 defaults' nominal feed cycle

RecoverySettings settings() {
  control::ControllerSettings cs;
  cs.underfeed_factor = 0.7;
  cs.overfeed_factor = 1.4;
  cs.overfeed_duration_s = 3600.0;
  return line::detail::recovery_settings(cs, kStep_s);
}

// A bath at 965 °C swinging ±amplitude with the feed cycle (phase 0 at t = 0); from `start` for
// `length` it cools at 36 K/h, then returns to 965 °C with a time constant of 1.5 h.
struct Course {
  double start_s, length_s, amplitude_K;
  double at(double t) const {
    double T = 1238.15 + amplitude_K * std::sin(2.0 * std::numbers::pi * t / kCycle_s);
    if (t < start_s) return T;
    const double drop = 0.01 * std::min(t - start_s, length_s);
    const double after = std::max(0.0, t - start_s - length_s);
    return T - drop * std::exp(-after / 5400.0);
  }
};

// The recovery [s] the tracker reports for one window of the course (< 0: not recovered).
double recovery_s(const Course& course, double run_s, bool step_window = false) {
  const RecoverySettings rs = settings();
  const double end_s = step_window ? course.start_s : course.start_s + course.length_s;
  const std::vector<Window> windows = {
      Window{step_window ? "current_step" : "outage", course.start_s, end_s}};
  CellRun run;
  run.windows.resize(1);
  for (double t = kStep_s; t <= run_s + 1e-9; t += kStep_s) {
    line::detail::track_windows(windows, rs, run, t, kStep_s, course.at(t), 5.0, 0.065);
  }
  return run.windows.front().recovered_after_s;
}

// The former rule on the same course: the first step after the end within 2 K of the temperature at
// the start (until 2026-12-06).
double instantaneous_recovery_s(const Course& course) {
  const double pre = course.at(course.start_s);
  const double end_s = course.start_s + course.length_s;
  for (double t = end_s; t < end_s + 86400.0; t += kStep_s) {
    if (std::fabs(course.at(t) - pre) <= 2.0) return t - end_s;
  }
  return -1.0;
}
}  // namespace

TEST(RecoveryFilter, AveragesOverOneNominalFeedCycleAgainstTheCycleBefore) {
  const RecoverySettings rs = settings();
  EXPECT_DOUBLE_EQ(rs.bin_s, 300.0);
  EXPECT_EQ(rs.bins, 28u);  // 140 min: 60 min × (1 + 0.4/0.3)
  EXPECT_DOUBLE_EQ(rs.average_s(), kCycle_s);
  EXPECT_EQ(rs.reference_bins, 28u);  // the same cycle before the window
  EXPECT_DOUBLE_EQ(rs.dwell_s, 1800.0);
}

// The point of the filter: an outage shifted by fractions of a feed cycle reports nearly the same
// recovery, while the former rule (first instant within 2 K of the instant at the start) moves by
// hours with the phase of the ±1.8 K swing. Tolerance 0.25 h: the 5-min bins, and what is left of a
// swing the boxcar over exactly one period removes (the dip itself is phase-free here).
TEST(RecoveryFilter, OutageShiftedAlongTheFeedCycleReportsTheSameRecovery) {
  std::vector<double> filtered, instantaneous;
  for (int k = 0; k < 8; ++k) {
    const Course course{24 * 3600.0 + k * kCycle_s / 8.0, 1800.0, 1.8};
    filtered.push_back(recovery_s(course, 3 * 86400.0));
    instantaneous.push_back(instantaneous_recovery_s(course));
  }
  const auto [fmin, fmax] = std::minmax_element(filtered.begin(), filtered.end());
  const auto [imin, imax] = std::minmax_element(instantaneous.begin(), instantaneous.end());
  EXPECT_GT(*fmin, 3600.0);  // the 18 K dip needs hours, not 0 h
  EXPECT_LT(*fmax - *fmin, 0.25 * 3600.0) << *fmin / 3600 << " – " << *fmax / 3600 << " h";
  EXPECT_GT(*imax - *imin, 1.0 * 3600.0) << *imin / 3600 << " – " << *imax / 3600 << " h";
}

// A bath that settles 2.5 K below where it was never counts as back, however its swing crosses the
// band; one that settles 1 K below does.
TEST(RecoveryFilter, ASwingAcrossTheBandIsNotARecovery) {
  struct Offset : Course {
    double offset_K;
    double at(double t) const { return Course::at(t) - (t > start_s ? offset_K : 0.0); }
  };
  const RecoverySettings rs = settings();
  for (const double offset : {2.5, 1.0}) {
    const Offset course{{24 * 3600.0, 1800.0, 1.8}, offset};
    const std::vector<Window> windows = {
        Window{"outage", course.start_s, course.start_s + course.length_s}};
    CellRun run;
    run.windows.resize(1);
    for (double t = kStep_s; t <= 3 * 86400.0; t += kStep_s) {
      line::detail::track_windows(windows, rs, run, t, kStep_s, course.at(t), 5.0, 0.065);
    }
    if (offset > 2.0) {
      EXPECT_LT(run.windows.front().recovered_after_s, 0.0);
    } else {
      EXPECT_GT(run.windows.front().recovered_after_s, 3600.0);
    }
  }
}

// The swing printed beside the recovery: max − min of the instantaneous bath over the cycle before
// the start, here twice the ±1.8 K amplitude.
TEST(RecoveryFilter, RecordsTheSwingOverTheCycleBefore) {
  const Course course{24 * 3600.0, 1800.0, 1.8};
  const std::vector<Window> windows = {Window{"outage", course.start_s, course.start_s + course.length_s}};
  CellRun run;
  run.windows.resize(1);
  for (double t = kStep_s; t <= 25 * 3600.0; t += kStep_s) {
    line::detail::track_windows(windows, settings(), run, t, kStep_s, course.at(t), 5.0, 0.065);
  }
  EXPECT_NEAR(run.windows.front().pre_swing_K, 3.6, 0.01);
}

// A current step (a window of zero length) whose average never leaves the band: 0 h once its 24 h
// after are over, however large the instantaneous swing around it (±1.8 K here).
TEST(RecoveryFilter, StepThatNeverMovesTheAverageIsZero) {
  const Course course{24 * 3600.0, 0.0, 1.8};
  EXPECT_EQ(recovery_s(course, 2.5 * 86400.0, true), 0.0);
}

}  // namespace test_recovery_filter
