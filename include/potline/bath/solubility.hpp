#pragma once
// Alumina solubility (saturation concentration) in the bath.
//
// Source: [Skybakmoen 1997] (docs/references.md), equation of the abstract:
//   [Al2O3]sat = A (t/1000)^B, t in degC,
//   A = 11.9 - 0.062[AlF3] - 0.0031[AlF3]^2 - 0.50[LiF] - 0.20[CaF2] - 0.30[MgF2]
//       + 42[LiF][AlF3]/(2000 + [LiF][AlF3])
//   B = 4.8 - 0.048[AlF3] + 2.2[LiF]^1.5/(10 + [LiF] + 0.001[AlF3]^3)
// Checked against two abstract copies (ISI/ProQuest and alljournals.cn); one typesets the
// quadratic AlF3 coefficient as 0.003, the other as 0.0031; 0.0031 is taken (it reproduces
// the 8.0 wt% check value at 963 degC, AlF3 10.3, CaF2 7, MgF2 0.3 to 0.03 wt%).
// Standard deviation of the fit: 0.29 wt% Al2O3 (abstract).
#include "potline/bath/composition.hpp"
#include "potline/bath/validity.hpp"

namespace potline::bath {

// Temperature range of the fitted data, abstract: "from 1050 degC to about 850 degC".
inline constexpr ValidityRange kSkybakmoen1997Temperature_degC{850.0, 1050.0};
// Composition limits are not stated in the abstract. ESTIMATE: taken equal to the limits of
// the companion liquidus paper ([Solheim 1996], same laboratory and melt systems).
inline constexpr ValidityRange kSkybakmoen1997AlF3_wt{0.0, 20.0};
inline constexpr ValidityRange kSkybakmoen1997CaF2_wt{0.0, 20.0};
inline constexpr ValidityRange kSkybakmoen1997LiF_wt{0.0, 20.0};
inline constexpr ValidityRange kSkybakmoen1997MgF2_wt{0.0, 5.0};

/// Alumina saturation concentration [wt%] at bath temperature [K]. Never NaN; 0 at or below
/// 0 degC (far outside range; flagged by evaluate()).
double alumina_saturation_wt(const Composition& c, double temperature_K) noexcept;

/// True when temperature and composition are inside the limits above.
bool solubility_in_range(const Composition& c, double temperature_K) noexcept;

}  // namespace potline::bath
