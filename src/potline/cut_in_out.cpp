// Cells leaving and rejoining the line (docs/model/dynamics.md §7): the cut-out of a cell whose
// cell-local guard tripped, its time in the series until the crew shorts it, its cut-in after the
// repair (potline.cut_in = "restart"), and the ledge melt-out guard (potline.on_ledge_melt_out).
// All off the hot path: the step loop calls them only when a cell changes state.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "fault_steps.hpp"
#include "line_internal.hpp"
#include "potline/core/constants.hpp"

namespace potline::line::detail {
namespace {
using namespace dynamics;

void log(Block& b, std::size_t k, const StepContext& x, double t, EventKind kind, double value) {
  if (x.c.events == EventDetail::kNone) return;
  b.events.push_back({t, static_cast<std::uint32_t>(b.first + k), kind, value});
}

// The ACD read over a run in two parts (the controller before a restart, and the new one).
control::AcdLimitRecord combined(const control::AcdLimitRecord& a,
                                 const control::AcdLimitRecord& b) {
  control::AcdLimitRecord r;
  r.at_max_s = a.at_max_s + b.at_max_s;
  r.at_min_s = a.at_min_s + b.at_min_s;
  r.below_min_s = a.below_min_s + b.below_min_s;
  r.loop_at_limit_s = a.loop_at_limit_s + b.loop_at_limit_s;
  r.hot_s = a.hot_s + b.hot_s;
  const bool a_read = a.max_acd_m > 0.0, b_read = b.max_acd_m > 0.0;  // (0, 0): never read
  r.min_acd_m = a_read && b_read ? std::min(a.min_acd_m, b.min_acd_m)
                : a_read         ? a.min_acd_m
                                 : b.min_acd_m;
  r.max_acd_m = std::max(a.max_acd_m, b.max_acd_m);
  return r;
}
}  // namespace

control::AcdLimitRecord acd_record(const CellRun& run) {
  return run.totals.cut_ins > 0 ? combined(run.acd_before_restart, run.controller.acd_limits())
                                : run.controller.acd_limits();
}

// A cell-local physical guard tripped (a frozen bath, a bath or metal pad below 660.3 °C, one of
// them or a node above 1100 °C, or a melted-out ledge) and the case cuts such cells out: the cell
// is dead. Its state at this time is kept for the summary: the integrator leaves it as it is, its
// controller and faults stop. It stays in the series with its voltage held until the crew shorts
// it out potline.cut_out_delay later (hold_in_line); then the line counts the other cells only.
void cut_out_cell(Block& b, std::size_t k, const StepContext& x, double t, Violation& v) {
  CellBlock& cells = *b.cells;
  CellRun& run = b.runs[k];
  const CellModel& m = cells.model(k);
  const double* y = cells.state(k);
  CutOutCell& c = run.cut;
  c = CutOutCell{};  // a fresh record: an earlier cut-out of this cell is in run.past_cuts
  c.cell = static_cast<std::uint32_t>(b.first + k);
  c.time_s = t;
  c.shorted_s = t + x.c.cut_out_delay_s;
  c.reason = v.cut_out_reason;
  c.message = std::move(v.message);
  c.bath_temperature_K = y[kBathTemperature];
  c.metal_temperature_K = y[kMetalTemperature];
  c.superheat_K = y[kBathTemperature] - cells.electrical(k).liquidus_K;  // step's snapshot
  c.liquid_bath_kg = bath_mass_kg(y);
  c.liquid_bath_fraction = c.liquid_bath_kg / run.bath_start;
  c.ledge_m = ledge_thickness_m(m, y);
  c.alf3_excess_wt = composition(m, y).alf3_excess_wt;
  c.voltage_V = cells.voltage(k);
  // Its resistance under current: at the guard, or, when the line was off then (an outage), at its
  // last step under current before (never under current: the controller's target at nominal).
  const double nominal_A = x.c.schedule.nominal_A();
  c.line_off = !(run.last_current > kLineOnFraction * nominal_A);
  const bool never_on = c.line_off && !(run.on_current_A > 0.0);
  c.reference_voltage_V = !c.line_off ? c.voltage_V
                          : never_on  ? x.cs.target_voltage_V
                                      : run.on_voltage_V;
  c.reference_current_A = !c.line_off ? run.last_current : never_on ? nominal_A : run.on_current_A;
  c.reference_time_s = !c.line_off ? t : never_on ? 0.0 : run.on_time_s;
  if (run.in_ae) {  // an anode effect ends with the cell's control
    run.in_ae = false;
    run.totals.ae_seconds += t - run.ae_start;
    end_anode_effect(run, t);
  }
  if (run.ledge_out) {  // its time without ledge ends with it
    run.ledge_out = false;
    run.totals.ledge_bare_s += t - run.ledge_out_since_s;
  }
  run.cut_out = true;
  cells.cut_out(k);
  run.cut_in_due_s = x.c.cut_in == CutInAction::kRestart ? c.shorted_s + x.c.repair_time_s
                                                         : std::numeric_limits<double>::infinity();
  b.line_changes.push_back({c, false});
  if (c.shorted_s <= t) {
    run.shorted = true;
    log(b, k, x, t, EventKind::kCellCutOut, c.voltage_V);
  }
  v = Violation{};
}

// A dead pot in the series carries the line current through a bath it no longer keeps liquid:
// the model has left its domain there and does not evaluate it. Its resistance is taken as its
// last one under current, R = (V_ref − E_b)/I_ref: exact for a pot held at the current it tripped
// under, and a lower bound for one that froze with the line off (half its bath solid, the liquid
// fills less of the ACD and conducts worse: a frozen pot's resistance is higher, never zero).
double held_voltage_V(const CutOutCell& c, double back_emf_V, double I) {
  if (!(I > 0.0) || !(c.reference_current_A > 0.0)) return 0.0;
  const double ohmic_V = std::max(c.reference_voltage_V - back_emf_V, 0.0);
  return back_emf_V + ohmic_V * I / c.reference_current_A;
}

void hold_in_line(Block& b, std::size_t k, const StepContext& x, double t, double I) {
  CellRun& run = b.runs[k];
  const double V = held_voltage_V(run.cut, x.cs.back_emf_V, I);
  run.held_energy_J += I * V * x.h;
  run.held_charge_C += I * x.h;
  if (I > kLineOnFraction * x.c.schedule.nominal_A()) {
    run.cut.held_current_s += x.h;
    run.cut.held_voltage_V = V;
  }
  if (t < run.cut.shorted_s - 1e-9 * x.h) return;
  run.shorted = true;
  log(b, k, x, t, EventKind::kCellCutOut, V);
}

// The repaired cell is restarted as plants restart a pot: liquid bath and metal poured from the
// line and the lining hot. The model puts back the physical states the cell started the run with
// (its steady state at the case's operating point; the days of a real start-up at raised voltage
// are not modelled, dynamics.md §7); the running integrals go on. What the restart poured in
// (stored heat, masses) is booked per cell (CellTotals::cut_in_*), so the balances close.
void cut_in_cell(Block& b, std::size_t k, const StepContext& x, double t, double I) {
  CellBlock& cells = *b.cells;
  CellRun& run = b.runs[k];
  const CellModel& m = cells.model(k);
  double* y = cells.state(k);
  CellTotals& tot = run.totals;
  const double heat_before = stored_heat_J(m, y);
  const double metal = y[kMetal], alumina = y[kDissolvedAlumina] + y[kUndissolvedAlumina];
  const double alf3 = y[kExcessAlF3], cryolite = y[kCryolite] + y[kLedge];
  std::copy(run.start_state.begin(), run.start_state.end(), y);
  tot.cut_in_heat_J += stored_heat_J(m, y) - heat_before;
  tot.cut_in_metal_kg += y[kMetal] - metal;
  tot.cut_in_alumina_kg += y[kDissolvedAlumina] + y[kUndissolvedAlumina] - alumina;
  tot.cut_in_alf3_kg += y[kExcessAlF3] - alf3;
  tot.cut_in_cryolite_kg += y[kCryolite] + y[kLedge] - cryolite;
  // A new controller whose cycles start now (one from the start of the run would tap and set
  // anodes for every cycle it missed), on a stream of its own; its ACD record is kept.
  const std::size_t cell = b.first + k;
  run.acd_before_restart = acd_record(run);
  run.controller =
      make_controller(x.c, x.cs, cell, t,
                      kCutInStream + static_cast<std::uint64_t>(tot.cut_ins) * (1ull << 20) + cell);
  ++tot.cut_ins;
  // Its start-up (potline.startup_*): the new controller's target raised, falling to the line's.
  run.startup_start_s = x.c.startup_voltage_V > 0.0 && x.c.startup_time_s > 0.0 ? t : -1.0;
  run.controller.set_startup_offset_V(run.startup_start_s >= 0.0 ? x.c.startup_voltage_V : 0.0);
  run.zones = AluminaZones(x.zones, x.c.feeders.mixing_time_s, x.cs.sample_period_s);
  run.zone_voltage_age_s = 0.0;
  run.out_of_line_s += t - run.cut.time_s;
  run.cut_out = run.shorted = false;
  run.cut_in_due_s = std::numeric_limits<double>::infinity();
  run.last_current = I;
  CellInputs& in = cells.inputs(k);
  in.current_A = I;
  in.ledge_flow_factor = ledge_flow_factor(m, I);
  in.in_anode_effect = false;
  in.zone_overvoltage_V = 0.0;
  in.shunt_fraction = 0.0;
  in.exchanger_fraction = m.parameters.exchanger_design_fraction;
  run.exchanger.fraction = in.exchanger_fraction;
  if (x.c.controller_enabled) {
    in.alf3_addition_kg_per_s = run.controller.alf3_rate_kg_per_s();
    in.feed_kg_per_s = 0.0;
  }
  cells.cut_in(k);
  cells.mark_jump(k);
  cells.state_jumped(k);
  cells.refresh(k);
  // The window's running means restart from the restarted cell.
  run.superheat_mean_K = y[kBathTemperature] - cells.electrical(k).liquidus_K;
  run.ledge_mean_m = ledge_thickness_m(m, y);
  CutOutCell done = run.cut;
  done.cut_in_s = t;
  done.cut_in_voltage_V = cells.voltage(k);
  run.past_cuts.push_back(done);
  b.line_changes.push_back({done, true});
  log(b, k, x, t, EventKind::kCellCutIn, done.cut_in_voltage_V);
}

bool on_ledge_change(Block& b, std::size_t k, const StepContext& x, double t, bool bare) {
  CellRun& run = b.runs[k];
  if (!bare) {  // grown back
    run.ledge_out = false;
    run.totals.ledge_bare_s += t - run.ledge_out_since_s;
    log(b, k, x, t, EventKind::kLedgeReformed,
        (t - run.ledge_out_since_s) / constants::kSecondsPerHour);
    return true;
  }
  const CellModel& m = b.cells->model(k);
  const double* y = b.cells->state(k);
  run.ledge_out = true;
  run.ledge_out_since_s = t;
  ++run.totals.ledge_melt_outs;
  log(b, k, x, t, EventKind::kLedgeMeltedOut, 100.0 * ledge_thickness_m(m, y));
  const LedgeMeltOutAction action = x.c.on_ledge_melt_out;
  if (action == LedgeMeltOutAction::kWarn) return true;
  Violation& v = b.violation;
  v.set = true;
  v.reason = StopReason::kLedgeMeltedOut;
  v.cut_out_reason = "ledge_melted_out";
  v.overheated = false;
  v.cell = static_cast<std::uint32_t>(b.first + k);
  v.time_s = t;
  v.message = fmt::format(
      "cell {} at {:.4g} h ({:.4g} d): ledge melted out: the side ledge is down to the model's "
      "floor of "
      "{:.2g} cm, the bath on the side lining (a tap-out risk in a plant); bath {:.1f} °C, "
      "superheat "
      "{:.1f} K",
      v.cell, t / constants::kSecondsPerHour, t / constants::kSecondsPerDay,
      100.0 * m.parameters.minimum_ledge_m, y[kBathTemperature] - 273.15,
      y[kBathTemperature] - b.cells->electrical(k).liquidus_K);
  if (action == LedgeMeltOutAction::kCutOut) {
    cut_out_cell(b, k, x, t, v);
    return true;
  }
  v.message +=
      ". The run stops here (potline.on_ledge_melt_out = \"stop\"; \"warn\" runs on with an event, "
      "\"cut_out\" cuts the cell out of the line)";
  return false;
}

}  // namespace potline::line::detail
