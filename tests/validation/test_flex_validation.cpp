// Validation of potline flex (docs/validation.md, "Power flexibility"):
// - the optimiser equals the hand-solved optimum of a two-price-level case and never beats its
//   hand-computed upper bound when heat-state and ramp limits bind (independent arithmetic);
// - the dynamic model's operating envelope of AP40 cells: ±5 % held for a week with and without
//   shell heat exchangers, −25 % leaves the window within hours to days, zero power raises a freeze alarm
//   within hours.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/technology.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

#include "flex_example_case.hpp"

namespace test_flex_validation {

using namespace potline;

namespace {

// Two price levels: K/2 steps at p_low, then K/2 at p_high; heat state free unless tightened
// (tests/common/flex_example_case.hpp).
using TwoLevel = potline::testing::TwoPriceLevelCase;
using potline::testing::two_price_level_case;

// Hand solution: production is linear (e_up = e_down) and must average nominal, so Σu ≥ 0; power
// bought at the grid (AC, P/η with η = 0.975) costs p_k·u_k·P/η: the best is +10 % while cheap and
// −10 % while dear (a share-hour of metal is worth 3600·0.035·100·0.7·v ≈ 11.9 kEUR at the default
// economics' v = 2.21 − 0.45 × 1.92 = 1.346 EUR/kg, no carbon here: the case's carbon consumption is
// 0; more than its power at 20 EUR/MWh, 3.3 kEUR, less than at 120 EUR/MWh, 19.7 kEUR). Its saving
// over the flat schedule is 0.1·(P/η)·N·Δt·(K/2)·(p_high − p_low) = 0.1 × 164.10 MW × 12 h × 100 EUR/MWh
// = 19,692.31 EUR, with no change of metal (19,200 EUR on the former DC basis).
double hand_savings(const TwoLevel&) { return 0.1 * (1.6 * 100 / 0.975) * 12 * 100; }

TEST(FlexValidation, TwoPriceLevelsHandOptimumIsOnTheAcBasis) {
  EXPECT_NEAR(hand_savings(two_price_level_case()), 19692.3077, 1e-3);
}

TEST(FlexValidation, TwoPriceLevelsLpEqualsTheHandOptimum) {
  const TwoLevel t = two_price_level_case();
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  EXPECT_FALSE(s.milp);
  const double savings = s.economics.margin_eur() - flat.economics.margin_eur();
  EXPECT_NEAR(savings, hand_savings(t), 1e-6 * hand_savings(t));
  for (std::size_t k = 0; k < t.K; ++k) EXPECT_NEAR(s.shares[k], k < t.K / 2 ? 1.1 : 0.9, 1e-9) << k;
}

// The same two price levels with a concave production curve bent at nominal and at +5 % (T8-11):
// slope 1 below nominal, 0.8 to 105 %, 0.4 to 110 % (metal 0.9, 1, 1.04, 1.06 of nominal at 90,
// 100, 105, 110 % of power). A share-hour of metal is worth V = 3600 × 0.035 × 100 × 1.346 =
// 16,960 EUR: a dear hour's cut saves 19,692 EUR per share-hour of power (164.10 MW AC at 120
// EUR/MWh) for V × 1 of metal, a cheap hour's rise costs 3,282 EUR for at least V × 0.4 = 6,784:
// both pay, and 110 % cheap with 90 % dear would miss the target, which therefore binds: f(a) +
// f(b) = 2 for the cheap level a and the dear level b. Lowering a by δ on its last segment saves
// 3,282·δ but raises b by 0.4·δ at 19,692: so a = 110 % (metal 1.06) and b = 94 % on average.
// Savings over flat: 12 × (0.06 × 19,692.31 − 0.1 × 3,282.05) = 10,240.0 EUR, metal unchanged.
TEST(FlexValidation, TwoPriceLevelsOnAPiecewiseProductionCurveEqualTheHandOptimum) {
  TwoLevel t = two_price_level_case();
  t.m.curve_share = {0.9, 1.0, 1.05, 1.1};
  t.m.curve_production = {0.9, 1.0, 1.04, 1.06};
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  EXPECT_FALSE(s.milp);
  const double grid_MW = 1.6 * 100 / 0.975;
  const double hand = 12 * (0.06 * grid_MW * 120 - 0.1 * grid_MW * 20);
  EXPECT_NEAR(hand, 10240.0, 0.1);
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-6 * hand);
  // The dear hours' cut is linear in the power (slope 1): any split of 12 × 6 % among them is
  // optimal.
  double cut = 0;
  for (std::size_t k = 0; k < t.K; ++k) {
    if (k < t.K / 2)
      EXPECT_NEAR(s.shares[k], 1.1, 1e-9) << k;
    else
      cut += 1.0 - s.shares[k];
  }
  EXPECT_NEAR(cut, 12 * 0.06, 1e-9);
  EXPECT_NEAR(s.economics.production_kg, flat.economics.production_kg,
              1e-6 * flat.economics.production_kg);
}

TEST(FlexValidation, TwoPriceLevelsMilpWithOneChangeEqualsTheHandOptimum) {
  TwoLevel t = two_price_level_case();
  t.c.dispatch.max_changes_per_day = 2;  // up at the start, down at midday
  t.c.dispatch.mip_gap = 0;
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  EXPECT_TRUE(s.milp);
  EXPECT_EQ(s.solution.status, flex::SolveStatus::kOptimal);
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand_savings(t), 1e-6 * hand_savings(t));
  EXPECT_LE(s.economics.changes, 2);
}

TEST(FlexValidation, BindingLimitsNeverBeatTheHandUpperBound) {
  TwoLevel t = two_price_level_case();
  t.c.dispatch.ramp_per_s = 0.05 / 3600;       // 5 % per hour
  t.c.dispatch.ledge_min_m = 0.060;            // at most 5 mm thinner: 5 h at +10 %
  t.c.dispatch.end_ledge_tolerance_m = 0.001;
  t.c.dispatch.max_changes_per_day = 4;
  t.c.dispatch.min_dwell_s = 2 * 3600;
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  for (const double gap : {0.0, 0.005}) {
    t.c.dispatch.mip_gap = gap;
    const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
    const double savings = s.economics.margin_eur() - flat.economics.margin_eur();
    EXPECT_LE(savings, hand_savings(t) * (1 + 1e-9));
    EXPECT_GE(savings, 0.0);
    std::vector<double> ledge, superheat;
    t.m.predict(s.shares, ledge, superheat);
    for (double l : ledge) EXPECT_GE(l, 0.060 - 1e-9);
  }
}

// Stops of the line (flex.max_off, [TRIMET 2019]: power to zero for up to an hour): one price spike
// (1,000 EUR/MWh at hour 10) in a day at 20 EUR/MWh. By hand: every cheap hour runs at +10 % (its
// metal is worth more than its power: 20 EUR/MWh against the net metal value of a marginal MWh),
// and the spike hour is stopped (no power, no metal) rather than cut by 10 %, since the stop saves
// 0.9 × 1,000 EUR/MWh more than it loses in metal. Margin over the flat schedule:
// N·Δt·[P·(p_spike − 23 × 0.1 × p_low) + (23 × 0.1 × e − 1)·r0·v].
TEST(FlexValidation, OneHourStopAtAPriceSpikeEqualsTheHandOptimum) {
  TwoLevel t = two_price_level_case();
  const double p_spike = 1000 / 3.6e9;
  for (std::size_t k = 0; k < t.K; ++k) t.p.price_eur_per_J[k] = k == 10 ? p_spike : t.p_low;
  t.c.dispatch.max_off_s = 3600;
  t.c.dispatch.mip_gap = 0;
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  EXPECT_TRUE(s.milp);
  EXPECT_EQ(s.solution.status, flex::SolveStatus::kOptimal);
  const double hand = t.c.cells * t.p.step_s *
                      (t.m.nominal_power_W / 0.975 * (p_spike - 23 * 0.1 * t.p_low) +
                       (23 * 0.1 * t.m.e_up - 1.0) * t.m.nominal_production_kg_per_s * flex::net_metal_eur_per_kg(t.c));
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-6 * hand);
  for (std::size_t k = 0; k < t.K; ++k) EXPECT_NEAR(s.shares[k], k == 10 ? 0.0 : 1.1, 1e-9) << k;
  EXPECT_EQ(s.economics.changes, 3);  // up at the start, the stop, the restart
}

// A stop's restart cost (ReducedModel::stop_metal_steps: metal lost beyond the stopped step, fitted
// to the dynamic model; docs/model/flexibility.md §3) on the spike day of F3, by hand. Production is
// linear (e = 0.7) and the target nominal: 23 hours at +10 % make 23 × 0.07 = 1.61 steps of metal
// more, so a stop losing 1 + s steps meets the target while s ≤ 0.61.
// - s = 0.25: the spike hour is still stopped (it saves 0.9 × 1,000 EUR/MWh × 164.1 MW ≈ 148 kEUR
//   against 1.25 steps of metal, 21 kEUR), and the margin is F3's less 0.25 × r0·Δt·N·v exactly;
// - s = 0.7: a stop cannot meet the target (1.61 < 1.7); the spike hour is cut to −10 % instead and
//   the 23 others run at +10 %: N·Δt·[P/η·(0.1·p_spike − 2.3·p_low) + 2.2 × 0.7·r0·v] over flat.
TEST(FlexValidation, RestartCostOfAStopAsByHand) {
  TwoLevel t = two_price_level_case();
  const double p_spike = 1000 / 3.6e9;
  for (std::size_t k = 0; k < t.K; ++k) t.p.price_eur_per_J[k] = k == 10 ? p_spike : t.p_low;
  t.c.dispatch.max_off_s = 3600;
  t.c.dispatch.mip_gap = 0;
  const double n_dt = t.c.cells * t.p.step_s;
  const double r0v = t.m.nominal_production_kg_per_s * flex::net_metal_eur_per_kg(t.c);
  const double f3 =
      n_dt * (t.m.nominal_power_W / 0.975 * (p_spike - 23 * 0.1 * t.p_low) + (23 * 0.1 * 0.7 - 1.0) * r0v);
  t.m.stop_metal_steps = 0.25;
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  const double hand = f3 - 0.25 * n_dt * r0v;
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-6 * hand);
  for (std::size_t k = 0; k < t.K; ++k) EXPECT_NEAR(s.shares[k], k == 10 ? 0.0 : 1.1, 1e-9) << k;
  t.m.stop_metal_steps = 0.7;
  const auto cut = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  const double hand_cut = n_dt * (t.m.nominal_power_W / 0.975 * (0.1 * p_spike - 23 * 0.1 * t.p_low) + 2.2 * 0.7 * r0v);
  EXPECT_NEAR(cut.economics.margin_eur() - flat.economics.margin_eur(), hand_cut, 1e-6 * hand_cut);
  for (std::size_t k = 0; k < t.K; ++k) EXPECT_NEAR(cut.shares[k], k == 10 ? 0.9 : 1.1, 1e-9) << k;
}

// A stop cost that depends on the level the line restarts at (ReducedModel::stop_metal_slope,
// docs/model/flexibility.md §3: s0 + s1·u at a restart at 1 + u, the MILP's disaggregated rows for
// restart·u) on the same spike day, s0 = 0.25, s1 = 1, by hand. The restart hour's level u is worth
// u·(0.7·r0·v − P/η·p_low − s1·r0·v) = −u·(0.3·r0·v + P/η·p_low): falling in u, so the line
// restarts at the floor (−10 %, a stop of 0.25 − 0.1 = 0.15 steps beyond its hour) and the other 22
// hours run at +10 %; the target holds (22 × 0.07 − 0.07 − 1 − 0.15 = 0.32 ≥ 0). Margin over flat:
// N·Δt·[P/η·(p_spike − 22 × 0.1 × p_low + 0.1 × p_low) + (22 × 0.07 − 0.07 − 1.15)·r0·v].
TEST(FlexValidation, RestartCostThatDependsOnTheRestartLevelAsByHand) {
  TwoLevel t = two_price_level_case();
  const double p_spike = 1000 / 3.6e9;
  for (std::size_t k = 0; k < t.K; ++k) t.p.price_eur_per_J[k] = k == 10 ? p_spike : t.p_low;
  t.c.dispatch.max_off_s = 3600;
  t.c.dispatch.mip_gap = 0;
  t.m.stop_metal_steps = 0.25;
  t.m.stop_metal_slope = 1.0;
  const double n_dt = t.c.cells * t.p.step_s;
  const double r0v = t.m.nominal_production_kg_per_s * flex::net_metal_eur_per_kg(t.c);
  const auto flat = flex::flat_schedule(t.c, t.m, t.p);
  const auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  EXPECT_EQ(s.solution.status, flex::SolveStatus::kOptimal);
  for (std::size_t k = 0; k < t.K; ++k)
    EXPECT_NEAR(s.shares[k], k == 10 ? 0.0 : (k == 11 ? 0.9 : 1.1), 1e-9) << k;
  const double hand = n_dt * (t.m.nominal_power_W / 0.975 * (p_spike - 22 * 0.1 * t.p_low + 0.1 * t.p_low) +
                              (22 * 0.07 - 0.07 - 1.15) * r0v);
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-6 * hand);
  // The plan's metal (ReducedModel::production_path) charges the same: 0.25 at the stop, −0.1 at
  // the restart.
  const auto path = t.m.production_path(s.shares);
  EXPECT_NEAR(path[10], -0.25, 1e-9);
  EXPECT_NEAR(path[11], 1.0 - 0.07 + 0.1, 1e-9);
}

// The rise out of a cut (ReducedModel::rise_deficit, flex.rise_state = heat-deficit;
// docs/model/flexibility.md §3): q[k+1] = a_q·q[k] + (1 − a_q)·max(0, u_c − u[k]) (u = −1 while
// stopped), the step's metal less κ·q. With u_c = −0.05, a_q = 0.5, κ = 1 and the two-level case's
// slope 0.7, by hand: two hours at 90 % (d = 0.05) then nominal give q = 0.025, 0.0375, 0.01875,
// 0.009375 and metal 1 − 0.07 − 0.025, 1 − 0.07 − 0.0375, 1 − 0.01875, 1 − 0.009375; a stop
// (d = 0.95) then nominal q = 0.475, 0.2375 and metal −0.475, 1 − 0.2375. The dispatch's rows carry
// the same metal: the LP objective less the planned margin is a constant of the case (the base
// production's value and the nominal power's cost), equal with and without the state.
TEST(FlexValidation, RiseOutOfACutHeatDeficitAsByHand) {
  TwoLevel t = two_price_level_case();
  t.m.rise_onset = -0.05;
  t.m.rise_decay = 0.5;
  t.m.rise_metal = 1.0;
  const auto path = t.m.production_path({0.9, 0.9, 1.0, 1.0});
  const std::vector<double> hand = {1 - 0.07 - 0.025, 1 - 0.07 - 0.0375, 1 - 0.01875, 1 - 0.009375};
  for (std::size_t k = 0; k < hand.size(); ++k) EXPECT_NEAR(path[k], hand[k], 1e-12) << k;
  const auto stop = t.m.production_path({0.0, 1.0});
  EXPECT_NEAR(stop[0], -0.475, 1e-12);
  EXPECT_NEAR(stop[1], 1 - 0.2375, 1e-12);
  // LP consistency: objective − planned margin, with and without the state (κ = 0).
  const auto offset = [&t](double kappa) {
    flex::ReducedModel m = t.m;
    m.rise_metal = kappa;
    const auto s = flex::optimise_schedule(t.c, m, t.p, flex::case_bounds(t.c));
    EXPECT_FALSE(s.milp);
    return s.solution.objective - s.economics.margin_eur();
  };
  EXPECT_NEAR(offset(1.0), offset(0.0), 1e-6 * std::abs(offset(0.0)));
  // The state costs the dear hours' cut: the optimum with it makes less (the cut at 90 % now loses
  // κ·q after it too), and its margin is lower.
  const auto with = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  flex::ReducedModel without_state = t.m;
  without_state.rise_metal = 0;
  const auto without = flex::optimise_schedule(t.c, without_state, t.p, flex::case_bounds(t.c));
  EXPECT_LT(with.economics.margin_eur(), without.economics.margin_eur());
}

// flex.max_off holds: with two spike hours in a row and stops of at most one hour, one is stopped
// and the other cut to the power floor; with flex.max_off shorter than a step no hour is stopped.
TEST(FlexValidation, StopsLastAtMostFlexMaxOff) {
  TwoLevel t = two_price_level_case();
  for (std::size_t k = 0; k < t.K; ++k) t.p.price_eur_per_J[k] = (k == 10 || k == 11) ? 1000 / 3.6e9 : t.p_low;
  t.c.dispatch.max_off_s = 3600;
  auto s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  int stopped = 0;
  for (double share : s.shares) stopped += share < 1e-9 ? 1 : 0;
  EXPECT_EQ(stopped, 1);
  EXPECT_NEAR(std::min(s.shares[10], s.shares[11]), 0.0, 1e-9);
  EXPECT_NEAR(std::max(s.shares[10], s.shares[11]), 0.9, 1e-9);
  t.c.dispatch.max_off_s = 1800;
  s = flex::optimise_schedule(t.c, t.m, t.p, flex::case_bounds(t.c));
  for (double share : s.shares) EXPECT_GE(share, 0.9 - 1e-9);
}

// The AP40 case of examples/flex-day.toml with the given envelope levels.
flex::FlexCase example_case(const std::string& levels) {
  return potline::testing::flex_example_case("flex-day.toml", {"envelope.levels=" + levels});
}

// ±5 % is held for a week, with and without the shell heat exchangers' automatic rule (published:
// conventional cells tolerate about ±5 % indefinitely). flex-day uses the heat feed-forward of the
// target voltage (docs/model/dynamics.md §4); without it +5 % without exchangers thinned the ledge
// below 5 cm after 106 h (24 h means; 23.6 h on the former 4 h means).
TEST(FlexValidation, FivePercentHeldForAWeekWithAndWithoutExchangers) {
  for (const bool exchangers : {false, true}) {
    flex::FlexCase c = example_case("95, 105");
    c.sim.exchangers.enabled = exchangers;
    c.sim.exchangers.mode = line::ExchangerMode::kAutomatic;
    const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) {
      EXPECT_LT(r.frozen_s, 0.0);
      EXPECT_TRUE(r.limit.empty()) << exchangers << " " << r.share << " " << r.limit;
      EXPECT_NEAR(r.hold_s, 168 * 3600.0, 1.0) << exchangers << " " << r.share;
    }
  }
}

// Published: conventional cells leave the window at −25 % within hours to days (issue 13). The hold
// ends at the first limit of any kind (docs/model/flexibility.md §7): here the freeze alarm
// (instantaneous ledge above 10 cm), well before the daily ledge mean crosses 10 cm (user trial
// T7-6: the hold was the running mean's crossing only, which hid the alarm).
TEST(FlexValidation, MinusTwentyFivePercentLeavesTheWindowWithinHoursToDays) {
  const flex::FlexCase c = example_case("75");
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].limit.empty());
  EXPECT_GT(rows[0].hold_s, 1 * 3600.0);
  EXPECT_LT(rows[0].hold_s, 72 * 3600.0);
  EXPECT_EQ(rows[0].limit, "freeze_alarm");
  EXPECT_DOUBLE_EQ(rows[0].hold_s, rows[0].freeze_alarm_s);
  EXPECT_EQ(rows[0].window_limit, "ledge_max");
  EXPECT_GT(rows[0].window_crossing_s, rows[0].hold_s);  // the daily mean, later: kept on its own
}

TEST(FlexValidation, ZeroPowerFreezeAlarmWithinHours) {
  const flex::FlexCase c = example_case("0");
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  // Published: a potline starts to freeze after about 1-3 h without power (issue 13; plant reports).
  // The model's instantaneous ledge passes 10 cm after 1.0 h (docs/validation.md); the daily means
  // stay in the window until the bath-frozen guard trips at 6.2 h (2026-12-04; the outage ladder's
  // 8 h outage, after a day at nominal, freezes 5.9 h after the stop).
  EXPECT_GT(rows[0].freeze_alarm_s, 0.5 * 3600);
  EXPECT_LT(rows[0].freeze_alarm_s, 3 * 3600.0);
  EXPECT_GT(rows[0].frozen_s, 3 * 3600.0);
  EXPECT_LT(rows[0].frozen_s, 12 * 3600.0);
  // The hold ends at the alarm, the first limit; the frozen bath stays on its own.
  EXPECT_EQ(rows[0].limit, "freeze_alarm");
  EXPECT_DOUBLE_EQ(rows[0].hold_s, rows[0].freeze_alarm_s);
}

}  // namespace
}  // namespace test_flex_validation
