#pragma once
// Building each fleet smelter as a smelter case: the inputs a dataset row, its region's price table
// and the fleet case give it, keyed exactly as in a smelter case file, then the smelter model's own
// case builder (plant::build_smelter_case) — so a fleet smelter is evaluated by the code and inputs
// `potline smelter` uses (docs/model/fleet.md).
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/fleet/fleet.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/anode_effects.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::fleet {

struct FleetCase;

/// The smelter-case inputs of one dataset row, with where each came from.
struct SmelterCaseValues {
  io::ValueSet values;                        ///< keyed as in a smelter case file, internal units
  std::map<std::string, std::string> source;  ///< key -> "dataset row ...", "region table ...", "case ..."
  std::string sec_origin;                     ///< the technology class and its basis when the row names no technology
  std::string technology_class;               ///< the class id when the row names no technology
  bool employees_estimated = false;           ///< head count from the region's employees per capacity
  std::string power_origin, power_basis;      ///< the power price's origin and basis (power_prices.hpp)
  std::string pfc_standard;                   ///< the PFC method, coefficient set, class and AEM used
  std::string cbam_route;                     ///< "actual", "default (ISO3)" or why actual (with [cbam])
  double cbam_country_default_t_per_t = 0;    ///< the country's CBAM default value before mark-up (0: none)
};

/// The inputs the fleet gives dataset row `r` at the case's base prices (scenario shocks are
/// applied at evaluation, fleet::evaluate). Reports (and returns nothing) when the row's region has
/// no power price for its power source.
std::optional<SmelterCaseValues> smelter_case_values(const SmelterRecord& r, const RegionTable& regions,
                                                     const FleetCase& c, const plant::SmelterData& data,
                                                     core::Diagnostics& diagnostics);

/// The IPCC technology class of a catalogue cell type: plant::pfc_class_of (plant/anode_effects.hpp),
/// shared with `potline smelter` and `invest` since they default the PFC as the fleet does (T8-4).
using plant::pfc_class_of;

/// Builds every record whose status the case includes through plant::build_smelter_case and appends
/// it to c.model.smelters; errors are reported at the dataset row, prefixed with the smelter id.
void add_fleet_smelters(const std::vector<SmelterRecord>& records, const RegionTable& regions,
                        const plant::SmelterData& data, FleetCase& c, core::Diagnostics& diagnostics);

}  // namespace potline::fleet
