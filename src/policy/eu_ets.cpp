#include "potline/policy/eu_ets.hpp"

#include <algorithm>
#include <cstddef>

namespace potline::policy {

bool eu_ets_year_charged(int year) noexcept {
  return year >= kEuEtsFirstYear;
}

double eu_ets_benchmark_t_per_t(int year, const CbamSchedule& s) noexcept {
  if (!eu_ets_year_charged(year)) return 0.0;
  return year < kCbamFirstYear ? s.ets_benchmark_2021_2025_t_per_t : s.benchmark_primary_t_per_t;
}

double eu_ets_free_allocation_t_per_t(int year, double benchmark_t_per_t,
                                      const std::array<double, kCbamYears>& cbam_factor,
                                      double cross_sectoral_correction) noexcept {
  if (year == 0) return 0.0;
  // Before the CBAM phase-in the free allocation is the benchmark in full (no CBAM factor).
  const double factor = year < kCbamFirstYear
                            ? 1.0
                            : cbam_factor[static_cast<std::size_t>(cbam_schedule_index(year))];
  return benchmark_t_per_t * factor * cross_sectoral_correction;
}

double eu_ets_cost_usd_per_kg(const EuEtsInputs& in, double direct_t_per_t) noexcept {
  if (!in.on) return 0.0;
  // t CO2e per t Al = kg per kg: the price per kg CO2e gives USD per kg Al.
  return std::max(0.0, direct_t_per_t - in.free_allocation_t_per_t) * in.eua_usd_per_kg_co2;
}

}  // namespace potline::policy
