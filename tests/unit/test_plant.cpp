// Smelter cost stack and labour against hand computations; case-file input errors (exit 2 path).
#include <gtest/gtest.h>

#include "potline/cell/technology.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "../common/shipped_data.hpp"

namespace test_plant {

using namespace potline;
using namespace potline::plant;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

const char* kMinimalCase = R"(
[potline]
sec_ac = "13.5 kWh/kg"
[plant]
capacity = "300000 t/yr"
[prices]
year = 2024
lme = 2400
alumina = 400
anode = 600
alf3 = 1200
power = "40 USD/MWh"
[labour]
employees = 600
wage = "100000 USD/yr"
[costs]
other = 250
[power]
source = "hydro"
)";

// Parses TOML text (plus extra lines) and builds the case; returns diagnostics text on failure.
std::optional<SmelterCase> build(const std::string& toml, core::Diagnostics& d) {
  io::ValueSet user;
  io::read_case_text(toml, "case.toml", smelter_schema(), user, d);
  if (d.has_errors()) return std::nullopt;
  return build_smelter_case(user, data(), d);
}

}  // namespace

TEST(plant_smelter, CostStackByHand) {
  core::Diagnostics d;
  auto c = build(kMinimalCase, d);
  ASSERT_TRUE(c) << d.to_string();
  const SmelterResult r = evaluate(c->inputs);
  // Per t: alumina 1.925 × 400 = 770; carbon 0.425 × 600 = 255; power 13.5 MWh × 40 = 540;
  // bath 0.0175 × 1200 = 21; labour 600 × 100,000 / 300,000 = 200; other 250. C1 = 2036.
  EXPECT_NEAR(r.breakdown.alumina * 1000, 770.0, 1e-9);
  EXPECT_NEAR(r.breakdown.carbon * 1000, 255.0, 1e-9);
  EXPECT_NEAR(r.breakdown.power * 1000, 540.0, 1e-9);
  EXPECT_NEAR(r.breakdown.bath * 1000, 21.0, 1e-9);
  EXPECT_NEAR(r.breakdown.labour * 1000, 200.0, 1e-9);
  EXPECT_NEAR(r.breakdown.other * 1000, 250.0, 1e-9);
  EXPECT_NEAR(r.c1_usd_per_kg * 1000, 2036.0, 1e-9);
  EXPECT_NEAR(r.power_share_of_c1, 540.0 / 2036.0, 1e-12);
  // Labour: 600 / 300 kt = 2.0 per kt; load = 300,000 t × 13.5 MWh / 8766 h = 462.0 MW → 600/0.462 = 1298.7 per GW.
  EXPECT_NEAR(r.employees_per_kt_capacity, 2.0, 1e-9);
  EXPECT_NEAR(r.electrical_load_W / 1e6, 300000.0 * 13.5 / 8766.0, 1e-6);
  EXPECT_NEAR(r.jobs_per_GW, 600.0 / (300000.0 * 13.5 / 8766.0 / 1000.0), 1e-6);
  // Hydro: no power emissions; default Tier 2 prebake CO2 0.425·0.976·44/12 = 1.520933.
  EXPECT_NEAR(r.emissions.anode_co2, 0.425 * 0.976 * 44.0 / 12.0, 1e-9);
  EXPECT_EQ(r.emissions.scope2, 0.0);
}

TEST(plant_smelter, FuelDefaultsAreScopeOneAndInCbam) {
  core::Diagnostics d;
  auto c = build(kMinimalCase, d);
  ASSERT_TRUE(c) << d.to_string();
  const SmelterResult r = evaluate(c->inputs);
  // Defaults (smelter schema): baking 2.25 GJ/t baked anode (SINTEF-based estimate) with the default
  // gross consumption 0.525 t/t, casthouse 1.0 GJ/t (estimate), both natural gas 56.1 t CO2/TJ.
  EXPECT_NEAR(r.emissions.baking_fuel_co2, 2.25 * 0.525 * 0.0561, 1e-12);
  EXPECT_NEAR(r.emissions.casthouse_fuel_co2, 0.0561, 1e-12);
  EXPECT_NEAR(r.emissions.scope1,
              r.emissions.anode_co2 + r.emissions.baking_co2 + r.emissions.pfc_co2e + r.emissions.baking_fuel_co2 +
                  r.emissions.casthouse_fuel_co2,
              1e-12);
  // CBAM direct embedded emissions include the fuels burnt on site, not the (bought) electricity.
  EXPECT_NEAR(r.cbam_see_direct_t_per_t, r.emissions.direct, 1e-12);
  // An explicit factor overrides the fuel's: 100 t/TJ × 1 GJ/t = 0.1 t/t.
  std::string toml = kMinimalCase;
  toml.replace(toml.find("[power]"), 7, "[fuel]\ncasthouse_emission_factor = 100\n[power]");
  core::Diagnostics d2;
  auto c2 = build(toml, d2);
  ASSERT_TRUE(c2) << d2.to_string();
  EXPECT_NEAR(evaluate(c2->inputs).emissions.casthouse_fuel_co2, 0.1, 1e-12);
}

TEST(plant_smelter, C2BusinessAndFull) {
  core::Diagnostics d;
  auto c = build(std::string(kMinimalCase) +
                     "depreciation = 150\noverheads = 40\nsustaining_capex = 60\ninterest = 30\n",
                 d);
  // The extra keys land in [power] (last table) and must be rejected: that is the unknown-key path.
  EXPECT_FALSE(c);
  EXPECT_NE(d.to_string().find("unknown key"), std::string::npos) << d.to_string();
  core::Diagnostics d2;
  std::string toml = kMinimalCase;
  toml.replace(toml.find("other = 250"), 11, "other = 250\ndepreciation = 150\noverheads = 40\nsustaining_capex = 60\ninterest = 30");
  auto c2 = build(toml, d2);
  ASSERT_TRUE(c2) << d2.to_string();
  const SmelterResult r = evaluate(c2->inputs);
  // C2 = 2036 + 150 = 2186; business = 2036 + 40 + 60 + 30 = 2166; full = 2186 + 40 + 30 = 2256.
  EXPECT_NEAR(r.c2_usd_per_kg * 1000, 2186.0, 1e-9);
  EXPECT_NEAR(r.business_usd_per_kg * 1000, 2166.0, 1e-9);
  EXPECT_NEAR(r.full_usd_per_kg * 1000, 2256.0, 1e-9);
}

TEST(plant_smelter, CapacityFromPotsAndFaraday) {
  core::Diagnostics d;
  std::string toml = kMinimalCase;
  toml.replace(toml.find("capacity = \"300000 t/yr\""), 24, "");
  toml.replace(toml.find("[potline]"), 9,
               "[potline]\ncount = 2\npots_per_line = 300\nline_current = \"400 kA\"\ncurrent_efficiency = 95");
  auto c = build(toml, d);
  ASSERT_TRUE(c) << d.to_string();
  // 2 × 300 × 400 kA × 0.95 × M_Al/(3F) = 600 × 400e3 × 0.95 × 26.9815384e-3/(3 × 96485.33212) kg/s
  const double expected = 600 * 400e3 * 0.95 * 26.9815384e-3 / (3 * 96485.33212);
  EXPECT_NEAR(c->inputs.capacity_kg_per_s, expected, 1e-9);
}

TEST(plant_smelter, TechnologyGivesSecFromTheCellModel) {
  core::Diagnostics d;
  std::string toml = kMinimalCase;
  toml.replace(toml.find("sec_ac = \"13.5 kWh/kg\""), 22, "technology = \"AP60\"");
  auto c = build(toml, d);
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_NE(c->sec_origin.find("cell model"), std::string::npos);
  const double sec_kwh = c->inputs.potline_sec_ac_J_per_kg / 3.6e6;
  EXPECT_GT(sec_kwh, 11.0);
  EXPECT_LT(sec_kwh, 15.0);
}

struct BadInput {
  const char* find;
  const char* replace;
  const char* message;
};

class plant_bad_input : public ::testing::TestWithParam<BadInput> {};

TEST_P(plant_bad_input, IsAnErrorWithAClearMessage) {
  const BadInput& b = GetParam();
  std::string toml = kMinimalCase;
  const auto at = toml.find(b.find);
  ASSERT_NE(at, std::string::npos) << b.find;
  toml.replace(at, std::string(b.find).size(), b.replace);
  core::Diagnostics d;
  EXPECT_FALSE(build(toml, d));
  EXPECT_TRUE(d.has_errors());
  EXPECT_NE(d.to_string().find(b.message), std::string::npos) << d.to_string();
}

INSTANTIATE_TEST_SUITE_P(
    plant, plant_bad_input,
    ::testing::Values(
        BadInput{"lme = 2400", "lme = -5", "outside the allowed range [0, inf) USD/t"},
        BadInput{"capacity = \"300000 t/yr\"", "capacity = \"-3 t/yr\"", "outside the allowed range [1, "},
        // Inside the old range (0, 1e8]: made jobs_per_GW infinite, a run-time failure (bounds probe,
        // docs/reliability.md).
        BadInput{"capacity = \"300000 t/yr\"", "capacity = \"1e-300 t/yr\"",
                 "'plant.capacity': value '1e-300 t/yr' is outside the allowed range [1, 100000000] t/yr"},
        BadInput{"[plant]", "[plant]\ncapacity_factor = 1.5", "outside the allowed range [0, 1]"},
        BadInput{"power = \"40 USD/MWh\"", "power = \"-40 USD/MWh\"", "outside the allowed range"},
        BadInput{"[power]", "[emissions]\ntechnology_class = \"CWPBX\"\n[power]", "did you mean 'CWPB'?"},
        BadInput{"[power]", "[emissions]\ngwp = \"AR7\"\n[power]", "is not one of: AR4, AR5, AR6"},
        BadInput{"source = \"hydro\"", "source = \"grid\"", "power.emission_factor"},
        BadInput{"alumina = 400", "alumina = 400\nalumina_lme_share = 0.14", "not both"},
        BadInput{"[plant]", "[plant]\nauxilary_share = 0.05", "did you mean 'plant.auxiliary_share'?"},
        BadInput{"sec_ac = \"13.5 kWh/kg\"", "technology = \"AP61\"", "unknown technology 'AP61'"},
        BadInput{"[power]", "[emissions]\npfc_method = \"slope\"\n[power]", "the slope method needs emissions.aem"},
        BadInput{"[power]", "[consumption]\nalumina = 1.5\n[power]", "outside the allowed range [1.889, 3]"},
        BadInput{"[power]", "[fuel]\nbaking_fuel = \"coal\"\n[power]", "is not one of: natural_gas, fuel_oil"},
        BadInput{"[power]", "[fuel]\nbaking_energy = \"-2 GJ/t\"\n[power]", "outside the allowed range [0, 20] GJ/t"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return "case" + std::to_string(info.index); });
}  // namespace test_plant
