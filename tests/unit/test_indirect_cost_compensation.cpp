// The compensation of indirect emission costs (policy/indirect_cost_compensation.hpp;
// docs/model/fleet.md, "Indirect-cost compensation"): aid per MWh = aid intensity × CO2 factor ×
// EUA forward price, per tonne × the benchmark; the schemes the model knows.
#include <gtest/gtest.h>

#include "potline/policy/indirect_cost_compensation.hpp"

namespace test_indirect_cost_compensation {
using namespace potline::policy;
namespace {

// Against the hand number of Germany's 2024 price estimate (docs/validation.md, note G; data/
// fleet-regions.toml): 75 % × 0.72 t CO2/MWh ([stromknowhow SPK 2025]) × 85 EUR/t ([EUA 2023
// average]) = 45.90 EUR/MWh. Recomputes the formula (it validates the units and the product, not
// the factor, which is the source's).
TEST(IndirectCostCompensation, GermanAidPerMWhMatchesTheHandNumberOfNoteG) {
  const IndirectCostScheme* de = indirect_cost_scheme("DEU", 2024);
  ASSERT_NE(de, nullptr);
  EXPECT_DOUBLE_EQ(de->aid_intensity, 0.75);
  EXPECT_DOUBLE_EQ(de->co2_factor_t_per_MWh, 0.72);
  EXPECT_NEAR(indirect_cost_aid_per_MWh(de->aid_intensity, de->co2_factor_t_per_MWh, 85.0), 45.90,
              1e-9);
  // Per tonne on a 15 MWh/t consumption: 688.5 EUR/t.
  EXPECT_NEAR(indirect_cost_aid_per_t(45.90, 15.0), 688.5, 1e-9);
}

// Schemes whose CO2 factor was not read carry 0 and give no aid (reported, not applied); states
// with no scheme found (Iceland, Sweden) and years outside 2021–2030 have none.
TEST(IndirectCostCompensation, UnreadFactorsAndMissingSchemesGiveNoAid) {
  for (const char* country : {"ROU", "GRC", "NOR", "FRA", "ESP"}) {
    const IndirectCostScheme* s = indirect_cost_scheme(country, 2024);
    ASSERT_NE(s, nullptr) << country;
    EXPECT_DOUBLE_EQ(indirect_cost_aid_per_MWh(s->aid_intensity, s->co2_factor_t_per_MWh, 85.0),
                     0.0)
        << country;
  }
  EXPECT_EQ(indirect_cost_scheme("ISL", 2024), nullptr);
  EXPECT_EQ(indirect_cost_scheme("SWE", 2024), nullptr);
  EXPECT_EQ(indirect_cost_scheme("DEU", 2020),
            nullptr);  // the 2012 guidelines' period: not modelled
  EXPECT_EQ(indirect_cost_scheme("DEU", 2031), nullptr);  // after the post-2021 guidelines
  EXPECT_NE(indirect_cost_scheme("DEU", kIndirectCostLastYear), nullptr);
}

TEST(IndirectCostCompensation, NegativeOrZeroInputsGiveNoAid) {
  EXPECT_EQ(indirect_cost_aid_per_MWh(0.75, 0.72, -1.0), 0.0);
  EXPECT_EQ(indirect_cost_aid_per_MWh(0.0, 0.72, 85.0), 0.0);
  EXPECT_EQ(indirect_cost_aid_per_t(45.9, -1.0), 0.0);
}

}  // namespace
}  // namespace test_indirect_cost_compensation
