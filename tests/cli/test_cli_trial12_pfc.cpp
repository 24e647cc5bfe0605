// User trial 12 (2026-12-06), T12-1: one AP40 cell, one PFC. simulate, emissions --aem, smelter with
// emissions.aem and smelter fed the run's summary give the same t CO2e/t for the same anode-effect
// minutes; a point-fed class under a given IPCC2006 is said to be the CWPB row. End to end, with
// the number by hand from the IPCC 2019 PFPB_modern row of data/emissions/ipcc-aluminium.toml.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial12_pfc {
namespace {

// By hand: CF4 = S x AEM per t = 0.104 x 2 = 0.208 kg/t; C2F6 = 0.057 x CF4; AR5 GWPs 6630 and
// 11100: 0.208 x (6630 + 0.057 x 11100) / 1000 = 1.51064 t CO2e/t at 2 AE-min/cell-day (IPCC2006
// CWPB gave 2.2803).
constexpr double kPfcAtTwoAemPerT = 0.208 * (6630 + 0.057 * 11100) / 1000;

// The smelter template (AP40) without its [emissions] class, method and set: the smelter's own
// default for the technology.
std::string smelter_case_without_pfc_keys(const TempDir& dir) {
  const RunResult t = potline({"template", "smelter"});
  EXPECT_EQ(t.exit_code, 0) << t.describe();
  const auto path = dir.path() / "sm.toml";
  std::ofstream f(path);
  std::istringstream in(t.out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("technology_class", 0) == 0 || line.rfind("pfc_method", 0) == 0 ||
        line.rfind("coefficient_set", 0) == 0 || line.rfind("aem", 0) == 0)
      continue;
    f << line << "\n";
  }
  return path.string();
}

double smelter_pfc(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"smelter"};
  all.insert(all.end(), args.begin(), args.end());
  all.push_back("--json");
  const RunResult r = potline(all);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out).at("emissions_t_co2e_per_t").at("pfc").get<double>();
}

TEST(CliTrial12Pfc, SimulateEmissionsAndSmelterGiveOneAp40OnePfc) {
  TempDir dir;
  const RunResult sim = potline({"simulate", example("cell-7d-manual-quench.toml"), "--json"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  const Json s = parse_json(sim.out);
  const double aem = s.at("ae_minutes_per_cell_day").get<double>();  // 4 AEs of about 3.5 min over 7 cell-days
  ASSERT_NEAR(aem, 2.0, 0.1);
  EXPECT_EQ(s.at("pfc_coefficients").get<std::string>(), "IPCC2019/PFPB_modern");
  EXPECT_NE(s.at("pfc_basis").get<std::string>().find("technology AP40"), std::string::npos);
  const double simulate = s.at("pfc_t_co2e_per_t_al").get<double>();
  EXPECT_NEAR(simulate, kPfcAtTwoAemPerT * aem / 2, 1e-9);

  const std::string sm = smelter_case_without_pfc_keys(dir);
  char aem_text[64];
  std::snprintf(aem_text, sizeof aem_text, "emissions.aem=%.17g", aem);
  EXPECT_NEAR(smelter_pfc({sm, "--set", aem_text}), simulate, 1e-9);
  const auto run = dir.path() / "run.json";
  {
    std::ofstream f(run);
    f << sim.out;
  }
  EXPECT_NEAR(smelter_pfc({sm, "--set", "emissions.from_simulation=" + run.string()}), simulate, 1e-9);

  const RunResult e = potline({"emissions", "--production-t", "1", "--technology-class", "PFPB_modern", "--aem",
                               std::string(aem_text).substr(std::string("emissions.aem=").size()), "--json"});
  ASSERT_EQ(e.exit_code, 0) << e.describe();
  const Json ej = parse_json(e.out);
  EXPECT_NEAR(ej.at("pfc_t_co2e").get<double>(), simulate, 1e-9);
  EXPECT_EQ(ej.at("method").at("coefficient_set").get<std::string>(), "IPCC2019");
  // The README tour line: 0.1 AE-min/cell-day, AR6 (7380, 12400): 0.0104 x (7380 + 0.057 x 12400) /
  // 1000 = 0.08410 t CO2e (0.127 on the IPCC2006 CWPB row before T12-1).
  const RunResult tour = potline(
      {"emissions", "--production-t", "1", "--technology-class", "PFPB_modern", "--aem", "0.1", "--gwp", "AR6"});
  ASSERT_EQ(tour.exit_code, 0) << tour.describe();
  expect_in(tour.out, "(PFPB_modern, IPCC2019 coefficients, GWP AR6)");
  expect_in(tour.out, "PFC 0.0841 t CO2e");
}

TEST(CliTrial12Pfc, AGivenIpcc2006ForAPointFedCellIsTheCwpbRowSaidSo) {
  const RunResult r = potline({"simulate", example("cell-7d-manual-quench.toml"), "--set",
                               "pfc.coefficients=IPCC2006", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--set #1: warning: 'pfc.coefficients': set 'IPCC2006' has no row for PFPB_modern");
  expect_in(r.err, "reported as IPCC2006/CWPB");
  const Json s = parse_json(r.out);
  EXPECT_EQ(s.at("pfc_coefficients").get<std::string>(), "IPCC2006/CWPB");
  // 0.143 x AEM x (6630 + 0.121 x 11100) / 1000 (2.28 t CO2e/t at 2 AE-min/cell-day).
  const double aem = s.at("ae_minutes_per_cell_day").get<double>();
  EXPECT_NEAR(s.at("pfc_t_co2e_per_t_al").get<double>(), 0.143 * aem * (6630 + 0.121 * 11100) / 1000, 1e-9);
}

TEST(CliTrial12Pfc, ASetWithoutTheClassIsAnInputErrorNamingWhereTheClassCameFrom) {
  const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", "pfc.technology=CWPB", "--set",
                               "pfc.coefficients=IPCC2019"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'pfc.technology': 'CWPB' (pfc.technology of the case) has no coefficients in set "
                   "'IPCC2019'; choose one of: SWPB, VSS, HSS, PFPB_legacy, PFPB_modern");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial12_pfc
