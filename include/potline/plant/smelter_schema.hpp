#pragma once
// The smelter case schema (`potline smelter CASE.toml`): every input with unit, default, range, source.
#include <string>
#include <vector>

#include "potline/io/schema.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::plant {

const io::Schema& smelter_schema();

struct SmelterCase;
/// The table behind smelter_schema(), bound to SmelterCase (the members that map 1:1 to a field).
const io::SchemaTable<SmelterCase>& smelter_table();

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

}  // namespace potline::plant
