#pragma once
// Fleet link of the power-flexibility model (issue 13 part 5; docs/model/flexibility.md §9): the
// flexible capacity of each producing smelter and region for a configuration (conventional cells,
// or cells with shell heat exchangers) and a level ±X % of the smelter's power.
//
// Source `envelope` (the default): for each technology and line current the running smelters use,
// a representative cell of that technology in that configuration holds −X % and +X % in the
// dynamic model (flex::operating_envelope, docs/model/flexibility.md §7) for up to the horizon;
// each smelter moves MW = X × its power (its production × the smelter model's AC specific energy)
// for min(hold, horizon) in each direction. Source `preset`: the hold is the horizon itself (the
// published figures: conventional ±5 % [Lavoie et al. 2011], exchangers ±25 % for 48 h [TRIMET
// 2019]).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "potline/io/json_output.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::plant {
struct SmelterData;
}

namespace potline::fleet {

struct FleetCase;
struct FleetResult;

enum class FlexPreset { kNone, kConventional, kHeatExchangers };
/// Where the hold time comes from (fleet.flex_source).
enum class FlexSource { kEnvelope, kPreset };

/// The configuration reported by `potline fleet` (fleet.flex, fleet.flex_source, fleet.flex_power,
/// fleet.flex_duration).
struct FlexConfiguration {
  FlexPreset preset = FlexPreset::kNone;
  FlexSource source = FlexSource::kEnvelope;
  std::optional<double> power_share;  ///< overrides the preset's level (1 = the smelter's power)
  std::optional<double> duration_s;   ///< overrides the 48 h horizon
  bool enabled() const { return preset != FlexPreset::kNone || power_share.has_value(); }
  double share() const;   ///< the level X: the preset's or the override
  double hold_s() const;  ///< the horizon
  bool heat_exchangers() const { return preset == FlexPreset::kHeatExchangers; }
  const char* name() const;
  const char* source_name() const;
};

/// One direction (−X % or +X %) of a representative cell's envelope.
struct DirectionHold {
  double share = 1;        ///< power level held (share of nominal)
  double hold_s = 0;       ///< min(time to the first limit, horizon)
  std::string limit;       ///< the limit that ended the hold ("" when held the horizon)
  double drawn_share = 1;  ///< mean power drawn up to the hold, share of nominal
};

/// Which cells a smelter runs: a catalogue technology at a line current (0: the technology's own)
/// and the ACD the smelter model evaluates it at there (0: the technology's calibrated ACD).
struct HoldKey {
  std::string technology;
  double line_current_A = 0;
  double acd_m = 0;
  auto operator<=>(const HoldKey&) const = default;
};

/// The envelope of the representative cell of one technology at one line current.
struct TechnologyHold {
  HoldKey key;
  double line_current_A = 0;   ///< the current it ran at (the key's, or the technology's nominal)
  double max_current_A = 0;    ///< its rectifier limit (potline.max_current)
  std::string current_origin;  ///< "smelter" (the rows' own) or "technology" (its published)
  /// The smelters of a published-current hold whose own current it is not, and why (their
  /// plant::cell_current); empty when none.
  std::string note;
  double exchanger_W_per_m2 = 0;  ///< heat_exchangers.max_extraction of the cell (0: conventional)
  DirectionHold down, up;
  /// The current-efficiency note of its ±X % calls (line::ce_current_note; "" when none, T8-9).
  std::string ce_note;
  /// The seed of the envelope run (run.seed of the representative cell): a hold is one seed's (T15-7).
  std::uint64_t seed = 0;
};

struct SmelterFlex {
  int smelter = 0;  ///< index into the case's smelters
  int hold = -1;    ///< index into FlexCapacity::holds (-1: preset)
  double power_W = 0, flexible_W = 0;
  double down_s = 0, up_s = 0;  ///< time each direction is held
  double down_J = 0, up_J = 0;  ///< flexible_W × down_s, × up_s
  double flexible_J = 0;        ///< the smaller of the two: what can be moved both ways
};

struct FlexCapacity {
  std::vector<TechnologyHold>
      holds;  ///< envelope source: one per technology and line current, sorted
  std::vector<SmelterFlex> smelters;  ///< producing smelters only, case order
  std::vector<double> region_power_W, region_flexible_W, region_flexible_J, region_down_J,
      region_up_J;
  double power_W = 0, flexible_W = 0, flexible_J = 0, down_J = 0, up_J = 0;
};

/// The cells smelter `i` of the case runs, at the current the smelter model evaluated them at
/// (FleetSmelter::cell_current, plant::cell_current): its own line current, at the ACD the pot
/// control settles at there, where that is a working state within the band; else the technology's
/// published point (line_current_A and acd_m 0), as for a retrofit or a technology class.
HoldKey hold_key(const FleetCase& c, std::size_t i);

/// The representative cell's envelope for each key in the case's configuration (one dynamic run per
/// key and direction, in parallel over keys on `threads` threads, 0: all; the result does not
/// depend on the thread count). Throws core::InputError (all keys' problems at once) when a level
/// is beyond the rectifier's reach or a cell does not build, core::RunError when the dynamic model
/// fails.
std::vector<TechnologyHold> technology_holds(const FleetCase& c, const std::vector<HoldKey>& keys,
                                             const plant::SmelterData& data, int threads = 0);

/// The flexible capacity of the solved fleet (smelters that produce in `result`).
FlexCapacity flexible_capacity(const FleetCase& c, const FleetResult& result,
                               const plant::SmelterData& data);
/// summary.json's `flexible_capacity`: configuration, totals, by region, by technology, by smelter.
io::Json flex_capacity_json(const FleetCase& c, const FleetResult& result,
                            const plant::SmelterData& data);
/// flex_capacity.csv from the summary's `flexible_capacity` (its by_smelter rows).
std::string flex_capacity_csv(const io::Json& flexible_capacity);

/// The fleet.flex* keys (called by fleet_table()).
void add_flex_link_fields(io::SchemaTable<FleetCase>& table);

}  // namespace potline::fleet
