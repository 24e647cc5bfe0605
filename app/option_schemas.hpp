#pragma once
// The --OPTION flags of bath, emissions and cbam, from their schemas in the library
// (potline/api/options.hpp: units, ranges, defaults and messages shared with the Python API).
// `potline schema bath|emissions|cbam` lists them.
#include <CLI/CLI.hpp>
#include <memory>

#include "potline/api/options.hpp"

namespace potline::app {

using api::bath_options_schema;
using api::cbam_options_schema;
using api::emissions_options_schema;
using api::OptionTexts;
using api::read_schema_options;

/// Adds --OPTION for every field of `schema` to `cmd` (help: description, unit, default, range).
std::shared_ptr<OptionTexts> add_schema_options(CLI::App* cmd, const io::Schema& schema);

}  // namespace potline::app
