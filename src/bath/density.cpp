#include "potline/bath/density.hpp"

#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::bath {
namespace {
constexpr double kKg_per_m3_per_g_per_cm3 = 1000.0;
}  // namespace

// Kan, Wang, Ban, Qiu, J. Northeastern Univ. (Nat. Sci.) 28(4) (2007) 541, abstract equation.
double density_kg_per_m3(const Composition& c, double temperature_K) noexcept {
  const double t_degC = temperature_K - constants::kKelvinOffset_K;
  constexpr double kNaCl_wt = 0.0;  // Potline baths carry no NaCl
  const double rho_g_per_cm3 = 2.8971 - 0.00307 * c.alf3_excess_wt + 0.003041 * c.lif_wt -
                               0.00932 * kNaCl_wt - 0.00085 * t_degC;
  return kKg_per_m3_per_g_per_cm3 * rho_g_per_cm3;
}

bool density_in_range(const Composition& c, double temperature_K) noexcept {
  // To a micro-kelvin: 1000 °C given is 1000.0000000000001 °C after the kelvin round trip, and was
  // reported outside the inclusive range 950–1000 °C (user trial T10-11).
  const double t_degC = std::round((temperature_K - constants::kKelvinOffset_K) * 1e6) / 1e6;
  return kKan2007Temperature_degC.contains(t_degC) && kKan2007AlF3_wt.contains(c.alf3_excess_wt) &&
         kKan2007LiF_wt.contains(c.lif_wt);
}

}  // namespace potline::bath
