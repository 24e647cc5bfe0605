// Dynamic simulation throughput: cell-steps per second and cell-days per wall second.
//   build-dyn/potline_bench --benchmark_filter=Dynamics
#include <benchmark/benchmark.h>

#include <ctime>

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

// One cell-step of the potline-year configuration (10 s sample, full control and events, spread,
// feeder zones and faults; 32 cells for 1 day, one thread) against one steady-state
// cell::evaluate of the same design: the counter cell_step_per_evaluate is the cost of a cell-step
// in evaluations (docs/performance.md: the operation-count limit is stated in these units). Both
// are timed by process CPU time (std::clock), so the ratio holds on a loaded machine too.
void BM_DynamicsCellStepVsEvaluate(benchmark::State& state) {
  const auto c = make_case({"run.duration=1d", "run.sample_period=10s", "potline.cells=32", "run.events=control",
                            "potline.spread_acd=3%", "potline.spread_heat_loss=3%",
                            "potline.spread_dissolution=10%", "run.threads=1"});
  constexpr int kEvaluations = 20000;
  double step_s = 0, evaluate_s = 0;
  long steps = 0;
  for (auto _ : state) {
    const std::clock_t t0 = std::clock();
    const auto s = line::run_simulation(c);
    const std::clock_t t1 = std::clock();
    cell::OperatingPoint op = c.op;
    for (int i = 0; i < kEvaluations; ++i) {
      // Vary the input a little so the compiler cannot hoist the evaluation out of the loop.
      op.acd_m = c.op.acd_m * (1.0 + 1e-6 * (i % 64));
      benchmark::DoNotOptimize(cell::evaluate(c.design, c.constants, op));
    }
    const std::clock_t t2 = std::clock();
    step_s += static_cast<double>(t1 - t0) / CLOCKS_PER_SEC;
    evaluate_s += static_cast<double>(t2 - t1) / CLOCKS_PER_SEC;
    steps += s.cell_steps;
    benchmark::DoNotOptimize(s.energy_MWh);
  }
  const double ns_per_step = 1e9 * step_s / static_cast<double>(steps);
  const double ns_per_evaluate = 1e9 * evaluate_s / (static_cast<double>(kEvaluations) * state.iterations());
  state.counters["ns_per_cell_step"] = ns_per_step;
  state.counters["ns_per_evaluate"] = ns_per_evaluate;
  state.counters["cell_step_per_evaluate"] = ns_per_step / ns_per_evaluate;
}
BENCHMARK(BM_DynamicsCellStepVsEvaluate)->Unit(benchmark::kMillisecond);
}  // namespace
