#pragma once
// Writing the HTML report of run folders (potline report, --report on the run commands, potline
// compare --report): one place, so the three say the same thing.
#include <string>
#include <vector>

namespace potline::app {

/// Reads the runs (input errors for a missing, truncated or foreign run), writes the page to `out`
/// (empty: report.html in the first run's folder) and returns the line to print
/// ("report written to FILE (N run(s), M charts)\n").
std::string write_report_page(const std::vector<std::string>& runs, const std::string& out);

}  // namespace potline::app
