#pragma once
// Options of the flag-driven commands (bath, emissions, cbam) declared once in a schema each (keys
// "COMMAND.OPTION", e.g. "cbam.eua-price-eur" for --eua-price-eur). Every option is read as text
// and converted by io::convert_input exactly like a case-file field: numbers take units
// ("--eua-price-eur '80 EUR/t'"), ranges give the same messages, inf and nan are input errors.
// The CLI adds them as --OPTION flags; the Python API takes them as keyword arguments.
#include <map>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::api {

const io::Schema& bath_options_schema();
const io::Schema& emissions_options_schema();
const io::Schema& cbam_options_schema();

/// The texts given for the options, by schema key ("bath.alumina" -> "3").
using OptionTexts = std::map<std::string, std::string>;

/// "--OPTION" for the schema key "COMMAND.OPTION": the name every message uses.
std::string option_of(const std::string& key);

/// Converts and checks the given options (errors keyed --OPTION), then fills the defaults. A key
/// the schema lacks is an error with a did-you-mean.
io::ValueSet read_schema_options(const io::Schema& schema, const OptionTexts& given, core::Diagnostics& d);

}  // namespace potline::api
