// Fleet tables and text titles read as an analyst would (user trial of 2026-12-05): a cost-curve
// row's margin is its region's price less its C1, and that price is in the row (docs/cli.md,
// Changes); a title says which fields --set changed.
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial_fleet_tables {
namespace {

// price_usd_per_t is the LME plus the input premium (2500 for Rusal Taishet in world.toml) while
// margin_usd_per_t is taken from the trade LP's regional price (2034): region_price_usd_per_t
// carries that price, so every row adds up. The regional price also equals the summary's.
TEST(CliTrialFleetTables, CostCurveMarginIsTheRowsRegionPriceLessC1) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "world").string();
  const RunResult r = potline({"fleet", (source_dir() / "examples" / "world.toml").string(), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto lines = lines_of(read_file(dir + "/cost_curve.csv"));
  ASSERT_GT(lines.size(), 100u);
  const auto header = csv_cells(lines[0]);
  // region_price_usd_per_t was the last column; the EU ETS columns follow it since 2026-12-05 evening,
  // the break-even power price since user trial 7 (T7-35).
  // The netback (T7-5) follows them, the UK ETS columns (T9-14) last; the compensation of indirect
  // emission costs sits between the EU ETS and the break-even power price since 2026-12-06; the
  // current each smelter's cell is evaluated at, and why, last since 2026-12-07 (issue 10).
  EXPECT_EQ(header[header.size() - 11], "region_price_usd_per_t");
  EXPECT_EQ(header[header.size() - 9], "eu_ets_free_allocation_t_per_t");
  EXPECT_EQ(header[header.size() - 8], "indirect_cost_aid_usd_per_t");
  EXPECT_EQ(header[header.size() - 7], "breakeven_power_usd_per_MWh");
  EXPECT_EQ(header[header.size() - 6], "netback_usd_per_t");
  EXPECT_EQ(header[header.size() - 5], "netback_region");
  EXPECT_EQ(header[header.size() - 4], "uk_ets_usd_per_t");
  EXPECT_EQ(header[header.size() - 3], "uk_ets_free_allocation_t_per_t");
  EXPECT_EQ(header[header.size() - 2], "cell_line_current_kA");
  EXPECT_EQ(header.back(), "cell_line_current_basis");
  const Json summary = parse_json(read_file(dir + "/summary.json"));
  const std::size_t region = column(header, "region"), price = column(header, "region_price_usd_per_t"),
                    c1 = column(header, "c1_usd_per_t"), margin = column(header, "margin_usd_per_t");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto row = csv_cells(lines[i]);
    ASSERT_EQ(row.size(), header.size()) << lines[i];
    const double p = std::stod(row[price]);
    // The margin is at the netback (T7-5): the best destination price less freight and tariff, never
    // below the home price less nothing (home is a destination): netback >= the region's price.
    const double netback = std::stod(row[column(header, "netback_usd_per_t")]);
    EXPECT_NEAR(netback - std::stod(row[c1]), std::stod(row[margin]), 0.02) << lines[i];  // 6 printed digits
    EXPECT_GE(netback, p - 0.01) << lines[i];
    EXPECT_NEAR(p, summary.at("price_by_region_usd_per_t").at(row[region]).get<double>(), 0.01) << lines[i];
  }
}

// User trial 16, T16-1: a full lane is not a netback. In world-2024 the oceania -> usa lane (its
// [[flow_limit]]) binds, so Tomago's and Boyne's marginal tonne cannot go to the US: their netback is
// Oceania's price (the US price less freight less the lane's shadow price), their margin negative
// while the 5 % turndown band of each is idle (+174 USD/t at the US price before). Every row with
// idle capacity in this case has a margin of at most 0.
TEST(CliTrialFleetTables, AFullLaneIsNotANetback) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "w24").string();
  const RunResult r = potline({"fleet", (source_dir() / "examples" / "world-2024.toml").string(), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json summary = parse_json(read_file(dir + "/summary.json"));
  const double lane = summary.at("flow_limit_shadow_price_usd_per_t").at("oceania to usa").get<double>();
  EXPECT_GT(lane, 100) << "the lane no longer binds: the test needs another case";
  const auto lines = lines_of(read_file(dir + "/cost_curve.csv"));
  const auto header = csv_cells(lines[0]);
  const std::size_t id = column(header, "id"), margin = column(header, "margin_usd_per_t"),
                    where = column(header, "netback_region"), netback = column(header, "netback_usd_per_t"),
                    price = column(header, "region_price_usd_per_t"), made = column(header, "production_kt_per_year"),
                    cap = column(header, "capacity_kt_per_year");
  int australian = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto row = csv_cells(lines[i]);
    if (std::stod(row[made]) < std::stod(row[cap]) - 1e-6) {
      EXPECT_LE(std::stod(row[margin]), 0.01) << lines[i];
    }
    if (row[id] == "oc-tomago" || row[id] == "oc-boyne") {
      ++australian;
      // Not the full lane's destination: Oceania's own price. A destination that ties with it (the
      // rest of Asia's price less the freight there since TALCO runs, T16-8; the full US lane less
      // its shadow price, exactly, since Tomago is the marginal plant, T16-10) names the home region
      // (market::netbacks, 2026-12-07).
      EXPECT_EQ(row[where], "oceania") << lines[i];
      EXPECT_NEAR(std::stod(row[netback]), std::stod(row[price]), 0.01) << lines[i];
      // Boyne's turndown band idle, margin below 0. Tomago, the `ap18` class since T16-10, set
      // Oceania's price with 5.8 of its 590 kt idle (margin 0) until Portland and Tiwai Point held their
      // dated 2024 states (validation W25, fleet19, 2026-12-07): now it runs all of its 590 kt at a
      // margin of 13.2 USD/t and Boyne's band is the marginal one.
      if (row[id] == "oc-boyne") {
        EXPECT_LE(std::stod(row[margin]), -1.0) << lines[i];
      } else {
        EXPECT_NEAR(std::stod(row[margin]), 13.2, 0.5) << lines[i];
      }
    }
  }
  EXPECT_EQ(australian, 2);
}

// User trial 16, T16-4: the same Chinese coal smelter paid 165 USD/t of CBAM in 2026 in `smelter`
// (China's default value) and 64 in `fleet` (route "actual"), and neither output named its route.
// User trial 17, T17-10: a smelter exported from a year case (cbam-2034, Alba's Line 6) printed a
// 2026-2034 CBAM schedule at 2034's EUA (146 EUR/t) in every year, against the fleet's year-by-year
// CBAM at each year's EUA, and named no EUA. The export now writes the path's EUA of every schedule
// year (cbam.eua_price_by_year), and the smelter's text and JSON give the EUA of each year.
TEST(CliTrialFleetTables, AnExportedYearCaseCarriesTheEuaOfEachCbamYear) {
  const auto example = [](const char* name) { return (source_dir() / "examples" / name).string(); };
  TempDir tmp;
  const std::string file = (tmp.path() / "alba6.toml").string();
  const RunResult exported = potline({"fleet", example("cbam-2034.toml"), "--export-smelter", "gcc-alba-6", "--out", file});
  ASSERT_EQ(exported.exit_code, 0) << exported.describe();
  expect_in(read_file(file), "eua_price_by_year.2027 = 94.0  # EUR/t; EUA price path of ");
  const RunResult plant = potline({"smelter", file});
  ASSERT_EQ(plant.exit_code, 0) << plant.describe();
  expect_in(plant.out, "  CBAM EUA EUR/t        2026: 83  2027: 94  2028: 106  2029: 118  2030: 130  2031: 134  2032: 138  "
                       "2033: 142  2034: 146 (cbam.eua_price_by_year, at ");
  const RunResult json = potline({"smelter", file, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const auto j = parse_json(json.out);
  EXPECT_TRUE(j.at("cbam_eua_eur_per_t").is_null());
  EXPECT_NEAR(j.at("cbam_eua_eur_per_t_by_year").at("2028").get<double>(), 106.0, 1e-9);
  // One year set on the command line; a year outside the schedule is an input error naming its years.
  const RunResult one = potline({"smelter", file, "--json", "--set", "cbam.eua_price_by_year.2028=50"});
  ASSERT_EQ(one.exit_code, 0) << one.describe();
  EXPECT_NEAR(parse_json(one.out).at("cbam_eua_eur_per_t_by_year").at("2028").get<double>(), 50.0, 1e-9);
  const RunResult bad = potline({"smelter", file, "--set", "cbam.eua_price_by_year.2040=50"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "--set #1: error: 'cbam.eua_price_by_year.2040': year 2040 is outside the years 2026–2034 (the "
                     "CBAM schedule of data/cbam.toml) of cbam.eua_price_by_year");
}

// The smelter text names it, with the embedded emissions it prices and the fleet's default; the path
// report's CBAM chart names the fleet's route in its title.
TEST(CliTrialFleetTables, EveryCbamFigureNamesItsRoute) {
  const auto example = [](const char* name) { return (source_dir() / "examples" / name).string(); };
  const RunResult plant = potline({"smelter", example("smelter-cn-captive-coal.toml")});
  ASSERT_EQ(plant.exit_code, 0) << plant.describe();
  expect_in(plant.out, "  CBAM USD/t            2026: 165  ");
  expect_in(plant.out, "  CBAM route            default (CHN): 3.00 t CO2e/t direct embedded emissions (the country "
                       "default value, plus the year's mark-up; cbam.route; `potline fleet` takes route \"actual\" "
                       "unless cbam.route = \"default\")\n");
  const RunResult own = potline({"smelter", example("smelter-cn-captive-coal.toml"), "--set", "cbam.route=actual"});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  expect_in(own.out, "  CBAM route            actual: 2.90 t CO2e/t direct embedded emissions (this plant's own");

  TempDir tmp;
  const std::string dir = (tmp.path() / "path").string();
  const RunResult path = potline({"fleet", example("world-path-2035.toml"), "--set", "fleet.last_year=2026", "--out", dir});
  ASSERT_EQ(path.exit_code, 0) << path.describe();
  const std::string html = dir + "/report.html";
  const RunResult report = potline({"report", dir, "--out", html});
  ASSERT_EQ(report.exit_code, 0) << report.describe();
  // The route in the panel's title, its basis in the panel's subtitle (one title of 160 characters drew
  // the chart 1314 px wide: T16-12).
  const std::string page = read_report(html);
  expect_in(page, "\"text\":\"CBAM cost of each region's metal if sold into the EU (route actual)\"");
  expect_in(page, "\"subtitle\":\"production-weighted mean over its smelters; route actual: each smelter's modelled "
                  "emissions, not the country default values\"");
}

// The case title no longer describes a case moved with --set ("300 x AP40 potline, one year" over 20
// cells and 5 days): every text output names the fields the command line changed, as `cell` does;
// case.* keys only rename the case.
TEST(CliTrialFleetTables, TextTitlesNameTheFieldsTheCommandLineChanged) {
  const auto example = [](const char* name) { return (source_dir() / "examples" / name).string(); };
  const RunResult sim = potline({"simulate", example("potline-year.toml"), "--set", "run.duration=1d", "--set",
                                 "potline.cells=2", "--set", "case.title=short"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  EXPECT_EQ(sim.out.rfind("short — changed on the command line: run.duration, potline.cells: 2 cell(s), 1.00 d\n", 0), 0u)
      << sim.out;
  const RunResult fleet = potline({"fleet", example("world.toml"), "--set", "tariff[0].rate=0.25"});
  ASSERT_EQ(fleet.exit_code, 0) << fleet.describe();
  EXPECT_NE(fleet.out.find(" — changed on the command line: tariff[0].rate\n"), std::string::npos) << fleet.out;
  EXPECT_LT(fleet.out.find(" — changed on the command line"), fleet.out.find('\n'));
  const RunResult smelter = potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=30 USD/MWh"});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  EXPECT_NE(smelter.out.find(" (Mount Holly-like) — changed on the command line: prices.power\n  SEC source"),
            std::string::npos)
      << smelter.out;
  const RunResult invest = potline({"invest", example("invest-new-build.toml"), "--set", "investment.wacc=10 %"});
  ASSERT_EQ(invest.exit_code, 0) << invest.describe();
  EXPECT_NE(invest.out.find("hydro contract — changed on the command line: investment.wacc\n"), std::string::npos)
      << invest.out;
  const RunResult plain = potline({"fleet", example("world.toml")});
  EXPECT_EQ(plain.out.find("changed on the command line"), std::string::npos) << "nothing changed: no note";
  // The world emissions say their scope (the smelters' scope 1+2, not cradle-to-gate).
  EXPECT_NE(plain.out.find(" t/t, the smelters' scope 1+2)\n"), std::string::npos) << plain.out;
}

// --out DIR --report: the "report written to" line comes after the results, as flex and --vary print
// it; cell, smelter, invest, simulate and fleet printed it first, indented, before the title.
TEST(CliTrialFleetTables, ReportLineComesAfterTheResults) {
  TempDir tmp;
  const std::vector<std::pair<std::string, std::string>> runs = {{"cell", "default.toml"},
                                                                 {"smelter", "smelter-us-old-grid.toml"},
                                                                 {"invest", "invest-new-build.toml"},
                                                                 {"simulate", "outage-3h.toml"},
                                                                 {"fleet", "world.toml"}};
  for (const auto& [command, file] : runs) {
    const std::string dir = (tmp.path() / command).string();
    const RunResult r =
        potline({command, (source_dir() / "examples" / file).string(), "--out", dir, "--report"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_NE(r.out.rfind(' ', 0), 0u) << command << ": the title first:\n" << r.out;
    const std::string tail = "  results written to " + dir + "/\n  report written to " + dir + "/report.html (1 run, ";
    const auto at = r.out.rfind(tail);
    ASSERT_NE(at, std::string::npos) << command << ":\n" << r.out;
    EXPECT_EQ(r.out.find('\n', at + tail.size()), r.out.size() - 1) << command << ": the last line:\n" << r.out;
  }
}

// technologies: a published number its source gives as a bound is marked so; AP60-600's "> 4.5 t/d"
// printed as "4500 kg per pot-day" and its CE derived from it (93.1 %) as a plain figure; the CE
// now calibrated is the estimate that meets the bound (item J).
TEST(CliTrialFleetTables, TechnologiesMarkPublishedBounds) {
  const RunResult r = potline({"technologies"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto at = r.out.find("\nAP60-600 ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string entry = r.out.substr(at, r.out.find("\n\n", at) - at);
  EXPECT_NE(entry.find("  published: 600 kA | – | CE – | ≤ 13.0 kWh/kg DC | – AC | ≥ 4500 kg per pot-day\n"),
            std::string::npos)
      << entry;
  // Since item J the calibration takes the first generation's measured CE, which meets the bound.
  EXPECT_NE(entry.find("CE 95.9 %, 13.00 kWh/kg DC"), std::string::npos) << entry;
  EXPECT_NE(entry.find("- the published 4500 kg per pot-day is a lower bound (current efficiency at least 93.1 %, "
                       "Faraday); the calibration takes the estimated 95.9 %"),
            std::string::npos)
      << entry;
  EXPECT_NE(r.out.find("  published: 400 kA | – | CE – | ≤ 13.15 kWh/kg DC |"), std::string::npos) << "AP40's SEC";
}

// cell: the isothermal point holds the bath temperature, so at ACD 12 cm "bath 965.0 degC" sat beside a
// heat loss of 1923 kW (AP40's operating point: 778 kW). A loss off the technology's by more than a
// quarter now says the cell would not stay there, and which way --thermal finds it going.
TEST(CliTrialFleetTables, CellSaysWhenTheHeldTemperatureIsNoState) {
  const std::string c = (source_dir() / "examples" / "default.toml").string();
  const RunResult hot = potline({"cell", c, "--set", "operation.acd=12 cm"});
  ASSERT_EQ(hot.exit_code, 0) << hot.describe();
  // Since T14-1 a warning (stderr, and the JSON's warnings), no longer a note on stdout.
  EXPECT_NE(hot.err.find("warning: heat loss 1923 kW against 778 kW at AP40's operating point: with the bath held at "
                         "965.0 °C the loss is what closes the balance, and a cell run so would heat up, so voltage, "
                         "CE and SEC here are no operating point (--thermal solves the bath temperature and ledge)\n"),
            std::string::npos)
      << hot.err;
  // The design ACD given: without it 300 kA runs at the controlled ACD, near the design's heat loss (T19-1).
  const RunResult cold =
      potline({"cell", c, "--set", "operation.line_current=300 kA", "--set", "operation.acd=3.8036037 cm"});
  EXPECT_NE(cold.err.find("a cell run so would cool and grow ledge"), std::string::npos) << cold.err;
  for (const auto& args : std::vector<std::vector<std::string>>{{"cell", c}, {"cell", c, "--set", "operation.acd=4 cm"}}) {
    const RunResult r = potline(args);
    EXPECT_EQ(r.err.find("warning: heat loss"), std::string::npos) << r.err;  // near the design point
  }
  // With --thermal the top-level keys still hold the bath (the JSON says so); the warning names the solve.
  const RunResult solved = potline({"cell", c, "--set", "operation.acd=12 cm", "--thermal"});
  EXPECT_NE(solved.err.find("no operating point (the thermal steady state solves the bath temperature and ledge)"),
            std::string::npos)
      << solved.err;
}

// simulate: cell-process-faults sets its own fault rates (0.286 AE/cell-day) beside a profile line
// "rates calibrated to 0.01–0.1 AE/cell-day": the line says the profile gives only the rates not set.
TEST(CliTrialFleetTables, FaultProfileLineSaysWhichRatesItGives) {
  const RunResult r = potline({"simulate", (source_dir() / "examples" / "cell-process-faults.toml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  fault profile pfpb_modern (the fault rates the case does not set): rates calibrated to "
                       "0.01–0.1 AE/cell-day"),
            std::string::npos)
      << r.out;
}

// Rounding of the LP shown as results (user trial 2026-12-05 (2)): cost_curve.csv gave a smelter at
// capacity `curtailed_kt_per_year` 5.6e-14, and `compare` of world.toml and cbam-2034.toml listed
// `premium_by_region_usd_per_t.gcc 0 -> 2.22045e-13` as a change. Such differences are now 0.
TEST(CliTrialFleetTables, RoundingOfTheLpIsNoResult) {
  TempDir tmp;
  const std::string world = (tmp.path() / "world").string(), cbam = (tmp.path() / "cbam").string();
  ASSERT_EQ(potline({"fleet", (source_dir() / "examples" / "world.toml").string(), "--out", world}).exit_code, 0);
  ASSERT_EQ(potline({"fleet", (source_dir() / "examples" / "cbam-2034.toml").string(), "--out", cbam}).exit_code, 0);
  const std::regex tiny("e-(1[0-9]|[2-9][0-9])\\b");
  for (const char* table : {"/cost_curve.csv", "/regions.csv"}) {
    for (const std::string& folder : {world, cbam}) {
      EXPECT_FALSE(std::regex_search(read_file(folder + table), tiny)) << folder << table;
    }
  }
  const RunResult c = potline({"compare", world, cbam});
  ASSERT_EQ(c.exit_code, 0) << c.describe();
  EXPECT_EQ(c.out.find("premium_by_region_usd_per_t.gcc"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("premium_by_region_usd_per_t.europe"), std::string::npos) << c.out;
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial_fleet_tables
