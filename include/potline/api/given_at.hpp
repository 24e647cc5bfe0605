#pragma once
// Where a case's key was given, for an error found after the case was read (a value checked against
// the model, a rule between keys) that would otherwise be placed at the case file with no line.
#include <optional>
#include <string>

#include "potline/api/case_commands.hpp"
#include "potline/core/diagnostics.hpp"

namespace potline::api {

/// Where `key` was given for the case: its last --set ("--set #N", as the value read is the last
/// one's), else its place in the case file ("FILE:LINE:COL"; `key` dotted, "fleet.flex_power" is
/// [fleet] flex_power; a value, not a table); nullopt when neither gave it (a default, a case.base
/// file, a key inside an array of tables).
std::optional<core::SourceLocation> given_at(const CaseSource& source, const std::string& key);

/// `e` with each error that sits at the case file without a line (or at no place) moved to where
/// its key was given (user trial T17-8: fleet.flex_power from --set was blamed on the case file).
core::InputError placed_where_given(const core::InputError& e, const CaseSource& source);

}  // namespace potline::api
