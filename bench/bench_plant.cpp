// One smelter evaluation (cost stack, emissions, CBAM 2026-2034, labour) on a parsed case.
// Target: <= 20 us per evaluation (issue 4; the fleet runs it millions of times).
// Run: build/potline_bench --benchmark_filter=Smelter
#include <benchmark/benchmark.h>

#include "potline/cell/technology.hpp"
#include "potline/plant/smelter_case.hpp"

namespace {

potline::plant::SmelterInputs parsed_case() {
  using namespace potline;
  core::Diagnostics d;
  const auto data = plant::SmelterData::load(cell::default_data_dir(), d);
  const auto c = plant::load_smelter_case(std::string(POTLINE_DATA_DIR) + "/../examples/smelter-us-old-grid.toml",
                                          {}, data, d);
  return c.inputs;
}

void BM_SmelterEvaluate(benchmark::State& state) {
  potline::plant::SmelterInputs in = parsed_case();
  double sink = 0;
  for (auto _ : state) {
    in.power_usd_per_J += 1e-15;  // defeat hoisting
    const auto r = potline::plant::evaluate(in);
    sink += r.full_usd_per_kg + r.cbam_usd_per_t[8];
    benchmark::DoNotOptimize(sink);
  }
}
BENCHMARK(BM_SmelterEvaluate);

}  // namespace
