#include "potline/bath/composition.hpp"

#include "potline/core/constants.hpp"

namespace potline::bath {
namespace {
namespace k = potline::constants;
// Na3AlF6 = 3 NaF + AlF3 (stoichiometry).
constexpr double kNaFMassFraction =
    3.0 * k::kMolarMassNaF_kg_per_mol /
    (3.0 * k::kMolarMassNaF_kg_per_mol + k::kMolarMassAlF3_kg_per_mol);
}  // namespace

double Composition::cryolite_wt() const noexcept {
  return 100.0 - (alumina_wt + alf3_excess_wt + caf2_wt + mgf2_wt + lif_wt + kf_wt);
}

double cryolite_naf_mass_fraction() noexcept {
  return kNaFMassFraction;
}

double bath_ratio(const Composition& c) noexcept {
  const double cryolite = c.cryolite_wt();
  const double naf = kNaFMassFraction * cryolite;
  const double alf3 = (1.0 - kNaFMassFraction) * cryolite + c.alf3_excess_wt;
  if (!(alf3 > 0.0)) return 0.0;  // no AlF3: ratio undefined (also catches NaN input)
  return naf / alf3;
}

double cryolite_ratio(const Composition& c) noexcept {
  return bath_ratio(c) * k::kMolarMassAlF3_kg_per_mol / k::kMolarMassNaF_kg_per_mol;
}

}  // namespace potline::bath
