// The smelter dataset reader (fleet/dataset.hpp) and the shipped data/smelters.csv.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "potline/fleet/dataset.hpp"
#include "potline/fleet/fleet.hpp"
#include "potline/fleet/fleet_case.hpp"

using namespace potline;
using namespace potline::fleet;

namespace {

const std::string kHeader =
    "id,name,country,region,province,lat,lon,owner,capacity_kt_per_year,status,commissioning_year,technology,"
    "technology_inferred,line_current_kA,power_source,employees,aggregate,source\n";

constexpr double kKt = 1e6 / (365.25 * 86400.0);  // kt/yr in kg/s

}  // namespace

TEST(fleet_dataset, ReadsRowsInSiUnits) {
  core::Diagnostics d;
  const auto rows = parse_smelters(kHeader +
                                       "a,A,CAN,canada,Quebec,48.3,-70.9,x,233,operating,1980,P155,false,170,hydro,810,false,s\n"
                                       "b,\"B, with comma\",USA,usa,,,,y,\"0.25 Mt/yr\",curtailed,,,false,,grid,,false,s\n",
                                   "t.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NEAR(rows[0].capacity_kg_per_s, 233 * kKt, 1e-9);
  EXPECT_NEAR(rows[0].line_current_A, 170e3, 1e-6);
  EXPECT_EQ(rows[0].commissioning_year, 1980);
  EXPECT_EQ(rows[1].name, "B, with comma");
  EXPECT_NEAR(rows[1].capacity_kg_per_s, 250 * kKt, 1e-9);  // a cell may carry its own unit
  EXPECT_EQ(rows[1].status, Status::kCurtailed);
  EXPECT_FALSE(rows[1].has_location);
}

TEST(fleet_dataset, DuplicateIdIsAnErrorWithItsLine) {
  core::Diagnostics d;
  parse_smelters(kHeader + "a,A,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n"
                           "a,A2,CAN,canada,,,,,100,operating,,,false,,hydro,,false,s\n",
                 "t.csv", d);
  ASSERT_TRUE(d.has_errors());
  const std::string text = d.to_string();
  EXPECT_NE(text.find("t.csv:3:1"), std::string::npos) << text;
  EXPECT_NE(text.find("duplicate smelter id 'a' (first defined on line 2)"), std::string::npos) << text;
}

TEST(fleet_dataset, ColumnInOtherUnitsIsAnError) {
  core::Diagnostics d;
  std::string header = kHeader;
  header.replace(header.find("capacity_kt_per_year"), 20, "capacity_t_per_year");
  parse_smelters(header + "a,A,CAN,canada,,,,,100000,operating,,,false,,hydro,,false,s\n", "t.csv", d);
  const std::string text = d.to_string();
  EXPECT_NE(text.find("column 'capacity_t_per_year' is in other units"), std::string::npos) << text;
  EXPECT_NE(text.find("expected 'capacity_kt_per_year'"), std::string::npos) << text;
}

TEST(fleet_dataset, CellWithWrongDimensionIsAnError) {
  core::Diagnostics d;
  parse_smelters(kHeader + "a,A,CAN,canada,,,,,100 kA,operating,,,false,,hydro,,false,s\n", "t.csv", d);
  const std::string text = d.to_string();
  EXPECT_NE(text.find("t.csv:2:"), std::string::npos) << text;
  EXPECT_NE(text.find("capacity_kt_per_year"), std::string::npos) << text;
}

TEST(fleet_dataset, UnknownColumnStatusAndSourceMissing) {
  core::Diagnostics d;
  std::string header = kHeader;
  header.replace(header.find("owner"), 5, "ownr");
  parse_smelters(header + "a,A,CAN,canada,,,,,100,running,,,false,,hydro,,false,\n", "t.csv", d);
  const std::string text = d.to_string();
  EXPECT_NE(text.find("unknown column 'ownr' (did you mean 'owner'?)"), std::string::npos) << text;
}

TEST(fleet_dataset, BadStatusAndMissingSourceReported) {
  core::Diagnostics d;
  parse_smelters(kHeader + "a,A,CAN,canada,,,,,100,running,,,false,,hydro,,false,\n", "t.csv", d);
  const std::string text = d.to_string();
  EXPECT_NE(text.find("'running': expected operating"), std::string::npos) << text;
  EXPECT_NE(text.find("every row needs a source"), std::string::npos) << text;
}

TEST(fleet_dataset, ShippedDatasetLoadsAndIsSourced) {
  core::Diagnostics d;
  const auto rows = load_smelters(std::string(POTLINE_SOURCE_DIR) + "/data/smelters.csv", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_GE(rows.size(), 80u);
  RegionTable regions = RegionTable::load(std::string(POTLINE_SOURCE_DIR) + "/data/fleet-regions.toml", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_GE(regions.regions.size(), 10u);
  double china = 0;
  for (const auto& r : rows) {
    EXPECT_FALSE(r.source.empty()) << r.id;
    EXPECT_GE(regions.index_of(r.region), 0) << r.id << " region " << r.region;
    if (r.region == "china") china += r.capacity_kg_per_s / kKt;
    if (r.aggregate) EXPECT_NE(r.source.find("estimate"), std::string::npos) << r.id << ": aggregates are calibrated estimates";
  }
  // The China rows are calibrated to SMM's 45.5 Mt/yr (2 Nov 2023), to rounding of the rows.
  EXPECT_NEAR(china, 45500, 5);
}

TEST(fleet_curve, SortsByCostAndFindsMarginal) {
  std::vector<SmelterEconomics> e(3);
  e[0].capacity_kg_per_s = 1; e[0].c1_usd_per_kg = 2.0; e[0].price_usd_per_kg = 1.9;
  e[1].capacity_kg_per_s = 2; e[1].c1_usd_per_kg = 1.0; e[1].price_usd_per_kg = 2.5;
  e[2].capacity_kg_per_s = 3; e[2].c1_usd_per_kg = 1.5; e[2].price_usd_per_kg = 2.5;
  const auto curve = cost_curve(e);
  ASSERT_EQ(curve.size(), 3u);
  EXPECT_EQ(curve[0].smelter, 1);
  EXPECT_EQ(curve[1].smelter, 2);
  EXPECT_EQ(curve[2].smelter, 0);
  EXPECT_DOUBLE_EQ(curve[2].cumulative_kg_per_s, 6);
  EXPECT_DOUBLE_EQ(marginal_cost(curve, 2.0), 1.0);   // exactly the first step
  EXPECT_DOUBLE_EQ(marginal_cost(curve, 2.5), 1.5);
  EXPECT_DOUBLE_EQ(marginal_cost(curve, 5.5), 2.0);
  EXPECT_THROW(marginal_cost(curve, 6.5), core::RunError);
  EXPECT_EQ(under_water(e), std::vector<int>{0});
}

TEST(fleet_curve, VintageSecRules) {
  SmelterRecord r;
  r.line_current_A = 500e3;
  EXPECT_NEAR(vintage_sec(r).first / 3.6e6, 13.3, 1e-12);
  r.line_current_A = 170e3;
  EXPECT_NEAR(vintage_sec(r).first / 3.6e6, 15.0, 1e-12);
  r.line_current_A = 0;
  r.commissioning_year = 1975;
  EXPECT_NEAR(vintage_sec(r).first / 3.6e6, 15.0, 1e-12);
  r.commissioning_year = 0;
  EXPECT_NEAR(vintage_sec(r).first / 3.6e6, 14.0, 1e-12);
  r.region = "china";
  EXPECT_NEAR(vintage_sec(r).first / 3.6e6, 13.3, 1e-12);
}
