// `--vary KEY=START:STOP:STEP | KEY=V1,V2` on cell, smelter, invest, fleet and simulate: each row
// equals the command run with that --set (the table is built from the same runs), the formats
// (text, --csv, --json), and the input errors with their messages (exit 2).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_vary {
namespace {

Json json_of(const std::vector<std::string>& args) {
  std::vector<std::string> full = args;
  full.push_back("--json");
  const RunResult r = potline(full);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

RunResult fails(const std::vector<std::string>& args) {
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
  return r;
}

TEST(CliVary, SmelterPowerPriceRowsEqualSingleRunsWithSet) {
  const Json table = json_of({"smelter", example("smelter-us-old-grid.toml"), "--vary", "prices.power=30:60:10 USD/MWh"});
  ASSERT_EQ(table["rows"].size(), 4u);
  EXPECT_EQ(table["command"], "smelter");
  EXPECT_EQ(table["outputs"][0], "cost_usd_per_t.c1");
  double previous = 0;
  for (const auto& row : table["rows"]) {
    const std::string value = row["value"];
    const Json single = json_of({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.power=" + value});
    EXPECT_EQ(row["key"], "prices.power");
    EXPECT_EQ(row["outputs"]["cost_usd_per_t.c1"], single["cost_usd_per_t"]["c1"]) << value;
    EXPECT_EQ(row["outputs"]["margin_usd_per_t.c1"], single["margin_usd_per_t"]["c1"]) << value;
    EXPECT_GT(row["outputs"]["cost_usd_per_t.c1"].get<double>(), previous);
    previous = row["outputs"]["cost_usd_per_t.c1"].get<double>();
  }
  EXPECT_EQ(table["rows"][0]["value"], "30 USD/MWh");
  EXPECT_EQ(table["rows"][3]["value"], "60 USD/MWh");
}

TEST(CliVary, RangeKeepsStopDespiteFloatingPointSteps) {
  const Json table = json_of({"cell", example("default.toml"), "--vary", "operation.acd=3.5:3.8:0.1", "--outputs", "acd_cm"});
  ASSERT_EQ(table["rows"].size(), 4u);
  EXPECT_EQ(table["rows"][1]["value"], "3.6 cm");  // the field's unit after a plain number
  EXPECT_NEAR(table["rows"][3]["outputs"]["acd_cm"].get<double>(), 3.8, 1e-12);
}

TEST(CliVary, TwoVariesAreOneAtATimeAndListsTakeText) {
  const Json table = json_of({"cell", example("default.toml"), "--vary", "operation.acd=4,4.5", "--vary",
                              "case.technology=AP40,AP60", "--outputs", "voltage_V,acd_cm"});
  ASSERT_EQ(table["rows"].size(), 4u);
  EXPECT_EQ(table["rows"][2]["key"], "case.technology");
  EXPECT_EQ(table["rows"][3]["value"], "AP60");
  const Json ap60 = json_of({"cell", example("default.toml"), "--set", "case.technology=AP60"});
  EXPECT_EQ(table["rows"][3]["outputs"]["voltage_V"], ap60["voltage_V"]);
}

TEST(CliVary, CsvAndTextTables) {
  const RunResult csv = potline({"invest", example("invest-new-build.toml"), "--vary", "prices.power=30,40", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.describe();
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "key,value,npv_usd,irr,lcoa_usd_per_t,breakeven_power_usd_per_MWh");
  EXPECT_NE(csv.out.find("\nprices.power,40 USD/MWh,"), std::string::npos) << csv.out;
  const RunResult text = potline({"invest", example("invest-new-build.toml"), "--vary", "prices.power=30,40"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("npv_usd"), std::string::npos);
  EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\n'), 3);
}

TEST(CliVary, FleetObjectOutputExpandsToOneColumnPerRegion) {
  const Json table = json_of({"fleet", example("us-tariff-50.toml"), "--vary", "tariff[0].rate=0,0.5", "--outputs",
                              "price_by_region_usd_per_t"});
  const Json single = json_of({"fleet", example("us-tariff-50.toml"), "--set", "tariff[0].rate=0.5"});
  ASSERT_EQ(table["outputs"].size(), single["price_by_region_usd_per_t"].size());
  EXPECT_EQ(table["rows"][1]["outputs"]["price_by_region_usd_per_t.usa"], single["price_by_region_usd_per_t"]["usa"]);
  EXPECT_GT(table["rows"][1]["outputs"]["price_by_region_usd_per_t.usa"].get<double>(),
            table["rows"][0]["outputs"]["price_by_region_usd_per_t.usa"].get<double>());
}

TEST(CliVary, SimulateVariesAControlSetting) {
  const Json table = json_of({"simulate", example("cell-7d.toml"), "--set", "run.duration=6 h", "--vary",
                              "control.quench=automatic,manual", "--outputs", "simulated_days,mean_voltage_V"});
  ASSERT_EQ(table["rows"].size(), 2u);
  EXPECT_NEAR(table["rows"][1]["outputs"]["simulated_days"].get<double>(), 0.25, 1e-9);
}

TEST(CliVary, NullOutputsStayMissing) {
  // A project that never pays back has no payback time: null in JSON (empty in CSV, n/a in text).
  const Json table = json_of({"invest", example("invest-new-build.toml"), "--vary", "prices.power=400", "--outputs",
                              "payback_years,npv_usd"});
  EXPECT_TRUE(table["rows"][0]["outputs"]["payback_years"].is_null()) << table.dump();
}

TEST(CliVary, UnknownKeyGetsDidYouMeanAtTheVaryOption) {
  const RunResult r = fails({"cell", example("default.toml"), "--vary", "operation.acdd=3:5:1"});
  EXPECT_NE(r.err.find("--vary #1: error: 'operation.acdd': unknown key (did you mean 'operation.acd'?)"),
            std::string::npos) << r.err;
}

TEST(CliVary, BadRangesAreInputErrors) {
  EXPECT_NE(fails({"cell", example("default.toml"), "--vary", "operation.acd=3:5:0"}).err.find("STEP is 0 in '3:5:0'"),
            std::string::npos);
  EXPECT_NE(fails({"cell", example("default.toml"), "--vary", "operation.acd=5:3:1"})
                .err.find("STEP 1 goes away from STOP in '5:3:1' (from 5 to 3 the step must be negative)"),
            std::string::npos);
  EXPECT_NE(fails({"cell", example("default.toml"), "--vary", "operation.acd=3:5"}).err.find("'3:5' is not a range"),
            std::string::npos);
  EXPECT_NE(fails({"cell", example("default.toml"), "--vary", "operation.acd=x:5:1"})
                .err.find("START 'x' of 'x:5:1' is not a finite number"),
            std::string::npos);
  EXPECT_NE(fails({"cell", example("default.toml"), "--vary", "operation.acd"}).err.find("is not KEY=START:STOP:STEP"),
            std::string::npos);
}

TEST(CliVary, TooManyPointsIsAnInputError) {
  const RunResult r = fails({"cell", example("default.toml"), "--vary", "operation.acd=1:1000:1"});
  EXPECT_NE(r.err.find("'1:1000:1' gives 1000 values, more than the 200 allowed per --vary"), std::string::npos) << r.err;
}

TEST(CliVary, ValueOutOfRangeIsReportedAtTheVary) {
  const RunResult r = fails({"cell", example("default.toml"), "--vary", "operation.acd=10:30:10"});
  EXPECT_NE(r.err.find("--vary #1: error: 'operation.acd': value 20 cm is outside the allowed range [1, 15] cm"),
            std::string::npos) << r.err;
}

TEST(CliVary, UnknownOutputGetsDidYouMean) {
  const RunResult r = fails({"smelter", example("smelter-us-old-grid.toml"), "--vary", "prices.power=30,40", "--outputs",
                             "cost_usd_per_t.c11"});
  EXPECT_NE(r.err.find("'cost_usd_per_t.c11' is not a key of the `potline smelter --json` document; did you mean "
                       "'cost_usd_per_t.c1'?"),
            std::string::npos) << r.err;
}

TEST(CliVary, CsvAndJsonTogetherIsAnInputError) {
  const RunResult r = fails({"cell", example("default.toml"), "--vary", "operation.acd=4,5", "--csv", "--json"});
  EXPECT_NE(r.err.find("give --json or --csv, not both"), std::string::npos) << r.err;
}

// --vary --out DIR writes a run folder: tests/cli/test_cli_report_outputs.cpp.

}  // namespace
}  // namespace test_cli_vary
}  // namespace potline_cli_test
