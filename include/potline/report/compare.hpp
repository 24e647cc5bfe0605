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
  std::vector<std::optional<double>> values;  ///< one per run; nothing where the run lacks it or has null
  /// One per run: the run has the key with the value null (an undefined mean, e.g. the onset
  /// alumina of a run without anode effect), printed "—"; a key the run lacks prints "missing".
  std::vector<bool> null;
  /// Change of run k against run 0: value_k - value_0, and (value_k - value_0) / |value_0|;
  /// nothing for run 0, where either value is missing, or (relative) where value_0 is 0.
  std::vector<std::optional<double>> change, relative_change;
};

struct TextRow {
  std::string key;
  std::vector<std::optional<std::string>> values;  ///< strings and booleans as text
};

/// An array element that some runs have and others lack (docs/cli.md, potline compare): elements
/// of an array of objects are matched by an identity field (`exclusions[origin=country RUS]`),
/// others by position (`event_windows[3]`).
struct UnmatchedElement {
  std::string key;             ///< as the metric keys write it
  std::vector<bool> present;   ///< one per run
};

struct Comparison {
  std::string command;
  std::vector<std::string> paths;
  /// Each run's inputs from its manifest's command line: the case file and the --set, --technology,
  /// --prices, --thermal and --envelope options ("examples/x.toml --set prices.power=40"); all empty
  /// when they are the same in every run (then they do not tell the runs apart).
  std::vector<std::string> inputs;
  /// Per run: RunData::stopped_text() ("stopped at 29.78 h: bath frozen (cell 0)"), "" for a finished run.
  std::vector<std::string> stopped;
  std::vector<MetricRow> metrics;  ///< every numeric scalar, in the first run's key order, then keys only later runs have
  std::vector<TextRow> differing_text;  ///< non-numeric scalars whose text differs between runs
  std::vector<UnmatchedElement> unmatched_elements;  ///< array elements not in every run (runs hold the array)
};

/// Fields that name an element of an array of objects, in order of preference. An array is keyed by
/// the first field that every element of every run's array holds as a string or an integer, unique
/// within each array (`exclusions[origin=province Xinjiang]`, `path[year=2030]`); by position
/// otherwise (`event_windows[0]`, four windows of one kind). `value`: the rows of two `--vary` runs
/// over different values (30,40 against 40,50) were compared row by row, 30 against 40.
inline constexpr const char* kIdentityFields[] = {"id",     "name",       "origin", "year", "kind",
                                                  "region", "technology", "value"};

/// Compares runs already loaded; every run must be of the same command (core::InputError
/// naming each run's command otherwise) and, where the manifests say, of the same Potline version.
Comparison compare_runs(const std::vector<RunData>& runs);

/// The comparison as JSON: {"command", "runs": [...], "metrics": [{"key", "values", "change",
/// "relative_change"}], "differing_text": [...], "unmatched_elements": [{"key", "present"}]};
/// missing numbers are null.
io::Json comparison_json(const Comparison& c, const std::vector<RunData>& runs);

/// Significant digits of the values and changes in the text and HTML tables.
inline constexpr int kPrintedDigits = 6;

/// A first run's value below this fraction of the row's largest value is a zero computed in floating
/// point (-2.9e-14 against -8.8): the relative change is null ("-"), not -3e16 %.
inline constexpr double kNoiseFraction = 1e-9;

/// True when some run's value differs from the first run's at the printed precision: the two print
/// differently with kPrintedDigits significant digits and differ by at least half a unit in that
/// last digit (of the larger), or one is missing and the other not. Smaller differences are
/// rounding noise (a re-solved LP, a summed series: 3740.43 against 3740.4300000000005) that the
/// tables would show as equal values with a change in the last bits; exact zeros still count.
bool differs_at_printed_precision(const MetricRow& m);

/// A run fact that is no result (wall-clock time, not reproducible): a key whose last member is
/// wall_seconds, seconds or samples_per_s (flex's solver.seconds too), left out of the tables but for
/// --all and kept in --json.
bool is_timing_key(const std::string& key);

/// A value as the tables print it: kPrintedDigits significant digits × scale, "—" for null (run k
/// has the key, undefined), "missing" where run k lacks the key.
std::string value_text(const MetricRow& m, std::size_t k, double scale = 1.0);

/// The comparison as an aligned text table; `all` = false leaves out metrics equal in every run
/// (differs_at_printed_precision false).
std::string comparison_text(const Comparison& c, bool all);

}  // namespace potline::report
