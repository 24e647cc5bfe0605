// potline._core: the pybind11 extension behind `import potline` (python/potline/__init__.py).
// Every function calls the same library function the CLI command calls and hands back the same JSON
// document as text (json.loads gives the dict) plus CSV tables as text (pandas reads them), so the
// Python results equal the CLI's by construction. Input errors raise potline.InputError (a
// ValueError) whose message is the CLI's file:line:col diagnostics; run-time failures raise
// potline.RunError (a RuntimeError). The GIL is released while a model runs.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "potline/api/flag_commands.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/sweep/read_results.hpp"
#include "potline/version.hpp"

namespace py = pybind11;
using namespace potline;

namespace {

using FlagCommand = io::Json (*)(const api::OptionTexts&, const std::string&);

std::string run_flag_command(FlagCommand command, const api::OptionTexts& options, const std::string& data_dir) {
  py::gil_scoped_release release;
  return io::dump(command(options, data_dir));
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
  py::register_exception<core::InputError>(m, "InputError", PyExc_ValueError);
  py::register_exception<core::RunError>(m, "RunError", PyExc_RuntimeError);

  m.def("default_data_dir", &cell::default_data_dir, "the data folder used when none is given");
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
  m.def("read_sweep", &read_sweep, py::arg("path"), "the long table of a sweep results file, by column");
}
