// Investment formulas against hand computations.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "potline/finance/investment.hpp"

namespace test_finance {

using namespace potline::finance;

TEST(finance, NpvEndOfYear) {
  // −100 at end of year 1, +60 at end of years 2 and 3, r = 10 %:
  // −100/1.1 + 60/1.21 + 60/1.331 = −90.909091 + 49.586777 + 45.078888 = 3.756574.
  const std::vector<double> cf{-100, 60, 60};
  EXPECT_NEAR(npv(cf, 0.10), 3.756574, 1e-6);
}

TEST(finance, IrrOfTwoPeriodFlows) {
  // −100 then +121 one year later: (1+r) = 1.21 → r = 21 %.
  const std::vector<double> cf{-100, 121};
  ASSERT_TRUE(irr(cf));
  EXPECT_NEAR(*irr(cf), 0.21, 1e-6);
  // No sign change: no IRR.
  const std::vector<double> all_positive{10, 10};
  EXPECT_FALSE(irr(all_positive));
}

TEST(finance, PaybackInterpolatesInsideTheYear) {
  // Cumulative: −100, −60, −20, +20 → pays back halfway through the 4th year: 3 + 20/40 = 3.5 years.
  const std::vector<double> cf{-100, 40, 40, 40};
  ASSERT_TRUE(payback_years(cf));
  EXPECT_NEAR(*payback_years(cf), 3.5, 1e-12);
  const std::vector<double> never{-100, 10};
  EXPECT_FALSE(payback_years(never));
}

TEST(finance, LevelisedCost) {
  // Costs 100, 50; production 0, 10; r = 0: LCOA = 150/10 = 15. r = 10 %: (90.909+41.322)/(8.2645) = 16.0.
  const std::vector<double> c{100, 50}, p{0, 10};
  EXPECT_NEAR(*levelised_cost(c, p, 0.0), 15.0, 1e-12);
  EXPECT_NEAR(*levelised_cost(c, p, 0.10), (100 / 1.1 + 50 / 1.21) / (10 / 1.21), 1e-9);
  EXPECT_NEAR(*levelised_cost(c, p, 0.10), 16.0, 1e-9);
}

TEST(finance, LevelisedCostOfNoProductionIsUndefined) {
  const std::vector<double> c{100, 50}, p{0, 0};
  EXPECT_FALSE(levelised_cost(c, p, 0.10).has_value());
}

TEST(finance, BisectionMeetsItsTolerance) {
  const auto r = bisect([](double x) { return x * x - 2.0; }, 0.0, 2.0, 1e-9);
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.x, std::sqrt(2.0), 1e-9);
  EXPECT_FALSE(bisect([](double x) { return x * x + 1.0; }, 0.0, 2.0, 1e-9).converged);
}
}  // namespace test_finance
