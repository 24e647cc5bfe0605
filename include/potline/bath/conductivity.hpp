#pragma once
// Electrical conductivity of the bath.
//
// kHives1996: [Hives 1996] (docs/references.md).
//     ln(kappa / (S/cm)) = 1.977 - 0.0200[Al2O3] - 0.0131[AlF3] - 0.0060[CaF2]
//                          - 0.0106[MgF2] - 0.0019[KF] + 0.0121[LiF] - 1204.3/T
//   Coefficients as commonly quoted (secondary); the 1996 paper itself was not checked.
//   Consistency check against a primary abstract: [Hives 1993] gives
//   kappa = 7.22 exp(-1204.3/T) for pure cryolite, and
//   exp(1.977) = 7.221 with the same activation term (see the validation tests).
// kWang1992: [Wang 1992] (attribution as commonly cited; primary paper not checked).
//     ln(kappa / (S/cm)) = 1.9362 + 0.3092 BR - 0.004132[CaF2] - 0.01755[Al2O3]
//                          + 0.008123[LiF] - 0.00398[MgF2] - 1751.1/T
//   Coefficients as quoted by [Yao et al. 2017].
//   BR is bath_ratio() (NaF/AlF3 mass ratio); some implementations add LiF/MgF2 corrections
//   to BR, not applied here (docs/model/bath.md).
#include <optional>
#include <string_view>

#include "potline/bath/composition.hpp"
#include "potline/bath/validity.hpp"

namespace potline::bath {

enum class ConductivityModel { kHives1996, kWang1992 };

/// "hives1996" or "wang1992" (case-sensitive); nullopt for anything else.
std::optional<ConductivityModel> conductivity_model_from_name(std::string_view name) noexcept;
std::string_view to_name(ConductivityModel model) noexcept;
/// Human citation for messages, e.g. "Hives et al. (1996)".
std::string_view citation(ConductivityModel model) noexcept;

// Validity ranges. The primary papers were not checked, so these are ESTIMATES: a
// 950-1000 degC window as commonly quoted, narrower than the 940-1050 degC of the same group's
// 1993 ternary study [Hives 1993], and composition limits as commonly quoted ("0-10 wt% Al2O3
// below saturation, excess AlF3 up to ~15, CaF2 up to ~10"). MgF2, LiF and KF limits: ESTIMATE
// 0-5 wt% (industrial additive levels).
// Both models share these ranges.
inline constexpr ValidityRange kConductivityTemperature_degC{950.0, 1000.0};
inline constexpr ValidityRange kConductivityAl2O3_wt{0.0, 10.0};
inline constexpr ValidityRange kConductivityAlF3_wt{0.0, 15.0};
inline constexpr ValidityRange kConductivityCaF2_wt{0.0, 10.0};
inline constexpr ValidityRange kConductivityMgF2_wt{0.0, 5.0};
inline constexpr ValidityRange kConductivityLiF_wt{0.0, 5.0};
inline constexpr ValidityRange kConductivityKF_wt{0.0, 5.0};

/// Electrical conductivity [S/m] at bath temperature [K]. Returns 0 for T <= 0 K.
double conductivity_S_per_m(const Composition& c, double temperature_K,
                            ConductivityModel model) noexcept;

/// True when temperature and composition are inside the ranges above.
bool conductivity_in_range(const Composition& c, double temperature_K) noexcept;

}  // namespace potline::bath
