// The report's inputs that the run commands write for it, end to end: the NPV against the power
// price of `potline invest` (npv_vs_power.csv), the published operating point of `potline cell`
// (published.csv), the run folder of `--vary ... --out DIR` and `potline compare --report`. The
// browser test (tests/browser) checks that their charts render.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_report_outputs {
namespace {

/// The rows of a CSV written by potline (no quoted commas in the columns read here).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : lines_of(text)) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (const char ch : line) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += ch;
      }
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(CliReportOutputs, InvestNpvAgainstPowerPriceEqualsSingleRunsAtThatPrice) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "inv").string();
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--out", dir});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto rows = csv_rows(read_file(std::filesystem::path(dir) / "npv_vs_power.csv"));
  ASSERT_GE(rows.size(), 12u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Power price [USD/MWh]", "NPV [USD]", "IRR [1]"}));
  EXPECT_EQ(rows[1][0], "0");
  const Json summary = parse_json(read_file(std::filesystem::path(dir) / "summary.json"));
  const double breakeven = summary.at("breakeven_power_usd_per_MWh").get<double>();
  // The grid reaches past twice the contract price and the break-even; NPV falls as power costs more.
  EXPECT_GE(std::stod(rows.back()[0]), 2 * summary.at("contract_power_usd_per_MWh").get<double>());
  EXPECT_GE(std::stod(rows.back()[0]), breakeven);
  for (std::size_t i = 2; i < rows.size(); ++i) EXPECT_LT(std::stod(rows[i][1]), std::stod(rows[i - 1][1])) << i;
  // An independent path to the same numbers: the case run with that price in every year (contract
  // and after) through --set gives the NPV of the row; the sign changes at the break-even price.
  for (const std::size_t i : {std::size_t{3}, rows.size() - 2}) {
    const std::string price = rows[i][0] + " USD/MWh";
    const RunResult single = potline({"invest", example("invest-new-build.toml"), "--set", "prices.power=" + price, "--set",
                                      "investment.post_contract_power=" + price, "--json"});
    ASSERT_EQ(single.exit_code, 0) << single.describe();
    EXPECT_NEAR(parse_json(single.out).at("npv_usd").get<double>(), std::stod(rows[i][1]),
                1e-9 * std::abs(std::stod(rows[i][1])))
        << price;
    EXPECT_EQ(std::stod(rows[i][1]) > 0, std::stod(rows[i][0]) < breakeven) << price;
  }
  const RunResult report = potline({"report", dir});
  ASSERT_EQ(report.exit_code, 0) << report.describe();
  EXPECT_NE(report.out.find("(1 run, 2 charts)"), std::string::npos) << report.out;
  EXPECT_NE(read_report(std::filesystem::path(dir) / "report.html").find("NPV against the power price"), std::string::npos);
}

TEST(CliReportOutputs, CellPublishedPointCarriesItsSourceAndLeavesTheUnpublishedEmpty) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "cell").string();
  ASSERT_EQ(potline({"cell", default_case(), "--out", dir}).exit_code, 0);
  const auto rows = csv_rows(read_file(std::filesystem::path(dir) / "published.csv"));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Quantity", "Unit", "Model", "Published", "Source", "Note", "Basis"}));
  // AP40 (data/technologies.toml): 400 kA and 13.15 kWh/kg published by Fiot et al.; no cell voltage.
  EXPECT_EQ(rows[1][0], "Line current");
  EXPECT_EQ(rows[1][3], "400");
  EXPECT_NE(rows[1][4].find("AP40: the latest of the AP Technology solutions"), std::string::npos) << rows[1][4];
  EXPECT_EQ(rows[2][0], "Cell voltage");
  EXPECT_EQ(rows[2][3], "");
  EXPECT_EQ(rows[2][4], "");
  EXPECT_EQ(rows[2][5], "not published for AP40");
  EXPECT_EQ(rows[4][0], "Specific energy, DC (cell)");
  EXPECT_NEAR(std::stod(rows[4][3]), 13.15, 1e-9);
  EXPECT_NE(rows[4][5].find("the source does not state DC or AC"), std::string::npos) << rows[4][5];
  EXPECT_NE(rows[3][5].find("not published; the calibration uses 95 %"), std::string::npos) << rows[3][5];
  // A case without a catalogue technology: nothing published, and the page says why.
  const std::string custom = (tmp.path() / "custom").string();
  ASSERT_EQ(potline({"cell", example("custom-design.toml"), "--out", custom, "--report"}).exit_code, 0);
  for (const auto& row : csv_rows(read_file(std::filesystem::path(custom) / "published.csv"))) {
    if (row[0] == "Quantity") continue;
    EXPECT_EQ(row[3], "") << row[0];
    EXPECT_EQ(row[5], "the case names no catalogue technology") << row[0];
  }
  const std::string html = read_report(std::filesystem::path(custom) / "report.html");
  EXPECT_NE(html.find("Not drawn: model against the published operating point: the case names no catalogue technology"),
            std::string::npos);
}

TEST(CliReportOutputs, VaryOutWritesARunFolderThatTheReportDraws) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "power").string();
  const std::vector<std::string> args = {"smelter", example("smelter-us-old-grid.toml"), "--vary", "prices.power=30:60:10 USD/MWh"};
  std::vector<std::string> with_out = args;
  with_out.insert(with_out.end(), {"--out", dir, "--report"});
  const RunResult r = potline(with_out);
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("  results written to " + dir + "/\n  report written to " + dir + "/report.html (1 run, 1 chart)\n"),
            std::string::npos)
      << r.out;
  const Json manifest = parse_json(read_file(std::filesystem::path(dir) / "manifest.json"));
  EXPECT_EQ(manifest.at("command"), "vary");
  EXPECT_EQ(manifest.at("inputs")[0].at("path"), example("smelter-us-old-grid.toml"));
  std::vector<std::string> json_args = args;
  json_args.push_back("--json");
  const RunResult json = potline(json_args);
  EXPECT_EQ(parse_json(read_file(std::filesystem::path(dir) / "summary.json")), parse_json(json.out));
  std::vector<std::string> csv_args = args;
  csv_args.push_back("--csv");
  EXPECT_EQ(read_file(std::filesystem::path(dir) / "vary.csv"), potline(csv_args).out);
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  EXPECT_NE(html.find("Outputs against prices.power (one input varied at a time)"), std::string::npos);
  EXPECT_NE(html.find("prices.power [USD/MWh]"), std::string::npos);  // a numeric axis with the unit
  EXPECT_NE(html.find("data-expected-marks=\"16\""), std::string::npos);  // 4 prices x 4 default outputs
  EXPECT_FALSE(has_nonfinite_word(html.substr(html.find("id=\"potline-charts\""))));
  // Two --vary folders compare like any two runs of one command.
  const std::string other = (tmp.path() / "power2").string();
  ASSERT_EQ(potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "prices.anode=650", "--vary",
                     "prices.power=30:60:10 USD/MWh", "--out", other, "--json"})
                .exit_code,
            0);
  const RunResult compare = potline({"compare", dir, other});
  ASSERT_EQ(compare.exit_code, 0) << compare.describe();
  EXPECT_NE(compare.out.find("rows[value=30 USD/MWh].outputs.cost_usd_per_t.c1"), std::string::npos) << compare.out;
}

TEST(CliReportOutputs, VaryOverTextValuesAndMissingOutputsStaysFinite) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "tech").string();
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--vary", "investment.wacc=0.05,0.5", "--out", dir,
                               "--report", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.err.find("report written to"), std::string::npos) << r.err;  // stdout holds the CSV alone
  EXPECT_EQ(r.out.rfind("key,value,", 0), 0u) << r.out;
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  EXPECT_FALSE(has_nonfinite_word(html.substr(html.find("id=\"potline-charts\""))));
  const std::string cells = (tmp.path() / "cells").string();
  ASSERT_EQ(potline({"cell", default_case(), "--vary", "case.technology=AP40,AP60", "--out", cells, "--report"}).exit_code, 0);
  const std::string page = read_report(std::filesystem::path(cells) / "report.html");
  EXPECT_NE(page.find("\"type\":\"ordinal\""), std::string::npos);  // technology names: an ordinal axis in the given order
}

TEST(CliReportOutputs, CompareReportWritesThePageOfTheRuns) {
  TempDir tmp;
  const std::string a = (tmp.path() / "a").string();
  const std::string b = (tmp.path() / "b").string();
  ASSERT_EQ(potline({"smelter", example("smelter-us-old-grid.toml"), "--out", a}).exit_code, 0);
  ASSERT_EQ(potline({"smelter", example("smelter-ca-hydro.toml"), "--out", b}).exit_code, 0);
  const std::string page = (tmp.path() / "ab.html").string();
  const RunResult r = potline({"compare", a, b, "--report", page});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("report written to " + page + " (2 runs,"), std::string::npos) << r.out;
  const std::string html = read_report(page);
  EXPECT_NE(html.find("Cash cost (C1) by component side by side"), std::string::npos);
  EXPECT_NE(html.find("Comparison of 2 runs of potline smelter"), std::string::npos);
  const RunResult json = potline({"compare", a, b, "--json", "--report", page});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  parse_json(json.out);  // stdout holds the JSON alone; the report line went to stderr
  EXPECT_NE(json.err.find("report written to"), std::string::npos) << json.err;
}

TEST(CliReportOutputs, EverySmelterWithCoordinatesIsOnTheWorldMap) {
  // data/smelters.csv read here on its own: a cost-curve row has coordinates exactly when the
  // dataset gives them, and the report's map draws one circle per such row and lists the others.
  std::map<std::string, bool> located_in_data;
  std::vector<std::vector<std::string>> data;
  for (const auto& row : csv_rows(read_file(source_dir() / "data" / "smelters.csv"))) {
    if (!row.empty() && !row[0].empty() && row[0][0] != '#') data.push_back(row);
  }
  ASSERT_FALSE(data.empty());
  const auto column = [](const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t id = column(data[0], "id"), lat = column(data[0], "lat"), lon = column(data[0], "lon");
  for (std::size_t i = 1; i < data.size(); ++i) located_in_data[data[i][id]] = !data[i][lat].empty() && !data[i][lon].empty();
  TempDir tmp;
  const std::string dir = (tmp.path() / "world").string();
  ASSERT_EQ(potline({"fleet", example("world.toml"), "--out", dir, "--report"}).exit_code, 0);
  const auto curve = csv_rows(read_file(std::filesystem::path(dir) / "cost_curve.csv"));
  const std::size_t cid = column(curve[0], "id"), clat = column(curve[0], "lat_deg"), clon = column(curve[0], "lon_deg");
  std::size_t located = 0;
  std::set<std::string> dataset_rows;  // a China aggregate split by its technology mix ("<id>@<part>") is one row
  std::set<std::string> located_rows;
  for (std::size_t i = 1; i < curve.size(); ++i) {
    const bool has = !curve[i][clat].empty() && !curve[i][clon].empty();
    const std::string row = curve[i][cid].substr(0, curve[i][cid].find('@'));
    ASSERT_TRUE(located_in_data.count(row)) << curve[i][cid];
    EXPECT_EQ(has, located_in_data[row]) << curve[i][cid];
    located += has ? 1 : 0;
    dataset_rows.insert(row);
    if (has) located_rows.insert(row);
  }
  // The dataset locates most smelters (99 of the 104 cost-curve rows of world.toml when this was written).
  EXPECT_GT(located_rows.size() * 10, dataset_rows.size() * 9);
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  const std::string rows = std::to_string(curve.size() - 1);
  EXPECT_NE(html.find(std::to_string(located) + " of " + rows + " cost-curve rows located"), std::string::npos);
  EXPECT_NE(html.find("Not on the map (no coordinates: regional aggregates and smelters without a located site): " +
                      std::to_string(curve.size() - 1 - located) + " of " + rows + " rows"),
            std::string::npos);
}

// Issue 13 part 5: a fleet run with fleet.flex set draws the flexible capacity by region, and the
// chart's world total is the summary's; flex_capacity.csv becomes a table of the page.
TEST(CliReportOutputs, FleetWithFlexDrawsFlexibleCapacityByRegion) {
  TempDir tmp;
  const std::string dir = (tmp.path() / "flex").string();
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.flex=heat_exchangers", "--out", dir, "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(read_file(std::filesystem::path(dir) / "summary.json"));
  ASSERT_TRUE(summary.contains("flexible_capacity"));
  const double flexible_MW = summary["flexible_capacity"]["flexible_MW"].get<double>();
  const std::string html = read_report(std::filesystem::path(dir) / "report.html");
  EXPECT_NE(html.find("Flexible capacity by region: power drawn and power that can be moved"), std::string::npos);
  EXPECT_NE(html.find(fmt::format("world {:.0f} MW flexible", flexible_MW)), std::string::npos);
  EXPECT_NE(html.find("Flexible capacity per smelter (flex_capacity.csv)"), std::string::npos);
  // The hours each technology holds the level (the envelope source, the default).
  EXPECT_NE(html.find("Flexible capacity by technology: hours the level holds down and up"), std::string::npos);
  // Without fleet.flex the chart is absent (no empty chart).
  const std::string plain = (tmp.path() / "plain").string();
  ASSERT_EQ(potline({"fleet", example("world-2024.toml"), "--out", plain, "--report"}).exit_code, 0);
  EXPECT_EQ(read_report(std::filesystem::path(plain) / "report.html").find("Flexible capacity by region"), std::string::npos);
}

}  // namespace
}  // namespace test_cli_report_outputs
}  // namespace potline_cli_test
