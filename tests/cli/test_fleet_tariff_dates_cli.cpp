// Dated [[tariff]] tables end to end (docs/model/fleet.md, "Dated tariffs"): the 2035 path steps US
// Section 232 by its dates; overlapping tables of one lane are an input error (exit 2) at their
// file:line:col.
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_fleet_tariff_dates_cli {

TEST(FleetTariffDatesCli, ThePathExampleStepsSection232) {
  const RunResult r =
      potline({"fleet", (source_dir() / "examples" / "world-path-2035.toml").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NE(j.at("title").get<std::string>().find("Section 232 by its dates"), std::string::npos);
  EXPECT_TRUE(j.at("warnings").empty()) << j.at("warnings").dump();
  ASSERT_EQ(j.at("notes").size(), 2u) << j.at("notes").dump();  // the published outcomes of 2024 and 2025 (T9-1)
  for (const auto& n : j.at("notes")) {  // notes since T17-12 (warnings before)
    EXPECT_NE(n.get<std::string>().find("published outcome"), std::string::npos) << n.dump();
  }
  const Json& path = j.at("path");
  ASSERT_EQ(path.size(), 12u);
  auto premium = [&](std::size_t k) {
    return path[k].at("price_by_region_usd_per_t").at("usa").get<double>() -
           path[k].at("world_price_usd_per_t").get<double>();
  };
  // The US price over the world (exporters') price: about 10 % of it in 2024, more in 2025 (36.6 %
  // of the year) and more again from 2026 (50 %).
  EXPECT_GT(premium(1), premium(0)) << path.dump();
  EXPECT_GT(premium(2), premium(1)) << path.dump();
  EXPECT_GT(premium(2), 0.3 * path[2].at("world_price_usd_per_t").get<double>()) << path.dump();
}

TEST(FleetTariffDatesCli, OverlappingTablesOfOneLaneAreAnInputError) {
  TempDir dir;
  const auto file = dir.path() / "overlap.toml";
  std::ofstream(file)
      << "[fleet]\nlme = \"2400 USD/t\"\nyear = 2025\n"
         "[[tariff]]\nimporter = \"usa\"\nrate = 0.25\nfrom = 2025-03-12\nuntil = 2025-06-04\n"
         "[[tariff]]\nimporter = \"usa\"\nrate = 0.5\nfrom = 2025-06-04\n"
         "[[tariff]]\nimporter = \"usa\"\nrate = 0.1\nuntil = \"2025-02-30\"\n";
  const RunResult r = potline({"fleet", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(
      r.err.find("overlap.toml:12:8: error: 'tariff[1].from': tariff[1] (from 2025-06-04 until (no "
                 "end)) overlaps "
                 "tariff[0] (from 2025-03-12 until 2025-06-04) from 2025-06-04 to 2025-06-04"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("overlap.toml:16:9: error: 'tariff[2].until': expected a date YYYY-MM-DD"),
            std::string::npos)
      << r.err;
}

}  // namespace test_fleet_tariff_dates_cli
}  // namespace potline_cli_test
