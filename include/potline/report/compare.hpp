#pragma once
// `potline compare`: every summary metric of two or more runs of one command side by side, with
// the absolute and relative change of each run against the first (the baseline).
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/report/run_data.hpp"

namespace potline::report {

struct MetricRow {
  std::string key;                          ///< dotted summary path, unit in the name
  std::vector<std::optional<double>> values;  ///< one per run; nothing where the run lacks it
  /// Change of run k against run 0: value_k - value_0, and (value_k - value_0) / |value_0|;
  /// nothing for run 0, where either value is missing, or (relative) where value_0 is 0.
  std::vector<std::optional<double>> change, relative_change;
};

struct TextRow {
  std::string key;
  std::vector<std::optional<std::string>> values;  ///< strings and booleans as text
};

struct Comparison {
  std::string command;
  std::vector<std::string> paths;
  std::vector<MetricRow> metrics;  ///< every numeric scalar, in the first run's key order, then keys only later runs have
  std::vector<TextRow> differing_text;  ///< non-numeric scalars whose text differs between runs
};

/// Compares runs already loaded; every run must be of the same command (core::InputError
/// naming each run's command otherwise) and, where the manifests say, of the same Potline version.
Comparison compare_runs(const std::vector<RunData>& runs);

/// The comparison as JSON: {"command", "runs": [...], "metrics": [{"key", "values", "change",
/// "relative_change"}], "differing_text": [...]}; missing numbers are null.
io::Json comparison_json(const Comparison& c, const std::vector<RunData>& runs);

/// Significant digits of the values and changes in the text and HTML tables.
inline constexpr int kPrintedDigits = 6;

/// True when some run's value differs from the first run's at the printed precision: the two print
/// differently with kPrintedDigits significant digits and differ by at least half a unit in that
/// last digit (of the larger), or one is missing and the other not. Smaller differences are
/// rounding noise (a re-solved LP, a summed series: 3740.43 against 3740.4300000000005) that the
/// tables would show as equal values with a change in the last bits; exact zeros still count.
bool differs_at_printed_precision(const MetricRow& m);

/// The comparison as an aligned text table; `all` = false leaves out metrics equal in every run
/// (differs_at_printed_precision false).
std::string comparison_text(const Comparison& c, bool all);

}  // namespace potline::report
