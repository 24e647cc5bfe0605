// The smelter's run-folder tables (cost_breakdown.csv, emissions.csv, cbam.csv, potlines.csv) and the
// emissions.from_simulation path (a `potline simulate` summary.json's anode-effect statistics in the
// PFC calculation), tested on the functions themselves rather than through the CLI.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "potline/cell/technology.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"
#include "../common/shipped_data.hpp"

namespace test_smelter_run_folder {

using namespace potline;
using namespace potline::plant;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

std::filesystem::path fixtures() { return std::filesystem::path(POTLINE_SOURCE_DIR) / "tests" / "fixtures" / "smelter"; }

std::string fixture(const std::string& name) { return (fixtures() / name).string(); }

/// A file in a fresh temporary folder.
std::string temp_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("potline-smelter-unit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

const core::SourceLocation kWhere{"case.toml", 7, 19};
const std::string kKey = "emissions.from_simulation";

std::string read_error(const std::string& path, bool overvoltage) {
  core::Diagnostics d;
  EXPECT_FALSE(read_simulated_anode_effects(path, overvoltage, kWhere, kKey, d));
  EXPECT_EQ(d.error_count(), 1u) << d.to_string();
  return d.to_string();
}

// A case read as if it were a file in tests/fixtures/smelter (relative paths resolve there).
std::optional<SmelterCase> build_in_fixtures(const std::string& toml, core::Diagnostics& d,
                                             const std::vector<std::string>& sets = {}) {
  io::ValueSet user;
  std::vector<PotlineGroupValues> groups;
  read_smelter_case_text(toml, fixture("case.toml"), user, groups, d);
  apply_smelter_overrides(sets, user, groups, d);
  if (d.has_errors()) return std::nullopt;
  return build_smelter_case(user, groups, data(), d);
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

const char* kCase = R"([potline]
sec_ac = "13.5 kWh/kg"
current_efficiency = 95
[plant]
capacity = "473000 t/yr"
[prices]
year = 2024
lme = 2400
alumina = 400
anode = 600
alf3 = 1200
power = "30 USD/MWh"
[labour]
employees = 810
wage = "110000 USD/yr"
[emissions]
technology_class = "CWPB"
pfc_method = "slope"
from_simulation = "ae-summary.json"
[power]
source = "hydro"
)";

}  // namespace

// ---- read_simulated_anode_effects ----------------------------------------------------------------

TEST(smelter_from_simulation, ReadsTheAnodeEffectStatistics) {
  core::Diagnostics d;
  const auto ae = read_simulated_anode_effects(fixture("ae-summary.json"), true, kWhere, kKey, d);
  ASSERT_TRUE(ae) << d.to_string();
  EXPECT_DOUBLE_EQ(ae->per_cell_day, 0.05);
  EXPECT_DOUBLE_EQ(ae->minutes_per_cell_day, 0.25);
  ASSERT_TRUE(ae->overvoltage_mV);
  EXPECT_DOUBLE_EQ(*ae->overvoltage_mV, 2.5);
  EXPECT_FALSE(d.has_errors());
}

TEST(smelter_from_simulation, OvervoltageIsOptionalForTheSlopeMethod) {
  const std::string path = temp_file("no-aeo.json", R"({"ae_per_cell_day": 0.1, "ae_minutes_per_cell_day": 0.3})");
  core::Diagnostics d;
  const auto ae = read_simulated_anode_effects(path, false, kWhere, kKey, d);
  ASSERT_TRUE(ae) << d.to_string();
  EXPECT_DOUBLE_EQ(ae->minutes_per_cell_day, 0.3);
  EXPECT_FALSE(ae->overvoltage_mV);
  // The overvoltage method needs it.
  EXPECT_NE(read_error(path, true).find("has no key 'ae_overvoltage_mV'"), std::string::npos);
}

TEST(smelter_from_simulation, BadFilesAreErrorsAtTheCaseKey) {
  // Every message carries the case file's position and key, then what is wrong with the file.
  std::string e = read_error(fixture("no-such-summary.json"), false);
  EXPECT_EQ(e.rfind("case.toml:7:19: error: 'emissions.from_simulation': cannot read the simulation summary", 0), 0u)
      << e;
  e = read_error(fixture("ae-summary-missing-key.json"), false);
  EXPECT_NE(e.find("has no key 'ae_minutes_per_cell_day' (expected a 'potline simulate' summary.json)"),
            std::string::npos)
      << e;
  e = read_error(fixture("ae-summary-nonfinite.json"), false);
  EXPECT_NE(e.find("ae_minutes_per_cell_day = null is not a finite number >= 0"), std::string::npos) << e;
  e = read_error(temp_file("array.json", "[1, 2]"), false);
  EXPECT_NE(e.find("is not a JSON object"), std::string::npos) << e;
  e = read_error(temp_file("text.json", "not json at all"), false);
  EXPECT_NE(e.find("is not a JSON object"), std::string::npos) << e;
  e = read_error(temp_file("negative.json", R"({"ae_per_cell_day": -0.1, "ae_minutes_per_cell_day": 0.3})"), false);
  EXPECT_NE(e.find("ae_per_cell_day = -0.1 is not a finite number >= 0"), std::string::npos) << e;
  e = read_error(temp_file("string.json", R"({"ae_per_cell_day": 0.1, "ae_minutes_per_cell_day": "0.3"})"), false);
  EXPECT_NE(e.find("ae_minutes_per_cell_day = \"0.3\" is not a finite number"), std::string::npos) << e;
}

// ---- the statistics in the PFC calculation -------------------------------------------------------

TEST(smelter_from_simulation, SlopeMethodUsesTheSimulatedAem) {
  // CWPB, IPCC 2006 (S = 0.143, C2F6/CF4 = 0.121), AR5 (6630 / 11100), AEM 0.25 from the summary:
  // CF4 = 0.035750 kg/t, C2F6 = 0.00432575 kg/t, PFC = (237.0225 + 48.015825)/1000 = 0.285038325 t/t.
  core::Diagnostics d;
  auto c = build_in_fixtures(kCase, d);
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_EQ(std::filesystem::path(c->ae_summary_file), fixtures() / "ae-summary.json");
  EXPECT_DOUBLE_EQ(c->inputs.emissions.aem_min_per_cell_day, 0.25);
  EXPECT_DOUBLE_EQ(*c->ae_per_cell_day, 0.05);
  const SmelterResult r = evaluate(c->inputs);
  EXPECT_NEAR(r.emissions.cf4_kg_per_kg * 1000, 0.03575, 1e-12);
  EXPECT_NEAR(r.emissions.pfc_co2e, 0.285038325, 1e-12);
  ASSERT_EQ(c->input_files().size(), 1u);
  EXPECT_EQ(c->input_files()[0], c->ae_summary_file);
}

TEST(smelter_from_simulation, OvervoltageMethodUsesTheSimulatedAeo) {
  // OVC 1.16 × AEO 2.5 mV / CE 95 % = 0.0305263158 kg CF4/t; PFC = 0.2433893684 t CO2e/t.
  core::Diagnostics d;
  auto c = build_in_fixtures(kCase, d, {"emissions.pfc_method=overvoltage"});
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_DOUBLE_EQ(c->inputs.emissions.aeo_mV, 2.5);
  const SmelterResult r = evaluate(c->inputs);
  EXPECT_NEAR(r.emissions.cf4_kg_per_kg * 1000, 1.16 * 2.5 / 95.0, 1e-12);
  EXPECT_NEAR(r.emissions.pfc_co2e, 0.2433893684, 1e-9);
}

TEST(smelter_from_simulation, EachPotlineGroupCanHaveItsOwnSummary) {
  // Group 1 takes AEM 0.25 from the summary, group 2 gives AEM 0.5: equal production, so the plant's
  // CF4 is the mean 0.143 × (0.25 + 0.5)/2 kg/t.
  std::string toml = kCase;
  replace_once(toml, "[potline]\nsec_ac = \"13.5 kWh/kg\"\ncurrent_efficiency = 95\n[plant]\ncapacity = \"473000 t/yr\"\n",
               "[[potline]]\nsec_ac = 13.5\ncapacity = 1000\nfrom_simulation = \"ae-summary.json\"\n"
               "[[potline]]\nsec_ac = 13.5\ncapacity = 1000\naem = 0.5\n");
  replace_once(toml, "from_simulation = \"ae-summary.json\"\n[power]", "[power]");
  core::Diagnostics d;
  auto c = build_in_fixtures(toml, d);
  ASSERT_TRUE(c) << toml << d.to_string();
  ASSERT_EQ(c->potlines.size(), 2u);
  EXPECT_EQ(std::filesystem::path(c->potlines[0].ae_summary_file), fixtures() / "ae-summary.json");
  EXPECT_TRUE(c->potlines[1].ae_summary_file.empty());
  EXPECT_EQ(c->input_files().size(), 1u);
  const SmelterResult r = evaluate(c->inputs);
  EXPECT_NEAR(r.emissions.cf4_kg_per_kg * 1000, 0.143 * 0.375, 1e-12);
}

TEST(smelter_from_simulation, BadSummaryInACaseIsAnErrorAtItsKey) {
  core::Diagnostics d;
  // Given with --set (a path relative to the working directory; absolute here).
  EXPECT_FALSE(build_in_fixtures(kCase, d, {"emissions.from_simulation=" + fixture("ae-summary-nonfinite.json")}));
  EXPECT_NE(d.to_string().find("--set #1: error: 'emissions.from_simulation':"), std::string::npos) << d.to_string();
  EXPECT_NE(d.to_string().find("ae_minutes_per_cell_day = null is not a finite number"), std::string::npos)
      << d.to_string();
  std::string toml = kCase;
  replace_once(toml, "ae-summary.json", "ae-summary-missing-key.json");
  core::Diagnostics d2;
  EXPECT_FALSE(build_in_fixtures(toml, d2));
  // The error points at the key's value in the case file (line 19, after 'from_simulation = ').
  EXPECT_NE(d2.to_string().find("case.toml:19:19: error: 'emissions.from_simulation':"), std::string::npos)
      << d2.to_string();
  EXPECT_NE(d2.to_string().find("has no key 'ae_minutes_per_cell_day'"), std::string::npos) << d2.to_string();
}

// ---- run-folder tables ---------------------------------------------------------------------------

namespace {

// A result with numbers exact in binary, so the tables' text is known exactly.
SmelterResult exact_result() {
  SmelterResult r;
  r.production_kg_per_s = 10.0;
  r.produces = true;
  r.breakdown.alumina = 0.5;    // 500 USD/t
  r.breakdown.carbon = 0.25;    // 250
  r.breakdown.power = 0.5;      // 500
  r.breakdown.bath = 0.0;       // 0
  r.breakdown.labour = 0.125;   // 125
  r.breakdown.other = 0.125;    // 125  -> C1 = 1500
  r.c1_usd_per_kg = 1.5;
  r.c2_usd_per_kg = 1.625;
  r.business_usd_per_kg = 1.75;
  r.full_usd_per_kg = 1.875;
  r.emissions.anode_co2 = 1.5;
  r.emissions.baking_co2 = 0.125;
  r.emissions.pfc_co2e = 0.25;
  r.emissions.baking_fuel_co2 = 0.0625;
  r.emissions.casthouse_fuel_co2 = 0.0625;
  r.emissions.power_co2 = 6.0;
  r.emissions.scope1 = 8.0;
  r.emissions.scope2 = 0.0;
  r.emissions.total = 8.0;
  for (int i = 0; i < policy::kCbamYears; ++i) {
    r.cbam_certificates_per_t[i] = 0.5 * i;
    r.cbam_eur_per_t[i] = 40.0 * i;
    r.cbam_usd_per_t[i] = 44.0 * i;
  }
  return r;
}

}  // namespace

TEST(smelter_run_folder, CostBreakdownTable) {
  EXPECT_EQ(cost_breakdown_csv(exact_result()),
            "Component,Cost [USD/t],Share of C1 [%]\n"
            "alumina,500,33.33333333333333\n"
            "carbon,250,16.666666666666664\n"
            "power,500,33.33333333333333\n"
            "bath,0,0\n"
            "labour,125,8.333333333333332\n"
            "other,125,8.333333333333332\n"
            "c1,1500,100\n"
            "c2,1625,108.33333333333333\n"
            "business,1750,116.66666666666667\n"
            "full,1875,125\n");
  // A zero C1 (nothing costed) divides by 1, never by zero.
  const std::string zero = cost_breakdown_csv(SmelterResult{});
  EXPECT_EQ(zero.find("nan"), std::string::npos);
  EXPECT_EQ(zero.find("inf"), std::string::npos);
  // Without production, figures that spread fixed costs over output are empty cells (null);
  // specific costs stay.
  SmelterResult idle = exact_result();
  idle.production_kg_per_s = 0.0;
  idle.produces = false;
  EXPECT_EQ(cost_breakdown_csv(idle),
            "Component,Cost [USD/t],Share of C1 [%]\n"
            "alumina,500,\n"
            "carbon,250,\n"
            "power,500,\n"
            "bath,0,\n"
            "labour,,\n"
            "other,125,\n"
            "c1,,\n"
            "c2,,\n"
            "business,,\n"
            "full,,\n");
}

TEST(smelter_run_folder, EmissionsTableScopesFollowThePowerSource) {
  SmelterCase c;
  c.inputs.emissions.power_captive = true;
  const std::string captive = emissions_csv(c, exact_result());
  EXPECT_EQ(captive,
            "Source,Scope,Emissions [t CO2e/t]\n"
            "anode_co2,1,1.5\n"
            "baking_co2,1,0.125\n"
            "pfc,1,0.25\n"
            "baking_fuel_co2,1,0.0625\n"
            "casthouse_fuel_co2,1,0.0625\n"
            "power,1,6\n"
            "scope1,1,8\n"
            "scope2,2,0\n"
            "total,1+2,8\n");
  c.inputs.emissions.power_captive = false;
  EXPECT_NE(emissions_csv(c, exact_result()).find("\npower,2,6\n"), std::string::npos);
}

TEST(smelter_run_folder, CbamTableHasEveryYearOrOnlyTheHeader) {
  SmelterCase c;
  const std::string header = "Year,Certificates [1/t],Cost [EUR/t],Cost [USD/t]\n";
  c.inputs.cbam = false;
  EXPECT_EQ(cbam_csv(c, exact_result()), header);
  c.inputs.cbam = true;
  const std::string t = cbam_csv(c, exact_result());
  EXPECT_EQ(t.rfind(header + "2026,0,0,0\n2027,0.5,40,44\n", 0), 0u) << t;
  EXPECT_NE(t.find("\n2034,4,320,352\n"), std::string::npos) << t;
  EXPECT_EQ(std::count(t.begin(), t.end(), '\n'), 10);
}

TEST(smelter_run_folder, PotlinesTableQuotesNamesWithCommas) {
  std::string toml = kCase;
  replace_once(toml, "[potline]\n", "[[potline]]\nname = \"Line A, \\\"old\\\"\"\ncapacity = 1000\n");
  replace_once(toml, "[plant]\ncapacity = \"473000 t/yr\"\n", "");
  core::Diagnostics d;
  auto c = build_in_fixtures(toml, d);
  ASSERT_TRUE(c) << toml << d.to_string();
  const std::string t = potlines_csv(*c);
  EXPECT_NE(t.find("\n0,\"Line A, \"\"old\"\"\",,"), std::string::npos) << t;
}
}  // namespace test_smelter_run_folder
