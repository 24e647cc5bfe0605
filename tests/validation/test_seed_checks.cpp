// The seed paper's quantitative claims, recomputed ([Wang et al. 2025]: Wang, Alimento, Jiang, 'A
// crossroads for aluminum and electrified heavy industry', The Breakthrough Institute).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/finance/invest_case.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "../common/shipped_data.hpp"

namespace test_seed_checks {

using namespace potline;

namespace {

const plant::SmelterData& data() { return potline::testing::shipped_smelter_data(); }

plant::SmelterResult run(const std::string& toml) {
  core::Diagnostics d;
  io::ValueSet user;
  io::read_case_text(toml, "seed.toml", plant::smelter_schema(), user, d);
  auto c = plant::build_smelter_case(user, data(), d);
  EXPECT_TRUE(c) << d.to_string();
  return c ? plant::evaluate(c->inputs) : plant::SmelterResult{};
}

// A smelter whose only varying input is the SEC. Non-power cash cost is set so that power is exactly
// 40 % of C1 at 15,000 kWh/t and 40 USD/MWh: power 600 USD/t, so C1 = 1500 and the rest is 900 USD/t
// (alumina 1.925 × 400 = 770, carbon 0.425 × 200 = 85, bath 0.0175 × 800 = 14, labour 0, other 31).
std::string seed_case(const std::string& sec) {
  return "[potline]\nsec_ac = \"" + sec + "\"\n[plant]\ncapacity = \"200000 t/yr\"\n"
         "[prices]\nyear = 2024\nlme = 2400\nalumina = 400\nanode = 200\nalf3 = 800\npower = \"40 USD/MWh\"\n"
         "[labour]\nemployees = 0\nwage = 0\n[costs]\nother = 31\n[power]\nsource = \"hydro\"\n";
}

}  // namespace

TEST(seed_checks, Ap60RetrofitCutsElectricityBy14Point3Percent) {
  // Seed §5: '15,000 to as low as 12,850 kWh per ton, an improvement of 14.3 %'.
  const auto old_cells = run(seed_case("15.0 kWh/kg"));
  const auto ap60 = run(seed_case("12.85 kWh/kg"));
  const double cut = 1.0 - ap60.sec_ac_J_per_kg / old_cells.sec_ac_J_per_kg;
  EXPECT_NEAR(cut, 0.1433, 0.0005);  // the seed rounds to 0.1 %: 14.333 %
}

TEST(seed_checks, RetrofitSavesAbout5Point75PercentOfCostWhenPowerIs40Percent) {
  // Seed §5: 'with electricity typically 30–40 % of production cost, total savings on the order of 5.75 %'.
  const auto old_cells = run(seed_case("15.0 kWh/kg"));
  const auto ap60 = run(seed_case("12.85 kWh/kg"));
  ASSERT_NEAR(old_cells.power_share_of_c1, 0.40, 1e-12);  // the case realises the seed's 40 %
  const double saving = 1.0 - ap60.c1_usd_per_kg / old_cells.c1_usd_per_kg;
  // 0.40 × 14.333 % = 5.733 %; the seed's 5.75 % is that product with rounded factors: tolerance 0.05 points.
  EXPECT_NEAR(saving, 0.0575, 0.0005);
  EXPECT_NEAR(saving, 0.40 * (1.0 - 12.85 / 15.0), 1e-12);
}

TEST(seed_checks, PowerCostAt13Point5MWhAnd40UsdIs540UsdPerTonne) {
  const auto r = run(seed_case("13.5 kWh/kg"));
  EXPECT_NEAR(r.breakdown.power * 1000.0, 540.0, 1e-9);
}

TEST(seed_checks, Table1LabourIntensitiesRecomputed) {
  // Recompute employees / capacity for each Table 1 row and compare with the seed's printed value,
  // within half a unit of its last printed digit (the seed's own rounding).
  std::ifstream in(cell::default_data_dir() + "/smelters-seed.csv");
  ASSERT_TRUE(in);
  std::string line;
  int rows = 0;
  auto half_unit = [](const std::string& printed) {
    const auto dot = printed.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
    return 0.5 * std::pow(10.0, -decimals);
  };
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    ASSERT_GE(f.size(), 10u) << line;
    if (f[4].empty()) continue;  // Figure 1 only
    const double cap_low = std::stod(f[4]), cap_high = std::stod(f[5]);
    const double emp_low = std::stod(f[6]), emp_high = std::stod(f[7]);
    const double low = emp_low / cap_low, high = emp_high / cap_high;
    EXPECT_NEAR(low, std::stod(f[8]), half_unit(f[8]) + 1e-12) << f[0];
    EXPECT_NEAR(high, std::stod(f[9]), half_unit(f[9]) + 1e-12) << f[0];
    // Same through the smelter model's labour output: employees per kt = 1000 × employees/t.
    EXPECT_NEAR(plant::employees_per_kt(emp_low, cap_low * 1000.0 / plant::kSecondsPerYear), 1000.0 * low, 1e-9);
    ++rows;
  }
  EXPECT_EQ(rows, 13);
}

TEST(seed_checks, ReferenceNewBuildBreakEvenPowerPrice) {
  // Seed: new projects need 20-year contracts at or below 40 USD/MWh. Under the stated assumptions of
  // examples/invest-new-build.toml the model's break-even (NPV = 0) is computed by bisection; this
  // test checks the root (|NPV| at the break-even is negligible against the capex, NPV falls with the
  // power price) and prints it for comparison with the seed's 40 USD/MWh — it is not forced to match.
  core::Diagnostics d;
  const auto c = finance::load_invest_case(std::string(POTLINE_SOURCE_DIR) + "/examples/invest-new-build.toml", {},
                                           data(), d);
  const auto r = finance::evaluate_investment(c.inputs);
  ASSERT_TRUE(r.breakeven_power_usd_per_J);
  const double p = *r.breakeven_power_usd_per_J;
  const double npv_at = finance::npv(finance::project_cash_flows(c.inputs, p), c.inputs.wacc);
  // A 0.01 USD/MWh bracket moves NPV by at most 0.01/3.6e9 × annual kWh... well under 1e-4 of capex.
  EXPECT_LT(std::abs(npv_at), 1e-4 * c.inputs.capex_usd);
  const double npv_low = finance::npv(finance::project_cash_flows(c.inputs, 20.0 / 3.6e9), c.inputs.wacc);
  const double npv_high = finance::npv(finance::project_cash_flows(c.inputs, 80.0 / 3.6e9), c.inputs.wacc);
  EXPECT_GT(npv_low, npv_high);
  std::cout << "[seed check] reference new build break-even power price: " << p * 3.6e9
            << " USD/MWh (seed threshold for new projects: <= 40 USD/MWh on 20-year contracts)\n";
}
}  // namespace test_seed_checks
