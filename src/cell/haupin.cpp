// Cell voltage terms after W. Haupin, "Interpreting the components of cell voltage",
// Light Metals 1998 (TMS), pp. 531–537 [Haupin 1998], with the critical current density of
// [Grjotheim & Welch 1988]; docs/model/cell.md lists each
// equation and its validity. Published correlations use cm, A/cm² and wt%: convert here only.
#include "potline/cell/haupin.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::cell::haupin {
namespace {
constexpr double kA_per_m2_per_A_per_cm2 = 1e4;
constexpr double kCm_per_m = 100.0;
constexpr double kCm2_per_m2 = 1e4;
}  // namespace

double reversible_voltage_V(double temperature_K, double alumina_activity) noexcept {
  // [Haupin 1998]: standard potential for CO2 as anode product, activity of Al2O3 relative
  // to saturation (a = 1 at saturation), 12 electrons for 2 Al2O3 + 3 C -> 4 Al + 3 CO2.
  const double e0 = 1.896 - 0.000572 * temperature_K;
  const double nernst = constants::kGasConstant_J_per_mol_K * temperature_K /
                        (12.0 * constants::kFaraday_C_per_mol);
  return e0 + nernst * std::log(1.0 / (alumina_activity * alumina_activity));
}

double anode_reaction_overvoltage_V(double temperature_K, double anode_current_density_A_per_m2,
                                    double alumina_wt) noexcept {
  // [Haupin 1998]: Tafel form b·ln(i/i_r) with exchange current density depending on alumina.
  // Written as b·asinh(i/(2·i_r)), the symmetric Butler–Volmer form. It differs from the Tafel line
  // by about b/(4x²), x = i/(2 i_r): at 2.5 wt% alumina < 1e-5 V above 0.5 A/cm² and < 0.3 mV
  // above 0.1 A/cm² (≈0.9 mV at 8 wt%; industrial cells run at 0.6–1.0 A/cm²), and it goes to 0 at zero current instead of to −∞,
  // so outages and very low currents stay physical.
  const double i = anode_current_density_A_per_m2 / kA_per_m2_per_A_per_cm2;
  const double i_r = 0.0029 * std::pow(alumina_wt, 0.56);
  return temperature_K / 12533.0 * std::asinh(i / (2.0 * i_r));
}

// Domain of the Grjotheim–Welch fit: its alumina factor sqrt(C/100) − 0.04 changes sign at
// C = 0.16 wt% and its temperature factor 550000 + 1800·(T − 1323) at T ≈ 1017 K (744 °C). Beyond
// either the fitted line would give a negative critical current density, which has no meaning; the
// floor is 0 A/m² (no alumina left to discharge, or a bath far below any liquidus): any current is
// then at or above critical, i.e. an anode effect, which is what a cell with no alumina does.
double critical_current_density_A_per_m2(double temperature_K, double alumina_wt,
                                         double single_anode_area_m2) noexcept {
  const double area_cm2 = single_anode_area_m2 * kCm2_per_m2;
  const double temperature_factor = std::max(550000.0 + 1800.0 * (temperature_K - 1323.0), 0.0);
  const double alumina_factor = std::max(std::sqrt(std::max(alumina_wt, 0.0) / 100.0) - 0.04, 0.0);
  const double i_c = 1e-4 * temperature_factor * alumina_factor * std::pow(area_cm2, -0.1);
  return i_c * kA_per_m2_per_A_per_cm2;
}

double anode_effect_alumina_wt(double temperature_K, double anode_current_density_A_per_m2,
                               double single_anode_area_m2) noexcept {
  const double area_cm2 = single_anode_area_m2 * kCm2_per_m2;
  const double i = std::max(anode_current_density_A_per_m2, 0.0) / kA_per_m2_per_A_per_cm2;
  const double scale = 1e-4 * (550000.0 + 1800.0 * (temperature_K - 1323.0)) *
                       std::pow(area_cm2, -0.1);
  // Below ≈ 744 °C the critical current density is 0 at any alumina (see above): every
  // concentration is an anode effect, so the threshold is the whole bath (100 wt%).
  if (!(scale > 0.0)) return 100.0;
  const double root = i / scale + 0.04;
  return std::min(100.0 * root * root, 100.0);
}

double anode_concentration_overvoltage_V(double temperature_K,
                                         double anode_current_density_A_per_m2,
                                         double critical_current_density_A_per_m2) noexcept {
  // [Haupin 1998]: (RT/2F)·ln(i_c/(i_c − i)); 23209 K/V = 2F/R ([CODATA 2018]).
  return temperature_K / 23209.0 *
         std::log(critical_current_density_A_per_m2 /
                  (critical_current_density_A_per_m2 - anode_current_density_A_per_m2));
}

double cathode_overvoltage_V(double temperature_K, double cathode_current_density_A_per_m2,
                             double cryolite_ratio) noexcept {
  // [Haupin 1998]: concentration overvoltage at the metal pad.
  const double i = cathode_current_density_A_per_m2 / kA_per_m2_per_A_per_cm2;
  return 5.745e-5 * temperature_K * (1.375 - 0.125 * cryolite_ratio) * std::log(i / 0.257);
}

double bubble_thickness_m(double anode_current_density_A_per_m2) noexcept {
  // [Haupin 1998]: bubble layer thickness.
  const double i = anode_current_density_A_per_m2 / kA_per_m2_per_A_per_cm2;
  return (0.5517 + i) / (1.0 + 2.167 * i) / kCm_per_m;
}

double bubble_coverage(double anode_current_density_A_per_m2, double bath_ratio,
                       double alumina_wt, double anode_effect_alumina_wt) noexcept {
  // [Haupin 1998]: bubble coverage.
  const double i = anode_current_density_A_per_m2 / kA_per_m2_per_A_per_cm2;
  const double dc = alumina_wt - anode_effect_alumina_wt;
  return 0.9 * (0.509 + 0.1823 * i - 0.1723 * i * i + 0.05504 * i * i * i +
                (0.4322 - 0.3781 * bath_ratio) / (1.0 + 1.637 * bath_ratio) +
                (0.431 - 0.1437 * dc) / (1.0 + 7.353 * dc));
}

double fanning_peak_gap_m(double acd_m) noexcept {
  return (0.1270 + 0.0394 * acd_m * kCm_per_m) / 0.0068 / kCm_per_m;
}

double fanning_peak_acd_m(double gap_m, double acd_m) noexcept {
  const double s = std::min(gap_m, fanning_peak_gap_m(acd_m)) * kCm_per_m;
  return std::sqrt((0.1656 + 0.0394 * s) / 0.0129) / kCm_per_m;
}

double fanning_m(double acd_m, double gap_m, double immersion_m, double anode_length_m,
                 double anode_width_m, bool* beyond_fit) noexcept {
  // [Haupin 1998], eq. 34, in cm. The fit is a polynomial: it peaks in the gap S at
  // S* = (0.1270 + 0.0394 D)/0.0068 and in the ACD at D* = sqrt((0.1656 + 0.0394 S)/0.0129), and
  // falls (eventually below zero) beyond. Fanning cannot shrink when a gap or the ACD widens, so
  // S and D are held at their peaks there (fanning_beyond_fit() tells the caller), and ΔL ≥ 0.
  double d = acd_m * kCm_per_m;
  double s = gap_m * kCm_per_m;
  const double s_peak = fanning_peak_gap_m(acd_m) * kCm_per_m;
  const double d_peak = fanning_peak_acd_m(gap_m, acd_m) * kCm_per_m;
  if (beyond_fit != nullptr && (s > s_peak || d > d_peak)) *beyond_fit = true;
  s = std::min(s, s_peak);
  d = std::min(d, d_peak);
  s = std::min(s, (0.1270 + 0.0394 * d) / 0.0068);
  const double h = immersion_m * kCm_per_m;
  const double lw = (anode_length_m + anode_width_m) * kCm_per_m;
  const double delta = (0.1656 * d - 0.0043 * d * d * d + 0.1270 * s - 0.0034 * s * s +
                        0.0394 * d * s) *
                       (0.3844 + 0.06166 * h + 0.001822 * lw - 0.000178 * h * lw);
  return std::max(delta, 0.0) / kCm_per_m;
}


}  // namespace potline::cell::haupin
