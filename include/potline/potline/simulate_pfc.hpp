#pragma once
// The simulate case's [pfc] keys resolved against the one PFC/GWP table (data/emissions/): the class
// and coefficient set by the same rule as `potline smelter` when the case names neither (user trial
// T12-1; docs/model/emissions.md, "Default PFC").
#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

/// c.pfc_set, c.pfc_technology, c.pfc_coefficients, c.gwp and c.pfc_basis from the [pfc] keys.
/// pfc.technology not given: the class of the case's technology (plant::pfc_class_of: AP40 is
/// PFPB_modern), CWPB without one; pfc.coefficients not given: plant::default_coefficient_set
/// (IPCC2019 where it has the class). A point-fed class under a given IPCC2006 is its CWPB row,
/// reported so, with a warning. `technology` may be null (a case without case.technology).
void resolve_pfc(const io::ValueSet& v, const plant::EmissionData& table, const cell::Technology* technology,
                 SimulationCase& c, core::Diagnostics& d);

}  // namespace potline::line
