// potline smelter CASE.toml [--set KEY=VALUE]... [--json] [--out DIR]
#include <iostream>

#include "commands.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"
#include "run_folder.hpp"

namespace potline::app {
namespace {

struct SmelterOptions {
  std::string case_file;
  std::vector<std::string> sets;
  bool json = false;
  std::string out_dir;
  std::vector<std::string> argv;
};

int run_smelter(const SmelterOptions& o, const GlobalOptions& global) {
  core::Diagnostics diagnostics;
  const plant::SmelterData data = plant::SmelterData::load(data_dir(global), diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  const plant::SmelterCase c = plant::load_smelter_case(o.case_file, o.sets, data, diagnostics);
  const plant::SmelterResult r = plant::evaluate(c.inputs);
  plant::warn_if_no_production(c, r, diagnostics);
  const std::vector<std::string> warnings = diagnostics.warning_messages();
  const io::Json j = plant::smelter_result_json(c, r, warnings);
  if (!o.out_dir.empty()) {
    RunFolder run{o.out_dir, "smelter", o.argv, {o.case_file}, utc_now()};
    for (const auto& f : c.input_files()) run.input_files.push_back(f);
    for (const auto& f : data.files) run.input_files.push_back(f);
    write_run_folder(run, j,
                     {{"cost_breakdown.csv", plant::cost_breakdown_csv(r)},
                      {"emissions.csv", plant::emissions_csv(c, r)},
                      {"cbam.csv", plant::cbam_csv(c, r)},
                      {"potlines.csv", plant::potlines_csv(c)}});
  }
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    io::require_finite(j);
    std::cout << plant::smelter_summary_text(c, r, warnings);
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
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
  cmd->add_option("-o,--out", options->out_dir,
                  "write a run folder (manifest.json, summary.json, cost_breakdown.csv, emissions.csv, cbam.csv, "
                  "potlines.csv)")
      ->check(run_folder_path());
  cmd->callback([options, &global, &exit_code]() {
    options->argv = global.command_line;
    exit_code = run_guarded([&] { return run_smelter(*options, global); });
  });
}

}  // namespace potline::app
