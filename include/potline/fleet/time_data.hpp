#pragma once
// Years and paths of a fleet case (docs/model/fleet.md, "Years and paths"): the capacity pipeline
// (data/fleet-pipeline.toml), the dated trade measures (data/fleet-sanctions.toml) and the price
// and demand paths by year (data/fleet-paths.toml). Read at the boundary with every error located.
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/dataset.hpp"

namespace potline::fleet {

enum class ProjectKind { kNew, kRestart, kExpansion, kClosure, kCurtailment };

/// One project of the pipeline. `record` is the row it adds (new, expansion) or the dataset row it
/// changes (restart, closure, curtailment: only its id).
struct Project {
  std::string id, smelter, source;
  ProjectKind kind = ProjectKind::kNew;
  int year = 0;  ///< first year with the change (closure: first year without the row)
  /// A dated change (curtailment, restart with `date`): the share of `year` before the date, so the
  /// year's capacity is the time-weighted mean of the capacity in force (0 = from 1 January).
  double year_share_before = 0;
  bool dated = false;            ///< given by a date (YYYY-MM-DD), not a year
  /// restart: committed by its owner (`committed = true`: an agreement, a restart under way), so it
  /// runs from its year as a running smelter, its restart cost sunk, not at the LP's margin rule.
  bool committed = false;
  double capacity_kg_per_s = 0;  ///< new, expansion; restart: 0 = the row's capacity; curtailment:
                                 ///< the capacity still running (0 = the whole row stops)
  SmelterRecord record;  ///< new: the row (id, name, country, region, province, power source)
  core::SourceLocation where;
};

/// A dated exclusion: metal of `origin_country` (ISO3) or `origin_region` may not enter `importers`
/// in a year where the measure is in force on 1 July.
struct Sanction {
  std::string id, origin_country, origin_region, source;
  std::vector<int> importers;         ///< region indices
  int from_year = 0, until_year = 0;  ///< first and last year in force (until 0 = open)
  core::SourceLocation where;
};

/// A value per year without gaps: `values[k]` is year first_year + k.
struct YearPath {
  std::string name, region, unit, source;  ///< region: a region id, "rest_of_world" or "" (all)
  int first_year = 0;
  std::vector<double> values;
  core::SourceLocation where;
  int last_year() const { return first_year + static_cast<int>(values.size()) - 1; }
  bool covers(int year) const { return year >= first_year && year <= last_year(); }
  double at(int year) const { return values[static_cast<std::size_t>(year - first_year)]; }
};

/// The pipeline's projects; names checked against the region table and the dataset's ids.
std::vector<Project> load_pipeline(const std::string& path, const RegionTable& regions,
                                   const std::vector<SmelterRecord>& records, core::Diagnostics& d);
std::vector<Project> parse_pipeline(const std::string& text, const std::string& file,
                                    const RegionTable& regions,
                                    const std::vector<SmelterRecord>& records,
                                    core::Diagnostics& d);
std::vector<Sanction> load_sanctions(const std::string& path, const RegionTable& regions,
                                     core::Diagnostics& d);
std::vector<Sanction> parse_sanctions(const std::string& text, const std::string& file,
                                      const RegionTable& regions, core::Diagnostics& d);
/// Paths: known names eua_price (EUR/t) and demand_factor (1, per region, "rest_of_world" or all).
std::vector<YearPath> load_paths(const std::string& path, const RegionTable& regions,
                                 core::Diagnostics& d);
std::vector<YearPath> parse_paths(const std::string& text, const std::string& file,
                                  const RegionTable& regions, core::Diagnostics& d);

/// Capacity of row `r` through `year` under the dated curtailments and restarts of the pipeline
/// (kg/s): the time-weighted mean of the capacity in force over the year, since the LP has one
/// period per year. `r` is the row after apply_pipeline (a restarted curtailed row has
/// restart = true and is stopped before its restart). Without such events: the row's capacity.
double capacity_in_year(const std::vector<Project>& projects, const SmelterRecord& r, int year);
/// Capacity of row `r` in force at the start of `year` (kg/s), under the same events.
double capacity_at_start(const std::vector<Project>& projects, const SmelterRecord& r, int year);

/// Applies the pipeline to the dataset rows: restarts and closures date their rows, new projects
/// and expansions become rows (an expansion copies its smelter's row with the project's id and
/// capacity).
void apply_pipeline(const std::vector<Project>& projects, std::vector<SmelterRecord>& records);

}  // namespace potline::fleet
