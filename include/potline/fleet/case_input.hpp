#pragma once
// Reading a case whose file has plain sections ([fleet], [market], ...) and arrays of tables
// ([[tariff]], [[uncertain]], ...) against one schema: the fleet case and the sweep file. Every
// value is converted and range-checked by io::convert_input, exactly as for the flat case types;
// unknown keys get a did-you-mean; wrong types are errors (a quoted "false" is not a boolean); all
// errors are collected in one pass, in document order, at file:line:col.
//
// A key of a table in the array NAME is declared in the schema as "NAME.KEY" and addressed on the
// command line as NAME[I].KEY (I counted from 0, as in the TOML array).
#include <toml++/toml.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::fleet {

/// How a case file is laid out around its schema.
struct CaseLayout {
  const io::Schema* schema = nullptr;
  std::vector<std::string> arrays;       ///< names of the arrays of tables (keys "NAME.KEY")
  std::vector<std::string> lists;        ///< keys taking a string or an array of strings
  std::vector<std::string> deferred;     ///< keys converted later (unit known only from another key)
  std::vector<std::string> passthrough;  ///< top-level names another reader handles (not checked)
  std::vector<std::string> switches;     ///< sections whose presence switches a feature on ([cbam])
  /// Keys taking a date, YYYY-MM-DD (a TOML date or a quoted string), from 1 January of the first
  /// year to 31 December of the last: the value's text is the date, its number the day since 1970-01-01.
  std::vector<std::string> dates;
  int first_date_year = 0, last_date_year = 0;
};

/// One table of an array of tables: its values keyed "NAME.KEY", where it starts.
struct TableValues {
  std::string label;  ///< "tariff[0]": how messages name this table's keys (label.KEY)
  io::ValueSet values;
  core::SourceLocation where;
  std::set<std::string> rejected;  ///< keys given with a value that was reported as an error
  std::size_t index_in_file = 0;   ///< its place among the [[NAME]] tables of its own file, from 0
  /// With case.base, when the merged index (label) differs from index_in_file: which table of which
  /// file the label names ("the case's 2nd [[cap]], the 1st of FILE"); empty otherwise.
  std::string merged_note;
};

/// The values of a case as read: plain keys, and each array's tables in document order.
/// List keys hold their items joined by '\n'; deferred keys hold the raw text (number = 1 when it
/// was a quoted string, 0 when a bare number).
struct CaseInput {
  io::ValueSet scalars;
  std::set<std::string> rejected;  ///< plain keys given with a value that was reported as an error
  std::map<std::string, std::vector<TableValues>> arrays;
  std::vector<std::string> present_sections;  ///< the [section] tables the file has
};

/// How messages name key "NAME.KEY" of table `t`: "NAME[I].KEY".
std::string shown_key(const TableValues& t, const std::string& key);

/// The items of a list value ('\n'-joined).
std::vector<std::string> list_items(const io::Value& value);

/// Reads a parsed TOML document. Values are converted and range-checked; errors go to `d`.
void read_case_input(const toml::table& doc, const std::string& file, const CaseLayout& layout,
                     CaseInput& input, core::Diagnostics& d);

/// Applies --set KEY=VALUE overrides: plain keys, and NAME[I].KEY for the I-th table of the array
/// NAME (an index past the end is an error naming the number of tables).
void apply_case_overrides(const std::vector<std::string>& sets, const CaseLayout& layout,
                          CaseInput& input, core::Diagnostics& d);

/// A commented starter file for `layout`: each section with its keys (description, unit, allowed
/// range; a key with an entry in `examples` is written with that TOML value, the others commented
/// out with their default), then each array of tables commented out with the example values.
std::string case_template(const CaseLayout& layout, const std::string& header,
                          const std::map<std::string, std::string>& examples);

/// Converts a deferred value with `field` (which carries the unit and range that apply).
std::optional<double> convert_deferred(const io::FieldSpec& field, const io::Value& raw,
                                       core::Diagnostics& d);

}  // namespace potline::fleet
