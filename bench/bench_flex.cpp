// potline flex benchmarks (issue 13 targets: a one-day 96-step MILP with ≈ 100–300 binaries to a
// 0.5 % gap in ≤ 5 s; a one-week hourly LP in ≤ 1 s; re-simulating one day of one cell in ≤ 1 s).
// Run: ./build/potline_bench --benchmark_filter=Flex
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "potline/api/flex_command.hpp"
#include "potline/cell/technology.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"

namespace {

using namespace potline;

// A reduced model of the size of the AP40 fit (docs/model/flexibility.md §2) and a daily price
// shape with an evening peak and a midday dip, so that the schedule has something to trade.
flex::ReducedModel bench_model(double step_s) {
  flex::ReducedModel m;
  m.step_s = step_s;
  m.a = std::exp(-step_s / (4.7 * 3600));
  m.b = -0.0116 * step_s / 900;
  m.c = 5.4;
  m.d = -50;
  m.e_up = 0.65;
  m.e_down = 0.67;
  m.ledge_ref_m = 0.065;
  m.superheat_ref_K = 6.8;
  m.nominal_power_W = 1.68e6;
  m.nominal_production_kg_per_s = 0.0354;
  return m;
}

flex::HorizonPrices bench_prices(double step_s, std::size_t steps) {
  flex::HorizonPrices p;
  p.step_s = step_s;
  for (std::size_t k = 0; k < steps; ++k) {
    const double hour = std::fmod(k * step_s / 3600, 24.0);
    p.price_eur_per_J.push_back((80 + 70 * std::sin((hour - 12) / 24 * 2 * M_PI) - 60 * std::exp(-std::pow(hour - 13, 2) / 4)) / 3.6e9);
  }
  return p;
}

flex::FlexCase bench_case(int changes) {
  flex::FlexCase c;
  c.cells = 300;
  c.dispatch.min_power = 0.95;
  c.dispatch.max_power = 1.05;
  c.dispatch.max_changes_per_day = changes;
  c.dispatch.min_dwell_s = changes > 0 ? 3600 : 0;
  c.dispatch.mip_gap = 0.005;
  return c;
}

void BM_FlexDayMilp96(benchmark::State& state) {
  const flex::FlexCase c = bench_case(8);
  const auto m = bench_model(900);
  const auto p = bench_prices(900, 96);
  for (auto _ : state) benchmark::DoNotOptimize(flex::optimise_schedule(c, m, p, flex::case_bounds(c)));
}
// Process CPU time: CBC searches in a worker thread (threads = 1), which the default per-thread
// CPU time of Google Benchmark would not count.
BENCHMARK(BM_FlexDayMilp96)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The MILP's answer as counters: the gap CBC reports, whether its time limit (CPU) was hit, the
// incumbent and the bound.
void milp_counters(benchmark::State& state, const flex::Schedule& s) {
  int stopped = 0;
  for (double share : s.shares) stopped += share <= 0.0 ? 1 : 0;
  state.counters["gap_percent"] = 100 * s.solution.gap;
  state.counters["time_limit_hit"] = s.solution.time_limit_hit ? 1 : 0;
  state.counters["stopped_steps"] = stopped;
  state.counters["objective_eur"] = s.solution.objective;
  state.counters["bound_eur"] = s.solution.bound;
}

// Times optimise_schedule on one problem (the case's own bounds) and reports the last answer's
// counters (milp_counters).
void time_schedule(benchmark::State& state, const flex::FlexCase& c, const flex::ReducedModel& m,
                   const flex::HorizonPrices& p) {
  flex::Schedule s;
  for (auto _ : state) {
    s = flex::optimise_schedule(c, m, p, flex::case_bounds(c));
    benchmark::DoNotOptimize(s);
  }
  milp_counters(state, s);
}

// The bench day at ±25 %, ramp 25 %/h: crossing the range takes the day's eight changes.
flex::FlexCase wide_case() {
  flex::FlexCase c = bench_case(8);
  c.dispatch.min_power = 0.75;
  c.dispatch.max_power = 1.25;
  c.dispatch.ramp_per_s = 0.25 / 3600;
  return c;
}

// The ±25 % day without stops: 96 change flags.
void BM_FlexDayMilpWide96(benchmark::State& state) {
  const flex::FlexCase c = wide_case();
  const auto m = bench_model(900);
  time_schedule(state, c, m, bench_prices(900, 96));
}
BENCHMARK(BM_FlexDayMilpWide96)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The same day with stops of the line allowed (flex.max_off = 1 h): 96 change flags and
// 96 stop flags, 192 binaries, plus the stop state of the reduced model (sized like the AP40 fit:
// 0.73 cm of ledge and −15.7 K per stopped quarter-hour, the stop's ledge decaying at 0.8 per step).
void BM_FlexDayMilpStops192(benchmark::State& state) {
  flex::FlexCase c = wide_case();
  c.dispatch.max_off_s = 3600;
  auto m = bench_model(900);
  m.b_stop = 0.0073;
  m.c_stop = -15.7;
  m.a_stop = 0.8;
  time_schedule(state, c, m, bench_prices(900, 96));
}
BENCHMARK(BM_FlexDayMilpStops192)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// A day with stops that pay: the reduced model of examples/flex-day.toml (AP40, 15-min steps) as
// fitted on 2026-12-05 (main e35bc9b; `potline flex examples/flex-day.toml --set flex.max_off=1h
// --json`, reduced_model), ±5 %, ≤ 8 changes a day, 1 h dwell, stops of up to 1 h, the bench's
// prices: 96 change and 96 stop flags. (On the bench model above a stop of the dwell's hour would
// raise the ledge by 6.4 cm against a 5 cm window, so BM_FlexDayMilpStops192 can stop nowhere.)
flex::ReducedModel fitted_day_model();

void BM_FlexDayMilpStopsFitted192(benchmark::State& state) {
  flex::FlexCase c = bench_case(8);
  c.dispatch.max_off_s = 3600;
  const flex::ReducedModel m = fitted_day_model();
  time_schedule(state, c, m, bench_prices(900, 96));
}
BENCHMARK(BM_FlexDayMilpStopsFitted192)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// BM_FlexDayMilpStopsFitted192's day with the restart's cost of flex-day's fit of 2026-12-07 (flex18:
// `potline flex examples/flex-day.toml --set flex.max_off=1h --json`, reduced_model.stop_metal_steps
// 1.040 and stop_metal_slope 4.712, docs/model/flexibility.md §3): 96 change and 96 stop flags and the
// restart level's columns and rows (dispatch_stops.cpp).
void BM_FlexDayMilpStopsRestartLevel192(benchmark::State& state) {
  flex::FlexCase c = bench_case(8);
  c.dispatch.max_off_s = 3600;
  flex::ReducedModel m = fitted_day_model();
  m.stop_metal_steps = 1.040;
  m.stop_metal_slope = 4.712;
  time_schedule(state, c, m, bench_prices(900, 96));
}
BENCHMARK(BM_FlexDayMilpStopsRestartLevel192)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The reduced model of BM_FlexDayMilpStopsFitted192 (flex-day's fit of 2026-12-05, above).
flex::ReducedModel fitted_day_model() {
  flex::ReducedModel m;
  m.step_s = 900;
  m.a = 0.99424;
  m.b = -4.704e-4;
  m.c = -8.350;
  m.d = -62.94;
  m.e_up = 1.2514;
  m.e_down = 1.6643;
  m.ledge_ref_m = 0.065;
  m.superheat_ref_K = 6.868;
  m.nominal_power_W = 1.67686e6;
  m.nominal_production_kg_per_s = 3052.86 / 86400;
  m.a_stop = 0.92121;
  m.b_stop = 0.0072499;
  m.c_stop = -15.683;
  return m;
}

// The "up to ≈ 300 binaries" on one day: BM_FlexDayMilpStopsFitted192's problem (±5 %, ≤ 8
// changes a day, 1 h dwell, stops of up to 1 h) planned on flex-day's measured production curve
// (flex.production_curve = "measured", docs/model/flexibility.md §2), whose points are not concave:
// 95 → 91.98 %, 97.5 → 96.08 %, 100 → 100 %, 102.5 → 104.13 %, 105 → 105.81 % of nominal metal
// (`potline flex examples/flex-day.toml --json`, reduced_model.production_curve[].measured_percent,
// main e7e3b13, 2026-12-07): slopes 1.640, 1.567, 1.654, 0.669, one convex kink at nominal, so one
// kink binary a step (dispatch_curve.cpp). Binaries: 96 change flags + 96 stop flags + 24 change-count
// levels (8 each at 06, 12 and 18 h, dispatch_changes.cpp) + 96 kink flags = 312.
void BM_FlexDayMilpStopsMeasured312(benchmark::State& state) {
  flex::FlexCase c = bench_case(8);
  c.dispatch.max_off_s = 3600;
  flex::ReducedModel m = fitted_day_model();
  m.curve_share = {0.95, 0.975, 1.0, 1.025, 1.05};
  m.curve_production = {0.9198399781640754, 0.9608344443237613, 1.0, 1.041342968441023, 1.0580724957545773};
  m.curve_measured = m.curve_production;
  m.curve_exact = true;
  m.e_down = (1.0 - 0.9608344443237613) / 0.025;
  m.e_up = (1.041342968441023 - 1.0) / 0.025;
  time_schedule(state, c, m, bench_prices(900, 96));
  state.counters["binaries"] = 312;
}
BENCHMARK(BM_FlexDayMilpStopsMeasured312)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// examples/flex-week-heat-exchangers.toml with stops of up to an hour (`--set flex.max_off=1h`):
// the TRIMET-like week (120 P155 cells, 168 hourly steps, ±25 %, no count or dwell limit), its
// reduced model fitted once outside the timing (the fit's dynamic runs take seconds), the first
// round's problem (the case's own bounds): 168 stop and 168 change binaries, the restart level's
// columns and rows (stop_metal_slope of the fit). CBC's limit: the case's flex.time_limit (10 s).
void BM_FlexWeekMilpStops336(benchmark::State& state) {
  struct Week {
    flex::FlexCase c;
    flex::ReducedModel m;
    flex::HorizonPrices p;
  };
  static const Week week = [] {
    api::CaseSource source;
    source.path = cell::default_data_dir() + "/../examples/flex-week-heat-exchangers.toml";
    source.sets = {"flex.max_off=1h"};
    const api::FlexInput in = api::load_flex(source, {});
    Week w{in.c, {}, flex::horizon_prices(in.prices, in.c.dispatch.horizon_s)};
    w.m = flex::fit_reduced_model(w.c, w.p.step_s, w.p.price_eur_per_J.size());
    return w;
  }();
  time_schedule(state, week.c, week.m, week.p);
  state.counters["stop_metal_slope"] = week.m.stop_metal_slope;
}
BENCHMARK(BM_FlexWeekMilpStops336)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->Iterations(1);

void BM_FlexWeekLpHourly(benchmark::State& state) {
  flex::FlexCase c = bench_case(0);
  c.dispatch.horizon_s = 7 * 86400.0;
  const auto m = bench_model(3600);
  const auto p = bench_prices(3600, 168);
  for (auto _ : state) benchmark::DoNotOptimize(flex::optimise_schedule(c, m, p, flex::case_bounds(c)));
}
BENCHMARK(BM_FlexWeekLpHourly)->Unit(benchmark::kMillisecond);

void BM_FlexResimulateDay(benchmark::State& state) {
  core::Diagnostics d;
  io::ValueSet user;
  io::read_case_text("[case]\ntechnology = \"AP40\"\n", "<bench>", flex::flex_schema(), user, d);
  const auto catalogue = cell::TechnologyCatalogue::load(cell::default_data_dir() + "/technologies.toml", d);
  const auto emissions = plant::EmissionData::load(cell::default_data_dir(), d);
  auto c = flex::build_flex_case(user, catalogue, emissions, "", d);
  if (!c) {
    state.SkipWithError(d.to_string().c_str());
    return;
  }
  // The argument: flex.simulated_cells (1: one representative cell, the target; 8: the
  // default since 2026-12-06, docs/model/flexibility.md §4).
  c->dispatch.simulated_cells = static_cast<int>(state.range(0));
  const auto m = bench_model(900);
  std::vector<double> shares(96, 1.0);
  for (std::size_t k = 40; k < 60; ++k) shares[k] = 0.95;
  for (auto _ : state) benchmark::DoNotOptimize(flex::resimulate(*c, m, shares, 900, flex::case_bounds(*c)));
}
BENCHMARK(BM_FlexResimulateDay)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace
