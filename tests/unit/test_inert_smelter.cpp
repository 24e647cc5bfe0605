// Inert anodes in potline smelter (docs/model/inert-anode.md, "In potline smelter"): no anode carbon,
// anode or baking CO2, baking fuel or PFC; the anode cost per t is an input; O2 per t is the
// stoichiometric 889.4 kg; carbon-anode inputs in an inert case are errors naming the key.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"
#include "../common/shipped_data.hpp"

namespace test_inert_smelter {

using namespace potline;
using namespace potline::plant;

namespace {

// A smelter with an input SEC and capacity: every figure below is a hand computation.
const char* kBase = R"([potline]
sec_ac = "13.4 kWh/kg"
[plant]
capacity = "400000 t/yr"
[prices]
year = 2024
lme = 2400
alumina = 400
alf3 = 1200
power = "40 USD/MWh"
[labour]
employees = 500
wage = "100000 USD/yr"
[costs]
other = 250
[fuel]
casthouse_energy = "1 GJ/t"
[power]
source = "grid"
emission_factor = 0.5
)";

std::optional<SmelterCase> build(const std::string& toml, core::Diagnostics& d) {
  return potline::testing::build_smelter_text(toml, d);
}

std::string inert(const std::string& extra = "") {
  return std::string(kBase) + "[anode]\ntype = \"inert\"\ncost = 120\nwear = 6.8\n" + extra;
}

bool has_error(const core::Diagnostics& d, const std::string& key, const std::string& text) {
  return std::any_of(d.items().begin(), d.items().end(), [&](const core::Diagnostic& x) {
    return x.severity == core::Severity::kError && x.key == key && x.message.find(text) != std::string::npos;
  });
}

}  // namespace

TEST(InertSmelter, HasNoAnodeCarbonCo2OrPfcAndCostsItsAnodesPerTonne) {
  core::Diagnostics d;
  const auto c = build(inert(), d);
  ASSERT_TRUE(c) << d.to_string();
  const SmelterResult r = evaluate(c->inputs);
  EXPECT_DOUBLE_EQ(r.emissions.anode_co2, 0.0);
  EXPECT_DOUBLE_EQ(r.emissions.baking_co2, 0.0);
  EXPECT_DOUBLE_EQ(r.emissions.pfc_co2e, 0.0);
  EXPECT_DOUBLE_EQ(r.emissions.baking_fuel_co2, 0.0);
  // Direct = casthouse fuel only: 1 GJ/t × 56.1 t/TJ (natural gas, data/emissions/fuels.toml).
  EXPECT_NEAR(r.emissions.direct, 1e6 * 56.1e3 / 1e12, 1e-9);
  EXPECT_NEAR(r.breakdown.carbon, 0.120, 1e-12);  // anode.cost 120 USD/t
  // ½ Al2O3 → Al + ¾ O2: 0.75 × 31.998 / 26.9815384 = 0.8894 t/t.
  EXPECT_NEAR(r.oxygen_kg_per_kg, 0.75 * 31.998 / 26.9815384, 1e-9);
  const io::Json j = smelter_result_json(*c, r, {});
  EXPECT_EQ(j.at("anode").at("type"), "inert");
  EXPECT_NEAR(j.at("anode").at("wear_kg_per_t").get<double>(), 6.8, 1e-9);
  EXPECT_NEAR(j.at("anode").at("inert_anode_cost_usd_per_t").get<double>(), 120.0, 1e-9);
  EXPECT_TRUE(j.at("ccs").is_null());
}

TEST(InertSmelter, SameSmelterWithCarbonAnodesHasAnodeCo2AndPfc) {
  core::Diagnostics d;
  EXPECT_FALSE(build(kBase, d));  // a carbon smelter without an anode price
  EXPECT_TRUE(has_error(d, "prices.anode", "required"));
  core::Diagnostics d2;
  std::string carbon = kBase;
  carbon.replace(carbon.find("alf3 = 1200"), 11, "alf3 = 1200\nanode = 600");
  const auto k = build(carbon, d2);
  ASSERT_TRUE(k) << d2.to_string();
  const SmelterResult r = evaluate(k->inputs);
  // IPCC eq. 4.21 at NAC 0.425, S 2 %, ash 0.4 %: 0.425 × 0.976 × 44/12 = 1.5209 t/t.
  EXPECT_NEAR(r.emissions.anode_co2, 0.425 * 0.976 * 44.0 / 12.0, 1e-9);
  EXPECT_GT(r.emissions.pfc_co2e, 0.0);
  EXPECT_DOUBLE_EQ(r.oxygen_kg_per_kg, 0.0);
  EXPECT_NEAR(r.breakdown.carbon, 0.425 * 0.6, 1e-12);
}

TEST(InertSmelter, CarbonAnodeInputsInAnInertCaseAreErrorsNamingTheKey) {
  core::Diagnostics d;
  const auto c = build(inert("[consumption]\nnet_carbon = 0.42\n") +
                           "\n[emissions]\npfc_method = \"slope\"\naem = 0.1\n",
                       d);
  EXPECT_FALSE(c);
  for (const char* key : {"consumption.net_carbon", "emissions.pfc_method", "emissions.aem"}) {
    EXPECT_TRUE(has_error(d, key, "is a carbon-anode input, but anode.type = \"inert\"")) << key << "\n" << d.to_string();
  }
  core::Diagnostics d2;
  std::string with_furnace = inert();
  with_furnace.replace(with_furnace.find("[fuel]"), 6, "[fuel]\nbaking_energy = \"2 GJ/t\"");
  with_furnace.replace(with_furnace.find("[plant]"), 7, "[plant]\nanode_plant = true");
  with_furnace.replace(with_furnace.find("alf3 = 1200"), 11, "alf3 = 1200\nanode = 600");
  EXPECT_FALSE(build(with_furnace, d2));
  for (const char* key : {"fuel.baking_energy", "plant.anode_plant", "prices.anode"}) {
    EXPECT_TRUE(has_error(d2, key, "no anode carbon, anode plant, baking furnace")) << key << "\n" << d2.to_string();
  }
}

TEST(InertSmelter, MissingAnodeCostAndACatalogueTechnologyAreErrors) {
  core::Diagnostics d;
  std::string toml = std::string(kBase) + "[anode]\ntype = \"inert\"\n";
  toml.replace(toml.find("[potline]"), 9, "[potline]\ntechnology = \"AP40\"");
  EXPECT_FALSE(build(toml, d));
  EXPECT_TRUE(has_error(d, "anode.cost", "required with anode.type = \"inert\"")) << d.to_string();
  EXPECT_TRUE(has_error(d, "potline.technology", "carbon-anode cells")) << d.to_string();
}

TEST(InertSmelter, InertOnlyInputsInACarbonCaseWarn) {
  core::Diagnostics d;
  std::string carbon = kBase;
  carbon.replace(carbon.find("alf3 = 1200"), 11, "alf3 = 1200\nanode = 600");
  const auto c = build(carbon + "[anode]\ncost = 120\n", d);
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_NE(d.to_string().find("is an inert-anode input and is ignored"), std::string::npos) << d.to_string();
  EXPECT_DOUBLE_EQ(evaluate(c->inputs).breakdown.carbon, 0.425 * 0.6);
}
}  // namespace test_inert_smelter
