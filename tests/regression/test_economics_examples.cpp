// Every economics example runs through the CLI (POTLINE_BIN) with exit 0, the documented JSON keys,
// finite numbers and internal consistency; bad input to each command exits 2 with a clear message.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "../cli/cli_helpers.hpp"

namespace potline_cli_test::test_economics_examples {

namespace {

std::vector<std::string> examples(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / "examples")) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".toml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(economics_examples, EverySmelterExampleRuns) {
  const auto files = examples("smelter-");
  ASSERT_GE(files.size(), 4u);
  for (const auto& f : files) {
    const RunResult r = potline({"smelter", f, "--json"});
    ASSERT_EQ(r.exit_code, 0) << f << "\n" << r.describe();
    const Json j = parse_json(r.out);
    expect_all_finite(j);
    for (const char* key : {"production_t_per_year", "sec_ac_kWh_per_kg", "power_cost_share",
                            "employees_per_kt_capacity", "jobs_per_GW"}) {
      finite_number(j, key);
    }
    const Json& cost = j.at("cost_usd_per_t");
    for (const char* key : {"c1", "business", "full"}) finite_number(cost, key);
    double sum = 0;
    for (const char* key : {"alumina", "carbon", "power", "bath", "labour", "other", "ccs"}) {
      sum += finite_number(cost.at("breakdown"), key);
    }
    EXPECT_NEAR(sum, cost.at("c1").get<double>(), 1e-6 * sum) << f;
    const Json& em = j.at("emissions_t_co2e_per_t");
    for (const char* key : {"anode_co2", "baking_co2", "pfc", "scope1", "scope2", "total"}) finite_number(em, key);
    EXPECT_NEAR(em.at("scope1").get<double>() + em.at("scope2").get<double>(), em.at("total").get<double>(), 1e-9);
    const Json& cbam = j.at("cbam_usd_per_t");
    for (int y = 2026; y <= 2034; ++y) {
      const double v = finite_number(cbam, std::to_string(y));
      EXPECT_GE(v, 0.0);
    }
    // The free allocation falls every year, so the CBAM cost never falls.
    for (int y = 2027; y <= 2034; ++y) {
      EXPECT_GE(cbam.at(std::to_string(y)).get<double>() + 1e-9, cbam.at(std::to_string(y - 1)).get<double>()) << f;
    }
    // Text mode runs too.
    EXPECT_EQ(potline({"smelter", f}).exit_code, 0) << f;
  }
}

TEST(economics_examples, CaptiveCoalIsTheMostEmissionsIntensive) {
  auto total = [](const std::string& name) {
    const RunResult r = potline({"smelter", (source_dir() / "examples" / name).string(), "--json"});
    return parse_json(r.out).at("emissions_t_co2e_per_t").at("total").get<double>();
  };
  const double coal = total("smelter-cn-captive-coal.toml");
  const double gas = total("smelter-gcc-gas.toml");
  const double hydro = total("smelter-ca-hydro.toml");
  EXPECT_GT(coal, gas);
  EXPECT_GT(gas, hydro);
  EXPECT_LT(hydro, 2.5);  // hydro ≈ 2 t CO2e/t (Level 1), as commonly quoted
}

TEST(economics_examples, EveryInvestExampleRuns) {
  const auto files = examples("invest-");
  ASSERT_GE(files.size(), 2u);
  for (const auto& f : files) {
    const RunResult r = potline({"invest", f, "--json"});
    ASSERT_EQ(r.exit_code, 0) << f << "\n" << r.describe();
    const Json j = parse_json(r.out);
    expect_all_finite(j);
    finite_number(j, "npv_usd");
    finite_number(j, "lcoa_usd_per_t");
    for (const char* key : {"irr", "payback_years", "breakeven_power_usd_per_MWh"}) {
      ASSERT_TRUE(j.contains(key)) << key;
      EXPECT_TRUE(j.at(key).is_number() || j.at(key).is_null()) << key;
    }
    EXPECT_EQ(potline({"invest", f}).exit_code, 0) << f;
  }
}

TEST(economics_examples, EmissionsAndCbamCommands) {
  RunResult r = potline({"emissions", "--aem", "0.5", "--nac", "0.42", "--production-t", "1000", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  Json j = parse_json(r.out);
  // Hand: CF4 = 0.143 × 0.5 × 1000 t = 71.5 kg; anode CO2 = 0.42 × 0.976 × 44/12 × 1000 = 1503.04 t.
  EXPECT_NEAR(finite_number(j, "cf4_kg"), 71.5, 1e-9);
  EXPECT_NEAR(finite_number(j, "anode_co2_t"), 1503.04, 1e-6);
  finite_number(j, "c2f6_kg");
  finite_number(j, "pfc_t_co2e");
  finite_number(j, "total_t_co2e");
  ASSERT_TRUE(j.contains("method"));
  r = potline({"cbam", "--year", "2030", "--direct-t-co2e-per-t", "2.0", "--eua-price-eur", "80", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  j = parse_json(r.out);
  EXPECT_NEAR(finite_number(j, "certificates_per_t"), 1.267155, 1e-9);
  EXPECT_NEAR(finite_number(j, "cost_eur_per_t"), 101.3724, 1e-6);
  EXPECT_DOUBLE_EQ(j.at("factors").at("cbam_factor").get<double>(), 0.515);
  // After free allocation: 2035 (and any year to 2050) as 2034, full certificates (SEE 2.0, EUA 80).
  for (const char* year : {"2034", "2035", "2050"}) {
    r = potline({"cbam", "--year", year, "--direct-t-co2e-per-t", "2.0", "--eua-price-eur", "80", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    j = parse_json(r.out);
    EXPECT_EQ(j.at("year").get<int>(), std::stoi(year));
    EXPECT_DOUBLE_EQ(j.at("factors").at("cbam_factor").get<double>(), 0.0) << year;
    EXPECT_DOUBLE_EQ(finite_number(j, "certificates_per_t"), 2.0) << year;
    EXPECT_DOUBLE_EQ(finite_number(j, "cost_eur_per_t"), 160.0) << year;
  }
}

TEST(economics_examples, BadInputExitsTwoWithAClearMessage) {
  const std::string us = (source_dir() / "examples" / "smelter-us-old-grid.toml").string();
  RunResult r = potline({"smelter", us, "--set", "prices.lme=-5"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("prices.lme"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the allowed range"), std::string::npos) << r.err;
  r = potline({"smelter", us, "--set", "plant.capacity_factor=1.2"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  r = potline({"emissions", "--technology-class", "XYZ"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is not one of"), std::string::npos) << r.err;
  r = potline({"emissions", "--gwp", "AR7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("AR4, AR5, AR6"), std::string::npos) << r.err;
  // 2035 and later: the CBAM goes on after free allocation ends (docs/cli.md, potline cbam); 2050 bounds it.
  r = potline({"cbam", "--year", "2051", "--direct-t-co2e-per-t", "2", "--eua-price-eur", "80"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'--year': value 2051 is outside the allowed range [2026, 2050]"), std::string::npos) << r.err;
  r = potline({"cbam", "--default-country", "NOR", "--eua-price-eur", "80"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("CBAM does not apply to imports from NOR (Norway: EEA state, in the EU ETS"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
  r = potline({"cbam", "--default-country", "CHM", "--eua-price-eur", "80"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'CHN'"), std::string::npos) << r.err;
  r = potline({"cbam", "--direct-t-co2e-per-t", "2", "--eua-price-eur", "-1"});
  EXPECT_EQ(r.exit_code, 2);
  const std::string nb = (source_dir() / "examples" / "invest-new-build.toml").string();
  r = potline({"invest", nb, "--set", "investment.epc_fee_share=1.5"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("investment.epc_fee_share"), std::string::npos) << r.err;
}

// ---- run folders (--out DIR) and anode effects from a dynamic run --------------------------------

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("potline-econ-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : lines_of(text)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = line.find(',', start);
      cells.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    rows.push_back(cells);
  }
  return rows;
}

std::string fixture(const std::string& name) { return (source_dir() / "tests" / "fixtures" / "smelter" / name).string(); }

void expect_manifest(const std::filesystem::path& dir, const std::string& command, const std::string& case_file) {
  const Json m = parse_json(read_file(dir / "manifest.json"));
  EXPECT_EQ(m.at("command").get<std::string>(), command);
  EXPECT_FALSE(m.at("version").get<std::string>().empty());
  EXPECT_TRUE(m.contains("git_commit"));
  ASSERT_GE(m.at("inputs").size(), 2u);
  EXPECT_EQ(m.at("inputs")[0].at("path").get<std::string>(), case_file);
  EXPECT_EQ(m.at("inputs")[0].at("sha256").get<std::string>().size(), 64u);
}

}  // namespace

TEST(economics_examples, SmelterRunFolderMatchesJson) {
  const std::string f = (source_dir() / "examples" / "smelter-ca-hydro.toml").string();
  const auto dir = fresh_dir("smelter");
  const RunResult r = potline({"smelter", f, "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* name :
       {"manifest.json", "summary.json", "cost_breakdown.csv", "emissions.csv", "cbam.csv", "potlines.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  }
  expect_manifest(dir, "smelter", f);
  const Json j = parse_json(read_file(dir / "summary.json"));
  const RunResult jr = potline({"smelter", f, "--json"});
  ASSERT_EQ(jr.exit_code, 0);
  EXPECT_EQ(parse_json(jr.out), j) << "summary.json is the --json object";

  const auto cost = csv_rows(read_file(dir / "cost_breakdown.csv"));
  ASSERT_EQ(cost.size(), 11u);
  EXPECT_EQ(cost[0], (std::vector<std::string>{"Component", "Cost [USD/t]", "Share of C1 [%]"}));
  const Json& c = j.at("cost_usd_per_t");
  for (std::size_t i = 1; i < cost.size(); ++i) {
    const std::string& name = cost[i][0];
    const double value = std::stod(cost[i][1]);
    if (i <= 6) {
      EXPECT_DOUBLE_EQ(value, c.at("breakdown").at(name).get<double>()) << name;
      EXPECT_NEAR(std::stod(cost[i][2]), 100.0 * c.at("share_of_c1").at(name).get<double>(), 1e-9) << name;
    } else {
      EXPECT_DOUBLE_EQ(value, c.at(name).get<double>()) << name;
    }
  }
  EXPECT_EQ(cost[7][0], "c1");
  EXPECT_NEAR(std::stod(cost[7][2]), 100.0, 1e-9);

  const auto em = csv_rows(read_file(dir / "emissions.csv"));
  // Rows (docs/cli.md): the sources, then the scopes; each row's Source is its JSON key.
  ASSERT_EQ(em.size(), 10u);
  EXPECT_EQ(em[0], (std::vector<std::string>{"Source", "Scope", "Emissions [t CO2e/t]"}));
  const Json& e = j.at("emissions_t_co2e_per_t");
  const std::vector<std::string> sources = {"anode_co2",          "baking_co2", "pfc",    "baking_fuel_co2",
                                            "casthouse_fuel_co2", "power",      "scope1", "scope2",
                                            "total"};
  for (std::size_t i = 1; i < em.size(); ++i) {
    EXPECT_EQ(em[i][0], sources[i - 1]);
    EXPECT_DOUBLE_EQ(std::stod(em[i][2]), e.at(em[i][0]).get<double>()) << em[i][0];
  }
  EXPECT_EQ(em[4][1], "1");  // baking fuel: scope 1 (fuel combustion on site)
  EXPECT_EQ(em[5][1], "1");  // casthouse fuel: scope 1
  EXPECT_EQ(em[6][0], "power");
  EXPECT_EQ(em[6][1], "2");  // hydro is bought power: scope 2
  // Scope 1 = the five direct sources (electricity is bought).
  double direct = 0;
  for (std::size_t i = 1; i <= 5; ++i) direct += std::stod(em[i][2]);
  EXPECT_NEAR(direct, e.at("scope1").get<double>(), 1e-12);

  // potlines.csv: one row for a case without [[potline]] tables, equal to summary.json's potlines.
  const auto pl = csv_rows(read_file(dir / "potlines.csv"));
  ASSERT_EQ(pl.size(), 2u);
  EXPECT_EQ(pl[0][0], "Potline");
  EXPECT_EQ(pl[0].size(), 14u);
  ASSERT_EQ(j.at("potlines").size(), 1u);
  EXPECT_DOUBLE_EQ(std::stod(pl[1][4]), j.at("potlines")[0].at("production_t_per_year").get<double>());
  EXPECT_DOUBLE_EQ(std::stod(pl[1][4]), j.at("production_t_per_year").get<double>());
  EXPECT_DOUBLE_EQ(std::stod(pl[1][13]), e.at("total").get<double>());

  const auto cb = csv_rows(read_file(dir / "cbam.csv"));
  ASSERT_EQ(cb.size(), 10u);
  EXPECT_EQ(cb[0], (std::vector<std::string>{"Year", "Certificates [1/t]", "Cost [EUR/t]", "Cost [USD/t]"}));
  for (std::size_t i = 1; i < cb.size(); ++i) {
    const std::string year = cb[i][0];
    EXPECT_EQ(year, std::to_string(2025 + i));
    EXPECT_DOUBLE_EQ(std::stod(cb[i][1]), j.at("cbam_certificates_per_t").at(year).get<double>()) << year;
    EXPECT_DOUBLE_EQ(std::stod(cb[i][2]), j.at("cbam_eur_per_t").at(year).get<double>()) << year;
    EXPECT_DOUBLE_EQ(std::stod(cb[i][3]), j.at("cbam_usd_per_t").at(year).get<double>()) << year;
  }
  std::filesystem::remove_all(dir);
}

TEST(economics_examples, InvestRunFolderMatchesJson) {
  const std::string f = (source_dir() / "examples" / "invest-new-build.toml").string();
  const auto dir = fresh_dir("invest");
  const RunResult r = potline({"invest", f, "--out", dir.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* name : {"manifest.json", "summary.json", "cash_flows.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / name)) << name;
  }
  expect_manifest(dir, "invest", f);
  const Json j = parse_json(read_file(dir / "summary.json"));
  const RunResult jr = potline({"invest", f, "--json"});
  ASSERT_EQ(jr.exit_code, 0);
  EXPECT_EQ(parse_json(jr.out), j);
  const auto rows = csv_rows(read_file(dir / "cash_flows.csv"));
  const Json& flows = j.at("cash_flows_usd");
  ASSERT_EQ(rows.size(), flows.size() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Year", "Cash flow [USD]", "Discounted [USD]"}));
  const double wacc = j.at("wacc").get<double>();
  double npv = 0;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    EXPECT_EQ(rows[k][0], std::to_string(k));
    EXPECT_DOUBLE_EQ(std::stod(rows[k][1]), flows[k - 1].get<double>());
    const double discounted = std::stod(rows[k][2]);
    EXPECT_NEAR(discounted, flows[k - 1].get<double>() / std::pow(1.0 + wacc, static_cast<double>(k)),
                1e-9 * std::abs(flows[k - 1].get<double>()) + 1e-6);
    npv += discounted;
  }
  const double scale = std::abs(j.at("npv_usd").get<double>()) + 1.0;
  EXPECT_NEAR(npv, j.at("npv_usd").get<double>(), 1e-9 * scale + 1e-3);
  std::filesystem::remove_all(dir);
}

// tests/fixtures/smelter/smelter-ae-from-simulation.toml is examples/smelter-ca-hydro.toml (CWPB,
// IPCC 2006 coefficients, AR5) with emissions.aem replaced by emissions.from_simulation =
// "ae-summary.json" (AE frequency 0.05 /cell-day, AEM 0.25 min/cell-day, AEO 2.5 mV).
// Slope (IPCC 2006 eq. 4.26, CWPB S = 0.143, F_C2F6/CF4 = 0.121; GWP AR5 6630 / 11100):
//   CF4 = 0.143 × 0.25 = 0.03575 kg/t; C2F6 = 0.121 × 0.03575 = 0.00432575 kg/t;
//   PFC = (0.03575 × 6630 + 0.00432575 × 11100) / 1000 = (237.0225 + 48.015825) / 1000 = 0.285038325 t CO2e/t.
// Overvoltage (eq. 4.28, CWPB OVC = 1.16), CE 95 %:
//   CF4 = 1.16 × 2.5 / 95 = 0.0305263158 kg/t; C2F6 = 0.121 × that = 0.0036936842 kg/t;
//   PFC = (0.0305263158 × 6630 + 0.0036936842 × 11100) / 1000 = 0.2023894737 + 0.0409998947 = 0.2433893684 t/t.
TEST(economics_examples, PfcFromSimulationSummarySlope) {
  const RunResult r = potline({"smelter", fixture("smelter-ae-from-simulation.toml"), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NEAR(j.at("emissions_t_co2e_per_t").at("pfc").get<double>(), 0.285038325, 1e-9);
  const Json& m = j.at("emissions_method");
  EXPECT_EQ(m.at("pfc").get<std::string>(), "slope");
  EXPECT_NEAR(m.at("cf4_kg_per_t").get<double>(), 0.03575, 1e-12);
  EXPECT_NEAR(m.at("c2f6_kg_per_t").get<double>(), 0.00432575, 1e-12);
  EXPECT_DOUBLE_EQ(m.at("aem_min_per_cell_day").get<double>(), 0.25);
  const Json& ae = m.at("anode_effects_from_simulation");
  EXPECT_EQ(std::filesystem::path(ae.at("file").get<std::string>()), std::filesystem::path(fixture("ae-summary.json")));
  EXPECT_DOUBLE_EQ(ae.at("ae_per_cell_day").get<double>(), 0.05);
  EXPECT_DOUBLE_EQ(ae.at("ae_minutes_per_cell_day").get<double>(), 0.25);
  // The same AEM given directly gives the same PFC.
  const RunResult direct = potline({"smelter", (source_dir() / "examples" / "smelter-ca-hydro.toml").string(),
                                    "--set", "emissions.aem=0.25", "--json"});
  ASSERT_EQ(direct.exit_code, 0) << direct.describe();
  EXPECT_DOUBLE_EQ(parse_json(direct.out).at("emissions_t_co2e_per_t").at("pfc").get<double>(),
                   j.at("emissions_t_co2e_per_t").at("pfc").get<double>());
  // The summary file is an input of the run folder.
  const auto dir = fresh_dir("ae");
  ASSERT_EQ(potline({"smelter", fixture("smelter-ae-from-simulation.toml"), "--out", dir.string()}).exit_code, 0);
  const Json manifest = parse_json(read_file(dir / "manifest.json"));
  bool listed = false;
  for (const auto& in : manifest.at("inputs")) listed = listed || in.at("path").get<std::string>().find("ae-summary.json") != std::string::npos;
  EXPECT_TRUE(listed);
  std::filesystem::remove_all(dir);
}

TEST(economics_examples, PfcFromSimulationSummaryOvervoltage) {
  const RunResult r = potline({"smelter", fixture("smelter-ae-from-simulation.toml"), "--set",
                               "emissions.pfc_method=overvoltage", "--set", "potline.current_efficiency=95", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const Json j = parse_json(r.out);
  EXPECT_NEAR(j.at("emissions_t_co2e_per_t").at("pfc").get<double>(), 0.2433893684, 1e-9);
  EXPECT_DOUBLE_EQ(j.at("emissions_method").at("aeo_mV").get<double>(), 2.5);
}

TEST(economics_examples, PfcFromSimulationBadSummaryIsAnInputError) {
  const std::string c = fixture("smelter-ae-from-simulation.toml");
  struct Case {
    std::vector<std::string> sets;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"emissions.from_simulation=" + fixture("no-such-summary.json")}, "cannot read the simulation summary"},
      {{"emissions.from_simulation=" + fixture("ae-summary-missing-key.json")}, "has no key 'ae_minutes_per_cell_day'"},
      {{"emissions.from_simulation=" + fixture("ae-summary-nonfinite.json")}, "ae_minutes_per_cell_day = null is not a finite number"},
      {{"emissions.from_simulation=" + fixture("smelter-ae-from-simulation.toml")}, "is not a JSON object"},
      {{"emissions.aem=0.1"}, "not both"},
      {{"emissions.pfc_method=tier1"}, "pfc_method"},
  };
  for (const auto& k : cases) {
    std::vector<std::string> args = {"smelter", c};
    for (const auto& s : k.sets) {
      args.push_back("--set");
      args.push_back(s);
    }
    const RunResult r = potline(args);
    EXPECT_EQ(r.exit_code, 2) << k.message << "\n" << r.describe();
    EXPECT_NE(r.err.find(k.message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("from_simulation"), std::string::npos) << r.err;
  }
}
}  // namespace potline_cli_test::test_economics_examples
