#pragma once
// A fleet case (examples/world.toml and friends): the dataset and region table to use, the price
// basis, and the policy levers — demand changes, tariffs, trade exclusions, CBAM, capacity caps,
// power-price shocks and competing loads, domestic carbon prices, retrofits of named smelters.
// Parsed at the boundary with every error located (file:line:col) and unknown smelter or region
// names reported with a "did you mean".
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/fleet/anode_effects.hpp"
#include "potline/fleet/ccs_lever.hpp"
#include "potline/fleet/hpa_product.hpp"
#include "potline/fleet/fleet.hpp"
#include "potline/fleet/flex_link.hpp"
#include "potline/fleet/fuel_paths.hpp"
#include "potline/fleet/power_prices.hpp"
#include "potline/fleet/power_supply.hpp"
#include "potline/fleet/technology_classes.hpp"
#include "potline/fleet/time_data.hpp"
#include "potline/market/trade.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::fleet {

/// What an ad valorem tariff is charged on.
enum class TariffBasis {
  kTransactionValue,  ///< the customs value: each flow's transaction value, destination price − delivery − duty (fixed point)
  kOriginPrice,  ///< the metal's price in its origin region (LP dual; fixed point)
  kLme,          ///< the case's LME price (a linear stand-in: tariff fixed before the LP)
};

/// Which embedded emissions CBAM prices (docs/model/fleet.md, "CBAM: actual or default").
enum class CbamRoute { kActual, kDefault };
/// Whether a [cbam] case charges the EU ETS on the smelters in it (docs/model/fleet.md, CBAM).
enum class EuEts { kCharged, kOff };
/// fleet.indirect_cost_compensation: the states' approved schemes, or none.
enum class IndirectCostAid { kApproved, kOff };
/// market.demand_anchor: the price at which each region demands its reference demand
/// (docs/model/fleet.md, "Price-responsive demand").
enum class DemandAnchor {
  kRegionalPrice,  ///< fleet.lme + the region's premium of the region table (its observed price)
  kLme,            ///< fleet.lme in every region (the anchor before 2026-12-06 late)
};

struct Tariff {
  int importer = -1;
  double rate = 0;                    ///< ad valorem share, on the basis of FleetCase::tariff_basis
  std::vector<std::string> exporters; ///< region ids or ISO3 countries; empty = every other region
  std::vector<std::string> exempt;    ///< region ids or ISO3 countries not charged
  /// tariff.from / tariff.until: first and last day in force, both included, in days since
  /// 1970-01-01 (nullopt: no bound). A path year takes the time-weighted rate (tariff_dates.hpp).
  std::optional<int> from_day, until_day;
  std::string label;                           ///< "tariff[2]": how messages name the table
  core::SourceLocation where, from_at, until_at;  ///< the table, its from and until keys
};

struct Exclusion {
  std::vector<int> importers;         ///< regions that refuse the metal
  std::string origin_region, origin_country, origin_province;
};

/// A [[power_shock]] on a country, a province or one smelter (instead of a region): the matching
/// smelters' power price becomes price x factor + adder, before any regional shock.
struct PowerTarget {
  std::string smelter, country, province;  ///< exactly one is set
  double factor = 1, adder_usd_per_J = 0;
};

/// [[added_load]]: load added to an area's grid (e.g. data centres), in W; it moves the power price of
/// the area's exposed smelters along the area's supply curve (power_supply.hpp).
struct AddedLoad {
  std::string name;
  PowerArea area;
  double load_W = 0;
};

struct CapSpec {
  std::string name;
  int region = -1;
  double capacity_kg_per_s = 0;
};

/// The demand settings of [market] before the region table is known: every region starts from
/// `curve` ([[demand]] may change a region's elasticity and reference price).
struct MarketDefaults {
  market::DemandCurve curve;
  DemandAnchor anchor = DemandAnchor::kRegionalPrice;  ///< market.demand_anchor
  std::optional<double> reference_usd_per_kg;  ///< market.reference_price: every region's; nullopt: the anchor's
};

/// [[flow_limit]]: the most metal one lane (exporting region -> importing region) carries in a year.
struct FlowLimit {
  std::string name, source;
  int from = -1, to = -1;
  double max_kg_per_s = 0;
  int from_year = 0, until_year = 0;  ///< scenario years it holds in (0: no bound; applied by case_for_year)
};

struct FleetCase {
  std::string title;
  std::string path;
  std::string smelters_path, regions_path;
  std::string technology_classes_path;   ///< the data folder's fleet-technology-classes.toml
  TechnologyClasses technology_classes;  ///< for rows without a sourced technology
  std::string power_prices_path;         ///< fleet.power, default the data folder's fleet-power.toml
  PowerPriceTable power_prices;          ///< contracts and captive fuel prices of single smelters
  std::string power_supply_path;         ///< fleet.power_supply, default the data folder's power-supply.toml
  PowerSupplyTable power_supply;         ///< price rise of an area's power against added load
  std::vector<AddedLoad> added_loads;    ///< [[added_load]]: competing loads (GW) on those curves
  std::string anode_effects_path;        ///< fleet.anode_effects, default the data folder's fleet-anode-effects.toml
  AnodeEffectTable anode_effects;        ///< AEM by IPCC class and region for the slope method
  ChinaPfcBasis china_pfc = ChinaPfcBasis::kIaiWorldAverage;  ///< fleet.china_pfc: which China entries apply
  std::vector<std::string> include_status = {"operating"};
  /// fleet.restart_regions: the regions whose rows of a status other than operating stay in the
  /// case (empty: every region's); the key's place in the case file, for its errors.
  std::vector<std::string> restart_regions;
  core::SourceLocation restart_regions_at;
  /// Dataset rows left out by include_status: id -> their status (in the case's year), so that
  /// --export-smelter can say why one is not in the case (user trial 7, T7-34).
  std::map<std::string, std::string> left_out_status;
  // Members bound to the fleet schema (fleet_schema.cpp) take their defaults from it.
  double lme_usd_per_kg = 0;
  double alumina_lme_share = 0;
  /// fleet.restart_lead_time (yr): a stopped smelter the LP restarts produces at most
  /// 1 − this share of its year's capacity (FleetSmelter::running, dated_restart).
  double restart_lead_time_yr = 0;
  /// fleet.greenfield_ramp (yr): a new smelter of the pipeline (kind = "new") reaches its full
  /// capacity this long after the start of its first year, its pots energised at an even pace
  /// (years.cpp, greenfield_ramp_share); 0: full capacity at once.
  double greenfield_ramp_yr = 0;
  /// With [cbam]: cbam.year, or without it (a case with fleet.year) the scenario year clamped to the
  /// CBAM years (each year's case replaces it, years.cpp); 0 = no [cbam].
  int cbam_year = 0;
  bool cbam_year_given = false;  ///< cbam.year is in the case
  double eua_eur_per_t = 0, usd_per_eur = 0;
  bool eua_price_given = false;  ///< cbam.eua_price is in the case (with fleet.year it may come from the paths alone)
  bool usd_per_eur_given = false;  ///< cbam.usd_per_eur is in the case (with fleet.year the usd_per_eur path gives it)
  CbamRoute cbam_route = CbamRoute::kActual;
  EuEts eu_ets = EuEts::kCharged;
  IndirectCostAid indirect_cost = IndirectCostAid::kApproved;  ///< fleet.indirect_cost_compensation
  /// cbam.ets_benchmark; none: the primary-aluminium benchmark of data/cbam.toml, the one CBAM's
  /// free-allocation adjustment uses ([EU 2023/956] Art. 31 ties the two).
  std::optional<double> ets_benchmark_t_per_t;
  bool solve_market = false;
  MarketDefaults market_defaults;
  std::vector<double> demand_factor;    ///< per region
  /// Per region: price elasticity of demand (0 = fixed, the default), reference price (default the
  /// case's LME), shape, range and blocks (market.demand_* keys; [[demand]] elasticity, reference_price).
  std::vector<market::DemandCurve> demand_curve;
  TariffBasis tariff_basis = TariffBasis::kTransactionValue;
  int tariff_max_iterations = 0;
  double tariff_tolerance_usd_per_kg = 0;
  std::vector<Tariff> tariffs;
  std::vector<Exclusion> exclusions;
  std::vector<CapSpec> caps;
  std::vector<FlowLimit> flow_limits;   ///< after the caps in the LP (their shadow prices follow the caps')
  std::vector<std::pair<std::string, std::string>> retrofits;  ///< smelter id -> technology id
  std::vector<CcsRetrofit> ccs_retrofits;  ///< [[ccs_retrofit]]: capture on chosen smelters (ccs_lever.hpp)
  std::vector<HpaProduct> hpa_products;    ///< [[hpa]]: grade premium and upgrading lines (hpa_product.hpp)
  std::vector<PowerTarget> power_targets;  ///< [[power_shock]] on a country, province or smelter
  Shocks shocks;                        ///< filled once the region table is known
  FleetModel model;
  /// Years (docs/model/fleet.md, "Years and paths"): 0 = the dataset as it is, no pipeline, paths or
  /// dated measures. With `year`, the case is that year; with `last_year` too, a path of years.
  int year = 0, last_year = 0;
  std::string pipeline_path, sanctions_path, paths_path;
  std::vector<Project> pipeline;         ///< already applied to the smelters (their year windows)
  std::vector<Sanction> sanctions;       ///< dated exclusions, applied per year
  std::vector<YearPath> paths;           ///< EUA price and demand factors by year
  std::string fuel_paths_path;           ///< fleet.fuel_paths, default the data folder's fleet-fuel-paths.toml
  FuelPathTable fuel_paths;              ///< coal and gas prices by year for captive plants (fuel_paths.hpp)
  std::string uk_ets_path;               ///< the data folder's uk-ets.toml (UK ETS allocation and prices)
  FlexConfiguration flex;                ///< flexible capacity reported (fleet.flex*, flex_link.hpp)
};

/// Reads the case (keys, units and ranges of fleet_schema()), applies --set overrides (KEY=VALUE,
/// and LEVER[I].KEY=VALUE for the I-th [[LEVER]] table, from 0), reads the dataset and the region
/// table, and prepares every smelter; throws core::InputError with all collected errors.
FleetCase load_fleet_case(const std::string& path, const std::string& data_dir, const plant::SmelterData& data,
                          core::Diagnostics& diagnostics, const std::vector<std::string>& sets = {});
/// The fleet data files the case reads, each once: the dataset, the region table, the technology
/// classes, power prices and supply curves, anode effects, pipeline, sanctions, paths, fuel paths and
/// the UK ETS table (the smelter model's own are plant::SmelterData::files). A sweep hashes them all
/// into its store (docs audit DA19-38).
std::vector<std::string> data_files(const FleetCase& c);
/// Same from TOML text; relative paths are resolved against `base_dir`.
FleetCase parse_fleet_case(const std::string& text, const std::string& display_name, const std::string& base_dir,
                           const std::string& data_dir, const plant::SmelterData& data, core::Diagnostics& diagnostics,
                           const std::vector<std::string>& sets = {});

}  // namespace potline::fleet
