#pragma once
// The UK ETS on a smelter in it (the UK: data/uk-ets.toml; docs/model/fleet.md, UK ETS). The UK
// left the EU ETS at the end of 2020; its own scheme prices primary aluminium the same way: the
// allowance price (UKA) on the direct emissions above the free allocation per tonne,
//   free allocation = benchmark × allocation factor(year),
// charged by the EU ETS's function (eu_ets.hpp, eu_ets_cost_usd_per_kg) with these inputs. Its
// metal sold into the EU pays the EU CBAM less the carbon price paid in the UK ([EU 2023/956] Art.
// 9: uk_ets_carbon_price_paid_eur_per_t).
#include <map>
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/policy/eu_ets.hpp"

namespace potline::policy {

/// The UK ETS's data, loaded once from data/uk-ets.toml.
struct UkEtsSchedule {
  std::vector<std::string> countries;       ///< ISO3 codes of the countries in it (GBR)
  int first_year = 2021;                    ///< first year charged (the scheme's start)
  double benchmark_t_per_t = 0;             ///< primary-aluminium benchmark, t CO2e per t Al
  std::map<int, double> allocation_factor;  ///< share of the benchmark allocated, by year (steps)
  std::map<int, double> uka_gbp_per_t;      ///< allowance price by year
  double usd_per_gbp = 0;
  std::string benchmark_source, allocation_source, price_source, fx_source;

  /// Reads `path`; a missing file is an empty schedule (no country in it) with a warning.
  static UkEtsSchedule load(const std::string& path, core::Diagnostics& d);
  /// True when `iso3` is in the scheme.
  bool covers(const std::string& iso3) const;
  /// True when `year` is charged: from first_year, with a UKA price of that year or an earlier one.
  bool year_charged(int year) const noexcept;
  /// The allocation factor of `year`: the last row at or before it (0 before the first row).
  double allocation_factor_in(int year) const noexcept;
  /// Free allocation per t Al in `year` (benchmark × allocation factor; 0 for a year not charged).
  double free_allocation_t_per_t(int year) const noexcept;
  /// The UKA price of `year` in USD per kg CO2e: the year's, or the last year's after the table.
  double uka_usd_per_kg_co2(int year) const noexcept;
  /// The smelter model's ETS inputs (eu_ets.hpp) of a smelter in the scheme in `year` (off when the
  /// year is not charged).
  EuEtsInputs inputs(int year) const noexcept;
};

/// The carbon price effectively paid in the UK per t CO2e of the metal's embedded emissions, in
/// EUR, for the EU CBAM's deduction ([EU 2023/956] Art. 9): the UK ETS cost per t Al over the
/// embedded emissions the CBAM prices (cbam_cost deducts see × this / EUA = the UK ETS cost in
/// certificates). 0 without emissions or exchange rate.
double uk_ets_carbon_price_paid_eur_per_t(double uk_ets_usd_per_t_al, double see_t_per_t,
                                          double usd_per_eur) noexcept;

}  // namespace potline::policy
