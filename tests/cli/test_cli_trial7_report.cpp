// User trial 7, report and cell-output findings: the CE that does not respond to the ACD under the
// Dewing model is said (T7-23); the published-point chart tells calibration targets from
// independent checks (T7-24); the sweep report's titles come from the declared metrics and the
// store holds the world price (T7-30).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_trial7_report {
namespace {

constexpr const char* kCeNote = "does not depend on the ACD (operation.acd) in this model";

TEST(CliTrial7, AcdChangeUnderDewingSaysTheCeDoesNotRespond) {
  const RunResult text = potline({"cell", default_case(), "--set", "operation.acd=3.0 cm"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, std::string("note: the current efficiency (95.0 %, dewing) ") + kCeNote);
  expect_in(
      text.out,
      "model.current_efficiency_model = \"mass_transfer\" (the default of `potline flex`) makes the CE fall as the "
      "ACD closes");
  const RunResult json =
      potline({"cell", default_case(), "--set", "operation.acd=3.0 cm", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const auto doc = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& n : doc.at("notes"))
    found = found || n.get<std::string>().find(kCeNote) != std::string::npos;
  EXPECT_TRUE(found) << json.out;
}

// --vary operation.acd=...: the note once on stderr, for every point (the table's CE column is flat).
TEST(CliTrial7, VaryOfTheAcdUnderDewingGivesTheNoteOnce) {
  const RunResult r = potline({"cell", default_case(), "--vary", "operation.acd=3:4:0.5 cm", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err, std::string("note: the current efficiency (95.0 %, dewing) ") + kCeNote);
  const auto first = r.err.find(kCeNote);
  EXPECT_EQ(r.err.find(kCeNote, first + 1), std::string::npos) << r.err;
}

TEST(CliTrial7, NoCeNoteAtTheCalibratedAcdOrUnderTheMassTransferModel) {
  const RunResult plain = potline({"cell", default_case()});
  ASSERT_EQ(plain.exit_code, 0) << plain.describe();
  EXPECT_EQ(plain.out.find(kCeNote), std::string::npos) << plain.out;
  const RunResult mt = potline({"cell", default_case(), "--set", "operation.acd=3.0 cm", "--set",
                                "model.current_efficiency_model=mass_transfer"});
  ASSERT_EQ(mt.exit_code, 0) << mt.describe();
  EXPECT_EQ(mt.out.find(kCeNote), std::string::npos) << mt.out;
  expect_in(mt.out, "(mass_transfer)");
}

TEST(CliTrial7, PublishedPointChartMarksCalibrationTargets) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "cell").string();
  const RunResult r = potline({"cell", default_case(), "--out", dir, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string csv = read_file(std::filesystem::path(dir) / "published.csv");
  expect_in(csv, "Quantity,Unit,Model,Published,Source,Note,Basis\n");
  // AP40 publishes the line current (the case's input) and the DC SEC (the calibration's target).
  expect_in(csv, "input (the case runs at it)");
  expect_in(csv, "calibration target (0 % by construction at the published point)");
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  expect_in(html, "calibration targets apart from independent checks");
  expect_in(
      html,
      "no published number is independent of the calibration: every bar agrees by construction");
}

// AP60 publishes its CE and AC SEC (the calibration's targets) and its production per pot-day, which
// the calibration does not use: the one independent check (4407.8 kg/day against 4407, +0.02 %).
TEST(CliTrial7, PublishedProductionBesideAPublishedCeIsAnIndependentCheck) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "ap60").string();
  const RunResult r = potline({"cell", "--technology", "AP60", "--out", dir, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string csv = read_file(std::filesystem::path(dir) / "published.csv");
  const auto production = csv.find("Production per pot-day,kg/day,");
  ASSERT_NE(production, std::string::npos) << csv;
  const std::string row = csv.substr(production, csv.find('\n', production) - production);
  EXPECT_EQ(row.substr(row.rfind(',') + 1), "independent of the calibration") << row;
  expect_in(csv, "\"Specific energy, AC (plant)\",kWh/kg,");
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  expect_in(html, "1 published number independent of the calibration tests the model");
}

TEST(CliTrial7, SweepStoreHoldsTheWorldPriceAndTheReportNamesItsMetrics) {
  TempDir tmp;
  const std::string store = (tmp.path() / "small.sqlite").string();
  const RunResult sweep = potline({"sweep", example("sweep-small.toml"), "--out", store,
                                   "--threads", "1", "--set", "sweep.samples=3"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.describe();
  expect_in(sweep.out, "world price USD/t");
  const std::string page = (tmp.path() / "small.html").string();
  const RunResult r = potline({"report", store, "--out", page});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string html = read_report(page);
  expect_in(html, "World price (lowest regional price) by scenario [USD/t]");
  expect_in(html, "Marginal cost (highest C1 of a producing smelter) by scenario [USD/t]");
  expect_in(html, "Emissions, scope 1+2 of production by scenario [Mt CO2e/yr]");
  expect_in(html, "Tornado: World price (lowest regional price) swing across each input");
  EXPECT_EQ(html.find("World marginal cost usd per t"), std::string::npos);
}

}  // namespace
}  // namespace test_cli_trial7_report
}  // namespace potline_cli_test
