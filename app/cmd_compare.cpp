// potline compare A B [C...] [--json] [--all] [--report FILE]
#include <iostream>

#include "commands.hpp"
#include "report_page.hpp"
#include "potline/io/json_output.hpp"
#include "potline/api/report_command.hpp"
#include "potline/report/compare.hpp"

namespace potline::app {
namespace {

struct CompareOptions {
  std::vector<std::string> runs;
  bool json = false;
  bool all = false;
  std::string report;  ///< HTML file to write besides the table
};

int run_compare(const CompareOptions& o) {
  const api::CompareResult compared = api::compare(o.runs);
  const report::Comparison& c = compared.comparison;
  // The page reads the runs again with their tables (for the side-by-side charts).
  const std::string written = o.report.empty() ? "" : write_report_page(o.runs, o.report);
  if (o.json) {
    std::cout << io::dump(compared.json());
    std::cerr << written;
  } else {
    std::cout << report::comparison_text(c, o.all) << written;
  }
  return 0;
}

}  // namespace

void add_compare_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  (void)global;
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "every summary metric of two or more runs of one command, with absolute and relative change against the first");
  cmd->add_option("runs", o->runs, "run folders (--out DIR) or summary JSON files (--json output) of one command");
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  cmd->add_flag("--all", o->all, "text: also list the metrics that are equal in every run");
  cmd->add_option("--report", o->report,
                  "also write the HTML report of the runs to this file: each run's charts, then side-by-side charts "
                  "and this comparison (as 'potline report A B --out FILE')");
  cmd->callback([o, &exit_code]() { exit_code = run_guarded([&] { return run_compare(*o); }); });
}

}  // namespace potline::app
