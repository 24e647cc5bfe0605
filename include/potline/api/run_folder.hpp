#pragma once
// A run folder: manifest.json (program version, git commit, input hashes, start time), summary.json
// and CSV tables with units in their headers. The CLI's --out DIR and the Python API's
// Result.save(DIR) write it here, so `potline report` and `potline compare` read both alike.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"

namespace potline::api {

struct RunFolder {
  std::string path;
  std::string command;                   ///< e.g. "cell"
  std::vector<std::string> arguments;    ///< the command line
  std::vector<std::string> input_files;  ///< hashed into the manifest
  std::string started_utc;               ///< ISO 8601
  bool report = false;                   ///< --report: report.html follows (not a stale file)
  /// The run's seed; empty: the summary's integer "seed" if it has one, else null (no randomness).
  std::optional<std::int64_t> seed = std::nullopt;
  bool complete =
      true;  ///< false: the outputs are partial (a run stopped by a guard or by the user)
  /// Outputs the caller wrote itself (simulate streams its time series): listed, not written here.
  std::vector<std::string> written_by_caller = {};
};

/// Current UTC time as ISO 8601 ("2026-11-29T09:00:00Z").
std::string utc_now();

/// Why `text` cannot be a run folder's path (an existing file, a file where a parent folder should
/// be), or "" when it can.
std::string run_folder_path_problem(const std::string& text);

/// "--out: warning: ..." when `dir` exists, is not empty and holds no previous run (no manifest.json):
/// the files of `outputs` it holds (the run overwrites them) and its other entries (left as they
/// are), a git checkout said as such; "" otherwise (a new or empty folder, or a run folder). Trial 13:
/// `simulate ... --out /work/main/` wrote four run files into a repository's root without a word.
std::string foreign_folder_warning(const std::string& dir, const std::vector<std::string>& outputs);

/// Writes manifest.json (program, version, commit, command line, start and finish times, seed,
/// `complete`, every input file with its SHA-256, the outputs), summary.json and each CSV (name ->
/// text) into the folder (created if missing), after removing the files a previous run wrote there
/// and this one does not (io::remove_stale_outputs). Returns the note naming the removed files (""
/// when none), after foreign_folder_warning's warning (checked here unless the caller wrote files
/// itself, `written_by_caller`, and so checked before it began), for the caller to print.
std::string save_run_folder(const RunFolder& run, const io::Json& summary,
                            const std::map<std::string, std::string>& csv_files);

}  // namespace potline::api
