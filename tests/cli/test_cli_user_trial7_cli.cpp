// User trial 7 (2026-12-06), the CLI findings: every input error of a fleet or flex run in one
// pass, merged lever tables named by their file (T7-21); notes for the model's own caveats (T7-12);
// the retrofit's break-even (T7-13); a smelter's break-even power (T7-35); --export-smelter of a
// smelter the case leaves out (T7-34); a misplaced row of a current schedule (T7-33).
#include <algorithm>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_user_trial7_cli {
namespace {

// The tester's bad fleet case: four errors came first, then three more (names checked in a later
// stage) only once those were fixed. All seven now come in one run.
TEST(CliUserTrial7, FleetReportsEveryInputErrorInOnePass) {
  TempDir tmp;
  const std::string file = tmp.write("badfleet.toml",
                                     "[case]\n"
                                     "base = \"" +
                                         example("world-2024.toml") +
                                         "\"\n"
                                         "[fleet]\n"
                                         "year = 2040\n"
                                         "lme = \"2392 EUR/t\"\n"
                                         "[[tariff]]\n"
                                         "importer = \"usa\"\n"
                                         "rate = 50\n"
                                         "exempt = [\"CANADA\"]\n"
                                         "[[added_load]]\n"
                                         "region = \"usa \"\n"
                                         "load = \"10 GW\"\n"
                                         "[[cap]]\n"
                                         "region = \"chn\"\n"
                                         "capacity = \"45 Mt\"\n");
  const RunResult r = potline({"fleet", file});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'fleet.lme'");
  expect_in(r.err, "'tariff[0].rate'");
  // The merged case's numbering, as the region's error below (T9-12: this said cap[0], the file's).
  expect_in(
      r.err,
      "'cap[1].capacity': unit 'Mt' (a mass) cannot be converted to Mt/yr (a mass per time), this "
      "field's unit: write e.g. \"45 Mt/yr\" (cap[1] is the case's 2nd [[cap]], the 1st of " +
          file + ")");
  expect_in(r.err, "'fleet.year': 2040 is outside the years the paths cover");
  // The later stage's names, in the same run:
  expect_in(r.err,
            "'tariff[0].exempt': unknown region or country 'CANADA' (did you mean 'canada'?)");
  expect_in(r.err, "'added_load[0].region': unknown region 'usa ' (did you mean 'usa'?)");
  // The user's only [[cap]] is the merged case's second: the message says which table it is.
  expect_in(
      r.err,
      "'cap[1].region': unknown region 'chn' (did you mean 'china'?) (cap[1] is the case's 2nd "
      "[[cap]], the 1st of " +
          file + ")");
  expect_in(r.err, "potline: 7 input error(s)");
}

// A name with no close match lists the known ones (few enough to read).
TEST(CliUserTrial7, UnknownRegionWithoutCloseMatchListsTheRegions) {
  const RunResult r =
      potline({"fleet", example("world-2024.toml"), "--set", "cap[0].region=nowhere_land"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "unknown region 'nowhere_land' (known: china, usa, canada, europe,");
}

// flex: the horizon longer than the price series came only after the other errors were fixed.
TEST(CliUserTrial7, FlexReportsTheHorizonWithTheOtherErrors) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--set", "flex.min_power=110 %",
                               "--set", "flex.horizon=25 h", "--set", "grid.call_duration=200 h"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'flex.min_power'");
  expect_in(r.err, "'grid.call_duration'");
  expect_in(r.err, "'flex.horizon': the horizon 25 h is longer than the price series");
  expect_in(r.err, "potline: 3 input error(s)");
}

// Caveats of the program's own model and data fire on every default run: they are notes, so that
// "warning:" keeps meaning a doubt about the input (T7-12).
TEST(CliUserTrial7, ModelCaveatsAreNotesNotWarnings) {
  const RunResult text = potline({"cell", default_case()});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "  note: fanning held at the peak of Haupin's fit (eq. 34)");
  expect_not_in(text.out, "warning: fanning");
  const Json j = parse_json(potline({"cell", default_case(), "--json"}).out);
  EXPECT_EQ(j.at("warnings"), Json::array());
  ASSERT_EQ(j.at("notes").size(), 1u);
  expect_in(j.at("notes")[0].get<std::string>(), "fanning held at the peak");
  // The IPCC2006 PFC coefficients not verified against the primary text: a note of smelter and
  // emissions.
  const RunResult smelter = potline({"smelter", example("smelter-us-old-grid.toml")});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  expect_in(smelter.out, "  note: emissions.coefficient_set: the IPCC2006 PFC coefficients");
  expect_not_in(smelter.out + smelter.err, "emissions.coefficient_set': the IPCC2006");
  const Json e =
      parse_json(potline({"emissions", "--production-t", "1000", "--aem", "0.5", "--json"}).out);
  for (const auto& w : e.at("warnings")) expect_not_in(w.get<std::string>(), "not verified");
}

// The retrofit's own break-even power price: the incremental NPV changes sign across it when the
// price is held over the whole life (two separate runs bracket it), unlike the plant's (T7-13).
TEST(CliUserTrial7, RetrofitBreakEvenIsBracketedByTwoRuns) {
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const double b = finite_number(j, "incremental_breakeven_power_usd_per_MWh");
  EXPECT_GT(b, finite_number(j, "breakeven_power_usd_per_MWh") + 10.0);
  const auto gain_at = [](double price) {
    const std::string p = std::to_string(price) + " USD/MWh";
    const RunResult x =
        potline({"invest", example("invest-ap60-retrofit.toml"), "--set", "prices.power=" + p,
                 "--set", "investment.post_contract_power=" + p, "--json"});
    EXPECT_EQ(x.exit_code, 0) << x.describe();
    return finite_number(parse_json(x.out), "incremental_npv_usd");
  };
  EXPECT_LT(gain_at(b - 1.0), 0.0);
  EXPECT_GT(gain_at(b + 1.0), 0.0);
  const RunResult t = potline({"invest", example("invest-ap60-retrofit.toml")});
  expect_in(t.out, "break-even power of the retrofit ");
  // A new build has none.
  const Json n = parse_json(potline({"invest", example("invest-new-build.toml"), "--json"}).out);
  EXPECT_FALSE(n.contains("incremental_breakeven_power_usd_per_MWh"));
}

// A smelter's break-even power price: at that price its margin over C1 is 0 (a second run checks
// it: C1 is affine in the power price), in smelter's text and JSON and in the fleet's cost curve
// (T7-35).
TEST(CliUserTrial7, SmelterBreakEvenPowerGivesZeroMargin) {
  const Json j =
      parse_json(potline({"smelter", example("smelter-us-old-grid.toml"), "--json"}).out);
  const double b = j.at("breakeven_power_usd_per_MWh").at("c1").get<double>();
  const double full = j.at("breakeven_power_usd_per_MWh").at("full").get<double>();
  EXPECT_LE(full, b);  // the full cost is at least C1: no more room on the power price
  const RunResult at = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                                "prices.power=" + std::to_string(b) + " USD/MWh", "--json"});
  ASSERT_EQ(at.exit_code, 0) << at.describe();
  EXPECT_NEAR(parse_json(at.out).at("margin_usd_per_t").at("c1").get<double>(), 0.0, 0.01);
  expect_in(potline({"smelter", example("smelter-us-old-grid.toml")}).out,
            "  break-even power      ");
  TempDir tmp;
  const std::string dir = (tmp.path() / "fleet").string();
  ASSERT_EQ(potline({"fleet", example("world-2024.toml"), "--out", dir}).exit_code, 0);
  const std::vector<std::string> lines =
      lines_of(read_file(std::filesystem::path(dir) / "cost_curve.csv"));
  const std::vector<std::string> head = csv_cells(lines.at(0));
  const auto column = [&](const std::string& name) {
    const auto it = std::find(head.begin(), head.end(), name);
    EXPECT_NE(it, head.end()) << name;
    return static_cast<std::size_t>(it - head.begin());
  };
  // Consistency with the same file's columns (the same formula: margin / SEC + power price).
  const std::vector<std::string> row = csv_cells(lines.at(1));
  const double margin = std::stod(row.at(column("margin_usd_per_t")));
  const double sec = std::stod(row.at(column("sec_ac_kWh_per_kg")));
  const double power = std::stod(row.at(column("power_usd_per_MWh")));
  EXPECT_NEAR(std::stod(row.at(column("breakeven_power_usd_per_MWh"))), power + margin / sec, 0.01);
}

// --export-smelter on a dataset smelter the case leaves out says why, in one error; a typo gets its
// did-you-mean alone (T7-34).
TEST(CliUserTrial7, ExportSmelterLeftOutOfTheCaseSaysWhy) {
  const RunResult r =
      potline({"fleet", example("world-2024.toml"), "--export-smelter", "us-hawesville"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'us-hawesville' is in the smelter dataset");
  expect_in(r.err, "with status curtailed in 2024");
  expect_in(r.err, "includes only the smelters with status operating (fleet.include_status)");
  expect_not_in(r.err, "unknown smelter");
  expect_in(r.err, "potline: 1 input error(s)");
  const RunResult typo =
      potline({"fleet", example("world-2024.toml"), "--export-smelter", "us-warick"});
  EXPECT_EQ(typo.exit_code, 2) << typo.describe();
  expect_in(typo.err, "unknown smelter 'us-warick' (did you mean 'us-warrick'?)");
  expect_not_in(typo.err, "only the smelters the case includes");
  expect_in(typo.err, "potline: 1 input error(s)");
}

// simulate's current schedule: one misplaced row is one error saying where it belongs, under the
// case key, and the order is checked in the same pass as a bad value (T7-33).
TEST(CliUserTrial7, CurrentScheduleMisplacedRowIsOneError) {
  TempDir tmp;
  tmp.write("cur_uns.csv", "time [h],current [kA]\n0,400\n1,410\n3,abc\n2,390\n4,400\n");
  const std::string c = tmp.write(
      "sim.toml", "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"cur_uns.csv\"\n");
  const RunResult r = potline({"simulate", c});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(
      r.err,
      "cur_uns.csv:4:3: error: 'potline.current_csv': current: 'abc' is not a non-negative number");
  expect_in(r.err,
            "cur_uns.csv:5:1: error: 'potline.current_csv': row out of order: time 2 h belongs "
            "after line 3 (1 h), "
            "before line 4 (3 h)");
  expect_not_in(r.err, "gap");
  expect_in(r.err, "potline: 2 input error(s)");
}

// T7-38: the flexible capacity of the preset (the published ±25 % / 48 h claim) carries the caveat that
// the dynamic model does not support it downwards; the envelope (the model's own holds) needs none.
TEST(CliUserTrial7, FlexPresetCapacityCarriesItsCaveat) {
  RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--set",
                         "fleet.flex_source=preset"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "  note: fleet.flex_source = preset: the published claim that ±25 % holds 48 h, not the dynamic model's");
  r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--set",
               "fleet.flex_source=preset", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string caveat = parse_json(r.out).at("flexible_capacity").at("caveat").get<std::string>();
  EXPECT_NE(caveat.find("overstate what the model supports"), std::string::npos) << caveat;
  r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=conventional", "--set",
               "fleet.flex_source=preset", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(parse_json(r.out).at("flexible_capacity").at("caveat").get<std::string>(), "");  // ±5 % holds (F5)
}

}  // namespace
}  // namespace test_cli_user_trial7_cli
}  // namespace potline_cli_test
