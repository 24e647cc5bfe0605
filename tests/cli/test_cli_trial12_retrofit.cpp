// User trial 12 (2026-12-06), T12-6: a retrofit's new cells took retrofit.aem with the OLD cells'
// technology class (examples/invest-ap60-retrofit.toml: [emissions] technology_class = "CWPB", so the
// AP60 cells' 0.015 AE-min/cell-day was priced with CWPB's IPCC 2006 slope: PFC 0.017 t CO2e/t).
// The new cells now take their own class: retrofit.technology_class, else retrofit.technology's, else
// PFPB_modern (docs/model/economics.md, Investment).
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial12_retrofit {
namespace {

Json invest_json(const std::vector<std::string>& sets) {
  std::vector<std::string> args = {"invest", example("invest-ap60-retrofit.toml"), "--json"};
  args.insert(args.end(), sets.begin(), sets.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

double pfc(const Json& j, const char* plan) { return j.at(plan).at("pfc_t_co2e_per_t").get<double>(); }

TEST(CliTrial12Retrofit, RetrofitAemTakesTheNewCellsClassNotTheOldCells) {
  const Json j = invest_json({});
  // The same cells named by their technology (AP60: PFPB_modern, its class AEM 0.015 of
  // data/fleet-anode-effects.toml, the value the example's retrofit.aem gives) have the same PFC: one
  // class and coefficient set for the new cells whichever way the case names them.
  const Json ap60 = invest_json({"--set", "retrofit.technology=AP60"});
  EXPECT_NEAR(pfc(j, "operating"), pfc(ap60, "operating"), 1e-12);
  expect_in(j.at("operating").at("pfc_basis").get<std::string>(), "the new cells' class PFPB_modern");
  // Not the old cells' CWPB slope any more: that was a twentieth of the old cells' 0.342 (0.0171).
  EXPECT_LT(pfc(j, "operating"), 0.9 * pfc(j, "existing") * 0.015 / 0.3);
  EXPECT_NEAR(pfc(j, "existing"), 0.342, 0.001);  // the old cells' plan is unchanged
  expect_not_in(j.at("notes").dump(), "the new cells keep the old cells' anode-effect record");
}

TEST(CliTrial12Retrofit, TheUserSetsTheNewCellsClass) {
  // retrofit.technology_class = "CWPB" gives back the old pricing, when the new cells are CWPB.
  const Json cwpb = invest_json({"--set", "retrofit.technology_class=CWPB"});
  const Json base = invest_json({});
  EXPECT_NEAR(pfc(cwpb, "operating"), pfc(base, "existing") * 0.015 / 0.3, 1e-12);
  expect_in(cwpb.at("operating").at("pfc_basis").get<std::string>(),
            "the new cells' class CWPB (retrofit.technology_class)");
  // The class given with retrofit.technology wins over the technology's.
  const Json both = invest_json({"--set", "retrofit.technology=AP60", "--set", "retrofit.technology_class=CWPB"});
  EXPECT_NEAR(pfc(both, "operating"), pfc(cwpb, "operating"), 1e-12);
  // A name that is not a class is an input error naming the key.
  const RunResult bad =
      potline({"invest", example("invest-ap60-retrofit.toml"), "--set", "retrofit.technology_class=PFPB"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "'retrofit.technology_class'");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial12_retrofit
