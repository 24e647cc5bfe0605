// Unit tests of the metal-purity balance (docs/model/purity.md): the grade table, the grade of a
// metal, the Fe and Si balance (hand computation) and the grade shares of a pot population.
#include <gtest/gtest.h>

#include <cmath>

#include "potline/purity/purity.hpp"

namespace potline::purity {
namespace test_purity {
namespace {

TEST(PurityGrades, TableIsPurestFirstAndFindsByName) {
  const auto names = grade_names();
  ASSERT_EQ(names.size(), 5u);
  EXPECT_EQ(names.front(), "P0202");
  EXPECT_EQ(names.back(), "P1020");
  ASSERT_NE(find_grade("P0610"), nullptr);
  EXPECT_DOUBLE_EQ(find_grade("P0610")->si_max, 0.0006);
  EXPECT_DOUBLE_EQ(find_grade("P0610")->fe_max, 0.0010);
  EXPECT_EQ(find_grade("P9999"), nullptr);
}

// [Fastmarkets 2021]: LME P1020A is Al ≥ 99.7 %, Si ≤ 0.10 %, Fe ≤ 0.20 %; [Wang et al. 2025]: P0406
// contains less than 0.04 % silicon and 0.06 % iron.
TEST(PurityGrades, P1020AndP0406MatchTheirSources) {
  const Grade* p1020 = find_grade("P1020");
  ASSERT_NE(p1020, nullptr);
  EXPECT_DOUBLE_EQ(p1020->si_max, 0.0010);
  EXPECT_DOUBLE_EQ(p1020->fe_max, 0.0020);
  EXPECT_DOUBLE_EQ(p1020->al_min, 0.9970);
  const Grade* p0406 = find_grade("P0406");
  ASSERT_NE(p0406, nullptr);
  EXPECT_DOUBLE_EQ(p0406->si_max, 0.0004);
  EXPECT_DOUBLE_EQ(p0406->fe_max, 0.0006);
}

TEST(PurityGrades, GradeOfMetalIsThePurestWhoseLimitsHold) {
  EXPECT_EQ(grade_of(0.0002, 0.0002)->name, "P0202");
  EXPECT_EQ(grade_of(0.00035, 0.0005)->name, "P0406");  // Si 0.035 %, Fe 0.05 %
  EXPECT_EQ(grade_of(0.0005, 0.0008)->name, "P0610");
  EXPECT_EQ(grade_of(0.0009, 0.0015)->name, "P1020");
  EXPECT_EQ(grade_of(0.0011, 0.0015), nullptr);        // Si over 0.10 %
  EXPECT_EQ(grade_of(0.0009, 0.0015, 0.0010), nullptr);  // Al 99.676 % < 99.70 %
}

// Hand computation: alumina 1925 kg/t with 0.010 % Fe and 0.013 % Si → 0.1925 and 0.25025 kg/t;
// anode carbon 425 kg/t with 0.024 % Fe and 0.022 % Si → 0.102 and 0.0935 kg/t; steel 0.1 kg Fe/t.
// Fe 0.3945 kg, Si 0.34375 kg in 1000.73825 kg of metal → 0.039421 % and 0.034350 %.
TEST(PurityBalance, HandComputedTwoElementBalance) {
  Inputs in;
  in.alumina_fe = 0.0001;
  in.alumina_si = 0.00013;
  in.alumina_kg_per_t = 1925;
  in.anode_fe = 0.00024;
  in.anode_si = 0.00022;
  in.anode_carbon_kg_per_t = 425;
  in.steel_fe_kg_per_t = 0.1;
  const MetalPurity m = metal_purity(in);
  EXPECT_NEAR(m.fe, 0.3945 / 1000.73825, 1e-12);
  EXPECT_NEAR(m.si, 0.34375 / 1000.73825, 1e-12);
  EXPECT_NEAR(m.al, 1 - m.fe - m.si, 1e-15);
  ASSERT_TRUE(m.grade);
  EXPECT_EQ(*m.grade, "P0406");
  double fe = 0, si = 0;
  for (const auto& s : m.sources) {
    fe += s.fe_kg_per_t;
    si += s.si_kg_per_t;
  }
  EXPECT_NEAR(fe, 0.3945, 1e-12);  // the sources add up to the metal's content
  EXPECT_NEAR(si, 0.34375, 1e-12);
}

TEST(PurityBalance, PartitionScalesEverySource) {
  Inputs in;
  in.alumina_fe = 0.0002;
  in.cathode_fe_kg_per_t = 0.2;
  in.fe_to_metal = 0.5;
  const MetalPurity m = metal_purity(in);
  EXPECT_NEAR(m.fe * (1000 + 0.5 * (0.0002 * 1920 + 0.2)), 0.5 * (0.0002 * 1920 + 0.2), 1e-12);
}

TEST(PurityShares, LogNormalSharesAreOrderedAndBounded) {
  // Mean Si 0.035 %, Fe 0.05 %, CV 0.3: nearly all pots meet P1020, fewer P0406, few P0202.
  double previous = 0.0;
  for (const Grade& g : grade_table()) {
    const double s = grade_share(0.00035, 0.3, 0.0005, 0.3, g);
    EXPECT_GE(s, previous - 1e-15) << g.name;  // coarser grade, larger share
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
    previous = s;
  }
  EXPECT_GT(grade_share(0.00035, 0.3, 0.0005, 0.3, *find_grade("P1020")), 0.999);
  EXPECT_LT(grade_share(0.00035, 0.3, 0.0005, 0.3, *find_grade("P0202")), 0.05);
}

TEST(PurityShares, MedianPotMeetsALimitAtItsMedian) {
  // With no Si, the share meeting Fe ≤ limit is the log-normal CDF: at the median exp(μ) it is 0.5.
  const double cv = 0.4, limit = 0.0006;
  const double mean = limit * std::sqrt(1 + cv * cv);  // median = mean/sqrt(1 + cv²)
  Grade g{"test", 1.0, limit, 0.0};
  EXPECT_NEAR(grade_share(0.0, 0.3, mean, cv, g), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(grade_share(0.0, 0.0, 0.0005, 0.0, g), 1.0);  // no scatter, under the limit
}

}  // namespace
}  // namespace test_purity
}  // namespace potline::purity
