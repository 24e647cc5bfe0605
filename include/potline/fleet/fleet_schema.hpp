#pragma once
// The fleet case schema (`potline fleet CASE.toml`): every key of [case], [fleet], [market] and
// [cbam], and every key of the array-of-tables levers ([[demand]], [[tariff]], [[exclusion]],
// [[cap]], [[power_shock]], [[carbon_price]], [[retrofit]]) declared as "LEVER.KEY", each with
// unit, default, hard and typical range, source and one-line description.
#include <string>

#include "potline/fleet/case_input.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::fleet {

/// The fleet table: each field declared once; the plain settings bind FleetCase members.
const io::SchemaTable<FleetCase>& fleet_table();
const io::Schema& fleet_schema();

/// The layout of a fleet case: which sections are arrays of tables, which keys are lists.
const CaseLayout& fleet_layout();

/// A commented starter case that runs (`potline template fleet`).
std::string fleet_template();

}  // namespace potline::fleet
