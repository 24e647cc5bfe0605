// potline report RUN_DIR... [--out report.html]
// Also write_run_report(), which `--report` on cell, smelter, invest, simulate and fleet calls.
#include <iostream>

#include "commands.hpp"
#include "report_page.hpp"
#include "potline/api/report_command.hpp"

namespace potline::app {
namespace {

struct ReportOptions {
  std::vector<std::string> runs;
  std::string out;
};

}  // namespace

std::string write_report_page(const std::vector<std::string>& paths, const std::string& out) {
  return api::write_report(paths, out).line();
}

void write_run_report(const std::string& run_dir, bool json) {
  (json ? std::cerr : std::cout) << "  " << write_report_page({run_dir}, "");
}

void add_report_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  (void)global;
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "self-contained HTML report (charts, provenance, tables) of run folders from cell, smelter, invest, simulate, "
      "fleet, flex and of sweep stores");
  cmd->add_option("runs", o->runs, "run folders written with --out DIR (or their summary.json), or sweep stores (.sqlite)")->required();
  cmd->add_option("-o,--out", o->out, "the HTML file to write (default: one run: RUN_DIR/report.html; several: report-A-B.html beside the first run; a sweep store: STORE.html)");
  cmd->callback([o, &exit_code]() {
    exit_code = run_guarded([&] {
      std::cout << write_report_page(o->runs, o->out);
      return 0;
    });
  });
}

}  // namespace potline::app
