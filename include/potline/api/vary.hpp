#pragma once
// One-at-a-time sensitivity (`--vary`): each --vary KEY=... varies one case field over a list of
// values while every other input stays at the case's (and --set's) value; the chosen outputs of the
// command's JSON document are tabulated against each value. Built on the --set machinery: a point is
// the command run with one more override KEY=VALUE, so every value is converted, range-checked and
// reported exactly like --set (units allowed: "--vary prices.power=30:60:10 USD/MWh").
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"

namespace potline::api {

/// At most this many values per --vary, and this many runs in all: a larger table is almost always
/// a mistaken step, and a point can be a year-long potline simulation.
inline constexpr std::size_t kMaxVaryValues = 200;
inline constexpr std::size_t kMaxVaryRuns = 1000;

struct VarySpec {
  std::string key;                  ///< the case field, as for --set
  std::vector<std::string> values;  ///< the values as --set texts ("30 USD/MWh")
  int index = 0;                    ///< position among the --vary options (1-based), for messages
  /// The field's unit ("USD/t"; empty for text and dimensionless fields): a value given as a plain
  /// number is shown with it in the table ("2200 USD/t", not "2200"), while the run gets the text
  /// as typed (so a plain 0.08 for a % field is still warned as a likely fraction).
  std::string unit;
};

/// Parses "KEY=START:STOP:STEP" (STOP included when the steps reach it; an optional unit after the
/// numbers applies to each value: "acd=3.5:5:0.5 cm") or "KEY=V1,V2,..." (each value as for --set,
/// e.g. "case.technology=AP40,AP60"). Errors (no '=', bad number, step 0 or away from STOP, too many
/// values) are reported keyed "--vary #N".
std::optional<VarySpec> parse_vary(const std::string& text, int index, core::Diagnostics& diagnostics);

/// `text` with "--set #H" (the hidden --set a --vary value is run as, H = the base --set count + 1)
/// written "--vary #N": a message or warning about the varied value names where it came from (T13-12).
std::string relabel_hidden_set(std::string text, std::size_t hidden_index, int vary_index);

/// The table: one row per (spec, value), one column per output.
struct VaryTable {
  std::string command;
  std::string title;                 ///< the case's title (of the first point's document)
  std::vector<std::string> outputs;  ///< dotted paths into the JSON document (objects expanded)
  struct Row {
    std::string key;
    std::string value;                          ///< the --set text, with VarySpec::unit after a plain number
    std::vector<std::optional<double>> outputs;  ///< nullopt where the document has null (e.g. no IRR)
    /// The document's verdict on its state, where it gives one (cell: `operating_point`, and
    /// `thermal.operating_point` with --thermal): false when the cell does not run in this state, so
    /// its voltage, CE and SEC are no operating point (T14-1); nullopt for documents without one.
    std::optional<bool> operating_point = std::nullopt;
    /// The document's integer `seed` (simulate, flex: the run.seed the point ran at), else nullopt.
    std::optional<std::int64_t> seed = std::nullopt;
  };
  std::vector<Row> rows;
  /// About the --outputs asked for, as "--outputs: warning: 'KEY': ..." (a key renamed in the JSON
  /// document, read under its old name for one release: cell's bath_temperature_C, liquidus_C).
  std::vector<std::string> warnings;
};

/// Runs the command with `base_sets` plus KEY=VALUE for every value of every spec and reads
/// `outputs` ("cost_usd_per_t.c1"; a path to an object of numbers gives one column per member;
/// empty: `default_outputs`). An input error of a point is reported at "--vary #N" instead of the
/// hidden --set it was given as; an output path absent from the first result is an input error with
/// a did-you-mean among the document's numeric paths.
using RunWithSets = std::function<io::Json(const std::vector<std::string>& sets)>;
VaryTable run_vary(const std::string& command, const std::vector<VarySpec>& specs, const std::vector<std::string>& base_sets,
                   const std::vector<std::string>& outputs, const RunWithSets& run);

/// The outputs tabulated when none are chosen, per command (cell, smelter, invest, fleet, simulate, flex).
std::vector<std::string> default_vary_outputs(const std::string& command);

/// Splits "a,b,c" (blanks trimmed; empty items dropped).
std::vector<std::string> split_list(const std::string& text);

/// The unit of a plain number for KEY in COMMAND's case schemas ("tariff[0].rate" is the field
/// "tariff.rate"), "" for text, dimensionless or unknown keys (an unknown key is the run's error).
std::string vary_field_unit(const std::string& command, const std::string& key);

/// Parses every --vary text (KEY=START:STOP:STEP or KEY=V1,V2,...; errors keyed "--vary #N" into
/// `diagnostics`), each with the unit of its field. No text at all is an error too.
std::vector<VarySpec> parse_vary_specs(const std::string& command, const std::vector<std::string>& texts,
                                       core::Diagnostics& diagnostics);

/// A warning of the points' documents that names the varied key (an NPV 15 times too large from
/// `invest --vary investment.wacc=0.06,0.08`, read as %, must not pass without the warning a single
/// run gives), with the points ("KEY=VALUE") it came from.
struct VaryWarning {
  std::string message;
  std::vector<std::string> points;
  /// From the document's "notes" (a caveat of the model, e.g. a CE that does not respond to the varied
  /// ACD under the Dewing model), not its "warnings".
  bool note = false;
};

struct VaryRun {
  VaryTable table;
  std::vector<VaryWarning> warnings;
  int points = 0;  ///< runs made
  /// The points a warning came from, "K=V, K=V", or "" when it came from all of them.
  std::string where(const VaryWarning& warning) const;
};

/// `--vary`: parses the texts (parse_vary_specs; its errors, with those the caller found already in
/// `diagnostics`, thrown as one core::InputError), runs every point (run_vary) and collects the
/// warnings and notes that name a varied key. The CLI and the Python API's potline.vary both call this.
VaryRun run_vary_points(const std::string& command, const std::vector<std::string>& vary_texts,
                        const std::vector<std::string>& base_sets, const std::vector<std::string>& outputs,
                        const RunWithSets& run, core::Diagnostics diagnostics = {});

io::Json vary_json(const VaryTable& table);
/// "key,value,OUTPUT..." with missing values empty.
std::string vary_csv(const VaryTable& table);
/// Aligned columns for the terminal, missing values as "n/a".
std::string vary_text(const VaryTable& table);

}  // namespace potline::api
