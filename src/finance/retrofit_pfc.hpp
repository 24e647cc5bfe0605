// Internal to src/finance: the new cells' anode-effect record in a retrofit (T11-5).
#pragma once

#include "potline/finance/invest_case.hpp"
#include "potline/io/values.hpp"

namespace potline::finance::detail {

/// The plant after the retrofit without the old cells' anode-effect record (emissions.aem, AE
/// frequency x duration, aeo, from_simulation; the class with retrofit.technology) when the case
/// gives retrofit.aem (which then stands as emissions.aem) or retrofit.technology; else `after`.
io::ValueSet new_cells_anode_effects(const io::ValueSet& user, const io::ValueSet& after);

/// A note of a retrofit with new cells: each plan's PFC and its basis, and direct emissions.
void note_pfc_by_plan(const io::ValueSet& user, InvestCase& c);

}  // namespace potline::finance::detail
