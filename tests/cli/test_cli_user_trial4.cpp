// User trial of 2026-12-05, fourth session (/work/coord/trial-findings.md, "Session of 2026-12-05
// (4)"): the items left by the third session (BX) and what a process engineer and an energy/policy
// analyst met in a fresh run of the README tour, docs/cli.md and the examples.
#include <filesystem>
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial4 {
namespace {

// `--vary prices.lme=2200,2400` printed "prices.lme  2200": a plain number is in the field's unit,
// which the table did not say. The value column now carries it (text, CSV and JSON alike); a value
// typed with a unit, a text value and a dimensionless one are shown as typed.
TEST(CliUserTrial4, AVaryTableShowsAPlainValueWithTheFieldsUnit) {
  const RunResult lme = potline({"smelter", example("smelter-us-old-grid.toml"), "--vary", "prices.lme=2200,2400",
                                 "--outputs", "cost_usd_per_t.c1"});
  ASSERT_EQ(lme.exit_code, 0) << lme.describe();
  expect_in(lme.out, "prices.lme  2200 USD/t");
  expect_in(lme.out, "prices.lme  2400 USD/t");
  const RunResult csv = potline({"smelter", example("smelter-us-old-grid.toml"), "--vary", "prices.lme=2200",
                                 "--outputs", "cost_usd_per_t.c1", "--csv"});
  expect_in(csv.out, "prices.lme,2200 USD/t,");
  const RunResult wacc = potline({"invest", example("invest-new-build.toml"), "--vary", "investment.wacc=6,8 %",
                                  "--outputs", "npv_usd"});
  expect_in(wacc.out, "investment.wacc  6 %");
  const RunResult tech = potline({"cell", example("default.toml"), "--vary", "case.technology=AP40,AP60",
                                  "--outputs", "voltage_V"});
  expect_in(tech.out, "case.technology  AP40 ");
  expect_in(tech.out, "case.technology  AP60 ");
  const RunResult rate = potline({"fleet", example("us-tariff-50.toml"), "--vary", "tariff[0].rate=0,0.25",
                                  "--outputs", "price_by_region_usd_per_t.usa"});
  ASSERT_EQ(rate.exit_code, 0) << rate.describe();
  expect_in(rate.out, "tariff[0].rate  0.25 ");
  // The run still gets the number as typed: a plain 0.08 for a % field is warned as a fraction.
  const RunResult fraction = potline({"invest", example("invest-new-build.toml"), "--vary", "investment.wacc=0.08",
                                      "--outputs", "npv_usd"});
  expect_in(fraction.out, "investment.wacc  0.08 %");
  expect_in(fraction.err, "this field is in %: for 8 % write 8 or \"8 %\"");
}

// `compare` of two sweep stores with no scenario of the same name listed every mean as 'missing'
// without saying the stores share none.
TEST(CliUserTrial4, CompareOfSweepStoresWithNoCommonScenarioSaysSo) {
  TempDir dir;
  const std::string a = (dir.path() / "a.sqlite").string(), b = (dir.path() / "b.sqlite").string();
  const std::string other = (dir.path() / "other.toml").string();
  std::ofstream(other) << "[sweep]\ntitle = \"other\"\nbase = \"" << example("world-elastic.toml")
                       << "\"\nseed = 1\nsamples = 2\n\n[[scenario]]\nname = \"alt\"\n";
  ASSERT_EQ(potline({"sweep", example("sweep-small.toml"), "--out", a, "--threads", "1"}).exit_code, 0);
  const RunResult s = potline({"sweep", other, "--out", b, "--threads", "1"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  const RunResult c = potline({"compare", a, b});
  ASSERT_EQ(c.exit_code, 0) << c.describe();
  expect_in(c.out, "no scenario is in every store (run 1: base, us-power-plus-20; run 2: alt): scenarios are matched "
                   "by name");
  expect_in(c.out, "scenarios not in every store (their means show as 'missing' in the others):\n"
                   "  world_mean_by_scenario.base: only in run 1\n");
  expect_in(c.out, "  world_mean_by_scenario.alt: only in run 2\n");
  const RunResult j = potline({"compare", a, b, "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  expect_in(j.out, "\"key\": \"world_mean_by_scenario.alt\"");
  // Stores that share their scenarios get no such note.
  const RunResult same = potline({"compare", a, a});
  expect_not_in(same.out, "no scenario is in every store");
  expect_not_in(same.out, "scenarios not in every store");
}

// A bath composition typed as fractions (`--alf3 0.11 --caf2 0.05` for 11 and 5 wt%) was read as
// 0.11 and 0.05 wt%: `bath` printed a liquidus of 1011 degC with no word about the unit (its input
// warnings were dropped), and `cell --set bath.caf2=0.05` failed at the case file's bath temperature.
TEST(CliUserTrial4, ABathCompositionTypedAsFractionsIsSaid) {
  const RunResult bath = potline({"bath", "--alumina", "3", "--alf3", "0.11", "--caf2", "0.05", "--temperature", "960"});
  ASSERT_EQ(bath.exit_code, 0) << bath.describe();
  // On stderr at the option since user trial T19-23 (stdout before).
  expect_in(bath.err, "--alf3: warning: value 0.11 is read as 0.11 wt% (this field is in wt%, default 12 wt%): for 11 "
                      "wt% write 11 or \"11 wt%\"");
  expect_in(bath.err, "--caf2: warning: value 0.05 is read as 0.05 wt%");
  expect_not_in(bath.out, "warning");
  const RunResult cell = potline({"cell", example("default.toml"), "--set", "bath.caf2=0.05"});
  EXPECT_EQ(cell.exit_code, 2) << cell.describe();
  expect_in(cell.err, "--set #1: warning: 'bath.caf2': value 0.05 is read as 0.05 wt% (this field is in wt%, default 5 wt%)");
  // Alumina below 1 wt% is an ordinary state near an anode effect: no warning.
  const RunResult alumina = potline({"bath", "--alumina", "0.8", "--alf3", "11", "--caf2", "5", "--temperature", "960"});
  expect_not_in(alumina.out + alumina.err, "is read as");
}

// An unknown unit's "did you mean" named a symbol of any dimension: `operation.acd="4 inch"` got
// "(did you mean 'nWh'?)". A hint that gives a unit the field cannot take is left out; one that
// mends a compound unit ("USD/MWhr") stays.
TEST(CliUserTrial4, AnUnknownUnitIsNotAnsweredWithAUnitOfAnotherQuantity) {
  const RunResult inch = potline({"cell", example("default.toml"), "--set", "operation.acd=4 inch"});
  EXPECT_EQ(inch.exit_code, 2) << inch.describe();
  expect_in(inch.err, "--set #1: error: 'operation.acd': unknown unit 'inch'; this field takes a number in cm");
  const RunResult cms = potline({"cell", example("default.toml"), "--set", "operation.acd=4 cms"});
  expect_in(cms.err, "unknown unit 'cms' (did you mean 'cm'?); this field takes a number in cm");
  const RunResult mwhr = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=55 USD/MWhr"});
  expect_in(mwhr.err, "unknown unit 'MWhr' (did you mean 'MWh'?); this field takes a number in USD/MWh");
}

// The README's tour ended with `compare out/cell-7d out/cell-7d-manual-quench`, a folder no command of
// the tour writes (exit 2, "no such run folder"), and two runs that differ in feeder stops as well
// as in the quench. Every `build/potline` line of the README's sh blocks now runs, in order, from
// the repository root with out/ in a scratch folder (the year-long potline and the Monte Carlo
// sweep are left out for time; the $-blocks with output are ReadmeTour's).
TEST(CliUserTrial4, EveryCommandOfTheReadmeTourRunsInOrder) {
  TempDir dir;
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(source_dir());
  std::ifstream in(source_dir() / "README.md");
  std::string line, fence;
  int commands = 0;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      fence = fence.empty() ? line.substr(3) + " " : std::string();
      continue;
    }
    if (fence != "sh " || line.rfind("build/potline ", 0) != 0) continue;
    if (line.find("potline-year.toml") != std::string::npos || line.find("world-montecarlo.toml") != std::string::npos) continue;
    const auto comment = line.find("  #");
    std::vector<std::string> args = split_words(line.substr(14, comment == std::string::npos ? std::string::npos : comment - 14));
    for (auto& a : args) {
      if (a.rfind("out/", 0) == 0) a = (dir.path() / a).string();
    }
    SCOPED_TRACE(line);
    const RunResult r = run_program(potline_bin(), args);
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    ++commands;
  }
  std::filesystem::current_path(cwd);
  EXPECT_GE(commands, 15);
}

// invest-new-build printed "NPV 466.7 M USD" (-359.0 since its alumina is 18 % of the LME,
// 2026-12-06) and its report drew the NPV against the power price with the case's 40 USD/MWh
// marked, where the curve reads 541.5 M USD (-284.2): the curve holds one price for every year, the
// case 40 for 20 contract years and 50 after, and nothing said so.
TEST(CliUserTrial4, InvestSaysWhichPowerPricesItsNpvHolds) {
  TempDir dir;
  const std::string out = (dir.path() / "inv").string();
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--out", out, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "capex 3300.0 M USD (2024), WACC 8.0 %, power 40.00 USD/MWh for 20 contract years (from the first operating year), then 50.00 USD/MWh\n");
  const Json s = parse_json(read_file(std::filesystem::path(out) / "summary.json"));
  EXPECT_DOUBLE_EQ(s.at("post_contract_power_usd_per_MWh").get<double>(), 50.0);
  const std::string page = read_report(std::filesystem::path(out) / "report.html");
  expect_in(page,
            "the case's NPV -359.0 M USD is not on the curve: power 40.0 USD/MWh for 20 contract "
            "years, then 50.0 USD/MWh");
  // One price throughout: the line says so and the chart adds nothing.
  const RunResult flat = potline({"invest", example("invest-new-build.toml"), "--set", "investment.post_contract_power=40"});
  expect_in(flat.out, "WACC 8.0 %, power 40.00 USD/MWh every operating year\n");
}

// `report empty.sqlite` (a store whose sweep was interrupted before its first write, or a typo'd
// touch) said "the summary is truncated (byte 1 of 0): [json.exception.parse_error.101] ...".
TEST(CliUserTrial4, AnEmptyOrForeignStoreIsNamedForWhatItIsNot) {
  TempDir dir;
  const std::string empty = (dir.path() / "mc.sqlite").string(), text = (dir.path() / "x.sqlite").string();
  std::ofstream(empty).close();
  std::ofstream(text) << "scenario,sample\n";
  const RunResult r = potline({"report", empty});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "mc.sqlite: error: the file is empty (0 bytes): not a summary JSON nor a sweep store (SQLite)");
  expect_not_in(r.err, "json.exception");
  const RunResult c = potline({"compare", text, empty});
  EXPECT_EQ(c.exit_code, 2) << c.describe();
  expect_in(c.err, "x.sqlite: error: not an SQLite file, so not a sweep store");
}

// flex-day: "margin ... 28099 EUR against 3671 EUR flat: +24428 EUR" and, two lines below,
// "availability payment 3576 EUR": the first already holds the second, so a reader adding them
// counted it twice. The margin line now says it includes it; without [grid] it says nothing.
TEST(CliUserTrial4, FlexMarginSaysItHoldsTheAvailabilityPayment) {
  const RunResult r = potline({"flex", example("flex-day.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "(labour and fixed costs not counted; the optimised margin includes the availability payment 3576 EUR) ");
  const RunResult no_grid = potline({"flex", example("flex-day.toml"), "--set", "grid.interruptible_power=0 MW"});
  ASSERT_EQ(no_grid.exit_code, 0) << no_grid.describe();
  expect_in(no_grid.out, "(labour and fixed costs not counted) ");
}

// world-2024: "under water at fleet.lme 2392 USD/t + premium: 6 smelters, 1.98 Mt/yr" beside the region table
// read as their output; it is their capacity (they produce 1.49 Mt/yr).
TEST(CliUserTrial4, UnderWaterTonnageSaysItIsCapacity) {
  const RunResult r = potline({"fleet", example("world-2024.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // The count and tonnage move with the data (6 smelters, 1.98 Mt/yr until 2026-12-05 14:00).
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(under water at fleet.lme 2392 USD/t \+ premium: \d+ smelters?, \d+\.\d\d Mt/yr of capacity\n)")))
      << r.out;
}

// `emissions --aeo 1 --ce 0.95` (a fraction for 95 %): the range error of --ce was followed by
// "the overvoltage method needs --ce", which it had been given.
TEST(CliUserTrial4, ARejectedOptionIsNotAlsoCalledMissing) {
  const RunResult r = potline({"emissions", "--technology-class", "CWPB", "--aeo", "1", "--ce", "0.95"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--ce: error: '--ce': value 0.95 % is outside the allowed range [50, 100] %");
  expect_not_in(r.err, "needs --ce");
  expect_in(r.err, "potline: 1 input error(s)");
  const RunResult missing = potline({"emissions", "--technology-class", "CWPB", "--aeo", "1"});
  expect_in(missing.err, "the overvoltage method needs --ce");
}

// The same plant in `smelter` (on the export) and in the fleet: C1 2841.49 in both, but the margin
// -19 USD/t (LME 2392 + the published US premium 430) against cost_curve.csv's -209.04 (the LP's
// US price 2632.45). The export's header promised the fleet's figures and did not say the margin is not.
TEST(CliUserTrial4, AnExportedSmelterSaysItsMarginIsNotTheFleets) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--export-smelter", "us-mount-holly"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "C1, SEC, emissions and CBAM for this smelter. Not its margin: `potline smelter` takes the LME plus\n"
                   "# the region's premium (prices.regional_premium: a published benchmark or an estimate, as its comment\n"
                   "# says), the fleet the smelter's netback: the best price its metal fetches in the market less\n"
                   "# freight and tariff (cost_curve.csv margin_usd_per_t, netback_usd_per_t and netback_region).\n");
}

// A list field set as the case file writes it, `fleet.include_status=["operating","curtailed"]`,
// said "value '["operating"' is not one of: operating, curtailed, ..." (brackets and quotes kept).
TEST(CliUserTrial4, AListFieldTakesTheTomlArrayFormOnTheCommandLine) {
  const RunResult toml = potline({"fleet", example("world.toml"), "--set", "fleet.include_status=[\"operating\", \"curtailed\"]",
                                  "--json"});
  ASSERT_EQ(toml.exit_code, 0) << toml.describe();
  const RunResult plain = potline({"fleet", example("world.toml"), "--set", "fleet.include_status=operating,curtailed", "--json"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  EXPECT_EQ(parse_json(toml.out).at("smelters"), parse_json(plain.out).at("smelters"));
  // 136 since five curtailed rows became closed and three unknown (user trial 14, T14-6,
  // 2026-12-07); 144 since world.toml builds on the 2024 backtest (fleet.year 2024: a row idle through
  // the year is not in the year's case, docs/model/fleet.md); 141 before Al Taweelah, Sunndal and
  // Irkutsk became two rows each (their potlines, 2026-12-06).
  EXPECT_EQ(parse_json(toml.out).at("smelters").get<int>(), 136);
}

// The flex report's schedule chart said "margin 24428 EUR against the flat schedule (-1.23 % of its
// power cost)": the misreading the text lost in the first trial (the schedule bought 1.23 % more
// power to make more metal), and nothing of the availability payment the margin holds.
TEST(CliUserTrial4, FlexReportGivesThePowerCostChangeWithItsSign) {
  TempDir dir;
  const std::string out = (dir.path() / "flex").string();
  const RunResult r = potline({"flex", example("flex-day.toml"), "--out", out, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string page = read_report(std::filesystem::path(out) / "report.html");
  // Numbers of 2026-12-06 with the piecewise production curve and flex's mass_transfer CE (T9-3;
  // +26775 EUR, +0.98 % with Dewing; were +24428 EUR, +1.23 %); the delivered line names the CE
  // model. +24211 EUR and -1896 EUR before the feed cycle was centred on the design alumina
  // (2026-12-06); +25206 EUR, -0.17 points and -1914 EUR until the overfeed trigger read the line
  // current, +24624 EUR and -1894 EUR until 8 cells were simulated (flex.simulated_cells); +25279
  // EUR, -0.16 points and -1741 EUR until the heat feed-forward's deadband (2026-12-07).
  expect_in(page,
            "margin +25240 EUR against the flat schedule (including the availability payment 3576 "
            "EUR); power cost +0.64 %");
  expect_in(page, "; current efficiency mass_transfer (the flex default): -0.14 points, -1587 EUR");
  expect_not_in(page, "of its power cost");
}

// The cell report's energy balance said "heat loss 778 kW of 1597 kW input" while the page also shows
// 4.192 V at 400 kA (1677 kW): the input is the cell's own, without the external drop (as the text
// says since BL).
TEST(CliUserTrial4, CellReportSaysItsInputIsTheCellsOwn) {
  TempDir dir;
  const std::string out = (dir.path() / "cell").string();
  const RunResult r = potline({"cell", example("default.toml"), "--out", out, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(read_report(std::filesystem::path(out) / "report.html"),
            "heat loss 778 kW of 1597 kW input to the cell (V x I less the external drop, which heats the busbars)");
}

// `sweep --threads 999` on a small machine printed "TBB Warning: The number of workers is currently
// limited to 1. The request for 998 workers is ignored..." on stderr; the results never depended on it.
TEST(CliUserTrial4, MoreSweepThreadsThanCoresIsNoLibraryWarning) {
  TempDir dir;
  const RunResult r = potline({"sweep", example("sweep-small.toml"), "--out", (dir.path() / "s.sqlite").string(),
                               "--threads", "999", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_not_in(r.err, "TBB Warning");
}

// `potline --data-dir EMPTY smelter ...`: ".../emissions/ipcc-aluminium.toml: error: TOML syntax error in
// data file: File could not be opened for reading" for a file that is not there.
TEST(CliUserTrial4, AMissingDataFileIsNoSyntaxError) {
  TempDir dir;
  const RunResult r = potline({"--data-dir", dir.path().string(), "smelter", example("smelter-us-old-grid.toml")});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "ipcc-aluminium.toml: error: cannot read data file: no such file (the data folder is --data-dir");
  expect_in(r.err, "cbam.toml: error: cannot read data file: no such file");
  expect_not_in(r.err, "TOML syntax error");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial4
