#include "potline/bath/liquidus.hpp"

#include <algorithm>
#include <cmath>

#include "potline/bath/solubility.hpp"
#include "potline/core/constants.hpp"

namespace potline::bath {
namespace {

// Solheim et al., Metall. Mater. Trans. B 27B (1996) 739, abstract equation (see header), at the
// dissolved alumina `al2o3` [wt%] with the other contents of `c`.
double solheim_liquidus_degC(const Composition& c, double al2o3) noexcept {
  const double alf3 = c.alf3_excess_wt;
  const double caf2 = c.caf2_wt;
  const double lif = c.lif_wt;
  // Fractional powers need non-negative bases; negative contents are out of range (flagged).
  const double alf3_pos = std::max(alf3, 0.0);
  const double ca_al_pos = std::max(caf2 * alf3, 0.0);

  const double ca_al_pow_1_5 = ca_al_pos * std::sqrt(ca_al_pos);  // ([CaF2][AlF3])^1.5
  return 1011.0 + 0.50 * alf3 - 0.13 * std::pow(alf3_pos, 2.2) - 3.45 * caf2 / (1.0 + 0.0173 * caf2) +
         0.124 * caf2 * alf3 - 0.00542 * ca_al_pow_1_5 -
         7.93 * al2o3 / (1.0 + 0.0936 * al2o3 - 0.0017 * al2o3 * al2o3 - 0.0023 * alf3 * al2o3) -
         8.90 * lif / (1.0 + 0.0047 * lif + 0.0010 * alf3 * alf3) - 3.95 * c.mgf2_wt - 3.95 * c.kf_wt;
}

// How far T [degC] is above the cryolite liquidus of the liquid that holds the saturation
// concentration at T (Skybakmoen et al. 1997): increasing in T, since the solubility rises with T and
// the liquidus falls with the dissolved alumina.
double above_saturated_liquidus(const Composition& c, double t_degC) noexcept {
  return t_degC - solheim_liquidus_degC(c, alumina_saturation_wt(c, t_degC + constants::kKelvinOffset_K));
}

}  // namespace

// A bath holding more alumina than dissolves (see header): below the temperature where the liquidus
// curve meets the solubility curve the liquid cannot hold the alumina the liquidus would need, so the
// liquidus is that meeting point (the root of above_saturated_liquidus between the liquidus at the
// whole alumina content, where it is negative, and the liquidus without alumina, where it is not).
double liquidus_K(const Composition& c) noexcept {
  const double whole = solheim_liquidus_degC(c, c.alumina_wt);
  const double whole_saturation = alumina_saturation_wt(c, whole + constants::kKelvinOffset_K);
  if (!(c.alumina_wt > whole_saturation)) return whole + constants::kKelvinOffset_K;
  double lo = whole, hi = std::max(solheim_liquidus_degC(c, 0.0), whole);
  double f_lo = above_saturated_liquidus(c, lo), f_hi = above_saturated_liquidus(c, hi);
  if (!(f_lo < 0.0 && f_hi >= 0.0)) return whole + constants::kKelvinOffset_K;  // no bracket: far outside range
  // Illinois false position: a few evaluations to 1e-9 K (the bracket is a few tens of K wide).
  int side = 0;
  for (int i = 0; i < 100 && hi - lo > 1e-9; ++i) {
    const double t = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const double f = above_saturated_liquidus(c, t);
    if (f < 0.0) {
      lo = t;
      f_lo = f;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = t;
      f_hi = f;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
    if (f == 0.0) break;
  }
  return hi + constants::kKelvinOffset_K;
}

bool liquidus_in_range(const Composition& c) noexcept {
  return kSolheim1996AlF3_wt.contains(c.alf3_excess_wt) &&
         kSolheim1996CaF2_wt.contains(c.caf2_wt) && kSolheim1996LiF_wt.contains(c.lif_wt) &&
         kSolheim1996MgF2_wt.contains(c.mgf2_wt) && kSolheim1996KF_wt.contains(c.kf_wt) &&
         kSolheim1996Al2O3_wt.contains(c.alumina_wt);
}

}  // namespace potline::bath
