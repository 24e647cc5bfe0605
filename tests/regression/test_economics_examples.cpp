// Every economics example runs through the CLI (POTLINE_BIN) with exit 0, the documented JSON keys,
// finite numbers and internal consistency; bad input to each command exits 2 with a clear message.
#include <gtest/gtest.h>

#include <filesystem>

#include "../cli/cli_helpers.hpp"

using namespace potline_cli_test;

namespace {

std::vector<std::string> examples(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / "examples")) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".toml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(economics_examples, EverySmelterExampleRuns) {
  const auto files = examples("smelter-");
  ASSERT_GE(files.size(), 4u);
  for (const auto& f : files) {
    const RunResult r = potline({"smelter", f, "--json"});
    ASSERT_EQ(r.exit_code, 0) << f << "\n" << r.describe();
    const Json j = parse_json(r.out);
    expect_all_finite(j);
    for (const char* key : {"production_t_per_year", "sec_ac_kWh_per_kg", "power_cost_share",
                            "employees_per_kt_capacity", "jobs_per_GW"}) {
      finite_number(j, key);
    }
    const Json& cost = j.at("cost_usd_per_t");
    for (const char* key : {"c1", "business", "full"}) finite_number(cost, key);
    double sum = 0;
    for (const char* key : {"alumina", "carbon", "power", "bath", "labour", "other"}) {
      sum += finite_number(cost.at("breakdown"), key);
    }
    EXPECT_NEAR(sum, cost.at("c1").get<double>(), 1e-6 * sum) << f;
    const Json& em = j.at("emissions_t_co2e_per_t");
    for (const char* key : {"anode_co2", "baking_co2", "pfc", "scope1", "scope2", "total"}) finite_number(em, key);
    EXPECT_NEAR(em.at("scope1").get<double>() + em.at("scope2").get<double>(), em.at("total").get<double>(), 1e-9);
    const Json& cbam = j.at("cbam_usd_per_t");
    for (int y = 2026; y <= 2034; ++y) {
      const double v = finite_number(cbam, std::to_string(y));
      EXPECT_GE(v, 0.0);
    }
    // The free allocation falls every year, so the CBAM cost never falls.
    for (int y = 2027; y <= 2034; ++y) {
      EXPECT_GE(cbam.at(std::to_string(y)).get<double>() + 1e-9, cbam.at(std::to_string(y - 1)).get<double>()) << f;
    }
    // Text mode runs too.
    EXPECT_EQ(potline({"smelter", f}).exit_code, 0) << f;
  }
}

TEST(economics_examples, CaptiveCoalIsTheMostEmissionsIntensive) {
  auto total = [](const std::string& name) {
    const RunResult r = potline({"smelter", (source_dir() / "examples" / name).string(), "--json"});
    return parse_json(r.out).at("emissions_t_co2e_per_t").at("total").get<double>();
  };
  const double coal = total("smelter-cn-captive-coal.toml");
  const double gas = total("smelter-gcc-gas.toml");
  const double hydro = total("smelter-ca-hydro.toml");
  EXPECT_GT(coal, gas);
  EXPECT_GT(gas, hydro);
  EXPECT_LT(hydro, 2.5);  // economics.md: hydro ≈ 2 t CO2e/t (Level 1)
}

TEST(economics_examples, EveryInvestExampleRuns) {
  const auto files = examples("invest-");
  ASSERT_GE(files.size(), 2u);
  for (const auto& f : files) {
    const RunResult r = potline({"invest", f, "--json"});
    ASSERT_EQ(r.exit_code, 0) << f << "\n" << r.describe();
    const Json j = parse_json(r.out);
    expect_all_finite(j);
    finite_number(j, "npv_usd");
    finite_number(j, "lcoa_usd_per_t");
    for (const char* key : {"irr", "payback_years", "breakeven_power_usd_per_MWh"}) {
      ASSERT_TRUE(j.contains(key)) << key;
      EXPECT_TRUE(j.at(key).is_number() || j.at(key).is_null()) << key;
    }
    EXPECT_EQ(potline({"invest", f}).exit_code, 0) << f;
  }
}

TEST(economics_examples, EmissionsAndCbamCommands) {
  RunResult r = potline({"emissions", "--aem", "0.5", "--nac", "0.42", "--production-t", "1000", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  Json j = parse_json(r.out);
  // Hand: CF4 = 0.143 × 0.5 × 1000 t = 71.5 kg; anode CO2 = 0.42 × 0.976 × 44/12 × 1000 = 1503.04 t.
  EXPECT_NEAR(finite_number(j, "cf4_kg"), 71.5, 1e-9);
  EXPECT_NEAR(finite_number(j, "anode_co2_t"), 1503.04, 1e-6);
  finite_number(j, "c2f6_kg");
  finite_number(j, "pfc_t_co2e");
  finite_number(j, "total_t_co2e");
  ASSERT_TRUE(j.contains("method"));
  r = potline({"cbam", "--year", "2030", "--direct-t-co2e-per-t", "2.0", "--eua-price-eur", "80", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  j = parse_json(r.out);
  EXPECT_NEAR(finite_number(j, "certificates_per_t"), 1.267155, 1e-9);
  EXPECT_NEAR(finite_number(j, "cost_eur_per_t"), 101.3724, 1e-6);
  EXPECT_DOUBLE_EQ(j.at("factors").at("cbam_factor").get<double>(), 0.515);
}

TEST(economics_examples, BadInputExitsTwoWithAClearMessage) {
  const std::string us = (source_dir() / "examples" / "smelter-us-old-grid.toml").string();
  RunResult r = potline({"smelter", us, "--set", "prices.lme=-5"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("prices.lme"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the allowed range"), std::string::npos) << r.err;
  r = potline({"smelter", us, "--set", "plant.capacity_factor=1.2"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  r = potline({"emissions", "--technology-class", "XYZ"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not one of"), std::string::npos) << r.err;
  r = potline({"emissions", "--gwp", "AR7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("AR4, AR5, AR6"), std::string::npos) << r.err;
  r = potline({"cbam", "--year", "2035", "--direct-t-co2e-per-t", "2", "--eua-price-eur", "80"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("outside the CBAM schedule 2026"), std::string::npos) << r.err;
  r = potline({"cbam", "--default-country", "CHM", "--eua-price-eur", "80"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'CHN'"), std::string::npos) << r.err;
  r = potline({"cbam", "--direct-t-co2e-per-t", "2", "--eua-price-eur", "-1"});
  EXPECT_EQ(r.exit_code, 2);
  const std::string nb = (source_dir() / "examples" / "invest-new-build.toml").string();
  r = potline({"invest", nb, "--set", "investment.epc_fee_share=1.5"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("investment.epc_fee_share"), std::string::npos) << r.err;
}
