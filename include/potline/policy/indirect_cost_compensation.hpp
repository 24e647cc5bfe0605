#pragma once
// Compensation of indirect emission costs in the EU and EEA (docs/model/fleet.md, "Indirect-cost
// compensation"): the State aid a member state may pay an electricity-intensive undertaking for the
// EU ETS cost passed into its power price, under the Commission's Guidelines on certain State aid
// measures in the context of the EU ETS post-2021 (2020/C 317/04, section 3.1, with the Annexes of
// the supplementing Communication C(2021) 8413, OJ C 528 of 30.12.2021; the EEA text of the EFTA
// Surveillance Authority for Norway and Iceland). Per tonne of product covered by a benchmark,
//   aid(t) = aid intensity × P(t−1) × CO2 factor × benchmark × output,
// P(t−1) the EUA forward price for year t quoted in year t−1 (EUR/t), the CO2 factor the maximum
// regional factor of the state's area (t CO2/MWh, Annex III), the benchmark the product's
// electricity consumption efficiency benchmark (MWh/t, Annex II). One function for the aid per MWh
// and per tonne; the table of the schemes the model knows, each with its sources (an unsourced
// factor is 0 and the scheme is then reported, not applied).
#include <string_view>

namespace potline::policy {

/// First and last cost year the post-2021 guidelines cover: the fourth ETS trading period, 2021–2030
/// (as the Commission's amending Communication C/2026/196 restates; every approval read covers it).
inline constexpr int kIndirectCostFirstYear = 2021;
inline constexpr int kIndirectCostLastYear = 2030;

/// One state's approved scheme (Commission or ESA approval), as far as the model has read it.
struct IndirectCostScheme {
  const char* country;   ///< ISO 3166-1 alpha-3, as data/smelters.csv
  int first_year;        ///< first cost year covered
  int last_year;         ///< last cost year covered
  double aid_intensity;  ///< share of the indirect cost refunded (1)
  double
      co2_factor_t_per_MWh;  ///< the state's maximum regional CO2 factor; 0: not read (not applied)
  const char* source;        ///< the references of docs/references.md the row rests on
};

/// The scheme of `country` covering cost year `year`, or nullptr when the model knows of none (no
/// approved scheme, or a year outside it).
const IndirectCostScheme* indirect_cost_scheme(std::string_view country, int year) noexcept;

/// Aid per MWh of benchmark consumption, in the currency of `eua_per_t_co2`:
/// aid intensity × CO2 factor (t/MWh) × EUA forward price (per t CO2); 0 for negative inputs.
double indirect_cost_aid_per_MWh(double aid_intensity, double co2_factor_t_per_MWh,
                                 double eua_per_t_co2) noexcept;

/// Aid per tonne of product: the aid per MWh × the benchmark (MWh/t); 0 for a negative benchmark.
double indirect_cost_aid_per_t(double aid_per_MWh, double benchmark_MWh_per_t) noexcept;

}  // namespace potline::policy
