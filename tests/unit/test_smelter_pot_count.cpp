// The pot count of a smelter case against its capacity (user trial T14-14): plant.capacity and
// potline.count × pots_per_line checked against the cell model's pot output, the pot count derived
// from the capacity when only the relining needs it, and the relining cost per tonne following the
// pot count.
#include <gtest/gtest.h>

#include "../common/shipped_data.hpp"
#include "potline/core/constants.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace test_smelter_pot_count {

using namespace potline;
using namespace potline::plant;

namespace {

// The inputs of examples/smelter-gcc-gas.toml that matter here, with the trial's relining.
std::string gcc_case(const std::string& potline_extra,
                     const std::string& capacity = "1000000 t/yr") {
  return "[potline]\ntechnology = \"DX+\"\n" + potline_extra + "[plant]\ncapacity = \"" + capacity +
         "\"\n[cathode]\npot_life = \"2500 d\"\nrelining_cost = \"200000 USD\"\n"
         "[prices]\nyear = 2024\nlme = 2400\nalumina_lme_share = 0.21\nanode = 550\nalf3 = 1100\n"
         "power = \"30 USD/MWh\"\n[labour]\nemployees = 2500\nwage = \"45000 "
         "USD/yr\"\n[costs]\nother = 220\n"
         "[power]\nsource = \"captive_gas\"\n";
}

std::optional<SmelterCase> build(const std::string& toml, core::Diagnostics& d) {
  io::ValueSet user;
  io::read_case_text(toml, "case.toml", smelter_schema(), user, d);
  if (d.has_errors()) return std::nullopt;
  return build_smelter_case(user, potline::testing::shipped_smelter_data(), d);
}

double relining_usd_per_t(const SmelterCase& c) {
  return c.inputs.relining_usd_per_kg * 1e3;
}

}  // namespace

TEST(smelter_pot_count, CapacityItsPotsDoNotMakeIsAnInputError) {
  core::Diagnostics d;
  EXPECT_FALSE(build(gcc_case("pots_per_line = 300\n"), d));
  const std::string text = d.to_string();
  // 300 DX+ pots at the cell model's 3,370 kg/day make ~369 kt/yr; 1 Mt/yr needs ~812 (365.25-d
  // year).
  EXPECT_NE(text.find("case.toml:3:17: error: 'plant.capacity': plant.capacity = 1000000 t/yr and "
                      "potline.count × "
                      "potline.pots_per_line = 1 × 300 = 300 pots disagree: 300 pots make 36"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("% below the capacity, beyond the ±20 %"), std::string::npos) << text;
  EXPECT_NE(text.find("the capacity implies 812 pots"), std::string::npos) << text;
  EXPECT_NE(text.find("technology DX+"), std::string::npos) << text;
}

TEST(smelter_pot_count, PotsWithinTheToleranceOfTheCapacityRun) {
  core::Diagnostics d;  // 3 × 300 = 900 pots make ~1,107 kt/yr: 11 % above 1 Mt/yr
  const auto c = build(gcc_case("count = 3\npots_per_line = 300\n"), d);
  ASSERT_TRUE(c) << d.to_string();
  EXPECT_EQ(d.to_string().find("disagree"), std::string::npos) << d.to_string();
  // 900 pots / 2500 d × 200,000 USD / 1 Mt/yr (365.25 d) = 26.3 USD/t
  EXPECT_NEAR(relining_usd_per_t(*c), 900 / 2500.0 * 200000 * 365.25 / 1e6, 1e-6);
}

TEST(smelter_pot_count, PotCountDerivedFromTheCapacityWhenOnlyTheReliningNeedsIt) {
  core::Diagnostics d;
  const auto c = build(gcc_case(""), d);
  ASSERT_TRUE(c) << d.to_string();
  bool said = false;
  for (const auto& n : c->notes)
    said = said || n.find(
                       "cathode relining spread over 812 pots derived from "
                       "plant.capacity 1000000 t/yr at 1231 t/yr per pot") == 0;
  EXPECT_TRUE(said) << ::testing::PrintToString(c->notes);
  EXPECT_NEAR(relining_usd_per_t(*c), 812 / 2500.0 * 200000 * 365.25 / 1e6, 1e-6);  // 23.7 USD/t
}

// The relining cost per tonne is proportional to the pot count at a fixed capacity (the formula
// count × pots / pot life × cost / production, recomputed: it proves the pot count reaches it). No
// technology, line current or current efficiency: no pot output to check the capacity against.
TEST(smelter_pot_count, ReliningPerTonneFollowsThePotCountFormulaRecomputed) {
  double usd_per_t[2] = {0, 0};
  int i = 0;
  for (const char* count : {"1", "3"}) {
    core::Diagnostics d;
    std::string toml =
        gcc_case(std::string("count = ") + count + "\npots_per_line = 300\nsec_ac = 13.5\n");
    toml.replace(toml.find("technology = \"DX+\"\n"), 19, "");
    const auto c = build(toml, d);
    ASSERT_TRUE(c) << d.to_string();
    usd_per_t[i++] = relining_usd_per_t(*c);
  }
  EXPECT_NEAR(usd_per_t[0], 300 / 2500.0 * 200000 * 365.25 / 1e6, 1e-6);  // 8.77 USD/t
  EXPECT_NEAR(usd_per_t[1], 3 * usd_per_t[0], 1e-9);                      // 26.3 USD/t
}

TEST(smelter_pot_count, NoPotCountAndNoPotOutputIsAnErrorAtTheCaseFile) {
  core::Diagnostics d;
  std::string toml = gcc_case("sec_ac = 13.5\n");
  toml.replace(toml.find("technology = \"DX+\"\n"), 19, "");
  EXPECT_FALSE(build(toml, d));
  EXPECT_NE(
      d.to_string().find(
          "case.toml:2:10: error: 'potline.pots_per_line': required to spread the relining cost"),
      std::string::npos)
      << d.to_string();
}

}  // namespace test_smelter_pot_count
