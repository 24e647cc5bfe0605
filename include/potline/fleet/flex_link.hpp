#pragma once
// Fleet link of the power-flexibility model (issue 13 part 5; docs/model/flexibility.md §9): the
// flexible capacity of each producing smelter and region for a configuration, MW = share × the
// smelter's power (its production × the smelter model's AC specific energy) and MWh = MW × the time
// the configuration holds it. Presets: conventional cells ±5 % [Lavoie et al. 2011], cells with
// shell heat exchangers ±25 % [TRIMET 2019], each for 48 h (TRIMET's stated duration, so that the
// energies compare with its ≈ 1,120 MWh).
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::fleet {

struct FleetCase;
struct FleetResult;

enum class FlexPreset { kNone, kConventional, kHeatExchangers };

/// The configuration reported by `potline fleet` (fleet.flex, fleet.flex_power, fleet.flex_duration).
struct FlexConfiguration {
  FlexPreset preset = FlexPreset::kNone;
  std::optional<double> power_share;   ///< overrides the preset's share (1 = the smelter's power)
  std::optional<double> duration_s;    ///< overrides the preset's duration
  bool enabled() const { return preset != FlexPreset::kNone || power_share.has_value(); }
  double share() const;                ///< the preset's or the override
  double hold_s() const;
  const char* name() const;
};

struct SmelterFlex {
  int smelter = 0;                     ///< index into the case's smelters
  double power_W = 0, flexible_W = 0, flexible_J = 0;
};

struct FlexCapacity {
  std::vector<SmelterFlex> smelters;   ///< producing smelters only, case order
  std::vector<double> region_power_W, region_flexible_W, region_flexible_J;  ///< per region
  double power_W = 0, flexible_W = 0, flexible_J = 0;
};

/// The flexible capacity of the solved fleet (smelters that produce in `result`).
FlexCapacity flexible_capacity(const FleetCase& c, const FleetResult& result);
/// summary.json's `flexible_capacity`: configuration, totals and by region.
io::Json flex_capacity_json(const FleetCase& c, const FleetResult& result);
/// flex_capacity.csv: one row per producing smelter.
std::string flex_capacity_csv(const FleetCase& c, const FleetResult& result);

/// The fleet.flex* keys (called by fleet_table()).
void add_flex_link_fields(io::SchemaTable<FleetCase>& table);

}  // namespace potline::fleet
