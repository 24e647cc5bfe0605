// Steady-state cell benchmarks (issue 2 targets: one evaluation <= 300 ns, one ACD solve <= 10 us).
// Run: ./build/potline_bench --benchmark_filter=Cell
#include <benchmark/benchmark.h>

#include <vector>

#include "potline/cell/cell_model.hpp"
#include "modern_cell.hpp"  // tests/common: the shared illustrative 400 kA cell
#include "potline/cell/solve.hpp"

namespace {

using namespace potline;

using testing::modern_design;
using testing::modern_op;

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
