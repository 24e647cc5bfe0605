// Validation rung 9f-b / issue 13 part 7 (docs/validation.md F8b, docs/model/flexibility.md §7): the
// TRIMET-like line of examples/flex-week-insulated.toml — the 120 P155 cells of
// examples/flex-week-heat-exchangers.toml (same control, exchangers in automatic mode) built to the
// one published design rule for a cell that runs through power cuts, [EP 0047227]: insulated so that
// at 70–80 % of its nominal current it is in thermal balance with no heat removed or supplied, the
// exchangers removing the surplus at nominal. The design values were sized by that rule (balance at
// 75 % of nominal current, the midpoint, chosen before any run) and fixed before the envelope was
// run; the envelope results below are measurements (2026-12-05), not targets. Against [TRIMET 2019]:
// ±25 % power for up to 48 h, ≈ 1,120 MWh of flexible energy; freeze alarm at zero power in 1–3 h
// (issue 13). TRIMET's own per-pot figures are not published: this is the patent's design, not
// TRIMET's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/flex/cell_runs.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

#include "flex_example_case.hpp"

namespace test_flex_trimet_insulated {

using namespace potline;

namespace {

constexpr double kPublished_MWh = 1120.0;  // [TRIMET 2019]
constexpr double kHour = 3600.0;

flex::FlexCase load_case(const std::string& example, const std::vector<std::string>& extra) {
  return potline::testing::flex_example_case(example, extra);
}

flex::FlexCase insulated(const std::string& levels, const std::string& duration = "48 h",
                         std::vector<std::string> extra = {}) {
  extra.push_back("envelope.levels=" + levels);
  extra.push_back("envelope.max_duration=" + duration);
  return load_case("flex-week-insulated.toml", extra);
}

// The case without its top heat retention in a cut (control.cut_top_loss_reduction = 0, the case
// until 2026-12-06) and with the ledge rule melting back at any superheat
// (heat_exchangers.melt_back_superheat = 0, until 2026-12-07): the tests of why −25 % was missed keep
// measuring that cell.
flex::FlexCase without_retention(const std::string& levels, const std::string& duration = "48 h",
                                 std::vector<std::string> extra = {}) {
  extra.push_back("control.cut_top_loss_reduction=0");
  extra.push_back("heat_exchangers.melt_back_superheat=0");
  return insulated(levels, duration, extra);
}

double mwh(double joules) { return joules / 3.6e9; }

dynamics::CellModel cell_model(const flex::FlexCase& c) {
  std::vector<double> y(dynamics::kStateCount);
  dynamics::CellModel m =
      dynamics::build_cell_model(c.sim.design, c.sim.constants, c.sim.op, c.sim.dynamics, y.data());
  dynamics::prepare_rhs(m);
  return m;
}

// The bare shell's loss at the calibrated (nominal) wall temperature: the passive shell conductance,
// exchangers excluded.
double bare_shell_W(const dynamics::CellModel& m) {
  return m.derived.wall_out_W_per_K * (m.wall_reference_K - m.parameters.ambient_temperature_K);
}

// Mean of a trace column over (from_s, to_s] (rows are instantaneous values every 5 min).
double mean_between(const flex::CellTrace& t, const std::vector<double>& v, double from_s,
                    double to_s) {
  double sum = 0.0;
  int n = 0;
  for (std::size_t i = 0; i < t.time_s.size() && i < v.size(); ++i) {
    if (t.time_s[i] > from_s && t.time_s[i] <= to_s) {
      sum += v[i];
      ++n;
    }
  }
  return n > 0 ? sum / n : 0.0;
}

// One cell at `share` of nominal power for `hours` (rows every 5 min).
flex::CellTrace held(const flex::FlexCase& c, double share, double hours) {
  return flex::run_power_schedule(c.sim, {share}, hours * kHour, hours * kHour, 300.0);
}

}  // namespace

// The design follows the patent's rule (a check of the sizing at its own design points, not a
// validation): at 75 % of nominal current, the design ACD (the patent raises the ACD only below
// 70–80 %) and the design bath temperature, with the exchangers closed, the network loses what the
// cell generates (205.7 kW): top loss share × 0.511 (conductance × 0.464); the bottom share is the catalogue cell's (the model cannot take the
// patent's lining insulation: the cathode Joule heat released in the lining node, 68 kW, must stay
// below the bottom loss, 78 kW); the bare shell keeps the catalogue case's 13.7 kW, so the
// exchangers take 209 kW at nominal; their rating is the surplus at 125 % power (design ACD and bath
// temperature) over top, bottom and bare shell: 336 kW. The sizing was derived (2026-12-05) with the
// Dewing CE, the default then, and is checked with it: under flex's mass_transfer default (T9-3) the
// cell at 75 % current makes less metal (a lower CE) and generates 207.7 kW there (+1.0 %); the
// design values were fixed before the envelope was run and are not re-sized to it (F8b).
TEST(FlexTrimetInsulated, DesignValuesFollowThePatentBalanceRuleAtSeventyFivePercentCurrent) {
  const std::string dewing = "model.current_efficiency_model=dewing";
  const flex::FlexCase c = insulated("75", "48 h", {dewing});
  const flex::FlexCase catalogue = load_case("flex-week-heat-exchangers.toml", {dewing});
  const dynamics::CellModel m = cell_model(c);
  const dynamics::CellModel mc = cell_model(catalogue);
  EXPECT_NEAR(1.0 - c.sim.dynamics.top_loss_fraction - c.sim.dynamics.side_loss_fraction,
              1.0 - catalogue.sim.dynamics.top_loss_fraction - catalogue.sim.dynamics.side_loss_fraction, 1e-9);
  // Top loss at nominal × 0.511 (176.0 → 89.9 kW); with the anode Joule heat released in the top node
  // the path's conductance is × 0.464, beyond the × 0.5 that twice the cover would give even if the
  // cover were the whole top resistance.
  EXPECT_NEAR(c.sim.dynamics.top_loss_fraction / catalogue.sim.dynamics.top_loss_fraction, 0.511, 0.001);
  EXPECT_NEAR(mc.top_resistance_K_per_W / m.top_resistance_K_per_W, 0.464, 0.002);
  EXPECT_NEAR(bare_shell_W(m), bare_shell_W(mc), 200.0);
  EXPECT_NEAR(c.sim.dynamics.exchanger_design_fraction * m.exchanger_max_W, 209.3e3, 1e3);

  cell::OperatingPoint balance = c.sim.op;  // design ACD and bath temperature
  balance.line_current_A *= 0.75;
  const auto closed = dynamics::thermal_state_at_temperature(m, balance, 0.0);
  EXPECT_NEAR(closed.result.energy.heat_loss_W, 205.7e3, 1e3);
  EXPECT_NEAR(closed.heat_loss_W, closed.result.energy.heat_loss_W, 1e3);
  // Found while sizing: with the exchangers closed the bare shell cannot hold a ledge there.
  EXPECT_LT(closed.ledge_m, 1e-3);

  cell::OperatingPoint up = c.sim.op;
  const double power_W = 1.25 * flex::nominal_cell_power_W(c.sim);
  for (int k = 0; k < 30; ++k) {
    up.line_current_A = power_W / cell::evaluate(c.sim.design, c.sim.constants, up).voltage_V;
  }
  const auto hot = dynamics::thermal_state_at_temperature(m, up, 0.0);
  const double surplus_W = hot.result.energy.heat_loss_W - hot.top_loss_W - hot.bottom_loss_W - bare_shell_W(m);
  EXPECT_NEAR(surplus_W, 336e3, 2e3);
  EXPECT_NEAR(m.exchanger_max_W, surplus_W, 0.01 * surplus_W);
}

// F8b (docs/validation.md): with the example's top heat retention in the cut
// (control.cut_top_loss_reduction 0.3, [Wang et al. 2019]; docs/model/dynamics.md §4) −25 % holds
// the 48 h from a cell settled 48 h at nominal (envelope.settle, the default) and from the
// calibration point, 1,139 / 1,146 MWh AC (within 15 % of the published ≈ 1,120 MWh), the ACD at the
// 8 cm ceiling; +25 %: 48 h, 125.1 % drawn, 1,152 MWh AC (measured 2026-12-06). Without the
// retention −25 % left after 43.9 h (superheat mean below 5 K; the tests with without_retention).
TEST(FlexTrimetInsulated, PlusAndMinusTwentyFivePercentHoldFortyEightHoursWithTheTopHeatRetention) {
  for (const char* settle : {"48 h", "0"}) {
    const flex::FlexCase c = insulated("75, 125", "48 h", {std::string("envelope.settle=") + settle});
    ASSERT_EQ(c.cells, 120);
    ASSERT_DOUBLE_EQ(c.sim.control.cut_top_loss_reduction, 0.3);
    const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
    ASSERT_EQ(rows.size(), 2u);
    const auto& down = rows[0];
    const auto& up = rows[1];
    EXPECT_LT(up.frozen_s, 0.0);
    EXPECT_TRUE(up.limit.empty()) << settle << ": " << up.limit << " after " << up.hold_s / kHour << " h";
    EXPECT_GE(up.min_acd_m, c.sim.control.acd_min_m - 2e-3);  // metal-pad drift between beam moves
    EXPECT_FALSE(up.beyond_reach());
    EXPECT_NEAR(up.drawn_share, 1.25, 0.005);
    EXPECT_LT(up.current_limit_s, 12 * kHour);
    EXPECT_NEAR(mwh(up.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh);

    EXPECT_LT(down.frozen_s, 0.0);
    EXPECT_LT(down.freeze_alarm_s, 0.0);
    EXPECT_TRUE(down.limit.empty()) << settle << ": " << down.limit << " after " << down.hold_s / kHour << " h";
    EXPECT_NEAR(mwh(down.flexible_energy_J), kPublished_MWh, 0.15 * kPublished_MWh);
    EXPECT_NEAR(down.max_acd_m, 0.08, 1e-3);
  }
}

// A week, unlike the catalogue cell of F8 (FlexTrimetSeeds: 48 h at every seed, not the week): with
// the retention the insulated cell's superheat settles at 5.4 K at −25 % (days 2–7 of a week: 5.38–5.46
// K, bath 964–966 °C, the ledge held at 6.5 cm by the exchangers, which take 137 kW; measured
// 2026-12-06), so from the settled cell −25 % holds a whole week at seeds 1–5 and 11 (re-measured
// 2026-12-07 with the exchangers keeping a cut's ledge below 6 K, the example's).
TEST(FlexTrimetInsulated, WithTheTopHeatRetentionMinusTwentyFiveHoldsAWeekAtEverySeed) {
  for (int seed : {1, 2, 3, 4, 5, 11}) {
    const flex::FlexCase c = insulated("75", "168 h", {"run.seed=" + std::to_string(seed)});
    const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].limit.empty()) << seed << ": " << rows[0].limit << " after " << rows[0].hold_s / kHour << " h";
  }
}

// Nominal power stays in window with the insulated cell (48 h; measured: superheat daily mean
// 6.35–6.9 K, ledge 6.3–7.0 cm).
TEST(FlexTrimetInsulated, NominalPowerStaysInWindow) {
  const flex::FlexCase c = insulated("100");
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].limit.empty()) << rows[0].limit << " after " << rows[0].hold_s / kHour << " h";
  EXPECT_LT(rows[0].freeze_alarm_s, 0.0);
}

// The patent's insulation must not break the zero-power check of issue 13: the freeze alarm
// (instantaneous ledge above 10 cm) comes after 1.6 h (measured; 1.3 h for the catalogue cell), within
// 1–3 h and after TRIMET's hour at zero power; the bath freezes after 12.9 h (8.2 h catalogue).
TEST(FlexTrimetInsulated, ZeroPowerFreezeAlarmStaysWithinOneToThreeHours) {
  const flex::FlexCase c = insulated("0", "24 h");
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_GT(rows[0].freeze_alarm_s, 1.0 * kHour);
  EXPECT_LT(rows[0].freeze_alarm_s, 3.0 * kHour);
  EXPECT_GT(rows[0].frozen_s, 3.0 * kHour);
}

// Sensitivity (not the case): the same rule with the balance at 80 % of nominal current (top path
// × 0.699: top 0.3146, side 0.4854; rating 30.72 kW/m², design use 0.582) holds −25 % for 23.75 h
// from a cell settled 48 h at nominal (superheat, measured 2026-12-06; 27.2 h from the calibration
// point); balance at 70 % cannot be built in this model (the top loss share would
// have to be ≈ 0.33 × the catalogue's, extrapolated; the calibration stops below × 0.485, where the
// side heat past the ledge can no longer cross the frozen layer).
TEST(FlexTrimetInsulated, SensitivityBalanceAtEightyPercentHoldsMinusTwentyFiveForLess) {
  const flex::FlexCase c = without_retention("75", "48 h",
                                     {"dynamics.top_loss_fraction=0.3146", "dynamics.side_loss_fraction=0.4854",
                                      "heat_exchangers.max_extraction=30.72 kW/m2",
                                      "heat_exchangers.design_fraction=0.582"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].limit, "superheat_min");
  EXPECT_GT(rows[0].hold_s, 20 * kHour);
  EXPECT_LT(rows[0].hold_s, 36 * kHour);
}

// Why −25 % is missed (measured 2026-12-06; docs/validation.md F8b): neither a drift nor a lack of
// heat. One cell at 75 % of nominal power for a week: the superheat settles within two days and
// stays there — means of the 5-min rows 4.77 K on day 2, 4.42 K on days 3–4½ and 4.46 K on days
// 4½–7 (4.44 K on days 3–7; 4.59 / 4.51 K on day 2 / days 3–7 before the feed cycle was centred on
// the design alumina, 2026-12-06, when it settled on the first day) — while the exchangers hold the
// design ledge (6.50 cm), still taking 92 kW on average. The bath holds 962.7 °C, 2.3 K below the
// design 965 °C: with the alumina at the design's 2.5 wt% (the liquidus the design's) it sits the
// settled superheat above it (967.5 °C, 2.5 K above, while the feed control held ≈ 1.95 wt% and the liquidus
// was ≈ 3 K higher). The patent's balance point is 75 % of nominal *current* at the design
// ACD; at the design bath that point draws 62.7 % of nominal *power* (the voltage falls with the
// current), while −25 % of power runs at 133 kA (78 % of the current) with the ACD at the 8 cm
// ceiling and generates ≈ 281 kW against the balance point's 205.7 kW, and the exchangers' ledge
// rule takes 91 kW out to hold the ledge. That heat is the ledge's, not spare: at the design ledge
// the superheat is set by the heat that crosses the ledge face, not by the heat in the cell, and
// closing the exchangers melts the ledge
// (KnownMissASuperheatFloorOnTheExchangersMeltsTheLedgeAndTheLiquidusFollows). The envelope's hold
// is the time the daily running mean, started at the call's superheat, takes to decay to 5 K: 43.9 h
// from a settled cell; from the calibration point (6.9 K) it stays above 5 K for the 48 h (41.3 and
// 47.25 h before the feed cycle was centred on the design alumina, 2026-12-06).
TEST(FlexTrimetInsulated,
     KnownMissAtMinusTwentyFivePercentTheSuperheatSettlesBelowFiveKelvinAtTheDesignLedge) {
  const flex::FlexCase c = without_retention("75", "168 h");
  const flex::CellTrace t = held(c, 0.75, 168.0);
  ASSERT_FALSE(t.stopped) << t.stop_message;
  const double day2 = mean_between(t, t.superheat_K, 24 * kHour, 48 * kHour);
  const double later = mean_between(t, t.superheat_K, 48 * kHour, 168 * kHour);
  EXPECT_GT(later, 4.2);  // 4.48 K measured
  EXPECT_LT(later, 4.8);
  EXPECT_GT(day2, later);  // 4.77 K: still settling on day 2 (the feed cycle centred, 2026-12-06)
  EXPECT_NEAR(mean_between(t, t.superheat_K, 48 * kHour, 108 * kHour),
              mean_between(t, t.superheat_K, 108 * kHour, 168 * kHour), 0.15);  // settled, not drifting
  EXPECT_NEAR(mean_between(t, t.ledge_m, 48 * kHour, 168 * kHour), c.sim.dynamics.initial_ledge_m,
              0.002);
  EXPECT_LT(mean_between(t, t.temperature_K, 48 * kHour, 168 * kHour), c.sim.op.bath_temperature_K);
  EXPECT_GT(t.summary.exchanger_mean_W, 50e3);  // 92 kW: open, not closed
  const double nominal_A = c.sim.op.line_current_A;
  EXPECT_GT(mean_between(t, t.current_A, 1 * kHour, 168 * kHour) / nominal_A, 0.77);  // 0.78
  // The patent's balance point in power: 75 % of the current at the design ACD and bath.
  cell::OperatingPoint balance = c.sim.op;
  balance.line_current_A *= 0.75;
  const double balance_share = balance.line_current_A *
                               cell::evaluate(c.sim.design, c.sim.constants, balance).voltage_V /
                               flex::nominal_cell_power_W(c.sim);
  EXPECT_NEAR(balance_share, 0.627, 0.005);
}

// The patent's balance point itself (measured 2026-12-06): one cell a week at the power of 75 % of
// nominal current at the design ACD (62.7 %), the ACD held (no hold_voltage, no feed-forward), the
// exchangers closed (126.8 kA drawn, 74.6 % of the current; flex's mass-transfer CE). The superheat
// is not held: 1.50 K on days 3–7 (ledge 4.7 cm), and the bath, 966.4 °C (the heat-balance loop on),
// is 1.4 K above its design temperature: the overfeed trigger at the line current (2026-12-06) no
// longer switches early at 75 % of it, so the cycle runs leaner and the liquidus higher (1.42 K,
// 3.7 cm and 964.0 °C, 1.0 K under, from the centring until then). Until the feed cycle was
// centred on the design alumina (2026-12-06, user trial T10-1) the bath ran 2 K above it there (967.0 °C, superheat 1.55 K, ledge
// 5.7 cm): the ≈ 1.95 wt% alumina the feed control then held raised the liquidus by ≈ 3 K, so "the
// rule holds the temperature" came from the alumina, not from the heat balance. Closed, the side passes what the bare shell gives
// (≈ 14 kW), not the face flux of the design superheat (h·A·6.9 K ≈ 68 kW): a balance stated in
// heat at the design temperature is not one at the design superheat in this network ("found while
// sizing", docs/validation.md F8b).
TEST(FlexTrimetInsulated, AtItsBalancePointTheCellHoldsNotItsSuperheatAndTheBathFollowsTheLiquidus) {
  const flex::FlexCase c =
      without_retention("75", "168 h",
                {"control.hold_voltage=false", "control.heat_feedforward=0",
                 "heat_exchangers.mode=schedule", "heat_exchangers.schedule=0 h 0"});
  const flex::CellTrace t = held(c, 0.627, 168.0);
  ASSERT_FALSE(t.stopped) << t.stop_message;
  EXPECT_NEAR(mean_between(t, t.current_A, 1 * kHour, 168 * kHour), 0.75 * c.sim.op.line_current_A,
              0.01 * c.sim.op.line_current_A);
  const double bath_K = mean_between(t, t.temperature_K, 48 * kHour, 168 * kHour);
  // 1.4 K above measured (1.0 K under with the trigger at the nominal current, 2.0 K above before
  // the centring): within a few K of the design, set by the alumina's liquidus, not the superheat.
  EXPECT_LT(bath_K, c.sim.op.bath_temperature_K + 3.0);
  EXPECT_GT(bath_K, c.sim.op.bath_temperature_K - 4.0);
  EXPECT_LT(mean_between(t, t.superheat_K, 48 * kHour, 168 * kHour), 2.5);
  EXPECT_LT(t.summary.exchanger_mean_W, 100.0);  // closed from the first control period
}

// The envelope calls each level from a cell settled 48 h at nominal (envelope.settle, the default
// since 2026-12-06), not from the calibration point, whose superheat (6.9 K at the catalogue's 2.5
// wt% alumina) the controlled cell does not quite keep: after 48 h at nominal the daily mean is
// 6.69 K (6.19 K while the feed control held ≈ 1.9–2.0 wt% alumina; the liquidus was ≈ 3 K higher
// and the bath ≈ 2 K warmer; then −25 % left after 41.3 h, not 47.25 h from envelope.settle = 0).
// With the feed cycle centred on the design alumina (2026-12-06, user trial T10-1): 43.9 h from the
// settled cell, and from the calibration point the whole 48 h (no limit) — the published hold. The settled envelope is the same run as two days at nominal then 75 % by
// hand (a check of the settling, not a validation).
TEST(FlexTrimetInsulated, KnownMissFromACellSettledAtNominalMinusTwentyFivePercentLeavesSooner) {
  const flex::FlexCase c = without_retention("75", "48 h");
  ASSERT_DOUBLE_EQ(c.envelope.settle_s, 48 * kHour);  // the default
  const auto settled = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(settled.size(), 1u);
  const flex::CellTrace t =
      flex::run_power_schedule(c.sim, {1.0, 1.0, 0.75}, 24 * kHour, 96 * kHour, 300.0);
  ASSERT_FALSE(t.stopped) << t.stop_message;
  const auto [left_s, limit] = potline::testing::first_crossing_after(c, t, 48 * kHour);
  EXPECT_EQ(limit, "superheat_min");
  EXPECT_EQ(settled[0].limit, limit);
  EXPECT_NEAR(settled[0].hold_s, left_s, 1.0);  // the same run: a check of the settling
  EXPECT_GT(left_s, 42 * kHour);  // 43.9 h measured
  EXPECT_LT(left_s, 48 * kHour);
  const flex::FlexCase calibration = without_retention("75", "48 h", {"envelope.settle=0"});
  const auto from_calibration =
      flex::operating_envelope(calibration, flex::case_bounds(calibration));
  EXPECT_TRUE(from_calibration[0].limit.empty()) << from_calibration[0].limit;
  EXPECT_NEAR(from_calibration[0].hold_s, 48.0 * kHour, 0.5 * kHour);
}

// A plant-like superheat floor on the exchangers' ledge rule (heat_exchangers.superheat_floor 5 K,
// the window's floor; margin 1 K) does not hold −25 % (measured 2026-12-06, one cell a week at 75 %
// of power from the calibration point): once the daily mean falls under 5 K (≈ 47 h) the
// exchangers close, the ledge melts (6.3 → 0.4 cm in a day), its 1.7 t of cryolite lower the AlF3
// excess from 12.0 to 8.7 wt%, the liquidus rises with the bath (963.7 → 980.8 °C, the bath at
// 985 °C), and the superheat stays at 4.1–6.5 K (6-h means). The envelope's hold: 47.1 h (47.0 h
// without the floor), 43.4 h from a settled cell (41.1 h), the ledge melting away (figures from
// before the feed cycle was centred on the design alumina and flex's mass-transfer CE; re-measured
// 2026-12-06 from a settled cell: 44.25 h, 43.75 h before the centring; the assertions below hold). So the 91 kW the rule takes at −25 % is the ledge's, not
// spare heat.
TEST(FlexTrimetInsulated,
     KnownMissASuperheatFloorOnTheExchangersMeltsTheLedgeAndTheLiquidusFollows) {
  const flex::FlexCase c = without_retention("75", "48 h", {"heat_exchangers.superheat_floor=5"});
  const auto rows = flex::operating_envelope(c, flex::case_bounds(c));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].limit, "superheat_min");
  EXPECT_GT(rows[0].hold_s, 40 * kHour);  // 44.25 h measured
  EXPECT_LT(rows[0].hold_s, 46 * kHour);
  const flex::CellTrace t = held(c, 0.75, 96.0);
  ASSERT_FALSE(t.stopped) << t.stop_message;
  EXPECT_LT(mean_between(t, t.ledge_m, 72 * kHour, 96 * kHour), 0.02);  // 0.3 cm: melted
  EXPECT_GT(mean_between(t, t.temperature_K, 72 * kHour, 96 * kHour),
            c.sim.op.bath_temperature_K + 10.0);
  EXPECT_LT(mean_between(t, t.superheat_K, 72 * kHour, 96 * kHour), 7.0);  // the liquidus followed
}

// Sensitivity, not the case: the steady superheat at −25 % rises with the ACD ceiling (immersion
// limit off): 4.48 / 4.94 / 5.37 K at 8 / 9 / 10 cm (means of days 3–7, measured 2026-12-06), so 5
// K needs ≈ 9.1 cm, 1.1 cm above the estimated ceiling (the catalogue cell of F8 needs ≈ 12.3 cm).
TEST(FlexTrimetInsulated, SensitivityTheSteadySuperheatAtMinusTwentyFiveRisesWithTheAcdCeiling) {
  const auto steady = [](const std::string& ceiling) {
    const flex::FlexCase c =
        without_retention("75", "168 h", {"control.acd_max=" + ceiling, "control.min_anode_immersion=0"});
    const flex::CellTrace t = held(c, 0.75, 168.0);
    return mean_between(t, t.superheat_K, 48 * kHour, 168 * kHour);
  };
  const double at9 = steady("9 cm");
  const double at10 = steady("10 cm");
  EXPECT_GT(at9, 4.7);
  EXPECT_LT(at9, 5.2);
  EXPECT_GT(at10, 5.1);
  EXPECT_LT(at10, 5.7);
}

}  // namespace test_flex_trimet_insulated
