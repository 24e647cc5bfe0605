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
/// [eu_ets] of the smelter schema (eu_ets_case.cpp).
void add_eu_ets_fields(io::SchemaTable<SmelterCase>& t);
/// Reads [eu_ets] into SmelterInputs::eu_ets (no eu_ets.year: off; other [eu_ets] keys then warn).
void resolve_eu_ets(SmelterCase& c, const SmelterData& data, core::Diagnostics& d);

/// Reads anode.type: with inert anodes sets SmelterInputs::inert_anode, the anode cost and wear,
/// and reports every carbon-anode input the user gave as an error naming it (warnings for inert-only
/// inputs in a carbon case). Call before the anode price is resolved.
void resolve_anode_type(SmelterCase& c, core::Diagnostics& d);
/// Zeroes the anode-carbon inputs of the emission model for inert anodes (after resolve_anodes).
void apply_inert_anode(SmelterCase& c);

/// The basis of ccs.capture_cost (its gas's CO2 fraction and plant size) in the smelter schema.
void add_capture_cost_basis_fields(io::SchemaTable<SmelterCase>& t);

/// How ccs.capture_cost is scaled to this smelter's gas and size (docs/model/ccs.md).
struct CaptureCostScaling {
  double factor = 1.0;                  ///< scaled / given capture cost
  double design_capture_kg_per_s = 0;   ///< CO2 captured at nameplate capacity
};
/// The capture plant's size (CO2 captured at nameplate) and the cost factor
/// (x_b / x)^n · (M / M_b)^(n − 1) from ccs.cost_basis_co2_fraction (x_b), ccs.cost_basis_capture (M_b)
/// and ccs.cost_scaling_exponent (n); a basis not given leaves its part at 1.
CaptureCostScaling capture_cost_scaling(const SmelterCase& c);
/// Multiplies SmelterInputs::ccs.capture_usd_per_kg_co2 by the factor; call once on the whole smelter
/// (after its potline groups are resolved).
void scale_capture_cost(SmelterCase& c);

/// Reads [ccs] into SmelterInputs::ccs (capture rate 0: no capture; other [ccs] keys then warn).
void resolve_ccs(SmelterCase& c, const SmelterData& data, core::Diagnostics& d);

}  // namespace potline::plant::detail
