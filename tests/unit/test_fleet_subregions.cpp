// [[subregion]] tables of the fleet region file: a country's or province's own power price inside a
// market region, and the input errors a bad table gives (messages asserted).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "potline/cell/technology.hpp"
#include "potline/fleet/dataset.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_subregions {

using namespace potline;
using namespace potline::fleet;

namespace {

const char* kRegion =
    "price_year = 2024\n[freight]\ndefault = \"80 USD/t\"\n"
    "[[region]]\nid = \"europe\"\ndemand = \"1 Mt/yr\"\nwage = \"1 USD/yr\"\nemployees_per_kt = 1\nother = 1\n"
    "anode = 1\nalf3 = 1\ngrid_emission_factor = \"0.25 t/MWh\"\npower = { grid = \"70 USD/MWh\" }\n";

RegionTable parse(const std::string& extra, core::Diagnostics& d) {
  return RegionTable::parse(std::string(kRegion) + extra, "regions.toml", d);
}

}  // namespace

TEST(fleet_subregions, CountryAndProvinceMatchInsideTheirRegion) {
  core::Diagnostics d;
  const RegionTable t = parse(
      "[[subregion]]\nregion = \"europe\"\ncountry = \"FRA\"\npower = { grid = \"45.5 USD/MWh\" }\nsource = \"s1\"\n"
      "[[subregion]]\nregion = \"europe\"\nprovince = \"Savoie\"\ngrid_emission_factor = \"0.05 t/MWh\"\nsource = \"s2\"\n",
      d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(t.subregions.size(), 2u);
  const Subregion* fr = t.subregion_of("europe", "FRA", "Hauts-de-France");
  ASSERT_NE(fr, nullptr);
  EXPECT_EQ(fr->name, "FRA");
  EXPECT_NEAR(*fr->power_usd_per_J[power_index(plant::PowerSource::kGrid)] * 3.6e9, 45.5, 1e-9);  // USD/J -> USD/MWh
  // The province match wins over the country's.
  EXPECT_EQ(t.subregion_of("europe", "FRA", "Savoie")->source, "s2");
  EXPECT_EQ(t.subregion_of("europe", "DEU", "Hamburg"), nullptr);
  EXPECT_EQ(t.subregion_of("usa", "FRA", "Savoie"), nullptr);  // another region
}

TEST(fleet_subregions, BadTablesAreInputErrorsWithTheirReason) {
  core::Diagnostics d;
  parse("[[subregion]]\nregion = \"eurpe\"\ncountry = \"FRA\"\nprovince = \"Savoie\"\npower = { coal = 40 }\n"
        "colour = 1\n",
        d);
  const std::string s = d.to_string();
  EXPECT_NE(s.find("[[subregion]] region 'eurpe' is not a [[region]] id (did you mean 'europe'?)"), std::string::npos) << s;
  EXPECT_NE(s.find("give exactly one of country (ISO3) or province"), std::string::npos) << s;
  EXPECT_NE(s.find("required: the source (or 'estimate: basis') of the subregion's values"), std::string::npos) << s;
  EXPECT_NE(s.find("unknown power source 'coal'"), std::string::npos) << s;
  EXPECT_NE(s.find("unknown key 'colour' in [[subregion]]"), std::string::npos) << s;
  EXPECT_NE(s.find("regions.toml:"), std::string::npos) << s;
}

// The shipped France subregion reaches the French smelters of the world case, the Swedish SE2 one
// (province Vasternorrland) Kubal, the German one (since 2026-12-05) Trimet's three plants, and only
// them: the other European grid smelters keep the region's estimate.
TEST(fleet_subregions, ShippedFranceSe2AndGermanPricesReachTheirSmeltersOnly) {
  core::Diagnostics d;
  const FleetCase c = load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml",
                                      cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  const auto grid = static_cast<std::size_t>(power_index(plant::PowerSource::kGrid));
  const int europe = c.model.regions.index_of("europe");
  const double region_price = *c.model.regions.regions[static_cast<std::size_t>(europe)].power_usd_per_J[grid];
  int french = 0, se2 = 0, german = 0;
  for (const auto& s : c.model.smelters) {
    if (s.record.region != "europe" || s.record.power_source != plant::PowerSource::kGrid) continue;
    if (s.record.country == "FRA") {
      ++french;
      EXPECT_NEAR(s.base_power_usd_per_J * 3.6e9, 45.5, 1e-9) << s.record.id;
    } else if (s.record.province == "Vasternorrland") {
      ++se2;
      EXPECT_NEAR(s.base_power_usd_per_J * 3.6e9, 38.8, 1e-9) << s.record.id;
    } else if (s.record.country == "DEU") {
      ++german;
      // before the electricity price compensation, which the fleet deducts from C1 since 2026-12-06
      // (fleet.indirect_cost_compensation; 40.9 net of it before)
      EXPECT_NEAR(s.base_power_usd_per_J * 3.6e9, 90.6, 1e-9) << s.record.id;
    } else if (s.record.id == "eu-aluminium-of-greece") {
      // its own gas plant's cost, a [[contract]] of data/fleet-power.toml since 2026-12-05
      EXPECT_NEAR(s.base_power_usd_per_J * 3.6e9, 96.6, 1e-9) << s.record.id;
    } else {
      EXPECT_DOUBLE_EQ(s.base_power_usd_per_J, region_price) << s.record.id;
    }
  }
  EXPECT_EQ(french, 2);  // Dunkerque, Saint-Jean-de-Maurienne
  EXPECT_EQ(se2, 1);     // Kubal
  EXPECT_EQ(german, 3);  // Trimet Essen, Hamburg, Voerde (the Rheinwerk is idle in 2024)
}

// China's grid factors (data/fleet-regions.toml): the named grid smelters of Qinghai, Guangxi and
// Shanxi take their province's 2022 average (0.1567, 0.4044, 0.7096 t/MWh, [MEE 2022 grid factors]), the
// other grid rows (the multi-province aggregates) the national 0.6096 of 2023 ([MEE 2023 grid factors];
// 0.5856, 2022's, until 2026-12-05); captive and hydro rows keep their
// own factors. The values as the file states them (a check of the wiring, not of the figures).
TEST(fleet_subregions, ChineseGridSmeltersTakeTheirProvincesFactor) {
  core::Diagnostics d;
  const FleetCase c = load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml",
                                      cell::default_data_dir(), potline::testing::shipped_smelter_data(), d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  constexpr double kPerTPerMWh = 1e3 / 3.6e9;  // 1 t/MWh in kg/J
  const std::map<std::string, double> by_province = {{"Qinghai", 0.1567}, {"Guangxi", 0.4044}, {"Shanxi", 0.7096}};
  int provincial = 0, national = 0;
  for (const auto& s : c.model.smelters) {
    if (s.record.region != "china" || s.record.power_source != plant::PowerSource::kGrid) continue;
    const auto it = by_province.find(s.record.province);
    const double expected = it != by_province.end() ? it->second : 0.6096;
    (it != by_province.end() ? provincial : national) += 1;
    EXPECT_NEAR(s.inputs.emissions.power_co2_kg_per_J, expected * kPerTPerMWh, 1e-12 * kPerTPerMWh) << s.record.id;
  }
  EXPECT_EQ(provincial, 6);  // Xinheng Qinghai, Chalco Huarun, four Guangxi plants
  EXPECT_GE(national, 6);    // the two grid aggregates' parts
}
}  // namespace test_fleet_subregions
