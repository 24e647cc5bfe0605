// Input errors of user trial 9 (2026-12-06, T9-12; docs/cli.md Changes): a key given with a value
// that failed validation is not reported again as missing, an independent table's error comes in
// the same round, [[tariff]] warnings use the merged case's numbering, and a cut-out of the last
// cell says that none is left. Each message asserted as the user reads it.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_trial9_input_errors {
namespace {

// The tester's smelter case: six mistakes (power.source is missing too).
const std::string kBadSmelter =
    "[case]\ntitle = \"bad\"\n"
    "[potline]\ntechnology = \"AP40\"\npots_per_line = -5\n"  // lines 3-5
    "[prices]\nyear = 2024\nlme = \"2400 EUR/t\"\nalumina_lme_share = 21\nanode = 550\n"  // lines
                                                                                          // 6-10
    "alf3 = 1100\npower = \"40 USD/MWh\"\n"                                        // lines 11-12
    "[labour]\nemployees = 900\nwage = \"110000 USD\"\n"                           // lines 13-15
    "[cbam]\neua_price = \"80 USD/t\"\nusd_per_eur = 1.08\nroute = \"default\"\n"  // lines 16-19
    "default_country = \"XXX\"\n";                                                 // line 20

TEST(CliTrial9InputErrors, AKeyGivenWithABadValueIsNotAlsoRequired) {
  TempDir tmp;
  const std::string file = tmp.write("badsm.toml", kBadSmelter);
  const RunResult r = potline({"smelter", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(
      r.err,
      file +
          ":5:17: error: 'potline.pots_per_line': value -5 is outside the allowed range [1, 2000]");
  expect_in(
      r.err,
      file +
          ":9:21: error: 'prices.alumina_lme_share': value 21 is outside the allowed range [0, 1]");
  // Before: "'prices.alumina': required: give prices.alumina (USD/t) or prices.alumina_lme_share"
  // and
  // "'plant.capacity': required: give plant.capacity (t/yr), or potline.pots_per_line with ...",
  // with no file position, for keys the file gives (at lines 9 and 5).
  EXPECT_EQ(r.err.find("'prices.alumina': required"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("'plant.capacity': required"), std::string::npos) << r.err;
  // An independent table in the same round: before, only once the other errors were fixed.
  expect_in(r.err, file +
                       ":17:13: error: 'cbam.eua_price': unit 'USD/t' (USD per mass) cannot be "
                       "converted to EUR/t");
  expect_in(r.err, file +
                       ":20:19: error: 'cbam.default_country': no CBAM default value for 'XXX' in "
                       "data/cbam.toml "
                       "(has: CHN, ");
  // A key that is really missing is still required.
  expect_in(
      r.err,
      file +
          ": error: 'power.source': required: one of captive_coal, captive_gas, hydro, grid, ppa");
  expect_in(r.err, "potline: 7 input error(s); nothing was run");
}

// The suppression is by key, as a whole word: without the share, prices.alumina is required.
TEST(CliTrial9InputErrors, AnAlternativeThatIsMissingIsStillRequired) {
  TempDir tmp;
  std::string text = kBadSmelter;
  text.replace(text.find("alumina_lme_share = 21\n"), 23, "");
  const std::string file = tmp.write("badsm.toml", text);
  const RunResult r = potline({"smelter", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, file +
                       ": error: 'prices.alumina': required: give prices.alumina (USD/t) or "
                       "prices.alumina_lme_share\n");
  EXPECT_EQ(r.err.find("'plant.capacity': required"), std::string::npos) << r.err;
}

TEST(CliTrial9InputErrors, CbamCountryComesWithARejectedEuaPriceFromTheCommandLine) {
  const RunResult r =
      potline({"smelter", example("smelter-gcc-gas.toml"), "--set", "cbam.eua_price=80 USD/t",
               "--set", "cbam.route=default", "--set", "cbam.default_country=XXX"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "--set #1: error: 'cbam.eua_price': unit 'USD/t' (USD per mass) cannot be converted to "
            "EUR/t");
  expect_in(
      r.err,
      "--set #3: error: 'cbam.default_country': no CBAM default value for 'XXX' in data/cbam.toml");
  expect_in(r.err, "potline: 2 input error(s); nothing was run");
}

// The base (world-2024.toml) has 2 [[tariff]] tables; the case's own two are the merged case's
// tariff[2] and tariff[3], the index --set tariff[I].KEY edits. The warning said tariff[0].
TEST(CliTrial9InputErrors, WarningsAndErrorsNumberTheMergedTables) {
  TempDir tmp;
  const std::string file =
      tmp.write("badfleet.toml", "[case]\nbase = \"" + example("world-2024.toml") +
                                     "\"\n\n"
                                     "[[tariff]]\nimporter = \"usa\"\nexporters = [\"CAN\"]\n"
                                     "rate = 1.5\n\n"
                                     "[[tariff]]\nimporter = \"eu\"\nrate = 0.1\n");
  const RunResult r = potline({"fleet", file, "--set", "tariff[2].rate=2"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, file +
                       ":7:8: warning: 'tariff[2].rate': value 1.5 is outside the typical range "
                       "0–1 (tariff[2] is "
                       "the case's 3rd [[tariff]], the 1st of " +
                       file + ")\n");
  expect_in(r.err, "--set #1: warning: 'tariff[2].rate': value 2 is outside the typical range 0–1");
  expect_in(r.err,
            file + ":10:12: error: 'tariff[3].importer': unknown region 'eu' (known: china, usa, ");
  expect_in(r.err, "(tariff[3] is the case's 4th [[tariff]], the 2nd of " + file + ")\n");
  EXPECT_EQ(r.err.find("'tariff[0]"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("'tariff[1]"), std::string::npos) << r.err;
}

// The one cell of the line freezes and is cut out: the warning said "the line runs on with 0 of 1
// cell(s)" before the run-time failure.
TEST(CliTrial9InputErrors, TheLastCellCutOutLeavesNoCellInTheLine) {
  const RunResult r =
      potline({"simulate", example("cell-7d.toml"), "--set", "potline.current_steps=0 h 0.875",
               "--set", "control.deadband=1000 mV", "--set", "control.heat_balance_loop=false",
               "--set", "run.duration=20 d", "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  expect_in(r.err,
            // 3.848 V, 61.69 h from the feed cycle's centring until the overfeed trigger read the
            // line current (both 2026-12-06)
            "cell 0 cut out of the line (potline.on_frozen_cell = \"cut_out\"; its 3.849 V stay in "
            "the line "
            "voltage until the crew shorts it out at 61.74 h, potline.cut_out_delay): no cell is "
            "left in the "
            "line\n");
  EXPECT_EQ(r.err.find("runs on with 0 of"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace potline_cli_test::test_trial9_input_errors
