// The EU ETS in every scenario year, with or without [cbam] (user trial 8, T8-2;
// docs/model/fleet.md, EU ETS): the 2024 backtest's EU and EEA smelters pay the 2024 ETS (free
// allocation 1.464 t/t, [EU 2021/447]); a 2025 case has the ETS of 2025 and may carry a [cbam]
// without cbam.year (no CBAM before 2026); `potline smelter` takes eu_ets.year from 2021 with the
// same free allocation.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_eu_ets_years_cli {
namespace {

/// The cells of smelter `id` in cost_curve.csv, by column name.
std::map<std::string, std::string> cost_curve_row(const std::string& csv, const std::string& id) {
  const auto lines = lines_of(csv);
  const auto header = csv_cells(lines.at(0));
  for (const auto& line : lines) {
    const auto cells = csv_cells(line);
    if (cells.size() != header.size() || cells.at(1) != id) continue;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = cells[i];
    return row;
  }
  ADD_FAILURE() << "no row " << id;
  return {};
}

}  // namespace

TEST(EuEtsYearsCli, The2024BacktestChargesItsEuSmeltersTheEtsOf2024) {
  TempDir dir;
  const std::string out = (dir.path() / "w24").string();
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string csv = read_file(std::filesystem::path(out) / "cost_curve.csv");
  const auto hh = cost_curve_row(csv, "eu-trimet-hamburg");
  ASSERT_FALSE(hh.empty());
  EXPECT_DOUBLE_EQ(std::stod(hh.at("eu_ets_free_allocation_t_per_t")), 1.464);
  const double ets = std::stod(hh.at("eu_ets_usd_per_t"));
  EXPECT_GT(ets, 0.0);
  // (direct - 1.464) x 65 EUR/t x 1.0824 USD/EUR, the paths' 2024 values (data/fleet-paths.toml).
  EXPECT_NEAR(ets, (std::stod(hh.at("direct_co2e_t_per_t")) - 1.464) * 65.0 * 1.0824, 1e-3);
  EXPECT_EQ(std::stod(cost_curve_row(csv, "eu-lochaber").at("eu_ets_usd_per_t")), 0.0);  // the UK
  const Json summary = parse_json(read_file(std::filesystem::path(out) / "summary.json"));
  EXPECT_TRUE(summary.at("eu_ets").at("charged").get<bool>());
  EXPECT_EQ(summary.at("eu_ets").at("year").get<int>(), 2024);
  EXPECT_EQ(summary.at("cbam_year").get<int>(), 0);
  expect_not_in(r.out, "the EU ETS is not charged");
}

TEST(EuEtsYearsCli, A2025CaseWithoutCbamPaysTheEtsOf2025) {
  const RunResult r =
      potline({"fleet", example("world-2024.toml"), "--set", "fleet.year=2025", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& ets = j.at("eu_ets");
  EXPECT_TRUE(ets.at("charged").get<bool>());
  EXPECT_EQ(ets.at("year").get<int>(), 2025);
  EXPECT_DOUBLE_EQ(ets.at("free_allocation_t_per_t").get<double>(), 1.464);
  EXPECT_NEAR(ets.at("eua_usd_per_t").get<double>(), 72.0 * 1.0824, 1e-9);  // the path's 2025 EUA
  EXPECT_GT(ets.at("mean_cost_usd_per_t").get<double>(), 0.0);
}

// cbam.year may be left out with fleet.year: a 2025 case with [cbam] runs (no CBAM before 2026, the
// ETS of 2025), where cbam.year = 2025 is outside [2026, 2050].
TEST(EuEtsYearsCli, A2025CaseMayCarryCbamWithoutItsYear) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "fleet.year=2025",
                               "--set", "cbam.usd_per_eur=1.08", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_EQ(j.at("cbam_year").get<int>(), 0);
  EXPECT_TRUE(j.at("eu_ets").at("charged").get<bool>());
  EXPECT_NEAR(j.at("eu_ets").at("eua_usd_per_t").get<double>(), 72.0 * 1.08,
              1e-9);  // the case's rate
}

// The warning of a cbam.year the scenario year replaces no longer says the ETS is not charged.
TEST(EuEtsYearsCli, TheReplacedCbamYearWarningSaysTheEtsIsChargedInEveryYear) {
  const RunResult r = potline({"fleet", example("world-2024.toml"), "--set", "cbam.year=2030",
                               "--set", "cbam.usd_per_eur=1.08"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out + r.err,
            "no CBAM before 2026 (the EU ETS on EU and EEA smelters is charged in every year from "
            "2021, independent of [cbam])");
  expect_not_in(r.out + r.err, "and no EU ETS charge");
}

// User trial 16, T16-2: from 2026 the EU ETS free allocation falls with the CBAM factor and CBAM
// charges the imports: one policy. A year alone on world.toml ("current policy") without [cbam]
// charges the first half and not the second, which the output says (it was silent); with
// cbam.year the note goes, and 2025 (no CBAM yet) has none.
TEST(EuEtsYearsCli, AYearFrom2026WithoutCbamSaysImportsPayNoCbam) {
  const std::string note = "no [cbam]: EU and EEA smelters pay the EU ETS of 2030 with the free allocation phased "
                           "down by the CBAM factor of the year, but imports into the EU pay no CBAM";
  const RunResult alone = potline({"fleet", example("world.toml"), "--set", "fleet.year=2030", "--json"});
  ASSERT_EQ(alone.exit_code, 0) << alone.describe();
  expect_in(alone.err, note);
  expect_in(alone.err, "--set cbam.year=2030");
  const Json j = parse_json(alone.out);
  EXPECT_EQ(j.at("cbam_year").get<int>(), 0);
  EXPECT_TRUE(j.at("eu_ets").at("charged").get<bool>());
  expect_in(j.at("warnings").dump(), "imports into the EU pay no CBAM");

  const RunResult law =
      potline({"fleet", example("world.toml"), "--set", "fleet.year=2030", "--set", "cbam.year=2030", "--json"});
  ASSERT_EQ(law.exit_code, 0) << law.describe();
  expect_not_in(law.out + law.err, "pay no CBAM");
  EXPECT_EQ(parse_json(law.out).at("cbam_year").get<int>(), 2030);

  const RunResult before = potline({"fleet", example("world.toml"), "--set", "fleet.year=2025", "--json"});
  ASSERT_EQ(before.exit_code, 0) << before.describe();
  expect_not_in(before.out + before.err, "pay no CBAM");
}

TEST(EuEtsYearsCli, CbamWithoutAnyYearIsAnInputError) {
  TempDir dir;
  const std::string f =
      dir.write("c.toml",
                "[fleet]\nlme = \"2400 USD/t\"\n[cbam]\neua_price = \"80 EUR/t\"\n"
                "usd_per_eur = 1.08\n");
  const RunResult r = potline({"fleet", f});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "cbam.year");
  expect_in(r.err,
            "required with [cbam] in a case without fleet.year: the CBAM year (2026..2050; with "
            "fleet.year "
            "the scenario year is the CBAM year)");
}

TEST(EuEtsYearsCli, SmelterTakesTheEtsOf2024AtThe2021To2025Benchmark) {
  const RunResult r = potline({"smelter", example("smelter-us-old-grid.toml"), "--json", "--set",
                               "eu_ets.year=2024", "--set", "eu_ets.eua_price=65", "--set",
                               "eu_ets.usd_per_eur=1.0824"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  const Json& ets = j.at("eu_ets");
  EXPECT_DOUBLE_EQ(ets.at("free_allocation_t_per_t").get<double>(), 1.464);
  EXPECT_NEAR(ets.at("cost_usd_per_t").get<double>(),
              (ets.at("direct_t_co2e_per_t").get<double>() - 1.464) * 65.0 * 1.0824, 1e-9);
}

TEST(EuEtsYearsCli, SmelterEtsYearBefore2021IsAnInputErrorWithItsRange) {
  const RunResult r =
      potline({"smelter", example("smelter-us-old-grid.toml"), "--set", "eu_ets.year=2020", "--set",
               "eu_ets.eua_price=25", "--set", "eu_ets.usd_per_eur=1.14"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "eu_ets.year");
  expect_in(r.err, "[2021, 2050]");
}

}  // namespace potline_cli_test::test_eu_ets_years_cli
