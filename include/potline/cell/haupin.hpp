#pragma once
// The terms of the cell voltage after [Haupin 1998] (docs/references.md). Each function takes SI inputs and converts to the units of the
// published correlation (cm, A/cm², wt%) internally. All are pure and allocation-free.
namespace potline::cell::haupin {

/// Reversible (decomposition) voltage for 2 Al2O3 + 3 C -> 4 Al + 3 CO2 with alumina activity a:
/// E = 1.896 − 0.000572·T + (R·T/12F)·ln(1/a²). [V]
double reversible_voltage_V(double temperature_K, double alumina_activity) noexcept;

/// Anode reaction (surface) overvoltage η = (T/12533)·ln(i/i_r), i_r = 0.0029·C^0.56 A/cm², stated
/// by [Haupin 1998] for i > 0.01 A/cm²; evaluated as (T/12533)·asinh(i/(2 i_r)), within ~1 mV of the
/// Tafel line above 0.1 A/cm² (docs/model/cell.md) and 0 at zero current. [V]
double anode_reaction_overvoltage_V(double temperature_K, double anode_current_density_A_per_m2,
                                    double alumina_wt) noexcept;

/// Critical anode current density ([Grjotheim & Welch 1988], as used by [Haupin 1998]):
/// i_c = 1e-4·(550000 + 1800·(T − 1323))·((C/100)^0.5 − 0.04)·A^−0.1, A = one anode in cm². [A/m²]
double critical_current_density_A_per_m2(double temperature_K, double alumina_wt,
                                         double single_anode_area_m2) noexcept;

/// Alumina concentration at which i_c falls to the given current density (inverse of the above). [wt%]
double anode_effect_alumina_wt(double temperature_K, double anode_current_density_A_per_m2,
                               double single_anode_area_m2) noexcept;

/// Anode concentration overvoltage η = (T/23209)·ln(i_c/(i_c − i)); requires i < i_c. [V]
double anode_concentration_overvoltage_V(double temperature_K,
                                         double anode_current_density_A_per_m2,
                                         double critical_current_density_A_per_m2) noexcept;

/// Cathode concentration overvoltage η = 5.745e-5·T·(1.375 − 0.125·CR)·ln(i_cath/0.257), i in A/cm²,
/// CR = molar cryolite ratio. The logarithm turns negative below 0.257 A/cm²: the caller flags it. [V]
double cathode_overvoltage_V(double temperature_K, double cathode_current_density_A_per_m2,
                             double cryolite_ratio) noexcept;

/// Bubble layer thickness d_b = (0.5517 + i)/(1 + 2.167·i) cm, i in A/cm². [m]
double bubble_thickness_m(double anode_current_density_A_per_m2) noexcept;

/// Fractional anode coverage by bubbles [Haupin 1998]:
/// θ = 0.9·[0.509 + 0.1823 i − 0.1723 i² + 0.05504 i³ + (0.4322 − 0.3781 BR)/(1 + 1.637 BR)
///          + (0.431 − 0.1437 (C − C_AE))/(1 + 7.353 (C − C_AE))].
double bubble_coverage(double anode_current_density_A_per_m2, double bath_ratio,
                       double alumina_wt, double anode_effect_alumina_wt) noexcept;

/// Fanning ([Haupin 1998] eq. 34): how far current spreads beyond one anode face, from the ACD D,
/// the gap S that face looks across (twice the gap when it faces a wall), immersion h and the
/// anode length L and width W. ΔL = (0.1656 D − 0.0043 D³ + 0.1270 S − 0.0034 S² + 0.0394 D S)·
/// (0.3844 + 0.06166 h + 0.001822 (L + W) − 0.000178 h (L + W)), all in cm. [m]
/// The fit peaks in S and in D; beyond a peak the variable is held at it (fanning never shrinks as
/// a gap or the ACD widens), ΔL is kept ≥ 0, and *beyond_fit (if given) is set to true.
double fanning_m(double acd_m, double gap_m, double immersion_m, double anode_length_m,
                 double anode_width_m, bool* beyond_fit = nullptr) noexcept;

/// Where eq. 34 peaks: the gap S* [m] at ACD D, S* = (0.1270 + 0.0394 D)/0.0068 (cm), and the ACD
/// D* [m] for gap S, D* = sqrt((0.1656 + 0.0394 min(S, S*(D)))/0.0129) (cm) — for messages that say
/// which gap or ACD lies past the fit.
double fanning_peak_gap_m(double acd_m) noexcept;
double fanning_peak_acd_m(double gap_m, double acd_m) noexcept;

}  // namespace potline::cell::haupin
