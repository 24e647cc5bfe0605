#pragma once
// [[hpa]] in a fleet case (issue 14 parts 3 and 4): high-purity metal as a product with its own
// premium. For the chosen smelters (named ids, a region or a country) and their raw materials, the
// purity model (purity/purity.hpp) gives the share of pots whose metal meets a grade (P0406 by
// default) — metal the smelter can sell at the grade's premium from its own pots — and, optionally,
// an upgrading line (three-layer refining or segregation, plant/hpa.hpp) beside the potlines.
// docs/model/hpa.md, "Fleet".
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/purity/purity.hpp"

namespace potline::fleet {

struct FleetCase;
struct FleetResult;
struct FleetSmelter;

/// One [[hpa]] table.
struct HpaProduct {
  std::string label;  ///< "hpa[0]"
  core::SourceLocation where;
  std::vector<std::string> smelters;  ///< dataset ids, or
  std::string region, country;        ///< a region id or an ISO3 country (exactly one selector)
  std::string grade = "P0406";        ///< the grade sold at grade_premium
  double grade_premium_usd_per_kg = 0;
  purity::Inputs purity;  ///< raw materials; consumptions come from each smelter
  io::ValueSet
      line;  ///< "hpa.capacity", ... of the upgrading line (smelter-schema keys), may be empty
  bool covers(const SmelterRecord& r) const;
};

/// The [[hpa]] keys of the fleet schema: selectors, grade and premium, a copy of the cell schema's
/// purity inputs and of the smelter schema's [hpa] line.
void add_hpa_product_fields(io::SchemaTable<FleetCase>& t);

/// The [[hpa]] table covering smelter `s` (the last one), or nullptr.
const HpaProduct* hpa_product_of(const FleetCase& c, const FleetSmelter& s);

/// The purity balance of smelter `s` with the table's raw materials and the smelter's own alumina
/// and anode-carbon consumption (no anode carbon with inert anodes).
purity::MetalPurity smelter_metal_purity(const HpaProduct& p, const FleetSmelter& s);

/// The upgrading line of smelter `s` (nothing without hpa.capacity); errors (feed above the
/// smelter's production, missing costs) go to `d`, prefixed with the smelter id.
std::optional<plant::HpaInputs> hpa_line_inputs(const HpaProduct& p, const FleetSmelter& s,
                                                core::Diagnostics& d);

/// Checks every covered smelter's upgrading line once the smelters are built (fleet_case.cpp).
void check_hpa_products(const FleetCase& c, core::Diagnostics& d);

/// "hpa" of the fleet summary: per covered smelter, the grade share and its premium income, the
/// upgrading line's cost and margin at the solved production; totals by region.
io::Json hpa_product_json(const FleetCase& c, const FleetResult& f);
/// hpa.csv from that report: one row per covered smelter (columns: docs/cli.md).
std::string hpa_product_csv(const io::Json& report);

}  // namespace potline::fleet
