// --export-smelter on a case with fleet.year exports the smelter of that year (a path: its last
// year), not the dataset's base case (issue 10, remaining item 7).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/fleet.hpp"
#include "potline/fleet/smelter_export.hpp"
#include "potline/fleet/years.hpp"
#include "potline/plant/smelter.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/policy/cbam.hpp"

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

// User trial 17, T17-10: the export of a year case held that year's EUA in every year of the smelter's
// CBAM schedule. It now writes the path's EUA of each schedule year (cbam.eua_price_by_year), so the
// smelter model on the file gives the fleet's CBAM of another year: Alba Line 6 exported from
// cbam-2034.toml (2034, 146 EUR/t) against the same case solved for 2030 (the path's 130 EUR/t).
TEST(fleet_export_year, TheExportsEuaByYearGivesTheFleetsCbamOfAnotherYear) {
  const auto& data = potline::testing::shipped_smelter_data();
  core::Diagnostics d;
  const fleet::FleetCase c =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/cbam-2034.toml", cell::default_data_dir(), data, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const std::string text = fleet::smelter_case_toml(c, "gcc-alba-6", data, d);
  EXPECT_NE(text.find("eua_price_by_year.2026 = 83.0  # EUR/t; EUA price path of "), std::string::npos) << text;
  EXPECT_NE(text.find("eua_price_by_year.2030 = 130.0  # EUR/t; EUA price path of "), std::string::npos) << text;
  const auto path = std::filesystem::temp_directory_path() / ("potline-export-eua-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  const plant::SmelterCase sc = plant::load_smelter_case(path.string(), {}, data, d);
  std::filesystem::remove(path);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_DOUBLE_EQ(sc.inputs.eua_eur_per_t[2030 - policy::kCbamFirstYear], 130.0);
  EXPECT_DOUBLE_EQ(sc.inputs.eua_eur_per_t[2034 - policy::kCbamFirstYear], 146.0);
  const plant::SmelterResult r = plant::evaluate(sc.inputs);
  const fleet::FleetCase y2030 = fleet::case_for_year(c, 2030, nullptr);
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(y2030.model, y2030.shocks, e);
  std::size_t alba = 0;
  while (alba < e.size() && y2030.model.smelters[alba].record.id != "gcc-alba-6") ++alba;
  ASSERT_LT(alba, e.size());
  const double smelter = r.cbam_usd_per_t[2030 - policy::kCbamFirstYear], fleet_2030 = e[alba].cbam_usd_per_kg * 1e3;
  EXPECT_GT(fleet_2030, 0.0);
  EXPECT_NEAR(smelter, fleet_2030, 1e-9 * fleet_2030);
}
}  // namespace test_fleet_export_year
