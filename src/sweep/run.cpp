// Evaluating and running a sweep (see run.hpp).
#include "potline/sweep/run.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <exception>
#include <thread>

#include "potline/core/constants.hpp"
#include "potline/fleet/solve.hpp"

namespace potline::sweep {
namespace {
constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
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
        case Parameter::kAluminaFactor:
        case Parameter::kEuaPrice: break;
      }
    }
    if (u.parameter == Parameter::kAluminaFactor) shocks.alumina_factor *= x[i];
    if (u.parameter == Parameter::kEuaPrice) shocks.eua_eur_per_t = x[i];
  }

  // ---- fleet and market: the one fleet solve (an infeasible market is stored as market_feasible = 0)
  fleet::SolveOptions options;
  options.details = false;
  options.start_basis = sc.lp_basis.empty() ? nullptr : &sc.lp_basis;
  const fleet::FleetResult f = fleet::solve(c, shocks, demand_factor, options);
  rows.push_back({"world", "market_feasible", f.feasible ? 1.0 : 0.0});
  rows.push_back({"world", "capacity_Mt", f.capacity_kg_per_s * kMt});
  rows.push_back({"world", "demand_Mt", f.demand_total_kg_per_s * kMt});
  rows.push_back({"world", "under_water_Mt", f.under_water_capacity_kg_per_s * kMt});
  if (f.feasible) {
    rows.push_back({"world", "production_Mt", f.production_total_kg_per_s * kMt});
    rows.push_back({"world", "curtailed_Mt", (f.capacity_kg_per_s - f.production_total_kg_per_s) * kMt});
    rows.push_back({"world", "marginal_cost_usd_per_t", f.marginal_cost_usd_per_kg * kT});
    rows.push_back({"world", "world_price_usd_per_t", f.world_price_usd_per_kg * kT});
    rows.push_back({"world", "emissions_Mt_co2e", f.emissions_kg_co2e_per_s * constants::kSecondsPerYear / 1e9});
    for (std::size_t r = 0; r < nr; ++r) {
      const fleet::RegionTrade t = fleet::region_trade(f, r);
      const std::string entity = "region:" + regions[r].id;
      rows.push_back({entity, "price_usd_per_t", f.price_usd_per_kg[r] * kT});
      rows.push_back({entity, "production_Mt", f.production_by_region_kg_per_s[r] * kMt});
      rows.push_back({entity, "curtailed_Mt", (f.capacity_by_region_kg_per_s[r] - f.production_by_region_kg_per_s[r]) * kMt});
      rows.push_back({entity, "imports_Mt", t.imports_kg_per_s * kMt});
      rows.push_back({entity, "exports_Mt", t.exports_kg_per_s * kMt});
      if (f.market_solved) rows.push_back({entity, "consumption_Mt", f.consumption_kg_per_s[r] * kMt});
    }
    // The LP's shadow price of each [[cap]] and [[flow_limit]] (0: it does not bind), as the fleet
    // summary's cap_shadow_price_usd_per_t and flow_limit_shadow_price_usd_per_t (user trial T12-3).
    const std::size_t caps = c.caps.size();
    for (std::size_t k = 0; f.market_solved && k < caps + c.flow_limits.size() && k < f.cap_shadow_usd_per_kg.size(); ++k) {
      rows.push_back({k < caps ? "cap:" + c.caps[k].name : "flow_limit:" + c.flow_limits[k - caps].name,
                      "shadow_price_usd_per_t", f.cap_shadow_usd_per_kg[k] * kT});
    }
  }
  if (spec.store_smelters) {
    for (std::size_t i = 0; i < f.smelters.size(); ++i) {
      const std::string entity = "smelter:" + m.smelters[i].record.id;
      rows.push_back({entity, "c1_usd_per_t", f.smelters[i].c1_usd_per_kg * kT});
      if (f.feasible) rows.push_back({entity, "production_kt", f.production_kg_per_s[i] * kKt});
    }
  }
  return out;
}

namespace {

// Finished samples (in the store or elsewhere) that belong to this sweep and to this rank's share.
std::int64_t count_done_in_share(const SweepSpec& spec, const std::set<std::pair<std::string, std::int64_t>>& done,
                                 const std::set<std::pair<std::string, std::int64_t>>& also_done, int rank, int ranks) {
  std::map<std::string, std::int64_t> scenario_index;
  for (std::size_t s = 0; s < spec.scenarios.size(); ++s) scenario_index[spec.scenarios[s].name] = static_cast<std::int64_t>(s);
  const auto scenarios = static_cast<std::int64_t>(spec.scenarios.size());
  std::int64_t count = 0;
  const auto counts = [&](const std::pair<std::string, std::int64_t>& x) {
    const auto it = scenario_index.find(x.first);
    return it != scenario_index.end() && x.second >= 0 && x.second < spec.samples &&
           (x.second * scenarios + it->second) % ranks == rank;
  };
  for (const auto& x : done) count += counts(x) ? 1 : 0;
  for (const auto& x : also_done) count += counts(x) && done.count(x) == 0 ? 1 : 0;
  return count;
}

}  // namespace

RunSummary run_sweep(const SweepSpec& spec, ResultStore& store, const RunOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  RunSummary summary;
  const auto done = store.finished();
  // Sample-major order: sample k of every scenario before sample k+1, so a partial sweep has
  // comparable scenarios. The samples to compute are visited lazily, batch by batch, so memory
  // grows with the batch and the stored samples, never with the declared sample count.
  const auto scenarios = static_cast<std::int64_t>(spec.scenarios.size());
  const std::int64_t all = spec.samples * scenarios;
  const auto is_done = [&](std::int64_t index) {
    const std::pair<std::string, std::int64_t> key{spec.scenarios[static_cast<std::size_t>(index % scenarios)].name,
                                                   index / scenarios};
    return done.count(key) > 0 || o.also_done.count(key) > 0;
  };
  const auto mine = [&](std::int64_t index) { return index % o.ranks == o.rank; };
  summary.total = all / o.ranks + (o.rank < all % o.ranks ? 1 : 0);
  summary.skipped = count_done_in_share(spec, done, o.also_done, o.rank, o.ranks);
  std::int64_t cursor = 0;
  std::int64_t left = o.limit >= 0 ? o.limit : all;
  std::vector<std::pair<int, std::int64_t>> todo;
  const auto next_batch = [&](std::size_t size) {
    todo.clear();
    for (; cursor < all && left > 0 && todo.size() < size; ++cursor) {
      if (!mine(cursor) || is_done(cursor)) continue;
      todo.emplace_back(static_cast<int>(cursor % scenarios), cursor / scenarios);
      --left;
    }
    return todo.size();
  };
  const int threads = o.threads > 0 ? o.threads : tbb::this_task_arena::max_concurrency();
  const std::size_t batch = o.batch > 0 ? static_cast<std::size_t>(o.batch) : static_cast<std::size_t>(32 * threads);
  // More workers than the machine runs at once add nothing, and TBB said so on stderr ("TBB Warning:
  // The number of workers is currently limited to 1. The request for 998 workers is ignored") for
  // `--threads 999` on two cores. The batch keeps the requested size: results do not depend on either.
  tbb::task_arena arena(std::min(threads, tbb::this_task_arena::max_concurrency()));
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
    for (std::size_t n = next_batch(batch); n > 0; n = next_batch(batch)) {
      computing.assign(n, SampleResult{});
      arena.execute([&] {
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
          computing[i] = evaluate_sample(spec, todo[i].first, todo[i].second);
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
