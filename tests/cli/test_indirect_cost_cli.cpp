// The compensation of indirect emission costs in the 2024 backtest (docs/model/fleet.md,
// "Indirect-cost compensation"): the German smelters get 75 % × 0.72 t/MWh × the EUA forward price
// for 2024 (the eua_price path's 2023 value, 85 EUR/t) × 1.0824 USD/EUR per MWh of their AC
// consumption, deducted from their C1; the states whose CO2 factor was not read (Romania, Greece,
// Norway, France) are named in the text and get none; fleet.indirect_cost_compensation = "off"
// removes it.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_indirect_cost_cli {
namespace {

std::map<std::string, std::string> row_of(const std::string& csv, const std::string& id) {
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

TEST(IndirectCostCli, GermanSmeltersAreCompensatedAndUnreadFactorsAreNamed) {
  TempDir dir;
  const std::string on = (dir.path() / "on").string(), off = (dir.path() / "off").string();
  const RunResult a = potline({"fleet", example("world-2024.toml"), "--out", on});
  ASSERT_EQ(a.exit_code, 0) << a.describe();
  expect_in(
      a.out,
      "indirect-cost compensation 2024 (EUA forward 85 EUR/t): DEU 3 smelters at 49.7 USD/MWh");
  expect_in(a.out,
            "approved schemes whose CO2 factor was not read, so not applied: FRA, GRC, NOR, ROU");
  const RunResult b = potline({"fleet", example("world-2024.toml"), "--out", off, "--set",
                               "fleet.indirect_cost_compensation=\"off\""});
  ASSERT_EQ(b.exit_code, 0) << b.describe();
  EXPECT_EQ(b.out.find("indirect-cost compensation"), std::string::npos);
  const std::string csv_on = read_file(std::filesystem::path(on) / "cost_curve.csv");
  const std::string csv_off = read_file(std::filesystem::path(off) / "cost_curve.csv");
  const auto essen = row_of(csv_on, "eu-trimet-essen"),
             essen_off = row_of(csv_off, "eu-trimet-essen");
  const double sec = std::stod(essen.at("sec_ac_kWh_per_kg"));  // MWh/t
  const double aid = std::stod(essen.at("indirect_cost_aid_usd_per_t"));
  EXPECT_NEAR(aid, 0.75 * 0.72 * 85.0 * 1.0824 * sec, 1e-3 * aid);
  EXPECT_NEAR(std::stod(essen_off.at("c1_usd_per_t")) - std::stod(essen.at("c1_usd_per_t")), aid,
              1e-6 * aid);
  EXPECT_EQ(std::stod(row_of(csv_on, "eu-alro-slatina").at("indirect_cost_aid_usd_per_t")), 0.0);
  const Json summary = parse_json(read_file(std::filesystem::path(on) / "summary.json"));
  EXPECT_DOUBLE_EQ(
      summary.at("indirect_cost_compensation").at("eua_forward_eur_per_t").get<double>(), 85.0);
  EXPECT_EQ(summary.at("indirect_cost_compensation").at("smelters").size(), 3u);
}

TEST(IndirectCostCli, ABadSwitchValueIsAnInputError) {
  const RunResult r = potline(
      {"fleet", example("world-2024.toml"), "--set", "fleet.indirect_cost_compensation=\"some\""});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err, "fleet.indirect_cost_compensation");
}

}  // namespace potline_cli_test::test_indirect_cost_cli
