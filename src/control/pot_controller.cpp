// Pot controller: tracking feed control, resistance control, AE detection and quench, AlF3
// additions from delayed bath samples, tapping and anode-change schedules. The heat side (reheat
// after a disturbance, heat feed-forward, bath-temperature loop) is in pot_controller_heat.cpp.
#include "potline/control/pot_controller.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pot_controller_internal.hpp"

namespace potline::control {
using detail::faraday_kg_al_per_s;
using detail::kOffCurrentFraction;
namespace {
// Most beam steps of one resistance decision while the heat feed-forward is on (10 × 2 mm = 2 cm).
// Estimate: anode beams are lifted at centimetres per minute; regulation moves one step at a time.
constexpr double kMaxFeedforwardSteps = 10.0;
}  // namespace

double acd_ceiling_m(const ControllerSettings& s) noexcept {
  double ceiling = s.acd_max_m > 0.0 ? s.acd_max_m : std::numeric_limits<double>::infinity();
  // The bath surface stays where it is when the beam rises: the anodes dip bath height − ACD into
  // it.
  if (s.min_anode_immersion_m > 0.0 && s.bath_height_m > 0.0) {
    ceiling = std::min(ceiling, s.bath_height_m - s.min_anode_immersion_m);
  }
  return ceiling;
}

double acd_floor_m(const ControllerSettings& s) noexcept {
  return std::max(0.0, s.acd_min_m);
}

const char* to_string(FeedMode mode) noexcept {
  switch (mode) {
    case FeedMode::kUnderfeed:
      return "underfeed";
    case FeedMode::kOverfeed:
      return "overfeed";
    case FeedMode::kAnodeEffect:
      return "anode_effect";
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
    case FeedMode::kUnderfeed:
      return s_->nominal_feed_kg_per_s * s_->underfeed_factor * scale;
    case FeedMode::kOverfeed:
      return s_->nominal_feed_kg_per_s * s_->overfeed_factor * scale;
    case FeedMode::kAnodeEffect:
      return 0.0;
  }
  return 0.0;
}

long PotController::feed_stop_window(double t) const {
  if (!feed_stop_applies_ || s_->feed_stop_start_s < 0.0 || t < s_->feed_stop_start_s) return -1;
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
    const Distribution& d =
        s.quench_mode == QuenchMode::kAutomatic ? s.automatic_quench : s.manual_quench;
    quench_end_ = t + d.sample(rng_);
    set_mode(FeedMode::kAnodeEffect, t, a);
    // The quench burst is added by hand over the whole cell, stopped feeders or not.
    a.hand_feed_kg += s.quench_feed_kg;
    // The alarm brings the operators, who free the stopped feeders for the rest of the stop.
    if (s.ae_clears_feed_stop && feed_stopped(t)) {
      cleared_stop_window_ = feed_stop_window(t);
      a.feed_stop_cleared = true;
    }
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
    // The slope of R_p = (U − E_b)/I times the present line current is the rate of the cell
    // voltage itself at that current, the quantity the threshold is written in (mV/min at
    // nominal, [Dupuis 2011]). Times the nominal current it read 1/0.75 too steep after a −25 % cut
    // (the same overvoltage rise is a larger change of U/I) and switched to overfeed early.
    if (t - mode_since_ >= s.min_underfeed_s && points_ >= s.slope_points &&
        last_slope_ * measured_current_A_ >= s.slope_threshold_V_per_s) {
      set_mode(FeedMode::kOverfeed, t, a);
    }
  } else if (mode_ == FeedMode::kOverfeed && t - mode_since_ >= s.overfeed_duration_s) {
    set_mode(FeedMode::kUnderfeed, t, a);
    clear_slope_window();
  }
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
  // Normalised to the nominal current, or (hold_voltage) the cell voltage at the present current.
  const double reference_A = s.hold_voltage ? measured_current_A_ : s.nominal_current_A;
  const double normalised = s.back_emf_V + mean_r * reference_A;
  // The feed-forward is an offset of the actual voltage E_b + R_p·I; on the reference scale it is
  // that offset × reference / I.
  const double feedforward = feedforward_offset_V() * reference_A / measured_current_A_;
  const double error = normalised - target_voltage_V() - feedforward;
  // A reheat's hold is counted from the first decision that finds the cell at its raised target
  // (or the beam at its ceiling, or a hot pot, whose anodes are not raised): the heat is counted as
  // given, not the time since the restart ([Comalco EP0671488]'s heat inventory; the rule is an
  // estimate, docs/model/dynamics.md §4, "When the reheat's hold starts").
  const bool not_raised = acd_saturated_ > 0 || (hot_ && s.hot_bath_no_raise);
  if (reheat_waiting_ && (!(error < -s.deadband_V) || not_raised)) reheat_waiting_ = false;
  // The limits hold the ACD, not only the beam: before any regulation, a cell outside them is
  // brought back (lockout and tracking do not delay it; they concern the noise of R_p).
  if (const double back = restore_acd_limits(a); back != 0.0) {
    a.beam_move_m += back;
    clear_slope_window();
    return;
  }
  const bool tracking = mode_ == FeedMode::kUnderfeed && t - mode_since_ > s.tracking_lockout_s;
  if (t >= lockout_until_ && !tracking) {
    // One step per decision (regulation). A power call asks for centimetres at once: from the
    // decision at which the heat feed-forward's offset has moved by more than a deadband (a current
    // change, its start or its end) until the error is back within the deadband, the move is
    // proportional, one step per deadband of error, at most kMaxFeedforwardSteps, so the anodes
    // follow the call within minutes instead of hours. Regulation at a steady current stays one
    // step, as with the feed-forward off. After an outage the reheat's target is followed the same
    // way, upward only (raising_for_reheat_, set when the reheat starts).
    if (std::abs(feedforward - last_feedforward_V_) > s.deadband_V) following_call_ = true;
    last_feedforward_V_ = feedforward;
    if (!(std::abs(error) > s.deadband_V)) following_call_ = raising_for_reheat_ = false;
    double steps = 1.0;
    const bool reheat_raise = raising_for_reheat_ && error < -s.deadband_V;
    if ((following_call_ || reheat_raise) && s.deadband_V > 0.0) {
      steps = std::clamp(std::floor(std::abs(error) / s.deadband_V), 1.0, kMaxFeedforwardSteps);
    }
    double move = 0.0;
    if (error > s.deadband_V) move = -steps * s.beam_step_m;
    // A hot pot's lower resistance is a hotter, more conductive bath: its anodes are not raised
    // (hot_bath_no_raise; docs/model/dynamics.md §4, "A hot pot").
    if (error < -s.deadband_V && !(hot_ && s_->hot_bath_no_raise)) move = steps * s.beam_step_m;
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

double PotController::restore_acd_limits(Actions& a) {
  // The metal pad rises between taps (3–4 t on AP40, ≈ 0.6 cm) and lowers the ACD under a beam
  // that stays; a plant knows its metal height and anode position, so the controller raises the
  // anodes back to the floor (and lowers them to the ceiling, should the ACD rise above it), in
  // whole beam steps, at most kMaxFeedforwardSteps per decision (docs/model/dynamics.md §4, "ACD and
  // anode-immersion limits"). The cell is then held at that limit (saturated).
  const double step = s_->beam_step_m;
  if (!(acd_m_ >= 0.0) || !(step > 0.0)) return 0.0;
  const double floor = acd_floor_m(*s_), ceiling = acd_ceiling_m(*s_);
  const double tolerance = 0.05 * step;  // reading noise of the position, not a move
  if (floor > 0.0 && acd_m_ < floor - tolerance) {
    const double steps = std::min(std::ceil((floor - acd_m_) / step - 1e-9), kMaxFeedforwardSteps);
    acd_saturated_ = -1;
    a.acd_limited = -1;
    return std::min(steps * step, std::max(0.0, ceiling - acd_m_));
  }
  if (acd_m_ > ceiling + tolerance) {
    const double steps = std::min(std::ceil((acd_m_ - ceiling) / step - 1e-9), kMaxFeedforwardSteps);
    acd_saturated_ = 1;
    a.acd_limited = 1;
    return -std::min(steps * step, std::max(0.0, acd_m_ - floor));
  }
  return 0.0;
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
                                         : (s.alf3_target_wt - pending_alf3_wt_) / 100.0 *
                                               s.bath_mass_estimate_kg / s.alf3_horizon_s;
    alf3_rate_ = std::max(0.0, s.alf3_feedforward_kg_per_kg_al * production + correction);
    a.alf3_changed = true;
  }
  if (t >= next_sample_) {
    a.take_sample = true;
    next_sample_ += s.sample_interval_s;
  }
  // A cold cell keeps its metal after an outage: the pad is the larger part of its heat store.
  if (t >= next_tap_ && recovery_start_ >= 0.0 &&
      t - recovery_start_ < s.tap_delay_after_outage_s) {
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

Actions PotController::sample(double t, double voltage_V, double current_A, double acd_m,
                              double exchanger_held_W) {
  Actions a;
  const double dt = t - last_sample_t_;
  // Time held by the ACD limits: from the decision that saturated to the next sample.
  if (acd_saturated_ > 0) acd_record_.at_max_s += dt;
  if (acd_saturated_ < 0) acd_record_.at_min_s += dt;
  if (acd_m_ >= 0.0 && acd_m_ < acd_floor_m(*s_) - 0.05 * s_->beam_step_m) acd_record_.below_min_s += dt;
  if (heat_balance_at_limit()) acd_record_.loop_at_limit_s += dt;
  if (hot_) acd_record_.hot_s += dt;
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

void PotController::anode_effect_ended(double t) {
  in_quench_ = false;
  Actions ignored;
  set_mode(FeedMode::kOverfeed, t, ignored);
  mode_since_ = t;
  clear_slope_window();
}

void PotController::extend_quench(double t) {
  const Distribution& d =
      s_->quench_mode == QuenchMode::kAutomatic ? s_->automatic_quench : s_->manual_quench;
  quench_end_ = t + d.sample(rng_);
}

}  // namespace potline::control
