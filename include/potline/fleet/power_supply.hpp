#pragma once
// Power competition (issue 10, part 6; data/power-supply.toml; docs/model/fleet.md, "Power
// competition: added load"): the rise of an area's power price as a function of load added to its
// grid, a piecewise-linear supply curve (GW added -> USD/MWh rise), so that a competing load (e.g.
// data centres of +N GW) is a lever in GW that moves the price of the smelters exposed to that
// market, rather than a hand-set price adder. Each curve names its basis (source or "estimate: ...").
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::fleet {

/// Where a supply curve or an added load applies: exactly one of a region id, an ISO3 country or a
/// province / state of the dataset.
struct PowerArea {
  std::string region, country, province;

  bool contains(const SmelterRecord& r) const;
  bool same_as(const PowerArea& other) const;
  /// "region 'usa'", "country 'USA'", "province 'Kentucky'".
  std::string describe() const;
};

struct SupplyCurve {
  std::string name;
  PowerArea area;
  std::vector<plant::PowerSource> sources;  ///< the smelters' power sources that buy at this market's price
  std::vector<double> load_W;               ///< added load at each point, from 0, increasing
  std::vector<double> rise_usd_per_J;       ///< price rise at each point, from 0, non-decreasing
  std::string source;
  core::SourceLocation where;

  /// The price rise at an added load: linear between points, the last segment's slope beyond the
  /// last point, 0 at or below 0.
  double rise_at(double load_W) const;
  bool exposes(plant::PowerSource source) const;
};

struct PowerSupplyTable {
  std::string path;
  std::vector<SupplyCurve> curves;

  /// The curve of exactly this area; nullptr if none.
  const SupplyCurve* curve_for(const PowerArea& area) const;

  /// Reads the file (absent path: an empty table). Errors at file:line:col; regions are checked
  /// against `region_ids`.
  static PowerSupplyTable load(const std::string& path, const std::vector<std::string>& region_ids,
                               core::Diagnostics& diagnostics);
  static PowerSupplyTable parse(const std::string& text, const std::string& display_name,
                                const std::vector<std::string>& region_ids, core::Diagnostics& diagnostics);
};

}  // namespace potline::fleet
