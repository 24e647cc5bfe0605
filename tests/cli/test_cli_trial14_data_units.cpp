// User trial 14, T14-12 item 4: a value of a fleet data file in a unit of another dimension is said in
// the value's own unit (the column's kt/yr, the region table's USD/t) with an example, not in the
// internal SI units ("'USD' (USD) cannot be converted to 'USD/kg' (kg^-1 USD)", "'kt' (kg) ... 'kg/s'
// (kg s^-1)"); a region table's key names its region, and a negative premium gives the allowed range.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial14_data_units {
namespace {

// data/fleet-regions.toml with the usa region's premium line replaced by `premium`.
std::string regions_with_usa_premium(const std::string& premium) {
  std::string text = read_file(source_dir() / "data" / "fleet-regions.toml");
  const auto usa = text.find("id = \"usa\"");
  const auto line = text.find("premium = \"430 USD/t\"", usa);
  if (usa == std::string::npos || line == std::string::npos) throw std::runtime_error("no usa premium line");
  return text.replace(line, std::string("premium = \"430 USD/t\"").size(), premium);
}

TEST(CliTrial14DataUnits, RegionPremiumOfAnotherDimensionIsSaidInUsdPerTonne) {
  const TempDir dir;
  for (const auto& [premium, said] : std::vector<std::pair<std::string, std::string>>{
           {"premium = \"430 USD\"",
            "error: 'region[usa].premium': '430 USD': unit 'USD' (money (USD)) cannot be converted to USD/t (USD per "
            "mass), this field's unit: write e.g. \"430 USD/t\""},
           {"premium = -430", "error: 'region[usa].premium': '-430' must not be negative: allowed 0 or more USD/t"}}) {
    SCOPED_TRACE(premium);
    const std::string regions = dir.write("fr.toml", regions_with_usa_premium(premium));
    const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.regions=" + regions});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    expect_in(r.err, regions + ":");
    expect_in(r.err, said);
    expect_not_in(r.err, "USD/kg");
  }
}

TEST(CliTrial14DataUnits, SmelterCapacityOfAnotherDimensionIsSaidInTheColumnsUnit) {
  const TempDir dir;
  std::string text = read_file(source_dir() / "data" / "smelters.csv");
  // The first data row's capacity (the field before its status) written with a mass unit.
  const std::regex capacity(",([0-9.]+),(operating|curtailed|closed|unknown),");
  text = std::regex_replace(text, capacity, ",675 kt,$2,", std::regex_constants::format_first_only);
  const std::string csv = dir.write("s.csv", text);
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.smelters=" + csv});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "error: 'capacity_kt_per_year': '675 kt': unit 'kt' (a mass) cannot be converted to kt/yr (a mass "
                   "per time), this field's unit: write e.g. \"675 kt/yr\"; allowed > 0 kt/yr");
  expect_not_in(r.err, "kg/s");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial14_data_units
