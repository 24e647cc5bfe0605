// Typical ranges of the money inputs of a smelter or invest case (user trial 11, T11-1): a value
// outside warns, and one 1000 times off that lands inside when scaled (a USD/kg price typed as
// "2400 USD/kg" for 2400 USD/t) says so (io/values.cpp, thousandfold_hint). One declaration each,
// with its basis; the fleet's fleet.lme uses the same LME range.
#pragma once

namespace potline::plant {

struct TypicalRange {
  double lo;  ///< in the field's unit
  double hi;
  const char* basis;  ///< the schema's source text
};

inline constexpr TypicalRange kTypicalLme_usd_per_t{
    1250.0, 4000.0, "LME cash 2000–2024 between about 1,250 and 4,000 USD/t"};
inline constexpr TypicalRange kTypicalAlumina_usd_per_t{
    150.0, 1200.0,
    "estimate: alumina index prices 2023–2024 about 330 to 700 USD/t ([FocusEconomics alumina "
    "2024], "
    "[CRU alumina 2024]), widened for other years and freight"};
inline constexpr TypicalRange kTypicalAnode_usd_per_t{
    200.0, 1500.0,
    "estimate: China's 2024 prebaked-anode tender benchmark about 3,750–4,700 CNY/t, 520–660 USD/t "
    "([SMM prebaked anode Dec 2024]), widened for other regions and years"};
inline constexpr TypicalRange kTypicalAlf3_usd_per_t{
    500.0, 3000.0,
    "estimate: the fleet's regional AlF3 prices 1,100–1,700 USD/t (data/fleet-regions.toml), "
    "widened"};
inline constexpr TypicalRange kTypicalPremium_usd_per_t{
    0.0, 2000.0,
    "estimate: the US Midwest premium 2024 about 19 US cents/lb, 415–430 USD/t ([SMU Midwest "
    "premium Jan 2024]), "
    "Japan's Q1 2024 130 USD/t ([MJP Q1 2024]); widened for tariff years"};
inline constexpr TypicalRange kTypicalOtherCost_usd_per_t{
    0.0, 1000.0,
    "estimate: the fleet's regional other cash costs 200–300 USD/t (data/fleet-regions.toml), "
    "widened"};
inline constexpr TypicalRange kTypicalSustainingCapex_usd_per_t{
    0.0, 500.0,
    "estimate: a few per cent of a new smelter's capex per t/yr (examples: 80 USD/t), widened"};
inline constexpr TypicalRange kTypicalWage_usd_per_yr{
    3000.0, 300000.0,
    "estimate: loaded costs per employee of 14,700 (Russia) to 96,700 USD/yr (USA) in "
    "data/fleet-regions.toml "
    "([NBS wages 2024], [BLS OEWS 331400 May 2023]), widened for lower-wage and higher-cost "
    "countries"};
inline constexpr TypicalRange kTypicalCapex_usd_per_t{
    1000.0, 15000.0,
    "estimate: the examples' retrofit 3,000 and new build 5,500 USD per t/yr of capacity "
    "(assumptions), "
    "widened"};

// Size and staff of one smelter (user trial T12-8: a kt/t slip in plant.capacity or labour.employees
// passed silently, C1 190,273 USD/t at "473 t/yr").
inline constexpr TypicalRange kTypicalCapacity_t_per_yr{
    10000.0, 2500000.0,
    "estimate: the single smelters of data/smelters.csv span 14–2,030 kt/yr (aggregate rows "
    "excluded), widened"};
inline constexpr TypicalRange kTypicalEmployeesPerKt{
    0.5, 20.0,
    "estimate: the 13 smelters of Table 1 of [Wang et al. 2025] (data/smelters-seed.csv) have "
    "1.7–5.9 employees per kt/yr of capacity, widened for older and smaller plants"};

}  // namespace potline::plant
