// potline report RUN_DIR... [--out report.html]
// Also write_run_report(), which `--report` on cell, smelter, invest, simulate and fleet calls.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "report_page.hpp"
#include "potline/io/json_output.hpp"
#include "potline/report/html.hpp"
#include "potline/report/run_data.hpp"

namespace potline::app {
namespace {

struct ReportOptions {
  std::vector<std::string> runs;
  std::string out;
};

/// RUN_DIR/report.html for a folder, report.html beside a summary file, and STORE.html for a sweep
/// store (out/mc.sqlite -> out/mc.html): a store's folder often holds several stores, whose pages
/// all went to one out/report.html, each overwriting the last.
std::string default_out(const std::string& run) {
  std::filesystem::path p(run);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) return (p / "report.html").string();
  if (p.extension() != ".json") return p.replace_extension(".html").string();
  return (p.parent_path() / "report.html").string();
}

}  // namespace

std::string write_report_page(const std::vector<std::string>& paths, const std::string& out) {
  core::Diagnostics d;
  std::vector<report::RunData> runs;
  for (const auto& p : paths) {
    if (auto run = report::load_run(p, d)) runs.push_back(std::move(*run));
  }
  if (d.has_errors()) throw core::InputError(d);
  const report::Page page = report::render_html(runs);
  const std::string& html = page.html;
  const std::string file = out.empty() ? default_out(paths.front()) : out;
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    d.error({"--out", 0, 0}, "out", fmt::format("'{}' is a folder: give the report's file name, e.g. {}/report.html", file, file));
    throw core::InputError(d);
  }
  io::write_text_file(file, html);
  return fmt::format("report written to {} ({} run{}, {} chart{})\n", file, runs.size(), runs.size() == 1 ? "" : "s",
                     page.charts, page.charts == 1 ? "" : "s");
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
  cmd->add_option("-o,--out", o->out, "the HTML file to write (default: RUN_DIR/report.html of the first run; STORE.html for a sweep store)");
  cmd->callback([o, &exit_code]() {
    exit_code = run_guarded([&] {
      std::cout << write_report_page(o->runs, o->out);
      return 0;
    });
  });
}

}  // namespace potline::app
