// potline cell (--technology NAME | CASE.toml) [--set KEY=VALUE]... [--target-voltage V] [--json] [--out DIR]
// The case is read and run by api::run_cell (the Python API and --vary call it too); this file formats.
#include <iostream>

#include "commands.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/cell/report.hpp"
#include "run_folder.hpp"
#include "vary.hpp"

namespace potline::app {
namespace {

struct CellOptions {
  std::string case_file;
  std::string technology;
  std::vector<std::string> sets;
  std::string target_voltage;
  bool json = false;
  std::string out_dir;
  bool report = false;
  std::vector<std::string> argv;
  VaryOptions vary;
};

int run_cell(const CellOptions& o, const GlobalOptions& global) {
  api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global)};
  if (o.vary.active()) {
    return run_vary_command(o.vary, "cell", o.sets, o.json, VaryFolder{o.out_dir, o.argv, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      return api::run_cell(point, o.technology, o.target_voltage).summary;
    });
  }
  const api::CellRun run = api::run_cell(source, o.technology, o.target_voltage);
  if (!o.out_dir.empty()) {
    RunFolder folder{o.out_dir, "cell", o.argv, {}, utc_now()};
    if (!o.case_file.empty()) folder.input_files.push_back(o.case_file);
    folder.input_files.push_back(run.catalogue_path);
    write_run_folder(folder, run.summary, run.tables());
    if (o.report) write_run_report(o.out_dir, o.json);
  }
  if (o.json) {
    std::cout << io::dump(run.summary);
  } else {
    io::require_finite(run.summary);
    std::cout << cell::cell_summary_text(run.c, run.result, run.warnings);
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
  return 0;
}

}  // namespace

void add_cell_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<CellOptions>();
  CLI::App* cmd = app.add_subcommand(
      "cell", "steady-state cell: voltage breakdown, current efficiency, energy balance, SEC");
  cmd->add_option("case", options->case_file, "TOML case file (see 'potline template cell')");
  cmd->add_option("-t,--technology", options->technology,
                  "a catalogue technology (see 'potline technologies'); overrides case.technology");
  cmd->add_option("-s,--set", options->sets,
                  "override a case field: KEY=VALUE, value may carry a unit "
                  "(e.g. --set operation.acd=\"4.2 cm\"); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--target-voltage", options->target_voltage,
                  "solve the ACD that gives this cell voltage (V)");
  cmd->add_flag("--json", options->json, "print one JSON object on stdout");
  add_vary_options(cmd, options->vary, "cell");
  CLI::Option* out_option = cmd->add_option("-o,--out", options->out_dir,
                  "write a run folder (manifest.json, summary.json, breakdown.csv, energy.csv, inputs.csv)")
      ->check(run_folder_path());
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  cmd->callback([options, &global, &exit_code]() {
    options->argv = global.command_line;
    exit_code = run_guarded([&] { return run_cell(*options, global); });
  });
}

}  // namespace potline::app
