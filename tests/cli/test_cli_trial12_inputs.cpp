// User trial 12 (2026-12-06), T12-8 and the hint of T12-5: a kt/t slip in a smelter's size or staff
// warns as T11-1's money slips do (the schema's typical range and its 1000x hint, io/values.cpp);
// the employees per kt/yr of capacity have a typical band; a per-day money slip on a yearly field is
// hinted with its own factor, 365.25, not 1000.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial12_inputs {
namespace {

std::string said(const RunResult& r) { return r.err + r.out; }

TEST(CliTrial12Inputs, CapacityInTonnesForKilotonnesWarnsWithTheThousandfoldHint) {
  // "473 t/yr" for Alma's 473 kt/yr gave C1 190,273 USD/t without a word.
  const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "plant.capacity=473 t/yr"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(said(r), "'plant.capacity': value '473 t/yr' is outside the typical range 10000–2500000 t/yr");
  expect_in(said(r), "1000 times too low? 473000 t/yr would be typical");
  // The employees per kt are then off too, but the capacity's warning says it once.
  EXPECT_EQ(said(r).find("employees for"), std::string::npos) << said(r);
  // The new build's capacity likewise (LCOA 200,582 USD/t at "500 t/yr").
  const RunResult inv = potline({"invest", example("invest-new-build.toml"), "--set", "plant.capacity=500 t/yr"});
  ASSERT_EQ(inv.exit_code, 0) << inv.describe();
  expect_in(said(inv), "1000 times too low? 500000 t/yr would be typical");
}

TEST(CliTrial12Inputs, EmployeesPerKilotonneOutsideTheirBandWarn) {
  // 810,000 employees at Alma's 473 kt/yr: 1712.5 per kt/yr; Table 1 of the seed spans 1.7–5.9.
  const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "labour.employees=810000"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(said(r), "810000 employees for 473 kt/yr of capacity are 1712.");
  expect_in(said(r), "per kt/yr, outside the typical range 0.5–20 (estimate: the 13 smelters of Table 1");
  expect_in(said(r), "1000 times too many? 810 employees would be typical");
  // The shipped case itself (810 employees, 1.7 per kt/yr) says nothing of the kind.
  const RunResult own = potline({"smelter", example("smelter-ca-hydro.toml")});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  EXPECT_EQ(said(own).find("employees for"), std::string::npos) << said(own);
  EXPECT_EQ(said(own).find("'plant.capacity': value"), std::string::npos) << said(own);
}

TEST(CliTrial12Inputs, APerDayWageIsHintedWithTheDayYearFactor) {
  // "110000 USD/d" = 40,177,500 USD/yr: the hint said "1000 times too high? 40177.5 USD/yr".
  const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "labour.wage=110000 USD/d"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(said(r), "365.25 times too high? 110000 USD/yr would be typical (a USD/d for USD/yr slip)");
  EXPECT_EQ(said(r).find("1000 times too high"), std::string::npos) << said(r);
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial12_inputs
