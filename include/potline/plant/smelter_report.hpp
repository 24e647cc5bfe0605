#pragma once
// JSON and text views of a smelter result (keys documented in docs/cli-economics.md).
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant {

io::Json smelter_result_json(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings);
std::string smelter_summary_text(const SmelterCase& c, const SmelterResult& r, const std::vector<std::string>& warnings);

}  // namespace potline::plant
