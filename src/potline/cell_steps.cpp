// One block of cells through a run of steps: the line current, the integration step, then per
// cell the anode-effect onset, the statistics of the true state and the pot controller's actions
// (which only see noisy measurements).
#include <algorithm>
#include <cmath>

#include "fault_steps.hpp"
#include "line_internal.hpp"
#include "potline/bath/validity.hpp"
#include "potline/core/constants.hpp"

namespace potline::line::detail {
namespace {
using namespace dynamics;

// Relative change of the line current that counts as a discontinuity (refresh / CVODE restart).
constexpr double kCurrentJump = 1e-3;

/// One cell of a block at one step: where its events go and what it is. The cell's block, run
/// record, state and model are looked up once per step (the containers do not change size while a
/// block is advanced).
struct CellAt {
  CellAt(Block& block, std::size_t index, const StepContext& context, double time)
      : b(block), k(index), x(context), t(time), cells_(*block.cells), run_(block.runs[index]),
        y_(cells_.state(index)), model_(cells_.model(index)) {}
  Block& b;
  std::size_t k;
  const StepContext& x;
  double t;  ///< time after the step [s]

  CellBlock& cells() const { return cells_; }
  CellRun& run() const { return run_; }
  double* y() const { return y_; }
  const CellModel& model() const { return model_; }

 private:
  CellBlock& cells_;
  CellRun& run_;
  double* y_;
  const CellModel& model_;

 public:
  void log(EventKind kind, double value) const {
    const EventDetail detail = x.c.events;
    if (detail == EventDetail::kNone) return;
    if (kind == EventKind::kFeed && detail != EventDetail::kAll) return;
    b.events.push_back({t, static_cast<std::uint32_t>(b.first + k), kind, value});
  }
};

void set_line_current(Block& b, const SimulationCase& c, double I, double t) {
  // Unchanged since the last step: every cell's input and last current are already I.
  if (I == b.applied_current_A) return;
  const bool was_on = b.applied_current_A > kLineOnFraction * c.schedule.nominal_A();
  b.applied_current_A = I;
  for (std::size_t k = 0; k < b.cells->size(); ++k) {
    if (b.runs[k].cut_out) continue;  // dead (cut out or being cut out): not integrated
    if (was_on) {  // its last voltage under current (a guard tripped with the line off uses it)
      b.runs[k].on_voltage_V = b.cells->voltage(k);
      b.runs[k].on_current_A = b.runs[k].last_current;
      b.runs[k].on_time_s = t;
    }
    CellInputs& in = b.cells->inputs(k);
    if (std::fabs(I - b.runs[k].last_current) > kCurrentJump * c.schedule.nominal_A()) b.cells->mark_jump(k);
    if (in.current_A != I) in.ledge_flow_factor = ledge_flow_factor(b.cells->model(k), I);
    in.current_A = I;
    b.runs[k].last_current = I;
  }
}

// Physical anode-effect onset: the lowest feeder zone at or below the critical concentration
// of the Piontelli / Grjotheim–Welch critical current density at this current and temperature
// (cell::evaluate's C_AE). The event value is the bath average at onset.
// `c_wt`: alumina_wt of the cell's state.
void check_anode_effect_onset(const CellAt& at, double I, double c_wt) {
  CellRun& run = at.run();
  const double zone_wt = c_wt + run.zones.min_deviation_wt();
  const double onset_wt = ae_onset_alumina_wt(run, at.model(), at.cells().electrical(at.k), at.t);
  if (run.in_ae || !(I > 0) || !(zone_wt <= onset_wt)) return;
  run.in_ae = true;
  run.ae_start = at.t;
  attribute_anode_effect(run, at.x, at.t);
  ++run.totals.ae_count;
  run.totals.ae_onset_alumina_wt_sum += c_wt;
  run.totals.ae_onset_zone_wt_sum += zone_wt;
  if (!at.x.windows->empty()) count_window_ae(*at.x.windows, run, at.t);
  CellInputs& in = at.cells().inputs(at.k);
  in.in_anode_effect = true;
  in.zone_overvoltage_V = 0.0;  // the anode-effect overvoltage replaces it
  at.cells().mark_jump(at.k);
  at.cells().refresh(at.k);
  at.log(EventKind::kAnodeEffectStart, c_wt);
}

// Feeder faults that start or end at t (seeded; one comparison per step when none is due).
void update_feeder_faults(const CellAt& at) {
  CellRun& run = at.run();
  while (run.feeders.next_change_s() <= at.t) {
    const FeederChange change = run.feeders.update(at.t);
    if (change.feeder < 0) break;
    const double number = change.feeder + 1.0;
    switch (change.fault) {
      case FeederFault::kChoke: at.log(EventKind::kFeederChoke, number); break;
      case FeederFault::kPartial: at.log(EventKind::kFeederPartial, number); break;
      case FeederFault::kNone: at.log(EventKind::kFeederCleared, number); break;
    }
  }
  run.totals.feeder_faults = run.feeders.faults_started();
}

// Interval between evaluations of the zones' concentration overvoltage [s]: the zones move with
// the mixing time (tens of minutes) and the tracking controller averages the resistance over
// 2 minutes, so 2 minutes resolve them; the cost stays off the step.
constexpr double kZoneVoltageInterval_s = 120.0;

// The zones after one step: exchange and dissolution; their overvoltage every minute.
void advance_zones(const CellAt& at, double I) {
  CellRun& run = at.run();
  const double* y = at.y();
  const Electrical& e = at.cells().electrical(at.k);
  run.zones.advance(dissolution_kg_per_s(at.model(), e, y), bath_mass_kg(y), run.in_ae);
  run.zone_voltage_age_s += at.x.h;
  if (run.zone_voltage_age_s < kZoneVoltageInterval_s) return;
  run.zone_voltage_age_s = 0.0;
  CellInputs& in = at.cells().inputs(at.k);
  const bool on = I > 0.0 && e.current_efficiency > 0.0 && !run.in_ae;
  const double v = on ? run.zones.concentration_overvoltage_V(alumina_wt(y), e.ae_alumina_wt, y[kBathTemperature]) +
                            fault_voltage_V(run, at.model(), e, I) +
                            (run.anode_problem_on ? anode_problem_voltage_V(run, at.x.c, e, y) : 0.0)
                      : 0.0;
  if (v != in.zone_overvoltage_V) {
    in.zone_overvoltage_V = v;
    at.cells().state_jumped(at.k);
  }
}

// The cell's running means just left the safe window: which limit (the first in the order of the
// window's keys) and when, for events.csv (issue 11 part 8: which cells leave, and why).
[[gnu::cold, gnu::noinline]] void log_window_exit(const CellAt& at, double ledge_from_reference_m) {
  CellRun& run = at.run();
  const SafeWindow& w = at.x.c.window;
  run.out_of_window_now = true;
  run.window_left_s = at.t;
  if (run.superheat_mean_K < w.superheat_min_K) {
    at.log(EventKind::kWindowSuperheatLow, run.superheat_mean_K);
  } else if (run.superheat_mean_K > w.superheat_max_K) {
    at.log(EventKind::kWindowSuperheatHigh, run.superheat_mean_K);
  } else if (ledge_from_reference_m < w.ledge_min_m) {
    at.log(EventKind::kWindowLedgeThin, 100.0 * ledge_from_reference_m);
  } else {
    at.log(EventKind::kWindowLedgeThick, 100.0 * ledge_from_reference_m);
  }
}

// The step's bath lies outside the liquidus correlation's validity (the flag of the step's bath
// evaluation): its time and extremes, for one summary warning (trial 6, T6-8). Off the hot path: one
// flag test per step when the bath is within range.
[[gnu::cold, gnu::noinline]] void note_liquidus_range(const CellAt& at) {
  CellRun& run = at.run();
  const double* y = at.y();
  run.liquidus_range_s += at.x.h;
  run.liquidus_range_max_alf3_wt = std::max(run.liquidus_range_max_alf3_wt, composition(at.model(), y).alf3_excess_wt);
  run.liquidus_range_min_temperature_K = std::min(run.liquidus_range_min_temperature_K, y[kBathTemperature]);
}

// Statistics of the true state; `c_wt`: alumina_wt of the cell's state.
void record_statistics(const CellAt& at, double c_wt) {
  CellRun& run = at.run();
  const double* y = at.y();
  const SafeWindow& w = at.x.c.window;
  const double h = at.x.h;
  const double ledge = ledge_thickness_m(at.model(), y);
  const Electrical& e = at.cells().electrical(at.k);
  const double superheat = y[kBathTemperature] - e.liquidus_K;
  if (e.flags & bath::kLiquidusOutOfRange) [[unlikely]] note_liquidus_range(at);
  run.min_alumina = std::min(run.min_alumina, c_wt);
  run.max_alumina = std::max(run.max_alumina, c_wt);
  run.min_ledge = std::min(run.min_ledge, ledge);
  run.max_ledge = std::max(run.max_ledge, ledge);
  run.superheat_seconds += superheat * h;
  run.alumina_seconds += c_wt * h;
  // The window is judged on running means over w.averaging_s (exponential, exact for a held
  // value over the step): the alumina cycle, taps and anode changes move the superheat by a
  // kelvin or two for less than that; a thermal excursion lasts longer.
  const double keep = at.x.window_keep;
  run.superheat_mean_K = superheat + (run.superheat_mean_K - superheat) * keep;
  run.ledge_mean_m = ledge + (run.ledge_mean_m - ledge) * keep;
  if (!at.x.windows->empty())
    track_windows(*at.x.windows, at.x.recovery, run, at.t, h, y[kBathTemperature], superheat,
                  ledge);
  const double ledge_from_reference = run.ledge_mean_m - run.window_ledge_offset_m;
  if (run.superheat_mean_K < w.superheat_min_K || run.superheat_mean_K > w.superheat_max_K ||
      ledge_from_reference < w.ledge_min_m || ledge_from_reference > w.ledge_max_m) {
    run.out_of_window_s += h;
    run.left_window = true;
    if (!run.out_of_window_now) log_window_exit(at, ledge_from_reference);
  } else if (run.out_of_window_now) {
    run.out_of_window_now = false;
    at.log(EventKind::kWindowReturned, (at.t - run.window_left_s) / 3600.0);
  }
  // Out of the window with the heat-balance loop at its limit: the loop has no authority left to
  // bring the cell back (T14-4). The loop alone at its limit is no such sign: one daily reading whose
  // 2 K noise takes the offset to the limit holds it there for a day (docs/model/dynamics.md §4).
  if (run.out_of_window_now && run.controller.heat_balance_at_limit()) {
    run.loop_limit_stretch_s += h;
    run.totals.loop_limit_out_of_window_s += h;
    run.totals.loop_limit_out_of_window_longest_s =
        std::max(run.totals.loop_limit_out_of_window_longest_s, run.loop_limit_stretch_s);
  } else {
    run.loop_limit_stretch_s = 0.0;
  }
}

// Alumina into the cell: through feeder `feeder` (its zone), or by hand over the whole cell
// (feeder < 0). Returns false when nothing arrived.
bool add_alumina(const CellAt& at, double mass_kg, int feeder) {
  if (!(mass_kg > 0.0)) return false;
  CellRun& run = at.run();
  double* y = at.y();
  const double dissolved_before = y[kDissolvedAlumina];
  const double undissolved_before = y[kUndissolvedAlumina];
  apply_feed(at.model(), y, mass_kg, at.cells().electrical(at.k).saturation_wt);
  const double dissolved = slow_dissolution(run, y, y[kDissolvedAlumina] - dissolved_before);
  if (feeder >= 0) {
    run.zones.add(zone_of_feeder(feeder, at.x.feeders, at.x.zones), dissolved, mass_kg - dissolved,
                  undissolved_before, bath_mass_kg(y));
  } else {
    run.zones.add_evenly(mass_kg - dissolved, undissolved_before);
  }
  run.totals.alumina_fed_kg += mass_kg;
  run.fed_interval += mass_kg;
  at.log(EventKind::kFeed, mass_kg);
  return true;
}

// The controller's shots, each fired by the next feeder in turn and delivered as far as that
// feeder works (scenario stop, seeded faults). Returns true when alumina arrived.
bool feed_shots(const CellAt& at, int shots, double shot_kg) {
  CellRun& run = at.run();
  const FeederSettings& fs = at.x.c.feeders;
  const bool stopped = run.controller.feed_stopped(at.t);
  bool fed = false;
  for (int i = 0; i < shots; ++i) {
    const int f = run.feeders.next_feeder();
    double delivery = run.feeders.delivery(f);
    if (stopped && (fs.stop_feeder == 0 || fs.stop_feeder == f + 1)) delivery *= fs.stop_delivery;
    if (add_alumina(at, run.faults.deliver(f, shot_kg * delivery), f)) fed = true;
  }
  return fed;
}

// An anode effect brings the operators to the pot: they clear the choked feeders.
void clear_feeder_faults(const CellAt& at) {
  CellRun& run = at.run();
  if (!at.x.c.feeders.ae_clears_faults) return;
  for (int f = 0; f < run.feeders.size(); ++f) {
    if (run.feeders.fault(f) != FeederFault::kNone) at.log(EventKind::kFeederCleared, f + 1.0);
  }
  run.feeders.clear_all(at.t);
}

// A quench draw has run out: the anode effect ends if alumina is back above the critical value,
// otherwise the quench goes on with another burst. Returns true when the state jumped.
bool finish_or_extend_quench(const CellAt& at) {
  CellRun& run = at.run();
  at.cells().refresh(at.k);
  if (alumina_wt(at.y()) + run.zones.min_deviation_wt() >
      ae_onset_alumina_wt(run, at.model(), at.cells().electrical(at.k), at.t)) {
    run.in_ae = false;
    end_anode_effect(run, at.t);
    at.cells().inputs(at.k).in_anode_effect = false;
    run.totals.ae_seconds += at.t - run.ae_start;
    run.controller.anode_effect_ended(at.t);
    at.log(EventKind::kAnodeEffectEnd, at.t - run.ae_start);
    at.cells().mark_jump(at.k);  // the anode-effect overvoltage leaves the voltage
    return false;
  }
  run.controller.extend_quench(at.t);
  add_alumina(at, at.x.cs.quench_feed_kg, -1);
  return true;
}

// Beam moves, tapping and anode setting. Returns true when the state jumped.
bool apply_metal_and_anode_actions(const CellAt& at, const control::Actions& a) {
  CellRun& run = at.run();
  double* y = at.y();
  bool jumped = false;
  if (a.beam_move_m != 0.0) {
    apply_beam_move(y, a.beam_move_m);
    ++run.totals.beam_moves;
    at.log(EventKind::kBeamMove, a.beam_move_m * 1e3);
    jumped = true;
  }
  if (a.tap) {
    const double metal_before = y[kMetal];
    const double removed = apply_tap(at.model(), y, at.x.target_metal, &run.totals.tapped_heat_J);
    if (at.x.c.purity.enabled) {  // grade over time (purity_track.cpp)
      purity_on_tap(at.x.c.purity, run.purity, at.t, static_cast<std::uint32_t>(at.b.first + at.k), metal_before, removed,
                    y[kMetalProduced], run.metal_start);
    }
    run.totals.metal_tapped_kg += removed;
    ++run.totals.taps;
    at.log(EventKind::kTap, removed);
    if (at.x.cs.tap_beam_tracking && removed > 0) {
      const double move = -removed * metal_rise_m_per_kg(at.model());
      apply_beam_move(y, move);
      at.log(EventKind::kBeamMove, move * 1e3);
    }
    jumped = true;
  }
  if (a.anode_change) {
    apply_anode_change(at.model(), y);
    run.faults.anode_changed(at.t);
    ++run.totals.anode_changes;
    at.log(EventKind::kAnodeChange, 0);
    jumped = true;
  }
  if (a.beam_raise) at.log(EventKind::kBeamRaise, 0);
  return jumped;
}

// Bath samples (seen by the controller after its delay) and AlF3 rate changes. Returns true when
// an input changed.
bool apply_bath_actions(const CellAt& at, const control::Actions& a) {
  CellRun& run = at.run();
  const double* y = at.y();
  if (a.take_sample) {
    run.controller.deliver_sample(at.t, composition(at.model(), y).alf3_excess_wt, y[kBathTemperature]);
    at.log(EventKind::kBathSample, composition(at.model(), y).alf3_excess_wt);
  }
  if (!a.alf3_changed) return false;
  CellInputs& in = at.cells().inputs(at.k);
  in.alf3_addition_kg_per_s = run.controller.alf3_rate_kg_per_s();
  at.log(EventKind::kAlF3Rate, in.alf3_addition_kg_per_s * constants::kSecondsPerDay);
  return true;
}

// Shell heat exchangers: the fraction in use from the schedule or the automatic ledge rule, and
// the heat they took over the step (reporting; the energy balance has it in the side loss).
void update_exchangers(const CellAt& at) {
  const CellModel& m = at.model();
  if (!(m.exchanger_share > 0.0)) return;
  CellRun& run = at.run();
  const double* y = at.y();
  CellInputs& in = at.cells().inputs(at.k);
  run.exchanger.energy_J += (y[kWallTemperature] - m.parameters.ambient_temperature_K) *
                            m.derived.exchanger_W_per_K * in.exchanger_fraction * at.x.h;
  const double u = exchanger_fraction(
      at.x.c.exchangers, run.exchanger, m.parameters.exchanger_design_fraction, at.t, at.x.h,
      ledge_thickness_m(m, y), m.parameters.initial_ledge_m, run.superheat_mean_K);
  run.exchanger.fraction = u;
  if (u != in.exchanger_fraction) {
    in.exchanger_fraction = u;
    at.cells().state_jumped(at.k);  // an input changed (CVODE restarts)
  }
}

// Top heat retention in a cut (control.cut_top_loss_reduction): less duct flow and more anode
// cover while the line current is cut. The potroom acts on the line's current (its set point, known
// without a pot's measurement noise, which would move it at nominal); the top node-to-potroom
// conductance factor changes only at a step of the retention. Returns true when the input changed.
bool update_top_retention(const CellAt& at, double line_current_A) {
  CellRun& run = at.run();
  const double f = control::cut_top_conductance_factor(at.x.cs, at.model().parameters.top_inner_fraction,
                                                       line_current_A);
  if (f == run.top_retention) return false;
  run.top_retention = f;
  const double cover = run.cover_lost ? at.x.c.upsets.cover_loss_factor : 1.0;
  at.cells().inputs(at.k).top_loss_factor = static_cast<float>(cover * f);
  return true;
}

// The controller sees noisy measurements only; its actions change the state between steps.
void run_controller(const CellAt& at, double I) {
  CellRun& run = at.run();
  const control::ControllerSettings& cs = at.x.cs;
  control::Random& rng = run.controller.rng();
  const double v_meas = at.cells().voltage(at.k) + cs.voltage_noise_V * rng.normal();
  const double i_meas = I * (1.0 + cs.current_noise_fraction * rng.normal());
  // The ACD is read from the beam position (the ACD limits, docs/model/dynamics.md §4); the shell
  // heat exchangers' extraction below their design point and the top heat a cut's retention keeps
  // (§4, "Top heat retention in a cut") count against a cut's heat deficit (§4, reheat).
  const CellModel& m = at.model();
  const bool jumped_top = update_top_retention(at, I);
  const double top_held_W = (at.y()[kTopTemperature] - m.parameters.ambient_temperature_K) *
                            m.derived.top_out_W_per_K * (1.0 - run.top_retention);
  run.totals.top_heat_kept_J += top_held_W * cs.sample_period_s;  // until the next sample
  const double held_W = top_held_W +
                        (m.exchanger_share > 0.0
                             ? m.exchanger_max_W * m.parameters.exchanger_design_fraction -
                                   (at.y()[kWallTemperature] - m.parameters.ambient_temperature_K) *
                                       m.derived.exchanger_W_per_K *
                                       at.cells().inputs(at.k).exchanger_fraction
                             : 0.0);
  if (run.startup_start_s >= 0.0) [[unlikely]] {  // a restarted pot's start-up (cut_in_out.cpp)
    const double left = 1.0 - (at.t - run.startup_start_s) / at.x.c.startup_time_s;
    const double raise_V = std::max(left, 0.0) * at.x.c.startup_voltage_V;
    run.controller.set_startup_offset_V(raise_V);
    run.totals.startup_energy_J += I * raise_V * cs.sample_period_s;  // until the next sample
    if (left <= 0.0) run.startup_start_s = -1.0;
  }
  const control::Actions a = run.controller.sample(at.t, v_meas, i_meas, at.y()[kAcd], held_W);
  bool jumped = jumped_top;
  if (a.ae_detected) {
    clear_feeder_faults(at);
    repair_breakers_at_anode_effect(at.b, at.k, at.x, at.t);
  }
  if (a.feed_stop_cleared) {  // the operators freed the stopped feeder(s): the stop's window ends
    at.log(EventKind::kFeedStopCleared, at.x.c.feeders.stop_feeder);
    clear_feed_stop_windows(*at.x.windows, run, at.t);
  }
  if (a.shots > 0 && feed_shots(at, a.shots, a.feed_kg / a.shots)) jumped = true;
  if (add_alumina(at, a.hand_feed_kg, -1)) jumped = true;
  if (a.mode_changed) {
    if (run.controller.mode() == control::FeedMode::kUnderfeed) at.log(EventKind::kUnderfeed, 0);
    if (run.controller.mode() == control::FeedMode::kOverfeed) at.log(EventKind::kOverfeed, 0);
  }
  if (a.quench_done && finish_or_extend_quench(at)) jumped = true;
  if (apply_metal_and_anode_actions(at, a)) jumped = true;
  if (apply_bath_actions(at, a)) jumped = true;
  if (jumped) at.cells().state_jumped(at.k);
}

// Stops the block at a guard that tripped (returns false), or cuts the cell out of the line when
// the guard is a cell-local physical state and the case says so (returns true: the block goes on).
[[gnu::cold, gnu::noinline]] bool on_guard(const CellAt& at) {
  Violation& v = at.b.violation;
  if (v.reason == StopReason::kBathFrozen) {
    at.log(EventKind::kBathFrozen, 100.0 * bath_mass_kg(at.y()) / at.run().bath_start);
  }
  if (v.cut_out_reason == nullptr) return false;
  const FrozenCellAction action = v.overheated ? at.x.c.on_overheated_cell : at.x.c.on_frozen_cell;
  if (action == FrozenCellAction::kCutOut) {
    cut_out_cell(at.b, at.k, at.x, at.t, v);  // cut_in_out.cpp
    return true;
  }
  constexpr const char* kOverheated =
      ". An overheated cell is cut out in a plant (its side walls and lining are at risk): the run "
      "stops here (potline.on_overheated_cell = \"stop\"; \"cut_out\" cuts the cell out of the line "
      "and runs on)";
  constexpr const char* kFrozen =
      ". A frozen cell is dead until it is restarted: the run stops here (potline.on_frozen_cell = "
      "\"stop\"; \"cut_out\" cuts the cell out of the line and runs on, and potline.cut_in = "
      "\"restart\" cuts it in again after its repair)";
  v.message += v.overheated ? kOverheated : kFrozen;
  return false;
}

}  // namespace

double line_current_at(const SimulationCase& c, double t, double regulated_A, double off_until_s) {
  if (t < off_until_s) return 0.0;  // the restart waits for the crew (potline.restart_after_outage)
  if (!c.schedule.is_power()) return c.schedule.current_at(t);
  return c.schedule.in_outage(t) ? 0.0 : regulated_A;
}

void advance_block(Block& b, const StepContext& x, long first_step, long steps, double regulated_A,
                   double off_until_s) {
  const std::size_t n = b.cells->size();
  const bool known_finite = b.cells->step_checks_finite();
  for (long s = first_step; s < first_step + steps; ++s) {
    const double t0 = s * x.h;
    const double I = line_current_at(x.c, t0, regulated_A, off_until_s);
    set_line_current(b, x.c, I, t0);
    b.cells->step();
    const double t = t0 + x.h;
    for (std::size_t k = 0; k < n; ++k) {
      if (b.runs[k].cut_out) [[unlikely]] {  // dead: not integrated, nothing to control
        if (!b.runs[k].shorted) {
          hold_in_line(b, k, x, t, I);  // in the series until shorted (cut_in_out.cpp)
        } else if (t >= b.runs[k].cut_in_due_s) {
          cut_in_cell(b, k, x, t, I);  // repaired: restarted, in the series from the next step
        }
        continue;
      }
      const CellAt at(b, k, x, t);
      if (!check_cell_state(at.model(), at.y(), at.run(), x.c.frozen_bath_fraction,
                            static_cast<std::uint32_t>(b.first + k), t, b.violation, known_finite)) {
        if (on_guard(at)) continue;  // cut out of the line
        return;  // the block stops here; the driver stops the run after this chunk
      }
      // Ledge melt-out (potline.on_ledge_melt_out): at the model's floor, back above twice it.
      const double ledge_limit = (at.run().ledge_out ? kLedgeBackShare : kLedgeOutShare) *
                                 at.model().derived.minimum_ledge_kg;
      if ((at.y()[kLedge] <= ledge_limit) != at.run().ledge_out) [[unlikely]] {
        if (!on_ledge_change(b, k, x, t, !at.run().ledge_out)) return;  // the run stops
        if (at.run().cut_out) continue;                                  // cut out of the line
      }
      if (at.run().upset_cell && update_cell_upsets(b, k, x, t)) [[unlikely]] b.cells->state_jumped(k);
      update_feeder_faults(at);
      if (update_process_faults(b, k, x, t)) b.cells->state_jumped(k);
      advance_zones(at, I);
      // The state does not change between here and the controller's actions.
      const double c_wt = alumina_wt(at.y());
      check_anode_effect_onset(at, I, c_wt);
      record_statistics(at, c_wt);
      update_exchangers(at);
      if (x.c.controller_enabled) run_controller(at, I);
    }
  }
}

}  // namespace potline::line::detail
