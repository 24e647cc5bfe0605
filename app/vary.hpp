#pragma once
// --vary, --outputs and --csv for cell, smelter, invest, fleet, simulate and flex: the command-line side of
// the one-at-a-time sensitivity in the library (potline/api/vary.hpp). A command registers the
// options with add_vary_options and, when --vary is given, hands run_vary_command a function that
// runs it with a list of --set overrides and returns its JSON document.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "potline/api/vary.hpp"

namespace potline::app {

struct VaryOptions {
  std::vector<std::string> vary;  ///< KEY=START:STOP:STEP or KEY=V1,V2,...
  std::string outputs;            ///< comma-separated paths into the JSON document
  bool csv = false;
  bool active() const { return !vary.empty(); }
};

void add_vary_options(CLI::App* cmd, VaryOptions& options, const std::string& command);

/// Where a --vary table goes besides stdout: with --out DIR, a run folder of command "vary"
/// (manifest.json, summary.json = the --json document, vary.csv = the --csv table) that
/// `potline report` draws as line charts; with --report also DIR/report.html.
struct VaryFolder {
  std::string path;                      ///< empty: no run folder
  std::vector<std::string> arguments;    ///< the command line, for the manifest
  std::vector<std::string> input_files;  ///< the case file, hashed into the manifest
  bool report = false;
};

/// Parses the --vary options, runs every point, prints the table (text, --csv or --json), writes the
/// run folder when one is asked for, and returns the exit status.
int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const VaryFolder& out, const api::RunWithSets& run);
/// Same with only the folder's path (no command line or case file in its manifest).
int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const std::string& out_dir, const api::RunWithSets& run);

}  // namespace potline::app
