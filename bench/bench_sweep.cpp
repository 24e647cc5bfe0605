// Sweep benchmarks: samples/s of the full fleet (cost curve + trade LP) through the sweep runner,
// and how time grows with samples and with the number of smelters. Figures: docs/performance.md.
//   ./build/potline_bench --benchmark_filter=Sweep
#include <benchmark/benchmark.h>

#include <filesystem>

#include "potline/cell/technology.hpp"
#include "potline/sweep/run.hpp"

namespace {

using namespace potline;

const sweep::SweepSpec& world_mc() {
  static const plant::SmelterData data = [] {
    core::Diagnostics d;
    return plant::SmelterData::load(cell::default_data_dir(), d);
  }();
  static const sweep::SweepSpec spec = [] {
    core::Diagnostics d;
    return sweep::load_sweep(std::string(POTLINE_DATA_DIR) + "/../examples/world-montecarlo.toml", cell::default_data_dir(),
                             data, d);
  }();
  return spec;
}

// One sample (inputs drawn, fleet evaluated, trade LP solved, rows built), one thread.
void BM_SweepSample(benchmark::State& state) {
  const auto& spec = world_mc();
  std::int64_t k = 0;
  for (auto _ : state) {
    auto r = sweep::evaluate_sample(spec, static_cast<int>(k % 5), k);
    benchmark::DoNotOptimize(r.rows.data());
    ++k;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["smelters"] = static_cast<double>(spec.scenarios[0].fleet.model.smelters.size());
}
BENCHMARK(BM_SweepSample)->Unit(benchmark::kMillisecond);

// The fleet with every smelter split into m equal copies (same capacity, m times the smelters
// and LP columns): how a sample's time grows with the fleet size.
void BM_SweepSampleVsSmelters(benchmark::State& state) {
  sweep::SweepSpec spec = world_mc();
  spec.scenarios.resize(1);
  auto& model = spec.scenarios[0].fleet.model;
  const int m = static_cast<int>(state.range(0));
  std::vector<fleet::FleetSmelter> split;
  for (const auto& s : model.smelters) {
    for (int i = 0; i < m; ++i) {
      fleet::FleetSmelter c = s;
      c.record.id += "#" + std::to_string(i);
      c.inputs.capacity_kg_per_s /= m;
      split.push_back(std::move(c));
    }
  }
  model.smelters = std::move(split);
  std::int64_t k = 0;
  for (auto _ : state) {
    auto r = sweep::evaluate_sample(spec, 0, k++);
    benchmark::DoNotOptimize(r.rows.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["smelters"] = static_cast<double>(model.smelters.size());
}
BENCHMARK(BM_SweepSampleVsSmelters)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);

// The whole runner into a fresh SQLite store: N samples (over the 5 scenarios) on T threads.
void BM_SweepRun(benchmark::State& state) {
  sweep::SweepSpec spec = world_mc();
  const auto n = state.range(0);
  spec.samples = (n + 4) / 5;
  const auto path = (std::filesystem::temp_directory_path() / "potline-bench-sweep.sqlite").string();
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove(path);
    state.ResumeTiming();
    sweep::ResultStore store(path, spec.hash, spec.title);
    sweep::RunOptions o;
    o.threads = static_cast<int>(state.range(1));
    auto s = sweep::run_sweep(spec, store, o);
    benchmark::DoNotOptimize(s.computed);
  }
  state.SetItemsProcessed(state.iterations() * spec.samples * 5);
  std::filesystem::remove(path);
}
BENCHMARK(BM_SweepRun)->Args({250, 1})->Args({250, 2})->Args({1000, 2})->Args({4000, 2})->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace
