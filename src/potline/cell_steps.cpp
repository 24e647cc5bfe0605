// One block of cells through a run of steps: the line current, the integration step, then per
// cell the anode-effect onset, the statistics of the true state and the pot controller's actions
// (which only see noisy measurements).
#include <algorithm>
#include <cmath>

#include "line_internal.hpp"

namespace potline::line::detail {
namespace {
using namespace dynamics;

// Relative change of the line current that counts as a discontinuity (refresh / CVODE restart).
constexpr double kCurrentJump = 1e-3;

/// One cell of a block at one step: where its events go and what it is.
struct CellAt {
  Block& b;
  std::size_t k;
  const StepContext& x;
  double t;  ///< time after the step [s]

  CellBlock& cells() const { return *b.cells; }
  CellRun& run() const { return b.runs[k]; }
  double* y() const { return b.cells->state(k); }
  const CellModel& model() const { return b.cells->model(k); }
  void log(EventKind kind, double value) const {
    const EventDetail detail = x.c.events;
    if (detail == EventDetail::kNone) return;
    if (kind == EventKind::kFeed && detail != EventDetail::kAll) return;
    b.events.push_back({t, static_cast<std::uint32_t>(b.first + k), kind, value});
  }
};

void set_line_current(Block& b, const SimulationCase& c, double I) {
  for (std::size_t k = 0; k < b.cells->size(); ++k) {
    CellInputs& in = b.cells->inputs(k);
    if (std::fabs(I - b.runs[k].last_current) > kCurrentJump * c.schedule.nominal_A()) b.cells->mark_jump(k);
    in.current_A = I;
    b.runs[k].last_current = I;
  }
}

// Physical anode-effect onset: alumina at or below the critical value at this current.
void check_anode_effect_onset(const CellAt& at, double I) {
  CellRun& run = at.run();
  const double c_wt = alumina_wt(at.y());
  if (run.in_ae || !(I > 0) || !(c_wt <= at.cells().electrical(at.k).ae_alumina_wt)) return;
  run.in_ae = true;
  run.ae_start = at.t;
  ++run.totals.ae_count;
  at.cells().inputs(at.k).in_anode_effect = true;
  at.cells().mark_jump(at.k);
  at.cells().refresh(at.k);
  at.log(EventKind::kAnodeEffectStart, c_wt);
}

// Statistics of the true state.
void record_statistics(const CellAt& at) {
  CellRun& run = at.run();
  const double* y = at.y();
  const SafeWindow& w = at.x.c.window;
  const double h = at.x.h;
  const double c_wt = alumina_wt(y);
  const double ledge = ledge_thickness_m(at.model(), y);
  const double superheat = y[kBathTemperature] - at.cells().electrical(at.k).liquidus_K;
  run.min_alumina = std::min(run.min_alumina, c_wt);
  run.max_alumina = std::max(run.max_alumina, c_wt);
  run.min_ledge = std::min(run.min_ledge, ledge);
  run.max_ledge = std::max(run.max_ledge, ledge);
  run.superheat_seconds += superheat * h;
  if (superheat < w.superheat_min_K || superheat > w.superheat_max_K || ledge < w.ledge_min_m ||
      ledge > w.ledge_max_m) {
    run.out_of_window_s += h;
    run.left_window = true;
  }
}

void feed(const CellAt& at, double mass_kg) {
  apply_feed(at.model(), at.y(), mass_kg, at.cells().electrical(at.k).saturation_wt);
  at.run().totals.alumina_fed_kg += mass_kg;
  at.run().fed_interval += mass_kg;
  at.log(EventKind::kFeed, mass_kg);
}

// A quench draw has run out: the anode effect ends if alumina is back above the critical value,
// otherwise the quench goes on with another burst. Returns true when the state jumped.
bool finish_or_extend_quench(const CellAt& at) {
  CellRun& run = at.run();
  at.cells().refresh(at.k);
  if (alumina_wt(at.y()) > at.cells().electrical(at.k).ae_alumina_wt) {
    run.in_ae = false;
    at.cells().inputs(at.k).in_anode_effect = false;
    run.totals.ae_seconds += at.t - run.ae_start;
    run.controller.anode_effect_ended(at.t);
    at.log(EventKind::kAnodeEffectEnd, at.t - run.ae_start);
    at.cells().mark_jump(at.k);  // the anode-effect overvoltage leaves the voltage
    return false;
  }
  run.controller.extend_quench(at.t);
  feed(at, at.x.cs.quench_feed_kg);
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
    const double removed = apply_tap(at.model(), y, at.x.target_metal, &run.totals.tapped_heat_J);
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
  at.log(EventKind::kAlF3Rate, in.alf3_addition_kg_per_s * 86400.0);
  return true;
}

// The controller sees noisy measurements only; its actions change the state between steps.
void run_controller(const CellAt& at, double I) {
  CellRun& run = at.run();
  const control::ControllerSettings& cs = at.x.cs;
  control::Random& rng = run.controller.rng();
  const double v_meas = at.cells().voltage(at.k) + cs.voltage_noise_V * rng.normal();
  const double i_meas = I * (1.0 + cs.current_noise_fraction * rng.normal());
  const control::Actions a = run.controller.sample(at.t, v_meas, i_meas);
  bool jumped = false;
  if (a.feed_kg > 0) {
    feed(at, a.feed_kg);
    jumped = true;
  }
  if (a.mode_changed) {
    if (run.controller.mode() == control::FeedMode::kUnderfeed) at.log(EventKind::kUnderfeed, 0);
    if (run.controller.mode() == control::FeedMode::kOverfeed) at.log(EventKind::kOverfeed, 0);
  }
  if (a.quench_done && finish_or_extend_quench(at)) jumped = true;
  if (apply_metal_and_anode_actions(at, a)) jumped = true;
  if (apply_bath_actions(at, a)) jumped = true;
  if (jumped) at.cells().state_jumped(at.k);
}

}  // namespace

double line_current_at(const SimulationCase& c, double t, double regulated_A) {
  if (!c.schedule.is_power()) return c.schedule.current_at(t);
  return c.schedule.in_outage(t) ? 0.0 : regulated_A;
}

void advance_block(Block& b, const StepContext& x, long first_step, long steps, double regulated_A) {
  const std::size_t n = b.cells->size();
  for (long s = first_step; s < first_step + steps; ++s) {
    const double t0 = s * x.h;
    const double I = line_current_at(x.c, t0, regulated_A);
    set_line_current(b, x.c, I);
    b.cells->step();
    const double t = t0 + x.h;
    for (std::size_t k = 0; k < n; ++k) {
      const CellAt at{b, k, x, t};
      if (!check_cell_state(at.model(), at.y(), at.run(), x.c.frozen_bath_fraction,
                            static_cast<std::uint32_t>(b.first + k), t, b.violation)) {
        if (b.violation.reason == StopReason::kBathFrozen) {
          at.log(EventKind::kBathFrozen, 100.0 * bath_mass_kg(at.y()) / at.run().bath_start);
        }
        return;  // the block stops here; the driver stops the run after this chunk
      }
      check_anode_effect_onset(at, I);
      record_statistics(at);
      if (x.c.controller_enabled) run_controller(at, I);
    }
  }
}

}  // namespace potline::line::detail
