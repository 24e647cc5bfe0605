// What a user trial of 2026-12-04 found and fixed, end to end through the `potline` executable:
// each test asserts the corrected message or output (docs/cli.md, Changes).
#include <filesystem>
#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial {
namespace {

// "power cost +1.54 %" as the flex text prints it.
std::string fmt_percent(double percent) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "power cost %+.2f %%", percent);
  return buffer;
}

// A unit of the wrong dimension is said in words with the field's own unit and an example, not
// with the SI dimensions of the internal unit (before: "unit 't' (kg) cannot be converted to
// 'kg/s' (kg s^-1); this field takes a number in t/yr").
TEST(CliUserTrial, WrongDimensionUnitIsSaidInWordsWithTheFieldsUnit) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "plant.capacity=230000 t",
                               "--set", "prices.power=55 EUR/MWh", "--set", "plant.capacity_factor=0.75 kg"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_TRUE(r.out.empty());
  expect_in(r.err, "--set #1: error: 'plant.capacity': unit 't' (a mass) cannot be converted to t/yr (a mass per "
                   "time), this field's unit: write e.g. \"230000 t/yr\"");
  expect_in(r.err, "'prices.power': unit 'EUR/MWh' (EUR per energy) cannot be converted to USD/MWh (USD per "
                   "energy), this field's unit: write e.g. \"55 USD/MWh\" (amounts are not converted between "
                   "currencies)");
  expect_in(r.err, "'plant.capacity_factor': unit 'kg' (a mass) cannot be converted to this field, a plain number "
                   "without a unit: write e.g. 0.75");
  EXPECT_EQ(r.err.find("kg s^-1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("USD/J"), std::string::npos) << r.err;
}

TEST(CliUserTrial, WrongDimensionOnACommandLineOption) {
  const RunResult r = potline({"bath", "--alumina", "3 kg"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--alumina: error: '--alumina': unit 'kg' (a mass) cannot be converted to wt% (a fraction), this "
                   "field's unit: write e.g. \"3 wt%\"");
  // --target-voltage said "unit 'cm' (m) cannot be converted to 'V' (m^2 kg s^-3 A^-1)".
  const RunResult v = potline({"cell", "--technology", "AP40", "--target-voltage", "4.3 cm"});
  EXPECT_EQ(v.exit_code, 2) << v.describe();
  expect_in(v.err, "--target-voltage: error: 'target-voltage': unit 'cm' (a length) cannot be converted to V (a "
                   "voltage), this field's unit: write e.g. \"4.3 V\"");
}

// --thermal without a working steady state says so: a frozen bath shows no ledge number (was
// "ledge 0.0 cm"), the 150 K bound is not a state, and a ledge past the side channel is flagged.
TEST(CliUserTrial, ThermalStatesThatAreNotAWorkingCellSaySo) {
  // At the design ACD held (given; T18-2: at the pot control's ACD 300 kA is a steady state).
  const RunResult cut = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.line_current=300 kA",
                                 "--set", "operation.acd=3.8036037 cm"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  expect_in(cut.out, "ledge fills the side channel (≥ 28.0 cm),");  // was "ledge none" (trial 6, T6-7)
  expect_in(cut.err, "--thermal: warning: no liquid steady state: at the liquidus (958.1 °C) the cell generates");
  EXPECT_EQ(cut.out.find("ledge 0.0 cm"), std::string::npos) << cut.out;
  const RunResult hot = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.acd=8 cm", "--json"});
  ASSERT_EQ(hot.exit_code, 0) << hot.describe();
  const Json h = parse_json(hot.out).at("thermal");
  EXPECT_EQ(h.at("status"), "overheats");
  ASSERT_EQ(h.at("warnings").size(), 1u);
  expect_in(h.at("warnings")[0].get<std::string>(), "no steady state within 150 K above the liquidus");
  EXPECT_GT(h.at("heat_generated_kW").get<double>(), h.at("heat_loss_kW").get<double>());
  const RunResult thick = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.acd=2.5 cm", "--json"});
  ASSERT_EQ(thick.exit_code, 0) << thick.describe();
  const Json t = parse_json(thick.out).at("thermal");
  EXPECT_EQ(t.at("status"), "steady");
  EXPECT_GT(t.at("ledge_cm").get<double>(), 28.0);  // AP40's side channel (an estimate in the catalogue)
  ASSERT_EQ(t.at("warnings").size(), 1u);
  expect_in(t.at("warnings")[0].get<std::string>(), "is thicker than the side channel 28.0 cm");
  const RunResult design = potline({"cell", "--technology", "AP40", "--thermal", "--json"});
  EXPECT_TRUE(parse_json(design.out).at("thermal").at("warnings").empty()) << design.out;
}

// flex: the power-cost change has the sign of the cost (was "+24773 EUR (-1.54 % of the power
// cost)" for a schedule that bought more power to make more metal), with the energy and metal.
TEST(CliUserTrial, FlexTextGivesThePowerCostChangeWithItsSign) {
  const RunResult r = potline({"flex", example("flex-day.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const RunResult j = potline({"flex", example("flex-day.toml"), "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json value = parse_json(j.out).at("value");
  expect_in(r.out, fmt_percent(value.at("power_cost_change_percent").get<double>()));
  // The gain as a share of the flat power cost (issue 13: "savings ... % of power cost") is positive
  // when the margin gains, whatever the power cost did (was -1.23 % for a +24,428 EUR gain).
  const double saved = value.at("savings_percent_of_power_cost").get<double>();
  EXPECT_GT(value.at("savings_eur").get<double>(), 0);
  EXPECT_GT(saved, 0);
  char saved_text[64];
  std::snprintf(saved_text, sizeof saved_text, "(%+.2f %% of the flat schedule's power cost)", saved);
  expect_in(r.out, saved_text);
  expect_in(r.out, "MWh AC net (");  // bought at the grid connection since 2026-12-05 (was DC)
  expect_in(r.out, "  check: ");
  // The margin is metal less power, alumina and carbon (flat 3.7 kEUR a day for a 516 MW AC potline;
  // 29 kEUR when the cells' DC energy was bought),
  // not the plant's profit: the line says so (user trial of 2026-12-05).
  expect_in(r.out, "  margin over power, alumina and carbon (labour and fixed costs not counted");
  EXPECT_EQ(r.out.find("% of the power cost"), std::string::npos) << r.out;
}

// smelter: C2 = business = full = C1 is explained when no capital or overhead cost is given.
TEST(CliUserTrial, SmelterSaysWhyFullCostEqualsC1) {
  const std::string note = "note: no costs.depreciation, overheads, sustaining_capex or interest given";
  const RunResult bare = potline({"smelter", example("smelter-us-old-grid.toml")});
  ASSERT_EQ(bare.exit_code, 0) << bare.describe();
  expect_in(bare.out, note);
  const RunResult charged =
      potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "costs.depreciation=150 USD/t"});
  ASSERT_EQ(charged.exit_code, 0) << charged.describe();
  EXPECT_EQ(charged.out.find(note), std::string::npos) << charged.out;
}

// Every input error names where it is: the option (was "error: '--eua-price-eur': required ..."
// with no place) or the case file for a required key (was "error: 'prices.year': required ...").
TEST(CliUserTrial, EveryInputErrorNamesItsPlace) {
  const RunResult cbam = potline({"cbam", "--year", "2030", "--direct-t-co2e-per-t", "2"});
  EXPECT_EQ(cbam.exit_code, 2) << cbam.describe();
  expect_in(cbam.err, "--eua-price-eur: error: '--eua-price-eur': required");
  const RunResult none = potline({"cbam", "--year", "2030", "--eua-price-eur", "80"});
  EXPECT_EQ(none.exit_code, 2) << none.describe();
  expect_in(none.err, "--direct-t-co2e-per-t: error: '--direct-t-co2e-per-t': give --direct-t-co2e-per-t");
  TempDir tmp;
  const std::string path = tmp.write("bare.toml", "[case]\ntitle = \"x\"\n");
  for (const std::string command : {"smelter", "invest", "simulate", "cell"}) {
    const RunResult r = potline({command, path});
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    EXPECT_TRUE(r.out.empty());
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("potline: ", 0) == 0) continue;
      EXPECT_EQ(line.rfind(path, 0), 0u) << command << ": a message without its file: " << line;
    }
  }
}

// compare: two runs with no numeric difference say so instead of printing a bare header.
TEST(CliUserTrial, CompareOfRunsWithoutNumericDifferenceSaysSo) {
  TempDir tmp;
  const std::string a = (tmp.path() / "a").string(), b = (tmp.path() / "b").string();
  ASSERT_EQ(potline({"cell", example("default.toml"), "--out", a}).exit_code, 0);
  ASSERT_EQ(potline({"cell", example("default.toml"), "--set", "case.title=other", "--out", b}).exit_code, 0);
  const RunResult r = potline({"compare", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "no numeric metric differs (to the 6 printed significant digits)");
  EXPECT_EQ(r.out.find("metric  run 1"), std::string::npos) << r.out;
}

// compare: the wall-clock time of two simulate runs is not a result (it showed as a -40 % change).
TEST(CliUserTrial, CompareLeavesOutTheWallClockTime) {
  TempDir tmp;
  const std::string a = (tmp.path() / "a").string(), b = (tmp.path() / "b").string();
  ASSERT_EQ(potline({"simulate", example("outage-3h.toml"), "--out", a}).exit_code, 0);
  ASSERT_EQ(potline({"simulate", example("outage-3h.toml"), "--set", "run.seed=7", "--out", b}).exit_code, 0);
  const RunResult r = potline({"compare", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out.find("\nwall_seconds "), std::string::npos) << r.out;
  expect_in(r.out, "(the run's wall-clock time is left out: it is not a result; --all or --json show it)");
  expect_in(potline({"compare", a, b, "--all"}).out, "\nwall_seconds ");
  const std::string page = (tmp.path() / "c.html").string();
  ASSERT_EQ(potline({"compare", a, b, "--report", page}).exit_code, 0);
  const std::string html = read_report(page);
  const auto table = html.find("Comparison of 2 runs of potline simulate");
  ASSERT_NE(table, std::string::npos);
  EXPECT_EQ(html.find("<td>wall_seconds</td>", table), std::string::npos) << "the page's comparison table too";
}

// fleet: each [[exclusion]] says whether it binds. examples/xinjiang-exclusion.toml printed results
// identical to world.toml with no word why: China's metal does not go to the US or Europe in the
// trade LP, so excluding Xinjiang's changes nothing. Since 2026-12-05 the example builds on the 2024
// backtest (case.base, through world.toml, with fleet.year 2024) and says it still; world.toml's
// Russian exclusion (from Europe; the US measures are dated ones, not listed) does not bind either in
// the 2024 case: Russia's metal goes to Asia at the same prices. Keeping it out of Asia too binds (a
// case built on world.toml: rest of Asia's price 2,336 -> 2,346 USD/t on 2026-12-05; excluding
// Canadian or Indian metal from the US does not, the next import into the US costs within 0.5 USD/t).
TEST(CliUserTrial, FleetSaysWhetherEachExclusionBinds) {
  const RunResult r = potline({"fleet", example("xinjiang-exclusion.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json x = parse_json(r.out).at("exclusions");
  ASSERT_EQ(x.size(), 2u);
  EXPECT_EQ(x[0].at("origin"), "country RUS");
  EXPECT_EQ(x[0].at("importers"), Json::array({"europe"}));
  EXPECT_EQ(x[1].at("origin"), "province Xinjiang");
  EXPECT_EQ(x[1].at("importers"), Json::array({"usa", "europe"}));
  EXPECT_FALSE(x[1].at("binding").get<bool>());
  EXPECT_GT(x[1].at("origin_production_Mt").get<double>(), 5.0);  // [Wang et al. 2025]: ~15.7 % of China's output
  EXPECT_NEAR(x[1].at("price_by_importer_usd_per_t").at("usa").get<double>(),
              x[1].at("price_by_importer_without_usd_per_t").at("usa").get<double>(), 0.5);
  const RunResult text = potline({"fleet", example("xinjiang-exclusion.toml")});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_EQ(text.out.rfind("Xinjiang metal excluded from the US and Europe\n", 0), 0u) << text.out;
  expect_in(text.out, "exclusion of province Xinjiang metal from usa, europe: origin production ");
  expect_in(text.out, "does not bind");
  expect_in(text.out, "exclusion of country RUS metal from europe: origin production ");
  TempDir tmp;
  const std::string asia = tmp.write("russia-out-of-asia.toml",
                                     "[case]\nbase = \"" + example("world.toml") +
                                         "\"\n[[exclusion]]\nimporters = [\"china\", \"rest_of_asia\", \"india\"]\n"
                                         "origin_country = \"RUS\"\n");
  const RunResult binds = potline({"fleet", asia, "--json"});
  ASSERT_EQ(binds.exit_code, 0) << binds.describe();
  const Json c = parse_json(binds.out).at("exclusions");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[1].at("importers"), Json::array({"china", "rest_of_asia", "india"}));
  EXPECT_TRUE(c[1].at("binding").get<bool>());
  EXPECT_GT(c[1].at("price_by_importer_usd_per_t").at("rest_of_asia").get<double>(),
            c[1].at("price_by_importer_without_usd_per_t").at("rest_of_asia").get<double>() + 0.5);
  expect_in(potline({"fleet", asia}).out, "exclusion of country RUS metal from china, rest_of_asia, india: origin "
                                          "production 4.16 of 4.16 Mt/yr; binds: without it ");
  const std::string dir = (tmp.path() / "run").string();
  const RunResult folder = potline({"fleet", example("xinjiang-exclusion.toml"), "--out", dir});
  ASSERT_EQ(folder.exit_code, 0) << folder.describe();
  expect_in(folder.out, "  results written to " + dir + "/\n");  // as every other command says it
  const RunResult none = potline({"fleet", example("world-2024.toml"), "--json"});
  ASSERT_EQ(none.exit_code, 0) << none.describe();
  EXPECT_FALSE(parse_json(none.out).contains("exclusions")) << "a case without [[exclusion]] has no key";
}

// fleet with a year: the title comes first (the year line used to come before it).
TEST(CliUserTrial, FleetTextStartsWithTheTitle) {
  const RunResult r = potline({"fleet", example("world-path-2035.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out.rfind("World fleet 2024-2035", 0), 0u) << r.out;
  // Since T13-11 (2026-12-07) the last year is followed by the same year solved alone.
  expect_in(r.out, "  year 2035 (the last of the path; the figures below are of it)\n  2035 alone (fleet.year = 2035: ");
  expect_in(r.out, "\n  smelters ");
  expect_in(r.out, "(the case's LME, not the prices of 2035)\n");
}

// The fanning warning names the channel past the fit's peak (was "ACD 3.80 cm or a gap lies beyond
// the maximum of Haupin's fanning fit", on every catalogue technology, without saying which).
TEST(CliUserTrial, FanningWarningNamesTheChannelPastThePeak) {
  const RunResult ap40 = potline({"cell", "--technology", "AP40", "--json"});
  ASSERT_EQ(ap40.exit_code, 0) << ap40.describe();
  // A note on the model (its fit), not a warning about the input (user trial 7, T7-12).
  EXPECT_EQ(parse_json(ap40.out).at("warnings"), Json::array());
  EXPECT_EQ(parse_json(ap40.out).at("notes"),
            Json::array({"fanning held at the peak of Haupin's fit (eq. 34) where the side channel (2 × 28.0 cm, a face "
                         "towards a wall counts twice) is wider than its peak at 40.7 cm for ACD 3.80 cm"}));
  // (0.1270 + 0.0394 × 3.80)/0.0068 = 40.69 cm: the peak of eq. 34 in the gap at this ACD.
  const RunResult p155 = potline({"cell", "--technology", "P155", "--json"});
  ASSERT_EQ(p155.exit_code, 0) << p155.describe();
  expect_in(parse_json(p155.out).at("notes")[0].get<std::string>(),
            "where the ACD 5.91 cm is past its peak at 5.01 cm for the anode gap 4.0 cm; the side channel");
  // sqrt((0.1656 + 0.0394 × 4.0)/0.0129) = 5.005 cm: the peak in the ACD for a 4 cm gap.
}

// Every file a run folder holds is named by the command's --out help (cell lacked published.csv).
TEST(CliUserTrial, OutHelpNamesEveryFileOfTheRunFolder) {
  TempDir tmp;
  const std::vector<std::vector<std::string>> runs = {
      {"cell", example("default.toml")}, {"smelter", example("smelter-us-old-grid.toml")},
      {"invest", example("invest-new-build.toml")}, {"flex", example("flex-day.toml")}};
  for (const auto& args : runs) {
    const std::string dir = (tmp.path() / args[0]).string();
    std::vector<std::string> with_out = args;
    with_out.insert(with_out.end(), {"--out", dir});
    ASSERT_EQ(potline(with_out).exit_code, 0) << args[0];
    const RunResult help = potline({args[0], "--help"});
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      expect_in(help.out, entry.path().filename().string());
    }
  }
}

// schema/template help list every name the commands accept (schema listed 5 of 11, template 4 of
// 7), and the schemas of command-line options do not offer a --set their commands refuse.
TEST(CliUserTrial, SchemaAndTemplateHelpListEveryName) {
  const auto names_in_error = [](const std::vector<std::string>& args) {
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << r.describe();
    const auto at = r.err.find("available: ");
    std::vector<std::string> names;
    std::istringstream list(r.err.substr(at + 11, r.err.find('\n', at) - at - 11));
    for (std::string name; std::getline(list, name, ',');) names.push_back(name.substr(name.find_first_not_of(' ')));
    return names;
  };
  const RunResult schema_help = potline({"schema", "--help"});
  for (const auto& name : names_in_error({"schema", "nosuch"})) expect_in(schema_help.out, name);
  const RunResult template_help = potline({"template", "--help"});
  for (const auto& name : names_in_error({"template", "nosuch"})) expect_in(template_help.out, name);
  const RunResult bath = potline({"schema", "bath"});
  ASSERT_EQ(bath.exit_code, 0) << bath.describe();
  EXPECT_EQ(bath.out.substr(0, bath.out.find('\n')).find("--set"), std::string::npos) << bath.out.substr(0, 200);
  const RunResult bath_set = potline({"bath", "--set", "bath.alumina=3"});
  EXPECT_EQ(bath_set.exit_code, 2);  // indeed refused
  const RunResult cell = potline({"schema", "cell"});
  expect_in(cell.out.substr(0, cell.out.find('\n')), "--set KEY=VALUE");
}

// invest: money in M USD with one decimal (was "capex 3.3e+09 USD", "NPV 4.667e+08 USD").
TEST(CliUserTrial, InvestTextGivesMoneyInMillionUsd) {
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const RunResult j = potline({"invest", example("invest-ap60-retrofit.toml"), "--json"});
  const Json s = parse_json(j.out);
  char npv[64], gain[64];
  // (session 4: the retrofit's gain first, "retrofit against keeping the old cells: NPV ...", then the plant's)
  std::snprintf(npv, sizeof npv, " NPV %.1f M USD   IRR ", s.at("npv_usd").get<double>() / 1e6);
  std::snprintf(gain, sizeof gain, "old cells: NPV %.1f M USD (", s.at("incremental_npv_usd").get<double>() / 1e6);
  expect_in(r.out, npv);
  expect_in(r.out, gain);
  EXPECT_EQ(r.out.find("e+0"), std::string::npos) << r.out;
  // A retrofit's break-even power price is the plant's, which the retrofit's loss does not follow.
  expect_in(r.out, "USD/MWh; the plant's NPV = 0, not the retrofit's gain)");
  const RunResult build = potline({"invest", example("invest-new-build.toml")});
  EXPECT_EQ(build.out.find("not the retrofit's gain"), std::string::npos) << build.out;
  // The break-even is one price for every operating year: with the contract price alone set to it
  // (post_contract_power kept at 50 USD/MWh) NPV is not 0 (user trial of 2026-12-05).
  expect_in(build.out, "(one price for every operating year, contract and after; bisection, tolerance 0.01 USD/MWh)");
}

// fleet text: the "marginal cost" (highest C1 of a producing smelter) names its smelter and stands
// beside the world price (world.toml: 2533 USD/t at Sebree behind the US tariff, world 2118).
TEST(CliUserTrial, FleetMarginalCostNamesItsSmelterBesideTheWorldPrice) {
  const RunResult r = potline({"fleet", example("world.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(potline({"fleet", example("world.toml"), "--json"}).out);
  char line[160];
  std::snprintf(line, sizeof line, "  marginal cost (highest C1 producing) %.0f USD/t (",
                j.at("marginal_cost_usd_per_t").get<double>());
  expect_in(r.out, line);
  std::snprintf(line, sizeof line, ")   world price %.0f USD/t   emissions ", j.at("world_price_usd_per_t").get<double>());
  expect_in(r.out, line);
}

// emissions without anode-effect data said it used Tier 1 and how to give data (PFPB_legacy: 3.1 t
// CO2e/t by Tier 1, where fleet's Mount Holly, on published figures, has 0.34). Since the T8-4
// follow-up (user trial 10) it takes the class's entry of the fleet's anode-effect table, as
// `potline smelter` (test_cli_trial10_emissions.cpp), and names it; Tier 1 is --pfc-method tier1.
TEST(CliUserTrial, EmissionsTierOneSaysHowToGiveAnodeEffectData) {
  const std::string note = "note: no anode-effect data given, so IPCC Tier 1";
  const RunResult plain = potline({"emissions", "--technology-class", "PFPB_legacy"});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  expect_in(plain.out, "  PFC basis: technology class PFPB_legacy: ");
  EXPECT_EQ(plain.out.find(note), std::string::npos) << plain.out;
  const RunResult tier1 = potline({"emissions", "--technology-class", "PFPB_legacy", "--pfc-method", "tier1"});
  ASSERT_EQ(tier1.exit_code, 0) << tier1.describe();
  expect_in(tier1.out, "CF4 0.4 kg");  // IPCC 2006 Tier 1, the CWPB row for point-fed prebake
  const RunResult slope = potline({"emissions", "--technology-class", "PFPB_legacy", "--aem", "0.3"});
  ASSERT_EQ(slope.exit_code, 0) << slope.describe();
  EXPECT_EQ(slope.out.find(note), std::string::npos) << slope.out;
  expect_in(slope.out, "  PFC basis: slope method with the given --aem");
}

// --outputs takes an array element as `compare` prints it ("event_windows[0].min_bath_temperature_degC"
// was refused; only "event_windows.0...." worked), with the same values.
TEST(CliUserTrial, VaryOutputsTakeArrayElementsAsComparePrintsThem) {
  const RunResult brackets = potline({"simulate", example("outage-3h.toml"), "--vary", "run.seed=1", "--outputs",
                                      "event_windows[0].min_bath_temperature_degC", "--csv"});
  ASSERT_EQ(brackets.exit_code, 0) << brackets.describe();
  const RunResult dots = potline({"simulate", example("outage-3h.toml"), "--vary", "run.seed=1", "--outputs",
                                  "event_windows.0.min_bath_temperature_degC", "--csv"});
  ASSERT_EQ(dots.exit_code, 0) << dots.describe();
  EXPECT_EQ(brackets.out.substr(brackets.out.find('\n')), dots.out.substr(dots.out.find('\n')));
  expect_in(brackets.out, "key,value,event_windows[0].min_bath_temperature_degC\n");
}

// sweep text: P50 [P10-P90] of headline results per scenario (it printed only how many samples were
// stored, so a text run of a Monte Carlo gave no range at all).
TEST(CliUserTrial, SweepTextGivesTheRangeOfEachScenario) {
  TempDir tmp;
  const std::string store = (tmp.path() / "s.sqlite").string();
  const RunResult r = potline({"sweep", example("sweep-small.toml"), "--out", store, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "  P50 [P10-P90] over the samples:\n  scenario ");
  expect_in(r.out, "marginal C1 USD/t");
  for (const std::string scenario : {"base", "us-power-plus-20"}) {
    const auto at = r.out.find("\n  " + scenario + " ");
    ASSERT_NE(at, std::string::npos) << r.out;
    std::istringstream row(r.out.substr(at + scenario.size() + 3, r.out.find('\n', at + 1) - at));
    double p50 = 0, p10 = 0, p90 = 0;
    char open = 0, dash = 0, close = 0;
    int cells = 0;
    while (row >> p50 >> open >> p10 >> dash >> p90 >> close) {
      EXPECT_EQ(open, '[');
      EXPECT_LE(p10, p50);
      EXPECT_LE(p50, p90);
      ++cells;
    }
    EXPECT_EQ(cells, 6) << r.out;  // world price (T7-30), marginal C1, US and Europe prices, production, emissions
  }
}

// A class given without its variant gets the family as its hint ("PFPB" suggested CWPB).
TEST(CliUserTrial, DidYouMeanPrefersTheFamilyOfAVariantName) {
  const RunResult r = potline({"emissions", "--technology-class", "PFPB"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "(did you mean 'PFPB_legacy'?)");
}

// cell text: a title such as "AP40 at its published operating point" stays, but the first line now
// says which inputs --set moved (the 420 kA, 4 cm case was headed as the published point).
TEST(CliUserTrial, CellTitleSaysWhichInputsTheCommandLineChanged) {
  const RunResult moved = potline({"cell", example("default.toml"), "--set", "operation.acd=4.0 cm", "--set",
                                   "operation.line_current=420 kA"});
  ASSERT_EQ(moved.exit_code, 0) << moved.describe();
  EXPECT_EQ(moved.out.substr(0, moved.out.find('\n')),
            "AP40 at its published operating point [AP40] — changed on the command line: operation.acd, "
            "operation.line_current");
  const RunResult plain = potline({"cell", example("default.toml")});
  EXPECT_EQ(plain.out.substr(0, plain.out.find('\n')), "AP40 at its published operating point [AP40]");
  const RunResult titled = potline({"cell", example("default.toml"), "--set", "case.title=mine"});
  EXPECT_EQ(titled.out.substr(0, titled.out.find('\n')), "mine [AP40]");
}

// User trial of 2026-12-05 (second session; /work/coord/trial-findings.md, "Session of 2026-12-05 (2)").

Json thermal_of(const std::vector<std::string>& sets) {
  std::vector<std::string> args{"cell", example("default.toml"), "--thermal", "--json"};
  for (const auto& s : sets) args.insert(args.end(), {"--set", s});
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return r.exit_code == 0 ? parse_json(r.out).at("thermal") : Json{};
}

// The heat-loss network was calibrated at the case's own bath composition, so a composition change
// moved the calibration with it: --set bath.alf3=13 gave back 965.0 °C and the 6.5 cm design ledge
// (superheat 12.1 K, shell node 182 instead of 320 °C), and 11 or 14 wt% could not be calibrated
// (exit 1, "lower dynamics.bypass_ledge_share", a key the cell case does not have). Calibrated at
// the catalogue's operating point, more AlF3 lowers the liquidus and the bath follows it.
TEST(CliUserTrial, ThermalStateFollowsTheBathComposition) {
  const Json design = thermal_of({});
  const Json more = thermal_of({"bath.alf3=13"});
  const Json less = thermal_of({"bath.alf3=11"});
  ASSERT_TRUE(design.is_object() && more.is_object() && less.is_object());
  EXPECT_NEAR(finite_number(design, "bath_temperature_degC"), 965.0, 0.01);
  EXPECT_NEAR(finite_number(design, "design_liquidus_degC"), finite_number(design, "liquidus_degC"), 1e-9);
  // The design point is the catalogue's, whatever the case's bath.
  EXPECT_NEAR(finite_number(more, "design_liquidus_degC"), finite_number(design, "liquidus_degC"), 1e-9);
  EXPECT_LT(finite_number(more, "liquidus_degC"), finite_number(design, "liquidus_degC") - 4.0);
  EXPECT_LT(finite_number(more, "bath_temperature_degC"), finite_number(design, "bath_temperature_degC") - 3.0);
  EXPECT_GT(finite_number(less, "bath_temperature_degC"), finite_number(design, "bath_temperature_degC") + 3.0);
  for (const Json* t : {&more, &less}) {
    EXPECT_EQ(t->at("status"), "steady");
    EXPECT_NE(finite_number(*t, "ledge_cm"), finite_number(design, "ledge_cm"));
    EXPECT_GT(finite_number(*t, "superheat_K"), 3.0);
    EXPECT_LT(finite_number(*t, "superheat_K"), 12.0);
  }
  const RunResult text = potline({"cell", example("default.toml"), "--thermal", "--set", "bath.alf3=13"});
  expect_in(text.out, "at its catalogue operating point: 400.0 kA, ACD 3.80 cm, 965.0 °C, liquidus 958.1 °C):");
}

// A --prices file that cannot be read was located at "<command line>", a place the user never typed.
TEST(CliUserTrial, AnUnreadablePriceFileIsLocatedAtThePricesOption) {
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", "no-such-prices.csv"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--prices: error: 'flex.prices': cannot read the price series 'no-such-prices.csv'");
  EXPECT_EQ(r.err.find("<command line>"), std::string::npos) << r.err;
}

// The cash flows begin with the construction years, so "payback 11.7 years" was 8.7 years of
// operation: the text says where it counts from (14.6 years since the example's alumina is 18 % of
// the LME, 2026-12-06).
TEST(CliUserTrial, PaybackSaysItCountsFromTheStartOfConstruction) {
  const RunResult r = potline({"invest", example("invest-new-build.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "payback 14.6 years from the start of construction (3 construction years)");
}

// Input errors a user meets in one pass, said in the field's own terms: an unknown technology came
// only in a second run after the other errors; a share typed as a percentage got no hint; a word
// for a price was "expected e.g. "4.5 cm"".
TEST(CliUserTrial, UnknownTechnologyFractionAndNotANumberInOnePass) {
  const auto dir = std::filesystem::temp_directory_path() / "potline_cli_user_trial_one_pass";
  std::filesystem::create_directories(dir);
  const auto file = dir / "case.toml";
  std::ofstream(file) << "[case]\ntechnology = \"AP4\"\n\n[operation]\nline_current = \"400 kW\"\n";
  const RunResult cell = potline({"cell", file.string()});
  EXPECT_EQ(cell.exit_code, 2) << cell.describe();
  expect_in(cell.err, "case.toml:5:16: error: 'operation.line_current': unit 'kW' (a power)");
  expect_in(cell.err, "case.toml:2:14: error: 'case.technology': unknown technology 'AP4' (did you mean 'AP40'?)");
  expect_in(cell.err, "potline: 2 input error(s)");
  const RunResult smelter = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                                     "plant.capacity_factor=75", "--set", "prices.power=abc"});
  EXPECT_EQ(smelter.exit_code, 2) << smelter.describe();
  expect_in(smelter.err, "--set #1: error: 'plant.capacity_factor': value 75 is outside the allowed range [0, 1] "
                         "(production / nameplate capacity); it is a fraction: write 0.75 or \"75 %\"");
  expect_in(smelter.err, "--set #2: error: 'prices.power': 'abc' is not a number (expected e.g. \"4.5 USD/MWh\" or 4.5)");
  std::filesystem::remove_all(dir);
}

// The report's tables from the run folder's CSVs printed every digit ("15.000000000769482" kWh/kg,
// "295.17453800282175" MW in the potline groups); now 6 significant digits, the full value on hover.
TEST(CliUserTrial, ReportTablesShowSixSignificantDigits) {
  const auto dir = std::filesystem::temp_directory_path() / "potline_cli_user_trial_report_digits";
  std::filesystem::remove_all(dir);
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--out", dir.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_report(dir / "report.html");
  expect_in(html, "<td class=\"num\" title=\"295.17453800282175\">295.175</td>");
  EXPECT_EQ(html.find(">15.000000000769482<"), std::string::npos);
  expect_in(html, "<td class=\"num\">230000</td>");  // integers as they are
  std::filesystem::remove_all(dir);
}

// --thermal --vary: the solved bath against the AlF3 (the thermal keys were "not a key" of --outputs).
TEST(CliUserTrial, ThermalKeysAreVaryOutputs) {
  const RunResult r = potline({"cell", example("default.toml"), "--thermal", "--vary", "bath.alf3=11,13", "--outputs",
                               "thermal.bath_temperature_degC,thermal.superheat_K", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json rows = parse_json(r.out).at("rows");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NEAR(finite_number(rows[0].at("outputs"), "thermal.bath_temperature_degC"), 969.4, 0.1);
  EXPECT_NEAR(finite_number(rows[1].at("outputs"), "thermal.bath_temperature_degC"), 960.1, 0.1);
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial
