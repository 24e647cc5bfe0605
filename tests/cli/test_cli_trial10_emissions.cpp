// User trial 10 (2026-12-06; docs/cli.md Changes): T10-7, the low-voltage PFC in `emissions`,
// `smelter`, `invest` and `fleet`, and the T8-4 leftover, `potline emissions` with a technology
// class and no anode-effect data gives the PFC `potline smelter` gives the same class. Numbers by
// hand from the inputs: IPCC2019 PFPB_modern slope 0.104 kg CF4/t per AE-min/cell-day, C2F6/CF4
// 0.057; the class entry's AEM 0.015 (data/fleet-anode-effects.toml); GWP-100 AR5 CF4 6,630, C2F6
// 11,100.
#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_emissions {
namespace {

/// The template smelter (AP40) without its [emissions] PFC keys: the default PFC of its class.
std::filesystem::path bare_template(const TempDir& dir) {
  const RunResult t = potline({"template", "smelter"});
  EXPECT_EQ(t.exit_code, 0) << t.describe();
  std::istringstream in(t.out);
  const auto path = dir.path() / "bare.toml";
  std::ofstream out(path);
  for (std::string line; std::getline(in, line);) {
    bool drop = false;
    for (const char* k : {"technology_class", "pfc_method", "coefficient_set", "aem"})
      drop = drop || line.rfind(std::string(k) + " =", 0) == 0;
    if (!drop) out << line << "\n";
  }
  return path;
}

Json run_json(std::vector<std::string> args) {
  args.push_back("--json");
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

}  // namespace

// T8-4 leftover: `emissions --technology-class PFPB_modern` took IPCC 2006 Tier 1 (0.4 kg CF4/t,
// 3.10 t CO2e/t; with --coefficients IPCC2019 an error), the smelter of the same class the slope
// method at the class's AEM. Both now take plant::class_pfc_default.
TEST(CliTrial10Emissions, EmissionsDefaultPfcIsTheSmeltersForTheSameClass) {
  TempDir dir;
  const auto bare = bare_template(dir);
  const Json s = run_json({"smelter", bare.string()});
  const Json e =
      run_json({"emissions", "--production-t", "1", "--technology-class", "PFPB_modern"});
  // By hand: CF4 = 0.104 x 0.015 = 0.00156 kg/t; C2F6 = 0.057 x 0.00156 = 0.0000889 kg/t;
  // PFC = (0.00156 x 6630 + 0.0000889 x 11100) / 1000 = 0.011330 t CO2e/t.
  EXPECT_NEAR(e.at("cf4_kg").get<double>(), 0.00156, 1e-9);
  EXPECT_NEAR(e.at("c2f6_kg").get<double>(), 0.057 * 0.00156, 1e-9);
  EXPECT_NEAR(e.at("pfc_t_co2e").get<double>(), (0.00156 * 6630 + 0.057 * 0.00156 * 11100) / 1000,
              1e-9);
  EXPECT_EQ(e.at("method").at("coefficient_set"), "IPCC2019");
  EXPECT_NEAR(s.at("emissions_method").at("cf4_kg_per_t").get<double>(),
              e.at("cf4_kg").get<double>(), 1e-12);
  EXPECT_NEAR(s.at("emissions_method").at("c2f6_kg_per_t").get<double>(),
              e.at("c2f6_kg").get<double>(), 1e-12);
  EXPECT_NEAR(s.at("emissions_t_co2e_per_t").at("pfc").get<double>(),
              e.at("pfc_t_co2e").get<double>(), 1e-12);
  // The same for a class the IPCC2019 set lacks (CWPB: IPCC2006 with the IAI world-average entry).
  const Json sc = run_json({"smelter", bare.string(), "--set", "emissions.technology_class=CWPB"});
  const Json ec = run_json({"emissions", "--technology-class", "CWPB"});
  EXPECT_EQ(ec.at("method").at("coefficient_set"), "IPCC2006");
  EXPECT_NEAR(sc.at("emissions_t_co2e_per_t").at("pfc").get<double>(),
              ec.at("pfc_t_co2e").get<double>(), 1e-12);
  // The text names the basis; Tier 1 stays available.
  const RunResult text = potline({"emissions", "--technology-class", "PFPB_modern"});
  expect_in(text.out,
            "  PFC basis: technology class PFPB_modern: IPCC2019 slope (PFPB_modern, AEM 0.015");
  const Json t1 = run_json({"emissions", "--technology-class", "CWPB", "--pfc-method", "tier1"});
  EXPECT_NEAR(t1.at("cf4_kg").get<double>(), 0.4, 1e-12);  // IPCC 2006 Tier 1 CWPB
  const RunResult slope = potline({"emissions", "--pfc-method", "slope"});
  EXPECT_EQ(slope.exit_code, 2) << slope.describe();
  expect_in(slope.err, "the slope method needs --aem, or --ae-frequency with --ae-duration-min");
}

// T10-7: the low-voltage CF4 (kg/t) is added to the CF4 of the method (no C2F6), in every command,
// and every output says whether it is included. By hand: 0.05 kg CF4/t x 6630 / 1000 = 0.3315 t
// CO2e/t.
TEST(CliTrial10Emissions, LowVoltageCf4IsCountedAndSaidEverywhere) {
  const Json none = run_json({"emissions", "--aem", "0.5"});
  const Json lv = run_json({"emissions", "--aem", "0.5", "--low-voltage-cf4", "0.05 kg/t"});
  EXPECT_FALSE(none.at("pfc_includes_low_voltage").get<bool>());
  expect_in(none.at("method").at("low_voltage_pfc").get<std::string>(),
            "not included: high-voltage anode effects only");
  EXPECT_TRUE(lv.at("pfc_includes_low_voltage").get<bool>());
  EXPECT_NEAR(lv.at("cf4_kg").get<double>() - none.at("cf4_kg").get<double>(), 0.05, 1e-12);
  EXPECT_NEAR(lv.at("low_voltage_cf4_kg").get<double>(), 0.05, 1e-12);
  EXPECT_DOUBLE_EQ(lv.at("c2f6_kg").get<double>(), none.at("c2f6_kg").get<double>());
  EXPECT_NEAR(lv.at("pfc_t_co2e").get<double>() - none.at("pfc_t_co2e").get<double>(), 0.3315,
              1e-9);
  expect_in(potline({"emissions", "--aem", "0.5"}).out, "  low-voltage PFC: not included");

  TempDir dir;
  const auto bare = bare_template(dir);
  const Json s0 = run_json({"smelter", bare.string()});
  const Json s1 =
      run_json({"smelter", bare.string(), "--set", "emissions.low_voltage_cf4=0.05 kg/t"});
  EXPECT_FALSE(s0.at("emissions_method").at("pfc_includes_low_voltage").get<bool>());
  EXPECT_TRUE(s1.at("emissions_method").at("pfc_includes_low_voltage").get<bool>());
  EXPECT_NEAR(s1.at("emissions_method").at("low_voltage_cf4_kg_per_t").get<double>(), 0.05, 1e-12);
  EXPECT_NEAR(s1.at("emissions_t_co2e_per_t").at("pfc").get<double>() -
                  s0.at("emissions_t_co2e_per_t").at("pfc").get<double>(),
              0.3315, 1e-9);
  const RunResult st = potline({"smelter", bare.string()});
  expect_in(st.out, "  low-voltage PFC       not included: high-voltage anode effects only");
  const RunResult st1 =
      potline({"smelter", bare.string(), "--set", "emissions.low_voltage_cf4=0.05"});
  expect_in(st1.out, "  low-voltage PFC       included: 0.05 kg CF4/t (emissions.low_voltage_cf4)");

  // invest: the plant's direct emissions carry it (the same smelter model).
  const Json i0 = run_json({"invest", example("invest-new-build.toml")});
  const Json i1 = run_json(
      {"invest", example("invest-new-build.toml"), "--set", "emissions.low_voltage_cf4=0.05"});
  EXPECT_NEAR(i1.at("operating").at("direct_t_co2e_per_t").get<double>() -
                  i0.at("operating").at("direct_t_co2e_per_t").get<double>(),
              0.3315, 1e-9);

  // An inert-anode smelter has no PFC: the key is a carbon-anode input there.
  const RunResult inert = potline({"smelter", example("smelter-inert-anode-elysis-like.toml"),
                                   "--set", "emissions.low_voltage_cf4=0.05"});
  EXPECT_EQ(inert.exit_code, 2) << inert.describe();
  expect_in(inert.err, "emissions.low_voltage_cf4");
}

// T10-7: the fleet says what its PFC counts (every smelter's case takes the smelter model's
// default).
TEST(CliTrial10Emissions, FleetSaysItsPfcIsHighVoltageOnly) {
  const RunResult r = potline({"fleet", example("world-2024.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out,
            "  PFC: high-voltage anode effects only: low-voltage PFC (IPCC 2019 Refinement, LVAE) "
            "not included, "
            "as on the IAI's reporting basis");
}

}  // namespace potline_cli_test::test_cli_trial10_emissions
