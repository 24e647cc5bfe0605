#pragma once
// `potline report` and `potline compare` as library functions: the CLI prints what they return and
// the Python API (potline.report, potline.compare) returns it, so both read the same runs the same
// way.
#include <cstddef>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/report/compare.hpp"
#include "potline/report/run_data.hpp"

namespace potline::api {

struct ReportWritten {
  std::string file;  ///< the HTML file written
  std::size_t runs = 0;
  std::size_t charts = 0;
  /// "report written to FILE (N run(s), M charts)\n", the line the CLI prints.
  std::string line() const;
};

/// The report's file when none is given: RUN_DIR/report.html for a folder, report.html beside a
/// summary file, STORE.html for a sweep store (out/mc.sqlite -> out/mc.html).
std::string default_report_path(const std::string& run);

/// Reads the runs (run folders, summary JSON files or sweep stores; input errors for a missing,
/// truncated or foreign run), writes the self-contained HTML page to `out` (empty: one run's
/// default_report_path; several runs: report-A-B.html beside the first run, named after the runs,
/// so the runs' own pages stay) and says what it wrote. `out` naming a folder is an input
/// error keyed "out".
ReportWritten write_report(const std::vector<std::string>& runs, const std::string& out);

/// The runs compared (`potline compare`): at least two, of one command.
struct CompareResult {
  std::vector<report::RunData> runs;  ///< summaries and manifests only (no tables)
  report::Comparison comparison;
  io::Json json() const { return report::comparison_json(comparison, runs); }
};
CompareResult compare(const std::vector<std::string>& runs);

}  // namespace potline::api
