#pragma once
// Running a sweep: every (scenario, sample) evaluated independently — the fleet through the
// smelter model (cost curve) and the trade LP — in parallel over samples with TBB, stored in
// batches (one transaction each). Results do not depend on the thread count or on the order in
// which samples finish: a sample's inputs are a pure function of (seed, scenario, sample).
#include <cstdint>
#include <functional>

#include "potline/sweep/store.hpp"
#include "potline/sweep/sweep_file.hpp"

namespace potline::sweep {

/// The rows of one sample (pure; thread-safe).
SampleResult evaluate_sample(const SweepSpec& spec, int scenario, std::int64_t sample);

struct RunOptions {
  int threads = 0;              ///< 0 = every core TBB sees
  int batch = 0;                ///< samples per transaction; 0 = 32 per thread
  int rank = 0, ranks = 1;      ///< this process computes the samples with (index % ranks == rank)
  std::int64_t limit = -1;      ///< stop after this many newly computed samples (-1 = all)
  std::set<std::pair<std::string, std::int64_t>> also_done;  ///< finished elsewhere (MPI: the main store)
  std::function<void(std::int64_t done, std::int64_t total)> progress;  ///< after each batch
};

struct RunSummary {
  std::int64_t total = 0;       ///< samples of this process's share
  std::int64_t skipped = 0;     ///< already in the store
  std::int64_t computed = 0;
  double seconds = 0;
};

RunSummary run_sweep(const SweepSpec& spec, ResultStore& store, const RunOptions& options);

}  // namespace potline::sweep
