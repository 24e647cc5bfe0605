// bath::evaluate takes the conductivity at the dissolved alumina, min(Al2O3, saturation) (trial 6,
// T6-11: 12 wt% at a saturation of 8.27 wt% extrapolated Hives et al. 1996 to 12 wt%).
#include <gtest/gtest.h>

#include "potline/bath/properties.hpp"
#include "potline/core/constants.hpp"

namespace test_bath_dissolved_conductivity {
namespace pb = potline::bath;

constexpr double kT = 960.0 + potline::constants::kKelvinOffset_K;

TEST(BathDissolvedConductivity, AboveSaturationTheConductivityIsThatOfTheSaturatedBath) {
  pb::Composition over;
  over.alumina_wt = 12.0;
  const pb::Properties p = pb::evaluate(over, kT, pb::ConductivityModel::kHives1996);
  ASSERT_GT(over.alumina_wt, p.alumina_saturation_wt);
  pb::Composition saturated = over;
  saturated.alumina_wt = p.alumina_saturation_wt;
  const pb::Properties s = pb::evaluate(saturated, kT, pb::ConductivityModel::kHives1996);
  EXPECT_DOUBLE_EQ(p.conductivity_S_per_m, s.conductivity_S_per_m);
  // Less alumina conducts better (Hives: -0.020 per wt%): the undissolved 3.7 wt% no longer lowers
  // it.
  EXPECT_GT(p.conductivity_S_per_m,
            pb::conductivity_S_per_m(over, kT, pb::ConductivityModel::kHives1996));
  // The dissolved 8.27 wt% is within Hives' 0-10 wt%: no conductivity range flag from the alumina.
  EXPECT_FALSE(p.flags & pb::kConductivityOutOfRange);
  EXPECT_TRUE(p.flags & pb::kAboveSaturation);
  EXPECT_DOUBLE_EQ(p.alumina_activity, 1.0);
}

TEST(BathDissolvedConductivity, BelowSaturationNothingChanges) {
  pb::Composition c;
  c.alumina_wt = 3.0;
  EXPECT_DOUBLE_EQ(pb::evaluate(c, kT, pb::ConductivityModel::kWang1992).conductivity_S_per_m,
                   pb::conductivity_S_per_m(c, kT, pb::ConductivityModel::kWang1992));
  EXPECT_DOUBLE_EQ(pb::dissolved_composition(c, 8.0).alumina_wt, 3.0);
  EXPECT_DOUBLE_EQ(pb::dissolved_composition(c, 2.0).alumina_wt, 2.0);
}

}  // namespace test_bath_dissolved_conductivity
