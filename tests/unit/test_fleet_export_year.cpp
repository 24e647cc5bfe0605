// --export-smelter on a case with fleet.year exports the smelter of that year (a path: its last
// year), not the dataset's base case (issue 10, remaining item 7).
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/smelter_export.hpp"

namespace test_fleet_export_year {

using namespace potline;

namespace {

fleet::FleetCase path_case(core::Diagnostics& d) {
  return fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                                cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
}

}  // namespace

TEST(fleet_export_year, APathExportsItsLastYear) {
  core::Diagnostics d;
  const fleet::FleetCase c = path_case(d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  // A pipeline smelter (first metal 2026, data/fleet-pipeline.toml) is in the 2035 case.
  const std::string kai = fleet::smelter_case_toml(c, "id-kai-kalimantan", potline::testing::shipped_smelter_data(), d);
  EXPECT_NE(kai.find("# Scenario year 2035"), std::string::npos) << kai.substr(0, 600);
  // The EUA price of 2035 on the path (data/fleet-paths.toml: 150 EUR/t), not the case's own.
  const std::string alouette = fleet::smelter_case_toml(c, "ca-alouette", potline::testing::shipped_smelter_data(), d);
  EXPECT_NE(alouette.find("eua_price = 150.0"), std::string::npos) << alouette;
  // ... and its comment names the path, not the case's cbam.eua_price (83 EUR/t), as it did.
  const auto line_start = alouette.find("eua_price = 150.0");
  const std::string line = alouette.substr(line_start, alouette.find('\n', line_start) - line_start);
  EXPECT_NE(line.find("EUA price path of "), std::string::npos) << line;
  EXPECT_NE(line.find("fleet-paths.toml"), std::string::npos) << line;
  EXPECT_NE(line.find("year 2035"), std::string::npos) << line;
}

TEST(fleet_export_year, ACaseWithoutAYearExportsTheDatasetCase) {
  core::Diagnostics d;
  const fleet::FleetCase c = fleet::parse_fleet_case("[fleet]\nlme = \"2400 USD/t\"\n", "t.toml",
                                                     std::string(POTLINE_SOURCE_DIR) + "/examples", cell::default_data_dir(),
                                                     potline::testing::shipped_smelter_data(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const std::string text = fleet::smelter_case_toml(c, "ca-alouette", potline::testing::shipped_smelter_data(), d);
  EXPECT_EQ(text.find("Scenario year"), std::string::npos);
  EXPECT_THROW(fleet::smelter_case_toml(c, "id-kai-kalimantan", potline::testing::shipped_smelter_data(), d),
               core::InputError);  // a pipeline project exists only in scenario years
}
}  // namespace test_fleet_export_year
