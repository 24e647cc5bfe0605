// potline smelter CASE.toml [--set KEY=VALUE]... [--json] [--out DIR]
// The case is read and run by api::run_smelter (the Python API and --vary call it too); this file formats.
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/read_files.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_report.hpp"
#include "run_folder.hpp"
#include "vary.hpp"

namespace potline::app {
namespace {

struct SmelterOptions {
  std::string case_file;
  std::vector<std::string> sets;
  bool json = false;
  std::string out_dir;
  bool report = false;
  std::vector<std::string> argv;
  VaryOptions vary;
};

int run_smelter(const SmelterOptions& o, const GlobalOptions& global) {
  api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global)};
  if (o.vary.active()) {
    return run_vary_command(o.vary, "smelter", o.sets, o.json, VaryFolder{o.out_dir, o.argv, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      return api::run_smelter(point).summary;
    });
  }
  const api::SmelterRun run = api::run_smelter(source);
  if (!o.out_dir.empty()) {
    RunFolder folder{o.out_dir, "smelter", o.argv, {o.case_file}, utc_now()};
    folder.report = o.report;
    for (const auto& f : api::read_files(run)) folder.input_files.push_back(f);
    write_run_folder(folder, run.summary, run.tables());
  }
  // Warnings on stderr, located at the input they are about (user trial T12-5); --json keeps them in
  // its "warnings" array too.
  for (const auto& w : run.located_warnings) std::cerr << w << "\n";
  if (o.json) {
    std::cout << io::dump(run.summary);
  } else {
    io::require_finite(run.summary);
    std::string text = plant::smelter_summary_text(run.c, run.result, {});
    text.insert(std::min(text.find('\n'), text.size()), changed_on_command_line(o.sets));  // after the title
    std::cout << text;
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
  if (o.report) write_run_report(o.out_dir, o.json);  // after the results (it came before the title)
  return 0;
}

}  // namespace

void add_smelter_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<SmelterOptions>();
  CLI::App* cmd = app.add_subcommand(
      "smelter", "smelter economics and emissions: output, cost stack, emissions by scope, CBAM, labour");
  cmd->add_option("case", options->case_file, "TOML smelter case (see examples/smelter-*.toml)")->required();
  cmd->add_option("-s,--set", options->sets, "override a case field: KEY=VALUE (value may carry a unit); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--json", options->json, "print one JSON object on stdout");
  add_vary_options(cmd, options->vary, "smelter");
  CLI::Option* out_option = cmd->add_option("-o,--out", options->out_dir,
                  "write a run folder (manifest.json, summary.json, cost_breakdown.csv, emissions.csv, cbam.csv, "
                  "potlines.csv)")
      ->check(run_folder_path());
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  cmd->callback([options, &global, &exit_code]() {
    options->argv = global.command_line;
    exit_code = run_guarded([&] { return run_smelter(*options, global); });
  });
}

}  // namespace potline::app
