// Internal to src/api: what a fleet case's [[added_load]]s do (user trial T12-9; issue 10 part 6).
#pragma once

#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/json_output.hpp"

namespace potline::api {

/// The case `c` (the case, or its last year) solved to `with`, against the same case solved without
/// its [[added_load]]s: summary key `added_loads` (docs/cli.md, "potline fleet"). Per area with a
/// load on its supply curve: the GW added, the power-price rise, the mean power price of its exposed
/// smelters before -> after, its region's aluminium price and production before -> after; and every
/// smelter whose power price or output moved. Null when the case adds no load.
io::Json added_loads_json(const fleet::FleetCase& c, const fleet::FleetResult& with);

}  // namespace potline::api
