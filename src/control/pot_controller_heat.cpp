// Pot controller, heat side: the heat feed-forward of a current change, the count of heat missed
// during an outage or a cut and the reheat that returns it (docs/model/dynamics.md §4, "Reheat
// after an outage or a cut"), and the bath-temperature (heat-balance) loop on the samples.
#include <algorithm>
#include <cmath>
#include <limits>

#include "pot_controller_internal.hpp"
#include "potline/control/pot_controller.hpp"

namespace potline::control {
using detail::kOffCurrentFraction;

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
  // An offset within the resistance deadband would move no beam by itself: not applied, so that the
  // noise of the measured current (0.2 %, ≈ 10 mV of offset) does not enter the decisions at the
  // nominal current (the runs there are those of the feed-forward off).
  const double raw = s.heat_feedforward * (heat - base);
  if (std::abs(raw) <= s.deadband_V) return 0.0;
  // A hot pot (hot_bath_full_cut) is not held by max_cut: the ACD floor limits its cut
  // (docs/model/dynamics.md §4, "A hot pot").
  const double max_cut = hot_ && s.hot_bath_full_cut ? std::numeric_limits<double>::infinity()
                                                    : s.heat_feedforward_max_cut_V;
  return std::clamp(raw, -max_cut, s.heat_feedforward_max_raise_V);
}

double cut_top_conductance_factor(const ControllerSettings& s, double top_inner_fraction,
                                  double current_A) noexcept {
  if (!(s.cut_top_loss_reduction > 0.0) || !(s.nominal_current_A > 0.0)) return 1.0;
  const double depth = s.reheat_cut_depth > 0.0 ? s.reheat_cut_depth : 1.0;
  const double cut = std::clamp((1.0 - current_A / s.nominal_current_A) / depth, 0.0, 1.0);
  // Whole steps reached (a current just below nominal, or a step's edge, takes none more).
  const double steps = std::floor(cut * 20.0 + 1e-9) / 20.0;
  const double loss_ratio = 1.0 - s.cut_top_loss_reduction * steps;
  const double f_in = std::clamp(top_inner_fraction, 0.0, 0.99);
  return (1.0 - f_in) / (1.0 / loss_ratio - f_in);
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
  // After an outage the current comes back to its nominal value, so the heat feed-forward sees no
  // change of current and asks for no move; the reheat's higher target is then the call: the beam
  // raises toward it in proportional moves (control_resistance; user trial T13-5), unless
  // control.reheat_raise = one_step. A cut's return is already a call of the feed-forward.
  // The hold is counted from the first decision that finds the cell at the raised target: the
  // lockout after the restart and the tracking of the feed control can keep the beam still for an
  // hour or more, most of a short outage's hold. After a cut the beam stands above the target (the
  // feed-forward raised it for the cut), so that hold is counted from the return.
  if (disturbance_counts_ && reheat_start_ == t) {
    reheat_waiting_ = true;
    if (s.reheat_raise == ReheatRaise::kProportional) raising_for_reheat_ = true;
  }
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
  const double since = reheat_waiting_ ? 0.0 : t - reheat_start_;
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
  reheat_waiting_ = false;  // after an outage set again by track_disturbance
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
  if (s.preheat_voltage_V > 0.0 && s.planned_outage_start_s >= 0.0 &&
      t < s.planned_outage_start_s && t >= s.planned_outage_start_s - s.preheat_s) {
    reheat_offset_ = s.preheat_voltage_V;
  }
  if (reheat_start_ < 0.0) return;
  if (reheat_waiting_) reheat_start_ = t;  // the hold's clock has not started
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
    raising_for_reheat_ = false;
  }
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
  // A hot pot (docs/model/dynamics.md §4): a reading more than the margin above the target marks
  // it, reheat or not; it stays hot until a reading within half the margin (hysteresis: a pot held
  // at its ACD floor settles above the target, and releasing it at the margin restarted the rise).
  const double hot_above = (hot_ ? 0.5 : 1.0) * s_->hot_bath_margin_K;
  hot_ = s_->temperature_target_K > 0.0 && s_->hot_bath_margin_K > 0.0 &&
         pending_temperature_K_ > s_->temperature_target_K + hot_above;
  if (s_->temperature_target_K > 0.0 && !held) {
    // Proportional + integral: the integral is the running heat inventory of [Comalco EP0671488]
    // (the target resistance is modified until the heat integral is zero), so a cell that loses
    // more or less heat than the design, or runs at another current, returns to its temperature
    // instead of keeping a proportional offset. The sum is limited to ±temperature_max_offset.
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

}  // namespace potline::control
