// Unit tests of the Haupin (1998) voltage terms: each against a value computed by hand from the
// published equation (the hand computation is in the comment), plus limiting behaviour.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/cell/haupin.hpp"

namespace potline::cell::haupin {
namespace test_cell_haupin {
namespace {

constexpr double kT = 1233.15;  // 960 degC

TEST(Haupin, ReversibleVoltageAtSaturationIsStandardPotential) {
  // a = 1: E = 1.896 − 0.000572·1233.15 = 1.190638 V.
  EXPECT_NEAR(reversible_voltage_V(kT, 1.0), 1.896 - 0.000572 * kT, 1e-12);
}

TEST(Haupin, ReversibleVoltageRisesAsActivityFalls) {
  // a = 0.3: + R·T/(12F)·ln(1/0.09) = 8.314462618·1233.15/(12·96485.33212)·2.407946 = 0.021323 V.
  const double expected = 1.896 - 0.000572 * kT + 8.314462618 * kT / (12 * 96485.33212) * std::log(1 / 0.09);
  EXPECT_NEAR(reversible_voltage_V(kT, 0.3), expected, 1e-12);
  EXPECT_NEAR(reversible_voltage_V(kT, 0.3) - reversible_voltage_V(kT, 1.0), 0.021323, 1e-6);
}

TEST(Haupin, AnodeReactionOvervoltageHandValue) {
  // i = 0.8 A/cm², C = 3 wt%: i_r = 0.0029·3^0.56 = 0.0053652; η = 1233.15/12533·ln(0.8/0.0053652)
  // = 0.098393·5.00471 = 0.492422 V.
  EXPECT_NEAR(anode_reaction_overvoltage_V(kT, 8000.0, 3.0), 0.492422, 1e-5);
}

TEST(Haupin, AnodeReactionOvervoltageVanishesAtZeroCurrent) {
  EXPECT_DOUBLE_EQ(anode_reaction_overvoltage_V(kT, 0.0, 3.0), 0.0);
  EXPECT_GT(anode_reaction_overvoltage_V(kT, 10.0, 3.0), 0.0);
  // The asinh form differs from the Tafel line b·ln(i/i_r) by about b/(4x²), x = i/(2 i_r):
  // at 0.1 A/cm² (x = 9.3) that is 0.28 mV, at 0.8 A/cm² (x = 74.6) 4.4 µV.
  const double b = kT / 12533.0, i_r = 0.0029 * std::pow(3.0, 0.56);
  EXPECT_NEAR(anode_reaction_overvoltage_V(kT, 1000.0, 3.0), b * std::log(0.1 / i_r), 3e-4);
  EXPECT_NEAR(anode_reaction_overvoltage_V(kT, 8000.0, 3.0), b * std::log(0.8 / i_r), 1e-5);
}

TEST(Haupin, CriticalCurrentDensityHandValue) {
  // T = 1233.15, C = 3, one anode 1.6 m × 0.65 m = 10400 cm²:
  // 1e-4·(550000 + 1800·(1233.15 − 1323))·(0.173205 − 0.04)·10400^−0.1
  // = 1e-4·388267·0.133205·0.39655 = 2.05093 A/cm².
  EXPECT_NEAR(critical_current_density_A_per_m2(kT, 3.0, 1.04) / 1e4, 2.05093, 1e-4);
}

TEST(Haupin, AnodeEffectAluminaInvertsCriticalCurrentDensity) {
  const double c_ae = anode_effect_alumina_wt(kT, 9000.0, 1.04);
  EXPECT_NEAR(critical_current_density_A_per_m2(kT, c_ae, 1.04), 9000.0, 1e-6);
  EXPECT_GT(c_ae, 0.16);  // (0.04)²·100: below this i_c is zero
  EXPECT_LT(c_ae, 2.0);   // anode effects occur near 1–2 wt% in point-fed cells [Dupuis 2011]
}

// Outside the fit's domain (alumina below 0.16 wt%, down to denormal 1e-320 and below zero;
// temperature below ≈ 744 °C) the critical current density is floored at 0 A/m², never negative:
// any current is then an anode effect. The inverse returns the whole bath (100 wt%) there.
TEST(Haupin, CriticalCurrentDensityIsFlooredAtZeroOutsideItsDomain) {
  for (const double c : {0.16, 0.1, 1e-6, 1e-320, 0.0, -1.0}) {
    const double i_c = critical_current_density_A_per_m2(kT, c, 1.04);
    EXPECT_EQ(i_c, 0.0) << c << " wt%";
  }
  EXPECT_GT(critical_current_density_A_per_m2(kT, 0.17, 1.04), 0.0);
  EXPECT_EQ(critical_current_density_A_per_m2(1000.0, 3.0, 1.04), 0.0);  // 727 °C
  EXPECT_EQ(anode_effect_alumina_wt(1000.0, 9000.0, 1.04), 100.0);
  EXPECT_LE(anode_effect_alumina_wt(kT, 1e9, 1.04), 100.0);
}

TEST(Haupin, ConcentrationOvervoltageHandValueAndDivergence) {
  // i = 0.8, i_c = 2.0 A/cm²: η = 1233.15/23209·ln(2/1.2) = 0.053133·0.510826 = 0.027142 V.
  EXPECT_NEAR(anode_concentration_overvoltage_V(kT, 8000.0, 20000.0), 0.027142, 1e-5);
  EXPECT_GT(anode_concentration_overvoltage_V(kT, 19999.0, 20000.0), 0.5);
}

TEST(Haupin, CathodeOvervoltageHandValue) {
  // i = 0.7 A/cm², CR = 2.2: 5.745e-5·1233.15·(1.375 − 0.275)·ln(0.7/0.257)
  // = 0.070845·1.1·1.002023 = 0.078088 V.
  EXPECT_NEAR(cathode_overvoltage_V(kT, 7000.0, 2.2), 0.078088, 1e-5);
  EXPECT_NEAR(cathode_overvoltage_V(kT, 2570.0, 2.2), 0.0, 1e-12);
}

TEST(Haupin, BubbleThicknessHandValue) {
  // i = 0.8: (0.5517 + 0.8)/(1 + 1.7336) = 0.494476 cm.
  EXPECT_NEAR(bubble_thickness_m(8000.0), 0.494476e-2, 1e-7);
}

TEST(Haupin, BubbleCoverageHandValue) {
  // i = 0.8, BR = 1.1, C − C_AE = 2.0:
  // 0.509 + 0.14584 − 0.110272 + 0.02818 = 0.572748; (0.4322 − 0.41591)/(1 + 1.8007) = 0.0058164;
  // (0.431 − 0.2874)/(1 + 14.706) = 0.0091429; θ = 0.9·0.587707 = 0.528937.
  EXPECT_NEAR(bubble_coverage(8000.0, 1.1, 3.0, 1.0), 0.528937, 2e-5);
}

TEST(Haupin, FanningHandValue) {
  // D = 4.5, S = 4, h = 15, L + W = 225 cm:
  // (0.7452 − 0.3918375 + 0.508 − 0.0544 + 0.7092)·(0.3844 + 0.9249 + 0.40995 − 0.600750)
  // = 1.5161625·1.1185 = 1.695828 cm.
  EXPECT_NEAR(fanning_m(0.045, 0.04, 0.15, 1.6, 0.65), 1.695828e-2, 2e-6);
}

TEST(Haupin, FanningGrowsWithAcdAndGap) {
  EXPECT_GT(fanning_m(0.05, 0.04, 0.15, 1.6, 0.65), fanning_m(0.04, 0.04, 0.15, 1.6, 0.65));
  EXPECT_GT(fanning_m(0.045, 0.06, 0.15, 1.6, 0.65), fanning_m(0.045, 0.04, 0.15, 1.6, 0.65));
}

// The peaks the fanning warning quotes are where eq. 34's polynomial stops rising (checked on the
// polynomial written out here: this locates the peak, it does not test the fit itself).
TEST(Haupin, FanningPeaksAreWhereTheFitStopsRising) {
  const auto poly = [](double d, double s) { return 0.1656 * d - 0.0043 * d * d * d + 0.1270 * s - 0.0034 * s * s + 0.0394 * d * s; };
  const double d = 3.8;                                // cm
  const double s_peak = fanning_peak_gap_m(0.038) * 100;  // cm
  EXPECT_NEAR(s_peak, (0.1270 + 0.0394 * 3.8) / 0.0068, 1e-9);
  EXPECT_GT(poly(d, s_peak), poly(d, s_peak - 0.5));
  EXPECT_GT(poly(d, s_peak), poly(d, s_peak + 0.5));
  const double d_peak = fanning_peak_acd_m(0.04, 0.038) * 100;
  EXPECT_NEAR(d_peak, 5.005, 1e-3);
  EXPECT_GT(poly(d_peak, 4.0), poly(d_peak - 0.1, 4.0));
  EXPECT_GT(poly(d_peak, 4.0), poly(d_peak + 0.1, 4.0));
  // fanning_m flags exactly what lies past them.
  bool beyond = false;
  fanning_m(0.038, 0.999 * s_peak / 100, 0.15, 1.6, 0.6, &beyond);
  EXPECT_FALSE(beyond);
  fanning_m(0.038, 1.001 * s_peak / 100, 0.15, 1.6, 0.6, &beyond);
  EXPECT_TRUE(beyond);
}

}  // namespace
}  // namespace test_cell_haupin
}  // namespace potline::cell::haupin
