// potline sweep in the library (see sweep_command.hpp); moved from app/cmd_sweep.cpp so that the
// Python API runs the same code.
#include "potline/api/sweep_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace potline::api {

SweepInput load_sweep(const CaseSource& source) {
  core::Diagnostics d;
  SweepInput in;
  const std::string dir = source.data();
  in.data = std::make_unique<plant::SmelterData>(plant::SmelterData::load(dir, d));
  if (d.has_errors()) throw core::InputError(d);
  in.file = source.name();
  in.spec = source.text ? sweep::parse_sweep(*source.text, source.display_name, source.base_dir(),
                                             dir, *in.data, d, source.sets)
                        : sweep::load_sweep(source.path, dir, *in.data, d, source.sets);
  in.warnings = d.warning_messages();
  return in;
}

std::string sweep_part_path(const std::string& out, int rank) {
  return fmt::format("{}.rank{}.part", out, rank);
}

namespace {

// The sample count is not part of the sweep's hash, so that raising it extends a store. Lowering it
// below what a store holds would report a "complete" sweep with more samples stored than declared,
// and analyses of the store would mix both: refused.
void refuse_fewer_samples(const sweep::ResultStore& store, const sweep::SweepSpec& spec,
                          const std::string& sweep_file) {
  const std::int64_t last = store.max_sample();
  if (last < spec.samples) return;
  core::Diagnostics d;
  d.error(
      {sweep_file, 0, 0}, "sweep.samples",
      fmt::format(
          "{} samples per scenario, but the results file {} already holds {} (samples 0..{}): give "
          "samples = {} or more to resume or extend it, or a new --out path",
          spec.samples, store.path(), last + 1, last, last + 1));
  throw core::InputError(d);
}

}  // namespace

std::unique_ptr<sweep::ResultStore> open_sweep_store(const std::string& out,
                                                     const SweepInput& input,
                                                     const sweep::StoreProvenance* provenance,
                                                     bool force) {
  auto store = std::make_unique<sweep::ResultStore>(out, input.spec.hash, input.spec.title,
                                                    provenance, force);
  store->claim();
  for (int r = 1; r < 1024; ++r) {
    const std::string part = sweep_part_path(out, r);
    if (!std::filesystem::exists(part)) continue;
    store->merge_from(part);
    std::filesystem::remove(part);
  }
  refuse_fewer_samples(*store, input.spec, input.file);
  return store;
}

io::Json same_results_json(const std::vector<sweep::SameResults>& same) {
  io::Json out = io::Json::array();
  for (const auto& s : same) {
    out.push_back({{"scenario", s.scenario},
                   {"same_as", s.same_as},
                   {"identical_samples", s.identical_samples},
                   {"samples_compared", s.samples_compared},
                   {"changes_nothing", s.identical_samples == s.samples_compared},
                   {"largest_difference", s.differs_metric.empty()
                                              ? io::Json(nullptr)
                                              : io::Json{{"entity", s.differs_entity},
                                                         {"metric", s.differs_metric},
                                                         {"sample", s.differs_sample},
                                                         {"value", s.differs_value},
                                                         {"same_as_value", s.differs_same_as_value}}}});
  }
  return out;
}

std::vector<std::string> same_results_lines(const std::vector<sweep::SameResults>& same,
                                            const std::vector<sweep::SameResults>& same_outcome) {
  constexpr const char* kOutcomeTolerance = " (within 0.5 USD/t and 1 kt/yr)";
  std::vector<std::string> lines;
  for (const auto& s : same) {
    const std::string head = fmt::format("{}: the same results as {} in ", s.scenario, s.same_as);
    if (s.identical_samples == s.samples_compared) {
      lines.push_back(fmt::format("{}all {} samples compared: its levers change nothing here (they bind nowhere)", head,
                                  s.samples_compared));
      continue;
    }
    const bool outcome_line = std::any_of(same_outcome.begin(), same_outcome.end(),
                                          [&](const sweep::SameResults& o) { return o.scenario == s.scenario; });
    // Without a prices-and-production line of its own, those differ exactly where the results do.
    const std::string differs =
        s.differs_metric.empty() ? std::string()
                                 : fmt::format("; the others differ most in {} {}, {:.6g} against {:.6g} (sample {})",
                                               s.differs_entity, s.differs_metric, s.differs_value,
                                               s.differs_same_as_value, s.differs_sample);
    lines.push_back(fmt::format("{}{} of {} samples compared (every stored row within 1e-9 relative){}{}", head,
                                s.identical_samples, s.samples_compared, differs,
                                outcome_line ? ": whether its levers bind, see its prices and production"
                                             : ": its levers bind only in the others (prices or production differ)"));
  }
  for (const auto& s : same_outcome) {
    const std::string head = fmt::format("{}: the same prices and production as {} in ", s.scenario, s.same_as);
    lines.push_back(s.identical_samples == s.samples_compared
                        ? fmt::format("{}all {} samples compared{}: its levers move costs, not prices or output (they "
                                      "do not bind)",
                                      head, s.samples_compared, kOutcomeTolerance)
                        : fmt::format("{}{} of {} samples compared{}: its levers bind only in the others", head,
                                      s.identical_samples, s.samples_compared, kOutcomeTolerance));
  }
  return lines;
}

io::Json limits_json(const std::vector<sweep::LimitFacts>& limits) {
  io::Json out = io::Json::array();
  for (const auto& f : limits) {
    io::Json j = {{"scenario", f.scenario}, {"kind", f.kind},          {"name", f.name},
                  {"where", f.where},       {"limit_Mt", f.limit_Mt},  {"samples", f.samples},
                  {"binding_samples", f.binding}, {"binds_in_no_sample", f.binding == 0}};
    j["shadow_price_p10_usd_per_t"] = f.shadow_p10;
    j["shadow_price_p50_usd_per_t"] = f.shadow_p50;
    j["shadow_price_p90_usd_per_t"] = f.shadow_p90;
    if (f.kind == "cap") {
      j["region_production_p50_Mt"] = f.production_p50_Mt;
      j["region_production_max_Mt"] = f.production_max_Mt;
    }
    out.push_back(j);
  }
  return out;
}

io::Json scarcity_json(const std::vector<sweep::ScarcityFacts>& scarcity) {
  io::Json out = io::Json::array();
  for (const auto& f : scarcity) {
    out.push_back({{"scenario", f.scenario},
                   {"samples", f.samples},
                   {"short_samples", f.short_samples},
                   {"worst_demand_Mt", f.worst_demand_Mt},
                   {"worst_capacity_Mt", f.worst_capacity_Mt}});
  }
  return out;
}

io::Json sweep_summary_json(const sweep::SweepSpec& spec, const SweepRunFacts& f) {
  const std::int64_t expected = spec.samples * static_cast<std::int64_t>(spec.scenarios.size());
  io::Json j;
  j["store"] = f.out;
  j["sweep_hash"] = spec.hash;
  j["scenarios"] = spec.scenarios.size();
  j["samples_per_scenario"] = spec.samples;
  j["samples_total"] = expected;
  j["samples_stored"] = f.stored;
  j["samples_computed_rank0"] = f.summary.computed;
  j["samples_merged_from_ranks"] = f.merged;
  j["samples_skipped"] = f.summary.skipped;
  j["complete"] = static_cast<std::int64_t>(f.stored) >= expected;
  j["threads"] = f.threads;
  j["ranks"] = f.ranks;
  j["mpi_built"] = false;  // the library is built without MPI; the CLI sets it when it has it
  j["seconds"] = f.summary.seconds;
  j["samples_per_s"] =
      f.summary.seconds > 0 ? static_cast<double>(f.summary.computed) / f.summary.seconds : 0.0;
  return j;
}

SweepRun sweep_run_result(const sweep::SweepSpec& spec, const SweepRunFacts& facts) {
  SweepRun run;
  run.summary = sweep_summary_json(spec, facts);
  run.table = sweep::read_results(facts.out);
  run.same = sweep::same_results(run.table);
  run.summary["same_results"] = same_results_json(run.same);
  // Levers that move costs but no price or output (T12-3): not those already the same in every row.
  for (const sweep::SameResults& s : sweep::same_prices_and_production(run.table)) {
    const bool reported = std::any_of(run.same.begin(), run.same.end(), [&](const sweep::SameResults& x) {
      return x.scenario == s.scenario && x.same_as == s.same_as && x.identical_samples == s.identical_samples;
    });
    if (!reported) run.same_outcome.push_back(s);
  }
  run.summary["same_prices_and_production"] = same_results_json(run.same_outcome);
  run.limits = sweep::limit_facts(spec, run.table);
  run.scarcity = sweep::scarcity_facts(run.table);
  run.summary["limits"] = limits_json(run.limits);
  run.summary["scarcity"] = scarcity_json(run.scarcity);
  return run;
}

SweepRun run_sweep_file(const SweepInput& input, const std::string& out, int threads,
                        std::int64_t limit,
                        const std::function<void(std::int64_t, std::int64_t)>& progress,
                        const sweep::StoreProvenance* provenance, bool force) {
  SweepRunFacts facts;
  facts.out = out;
  facts.threads = threads;
  std::vector<std::string> store_warnings;
  {
    const std::unique_ptr<sweep::ResultStore> store =
        open_sweep_store(out, input, provenance, force);
    store_warnings = store->warnings();
    sweep::RunOptions ro;
    ro.threads = threads;
    ro.limit = limit;
    ro.progress = progress;
    facts.summary = sweep::run_sweep(input.spec, *store, ro);
    facts.stored = store->finished().size();
  }
  SweepRun run = sweep_run_result(input.spec, facts);
  run.store_warnings = std::move(store_warnings);
  return run;
}

}  // namespace potline::api
