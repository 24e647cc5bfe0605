#pragma once
// The world smelter dataset (data/smelters.csv; columns in docs/data.md) and the regional price
// table (data/fleet-regions.toml). Both are read once at the boundary into plain values.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::fleet {

enum class Status { kOperating, kCurtailed, kClosed, kUnknown };
std::optional<Status> status_from_name(const std::string& name);
std::string_view to_string(Status s);

/// One row of data/smelters.csv, in SI units.
struct SmelterRecord {
  std::string id, name, country, region, province, owner, technology, source;
  double lat_deg = 0, lon_deg = 0;
  bool has_location = false;
  double capacity_kg_per_s = 0;
  Status status = Status::kUnknown;
  int commissioning_year = 0;  ///< 0 = not published
  bool technology_inferred = false;
  /// The cell type as a cited source names it ("AP18", "S-255", "Soderberg (VSS)"), whether or not
  /// it is a catalogue technology; never our inference ("" = no source names it). Data provenance
  /// only: the cell model runs `technology`, or the row's technology class.
  std::string cell_type;
  double line_current_A = 0;  ///< 0 = not published
  plant::PowerSource power_source = plant::PowerSource::kGrid;
  double employees = 0;  ///< 0 = not published
  bool aggregate = false;
  core::SourceLocation where;  ///< file:line of the row
  core::SourceLocation country_where, region_where;  ///< file:line:col of those cells, for messages
  /// Years the row runs in a case with fleet.year (data/fleet-pipeline.toml): from first_year
  /// (0 = always) to last_year (0 = open); a restart starts stopped (it pays the restart).
  int first_year = 0, last_year = 0;
  bool restart = false;
  int restart_committed = 0;  ///< the year of a committed restart (Project::committed), 0 = none
};

/// Columns every smelters CSV must have, with their units in the name.
const std::vector<std::string>& smelter_columns();

/// Reads a smelters CSV ('#' lines are comments). Collects every error (unknown or missing column,
/// a column whose unit differs from the expected one, duplicate id, bad number, unknown status or
/// power source, and — when `technology_ids` (the technology catalogue's ids) is not empty — a
/// technology not in the catalogue, with a did-you-mean) with file:line:col; returns the rows read.
std::vector<SmelterRecord> load_smelters(const std::string& path, core::Diagnostics& diagnostics,
                                         const std::vector<std::string>& technology_ids = {});
/// Same from text (tests).
std::vector<SmelterRecord> parse_smelters(const std::string& text, const std::string& display_name,
                                          core::Diagnostics& diagnostics,
                                          const std::vector<std::string>& technology_ids = {});

inline constexpr int kPowerSourceCount = 5;
inline int power_index(plant::PowerSource s) {
  return static_cast<int>(s);
}

/// What a region's premium is (data/fleet-regions.toml `premium_basis`): the price-year mean of a
/// published benchmark (`premium_benchmark` names it), an estimate with no benchmark behind it, or no
/// premium at all (China: priced by its own costs and imports). Outputs show "published" figures
/// only for kPublished (user trial 13, T13-14).
enum class PremiumBasis { kPublished, kEstimate, kNone };
const char* to_string(PremiumBasis b);

/// One market region's prices and demand (USD of the price year; SI units).
struct Region {
  std::string id, name;
  double demand_kg_per_s = 0;
  double premium_usd_per_kg =
      0;  ///< the region's physical premium over the LME, price-year average
  std::string premium_benchmark;  ///< the published premium it is (e.g. "US Midwest"); "" = none
  PremiumBasis premium_basis = PremiumBasis::kNone;
  /// The premium as a published figure, or nullopt where the region has no benchmark.
  std::optional<double> published_premium_usd_per_kg() const {
    return premium_basis == PremiumBasis::kPublished ? std::optional<double>(premium_usd_per_kg) : std::nullopt;
  }
  double wage_usd_per_s = 0;
  double employees_per_kg_per_s = 0;  ///< head count per unit capacity, used when a row has none
  double other_usd_per_kg = 0;
  double anode_usd_per_kg = 0;
  double alf3_usd_per_kg = 0;
  double grid_co2_kg_per_J = 0;
  std::array<std::optional<double>, kPowerSourceCount> power_usd_per_J{};
  core::SourceLocation where;
};

/// A part of a region (one country or one province) whose power prices or grid factor differ from
/// the region's: a smelter of that country or province takes them instead (data/fleet-regions.toml
/// [[subregion]]). The province match wins over the country match.
struct Subregion {
  std::string region, country, province, name, source;
  std::array<std::optional<double>, kPowerSourceCount> power_usd_per_J{};
  std::optional<double> grid_co2_kg_per_J;
  core::SourceLocation where;
};

/// How a smelter curtails ([curtailment] of the region table; docs/model/fleet.md, "Curtailment"):
/// the top `turndown_share` of its capacity is cut by lowering the line current (no potline stops,
/// cost C1); the rest only by stopping potlines, which a later restart pays for, so the LP prices a
/// running smelter's base at C1 − restart cost / horizon and a stopped smelter's restart at C1 +
/// the same.
struct Curtailment {
  double turndown_share = 0;      ///< share of capacity cut by current turndown (0 = none)
  double restart_usd_per_kg = 0;  ///< restart cost per unit of annual capacity (USD per kg/yr)
  double horizon_years = 1;       ///< years over which a stop and restart are weighed
  std::string source;
  bool active() const { return turndown_share > 0 || restart_usd_per_kg > 0; }
  /// Restart cost per kg of a year's output: restart_usd_per_kg / horizon_years.
  double credit_usd_per_kg() const {
    return horizon_years > 0 ? restart_usd_per_kg / horizon_years : 0.0;
  }
};

struct RegionTable {
  int price_year = 0;
  Curtailment curtailment;
  std::vector<Region> regions;
  std::vector<Subregion> subregions;
  double freight_default_usd_per_kg = 0;
  double freight_intra_usd_per_kg = 0;
  std::vector<std::vector<double>> freight_usd_per_kg;  ///< [from][to], filled by load
  std::string path;

  int index_of(const std::string& id) const;  ///< -1 if absent
  /// The subregion of a smelter in `region` with `country` (ISO3) and `province`, or nullptr.
  const Subregion* subregion_of(const std::string& region, const std::string& country,
                                const std::string& province) const;
  std::vector<std::string> ids() const;
  static RegionTable load(const std::string& path, core::Diagnostics& diagnostics);
  static RegionTable parse(const std::string& text, const std::string& display_name,
                           core::Diagnostics& diagnostics);
};

}  // namespace potline::fleet
