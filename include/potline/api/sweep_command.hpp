#pragma once
// `potline sweep` as library functions: reading the sweep file, opening (and checking) its results
// store, running it in one process and the run summary that --json prints. The CLI adds MPI ranks
// around the same pieces; the Python API's potline.sweep runs run_sweep_file.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "potline/api/case_commands.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/sweep/limits.hpp"
#include "potline/sweep/read_results.hpp"
#include "potline/sweep/run.hpp"
#include "potline/sweep/same_results.hpp"
#include "potline/sweep/store.hpp"
#include "potline/sweep/sweep_file.hpp"

namespace potline::api {

struct SweepInput {
  std::unique_ptr<plant::SmelterData> data;  ///< the dataset the scenarios' fleets were built from
  sweep::SweepSpec spec;
  std::string file;                   ///< the sweep file's name, for messages
  std::vector<std::string> warnings;  ///< of reading the sweep file (the CLI prints them on stderr)
};

/// Reads and checks a sweep file (or TOML text) with its --set overrides; throws core::InputError
/// with every error collected.
SweepInput load_sweep(const CaseSource& source);

/// The part store of MPI rank `rank` beside the results store `out`.
std::string sweep_part_path(const std::string& out, int rank);

/// Opens the results store `out` for the sweep: a foreign or corrupted file is an input error;
/// parts left by an interrupted distributed run are merged into it first; a sample count below
/// what the store holds is refused (it would report a "complete" sweep mixing two counts).
/// With `provenance` a new store records it and a resume checks it (sweep/store.hpp; `force`
/// resumes a store of another program commit).
std::unique_ptr<sweep::ResultStore> open_sweep_store(
    const std::string& out, const SweepInput& input,
    const sweep::StoreProvenance* provenance = nullptr, bool force = false);

/// A scenario whose results equal an earlier one's, as JSON ("changes_nothing" when in every
/// sample).
io::Json same_results_json(const std::vector<sweep::SameResults>& same);

/// The text's lines on scenarios whose results (`same`), or prices and production (`same_outcome`),
/// equal an earlier scenario's, without their indent. Whether the levers bind is told by prices and
/// production alone: a scenario whose results differ in some samples while its prices and production
/// do not gets no "bind" on its results line, which names the largest difference instead (DA-20:
/// "bind only in the others" for 1999 of 2000 samples, then "do not bind" for all 2000).
std::vector<std::string> same_results_lines(const std::vector<sweep::SameResults>& same,
                                            const std::vector<sweep::SameResults>& same_outcome);

/// Each scenario's caps and flow limits over its samples, as JSON (summary "limits"; T12-3).
io::Json limits_json(const std::vector<sweep::LimitFacts>& limits);
/// The scenarios with samples whose demand exceeds the capacity, as JSON (summary "scarcity"; T12-3).
io::Json scarcity_json(const std::vector<sweep::ScarcityFacts>& scarcity);
struct SweepRunFacts {
  std::string out;
  int threads = 0;
  int ranks = 1;
  sweep::RunSummary summary;  ///< of rank 0
  std::int64_t merged = 0;    ///< samples merged from other ranks
  std::size_t stored = 0;     ///< finished samples in the store
};
/// The run summary printed with --json (without "same_results"; "mpi_built" false: the CLI says
/// whether it was built with MPI).
io::Json sweep_summary_json(const sweep::SweepSpec& spec, const SweepRunFacts& facts);

struct SweepRun {
  io::Json summary;          ///< sweep_summary_json with "same_results"
  sweep::ResultTable table;  ///< the store's long table after the run
  std::vector<sweep::SameResults> same;
  /// Scenarios with the same prices and production as an earlier one, not already in `same` (T12-3).
  std::vector<sweep::SameResults> same_outcome;
  std::vector<sweep::LimitFacts> limits;        ///< each scenario's caps and flow limits (T12-3)
  std::vector<sweep::ScarcityFacts> scarcity;   ///< scenarios with samples short of capacity (T12-3)
  std::vector<std::string> store_warnings;  ///< of opening the store (a forced resume)
};

/// The summary of a finished run of the store `facts.out` (read back), as the CLI prints it.
SweepRun sweep_run_result(const sweep::SweepSpec& spec, const SweepRunFacts& facts);

/// Runs the sweep in this process into the store `out` (resuming it): `threads` 0 = every core,
/// `limit` -1 = every sample; `progress` (may be empty) after each batch. `provenance` and `force`
/// as open_sweep_store (the Python API passes the CLI's, so either can resume the other's store).
SweepRun run_sweep_file(const SweepInput& input, const std::string& out, int threads,
                        std::int64_t limit,
                        const std::function<void(std::int64_t, std::int64_t)>& progress = {},
                        const sweep::StoreProvenance* provenance = nullptr, bool force = false);

}  // namespace potline::api
