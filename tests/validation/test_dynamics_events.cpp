// Disturbances and their event windows (docs/validation.md ladder rows d, e, f and the part-8 metrics):
// the outage ladder, the window metrics of an outage, the undisturbed baseline in its window and
// the reheat practice after an outage.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../unit/test_dynamics_helpers.hpp"

namespace test_dynamics_events {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {
line::Summary outage_run(double hours, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> sets = {"potline.outage_duration=" + std::to_string(hours), "run.duration=2d",
                                   "faults.profile=none", "feeders.choke_rate=0", "feeders.partial_rate=0"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return line::run_simulation(make_case(read_example("outage-3h.toml"), sets));
}
}  // namespace

// Outage ladder (ladder row e). Plant reports ([Øye & Sørlie]): 0.5 h harmless, 2–4 h
// manageable, ≥ 5 h large problems (a 5.5 h outage froze a potline). Asserted: no cell freezes up
// to 5 h and every such cell recovers to within 2 K of its pre-outage temperature; an 8 h outage
// freezes the bath (SimulationStopped) 5–6 h after the stop (measured 5.9 h with the metal pad's
// own temperature, so the 6 h outage freezes too, just before the restart; 6.5 h with bath and
// metal lumped). The bath never falls more than 0.5 K below its liquidus (D12: a liquid bath in
// contact with its own solid is at or above its liquidus; 0.5 K is the freeze relaxation's allowance,
// cooling rate × dynamics.undercooling_time ≈ 0.35 K; measured −0.4 K, −2.1 K with the former 10 min).
TEST(OutageLadder, SurvivesUpToFiveHoursAndFreezesWithinFiveToSix) {
  double previous_min = 2000.0;
  for (const double hours : {0.5, 2.0, 4.0, 5.0}) {
    SCOPED_TRACE(hours);
    const auto s = outage_run(hours);
    ASSERT_EQ(s.windows.size(), 1u);
    const auto& w = s.windows.front();
    EXPECT_EQ(w.kind, "outage");
    EXPECT_LT(w.min_temperature_K, previous_min);  // longer outages cool further
    previous_min = w.min_temperature_K;
    EXPECT_GE(w.recovery_s, 0.0);
    EXPECT_EQ(w.cells_not_recovered, 0);
    EXPECT_GT(w.min_superheat_K, -0.5);  // D12
  }
  try {
    outage_run(8.0, {"run.duration=3d"});
    ADD_FAILURE() << "an 8 h outage did not freeze the bath";
  } catch (const line::SimulationStopped& e) {
    EXPECT_EQ(e.reason, line::StopReason::kBathFrozen);
    EXPECT_GT(e.time_s, (24.0 + 5.0) * 3600.0);
    EXPECT_LT(e.time_s, (24.0 + 6.0) * 3600.0);
  }
}

// The outage ladder as one example (examples/outage-ladder.toml: 0.5, 2, 4 and 5 h on one AP40
// cell, six days apart, each written as a step to zero current and back): every outage is an
// "outage" window [off, on], no cell freezes, each recovers, the minima fall with the length and
// agree with the separate runs above (measured 947.6 / 912.1 / 871.7 / 856.6 °C against 947.6 /
// 912.5 / 873.5 / 855.8 °C; tolerance 2 K: the seeded noise of the daily bath reading differs, so the
// heat-balance loop starts each outage from another point (965.5 against 966.4 °C before the 4 h
// one), and the cell keeps a little of the previous outages; 1.5 K before 2026-12-05, when the fixed
// reheat gave 872.9 °C there). The reheat scaled to the heat deficit (docs/model/dynamics.md §4)
// neither overheats the bath nor thins the ledge below the window: measured bath maxima 967.7 /
// 967.7 / 968.8 / 970.5 °C, ledge minima 6.61 / 6.54 / 6.01 / 5.92 cm (with the former fixed 8 h
// reheat after every outage: 977.1 / 971.6 / 973.1 / 972.3 °C and 3.94 / 5.94 / 5.08 / 4.96 cm).
// With the 1-min undercooling freeze and the heat feed-forward default (nil at the nominal current;
// re-measured 2026-12-07): minima 948.3 / 911.6 / 872.4 / 856.6 °C, bath maxima 965.7 / 967.2 /
// 968.9 / 971.5 °C, ledge minima 6.5 / 6.4 / 5.6 / 5.3 cm; the ledge bound asserted is the window's
// 5 cm itself (5.5 cm, a margin above it, before).
TEST(OutageLadder, ExampleRunsTheLadderOnOneCell) {
  const auto s = line::run_simulation(make_case(read_example("outage-ladder.toml")));
  EXPECT_TRUE(s.complete);
  ASSERT_EQ(s.windows.size(), 4u);
  const double hours[] = {0.5, 2.0, 4.0, 5.0};
  const double alone_degC[] = {947.6, 912.5, 873.5, 855.8};
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(hours[i]);
    const auto& w = s.windows[i];
    EXPECT_EQ(w.kind, "outage");
    EXPECT_NEAR(w.end_s - w.start_s, hours[i] * 3600.0, 1.0);
    EXPECT_NEAR(w.min_temperature_K - 273.15, alone_degC[i], 2.0);
    EXPECT_LT(w.max_temperature_K - 273.15, 972.0);  // at most ≈ 6 K above the 965.7 °C before
    EXPECT_GT(w.min_ledge_m, 0.05);                  // the window's 5 cm
    EXPECT_EQ(w.cells_not_recovered, 0);
    EXPECT_GT(w.recovery_s, 0.0);
    EXPECT_GT(w.min_superheat_K, -0.5);  // D12
  }
}

// A current step is a window of zero length; its recovery counts only after the bath has left the
// ±2 K band around its temperature at the step. Before the fix cell-modulation's steps reported
// 0.0 h (the bath had not moved at the step itself) while the superheat fell to 0.35 K.
TEST(EventWindows, CurrentStepRecoveryCountsOnlyAfterTheBathHasMoved) {
  const auto s = line::run_simulation(make_case(read_example("cell-modulation.toml")));
  ASSERT_EQ(s.windows.size(), 2u);
  for (const auto& w : s.windows) {
    EXPECT_EQ(w.kind, "current_step");
    EXPECT_GT(w.max_temperature_K - w.min_temperature_K, 4.0);  // the bath left the band
    EXPECT_TRUE(w.recovery_s < 0.0 || w.recovery_s > 3600.0) << w.recovery_s;  // not 0 h
  }
}

// Window metrics of the 3-hour outage: the extremes bracket the course, recovery comes hours after
// the restart, and reheat (target voltage raised after the outage) shortens it.
TEST(EventWindows, OutageMetricsAndReheat) {
  const auto with = outage_run(3.0);
  const auto without = outage_run(3.0, {"control.reheat_voltage=0"});
  ASSERT_EQ(with.windows.size(), 1u);
  const auto& w = with.windows.front();
  EXPECT_NEAR(w.start_s, 24 * 3600.0, 1.0);
  EXPECT_NEAR(w.end_s, 27 * 3600.0, 1.0);
  EXPECT_LT(w.min_temperature_K, w.max_temperature_K - 20.0);
  EXPECT_GT(w.max_ledge_m, w.min_ledge_m + 0.02);
  EXPECT_GT(w.recovery_s, 3600.0);
  ASSERT_EQ(without.windows.size(), 1u);
  const double no_reheat = without.windows.front().recovery_s;
  EXPECT_TRUE(no_reheat < 0.0 || w.recovery_s < no_reheat) << w.recovery_s << " vs " << no_reheat;
}

// The undisturbed baseline (cell-7d, no faults) stays in its superheat/ledge window as judged on
// daily running means (window.averaging, docs/model/dynamics.md §6).
TEST(EventWindows, UndisturbedBaselineIsInWindow) {
  const auto s = line::run_simulation(
      make_case(read_example("cell-7d.toml"), {"faults.profile=none", "feeders.choke_rate=0", "feeders.partial_rate=0"}));
  EXPECT_EQ(s.cells_out_of_window, 0);
  EXPECT_EQ(s.cell_hours_out_of_window, 0.0);
  EXPECT_TRUE(s.windows.empty());
}

// Issue 11 part 8: the undisturbed potline (potline-year, seeded spread, feeder faults; 6 cells ×
// 8 d here) is in window on daily means, while its instantaneous thin-ledge episodes stay visible in
// the summary (ledge minimum below the window's 5 cm). Measured: 4 h means 2 of 6 cells out for
// 48.7 cell-hours, daily means none; ledge minimum 3.6 cm either way.
TEST(EventWindows, UndisturbedPotlineIsInWindowOnDailyMeans) {
  const auto s = line::run_simulation(make_case(
      read_example("potline-year.toml"), {"potline.cells=6", "run.duration=8d", "run.events=none", "run.threads=1"}));
  EXPECT_EQ(s.cells_out_of_window, 0);
  EXPECT_LT(s.min_ledge_m, 0.05);
}

// Ladder row d: a 3-hour total outage of a 240 kA-class cell after [Dupuis et al. 2007] (4 h
// voltage preheat, 3 h off, 8 h reheat). The catalogue has no VAW CA240; A697 (228 kA) stands in.
// Asserted: the cell survives and recovers, the preheat raises the minimum, and the bath never
// falls more than 3 K below the liquidus of its changing composition. Measured: minimum 904.0 °C
// with a 0.3 V preheat (estimate: the published preheat voltage is not read), 897.0 °C without
// (913.1 and 907.0 °C with bath and metal lumped); back at its 965 °C operating point (below). The
// published figure (measured and simulated bath temperature, Figure 4 of the manuscript) is
// readable only as its axes, 910–980 °C: the model's minimum lies below the floor, asserted as a
// known miss (docs/validation.md D28), and its maximum under the top.
TEST(OutageDupuis2007, ThreeHourOutageOfA240kAClassCellWithPreheatAndReheat) {
  const auto run = [](double preheat_V) {
    return line::run_simulation(make_case("[case]\ntechnology = \"A697\"\n",
                                          {"run.duration=2d", "run.seed=5", "run.events=none",
                                           "potline.outage_start=4h", "potline.outage_duration=3h",
                                           "control.preheat_time=4h", "control.reheat_hold=8h",
                                           "control.preheat_voltage=" + std::to_string(preheat_V)}));
  };
  const auto with = run(0.3), without = run(0.0);
  ASSERT_EQ(with.windows.size(), 1u);
  const auto& w = with.windows.front();
  EXPECT_TRUE(with.complete);
  EXPECT_GT(w.min_superheat_K, -0.5);  // D12
  // The reheat brings the cell back to its operating point (965.0 °C), not to the 973.8 °C the
  // preheat had raised it to: measured 964.96 °C at the end (48 h), 967.6 °C 13 h after the
  // restart, maximum 973.8 °C (the preheated start of the window). With the former fixed reheat and
  // the heat-balance loop adding on top the bath overshot to 974.0 °C and stayed near 972 °C for a
  // day, so "within 2 K of the pre-outage 973.8 °C" came 12.8 h after the restart; now it never
  // comes. Since the feed cycle is centred on the design alumina (2026-12-06, user trial T10-1) the
  // end is 962.0 °C (superheat 7.6 K: the bath still carries 12.3 wt% AlF3 from the outage and is at
  // 2.9 wt% alumina in its cycle, liquidus 954.4 °C; the heat-balance loop returns the temperature
  // over its 3-d integral time), 965.3 °C with the feed control at ≈ 1.9 wt% before; 3.5 K
  // separates it from the preheated 973.8 °C all the same.
  EXPECT_NEAR(with.final_mean_temperature_K - 273.15, 965.0, 3.5);
  EXPECT_GT(w.min_temperature_K, without.windows.front().min_temperature_K + 2.0);
  EXPECT_LT(with.energy_balance_error, 5e-3);
  const double min_degC = w.min_temperature_K - 273.15;
  EXPECT_LT(min_degC, 910.0);  // known miss: below the published plot's axis floor
  EXPECT_GT(min_degC, 900.0);  // so that a change shows
  EXPECT_LT(w.max_temperature_K - 273.15, 980.0);
}

// Ladder row f (−5 % held, fixed ACD target, no heat exchangers) over an ensemble of seeds, not one:
// AP40 single cell (cell-7d), 14 d, step at 12 h, no feeder faults, daily means. The seed moves the
// noise of the daily bath-temperature reading (σ = 2 K) that drives the heat-balance loop and the
// controller's other seeded draws; one cell has no heat-loss spread (potline.spread_* needs > 1
// cell). −5 % at 380 kA needs about the 200 mV limit of the heat-balance loop
// (control.temperature_max_offset, an estimate). Measured (2026-12-04), seeds 1–10:
// - before the anti-windup fix (integral clamped to limit − proportional, so readings taken at the
//   limit dragged it down): seeds 1, 2, 4, 6 left on the thick-ledge bound for 97.3 / 53.2 / 96.4 /
//   91.2 cell-hours;
// - with the anti-windup fix (integral state clamped to ±limit, no integration while the
//   proportional part alone saturates the output; src/control/pot_controller_heat.cpp,
//   docs/model/dynamics.md §4 and §6): every seed in window (0 h), instantaneous ledge 6.3–11.0 cm,
//   daily-mean ledge at most 9.8 cm (seed 10: a thin margin); the undisturbed runs unchanged (0 h,
//   ledge 4.5–9.3 cm: they never reach the limit). Proportional only (T_i = 0, unchanged) every seed leaves (seeds 1–3: 163.9 / 172.2 /
//   156.8 h).
// Asserted: baselines and every −5 % run in window, instantaneous ledge within 5–11.5 cm;
// proportional only out for more than a day (seeds 1–3).
// Runtime: 23 single-cell runs of 14 d (0.9 s in a Release build).
TEST(EventWindows, MinusFivePercentHeldTwoWeeksInWindowForEverySeed) {
  const auto run = [](int seed, bool step, const std::string& integral_time) {
    // Ladder row f holds the ACD target fixed: the heat feed-forward (on by default since 2026-12-06) off.
    std::vector<std::string> sets = {"run.duration=14d",       "faults.profile=none", "feeders.choke_rate=0",
                                     "feeders.partial_rate=0", "run.events=none", "control.heat_feedforward=0",
                                     "run.seed=" + std::to_string(seed),
                                     "control.temperature_integral_time=" + integral_time};
    if (step) sets.emplace_back("potline.current_steps=12 h 0.95");
    return line::run_simulation(make_case(read_example("cell-7d.toml"), sets));
  };
  for (int seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE(seed);
    const auto baseline = run(seed, false, "3");
    EXPECT_EQ(baseline.cell_hours_out_of_window, 0.0);
    const auto minus5 = run(seed, true, "3");
    EXPECT_TRUE(minus5.complete);
    EXPECT_EQ(minus5.cells_out_of_window, 0);
    EXPECT_EQ(minus5.cell_hours_out_of_window, 0.0);
    EXPECT_GT(minus5.min_ledge_m, 0.05);
    EXPECT_LT(minus5.max_ledge_m, 0.115);  // measured ≤ 11.0 cm (before the fix: up to 12.0 cm)
    if (seed <= 3) {
      const auto proportional = run(seed, true, "0");
      EXPECT_GT(proportional.cell_hours_out_of_window, 24.0);
    }
  }
}
// Issue 11 part 8: which cells leave the window, and on which limit, as events. −25 % current at a
// fixed ACD target leaves it on the thick-ledge bound (ladder row f: 17.2 h after the step on daily
// means); in a potline the cells with an exit event are exactly those counted out of window, and
// each exit names a limit. Measured: −25 %: window_ledge_thick 17.2 h after the step (10.0 cm;
// 17.4 h with the overfeed trigger at the nominal current, before 2026-12-06);
// 60 cells × 30 d: cells 0 and 52 leave on the thin-ledge bound (both better insulated than the
// mean by the seeded heat-loss spread: f = 1.06 and 1.07).
TEST(EventWindows, WindowExitsAreLoggedWithTheirLimit) {
  {
    // A fixed ACD target: the heat feed-forward (the default since 2026-12-06) off.
    const auto c = make_case(read_example("cell-7d.toml"),
                             {"potline.current_steps=12 h 0.75", "run.duration=2d", "faults.profile=none",
                              "feeders.choke_rate=0", "feeders.partial_rate=0", "control.heat_feedforward=0"});
    potline::testing_dyn::Recorder rec;
    EXPECT_THROW(line::run_simulation(c, &rec), line::SimulationStopped);  // frozen 20.4 h after the step
    const auto exit = std::find_if(rec.events.begin(), rec.events.end(), [](const line::Event& e) {
      return e.kind == line::EventKind::kWindowLedgeThick || e.kind == line::EventKind::kWindowLedgeThin ||
             e.kind == line::EventKind::kWindowSuperheatLow || e.kind == line::EventKind::kWindowSuperheatHigh;
    });
    ASSERT_NE(exit, rec.events.end());
    EXPECT_EQ(exit->kind, line::EventKind::kWindowLedgeThick);
    EXPECT_GE(exit->value, 10.0);
    EXPECT_GT(exit->time_s, (12.0 + 12.0) * 3600.0);
    EXPECT_LT(exit->time_s, (12.0 + 48.0) * 3600.0);
  }
  const auto c = make_case(read_example("potline-year.toml"),
                           {"potline.cells=60", "run.duration=30d", "run.threads=1"});
  potline::testing_dyn::Recorder rec;
  const auto s = line::run_simulation(c, &rec);
  std::set<std::uint32_t> left;
  int returns = 0;
  for (const auto& e : rec.events) {
    if (e.kind == line::EventKind::kWindowLedgeThin || e.kind == line::EventKind::kWindowLedgeThick ||
        e.kind == line::EventKind::kWindowSuperheatLow || e.kind == line::EventKind::kWindowSuperheatHigh) {
      left.insert(e.cell);
    }
    if (e.kind == line::EventKind::kWindowReturned) {
      ++returns;
      EXPECT_GT(e.value, 0.0);
    }
  }
  EXPECT_GT(s.cells_out_of_window, 0);
  EXPECT_EQ(static_cast<int>(left.size()), s.cells_out_of_window);
  EXPECT_GT(returns, 0);
}

// Pot control after a lasting line-current change (issue 11 part 5; user trial T13-1): plants raise
// the ACD (target resistance) when the current is cut and lower it when it rises so that the heat
// generation stays at the cell's balance ([EP 0047227], [Lavoie et al. 2011]); the default control
// (control.heat_feedforward = 1 since 2026-12-06) does, the former default (0) left the heat-balance
// loop, capped at 200 mV, to make up a −10 % cut it cannot (docs/model/dynamics.md §4, "Resistance
// strategy during modulation"). The thresholds below are the finding's terms (a cell back within
// hours, not 30 K cold for days; an ACD that is not opened on a hot pot), not published numbers.
namespace {
line::Summary step_run(const std::string& steps, const std::string& duration, const std::vector<std::string>& extra) {
  std::vector<std::string> sets = {"potline.current_steps=" + steps, "run.duration=" + duration,
                                   "faults.profile=none", "feeders.choke_rate=0", "feeders.partial_rate=0"};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return line::run_simulation(make_case(read_example("cell-7d.toml"), sets));
}
}  // namespace

// −10 % held for 3 days from 24 h, AP40. Measured 2026-12-06 (these sets): default control bath
// 963.8–973.5 °C, back within 2 K 0.17 h after the step; feed-forward off: 935.5–968.1 °C, not back
// by the end (the loop's 200 mV make up 65 of the 169 kW the cut takes; cell --thermal says so).
// Since the recovery is read on feed-cycle means (main 346d644, 2026-12-06) the default control's
// bath is back 15.1 h after the step (re-measured 2026-12-07): asserted within a day (6 h on the
// former instantaneous rule), against not back in three days with the feed-forward off.
TEST(ControlAfterCurrentSteps, MinusTenPercentDefaultControlKeepsTheBathWithinHours) {
  const auto with = step_run("24 h 0.9", "4d", {});
  ASSERT_EQ(with.windows.size(), 1u);
  const auto& w = with.windows.front();
  EXPECT_GT(w.min_temperature_K - 273.15, 955.0);
  EXPECT_EQ(w.cells_not_recovered, 0);
  EXPECT_LT(w.recovery_s, 24 * 3600.0);
  const auto without = step_run("24 h 0.9", "4d", {"control.heat_feedforward=0"});
  ASSERT_EQ(without.windows.size(), 1u);
  EXPECT_LT(without.windows.front().min_temperature_K - 273.15, 945.0);  // the former default: cold for days
  EXPECT_EQ(without.windows.front().cells_not_recovered, 1);
}

// +25 % from the start for 12 h: the hotter, more conductive bath lowers the pot resistance. The
// former default answered by opening the ACD (3.80 → 4.2 cm and more, the bath passed 1100 °C 14 h
// after the step); the default control cuts it. Measured 2026-12-06: ACD 3.17–3.80 cm with the
// default (3.80 the start), 3.77–4.31 cm with the feed-forward off.
TEST(ControlAfterCurrentSteps, PlusTwentyFivePercentDoesNotOpenTheAcd) {
  const auto with = step_run("0 h 1.25", "12h", {});
  EXPECT_LT(with.max_acd_m, 0.0385);
  EXPECT_LT(with.min_acd_m, 0.034);
  const auto without = step_run("0 h 1.25", "12h", {"control.heat_feedforward=0"});
  EXPECT_GT(without.max_acd_m, 0.040);
}

// +25 % held from 24 h for 3 days (AP40, user trial T13-1 addendum): the hotter, more conductive
// bath lowers the pot resistance and, with the feed-forward's cut held at its 200 mV limit and the
// heat-balance loop at its 200 mV, the bath passed the 1100 °C guard at 76.5 h. A hot pot
// (docs/model/dynamics.md §4, "A hot pot"): once a daily reading is 12 K above the target
// (control.hot_bath_margin) the feed-forward's cut goes to the ACD floor (control.hot_bath_full_cut). Measured 2026-12-07: the first reading after the step (36 h) sees 1017.8 °C (peak 1021.5 °C),
// then the ACD sits at the 2.5 cm floor and the bath at 971–979 °C to the end. Asserted: the run
// completes, the bath stays below 1030 °C (the measured peak and the cell's daily swing; the guard's
// 1100 °C is what it was), the ACD is not opened above its 4.0 cm before the step; with the rule
// off (margin 0) the guard stops the run.
TEST(ControlAfterCurrentSteps, PlusTwentyFivePercentIsHeldBelowABoundByTheHotPotRules) {
  const auto with = step_run("24 h 1.25", "4d", {});
  EXPECT_TRUE(with.complete);
  ASSERT_EQ(with.windows.size(), 1u);
  EXPECT_LT(with.windows.front().max_temperature_K - 273.15, 1030.0);
  EXPECT_LT(with.max_acd_m, 0.0405);
  EXPECT_GT(with.acd_at_min_cell_hours, 24.0);  // held at the floor
  EXPECT_THROW(step_run("24 h 1.25", "4d", {"control.hot_bath_margin=0"}), line::SimulationStopped);
}

}  // namespace test_dynamics_events
