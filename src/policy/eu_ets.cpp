#include "potline/policy/eu_ets.hpp"

#include <algorithm>
#include <cstddef>

namespace potline::policy {

double eu_ets_free_allocation_t_per_t(int year, double benchmark_t_per_t,
                                      const std::array<double, kCbamYears>& cbam_factor,
                                      double cross_sectoral_correction) noexcept {
  if (year == 0) return 0.0;
  const auto i = static_cast<std::size_t>(cbam_schedule_index(year));
  return benchmark_t_per_t * cbam_factor[i] * cross_sectoral_correction;
}

double eu_ets_cost_usd_per_kg(const EuEtsInputs& in, double direct_t_per_t) noexcept {
  if (!in.on) return 0.0;
  // t CO2e per t Al = kg per kg: the price per kg CO2e gives USD per kg Al.
  return std::max(0.0, direct_t_per_t - in.free_allocation_t_per_t) * in.eua_usd_per_kg_co2;
}

}  // namespace potline::policy
