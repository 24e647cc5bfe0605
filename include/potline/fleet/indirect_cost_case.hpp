#pragma once
// The compensation of indirect emission costs in a fleet case
// (policy/indirect_cost_compensation.hpp; docs/model/fleet.md, "Indirect-cost compensation"): each
// smelter in a state with an approved scheme for the scenario year, and a CO2 factor the model has
// read, gets the aid per MWh, which fleet::evaluate deducts from its C1 on its AC consumption (the
// aluminium benchmark of Annex II was not read: the smelter's own consumption stands for it, an
// estimate).
#include <string>

#include "potline/fleet/fleet_case.hpp"

namespace potline::fleet {

/// The EUA forward price (EUR/t) the schemes use for cost year `year`, P(t−1): the eua_price path's
/// value of year − 1 when the path covers it (the forward for year t is quoted in t − 1), else the
/// case's EUA price of the year (cbam.eua_price or the path's year value).
double indirect_cost_eua_eur_per_t(const FleetCase& c, int year);

/// Sets each smelter's FleetSmelter::indirect_cost_aid_usd_per_J for `year` (0 when
/// fleet.indirect_cost_compensation = "off", year 0, no scheme, or a factor not read) and the
/// case's summary of it (FleetModel::indirect_cost).
void set_indirect_cost_aid(int year, FleetCase& c);

/// One line for the text output: the smelters compensated (aid per MWh and per t) and the states
/// with an approved scheme whose CO2 factor was not read (not applied). Empty when nothing applies.
std::string indirect_cost_note(const FleetCase& c);

}  // namespace potline::fleet
