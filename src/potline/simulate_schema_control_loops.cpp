// Simulate schema fields of [control]: the pot controller's noise, feed (tracking) control,
// resistance control, anode-effect quench, sampling and tapping, declared once with the member of
// ControllerSettings they bind, their unit, default, range and source. A declarative table, split
// by topic. Control practice around disturbances: simulate_schema_control.cpp.
#include <string>

#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
using control::ControllerSettings;
using Table = io::SchemaTable<SimulationCase>;

const std::string kDupuis =
    "[Dupuis 2011], Dyna/Marc tracking feed-control studies: 70 % underfeed, 140 % overfeed for 1 h, R_p "
    "slope from averaged samples";
const std::string kPhys7 = "industrial practice, as commonly quoted";

// measurement noise of the controller's voltage and current, and the back EMF it assumes
void add_measurement_noise_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.voltage_noise", &ControllerSettings::voltage_noise_V)
      .unit("mV", "V")
      .default_(20.0)
      .range(0.0, 1000.0)
      .doc("sd of the measured cell voltage")
      .source("estimate: 10–30 mV normal cell noise");
  ctl.number("control.current_noise", &ControllerSettings::current_noise_fraction)
      .unit("%", "1")
      .default_(0.2)
      .range(0.0, 10.0)
      .doc("sd of the measured line current")
      .source("estimate: rectifier current measurement");
  ctl.number("control.back_emf", &ControllerSettings::back_emf_V)
      .unit("V")
      .default_(1.65)
      .range(1.0, 2.5)
      .doc("E_b in the pseudo-resistance R_p = (V − E_b)/I")
      .source("1.6–1.7 V as commonly quoted [verify]");
}

// the feed (tracking) control: under- and overfeeding, shots, the slope of the averaged
// resistance
void add_feed_control_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.underfeed_factor", &ControllerSettings::underfeed_factor)
      .unit("1")
      .default_(0.7)
      .range(0.0, 1.0)
      .doc("underfeed rate / nominal")
      .source(kDupuis);
  ctl.number("control.overfeed_factor", &ControllerSettings::overfeed_factor)
      .unit("1")
      .default_(1.4)
      .range(1.0, 5.0)
      .doc("overfeed rate / nominal")
      .source(kDupuis);
  ctl.number("control.overfeed_duration", &ControllerSettings::overfeed_duration_s)
      .unit("min", "s")
      .default_(60.0)
      .range(1.0, 1440.0)
      .doc("overfeed period")
      .source(kDupuis);
  ctl.number("control.assumed_current_efficiency", &ControllerSettings::assumed_current_efficiency)
      .unit("%", "1")
      .default_(95.0)
      .range(50.0, 100.0)
      .doc("CE the controller assumes for its nominal feed rate")
      .source(
          "estimate: the CE of modern point-fed cells in data/technologies.toml (95–95.9 % "
          "published for AP60, DX+Ultra, RA-300; 95 % estimated for others)");
  ctl.number("control.shot_mass", &ControllerSettings::shot_mass_kg)
      .unit("kg")
      .default_(1.8)
      .range(0.1, 20.0)
      .doc("alumina per feeder shot")
      .source("1–3 kg per feeder, as commonly quoted");
  ctl.number("control.average_period", &ControllerSettings::average_period_s)
      .unit("s")
      .default_(120.0)
      .range(1.0, 3600.0)
      .doc("R_p averaging period")
      .source("[Dupuis 2011]: 2-min averages");
  ctl.integer("control.slope_points", &ControllerSettings::slope_points)
      .default_(10)
      .range(3, 64)
      .doc("averages in the slope fit")
      .source("[Dupuis 2011]: line through the last 10 averages");
  t.number("control.slope_threshold")
      .unit("mV/min", "V/s")
      .range(0.0, 100.0)
      .default_note(
          "the slope that centres the tracking cycle on bath.alumina, the design point's alumina "
          "(docs/model/dynamics.md §4, \"Feed: where the cycle sits\"); 1.2 mV/min with "
          "control.centre_feed_cycle = false")
      .doc("switch to overfeed when dR_p/dt × the present line current (the cell voltage's rate at that "
           "current) exceeds this; × the nominal current until 2026-12-06")
      .source(
          "[Dupuis 2011]: the R_p slope is the alumina concentration as tracking control reads it "
          "(3.9 mV/min at 2.21 wt% under no feed); by default derived from the cell: the threshold at "
          "which the controller's own noisy fit, on the cell's V(c), switches on average at the bottom of "
          "a cycle whose mean is bath.alumina; with control.centre_feed_cycle = false the estimate 3.9 "
          "mV/min × 0.3 (70 % underfeed depletes at 30 % of the no-feed rate) = 1.2 mV/min");
  t.boolean("control.centre_feed_cycle")
      .default_(true)
      .doc(
          "derive control.slope_threshold so that the tracking cycle's mean alumina is bath.alumina, the "
          "design point of cell --thermal (docs/model/dynamics.md §4, \"Feed: where the cycle sits\"); "
          "false: the fixed 1.2 mV/min of every cell before 2026-12-06, which runs the catalogue cells at "
          "1.99–2.43 wt%; a given control.slope_threshold is used as it is (true beside it is an error)")
      .source(
          "[Dupuis 2011], [Balchen 1992]: the R_p slope is the alumina set point as a tracking "
          "controller reads it, tuned per cell technology");
  ctl.number("control.min_underfeed", &ControllerSettings::min_underfeed_s)
      .unit("min", "s")
      .default_(20.0)
      .range(0.0, 1440.0)
      .doc("no switch to overfeed earlier than this")
      .source("estimate: lets the slope window fill (10 × 2 min)");
}

// resistance control and the heat-balance loop
void add_resistance_control_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  t.number("control.target_voltage")
      .unit("V")
      .range(2.0, 10.0)
      .default_note("the steady-state cell voltage at the case's operating point")
      .doc(
          "resistance-control target (normalised to nominal current); a target below the voltage "
          "at control.acd_min holds the anodes at that floor (AP40: 3.6 V and below sit there 145-167 h "
          "of 7 d, ledge up to 15.0 cm; docs/model/dynamics.md §7)");
  ctl.number("control.deadband", &ControllerSettings::deadband_V)
      .unit("mV", "V")
      .default_(50.0)
      .range(0.0, 1000.0)
      .doc(
          "half-width of the resistance deadband; a wide band leaves the beam still while the ACD "
          "drifts (AP40: 0.6-1 V, ledge up to 14.7 cm in 7 d; docs/model/dynamics.md §7)")
      .source(
          "estimate, plant-specific: below the voltage of one beam step (2 mm ≈ 73 mV on AP40) and "
          "above the 20 mV noise averaged over 10 min");
  ctl.number("control.beam_step", &ControllerSettings::beam_step_m)
      .unit("mm", "m")
      .default_(2.0)
      .range(0.1, 50.0)
      .doc("ACD change per beam move")
      .source("estimate, plant-specific; no published value read");
  ctl.number("control.resistance_period", &ControllerSettings::resistance_period_s)
      .unit("min", "s")
      .default_(10.0)
      .range(0.1, 1440.0)
      .doc(
          "resistance-control decision period; with few decisions the ACD drifts between them "
          "(AP40: 12 h and more freeze within 7 d; docs/model/dynamics.md §7)")
      .source("estimate: five of the feed control's 2-min averages ([Dupuis 2011]) per decision");
  ctl.number("control.lockout", &ControllerSettings::lockout_s)
      .unit("min", "s")
      .default_(30.0)
      .range(0.0, 1440.0)
      .doc(
          "no beam moves after an AE, tap or anode change; a lockout near a day leaves the ACD "
          "drifting (AP40 at 1440 min: the ACD at its floor 113 h of 7 d; docs/model/dynamics.md §7)")
      .source(
          "estimate: time for the voltage disturbance of a tap, anode change or AE to pass; no "
          "published value read");
  ctl.number("control.tracking_lockout", &ControllerSettings::tracking_lockout_s)
      .unit("min", "s")
      .default_(30.0)
      .range(0.0, 1440.0)
      .doc("no beam moves after this long in underfeed (tracking)")
      .source("estimate: [Dupuis 2011] notes R_p moves during tracking are alumina, not ACD");
  t.boolean("control.heat_balance_loop")
      .default_(true)
      .doc("outer loop: target voltage + gain × (target − sampled bath temperature)")
      .source("[Comalco EP0671488]");
  ctl.number("control.temperature_gain", &ControllerSettings::temperature_gain_V_per_K)
      .unit("mV/K", "V/K")
      .default_(10.0)
      .range(0.0, 1000.0)
      .doc("outer-loop gain")
      .source(
          "estimate, controller tuning: 10 mV/K x 400 kA = 4 kW per K of error, 0.5 % of AP40's "
          "heat loss");
  ctl.number("control.temperature_integral_time", &ControllerSettings::temperature_integral_time_s)
      .unit("d", "s")
      .default_(3.0)
      .range(0.0, 365.0)
      .doc("outer-loop integral time T_i: each bath-temperature reading adds gain x (target - reading) x "
           "sampling interval / T_i to the offset, so a lasting error is removed (0: proportional only)")
      .source("[Comalco EP0671488]: the target resistance is modified until the running heat integral is zero; "
              "T_i = 3 d an estimate: the SIMC value (T_i = the ~1 d thermal time constant) detuned for one noisy reading a day "
              "(docs/model/dynamics.md §4)");
  ctl.number("control.temperature_max_offset", &ControllerSettings::temperature_max_offset_V)
      .unit("mV", "V")
      .default_(200.0)
      .range(0.0, 2000.0)
      .doc("outer-loop limit")
      .source(
          "estimate: about 0.55 cm of ACD on AP40, inside the 3–6 cm industrial range ([Haupin "
          "1998])");
}

// anode-effect detection, quench and the bath-chemistry target
void add_anode_effect_and_quench_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  auto auto_q = ctl.part(&ControllerSettings::automatic_quench);
  auto manual_q = ctl.part(&ControllerSettings::manual_quench);
  ctl.number("control.ae_voltage", &ControllerSettings::ae_detect_voltage_V)
      .unit("V")
      .default_(8.0)
      .range(3.0, 60.0)
      .doc("anode-effect detection threshold")
      .source("~8 V and up, as commonly quoted");
  ctl.choice(
         "control.quench", &ControllerSettings::quench_mode,
         {{"automatic", control::QuenchMode::kAutomatic}, {"manual", control::QuenchMode::kManual}})
      .default_("automatic")
      .doc(
          "anode-effect quench: automatic (beam oscillation + feed burst) or manual (stick method)")
      .source(kPhys7);
  t.choice("control.quench_distribution", {"lognormal", "uniform", "exponential", "fixed"})
      .default_("lognormal")
      .doc("distribution of quench durations")
      .source(
          "estimate: a positive, right-skewed duration; no published distribution of single AE "
          "durations read");
  auto_q.number("control.automatic_quench_mean", &control::Distribution::mean)
      .unit("s")
      .default_(30.0)
      .range(1.0, 3600.0)
      .doc("mean automatic quench duration")
      .source(
          "well under a minute in modern point-fed lines, as commonly quoted (to verify "
          "against [IAI Anode Effect Survey])");
  manual_q.number("control.manual_quench_mean", &control::Distribution::mean)
      .unit("min", "s")
      .default_(4.0)
      .range(0.1, 120.0)
      .doc("mean manual quench duration")
      .source("minutes, as commonly quoted (to verify against [IAI Anode Effect Survey])");
  t.number("control.quench_cv")
      .unit("1")
      .default_(0.5)
      .range(0.0, 5.0)
      .doc("coefficient of variation of quench durations")
      .source(
          "estimate: with the 30 s automatic mean, single AEs of 12–58 s (5–95 %); no published "
          "scatter read");
  ctl.number("control.quench_feed", &ControllerSettings::quench_feed_kg)
      .unit("kg")
      .default_(20.0)
      .range(0.0, 500.0)
      .doc("alumina fed when an AE is detected")
      .source("estimate: a burst of about 10 shots");
  t.number("control.alf3_target")
      .unit("wt%")
      .range(0.0, 30.0)
      .default_note("the case's bath.alf3")
      .doc("excess AlF3 target");
}

// bath sampling, tapping, anode changes and beam travel
void add_sampling_and_tapping_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.sample_interval", &ControllerSettings::sample_interval_s)
      .unit("h", "s")
      .default_(24.0)
      .range(1.0, 720.0)
      .doc("bath sampling interval")
      .source("bath samples arrive with long lags ([Wang et al. 2011])");
  ctl.number("control.sample_delay", &ControllerSettings::sample_delay_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.0, 720.0)
      .doc("delay until a bath analysis reaches the controller")
      .source(
          "[Wang et al. 2011] (Alcoa STARprobe): results 'very often delayed as "
          "long as 24 hours'");
  ctl.number("control.alf3_sample_noise", &ControllerSettings::alf3_sample_noise_wt)
      .unit("wt%")
      .default_(0.3)
      .range(0.0, 5.0)
      .doc("sd of the AlF3 analysis")
      .source("estimate: scatter of one bath analysis; no published scatter read");
  ctl.number("control.temperature_sample_noise", &ControllerSettings::temperature_sample_noise_K)
      .unit("K")
      .default_(2.0)
      .range(0.0, 50.0)
      .doc("sd of the bath temperature measurement")
      .source("estimate: scatter of one thermocouple reading; no published scatter read");
  ctl.number("control.alf3_horizon", &ControllerSettings::alf3_horizon_s)
      .unit("h", "s")
      .default_(48.0)
      .range(1.0, 2000.0)
      .doc("the AlF3 correction removes the error over this time")
      .source("estimate, controller tuning: an AlF3 error is corrected over two daily samples");
  ctl.number("control.tap_interval", &ControllerSettings::tap_interval_s)
      .unit("h", "s")
      .default_(24.0)
      .range(1.0, 240.0)
      .doc("metal tapping interval")
      .source("every 24–48 h, as commonly quoted");
  ctl.boolean("control.tap_beam_tracking", &ControllerSettings::tap_beam_tracking)
      .default_(true)
      .doc("lower the anode beam by the metal-level drop at each tap")
      .source(
          "estimate, common practice: the beam follows the metal-level drop at a tap so the ACD "
          "stays; no published procedure read");
  ctl.number("control.anode_cycle", &ControllerSettings::anode_cycle_s)
      .unit("d", "s")
      .default_(28.0)
      .range(0.0, 60.0)
      .doc("anode life (one anode is changed every cycle/anode_count); 0: none")
      .source("~25–30 days, as commonly quoted");
  ctl.number("control.beam_travel", &ControllerSettings::beam_travel_m)
      .unit("cm", "m")
      .default_(15.0)
      .range(1.0, 100.0)
      .doc("beam stroke before the beam is raised")
      .source(
          "estimate: travel of the beam jacks before a beam raise; no published value read (only "
          "the event log depends on it)");
}

}  // namespace

void add_control_fields(Table& t) {
  add_measurement_noise_fields(t);
  add_feed_control_fields(t);
  add_resistance_control_fields(t);
  add_anode_effect_and_quench_fields(t);
  add_sampling_and_tapping_fields(t);
}

}  // namespace potline::line
