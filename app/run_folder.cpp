#include "run_folder.hpp"

#include <iostream>

#include "commands.hpp"
#include "potline/core/diagnostics.hpp"

namespace potline::app {

using api::run_folder_path_problem;

CLI::Validator run_folder_path() {
  return CLI::Validator([](std::string& text) { return run_folder_path_problem(text); }, "DIR");
}

void require_run_folder_path(const std::string& path) {
  const std::string problem = run_folder_path_problem(path);
  if (problem.empty()) return;
  core::Diagnostics d;
  d.error({"--out", 0, 0}, "--out", problem);
  throw core::InputError(d);
}

void write_run_folder(const RunFolder& run, const io::Json& summary,
                      const std::map<std::string, std::string>& csv_files) {
  std::cerr << api::save_run_folder(run, summary, csv_files);
}

}  // namespace potline::app
