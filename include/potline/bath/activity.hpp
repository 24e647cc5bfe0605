#pragma once
// Activity of dissolved alumina relative to solid alumina (saturation = 1).
//
// a(ROS) = -0.03791 ROS + 2.364 ROS^2 - 2.194 ROS^3 + 0.8686 ROS^4,  ROS = C/Csat.
// Origin NOT verified against a primary source: the polynomial is quoted in secondary sources
// as "used with Haupin's voltage model" and is identical in public cell-voltage code that
// attributes it to [Haupin 1998] and to the appendix (eq. A4) of [Yao et al. 2017]. Neither
// primary text was checked.
// Definition choices (docs/model/bath.md):
//  - ROS >= 1 (at or above saturation): a = 1 (flag kAboveSaturation in evaluate()).
//  - The coefficients sum to 1.00069, so the polynomial slightly exceeds 1 for
//    0.99956 < ROS < 1; the result is capped at 1 there (a dissolved species cannot be more
//    active than the saturating solid).
//  - The polynomial is negative for 0 < ROS < kActivityPolynomialRoot (about 0.016); the
//    activity is reported as 0 there and evaluate() sets kActivityOutOfRange.
namespace potline::bath {

/// Positive root of the activity polynomial, 0.03791 = 2.364 r - 2.194 r^2 + 0.8686 r^3.
inline constexpr double kActivityPolynomialRoot = 0.0162808;

/// Alumina activity [-] from dissolved alumina and its saturation concentration (both wt%).
/// Returns 1 when saturation_wt <= 0 or alumina_wt >= saturation_wt; never NaN.
double alumina_activity(double alumina_wt, double saturation_wt) noexcept;

}  // namespace potline::bath
