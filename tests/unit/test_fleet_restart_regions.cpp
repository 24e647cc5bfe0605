// fleet.restart_regions (user trial 11, T11-3): with fleet.include_status admitting curtailed rows,
// only the listed regions' curtailed rows enter the case; the other regions' are left out with
// their reason (for --export-smelter), operating rows of every region stay, and an unknown region
// is an input error at the key's place. Counts are taken from the shipped dataset itself, not from
// a stored number, so a data change moves the expectation with it.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"

namespace test_fleet_restart_regions {

using namespace potline;

namespace {

const std::string kWorld = std::string(POTLINE_SOURCE_DIR) + "/examples/world.toml";

fleet::FleetCase load(const std::vector<std::string>& sets, core::Diagnostics& d) {
  return fleet::load_fleet_case(kWorld, cell::default_data_dir(),
                                potline::testing::shipped_smelter_data(), d, sets);
}

std::size_t count_in(const fleet::FleetCase& c, const std::string& region, bool running) {
  return static_cast<std::size_t>(std::count_if(
      c.model.smelters.begin(), c.model.smelters.end(),
      [&](const auto& s) { return s.record.region == region && s.running == running; }));
}

}  // namespace

TEST(fleet_restart_regions, OnlyTheListedRegionsCurtailedRowsEnterTheCase) {
  core::Diagnostics d_all, d_usa, d_op;
  const fleet::FleetCase all = load({"fleet.include_status=[\"operating\",\"curtailed\"]"}, d_all);
  const fleet::FleetCase usa = load(
      {"fleet.include_status=[\"operating\",\"curtailed\"]", "fleet.restart_regions=[\"usa\"]"},
      d_usa);
  const fleet::FleetCase operating = load({}, d_op);
  ASSERT_FALSE(d_all.has_errors() || d_usa.has_errors() || d_op.has_errors()) << d_usa.to_string();
  ASSERT_EQ(usa.restart_regions, std::vector<std::string>{"usa"});
  // The US rows are those of the case with every region's curtailed rows; elsewhere those of the
  // operating-only case.
  for (const auto& region : usa.model.regions.ids()) {
    const fleet::FleetCase& like = region == "usa" ? all : operating;
    EXPECT_EQ(count_in(usa, region, true), count_in(like, region, true)) << region;
    EXPECT_EQ(count_in(usa, region, false), count_in(like, region, false)) << region;
  }
  EXPECT_GT(count_in(usa, "usa", false),
            0u);  // the shipped data has curtailed US rows (Hawesville, ...)
  // Every curtailed row outside the US is left out, with the reason --export-smelter gives.
  std::size_t outside = 0;
  for (const auto& [id, why] : usa.left_out_status) {
    if (why.find("not one of fleet.restart_regions") == std::string::npos) continue;
    ++outside;
    EXPECT_EQ(why.find("in region usa"), std::string::npos) << id << ": " << why;
  }
  EXPECT_EQ(outside, all.model.smelters.size() - usa.model.smelters.size());
}

TEST(fleet_restart_regions, UnknownRegionIsAnInputErrorAtTheKey) {
  core::Diagnostics d;
  EXPECT_THROW(load({"fleet.include_status=[\"operating\",\"curtailed\"]",
                     "fleet.restart_regions=[\"usa\",\"us\"]"},
                    d),
               core::InputError);
  const std::string text = d.to_string();
  EXPECT_NE(text.find("fleet.restart_regions"), std::string::npos) << text;
  EXPECT_NE(text.find("'us'"), std::string::npos) << text;
  EXPECT_NE(text.find("usa"), std::string::npos) << text;  // the ids that exist (did you mean)
}

TEST(fleet_restart_regions, WithoutCurtailedStatusItWarnsAndChangesNothing) {
  core::Diagnostics d, d_op;
  const fleet::FleetCase c = load({"fleet.restart_regions=\"usa\""}, d);
  const fleet::FleetCase operating = load({}, d_op);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_NE(d.to_string().find("changes nothing: fleet.include_status admits only operating rows"),
            std::string::npos)
      << d.to_string();
  EXPECT_EQ(c.model.smelters.size(), operating.model.smelters.size());
}

}  // namespace test_fleet_restart_regions
