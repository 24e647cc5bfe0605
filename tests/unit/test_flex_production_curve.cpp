// The reduced model's piecewise production curve (docs/model/flexibility.md §2; user trial T8-11):
// its concave fit, its interpolation, the flat share it gives a production target, and the
// breakpoints the dispatch writes rows for. Hand cases of the code's own arithmetic (they check the
// bookkeeping, not the physics).
#include <gtest/gtest.h>

#include <vector>

#include "flex_example_case.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/reduced_model.hpp"

namespace test_flex_production_curve {

using namespace potline;

TEST(FlexProductionCurve, ConcavePointsComeBackUnchanged) {
  const std::vector<double> share = {0.9, 1.0, 1.05, 1.1}, production = {0.9, 1.0, 1.04, 1.06};
  const std::vector<double> fit = flex::concave_production_fit(share, production);
  for (std::size_t i = 0; i < share.size(); ++i) EXPECT_NEAR(fit[i], production[i], 1e-12) << i;
}

// An S-shaped curve (slopes 0.6, 1.7, 1.9, 1.9, 1.0 from the left, segments 0.1, 0.05, 0.05, 0.05,
// 0.1 wide): pooling the rising slopes weighted by width gives (0.06 + 0.085 + 0.095 + 0.095)/0.25
// = 1.34 over [0.8, 1.05], then 1.0; nominal stays at 1.
TEST(FlexProductionCurve, RisingSlopesArePooledAndNominalStaysAtOne) {
  const std::vector<double> share = {0.8, 0.9, 0.95, 1.0, 1.05, 1.15};
  const std::vector<double> p = {0.76, 0.82, 0.905, 1.0, 1.095, 1.195};
  const std::vector<double> fit = flex::concave_production_fit(share, p);
  EXPECT_NEAR(fit[3], 1.0, 1e-12);
  EXPECT_NEAR(fit[4], 1.0 + 0.05 * 1.34, 1e-12);
  EXPECT_NEAR(fit[0], 1.0 - 0.2 * 1.34, 1e-12);
  EXPECT_NEAR(fit[5], fit[4] + 0.1 * 1.0, 1e-12);
}

TEST(FlexProductionCurve, InterpolatesBetweenBreakpointsAndExtendsTheEndSegments) {
  flex::ReducedModel m;
  m.curve_share = {0.9, 1.0, 1.05, 1.1};
  m.curve_production = {0.9, 1.0, 1.04, 1.06};
  EXPECT_NEAR(m.production_share(1.025), 1.02, 1e-12);
  EXPECT_NEAR(m.production_share(1.2), 1.10, 1e-12);   // 1.06 + 0.4 × 0.1
  EXPECT_NEAR(m.production_share(0.85), 0.85, 1e-12);  // slope 1 extended
  EXPECT_EQ(m.production_share(0.0), 0.0);             // stopped
  // The dispatch's breakpoints over [0.95, 1.1]: the limit, the kinks, the limit; a breakpoint
  // between segments of one slope is dropped.
  std::vector<double> s, p;
  m.curve_points(0.95, 1.1, s, p);
  EXPECT_EQ(s, (std::vector<double>{0.95, 1.0, 1.05, 1.1}));
  m.curve_share = {0.9, 1.0, 1.05, 1.1};
  m.curve_production = {0.9, 1.0, 1.05, 1.07};
  m.curve_points(0.9, 1.1, s, p);
  EXPECT_EQ(s, (std::vector<double>{0.9, 1.05, 1.1}));
}

TEST(FlexProductionCurve, FlatShareMakesTheTargetOnTheCurve) {
  flex::FlexCase c;
  c.dispatch.min_power = 0.9;
  c.dispatch.max_power = 1.1;
  flex::ReducedModel m;
  m.curve_share = {0.9, 1.0, 1.05, 1.1};
  m.curve_production = {0.9, 1.0, 1.04, 1.06};
  c.dispatch.production_target = 1.0;
  EXPECT_EQ(flex::flat_share(c, m), 1.0);
  c.dispatch.production_target = 1.05;  // on the last segment: 1.05 + (1.05 − 1.04)/0.4
  EXPECT_NEAR(flex::flat_share(c, m), 1.075, 1e-12);
  c.dispatch.production_target = 0.95;
  EXPECT_NEAR(flex::flat_share(c, m), 0.95, 1e-12);
}

// A non-concave (S-shaped) curve in the dispatch, solved by hand (docs/model/flexibility.md §3):
// metal 0.95, 1, 1.10, 1.12 of nominal at 90, 100, 105, 110 % of power (slopes 0.5, 2, 0.4: a
// convex kink at nominal). Six hours at 120 EUR/MWh, where a share-hour of power (164.10 MW AC,
// C = 19,692.31 EUR) costs more than its metal (V = 12,600 kg × 1.346 EUR/kg = 16,959.60 EUR): each
// hour alone is best at 90 % (0.95), but the production target, 99 % of nominal, needs 5.94, 0.24
// more than six such hours make. The cheapest extra metal is an hour raised from 90 to 105 % (0.15
// of metal for 0.15 of power: 0.15·(C − V) = 409.91 EUR); one makes 5.85, and the remaining 0.09
// costs less as a second whole hour at 105 % (409.91 EUR, 6.0 made) than at 102 % (0.12 of power
// for 0.09 of metal: 836.69 EUR). So 4 hours at 90 % and 2 at 105 % (power 5.7, metal 6.0; a search
// over every count of hours at the breakpoints with one hour anywhere between gives the same). The
// flat schedule runs 98 % (f = 0.99): power 5.88, metal 5.94. Savings 0.18·C + 0.06·V = 4,562.19
// EUR. The concave hull of the points (one slope, 1.0, from 90 to 105 %) buys exactly the 0.24 at C
// − V a unit: power 5.64, a planned 4,726.15 EUR the curve cannot give; the hull's 1.04 at 99 % is
// 0.995 on the curve, so the LP's schedule misses the target on the curve by at least 0.045.
flex::ReducedModel with_curve(flex::ReducedModel m, std::vector<double> production) {
  m.curve_share = {0.9, 1.0, 1.05, 1.1};
  m.curve_production = std::move(production);
  return m;
}

TEST(FlexProductionCurve, NonConcaveCurveMilpEqualsTheHandOptimumWhereTheHullLpDoesNot) {
  potline::testing::TwoPriceLevelCase t = potline::testing::two_price_level_case();
  t.K = 6;
  t.p.price_eur_per_J.assign(t.K, t.p_high);
  t.c.dispatch.production_target = 0.99;
  t.c.dispatch.mip_gap = 0;
  const flex::ReducedModel exact = with_curve(t.m, {0.95, 1.0, 1.10, 1.12});
  const double share_hour_eur = 1.6 * 100 / 0.975 * 120;
  EXPECT_NEAR(flex::flat_share(t.c, exact), 0.98, 1e-12);
  const auto flat = flex::flat_schedule(t.c, exact, t.p);
  const auto s = flex::optimise_schedule(t.c, exact, t.p, flex::case_bounds(t.c));
  EXPECT_TRUE(s.milp);  // no binaries of the case: the curve's kink
  EXPECT_EQ(s.solution.status, flex::SolveStatus::kOptimal);
  const double metal_hour_eur = 3600 * 0.035 * 100 * (2.21 - 0.45 * 1.92);
  const double hand = 0.18 * share_hour_eur + 0.06 * metal_hour_eur;
  EXPECT_NEAR(hand, 4562.19, 0.01);
  EXPECT_NEAR(s.economics.margin_eur() - flat.economics.margin_eur(), hand, 1e-3);
  double power = 0, metal = 0;
  int high = 0, low = 0;
  for (double share : s.shares) {
    power += share;
    metal += exact.production_share(share);
    high += std::abs(share - 1.05) < 1e-7 ? 1 : 0;
    low += std::abs(share - 0.9) < 1e-7 ? 1 : 0;
  }
  EXPECT_NEAR(power, 5.7, 1e-7);
  EXPECT_NEAR(metal, 6.0, 1e-7);
  EXPECT_EQ(high, 2);
  EXPECT_EQ(low, 4);
  // The concave hull in an LP: 0.95 and 1.10 at 90 and 105 % joined by one line (1.05 at nominal).
  const flex::ReducedModel hull = with_curve(t.m, {0.95, 1.05, 1.10, 1.12});
  const auto lp = flex::optimise_schedule(t.c, hull, t.p, flex::case_bounds(t.c));
  EXPECT_FALSE(lp.milp);
  double lp_power = 0, lp_metal_on_curve = 0;
  for (double share : lp.shares) {
    lp_power += share;
    lp_metal_on_curve += exact.production_share(share);
  }
  EXPECT_NEAR(lp_power, 5.64, 1e-7);          // below what the curve allows
  EXPECT_LT(lp_metal_on_curve, 5.94 - 0.04);  // the target missed on the measured curve
  // Planned against the flat schedule on the curve: 0.24·C, more than the curve allows.
  EXPECT_NEAR(lp.economics.margin_eur() - flat.economics.margin_eur(), 0.24 * share_hour_eur, 1e-3);
  EXPECT_NEAR(0.24 * share_hour_eur, 4726.15, 0.01);
}

// The dispatch carries a concave curve as rows of an LP and a curve with a convex kink with a
// binary per kink and step (the incremental form).
TEST(FlexProductionCurve, OnlyAConvexKinkMakesTheDispatchAMilp) {
  potline::testing::TwoPriceLevelCase t = potline::testing::two_price_level_case();
  const auto concave = flex::optimise_schedule(t.c, with_curve(t.m, {0.9, 1.0, 1.04, 1.06}), t.p,
                                               flex::case_bounds(t.c));
  EXPECT_FALSE(concave.milp);
  const auto kinked = flex::optimise_schedule(t.c, with_curve(t.m, {0.95, 1.0, 1.10, 1.12}), t.p,
                                              flex::case_bounds(t.c));
  EXPECT_TRUE(kinked.milp);
}

}  // namespace test_flex_production_curve
