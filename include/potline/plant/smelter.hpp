#pragma once
// The smelter: potlines + anode plant + casthouse as one annual operating point.
// Output, consumptions, cost stack (C1 / C2 / business / full), emissions by source and scope,
// EU CBAM cost per tonne for 2026–2034, and labour intensity.
//
// Parse once (smelter_case.hpp) into SmelterInputs, then call evaluate() as often as needed: it is a
// pure function of plain numbers — no parsing, no allocation, no lookup (≤ 20 µs; bench_plant.cpp).
// Units: SI inside (kg, s, J; money in USD of prices.year per kg or per s; EUR for CBAM prices).
#include <array>
#include <cstddef>
#include <vector>

#include "potline/core/constants.hpp"
#include "potline/plant/ccs.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/eu_ets.hpp"

namespace potline::plant {

/// One group of identical potlines (a `[[potline]]` table of the case): everything that can differ
/// between the lines of one smelter — technology, pots, line current, capacity factor, SEC,
/// consumptions, emission method inputs and the employees assigned to them.
struct PotlineGroupInputs {
  double capacity_kg_per_s = 0;        ///< nameplate capacity of the group
  double capacity_factor = 1;          ///< production / capacity of the group
  double potline_sec_ac_J_per_kg = 0;  ///< AC energy of the group's potlines per kg Al
  double alumina_kg_per_kg = 1.925;
  double net_carbon_kg_per_kg = 0.425;
  double alf3_kg_per_kg = 0.0175;
  double relining_usd_per_kg = 0;      ///< per kg of the group's production
  double employees = 0;                ///< employees assigned to the group (others are shared by production)
  EmissionInputs emissions;            ///< per kg of the group's metal (electricity filled by evaluate)
  ResolvedCoefficients coefficients;
};

struct SmelterInputs {
  // Output.
  double capacity_kg_per_s = 0;   ///< nameplate capacity
  double capacity_factor = 1;     ///< production / capacity
  // Electricity.
  double potline_sec_ac_J_per_kg = 0;  ///< AC energy of the potlines per kg Al
  double auxiliary_share = 0;          ///< share of plant electricity used outside the potlines
  double line_power_W = 0;             ///< informational: potline AC load at nameplate (0 = derive)
  // Consumptions per kg Al.
  double alumina_kg_per_kg = 1.925;
  double net_carbon_kg_per_kg = 0.425;
  double alf3_kg_per_kg = 0.0175;
  double relining_usd_per_kg = 0;      ///< cathode relining cost per kg Al (from pot life and cost)
  // Prices (USD of the price year).
  double lme_usd_per_kg = 0;
  double premium_usd_per_kg = 0;
  double alumina_usd_per_kg = 0;       ///< resolved at parse time (price or LME share)
  double anode_usd_per_kg = 0;         ///< resolved at parse time (price or coke + pitch + conversion)
  double alf3_usd_per_kg = 0;
  double power_usd_per_J = 0;
  // Labour.
  double employees = 0;                ///< all employees; with potline groups, those not assigned to a group
  double wage_usd_per_s = 0;           ///< loaded cost per employee
  // Other costs per kg Al.
  double other_usd_per_kg = 0;         ///< maintenance, consumables, casting (cash)
  double depreciation_usd_per_kg = 0;
  double overheads_usd_per_kg = 0;
  double sustaining_capex_usd_per_kg = 0;
  double interest_usd_per_kg = 0;
  // Emissions.
  EmissionInputs emissions;
  ResolvedCoefficients coefficients;
  // CBAM (optional).
  bool cbam = false;
  bool cbam_default_route = false;
  double cbam_default_see_t_per_t = 0;
  /// The EUA price of each year of the CBAM schedule (cbam.eua_price_by_year, else cbam.eua_price).
  std::array<double, policy::kCbamYears> eua_eur_per_t{};
  double carbon_price_paid_eur_per_t = 0;
  double usd_per_eur = 0;
  std::array<double, policy::kCbamYears> cbam_factor{};
  std::array<double, policy::kCbamYears> cbam_markup{};
  double cbam_benchmark_t_per_t = 0;
  double cbam_cscf = 1;
  // EU ETS on the smelter's own direct emissions (optional, [eu_ets]; policy/eu_ets.hpp): in C1 as
  // breakdown.eu_ets. The fleet fills the same inputs for its smelters in the ETS.
  policy::EuEtsInputs eu_ets;
  // Anode type (docs/model/inert-anode.md): with inert anodes there is no anode carbon, anode or
  // baking CO2, baking fuel or PFC; the anode material cost per kg Al is an input and the cell
  // evolves oxygen.
  bool inert_anode = false;
  double inert_anode_usd_per_kg = 0;   ///< inert-anode material cost per kg Al (in breakdown.carbon)
  // Carbon capture on the potline gas (docs/model/ccs.md); capture_rate 0 = none.
  CcsInputs ccs;
  // Several potline groups (`[[potline]]`). Empty: the fields above describe the smelter's one group
  // (capacity, capacity factor, SEC, consumptions, relining, emissions). Not empty: each group is
  // evaluated with the plant-wide prices, per-tonne costs, power source and CBAM inputs above, and
  // the smelter is their sum (production-weighted per tonne); the scalar fields then hold the
  // aggregates for information only.
  std::vector<PotlineGroupInputs> potlines;
};

/// Cost per kg Al by component (USD/kg = kUSD/t).
struct CostBreakdown {
  double alumina = 0;
  double carbon = 0;
  double power = 0;
  double bath = 0;
  double labour = 0;
  double other = 0;  ///< other cash costs + cathode relining
  double ccs = 0;    ///< carbon capture: capture plant, transport and storage, its fuel and electricity
  double eu_ets = 0; ///< EU ETS allowances on direct emissions above the free allocation (policy/eu_ets.hpp)
  double total() const noexcept { return alumina + carbon + power + bath + labour + other + ccs + eu_ets; }
};

struct SmelterResult {
  /// production > 0. Without production, per-tonne figures that spread fixed costs over output are
  /// undefined (labour, C1, C2, business, full cost, margins, power shares, employees per kt produced,
  /// jobs per GW): they are 0 here and reports show them as null / "n/a" with a warning. Specific
  /// consumptions, their costs per tonne and emission intensities stay defined.
  bool produces = false;
  double labour_usd_per_s = 0;         ///< wage bill: employees × loaded wage, paid whatever the output
  double production_kg_per_s = 0;
  double capacity_kg_per_s = 0;
  double sec_ac_J_per_kg = 0;          ///< whole plant, AC
  double electrical_load_W = 0;        ///< average plant electrical load
  CostBreakdown breakdown;             ///< USD/kg
  double c1_usd_per_kg = 0;
  double c2_usd_per_kg = 0;            ///< C1 + depreciation
  double business_usd_per_kg = 0;      ///< C1 + overheads + sustaining capex + interest (CRU style)
  double full_usd_per_kg = 0;          ///< C2 + overheads + interest (C3)
  double power_share_of_c1 = 0;
  double power_share_of_full = 0;
  double price_usd_per_kg = 0;         ///< LME + regional premium
  double margin_c1_usd_per_kg = 0;
  double margin_full_usd_per_kg = 0;
  EmissionResult emissions;            ///< kg CO2e/kg = t CO2e/t
  CcsResult ccs;                       ///< carbon capture (inactive without capture)
  double ccs_electricity_co2_kg_per_kg = 0;  ///< CO2 of the capture's electricity (in emissions.power_co2)
  double oxygen_kg_per_kg = 0;         ///< O2 evolved by inert anodes per kg Al (0 for carbon)
  double employees = 0;                ///< employees counted in labour cost and intensity
  double cbam_see_direct_t_per_t = 0;  ///< direct embedded emissions used for CBAM (no electricity)
  std::array<double, policy::kCbamYears> cbam_certificates_per_t{};
  std::array<double, policy::kCbamYears> cbam_eur_per_t{};
  std::array<double, policy::kCbamYears> cbam_usd_per_t{};
  double employees_per_kg_per_s_capacity = 0;  ///< employees / capacity (SI); see helpers below
  double employees_per_kt_capacity = 0;
  double employees_per_kt_produced = 0;
  double jobs_per_GW = 0;              ///< employees per GW of average electrical load
};

/// The whole smelter. With potline groups: production, capacity, load and employees are sums over
/// the groups; SEC, consumption costs and emissions per tonne are production-weighted means (so the
/// annual totals are sums); labour, per-tonne plant costs and CBAM are computed on the totals.
/// No allocation.
SmelterResult evaluate(const SmelterInputs& in) noexcept;

/// Number of potline groups: potlines.size(), or 1 for a case without groups.
std::size_t potline_group_count(const SmelterInputs& in) noexcept;

/// Group `i` as a smelter of its own: its production, SEC, consumptions and emissions at the plant's
/// prices and per-tonne costs, with its assigned employees plus its production share of the others
/// (capacity share when the plant produces nothing). No CBAM (the plant's is computed on the total).
/// For a case without groups, i = 0 gives evaluate(in) without CBAM.
SmelterResult evaluate_potline(const SmelterInputs& in, std::size_t i) noexcept;

/// Seconds in the Julian year the unit parser uses for "yr" (365.25 d): the core constant.
inline constexpr double kSecondsPerYear = constants::kSecondsPerYear;

/// Labour intensity: employees per kt/yr of capacity.
double employees_per_kt(double employees, double capacity_kg_per_s) noexcept;
/// Jobs per GW of electrical load.
double jobs_per_gigawatt(double employees, double load_W) noexcept;

}  // namespace potline::plant
