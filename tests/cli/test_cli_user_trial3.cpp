// User trial of 2026-12-05, third session (/work/coord/trial-findings.md, "Session of 2026-12-05
// (3)"): the items left open by the second session and what a process engineer and an energy/policy
// analyst met in a fresh run of the README tour, docs/cli.md and the examples.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_user_trial3 {
namespace {

// The fraction-for-% warning fired on any % field with a whole-percentage default, so a legitimate
// 0.5 % spread (potline.spread_acd = 0.5) was called "0.5 % ... for 50 % write 50". Each field now
// declares whether a plain number below 1 is suspicious.
TEST(CliUserTrial3, ASmallPercentageIsWarnedOnlyWhereAFractionIsLikely) {
  const RunResult spread = potline({"simulate", example("cell-7d.toml"), "--set", "potline.spread_acd=0.5", "--set",
                                    "run.duration=0.05 d", "--json"});
  ASSERT_EQ(spread.exit_code, 0) << spread.describe();
  expect_not_in(spread.err, "is read as");
  for (const std::string key : {"potline.spread_heat_loss=0.5", "potline.spread_dissolution=0.2"}) {
    const RunResult r = potline({"simulate", example("cell-7d.toml"), "--set", key, "--set", "run.duration=0.05 d",
                                 "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    expect_not_in(r.err, "is read as");
  }
  // Where a fraction is likely and below 1 % is implausible, the warning stays.
  const RunResult min_power = potline({"flex", example("flex-week-heat-exchangers.toml"), "--set",
                                       "flex.min_power=0.75", "--json"});
  expect_in(min_power.err, "--set #1: warning: 'flex.min_power': value 0.75 is read as 0.75 % (this field is in %, "
                           "default 95 %): for 75 % write 75 or \"75 %\"");
  const RunResult sulfur = potline({"smelter", example("smelter-us-old-grid.toml"), "--set",
                                    "emissions.anode_sulfur=0.02"});
  ASSERT_EQ(sulfur.exit_code, 0) << sulfur.describe();
  expect_in(sulfur.err, "--set #1: warning: 'emissions.anode_sulfur': value 0.02 is read as 0.02 % (this field is in %, "
                                     "default 2 %): for 2 % write 2 or \"2 %\"");
  // A field with no default says so without one.
  const RunResult flex_power = potline({"fleet", example("world.toml"), "--set", "fleet.flex_power=0.05"});
  ASSERT_EQ(flex_power.exit_code, 0) << flex_power.describe();
  expect_in(flex_power.out + flex_power.err,
            "'fleet.flex_power': value 0.05 is read as 0.05 % (this field is in %): for 5 % write 5 or \"5 %\"");
  // A fraction typed where it is out of range is an error that says the field is in %.
  const RunResult ce = potline({"simulate", example("cell-7d.toml"), "--set", "control.assumed_current_efficiency=0.95"});
  EXPECT_EQ(ce.exit_code, 2) << ce.describe();
  expect_in(ce.err, "'control.assumed_current_efficiency': value 0.95 % is outside the allowed range [50, 100] % (");
  expect_in(ce.err, "this field is in %: for 95 % write 95 or \"95 %\"");
}

// A price file with several bad rows: the values came first, the gap only once they were fixed, and
// no message named the input the file fills. Now every error of the run in one pass (the case's too).
TEST(CliUserTrial3, EveryPriceFileErrorComesInOnePassUnderFlexPrices) {
  TempDir dir;
  std::ifstream in(source_dir() / "data" / "prices" / "synthetic-de-summer-day-15min.csv");
  std::string line;
  std::string text;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 20) continue;                                          // a gap after 02:45
    if (n == 9) line = line.substr(0, line.find(',')) + ",abc";     // a word for a price
    if (n == 30) line = "2026-06-01 5pm" + line.substr(line.find(','));  // a time that is no time
    text += line + "\n";
  }
  const std::string prices = dir.write("p.csv", text);
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", prices, "--set", "flex.min_power=abc"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "--set #1: error: 'flex.min_power': 'abc' is not a number");
  expect_in(r.err, "p.csv:9:19: error: 'flex.prices': price 'abc' is not a number in EUR/MWh (allowed: any finite "
                   "number, negative prices included)");
  expect_in(r.err, "p.csv:29:1: error: 'flex.prices': time '2026-06-01 5pm': write ISO 8601 UTC times");
  expect_in(r.err, "p.csv:20:1: error: 'flex.prices': gap: 1 row(s) missing between 2026-06-01T02:45Z (line 19) and "
                   "2026-06-01T03:15Z (step 15 min)");
  expect_in(r.err, "potline: 4 input error(s); nothing was run");
}

// A bad number in a smelters CSV printed its value twice ("'abc': 'abc' is not a number") and the
// range errors gave neither the value nor the unit.
TEST(CliUserTrial3, ASmeltersCsvErrorGivesTheValueOnceWithItsUnitAndRange) {
  TempDir dir;
  std::ifstream in(source_dir() / "data" / "smelters.csv");
  std::string line;
  std::string text;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    text += line + "\n";
    if (++rows == 3) break;
  }
  const auto header_end = text.find('\n');
  const auto second = text.find('\n', header_end + 1);
  // Row 2: capacity "abc".
  const std::regex capacity(",([0-9.]+),operating,");
  const std::string row2 = std::regex_replace(text.substr(header_end + 1, second - header_end), capacity,
                                              ",abc,operating,", std::regex_constants::format_first_only);
  const std::string csv = dir.write("s.csv", text.substr(0, header_end + 1) + row2);
  const RunResult r = potline({"fleet", example("world.toml"), "--set", "fleet.smelters=" + csv});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "s.csv:2:");
  expect_in(r.err, "error: 'capacity_kt_per_year': 'abc' is not a number (expected e.g. \"4.5 kt/yr\" or 4.5); "
                   "column unit kt/yr, allowed > 0 kt/yr");
  expect_not_in(r.err, "'abc': 'abc'");
}

// examples/ccs-retrofit-gcc.toml (a fleet case) run with another command gave 21 errors, none saying
// which command reads the file.
TEST(CliUserTrial3, ACaseRunWithTheWrongCommandNamesTheRightOne) {
  const RunResult r = potline({"invest", example("ccs-retrofit-gcc.toml")});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  // Since 2026-12-06 the file builds on cbam-2034.toml: its own section is [[ccs_retrofit]] alone.
  expect_in(
      r.err,
      "ccs-retrofit-gcc.toml: note: [[ccs_retrofit]] is a section of a 'potline fleet' case: run "
      "potline fleet ");
  const RunResult sim = potline({"cell", example("cell-7d.toml")});
  EXPECT_EQ(sim.exit_code, 2) << sim.describe();
  expect_in(sim.err, "'potline simulate' case: run potline simulate ");
  // A misspelt section of the right command gets no such note.
  TempDir dir;
  const std::string typo = dir.write("c.toml", "[case]\ntechnology = \"AP40\"\n[operaton]\nacd = \"4 cm\"\n");
  const RunResult t = potline({"cell", typo});
  EXPECT_EQ(t.exit_code, 2) << t.describe();
  expect_in(t.err, "unknown section [operaton] (did you mean [operation]?)");
  expect_not_in(t.err, "note:");
}

// The fleet text said nothing of the levers a case is about: ccs-retrofit-gcc.toml printed the
// world table only (capture, its cost and the CBAM it saves were in summary.json alone), likewise
// hpa-us-fleet.toml's grades and refining line and fleet.flex's flexible capacity.
TEST(CliUserTrial3, FleetTextShowsTheLeversOfTheCase) {
  const RunResult ccs = potline({"fleet", example("ccs-retrofit-gcc.toml")});
  ASSERT_EQ(ccs.exit_code, 0) << ccs.describe();
  expect_in(ccs.out, "  carbon capture retrofit: 9 smelter(s), captured ");  // Al Taweelah two rows since 2026-12-06
  expect_in(ccs.out, "break-even CO2 USD/t");
  expect_in(ccs.out, "    gcc-alba-1-4 ");
  const RunResult hpa = potline({"fleet", example("hpa-us-fleet.toml")});
  ASSERT_EQ(hpa.exit_code, 0) << hpa.describe();
  expect_in(hpa.out, "  high-purity metal: ");
  expect_in(hpa.out, "us-mount-holly         P0406 ");
  expect_in(hpa.out, "three_layer line 20000 t/yr HPA");
  const RunResult flex = potline({"fleet", example("world.toml"), "--set", "fleet.flex=heat_exchangers"});
  ASSERT_EQ(flex.exit_code, 0) << flex.describe();
  expect_in(flex.out, "  flexible capacity (heat_exchangers, hold from the envelope: ±25 % of power for up to 48 h): ");
}

std::vector<std::string> split_commas(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t comma = line.find(','); comma != std::string::npos; comma = line.find(',', start)) {
    cells.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  cells.push_back(line.substr(start));
  return cells;
}

// --export-smelter wrote the dataset row's nameplate (Mount Holly 230 kt/yr) where the fleet runs the
// capacity in force in the case's year (172.5 kt/yr in 2024, a dated curtailment): `potline smelter`
// on the export gave C1 2767 USD/t against the fleet's 2841 (labour over idle capacity).
TEST(CliUserTrial3, AnExportedSmelterHasTheFleetsC1InAYearWithACurtailment) {
  TempDir dir;
  const std::string out = (dir.path() / "w").string();
  const RunResult fleet = potline({"fleet", example("world-2024.toml"), "--out", out});
  ASSERT_EQ(fleet.exit_code, 0) << fleet.describe();
  const std::string curve = read_file(out + "/cost_curve.csv");
  const auto header = split_commas(curve.substr(0, curve.find('\n')));
  const auto c1_column = static_cast<std::size_t>(
      std::find(header.begin(), header.end(), "c1_usd_per_t") - header.begin());
  const auto at = curve.find(",us-mount-holly,");
  ASSERT_NE(at, std::string::npos);
  const std::size_t begin = curve.rfind('\n', at) + 1;
  const auto row = split_commas(curve.substr(begin, curve.find('\n', at) - begin));
  ASSERT_LT(c1_column, row.size());
  const double fleet_c1 = std::stod(row[c1_column]);
  const std::string exported = (dir.path() / "mh.toml").string();
  const RunResult ex = potline({"fleet", example("world-2024.toml"), "--export-smelter", "us-mount-holly", "--out",
                                exported});
  ASSERT_EQ(ex.exit_code, 0) << ex.describe();
  expect_in(read_file(exported), "capacity in force in 2024 after the dated curtailments and restarts");
  const RunResult smelter = potline({"smelter", exported, "--json"});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  const Json j = parse_json(smelter.out);
  EXPECT_NEAR(j.at("cost_usd_per_t").at("c1").get<double>(), fleet_c1, 0.01) << smelter.out;
}

// `potline report out/mc.sqlite` wrote out/report.html: the pages of two stores in one folder
// overwrote each other. A store's page is now STORE.html.
TEST(CliUserTrial3, AStoresReportIsNamedAfterTheStore) {
  TempDir dir;
  const std::string store = (dir.path() / "small.sqlite").string();
  const RunResult sweep = potline({"sweep", example("sweep-small.toml"), "--out", store, "--threads", "1"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.describe();
  const RunResult r = potline({"report", store});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "report written to " + (dir.path() / "small.html").string() + " (1 run,");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "small.html"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "report.html"));
}

// "under water at LME 2400 + premium: 1 smelters". How many smelters are under water moves with the
// data (world.toml: 1 until 2026-12-05 14:00, then 0), so the grammar is checked on whatever count.
TEST(CliUserTrial3, OneSmelterUnderWaterIsSingular) {
  for (const char* name : {"world.toml", "world-2024.toml", "us-tariff-50.toml"}) {
    const RunResult r = potline({"fleet", example(name)});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\+ premium: (1 smelter|(0|[2-9]|\d\d+) smelters), )"))) << r.out;
    expect_not_in(r.out, "premium: 1 smelters");
  }
}

// world-path-2035's 2035: "curtailed 0.46" with a world price of 3660 USD/t, and nothing said that
// China's cap binds (its shadow price was in summary.json only); world-2024's Australia-US lane too.
TEST(CliUserTrial3, FleetTextNamesTheLimitsThatBind) {
  const RunResult path = potline({"fleet", example("world-path-2035.toml")});
  ASSERT_EQ(path.exit_code, 0) << path.describe();
  expect_in(path.out, "  binding limits (shadow price: the value of one more tonne through it): china cap ");
  const RunResult y2024 = potline({"fleet", example("world-2024.toml")});
  ASSERT_EQ(y2024.exit_code, 0) << y2024.describe();
  expect_in(y2024.out, "binding limits (shadow price: the value of one more tonne through it): oceania to usa ");
  expect_not_in(y2024.out, "china cap");
}

// `--set tariff[0].rate=5` (meaning 5 %) ran a 500 % tariff (US price 11557 USD/t) with only "outside
// the typical range 0–1"; rate=50 was refused without the fraction hint capacity_factor=75 gets.
TEST(CliUserTrial3, APercentageTypedForAShareSaysItIsAFraction) {
  const RunResult warned = potline({"fleet", example("world.toml"), "--set", "tariff[0].rate=5"});
  ASSERT_EQ(warned.exit_code, 0) << warned.describe();
  expect_in(warned.out + warned.err,
            "'tariff[0].rate': value 5 is outside the typical range 0–1; it is a fraction: write 0.05 or \"5 %\"");
  const RunResult refused = potline({"fleet", example("world.toml"), "--set", "tariff[0].rate=50"});
  EXPECT_EQ(refused.exit_code, 2) << refused.describe();
  expect_in(refused.err, "is outside the allowed range [0, 10] ([[tariff]] ad valorem rate (0.5 = 50 %)); it is a "
                         "fraction: write 0.5 or \"50 %\"");
}

// compare of two --vary runs over different values matched their rows by position: prices.power=30
// against 40 shown as a change of the same row.
TEST(CliUserTrial3, CompareMatchesVaryRowsByTheirValue) {
  TempDir dir;
  const std::string a = (dir.path() / "a").string(), b = (dir.path() / "b").string();
  for (const auto& [out, values] : {std::pair{a, "prices.power=30,40"}, std::pair{b, "prices.power=40,50"}}) {
    const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--vary", values, "--outputs",
                                 "cost_usd_per_t.c1", "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
  }
  const RunResult r = potline({"compare", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "rows[value=30 USD/MWh]: only in run 1");  // the value with the field's unit (session 4)
  expect_in(r.out, "rows[value=50 USD/MWh]: only in run 2");
  expect_not_in(r.out, "rows[value=40 USD/MWh].outputs.cost_usd_per_t.c1");  // equal in both: not a change
  expect_in(r.out, "(1 metric equal in every run not shown");
  // Each run is named with what it varied (a vary folder's runs were named by folder only).
  expect_in(r.out, "smelter-us-old-grid.toml --vary prices.power=40,50)");
}

// `smelter` with a technology printed "SEC (AC, plant) 13.487 kWh/kg", the cell model's AC SEC at the
// potlines: plant.auxiliary_share defaults to 0, so the anode plant, casthouse and services were left
// out without a word. An input potline.sec_ac is the whole-plant figure by the field's definition.
TEST(CliUserTrial3, APlantSecFromTheCellModelSaysItIsThePotlines) {
  const RunResult cell = potline({"smelter", example("smelter-us-old-grid.toml")});
  ASSERT_EQ(cell.exit_code, 0) << cell.describe();
  expect_in(cell.out, "  note: the SEC is the cell model's at the potlines (AC): with plant.auxiliary_share 0 nothing "
                      "is added for the anode plant, casthouse and services");
  for (const char* quiet : {"smelter-ca-hydro.toml", "smelter-two-potlines.toml"}) {  // input SEC; share 0.03
    const RunResult r = potline({"smelter", example(quiet)});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    expect_not_in(r.out, "cell model's at the potlines");
  }
}

// A rejected [[uncertain]] distribution named neither value, one of which may have come from --set:
// "'power_factor_usa': uniform needs min < max".
TEST(CliUserTrial3, ARejectedDistributionGivesItsParameters) {
  TempDir dir;
  const RunResult r = potline({"sweep", example("sweep-small.toml"), "--out", (dir.path() / "s.sqlite").string(),
                               "--set", "uncertain[0].min=1.2", "--set", "uncertain[1].min=80 EUR/t"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "'uncertain[0]': 'power_factor_usa': uniform needs min < max (min 1.2, max 1.1)");
  expect_in(r.err, "'eua_price': uniform needs min < max (min 80, max 75");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_user_trial3
