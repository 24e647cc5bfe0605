// Operating envelope from constant-power runs of the dynamic model (see envelope.hpp).
#include "potline/flex/envelope.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "potline/control/pot_controller.hpp"
#include "potline/flex/resimulate.hpp"

namespace potline::flex {

DrawnPower drawn_power(const FlexCase& c, const CellTrace& trace, double until_s) {
  DrawnPower out;
  const double nominal_W = nominal_cell_power_W(c.sim);
  if (until_s <= 0 || trace.time_s.empty() || trace.energy_cum_J.size() != trace.time_s.size()) return out;
  const double energy = CellTrace::at(trace.time_s, trace.energy_cum_J, until_s);
  out.share = energy / (nominal_W * until_s);
  // The rectifier holds the regulated current at potline.max_current when the power asks for more
  // (docs/model/dynamics.md, "Power schedules"); rows are instantaneous, each counts for the time
  // since the previous one.
  const double max_A = c.sim.schedule.max_A();
  for (std::size_t i = 1; i < trace.time_s.size() && i < trace.current_A.size() && trace.time_s[i] <= until_s; ++i) {
    if (trace.current_A[i] >= max_A * (1 - 1e-6)) out.limited_s += trace.time_s[i] - trace.time_s[i - 1];
  }
  return out;
}

namespace {

/// The hold ends at the first limit of any kind (docs/model/flexibility.md §7): a running mean
/// leaving the window, the freeze alarm (instantaneous ledge above flex.ledge_max) or a physical
/// guard stopping the run (the bath froze). Each time is also kept on its own.
void end_of_hold(const CellTrace& trace, const std::vector<Crossing>& crossings,
                 const HeatBounds& bounds, double duration_s, EnvelopeRow& row) {
  const double run_end = trace.stopped ? trace.stopped_at_s : duration_s;
  for (const Crossing& x : crossings) {
    // find_crossings also lists the guard that stopped the run: not a running mean.
    if (x.limit == "bath_frozen" || x.limit == "guard_stop") continue;
    if (x.start_s <= run_end) {
      row.window_crossing_s = x.start_s;
      row.window_limit = x.limit;
      break;
    }
  }
  for (std::size_t i = 0; i < trace.time_s.size(); ++i) {
    if (trace.ledge_m[i] > bounds.ledge_max_m) {
      row.freeze_alarm_s = trace.time_s[i];
      break;
    }
  }
  if (trace.stopped && trace.stop_reason == line::StopReason::kBathFrozen)
    row.frozen_s = trace.stopped_at_s;
  row.hold_s = run_end;
  // Named as find_crossings names the guard (the dispatch's crossings table).
  if (trace.stopped)
    row.limit = trace.stop_reason == line::StopReason::kBathFrozen ? "bath_frozen" : "guard_stop";
  // Ties go to the running mean, then to the alarm: the earlier row names the limit.
  if (row.freeze_alarm_s >= 0 && row.freeze_alarm_s <= row.hold_s) {
    row.hold_s = row.freeze_alarm_s;
    row.limit = "freeze_alarm";
  }
  if (row.window_crossing_s >= 0 && row.window_crossing_s <= row.hold_s) {
    row.hold_s = row.window_crossing_s;
    row.limit = row.window_limit;
  }
}

/// The part of a run from the call at `call_s` on, timed from the call: rows from the call (the
/// cumulative energy from there), and the window crossings of the whole run's running means (the
/// means carry the settling hours, as a daily mean does) that are still open at the call. A run a
/// guard stopped before the call holds nothing.
struct FromCall {
  CellTrace trace;
  std::vector<Crossing> crossings;
};

FromCall from_call(const CellTrace& run, const HeatBounds& bounds, double averaging_s,
                   double call_s) {
  FromCall out;
  std::vector<Crossing> all = find_crossings(run, bounds, averaging_s);
  if (call_s <= 0) {
    out.trace = run;
    out.crossings = std::move(all);
    return out;
  }
  CellTrace& t = out.trace;
  t.summary = run.summary;
  t.stopped = run.stopped;
  t.stop_reason = run.stop_reason;
  t.stopped_at_s = std::max(0.0, run.stopped_at_s - call_s);
  t.stop_message = run.stop_message;
  const double energy_at_call =
      run.time_s.empty() ? 0.0 : CellTrace::at(run.time_s, run.energy_cum_J, call_s);
  for (std::size_t i = 0; i < run.time_s.size(); ++i) {
    if (run.time_s[i] < call_s - 1e-6) continue;
    t.time_s.push_back(run.time_s[i] - call_s);
    t.ledge_m.push_back(run.ledge_m[i]);
    t.superheat_K.push_back(run.superheat_K[i]);
    t.temperature_K.push_back(run.temperature_K[i]);
    t.power_W.push_back(run.power_W[i]);
    t.acd_m.push_back(run.acd_m[i]);
    t.energy_cum_J.push_back(run.energy_cum_J[i] - energy_at_call);
    t.current_A.push_back(run.current_A[i]);
  }
  for (Crossing x : all) {
    // An episode that began while settling and is still open at the call counts from the call.
    if (x.end_s <= call_s && x.limit != "bath_frozen" && x.limit != "guard_stop") continue;
    x.start_s = std::max(0.0, x.start_s - call_s);
    x.end_s = std::max(0.0, x.end_s - call_s);
    out.crossings.push_back(x);
  }
  return out;
}

/// Upwards, a cell that overheats (a hot-side bound, or a guard) while its resistance control sits
/// at the ACD floor could not shed the heat by lowering its voltage any further: the floor
/// (control.acd_min) is the binding limit, and the hold's end is named after it ("acd_min"; the
/// bound crossed stays in window_limit). At the floor means within one beam step of it at the
/// hold's end or for at least half the hold (docs/model/flexibility.md §7).
void name_acd_floor(const FlexCase& c, const CellTrace& trace, EnvelopeRow& row) {
  const bool hot = row.limit == "superheat_max" || row.limit == "ledge_min" || row.limit == "guard_stop";
  if (row.share <= 1.0 || !hot) return;
  const double floor = control::acd_floor_m(c.sim.control);
  if (!(floor > 0.0)) return;
  const double near = floor + c.sim.control.beam_step_m;
  double at_floor_s = 0, last_acd = -1;
  for (std::size_t i = 1; i < trace.time_s.size() && i < trace.acd_m.size(); ++i) {
    if (trace.time_s[i] > row.hold_s + 1e-6) break;
    if (trace.acd_m[i] <= near) at_floor_s += trace.time_s[i] - trace.time_s[i - 1];
    last_acd = trace.acd_m[i];
  }
  if ((last_acd >= 0.0 && last_acd <= near) || at_floor_s >= 0.5 * row.hold_s) row.limit = "acd_min";
}

}  // namespace

std::vector<EnvelopeRow> operating_envelope(const FlexCase& c, const HeatBounds& bounds) {
  std::vector<EnvelopeRow> rows;
  const double duration = c.envelope.max_duration_s;
  // Flexible energy is grid energy: AC at the grid connection (DC / design.rectifier_efficiency).
  const double nominal_W = nominal_cell_power_W(c.sim) / c.rectifier_efficiency();
  const double reach = rectifier_reach(c.sim).max_share;
  for (double share : c.envelope.levels) {
    // Rows every 5 min: the first crossing is known to 5 min.
    // With envelope.settle the cell first runs that long at nominal power, and the level is
    // called from the state it reached (docs/model/flexibility.md §7).
    const double settle = c.envelope.settle_s;
    const CellTrace run =
        settle > 0 ? run_power_schedule(c.sim, {1.0, share}, settle, settle + duration, 300.0)
                   : run_power_schedule(c.sim, {share}, duration, duration, 300.0);
    const FromCall called = from_call(run, bounds, c.sim.window.averaging_s, settle);
    const CellTrace& trace = called.trace;
    EnvelopeRow row;
    row.share = share;
    row.settle_s = settle;
    row.reachable_share = std::min(share, reach);
    row.heat_exchangers = c.sim.exchangers.enabled;
    end_of_hold(trace, called.crossings, bounds, duration, row);
    name_acd_floor(c, trace, row);
    // The energy the cell drew to the hold, not the level times the hold: a level beyond the
    // rectifier's reach (a P155-like cell whose voltage the feed-forward lowers at +25 % with the
    // default 1.25 × nominal current limit) draws less than it asks (F8, docs/validation.md).
    const DrawnPower drawn = drawn_power(c, trace, row.hold_s);
    row.drawn_share = drawn.share;
    row.current_limit_s = drawn.limited_s;
    row.flexible_energy_J = std::abs(drawn.share - 1.0) * nominal_W * c.cells * row.hold_s;
    if (!trace.acd_m.empty()) {
      row.min_acd_m = *std::min_element(trace.acd_m.begin(), trace.acd_m.end());
      row.max_acd_m = *std::max_element(trace.acd_m.begin(), trace.acd_m.end());
    }
    const AcdLimitTime at_limit = time_at_acd_limit(c.sim, trace);
    row.acd_limit_s = at_limit.total_s;
    row.acd_limit_first_s = at_limit.first_s;
    rows.push_back(row);
  }
  return rows;
}

std::vector<EnvelopeRow> envelope_with_and_without_exchangers(const FlexCase& c, const HeatBounds& bounds) {
  std::vector<EnvelopeRow> rows = operating_envelope(c, bounds);
  FlexCase other = c;
  other.sim.exchangers.enabled = !c.sim.exchangers.enabled;
  // Switched on without a schedule: the automatic rule (holds the design ledge).
  if (other.sim.exchangers.enabled && other.sim.exchangers.schedule.empty())
    other.sim.exchangers.mode = line::ExchangerMode::kAutomatic;
  for (const EnvelopeRow& row : operating_envelope(other, bounds)) rows.push_back(row);
  return rows;
}

}  // namespace potline::flex
