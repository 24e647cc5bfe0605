// [[flow_limit]] of a fleet case: one lane (exporting region -> importing region) held at a most
// flow per year; bad tables are input errors with their messages.
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"

namespace test_fleet_flow_limit {

using namespace potline;

namespace {

fleet::FleetCase parse(const std::string& text, core::Diagnostics& d) {
  return fleet::parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\n[market]\nsolve = true\n" + text, "t.toml",
                                 std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                                 potline::testing::shipped_smelter_data(), d);
}

constexpr double kToMt = 365.25 * 86400 / 1e9;  // kg/s -> Mt/yr

}  // namespace

TEST(fleet_flow_limit, TheLaneCarriesNoMoreThanItsLimit) {
  core::Diagnostics d;
  const fleet::FleetCase c = parse(
      "[[flow_limit]]\nfrom = \"canada\"\nto = \"usa\"\nmax = \"1 Mt/yr\"\nsource = \"estimate: test\"\n", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(c.flow_limits.size(), 1u);
  EXPECT_EQ(c.flow_limits[0].name, "canada to usa");
  const fleet::FleetResult r = fleet::solve(c, c.shocks);
  ASSERT_TRUE(r.feasible) << r.explanation;
  const auto ca = static_cast<std::size_t>(c.model.regions.index_of("canada"));
  const auto us = static_cast<std::size_t>(c.model.regions.index_of("usa"));
  EXPECT_LE(r.flow_kg_per_s[ca][us] * kToMt, 1.0 + 1e-6);
  EXPECT_GT(r.cap_shadow_usd_per_kg.back(), 0.0);  // Canadian metal is the cheapest US supply: binds
}

TEST(fleet_flow_limit, BadTablesAreInputErrors) {
  core::Diagnostics d;
  EXPECT_THROW(parse("[[flow_limit]]\nfrom = \"ocenia\"\nto = \"usa\"\n", d), core::InputError);
  const std::string e = d.to_string();
  EXPECT_NE(e.find("unknown region 'ocenia'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'oceania'"), std::string::npos) << e;
  EXPECT_NE(e.find("the lane's limit (Mt/yr)"), std::string::npos) << e;
  EXPECT_NE(e.find("the source (or 'estimate: basis') of the limit"), std::string::npos) << e;
}
}  // namespace test_fleet_flow_limit
