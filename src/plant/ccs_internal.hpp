#pragma once
// Internal to the plant module: the smelter-case parts of inert anodes (smelter_anode.cpp) and
// carbon capture (ccs_case.cpp), called by the schema table and by build_single.
#include "potline/core/diagnostics.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant::detail {

/// [anode] type, cost and wear of the smelter schema.
void add_anode_type_fields(io::SchemaTable<SmelterCase>& t);
/// [ccs] of the smelter schema.
void add_ccs_fields(io::SchemaTable<SmelterCase>& t);
/// [hpa] of the smelter schema (hpa_case.cpp).
void add_hpa_fields(io::SchemaTable<SmelterCase>& t);

/// Reads anode.type: with inert anodes sets SmelterInputs::inert_anode, the anode cost and wear,
/// and reports every carbon-anode input the user gave as an error naming it (warnings for inert-only
/// inputs in a carbon case). Call before the anode price is resolved.
void resolve_anode_type(SmelterCase& c, core::Diagnostics& d);
/// Zeroes the anode-carbon inputs of the emission model for inert anodes (after resolve_anodes).
void apply_inert_anode(SmelterCase& c);

/// Reads [ccs] into SmelterInputs::ccs (capture rate 0: no capture; other [ccs] keys then warn).
void resolve_ccs(SmelterCase& c, const SmelterData& data, core::Diagnostics& d);

}  // namespace potline::plant::detail
