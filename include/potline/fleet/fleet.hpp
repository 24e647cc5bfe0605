#pragma once
// The world fleet: every smelter of the dataset through the smelter model (plant::evaluate) with
// its region's prices, then the industry cost curve, marginal cost at a demand, smelters under
// water at a price, and the emissions-intensity curve.
//
// Parse once (fleet_case.hpp builds a FleetModel: one plant::SmelterInputs per smelter, the cell
// model run once per catalogue technology), then evaluate() is a loop of plant::evaluate calls with
// no parsing or allocation beyond the output vector — cheap enough for Monte Carlo.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "potline/fleet/dataset.hpp"
#include "potline/plant/cell_current.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/eu_ets.hpp"
#include "potline/policy/uk_ets.hpp"

namespace potline::fleet {

/// One smelter ready to evaluate.
struct FleetSmelter {
  SmelterRecord record;
  int region = -1;                   ///< index into RegionTable::regions
  plant::SmelterInputs inputs;       ///< at the base prices of the case
  double base_power_usd_per_J = 0;   ///< before scenario shocks
  std::string sec_origin;            ///< where the SEC came from (technology or technology class)
  std::string technology;            ///< the catalogue technology whose cell model gives the SEC
  /// The line current that technology's cell is evaluated at, and why (plant::cell_current, decided
  /// once by the smelter model): the SEC's and CE's, the flexible-capacity envelope's and the
  /// exported smelter case's (none without a technology).
  std::optional<plant::CellCurrent> cell_current;
  std::string technology_class;      ///< the class id when the row names no technology (else empty)
  bool employees_estimated = false;
  std::string power_origin;          ///< where the power price came from (contract, captive fuel, subregion, region)
  std::string power_basis;           ///< "sourced", "partly sourced" or "estimate"
  std::string pfc_standard;          ///< PFC method and coefficients ("IPCC2019 slope (PFPB_modern, AEM ...)")
  std::string cbam_route;            ///< with [cbam]: "actual", "default (ISO3)", or why actual
  double cbam_country_default_t_per_t = 0;  ///< the country's CBAM default value before mark-up (0: none)
  bool in_eu_ets = false;            ///< an EU or EEA state (data/cbam.toml: "..., in the EU ETS")
  bool in_uk_ets = false;            ///< a country of the UK ETS (data/uk-ets.toml: the UK)
  /// Compensation of indirect emission costs per J of its AC consumption (indirect_cost_case.hpp; 0:
  /// none), deducted from its C1 by fleet::evaluate.
  double indirect_cost_aid_usd_per_J = 0;
  /// Ran before the period (status operating, or produced in the path's previous year): stopping it
  /// costs a later restart; a smelter that did not run pays the restart to run (Curtailment).
  bool running = true;
  /// Its restart this year is the pipeline's (a restart project in its first year, or a dated
  /// restart within the year, whose date already holds the lead time): no fleet.restart_lead_time.
  bool dated_restart = false;
};

/// The EU ETS on the smelters in it (docs/model/fleet.md, EU ETS), in every scenario year from 2021
/// with or without [cbam], unless cbam.eu_ets = "off": each pays the EUA on its direct emissions
/// above its free allocation per tonne, benchmark(year) × CBAM factor(year) × CSCF (Directive
/// 2003/87/EC Art. 10a(1a); the factor CBAM's free-allocation adjustment uses, [EU 2023/956] Art.
/// 31; factor 1 and the 2021–2025 benchmark before 2026, policy/eu_ets.hpp).
struct EuEtsCharge {
  bool on = false;  ///< charged (cbam.eu_ets), a year from 2021 and an EUA price and exchange rate known
  int year = 0;     ///< the ETS year: fleet.year (each year of a path), else cbam.year; 0: none
  std::optional<double> benchmark_override_t_per_t;  ///< cbam.ets_benchmark (every year)
  double benchmark_2021_2025_t_per_t = 0;            ///< data/cbam.toml, before 2026
  double benchmark_from_2026_t_per_t = 0;            ///< data/cbam.toml, from 2026
  double cross_sectoral_correction = 1;              ///< data/cbam.toml
  std::array<double, policy::kCbamYears> factor{};  ///< CBAM factor by year (data/cbam.toml)
  double eua_usd_per_kg_co2 = 0;                    ///< the year's EUA × USD per EUR
  /// The benchmark of `year` (the override, else data/cbam.toml's for that year).
  double benchmark_t_per_t(int year) const noexcept;
  /// Free allocation per tonne in `year` (0 for year 0).
  double free_allocation_t_per_t(int year) const noexcept;
};

/// The UK ETS on the smelters in it (docs/model/fleet.md, UK ETS): charged as the EU ETS is, with the
/// UK's benchmark, allocation factor and UKA price of the year (policy/uk_ets.hpp), unless
/// cbam.eu_ets = "off" (which switches off both schemes).
struct UkEtsCharge {
  bool on = false;  ///< charged: a scenario year the data prices, cbam.eu_ets = "charged"
  int year = 0;     ///< the ETS year (as EuEtsCharge::year)
  policy::UkEtsSchedule schedule;  ///< data/uk-ets.toml
};

/// Everything a fleet evaluation needs, prepared at the boundary.
struct FleetModel {
  RegionTable regions;
  std::vector<FleetSmelter> smelters;  ///< only those with an included status
  int cbam_year = 0;                   ///< 0 = no CBAM
  EuEtsCharge eu_ets;                  ///< off without a year (fleet.year or cbam.year)
  UkEtsCharge uk_ets;                  ///< off without a year, as eu_ets
  /// The indirect-cost compensation of the year (indirect_cost_case.hpp): on, the year, and the EUA
  /// forward price it uses (EUR/t); the smelters' rates are in FleetSmelter.
  struct IndirectCost {
    bool on = false;
    int year = 0;
    double eua_eur_per_t = 0;
  } indirect_cost;
  double lme_usd_per_kg = 0;
  double demand_kg_per_s = 0;          ///< world demand for the cost-curve marginal cost
};

/// Per-smelter scenario levers applied on top of the base inputs (all default to "no change").
struct Shocks {
  std::vector<double> power_factor;        ///< per region, multiplies the power price (1 = none)
  std::vector<double> power_adder_usd_per_J;  ///< per region, added after the factor (competing load)
  std::vector<double> carbon_usd_per_kg_co2;  ///< per region, on scope 1 emissions
  double alumina_factor = 1;
  /// The EUA price (EUR/t CO2e) in place of the case's, for the EU ETS cost of EU/EEA smelters and CBAM
  /// on imports (a sweep's eua_price draw); none: the case's (its cbam.eua_price or path).
  std::optional<double> eua_eur_per_t;
};
Shocks no_shocks(const FleetModel& model);

/// Result of one smelter.
struct SmelterEconomics {
  double capacity_kg_per_s = 0;
  double c1_usd_per_kg = 0;           ///< smelter-model C1 + domestic carbon cost + EU ETS cost
  double domestic_carbon_usd_per_kg = 0;  ///< the [[carbon_price]] lever's cost on scope 1 (not a smelter-case input)
  double eu_ets_usd_per_kg = 0;       ///< EU ETS cost on direct emissions above the free allocation (EuEtsCharge)
  double eu_ets_free_allocation_kg_per_kg = 0;  ///< the free allocation per t that cost used (0: not in the ETS)
  double uk_ets_usd_per_kg = 0;       ///< UK ETS cost on direct emissions above the free allocation (UkEtsCharge)
  double uk_ets_free_allocation_kg_per_kg = 0;  ///< the UK free allocation per t that cost used (0: not in it)
  double indirect_cost_aid_usd_per_kg = 0;  ///< compensation of indirect emission costs, deducted from C1 and business
  double business_usd_per_kg = 0;     ///< smelter-model business cost + domestic carbon + EU ETS cost
  double power_usd_per_kg = 0;
  double sec_ac_J_per_kg = 0;
  double electricity_J_per_kg = 0;  ///< bought at the power price: SEC AC + a capture plant's (break-even power)
  double total_co2e_kg_per_kg = 0;    ///< scope 1 + 2 (IAI Level 1)
  double direct_co2e_kg_per_kg = 0;   ///< CBAM direct embedded emissions (no electricity)
  double indirect_co2e_kg_per_kg = 0; ///< scope 2: purchased electricity (captive plants are scope 1)
  double cbam_usd_per_kg = 0;         ///< CBAM cost if sold into the EU in cbam_year (0 = none)
  double cbam_see_kg_per_kg = 0;      ///< embedded emissions CBAM prices (actual, or the marked-up default)
  double cbam_default_see_kg_per_kg = 0;  ///< the country's marked-up default value in cbam_year (0 = none)
  double cbam_carbon_price_paid_eur_per_t = 0;  ///< deducted from CBAM (Art. 9): a UK smelter's UK ETS
  double price_usd_per_kg = 0;        ///< LME + regional premium
};

/// The EU ETS inputs of the smelter model (policy/eu_ets.hpp) for smelter `s` under `shocks`: on for a
/// smelter in the EU ETS with the case's charge on and no [[carbon_price]] on its region; for a smelter
/// in the UK ETS, the UK's (same function, the UK's free allocation and UKA price). fleet::evaluate
/// and --export-smelter (the [eu_ets] of the smelter case) both take them from here.
policy::EuEtsInputs eu_ets_inputs(const FleetModel& model, const FleetSmelter& s, const Shocks& shocks);

/// Evaluates every smelter; `out` is resized to the fleet size.
void evaluate(const FleetModel& model, const Shocks& shocks, std::vector<SmelterEconomics>& out);

/// One step of a cost curve: smelters sorted by cost (ties by index, so the order is deterministic).
struct CurvePoint {
  int smelter = 0;
  double cost_usd_per_kg = 0;
  double capacity_kg_per_s = 0;
  double cumulative_kg_per_s = 0;  ///< including this smelter
};

/// Sorted cost curve by `cost` (C1 by default), cumulative capacity.
std::vector<CurvePoint> cost_curve(const std::vector<SmelterEconomics>& e, bool business = false);
/// Emissions-intensity curve: sorted by total CO2e per kg.
std::vector<CurvePoint> emissions_curve(const std::vector<SmelterEconomics>& e);
/// The cost of the smelter that serves the last unit of `demand` (the marginal cost); throws
/// core::RunError when demand exceeds the curve's capacity.
double marginal_cost(const std::vector<CurvePoint>& curve, double demand_kg_per_s);
/// Indices of smelters whose C1 exceeds their realised price (LME + premium).
std::vector<int> under_water(const std::vector<SmelterEconomics>& e);

}  // namespace potline::fleet
