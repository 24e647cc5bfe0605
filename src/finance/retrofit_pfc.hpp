// Internal to src/finance: the new cells' anode-effect record in a retrofit (T11-5).
#pragma once

#include "potline/finance/invest_case.hpp"
#include "potline/io/values.hpp"

namespace potline::finance::detail {

/// The class of a retrofit's new cells when neither retrofit.technology nor
/// retrofit.technology_class names it (estimate; user trial T12-6).
inline constexpr const char* kNewCellsDefaultClass = "PFPB_modern";

/// The plant after the retrofit without the old cells' anode-effect record (emissions.aem, AE
/// frequency x duration, aeo, from_simulation) and class when the case gives retrofit.aem (which then
/// stands as emissions.aem), retrofit.technology or retrofit.technology_class; else `after`. The
/// new cells' class: retrofit.technology_class, else retrofit.technology's, else kNewCellsDefaultClass.
io::ValueSet new_cells_anode_effects(const io::ValueSet& user, const io::ValueSet& after);

/// The plant after a retrofit whose new cells have their own class (new_cells_anode_effects): its
/// PFC basis names the class and where it came from, when it does not already (user trial T12-6).
void name_new_cells_class(const io::ValueSet& user, plant::SmelterCase& operating);

/// A note of a retrofit with new cells: each plan's PFC and its basis, and direct emissions.
void note_pfc_by_plan(const io::ValueSet& user, InvestCase& c);

}  // namespace potline::finance::detail
