// The blocks of a run: cells split into blocks with their integrators, each cell's start record
// (conservation baselines, restart state) and its pot controller, staggered over the line. Moved
// out of simulation.cpp (the driver) unchanged, with make_controller, which a restarted cell's
// controller also comes from (potline.cut_in).
#include <algorithm>

#include "line_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/dynamics/batch.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"

namespace potline::line::detail {
using namespace dynamics;
// Feeder-fault streams: this offset plus the cell index.
constexpr std::uint64_t kFeederStream = 2u << 20;
// Process-fault streams (potline/faults.hpp): this offset plus the cell index, plus k·2²⁰ for
// fault kind k = 0…3 (so up to 6·2²⁰).
constexpr std::uint64_t kFaultStream = 3u << 20;
namespace {
constexpr double kAluminaPerAl =
    constants::kMolarMassAl2O3_kg_per_mol / (2.0 * constants::kMolarMassAl_kg_per_mol);

// Start records of one cell (conservation checks) and its controller, staggered over the line.
CellRun start_record(const SimulationCase& c, const control::ControllerSettings& cs,
                     std::size_t cell, const CellModel& m, const double* y) {
  CellRun r;
  r.controller = make_controller(c, cs, cell, 0.0, cell);
  std::copy(y, y + kPhysicalStateCount,
            r.start_state.begin());  // its restart state (potline.cut_in)
  r.upset_cell =
      c.upsets.any() && (c.disturbance_cells.empty() ||
                         std::binary_search(c.disturbance_cells.begin(), c.disturbance_cells.end(),
                                            static_cast<std::uint32_t>(cell)));
  const int feeders = feeder_count(c.feeders, c.design.anode_count);
  r.feeders = FeederBank(&c.feeders, feeders, c.seed, kFeederStream + cell);
  r.faults = ProcessFaults(&c.feeders.faults, feeders, c.seed, kFaultStream + cell);
  r.zones =
      AluminaZones(zone_count(c.feeders, feeders), c.feeders.mixing_time_s, cs.sample_period_s);
  r.stored_heat_start = stored_heat_J(m, y);
  r.alumina_start = y[kDissolvedAlumina] + y[kUndissolvedAlumina];
  r.alf3_start = y[kExcessAlF3];
  r.cryolite_start = y[kCryolite] + y[kLedge];
  r.metal_start = y[kMetal];
  r.bath_start = bath_mass_kg(y);
  r.windows.resize(disturbance_windows(c).size());
  r.ledge_mean_m = ledge_thickness_m(m, y);
  // Per-cell window: the bounds follow this cell's own design ledge (docs/model/dynamics.md §6).
  if (c.window.ledge_reference == LedgeReference::kCell) {
    // At the calibration point: a case run at another current or ACD shows that point's ledge
    // change.
    r.window_ledge_offset_m = thermal_state_at_temperature(m, c.calibration_op.value_or(c.op),
                                                           m.parameters.exchanger_design_fraction)
                                  .ledge_m -
                              c.dynamics.initial_ledge_m;
  }
  r.superheat_mean_K =
      y[kBathTemperature] -
      bath::evaluate(composition(m, y), y[kBathTemperature], m.constants.conductivity).liquidus_K;
  r.last_current = line_current_at(c, 0.0, c.schedule.nominal_A());
  return r;
}

// Initial inputs: nominal feed handled by the controller; without it a constant feed equal to
// the Faraday demand at the initial state.
void set_initial_inputs(const SimulationCase& c, Block& b, double base_production_kg_per_s) {
  for (std::size_t k = 0; k < b.cells->size(); ++k) {
    CellInputs& in = b.cells->inputs(k);
    in.current_A = line_current_at(c, 0.0, c.schedule.nominal_A());
    in.ledge_flow_factor = ledge_flow_factor(b.cells->model(k), in.current_A);
    in.exchanger_fraction = b.cells->model(k).parameters.exchanger_design_fraction;
    b.runs[k].exchanger.fraction = in.exchanger_fraction;
    in.alf3_addition_kg_per_s =
        c.controller_enabled ? b.runs[k].controller.alf3_rate_kg_per_s() : 0.0;
    in.feed_kg_per_s = c.controller_enabled
                           ? 0.0
                           : c.open_loop_feed_factor * base_production_kg_per_s * kAluminaPerAl;
  }
}

}  // namespace

control::PotController make_controller(const SimulationCase& c,
                                       const control::ControllerSettings& cs, std::size_t cell,
                                       double t0, std::uint64_t stream) {
  const double tap_phase = cs.tap_interval_s * (static_cast<double>(cell) + 0.5) / c.cells;
  const double anode_phase =
      cs.anode_cycle_s / std::max(1, cs.anode_count) * (static_cast<double>(cell) + 0.5) / c.cells;
  control::PotController controller(&cs, t0 + tap_phase, t0 + anode_phase, c.seed, stream);
  if (!c.disturbance_cells.empty() &&
      !std::binary_search(c.disturbance_cells.begin(), c.disturbance_cells.end(),
                          static_cast<std::uint32_t>(cell))) {
    controller.exclude_from_feed_stop();  // the feed stop names other cells (disturbance.cells)
  }
  return controller;
}

std::vector<std::size_t> block_sizes(std::size_t cells, int block_size) {
  const std::size_t most = static_cast<std::size_t>(std::max(1, block_size));
  std::size_t count = (cells + most - 1) / most;
  // Equal blocks in a number divisible by 4: one, two or four threads then get the same number
  // of cells (300 cells of at most 16: 20 blocks of 15, not 18 of 16 and one of 12, which gave one
  // of two threads 156 cells and the other 144). The layout does not depend on the thread count;
  // results depend on neither (DynamicsIntegrators.SameResultsForAnyBlockLayout).
  count = std::min(cells, (count + 3) / 4 * 4);
  std::vector<std::size_t> sizes(count, cells / count);
  for (std::size_t i = 0; i < cells % count; ++i)
    sizes[i * count / (cells % count)] += 1;  // spread the larger ones
  return sizes;
}

std::vector<Block> build_blocks(const SimulationCase& c, const control::ControllerSettings& cs,
                                const std::vector<CellModel>& models,
                                const std::vector<double>& states) {
  const cell::CellResult base = cell::evaluate(c.design, c.constants, c.op);
  std::vector<Block> blocks;
  std::size_t first = 0;
  for (const std::size_t count : block_sizes(models.size(), c.block_size)) {
    Block b;
    b.first = first;
    std::vector<CellModel> bm(models.begin() + first, models.begin() + first + count);
    std::vector<double> by(states.begin() + first * kStateCount,
                           states.begin() + (first + count) * kStateCount);
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
    first += count;
  }
  return blocks;
}

}  // namespace potline::line::detail
