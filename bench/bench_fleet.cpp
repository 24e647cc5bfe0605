// Fleet benchmarks: one Monte Carlo sample = the full fleet through plant::evaluate (cost curve)
// plus the trade LP (COIN-OR CLP). Figures and the command go in docs/performance.md.
#include <benchmark/benchmark.h>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"

namespace {

using namespace potline;

const fleet::FleetCase& world() {
  static const plant::SmelterData data = [] {
    core::Diagnostics d;
    return plant::SmelterData::load(cell::default_data_dir(), d);
  }();
  static const fleet::FleetCase c = [] {
    core::Diagnostics d;
    return fleet::load_fleet_case(std::string(POTLINE_DATA_DIR) + "/../examples/world.toml", cell::default_data_dir(), data, d);
  }();
  return c;
}

void BM_FleetCostCurve(benchmark::State& state) {
  const auto& c = world();
  std::vector<fleet::SmelterEconomics> e;
  for (auto _ : state) {
    fleet::evaluate(c.model, c.shocks, e);
    auto curve = fleet::cost_curve(e);
    benchmark::DoNotOptimize(curve.data());
  }
  state.counters["smelters"] = static_cast<double>(c.model.smelters.size());
}
BENCHMARK(BM_FleetCostCurve)->Unit(benchmark::kMicrosecond);

void BM_FleetSampleWithTradeLp(benchmark::State& state) {
  // One sweep sample: fleet::solve as evaluate_sample calls it (no details).
  const auto& c = world();
  fleet::Shocks shocks = c.shocks;
  fleet::SolveOptions options;
  options.details = false;
  double k = 0;
  for (auto _ : state) {
    shocks.power_factor[1] = 1.0 + 0.01 * (k = k < 20 ? k + 1 : 0);  // vary one input as a sample would
    const fleet::FleetResult r = fleet::solve(c, shocks, {}, options);
    benchmark::DoNotOptimize(r.price_usd_per_kg.data());
  }
}
BENCHMARK(BM_FleetSampleWithTradeLp)->Unit(benchmark::kMillisecond);

}  // namespace
