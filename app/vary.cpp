// --vary for the case commands (see vary.hpp).
#include "vary.hpp"

#include <iostream>

#include "commands.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"
#include "run_folder.hpp"

namespace potline::app {

void add_vary_options(CLI::App* cmd, VaryOptions& options, const std::string& command) {
  std::string defaults;
  for (const auto& o : api::default_vary_outputs(command)) defaults += (defaults.empty() ? "" : ",") + o;
  cmd->add_option("--vary", options.vary,
                  "one-at-a-time sensitivity: run once per value of a case field and print a table of --outputs; "
                  "KEY=START:STOP:STEP (a unit may follow: prices.power=30:60:10 USD/MWh) or KEY=V1,V2,V3; "
                  "repeatable (each varied on its own)")
      ->allow_extra_args(false);
  cmd->add_option("--outputs", options.outputs,
                  "with --vary: comma-separated keys of the --json document (an object gives one column per "
                  "member); default " + defaults);
  cmd->add_flag("--csv", options.csv, "with --vary: print the table as CSV");
}

int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const VaryFolder& out, const api::RunWithSets& run) {
  core::Diagnostics d;
  if (json && options.csv) d.error({"--csv", 0, 0}, "--csv", "give --json or --csv, not both");
  const std::string started = utc_now();
  const api::VaryRun run_points =
      api::run_vary_points(command, options.vary, sets, api::split_list(options.outputs), run, d);
  const api::VaryTable& table = run_points.table;
  // The warnings (and model notes) that name the varied key go to stderr, each once, with the points
  // it came from unless it came from all; the case's other warnings are those of a run without --vary.
  for (const auto& w : table.warnings) std::cerr << w << "\n";  // "--outputs: warning: ..." (a renamed key)
  for (const auto& w : run_points.warnings) {
    const std::string where = run_points.where(w);
    std::cerr << (w.note ? "note" : "warning") << (where.empty() ? "" : " (at " + where + ")") << ": " << w.message
              << "\n";
  }
  const io::Json document = api::vary_json(table);
  const auto write_folder = [&] {
    if (out.path.empty()) return;
    RunFolder folder{out.path, "vary", out.arguments, {}, started};
    folder.report = out.report;
    for (const auto& f : out.input_files) {
      if (!f.empty()) folder.input_files.push_back(f);  // cell --technology T has no case file
    }
    write_run_folder(folder, document, {{"vary.csv", api::vary_csv(table)}});
  };
  if (json || options.csv) {
    write_folder();
    if (!out.path.empty() && out.report) write_run_report(out.path, true);  // the line goes to stderr
    std::cout << (json ? io::dump(document) : api::vary_csv(table));
    return 0;
  }
  std::cout << api::vary_text(table);
  write_folder();
  if (!out.path.empty()) {
    std::cout << "  results written to " << out.path << "/\n";
    if (out.report) write_run_report(out.path, false);
  }
  return 0;
}

int run_vary_command(const VaryOptions& options, const std::string& command, const std::vector<std::string>& sets,
                     bool json, const std::string& out_dir, const api::RunWithSets& run) {
  return run_vary_command(options, command, sets, json, VaryFolder{out_dir, {}, {}, false}, run);
}

}  // namespace potline::app
