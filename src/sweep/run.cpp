// Evaluating and running a sweep (see run.hpp).
#include "potline/sweep/run.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include "potline/market/trade.hpp"

namespace potline::sweep {
namespace {
constexpr double kMt = plant::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = plant::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                            // USD/kg -> USD/t
}  // namespace

SampleResult evaluate_sample(const SweepSpec& spec, int scenario, std::int64_t k) {
  const Scenario& sc = spec.scenarios[static_cast<std::size_t>(scenario)];
  const fleet::FleetCase& c = sc.fleet;
  const fleet::FleetModel& m = c.model;
  const auto& regions = m.regions.regions;
  const std::size_t nr = regions.size();
  SampleResult out;
  out.scenario = sc.name;
  out.sample = k;
  auto& rows = out.rows;
  rows.reserve(16 + spec.inputs.size() + 5 * nr + (spec.store_smelters ? 2 * m.smelters.size() : 0));

  // ---- inputs on top of the scenario's levers
  const std::vector<double> x = draw_inputs(spec, scenario, k);
  fleet::Shocks shocks = c.shocks;
  std::vector<double> demand_factor(nr, 1.0);
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    const UncertainInput& u = spec.inputs[i];
    rows.push_back({"input", u.name, x[i] / u.si_per_unit});
    for (std::size_t r = 0; r < nr; ++r) {
      if (u.region >= 0 && static_cast<std::size_t>(u.region) != r) continue;
      switch (u.parameter) {
        case Parameter::kPowerFactor: shocks.power_factor[r] *= x[i]; break;
        case Parameter::kPowerAdder: shocks.power_adder_usd_per_J[r] += x[i]; break;
        case Parameter::kCarbonPrice: shocks.carbon_usd_per_kg_co2[r] = x[i]; break;
        case Parameter::kDemandFactor: demand_factor[r] *= x[i]; break;
        case Parameter::kAluminaFactor: break;
      }
    }
    if (u.parameter == Parameter::kAluminaFactor) shocks.alumina_factor *= x[i];
  }

  // ---- fleet (cost curve) and market (trade LP)
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(m, shocks, e);
  market::TradeProblem p = fleet::trade_problem(c, e);
  double demand = 0;
  for (std::size_t r = 0; r < nr; ++r) {
    p.demand_kg_per_s[r] *= demand_factor[r];
    demand += p.demand_kg_per_s[r];
  }
  double capacity = 0, under_water = 0;
  for (const auto& s : e) {
    capacity += s.capacity_kg_per_s;
    if (s.c1_usd_per_kg > s.price_usd_per_kg) under_water += s.capacity_kg_per_s;
  }
  std::vector<double> production(e.size(), 0.0), price(nr, 0.0);
  std::vector<std::vector<double>> flows(nr, std::vector<double>(nr, 0.0));
  bool feasible = true;
  double marginal = 0;
  if (c.solve_market) {
    market::TradeSolution s = market::solve(p);
    feasible = s.feasible;
    if (feasible) {
      production = std::move(s.production_kg_per_s);
      price = std::move(s.price_usd_per_kg);
      flows = std::move(s.flow_kg_per_s);
    }
  } else {
    const auto curve = fleet::cost_curve(e);
    double left = demand;
    for (const auto& pt : curve) {
      const double take = std::min(left, pt.capacity_kg_per_s);
      production[static_cast<std::size_t>(pt.smelter)] = take;
      left -= take;
    }
    feasible = left <= 1e-12 * std::max(1.0, demand);
    if (feasible) std::fill(price.begin(), price.end(), fleet::marginal_cost(curve, demand));
  }
  double produced = 0, emissions = 0;
  std::vector<double> cap_r(nr, 0.0), prod_r(nr, 0.0);
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto r = static_cast<std::size_t>(m.smelters[i].region);
    cap_r[r] += e[i].capacity_kg_per_s;
    prod_r[r] += production[i];
    produced += production[i];
    emissions += production[i] * e[i].total_co2e_kg_per_kg;
    if (production[i] > 1e-9) marginal = std::max(marginal, e[i].c1_usd_per_kg);
  }
  rows.push_back({"world", "market_feasible", feasible ? 1.0 : 0.0});
  rows.push_back({"world", "capacity_Mt", capacity * kMt});
  rows.push_back({"world", "demand_Mt", demand * kMt});
  rows.push_back({"world", "under_water_Mt", under_water * kMt});
  if (feasible) {
    rows.push_back({"world", "production_Mt", produced * kMt});
    rows.push_back({"world", "curtailed_Mt", (capacity - produced) * kMt});
    rows.push_back({"world", "marginal_cost_usd_per_t", marginal * kT});
    rows.push_back({"world", "emissions_Mt_co2e", emissions * plant::kSecondsPerYear / 1e9});
    for (std::size_t r = 0; r < nr; ++r) {
      double imports = 0, exports = 0, consumption = 0;
      for (std::size_t s = 0; s < nr; ++s) {
        consumption += flows[s][r];  // home supply included
        if (s == r) continue;
        imports += flows[s][r];
        exports += flows[r][s];
      }
      const std::string entity = "region:" + regions[r].id;
      rows.push_back({entity, "price_usd_per_t", price[r] * kT});
      rows.push_back({entity, "production_Mt", prod_r[r] * kMt});
      rows.push_back({entity, "curtailed_Mt", (cap_r[r] - prod_r[r]) * kMt});
      rows.push_back({entity, "imports_Mt", imports * kMt});
      rows.push_back({entity, "exports_Mt", exports * kMt});
      if (c.solve_market) rows.push_back({entity, "consumption_Mt", consumption * kMt});
    }
  }
  if (spec.store_smelters) {
    for (std::size_t i = 0; i < e.size(); ++i) {
      const std::string entity = "smelter:" + m.smelters[i].record.id;
      rows.push_back({entity, "c1_usd_per_t", e[i].c1_usd_per_kg * kT});
      if (feasible) rows.push_back({entity, "production_kt", production[i] * kKt});
    }
  }
  return out;
}

RunSummary run_sweep(const SweepSpec& spec, ResultStore& store, const RunOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  RunSummary summary;
  const auto done = store.finished();
  std::vector<std::pair<int, std::int64_t>> todo;
  std::int64_t index = 0;
  // Sample-major order: sample k of every scenario before sample k+1, so a partial sweep has
  // comparable scenarios.
  for (std::int64_t k = 0; k < spec.samples; ++k) {
    for (std::size_t s = 0; s < spec.scenarios.size(); ++s, ++index) {
      if (index % o.ranks != o.rank) continue;
      ++summary.total;
      if (done.count({spec.scenarios[s].name, k}) || o.also_done.count({spec.scenarios[s].name, k})) ++summary.skipped;
      else todo.emplace_back(static_cast<int>(s), k);
    }
  }
  if (o.limit >= 0 && static_cast<std::int64_t>(todo.size()) > o.limit) todo.resize(static_cast<std::size_t>(o.limit));
  const int threads = o.threads > 0 ? o.threads : tbb::this_task_arena::max_concurrency();
  const std::size_t batch = o.batch > 0 ? static_cast<std::size_t>(o.batch) : static_cast<std::size_t>(32 * threads);
  tbb::task_arena arena(threads);
  // Batch k is written to the store by a second thread while batch k+1 is computed (SQLite's
  // commits otherwise leave the cores idle). One write at a time, in batch order; a sample
  // computed but not yet written when the run is interrupted is simply computed again on resume.
  std::vector<SampleResult> computing, writing;
  std::thread writer;
  std::exception_ptr write_error;
  std::int64_t written = 0;
  const auto finish_write = [&] {
    if (writer.joinable()) writer.join();
    if (write_error) std::rethrow_exception(write_error);
  };
  if (o.progress) o.progress(summary.skipped, summary.total);
  try {
    for (std::size_t first = 0; first < todo.size(); first += batch) {
      const std::size_t n = std::min(batch, todo.size() - first);
      computing.assign(n, SampleResult{});
      arena.execute([&] {
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
          computing[i] = evaluate_sample(spec, todo[first + i].first, todo[first + i].second);
        });
      });
      finish_write();
      if (!writing.empty()) {
        written += static_cast<std::int64_t>(writing.size());
        if (o.progress) o.progress(summary.skipped + written, summary.total);
      }
      std::swap(computing, writing);
      writer = std::thread([&] {
        try {
          store.write(writing);
        } catch (...) {
          write_error = std::current_exception();
        }
      });
    }
    finish_write();
  } catch (...) {
    if (writer.joinable()) writer.join();
    throw;
  }
  written += static_cast<std::int64_t>(writing.size());
  summary.computed = written;
  if (o.progress && !writing.empty()) o.progress(summary.skipped + written, summary.total);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace potline::sweep
