#include "potline/bath/solubility.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::bath {

// Skybakmoen et al., Metall. Mater. Trans. B 28 (1997) 81, abstract equation (see header).
double alumina_saturation_wt(const Composition& c, double temperature_K) noexcept {
  const double t_degC = temperature_K - constants::kKelvinOffset_K;
  if (!(t_degC > 0.0)) return 0.0;
  const double alf3 = c.alf3_excess_wt;
  const double lif = c.lif_wt;
  const double lif_pos = std::max(lif, 0.0);
  const double a = 11.9 - 0.062 * alf3 - 0.0031 * alf3 * alf3 - 0.50 * lif - 0.20 * c.caf2_wt -
                   0.30 * c.mgf2_wt + 42.0 * lif * alf3 / (2000.0 + lif * alf3);
  const double b = 4.8 - 0.048 * alf3 +
                   2.2 * lif_pos * std::sqrt(lif_pos) / (10.0 + lif + 0.001 * alf3 * alf3 * alf3);
  return a * std::pow(t_degC / 1000.0, b);
}

bool solubility_in_range(const Composition& c, double temperature_K) noexcept {
  const double t_degC = temperature_K - constants::kKelvinOffset_K;
  return kSkybakmoen1997Temperature_degC.contains(t_degC) &&
         kSkybakmoen1997AlF3_wt.contains(c.alf3_excess_wt) &&
         kSkybakmoen1997CaF2_wt.contains(c.caf2_wt) && kSkybakmoen1997LiF_wt.contains(c.lif_wt) &&
         kSkybakmoen1997MgF2_wt.contains(c.mgf2_wt);
}

}  // namespace potline::bath
