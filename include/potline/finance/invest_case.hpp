#pragma once
// The invest case (`potline invest CASE.toml`): the smelter case plus [investment] and [retrofit].
#include <optional>
#include <string>
#include <vector>

#include "potline/finance/investment.hpp"
#include "potline/io/schema.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::finance {

const io::Schema& invest_schema();

struct InvestCase {
  plant::SmelterCase operating;  ///< the plant after the investment
  std::optional<plant::SmelterCase> existing;  ///< retrofit only
  InvestmentInputs inputs;
};

/// Reads, overrides, validates; throws core::InputError on input errors.
InvestCase load_invest_case(const std::string& path, const std::vector<std::string>& sets,
                            const plant::SmelterData& data, core::Diagnostics& diagnostics);

/// Same, from TOML text (the Python API's dicts); `display_name` stands in for the file in messages
/// and relative paths inside the text are resolved against the working directory.
InvestCase load_invest_case_text(const std::string& toml_text, const std::string& display_name,
                                 const std::vector<std::string>& sets, const plant::SmelterData& data,
                                 core::Diagnostics& diagnostics);

}  // namespace potline::finance
