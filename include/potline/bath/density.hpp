#pragma once
// Density of the liquid bath.
//
// Source: [Kan et al. 2007] (docs/references.md), regression equation of the abstract
// (Archimedean method, error < 1 %):
//   rho / (g/cm^3) = 2.8971 - 0.00307[AlF3] + 0.003041[LiF] - 0.00932[NaCl] - 0.00085 t
// t in degC, [X] wt% of the bath, [AlF3] = excess AlF3. Potline baths carry no NaCl.
// Al2O3 and CaF2 were present in the measured melts but do not appear in the regression;
// MgF2 and KF were not studied. Coefficients verified against the published abstract; the
// full paper (and its temperature range) was not reachable.
#include "potline/bath/composition.hpp"
#include "potline/bath/validity.hpp"

namespace potline::bath {

// Composition range of the measurements, abstract: AlF3 10.87-16.67 %, LiF 0-6 %.
inline constexpr ValidityRange kKan2007AlF3_wt{10.87, 16.67};
inline constexpr ValidityRange kKan2007LiF_wt{0.0, 6.0};
// Temperature range: not stated in the abstract. ESTIMATE: 930-1000 degC, the liquid range
// of such acidic baths up to the upper end of industrial practice.
inline constexpr ValidityRange kKan2007Temperature_degC{930.0, 1000.0};

/// Bath density [kg/m^3] at bath temperature [K].
double density_kg_per_m3(const Composition& c, double temperature_K) noexcept;

/// True when temperature and composition are inside the ranges above.
bool density_in_range(const Composition& c, double temperature_K) noexcept;

}  // namespace potline::bath
