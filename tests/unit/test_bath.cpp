// Unit tests for the bath module: definitions, trends, flags, edge inputs.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <string>

#include "potline/bath/properties.hpp"
#include "potline/core/constants.hpp"

namespace test_bath {

namespace pb = potline::bath;
namespace {

constexpr double kC = potline::constants::kKelvinOffset_K;

pb::Composition pure_cryolite() {
  return {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
}

bool all_finite(const pb::Properties& p) {
  return std::isfinite(p.liquidus_K) && std::isfinite(p.superheat_K) &&
         std::isfinite(p.alumina_saturation_wt) && std::isfinite(p.alumina_activity) &&
         std::isfinite(p.conductivity_S_per_m) && std::isfinite(p.density_kg_per_m3) &&
         std::isfinite(p.bath_ratio) && std::isfinite(p.cryolite_ratio);
}

TEST(BathComposition, CryoliteIsTheBalance) {
  const pb::Composition c{};  // 2.5 + 11 + 5 = 18.5 wt% additives
  EXPECT_DOUBLE_EQ(c.cryolite_wt(), 81.5);
  EXPECT_DOUBLE_EQ(pure_cryolite().cryolite_wt(), 100.0);
}

TEST(BathComposition, NaFMassFractionOfCryoliteIsSixtyPercent) {
  // 3*41.98817 / (3*41.98817 + 83.97652) = 0.599995 with IUPAC 2021 molar masses.
  EXPECT_NEAR(pb::cryolite_naf_mass_fraction(), 0.6, 1e-5);
}

TEST(BathComposition, PureCryoliteRatios) {
  EXPECT_NEAR(pb::bath_ratio(pure_cryolite()), 1.5, 1e-4);       // mass NaF/AlF3
  EXPECT_NEAR(pb::cryolite_ratio(pure_cryolite()), 3.0, 1e-12);  // molar, exact by definition
}

TEST(BathComposition, IndustrialBathRatioByHand) {
  // Default bath: cryolite 81.5 wt% -> NaF 48.9, AlF3 32.6 + 11 = 43.6 -> BR = 1.1216.
  const pb::Composition c{};
  EXPECT_NEAR(pb::bath_ratio(c), 48.9 / 43.6, 2e-4);
  // CR = BR * M(AlF3)/M(NaF) = 2 BR to 5 significant digits.
  EXPECT_NEAR(pb::cryolite_ratio(c), 2.0 * pb::bath_ratio(c), 1e-4);
  // Additives other than AlF3 dilute both NaF and AlF3 but do not enter the ratio's AlF3.
  pb::Composition more_caf2 = c;
  more_caf2.caf2_wt = 8.0;
  EXPECT_LT(pb::bath_ratio(more_caf2), pb::bath_ratio(c));
}

TEST(BathComposition, RatioUndefinedWithoutAlF3ReturnsZeroNotNaN) {
  const pb::Composition all_caf2{0.0, 0.0, 100.0, 0.0, 0.0, 0.0};
  EXPECT_EQ(pb::bath_ratio(all_caf2), 0.0);
  EXPECT_EQ(pb::cryolite_ratio(all_caf2), 0.0);
}

TEST(BathLiquidus, PureCryoliteIsTheEquationIntercept) {
  EXPECT_NEAR(pb::liquidus_K(pure_cryolite()), 1011.0 + kC, 1e-9);
}

TEST(BathLiquidus, DefaultBathByHand) {
  // Hand evaluation of Solheim (1996) at AlF3 11, CaF2 5, Al2O3 2.5: 962.73 degC.
  EXPECT_NEAR(pb::liquidus_K(pb::Composition{}) - kC, 962.73, 0.02);
}

TEST(BathLiquidus, FallsWithAlF3CaF2AndAlumina) {
  pb::Composition c{};
  double previous = 1e9;
  for (double alf3 = 4.0; alf3 <= 16.0; alf3 += 1.0) {  // industrial range
    c.alf3_excess_wt = alf3;
    const double t = pb::liquidus_K(c);
    EXPECT_LT(t, previous) << "AlF3 " << alf3;
    previous = t;
  }
  c = pb::Composition{};
  previous = 1e9;
  for (double caf2 = 0.0; caf2 <= 10.0; caf2 += 1.0) {
    c.caf2_wt = caf2;
    const double t = pb::liquidus_K(c);
    EXPECT_LT(t, previous) << "CaF2 " << caf2;
    previous = t;
  }
  c = pb::Composition{};
  previous = 1e9;
  // Up to 7 wt%: this bath saturates at its liquidus at 7.485 wt% (the test below), where it stops.
  for (double al2o3 = 0.0; al2o3 <= 7.0; al2o3 += 0.5) {
    c.alumina_wt = al2o3;
    const double t = pb::liquidus_K(c);
    EXPECT_LT(t, previous) << "Al2O3 " << al2o3;
    previous = t;
  }
}

// AlF3 11, CaF2 5 with 9 wt% alumina: the Solheim equation at 9 wt% gives 931.50 degC, past the
// saturation (8.27 wt% at 960 degC, 7.485 wt% at its own liquidus). The liquidus of the bath is where
// the liquidus curve meets the solubility curve (Skybakmoen 1997): 937.904 degC with 7.4849 wt%
// dissolved (hand evaluation of both abstract equations, bisection to 1e-9 K).
TEST(BathLiquidus, AboveSaturationIsWhereTheLiquidusMeetsTheSolubility) {
  pb::Composition c{};
  c.alumina_wt = 9.0;
  const double t = pb::liquidus_K(c);
  EXPECT_NEAR(t - kC, 937.904, 0.001);
  EXPECT_NEAR(pb::alumina_saturation_wt(c, t), 7.4849, 0.0001);
  // Consistency with the equation below saturation (recomputes the definition: proves the root).
  pb::Composition dissolved = c;
  dissolved.alumina_wt = pb::alumina_saturation_wt(c, t);
  EXPECT_NEAR(pb::liquidus_K(dissolved), t, 1e-6);
  // Pure cryolite with excess alumina: 965.878 degC at 10.073 wt% (the binary's eutectic as the two
  // correlations put it; not compared with a published eutectic: none was read in a primary source).
  pb::Composition cryolite = pure_cryolite();
  cryolite.alumina_wt = 15.0;
  EXPECT_NEAR(pb::liquidus_K(cryolite) - kC, 965.878, 0.001);
}

// The liquidus falls with the alumina up to the saturated point and stays there beyond it: no jump
// at the saturation, whatever the undissolved excess.
TEST(BathLiquidus, ConstantBeyondSaturationAndContinuousAtIt) {
  pb::Composition c{};
  c.alumina_wt = 7.4849;
  const double at_saturation = pb::liquidus_K(c);
  c.alumina_wt = 0.0;
  double previous = pb::liquidus_K(c);
  for (double al2o3 = 0.0; al2o3 <= 20.0; al2o3 += 0.01) {
    c.alumina_wt = al2o3;
    const double t = pb::liquidus_K(c);
    ASSERT_TRUE(std::isfinite(t)) << al2o3;
    EXPECT_LE(t, previous + 1e-9) << "Al2O3 " << al2o3;
    EXPECT_LT(previous - t, 0.1) << "a jump at Al2O3 " << al2o3;  // 0.01 wt% moves it < 0.1 K
    if (al2o3 >= 7.49) {
      EXPECT_NEAR(t, at_saturation, 1e-4) << "Al2O3 " << al2o3;
    }
    previous = t;
  }
}

// The bath command's case: 9 wt% alumina at 960 degC reads superheat 22.1 K (was 28.5 K against the
// equation's 931.5 degC), and the warning says where the liquidus is.
TEST(BathLiquidus, AboveSaturationIsSaidInTheWarning) {
  pb::Composition c{};
  c.alumina_wt = 9.0;
  const pb::Properties p = pb::evaluate(c, 960.0 + kC, pb::ConductivityModel::kHives1996);
  EXPECT_NEAR(p.superheat_K, 22.096, 0.001);
  ASSERT_TRUE(p.flags & pb::kAboveSaturation);
  bool said = false;
  for (const std::string& s : pb::describe(p.flags, c, 960.0 + kC)) {
    said = said || s.find("the liquidus 937.9 °C is where the liquidus curve (Solheim et al. 1996) meets the "
                          "solubility curve, with 7.485 wt% dissolved") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

TEST(BathSolubility, RisesWithTemperatureFallsWithAlF3) {
  pb::Composition c{};
  EXPECT_GT(pb::alumina_saturation_wt(c, 980.0 + kC), pb::alumina_saturation_wt(c, 950.0 + kC));
  pb::Composition acid = c;
  acid.alf3_excess_wt = 14.0;
  EXPECT_LT(pb::alumina_saturation_wt(acid, 960.0 + kC), pb::alumina_saturation_wt(c, 960.0 + kC));
}

TEST(BathConductivity, RisesWithTemperatureFallsWithAlumina) {
  for (auto model : {pb::ConductivityModel::kHives1996, pb::ConductivityModel::kWang1992}) {
    pb::Composition c{};
    EXPECT_GT(pb::conductivity_S_per_m(c, 980.0 + kC, model),
              pb::conductivity_S_per_m(c, 950.0 + kC, model));
    pb::Composition more_alumina = c;
    more_alumina.alumina_wt = 5.0;
    EXPECT_LT(pb::conductivity_S_per_m(more_alumina, 960.0 + kC, model),
              pb::conductivity_S_per_m(c, 960.0 + kC, model));
  }
}

TEST(BathConductivity, ModelNamesRoundTrip) {
  for (auto model : {pb::ConductivityModel::kHives1996, pb::ConductivityModel::kWang1992}) {
    const auto parsed = pb::conductivity_model_from_name(pb::to_name(model));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, model);
  }
  EXPECT_EQ(pb::to_name(pb::ConductivityModel::kHives1996), "hives1996");
  EXPECT_FALSE(pb::conductivity_model_from_name("Hives1996").has_value());
  EXPECT_FALSE(pb::conductivity_model_from_name("").has_value());
}

TEST(BathDensity, FallsWithTemperatureAndAlF3) {
  const pb::Composition c{};
  // d(rho)/dt = -0.85 kg/(m^3 K) by the correlation.
  EXPECT_NEAR(pb::density_kg_per_m3(c, 970.0 + kC) - pb::density_kg_per_m3(c, 960.0 + kC), -8.5,
              1e-9);
  pb::Composition acid = c;
  acid.alf3_excess_wt = 14.0;
  EXPECT_LT(pb::density_kg_per_m3(acid, 960.0 + kC), pb::density_kg_per_m3(c, 960.0 + kC));
}

TEST(BathActivity, OneAtAndAboveSaturationBelowOneUnder) {
  EXPECT_DOUBLE_EQ(pb::alumina_activity(8.0, 8.0), 1.0);
  EXPECT_DOUBLE_EQ(pb::alumina_activity(9.0, 8.0), 1.0);
  EXPECT_LT(pb::alumina_activity(7.9, 8.0), 1.0);
  // ROS = 0.5: -0.03791/2 + 2.364/4 - 2.194/8 + 0.8686/16 = 0.3520825
  EXPECT_NEAR(pb::alumina_activity(4.0, 8.0), 0.3520825, 1e-9);
  EXPECT_LE(pb::alumina_activity(7.9999, 8.0), 1.0);  // polynomial > 1 just below ROS = 1
}

TEST(BathActivity, MonotonicAndNonNegative) {
  double previous = -1.0;
  for (double ros = 0.0; ros <= 1.2; ros += 0.01) {
    const double a = pb::alumina_activity(ros * 8.0, 8.0);
    EXPECT_GE(a, 0.0);
    EXPECT_GE(a, previous) << "ROS " << ros;
    previous = a;
  }
  EXPECT_EQ(pb::alumina_activity(0.0, 8.0), 0.0);
  EXPECT_EQ(pb::alumina_activity(0.1, 8.0), 0.0);  // ROS 0.0125 < polynomial root
  EXPECT_EQ(pb::alumina_activity(2.0, 0.0), 1.0);  // zero solubility: saturated
}

TEST(BathActivity, RootConstantIsTheRoot) {
  const double r = pb::kActivityPolynomialRoot;
  const double p = r * (-0.03791 + r * (2.364 + r * (-2.194 + r * 0.8686)));
  EXPECT_NEAR(p, 0.0, 1e-7);
}

TEST(BathEvaluate, NominalBathHasNoFlags) {
  const auto p = pb::evaluate(pb::Composition{}, 975.0 + kC, pb::ConductivityModel::kHives1996);
  EXPECT_EQ(p.flags, 0u) << testing::PrintToString(pb::describe(p.flags, {}, 975.0 + kC));
  EXPECT_NEAR(p.superheat_K, 975.0 - 962.73, 0.02);
  EXPECT_DOUBLE_EQ(p.liquidus_K, pb::liquidus_K(pb::Composition{}));
  EXPECT_DOUBLE_EQ(p.alumina_activity,
                   pb::alumina_activity(2.5, pb::alumina_saturation_wt({}, 975.0 + kC)));
  EXPECT_TRUE(all_finite(p));
}

TEST(BathEvaluate, EachFlagIsSetOutsideItsRange) {
  const auto hives = pb::ConductivityModel::kHives1996;
  const pb::Composition c{};
  EXPECT_TRUE(pb::evaluate(c, 1005.0 + kC, hives).flags & pb::kConductivityOutOfRange);
  EXPECT_TRUE(pb::evaluate(c, 1060.0 + kC, hives).flags & pb::kSolubilityOutOfRange);
  EXPECT_TRUE(pb::evaluate(c, 940.0 + kC, hives).flags & pb::kBelowLiquidus);
  pb::Composition x = c;
  x.alf3_excess_wt = 22.0;
  EXPECT_TRUE(pb::evaluate(x, 975.0 + kC, hives).flags & pb::kLiquidusOutOfRange);
  x = c;
  x.kf_wt = 6.0;
  EXPECT_TRUE(pb::evaluate(x, 975.0 + kC, hives).flags & pb::kLiquidusOutOfRange);
  x = c;
  x.alf3_excess_wt = 8.0;  // below Kan et al. (2007) 10.87 wt%
  EXPECT_TRUE(pb::evaluate(x, 975.0 + kC, hives).flags & pb::kDensityOutOfRange);
  x = c;
  x.alumina_wt = 12.0;
  const auto sat = pb::evaluate(x, 975.0 + kC, hives);
  EXPECT_TRUE(sat.flags & pb::kAboveSaturation);
  EXPECT_EQ(sat.alumina_activity, 1.0);
  x = c;
  x.alumina_wt = 0.05;
  const auto low = pb::evaluate(x, 975.0 + kC, hives);
  EXPECT_TRUE(low.flags & pb::kActivityOutOfRange);
  EXPECT_EQ(low.alumina_activity, 0.0);
}

TEST(BathEvaluate, ValuesAreNotClampedOutsideRange) {
  const pb::Composition c{};
  const auto hives = pb::ConductivityModel::kHives1996;
  const double k1000 = pb::evaluate(c, 1000.0 + kC, hives).conductivity_S_per_m;
  const double k1020 = pb::evaluate(c, 1020.0 + kC, hives).conductivity_S_per_m;
  EXPECT_GT(k1020, k1000);  // the correlation is still applied, only flagged
}

TEST(BathEvaluate, EdgeInputsGiveNoNaN) {
  const pb::Composition cases[] = {
      pure_cryolite(),
      {0.0, 11.0, 5.0, 0.0, 0.0, 0.0},    // 0 wt% alumina
      {15.0, 11.0, 5.0, 0.0, 0.0, 0.0},   // far above saturation
      {2.5, -3.0, 5.0, 0.0, 0.0, 0.0},    // basic bath (negative excess AlF3)
      {2.5, 25.0, 25.0, 6.0, 25.0, 6.0},  // every limit exceeded
      {0.0, 0.0, 100.0, 0.0, 0.0, 0.0},   // no cryolite at all
  };
  for (const auto& c : cases) {
    for (double t_K : {0.0, 300.0, 930.0 + kC, 1100.0 + kC}) {
      for (auto m : {pb::ConductivityModel::kHives1996, pb::ConductivityModel::kWang1992}) {
        const auto p = pb::evaluate(c, t_K, m);
        EXPECT_TRUE(all_finite(p)) << "T " << t_K << " Al2O3 " << c.alumina_wt;
        EXPECT_GE(p.alumina_activity, 0.0);
        EXPECT_LE(p.alumina_activity, 1.0);
      }
    }
  }
}

TEST(BathDescribe, OneSentencePerFlagNamingCorrelationValueAndRange) {
  const pb::Composition c{};
  const double t = 1005.0 + kC;
  const auto p = pb::evaluate(c, t, pb::ConductivityModel::kHives1996);
  const auto lines = pb::describe(p.flags, c, t);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(std::popcount(p.flags)));
  bool found = false;
  for (const auto& s : lines) {
    if (s.find("Hives et al. (1996) conductivity") != std::string::npos) {
      found = true;
      EXPECT_NE(s.find("t = 1005 °C"), std::string::npos) << s;
      EXPECT_NE(s.find("950\u20131000 °C"), std::string::npos) << s;
    }
  }
  EXPECT_TRUE(found);
  const auto wang =
      pb::describe(pb::kConductivityOutOfRange, c, t, pb::ConductivityModel::kWang1992);
  ASSERT_EQ(wang.size(), 1u);
  EXPECT_NE(wang[0].find("Wang"), std::string::npos);
  EXPECT_TRUE(pb::describe(0u, c, t).empty());
}

static_assert(noexcept(pb::evaluate(pb::Composition{}, 1200.0, pb::ConductivityModel::kHives1996)));

}  // namespace
}  // namespace test_bath
