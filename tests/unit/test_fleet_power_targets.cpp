// [[power_shock]] on a country, a province or one named smelter (issue 10, part 2): only the
// matching smelters' power prices move; unknown names are input errors with a did-you-mean
// (messages asserted).
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"

namespace test_fleet_power_targets {

using namespace potline;

namespace {

const char* kBase = "[fleet]\nlme = \"2400 USD/t\"\n";

fleet::FleetCase parse(const std::string& text, core::Diagnostics& d) {
  return fleet::parse_fleet_case(text, "t.toml", std::string(POTLINE_SOURCE_DIR) + "/examples",
                                 cell::default_data_dir(), potline::testing::shipped_smelter_data(),
                                 d);
}

double power_of(const fleet::FleetCase& c, const std::string& id) {
  for (const auto& s : c.model.smelters)
    if (s.record.id == id) return s.base_power_usd_per_J;
  return -1;
}

}  // namespace

TEST(fleet_power_targets, ASmelterShockMovesThatSmelterOnly) {
  core::Diagnostics d0, d1;
  const fleet::FleetCase base = parse(kBase, d0);
  const fleet::FleetCase c =
      parse(std::string(kBase) +
                "[[power_shock]]\nsmelter = \"us-mount-holly\"\nfactor = 1.5\n"
                "adder = \"10 USD/MWh\"\n",
            d1);
  ASSERT_FALSE(d1.has_errors()) << d1.to_string();
  const double before = power_of(base, "us-mount-holly");
  EXPECT_NEAR(power_of(c, "us-mount-holly"), before * 1.5 + 10.0 / 3.6e9, 1e-15);
  EXPECT_DOUBLE_EQ(power_of(c, "us-sebree"),
                   power_of(base, "us-sebree"));  // same region, not named
}

TEST(fleet_power_targets, ACountryShockMovesEverySmelterOfThatCountry) {
  core::Diagnostics d0, d1;
  const fleet::FleetCase base = parse(kBase, d0);
  const fleet::FleetCase c =
      parse(std::string(kBase) + "[[power_shock]]\ncountry = \"NOR\"\nfactor = 2\n", d1);
  ASSERT_FALSE(d1.has_errors()) << d1.to_string();
  int moved = 0;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const auto& s = c.model.smelters[i];
    const double b = base.model.smelters[i].base_power_usd_per_J;
    if (s.record.country == "NOR") {
      EXPECT_DOUBLE_EQ(s.base_power_usd_per_J, 2 * b) << s.record.id;
      ++moved;
    } else {
      EXPECT_DOUBLE_EQ(s.base_power_usd_per_J, b) << s.record.id;
    }
  }
  EXPECT_GT(moved, 3);
}

TEST(fleet_power_targets, UnknownSmelterOrTwoSelectorsAreErrors) {
  core::Diagnostics d;
  EXPECT_THROW(
      parse(std::string(kBase) + "[[power_shock]]\nsmelter = \"us-mount-hollly\"\nfactor = 2\n"
                                 "[[power_shock]]\nregion = \"usa\"\ncountry = \"USA\"\n",
            d),
      core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("unknown smelter 'us-mount-hollly'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'us-mount-holly'"), std::string::npos) << e;
  EXPECT_NE(e.find("give one of region, country, province or smelter"), std::string::npos) << e;
}
}  // namespace test_fleet_power_targets
