#pragma once
// The smelter case schema (`potline smelter CASE.toml`): every input with unit, default, range, source.
#include <vector>

#include "potline/io/schema.hpp"

namespace potline::plant {

const io::Schema& smelter_schema();

/// The smelter fields, for schemas that extend the smelter case (the invest case).
std::vector<io::FieldSpec> smelter_fields();

/// Small builders shared with the invest schema.
io::FieldSpec number_field(std::string key, std::string unit, std::string internal_unit,
                           std::string description);
io::FieldSpec& with_range(io::FieldSpec& f, std::optional<double> lo, std::optional<double> hi,
                          bool lo_exclusive = false, bool hi_exclusive = false);

}  // namespace potline::plant
