#pragma once
// Cross-field checks of the anode inputs of a cell case (docs/model/inert-anode.md).
#include "potline/cell/inert_anode.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"

namespace potline::cell {

/// Inputs that only a carbon anode has, and inputs that only an inert anode has. An inert case that
/// gives (in the case file or with --set) a carbon-anode key gets an error naming that key; a carbon
/// case that gives an inert-anode key gets a warning (the key is ignored).
void check_anode_inputs(const io::ValueSet& values, AnodeType type, core::Diagnostics& diagnostics);

}  // namespace potline::cell
