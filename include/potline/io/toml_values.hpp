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

namespace potline::io {

/// Parses TOML text; a syntax error is reported at file:line:col of the error with toml++'s
/// description, and nullopt is returned.
std::optional<toml::table> parse_toml(const std::string& text, const std::string& file,
                                      core::Diagnostics& diagnostics);

/// "file:line:col" of a TOML node.
core::SourceLocation toml_location(const toml::node& node, const std::string& file);

/// A number in `unit`, or a string with its own unit, converted to `target_unit`. Absent node:
/// nullopt without a message. Non-numbers, bad units and non-finite values are errors on `key`.
std::optional<double> toml_quantity(const toml::node* node, const std::string& key,
                                    const std::string& unit, const std::string& target_unit,
                                    const std::string& file, core::Diagnostics& diagnostics);

/// Reports "unknown WHAT 'NAME'" on `key`, with a did-you-mean from `candidates` when one is close.
void report_unknown_name(const std::string& what, const std::string& name,
                         const std::vector<std::string>& candidates,
                         const core::SourceLocation& where, const std::string& key,
                         core::Diagnostics& diagnostics);

}  // namespace potline::io
