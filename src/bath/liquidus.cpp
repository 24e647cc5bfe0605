#include "potline/bath/liquidus.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::bath {

// Solheim et al., Metall. Mater. Trans. B 27B (1996) 739, abstract equation (see header).
double liquidus_K(const Composition& c) noexcept {
  const double alf3 = c.alf3_excess_wt;
  const double caf2 = c.caf2_wt;
  const double al2o3 = c.alumina_wt;
  const double lif = c.lif_wt;
  // Fractional powers need non-negative bases; negative contents are out of range (flagged).
  const double alf3_pos = std::max(alf3, 0.0);
  const double ca_al_pos = std::max(caf2 * alf3, 0.0);

  const double ca_al_pow_1_5 = ca_al_pos * std::sqrt(ca_al_pos);  // ([CaF2][AlF3])^1.5
  const double t_degC =
      1011.0 + 0.50 * alf3 - 0.13 * std::pow(alf3_pos, 2.2) - 3.45 * caf2 / (1.0 + 0.0173 * caf2) +
      0.124 * caf2 * alf3 - 0.00542 * ca_al_pow_1_5 -
      7.93 * al2o3 / (1.0 + 0.0936 * al2o3 - 0.0017 * al2o3 * al2o3 - 0.0023 * alf3 * al2o3) -
      8.90 * lif / (1.0 + 0.0047 * lif + 0.0010 * alf3 * alf3) - 3.95 * c.mgf2_wt - 3.95 * c.kf_wt;
  return t_degC + constants::kKelvinOffset_K;
}

bool liquidus_in_range(const Composition& c) noexcept {
  return kSolheim1996AlF3_wt.contains(c.alf3_excess_wt) &&
         kSolheim1996CaF2_wt.contains(c.caf2_wt) && kSolheim1996LiF_wt.contains(c.lif_wt) &&
         kSolheim1996MgF2_wt.contains(c.mgf2_wt) && kSolheim1996KF_wt.contains(c.kf_wt) &&
         kSolheim1996Al2O3_wt.contains(c.alumina_wt);
}

}  // namespace potline::bath
