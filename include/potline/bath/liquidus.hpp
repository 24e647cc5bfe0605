#pragma once
// Liquidus temperature (primary crystallisation of cryolite).
//
// Source: [Solheim 1996] (docs/references.md), the empirical equation of the abstract:
//   t/degC = 1011 + 0.50[AlF3] - 0.13[AlF3]^2.2 - 3.45[CaF2]/(1 + 0.0173[CaF2])
//            + 0.124[CaF2][AlF3] - 0.00542([CaF2][AlF3])^1.5
//            - 7.93[Al2O3]/(1 + 0.0936[Al2O3] - 0.0017[Al2O3]^2 - 0.0023[AlF3][Al2O3])
//            - 8.90[LiF]/(1 + 0.0047[LiF] + 0.0010[AlF3]^2) - 3.95[MgF2] - 3.95[KF]
// [X] = wt% of X in the bath; [AlF3] = excess AlF3. Coefficients checked against the
// publisher's abstract (Springer page of doi:10.1007/BF02915602), which typesets 0.50 for the
// linear AlF3 term (an OCR'd abstract copy reads 0.05; 0.50 is taken) and 0.0936 with the
// [Al2O3] denominator. The exponent 2.2 of [AlF3] is lost in the Springer typesetting and
// was read from the ISI abstract copy.
#include "potline/bath/composition.hpp"
#include "potline/bath/validity.hpp"

namespace potline::bath {

// Composition limits stated in the abstract of [Solheim 1996]:
// "[AlF3] ~ [CaF2] ~ [LiF] < 20 wt pct, [MgF2] ~ [KF] < 5 wt pct, [Al2O3] up to saturation".
// The Al2O3 limit is checked against [Skybakmoen 1997] saturation (flag kAboveSaturation); above
// it liquidus_K() evaluates the equation at the saturation concentration.
inline constexpr ValidityRange kSolheim1996AlF3_wt{0.0, 20.0};
inline constexpr ValidityRange kSolheim1996CaF2_wt{0.0, 20.0};
inline constexpr ValidityRange kSolheim1996LiF_wt{0.0, 20.0};
inline constexpr ValidityRange kSolheim1996MgF2_wt{0.0, 5.0};
inline constexpr ValidityRange kSolheim1996KF_wt{0.0, 5.0};
inline constexpr ValidityRange kSolheim1996Al2O3_wt{0.0, 100.0};  // upper bound: saturation

/// Liquidus temperature [K] by [Solheim 1996]. Never NaN: negative contents (outside
/// range anyway) enter the fractional powers as 0.
/// A bath with more alumina than the liquid holds at that liquidus (above the saturation of
/// [Skybakmoen 1997], solubility.hpp) freezes where the liquidus curve meets the solubility
/// curve: the temperature T with T = liquidus(saturation(T)), the alumina beyond it undissolved
/// (docs/model/bath.md, "Liquidus of a bath above alumina saturation"). AlF3 11, CaF2 5, 9 wt%
/// Al2O3: 937.9 degC at 7.48 wt% dissolved, not the 931.5 degC of the equation at 9 wt%.
double liquidus_K(const Composition& c) noexcept;

/// True when the composition lies inside the [Solheim 1996] limits above.
bool liquidus_in_range(const Composition& c) noexcept;

}  // namespace potline::bath
