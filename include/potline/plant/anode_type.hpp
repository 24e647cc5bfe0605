#pragma once
// The smelter inputs that only a carbon-anode smelter has (docs/model/inert-anode.md): an inert-anode
// case that gives one is an input error; an inert-anode retrofit (potline invest) drops them from
// the plant after the retrofit.
#include <string>
#include <vector>

namespace potline::plant {

const std::vector<std::string>& carbon_anode_only_keys();

}  // namespace potline::plant
