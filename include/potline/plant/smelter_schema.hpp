#pragma once
// The smelter case schema (`potline smelter CASE.toml`): every input with unit, default, range, source.
#include <string>
#include <vector>

#include "potline/io/schema.hpp"

namespace potline::plant {

const io::Schema& smelter_schema();

/// A key of a `[[potline]]` table and the smelter key it stands for in that group (empty for `name`).
struct PotlineGroupKey {
  std::string leaf;  ///< e.g. "sec_ac" (written potline.sec_ac in the group schema)
  std::string flat;  ///< e.g. "potline.sec_ac"; "plant.capacity" for capacity
};
const std::vector<PotlineGroupKey>& potline_group_keys();

/// The fields of one `[[potline]]` table (schema "smelter-potline", keys "potline.<leaf>"): each is
/// the smelter field it stands for, converted and checked the same way; missing ones take the
/// smelter's value (plant.capacity_factor, consumption.*, emissions.*) or its default.
const io::Schema& potline_group_schema();

/// The smelter fields, for schemas that extend the smelter case (the invest case).
std::vector<io::FieldSpec> smelter_fields();

/// Small builders shared with the invest schema.
io::FieldSpec number_field(std::string key, std::string unit, std::string internal_unit,
                           std::string description);
io::FieldSpec& with_range(io::FieldSpec& f, std::optional<double> lo, std::optional<double> hi,
                          bool lo_exclusive = false, bool hi_exclusive = false);

}  // namespace potline::plant
