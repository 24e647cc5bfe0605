// The simulation driver: cells in blocks behind one interface (dynamics::CellBlock), blocks on
// threads, the line current (schedule or regulated power) and the rows, events and summary.
#include "potline/potline/simulation.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "line_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/batch.hpp"

namespace potline::line {
namespace detail {
using namespace dynamics;
// Random stream offsets: controller streams use the cell index, spread streams this offset.
constexpr std::uint64_t kSpreadStream = 1u << 20;
namespace {
constexpr double kAluminaPerAl =
    constants::kMolarMassAl2O3_kg_per_mol / (2.0 * constants::kMolarMassAl_kg_per_mol);

// Start records of one cell (conservation checks) and its controller, staggered over the line.
CellRun start_record(const SimulationCase& c, const control::ControllerSettings& cs, std::size_t cell,
                     const CellModel& m, const double* y) {
  CellRun r;
  const double tap_phase = cs.tap_interval_s * (static_cast<double>(cell) + 0.5) / c.cells;
  const double anode_phase =
      cs.anode_cycle_s / std::max(1, cs.anode_count) * (static_cast<double>(cell) + 0.5) / c.cells;
  r.controller = control::PotController(&cs, tap_phase, anode_phase, c.seed, cell);
  r.stored_heat_start = stored_heat_J(m, y);
  r.alumina_start = y[kDissolvedAlumina] + y[kUndissolvedAlumina];
  r.alf3_start = y[kExcessAlF3];
  r.cryolite_start = y[kCryolite] + y[kLedge];
  r.metal_start = y[kMetal];
  r.bath_start = bath_mass_kg(y);
  r.last_current = line_current_at(c, 0.0, c.schedule.nominal_A());
  return r;
}

// Initial inputs: nominal feed handled by the controller; without it a constant feed equal to
// the Faraday demand at the initial state.
void set_initial_inputs(const SimulationCase& c, Block& b, double base_production_kg_per_s) {
  for (std::size_t k = 0; k < b.cells->size(); ++k) {
    CellInputs& in = b.cells->inputs(k);
    in.current_A = line_current_at(c, 0.0, c.schedule.nominal_A());
    in.alf3_addition_kg_per_s = c.controller_enabled ? b.runs[k].controller.alf3_rate_kg_per_s() : 0.0;
    in.feed_kg_per_s =
        c.controller_enabled ? 0.0 : c.open_loop_feed_factor * base_production_kg_per_s * kAluminaPerAl;
  }
}

// Power schedules: the line is modelled as N back-EMFs plus a resistance R_line (both from the
// cells' present voltages), so that the current meeting the power P solves R·I² + N·E_b·I = P.
class PowerRegulator {
 public:
  PowerRegulator(const SimulationCase& c, const control::ControllerSettings& cs, double base_voltage_V)
      : c_(c), back_emf_V_(cs.back_emf_V * c.cells),
        resistance_ohm_(std::max(base_voltage_V - cs.back_emf_V, 1e-3) * c.cells /
                        std::max(c.schedule.nominal_A(), 1.0)),
        current_A_(c.schedule.nominal_A()) {}
  double current_A() const { return current_A_; }
  // Re-fits the line resistance to the cells' voltages at the current applied over the last step
  // and sets the current that meets the power from t on.
  void regulate(double t, double h, const std::vector<Block>& blocks) {
    double line_voltage = 0;
    for (const Block& b : blocks) {
      for (std::size_t k = 0; k < b.runs.size(); ++k) line_voltage += b.cells->voltage(k);
    }
    const double applied = line_current_at(c_, std::max(0.0, t - h), current_A_);
    if (applied > 0.05 * c_.schedule.nominal_A() && line_voltage > back_emf_V_) {
      resistance_ohm_ = (line_voltage - back_emf_V_) / applied;
    }
    const double P = c_.schedule.power_at(t);
    current_A_ = P > 0 ? 2.0 * P / (back_emf_V_ + std::sqrt(back_emf_V_ * back_emf_V_ + 4.0 * resistance_ohm_ * P))
                       : 0.0;
  }

 private:
  const SimulationCase& c_;
  double back_emf_V_;
  double resistance_ohm_;
  double current_A_;
};

}  // namespace

control::ControllerSettings controller_settings(const SimulationCase& c, const std::vector<double>& states) {
  control::ControllerSettings cs = c.control;
  const cell::CellResult base = cell::evaluate(c.design, c.constants, c.op);
  cs.nominal_current_A = c.schedule.nominal_A();
  cs.nominal_feed_kg_per_s =
      cell::faraday_production_kg_per_s(cs.nominal_current_A, cs.assumed_current_efficiency) * kAluminaPerAl;
  if (!c.target_voltage_given) cs.target_voltage_V = base.voltage_V;
  cs.anode_count = c.design.anode_count;
  cs.bath_mass_estimate_kg = bath_mass_kg(states.data());
  cs.tap_target_metal_kg = states[kMetal];
  return cs;
}

std::vector<Block> build_blocks(const SimulationCase& c, const control::ControllerSettings& cs,
                                const std::vector<CellModel>& models, const std::vector<double>& states) {
  const cell::CellResult base = cell::evaluate(c.design, c.constants, c.op);
  const std::size_t block_size = static_cast<std::size_t>(std::max(1, c.block_size));
  std::vector<Block> blocks;
  for (std::size_t first = 0; first < models.size(); first += block_size) {
    const std::size_t count = std::min(block_size, models.size() - first);
    Block b;
    b.first = first;
    std::vector<CellModel> bm(models.begin() + first, models.begin() + first + count);
    std::vector<double> by(states.begin() + first * kStateCount, states.begin() + (first + count) * kStateCount);
    for (std::size_t k = 0; k < count; ++k) {
      b.runs.push_back(start_record(c, cs, first + k, bm[k], by.data() + k * kStateCount));
    }
    if (c.integrator == IntegratorKind::kBatch) {
      BatchOptions o = c.batch;
      o.step_s = cs.sample_period_s;
      b.cells = std::make_unique<CellBatch>(std::move(bm), by, o);
    } else {
      b.cells = make_cvode_block(std::move(bm), by, cs.sample_period_s, c.cvode_relative_tolerance);
    }
    set_initial_inputs(c, b, base.production_kg_per_s);
    b.events.reserve(4096);
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace detail

using namespace dynamics;

std::vector<CellModel> build_models(const SimulationCase& c, std::vector<double>& states) {
  std::vector<CellModel> models;
  models.reserve(c.cells);
  states.assign(static_cast<std::size_t>(c.cells) * kStateCount, 0.0);
  DynamicsParameters p = c.dynamics;
  p.anode_cycle_s = c.controller_enabled ? c.control.anode_cycle_s : 0.0;
  for (int k = 0; k < c.cells; ++k) {
    control::Random rng(c.seed, detail::kSpreadStream + static_cast<std::uint64_t>(k));
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
  using namespace detail;
  const auto wall_start = std::chrono::steady_clock::now();
  if (c.cells < 1) throw core::RunError("simulation: at least one cell is needed");
  std::vector<double> states;
  const std::vector<CellModel> models = build_models(c, states);
  const control::ControllerSettings cs = controller_settings(c, states);
  const StepContext x{c, cs, cs.sample_period_s, states[kMetal]};
  const double h = x.h;
  std::vector<Block> blocks = build_blocks(c, cs, models, states);

  const long total_steps = static_cast<long>(std::llround(c.duration_s / h));
  const long steps_per_row = std::max(1L, static_cast<long>(std::llround(c.output_interval_s / h)));
  const bool power_schedule = c.schedule.is_power();
  const long steps_per_control =
      power_schedule ? std::max(1L, static_cast<long>(std::llround(c.power_control_period_s / h))) : steps_per_row;
  PowerRegulator regulator(c, cs, cell::evaluate(c.design, c.constants, c.op).voltage_V);
  tbb::task_arena arena(std::max(1, c.threads));

  // Refresh every cell once so that row 0 has voltages.
  for (Block& b : blocks) {
    for (std::size_t k = 0; k < b.runs.size(); ++k) b.cells->refresh(k);
  }
  if (power_schedule) regulator.regulate(0.0, h, blocks);
  if (observer) observer->on_row(make_row(c, blocks, 0.0, 0, h, regulator.current_A()));
  std::vector<Event> merged;
  long next_row = steps_per_row;
  long row_start = 0;
  for (long done = 0; done < total_steps;) {
    if (power_schedule && done > 0 && done % steps_per_control == 0) regulator.regulate(done * h, h, blocks);
    const long to_control = steps_per_control - done % steps_per_control;
    const long steps = std::min({to_control, next_row - done, total_steps - done});
    const double regulated_A = regulator.current_A();
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, blocks.size(),
                        [&](std::size_t i) { advance_block(blocks[i], x, done, steps, regulated_A); });
    });
    done += steps;
    if (done < next_row && done < total_steps) continue;
    next_row += steps_per_row;
    flush_events(blocks, merged, observer);
    const Row row = make_row(c, blocks, done * h, done - row_start, h, regulator.current_A());
    if (observer) observer->on_row(row);
    row_start = done;
    if (observer) observer->on_progress(done * h, total_steps * h);
  }
  Summary sum = summarise(c, blocks, total_steps * h, total_steps);
  sum.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return sum;
}

}  // namespace potline::line
