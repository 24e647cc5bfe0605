// `potline bath ... --json`: every contract key present, finite and plausible; units in option values.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_bath {
namespace {

const std::vector<std::string> kBathKeys = {"liquidus_C",       "superheat_K",
                                            "alumina_saturation_wt", "alumina_activity",
                                            "conductivity_S_per_cm", "density_kg_per_m3",
                                            "bath_ratio"};

Json bath_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"bath", "--alumina", "3", "--alf3", "11", "--caf2", "5", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_FALSE(has_nonfinite_word(r.out)) << r.out;
  return parse_json(r.out);
}

TEST(CliBath, JsonHasEveryContractKeyFinite) {
  const Json j = bath_json({"--temperature", "960"});
  ASSERT_TRUE(j.is_object());
  for (const auto& key : kBathKeys) finite_number(j, key);
  ASSERT_TRUE(j.contains("warnings"));
  EXPECT_TRUE(j["warnings"].is_array());
  expect_all_finite(j);
}

TEST(CliBath, ValuesArePlausibleForAnIndustrialBath) {
  const Json j = bath_json({"--temperature", "960"});
  // Industrial baths (11 wt% AlF3, 5 wt% CaF2, 3 wt% Al2O3) freeze around 945–965 degC
  // (Solheim et al. 1996); Hives et al. 1996 give about 2.0–2.2 S/cm; density about 2.05 g/cm3.
  const double liquidus = finite_number(j, "liquidus_C");
  EXPECT_GT(liquidus, 930.0);
  EXPECT_LT(liquidus, 980.0);
  EXPECT_NEAR(finite_number(j, "superheat_K"), 960.0 - liquidus, 1e-6);
  const double kappa = finite_number(j, "conductivity_S_per_cm");
  EXPECT_GT(kappa, 1.8);
  EXPECT_LT(kappa, 2.6);
  const double sat = finite_number(j, "alumina_saturation_wt");
  EXPECT_GT(sat, 6.0);
  EXPECT_LT(sat, 10.0);
  const double activity = finite_number(j, "alumina_activity");
  EXPECT_GT(activity, 0.0);
  EXPECT_LT(activity, 1.0);  // 3 wt% is well below saturation
  const double density = finite_number(j, "density_kg_per_m3");
  EXPECT_GT(density, 1950.0);
  EXPECT_LT(density, 2200.0);
  const double ratio = finite_number(j, "bath_ratio");  // NaF/AlF3 by mass
  EXPECT_GT(ratio, 0.9);
  EXPECT_LT(ratio, 1.5);
}

TEST(CliBath, TemperatureInKelvinEqualsTheSameInDegreesCelsius) {
  const Json celsius = bath_json({"--temperature", "960"});
  const Json kelvin = bath_json({"--temperature", "1233.15 K"});
  for (const auto& key : kBathKeys) {
    EXPECT_NEAR(finite_number(kelvin, key), finite_number(celsius, key),
                1e-9 * std::max(1.0, std::abs(finite_number(celsius, key))))
        << key;
  }
}

TEST(CliBath, CompositionWithUnitsEqualsPlainNumbers) {
  const RunResult r = potline({"bath", "--alumina", "3 wt%", "--alf3", "11%", "--caf2", "5", "--temperature",
                               "960 degC", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json with_units = parse_json(r.out);
  const Json plain = bath_json({"--temperature", "960"});
  for (const auto& key : kBathKeys) {
    EXPECT_NEAR(finite_number(with_units, key), finite_number(plain, key), 1e-9) << key;
  }
}

TEST(CliBath, MoreAluminaRaisesActivityAndLowersLiquidus) {
  const Json low = bath_json({"--temperature", "960"});
  const RunResult r = potline({"bath", "--alumina", "5", "--alf3", "11", "--caf2", "5", "--temperature", "960", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json high = parse_json(r.out);
  EXPECT_GT(finite_number(high, "alumina_activity"), finite_number(low, "alumina_activity"));
  EXPECT_LT(finite_number(high, "liquidus_C"), finite_number(low, "liquidus_C"));
  EXPECT_LT(finite_number(high, "conductivity_S_per_cm"), finite_number(low, "conductivity_S_per_cm"));
}

TEST(CliBath, TextOutputNamesTheProperties) {
  const RunResult r = potline({"bath", "--alumina", "3", "--alf3", "11", "--caf2", "5", "--temperature", "960"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* word : {"liquidus", "superheat", "conductivity", "density", "bath ratio"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word << "\n" << r.out;
  }
  EXPECT_FALSE(has_nonfinite_word(r.out)) << r.out;
}

TEST(CliBath, BelowLiquidusIsAnExplicitWarning) {
  // The bath command describes a bath, frozen or not: it warns (the cell command refuses).
  const RunResult r = potline({"bath", "--alumina", "3", "--alf3", "11", "--caf2", "5", "--temperature", "900", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_LT(finite_number(j, "superheat_K"), 0.0);
  bool warned = false;
  for (const auto& w : j["warnings"]) warned = warned || w.get<std::string>().find("liquidus") != std::string::npos;
  EXPECT_TRUE(warned) << j["warnings"].dump();
}

}  // namespace
}  // namespace test_cli_bath
}  // namespace potline_cli_test
