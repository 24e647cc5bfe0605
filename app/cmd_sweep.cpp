// potline sweep SWEEP.toml --out results.sqlite [--threads N] [--limit N] [--json]
// Scenarios and Monte Carlo over the world fleet (docs/model/sweep.md), parallel over samples with
// TBB and, under `mpirun -np N`, across processes; results in one SQLite long table
// (docs/cli.md, "potline sweep"). Re-running with the same file and store resumes: finished samples are
// skipped. Progress on stderr.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "potline/io/json_output.hpp"
#include "potline/api/sweep_command.hpp"
#include "run_folder.hpp"

#ifdef POTLINE_HAVE_MPI
#define OMPI_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace potline::app {
namespace {

struct SweepOptions {
  std::string sweep_file;
  std::string out;
  std::vector<std::string> sets;
  int threads = 0;
  std::int64_t limit = -1;
  bool json = false;
  bool quiet = false;
  bool force = false;  ///< resume a store written by another program commit
};

// MPI only when started by mpirun (OpenMPI sets OMPI_COMM_WORLD_SIZE; PMI_SIZE for others).
struct MpiSession {
  int rank = 0, size = 1;
  bool active = false;
  MpiSession() {
#ifdef POTLINE_HAVE_MPI
    if (std::getenv("OMPI_COMM_WORLD_SIZE") == nullptr && std::getenv("PMI_SIZE") == nullptr) return;
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) MPI_Init(nullptr, nullptr);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    active = true;
#endif
  }
  ~MpiSession() {
#ifdef POTLINE_HAVE_MPI
    if (active) MPI_Finalize();
#endif
  }
  int broadcast(int value) const {
#ifdef POTLINE_HAVE_MPI
    if (active) MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
#endif
    return value;
  }
  void barrier() const {
#ifdef POTLINE_HAVE_MPI
    if (active) MPI_Barrier(MPI_COMM_WORLD);
#endif
  }
  [[noreturn]] void abort(int code) const {
#ifdef POTLINE_HAVE_MPI
    if (active) MPI_Abort(MPI_COMM_WORLD, code);
#endif
    std::exit(code);
  }
};

class Progress {
 public:
  Progress(bool quiet, std::string prefix) : quiet_(quiet), tty_(isatty(STDERR_FILENO) != 0), prefix_(std::move(prefix)) {}
  void operator()(std::int64_t done, std::int64_t total) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const double t = std::chrono::duration<double>(now - start_).count();
    if (first_) { first_ = false; start_done_ = done; }
    const bool last = done >= total;
    if (!tty_ && !last && t - last_print_ < 2.0) return;
    last_print_ = t;
    const double rate = t > 0 ? static_cast<double>(done - start_done_) / t : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
    std::cerr << fmt::format("{}sweep{}: {}/{} samples ({:.1f} %), {:.0f} samples/s, ETA {:.0f} s{}", tty_ ? "\r" : "",
                             prefix_, done, total, total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0,
                             rate, eta, (tty_ && !last) ? "" : "\n");
    std::cerr.flush();
  }

 private:
  bool quiet_, tty_;
  std::string prefix_;
  bool first_ = true;
  std::int64_t start_done_ = 0;
  double last_print_ = -1e9;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Rank 0 owns the store: it checks it (a foreign or corrupted file is refused, exit 2 on every
// rank) and first merges parts left by an interrupted distributed run. An input error is thrown
// after status 2 is broadcast to the other ranks; 0 otherwise.
int open_store(const SweepOptions& o, const api::SweepInput& input, const MpiSession& mpi,
               std::unique_ptr<sweep::ResultStore>& store) {
  try {
    const sweep::StoreProvenance provenance =
        sweep::provenance_of(o.sweep_file, input.spec.input_files, input.spec.seed, o.sets, utc_now());
    store = api::open_sweep_store(o.out, input, &provenance, o.force);
    for (const auto& w : store->warnings()) std::cerr << "warning: " << w << "\n";
  } catch (const core::InputError&) {
    if (mpi.size == 1) throw;
    int status = 2;
    mpi.broadcast(status);
    throw;
  }
  return 0;
}

// The spread of a few headline results per scenario, so a text run answers "what range?" without
// a report or Python (docs/cli.md, potline sweep): P50 [P10–P90] over the stored samples, by linear
// interpolation between order statistics (sweep::quantile: Hyndman & Fan type 7, numpy's default).
using sweep::quantile;

void print_ranges(const sweep::ResultTable& t) {
  struct Column {
    const char* entity;
    const char* metric;
    const char* header;
  };
  const Column columns[] = {{"world", "world_price_usd_per_t", "world price USD/t"},
                            {"world", "marginal_cost_usd_per_t", "marginal C1 USD/t"},
                            {"region:usa", "price_usd_per_t", "US price USD/t"},
                            {"region:europe", "price_usd_per_t", "Europe price USD/t"},
                            {"world", "production_Mt", "production Mt/yr"},
                            {"world", "emissions_Mt_co2e", "emissions Mt CO2e"}};
  std::vector<std::string> order;
  std::map<std::string, std::map<std::size_t, std::vector<double>>> values;  // scenario -> column -> samples
  for (std::size_t i = 0; i < t.value.size(); ++i) {
    for (std::size_t c = 0; c < std::size(columns); ++c) {
      if (t.entity[i] != columns[c].entity || t.metric[i] != columns[c].metric) continue;
      if (!values.count(t.scenario[i])) order.push_back(t.scenario[i]);
      values[t.scenario[i]][c].push_back(t.value[i]);
    }
  }
  if (order.empty()) return;
  std::cout << "  P50 [P10-P90] over the samples:\n";
  std::cout << fmt::format("  {:<20}", "scenario");
  for (const auto& c : columns) std::cout << fmt::format(" {:>20}", c.header);
  std::cout << "\n";
  for (const auto& name : order) {
    std::cout << fmt::format("  {:<20}", name);
    for (std::size_t c = 0; c < std::size(columns); ++c) {
      const auto it = values[name].find(c);
      if (it == values[name].end() || it->second.empty()) {
        std::cout << fmt::format(" {:>20}", "-");
        continue;
      }
      const int digits = std::string(columns[c].metric).find("_Mt") != std::string::npos ? 1 : 0;
      std::cout << fmt::format(" {:>20}", fmt::format("{:.{}f} [{:.{}f}-{:.{}f}]", quantile(it->second, 0.5), digits,
                                                      quantile(it->second, 0.1), digits, quantile(it->second, 0.9),
                                                      digits));
    }
    std::cout << "\n";
  }
}

// Each scenario's caps and flow limits over its samples (T12-3): whether each binds, in how many
// samples and at what shadow price, as `potline fleet` prints "binding limits" for one solve; a cap
// that binds in no sample says so, with its region's output beside it.
void print_limits(const std::vector<sweep::LimitFacts>& limits) {
  if (limits.empty()) return;
  std::cout << fmt::format("  caps and flow limits (binding: shadow price >= {} USD/t, the value of one more tonne "
                           "through it):\n",
                           sweep::kBindingShadow_usd_per_t);
  const auto head = [](const sweep::LimitFacts& f) {
    return fmt::format("{} {} ({}, {:.2f} Mt/yr)", f.kind == "cap" ? "cap" : "flow limit", f.name, f.where, f.limit_Mt);
  };
  // A limit that binds in no sample of any scenario: one line for all of them.
  std::map<std::string, std::vector<const sweep::LimitFacts*>> by_limit;
  std::vector<std::string> order;
  for (const auto& f : limits) {
    const std::string key = f.kind + ":" + f.name;
    if (!by_limit.count(key)) order.push_back(key);
    by_limit[key].push_back(&f);
  }
  for (const std::string& key : order) {
    const auto& all = by_limit[key];
    const bool never = std::all_of(all.begin(), all.end(), [](const auto* f) { return f->samples > 0 && f->binding == 0; });
    if (never && all.size() > 1) {
      std::int64_t samples = 0;
      double most = 0;
      for (const auto* f : all) {
        samples += f->samples;
        most = std::max(most, f->production_max_Mt);
      }
      std::string line = fmt::format("  {:<20} {}: does not bind in any of the {} samples of the {} scenarios",
                                     "every scenario", head(*all.front()), samples, all.size());
      if (all.front()->kind == "cap") line += fmt::format("; {} production at most {:.2f} Mt/yr", all.front()->where, most);
      std::cout << line << "\n";
      continue;
    }
    for (const auto* f : all) {
      std::string line = fmt::format("  {:<20} {}: ", f->scenario, head(*f));
      if (f->samples == 0) {
        line += "no sample with a solved market";
      } else if (f->binding == 0) {
        line += fmt::format("does not bind in any of the {} samples", f->samples);
      } else {
        line += fmt::format("binds in {} of {} samples, shadow price P50 {:.0f} [P10-P90 {:.0f}-{:.0f}] USD/t (of the "
                            "binding samples)",
                            f->binding, f->samples, f->shadow_p50, f->shadow_p10, f->shadow_p90);
      }
      if (f->kind == "cap" && f->samples > 0)
        line += fmt::format("; {} production P50 {:.2f}, at most {:.2f} Mt/yr", f->where, f->production_p50_Mt,
                            f->production_max_Mt);
      std::cout << line << "\n";
    }
  }
}

// Samples whose demand at the reference prices exceeds the capacity (T12-3), as `potline fleet`
// says for one solve: their prices ration demand, they are not set by a marginal smelter's cost.
void print_scarcity(const std::vector<sweep::ScarcityFacts>& scarcity) {
  if (scarcity.empty()) {
    std::cout << fmt::format("  scarcity: in no sample does demand at the reference prices exceed the capacity by more "
                             "than {:.0f} % (prices set by the marginal smelters, not by rationing)\n",
                             100 * sweep::kScarcityShare);
    return;
  }
  for (const auto& f : scarcity) {
    std::cout << fmt::format("  {}: demand at the reference prices exceeds the capacity by more than {:.0f} % in {} of {} "
                             "samples (up to {:.2f} against {:.2f} Mt/yr): their prices ration demand (scarcity prices, "
                             "not a marginal smelter's cost, not a forecast); projects without a dated decision are not "
                             "in the pipeline (docs/model/fleet.md, Known limits)\n",
                             f.scenario, 100 * sweep::kScarcityShare, f.short_samples, f.samples, f.worst_demand_Mt,
                             f.worst_capacity_Mt);
  }
}

int run_sweep_command(const SweepOptions& o, const GlobalOptions& global, const MpiSession& mpi) {
  const api::SweepInput input = api::load_sweep({o.sweep_file, std::nullopt, "", o.sets, data_dir(global)});
  const sweep::SweepSpec& spec = input.spec;
  if (mpi.rank == 0 && !o.quiet) {
    for (const auto& w : input.warnings) std::cerr << "warning: " << w << "\n";
  }

  std::unique_ptr<sweep::ResultStore> store;
  int status = mpi.rank == 0 ? open_store(o, input, mpi, store) : 0;
  status = mpi.broadcast(status);
  if (status != 0) return status;  // other ranks: rank 0 printed the reason

  sweep::RunOptions ro;
  ro.threads = o.threads;
  ro.rank = mpi.rank;
  ro.ranks = mpi.size;
  ro.limit = o.limit;
  Progress progress(o.quiet, mpi.size > 1 ? fmt::format(" [rank {}/{}]", mpi.rank, mpi.size) : std::string());
  ro.progress = [&](std::int64_t done, std::int64_t total) { progress(done, total); };
  sweep::RunSummary summary;
  std::int64_t merged = 0;
  try {
    if (mpi.rank == 0) {
      summary = sweep::run_sweep(spec, *store, ro);
    } else {
      {
        const sweep::ResultStore main_store(o.out, spec.hash, spec.title);
        ro.also_done = main_store.finished();
      }
      sweep::ResultStore part(api::sweep_part_path(o.out, mpi.rank), spec.hash, spec.title);
      summary = sweep::run_sweep(spec, part, ro);
    }
    mpi.barrier();
    if (mpi.rank == 0) {
      for (int r = 1; r < mpi.size; ++r) {
        const std::string part = api::sweep_part_path(o.out, r);
        if (!std::filesystem::exists(part)) continue;
        merged += store->merge_from(part);
        std::filesystem::remove(part);
      }
    }
  } catch (const std::exception& e) {
    if (mpi.size == 1) throw;
    std::cerr << fmt::format("potline: rank {}: run-time failure: {}\n", mpi.rank, e.what());
    mpi.abort(1);
  }
  if (mpi.rank != 0) return 0;

  const auto finished = store->finished();
  const std::int64_t expected = spec.samples * static_cast<std::int64_t>(spec.scenarios.size());
  api::SweepRun run = api::sweep_run_result(spec, {o.out, o.threads, mpi.size, summary, merged, finished.size()});
#ifdef POTLINE_HAVE_MPI
  run.summary["mpi_built"] = true;
#endif
  if (o.json) {
    std::cout << io::dump(run.summary);
  } else {
    std::cout << fmt::format("{}\n  {} scenarios x {} samples: {} of {} stored in {} ({} computed here, {} merged from "
                             "other ranks, {} skipped as already stored), {:.1f} s\n",
                             spec.title, spec.scenarios.size(), spec.samples, finished.size(), expected, o.out,
                             summary.computed, merged, summary.skipped, summary.seconds);
    print_ranges(run.table);
    for (const auto& line : api::same_results_lines(run.same, run.same_outcome)) std::cout << "  " << line << "\n";
    print_limits(run.limits);
    print_scarcity(run.scarcity);
  }
  return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "scenarios and Monte Carlo over the world fleet into a SQLite results store "
                                              "(resumable; threads with --threads, processes with mpirun)");
  cmd->add_option("sweep", options->sweep_file, "TOML sweep file (see examples/world-montecarlo.toml)")->required();
  cmd->add_option("--out", options->out, "SQLite results file; an existing one of the same sweep is resumed")->required();
  cmd->add_option("-s,--set", options->sets,
                  "override a sweep field: KEY=VALUE or uncertain[I].KEY=VALUE for the I-th [[uncertain]] "
                  "table (from 0), e.g. sweep.samples=100 (see 'potline schema sweep'); repeatable");
  cmd->add_option("--threads", options->threads, "worker threads (default: every core)")->check(integer_in(1, 1024));
  cmd->add_option("--limit", options->limit, "compute at most N new samples, then stop (the rest on a later run)")
      ->check(CLI::Range(static_cast<std::int64_t>(0), static_cast<std::int64_t>(1) << 40));
  cmd->add_flag("--json", options->json, "print the run summary as one JSON object on stdout");
  cmd->add_flag("--quiet", options->quiet, "no progress on stderr");
  cmd->add_flag("--force", options->force,
                "resume a results file written by another potline commit (refused without it: its "
                "samples would mix "
                "two program versions); the commit is added to the file's meta.resumed_by");
  cmd->callback([options, &global, &exit_code]() {
    MpiSession mpi;
    exit_code = run_guarded([&] { return run_sweep_command(*options, global, mpi); });
  });
}

}  // namespace potline::app
