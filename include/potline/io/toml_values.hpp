#pragma once
// Reading single values from toml++ nodes with the project's conventions: a location for
// messages, and quantities given as a plain number in a stated unit or a string with its own
// unit, converted by the one unit parser. Used by readers whose files are not flat schema cases
// (technology catalogue, fleet cases and datasets, sweep files).
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::io {

/// Parses TOML text; a syntax error is reported at file:line:col of the error with toml++'s
/// description, and nullopt is returned.
std::optional<toml::table> parse_toml(const std::string& text, const std::string& file,
                                      core::Diagnostics& diagnostics);

/// Reads and parses one of the project's TOML data files (data/...). A missing file is an error
/// naming the data folder's sources (toml++ would call it a syntax error); a syntax error is
/// reported at file:line:col as "TOML syntax error in data file: ..."; any other read failure as
/// "cannot read data file: ...". nullopt after an error.
std::optional<toml::table> parse_toml_data_file(const std::string& path,
                                                core::Diagnostics& diagnostics);

/// "file:line:col" of a TOML node.
core::SourceLocation toml_location(const toml::node& node, const std::string& file);

/// A number in `unit`, or a string with its own unit, converted to `target_unit`. Absent node:
/// nullopt without a message. Non-numbers, bad units and non-finite values are errors on `key`.
std::optional<double> toml_quantity(const toml::node* node, const std::string& key,
                                    const std::string& unit, const std::string& target_unit,
                                    const std::string& file, core::Diagnostics& diagnostics);

/// Converts one TOML value of a schema field. The TOML type must suit the field: booleans are
/// unquoted true/false; integers are TOML integers; numbers are TOML integers or floats, or strings
/// that carry a unit ("4.5 cm"); strings and choices are quoted. Anything else (a quoted "false"
/// for a boolean, 3.5 for an integer, a string without a unit for a number, an array or table for
/// a scalar) is an error at `where` naming `key`, the value and the expected type - never coerced.
std::optional<Value> read_toml_field(const FieldSpec& field, const toml::node& node, const std::string& key,
                                     const core::SourceLocation& where, core::Diagnostics& diagnostics);

/// "the string 'x'", "the integer 3", "the float 3.5", "the boolean true", "an array", ... for messages.
std::string describe_toml_value(const toml::node& node);

/// "a number (in cm) or a string with a unit", "an integer", "true or false", ... for messages.
std::string expected_type_text(const FieldSpec& field);

/// Reports "unknown WHAT 'NAME'" on `key`, with a did-you-mean from `candidates` when one is close.
void report_unknown_name(const std::string& what, const std::string& name,
                         const std::vector<std::string>& candidates,
                         const core::SourceLocation& where, const std::string& key,
                         core::Diagnostics& diagnostics);

}  // namespace potline::io
