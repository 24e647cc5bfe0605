#pragma once
// The self-contained HTML report: one file holding the Vega, Vega-Lite and vega-embed scripts,
// the world map and every chart's data inline. It requests nothing from the network when opened.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "potline/report/run_data.hpp"

namespace potline::report {

/// The bytes of an asset linked into the program from node_modules (see cmake/ReportAssets.cmake):
/// "vega", "vega_lite", "vega_embed", "world_110m"; empty for an unknown name.
std::string_view embedded_asset(std::string_view name);

/// The report page for the runs, in the order given: for each run its provenance (folder,
/// command line, case files and their SHA-256, program version, git commit, seed, start time),
/// charts, tables and warnings; when two or more runs of one command are given, a comparison of
/// their summaries. Throws core::RunError if an embedded script could end its <script> element.
struct Page {
  std::string html;
  std::size_t charts = 0;  ///< charts on the page (each drawn by vega-embed when opened)
};
Page render_html(const std::vector<RunData>& runs);

/// `text` with &, <, >, " and ' replaced by HTML entities.
std::string escape_html(std::string_view text);

/// JSON text safe inside a <script> element ("</" written as "<\/").
std::string script_json(const io::Json& value);

}  // namespace potline::report
