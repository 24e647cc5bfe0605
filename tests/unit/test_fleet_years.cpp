// Scenario years and paths (docs/model/fleet.md, "Years and paths"): the capacity pipeline, the
// dated trade measures, the price and demand paths, and their input errors (messages asserted).
#include <gtest/gtest.h>

#include <algorithm>

#include "../common/shipped_data.hpp"
#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/years.hpp"

namespace test_fleet_years {

using namespace potline;

namespace {

constexpr double kToMt = constants::kSecondsPerYear / 1e9;

const plant::SmelterData& data() {
  return potline::testing::shipped_smelter_data();
}

fleet::RegionTable regions() {
  core::Diagnostics d;
  return fleet::RegionTable::load(cell::default_data_dir() + "/fleet-regions.toml", d);
}

std::vector<fleet::SmelterRecord> rows() {
  core::Diagnostics d;
  return fleet::load_smelters(cell::default_data_dir() + "/smelters.csv", d);
}

std::string errors_of_pipeline(const std::string& text) {
  core::Diagnostics d;
  fleet::parse_pipeline(text, "p.toml", regions(), rows(), d);
  return d.to_string();
}

fleet::FleetCase path_case(const std::vector<std::string>& sets = {}) {
  core::Diagnostics d;
  fleet::FleetCase c =
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                             cell::default_data_dir(), data(), d, sets);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  return c;
}

int smelter_index(const fleet::FleetCase& c, const std::string& id) {
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
    if (c.model.smelters[i].record.id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST(fleet_years, ShippedTimeDataReadsWithoutErrors) {
  core::Diagnostics d;
  const std::string dir = cell::default_data_dir();
  EXPECT_FALSE(fleet::load_pipeline(dir + "/fleet-pipeline.toml", regions(), rows(), d).empty());
  EXPECT_FALSE(fleet::load_sanctions(dir + "/fleet-sanctions.toml", regions(), d).empty());
  EXPECT_FALSE(fleet::load_paths(dir + "/fleet-paths.toml", regions(), d).empty());
  EXPECT_FALSE(d.has_errors()) << d.to_string();
}

TEST(fleet_years, ProjectWithoutYearOrSourceIsAnError) {
  const std::string e =
      errors_of_pipeline("[[project]]\nid = \"x\"\nkind = \"closure\"\nsmelter = \"eu-kubal\"\n");
  EXPECT_NE(e.find("project 'x': required: year, the first year of the change"), std::string::npos)
      << e;
  EXPECT_NE(e.find("project 'x': required: the source of the project and its date"),
            std::string::npos)
      << e;
}

TEST(fleet_years, ProjectNamingAnUnknownSmelterOrKindIsAnError) {
  const std::string e = errors_of_pipeline(
      "[[project]]\nid = \"x\"\nkind = \"restart\"\nsmelter = \"eu-kubbal\"\nyear = 2027\nsource = "
      "\"s\"\n"
      "[[project]]\nid = \"y\"\nkind = \"reopen\"\nsmelter = \"eu-kubal\"\nyear = 2027\nsource = "
      "\"s\"\n");
  EXPECT_NE(e.find("unknown smelter 'eu-kubbal'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'eu-kubal'"), std::string::npos) << e;
  EXPECT_NE(e.find("kind 'reopen': expected new, restart, expansion or closure"), std::string::npos)
      << e;
  EXPECT_NE(e.find("p.toml:4:"), std::string::npos) << e;  // located
}

TEST(fleet_years, NewProjectNeedsCapacityAndAKnownRegion) {
  const std::string e = errors_of_pipeline(
      "[[project]]\nid = \"x\"\nkind = \"new\"\nyear = 2028\nsource = \"s\"\ncountry = "
      "\"USA\"\nregion = \"usaa\"\n"
      "power_source = \"grid\"\n");
  EXPECT_NE(e.find("project 'x': required: capacity (kt/yr)"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown region 'usaa'"), std::string::npos) << e;
}

TEST(fleet_years, PathWithAGapIsAnError) {
  core::Diagnostics d;
  fleet::parse_paths(
      "[[path]]\nname = \"eua_price\"\nunit = \"EUR/t\"\nsource = \"s\"\nvalues = { 2024 = 65, "
      "2025 = 70, 2027 = 80 }\n",
      "paths.toml", regions(), d);
  EXPECT_NE(d.to_string().find("path 'eua_price': no value for 2026 (a path lists every year from "
                               "its first, 2024, to its last, 2027)"),
            std::string::npos)
      << d.to_string();
}

TEST(fleet_years, PathOfAnUnknownNameOrWrongUnitIsAnError) {
  core::Diagnostics d;
  fleet::parse_paths(
      "[[path]]\nname = \"eua_prices\"\nunit = \"EUR/t\"\nsource = \"s\"\nvalues = { 2024 = 65 }\n"
      "[[path]]\nname = \"eua_price\"\nunit = \"USD/t\"\nsource = \"s\"\nvalues = { 2024 = 65 }\n",
      "paths.toml", regions(), d);
  EXPECT_NE(d.to_string().find("unknown path 'eua_prices'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("path 'eua_price': unit 'USD/t': this path is in EUR/t"),
            std::string::npos)
      << d.to_string();
}

TEST(fleet_years, SanctionNamingAnUnknownRegionIsAnError) {
  core::Diagnostics d;
  fleet::parse_sanctions(
      "[[sanction]]\nid = \"s\"\nimporters = [\"eurpoe\"]\norigin_country = \"RUS\"\nfrom = "
      "2026-02-26\n"
      "source = \"x\"\n[[sanction]]\nid = \"t\"\nimporters = [\"usa\"]\norigin_country = "
      "\"RUS\"\nsource = \"x\"\n",
      "s.toml", regions(), d);
  EXPECT_NE(d.to_string().find("unknown region 'eurpoe'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("did you mean 'europe'"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("sanction 't': required: from, the date the measure takes effect"),
            std::string::npos)
      << d.to_string();
}

// A measure counts in a year when in force on 1 July: the EU ban (full from 26 February 2026) from
// 2026.
TEST(fleet_years, SanctionYearsFollowTheFirstOfJuly) {
  core::Diagnostics d;
  const auto s = fleet::parse_sanctions(
      "[[sanction]]\nid = \"a\"\nimporters = [\"europe\"]\norigin_country = \"RUS\"\n"
      "from = 2026-02-26\nuntil = 2030-06-30\nsource = \"x\"\n",
      "s.toml", regions(), d);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].from_year, 2026);
  EXPECT_EQ(s[0].until_year, 2029);
}

TEST(fleet_years, CaseYearOutsideAPathIsAnError) {
  core::Diagnostics d;
  EXPECT_THROW(
      fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-path-2035.toml",
                             cell::default_data_dir(), data(), d, {"fleet.last_year=2040"}),
      core::InputError);
  EXPECT_NE(d.to_string().find("path 'eua_price' spans 2024..2035; the case asks for 2024..2040"),
            std::string::npos)
      << d.to_string();
}

// The pipeline's windows: Inola (new, 2030) is not in 2029 and is in 2030; San Ciprian (restart,
// 2026) enters stopped in 2026 and is running by 2027 when it ran in 2026.
TEST(fleet_years, PipelineProjectsEnterInTheirYear) {
  const fleet::FleetCase c = path_case();
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2029, nullptr), "us-ega-century-inola"), 0);
  const fleet::FleetCase y2030 = fleet::case_for_year(c, 2030, nullptr);
  const int inola = smelter_index(y2030, "us-ega-century-inola");
  ASSERT_GE(inola, 0);
  EXPECT_NEAR(
      y2030.model.smelters[static_cast<std::size_t>(inola)].record.capacity_kg_per_s * kToMt, 0.75,
      1e-9);
  EXPECT_LT(smelter_index(fleet::case_for_year(c, 2025, nullptr), "eu-san-ciprian"), 0);
  const fleet::FleetCase y2026 = fleet::case_for_year(c, 2026, nullptr);
  EXPECT_FALSE(
      y2026.model.smelters[static_cast<std::size_t>(smelter_index(y2026, "eu-san-ciprian"))]
          .running);
}

// The path of 12 years: China never above its cap, whose shadow price turns positive once the idle
// capacity restarts and demand grows; Russian metal reaches Europe in 2025 but not from 2026 (the
// EU ban); CBAM none before 2026 and the phase-in year after.
TEST(fleet_years, PathOfTwelveYearsHoldsTheCapAndTheDatedBan) {
  const fleet::FleetCase c = path_case();
  const std::vector<fleet::YearResult> years = fleet::solve_years(c);
  ASSERT_EQ(years.size(), 12u);
  bool cap_binds = false;
  for (const auto& y : years) {
    ASSERT_TRUE(y.r.feasible) << y.year << ": " << y.r.explanation;
    const auto china = static_cast<std::size_t>(y.c.model.regions.index_of("china"));
    EXPECT_LE(y.r.production_by_region_kg_per_s[china] * kToMt, 45.0 + 1e-6) << y.year;
    if (y.r.cap_shadow_usd_per_kg[0] > 0) cap_binds = true;
    const auto russia = static_cast<std::size_t>(y.c.model.regions.index_of("russia"));
    const auto europe = static_cast<std::size_t>(y.c.model.regions.index_of("europe"));
    if (y.year >= 2026) {
      EXPECT_EQ(y.r.flow_kg_per_s[russia][europe], 0.0) << y.year;
    }
    EXPECT_EQ(y.c.cbam_year, y.year < 2026 ? 0 : std::min(y.year, 2034)) << y.year;
  }
  EXPECT_TRUE(cap_binds);
}
}  // namespace test_fleet_years
