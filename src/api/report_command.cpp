// potline report / potline compare in the library (see report_command.hpp).
#include "potline/api/report_command.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "potline/core/diagnostics.hpp"
#include "potline/report/html.hpp"

namespace potline::api {

std::string ReportWritten::line() const {
  return fmt::format("report written to {} ({} run{}, {} chart{})\n", file, runs,
                     runs == 1 ? "" : "s", charts, charts == 1 ? "" : "s");
}

/// A store's folder often holds several stores, whose pages all went to one out/report.html, each
/// overwriting the last: a store's page is named after the store.
std::string default_report_path(const std::string& run) {
  std::filesystem::path p(run);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) return (p / "report.html").string();
  if (p.extension() != ".json") return p.replace_extension(".html").string();
  return (p.parent_path() / "report.html").string();
}

namespace {

/// Several runs: a page of their own beside the first run's folder, named after the runs
/// (out/w24 out/outage-3h -> out/report-w24-outage-3h.html), so that the runs' own pages stay (user
/// trial 9, T9-13: the comparison replaced out/w24/report.html).
std::string default_comparison_path(const std::vector<std::string>& runs) {
  const auto name = [](const std::string& run) {
    const std::filesystem::path p = std::filesystem::path(run).lexically_normal();
    const std::filesystem::path last = p.has_filename() ? p : p.parent_path();
    return last.extension() == ".json" ? last.parent_path().filename().string()
                                       : last.stem().string();
  };
  std::string file = "report";
  const std::size_t named = runs.size() <= 4 ? runs.size() : 2;
  for (std::size_t k = 0; k < named; ++k) file += "-" + name(runs[k]);
  if (named < runs.size()) file += fmt::format("-and-{}-more", runs.size() - named);
  std::filesystem::path first = std::filesystem::path(runs.front()).lexically_normal();
  if (!first.has_filename()) first = first.parent_path();
  // A summary file's page goes beside its folder; a run folder's or a sweep store's beside it.
  const std::filesystem::path beside =
      first.extension() == ".json" ? first.parent_path().parent_path() : first.parent_path();
  return (beside / (file + ".html")).string();
}

}  // namespace

ReportWritten write_report(const std::vector<std::string>& paths, const std::string& out) {
  core::Diagnostics d;
  if (paths.empty()) {
    d.error(
        {}, "runs",
        "give one or more run folders (--out DIR), summary JSON files or sweep stores (.sqlite)");
    throw core::InputError(d);
  }
  std::vector<report::RunData> runs;
  for (const auto& p : paths) {
    if (auto run = report::load_run(p, d)) runs.push_back(std::move(*run));
  }
  if (d.has_errors()) throw core::InputError(d);
  const report::Page page = report::render_html(runs);
  const std::string file = !out.empty()        ? out
                           : paths.size() == 1 ? default_report_path(paths.front())
                                               : default_comparison_path(paths);
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    d.error({"--out", 0, 0}, "out",
            fmt::format("'{}' is a folder: give the report's file name, e.g. {}/report.html", file,
                        file));
    throw core::InputError(d);
  }
  io::write_text_file(file, page.html);
  return {file, runs.size(), page.charts};
}

CompareResult compare(const std::vector<std::string>& paths) {
  core::Diagnostics d;
  CompareResult out;
  for (const auto& p : paths) {
    if (auto run = report::load_run(p, d, false)) out.runs.push_back(std::move(*run));
  }
  // One run: the error at it (user trial T17-4: "error: give two or more ..." had no place).
  if (paths.size() == 1)
    d.error({paths[0], 0, 0}, "",
            "give two or more run folders or summary JSON files to compare: this is the only one given "
            "(potline compare RUN RUN [RUN ...])");
  else if (paths.empty())
    d.error({}, "", "give two or more run folders or summary JSON files to compare (potline compare RUN RUN [RUN ...])");
  if (d.has_errors()) throw core::InputError(d);
  out.comparison = report::compare_runs(out.runs);
  return out;
}

}  // namespace potline::api
