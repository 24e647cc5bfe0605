#pragma once
// The data files a command read besides its case file (the technology catalogue, the smelter
// dataset, a price series, ...), for the manifest of its run folder. The CLI's --out DIR and the
// Python API's Result.save(DIR) both list them from here, so the two manifests name the same
// inputs.
#include <string>
#include <vector>

#include "potline/api/case_commands.hpp"
#include "potline/api/flex_command.hpp"
#include "potline/api/simulate_command.hpp"

namespace potline::api {

std::vector<std::string> read_files(const CellRun& run);
std::vector<std::string> read_files(const SmelterRun& run);
std::vector<std::string> read_files(const InvestRun& run);
std::vector<std::string> read_files(const FleetInput& input);
std::vector<std::string> read_files(const SimulationInput& input);
std::vector<std::string> read_files(const FlexInput& input);

}  // namespace potline::api
