#pragma once
// The pot controller. It sees only measured signals: the cell voltage and line current sampled
// every few seconds (with noise), and bath samples that arrive late. It never reads the true
// state. Algorithms and default settings: docs/model/dynamics.md §Control.
#include <array>
#include <cmath>
#include <cstdint>

#include "potline/control/random.hpp"

namespace potline::control {

enum class FeedMode : std::uint8_t { kUnderfeed, kOverfeed, kAnodeEffect };
const char* to_string(FeedMode mode) noexcept;

enum class QuenchMode : std::uint8_t { kAutomatic, kManual };

/// How the beam raises toward a reheat's target after an outage (control.reheat_raise;
/// docs/model/dynamics.md §4, "How fast the beam follows the raise").
enum class ReheatRaise : std::uint8_t {
  kProportional,  ///< one step per deadband of error, at most 10 per decision, as a power call's
  kOneStep,       ///< one beam step per decision (regulation; the rule before 2026-12-07)
};

/// control.slope_threshold with control.centre_feed_cycle = false (the fixed threshold of every
/// cell before 2026-12-06): estimate from [Dupuis 2011], 3.9 mV/min at 2.21 wt% under no feed × 0.3
/// (70 % underfeed depletes at 30 % of the no-feed rate) = 1.2 mV/min, in V/s.
inline constexpr double kFixedSlopeThreshold_V_per_s = 1.2e-3 / 60.0;

/// Settings of the pot controller. Members read from a case have no default here: their defaults
/// live once, in the simulate schema (src/potline/simulate_case.cpp), and a case built from it sets
/// them all (test_schema_builder.cpp checks this field by field). The rest are set by the run.
struct ControllerSettings {
  double sample_period_s{};
  double voltage_noise_V{};          ///< sd of the measured cell voltage
  double current_noise_fraction{};  ///< sd of the measured line current, relative
  double back_emf_V{};               ///< E_b in R_p = (V − E_b)/I
  double nominal_current_A = 400e3;
  // feed control (tracking)
  double nominal_feed_kg_per_s = 0;       ///< Faraday alumina demand at nominal current (set by the run)
  double assumed_current_efficiency{};  ///< the controller's CE for its feed-rate arithmetic
  double underfeed_factor{};
  double overfeed_factor{};
  double overfeed_duration_s{};
  double shot_mass_kg{};
  double average_period_s{};          ///< R_p averaged over this period
  int slope_points{};                  ///< line fitted through the last N averages
  double slope_threshold_V_per_s{};  ///< dR_p/dt · I (the measured line current): a voltage rate
  double min_underfeed_s{};          ///< no switch earlier than this in underfeed
  // resistance control
  double target_voltage_V = 4.2;
  double deadband_V{};               ///< normalised at nominal current
  double beam_step_m{};
  double resistance_period_s{};
  double lockout_s{};                ///< after AE, tap or anode change
  double tracking_lockout_s{};       ///< no moves after this long in underfeed
  /// false: R_p is normalised to the nominal current (a current change leaves the ACD alone);
  /// true: to the measured current, so the target is the cell voltage itself and the beam raises
  /// the ACD when the current falls (power modulation at constant cell voltage).
  bool hold_voltage = false;
  /// Heat feed-forward on a current change (docs/model/dynamics.md §4, "Resistance strategy during
  /// modulation"): share k of the heat generation that the current change takes away (at the
  /// voltage the strategy above would hold) which the target voltage gives back at once. The full
  /// compensation is V_heat(I) = E_h + (V_t − E_h)·I_nom/I, E_h the voltage that does not heat
  /// the cell; the actual-voltage target is V_base + k·(V_heat − V_base), limited below.
  double heat_feedforward{};               ///< k in [0, 1] (0: off)
  double heat_feedforward_max_raise_V{};   ///< largest raise of the actual cell voltage [V]
  double heat_feedforward_max_cut_V{};     ///< largest cut [V]
  double heat_neutral_voltage_V = 2.0;    ///< E_h = V − heat generation / I at the operating point (set by the run)
  // A hot pot (docs/model/dynamics.md §4, "A hot pot"): a bath-temperature reading more than
  // hot_bath_margin above the heat-balance loop's target marks the pot hot until a reading that is not.
  double hot_bath_margin_K{};   ///< 0: never hot
  bool hot_bath_no_raise{};     ///< a hot pot's anodes are not raised (the ACD is not opened)
  bool hot_bath_full_cut{};     ///< a hot pot's feed-forward cut is limited by the ACD floor only, not max_cut
  // ACD limits of the resistance control (docs/model/dynamics.md §4, "ACD and anode-immersion
  // limits"): the controller reads the ACD from the beam position (the model hands it the state's
  // ACD) and moves the beam no further than these allow; a move they cut or refuse saturates it.
  double acd_min_m{};                ///< the anodes are not lowered below this ACD (0: no limit)
  double acd_max_m{};                ///< nor raised above this one (0: no limit)
  double min_anode_immersion_m{};    ///< nor raised so far that they dip less than this into the bath (0: no limit)
  double bath_height_m = 0;          ///< set by the run from dynamics.bath_height: immersion = bath height − ACD
  // heat-balance outer loop (bath temperature samples)
  double temperature_target_K = 0;        ///< 0: off
  double temperature_gain_V_per_K{};          ///< proportional part
  /// integral time of the loop (0: proportional only): each reading adds gain/T_i × error × the
  /// sampling interval to the integral part
  double temperature_integral_time_s{};
  double temperature_max_offset_V{};          ///< limit of the sum
  // reheat after an outage or a deep current cut: the target voltage is raised, held, then brought
  // back linearly; hold and ramp are those after a reference outage, scaled by the heat deficit the
  // controller counts from the measured signals (docs/model/dynamics.md §4, "Reheat")
  double reheat_voltage_V = 0.3;          ///< added to the target voltage after an outage (0: off)
  double reheat_hold_s = 8 * 3600.0;      ///< held this long after the reference outage
  double reheat_ramp_s = 8 * 3600.0;      ///< then brought back to zero over this time (same scaling)
  double reheat_min_outage_s = 15 * 60.0; ///< shorter interruptions do not start a reheat
  double reheat_reference_outage_s = 3 * 3600.0;  ///< its deficit gets hold and ramp unscaled
  double reheat_deficit_time_s = 24 * 3600.0;     ///< a counted deficit decays with this time constant
  double reheat_cut_depth = 0.2;          ///< a current below (1 − depth) × nominal is a cut (0: outages only)
  /// Heat retention in a cut: share by which less duct flow (pot draft) and more anode cover lower
  /// the top heat loss at the full cut depth (0: off; docs/model/dynamics.md §4, "Top heat
  /// retention in a cut").
  double cut_top_loss_reduction{};
  double reheat_min_cut_s = 3600.0;       ///< a cut shorter than this starts no reheat
  bool reheat_holds_heat_balance = true;  ///< bath readings during a reheat leave the heat-balance offset
  ReheatRaise reheat_raise{};             ///< how the beam raises toward the reheat's target after an outage
  // after an outage of at least reheat_min_outage_s (docs/model/dynamics.md §4)
  double tap_delay_after_outage_s{};      ///< no tap until this long after the current returns (0: none)
  double alf3_hold_after_outage_s{};      ///< bath samples do not correct the AlF3 rate this long (0: none)
  // preheat before a planned outage: the target voltage is raised for preheat_s before it starts
  double preheat_voltage_V = 0;           ///< added to the target voltage (0: off)
  double preheat_s = 4 * 3600.0;          ///< this long before the outage
  double planned_outage_start_s = -1;     ///< set by the run from potline.outage_start (< 0: none)
  // anode effect
  double ae_detect_voltage_V{};
  QuenchMode quench_mode{};
  Distribution automatic_quench;
  Distribution manual_quench;
  double quench_feed_kg{};
  // AlF3
  double alf3_target_wt{};               ///< set from control.alf3_target or bath.alf3
  double sample_interval_s{};
  double sample_delay_s{};
  double alf3_sample_noise_wt{};
  double temperature_sample_noise_K{};
  double alf3_feedforward_kg_per_kg_al{};  ///< set from dynamics.alf3_consumption
  double alf3_horizon_s{};
  double bath_mass_estimate_kg = 10000;
  // tapping, anode change, beam
  double tap_interval_s{};
  double tap_target_metal_kg = 0;          ///< set by the run from the initial metal
  bool tap_beam_tracking{};
  double anode_cycle_s{};
  int anode_count = 40;
  double beam_travel_m{};
  // disturbances
  double feed_stop_start_s = -1;          ///< < 0: none
  double feed_stop_duration_s{};
  double feed_stop_period_s{};          ///< > 0: repeats; an anode effect ends the current stop
  bool ae_clears_feed_stop = true;        ///< an anode effect ends the current stop (operators at the pot)
};

/// What the controller asks the plant to do after one sample.
struct Actions {
  double feed_kg = 0;       ///< alumina the feeders are commanded to feed now (whole shots)
  int shots = 0;
  double hand_feed_kg = 0;  ///< alumina added by hand over the whole cell (quench burst)
  double beam_move_m = 0;   ///< ACD change commanded (negative: anodes down)
  bool tap = false;
  bool anode_change = false;
  bool beam_raise = false;
  bool ae_detected = false;
  /// the anode effect detected at this sample brought the operators, who cleared the scenario's
  /// feed stop for the rest of it (ae_clears_feed_stop)
  bool feed_stop_cleared = false;
  bool quench_done = false;  ///< the quench action has run its course
  int acd_limited = 0;       ///< the ACD limits cut this sample's beam move: +1 at the top, −1 at the bottom
  bool mode_changed = false;
  bool alf3_changed = false;
  bool take_sample = false;  ///< the plant should take a bath sample now (see deliver_sample)
};

/// Highest ACD the limits allow: the smaller of acd_max and bath height − minimum immersion
/// (infinite when neither is set) [m].
double acd_ceiling_m(const ControllerSettings& s) noexcept;
/// Lowest ACD the limits allow (0 when acd_min is not set) [m].
double acd_floor_m(const ControllerSettings& s) noexcept;

/// Top heat retention in a current cut (control.cut_top_loss_reduction; docs/model/dynamics.md §4,
/// "Top heat retention in a cut"): the factor on the top node-to-potroom conductance (anode cover,
/// crust and the gas the duct draws) at line current `current_A`. The retention grows linearly with
/// the cut to its full value at (1 − reheat_cut_depth) × nominal (at zero current when the depth is
/// 0), in steps of 5 % of it (damper positions; the input changes only at a step). The top loss at
/// a given bath temperature is (T − T_amb + f_in·R·P)/(f_in·R + (1 − f_in)·R/F) with f_in the
/// path's inner share (`top_inner_fraction`), so lowering it by the share r needs
/// F = (1 − f_in)/(1/(1 − r) − f_in), whatever the Joule heat P released in the node. 1: no change.
double cut_top_conductance_factor(const ControllerSettings& s, double top_inner_fraction,
                                  double current_A) noexcept;

/// Time the resistance control spent held by the ACD limits, and the ACD range it saw.
struct AcdLimitRecord {
  double at_max_s = 0;    ///< it asked to raise the anodes beyond the ceiling (saturated at the top)
  double at_min_s = 0;    ///< it asked to lower them below the floor
  double min_acd_m = 0, max_acd_m = 0;  ///< ACD range read over the run (0, 0: never read)
  double below_min_s = 0;  ///< the ACD read was below the floor (the metal pad rose under the beam)
  /// the heat-balance loop's offset sat at its limit (±temperature_max_offset): it cannot return the
  /// bath to its target (user trial T14-4)
  double loop_at_limit_s = 0;
  double hot_s = 0;  ///< the last bath reading marked the pot hot (hot_bath_margin)
};

/// Per-cell controller. Allocation-free; one per cell.
class PotController {
 public:
  PotController() = default;
  PotController(const ControllerSettings* settings, double tap_phase_s, double anode_phase_s,
                std::uint64_t seed, std::uint64_t stream);

  /// One sample: measured voltage and current at time t. Call every sample_period_s. `acd_m` is
  /// the ACD read from the beam position (< 0: not known; the ACD limits then do not act).
  /// `exchanger_held_W`: heat the shell heat exchangers extract less than at their design point
  /// (0 without them); it counts against the heat deficit of a cut (they compensate it).
  Actions sample(double t, double voltage_V, double current_A, double acd_m = -1.0,
                 double exchanger_held_W = 0.0);
  /// A bath sample taken at `taken_s`: the controller sees it after the sample delay.
  void deliver_sample(double taken_s, double alf3_wt, double temperature_K);
  /// The plant reports that the anode effect is over (the quench worked).
  void anode_effect_ended(double t);
  /// The quench has not worked yet (alumina still too low): continue for another draw.
  void extend_quench(double t);

  FeedMode mode() const { return mode_; }
  double alf3_rate_kg_per_s() const { return alf3_rate_; }
  double target_voltage_V() const {
    return target_voltage_ + temperature_offset_ + reheat_offset_ + startup_offset_;
  }
  /// The start-up raise of the target of a pot restarted after its repair (potline.startup_*; set
  /// by the line before each sample; 0: none) [V].
  void set_startup_offset_V(double offset_V) { startup_offset_ = offset_V; }
  /// Offset of the actual cell voltage asked by the heat feed-forward at the present current [V].
  double feedforward_offset_V() const;
  /// The last bath-temperature reading marked the pot hot (hot_bath_margin).
  bool hot() const { return hot_; }
  /// The heat-balance loop's offset sits at its limit (±temperature_max_offset): the loop has no
  /// authority left in that direction (user trial T14-4).
  bool heat_balance_at_limit() const {
    const double limit = s_->temperature_max_offset_V;
    return s_->temperature_target_K > 0.0 && limit > 0.0 && std::abs(temperature_offset_) >= limit * (1 - 1e-9);
  }
  /// Reheat offset of the target voltage at the last sample [V].
  double reheat_offset_V() const { return reheat_offset_; }
  /// Scale of the running reheat (its hold and ramp over those of the reference outage; 0: none).
  double reheat_scale() const { return reheat_start_ < 0.0 ? 0.0 : reheat_scale_; }
  /// Heat deficit counted since the present disturbance started (0 outside one) [J].
  double heat_deficit_J() const { return deficit_J_; }
  bool in_quench() const { return in_quench_; }
  /// Time held by the ACD limits up to the last sample, and the ACD range seen.
  const AcdLimitRecord& acd_limits() const { return acd_record_; }
  double feed_rate_kg_per_s() const;
  Random& rng() { return rng_; }
  /// A feed stop of the scenario (disturbance.feed_stop_*) is on at t and was not cleared by an
  /// anode effect. The plant's feeders read it; the controller's own commands do not.
  bool feed_stopped(double t) const;
  /// The scenario's feed stop does not apply to this cell (disturbance.cells names others).
  void exclude_from_feed_stop() { feed_stop_applies_ = false; }
  /// The scenario's feed stop applies to this cell.
  bool feed_stop_applies() const { return feed_stop_applies_; }

 private:
  // The steps of sample(), in order.
  void on_outage(double t);
  void track_disturbance(double t, double dt, double voltage_V, double current_A, double exchanger_held_W);
  void start_reheat(double t);
  double reheat_energy_left(double t) const;
  void update_reheat(double t);
  void detect_anode_effect(double t, double voltage_V, Actions& a);
  void feed_and_track(double t, double resistance, Actions& a);
  void control_resistance(double t, double resistance, Actions& a);
  double limit_beam_move(double move_m, Actions& a);
  double restore_acd_limits(Actions& a);  ///< move back inside the ACD limits (0: inside)
  void record_acd(double acd_m);
  void run_schedules(double t, double current_A, Actions& a);
  long feed_stop_window(double t) const;  ///< index of the stop window containing t, or -1
  void set_mode(FeedMode mode, double t, Actions& a);
  void clear_slope_window();
  double slope() const;

  const ControllerSettings* s_ = nullptr;
  /// The scenario's feed stop applies to this cell (disturbance.cells).
  bool feed_stop_applies_ = true;
  Random rng_;
  FeedMode mode_ = FeedMode::kUnderfeed;
  double mode_since_ = 0;
  double feed_credit_kg_ = 0;
  double measured_current_A_ = 0;
  // R_p averaging
  double avg_sum_ = 0;
  int avg_count_ = 0;
  double avg_started_ = 0;
  static constexpr int kMaxPoints = 64;
  std::array<double, kMaxPoints> avg_t_{};
  std::array<double, kMaxPoints> avg_r_{};
  int points_ = 0;
  double last_slope_ = 0;  ///< slope() after the newest average (it changes only then)
  int head_ = 0;
  // resistance control
  double rc_sum_ = 0;
  int rc_count_ = 0;
  double next_rc_ = 0;
  double lockout_until_ = 0;
  /// The heat feed-forward asked for a move (a current change) and the error has not yet come back
  /// within the deadband: the beam follows in proportional moves.
  bool following_call_ = false;
  /// A reheat started after an outage: while it runs, a raise toward its target is proportional
  /// as a power call's is; a lowering stays one step per decision (user trial T13-5).
  bool raising_for_reheat_ = false;
  double last_feedforward_V_ = 0;  ///< the feed-forward offset at the last resistance decision
  double target_voltage_ = 0;
  double temperature_offset_ = 0;
  double temperature_integral_V_ = 0;  ///< integral part of the heat-balance offset
  bool hot_ = false;                   ///< the last reading was above target + hot_bath_margin
  // reheat after outages
  bool in_outage_ = false;
  double outage_started_ = 0;
  double reheat_start_ = -1;  ///< < 0: no reheat
  double reheat_scale_ = 0;   ///< hold and ramp of the running reheat over the reference ones
  /// The reheat's hold has not started: it starts at the first resistance decision at which the
  /// cell is at its raised target (docs/model/dynamics.md §4, "When the reheat's hold starts").
  bool reheat_waiting_ = false;
  bool disturbed_ = false;    ///< the current is below the cut threshold (or off)
  bool disturbance_counts_ = false;  ///< the present disturbance held an outage of reheat_min_outage
  double disturbance_started_ = 0;
  double deficit_J_ = 0;      ///< heat generation missed in the present disturbance, decayed
  double recovery_start_ = -1;  ///< when the current returned after an outage (< 0: none yet)
  double reheat_offset_ = 0;
  double startup_offset_ = 0;  ///< set_startup_offset_V
  double beam_travel_ = 0;
  // ACD limits
  double acd_m_ = -1;         ///< ACD read at the last sample (< 0: not known)
  int acd_saturated_ = 0;     ///< +1 / −1: the last resistance decision was cut by the ceiling / floor
  double last_sample_t_ = 0;
  AcdLimitRecord acd_record_;
  // anode effect
  bool in_quench_ = false;
  double quench_end_ = 0;
  // samples
  double next_sample_ = 0;
  bool sample_pending_ = false;
  double sample_ready_ = 0;
  double pending_alf3_wt_ = 0;
  double pending_temperature_K_ = 0;
  double alf3_rate_ = 0;
  // schedules
  double next_tap_ = 0;
  double next_anode_ = 0;
  long cleared_stop_window_ = -1;
};

}  // namespace potline::control
