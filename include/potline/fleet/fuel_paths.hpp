#pragma once
// Fuel price paths by year for captive coal- and gas-fired smelter power (issue 10 parts 2 and 5;
// docs/model/fleet.md, "Fuel price paths"). A path is the price of one fuel (coal or gas) in one
// area (a region, an ISO3 country or a province), one [[fuel_path]] row per year: the data folder's
// fleet-fuel-paths.toml (fleet.fuel_paths), and the case's own [[fuel_path]] rows, which replace the
// file's rows of the same fuel and area. Each row's keys are declared once in the fleet schema.
//
// Rule (a case with fleet.year): a captive smelter's power price of year Y is its 2024 price (the
// year of the dataset's power prices, data/fleet-power.toml) plus heat rate x (path(Y) - path(2024))
// of its area's path (province before country before region), times the factor of any
// [[power_shock]] on the smelter, its country or province. Every year from a path's first to its
// last is listed (a gap is an error); after its last year a path holds its last value; a path must
// start at or before 2024.
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/case_input.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/io/schema_builder.hpp"

namespace potline::fleet {

struct FleetCase;
struct PowerPriceTable;

/// The year the dataset's power prices describe: a path moves them by its change since this year.
inline constexpr int kPowerPriceYear = 2024;

/// One fuel's price path in one area.
struct FuelPath {
  plant::PowerSource source = plant::PowerSource::kCaptiveCoal;  ///< captive_coal (coal) or captive_gas (gas)
  std::string region, country, province;  ///< exactly one is set
  int first_year = 0;
  std::vector<double> usd_per_J;          ///< per J of fuel, year first_year + k
  std::vector<std::string> sources;       ///< the source (or 'estimate: basis') of each year
  std::string file;                       ///< the file the rows came from
  core::SourceLocation where;             ///< the first row
  int last_year() const { return first_year + static_cast<int>(usd_per_J.size()) - 1; }
  /// The price of `year` (>= first_year); after the last year, the last year's price.
  double at(int year) const;
  /// The source text of the value used for `year`.
  const std::string& source_at(int year) const;
  std::string fuel() const;  ///< "coal" or "gas"
  std::string area() const;  ///< "region china", "country BHR", "province Indiana"
};

struct FuelPathTable {
  std::string path;
  std::vector<FuelPath> paths;
  /// The path of the smelter's captive fuel: its province's before its country's before its
  /// region's; nullptr for a smelter that is not captive coal or gas, or without a path.
  const FuelPath* path_of(const SmelterRecord& r) const;
};

/// The [[fuel_path]] keys of the fleet schema (fuel, region, country, province, year, price, source).
void add_fuel_path_fields(io::SchemaTable<FleetCase>& t);

/// Reads the fuel path file (`file`: only [[fuel_path]] tables) and the case's own [[fuel_path]]
/// rows (`case_rows`), which replace the file's rows of the same fuel and area. Every error is
/// collected: a missing or second area key, an unknown region, country or province (did-you-mean),
/// a duplicate year, years out of order, a gap, a path starting after 2024, a path for a fuel
/// without a [[captive_plant]] in `power`.
FuelPathTable load_fuel_paths(const std::string& file, const std::vector<TableValues>& case_rows,
                              const RegionTable& regions, const std::vector<SmelterRecord>& records,
                              const PowerPriceTable& power, core::Diagnostics& d);

/// Moves every captive smelter of `c` (already the case of `year`) along its fuel path: base power
/// price + shock factor x heat rate x (path(year) - path(2024)); the change is added to the
/// smelter's power origin. No-op for year 0 or without paths.
void apply_fuel_paths(FleetCase& c, int year);

}  // namespace potline::fleet
