// Steady-state cell benchmarks (issue 2 targets: one evaluation <= 300 ns, one ACD solve <= 10 us).
// Run: ./build/potline_bench --benchmark_filter=Cell
#include <benchmark/benchmark.h>

#include <vector>

#include "potline/cell/cell_model.hpp"
#include "potline/cell/solve.hpp"

namespace {

using namespace potline;

// A modern 400 kA cell (the same illustrative design as the unit tests; not a catalogue entry).
cell::CellDesign modern_design() {
  cell::CellDesign d;
  d.anode_count = 40;
  d.anode_length_m = 1.6;
  d.anode_width_m = 0.65;
  d.anode_gap_m = 0.04;
  d.center_channel_m = 0.2;
  d.side_channel_m = 0.3;
  d.anode_immersion_m = 0.15;
  d.cathode_area_m2 = 50.0;
  d.anode_resistance_ohm = 0.30 / 400e3;
  d.cathode_resistance_ohm = 0.28 / 400e3;
  d.external_resistance_ohm = 0.20 / 400e3;
  return d;
}

cell::OperatingPoint modern_op() {
  cell::OperatingPoint op;
  op.line_current_A = 400e3;
  op.acd_m = 0.045;
  op.bath_temperature_K = 1238.15;
  op.bath = {2.5, 11.0, 5.0, 0.0, 0.0, 0.0};
  return op;
}

void BM_CellEvaluate(benchmark::State& state) {
  const auto d = modern_design();
  const cell::ModelConstants k;
  auto op = modern_op();
  double acd = 0.045;
  for (auto _ : state) {
    // Vary the input a little so the compiler cannot hoist the evaluation out of the loop.
    acd = acd > 0.05 ? 0.04 : acd + 1e-5;
    op.acd_m = acd;
    benchmark::DoNotOptimize(cell::evaluate(d, k, op));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CellEvaluate);

void BM_CellEvaluateBatch(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  std::vector<cell::CellDesign> designs(n, modern_design());
  std::vector<cell::ModelConstants> constants(n);
  std::vector<cell::OperatingPoint> ops(n, modern_op());
  for (std::size_t k = 0; k < n; ++k) ops[k].acd_m = 0.04 + 0.01 * static_cast<double>(k) / n;
  std::vector<cell::CellResult> out(n);
  for (auto _ : state) {
    cell::evaluate_batch(designs, constants, ops, out);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
}
BENCHMARK(BM_CellEvaluateBatch)->Arg(300);

void BM_AcdSolve(benchmark::State& state) {
  const auto d = modern_design();
  const cell::ModelConstants k;
  const auto op = modern_op();
  double target = 4.2;
  for (auto _ : state) {
    target = target > 4.4 ? 4.0 : target + 1e-4;
    benchmark::DoNotOptimize(cell::solve_acd_for_voltage(d, k, op, target));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AcdSolve);

}  // namespace
