#pragma once
// [[ccs_retrofit]] in a fleet case (issue 14 part 2): carbon capture retrofitted on the potline gas
// of chosen smelters (named ids, a region or a country). Each table's capture inputs become the
// chosen smelters' own [ccs] smelter-case inputs, so the smelter model (plant/ccs.cpp) charges the
// capture's cost, energy and fuel CO2 and lowers their direct emissions, CBAM cost and carbon cost
// in every fleet evaluation, and an exported smelter case carries them. The report compares the
// fleet with and without the retrofits (emissions, CBAM, cost curve). docs/model/ccs.md, "Fleet".
#include <map>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"

namespace potline::fleet {

struct FleetCase;
struct FleetResult;

/// One [[ccs_retrofit]] table: which smelters, and their [ccs] inputs keyed as in a smelter case.
struct CcsRetrofit {
  std::string label;                  ///< "ccs_retrofit[0]"
  std::vector<std::string> smelters;  ///< dataset ids, or
  std::string region, country;        ///< a region id or an ISO3 country (exactly one selector)
  io::ValueSet values;  ///< "ccs.capture_rate", ... in internal units, with their locations
  /// Whether the table retrofits dataset row `r`.
  bool covers(const SmelterRecord& r) const;
};

/// The [[ccs_retrofit]] keys of the fleet schema ("ccs_retrofit.KEY"): the selectors and a copy of
/// each smelter-schema [ccs] field (same unit, range and source).
void add_ccs_lever_fields(io::SchemaTable<FleetCase>& t);

/// The smelter-case inputs ("ccs.*") the case's retrofits give dataset row `r` (a later table
/// overrides an earlier one for the same smelter), with their origin notes; nothing when no table
/// covers the row.
void ccs_retrofit_inputs(const SmelterRecord& r, const FleetCase& c, io::ValueSet& values,
                         std::map<std::string, std::string>& source);

/// "ccs_retrofit" of the fleet summary: per retrofitted smelter and for the fleet, the capture and
/// what it changes (the case solved again without the retrofits, at the same shocks).
io::Json ccs_retrofit_json(const FleetCase& c, const FleetResult& with_retrofits);
/// ccs_retrofit.csv from that report: one row per retrofitted smelter (columns: docs/cli.md).
std::string ccs_retrofit_csv(const io::Json& report);

}  // namespace potline::fleet
