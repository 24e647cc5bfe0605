#pragma once
// Options of the flag-driven commands (bath, emissions, cbam) declared once in a schema each (keys
// "COMMAND.OPTION", e.g. "cbam.eua-price-eur" for --eua-price-eur). Every option is read as text
// and converted by io::convert_input exactly like a case-file field: numbers take units
// ("--eua-price-eur '80 EUR/t'"), ranges give the same messages, inf and nan are input errors.
// `potline schema bath|emissions|cbam` lists them.
#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::app {

const io::Schema& bath_options_schema();
const io::Schema& emissions_options_schema();
const io::Schema& cbam_options_schema();

/// The texts given on the command line, by schema key.
using OptionTexts = std::map<std::string, std::string>;

/// Adds --OPTION for every field of `schema` to `cmd` (help: description, unit, default, range).
std::shared_ptr<OptionTexts> add_schema_options(CLI::App* cmd, const io::Schema& schema);

/// Converts and checks the given options (errors keyed --OPTION), then fills the defaults.
io::ValueSet read_schema_options(const io::Schema& schema, const OptionTexts& given, core::Diagnostics& d);

}  // namespace potline::app
