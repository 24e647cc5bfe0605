#pragma once
// Where a conflict between simulate inputs is reported (user trial T17-9): at the key the user gave
// (a --set, else one written in the case file), naming the others with their values and where they
// came from, not at a partner left at its default and placed at the case file without a line.
#include <initializer_list>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"

namespace potline::line {

/// Of `keys`, the one to report a conflict at: the first given with --set, else the first written
/// in the case file, else the first.
std::string blamed_key(const io::ValueSet& v, const std::vector<std::string>& keys);

/// "run.sample_period = 60 s (--set #1)", "dynamics.undercooling_time = 1 min (default)": the key,
/// its value in its input unit and where the value came from.
std::string quoted(const io::ValueSet& v, const std::string& key);

/// The value of `key` in its input unit ("60 s"), as the messages quote it.
std::string value_text(const io::ValueSet& v, const std::string& key);

/// An error of a conflict between `keys`: at blamed_key, as "VALUE: WHAT; the partner(s): KEY = VALUE
/// (ORIGIN), ...; FIX". `what` and `fix` are written without the blamed key's own value.
void conflict_error(const io::ValueSet& v, core::Diagnostics& diagnostics, const std::vector<std::string>& keys,
                    const std::string& what, const std::string& fix);

/// Where `key`'s value came from, or nothing for a default (located at the case by the caller).
core::SourceLocation location_of(const io::ValueSet& v, const std::string& key);

}  // namespace potline::line
