// potline._core: the pybind11 extension behind `import potline` (python/potline/__init__.py).
// Every function calls the same library function the CLI command calls and hands back the same JSON
// document as text (json.loads gives the dict) plus CSV tables as text (pandas reads them), so the
// Python results equal the CLI's by construction. Input errors raise potline.InputError (a
// ValueError) whose message is the CLI's file:line:col diagnostics; run-time failures raise
// potline.RunError (a RuntimeError). The GIL is released while a model runs.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "potline/api/case_commands.hpp"
#include "potline/api/catalogue_command.hpp"
#include "potline/api/data_dir.hpp"
#include "potline/api/flag_commands.hpp"
#include "potline/api/flex_command.hpp"
#include "potline/api/read_files.hpp"
#include "potline/api/simulate_command.hpp"
#include "potline/api/report_command.hpp"
#include "potline/api/run_folder.hpp"
#include "potline/api/sweep_command.hpp"
#include "potline/api/vary.hpp"
#include "potline/api/wrong_command.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/fleet/smelter_export.hpp"
#include "potline/sweep/read_results.hpp"
#include "potline/sweep/store.hpp"
#include "potline/version.hpp"

namespace py = pybind11;
using namespace potline;

namespace {

using FlagCommand = io::Json (*)(const api::OptionTexts&, const std::string&);

std::string run_flag_command(FlagCommand command, const api::OptionTexts& options, const std::string& data_dir) {
  py::gil_scoped_release release;
  return io::dump(command(options, data_dir));
}

// A case file (path) or TOML text (a dict written by python/potline/_toml.py), with --set overrides.
api::CaseSource case_source(const std::string& path, const std::optional<std::string>& text,
                            const std::vector<std::string>& sets, const std::string& data_dir) {
  return {path, text, "<dict>", sets, data_dir};
}

/// The summary document as JSON text, the tables as CSV text, as the CLI writes them, and the data
/// files read (api::read_files: Result.save lists them in the manifest as --out does).
using Output = std::tuple<std::string, api::Tables, std::vector<std::string>>;

Output run_cell(const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
                const std::string& data_dir, const std::string& technology, const std::string& target_voltage,
                bool thermal) {
  py::gil_scoped_release release;
  const api::CaseSource source = case_source(path, text, sets, data_dir);
  api::CellRun run = api::run_cell(source, technology, target_voltage, thermal);
  if (thermal) run.summary["thermal"] = api::cell_thermal_summary(run, source);
  return {io::dump(run.summary), run.tables(), api::read_files(run)};
}

template <typename Run>
Output run_case(Run (*command)(const api::CaseSource&), const std::string& path, const std::optional<std::string>& text,
                const std::vector<std::string>& sets, const std::string& data_dir) {
  py::gil_scoped_release release;
  const Run run = command(case_source(path, text, sets, data_dir));
  return {io::dump(run.summary), run.tables(), api::read_files(run)};
}

Output run_fleet(const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
                 const std::string& data_dir) {
  py::gil_scoped_release release;
  const api::FleetInput input = api::load_fleet(case_source(path, text, sets, data_dir));
  const api::FleetRun run = api::run_fleet(input);
  return {io::dump(run.summary), run.tables(input.c), api::read_files(input)};
}

/// As Output, with the warnings of reading the case last.
using OutputWithWarnings = std::tuple<std::string, api::Tables, std::vector<std::string>, std::vector<std::string>>;

/// As OutputWithWarnings, with the message of the physical guard that stopped the run last (none
/// when it finished): a stopped run's summary and tables are what it simulated up to the stop, which
/// python/potline raises as RunError with the partial Result (T11-11).
using SimulateOutput = std::tuple<std::string, api::Tables, std::vector<std::string>, std::vector<std::string>,
                                  std::optional<std::string>>;

SimulateOutput run_simulate(
    const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
    const std::string& data_dir, int threads) {
  py::gil_scoped_release release;
  const api::SimulationInput input = api::load_simulation(case_source(path, text, sets, data_dir), threads);
  try {
    const api::SimulationRun run = api::run_simulation(input);
    return {io::dump(run.summary), run.tables(), api::read_files(input), input.warnings, std::nullopt};
  } catch (const api::SimulationStoppedRun& e) {
    return {io::dump(e.partial.summary), e.partial.tables(), api::read_files(input), input.warnings,
            std::string(e.what())};
  }
}

OutputWithWarnings run_flex(
    const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
    const std::string& data_dir, const std::string& prices_path, const std::optional<std::string>& prices_text, bool envelope) {
  py::gil_scoped_release release;
  const api::FlexInput input = api::load_flex(case_source(path, text, sets, data_dir), {prices_path, prices_text, "<prices>"});
  const api::FlexRun run = api::run_flex(input, envelope);
  return {io::dump(run.summary), run.tables(input.c), api::read_files(input), input.warnings};
}

// fleet --export-smelter ID: the smelter's case file as TOML text.
std::string export_smelter(const std::string& path, const std::optional<std::string>& text,
                           const std::vector<std::string>& sets, const std::string& data_dir, const std::string& id) {
  py::gil_scoped_release release;
  const api::FleetInput input = api::load_fleet(case_source(path, text, sets, data_dir));
  core::Diagnostics d;
  return fleet::smelter_case_toml(input.c, id, input.data, d);
}

/// What a --vary point runs besides the case: the options of cell, simulate and flex.
struct PointOptions {
  std::string technology, target_voltage;
  bool thermal = false;
  int threads = 0;
  std::string prices_path;
  std::optional<std::string> prices_text;
  bool envelope = false;
};

// The JSON document of `command` for a case with --set overrides, as the CLI's --vary runs a point.
io::Json run_point(const std::string& command, const api::CaseSource& source, const PointOptions& o) {
  if (command == "cell") {
    api::CellRun run = api::run_cell(source, o.technology, o.target_voltage, o.thermal);
    if (o.thermal) run.summary["thermal"] = api::cell_thermal_summary(run, source);
    return run.summary;
  }
  if (command == "smelter") return api::run_smelter(source).summary;
  if (command == "invest") return api::run_invest(source).summary;
  if (command == "fleet") return api::run_fleet(api::load_fleet(source)).summary;
  if (command == "simulate") return api::run_simulation(api::load_simulation(source, o.threads), false).summary;
  if (command == "flex") {
    return api::run_flex(api::load_flex(source, {o.prices_path, o.prices_text, "<prices>"}), o.envelope).summary;
  }
  throw std::invalid_argument("vary: no command '" + command + "'");
}

/// --vary: the --json document, the --csv table, and the warnings and model notes naming a varied key
/// ("MESSAGE (at K=V)").
std::tuple<std::string, std::string, std::vector<std::string>, std::vector<std::string>> run_vary(
    const std::string& command, const std::string& path, const std::optional<std::string>& text,
    const std::vector<std::string>& sets, const std::string& data_dir, const std::vector<std::string>& vary,
    const std::vector<std::string>& outputs, const PointOptions& options) {
  py::gil_scoped_release release;
  const api::CaseSource base = case_source(path, text, sets, data_dir);
  const api::VaryRun run = api::run_vary_points(command, vary, sets, outputs, [&](const std::vector<std::string>& point_sets) {
    api::CaseSource point = base;
    point.sets = point_sets;
    return run_point(command, point, options);
  });
  std::vector<std::string> warnings = run.table.warnings, notes;
  for (const auto& w : run.warnings) {
    const std::string where = run.where(w);
    (w.note ? notes : warnings).push_back(w.message + (where.empty() ? "" : " (at " + where + ")"));
  }
  return {io::dump(api::vary_json(run.table)), api::vary_csv(run.table), warnings, notes};
}

/// A sweep given as a dict has no file: its TOML text is what the store records.
sweep::StoreProvenance with_text(sweep::StoreProvenance p, const std::optional<std::string>& text) {
  if (text) p.sweep_text = *text;
  return p;
}

/// potline sweep FILE --out STORE --json, and the sweep file's and the store's warnings.
std::pair<std::string, std::vector<std::string>> run_sweep(const std::string& path, const std::optional<std::string>& text,
                                                           const std::vector<std::string>& sets, const std::string& data_dir,
                                                           const std::string& out, int threads, std::int64_t limit,
                                                           bool force) {
  py::gil_scoped_release release;
  const api::SweepInput input = api::load_sweep(case_source(path, text, sets, data_dir));
  // The provenance the CLI records, so a store written here resumes from the CLI and back.
  const sweep::StoreProvenance provenance =
      with_text(sweep::provenance_of(path, input.spec.input_files, input.spec.seed, sets, api::utc_now()), text);
  const api::SweepRun run = api::run_sweep_file(input, out, threads, limit, {}, &provenance, force);
  std::vector<std::string> warnings = input.warnings;
  warnings.insert(warnings.end(), run.store_warnings.begin(), run.store_warnings.end());
  return {io::dump(run.summary), warnings};
}

/// Result.save(DIR): the run folder the CLI's --out DIR writes (manifest, summary.json, CSV tables);
/// returns the note about stale files removed.
std::string save_run_folder(const std::string& path, const std::string& command, const std::vector<std::string>& arguments,
                            const std::vector<std::string>& input_files, const std::string& summary,
                            const std::map<std::string, std::string>& tables) {
  py::gil_scoped_release release;
  const std::string problem = api::run_folder_path_problem(path);
  if (!problem.empty()) {
    core::Diagnostics d;
    d.error({"out", 0, 0}, "out", problem);
    throw core::InputError(d);
  }
  api::RunFolder folder{path, command, arguments, input_files, api::utc_now()};
  const io::Json document = io::Json::parse(summary);
  // A stopped simulation's partial result (RunError.result) is marked partial, as the CLI marks it.
  folder.complete = !(document.is_object() && document.value("complete", true) == false);
  return api::save_run_folder(folder, document, tables);
}

py::dict read_sweep(const std::string& path) {
  sweep::ResultTable t;
  {
    py::gil_scoped_release release;
    t = sweep::read_results(path);
  }
  py::dict columns;
  columns["scenario"] = t.scenario;
  columns["sample"] = t.sample;
  columns["entity"] = t.entity;
  columns["metric"] = t.metric;
  columns["value"] = t.value;
  py::dict out;
  out["title"] = t.title;
  out["columns"] = columns;
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "Potline's C++ library (use the `potline` package, not this module)";
  m.attr("__version__") = kVersion;
  m.attr("git_commit") = kGitCommit;
  // The CLI's messages, and the note naming the command that reads a case file given to another
  // (potline.smelter("examples/world.toml"): "[fleet], [market] ... are sections of a 'potline fleet' case").
  static py::exception<core::InputError> input_error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const core::InputError& e) {
      input_error((std::string(e.what()) + api::wrong_command_note(e.diagnostics())).c_str());
    }
  });
  py::register_exception<core::RunError>(m, "RunError", PyExc_RuntimeError);

  m.def("default_data_dir", [] { return api::locate_data_dir().path; }, "the data folder used when none is given");
  m.def("data_dir_note", [] { return api::data_dir_note(api::locate_data_dir(), "data_dir="); },
        "the note saying which data folder is used when it is the compiled-in source tree's (empty otherwise)");
  m.def(
      "bath",
      [](const api::OptionTexts& options) {
        py::gil_scoped_release release;
        return io::dump(api::bath(options));
      },
      py::arg("options"), "potline bath --json, options by schema key ('bath.alumina' -> '3')");
  m.def(
      "emissions",
      [](const api::OptionTexts& options, const std::string& data_dir) {
        return run_flag_command(&api::emissions, options, data_dir);
      },
      py::arg("options"), py::arg("data_dir"), "potline emissions --json");
  m.def(
      "cbam",
      [](const api::OptionTexts& options, const std::string& data_dir) {
        return run_flag_command(&api::cbam, options, data_dir);
      },
      py::arg("options"), py::arg("data_dir"), "potline cbam --json");
  m.def("cell", &run_cell, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"),
        py::arg("technology"), py::arg("target_voltage"), py::arg("thermal") = false,
        "potline cell --json [--thermal] and its run-folder tables");
  m.def(
      "smelter",
      [](const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
         const std::string& data_dir) { return run_case(&api::run_smelter, path, text, sets, data_dir); },
      py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"), "potline smelter --json and its tables");
  m.def(
      "invest",
      [](const std::string& path, const std::optional<std::string>& text, const std::vector<std::string>& sets,
         const std::string& data_dir) { return run_case(&api::run_invest, path, text, sets, data_dir); },
      py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"), "potline invest --json and its tables");
  m.def("fleet", &run_fleet, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"),
        "potline fleet --json and its tables");
  m.def("simulate", &run_simulate, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"),
        py::arg("threads"),
        "potline simulate --json, timeseries.csv, events.csv (and purity_taps.csv with [purity]), the case's "
        "warnings, and the stop message of a run a physical guard stopped (else None)");
  m.def("flex", &run_flex, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"), py::arg("prices_path"),
        py::arg("prices_text"), py::arg("envelope"),
        "potline flex --json, schedule.csv (and envelope.csv with envelope), and the case's warnings");
  m.def(
      "technologies",
      [](const std::string& data_dir) {
        py::gil_scoped_release release;
        return io::dump(api::technologies_json(data_dir));
      },
      py::arg("data_dir"), "potline technologies --json");
  m.def(
      "schema",
      [](const std::string& name) {
        py::gil_scoped_release release;
        return io::dump(api::schemas_json(name));
      },
      py::arg("name"), "potline schema [NAME] --json");
  m.def("export_smelter", &export_smelter, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"),
        py::arg("smelter"), "potline fleet CASE --export-smelter ID: the smelter case file as TOML text");
  py::class_<PointOptions>(m, "PointOptions")
      .def(py::init<>())
      .def_readwrite("technology", &PointOptions::technology)
      .def_readwrite("target_voltage", &PointOptions::target_voltage)
      .def_readwrite("thermal", &PointOptions::thermal)
      .def_readwrite("threads", &PointOptions::threads)
      .def_readwrite("prices_path", &PointOptions::prices_path)
      .def_readwrite("prices_text", &PointOptions::prices_text)
      .def_readwrite("envelope", &PointOptions::envelope);
  m.def("vary", &run_vary, py::arg("command"), py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"),
        py::arg("vary"), py::arg("outputs"), py::arg("options"),
        "potline COMMAND CASE --vary ... --json, its --csv table, and the warnings and notes naming a varied key");
  m.def("sweep", &run_sweep, py::arg("path"), py::arg("text"), py::arg("sets"), py::arg("data_dir"), py::arg("out"),
        py::arg("threads"), py::arg("limit"), py::arg("force"),
        "potline sweep FILE --out STORE --json [--force], and the sweep file's and the store's warnings");
  m.def(
      "compare",
      [](const std::vector<std::string>& runs, bool all) {
        py::gil_scoped_release release;
        const api::CompareResult c = api::compare(runs);
        return std::make_pair(io::dump(c.json()), report::comparison_text(c.comparison, all));
      },
      py::arg("runs"), py::arg("all"), "potline compare RUNS... --json, and the text table");
  m.def(
      "report",
      [](const std::vector<std::string>& runs, const std::string& out) {
        py::gil_scoped_release release;
        const api::ReportWritten w = api::write_report(runs, out);
        return std::make_tuple(w.file, w.runs, w.charts);
      },
      py::arg("runs"), py::arg("out"), "potline report RUNS... --out FILE: (file, runs, charts)");
  m.def("save_run_folder", &save_run_folder, py::arg("path"), py::arg("command"), py::arg("arguments"),
        py::arg("input_files"), py::arg("summary"), py::arg("tables"), "a run folder as --out DIR writes it");
  m.def("read_sweep", &read_sweep, py::arg("path"), "the long table of a sweep results file, by column");
}
