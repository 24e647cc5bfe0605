#pragma once
// The flag-driven commands (potline bath, emissions, cbam) as library functions: options in (texts by
// schema key, see options.hpp), the JSON document that `potline COMMAND --json` prints out. The CLI
// formats its text from the same document, and the Python API returns it, so all three agree by
// construction. Input errors throw core::InputError with every message collected.
#include <string>

#include "potline/api/options.hpp"
#include "potline/io/json_output.hpp"

namespace potline::api {

/// Bath properties (liquidus, alumina saturation and activity, conductivity, density, ratios).
io::Json bath(const OptionTexts& options);

/// Process emissions of primary aluminium: anode CO2 and PFCs by the IPCC methods; `data_dir`
/// holds emissions/ipcc-aluminium.toml.
io::Json emissions(const OptionTexts& options, const std::string& data_dir);

/// EU CBAM certificates and cost per tonne for one import year; `data_dir` holds cbam.toml.
io::Json cbam(const OptionTexts& options, const std::string& data_dir);

}  // namespace potline::api
