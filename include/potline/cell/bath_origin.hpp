#pragma once
// Where a case's bath composition and temperature came from, for the messages that blame the bath
// (user trial 2026-12-05, item CD: `--set bath.alf3=0.11` was refused at the case file's
// temperature line, naming no composition).
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"

namespace potline::cell {

/// "Al2O3 2.5 wt% (examples/default.toml:13:11), AlF3 0.11 wt% (--set #1), CaF2 5 wt% (technology
/// catalogue, data/technologies.toml:158:12)": every component that is not zero or was given, with
/// where its value came from (a file:line:col, a --set, the technology catalogue, the default).
std::string bath_composition_origins(const io::ValueSet& values);

/// Where a value came from, as in bath_composition_origins ("--set #1", "technology catalogue, ...").
std::string value_origin(const io::ValueSet& values, const std::string& key);

/// The key and location to put an error on when the bath temperature and composition disagree:
/// a composition key given on the command line when the temperature was not (the change the user
/// just made), else operation.bath_temperature.
struct BathBlame {
  std::string key;
  core::SourceLocation location;
};
BathBlame bath_blame(const io::ValueSet& values);

}  // namespace potline::cell
