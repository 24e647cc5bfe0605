// Pot controller: tracking feed control, resistance control, AE detection and quench, AlF3
// additions from delayed bath samples, tapping and anode-change schedules.
#include "potline/control/pot_controller.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "potline/core/constants.hpp"

namespace potline::control {
namespace {
// Below this fraction of the nominal current the line is treated as off (outage): no feeding,
// no beam moves; schedules wait. A modelling choice, not a plant figure (no published threshold
// read): the controller regulates the pseudo-resistance (U − E_b)/I with a fixed back-EMF E_b, a
// line U = E_b + R·I that holds near the operating current only (the overvoltages E_b lumps
// together fall with the current). As I falls, the ratio becomes mostly the error of E_b (at 5 %
// of nominal a 10 mV error moves it as much as a 0.2 V error does at nominal) and would drive the
// beam on noise. Schedules may run between 0 and 5 % (potline.current_steps factors in [0, 2], a
// current or power CSV): the cells are then simulated at that current with the controller idle,
// as in an outage, and the alumina they consume meanwhile (at most 5 % of the nominal rate) is not
// fed. The power regulator (src/potline/simulation.cpp) re-fits its line resistance only above the
// same 5 %, for the same reason.
constexpr double kOffCurrentFraction = 0.05;
// Most beam steps of one resistance decision while the heat feed-forward is on (10 × 2 mm = 2 cm).
// Estimate: anode beams are lifted at centimetres per minute; regulation moves one step at a time.
constexpr double kMaxFeedforwardSteps = 10.0;

double faraday_kg_al_per_s(double current_A, double ce) {
  return current_A * ce * constants::kMolarMassAl_kg_per_mol /
         (constants::kElectronsPerAl * constants::kFaraday_C_per_mol);
}
}  // namespace

double acd_ceiling_m(const ControllerSettings& s) noexcept {
  double ceiling = s.acd_max_m > 0.0 ? s.acd_max_m : std::numeric_limits<double>::infinity();
  // The bath surface stays where it is when the beam rises: the anodes dip bath height − ACD into it.
  if (s.min_anode_immersion_m > 0.0 && s.bath_height_m > 0.0) {
    ceiling = std::min(ceiling, s.bath_height_m - s.min_anode_immersion_m);
  }
  return ceiling;
}

double acd_floor_m(const ControllerSettings& s) noexcept { return std::max(0.0, s.acd_min_m); }

const char* to_string(FeedMode mode) noexcept {
  switch (mode) {
    case FeedMode::kUnderfeed: return "underfeed";
    case FeedMode::kOverfeed: return "overfeed";
    case FeedMode::kAnodeEffect: return "anode_effect";
  }
  return "?";
}

PotController::PotController(const ControllerSettings* settings, double tap_phase_s,
                             double anode_phase_s, std::uint64_t seed, std::uint64_t stream)
    : s_(settings), rng_(seed, stream) {
  target_voltage_ = s_->target_voltage_V;
  next_rc_ = s_->resistance_period_s;
  next_tap_ = tap_phase_s;
  next_anode_ = anode_phase_s;
  next_sample_ = tap_phase_s;
  measured_current_A_ = s_->nominal_current_A;
  alf3_rate_ = s_->alf3_feedforward_kg_per_kg_al *
               faraday_kg_al_per_s(s_->nominal_current_A, s_->assumed_current_efficiency);
}

double PotController::feed_rate_kg_per_s() const {
  const double scale = measured_current_A_ / s_->nominal_current_A;
  switch (mode_) {
    case FeedMode::kUnderfeed: return s_->nominal_feed_kg_per_s * s_->underfeed_factor * scale;
    case FeedMode::kOverfeed: return s_->nominal_feed_kg_per_s * s_->overfeed_factor * scale;
    case FeedMode::kAnodeEffect: return 0.0;
  }
  return 0.0;
}

long PotController::feed_stop_window(double t) const {
  if (s_->feed_stop_start_s < 0.0 || t < s_->feed_stop_start_s) return -1;
  double since = t - s_->feed_stop_start_s;
  long index = 0;
  if (s_->feed_stop_period_s > 0.0) {
    index = static_cast<long>(since / s_->feed_stop_period_s);
    since -= index * s_->feed_stop_period_s;
  }
  return since < s_->feed_stop_duration_s ? index : -1;
}

bool PotController::feed_stopped(double t) const {
  const long window = feed_stop_window(t);
  // An anode effect makes the operators fix the feeder: the rest of that stop is cancelled.
  return window >= 0 && window != cleared_stop_window_;
}

void PotController::set_mode(FeedMode mode, double t, Actions& a) {
  if (mode == mode_) return;
  mode_ = mode;
  mode_since_ = t;
  a.mode_changed = true;
}

void PotController::clear_slope_window() {
  points_ = 0;
  head_ = 0;
  avg_sum_ = 0;
  avg_count_ = 0;
}

double PotController::slope() const {
  // Least-squares line through the last slope_points averages. [Ω/s]
  const int n = std::min(points_, s_->slope_points);
  double st = 0, sr = 0;
  for (int k = 0; k < n; ++k) {
    const int i = (head_ - 1 - k + kMaxPoints) % kMaxPoints;
    st += avg_t_[i];
    sr += avg_r_[i];
  }
  const double mt = st / n, mr = sr / n;
  double num = 0, den = 0;
  for (int k = 0; k < n; ++k) {
    const int i = (head_ - 1 - k + kMaxPoints) % kMaxPoints;
    num += (avg_t_[i] - mt) * (avg_r_[i] - mr);
    den += (avg_t_[i] - mt) * (avg_t_[i] - mt);
  }
  return den > 0 ? num / den : 0.0;
}

void PotController::on_outage(double t) {
  // Outage: nothing is fed or moved; the slope window restarts when power returns.
  const ControllerSettings& s = *s_;
  if (!in_outage_) {
    in_outage_ = true;
    outage_started_ = t;
  }
  clear_slope_window();
  lockout_until_ = std::max(lockout_until_, t + s.lockout_s);
  if (t >= next_tap_) next_tap_ = t + s.sample_period_s;
  if (t >= next_anode_) next_anode_ = t + s.sample_period_s;
}

void PotController::detect_anode_effect(double t, double voltage_V, Actions& a) {
  const ControllerSettings& s = *s_;
  if (!in_quench_ && voltage_V > s.ae_detect_voltage_V) {
    a.ae_detected = true;
    in_quench_ = true;
    const Distribution& d = s.quench_mode == QuenchMode::kAutomatic ? s.automatic_quench : s.manual_quench;
    quench_end_ = t + d.sample(rng_);
    set_mode(FeedMode::kAnodeEffect, t, a);
    // The quench burst is added by hand over the whole cell, stopped feeders or not.
    a.hand_feed_kg += s.quench_feed_kg;
    // The alarm brings the operators, who free the stopped feeders for the rest of the stop.
    if (s.ae_clears_feed_stop && feed_stop_window(t) >= 0) cleared_stop_window_ = feed_stop_window(t);
    clear_slope_window();
    lockout_until_ = t + s.lockout_s;
  } else if (in_quench_ && t >= quench_end_) {
    a.quench_done = true;
  }
}

void PotController::feed_and_track(double t, double resistance, Actions& a) {
  const ControllerSettings& s = *s_;
  const double dt = s.sample_period_s;
  // Feeding at the rate of the current mode, in whole shots. Whether the feeders deliver them
  // (stops, chokes) is the plant's business: the controller does not know.
  feed_credit_kg_ += feed_rate_kg_per_s() * dt;
  if (feed_credit_kg_ >= s.shot_mass_kg) {
    a.shots = static_cast<int>(feed_credit_kg_ / s.shot_mass_kg);
    a.feed_kg += a.shots * s.shot_mass_kg;
    feed_credit_kg_ -= a.shots * s.shot_mass_kg;
  }
  // R_p averages and the tracking decision.
  if (avg_count_ == 0) avg_started_ = t;
  avg_sum_ += resistance;
  ++avg_count_;
  if (t - avg_started_ + dt >= s.average_period_s) {
    avg_t_[head_] = 0.5 * (avg_started_ + t);
    avg_r_[head_] = avg_sum_ / avg_count_;
    head_ = (head_ + 1) % kMaxPoints;
    points_ = std::min(points_ + 1, kMaxPoints);
    avg_sum_ = 0;
    avg_count_ = 0;
    if (points_ >= s.slope_points) last_slope_ = slope();
  }
  if (mode_ == FeedMode::kUnderfeed) {
    if (t - mode_since_ >= s.min_underfeed_s && points_ >= s.slope_points &&
        last_slope_ * s.nominal_current_A >= s.slope_threshold_V_per_s) {
      set_mode(FeedMode::kOverfeed, t, a);
    }
  } else if (mode_ == FeedMode::kOverfeed && t - mode_since_ >= s.overfeed_duration_s) {
    set_mode(FeedMode::kUnderfeed, t, a);
    clear_slope_window();
  }
}

double PotController::feedforward_offset_V() const {
  // Heat generation G = I·(V − E_h). The strategy holds V_base (the cell voltage itself, or the
  // voltage of the nominal-current resistance at this current); holding G at its design value
  // needs V_heat = E_h + (V_t − E_h)·I_nom/I. The feed-forward asks for the share k of the
  // difference, within the ACD range the limits allow.
  const ControllerSettings& s = *s_;
  if (!(s.heat_feedforward > 0.0) || !(measured_current_A_ > 0.0)) return 0.0;
  const double ratio = s.nominal_current_A / measured_current_A_;
  const double target = target_voltage_V();
  const double base = s.hold_voltage ? target : s.back_emf_V + (target - s.back_emf_V) / ratio;
  const double heat = s.heat_neutral_voltage_V + (target - s.heat_neutral_voltage_V) * ratio;
  return std::clamp(s.heat_feedforward * (heat - base), -s.heat_feedforward_max_cut_V,
                    s.heat_feedforward_max_raise_V);
}

void PotController::control_resistance(double t, double resistance, Actions& a) {
  // Resistance control: beam moves when the normalised voltage leaves the deadband.
  const ControllerSettings& s = *s_;
  rc_sum_ += resistance;
  ++rc_count_;
  if (t < next_rc_) return;
  const double mean_r = rc_sum_ / rc_count_;
  rc_sum_ = 0;
  rc_count_ = 0;
  next_rc_ = t + s.resistance_period_s;
  const bool tracking = mode_ == FeedMode::kUnderfeed && t - mode_since_ > s.tracking_lockout_s;
  if (t >= lockout_until_ && !tracking) {
    // Normalised to the nominal current, or (hold_voltage) the cell voltage at the present current.
    const double reference_A = s.hold_voltage ? measured_current_A_ : s.nominal_current_A;
    const double normalised = s.back_emf_V + mean_r * reference_A;
    // The feed-forward is an offset of the actual voltage E_b + R_p·I; on the reference scale it
    // is that offset × reference / I.
    const double feedforward = feedforward_offset_V() * reference_A / measured_current_A_;
    const double error = normalised - target_voltage_V() - feedforward;
    // One step per decision (regulation). With the heat feed-forward on, a power call asks for
    // centimetres at once: the move is proportional, one step per deadband of error, at most
    // kMaxFeedforwardSteps, so the anodes follow the call within minutes instead of hours.
    double steps = 1.0;
    if (s.heat_feedforward > 0.0 && s.deadband_V > 0.0) {
      steps = std::clamp(std::floor(std::abs(error) / s.deadband_V), 1.0, kMaxFeedforwardSteps);
    }
    double move = 0.0;
    if (error > s.deadband_V) move = -steps * s.beam_step_m;
    if (error < -s.deadband_V) move = steps * s.beam_step_m;
    a.beam_move_m += limit_beam_move(move, a);
    if (a.beam_move_m != 0.0) clear_slope_window();
  }
}

double PotController::limit_beam_move(double move_m, Actions& a) {
  // The ACD limits (docs/model/dynamics.md §4, "ACD and anode-immersion limits"): a move is cut
  // at the ceiling or floor; a move the limit cuts (or refuses) saturates the resistance control
  // until a decision asks for no move or for one away from that limit.
  acd_saturated_ = 0;
  if (move_m == 0.0 || !(acd_m_ >= 0.0)) return move_m;
  if (move_m > 0.0) {
    const double room = acd_ceiling_m(*s_) - acd_m_;
    if (move_m > room) {
      acd_saturated_ = 1;
      a.acd_limited = 1;
      return std::max(0.0, room);
    }
  } else {
    const double room = acd_m_ - acd_floor_m(*s_);
    if (-move_m > room) {
      acd_saturated_ = -1;
      a.acd_limited = -1;
      return -std::max(0.0, room);
    }
  }
  return move_m;
}

void PotController::record_acd(double acd_m) {
  acd_m_ = acd_m;
  if (!(acd_m >= 0.0)) return;
  AcdLimitRecord& r = acd_record_;
  if (r.max_acd_m == 0.0 && r.min_acd_m == 0.0) r.min_acd_m = r.max_acd_m = acd_m;
  r.min_acd_m = std::min(r.min_acd_m, acd_m);
  r.max_acd_m = std::max(r.max_acd_m, acd_m);
}

void PotController::run_schedules(double t, double current_A, Actions& a) {
  const ControllerSettings& s = *s_;
  // Bath samples: AlF3 and temperature, seen after the analysis delay.
  // After an outage the frozen ledge has enriched the bath in AlF3 and gives its cryolite back as
  // it melts: a sample taken then says little about the additions needed, so for the samples of
  // alf3_hold_after_outage only the feed-forward (consumption) is added (docs/model/dynamics.md §4,
  // "After an outage").
  if (sample_pending_ && t >= sample_ready_) {
    sample_pending_ = false;
    const double taken = sample_ready_ - s.sample_delay_s;
    const bool recovering = recovery_start_ >= 0.0 && taken >= recovery_start_ &&
                            taken < recovery_start_ + s.alf3_hold_after_outage_s;
    const double production = faraday_kg_al_per_s(current_A, s.assumed_current_efficiency);
    const double correction = recovering ? 0.0
                                         : (s.alf3_target_wt - pending_alf3_wt_) / 100.0 * s.bath_mass_estimate_kg /
                                               s.alf3_horizon_s;
    alf3_rate_ = std::max(0.0, s.alf3_feedforward_kg_per_kg_al * production + correction);
    a.alf3_changed = true;
  }
  if (t >= next_sample_) {
    a.take_sample = true;
    next_sample_ += s.sample_interval_s;
  }
  // A cold cell keeps its metal after an outage: the pad is the larger part of its heat store.
  if (t >= next_tap_ && recovery_start_ >= 0.0 && t - recovery_start_ < s.tap_delay_after_outage_s) {
    next_tap_ = recovery_start_ + s.tap_delay_after_outage_s;
  }
  if (t >= next_tap_) {
    a.tap = true;
    next_tap_ += s.tap_interval_s;
    lockout_until_ = std::max(lockout_until_, t + s.lockout_s);
    clear_slope_window();
  }
  if (s.anode_cycle_s > 0 && t >= next_anode_) {
    a.anode_change = true;
    next_anode_ += s.anode_cycle_s / s.anode_count;
    lockout_until_ = std::max(lockout_until_, t + s.lockout_s);
    clear_slope_window();
  }
  // Beam raising when the anode frame has travelled its full stroke downwards.
  beam_travel_ -= a.beam_move_m;
  if (beam_travel_ > s.beam_travel_m) {
    a.beam_raise = true;
    beam_travel_ = 0;
  }
}

void PotController::track_disturbance(double t, double dt, double voltage_V, double current_A,
                                      double exchanger_held_W) {
  // A disturbance is an outage or a current cut deeper than reheat_cut_depth. While it lasts, the
  // controller counts the heat generation it misses against the design, I_nom·(V_t − E_h) −
  // I·(V − E_h), from the measured signals, less the heat the shell heat exchangers held back
  // (extracted below their design point); the count decays with reheat_deficit_time (the cell
  // settles into a new balance: a long cut is not owed in full). When the current returns the
  // reheat is scaled to it (docs/model/dynamics.md §4, "Reheat after an outage or a cut").
  const ControllerSettings& s = *s_;
  const double off_A = kOffCurrentFraction * s.nominal_current_A;
  if (in_outage_ && current_A > off_A) {
    in_outage_ = false;
    if (t - outage_started_ >= s.reheat_min_outage_s) {
      recovery_start_ = t;  // tapping and AlF3 practice after an outage
      disturbance_counts_ = true;
    }
  }
  const double cut = s.reheat_cut_depth > 0.0
                         ? std::max(kOffCurrentFraction, 1.0 - s.reheat_cut_depth)
                         : kOffCurrentFraction;
  if (!(current_A > cut * s.nominal_current_A)) {
    if (!disturbed_) {
      disturbed_ = true;
      disturbance_started_ = t;
      disturbance_counts_ = false;
      deficit_J_ = 0.0;
    }
    const double nominal_W = s.nominal_current_A * (s.target_voltage_V - s.heat_neutral_voltage_V);
    const double generated_W =
        current_A > off_A ? current_A * (voltage_V - s.heat_neutral_voltage_V) : 0.0;
    const double missed_W = nominal_W - generated_W - exchanger_held_W;
    const double tau = s.reheat_deficit_time_s;
    // Exact for a missed power constant over the sample interval.
    deficit_J_ = tau > 0.0
                     ? deficit_J_ * std::exp(-dt / tau) - missed_W * tau * std::expm1(-dt / tau)
                     : deficit_J_ + missed_W * dt;
    return;
  }
  if (!disturbed_) return;
  disturbed_ = false;
  const bool long_cut = s.reheat_cut_depth > 0.0 && t - disturbance_started_ >= s.reheat_min_cut_s;
  if (disturbance_counts_ || long_cut) start_reheat(t);
  deficit_J_ = 0.0;
}

double PotController::reheat_energy_left(double t) const {
  // Share of the running reheat's energy (offset × time; the current is near nominal) not yet
  // given.
  const ControllerSettings& s = *s_;
  const double hold = reheat_scale_ * s.reheat_hold_s;
  const double ramp = reheat_scale_ * s.reheat_ramp_s;
  const double total = hold + 0.5 * ramp;
  if (reheat_start_ < 0.0 || !(total > 0.0)) return 0.0;
  const double since = t - reheat_start_;
  if (since < hold) return (hold - since + 0.5 * ramp) / total;
  const double rest = std::max(0.0, hold + ramp - since);
  return ramp > 0.0 ? 0.5 * rest * rest / ramp / total : 0.0;
}

void PotController::start_reheat(double t) {
  // Hold and ramp are those after the reference outage (the 8 h reheat after the 3 h shutdown of
  // [Dupuis et al. 2007]), scaled by the deficit counted over this disturbance against the deficit
  // of that outage: the reheat returns heat in proportion to the heat lost. A reheat still running
  // adds what it has not yet given. reheat_reference_outage = 0: every reheat unscaled.
  const ControllerSettings& s = *s_;
  if (!(s.reheat_voltage_V > 0.0)) return;
  double scale = 1.0;
  if (s.reheat_reference_outage_s > 0.0) {
    const double nominal_W = s.nominal_current_A * (s.target_voltage_V - s.heat_neutral_voltage_V);
    const double tau = s.reheat_deficit_time_s;
    const double tr = s.reheat_reference_outage_s;
    const double reference_J = nominal_W * (tau > 0.0 ? -tau * std::expm1(-tr / tau) : tr);
    scale = reference_J > 0.0 ? std::max(0.0, deficit_J_) / reference_J : 0.0;
    scale += reheat_scale_ * reheat_energy_left(t);
  }
  if (!(scale > 0.0)) return;
  reheat_scale_ = scale;
  reheat_start_ = t;
  // The reheat takes over the correction of the cold cell: the heat-balance loop keeps its integral
  // (the cell's lasting balance) and drops the proportional part of its last, cold reading.
  if (s.reheat_holds_heat_balance) temperature_offset_ = temperature_integral_V_;
}

void PotController::update_reheat(double t) {
  // Reheat practice after an outage or a cut: the cold, resistive cell would otherwise have its ACD
  // cut by the resistance control; raising the target puts heat back instead
  // (docs/model/dynamics.md §4).
  const ControllerSettings& s = *s_;
  reheat_offset_ = 0.0;
  // Preheat before a planned outage ([Dupuis et al. 2007]: 4 h voltage preheat before the 3 h
  // shutdown): heat stored in the bath, ledge and lining carries the cell through it.
  if (s.preheat_voltage_V > 0.0 && s.planned_outage_start_s >= 0.0 && t < s.planned_outage_start_s &&
      t >= s.planned_outage_start_s - s.preheat_s) {
    reheat_offset_ = s.preheat_voltage_V;
  }
  if (reheat_start_ < 0.0) return;
  const double since = t - reheat_start_;
  const double hold = reheat_scale_ * s.reheat_hold_s;
  const double ramp = reheat_scale_ * s.reheat_ramp_s;
  if (since < hold) {
    reheat_offset_ = s.reheat_voltage_V;
  } else if (since < hold + ramp) {
    reheat_offset_ = s.reheat_voltage_V * (1.0 - (since - hold) / ramp);
  } else {
    reheat_start_ = -1.0;
    reheat_scale_ = 0.0;
  }
}

Actions PotController::sample(double t, double voltage_V, double current_A, double acd_m,
                              double exchanger_held_W) {
  Actions a;
  const double dt = t - last_sample_t_;
  // Time held by the ACD limits: from the decision that saturated to the next sample.
  if (acd_saturated_ > 0) acd_record_.at_max_s += dt;
  if (acd_saturated_ < 0) acd_record_.at_min_s += dt;
  last_sample_t_ = t;
  record_acd(acd_m);
  track_disturbance(t, dt, voltage_V, current_A, exchanger_held_W);
  if (!(current_A > kOffCurrentFraction * s_->nominal_current_A)) {
    acd_saturated_ = 0;  // no regulation during an outage
    on_outage(t);
    return a;
  }
  update_reheat(t);
  measured_current_A_ = current_A;
  const double resistance = (voltage_V - s_->back_emf_V) / current_A;
  detect_anode_effect(t, voltage_V, a);
  if (!in_quench_) {
    feed_and_track(t, resistance, a);
    control_resistance(t, resistance, a);
  }
  run_schedules(t, current_A, a);
  return a;
}

void PotController::deliver_sample(double taken_s, double alf3_wt, double temperature_K) {
  sample_pending_ = true;
  sample_ready_ = taken_s + s_->sample_delay_s;
  pending_alf3_wt_ = alf3_wt + s_->alf3_sample_noise_wt * rng_.normal();
  pending_temperature_K_ = temperature_K + s_->temperature_sample_noise_K * rng_.normal();
  // The bath temperature is a thermocouple reading at the pot: the heat-balance loop uses it at
  // once. Only the chemistry waits for the laboratory (sample_delay; Wang, Tarcy et al., TMS 2011).
  // While a reheat runs it is the heat-balance action: a reading of the cold cell would add up to
  // temperature_max_offset on top of it for a whole sampling interval (7-11 K of overshoot after a
  // 4-5 h outage, docs/model/dynamics.md §4), so with reheat_holds_heat_balance the offset is held.
  const bool held = s_->reheat_holds_heat_balance && reheat_start_ >= 0.0;
  if (s_->temperature_target_K > 0.0 && !held) {
    // Proportional + integral: the integral is the running heat inventory of [Comalco EP0671488] (the
    // target resistance is modified until the heat integral is zero), so a cell that loses more or less
    // heat than the design, or runs at another current, returns to its temperature instead of keeping
    // a proportional offset. The sum is limited to ±temperature_max_offset.
    // Anti-windup ([Åström & Rundqwist 1989], [Åström & Hägglund 2006] on integrator windup), two
    // textbook measures:
    // - conditional integration: a reading integrates only while its proportional part alone does
    //   not saturate the output (|error| < limit / gain, 20 K at the defaults). Beyond that the
    //   integral cannot change the output, so integrating would only wind it up (a 48 h power cut,
    //   an outage);
    // - integrator clamping: the integral state itself stays within ±limit, and the proportional
    //   part never resets it, so the first reading above target takes the sum off the limit.
    // The former clamp, integral ≤ limit − proportional, let every reading taken at saturation
    // pull the integral down: a cold reading (proportional > 0) lowered the bound and a warm one
    // integrated downwards, so with σ = 2 K readings the loop held the mean offset below the limit
    // the cell needed (docs/model/dynamics.md §6, "Seed ensemble of ladder row f").
    const double error_K = s_->temperature_target_K - pending_temperature_K_;
    const double limit = s_->temperature_max_offset_V;
    const double proportional = s_->temperature_gain_V_per_K * error_K;
    if (s_->temperature_integral_time_s > 0.0 && std::abs(proportional) < limit) {
      const double step = proportional * s_->sample_interval_s / s_->temperature_integral_time_s;
      temperature_integral_V_ = std::clamp(temperature_integral_V_ + step, -limit, limit);
    }
    temperature_offset_ = std::clamp(proportional + temperature_integral_V_, -limit, limit);
  }
}

void PotController::anode_effect_ended(double t) {
  in_quench_ = false;
  Actions ignored;
  set_mode(FeedMode::kOverfeed, t, ignored);
  mode_since_ = t;
  clear_slope_window();
}

void PotController::extend_quench(double t) {
  const Distribution& d = s_->quench_mode == QuenchMode::kAutomatic ? s_->automatic_quench : s_->manual_quench;
  quench_end_ = t + d.sample(rng_);
}

}  // namespace potline::control
