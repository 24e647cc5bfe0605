#pragma once
// The shipped world fleet as the fleet unit tests build it (test_fleet_anode_effects.cpp,
// test_fleet_power_prices.cpp, test_fleet_power_supply.cpp): a fleet case text after a fixed
// [fleet] header, with the shipped dataset, region table and data files, and smelter look-up by id.
#include <gtest/gtest.h>

#include <string>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"

namespace potline::fleet::fixtures {

inline constexpr double kUsdPerMWh = 1.0 / 3.6e9;  // USD/MWh in USD/J

/// "[fleet]\nlme = 2400 USD/t" + `extra` (more [fleet] keys first, then any tables), parsed with the
/// shipped data; relative paths resolve against examples/.
inline FleetCase shipped_world(const std::string& extra, core::Diagnostics& d) {
  return parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\n" + extra, "t.toml",
                          std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                          potline::testing::shipped_smelter_data(), d);
}

/// The case's smelter `id` (a test failure, and the first smelter, if absent).
inline const FleetSmelter& smelter_of(const FleetCase& c, const std::string& id) {
  for (const auto& s : c.model.smelters)
    if (s.record.id == id) return s;
  ADD_FAILURE() << "no smelter " << id;
  return c.model.smelters.front();
}

}  // namespace potline::fleet::fixtures
