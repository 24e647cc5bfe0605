#pragma once
// Bath (electrolyte) composition and the two acidity ratios derived from it.
//
// Composition is kept in wt% (mass percent of the whole bath) because every published bath
// correlation ([Solheim 1996], [Skybakmoen 1997], [Hives 1996], ...) is written in wt%.
// Cryolite (Na3AlF6) is the balance. "Excess AlF3" is AlF3 beyond the cryolite stoichiometry.
// See docs/model/bath.md for the definitions chosen.

namespace potline::bath {

/// Bath composition in wt% of the whole bath; cryolite (Na3AlF6) is the rest.
struct Composition {
  double alumina_wt = 2.5;       ///< dissolved Al2O3 [wt%]
  double alf3_excess_wt = 11.0;  ///< AlF3 in excess of Na3AlF6 stoichiometry [wt%]
  double caf2_wt = 5.0;          ///< CaF2 [wt%]
  double mgf2_wt = 0.0;          ///< MgF2 [wt%]
  double lif_wt = 0.0;           ///< LiF [wt%]
  double kf_wt = 0.0;            ///< KF [wt%]

  /// Cryolite (Na3AlF6) [wt%] = 100 - sum of the other components. May be negative for
  /// inconsistent input; input validation (io layer) rejects that.
  double cryolite_wt() const noexcept;
};

/// Mass fraction of NaF in stoichiometric cryolite, 3 M(NaF) / (3 M(NaF) + M(AlF3)) = 0.59999...
/// computed from the IUPAC molar masses in potline/core/constants.hpp.
double cryolite_naf_mass_fraction() noexcept;

/// Bath ratio BR: mass ratio NaF/AlF3 of the NaF-AlF3 subsystem, [-].
///   m(NaF)  = f * cryolite_wt
///   m(AlF3) = (1 - f) * cryolite_wt + alf3_excess_wt,  f = cryolite_naf_mass_fraction()
/// CaF2, MgF2, LiF, KF and Al2O3 count in neither numerator nor denominator.
/// Pure cryolite: BR = 3 M(NaF)/M(AlF3) = 1.49998 (1.5 to 5 significant digits).
/// Returns 0 when there is no AlF3 at all (ratio undefined); never NaN.
double bath_ratio(const Composition& c) noexcept;

/// Cryolite ratio CR: molar ratio n(NaF)/n(AlF3) of the same subsystem, [-].
/// CR = BR * M(AlF3)/M(NaF); pure cryolite gives exactly 3. Returns 0 when undefined.
double cryolite_ratio(const Composition& c) noexcept;

}  // namespace potline::bath
