// Validation rung 9f / issue 13 part 7 (docs/validation.md, "Power flexibility"): the TRIMET-like
// potline of examples/flex-week-heat-exchangers.toml (120 P155 cells, 93 MW, shell heat exchangers,
// heat feed-forward of the target voltage, ACD limits of the resistance control) against
// [TRIMET 2019]: ±25 % power for up to 48 h, ≈ 1,120 MWh of flexible energy. One representative
// cell per level, 48 h each (the envelope runs one cell; × 120 for the line).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "flex_example_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/cell/technology.hpp"
#include "potline/control/pot_controller.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/flex/cell_runs.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

namespace test_flex_trimet {

using namespace potline;

namespace {

constexpr double kPublished_MWh = 1120.0;  // [TRIMET 2019]
constexpr double kHour = 3600.0;

flex::FlexCase trimet_case(const std::vector<std::string>& extra, const std::string& levels = "75, 125",
                           const std::string& duration = "48 h") {
  std::vector<std::string> sets = {"envelope.levels=" + levels, "envelope.max_duration=" + duration};
  sets.insert(sets.end(), extra.begin(), extra.end());
  return potline::testing::flex_example_case("flex-week-heat-exchangers.toml", sets);
}

double mwh(double joules) { return joules / 3.6e9; }

// Steady heat balance of the case's cell (shell heat exchangers fitted) at `share` of the nominal
// power with the ACD fixed at `acd_m`: the current that draws that power at the steady cell
// voltage (fixed point), and the exchanger use that holds the design ledge (bisection; 0 when even
// closed exchangers leave the ledge at or above it). `top_factor` scales the top path's
// conductance (anodes, cover, crust) from its calibrated value: a better insulated top;
// `shell_factor` the passive shell's (a closed exchanger that insulates beyond the bare shell).
struct SteadyBalance {
  dynamics::ThermalSteadyState s;
  double use = 0;
  double current_A = 0;
  double face_W_per_K = 0;  ///< bath-to-ledge h·A at that current (the bath flow falls with it)
};

SteadyBalance steady_at_power(const flex::FlexCase& c, double share, double acd_m, double top_factor = 1.0,
                              double shell_factor = 1.0, double top_out_factor = 1.0) {
  std::vector<double> y(dynamics::kStateCount);
  dynamics::CellModel m = dynamics::build_cell_model(c.sim.design, c.sim.constants, c.sim.op, c.sim.dynamics, y.data());
  m.top_resistance_K_per_W /= top_factor;
  dynamics::prepare_rhs(m);
  m.derived.wall_out_W_per_K *= shell_factor;
  m.derived.top_out_W_per_K *= top_out_factor;  // the top node to the potroom only (a cut's retention)
  const double ledge = c.sim.dynamics.initial_ledge_m;
  const auto held = [&](const cell::OperatingPoint& op, double& use) {
    use = 0.0;
    auto closed = dynamics::solve_thermal_steady_state(m, op, 0.0);
    if (closed.status == "freezes" || (closed.status == "steady" && closed.ledge_m >= ledge)) return closed;
    double lo = 0.0, hi = 1.0;
    for (int i = 0; i < 40; ++i) {
      const double mid = 0.5 * (lo + hi);
      const auto s = dynamics::solve_thermal_steady_state(m, op, mid);
      (s.status == "steady" && s.ledge_m >= ledge ? hi : lo) = mid;
    }
    use = hi;
    return dynamics::solve_thermal_steady_state(m, op, hi);
  };
  const double power_W = share * flex::nominal_cell_power_W(c.sim);
  SteadyBalance b;
  cell::OperatingPoint op = c.sim.op;
  op.acd_m = acd_m;
  for (int k = 0; k < 30; ++k) {
    b.s = held(op, b.use);
    b.current_A = op.line_current_A;
    op.line_current_A = power_W / b.s.result.voltage_V;
  }
  b.face_W_per_K = m.derived.ledge_face_W_per_K * dynamics::ledge_flow_factor(m, b.current_A);
  return b;
}

// The ACD limits of the case (control.acd_min 2.5 cm; ceiling 8 cm: control.acd_max, and the 20 cm
// bath less control.min_anode_immersion 12 cm).
double ceiling_m(const flex::FlexCase& c) {
  control::ControllerSettings s = c.sim.control;
  s.bath_height_m = c.sim.dynamics.bath_height_m;
  return control::acd_ceiling_m(s);
}

// The line is ≈ 93.1 MW DC at the cells, 95.5 MW AC at the grid (η = 0.975), so ±25 % held 48 h is
// 0.25 × 95.5 MW × 48 h = 1,146 MWh AC each way (1,117 MWh DC); the published figure's basis is not
// stated, taken as grid-side (AC). The case's rectifier is sized for the published +25 % of power
// (potline.max_current 227.5 kA, an estimate: 125 % at the control's ACD floor, see
// RectifierSizedForThePublishedPowerDrawsItAtTheAcdFloor). +25 %: in window the 48 h (daily means),
// the ACD lowered from 5.9 to 2.35 cm (1.5 mm under the 2.5 cm floor: the metal pad rises between
// beam moves); the cell draws 125.0 % (124.96 %, the rectifier limit holding the current 7.0 h
// where the heat-balance loop lowered the voltage further; measured 2026-12-05): 1,144 MWh AC, +2.2
// % against the published ≈ 1,120 MWh (F8, docs/validation.md).
TEST(FlexTrimet, PlusTwentyFivePercentHoldsFortyEightHoursWithinTheAcdLimits) {
  const flex::FlexCase c = trimet_case({});
  ASSERT_EQ(c.cells, 120);
  EXPECT_NEAR(c.sim.schedule.max_A(), 227.5e3, 1.0);
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  const auto& up = rows[1];
  EXPECT_LT(up.frozen_s, 0.0);
  EXPECT_TRUE(up.limit.empty()) << up.limit << " after " << up.hold_s / kHour << " h";
  EXPECT_FALSE(up.beyond_reach());
  EXPECT_GE(up.min_acd_m, c.sim.control.acd_min_m - 2e-3);  // metal-pad drift between beam moves
  EXPECT_NEAR(up.drawn_share, 1.25, 0.005);
  // 10.0 h from the settled cell (envelope.settle 48 h; 6.7 h from the calibration point; 13.4 and
  // 6.2 h before the feed cycle was centred, 2026-12-06): its heat-balance loop has lowered the ACD
  // (5.59 cm at the call, 4.78 cm before), so the voltage is lower and the limit is reached sooner;
  // it holds part of the run, not all of it.
  EXPECT_LT(up.current_limit_s, 24 * kHour);
  EXPECT_NEAR(mwh(up.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh);
}

// The rectifier sized for the published capability (examples/flex-week-heat-exchangers.toml,
// potline.max_current; the case's estimate, not a validation): the lowest voltage the resistance
// control can hold is at its ACD floor (control.acd_min 2.5 cm); there the steady cell model
// (design bath) needs 227.4 kA for 125 % of the nominal power; the case rounds to 227.5 kA. The
// rectifier's reach as the dispatch computes it (the feed-forward's voltage at the deadband's lower
// edge) is above 125 % with it.
TEST(FlexTrimet, RectifierSizedForThePublishedPowerDrawsItAtTheAcdFloor) {
  const flex::FlexCase c = trimet_case({});
  cell::OperatingPoint floor = c.sim.op;
  floor.acd_m = c.sim.control.acd_min_m;
  floor.line_current_A = c.sim.schedule.max_A();
  const double share = floor.line_current_A *
                       cell::evaluate(c.sim.design, c.sim.constants, floor).voltage_V /
                       flex::nominal_cell_power_W(c.sim);
  EXPECT_GE(share, 1.25);
  EXPECT_LT(share, 1.252);  // sized, not oversized: 125.08 %
  EXPECT_GT(flex::rectifier_reach(c.sim).max_share, 1.25);
}

// With the default rectifier limit (1.25 × the nominal current, 212.5 kA) +25 % is beyond the
// rectifier's reach: once the heat feed-forward has lowered the voltage by its 0.2 V cut, 212.5 kA
// gives 118.2 % at the deadband's lower edge (rectifier_reach), the level the dispatch plans at
// most; the dynamic model draws 118.6 % (measured 2026-12-05: the limit holds the current 47.6 of
// the 48 h), so the reach is deliverable and within half a point of what is drawn — a check of the
// cap against the dynamic model (before 2026-12-05 the F8 row's +25 % miss: 851 MWh AC, −24 %).
// Since the feed cycle is centred on the design alumina (2026-12-06, user trial T10-1) the cell no
// longer loses as much ACD to the heat-balance loop while it settles (5.59 cm at the call, 4.78 cm
// before), and both draw a little more than the reach, within the resistance deadband above its lower
// edge (2 × 50 mV of ≈ 4.2 V, 2.8 points): 118.83 % from the calibration point (limit 47.7 of the
// 48 h), 118.47 % from a cell settled 48 h at nominal (envelope.settle, the default), against the
// reach 118.15 % (flex's mass-transfer CE, measured 2026-12-06). Before (the feed control at
// ≈ 1.95 wt%): 117.90 % and 117.16 %.
TEST(FlexTrimet, WithTheDefaultRectifierLimitTheLevelIsBeyondReachAndTheReachIsDrawn) {
  const flex::FlexCase settled = trimet_case({"potline.max_current=212.5 kA"}, "125");
  const auto from_settled = flex::operating_envelope(settled, flex::case_bounds(settled));
  ASSERT_EQ(from_settled.size(), 1u);
  const double deadband_share = 2.0 * settled.sim.control.deadband_V / settled.sim.control.target_voltage_V *
                                flex::rectifier_reach(settled.sim).max_share;
  EXPECT_GE(from_settled[0].drawn_share, flex::rectifier_reach(settled.sim).max_share - 0.005);
  EXPECT_LT(from_settled[0].drawn_share, flex::rectifier_reach(settled.sim).max_share + deadband_share);
  const flex::FlexCase c = trimet_case({"potline.max_current=212.5 kA", "envelope.settle=0"}, "125");
  const flex::RectifierReach reach = flex::rectifier_reach(c.sim);
  EXPECT_NEAR(reach.max_share, 1.1815, 0.001);
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].beyond_reach());
  EXPECT_NEAR(rows[0].reachable_share, reach.max_share, 1e-12);
  EXPECT_GT(rows[0].current_limit_s, 40 * kHour);
  EXPECT_GE(rows[0].drawn_share, reach.max_share);
  EXPECT_LT(rows[0].drawn_share, reach.max_share + deadband_share);
  EXPECT_LT(mwh(rows[0].flexible_energy_J), 0.85 * kPublished_MWh);
}

// F8 −25 % (docs/validation.md, "Power flexibility"): the example's top heat retention in the cut
// (control.cut_top_loss_reduction 0.3: less duct flow and more anode cover, [Wang et al. 2019];
// docs/model/dynamics.md §4) keeps the top loss 30 % lower at 78 % of the current, so the side keeps
// enough heat for the superheat: from a cell settled 48 h at nominal (envelope.settle, the default)
// −25 % holds the 48 h at this seed (102.8 h in a 168-h run; 111.0 h before the exchangers kept a
// cut's ledge, heat_exchangers.melt_back_superheat), 1,145 MWh AC (+2.2 % against the published
// ≈ 1,120 MWh), the ACD at the 8 cm ceiling from 0.3 h; from the calibration point 48 h, 1,145 MWh
// AC (measured 2026-12-07). The hold at other seeds: FlexTrimetSeeds.
TEST(FlexTrimet, MinusTwentyFivePercentHoldsFortyEightHoursWithTheTopHeatRetention) {
  const flex::FlexCase c = trimet_case({});
  ASSERT_DOUBLE_EQ(c.sim.control.cut_top_loss_reduction, 0.3);
  for (const char* settle : {"48 h", "0"}) {
    const flex::FlexCase at = trimet_case({std::string("envelope.settle=") + settle}, "75");
    const auto rows = flex::operating_envelope(at, flex::case_bounds(at));
    ASSERT_EQ(rows.size(), 1u);
    const auto& down = rows[0];
    EXPECT_TRUE(down.limit.empty()) << settle << ": " << down.limit << " after " << down.hold_s / kHour << " h";
    EXPECT_LT(down.freeze_alarm_s, 0.0);
    EXPECT_LE(down.max_acd_m, ceiling_m(c) + 1e-3);  // metal-pad and tap drift between beam moves
    EXPECT_GT(down.acd_limit_s, 24 * kHour);         // the ACD still sits at its ceiling
    EXPECT_NEAR(mwh(down.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh) << settle;
  }
}

// Known miss without the top heat retention (control.cut_top_loss_reduction = 0, the case until
// 2026-12-06): at −25 % the resistance control asks for the 12–13.5 cm of ACD that held the heat
// balance before the limits; the ceiling (8 cm) stops it 0.2 h after the call and, from a cell
// settled 48 h at nominal (envelope.settle, the default), the superheat mean falls below 5 K after
// 15.4 h (measured 2026-12-06 on main 2451fb1; 16.1 h before the overfeed trigger read the line
// current, 12.1 h before the feed cycle was centred): 368 MWh AC against the published 1,120 MWh
// (17.25 h, 412 MWh from the calibration point). The test asserts the limit works and the miss, so
// that a change in either is seen.
TEST(FlexTrimet, KnownMissWithoutTheTopHeatRetentionMinusTwentyFivePercentLeavesTheWindowAtTheAcdCeiling) {
  const flex::FlexCase c = trimet_case({"control.cut_top_loss_reduction=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  const auto& down = rows[0];
  EXPECT_LT(down.frozen_s, 0.0);
  EXPECT_LE(down.max_acd_m, ceiling_m(c) + 1e-3);  // metal-pad and tap drift between beam moves
  EXPECT_GT(down.acd_limit_s, 24 * kHour);
  EXPECT_GE(down.acd_limit_first_s, 0.0);
  EXPECT_LT(down.acd_limit_first_s, 1 * kHour);  // 0.2 h: the feed-forward moves up to 2 cm per decision
  EXPECT_EQ(down.limit, "superheat_min");
  EXPECT_LT(down.hold_s, 48 * kHour);
  EXPECT_LT(mwh(down.flexible_energy_J), 0.85 * kPublished_MWh);
}

// The hold over the seeds: tests/validation/test_flex_trimet_seeds.cpp (FlexTrimetSeeds).

// The envelope calls each level from a cell settled 48 h at nominal (envelope.settle, the default
// since 2026-12-06). While the feed control held ≈ 1.9–2.0 wt% alumina, not the catalogue's 2.5, its
// superheat's daily mean was 6.20 K at the call, not the calibration point's 6.9 K, and −25 % left
// after 12.1 h against 17.0 h from the calibration point (envelope.settle = 0; flex's mass-transfer
// CE). With the feed cycle centred on the design alumina (2026-12-06, user trial T10-1) the settled
// cell keeps nearer its design point: 16.1 h against 17.25 h (measured 2026-12-06). At −25 % the
// superheat settles at ≈ 2.2 K (days 3–7: 2.13 K, exchangers closed, ledge 8.4 cm), the
// steady balance of KnownMissAtMinusTwentyFivePercentClosedExchangers… below. The settled envelope
// is the same run as two days at nominal then 75 % by hand (a check of the settling, not a
// validation).
TEST(FlexTrimet, KnownMissFromACellSettledAtNominalMinusTwentyFivePercentLeavesSooner) {
  const flex::FlexCase c = trimet_case({"control.cut_top_loss_reduction=0"}, "75", "48 h");
  ASSERT_DOUBLE_EQ(c.envelope.settle_s, 48 * kHour);
  const auto settled = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(settled.size(), 1u);
  const flex::CellTrace t =
      flex::run_power_schedule(c.sim, {1.0, 1.0, 0.75}, 24 * kHour, 96 * kHour, 300.0);
  ASSERT_FALSE(t.stopped) << t.stop_message;
  const auto [left_s, limit] = potline::testing::first_crossing_after(c, t, 48 * kHour);
  EXPECT_EQ(limit, "superheat_min");
  EXPECT_EQ(settled[0].limit, limit);
  EXPECT_NEAR(settled[0].hold_s, left_s, 1.0);
  EXPECT_GT(left_s, 14 * kHour);  // 15.4 h measured (16.1 h before the trigger change, 12.1 h before the centring)
  EXPECT_LT(left_s, 17.5 * kHour);
  const flex::FlexCase calibration =
      trimet_case({"envelope.settle=0", "control.cut_top_loss_reduction=0"}, "75", "48 h");
  const auto from_calibration =
      flex::operating_envelope(calibration, flex::case_bounds(calibration));
  EXPECT_NEAR(from_calibration[0].hold_s, 17.25 * kHour, 0.5 * kHour);  // 17.0 h before
  EXPECT_GT(from_calibration[0].hold_s, settled[0].hold_s);
}

// Without the limits the voltage carries −25 %: 48 h held, but with an ACD above 12 cm (13.6 cm
// measured) that a 20 cm bath cannot give (the pass of this rung before the limits).
TEST(FlexTrimet, WithoutTheAcdLimitsTheVoltageHoldsMinusTwentyFivePercentAtAnImpossibleAcd) {
  const flex::FlexCase c = trimet_case({"control.acd_max=0", "control.min_anode_immersion=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].limit.empty()) << rows[0].limit << " after " << rows[0].hold_s / kHour << " h";
  EXPECT_GT(rows[0].max_acd_m, 0.12);
  EXPECT_DOUBLE_EQ(rows[0].acd_limit_s, 0.0);
}

// Without the feed-forward (constant cell voltage only) and without the top heat retention −25 %
// leaves the window within a day (measured 16.0 h with the ACD limits, the superheat; 13.3 h before
// the feed cycle was centred on the design alumina, 2026-12-06; 19.3 h before the limits). With the
// retention (the example's) it holds the 48 h without the feed-forward too (measured 2026-12-06):
// holding the cell voltage alone takes the ACD to the 8 cm ceiling (45.4 of the 48 h).
TEST(FlexTrimet, WithoutTheHeatFeedforwardMinusTwentyFivePercentLeavesWithinADay) {
  const flex::FlexCase c = trimet_case({"control.heat_feedforward=0", "control.cut_top_loss_reduction=0"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].limit.empty());
  EXPECT_LT(rows[0].hold_s, 24 * kHour);
  const flex::FlexCase retained = trimet_case({"control.heat_feedforward=0"}, "75");
  const auto held = flex::operating_envelope(retained, flex::case_bounds(retained));
  EXPECT_TRUE(held[0].limit.empty()) << held[0].limit << " after " << held[0].hold_s / kHour << " h";
}


// [TRIMET 2019]: the Essen pots can take the power to zero for up to an hour. The TRIMET-like cell at
// zero power: the freeze alarm (instantaneous ledge above 10 cm) comes after 1.3 h and the bath
// freezes after 8.2 h (measured 2026-12-04, exchangers closing automatically; 1.3 h and 6.4 h
// without them): the published hour passes before the alarm, inside issue 13's 1–3 h for it.
TEST(FlexTrimet, PowerToZeroForAnHourComesBeforeTheFreezeAlarm) {
  const flex::FlexCase c = trimet_case({}, "0", "12 h");
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_GT(rows[0].freeze_alarm_s, 1.0 * kHour);
  EXPECT_LT(rows[0].freeze_alarm_s, 3.0 * kHour);
  EXPECT_GT(rows[0].frozen_s, 3.0 * kHour);
}

// Why −25 % misses (docs/validation.md, "Power flexibility"; docs/model/flexibility.md §7): the
// steady heat balance of the P155 cell with the exchangers fitted, at 75 % power. Through a
// ledge-covered side wall the steady side loss is what the ledge face passes, h·A·superheat plus
// the lining past the ledge; the exchangers set the ledge's thickness, not that flux, so they cannot
// hold the superheat: at the 8 cm ceiling the cell generates 286 kW, top and bottom (set by the bath
// temperature) take 247 kW, and the side keeps 39 kW at a superheat of 2.4 K with the exchangers
// closed (use 0.5 %: the 123 kW they take at nominal are all given back). 5 K needs 76–83 kW through
// the side (h falls with the current): an ACD of ≈ 12.3 cm (the bath allows 8 cm) or, at 8 cm, a
// top path conducting ≈ 27 % less (× 0.73: ≈ 127 kW instead of 169 kW). Measured 2026-12-04 on the
// model's heat split (top 45 %, side 35 %: estimates); a measurement of why, not a fit.
TEST(FlexTrimet, KnownMissAtMinusTwentyFivePercentClosedExchangersLeaveTheSuperheatBelowFiveKelvin) {
  const flex::FlexCase c = trimet_case({});
  ASSERT_TRUE(c.sim.exchangers.enabled);
  const SteadyBalance capped = steady_at_power(c, 0.75, 0.08);
  ASSERT_EQ(capped.s.status, "steady");
  EXPECT_LT(capped.use, 0.02);  // the exchangers are closed: their range is spent
  EXPECT_LT(capped.s.superheat_K, 3.0);
  EXPECT_GT(capped.s.top_loss_W + capped.s.bottom_loss_W, 0.8 * capped.s.result.energy.heat_loss_W);
  // The ACD that would hold 5 K at constant power, and the top insulation that would at 8 cm.
  EXPECT_LT(steady_at_power(c, 0.75, 0.12).s.superheat_K, 5.0);
  EXPECT_GT(steady_at_power(c, 0.75, 0.13).s.superheat_K, 5.0);
  EXPECT_LT(steady_at_power(c, 0.75, 0.08, 0.75).s.superheat_K, 5.0);
  EXPECT_GT(steady_at_power(c, 0.75, 0.08, 0.70).s.superheat_K, 5.0);
}

// Why the top heat retention holds −25 % (docs/model/flexibility.md §7): the same steady balance at
// 75 % power and the 8 cm ceiling with the retention's factor on the top node-to-potroom
// conductance (control.cut_top_loss_reduction 0.3 at 78 % of the current: × 0.620): the top loses
// less, the side keeps what the ledge face needs for about 5 K, and the exchangers open a little to
// hold the design ledge (they no longer sit closed). The model's own balance, not a validation; the
// dynamic run settles at 5.0–5.3 K (days 2–7 of a week at the example's seed).
TEST(FlexTrimet, WithTheTopHeatRetentionTheSteadySuperheatAtMinusTwentyFiveIsNearFiveKelvin) {
  const flex::FlexCase c = trimet_case({});
  const SteadyBalance without = steady_at_power(c, 0.75, 0.08);
  const double F = control::cut_top_conductance_factor(c.sim.control, c.sim.dynamics.top_inner_fraction,
                                                       0.78 * c.sim.op.line_current_A);
  EXPECT_NEAR(F, 0.7 / (1.0 / 0.7 - 0.3), 1e-9);
  const SteadyBalance with = steady_at_power(c, 0.75, 0.08, 1.0, 1.0, F);
  ASSERT_EQ(with.s.status, "steady");
  EXPECT_LT(with.s.top_loss_W, 0.8 * without.s.top_loss_W);
  EXPECT_GT(with.s.superheat_K, without.s.superheat_K + 2.0);
  EXPECT_GT(with.s.superheat_K, 4.5);
  EXPECT_LT(with.s.superheat_K, 6.0);
  EXPECT_GT(with.use, without.use);
}

// [TRIMET 2019]: the Essen cells can take the power to zero for up to an hour. With stops allowed
// (flex.max_off = 1 h) and a 48-h series at 80 EUR/MWh with one 3,000 EUR/MWh hour (hour 18), the
// dispatch stops the TRIMET-like line in that hour only, and the dynamic model stays in window with
// the instantaneous ledge below the 10 cm freeze alarm (measured 2026-12-06: 9.35 cm; the stop
// terms b_stop = 1.7 cm, c_stop = −11.9 K). Without the stop state the linear model put 0.3 cm of
// ledge on a stopped hour (the dynamic model 3.2 cm) and the week stopped 19 times, the ledge
// at 11.9 cm. From 2026-12-05 to 2026-12-06 it also stopped four hours at 80 EUR/MWh
// (docs/validation.md F9): a stop cost only its hour's metal, while hours at +25 % (production
// elasticity 1.05) made it back for less energy. A stop and its restart now cost what the dynamic
// model's stop run loses beyond the stopped hour (ReducedModel::stop_metal_steps, 0.218 hours of
// metal, fitted; no change penalty). Asserted: only the spike hour stopped; the restart cost
// fitted; the reduced model's metal against flat within 1 t of the dynamic model's (0.3 % of the
// 310 t of the horizon, below the 1.4 t one restart costs the line, so a restart cost missing from
// the plan would show; measured 0.0 t planned, +0.17 t delivered); in window, below the freeze
// alarm.
//
// Since 2026-12-07 (flex20) with the rise out of a cut (flex.rise_state = heat-deficit,
// docs/model/flexibility.md §3): the concave fit's plan and delivery were 6.50 t apart without it
// (+0.05 planned, +6.55 delivered; a deviation asserted below 12.5 t), 0.61 t with it (+0.05,
// −0.56: a pass of F9's 1 t). The state's onset, where the constant runs' ACD reaches its 8 cm
// ceiling, is 93.8 % of nominal power; a_q 0.854 per hour and κ 0.360 are fitted to the rises after
// 12 and 24 h at 75 %. A stop now costs what the state charges it (the stopped hour drives the
// deficit at u = −1: 0.338 h of metal after it), more than the dynamic model's stop run loses
// beyond its hour (0.266 h), so stop_metal_steps is held at 0 (noted). On a cut length it was not
// fitted to, 6 h at 75 %, the state charges 0.243 h of a cell's metal after the rise where the
// dynamic model loses 0.125 h: one state saturates within hours, the dynamic model's loss grows
// about linearly with the cut (0.064, 0.094, 0.125, 0.279, 0.339 h after 1, 3, 6, 12, 24 h), so
// short cuts are over-charged about twice (why it is not the default). Asserted as measured.
TEST(FlexTrimet, OneHourStopAtAPriceSpikeStaysInWindowBelowTheFreezeAlarm) {
  // No capex: the same run without its second one, the case without exchangers (flex_run.hpp,
  // WithoutExchangers), which nothing here reads (CI time).
  const flex::FlexCase c =
      trimet_case({"flex.max_off=1h", "flex.horizon=48h", "economics.heat_exchanger_capex=0",
                   "flex.rise_state=heat-deficit"});
  ASSERT_EQ(c.dispatch.change_penalty_eur, 0.0);
  flex::PriceSeries prices;
  prices.start_unix_s = 1780272000;  // 2026-06-01T00:00Z
  prices.step_s = 3600;
  for (int h = 0; h < 48; ++h) prices.price_eur_per_J.push_back((h == 18 ? 3000.0 : 80.0) / 3.6e9);
  const flex::FlexResult r = flex::run_flex(c, prices, false);
  const auto& shares = r.final_round().schedule.shares;
  ASSERT_EQ(shares.size(), 48u);
  for (std::size_t k = 0; k < shares.size(); ++k) EXPECT_EQ(shares[k] <= 0.0, k == 18) << k;
  EXPECT_GT(r.model.b_stop, 0.005);  // 0.0077 with flex's mass_transfer CE (T9-3); above 0.01 with Dewing
  EXPECT_GE(r.model.stop_metal_steps, 0.0);  // 0: the state's 0.338 h exceed the stop run's 0.266 h
  EXPECT_GT(r.model.rise_onset, -0.10);      // −0.062: the ACD ceiling's onset at 93.8 %
  EXPECT_LT(r.model.rise_onset, -0.05);
  EXPECT_GT(r.model.rise_metal, 0.0);                              // 0.360
  EXPECT_LT(r.model.rise_fit_rms, 0.5 * r.model.rise_static_rms);  // 1.92 → 0.49 % per step
  const double planned_t =
      (r.final_round().schedule.economics.production_kg - r.flat.economics.production_kg) / 1e3;
  const double delivered_t = (r.delivered.production_kg - r.flat_delivered.production_kg) / 1e3;
  // Known deviation (docs/validation.md F9): since the production curve is piecewise (T8-11,
  // 2026-12-06) the plan runs the 80 EUR/MWh hours above nominal too (delivered savings +290,917
  // EUR against +279,555 with one elasticity), and the curve's concave fit, one slope of 1.058
  // through nominal up to 110 % where the constant-power runs of this cell make 1.93 just above
  // nominal and 1.44 up to 110 % (an S-shaped curve a concave one cannot follow), plans +18.9 t where
  // the dynamic model makes +30.6 t (was 0.0 t against +2.1 t: the plan stayed at nominal).
  // Asserted at the measured size so that a change is seen; it no longer shows a missing restart
  // cost (1.4 t). With 8 simulated cells and the example's top heat retention in a cut (2026-12-06):
  // +0.0 t planned, +5.9 t delivered (5.8 t before the retention); on main a1fe2dd +0.05 t planned,
  // +5.02 t delivered; with the stop cost depending on the restart's level (flex18, main fa570ed)
  // +0.05 t planned, +6.12 t delivered: the concave fit under-credits the hours at 110 %.
  EXPECT_LT(std::abs(planned_t - delivered_t), 1.0);  // 0.61 t with the rise state (6.50 t without)
  EXPECT_TRUE(r.in_window) << r.verdict;
  EXPECT_LT(r.final_round().check.max_ledge_m, c.ledge_max_m());
  // The state on a cut it was not fitted to: 6 h at 75 %, then nominal.
  std::vector<double> six(48, 1.0);
  std::fill(six.begin(), six.begin() + 6, 0.75);
  const flex::CellTrace run =
      flex::run_power_schedule(c.sim, six, 3600, 48 * 3600, 300, c.dispatch.simulated_cells);
  ASSERT_FALSE(run.stopped);
  const double step_kg = r.model.nominal_production_kg_per_s * 3600;
  const std::vector<double> q = r.model.rise_deficit(six);
  double dynamic_h = 0, model_h = 0;
  for (std::size_t k = 6; k < 48; ++k) {
    const double kg =
        flex::produced_kg_to(run, (k + 1) * 3600.0) - flex::produced_kg_to(run, k * 3600.0);
    dynamic_h += r.model.base_production_share(k) - kg / step_kg;
    model_h += r.model.rise_metal * q[k];
  }
  EXPECT_GT(dynamic_h, 0.05);           // 0.125 h
  EXPECT_GT(model_h, 1.5 * dynamic_h);  // 0.243 h: the known over-charge of short cuts
  EXPECT_LT(model_h, 2.5 * dynamic_h);
}

// F9 with the measured production curve (flex.production_curve = measured,
// docs/model/flexibility.md §2): the S-shaped curve's points with a binary per convex kink and
// step. The stop cost depends on the level after the restart (ReducedModel::stop_metal_slope: a
// second stop run of the fit, restarting at 75 %, whose −0.17 hours of metal beyond the stopped
// hour are held at 0 as at nominal). Measured 2026-12-07 on flex18 (main fa570ed): +0.05 t planned,
// +0.41 t delivered against flat, 0.36 t apart (F9's 1 t: a pass; 2.24 t on main a1fe2dd with one
// stop cost fitted to a restart at nominal). Its two parts do not vanish, they offset: this schedule
// restarts into a 13-h cut at 75 %, whose stop the plan over-charges by 1.52 t (the clamp: a long
// cut after a stop makes more metal than the constant cut, the beam's slower rise to the 8 cm
// ceiling and a cooler cell's current efficiency), and the rises from a cut, whose ACD comes down
// from the ceiling over 2–3 h where the constant-power points give the new level's metal at once,
// put the plan 1.16 t above the dynamic model (the schedule with the stop hour run at the level of
// the hour before it). With McCormick rows for restart·u CBC returned another schedule within the
// 0.5 % gap (the stop in a cut, two hours at 75 % after it): 1.83 t apart. Unclamped, the −0.17 h
// made five stops pay at 80 EUR/MWh and put plan and delivery 12.2 t apart. Asserted as measured.
TEST(FlexTrimet, OnTheMeasuredCurveWithARestartLevelStopCostPlanAndDeliveryAreWithinOneTonne) {
  const flex::FlexCase c = trimet_case(
      {"flex.max_off=1h", "flex.horizon=48h", "flex.production_curve=measured",
       "economics.heat_exchanger_capex=0"});  // no second run without exchangers (CI time)
  flex::PriceSeries prices;
  prices.start_unix_s = 1780272000;  // 2026-06-01T00:00Z
  prices.step_s = 3600;
  for (int h = 0; h < 48; ++h) prices.price_eur_per_J.push_back((h == 18 ? 3000.0 : 80.0) / 3.6e9);
  const flex::FlexResult r = flex::run_flex(c, prices, false);
  EXPECT_TRUE(r.model.curve_exact);
  EXPECT_GT(r.model.curve_concave_error, r.model.curve_scatter);
  // The stop cost's level term: a restart at 75 % (1 − δ) costs 0 beyond its stopped hour (the
  // dynamic model's −0.17 hours of metal held at 0), one at nominal stop_metal_steps.
  EXPECT_GT(r.model.stop_metal_slope, 0.5);
  EXPECT_NEAR(r.model.stop_metal_steps - r.model.delta * r.model.stop_metal_slope, 0.0, 1e-9);
  const auto& shares = r.final_round().schedule.shares;
  ASSERT_EQ(shares.size(), 48u);
  for (std::size_t k = 0; k < shares.size(); ++k) EXPECT_EQ(shares[k] <= 0.0, k == 18) << k;
  const double planned_t =
      (r.final_round().schedule.economics.production_kg - r.flat.economics.production_kg) / 1e3;
  const double delivered_t = (r.delivered.production_kg - r.flat_delivered.production_kg) / 1e3;
  EXPECT_LT(std::abs(planned_t - delivered_t), 1.0);  // 0.36 t
  EXPECT_TRUE(r.in_window) << r.verdict;
  EXPECT_LT(r.final_round().check.max_ledge_m, c.ledge_max_m());
  // The same schedule with the stop hour run at the level of the hour before it: plan (the reduced
  // model's path) and dynamic model, against the schedule as planned.
  std::vector<double> running = shares;
  running[18] = shares[17];
  const double step_t = r.model.nominal_production_kg_per_s * prices.step_s * c.cells / 1e3;
  const auto planned_metal_t = [&](const std::vector<double>& s) {
    double steps = 0;
    for (double n : r.model.production_path(s)) steps += n;
    return steps * step_t;
  };
  const double delivered_running_t =
      flex::resimulate(c, r.model, running, prices.step_s, r.final_round().bounds).production_kg /
      1e3;
  const double delivered_stopped_t = r.delivered.production_kg / 1e3;
  const double miss_running_t = planned_metal_t(running) - delivered_running_t;
  EXPECT_GT(miss_running_t, 0.5);  // 1.16 t: the rises from a cut
  const double stop_beyond_plan_t = (delivered_running_t - delivered_stopped_t) -
                                    (planned_metal_t(running) - planned_metal_t(shares));
  EXPECT_LT(stop_beyond_plan_t, -0.5);  // −1.52 t: the stop into a long cut over-charged
  EXPECT_GT(stop_beyond_plan_t, -2.5);
  EXPECT_LT(shares[19], 0.8);  // the restart goes into a cut
}

// Would exchangers that insulate when closed ([TRIMET virtual battery]: they "insulate the cell
// under a lower energy input"; in the model closed is the bare shell) hold −25 %? No side-wall
// measure can, at 75 % power and the 8 cm ceiling: at steady state the side loses what generation
// leaves after the top and the bottom (286 − 169 − 77 = 39 kW), and behind a ledge the bath gives it
// through the ledge face (h·A·superheat) and the lining past the ledge (≥ 0). So the superheat is at
// most (generation − top − bottom)/(h·A) = 39 kW / 9.8 kW/K ≈ 4.0 K (measured 2026-12-04), whatever
// the shell, the exchangers or the ledge do; a better insulated shell (the passive shell's
// conductance × 0.5 and × 0) only moves the exchanger use (they open a little to hold the design
// ledge) and leaves the superheat at 2.4 K. A bound on the model's own balance, not a fit.
TEST(FlexTrimet, KnownMissAtMinusTwentyFivePercentNoSideWallInsulationReachesFiveKelvin) {
  const flex::FlexCase c = trimet_case({});
  const SteadyBalance capped = steady_at_power(c, 0.75, 0.08);
  ASSERT_EQ(capped.s.status, "steady");
  const double side_W = capped.s.result.energy.heat_loss_W - capped.s.top_loss_W - capped.s.bottom_loss_W;
  EXPECT_NEAR(side_W, capped.s.side_loss_W, 1e-3 * capped.s.result.energy.heat_loss_W);  // balanced
  const double bound_K = side_W / capped.face_W_per_K;
  EXPECT_GT(bound_K, capped.s.superheat_K);
  EXPECT_LT(bound_K, 4.5);
  for (double shell : {0.5, 0.0}) {
    const SteadyBalance insulated = steady_at_power(c, 0.75, 0.08, 1.0, shell);
    EXPECT_NEAR(insulated.s.superheat_K, capped.s.superheat_K, 0.05) << "shell x" << shell;
    EXPECT_GT(insulated.use, capped.use);
  }
}

}  // namespace
}  // namespace test_flex_trimet
