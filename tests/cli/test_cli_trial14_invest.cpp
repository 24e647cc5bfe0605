// User trial 14 (2026-12-07), T14-3: the report of a retrofit (examples/invest-ap60-retrofit.toml) led
// with the plant-with-new-cells NPV (+662 M USD) and its break-even 66.2 USD/MWh, while the text gave
// the decision: the retrofit against keeping the old cells loses 391.9 M USD, IRR 2.17 %, and pays
// only above 102.88 USD/MWh. The report, the CSVs and the JSON `decision` block now lead with the
// decision; the plant's own charts come second and say they are not the retrofit's gain.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <regex>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial14_invest {
namespace {

struct TextFigures {
  double npv_musd = 0, irr_pct = 0, breakeven = 0;
};

// The retrofit's figures as the text prints them (its own line, read here independently of JSON).
TextFigures text_figures(const std::string& text) {
  std::smatch m;
  TextFigures f;
  EXPECT_TRUE(std::regex_search(text, m, std::regex(R"(retrofit against keeping the old cells: NPV (-?[0-9.]+) M USD)")))
      << text;
  if (!m.empty()) f.npv_musd = std::stod(m[1].str());
  EXPECT_TRUE(std::regex_search(text, m, std::regex(R"(of the gain \([^)]*\): IRR ([0-9.]+) %)"))) << text;
  if (!m.empty()) f.irr_pct = std::stod(m[1].str());
  EXPECT_TRUE(std::regex_search(text, m, std::regex(R"(break-even power of the retrofit ([0-9.]+) USD/MWh \(the retrofit pays above)")))
      << text;
  if (!m.empty()) f.breakeven = std::stod(m[1].str());
  return f;
}

std::vector<std::vector<std::string>> csv_table(const std::filesystem::path& file) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : lines_of(read_file(file))) rows.push_back(csv_cells(line));
  return rows;
}

double cell(const std::vector<std::vector<std::string>>& t, std::size_t row, const std::string& name) {
  return std::stod(t.at(row).at(column(t.at(0), name)));
}

TEST(CliTrial14Invest, RetrofitReportLeadsWithTheGainOverKeepingTheOldCells) {
  TempDir tmp;
  const std::filesystem::path dir = tmp.path() / "inv";
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml"), "--out", dir.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const TextFigures f = text_figures(r.out);
  EXPECT_NE(r.out.find("(1 run, 4 charts)"), std::string::npos) << r.out;
  const std::string html = read_report(dir / "report.html");
  // The first chart's subtitle is the decision, with the text's numbers.
  const std::string gain = fmt::format(
      "\"subtitle\":\"retrofit against keeping the old cells: NPV {:.1f} M USD at WACC 8.0 %, IRR {:.2f} % (below the WACC), "
      "break-even {:.1f} USD/MWh (the retrofit pays above it)",
      f.npv_musd, f.irr_pct, f.breakeven);
  const auto first_subtitle = html.find("\"subtitle\":");
  ASSERT_NE(first_subtitle, std::string::npos);
  EXPECT_EQ(html.find(gain), first_subtitle) << gain;
  EXPECT_NE(html.find(fmt::format("\"subtitle\":\"retrofit against keeping the old cells: break-even {:.1f} USD/MWh (the "
                                  "retrofit pays above it)",
                                  f.breakeven)),
            std::string::npos);
  // The plant's charts come after the decision's and say whose NPV they give.
  const auto plant = html.find("The plant with the new cells (not the retrofit's gain): cash flows");
  ASSERT_NE(plant, std::string::npos);
  EXPECT_GT(plant, html.find("Retrofit against keeping the old cells: cash-flow difference"));
  EXPECT_NE(html.find("the plant with the new cells, not the retrofit's gain: NPV 662.0 M USD"), std::string::npos);
  EXPECT_NE(html.find("the plant with the new cells, not the retrofit's gain: break-even 66.2 USD/MWh"), std::string::npos);
}

TEST(CliTrial14Invest, RetrofitIncrementalCsvColumnsGiveTheTextsNumbers) {
  TempDir tmp;
  const std::filesystem::path dir = tmp.path() / "inv";
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml"), "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const TextFigures f = text_figures(r.out);
  // cash_flows.csv: the incremental discounted column sums to the text's NPV of the gain (-391.9 M USD).
  const auto flows = csv_table(dir / "cash_flows.csv");
  ASSERT_EQ(flows.at(0), (std::vector<std::string>{"Year", "Cash flow [USD]", "Discounted [USD]",
                                                   "Incremental cash flow [USD]", "Incremental discounted [USD]"}));
  double sum = 0;
  for (std::size_t i = 1; i < flows.size(); ++i) sum += cell(flows, i, "Incremental discounted [USD]");
  EXPECT_NEAR(sum / 1e6, f.npv_musd, 0.05);
  // npv_vs_power.csv: the incremental NPV changes sign between the grid prices around the text's
  // break-even (102.88 USD/MWh), rises with the price (the new cells use less power), and the grid
  // reaches past 1.25 times that break-even.
  const auto sweep = csv_table(dir / "npv_vs_power.csv");
  ASSERT_EQ(sweep.at(0), (std::vector<std::string>{"Power price [USD/MWh]", "NPV [USD]", "IRR [1]", "Incremental NPV [USD]",
                                                   "Incremental IRR [1]"}));
  EXPECT_GE(cell(sweep, sweep.size() - 1, "Power price [USD/MWh]"), 1.25 * f.breakeven);
  for (std::size_t i = 1; i < sweep.size(); ++i) {
    const double price = cell(sweep, i, "Power price [USD/MWh]");
    const double gain = cell(sweep, i, "Incremental NPV [USD]");
    EXPECT_EQ(gain > 0, price > f.breakeven) << price;
    if (i > 1) {
      EXPECT_GT(gain, cell(sweep, i - 1, "Incremental NPV [USD]")) << price;
    }
  }
  // An independent path to a row: the case run with that price in every year (contract and after)
  // gives the same incremental NPV in its JSON.
  const std::size_t row = sweep.size() - 2;
  const std::string price = sweep[row][0] + " USD/MWh";
  const RunResult single = potline({"invest", example("invest-ap60-retrofit.toml"), "--set", "prices.power=" + price, "--set",
                                    "investment.post_contract_power=" + price, "--json"});
  ASSERT_EQ(single.exit_code, 0) << single.describe();
  const double expected = cell(sweep, row, "Incremental NPV [USD]");
  EXPECT_NEAR(parse_json(single.out).at("decision").at("npv_usd").get<double>(), expected, 1e-9 * std::abs(expected));
}

TEST(CliTrial14Invest, JsonDecisionBlockIsTheRetrofitGainOrTheNewBuildsNpv) {
  const RunResult r = potline({"invest", example("invest-ap60-retrofit.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& d = j.at("decision");
  EXPECT_EQ(d.at("basis"), "retrofit against keeping the old cells");
  EXPECT_EQ(d.at("npv_usd").get<double>(), j.at("incremental_npv_usd").get<double>());
  EXPECT_EQ(d.at("irr").get<double>(), j.at("incremental_irr").get<double>());
  EXPECT_EQ(d.at("payback_years").get<double>(), j.at("incremental_payback_years").get<double>());
  EXPECT_EQ(d.at("breakeven_power_usd_per_MWh").get<double>(), j.at("incremental_breakeven_power_usd_per_MWh").get<double>());
  EXPECT_EQ(d.at("pays_when_power_is"), "above");
  const TextFigures f = text_figures(potline({"invest", example("invest-ap60-retrofit.toml")}).out);
  EXPECT_NEAR(d.at("npv_usd").get<double>() / 1e6, f.npv_musd, 0.05);
  EXPECT_NEAR(d.at("breakeven_power_usd_per_MWh").get<double>(), f.breakeven, 0.005);
  EXPECT_LT(d.at("npv_usd").get<double>(), 0.0);
  EXPECT_GT(j.at("npv_usd").get<double>(), 0.0);  // the plant's, not the decision

  const RunResult n = potline({"invest", example("invest-new-build.toml"), "--json"});
  ASSERT_EQ(n.exit_code, 0) << n.describe();
  const Json nb = parse_json(n.out);
  EXPECT_EQ(nb.at("decision").at("basis"), "new build");
  EXPECT_EQ(nb.at("decision").at("npv_usd").get<double>(), nb.at("npv_usd").get<double>());
  EXPECT_EQ(nb.at("decision").at("breakeven_power_usd_per_MWh").get<double>(),
            nb.at("breakeven_power_usd_per_MWh").get<double>());
  EXPECT_EQ(nb.at("decision").at("pays_when_power_is"), "below");
}

// A retrofit's run folder written before the incremental columns: the plant's charts are drawn, still
// labelled as not the gain, and the page says which decision charts it could not draw and why.
TEST(CliTrial14Invest, OlderRetrofitFolderSaysWhyTheDecisionChartsAreMissing) {
  TempDir tmp;
  const std::filesystem::path dir = tmp.path() / "inv";
  ASSERT_EQ(potline({"invest", example("invest-ap60-retrofit.toml"), "--out", dir.string()}).exit_code, 0);
  for (const char* file : {"cash_flows.csv", "npv_vs_power.csv"}) {
    std::string older;
    for (const auto& line : lines_of(read_file(dir / file))) {
      const auto cells = csv_cells(line);
      older += cells.at(0) + "," + cells.at(1) + "," + cells.at(2) + "\n";
    }
    std::ofstream(dir / file) << older;
  }
  Json summary = parse_json(read_file(dir / "summary.json"));
  summary.erase("decision");
  std::ofstream(dir / "summary.json") << summary.dump(2);
  const RunResult r = potline({"report", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("(1 run, 2 charts)"), std::string::npos) << r.out;
  const std::string html = read_report(dir / "report.html");
  EXPECT_NE(html.find("Not drawn: retrofit against keeping the old cells: cash flows: cash_flows.csv has no column "
                      "&quot;Incremental cash flow [USD]&quot; (written by an older potline)"),
            std::string::npos);
  EXPECT_NE(html.find("The plant with the new cells (not the retrofit's gain): NPV against the power price"), std::string::npos);
}

TEST(CliTrial14Invest, NewBuildReportAndCsvKeepTheirShape) {
  TempDir tmp;
  const std::filesystem::path dir = tmp.path() / "inv";
  const RunResult r = potline({"invest", example("invest-new-build.toml"), "--out", dir.string(), "--report"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("(1 run, 2 charts)"), std::string::npos) << r.out;
  EXPECT_EQ(lines_of(read_file(dir / "cash_flows.csv")).at(0), "Year,Cash flow [USD],Discounted [USD]");
  const std::string html = read_report(dir / "report.html");
  EXPECT_EQ(html.find("keeping the old cells"), std::string::npos);
  EXPECT_NE(html.find("\"text\":\"Cash flows and cumulative discounted cash flow\""), std::string::npos);
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial14_invest
