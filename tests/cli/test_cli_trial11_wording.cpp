// User trial 11 (2026-12-06), T11-13, asserted as fixed end to end: --vary tables and unit echoes
// print without exponents or 12 digits; one SEC in both blocks of `cell --thermal`; no follow-on
// errors; the captured CO2 is an item of the emissions line; options, not case keys, in `emissions`
// errors; unused inputs are said.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial11_wording {
namespace {

// T11-13 (a): "npv_usd 1.5107e+08".
TEST(CliTrial11Wording, VaryTablePrintsMoneyWithoutExponent) {
  const auto r = potline({"invest", example("invest-new-build.toml"), "--vary", "prices.power=30:50:10 USD/MWh"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.out, "e+");
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(prices\.power  30 USD/MWh +-?[0-9]{9} )"))) << r.out;
}

// T11-13 (b): "(= 515.555555556 degC)".
TEST(CliTrial11Wording, UnitEchoHasSixSignificantDigits) {
  const auto r = potline({"cell", default_case(), "--set", "operation.bath_temperature=960 degF"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "value '960 degF' (= 515.556 degC) is outside the allowed range");
}

// T11-13 (c): "specific energy 14.63" above and "SEC 14.62" below for one state.
TEST(CliTrial11Wording, ThermalBlockPrintsTheMainBlocksSecForTheSameState) {
  const auto r = potline({"cell", "--technology", "P155", "--thermal"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  std::smatch main, thermal;
  ASSERT_TRUE(std::regex_search(r.out, main, std::regex(R"(specific energy ([0-9.]+) kWh/kg DC)"))) << r.out;
  ASSERT_TRUE(std::regex_search(r.out, thermal, std::regex(R"(SEC ([0-9.]+) kWh/kg \(DC\))"))) << r.out;
  EXPECT_EQ(main[1], thermal[1]) << r.out;
}

// T11-13 (e): follow-on errors of an unknown technology and an unreadable case.base.
TEST(CliTrial11Wording, NoFollowOnErrors) {
  TempDir dir;
  std::string text = read_file(example("smelter-ca-hydro.toml"));
  text = std::regex_replace(text, std::regex(R"(\nsec_ac = [^\n]*)"), "\ntechnology = \"AP41\"");
  const auto s = potline({"smelter", dir.write("badsm.toml", text)});
  EXPECT_EQ(s.exit_code, 2) << s.describe();
  expect_in(s.err, "'potline.technology': unknown technology 'AP41'");
  expect_not_in(s.err, "'potline.sec_ac'");

  const auto f = potline({"fleet", dir.write("fleet.toml", "[case]\nbase = \"no-such-base.toml\"\ntitle = \"x\"\n")});
  EXPECT_EQ(f.exit_code, 2) << f.describe();
  expect_in(f.err, "'case.base': cannot read the base fleet case");
  expect_not_in(f.err, "'fleet.lme'");
}

// T11-13 (g): the items of the emissions line add up to scope 1 + scope 2 with carbon capture.
TEST(CliTrial11Wording, CapturedCo2IsAnItemOfTheEmissionsLine) {
  const auto r = potline({"smelter", example("smelter-ccs-hydro.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(emissions t CO2e/t +(.*)\n +scope1 ([0-9.]+) +scope2 ([0-9.]+))")))
      << r.out;
  expect_in(m[1].str(), "captured −");
  double sum = 0;
  const std::string items = std::regex_replace(m[1].str(), std::regex("−"), "-");
  const std::regex number(R"(-?[0-9]+\.[0-9]+)");
  for (std::sregex_iterator it(items.begin(), items.end(), number), end; it != end; ++it)
    sum += std::stod(it->str());
  EXPECT_NEAR(sum, std::stod(m[2]) + std::stod(m[3]), 0.004) << m[0];  // 7 items rounded to 0.001
}

// T11-13 (h): "'emissions.pfc_method'" and "'emissions.technology_class'", keys `emissions` has not.
TEST(CliTrial11Wording, EmissionsErrorsNameTheOptions) {
  const auto tier1 = potline({"emissions", "--coefficients", "IPCC2019", "--technology-class", "PFPB_modern",
                              "--pfc-method", "tier1", "--production-t", "1000"});
  EXPECT_EQ(tier1.exit_code, 2) << tier1.describe();
  expect_in(tier1.err, "'--pfc-method': the IPCC2019 set has no Tier 1 PFC factors for PFPB_modern; use the slope method "
                       "(give --aem, or --ae-frequency with --ae-duration-min) or --coefficients IPCC2006");
  const auto cls = potline({"emissions", "--technology-class", "CWPB", "--coefficients", "IPCC2019", "--aem", "0.1",
                            "--production-t", "1000"});
  EXPECT_EQ(cls.exit_code, 2) << cls.describe();
  expect_in(cls.err, "'--technology-class': technology class 'CWPB' has no PFC coefficients in the IPCC2019 set");
  expect_not_in(tier1.err + cls.err, "'emissions.");
}

// T11-13 (i): inputs taken and not used were accepted without a word.
TEST(CliTrial11Wording, UnusedInputsAreSaid) {
  const auto cbam = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "cbam.default_country=CHN"});
  ASSERT_EQ(cbam.exit_code, 0) << cbam.describe();
  expect_in(cbam.err, "'cbam.default_country': 'CHN' is not used because cbam.route = \"actual\" prices the "
                                 "plant's own emissions");
  const auto aeo = potline({"smelter", example("smelter-gcc-gas.toml"), "--set", "emissions.aeo=50 mV"});
  ASSERT_EQ(aeo.exit_code, 0) << aeo.describe();
  expect_in(aeo.err, "--set #1: warning: 'emissions.aeo': not used because the PFC method is the slope method");
  std::smatch basis;
  ASSERT_TRUE(std::regex_search(aeo.out, basis, std::regex(R"(PFC basis +([^\n]*))"))) << aeo.out;
  expect_not_in(basis[1].str(), "emissions.aeo");
}

}  // namespace
}  // namespace test_cli_trial11_wording
}  // namespace potline_cli_test
