#pragma once
// `potline fleet CASE --export-smelter ID`: one fleet smelter as a smelter case file — every input
// the fleet gives it (dataset row, region table, fleet case levers), each with a comment saying
// where it came from — so `potline smelter FILE` evaluates it with the same code and inputs.
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/fleet_case.hpp"

namespace potline::fleet {

/// The smelter case TOML of included smelter `id` at the case's levers (power shocks applied to
/// its power price). The case's domestic carbon price on scope 1 has no smelter-case input: the
/// file says so in a comment. An id that is not an included smelter is an input error (thrown,
/// with a did-you-mean).
std::string smelter_case_toml(const FleetCase& c, const std::string& id, const plant::SmelterData& data,
                              core::Diagnostics& diagnostics);

}  // namespace potline::fleet
