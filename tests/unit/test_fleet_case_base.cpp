// A fleet case built on another (case.base, src/fleet/case_base.cpp): the base's keys first, the
// case's keys replacing them one by one; a lever table of the same identity replaces the base's in its
// place, other lever tables add up; --set indexes the merged tables; errors keep the file:line:col
// they were written at; a cycle and a missing base are input errors at case.base. The scenario
// examples build on the 2024 backtest this way (docs/model/fleet.md, "Scenarios built on the backtest").
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "potline/cell/technology.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_case_base {

using namespace potline;

namespace {

const std::string kExamples = std::string(POTLINE_SOURCE_DIR) + "/examples";

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() / ("potline-case-base-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::string write(const std::string& name, const std::string& text) {
  const auto p = temp_dir() / name;
  std::ofstream(p) << text;
  return p.string();
}

fleet::FleetCase load(const std::string& path, core::Diagnostics& d, const std::vector<std::string>& sets = {}) {
  return fleet::load_fleet_case(path, cell::default_data_dir(), potline::testing::shipped_smelter_data(), d, sets);
}

std::string errors_of(const std::string& path) {
  core::Diagnostics d;
  try {
    load(path, d);
  } catch (const core::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected input errors for " << path;
  return "";
}

int region(const fleet::FleetCase& c, const char* id) { return c.model.regions.index_of(id); }

}  // namespace

// world.toml builds on the backtest: the backtest's scalars (year, LME, alumina share) and lever
// tables reach it; its own US tariff replaces the backtest's in place (tariff[0]), the EU's 3 % stays
// (tariff[1]); its Russian exclusion is added.
TEST(fleet_case_base, WorldBuildsOnTheBacktestAndReplacesItsUsTariffInPlace) {
  core::Diagnostics d;
  const fleet::FleetCase base = load(kExamples + "/world-2024.toml", d);
  const fleet::FleetCase world = load(kExamples + "/world.toml", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_EQ(world.year, 2024);
  EXPECT_DOUBLE_EQ(world.lme_usd_per_kg, base.lme_usd_per_kg);
  EXPECT_DOUBLE_EQ(world.alumina_lme_share, base.alumina_lme_share);
  EXPECT_EQ(world.caps.size(), base.caps.size());
  EXPECT_EQ(world.flow_limits.size(), base.flow_limits.size());
  ASSERT_EQ(world.tariffs.size(), 2u);
  EXPECT_EQ(world.tariffs[0].importer, region(world, "usa"));
  EXPECT_DOUBLE_EQ(world.tariffs[0].rate, 0.50);
  EXPECT_TRUE(world.tariffs[0].exempt.empty());  // the base's exemptions went with its table
  EXPECT_EQ(world.tariffs[1].importer, region(world, "europe"));
  EXPECT_DOUBLE_EQ(world.tariffs[1].rate, 0.03);
  ASSERT_EQ(world.exclusions.size(), 1u);
  EXPECT_EQ(world.exclusions[0].origin_country, "RUS");
  EXPECT_NE(world.title, base.title);
  // --set counts the merged tables: tariff[0] is the US tariff, tariff[1] the EU duty.
  core::Diagnostics d2;
  const fleet::FleetCase set = load(kExamples + "/world.toml", d2, {"tariff[0].rate=0.25", "tariff[1].rate=0"});
  EXPECT_DOUBLE_EQ(set.tariffs[0].rate, 0.25);
  EXPECT_DOUBLE_EQ(set.tariffs[1].rate, 0.0);
}

// A chain: xinjiang-exclusion.toml -> world.toml -> world-2024.toml; the exclusions add up (Russia's
// from world.toml, then its own Xinjiang).
TEST(fleet_case_base, AChainOfBasesAddsTheExclusions) {
  core::Diagnostics d;
  const fleet::FleetCase x = load(kExamples + "/xinjiang-exclusion.toml", d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_EQ(x.year, 2024);
  ASSERT_EQ(x.exclusions.size(), 2u);
  EXPECT_EQ(x.exclusions[0].origin_country, "RUS");
  EXPECT_EQ(x.exclusions[1].origin_province, "Xinjiang");
}

// Keys of the case win; a [[cap]] of the same region replaces the base's; a base in another folder
// keeps its own relative paths.
TEST(fleet_case_base, CaseKeysWinAndABaseElsewhereKeepsItsPaths) {
  const auto sub = temp_dir() / "sub";
  std::filesystem::create_directories(sub);
  std::ofstream(sub / "base.toml") << "[fleet]\nlme = \"2000 USD/t\"\nalumina_lme_share = 0.2\nregions = \""
                                   << (std::filesystem::path(POTLINE_SOURCE_DIR) / "data" / "fleet-regions.toml")
                                          .lexically_relative(std::filesystem::weakly_canonical(sub))
                                          .string()
                                   << "\"\n[[cap]]\nregion = \"china\"\ncapacity = \"45 Mt/yr\"\n";
  const std::string f = write("case.toml", "[case]\nbase = \"sub/base.toml\"\n[fleet]\nlme = \"2500 USD/t\"\n"
                                           "[[cap]]\nregion = \"china\"\ncapacity = \"40 Mt/yr\"\n");
  core::Diagnostics d;
  const fleet::FleetCase c = load(f, d);
  ASSERT_FALSE(d.has_errors()) << d.to_string();
  EXPECT_NEAR(c.lme_usd_per_kg * 1e3, 2500, 1e-9);
  EXPECT_DOUBLE_EQ(c.alumina_lme_share, 0.2);
  ASSERT_EQ(c.caps.size(), 1u);
  EXPECT_NEAR(c.caps[0].capacity_kg_per_s * constants::kSecondsPerYear / 1e9, 40, 0.1);
  EXPECT_TRUE(std::filesystem::exists(c.regions_path)) << c.regions_path;
}

// Errors: a missing base at case.base's line and column; a value wrong in the base at the base's
// file:line:col; a cycle.
TEST(fleet_case_base, MissingBaseBadBaseValueAndCycleAreErrorsWhereTheyAreWritten) {
  const std::string missing = write("missing.toml", "[case]\nbase = \"no-such-case.toml\"\n");
  std::string e = errors_of(missing);
  EXPECT_NE(e.find("missing.toml:2:8"), std::string::npos) << e;
  EXPECT_NE(e.find("case.base"), std::string::npos) << e;
  EXPECT_NE(e.find("no-such-case.toml"), std::string::npos) << e;

  write("bad-base.toml", "[fleet]\nlme = \"-5 USD/t\"\n");
  e = errors_of(write("on-bad.toml", "[case]\nbase = \"bad-base.toml\"\n"));
  EXPECT_NE(e.find("bad-base.toml:2:7"), std::string::npos) << e;
  EXPECT_NE(e.find("fleet.lme"), std::string::npos) << e;

  write("a.toml", "[case]\nbase = \"b.toml\"\n[fleet]\nlme = 2400\n");
  write("b.toml", "[case]\nbase = \"a.toml\"\n");
  e = errors_of((temp_dir() / "a.toml").string());
  EXPECT_NE(e.find("builds on itself"), std::string::npos) << e;
  EXPECT_NE(e.find("b.toml:2:8"), std::string::npos) << e;
}

}  // namespace test_fleet_case_base
