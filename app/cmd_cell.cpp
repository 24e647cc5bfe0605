// potline cell (--technology NAME | CASE.toml) [--set KEY=VALUE]... [--target-voltage V] [--thermal] [--json] [--out DIR]
// The case is read and run by api::run_cell (the Python API and --vary call it too); this file formats.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/read_files.hpp"
#include "potline/cell/report.hpp"
#include "potline/core/constants.hpp"
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
  bool thermal = false;
  std::vector<std::string> argv;
  VaryOptions vary;
};

// With --thermal the first block still holds the bath at the case's temperature (the catalogue's
// 965 °C): at 9 wt% AlF3 it printed "superheat -5.3 K" and "the bath would be partly frozen" above a
// solved state at 976.4 °C with 6.1 K. Say which block is which when they differ.
std::string held_block_note(const api::CellRun& run, const io::Json& t) {
  const double held_degC = run.c.op.bath_temperature_K - 273.15;
  if (t.at("bath_temperature_degC").is_null()) return "";
  const double solved_degC = t.at("bath_temperature_degC").get<double>();
  if (std::abs(solved_degC - held_degC) < 0.05) return "";
  return fmt::format("  note: the lines above hold the bath at the case's {:.1f} °C (superheat {:.1f} K{}); the thermal "
                     "steady state below solves it: {:.1f} °C\n",
                     held_degC, run.result.bath.superheat_K,
                     run.result.bath.superheat_K < 0.0 ? ", so the warnings about the bath describe a bath held there" : "",
                     solved_degC);
}

// The SEC the thermal block prints: the main block's number where both blocks print the same state
// (bath temperature, voltage and CE at their printed digits). "specific energy 14.63" above and
// "SEC 14.62" below for one 965.0 °C / 4.564 V / 93.0 % state were 14.625 rounded either side (T11-13).
// None where the state is no operating point (the JSON has null there, T14-1).
std::optional<double> thermal_sec_shown(const api::CellRun& run, const io::Json& t) {
  if (t.at("sec_dc_kWh_per_kg").is_null()) return std::nullopt;
  const auto n = [&](const char* key) { return t.at(key).get<double>(); };
  const bool same_state =
      fmt::format("{:.1f}", n("bath_temperature_degC")) ==
          fmt::format("{:.1f}", run.c.op.bath_temperature_K - constants::kKelvinOffset_K) &&
      fmt::format("{:.3f}", n("voltage_V")) == fmt::format("{:.3f}", run.result.voltage_V) &&
      fmt::format("{:.2f}", 100 * n("current_efficiency")) == fmt::format("{:.2f}", 100 * run.result.current_efficiency);
  return same_state ? run.result.sec_dc_J_per_kg / constants::kJoulePerKWh : n("sec_dc_kWh_per_kg");
}

std::string thermal_text(const io::Json& t, std::optional<double> sec_shown) {
  const auto n = [&](const char* key) { return t.at(key).get<double>(); };
  // No ledge number without a liquid steady state (the JSON has null there): "none", never "0.0 cm".
  // A freezing state's ledge fills the side channel (its steady thickness is unbounded), never "none".
  std::string ledge = t.at("ledge_cm").is_null() ? "none" : fmt::format("{:.1f} cm", n("ledge_cm"));
  if (t.value("ledge_fills_side_channel", false)) {
    ledge = t.at("ledge_cm").is_null() ? fmt::format("fills the side channel (≥ {:.1f} cm)", n("side_channel_cm"))
                                       : ledge + fmt::format(" (fills the side channel, {:.1f} cm)", n("side_channel_cm"));
  }
  const bool operating = t.value("operating_point", true);
  const bool within = !t.contains("window") || t.at("window").value("within", true);
  const std::string status =
      t.at("status").get<std::string>() + (operating && !within ? ", outside the safe window" : "");
  std::string out = fmt::format(
      "\nThermal steady state ({}; heat-loss network of the dynamics calibrated at {}: {:.1f} kA, ACD {:.2f} cm, "
      "{:.1f} °C, liquidus {:.1f} °C):\n  bath {:.1f} °C, liquidus {:.1f} °C, superheat {:.1f} K, ledge {}, shell node {:.0f} °C\n"
      "  heat loss {:.0f} kW (top {:.0f}, side {:.0f}, bottom {:.0f}); {:.3f} V, CE {:.2f} %, SEC {}{}\n",
      status, t.at("design_point").get<std::string>(), n("design_line_current_kA"),
      n("design_acd_cm"), n("design_bath_temperature_degC"), n("design_liquidus_degC"), n("bath_temperature_degC"), n("liquidus_degC"),
      n("superheat_K"), ledge, n("wall_temperature_degC"), n("heat_loss_kW"), n("top_loss_kW"), n("side_loss_kW"),
      n("bottom_loss_kW"), n("voltage_V"), 100 * n("current_efficiency"),
      sec_shown ? fmt::format("{:.2f} kWh/kg (DC)", *sec_shown) : std::string("n/a"),
      operating ? "" : " (not an operating point: the cell does not run in this state)");
  if (t.contains("simulate_note")) out += "  note: " + t.at("simulate_note").get<std::string>() + "\n";
  if (t.contains("current_step_note")) out += "  note: " + t.at("current_step_note").get<std::string>() + "\n";
  return out;
}

int run_cell(const CellOptions& o, const GlobalOptions& global) {
  api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global)};
  if (o.vary.active()) {
    return run_vary_command(o.vary, "cell", o.sets, o.json, VaryFolder{o.out_dir, o.argv, {o.case_file}, o.report}, [&](const std::vector<std::string>& sets) {
      api::CaseSource point = source;
      point.sets = sets;
      api::CellRun run = api::run_cell(point, o.technology, o.target_voltage, o.thermal);
      // --thermal --vary: the thermal keys as outputs (thermal.bath_temperature_degC against bath.alf3)
      if (o.thermal) run.summary["thermal"] = api::cell_thermal_summary(run, point);
      return run.summary;
    });
  }
  api::CellRun run = api::run_cell(source, o.technology, o.target_voltage, o.thermal);
  if (o.thermal) run.summary["thermal"] = api::cell_thermal_summary(run, source);
  if (!o.out_dir.empty()) {
    RunFolder folder{o.out_dir, "cell", o.argv, {}, utc_now()};
    folder.report = o.report;
    if (!o.case_file.empty()) folder.input_files.push_back(o.case_file);
    for (const auto& f : api::read_files(run)) folder.input_files.push_back(f);
    write_run_folder(folder, run.summary, run.tables());
  }
  // Warnings on stderr, located at the input they are about, as smelter's (T12-5; cell and fleet in
  // trial 13); --json keeps them in its "warnings" arrays too.
  for (const auto& w : run.located_warnings) std::cerr << w << "\n";
  if (o.thermal) {
    for (const auto& w : run.summary.at("thermal").at("warnings")) {
      // A named Diagnostic, not a temporary: GCC 12 warns -Wmaybe-uninitialized (a false positive)
      // inside std::string's destructor for the temporary aggregate.
      core::Diagnostic warning;
      warning.severity = core::Severity::kWarning;
      warning.location.file = "--thermal";
      warning.message = w.get<std::string>();
      std::cerr << warning.to_string() << "\n";
    }
  }
  if (o.json) {
    std::cout << io::dump(run.summary);
  } else {
    io::require_finite(run.summary);
    std::cout << cell::cell_summary_text(run.c, run.result, {}, run.summary.at("notes").get<std::vector<std::string>>());
    if (o.thermal) {
      const io::Json& t = run.summary.at("thermal");
      std::cout << held_block_note(run, t) << thermal_text(t, thermal_sec_shown(run, t));
    }
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
  // After the results, as flex and --vary print it (it came before the title).
  if (o.report) write_run_report(o.out_dir, o.json);
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
  cmd->add_flag("--thermal", options->thermal,
                "also solve the bath temperature and ledge from the heat balance (summary 'thermal'; "
                "docs/model/cell.md)");
  cmd->add_flag("--json", options->json, "print one JSON object on stdout");
  add_vary_options(cmd, options->vary, "cell");
  CLI::Option* out_option = cmd->add_option("-o,--out", options->out_dir,
                  "write a run folder (manifest.json, summary.json, breakdown.csv, energy.csv, inputs.csv, published.csv)")
      ->check(run_folder_path());
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  cmd->callback([options, &global, &exit_code]() {
    options->argv = global.command_line;
    exit_code = run_guarded([&] { return run_cell(*options, global); });
  });
}

}  // namespace potline::app
