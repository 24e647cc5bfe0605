// Each fleet smelter is the smelter model with the inputs the fleet gives it: every operating smelter
// of the fleet examples, exported as a smelter case file (`potline fleet --export-smelter`) and run
// through the smelter command's path (plant::load_smelter_case + plant::evaluate), must give the
// fleet's C1, SEC, direct and indirect emissions and CBAM to 1e-9 relative.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/years.hpp"
#include "potline/fleet/fleet_smelters.hpp"
#include "potline/fleet/smelter_export.hpp"
#include "potline/policy/cbam.hpp"
#include "../common/shipped_data.hpp"

namespace test_fleet_smelter_agreement {

using namespace potline;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }
std::string examples() { return std::string(POTLINE_SOURCE_DIR) + "/examples"; }

// A case with fleet.year (the examples build on the 2024 backtest since 2026-12-05) is compared as
// `potline fleet` evaluates and exports it: the case of its year.
fleet::FleetCase load(const std::string& name) {
  core::Diagnostics d;
  const fleet::FleetCase c = fleet::load_fleet_case(examples() + "/" + name, cell::default_data_dir(), data(), d);
  return c.year != 0 ? fleet::case_for_year(c, c.year, nullptr) : c;
}

fleet::FleetCase parse(const std::string& text) {
  core::Diagnostics d;
  return fleet::parse_fleet_case(text, "agreement.toml", examples(), cell::default_data_dir(), data(), d);
}

void expect_relative(double fleet_value, double smelter_value, const std::string& what, const std::string& id) {
  const double scale = std::max(std::fabs(fleet_value), std::fabs(smelter_value));
  EXPECT_LE(std::fabs(fleet_value - smelter_value), 1e-9 * scale)
      << id << " " << what << ": fleet " << fleet_value << " smelter " << smelter_value;
}

/// Exports every smelter of `c`, evaluates the file as `potline smelter` does, compares. Returns
/// how many smelters were compared.
std::size_t compare_every_smelter(const fleet::FleetCase& c, const std::string& tag) {
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  const auto dir = std::filesystem::temp_directory_path() / (std::string("potline-fleet-agreement") + "-" + std::to_string(::getpid())) / tag;
  std::filesystem::create_directories(dir);
  const int year_index = c.cbam_year - policy::kCbamFirstYear;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::string& id = c.model.smelters[i].record.id;
    core::Diagnostics d;
    const std::string path = (dir / (id + ".toml")).string();
    std::ofstream(path) << fleet::smelter_case_toml(c, id, data(), d);
    core::Diagnostics ds;
    const plant::SmelterCase sc = plant::load_smelter_case(path, {}, data(), ds);
    const plant::SmelterResult r = plant::evaluate(sc.inputs);
    // The [[carbon_price]] is not a smelter-case input: the fleet reports it beside C1. The EU ETS is
    // ([eu_ets], T7-31): the exported case carries it, in the smelter's C1 as in the fleet's.
    expect_relative(e[i].c1_usd_per_kg - e[i].domestic_carbon_usd_per_kg, r.c1_usd_per_kg, "C1", id);
    // A UK smelter's UK ETS is the smelter case's [eu_ets] (the same function, the UK's inputs).
    expect_relative(e[i].eu_ets_usd_per_kg + e[i].uk_ets_usd_per_kg, r.breakdown.eu_ets, "EU or UK ETS", id);
    expect_relative(e[i].sec_ac_J_per_kg, r.sec_ac_J_per_kg, "SEC", id);
    expect_relative(e[i].direct_co2e_kg_per_kg, r.cbam_see_direct_t_per_t, "direct emissions", id);
    expect_relative(e[i].indirect_co2e_kg_per_kg, r.emissions.scope2, "indirect emissions", id);
    expect_relative(e[i].total_co2e_kg_per_kg, r.emissions.total, "scope 1 + 2", id);
    const double cbam = c.cbam_year != 0 ? r.cbam_usd_per_t[static_cast<std::size_t>(year_index)] / 1000.0 : 0.0;
    expect_relative(e[i].cbam_usd_per_kg, cbam, "CBAM", id);
    EXPECT_EQ(plant::to_string(sc.inputs.emissions.technology),
              plant::to_string(c.model.smelters[i].inputs.emissions.technology)) << id;
  }
  return e.size();
}

}  // namespace

TEST(fleet_smelter_agreement, EveryOperatingSmelterOfTheWorldExampleAgrees) {
  const fleet::FleetCase c = load("world.toml");
  EXPECT_GE(compare_every_smelter(c, "world"), 60u);
}

TEST(fleet_smelter_agreement, CbamAndPowerShocksAgree) {
  const fleet::FleetCase cbam = load("cbam-2034.toml");
  ASSERT_NE(cbam.cbam_year, 0);
  compare_every_smelter(cbam, "cbam-2034");
  compare_every_smelter(load("us-tariff-50.toml"), "us-tariff-50");  // a US power shock
}

TEST(fleet_smelter_agreement, DomesticCarbonPriceIsReportedBesideTheSmelterC1) {
  // The [[carbon_price]] lever is not a smelter-case input: the fleet adds it to C1 and reports it
  // separately, the exported file says so, and C1 without it still agrees.
  const fleet::FleetCase c = parse("[fleet]\nlme = \"2400 USD/t\"\n[[carbon_price]]\nregion = \"europe\"\nprice = \"90 USD/t\"\n");
  compare_every_smelter(c, "carbon");
  std::vector<fleet::SmelterEconomics> e;
  fleet::evaluate(c.model, c.shocks, e);
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (c.model.smelters[i].record.region != "europe") continue;
    EXPECT_GT(e[i].domestic_carbon_usd_per_kg, 0.0) << c.model.smelters[i].record.id;
    core::Diagnostics d;
    const std::string text = fleet::smelter_case_toml(c, c.model.smelters[i].record.id, data(), d);
    EXPECT_NE(text.find("[[carbon_price]] of 90 USD/t CO2 in region 'europe'"), std::string::npos) << text;
    break;
  }
}

TEST(fleet_smelter_agreement, ExportedFileSaysWhereEachInputCameFrom) {
  const fleet::FleetCase c = load("world.toml");
  core::Diagnostics d;
  const std::string text = fleet::smelter_case_toml(c, "us-mount-holly", data(), d);
  EXPECT_NE(text.find("technology = \"A697\"  # dataset row"), std::string::npos) << text;
  EXPECT_NE(text.find("technology_class = \"PFPB_legacy\"  # technology catalogue: A697 has cell_type PFPB, first "
                      "industrial year 1980"),
            std::string::npos)
      << text;
  // world.toml builds on world-2024.toml (case.base), whose LME is the 2024 average.
  EXPECT_NE(text.find("lme = 2392.0  # USD/t; fleet case"), std::string::npos) << text;
  EXPECT_NE(text.find("power = "), std::string::npos);
  EXPECT_NE(text.find("region table"), std::string::npos);
}

TEST(fleet_smelter_agreement, UnknownOrExcludedSmelterIsAnInputErrorWithAHint) {
  const fleet::FleetCase c = load("world.toml");
  core::Diagnostics d;
  try {
    fleet::smelter_case_toml(c, "us-mount-holy", data(), d);
    FAIL() << "expected an input error";
  } catch (const core::InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("unknown smelter 'us-mount-holy' (did you mean 'us-mount-holly'?)"), std::string::npos) << what;
    // One error: a typo gets its did-you-mean alone (user trial 7, T7-34).
    EXPECT_EQ(what.find("only the smelters the case includes"), std::string::npos) << what;
  }
}

TEST(fleet_smelter_agreement, CatalogueCellTypeGivesThePfcClass) {
  cell::Technology t;
  t.cell_type = "PFPB";
  t.first_industrial_year = 1980;
  EXPECT_EQ(fleet::pfc_class_of(t), plant::TechnologyClass::kPFPBLegacy);
  t.first_industrial_year = 2013;
  EXPECT_EQ(fleet::pfc_class_of(t), plant::TechnologyClass::kPFPBModern);
  t.first_industrial_year.reset();
  EXPECT_FALSE(fleet::pfc_class_of(t).has_value());
  t.cell_type = "VSS";
  EXPECT_EQ(fleet::pfc_class_of(t), plant::TechnologyClass::kVSS);
  t.cell_type = "unknown";
  EXPECT_FALSE(fleet::pfc_class_of(t).has_value());
}
}  // namespace test_fleet_smelter_agreement
