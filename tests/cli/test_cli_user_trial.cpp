// What a user trial of 2026-12-04 found and fixed, end to end through the `potline` executable:
// each test asserts the corrected message or output (docs/cli.md, Changes).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial {
namespace {

std::string example(const std::string& name) { return (source_dir() / "examples" / name).string(); }

void expect_in(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "lacks \"" << part << "\":\n" << text;
}

// A unit of the wrong dimension is said in words with the field's own unit and an example, not
// with the SI dimensions of the internal unit (before: "unit 't' (kg) cannot be converted to
// 'kg/s' (kg s^-1); this field takes a number in t/yr").
TEST(CliUserTrial, WrongDimensionUnitIsSaidInWordsWithTheFieldsUnit) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "plant.capacity=230000 t",
                               "--set", "prices.power=55 EUR/MWh", "--set", "plant.capacity_factor=0.75 kg"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_TRUE(r.out.empty());
  expect_in(r.err, "--set #1: error: 'plant.capacity': unit 't' (a mass) cannot be converted to t/yr (a mass per "
                   "time), this field's unit: write e.g. \"230000 t/yr\"");
  expect_in(r.err, "'prices.power': unit 'EUR/MWh' (EUR per energy) cannot be converted to USD/MWh (USD per "
                   "energy), this field's unit: write e.g. \"55 USD/MWh\" (amounts are not converted between "
                   "currencies)");
  expect_in(r.err, "'plant.capacity_factor': unit 'kg' (a mass) cannot be converted to this field, a plain number "
                   "without a unit: write e.g. 0.75");
  EXPECT_EQ(r.err.find("kg s^-1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("USD/J"), std::string::npos) << r.err;
}

TEST(CliUserTrial, WrongDimensionOnACommandLineOption) {
  const RunResult r = potline({"bath", "--alumina", "3 kg"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--alumina: error: '--alumina': unit 'kg' (a mass) cannot be converted to wt% (a fraction), this "
                   "field's unit: write e.g. \"3 wt%\"");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial
