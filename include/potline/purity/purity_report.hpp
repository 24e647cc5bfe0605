#pragma once
// The metal purity of one cell evaluation: inputs from the case, the anode balance from the result.
#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/io/json_output.hpp"
#include "potline/purity/purity.hpp"

namespace potline::purity {

/// The purity inputs of the case with the anode's share filled in from the cell: net anode carbon
/// (carbon anodes, as given) or the inert anode's worn mass (from anode.wear_rate).
Inputs cell_purity_inputs(const cell::CellCase& c, const cell::CellResult& r);

/// The `purity` object of `potline cell --json` (docs/cli.md), or null when the case gives no
/// purity.* key.
io::Json purity_json(const cell::CellCase& c, const cell::CellResult& r);

}  // namespace potline::purity
