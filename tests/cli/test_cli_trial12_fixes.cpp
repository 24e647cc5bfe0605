// User trial 12 (2026-12-06), asserted as fixed end to end: T12-1, `emissions --aem` takes the set
// `smelter` takes for the class and `simulate` says where its [pfc] defaults differ from it; T12-8, a
// t/kt slip in plant.capacity or labour.employees warns.
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial12_fixes {
namespace {

// T12-1. Before: PFPB_modern at 2 AE-min/cell-day gave 2.28 t CO2e/t with the IPCC 2006 CWPB row in
// `emissions --aem 2`, against the smelter's 1.51 with IPCC2019.
TEST(CliTrial12, EmissionsWithAnAemTakesTheSmeltersSetForTheClass) {
  const auto r = potline({"emissions", "--production-t", "1", "--technology-class", "PFPB_modern", "--aem", "2", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("method").at("coefficient_set"), "IPCC2019");
  expect_in(j.at("method").at("pfc_basis").get<std::string>(), "IPCC2019 coefficients: the set fleet-anode-effects.toml takes for class PFPB_modern");
  // The template smelter (AP40, PFPB_modern) at the same AEM: the same PFC per tonne (1.511).
  TempDir dir;
  const auto t = potline({"template", "smelter"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  const auto s = potline({"smelter", dir.write("tsm.toml", t.out), "--set", "emissions.aem=2", "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  EXPECT_NEAR(finite_number(j, "pfc_t_co2e"), parse_json(s.out).at("emissions_t_co2e_per_t").at("pfc").get<double>(),
              1e-6);
  const auto given = potline({"emissions", "--production-t", "1", "--technology-class", "PFPB_modern", "--aem", "2",
                              "--coefficients", "IPCC2006", "--json"});
  ASSERT_EQ(given.exit_code, 0) << given.describe();
  EXPECT_EQ(parse_json(given.out).at("method").at("coefficient_set"), "IPCC2006");
}

TEST(CliTrial12, SimulateSaysWhereItsPfcDefaultsDifferFromTheTechnologysClass) {
  const auto r = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1 h", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "'pfc.technology': the PFC is computed with the IPCC2006 coefficients of class CWPB ([pfc] defaults); "
                   "potline smelter, invest, fleet and emissions class technology AP40 as PFPB_modern and take IPCC2019");
  const auto both = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1 h", "--set",
                             "pfc.technology=PFPB_modern", "--set", "pfc.coefficients=IPCC2019", "-q"});
  ASSERT_EQ(both.exit_code, 0) << both.describe();
  expect_not_in(both.err, "'pfc.technology'");
}

// T12-8. Before: "473 t/yr" for Alma's 473 kt/yr gave C1 190,273 USD/t and 1,712 employees per kt/yr
// without a word; so did 810,000 employees.
TEST(CliTrial12, CapacityAndEmployeesSlipsWarn) {
  const auto cap = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "plant.capacity=473 t/yr"});
  ASSERT_EQ(cap.exit_code, 0) << cap.describe();
  const std::string all = cap.out + cap.err;
  expect_in(all, "plant.capacity: value '473 t/yr' is outside the typical range");
  expect_in(all, "1000 times too low? 473000 t/yr would be typical");
  expect_in(all, "810 employees for 0.473 kt/yr of capacity are 1712 per kt/yr, outside the typical 0.2–10");
  const auto emp = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "labour.employees=810000"});
  ASSERT_EQ(emp.exit_code, 0) << emp.describe();
  expect_in(emp.out + emp.err, "810000 employees for 473 kt/yr of capacity are 1712 per kt/yr");
  expect_in(emp.out + emp.err, "1000 times too many?");
  const auto ok = potline({"smelter", example("smelter-ca-hydro.toml")});
  expect_not_in(ok.out + ok.err, "typical range");
  expect_not_in(ok.out + ok.err, "employees for");
  const auto inv = potline({"invest", example("invest-new-build.toml"), "--set", "plant.capacity=500 t/yr"});
  ASSERT_EQ(inv.exit_code, 0) << inv.describe();
  expect_in(inv.out + inv.err, "plant.capacity: value '500 t/yr' is outside the typical range");
}

}  // namespace
}  // namespace test_cli_trial12_fixes
}  // namespace potline_cli_test
