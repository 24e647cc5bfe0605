#pragma once
// The sweep file schema (`potline sweep FILE.toml`): [sweep], the name and description of each
// [[scenario]] (whose levers are fleet-case tables, checked by the fleet schema) and every key of
// an [[uncertain]] input, including each distribution's parameters. The value parameters of a
// distribution (min, max, mode, mean, median) take the unit and allowed range of the lever the
// input acts on (uncertain_lever_field).
#include <string>

#include "potline/fleet/case_input.hpp"
#include "potline/io/schema.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::sweep {

struct SweepSpec;

/// The sweep table: each field declared once; [sweep]'s settings bind SweepSpec members.
const io::SchemaTable<SweepSpec>& sweep_table();
const io::Schema& sweep_schema();
const fleet::CaseLayout& sweep_layout();

/// The field of the lever an uncertain `parameter` acts on (unit, internal unit, allowed range),
/// e.g. "power_factor" -> power_shock.factor of the fleet schema; nullptr for an unknown name.
const io::FieldSpec* uncertain_lever_field(const std::string& parameter);

/// The distribution parameters each distribution takes, in order ("uniform" -> min, max).
const std::vector<std::string>& distribution_parameters(const std::string& distribution);

/// A commented starter sweep that runs (`potline template sweep`); `base` is its base case path.
std::string sweep_template();

}  // namespace potline::sweep
