// The reduced model's piecewise production curve (docs/model/flexibility.md §2; user trial T8-11):
// its concave fit, its interpolation, the flat share it gives a production target, and the
// breakpoints the dispatch writes rows for. Hand cases of the code's own arithmetic (they check the
// bookkeeping, not the physics).
#include <gtest/gtest.h>

#include <vector>

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

}  // namespace test_flex_production_curve
