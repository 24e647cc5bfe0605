// User trial 13 nits (trial-fix2): one temperature suffix in `cell --json` (T13-12.1), warnings of
// `cell` and `fleet` on stderr as smelter's (T12-5), and a warning when --out names a folder that
// holds other files and no previous run (T13 housekeeping: a run written into a git checkout's root).
#include <fmt/format.h>

#include <filesystem>
#include <functional>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial13_fixes {
namespace {

// Every key of the document (dotted) that ends in "_C".
void keys_ending_in_C(const Json& j, const std::string& prefix, std::vector<std::string>& out) {
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k.size() >= 2 && k.compare(k.size() - 2, 2, "_C") == 0) out.push_back(prefix + k);
    keys_ending_in_C(it.value(), prefix + k + ".", out);
  }
}

TEST(CliTrial13Fixes, CellJsonTemperaturesEndInDegC) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--thermal", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  std::vector<std::string> old_style;
  keys_ending_in_C(j, "", old_style);
  EXPECT_TRUE(old_style.empty()) << old_style.front();
  EXPECT_NEAR(finite_number(j, "bath_temperature_degC"), 965.0, 1e-6);
  // The same state in both places of one document, under one name.
  EXPECT_NEAR(finite_number(j, "liquidus_degC"), finite_number(j.at("thermal"), "liquidus_degC"), 1e-6);
}

TEST(CliTrial13Fixes, OldTemperatureNamesStillReadInOutputsWithAWarning) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--vary", "operation.acd=3.5,4", "--outputs",
                               "bath_temperature_C,liquidus_degC,thermal.bath_temperature_degC", "--thermal", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  // The column keeps the name asked for (a script's columns do not move); the value is the new key's.
  expect_in(r.out, "key,value,bath_temperature_C,liquidus_degC,thermal.bath_temperature_degC,operating_point\n");
  expect_in(r.out, "operation.acd,3.5 cm,965.0000000000001,958.0995138386191,");
  expect_in(r.err, "--outputs: warning: 'bath_temperature_C': renamed 'bath_temperature_degC' in the `potline cell "
                   "--json` document");
  expect_not_in(r.err, "'liquidus_degC'");  // the new names are not warned about
  // A name that never was a key is still an error with its hint.
  const RunResult bad = potline({"cell", "--technology", "AP40", "--vary", "operation.acd=3.5,4", "--outputs",
                                 "thermal.bath_temperature_C", "--thermal"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "did you mean 'thermal.bath_temperature_degC'?");
}

TEST(CliTrial13Fixes, CellWarningsGoToStderrLocated) {
  const RunResult r = potline({"cell", "--technology", "AP40", "--set", "operation.acd=14 cm"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--set #1: warning: 'operation.acd': value '14 cm' is outside the typical range 3–6 cm");
  expect_not_in(r.out, "warning");
  const RunResult j = potline({"cell", "--technology", "AP40", "--set", "operation.acd=14 cm", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  expect_in(parse_json(j.out).at("warnings").dump(), "operation.acd: value '14 cm'");  // stdout: the JSON alone
  expect_in(j.err, "--set #1: warning: 'operation.acd'");
  // The bath's own state has no input place; --thermal's warnings are located at --thermal.
  const RunResult t = potline({"cell", "--technology", "AP40", "--thermal", "--set", "bath.alf3=9"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  expect_in(t.err, "\nwarning: Bath temperature 965 °C is below its liquidus 970.3 °C");
  expect_not_in(t.out, "warning:");
  // At the design ACD held (given; T18-2: at the pot control's ACD 300 kA is a steady state).
  const RunResult cut = potline({"cell", "--technology", "AP40", "--thermal", "--set", "operation.line_current=300 kA",
                                 "--set", "operation.acd=3.8036037 cm"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  expect_in(cut.err, "--thermal: warning: no liquid steady state");
  expect_not_in(cut.out, "warning:");
}

TEST(CliTrial13Fixes, FleetWarningsGoToStderrLocated) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.lme=25000 USD/t"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--set #1: warning: 'fleet.lme': value '25000 USD/t' is outside the typical range");
  expect_not_in(r.out, "warning");
  const RunResult j = potline({"fleet", example("world-2024.toml"), "--set", "fleet.lme=25000 USD/t", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  expect_in(parse_json(j.out).at("warnings").dump(), "fleet.lme: value '25000 USD/t'");
  expect_in(j.err, "--set #1: warning: 'fleet.lme'");
}

TEST(CliTrial13Fixes, OutIntoAFolderThatIsNoRunFolderWarns) {
  const TempDir dir;
  const std::filesystem::path checkout = dir.path() / "checkout";
  std::filesystem::create_directories(checkout / ".git");
  dir.write("checkout/README.md", "a repository\n");
  dir.write("checkout/summary.json", "{}\n");
  const RunResult r = potline({"cell", "--technology", "AP40", "--out", checkout.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, "--out: warning: '" + checkout.string() +
                       "' is a git checkout, not empty and not a run folder (no manifest.json): the run overwrites "
                       "summary.json; its other entries stay (.git, README.md)");
  EXPECT_TRUE(std::filesystem::exists(checkout / "README.md"));
  // Now a run folder: the next run into it says nothing; nor does a run into a new folder.
  const RunResult again = potline({"cell", "--technology", "AP40", "--out", checkout.string()});
  ASSERT_EQ(again.exit_code, 0) << again.describe();
  expect_not_in(again.err, "warning");
  const RunResult fresh = potline({"cell", "--technology", "AP40", "--out", (dir.path() / "new").string()});
  expect_not_in(fresh.err, "warning");
  // simulate streams its series: it warns before it overwrites them.
  std::filesystem::create_directories(dir.path() / "series");
  dir.write("series/events.csv", "mine\n");
  dir.write("series/notes.txt", "mine\n");
  const RunResult s = potline({"simulate", example("cell-7d.toml"), "--set", "run.duration=1 h", "--out",
                               (dir.path() / "series").string(), "--quiet"});
  ASSERT_EQ(s.exit_code, 0) << s.describe();
  expect_in(s.err, "' is not empty and not a run folder (no manifest.json): the run overwrites events.csv; its other "
                   "entries stay (notes.txt)");
  EXPECT_EQ(read_file(dir.path() / "series" / "notes.txt"), "mine\n");
}

// T14-1: an amperage cut at the catalogue ACD holds the bath at 965 °C, and its SEC (11.93 kWh/kg DC at
// 340 kA) read as a 12 % saving in --json, Python and --vary, where only the text said the cell would
// cool. The JSON, the --vary rows and --thermal's SEC now say it too.
TEST(CliTrial13Fixes, HeldStateOffTheHeatBalanceIsNoOperatingPointInEveryOutput) {
  // The design ACD held (given): since T19-1 plain `cell` runs another current at the controlled ACD.
  const RunResult cut = potline({"cell", default_case(), "--set", "operation.line_current=340 kA", "--set",
                                 "operation.acd=3.8036037 cm", "--json"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  const Json j = parse_json(cut.out);
  EXPECT_FALSE(j.at("operating_point").get<bool>());
  EXPECT_NEAR(finite_number(j, "design_heat_loss_kW"), 778.5, 0.1);  // AP40 at 400 kA
  EXPECT_LT(finite_number(j, "heat_loss_kW"), 0.75 * 778.5);
  expect_in(j.at("warnings").dump(), "against 778 kW at AP40's operating point");
  expect_in(cut.err, "warning: heat loss ");
  const Json design = parse_json(potline({"cell", default_case(), "--json"}).out);
  EXPECT_TRUE(design.at("operating_point").get<bool>());
  EXPECT_TRUE(design.at("warnings").empty()) << design.dump();
  // Without a technology there is no reference point: null.
  const Json custom = parse_json(potline({"cell", example("custom-design.toml"), "--json"}).out);
  EXPECT_TRUE(custom.at("operating_point").is_null());

  // --vary: every row carries the verdict (CSV column, JSON rows, text column and its footnote).
  const std::vector<std::string> vary = {"cell",      default_case(), "--set", "operation.acd=3.8036037 cm",
                                         "--vary",    "operation.line_current=320:440:40 kA",
                                         "--outputs", "sec_dc_kWh_per_kg"};
  std::vector<std::string> csv = vary;
  csv.push_back("--csv");
  const RunResult table = potline(csv);
  ASSERT_EQ(table.exit_code, 0) << table.describe();
  expect_in(table.out, "key,value,sec_dc_kWh_per_kg,operating_point\n");
  expect_in(table.out, "operation.line_current,320 kA,");
  const auto rows = lines_of(table.out);
  ASSERT_EQ(rows.size(), 5u) << table.out;
  EXPECT_EQ(csv_cells(rows[1]).back(), "false");  // 320 kA: 470 kW against 778 kW
  EXPECT_EQ(csv_cells(rows[3]).back(), "true");   // 400 kA: the operating point
  std::vector<std::string> json = vary;
  json.push_back("--json");
  const Json doc = parse_json(potline(json).out);
  EXPECT_FALSE(doc.at("rows").at(0).at("operating_point").get<bool>());
  const RunResult text = potline(vary);
  expect_in(text.out, "operating point NO: the cell does not run in that state");

  // --thermal: no SEC where the solved state is no operating point (as the ledge).
  const Json frozen = parse_json(potline({"cell", default_case(), "--thermal", "--set", "operation.line_current=320 kA",
                                          "--set", "operation.acd=3.8036037 cm", "--json"})
                                     .out);  // the design ACD held (given), T18-2
  EXPECT_FALSE(frozen.at("thermal").at("operating_point").get<bool>());
  EXPECT_TRUE(frozen.at("thermal").at("sec_dc_kWh_per_kg").is_null());
  EXPECT_TRUE(frozen.at("thermal").at("ledge_cm").is_null());
}

// T13-6 (c): EUR/MWh numbers under a `price [ct/kWh]` header read 10 times too high (the shipped day's
// 82.58 EUR/MWh as 825.8) and stay inside the SDAC limits; the series' mean above every daily mean an
// SDAC market is reported to have cleared (an estimate, 750 EUR/MWh) gives it away. The same day written in ct/kWh passes without a word.
TEST(CliTrial13Fixes, CentsHeaderOverEurPerMWhNumbersWarnsWithTheLikelyUnit) {
  const TempDir dir;
  std::string slip = "time_utc,price [ct/kWh]\n", cents = slip;
  for (const auto& line : lines_of(read_file(source_dir() / "data" / "prices" / "synthetic-de-summer-day-15min.csv"))) {
    if (line.rfind("20", 0) != 0) continue;
    const auto comma = line.find(',');
    slip += line + "\n";
    cents += line.substr(0, comma + 1) + fmt::format("{:.4f}", std::stod(line.substr(comma + 1)) / 10.0) + "\n";
  }
  const std::string slipped = dir.write("slip.csv", slip);
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", slipped, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();  // a warning: a crisis scenario may go beyond what has cleared
  expect_in(r.err, slipped + ":1:10: warning: 'flex.prices': the header says ct/kWh (1 ct/kWh = 10 EUR/MWh), and the "
                             "mean of its 96 prices, 825.8 EUR/MWh, is above 750 EUR/MWh, an estimate above every daily "
                             "mean an SDAC market is reported to have cleared (the highest read: Italy's PUN 718.71 "
                             "EUR/MWh on 26 August 2022");
  expect_in(r.err, "Read as EUR/MWh the mean is 82.58 EUR/MWh");
  expect_in(r.err, "EUR/MWh numbers under a ct/kWh header?");
  const RunResult ok = potline({"flex", example("flex-day.toml"), "--prices", dir.write("cents.csv", cents), "--json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.describe();
  expect_not_in(ok.err, "every daily mean");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial13_fixes
