// Dynamic simulation throughput: cell-steps per second and cell-days per wall second.
//   build-dyn/potline_bench --benchmark_filter=Dynamics
#include <benchmark/benchmark.h>

#include "potline/cell/cell_case.hpp"
#include "potline/dynamics/batch.hpp"
#include "potline/io/case_file.hpp"
#include "potline/potline/simulate_case.hpp"

using namespace potline;

namespace {
line::SimulationCase make_case(const std::vector<std::string>& sets) {
  core::Diagnostics d;
  static const auto catalogue = cell::TechnologyCatalogue::load(std::string(POTLINE_DATA_DIR) + "/technologies.toml", d);
  io::ValueSet v;
  io::read_case_text("[case]\ntechnology = \"AP40\"\n", "<bench>", line::simulate_schema(), v, d);
  std::vector<io::Override> ov;
  for (std::size_t i = 0; i < sets.size(); ++i) ov.push_back(*io::parse_override(sets[i], static_cast<int>(i + 1), d));
  io::apply_overrides(ov, line::simulate_schema(), v, d);
  static const auto emissions = plant::EmissionData::load(POTLINE_DATA_DIR, d);
  return *line::build_simulation_case(v, catalogue, emissions, "", d);
}

// One cell, full control, 5 s sample period, 1 simulated day per iteration.
void BM_DynamicsOneCellFullControl(benchmark::State& state) {
  const auto c = make_case({"run.duration=1d", "run.events=none"});
  long steps = 0;
  for (auto _ : state) {
    const auto s = line::run_simulation(c);
    steps += s.cell_steps;
    benchmark::DoNotOptimize(s.energy_MWh);
  }
  state.counters["cell_steps_per_s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["cell_days_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DynamicsOneCellFullControl)->Unit(benchmark::kMillisecond);

// The potline-year configuration (10 s sample, full control, spread) on 32 cells for 1 day.
void BM_DynamicsPotlineBlock(benchmark::State& state) {
  const auto c = make_case({"run.duration=1d", "run.sample_period=10s", "potline.cells=32", "run.events=control",
                            "run.threads=" + std::to_string(state.range(0))});
  long steps = 0;
  for (auto _ : state) {
    const auto s = line::run_simulation(c);
    steps += s.cell_steps;
    benchmark::DoNotOptimize(s.energy_MWh);
  }
  state.counters["cell_steps_per_s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["cell_days_per_s"] = benchmark::Counter(32.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DynamicsPotlineBlock)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The batch integrator step alone (no controller), 64 cells.
void BM_DynamicsBatchStep(benchmark::State& state) {
  auto c = make_case({"potline.cells=64", "run.controller=false"});
  std::vector<double> y;
  auto models = line::build_models(c, y);
  dynamics::BatchOptions o;
  o.step_s = 10;
  o.refresh_interval_s = static_cast<double>(state.range(0));
  dynamics::CellBatch batch(models, y, o);
  const auto r = cell::evaluate(c.design, c.constants, c.op);
  for (std::size_t k = 0; k < batch.size(); ++k) {
    batch.inputs(k).current_A = c.op.line_current_A;
    batch.inputs(k).feed_kg_per_s = r.production_kg_per_s * 101.9600768 / (2 * 26.9815384);
  }
  for (auto _ : state) batch.step();
  state.counters["cell_steps_per_s"] = benchmark::Counter(64.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DynamicsBatchStep)->Arg(10)->Arg(60)->Arg(300);
}  // namespace
