#pragma once
// The EU ETS on a smelter in it (an EU or EEA state; docs/model/economics.md, EU ETS): the
// allowance price (EUA) on its direct emissions above its free allocation per tonne,
//   free allocation = benchmark(year) × CBAM factor(year) × cross-sectoral correction factor
// (Directive 2003/87/EC Art. 10a(1a); the factor is the one CBAM's free-allocation adjustment uses,
// [EU 2023/956] Art. 31, data/cbam.toml), cost = max(0, direct − free allocation) × EUA.
// Primary aluminium is in the EU ETS in every year the model charges (from 2021, data/cbam.toml
// [ets_benchmark_2021_2025]): before 2026 the benchmark is 1.464 t/t ([EU 2021/447]) with no CBAM
// factor (1), from 2026 the CBAM-period benchmark × the CBAM factor.
// One function for `potline smelter` (the [eu_ets] inputs) and `potline fleet` (cbam.eu_ets): the
// fleet fills the same inputs for each smelter in the ETS, so both give the same C1 (T7-31).
#include <array>

#include "potline/policy/cbam.hpp"

namespace potline::policy {

/// Resolved EU ETS inputs of one smelter (plain numbers; no lookup in the evaluation).
struct EuEtsInputs {
  bool on = false;  ///< the smelter pays the EU ETS
  double free_allocation_t_per_t =
      0;                          ///< t CO2e of free allowances per t Al (eu_ets_free_allocation)
  double eua_usd_per_kg_co2 = 0;  ///< allowance price × USD per EUR, per kg CO2e
};

/// First year the EU ETS is charged in: 2021, the start of Phase 4 (Directive 2003/87/EC as amended
/// by Directive (EU) 2018/410), the first year of the benchmark of data/cbam.toml
/// [ets_benchmark_2021_2025]
/// ([EU 2021/447]); Phase 3's benchmark is not in the data.
inline constexpr int kEuEtsFirstYear = 2021;

/// True when `year` is one the EU ETS is charged in (kEuEtsFirstYear.. ).
bool eu_ets_year_charged(int year) noexcept;

/// The primary-aluminium benchmark of `year`: the 2021–2025 one before kCbamFirstYear, the
/// CBAM-period one from it; 0 for a year not charged.
double eu_ets_benchmark_t_per_t(int year, const CbamSchedule& s) noexcept;

/// Free allocation per t Al in `year`: benchmark × factor × cscf, with factor 1 before
/// kCbamFirstYear and the CBAM factor from it (years after 2034 take the 2034 row, cbam.hpp). 0 for
/// year 0 (no year).
double eu_ets_free_allocation_t_per_t(int year, double benchmark_t_per_t,
                                      const std::array<double, kCbamYears>& cbam_factor,
                                      double cross_sectoral_correction) noexcept;

/// EU ETS cost per kg Al of a smelter with `direct_t_per_t` direct emissions (CBAM's direct
/// embedded emissions: process CO2, PFCs and fuels burnt on site): max(0, direct − free) × EUA; 0
/// when off.
double eu_ets_cost_usd_per_kg(const EuEtsInputs& in, double direct_t_per_t) noexcept;

}  // namespace potline::policy
