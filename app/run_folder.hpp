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
};

/// Current UTC time as ISO 8601 ("2026-11-29T09:00:00Z").
std::string utc_now();

/// Writes manifest.json, summary.json and each CSV (name -> text) into the folder.
void write_run_folder(const RunFolder& run, const io::Json& summary,
                      const std::map<std::string, std::string>& csv_files);

}  // namespace potline::app
