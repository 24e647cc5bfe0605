// potline cell (--technology NAME | CASE.toml) [--set KEY=VALUE]... [--target-voltage V] [--json] [--out DIR]
#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/cell/report.hpp"
#include "potline/io/case_file.hpp"
#include "run_folder.hpp"

namespace potline::app {
namespace {

struct CellOptions {
  std::string case_file;
  std::string technology;
  std::vector<std::string> sets;
  std::string target_voltage;
  bool json = false;
  std::string out_dir;
  std::vector<std::string> argv;
};

cell::TechnologyCatalogue load_catalogue(const GlobalOptions& global) {
  core::Diagnostics diagnostics;
  auto catalogue = cell::TechnologyCatalogue::load(data_dir(global) + "/technologies.toml", diagnostics);
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  return catalogue;
}

int run_cell(const CellOptions& o, const GlobalOptions& global) {
  const io::Schema& schema = cell::cell_schema();
  core::Diagnostics diagnostics;
  io::ValueSet user;
  if (!o.case_file.empty()) io::read_case_file(o.case_file, schema, user, diagnostics);
  if (!o.technology.empty()) {
    io::Value v;
    v.text = o.technology;
    v.origin = io::Origin::kCommandLine;
    v.location = {"--technology", 0, 0};
    user.set("case.technology", v);
  }
  if (o.case_file.empty() && o.technology.empty()) {
    diagnostics.error({}, "", "give a case file (potline cell CASE.toml) or --technology NAME; "
                              "'potline technologies' lists the technologies, "
                              "'potline template cell' writes a starter case");
  }
  std::vector<io::Override> overrides;
  for (std::size_t i = 0; i < o.sets.size(); ++i) {
    if (auto ov = io::parse_override(o.sets[i], static_cast<int>(i + 1), diagnostics)) overrides.push_back(*ov);
  }
  io::apply_overrides(overrides, schema, user, diagnostics);
  std::optional<double> target_V;
  if (!o.target_voltage.empty()) {
    const auto q = core::parse_quantity(o.target_voltage, "V", "V");
    if (!q.ok()) {
      diagnostics.error({"--target-voltage", 0, 0}, "target-voltage", q.error);
    } else if (!(q.value > 0.0 && q.value < 100.0)) {
      diagnostics.error({"--target-voltage", 0, 0}, "target-voltage",
                        fmt::format("{} V is outside the allowed range (0, 100) V", q.value));
    } else {
      target_V = q.value;
    }
  }
  if (diagnostics.has_errors()) throw core::InputError(diagnostics);

  const cell::TechnologyCatalogue catalogue = load_catalogue(global);
  auto built = cell::build_cell_case(user, catalogue, diagnostics);
  if (!built || diagnostics.has_errors()) throw core::InputError(diagnostics);
  cell::CellCase& c = *built;

  if (target_V) {
    const cell::AcdSolve solve = cell::solve_acd_for_voltage(c.design, c.constants, c.op, *target_V);
    if (!solve.converged) {
      diagnostics.error({"--target-voltage", 0, 0}, "target-voltage", solve.failure);
      throw core::InputError(diagnostics);
    }
    c.op.acd_m = solve.acd_m;
    io::Value v;
    v.number = solve.acd_m;
    v.origin = io::Origin::kCalibrated;
    v.location = {"--target-voltage", 0, 0};
    c.values.set("operation.acd", v);
    diagnostics.warning({"--target-voltage", 0, 0}, "operation.acd",
                        fmt::format("ACD solved for {:.4g} V: {:.3f} cm ({} evaluations)", *target_V,
                                    solve.acd_m * 100, solve.evaluations));
  }

  const cell::CellResult result = cell::evaluate(c.design, c.constants, c.op);
  const std::vector<std::string> warnings = cell::collect_warnings(c, result, diagnostics);
  io::Json j = cell::cell_result_json(c, result, warnings);
  if (target_V) j["target_voltage_V"] = *target_V;
  if (!o.out_dir.empty()) {
    RunFolder run{o.out_dir, "cell", o.argv, {}, utc_now()};
    if (!o.case_file.empty()) run.input_files.push_back(o.case_file);
    run.input_files.push_back(catalogue.path());
    write_run_folder(run, j,
                     {{"breakdown.csv", cell::breakdown_csv(result)},
                      {"energy.csv", cell::energy_csv(result)},
                      {"inputs.csv", cell::inputs_csv(c)}});
  }
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    io::require_finite(j);
    std::cout << cell::cell_summary_text(c, result, warnings);
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
  cmd->add_option("-o,--out", options->out_dir,
                  "write a run folder (manifest.json, summary.json, breakdown.csv, energy.csv, inputs.csv)")
      ->check(run_folder_path());
  cmd->callback([options, &global, &exit_code]() {
    options->argv = global.command_line;
    exit_code = run_guarded([&] { return run_cell(*options, global); });
  });
}

}  // namespace potline::app
