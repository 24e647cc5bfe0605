// Internal to src/api: whether each regional [[power_shock]] of a fleet case binds (T11-3).
#pragma once

#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/json_output.hpp"

namespace potline::api {

/// Each region's [[power_shock]] of `input` (its own levers, not a path's) solved away in the case
/// `c` that was solved to `with` (the case, or its last year): summary key `power_shocks`
/// (docs/cli.md). An empty array without regional power shocks.
io::Json power_shocks_json(const fleet::FleetCase& input, const fleet::FleetCase& c,
                           const fleet::FleetResult& with);

}  // namespace potline::api
