#pragma once
// Subcommands of the `potline` CLI. Each registers itself on the app and runs through run_guarded,
// which maps input errors to exit 2 and run-time failures to exit 1.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace potline::app {

/// Options every subcommand shares.
struct GlobalOptions {
  std::string data_dir;  ///< overrides the data folder (technology catalogue, ...)
  std::vector<std::string> command_line;  ///< argv, recorded in run manifests
};

/// The command's exit status after running `body`; prints diagnostics on stderr.
int run_guarded(const std::function<int()>& body);

std::string data_dir(const GlobalOptions& options);

/// " — changed on the command line: KEY, KEY" for the case fields a command's --set options change
/// (case.* keys only rename the case: left out), "" without any. Text outputs append it to the
/// case title, which no longer describes a case moved with --set ("300 x AP40 potline, one year"
/// for 20 cells over 5 days), as `cell` does.
std::string changed_on_command_line(const std::vector<std::string>& sets);

/// Checks an integer option: "two" is "expects an integer", 0 is "not in [lo, hi]" (CLI11's Range
/// alone calls both "not in range").
CLI::Validator integer_in(int lo, int hi);

/// Checks --out of a command that writes a run folder: an existing file (not a folder), or a file
/// where a parent folder should be, is an input error before anything runs.
CLI::Validator run_folder_path();
/// The same check for a command whose --out is not always a run folder (fleet --export-smelter):
/// throws core::InputError.
void require_run_folder_path(const std::string& path);

/// Prints a CLI11 parse failure (unknown option, missing required option, bad value) as the other
/// input errors are printed ("WHERE: error: ...", did-you-mean, "potline: N input error(s); nothing
/// was run") and returns 2.
int report_parse_failure(CLI::App& app, const CLI::ParseError& e);

void add_bath_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_cell_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_technologies_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_schema_commands(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_simulate_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_smelter_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_emissions_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_cbam_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_invest_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_fleet_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_sweep_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_report_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_compare_command(CLI::App& app, const GlobalOptions& options, int& exit_code);
void add_flex_command(CLI::App& app, const GlobalOptions& options, int& exit_code);

/// Writes RUN_DIR/report.html for a run folder just written (`--report`) and says so on stdout.
/// On stderr when `json` (stdout then holds the JSON alone).
void write_run_report(const std::string& run_dir, bool json);

}  // namespace potline::app
