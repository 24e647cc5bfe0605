// The simulation driver: cells in blocks, blocks on threads, controller samples between steps.
#include "potline/potline/simulation.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"

namespace potline::line {
namespace {
using namespace dynamics;

constexpr double kAluminaPerAl =
    constants::kMolarMassAl2O3_kg_per_mol / (2.0 * constants::kMolarMassAl_kg_per_mol);
// Relative change of the line current that counts as a discontinuity (refresh / CVODE restart).
constexpr double kCurrentJump = 1e-3;
// Random stream offsets: controller streams use the cell index, spread streams this offset.
constexpr std::uint64_t kSpreadStream = 1u << 20;

// CVODE per cell, with the same methods the driver uses on a CellBatch.
class CvodeBlock {
 public:
  CvodeBlock(std::vector<CellModel> models, const std::vector<double>& y, double step, double rtol)
      : models_(std::move(models)), y_(y), inputs_(models_.size()), electrical_(models_.size()),
        jump_(models_.size(), 1), h_(step) {
    for (std::size_t k = 0; k < models_.size(); ++k) {
      odes_.push_back(std::make_unique<CellOde>(models_[k]));
      IntegratorOptions o;
      o.relative_tolerance = rtol;
      o.absolute_tolerance = cell_absolute_tolerances(models_[k], state(k));
      integrators_.push_back(make_cvode_integrator(*odes_.back(), o));
    }
  }
  std::size_t size() const { return models_.size(); }
  const CellModel& model(std::size_t k) const { return models_[k]; }
  double* state(std::size_t k) { return y_.data() + k * kStateCount; }
  CellInputs& inputs(std::size_t k) { return inputs_[k]; }
  void mark_jump(std::size_t k) { jump_[k] = 1; }
  void state_jumped(std::size_t k) { jump_[k] = 1; }  // CVODE restarts at every discontinuity
  void refresh(std::size_t k) { electrical_[k] = evaluate_electrical(models_[k], state(k), inputs_[k], false); }
  double voltage(std::size_t k) const { return electrical_[k].voltage_V; }
  const Electrical& electrical(std::size_t k) const { return electrical_[k]; }
  void step() {
    for (std::size_t k = 0; k < models_.size(); ++k) {
      odes_[k]->inputs = inputs_[k];
      if (jump_[k]) {
        integrators_[k]->reset(t_, state(k));
        jump_[k] = 0;
      }
      try {
        integrators_[k]->advance_to(t_ + h_, state(k));
      } catch (const core::RunError& e) {
        throw core::RunError("cell " + std::to_string(k) + ": " + e.what());
      }
      refresh(k);
    }
    t_ += h_;
  }
  long evaluations() const {
    long n = 0;
    for (const auto& o : odes_) n += o->evaluations;
    return n;
  }

 private:
  std::vector<CellModel> models_;
  std::vector<double> y_;
  std::vector<CellInputs> inputs_;
  std::vector<Electrical> electrical_;
  std::vector<unsigned char> jump_;
  std::vector<std::unique_ptr<CellOde>> odes_;
  std::vector<std::unique_ptr<Integrator>> integrators_;
  double h_;
  double t_ = 0;
};

struct CellRun {
  control::PotController controller;
  bool in_ae = false;
  double ae_start = 0;
  double last_current = 0;
  CellTotals totals;
  double stored_heat_start = 0;
  double alumina_start = 0, alf3_start = 0, cryolite_start = 0, metal_start = 0;
  double min_alumina = std::numeric_limits<double>::infinity(), max_alumina = 0;
  double min_ledge = std::numeric_limits<double>::infinity(), max_ledge = 0;
  double superheat_seconds = 0;  // ∫ superheat dt
  double out_of_window_s = 0;
  bool left_window = false;
  double fed_interval = 0;
};

struct Block {
  std::size_t first = 0;  // global index of the first cell
  std::unique_ptr<CellBatch> batch;
  std::unique_ptr<CvodeBlock> cvode;
  std::vector<CellRun> runs;
  std::vector<Event> events;
};

// Line current at t: the schedule's, or for a power schedule the regulated current of this control
// period (zero during an outage).
double line_current_at(const SimulationCase& c, double t, double regulated_A) {
  if (!c.schedule.is_power()) return c.schedule.current_at(t);
  return c.schedule.in_outage(t) ? 0.0 : regulated_A;
}

template <class Engine>
void advance_block(Engine& engine, Block& b, const SimulationCase& c, const control::ControllerSettings& cs,
                   long first_step, long steps, double h, double target_metal, double regulated_A) {
  const std::size_t n = engine.size();
  for (long s = first_step; s < first_step + steps; ++s) {
    const double t0 = s * h;
    const double I = line_current_at(c, t0, regulated_A);
    for (std::size_t k = 0; k < n; ++k) {
      CellInputs& in = engine.inputs(k);
      if (std::fabs(I - b.runs[k].last_current) > kCurrentJump * c.schedule.nominal_A()) engine.mark_jump(k);
      in.current_A = I;
      b.runs[k].last_current = I;
    }
    engine.step();
    const double t = t0 + h;
    for (std::size_t k = 0; k < n; ++k) {
      CellRun& run = b.runs[k];
      double* y = engine.state(k);
      CellInputs& in = engine.inputs(k);
      const CellModel& m = engine.model(k);
      const auto cell = static_cast<std::uint32_t>(b.first + k);
      auto log = [&](EventKind kind, double value) {
        if (c.events == EventDetail::kNone) return;
        if (kind == EventKind::kFeed && c.events != EventDetail::kAll) return;
        b.events.push_back({t, cell, kind, value});
      };
      // Physical anode-effect onset: alumina at or below the critical value at this current.
      const double c_wt = alumina_wt(y);
      if (!run.in_ae && I > 0 && c_wt <= engine.electrical(k).ae_alumina_wt) {
        run.in_ae = true;
        run.ae_start = t;
        ++run.totals.ae_count;
        in.in_anode_effect = true;
        engine.mark_jump(k);
        engine.refresh(k);
        log(EventKind::kAnodeEffectStart, c_wt);
      }
      // Statistics of the true state.
      const double ledge = ledge_thickness_m(m, y);
      const double superheat = y[kBathTemperature] - engine.electrical(k).liquidus_K;
      run.min_alumina = std::min(run.min_alumina, c_wt);
      run.max_alumina = std::max(run.max_alumina, c_wt);
      run.min_ledge = std::min(run.min_ledge, ledge);
      run.max_ledge = std::max(run.max_ledge, ledge);
      run.superheat_seconds += superheat * h;
      if (superheat < c.window.superheat_min_K || superheat > c.window.superheat_max_K ||
          ledge < c.window.ledge_min_m || ledge > c.window.ledge_max_m) {
        run.out_of_window_s += h;
        run.left_window = true;
      }
      if (!c.controller_enabled) continue;

      // The controller sees noisy measurements only.
      control::Random& rng = run.controller.rng();
      const double v_meas = engine.voltage(k) + cs.voltage_noise_V * rng.normal();
      const double i_meas = I * (1.0 + cs.current_noise_fraction * rng.normal());
      const control::Actions a = run.controller.sample(t, v_meas, i_meas);
      bool jumped = false;
      if (a.feed_kg > 0) {
        apply_feed(m, y, a.feed_kg, engine.electrical(k).saturation_wt);
        run.totals.alumina_fed_kg += a.feed_kg;
        run.fed_interval += a.feed_kg;
        log(EventKind::kFeed, a.feed_kg);
        jumped = true;
      }
      if (a.mode_changed) {
        if (run.controller.mode() == control::FeedMode::kUnderfeed) log(EventKind::kUnderfeed, 0);
        if (run.controller.mode() == control::FeedMode::kOverfeed) log(EventKind::kOverfeed, 0);
      }
      if (a.quench_done) {
        engine.refresh(k);
        if (alumina_wt(y) > engine.electrical(k).ae_alumina_wt) {
          run.in_ae = false;
          in.in_anode_effect = false;
          run.totals.ae_seconds += t - run.ae_start;
          run.controller.anode_effect_ended(t);
          log(EventKind::kAnodeEffectEnd, t - run.ae_start);
          engine.mark_jump(k);  // the anode-effect overvoltage leaves the voltage
        } else {
          // Not quenched yet: the quench goes on with another burst of alumina.
          run.controller.extend_quench(t);
          apply_feed(m, y, cs.quench_feed_kg, engine.electrical(k).saturation_wt);
          run.totals.alumina_fed_kg += cs.quench_feed_kg;
          run.fed_interval += cs.quench_feed_kg;
          log(EventKind::kFeed, cs.quench_feed_kg);
          jumped = true;
        }
      }
      if (a.beam_move_m != 0.0) {
        apply_beam_move(y, a.beam_move_m);
        ++run.totals.beam_moves;
        log(EventKind::kBeamMove, a.beam_move_m * 1e3);
        jumped = true;
      }
      if (a.tap) {
        const double removed = apply_tap(m, y, target_metal, &run.totals.tapped_heat_J);
        run.totals.metal_tapped_kg += removed;
        ++run.totals.taps;
        log(EventKind::kTap, removed);
        if (cs.tap_beam_tracking && removed > 0) {
          const double move = -removed * metal_rise_m_per_kg(m);
          apply_beam_move(y, move);
          log(EventKind::kBeamMove, move * 1e3);
        }
        jumped = true;
      }
      if (a.anode_change) {
        apply_anode_change(m, y);
        ++run.totals.anode_changes;
        log(EventKind::kAnodeChange, 0);
        jumped = true;
      }
      if (a.beam_raise) log(EventKind::kBeamRaise, 0);
      if (a.take_sample) {
        run.controller.deliver_sample(t, composition(m, y).alf3_excess_wt, y[kBathTemperature]);
        log(EventKind::kBathSample, composition(m, y).alf3_excess_wt);
      }
      if (a.alf3_changed) {
        in.alf3_addition_kg_per_s = run.controller.alf3_rate_kg_per_s();
        log(EventKind::kAlF3Rate, in.alf3_addition_kg_per_s * 86400.0);
        jumped = true;
      }
      if (jumped) engine.state_jumped(k);
    }
  }
}

void finish_totals(CellRun& run, const CellModel& m, const double* y) {
  CellTotals& t = run.totals;
  t.charge_C = y[kCharge];
  t.energy_in_J = y[kEnergyIn];
  t.energy_line_J = y[kEnergyLine];
  t.energy_chemical_J = y[kEnergyChemical];
  t.energy_lost_J = y[kEnergyLost];
  t.energy_anode_J = y[kEnergyAnodeHeating];
  t.stored_heat_change_J = stored_heat_J(m, y) - run.stored_heat_start;
  const double residual = t.energy_in_J - t.energy_chemical_J - t.energy_lost_J - t.energy_anode_J -
                          t.tapped_heat_J - t.stored_heat_change_J;
  t.energy_balance_error = t.energy_in_J > 0 ? std::fabs(residual) / t.energy_in_J : 0.0;
  t.metal_produced_kg = y[kMetalProduced];
  t.metal_change_kg = y[kMetal] - run.metal_start;
  t.alumina_consumed_kg = y[kAluminaConsumed];
  t.alumina_change_kg = y[kDissolvedAlumina] + y[kUndissolvedAlumina] - run.alumina_start;
  t.alf3_added_kg = y[kAlF3Added];
  t.alf3_consumed_kg = y[kAlF3Consumed];
  t.alf3_change_kg = y[kExcessAlF3] - run.alf3_start;
  t.cryolite_change_kg = y[kCryolite] + y[kLedge] - run.cryolite_start;
  t.ae_volt_seconds = y[kAeVoltSeconds];
}

}  // namespace

const char* to_string(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::kFeed: return "feed";
    case EventKind::kUnderfeed: return "underfeed";
    case EventKind::kOverfeed: return "overfeed";
    case EventKind::kBeamMove: return "beam_move";
    case EventKind::kTap: return "tap";
    case EventKind::kAnodeChange: return "anode_change";
    case EventKind::kBeamRaise: return "beam_raise";
    case EventKind::kAnodeEffectStart: return "anode_effect_start";
    case EventKind::kAnodeEffectEnd: return "anode_effect_end";
    case EventKind::kAlF3Rate: return "alf3_rate";
    case EventKind::kBathSample: return "bath_sample";
  }
  return "?";
}

const char* event_unit(EventKind kind) noexcept {
  switch (kind) {
    case EventKind::kFeed: return "kg";
    case EventKind::kBeamMove: return "mm";
    case EventKind::kTap: return "kg";
    case EventKind::kAnodeEffectStart: return "wt%";
    case EventKind::kAnodeEffectEnd: return "s";
    case EventKind::kAlF3Rate: return "kg/d";
    case EventKind::kBathSample: return "wt%";
    default: return "";
  }
}

std::vector<CellModel> build_models(const SimulationCase& c, std::vector<double>& states) {
  std::vector<CellModel> models;
  models.reserve(c.cells);
  states.assign(static_cast<std::size_t>(c.cells) * kStateCount, 0.0);
  DynamicsParameters p = c.dynamics;
  p.anode_cycle_s = c.controller_enabled ? c.control.anode_cycle_s : 0.0;
  for (int k = 0; k < c.cells; ++k) {
    control::Random rng(c.seed, kSpreadStream + static_cast<std::uint64_t>(k));
    cell::OperatingPoint op = c.op;
    DynamicsParameters pk = p;
    const double z_acd = rng.normal(), z_heat = rng.normal(), z_diss = rng.normal();
    if (c.cells > 1) {
      op.acd_m *= std::max(0.5, 1.0 + c.spread.acd * z_acd);
      pk.dissolution_rate_per_s *= std::max(0.2, 1.0 + c.spread.dissolution * z_diss);
    }
    double* y = states.data() + static_cast<std::size_t>(k) * kStateCount;
    CellModel m = build_cell_model(c.design, c.constants, op, pk, y);
    if (c.cells > 1) {
      const double f = std::max(0.5, 1.0 + c.spread.heat_loss * z_heat);
      m.top_resistance_K_per_W *= f;
      m.bottom_resistance_K_per_W *= f;
      m.wall_resistance_K_per_W *= f;
      prepare_rhs(m);
    }
    models.push_back(m);
  }
  return models;
}

Summary run_simulation(const SimulationCase& c, Observer* observer) {
  const auto wall_start = std::chrono::steady_clock::now();
  if (c.cells < 1) throw core::RunError("simulation: at least one cell is needed");
  std::vector<double> states;
  std::vector<CellModel> models = build_models(c, states);

  // Controller settings derived from the base cell.
  control::ControllerSettings cs = c.control;
  const double h = cs.sample_period_s;
  const cell::CellResult base = cell::evaluate(c.design, c.constants, c.op);
  cs.nominal_current_A = c.schedule.nominal_A();
  cs.nominal_feed_kg_per_s = cell::faraday_production_kg_per_s(cs.nominal_current_A, cs.assumed_current_efficiency) *
                             kAluminaPerAl;
  if (!c.target_voltage_given) cs.target_voltage_V = base.voltage_V;
  cs.anode_count = c.design.anode_count;
  cs.bath_mass_estimate_kg = bath_mass_kg(states.data());
  const double target_metal = states[kMetal];
  cs.tap_target_metal_kg = target_metal;

  // Blocks of cells; each block is advanced by one thread at a time.
  const std::size_t block_size = static_cast<std::size_t>(std::max(1, c.block_size));
  std::vector<Block> blocks;
  for (std::size_t first = 0; first < models.size(); first += block_size) {
    const std::size_t count = std::min(block_size, models.size() - first);
    Block b;
    b.first = first;
    std::vector<CellModel> bm(models.begin() + first, models.begin() + first + count);
    std::vector<double> by(states.begin() + first * kStateCount, states.begin() + (first + count) * kStateCount);
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t cell = first + k;
      const double tap_phase = cs.tap_interval_s * (static_cast<double>(cell) + 0.5) / c.cells;
      const double anode_phase = cs.anode_cycle_s / std::max(1, cs.anode_count) * (static_cast<double>(cell) + 0.5) / c.cells;
      b.runs.emplace_back();
      b.runs.back().controller = control::PotController(&cs, tap_phase, anode_phase, c.seed, cell);
      const double* y = by.data() + k * kStateCount;
      CellRun& r = b.runs.back();
      r.stored_heat_start = stored_heat_J(bm[k], y);
      r.alumina_start = y[kDissolvedAlumina] + y[kUndissolvedAlumina];
      r.alf3_start = y[kExcessAlF3];
      r.cryolite_start = y[kCryolite] + y[kLedge];
      r.metal_start = y[kMetal];
      r.last_current = line_current_at(c, 0.0, c.schedule.nominal_A());
    }
    if (c.integrator == IntegratorKind::kBatch) {
      BatchOptions o = c.batch;
      o.step_s = h;
      b.batch = std::make_unique<CellBatch>(std::move(bm), by, o);
    } else {
      b.cvode = std::make_unique<CvodeBlock>(std::move(bm), by, h, c.cvode_relative_tolerance);
    }
    // Initial inputs: nominal feed handled by the controller; without it a constant feed.
    for (std::size_t k = 0; k < count; ++k) {
      CellInputs& in = b.batch ? b.batch->inputs(k) : b.cvode->inputs(k);
      in.current_A = line_current_at(c, 0.0, c.schedule.nominal_A());
      in.alf3_addition_kg_per_s = c.controller_enabled ? b.runs[k].controller.alf3_rate_kg_per_s() : 0.0;
      // Without a controller: a continuous feed equal to the Faraday demand at the initial state.
      in.feed_kg_per_s = c.controller_enabled ? 0.0 : c.open_loop_feed_factor * base.production_kg_per_s * kAluminaPerAl;
    }
    b.events.reserve(4096);
    blocks.push_back(std::move(b));
  }

  const long total_steps = static_cast<long>(std::llround(c.duration_s / h));
  const long steps_per_row = std::max(1L, static_cast<long>(std::llround(c.output_interval_s / h)));
  tbb::task_arena arena(std::max(1, c.threads));
  Summary sum;
  // Power schedules: the line is modelled as N back-EMFs plus a resistance R_line (both from the
  // cells' present voltages), so that the current meeting the power P solves R·I² + N·E_b·I = P.
  const bool power_schedule = c.schedule.is_power();
  const double line_back_emf_V = cs.back_emf_V * c.cells;
  double line_resistance_ohm =
      std::max(base.voltage_V - cs.back_emf_V, 1e-3) * c.cells / std::max(c.schedule.nominal_A(), 1.0);
  double regulated_A = c.schedule.nominal_A();
  auto regulate = [&](double t) {
    double line_voltage = 0;
    for (Block& b : blocks) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) line_voltage += b.batch ? b.batch->voltage(k) : b.cvode->voltage(k);
    }
    const double applied = line_current_at(c, std::max(0.0, t - h), regulated_A);
    if (applied > 0.05 * c.schedule.nominal_A() && line_voltage > line_back_emf_V) {
      line_resistance_ohm = (line_voltage - line_back_emf_V) / applied;
    }
    const double P = c.schedule.power_at(t);
    regulated_A = P > 0 ? 2.0 * P / (line_back_emf_V + std::sqrt(line_back_emf_V * line_back_emf_V +
                                                                  4.0 * line_resistance_ohm * P))
                        : 0.0;
  };
  auto emit_row = [&](double t, long step_count) {
    Row row;
    row.time_s = t;
    row.line_current_A = line_current_at(c, std::max(0.0, t - h), regulated_A);
    row.min_alumina_wt = std::numeric_limits<double>::infinity();
    row.min_ledge_m = std::numeric_limits<double>::infinity();
    double fed = 0;
    for (Block& b : blocks) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) {
        const CellModel& m = b.batch ? b.batch->model(k) : b.cvode->model(k);
        const double* y = b.batch ? b.batch->state(k) : b.cvode->state(k);
        const Electrical& e = b.batch ? b.batch->electrical(k) : b.cvode->electrical(k);
        const double v = b.batch ? b.batch->voltage(k) : b.cvode->voltage(k);
        const double a = alumina_wt(y);
        const double l = ledge_thickness_m(m, y);
        row.mean_voltage_V += v;
        row.line_power_W += v * row.line_current_A;
        row.energy_J += y[kEnergyLine];
        row.mean_alumina_wt += a;
        row.min_alumina_wt = std::min(row.min_alumina_wt, a);
        row.max_alumina_wt = std::max(row.max_alumina_wt, a);
        row.mean_undissolved_kg += y[kUndissolvedAlumina];
        row.mean_alf3_wt += 100.0 * y[kExcessAlF3] / bath_mass_kg(y);
        row.mean_temperature_K += y[kBathTemperature];
        row.mean_superheat_K += y[kBathTemperature] - e.liquidus_K;
        row.mean_ledge_m += l;
        row.min_ledge_m = std::min(row.min_ledge_m, l);
        row.max_ledge_m = std::max(row.max_ledge_m, l);
        row.mean_acd_m += y[kAcd];
        row.mean_metal_kg += y[kMetal];
        row.mean_bath_kg += bath_mass_kg(y);
        Fluxes f;
        double dy[kStateCount];
        rhs(m, b.batch ? b.batch->inputs(k) : b.cvode->inputs(k), e, y, dy, &f);
        row.mean_heat_loss_W += f.top_loss_W + f.bottom_loss_W + f.side_loss_W;
        row.cells_in_ae += b.runs[k].in_ae ? 1 : 0;
        row.ae_count += b.runs[k].totals.ae_count;
        fed += b.runs[k].fed_interval;
        b.runs[k].fed_interval = 0;
      }
    }
    const double n = c.cells;
    row.mean_voltage_V /= n;
    row.mean_alumina_wt /= n;
    row.mean_undissolved_kg /= n;
    row.mean_alf3_wt /= n;
    row.mean_temperature_K /= n;
    row.mean_superheat_K /= n;
    row.mean_ledge_m /= n;
    row.mean_acd_m /= n;
    row.mean_metal_kg /= n;
    row.mean_bath_kg /= n;
    row.mean_heat_loss_W /= n;
    row.mean_feed_kg_per_s = step_count > 0 ? fed / n / (step_count * h) : 0.0;
    if (observer) observer->on_row(row);
  };

  // Refresh every cell once so that row 0 has voltages.
  for (Block& b : blocks) {
    for (std::size_t k = 0; k < b.runs.size(); ++k) {
      if (b.batch) b.batch->refresh(k); else b.cvode->refresh(k);
    }
  }
  if (power_schedule) regulate(0.0);
  emit_row(0.0, 0);
  std::vector<Event> merged;
  const long steps_per_control =
      power_schedule ? std::max(1L, static_cast<long>(std::llround(c.power_control_period_s / h))) : steps_per_row;
  long next_row = steps_per_row;
  long row_start = 0;
  for (long done = 0; done < total_steps;) {
    if (power_schedule && done > 0 && done % steps_per_control == 0) regulate(done * h);
    const long to_control = steps_per_control - done % steps_per_control;
    const long steps = std::min({to_control, next_row - done, total_steps - done});
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, blocks.size(), [&](std::size_t i) {
        Block& b = blocks[i];
        if (b.batch) {
          advance_block(*b.batch, b, c, cs, done, steps, h, target_metal, regulated_A);
        } else {
          advance_block(*b.cvode, b, c, cs, done, steps, h, target_metal, regulated_A);
        }
      });
    });
    done += steps;
    if (done < next_row && done < total_steps) continue;
    next_row += steps_per_row;
    if (observer) {
      merged.clear();
      for (Block& b : blocks) {
        merged.insert(merged.end(), b.events.begin(), b.events.end());
        b.events.clear();
      }
      std::stable_sort(merged.begin(), merged.end(),
                       [](const Event& a, const Event& b) { return a.time_s < b.time_s; });
      if (!merged.empty()) observer->on_events(merged);
    } else {
      for (Block& b : blocks) b.events.clear();
    }
    emit_row(done * h, done - row_start);
    row_start = done;
    if (observer) observer->on_progress(done * h, total_steps * h);
  }

  // Summary.
  const double duration = total_steps * h;
  sum.simulated_days = duration / 86400.0;
  sum.cells = c.cells;
  sum.alumina_min_wt = std::numeric_limits<double>::infinity();
  sum.min_ledge_m = std::numeric_limits<double>::infinity();
  double charge = 0, energy_line = 0, production = 0, superheat = 0, temperature = 0;
  for (Block& b : blocks) {
    for (std::size_t k = 0; k < b.runs.size(); ++k) {
      CellRun& run = b.runs[k];
      const CellModel& m = b.batch ? b.batch->model(k) : b.cvode->model(k);
      const double* y = b.batch ? b.batch->state(k) : b.cvode->state(k);
      if (run.in_ae) run.totals.ae_seconds += duration - run.ae_start;  // still in AE at the end
      finish_totals(run, m, y);
      const CellTotals& t = run.totals;
      charge += t.charge_C;
      energy_line += t.energy_line_J;
      production += t.metal_produced_kg;
      superheat += run.superheat_seconds;
      temperature += y[kBathTemperature];
      sum.ae.count += t.ae_count;
      sum.ae.total_seconds += t.ae_seconds;
      sum.ae.overvoltage_volt_seconds += t.ae_volt_seconds;
      sum.alumina_min_wt = std::min(sum.alumina_min_wt, run.min_alumina);
      sum.alumina_max_wt = std::max(sum.alumina_max_wt, run.max_alumina);
      sum.min_ledge_m = std::min(sum.min_ledge_m, run.min_ledge);
      sum.max_ledge_m = std::max(sum.max_ledge_m, run.max_ledge);
      sum.energy_balance_error = std::max(sum.energy_balance_error, t.energy_balance_error);
      sum.cells_out_of_window += run.left_window ? 1 : 0;
      sum.cell_hours_out_of_window += run.out_of_window_s / 3600.0;
      sum.per_cell.push_back(t);
    }
    sum.cell_steps += static_cast<long>(b.runs.size()) * total_steps;
    sum.voltage_evaluations += b.batch ? b.batch->evaluations() : b.cvode->evaluations();
  }
  const double n = c.cells;
  sum.mean_line_current_A = duration > 0 ? charge / n / duration : 0;
  sum.mean_voltage_V = charge > 0 ? energy_line / charge : 0;
  const double faraday = cell::faraday_production_kg_per_s(1.0, 1.0) * charge;  // kg at CE = 1
  sum.current_efficiency = faraday > 0 ? production / faraday : 0;
  sum.production_t = production / 1000.0;
  sum.energy_MWh = energy_line / 3.6e9;
  sum.sec_dc_kWh_per_kg = production > 0 ? energy_line / constants::kJoulePerKWh / production : 0;
  sum.mean_superheat_K = duration > 0 ? superheat / n / duration : 0;
  sum.final_mean_temperature_K = temperature / n;
  sum.ae.cell_days = n * sum.simulated_days;
  sum.ae.production_t = sum.production_t;
  sum.ae.current_efficiency = sum.current_efficiency;
  const auto k = pfc_coefficients(c.pfc_set, c.pfc_technology);
  const auto g = gwp(c.gwp_set);
  if (!k || !g) throw core::RunError("simulation: unknown PFC coefficient set/technology or GWP set");
  sum.pfc = pfc_emissions(sum.ae, *k, *g, c.pfc_method, c.low_voltage_cf4_kg_per_t);
  sum.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return sum;
}

}  // namespace potline::line
