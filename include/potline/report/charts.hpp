#pragma once
// What the report shows for one run: Vega-Lite chart specifications (data inline) and tables,
// built from a RunData. Pure functions of the run: no file access, no clock.
//
// Every chart names the unit ("primary") whose marks stand for the data (one bar per cost
// component, one path per series, one symbol per smelter...) and how many such marks the data
// gives; the browser tests count them in the rendered SVG.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/report/run_data.hpp"

namespace potline::report {

/// Name given to the Vega-Lite unit whose marks the tests count (Vega names them "primary_marks").
inline constexpr const char* kPrimaryMarks = "primary";

struct Chart {
  std::string id;                ///< unique within a page (assigned by the page writer)
  io::Json spec;                 ///< Vega-Lite specification with its data inline
  std::size_t expected_marks = 0;  ///< marks the "primary" unit draws for this data
  std::string note;              ///< what was left out or thinned, shown under the chart ("" if nothing)
};

/// A table for the page: cells are text; a missing value is the text "missing".
struct HtmlTable {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  /// Definitions of the columns, in body text under the table (user trial T19-16: a six-line
  /// heading); empty: none.
  std::string caption = {};
};

struct RunReport {
  std::vector<Chart> charts;
  std::vector<HtmlTable> tables;
  std::vector<std::string> missing;  ///< charts that could not be drawn and why
};

/// Charts and tables for one run, by its command.
RunReport build_run_report(const RunData& run);

/// Per command (each in its own file).
RunReport cell_report(const RunData& run);
RunReport smelter_report(const RunData& run);
/// The smelter's inert-anode, carbon-capture and HPA tables (charts_smelter_nextgen.cpp).
std::vector<HtmlTable> smelter_nextgen_tables(const RunData& run);
RunReport invest_report(const RunData& run);
/// Fleet charts of carbon capture on named smelters and of the high-purity product
/// (charts_fleet_nextgen.cpp); nothing when the table has no drawable value.
std::optional<Chart> fleet_ccs_chart(const RunData& run, const Table& ccs_retrofit);
std::optional<Chart> fleet_hpa_chart(const RunData& run, const Table& hpa);
/// The metal grade of every tap of a simulate run (purity_taps.csv) and the share tapped by grade
/// (charts_simulate_purity.cpp).
std::optional<Chart> purity_taps_chart(const RunData& run, const Table& purity_taps);
HtmlTable purity_grade_table(const RunData& run);
RunReport simulate_report(const RunData& run);
RunReport fleet_report(const RunData& run);
RunReport sweep_report(const RunData& run);
RunReport vary_report(const RunData& run);
RunReport flex_report(const RunData& run);

/// Side-by-side charts for several runs of one command (time series overlaid for simulate, cost
/// curves for fleet, key costs for smelter); empty when the command has none.
std::vector<Chart> comparison_charts(const std::vector<RunData>& runs);

/// The summary's scalars as a two-column table (key, value); null values read "missing".
HtmlTable summary_table(const RunData& run);

}  // namespace potline::report
