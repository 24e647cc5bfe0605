// The simulation driver: cells in blocks behind one interface (dynamics::CellBlock), blocks on
// threads, the line current (schedule or regulated power) and the rows, events and summary.
#include "potline/potline/simulation.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "line_internal.hpp"
#include "restart_hold.hpp"
#include "potline/control/feed_cycle.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/batch.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"

namespace potline::line {
namespace detail {
using namespace dynamics;
// Random stream offsets: controller streams use the cell index, spread streams this offset.
constexpr std::uint64_t kSpreadStream = 1u << 20;
namespace {
constexpr double kAluminaPerAl =
    constants::kMolarMassAl2O3_kg_per_mol / (2.0 * constants::kMolarMassAl_kg_per_mol);

// Power schedules: the line is modelled as N back-EMFs plus a resistance R_line (both from the
// cells' present voltages), so that the current meeting the power P solves R·I² + N·E_b·I = P.
class PowerRegulator {
 public:
  PowerRegulator(const SimulationCase& c, const control::ControllerSettings& cs,
                 double base_voltage_V)
      : c_(c),
        cell_back_emf_V_(cs.back_emf_V),
        resistance_ohm_(std::max(base_voltage_V - cs.back_emf_V, 1e-3) * c.cells /
                        std::max(c.schedule.nominal_A(), 1.0)),
        current_A_(c.schedule.nominal_A()) {}
  double current_A() const { return current_A_; }
  // Re-fits the line resistance to the cells' voltages at the current applied over the last step
  // and sets the current that meets the power from t on.
  void regulate(double t, double h, const std::vector<Block>& blocks, double off_until_s) {
    // The cells in the line: a cell shorted out of it (potline.on_frozen_cell, on_overheated_cell)
    // adds neither its voltage nor its back-EMF; a dead cell not yet shorted
    // (potline.cut_out_delay) adds its held voltage at the applied current.
    const double applied = line_current_at(c_, std::max(0.0, t - h), current_A_, off_until_s);
    double line_voltage = 0;
    int cells = 0;
    for (const Block& b : blocks) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) {
        const CellRun& r = b.runs[k];
        if (r.shorted) continue;
        line_voltage +=
            r.cut_out ? held_voltage_V(r.cut, cell_back_emf_V_, applied) : b.cells->voltage(k);
        ++cells;
      }
    }
    back_emf_V_ = cell_back_emf_V_ * cells;
    // Re-fit only above 5 % of nominal: a modelling choice, the pot controller's "line off"
    // threshold (kOffCurrentFraction, src/control/pot_controller_internal.hpp), for its reason: U = N·E_b +
    // R·I holds near the operating current only, and at a small current (U − N·E_b)/I is mostly the
    // error of E_b. Below it (an outage, a schedule near zero) the last fit is kept.
    if (applied > 0.05 * c_.schedule.nominal_A() && line_voltage > back_emf_V_) {
      resistance_ohm_ = (line_voltage - back_emf_V_) / applied;
    }
    // potline.power_basis = "cells_in_line": the set point follows the cells in the series, as a
    // plant lowers it when pots are cut out (the power per cell in the line stays as scheduled).
    const double scale = c_.power_basis == PowerBasis::kCellsInLine
                             ? static_cast<double>(cells) / std::max(1, c_.cells)
                             : 1.0;
    const double P = c_.schedule.power_at(t) * scale;
    requested_A_ = P > 0 ? 2.0 * P / (back_emf_V_ + std::sqrt(back_emf_V_ * back_emf_V_ + 4.0 * resistance_ohm_ * P))
                         : 0.0;
    // The rectifier cannot deliver more than its current limit: the power is then not met.
    current_A_ = std::min(requested_A_, c_.schedule.max_A());
  }
  /// The current the power asked for before the rectifier limit [A].
  double requested_A() const { return requested_A_; }
  bool limited() const { return requested_A_ > current_A_; }

 private:
  const SimulationCase& c_;
  double cell_back_emf_V_;
  double back_emf_V_ = 0;  ///< of the cells in the line at the last regulation
  double resistance_ohm_;
  double current_A_;
  double requested_A_ = 0;
};

}  // namespace

namespace {
// control.centre_feed_cycle (the default): the threshold that centres the tracking feed cycle on the
// case's alumina (bath.alumina, the design point of `potline cell` and of the thermal calibration),
// so that simulate runs the cell at the concentration its steady state assumes
// (docs/model/dynamics.md §4, "Feed: where the cycle sits"). The cell's voltage against alumina at
// the case's temperature and ACD, from the cycle's top down to 0.8 wt% below its bottom or the
// anode effect.
double centred_slope_threshold(const SimulationCase& c, const control::ControllerSettings& cs,
                               const cell::CellResult& base) {
  const double consumption = base.production_kg_per_s * kAluminaPerAl;
  const DynamicsParameters& p = c.dynamics;
  const double lag_s = (1.0 - p.immediate_dissolution_fraction) / p.dissolution_rate_per_s;
  const control::FeedCycle cycle =
      control::centred_feed_cycle(cs, c.op.bath.alumina_wt, consumption, cs.bath_mass_estimate_kg, lag_s);
  control::VoltageCurve curve;
  {  // the ACD closes while the beam stays: dV/dACD × (anode burn − metal rise) rate
    cell::OperatingPoint op = c.op;
    op.acd_m += 0.001;
    const double dV_dacd = (cell::evaluate(c.design, c.constants, op).voltage_V - base.voltage_V) / 0.001;
    const double acd_rate = base.production_kg_per_s *
                            (p.carbon_kg_per_kg_al / (p.anode_density_kg_per_m3 * cell::anode_area_m2(c.design)) -
                             1.0 / (p.metal_density_kg_per_m3 * c.design.cathode_area_m2));
    curve.drift_V_per_s = dV_dacd * acd_rate;
  }
  curve.step_wt = 0.02;
  std::vector<double> down;  // from the top
  double lowest = cycle.top_wt + 0.1;
  for (double x = lowest; x > std::max(0.1, cycle.bottom_wt - 0.8); x -= curve.step_wt) {
    cell::OperatingPoint op = c.op;
    op.bath.alumina_wt = x;
    const cell::CellResult r = cell::evaluate(c.design, c.constants, op);
    if (r.anode_effect()) break;
    down.push_back(r.voltage_V);
    lowest = x;
  }
  if (!(cycle.underfeed_rate_wt_per_s > 0.0) || down.size() < 2 || !(lowest < cycle.bottom_wt)) {
    throw core::RunError(fmt::format(
        "control.slope_threshold: a tracking cycle centred on bath.alumina = {:.2f} wt% (swing {:.2f} wt%) would switch "
        "to overfeed at {:.2f} wt%, where the cell {}: give control.slope_threshold (or control.centre_feed_cycle = "
        "false, the fixed 1.2 mV/min), or a higher bath.alumina",
        c.op.bath.alumina_wt, cycle.swing_wt, cycle.bottom_wt,
        cycle.underfeed_rate_wt_per_s > 0.0 ? "is on anode effect" : "is not depleted in underfeed"));
  }
  curve.first_wt = lowest;
  curve.voltage_V.assign(down.rbegin(), down.rend());
  return control::centred_slope_threshold_V_per_s(cs, cycle, curve);
}
}  // namespace

control::ControllerSettings controller_settings(const SimulationCase& c, const std::vector<double>& states) {
  control::ControllerSettings cs = c.control;
  const cell::CellResult base = cell::evaluate(c.design, c.constants, c.op);
  cs.nominal_current_A = c.schedule.nominal_A();
  cs.nominal_feed_kg_per_s =
      cell::faraday_production_kg_per_s(cs.nominal_current_A, cs.assumed_current_efficiency) * kAluminaPerAl;
  if (!c.target_voltage_given) cs.target_voltage_V = base.voltage_V;
  // The voltage that does not heat the cell (reaction, reactant heating, external drop): the heat
  // feed-forward keeps I·(V − E_h) (docs/model/dynamics.md §4).
  cs.heat_neutral_voltage_V = base.voltage_V - base.energy.heat_loss_W / c.op.line_current_A;
  cs.anode_count = c.design.anode_count;
  cs.bath_height_m = c.dynamics.bath_height_m;  // anode immersion = bath height − ACD (ACD limits)
  cs.bath_mass_estimate_kg = bath_mass_kg(states.data());
  cs.tap_target_metal_kg = states[kMetal];
  if (c.centre_feed_cycle) cs.slope_threshold_V_per_s = centred_slope_threshold(c, cs, base);
  return cs;
}

}  // namespace detail

using namespace dynamics;

DynamicsParameters cell_dynamics_parameters(const SimulationCase& c) {
  DynamicsParameters p = c.dynamics;
  p.anode_cycle_s = c.controller_enabled ? c.control.anode_cycle_s : 0.0;
  if (!c.exchangers.enabled) p.exchanger_max_W_per_m2 = 0.0;  // no exchangers: the shell alone
  return p;
}

namespace {
// The case's operating point is not the calibration point (other current, ACD or bath; the bath
// temperature follows from the heat balance).
bool starts_elsewhere(const SimulationCase& c) {
  if (!c.calibration_op) return false;
  if (c.calibration_design && !same_cell_design(*c.calibration_design, c.design)) return true;
  const cell::OperatingPoint& a = c.op;
  const cell::OperatingPoint& b = *c.calibration_op;
  return a.line_current_A != b.line_current_A || a.acd_m != b.acd_m || a.bath.alumina_wt != b.bath.alumina_wt ||
         a.bath.alf3_excess_wt != b.bath.alf3_excess_wt || a.bath.caf2_wt != b.bath.caf2_wt ||
         a.bath.mgf2_wt != b.bath.mgf2_wt || a.bath.lif_wt != b.bath.lif_wt || a.bath.kf_wt != b.bath.kf_wt;
}

// One cell: the network calibrated at the calibration point (the cell's ACD spread applied to both
// points, as it was to the one point before), started at the case's point from that network's
// steady state there (docs/model/dynamics.md, "Thermal calibration").
// A spread cell takes the design cell's exchanger share (`design_share`; cell_calibration.cpp).
CellModel build_cell(const SimulationCase& c, double acd_factor, const DynamicsParameters& p, std::size_t cell,
                     double* y, std::optional<double> design_share) {
  cell::OperatingPoint calibration = c.calibration_op.value_or(c.op), op = c.op;
  calibration.acd_m *= acd_factor;
  op.acd_m *= acd_factor;
  CellModel m;
  try {
    m = build_cell_model(c.design, c.constants, calibration, p, y, design_share,
                         c.calibration_design ? &*c.calibration_design : nullptr);
  } catch (const core::RunError& e) {
    if (c.cells == 1) throw;
    throw core::RunError(fmt::format("cell {} of {} (calibrated at ACD {:.2f} cm after potline.spread_acd): {}", cell,
                                     c.cells, 100 * calibration.acd_m, e.what()));
  }
  if (!starts_elsewhere(c)) return m;
  const ThermalSteadyState s = solve_thermal_steady_state(m, op, p.exchanger_design_fraction);
  if (s.status != "steady" && s.status != "no_ledge") {
    throw core::RunError(fmt::format("simulation: cell {} (ACD {:.2f} cm after potline.spread_acd) has no liquid "
                                     "steady state at the case's operating point ({}): lower potline.spread_acd",
                                     cell, 100 * op.acd_m, s.status));
  }
  start_at_steady_state(m, op, s, y);
  return m;
}
}  // namespace

std::vector<CellModel> build_models(const SimulationCase& c, std::vector<double>& states) {
  std::vector<CellModel> models;
  models.reserve(c.cells);
  states.assign(static_cast<std::size_t>(c.cells) * kStateCount, 0.0);
  const DynamicsParameters p = cell_dynamics_parameters(c);
  // The line's design cell (no spread: the cell `flex` runs) sets the exchanger share of every cell.
  std::optional<double> design_share;
  if (c.cells > 1 && p.exchanger_max_W_per_m2 > 0.0) {
    design_share =
        build_cell_model(c.design, c.constants, c.calibration_op.value_or(c.op), p, states.data(),
                         std::nullopt, c.calibration_design ? &*c.calibration_design : nullptr)
            .exchanger_share;
  }
  for (int k = 0; k < c.cells; ++k) {
    control::Random rng(c.seed, detail::kSpreadStream + static_cast<std::uint64_t>(k));
    double acd_factor = 1.0;
    DynamicsParameters pk = p;
    const double z_acd = rng.normal(), z_heat = rng.normal(), z_diss = rng.normal();
    // Floors of the spread factors (numerical choices, not plant figures): a normal draw has no
    // lower bound, and a factor ≤ 0 has no meaning (a negative ACD, dissolution or thermal
    // resistance). Half the mean ACD and heat resistances, a fifth of the mean dissolution rate,
    // lie 17σ and 8σ below the mean at the defaults (potline.spread_acd and spread_heat_loss 3 %,
    // spread_dissolution 10 %), so they only act on large spreads the user asks for: at the 50 %
    // and 100 % maxima of the ranges, on 16 % and 21 % of the cells (draws below −1σ and −0.8σ).
    // The dissolution floor is lower because its published range is wider (0.002–0.005 1/s
    // [Yao et al. 2017], i.e. from −33 % to +67 % of the default rate).
    if (c.cells > 1) {
      acd_factor = std::max(0.5, 1.0 + c.spread.acd * z_acd);
      pk.dissolution_rate_per_s *= std::max(0.2, 1.0 + c.spread.dissolution * z_diss);
    }
    double* y = states.data() + static_cast<std::size_t>(k) * kStateCount;
    CellModel m = build_cell(c, acd_factor, pk, static_cast<std::size_t>(k), y, design_share);
    if (c.cells > 1) {
      const double f = std::max(0.5, 1.0 + c.spread.heat_loss * z_heat);  // floor: see above
      m.top_resistance_K_per_W *= f;
      m.bottom_resistance_K_per_W *= f;
      m.wall_resistance_K_per_W *= f;
      m.wall_outer_resistance_K_per_W *= f;
      m.side_bypass_W_per_K /= f;
      m.side_bypass_fixed_K_per_W *= f;
      prepare_rhs(m);
    }
    models.push_back(m);
  }
  return models;
}

namespace detail {
namespace {
// Longest stretch of steps between two polls of Observer::stop_requested (1 h at 5 s samples).
// Chunking does not change results: every step is the same whatever the chunk it falls in.
constexpr long kMaxChunkSteps = 720;

// One run: the blocks, the line current and the output schedule. run() is the time loop.
class Driver {
 public:
  Driver(const SimulationCase& c, Observer* observer, const std::vector<CellModel>& models,
         const std::vector<double>& states)
      : c_(c),
        observer_(observer),
        cs_(controller_settings(c, states)),
        windows_(disturbance_windows(c)),
        x_{c,
           cs_,
           cs_.sample_period_s,
           states[kMetal],
           feeder_count(c.feeders, c.design.anode_count),
           zone_count(c.feeders, feeder_count(c.feeders, c.design.anode_count)),
           &windows_,
           c.window.averaging_s > 0.0 ? std::exp(-cs_.sample_period_s / c.window.averaging_s) : 0.0,
           detail::recovery_settings(cs_, cs_.sample_period_s)},
        blocks_(build_blocks(c, cs_, models, states)),
        regulator_(c, cs_, cell::evaluate(c.design, c.constants, c.op).voltage_V),
        arena_(std::max(1, c.threads)) {
    const double h = x_.h;
    total_steps_ = static_cast<long>(std::llround(c.duration_s / h));
    steps_per_row_ = std::max(1L, static_cast<long>(std::llround(c.output_interval_s / h)));
    steps_per_control_ = c.schedule.is_power()
                             ? std::max(1L, static_cast<long>(std::llround(c.power_control_period_s / h)))
                             : steps_per_row_;
  }

  Summary run() {
    // Refresh every cell once so that row 0 has voltages.
    for (Block& b : blocks_) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) b.cells->refresh(k);
    }
    if (c_.schedule.is_power()) regulate(0);
    emit_row(0);
    long next_row = steps_per_row_;
    for (long done = 0; done < total_steps_;) {
      if (c_.schedule.is_power() && done > 0 && done % steps_per_control_ == 0) regulate(done);
      const long to_control = steps_per_control_ - done % steps_per_control_;
      hold_.update(done, blocks_, blocks_.front().events);  // potline.restart_after_outage
      const long steps = std::min({to_control, next_row - done, total_steps_ - done, kMaxChunkSteps,
                                   hold_.next_stop(done) - done});
      advance(done, steps);
      done += steps;
      const bool row_due = done >= next_row || done >= total_steps_;
      if (row_due) {
        next_row += steps_per_row_;
        check_energy_balance(done);
        flush_events(blocks_, merged_, observer_);
        emit_row(done);
        if (observer_) observer_->on_progress(done * x_.h, total_steps_ * x_.h);
      }
      if (done < total_steps_ && observer_ != nullptr && observer_->stop_requested()) {
        if (!row_due) {
          flush_events(blocks_, merged_, observer_);
          emit_row(done);
        }
        Summary sum = finish(done);
        sum.complete = false;
        return sum;
      }
    }
    return finish(total_steps_);
  }

 private:
  void regulate(long done) {
    const bool was_limited = regulator_.limited();
    regulator_.regulate(done * x_.h, x_.h, blocks_, hold_.off_until_s());
    if (regulator_.limited() && !was_limited && c_.events != EventDetail::kNone) {
      // Line events travel with the first block's, so they are merged in time order with the cells'.
      blocks_.front().events.push_back({done * x_.h, kLineEvent, EventKind::kCurrentLimit, regulator_.requested_A() / 1e3});
    }
  }

  // Advances every block by `steps` on the threads, then stops the run if a guard tripped.
  void advance(long done, long steps) {
    const double regulated_A = regulator_.current_A();
    const double off_until_s = hold_.off_until_s();
    arena_.execute([&] {
      tbb::parallel_for(std::size_t{0}, blocks_.size(),
                        [&](std::size_t i) { advance_block(blocks_[i], x_, done, steps, regulated_A, off_until_s); });
    });
    if (c_.schedule.is_power() && regulator_.limited()) limited_s_ += steps * x_.h;
    const Violation* first = nullptr;
    for (const Block& b : blocks_) {
      if (b.violation.set && (first == nullptr || b.violation.time_s < first->time_s)) first = &b.violation;
    }
    report_cut_outs(first != nullptr ? first->time_s : HUGE_VAL);
    if (first != nullptr) stop(*first);
    if (cells_in_line_ == 0) stop_all_cut_out();
  }

  // The cells cut out of (and cut in to) the line during the last chunk up to `until` (a guard
  // stopped the run there), in time order (then cell, a cut-out before a cut-in): counted, and
  // reported to the observer. The order does not depend on the threads: each block changes its
  // own cells.
  void report_cut_outs(double until) {
    std::vector<const LineChange*> fresh;
    for (Block& b : blocks_) {
      for (const LineChange& change : b.line_changes) {
        if ((change.cut_in ? change.cell.cut_in_s : change.cell.time_s) <= until) fresh.push_back(&change);
      }
    }
    const auto time = [](const LineChange* x) { return x->cut_in ? x->cell.cut_in_s : x->cell.time_s; };
    std::sort(fresh.begin(), fresh.end(), [&](const LineChange* a, const LineChange* b) {
      if (time(a) != time(b)) return time(a) < time(b);
      return a->cell.cell != b->cell.cell ? a->cell.cell < b->cell.cell : a->cut_in < b->cut_in;
    });
    for (const LineChange* change : fresh) {
      const CutOutCell& cut = change->cell;
      if (change->cut_in) {
        ++cells_in_line_;
        if (observer_ != nullptr) observer_->on_cell_cut_in(cut, cells_in_line_);
        continue;
      }
      --cells_in_line_;
      if (first_cut_out_s_ < 0.0) first_cut_out_s_ = cut.time_s;
      last_cut_out_ = cut;
      if (observer_ != nullptr) observer_->on_cell_cut_out(cut, cells_in_line_);
    }
    for (Block& b : blocks_) b.line_changes.clear();
  }

  // Every cell is dead (cut out of the line or waiting for the crew to short it): nothing is left
  // to run (exit 1); the run stops at the last guard, before the last cell is shorted.
  [[noreturn]] void stop_all_cut_out() {
    const CutOutCell& last = last_cut_out_;
    Violation v;
    v.set = true;
    v.reason = last.reason == "bath_frozen"        ? StopReason::kBathFrozen
               : last.reason == "ledge_melted_out" ? StopReason::kLedgeMeltedOut
                                                   : StopReason::kStateOutOfRange;
    v.cell = last.cell;
    v.time_s = last.time_s;
    v.message = fmt::format(
        "{}: cut out of the line, and with it every cell: all {} cell(s) of the line are cut out "
        "(potline.{} = \"cut_out\"), the first at {:.4g} h, the last at {:.4g} h: the "
        "run stops here",
        last.message, c_.cells, cut_out_key(last),
        first_cut_out_s_ / 3600.0, last.time_s / 3600.0);
    stop(v);
  }

  // Energy balance of every cell at a row; stops the run at the first cell above the limit.
  void check_energy_balance(long done) {
    for (Block& b : blocks_) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) {
        // A cut-out cell's balance closed at its cut-out, and its state has not moved since.
        if (b.runs[k].cut_out) continue;
        const auto cell = static_cast<std::uint32_t>(b.first + k);
        if (!detail::check_energy_balance(b.cells->model(k), b.cells->state(k), b.runs[k], cell, done * x_.h,
                                          b.violation)) {
          stop(b.violation);
        }
      }
    }
  }

  // The cut-outs and the liquidus-range figures of one cell up to a stop (as add_cell_to_summary
  // counts them for a complete run).
  static void add_stopped_run(const CellRun& run, StoppedLoopFigures& f) {
    f.cut_out.insert(f.cut_out.end(), run.past_cuts.begin(), run.past_cuts.end());
    if (run.cut_out) f.cut_out.push_back(run.cut);
    if (!(run.liquidus_range_s > 0.0)) return;
    const bool first = f.cells_outside_liquidus_range++ == 0;
    f.liquidus_range_cell_hours += run.liquidus_range_s / 3600.0;
    f.liquidus_range_max_cell_hours =
        std::max(f.liquidus_range_max_cell_hours, run.liquidus_range_s / 3600.0);
    f.liquidus_range_max_alf3_wt =
        std::max(f.liquidus_range_max_alf3_wt, run.liquidus_range_max_alf3_wt);
    f.liquidus_range_min_temperature_K =
        first ? run.liquidus_range_min_temperature_K
              : std::min(f.liquidus_range_min_temperature_K, run.liquidus_range_min_temperature_K);
  }

  // Sends the events up to the violation (blocks that did not trip ran to the end of the chunk)
  // and throws.
  [[noreturn]] void stop(const Violation& v) {
    for (Block& b : blocks_) {
      std::erase_if(b.events, [&](const Event& e) { return e.time_s > v.time_s; });
    }
    flush_events(blocks_, merged_, observer_);
    StoppedLoopFigures loop;  // the heat-balance loop up to the stop (T15-1), as add_cell_to_summary counts it
    for (const Block& b : blocks_) {
      for (const CellRun& run : b.runs) {
        const control::AcdLimitRecord r = acd_record(run);
        loop.at_limit_cell_hours += r.loop_at_limit_s / 3600.0;
        loop.at_limit_max_cell_hours = std::max(loop.at_limit_max_cell_hours, r.loop_at_limit_s / 3600.0);
        loop.hot_cell_hours += r.hot_s / 3600.0;
        const double longest = run.totals.loop_limit_out_of_window_longest_s;
        loop.out_of_window_at_limit_cell_hours += run.totals.loop_limit_out_of_window_s / 3600.0;
        loop.out_of_window_at_limit_max_h = std::max(loop.out_of_window_at_limit_max_h, longest / 3600.0);
        loop.cells_out_of_window_at_limit_a_day += longest >= 24 * 3600.0 ? 1 : 0;
        add_stopped_run(run, loop);
      }
    }
    std::sort(loop.cut_out.begin(), loop.cut_out.end(),
              [](const CutOutCell& a, const CutOutCell& b) {
                return a.time_s != b.time_s ? a.time_s < b.time_s : a.cell < b.cell;
              });
    throw SimulationStopped(v.message, v.reason, v.cell, v.time_s, last_row_s_, loop);
  }

  void emit_row(long done) {
    const Row row = make_row(c_, blocks_, done * x_.h, done - row_start_, x_.h, regulator_.current_A(),
                             hold_.off_until_s());
    if (observer_) observer_->on_row(row);
    row_start_ = done;
    last_row_s_ = done * x_.h;
  }

  Summary finish(long done) {
    Summary sum = summarise(c_, blocks_, done * x_.h, done);
    sum.windows = window_metrics(windows_, x_.recovery, blocks_, done * x_.h);
    sum.current_limit_hours = limited_s_ / 3600.0;
    sum.restart_held_hours = hold_.held_s(done * x_.h) / 3600.0;
    sum.restarts_held = hold_.holds();
    sum.feed_slope_threshold_V_per_s = cs_.slope_threshold_V_per_s;
    sum.feed_slope_threshold_derived = c_.centre_feed_cycle;
    return sum;
  }

  const SimulationCase& c_;
  Observer* observer_;
  const control::ControllerSettings cs_;
  const std::vector<Window> windows_;
  const StepContext x_;
  std::vector<Block> blocks_;
  PowerRegulator regulator_;
  RestartHold hold_{c_, x_.h};
  tbb::task_arena arena_;
  long total_steps_ = 0, steps_per_row_ = 1, steps_per_control_ = 1;
  long row_start_ = 0;
  double last_row_s_ = 0;
  double limited_s_ = 0;
  std::vector<Event> merged_;
  int cells_in_line_ = c_.cells;  ///< cells not dead (cut out or being cut out), as reported
  double first_cut_out_s_ = -1.0;
  CutOutCell last_cut_out_;
};
}  // namespace
}  // namespace detail

Summary run_simulation(const SimulationCase& c, Observer* observer) {
  const auto wall_start = std::chrono::steady_clock::now();
  if (c.cells < 1) throw core::RunError("simulation: at least one cell is needed");
  std::vector<double> states;
  const std::vector<CellModel> models = build_models(c, states);
  detail::Driver driver(c, observer, models, states);
  Summary sum = driver.run();
  sum.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return sum;
}

bool overheated(const CutOutCell& cell) {
  return cell.reason.size() >= 11 &&
         cell.reason.compare(cell.reason.size() - 11, 11, "_overheated") == 0;
}

const char* cut_out_key(const CutOutCell& cell) {
  if (cell.reason == "ledge_melted_out") return "on_ledge_melt_out";
  return overheated(cell) ? "on_overheated_cell" : "on_frozen_cell";
}

const char* to_string(StopReason reason) noexcept {
  switch (reason) {
    case StopReason::kBathFrozen: return "bath_frozen";
    case StopReason::kStateOutOfRange: return "state_out_of_range";
    case StopReason::kEnergyBalance: return "energy_balance";
    case StopReason::kLedgeMeltedOut: return "ledge_melted_out";
  }
  return "?";
}

}  // namespace potline::line
