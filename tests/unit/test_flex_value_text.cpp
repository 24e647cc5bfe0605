// The flex text's numbers (T8-6): signed figures never read "-0", undefined ones read "–"; the
// value figures leave a percentage of a zero power cost and a round trip with nothing shifted
// undefined.
#include <gtest/gtest.h>

#include "potline/flex/flex_run.hpp"
#include "potline/flex/value_text.hpp"

namespace test_flex_value_text {

using namespace potline;

namespace {

TEST(flex_value_text, SignedFiguresNeverReadMinusZero) {
  EXPECT_EQ(flex::signed_text(-0.3, 0), "+0");
  EXPECT_EQ(flex::signed_text(-0.0, 0), "+0");
  EXPECT_EQ(flex::signed_text(-0.004, 2), "+0.00");
  EXPECT_EQ(flex::signed_text(0.004, 2), "+0.00");
  EXPECT_EQ(flex::signed_text(-0.6, 0), "-1");
  EXPECT_EQ(flex::signed_text(12.345, 1), "+12.3");
  EXPECT_EQ(flex::signed_text(-150000.4, 0), "-150000");
  EXPECT_EQ(flex::fixed_text(-0.0001, 3), "0.000");
  EXPECT_EQ(flex::fixed_text(0.8294, 3), "0.829");
  EXPECT_EQ(flex::fixed_text(-2.5, 1), "-2.5");
}

TEST(flex_value_text, UndefinedFiguresReadADash) {
  EXPECT_EQ(flex::signed_text(std::optional<double>(), 2), "\u2013");
  EXPECT_EQ(flex::fixed_text(std::nullopt, 3), "\u2013");
  EXPECT_EQ(flex::signed_text(std::optional<double>(1.5), 2), "+1.50");
  EXPECT_EQ(flex::fixed_text(std::optional<double>(0.95), 3), "0.950");
}

TEST(flex_value_text, RoundTripNeedsEnergyShiftedAndRestored) {
  EXPECT_FALSE(flex::round_trip_efficiency(0.0, 100.0, 20.0).has_value());  // nothing shifted
  EXPECT_FALSE(flex::round_trip_efficiency(50.0, 20.0, 20.0).has_value());  // nothing restored
  EXPECT_FALSE(
      flex::round_trip_efficiency(50.0, 10.0, 20.0).has_value());  // less than the metal's energy
  ASSERT_TRUE(flex::round_trip_efficiency(50.0, 80.0, 20.0).has_value());
  EXPECT_DOUBLE_EQ(*flex::round_trip_efficiency(50.0, 80.0, 20.0), 50.0 / 60.0);
}

// A percentage of the flat power cost needs a cost of at least a cent per MWh on average.
TEST(flex_value_text, PercentOfAZeroOrNearZeroPowerCostIsUndefined) {
  flex::ValueFigures v;
  v.savings_eur = 67788;
  v.power_cost_change_eur = 1e-6;
  v.flat_energy_J = 12000 * 3.6e9;  // 12,000 MWh
  for (const double cost :
       {0.0, 1.2e-5, -1.2e-5, 119.0}) {  // 0, 1e-9 EUR/MWh, its negative, < 0.01 EUR/MWh
    v.flat_power_cost_eur = cost;
    EXPECT_FALSE(v.savings_percent_of_power_cost().has_value()) << cost;
    EXPECT_FALSE(v.power_cost_change_percent().has_value()) << cost;
  }
  v.flat_power_cost_eur = 121.0;  // just above a cent per MWh
  ASSERT_TRUE(v.savings_percent_of_power_cost().has_value());
  EXPECT_DOUBLE_EQ(*v.savings_percent_of_power_cost(), 100 * 67788 / 121.0);
  v.flat_power_cost_eur = -1e6;  // a negative power cost: the base's magnitude
  EXPECT_DOUBLE_EQ(*v.savings_percent_of_power_cost(), 100 * 67788 / 1e6);
}

}  // namespace
}  // namespace test_flex_value_text
