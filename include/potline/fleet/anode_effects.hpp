#pragma once
// PFC performance of fleet smelters: the anode-effect table of data/fleet-anode-effects.toml is the
// plant module's (potline/plant/anode_effects.hpp) since `potline smelter` and `invest` default
// their PFC from it as the fleet does (user trial 8, T8-4); the fleet's names stay.
#include "potline/plant/anode_effects.hpp"

namespace potline::fleet {

using plant::AnodeEffectRule;
using plant::AnodeEffectTable;
using plant::ChinaPfcBasis;
using plant::equivalent_aem;
using plant::pfc_basis;
using plant::PfcBasis;

}  // namespace potline::fleet
