// `potline smelter` with [eu_ets] (T7-31): the EU ETS on a smelter in it, in C1. Hand-checked:
// the free allocation of 2030 is the benchmark 1.423 t/t (data/cbam.toml) x the CBAM factor 0.515 x
// the cross-sectoral correction 1.0 = 0.732845 t/t; at 100 EUR/t and 1.1 USD/EUR the cost is
// (direct - 0.732845) x 110 USD/t. Input errors name the missing key.
#include <gtest/gtest.h>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_eu_ets_smelter_cli {

TEST(eu_ets_smelter_cli, TheEuEtsIsInC1AtTheHandCheckedFreeAllocation) {
  RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json without = parse_json(r.out);
  EXPECT_TRUE(without.at("eu_ets").is_null());
  r = potline({"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
               "eu_ets.year=2030", "--set", "eu_ets.eua_price=100", "--set",
               "eu_ets.usd_per_eur=1.1"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json with = parse_json(r.out);
  const Json& ets = with.at("eu_ets");
  EXPECT_NEAR(ets.at("free_allocation_t_per_t").get<double>(), 1.423 * 0.515, 1e-12);
  EXPECT_NEAR(ets.at("eua_usd_per_t_co2e").get<double>(), 110.0, 1e-9);
  const double direct = ets.at("direct_t_co2e_per_t").get<double>();
  EXPECT_NEAR(direct, 2.105, 5e-4);  // the case's scope 1 (grid power: no on-site electricity)
  const double cost = (direct - 0.732845) * 110.0;
  EXPECT_NEAR(ets.at("cost_usd_per_t").get<double>(), cost, 1e-9);
  EXPECT_NEAR(with.at("cost_usd_per_t").at("breakdown").at("eu_ets").get<double>(), cost, 1e-9);
  EXPECT_NEAR(with.at("cost_usd_per_t").at("c1").get<double>(),
              without.at("cost_usd_per_t").at("c1").get<double>() + cost, 1e-9);
  r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "eu_ets.year=2030", "--set",
               "eu_ets.eua_price=100", "--set", "eu_ets.usd_per_eur=1.1"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("EU ETS 2030           EUA 110.0 USD/t CO2e x (direct 2.105 - free "
                       "allocation 0.733 t/t)"),
            std::string::npos)
      << r.out;
}

// After 2034 the free allocation is 0: the whole direct emissions pay.
TEST(eu_ets_smelter_cli, From2034NoFreeAllocationIsLeft) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
                               "eu_ets.year=2040", "--set", "eu_ets.eua_price=100", "--set",
                               "eu_ets.usd_per_eur=1.0"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& ets = j.at("eu_ets");
  EXPECT_EQ(ets.at("free_allocation_t_per_t").get<double>(), 0.0);
  EXPECT_NEAR(ets.at("cost_usd_per_t").get<double>(),
              ets.at("direct_t_co2e_per_t").get<double>() * 100.0, 1e-9);
}

TEST(eu_ets_smelter_cli, MissingPriceIsAnInputErrorAndAPriceWithoutYearIsIgnored) {
  RunResult r =
      potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "eu_ets.year=2030"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("eu_ets.eua_price"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("required with eu_ets.year: the EU allowance price (EUR/t CO2e)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("required with eu_ets.year: the exchange rate (USD/EUR)"), std::string::npos)
      << r.err;
  r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "eu_ets.year=2020"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("eu_ets.year"), std::string::npos) << r.err;
  r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "eu_ets.eua_price=100"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("--set #1: warning: 'eu_ets.eua_price': is ignored: eu_ets.year is not given (no EU ETS cost)"),
            std::string::npos)
      << r.err;  // on stderr, located, since T12-5
}

// T7-32: the text names the emissions standard, as summary.json's emissions_method.standard does.
TEST(eu_ets_smelter_cli, TheTextNamesTheEmissionsStandard) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("emissions method      CO2 tier2, PFC slope (IPCC2006 coefficients, class "
                       "CWPB), GWP AR5"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("scopes per GHG Protocol / IAI (Level 1 = smelter scope 1+2)"),
            std::string::npos)
      << r.out;
}

// T7-26, T17-14, T19-2: a technology run at a smelter's own line current is run there at the ACD
// the pot control settles at; outside the safe window too (the published point's SEC until user
// trial T19-2 put a step into a current study), with what lies outside said in the SEC source and a
// warning.
TEST(eu_ets_smelter_cli, ADeratedCellOutsideTheThermalWindowRunsThereAndSaysWhatLiesOutside) {
  // The Soral cell (calibrated at ACD 7.02 cm) at 114 of 126.5 kA: the ACD that would hold its design
  // temperature lies above the resistance control's 8 cm limit, so it runs at 8 cm with a colder bath,
  // outside the window (superheat 4.6 K, ledge 16.7 cm, measured 2026-12-07).
  const std::vector<std::string> base = {"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
                                         "potline.technology=ALUSUISSE-SORAL"};
  RunResult r = potline(base);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const double published = parse_json(r.out).at("sec_ac_kWh_per_kg").get<double>();
  std::vector<std::string> derated = base;
  derated.insert(derated.end(), {"--set", "potline.line_current=114 kA"});
  r = potline(derated);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NE(j.at("sec_ac_kWh_per_kg").get<double>(), published);
  const std::string source = j.at("sec_source").get<std::string>();
  expect_in(source, "run at the smelter's line current 114 kA and the ACD on the resistance control's limit, 8.00 cm");
  expect_in(source, "outside the safe window: superheat 4.6 K < 5 K, ledge 16.7 cm > 10 cm (the calibrated cell "
                    "holds the safe window down to 118 kA)");
  expect_in(j.at("warnings").dump(), "outside the safe window: superheat 4.6 K < 5 K");
}

// HAL275 at 275 of 300 kA (Sunndal's line): it ran at the published point before T17-14 (ledge 21.6 cm
// at the catalogue ACD); at the ACD the pot control holds its temperature at, it runs at its own
// current, and more energy per tonne than the published point.
TEST(eu_ets_smelter_cli, ADeratedCellRunsAtTheAcdThatHoldsItsTemperature) {
  const std::vector<std::string> base = {"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
                                         "potline.technology=HAL275"};
  RunResult r = potline(base);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const double published = parse_json(r.out).at("sec_ac_kWh_per_kg").get<double>();
  std::vector<std::string> derated = base;
  derated.insert(derated.end(), {"--set", "potline.line_current=275 kA"});
  r = potline(derated);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_GT(j.at("sec_ac_kWh_per_kg").get<double>(), published);
  EXPECT_NE(j.at("sec_source").get<std::string>().find("run at the smelter's line current 275 kA and the ACD"),
            std::string::npos)
      << j.at("sec_source");
}

}  // namespace potline_cli_test::test_eu_ets_smelter_cli

namespace potline_cli_test::test_eu_ets_smelter_cli {

// User trial T10-13: with [eu_ets] and [cbam] the text charged the ETS in C1 and printed a CBAM
// schedule beside it with nothing saying the plant owes none; the schedule is now labelled.
TEST(eu_ets_smelter_cli, CbamScheduleOfAPlantInTheEtsSaysItIsNotDue) {
  const std::vector<std::string> cbam = {"--set", "cbam.eua_price=80", "--set", "cbam.usd_per_eur=1.08"};
  std::vector<std::string> args = {"smelter", example("smelter-us-old-grid.toml")};
  args.insert(args.end(), cbam.begin(), cbam.end());
  RunResult r = potline(args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out.find("not due on this plant's metal"), std::string::npos) << r.out;
  for (const char* s : {"eu_ets.year=2030", "eu_ets.eua_price=80", "eu_ets.usd_per_eur=1.08"}) {
    args.push_back("--set");
    args.push_back(s);
  }
  r = potline(args);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  CBAM                  not due on this plant's metal (it is in the EU ETS, "
                       "[eu_ets]); as if imported:\n  CBAM USD/t            2026: "),
            std::string::npos)
      << r.out;
}

}  // namespace potline_cli_test::test_eu_ets_smelter_cli
