// The HPA line's feed from the smelter's own pots (docs/model/hpa.md, "Feed from the pots"): the
// purest-pots selection against a Monte Carlo pot population, the normal-freezing (Scheil) mean and
// yield against a numerical integration of the solid's profile.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "potline/purity/feed.hpp"

namespace potline::purity {
namespace test_hpa_feed {
namespace {

// Independent check of the closed form: draw log-normal pots, rank them by max(Fe/Fe_req, Si/Si_req),
// take the purest share and average them.
TEST(PurestPots, MatchAMonteCarloPotPopulation) {
  const double mean_fe = 3e-4, mean_si = 3.4e-4, cv = 0.3;
  const Grade& p0406 = *find_grade("P0406");
  std::mt19937_64 rng(14);
  const double s2 = std::log1p(cv * cv);
  std::lognormal_distribution<double> fe(std::log(mean_fe) - 0.5 * s2, std::sqrt(s2));
  std::lognormal_distribution<double> si(std::log(mean_si) - 0.5 * s2, std::sqrt(s2));
  struct Pot {
    double fe, si, r;
  };
  std::vector<Pot> pots(400000);
  int meeting = 0;
  for (Pot& p : pots) {
    p.fe = fe(rng);
    p.si = si(rng);
    p.r = std::max(p.fe / p0406.fe_max, p.si / p0406.si_max);
    meeting += p.r <= 1.0;
  }
  std::sort(pots.begin(), pots.end(), [](const Pot& a, const Pot& b) { return a.r < b.r; });
  for (double share : {0.05, 0.3, 0.7}) {
    const auto n = static_cast<std::size_t>(share * static_cast<double>(pots.size()));
    double fe_sum = 0, si_sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      fe_sum += pots[i].fe;
      si_sum += pots[i].si;
    }
    const PotSelection s = purest_pots(mean_si, cv, mean_fe, cv, p0406, share);
    EXPECT_NEAR(s.fe, fe_sum / static_cast<double>(n), 0.005 * s.fe) << share;
    EXPECT_NEAR(s.si, si_sum / static_cast<double>(n), 0.005 * s.si) << share;
    EXPECT_NEAR(s.share_meeting, meeting / static_cast<double>(pots.size()), 0.003);
    EXPECT_NEAR(s.share_meeting, grade_share(mean_si, cv, mean_fe, cv, p0406), 1e-12);
  }
  // Every pot: the population's means; the purest pots are purer than the mean.
  const PotSelection all = purest_pots(mean_si, cv, mean_fe, cv, p0406, 1.0);
  EXPECT_DOUBLE_EQ(all.fe, mean_fe);
  EXPECT_DOUBLE_EQ(all.si, mean_si);
  EXPECT_LT(purest_pots(mean_si, cv, mean_fe, cv, p0406, 0.1).si, mean_si);
}

// Normal freezing: the solid forming at fraction g holds k·C0·(1 − g)^(k − 1) (Scheil); the mean of
// the first fraction g is its integral over g, here summed numerically.
TEST(NormalFreezing, MeanIsTheIntegralOfTheScheilProfileAndTheYieldInvertsIt) {
  for (double k : {0.036, 0.1239}) {
    for (double g : {0.01, 0.3, 0.85, 0.99}) {
      constexpr int kSteps = 200000;
      double sum = 0;
      for (int i = 0; i < kSteps; ++i) {
        const double x = (i + 0.5) / kSteps * g;
        sum += k * std::pow(1.0 - x, k - 1.0);
      }
      EXPECT_NEAR(normal_freezing_mean(k, g), sum / kSteps, 1e-6) << k << " " << g;
      EXPECT_NEAR(normal_freezing_yield(k, normal_freezing_mean(k, g)), g, 1e-9);
    }
    EXPECT_NEAR(normal_freezing_mean(k, 1e-9), k, 1e-9);  // the first crystals: k times the melt
    EXPECT_DOUBLE_EQ(normal_freezing_yield(k, 0.9 * k), 0.0);  // purer than the first crystal: no yield
    EXPECT_DOUBLE_EQ(normal_freezing_yield(k, 1.0), 1.0);
  }
}

}  // namespace
}  // namespace test_hpa_feed
}  // namespace potline::purity
