// User trial 11 (2026-12-06; docs/cli.md Changes): each fix asserted as the user reads it.
#include <fmt/format.h>

#include <fstream>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial11 {
namespace {

Json invest_json(const std::vector<std::string>& sets,
                 const std::string& file = example("invest-ap60-retrofit.toml")) {
  std::vector<std::string> args = {"invest", file, "--json"};
  args.insert(args.end(), sets.begin(), sets.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

const std::vector<std::string> kEts = {"--set", "eu_ets.year=2030",
                                       "--set", "eu_ets.eua_price=100 EUR/t",
                                       "--set", "eu_ets.usd_per_eur=1.08"};

// T11-5: the new AP60 cells had the old 170-kA cells' AEM 0.3 (PFC 0.342 t CO2e/t) in the retrofit
// plan, so the retrofit's carbon gain was missing. Now each plan has its own PFC and direct
// emissions.
TEST(CliTrial11, RetrofitNewCellsHaveTheirOwnPfc) {
  const Json j = invest_json({});
  const Json& after = j.at("operating");
  const Json& before = j.at("existing");
  EXPECT_NEAR(before.at("pfc_t_co2e_per_t").get<double>(), 0.342,
              0.001);  // CWPB, AEM 0.3 (IPCC 2006)
  // retrofit.aem 0.015 with the new cells' class (PFPB_modern since T12-6; before, the old cells'
  // CWPB slope: a twentieth of their PFC, 0.017): test_cli_trial12_retrofit.cpp.
  EXPECT_LT(after.at("pfc_t_co2e_per_t").get<double>(), before.at("pfc_t_co2e_per_t").get<double>() * 0.015 / 0.3);
  expect_in(after.at("pfc_basis").get<std::string>(), "slope method with retrofit.aem");
  EXPECT_NEAR(
      before.at("direct_t_co2e_per_t").get<double>() -
          after.at("direct_t_co2e_per_t").get<double>(),
      before.at("pfc_t_co2e_per_t").get<double>() - after.at("pfc_t_co2e_per_t").get<double>(),
      1e-9);
  expect_in(j.at("notes").dump(), fmt::format("PFC by plan: the old cells {:.3f} t CO2e/t",
                                              before.at("pfc_t_co2e_per_t").get<double>()));
  EXPECT_TRUE(invest_json({}, example("invest-new-build.toml")).at("existing").is_null());
}

// Under the EU ETS the retrofit's gain now carries the PFC saving: the keep-the-old-cells plan is
// the same whatever the new cells' AEM, so the gain moves by the plant's NPV change (-345.3 ->
// -279.9 M USD).
TEST(CliTrial11, RetrofitGainUnderTheEuEtsCarriesThePfcSaving) {
  std::vector<std::string> shared = kEts;
  // The old cells' AEM and class, as before the fix (the class since T12-6).
  shared.insert(shared.end(), {"--set", "retrofit.aem=0.3", "--set", "retrofit.technology_class=CWPB"});
  const Json own = invest_json(kEts);
  const Json old = invest_json(shared);
  const double plant = own.at("npv_usd").get<double>() - old.at("npv_usd").get<double>();
  const double gain =
      own.at("incremental_npv_usd").get<double>() - old.at("incremental_npv_usd").get<double>();
  EXPECT_GT(plant, 50e6);
  EXPECT_NEAR(gain, plant, 1.0);
  EXPECT_DOUBLE_EQ(old.at("operating").at("direct_t_co2e_per_t").get<double>(),
                   old.at("existing").at("direct_t_co2e_per_t").get<double>());
}

// The example without its retrofit.aem line.
std::string retrofit_without_aem() {
  std::string text = read_file(example("invest-ap60-retrofit.toml"));
  const auto at = text.find("\naem = 0.015");
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) text.erase(at + 1, text.find('\n', at + 1) - at);
  const std::filesystem::path file =
      std::filesystem::path(testing::TempDir()) / "t11-retrofit-no-aem.toml";
  std::ofstream(file) << text;
  return file.string();
}

// retrofit.technology without retrofit.aem: the class of the technology and that class's AEM, as
// smelter/invest default potline.technology (data/fleet-anode-effects.toml, PFPB_modern 0.015).
TEST(CliTrial11, RetrofitTechnologyGivesTheClassAem) {
  const Json j = invest_json({"--set", "retrofit.technology=AP60"}, retrofit_without_aem());
  expect_in(j.at("operating").at("pfc_basis").get<std::string>(),
            "technology class PFPB_modern (technology AP60");
  EXPECT_LT(j.at("operating").at("pfc_t_co2e_per_t").get<double>(), 0.02);
}

// Without retrofit.aem or retrofit.technology the new cells keep the old record, and a note says
// so.
TEST(CliTrial11, RetrofitWithoutTheNewCellsRecordSaysSo) {
  const Json j = invest_json({}, retrofit_without_aem());
  expect_in(j.at("notes").dump(), "the new cells keep the old cells' anode-effect record");
  EXPECT_DOUBLE_EQ(j.at("operating").at("direct_t_co2e_per_t").get<double>(),
                   j.at("existing").at("direct_t_co2e_per_t").get<double>());
  const RunResult bad =
      potline({"invest", example("invest-ap60-retrofit.toml"), "--set", "retrofit.aem=-1"});
  EXPECT_EQ(bad.exit_code, 2);
  expect_in(bad.err, "'retrofit.aem'");
}

// T11-1: a USD/kg slip in a smelter or invest money input (prices.lme = "2400 USD/kg" gave C1
// 971,319 USD/t without a word) now warns with the 1000x hint, as prices.power always did.
TEST(CliTrial11, MoneyInputsWarnOfAThousandfoldSlip) {
  const RunResult lme =
      potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "prices.lme=2400 USD/kg"});
  ASSERT_EQ(lme.exit_code, 0) << lme.describe();
  expect_in(lme.err + lme.out,
            "1000 times too high? 2400 USD/t would be typical (a kWh/MWh, kg/t or A/kA slip)");
  for (const char* set :
       {"prices.anode=600 USD/kg", "prices.alf3=1200 USD/kg", "costs.other=220 USD/kg"}) {
    const RunResult r = potline({"smelter", example("smelter-ca-hydro.toml"), "--set", set});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    expect_in(r.err + r.out, "1000 times too high?");
  }
  const RunResult capex = potline(
      {"invest", example("invest-new-build.toml"), "--set", "investment.capex=5500 USD/kg"});
  ASSERT_EQ(capex.exit_code, 0) << capex.describe();
  expect_in(capex.err + capex.out, "1000 times too high? 5500 USD/t would be typical");
  const RunResult wage =
      potline({"smelter", example("smelter-ca-hydro.toml"), "--set", "labour.wage=110000 USD/d"});
  expect_in(wage.err + wage.out,
            "'labour.wage': value '110000 USD/d' (= 40177500 USD/yr) is outside the typical range");
  // The shipped cases stay silent on these keys.
  for (const char* name :
       {"smelter-ca-hydro.toml", "smelter-cn-captive-coal.toml", "smelter-gcc-gas.toml"}) {
    const RunResult r = potline({"smelter", example(name)});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    expect_not_in(r.err + r.out, "outside the typical range");
  }
}

// T11-1: a price series in EUR/kWh (flex-day's / 1000) stays inside the day-ahead clearing range
// and was valued silently (+62,192 EUR a day); every price within +-1 EUR/MWh now warns.
TEST(CliTrial11, FlexPriceSeriesInEurPerKwhWarns) {
  const std::string shipped =
      read_file(source_dir() / "data" / "prices" / "synthetic-de-summer-day-15min.csv");
  std::string scaled;
  for (const std::string& line : lines_of(shipped)) {
    const auto comma = line.find(',');
    if (line.empty() || line[0] == '#' || comma == std::string::npos ||
        line.find_first_of("0123456789-", comma + 1) != comma + 1) {
      scaled += line + "\n";
      continue;
    }
    scaled += line.substr(0, comma) + "," +
              fmt::format("{:.6g}", std::stod(line.substr(comma + 1)) / 1000.0) + "\n";
  }
  const std::filesystem::path file = std::filesystem::path(testing::TempDir()) / "t11-kwh.csv";
  std::ofstream(file) << scaled;
  const RunResult r = potline({"flex", example("flex-day.toml"), "--prices", file.string()});
  expect_in(r.err + r.out, "1000 times too low?");
  const RunResult plain = potline({"flex", example("flex-day.toml")});
  expect_not_in(plain.err + plain.out, "1000 times too low?");
}

// T11-14: the cumulative line energy of a run with a cut-in fell by the held dead pot's energy at
// the restart (-1.10 MWh) and ended 1.129 MWh below the summary's energy_MWh.
TEST(CliTrial11, CumulativeLineEnergyKeepsTheHeldPotsEnergyAfterTheCutIn) {
  const std::filesystem::path out = std::filesystem::path(testing::TempDir()) / "t11-cut-in";
  std::filesystem::remove_all(out);
  const RunResult r = potline({"simulate", example("potline-cut-in.toml"), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::vector<std::string> rows = lines_of(read_file(out / "timeseries.csv"));
  ASSERT_GT(rows.size(), 2u);
  const std::size_t energy = column(csv_cells(rows[0]), "Line energy DC [MWh]");
  const std::size_t in_line = column(csv_cells(rows[0]), "Cells in line [-]");
  double last = 0;
  bool cut_in_seen = false;
  int cells_before = -1;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].empty()) continue;
    const auto cells = csv_cells(rows[i]);
    const double e = std::stod(cells[energy]);
    EXPECT_GE(e, last - 1e-9) << "row " << i;  // a cumulative column never falls
    const int n = std::stoi(cells[in_line]);
    if (cells_before >= 0 && n > cells_before) cut_in_seen = true;
    cells_before = n;
    last = e;
  }
  EXPECT_TRUE(cut_in_seen);
  const Json summary = parse_json(read_file(out / "summary.json"));
  EXPECT_NEAR(last, summary.at("energy_MWh").get<double>(),
              1e-3 * summary.at("energy_MWh").get<double>() * 1e-3 + 1e-3);
}

// T11-3: examples/us-tariff-50.toml's US power shock moved no price and no production, and the text
// did not say so; now a regional [[power_shock]] is solved away, as an exclusion is, and the text
// says whether it binds. The shock is checked to bind when it is large enough to stop a US line.
TEST(CliTrial11, FleetSaysWhetherARegionalPowerShockBinds) {
  const RunResult r = potline({"fleet", example("us-tariff-50.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  ASSERT_EQ(j.at("power_shocks").size(), 1u);
  const Json& shock = j.at("power_shocks").at(0);
  EXPECT_EQ(shock.at("region"), "usa");
  EXPECT_FALSE(shock.at("binding").get<bool>());
  EXPECT_NEAR(shock.at("world_price_usd_per_t").get<double>(),
              shock.at("world_price_without_usd_per_t").get<double>(), 0.5);
  const RunResult text = potline({"fleet", example("us-tariff-50.toml")});
  expect_in(text.out,
            "power_shock usa x1.2: does not bind: without it the same prices and production");
  const RunResult big =
      potline({"fleet", example("us-tariff-50.toml"), "--set", "power_shock[0].factor=4"});
  ASSERT_EQ(big.exit_code, 0) << big.describe();
  expect_in(big.out, "power_shock usa x4: binds: without it world price");
  const RunResult none = potline({"fleet", example("world.toml"), "--json"});
  EXPECT_FALSE(parse_json(none.out).contains("power_shocks"));
}

// T11-7: "under water at fleet.lme" counts against an input the model did not reach; the producing
// smelters that lose money at the model's own prices are now named.
TEST(CliTrial11, FleetNamesSmeltersLosingMoneyAtTheModelsPrices) {
  const std::filesystem::path file = std::filesystem::path(testing::TempDir()) / "t11-fleet.toml";
  const RunResult t = potline({"template", "fleet"});
  ASSERT_EQ(t.exit_code, 0) << t.describe();
  std::ofstream(file) << t.out;
  const RunResult r = potline({"fleet", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "at the model's prices: ");
  expect_in(r.out, "with C1 above their region's price");
}

// T11-15: a year whose demand at the reference prices exceeds the capacity says its prices ration
// demand.
TEST(CliTrial11, FleetSaysWhenPricesRationDemand) {
  const RunResult r = potline({"fleet", example("cbam-2034.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  ASSERT_GT(j.at("demand_Mt").get<double>(), 1.03 * j.at("capacity_Mt").get<double>());
  const RunResult text = potline({"fleet", example("cbam-2034.toml")});
  expect_in(
      text.out,
      fmt::format("demand at the reference prices {:.2f} Mt/yr exceeds the capacity {:.2f} Mt/yr",
                  j.at("demand_Mt").get<double>(), j.at("capacity_Mt").get<double>()));
}

// T11-12: sweep-small's carbon_price_europe replaced the EU ETS on every EU/EEA smelter in every
// sample without a word; `fleet` warns of a [[carbon_price]] doing so, and the sweep now does too.
// Since user trial 17, T17-6, sweep-small draws the EUA instead and runs clean; the warning is checked
// on a copy of it with a Europe carbon-price draw added.
TEST(CliTrial11, SweepSaysADrawnCarbonPriceReplacesTheEuEts) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "t11-sweep";
  std::filesystem::create_directories(dir);
  const std::string out = (dir / "t11-sweep.sqlite").string();
  std::filesystem::remove(out);
  std::string text = read_file(example("sweep-small.toml"));
  const auto at = text.find("base = \"world-elastic.toml\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("base = \"world-elastic.toml\"").size(), "base = \"" + example("world-elastic.toml") + "\"");
  text += "\n[[uncertain]]\nname = \"carbon_price_europe\"\nparameter = \"carbon_price\"\nregion = \"europe\"\n"
          "distribution = \"uniform\"\nmin = \"0 USD/t\"\nmax = \"60 USD/t\"\n";
  const std::string file = (dir / "with-carbon-price.toml").string();
  std::ofstream(file) << text;
  const RunResult r = potline({"sweep", file, "--out", out, "--threads", "1", "--set", "sweep.samples=2"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out + r.err, "carbon_price_europe");
  expect_in(r.out + r.err, "instead of the EU ETS (no free allocation) in every sample of scenario");
  // The shipped example itself warns of nothing.
  const std::string clean = (dir / "small.sqlite").string();
  std::filesystem::remove(clean);
  const RunResult small = potline({"sweep", example("sweep-small.toml"), "--out", clean, "--threads", "1", "--set",
                                   "sweep.samples=2"});
  ASSERT_EQ(small.exit_code, 0) << small.describe();
  expect_not_in(small.err, "warning");
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial11
