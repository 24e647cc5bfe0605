#pragma once
// A finished run read back from disk: the run folder that `potline CMD ... --out DIR` writes
// (manifest.json, summary.json and the CSV tables the manifest lists), or a summary JSON on its
// own (`potline CMD ... --json > a.json`). The report and `potline compare` read runs only
// through this type, so both say the same thing about a missing, truncated or foreign folder.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"

namespace potline::report {

/// A CSV table as written by a run: the header's column names (units inside them) and the cells.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  /// Index of the column named `name`, or -1 when the table has none.
  int column(std::string_view name) const;
  /// The cell as a finite number, or nothing when the column is absent, the cell empty, not a
  /// number, NaN or infinite (the report shows such a cell as missing).
  std::optional<double> number(std::size_t row, std::string_view name) const;
  /// The cell's text, or "" when the column is absent.
  std::string text(std::size_t row, std::string_view name) const;
};

struct RunData {
  std::string path;       ///< the folder or summary file as given
  std::string command;    ///< the command that wrote it: cell, smelter, invest, simulate, fleet, flex, vary, sweep
  io::Json manifest;      ///< null when only a summary JSON was given and no manifest lies beside it
  io::Json summary;       ///< summary.json (an object)
  std::map<std::string, Table> tables;  ///< CSV name (e.g. "timeseries.csv") -> table

  /// The run's title (summary "title"), or the folder name when the summary has none.
  std::string title() const;
  /// A table if the run has it.
  const Table* table(const std::string& name) const;
  /// For a run a physical guard stopped (summary "complete": false with "stop_reason", as
  /// `simulate` writes it): "stopped at 29.78 h: bath frozen (cell 0)"; "" for a finished run.
  std::string stopped_text() const;
};

/// Commands whose runs Potline can read back, in the order the report lists them.
const std::vector<std::string>& readable_commands();

/// The command whose summary this is, told from keys only that command writes ("" if none).
std::string infer_command(const io::Json& summary);

/// Splits CSV text into a table with io::parse_csv (RFC 4180); the first record is the header.
/// Reports malformed quoting and a record whose field count differs from the header's at file:line.
Table parse_table(std::string_view text, const std::string& file, core::Diagnostics& diagnostics);

/// Reads a run folder, a summary JSON file (with the manifest beside it when there is one), or a
/// sweep's results store (an SQLite file: command "sweep", the long table as table "results").
/// Every problem is reported as an input error with the file named: no such folder, no summary,
/// a truncated or non-JSON summary or manifest, a manifest of another program, a command Potline
/// cannot read back, a manifest written by another Potline version, an output the manifest
/// lists but the folder lacks. Returns nothing when there were errors.
/// `with_tables` = false reads only the manifest and the summary (enough for `compare`).
std::optional<RunData> load_run(const std::string& path, core::Diagnostics& diagnostics, bool with_tables = true);

/// Every scalar of a JSON value as (dotted path, value) in document order; array elements as
/// "key[i]". Used by `compare` and by the summary tables of the report.
std::vector<std::pair<std::string, io::Json>> flatten(const io::Json& value);

}  // namespace potline::report
