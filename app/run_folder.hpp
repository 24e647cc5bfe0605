#pragma once
// A run folder: manifest.json (program version, git commit, input hashes, start time), summary.json
// and CSV tables with units in their headers.
#include <map>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"

namespace potline::app {

struct RunFolder {
  std::string path;
  std::string command;                  ///< e.g. "cell"
  std::vector<std::string> arguments;   ///< the command line
  std::vector<std::string> input_files; ///< hashed into the manifest
  std::string started_utc;              ///< ISO 8601
  bool report = false;                  ///< --report: report.html follows (not a stale file)
};

/// Current UTC time as ISO 8601 ("2026-11-29T09:00:00Z").
std::string utc_now();

/// Writes manifest.json, summary.json and each CSV (name -> text) into the folder, after removing the
/// files a previous run wrote there and this one does not (io::remove_stale_outputs; a note on stderr).
void write_run_folder(const RunFolder& run, const io::Json& summary,
                      const std::map<std::string, std::string>& csv_files);

}  // namespace potline::app
