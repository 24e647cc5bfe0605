// User trial 10 (2026-12-06; docs/cli.md Changes), T10-9 and T10-11: the shipped sweep and wording:
// each fix asserted as the user reads it, with the numbers computed by hand from the inputs.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_wording {
namespace {

// T10-9: the shipped Monte Carlo sweep warned that its own cbam.eua_price was not used.
TEST(CliTrial10Fixes, ShippedMonteCarloSweepHasNoUnusedInput) {
  TempDir dir;
  const RunResult r = potline({"sweep", example("world-montecarlo.toml"), "--out",
                               (dir.path() / "mc.sqlite").string(), "--limit", "1", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.out + r.err, "is not used");
}

// T10-11: wording.
TEST(CliTrial10Fixes, WordingItems) {
  const RunResult e = potline({"emissions", "--production-t", "5 kt", "--aem", "0.5"});
  ASSERT_EQ(e.exit_code, 0) << e.describe();
  expect_not_in(e.out, "e+0");
  const RunResult b = potline({"bath", "--temperature", "1000"});
  ASSERT_EQ(b.exit_code, 0) << b.describe();
  expect_not_in(b.out + b.err, "t = 1000 °C (valid 950–1000 °C)");
  expect_not_in(b.out + b.err, "t = 1000 °C (valid 930–1000 °C)");
  const RunResult c = potline({"cell", "--technology", "AP40", "--thermal"});
  ASSERT_EQ(c.exit_code, 0) << c.describe();
  expect_in(c.out, " kWh/kg (DC)\n");
  const RunResult i = potline({"invest", example("invest-new-build.toml")});
  ASSERT_EQ(i.exit_code, 0) << i.describe();
  expect_in(i.out, "  LCOA 2780 USD/t (pre-tax)   break-even power 35.14 USD/MWh");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial10_wording
