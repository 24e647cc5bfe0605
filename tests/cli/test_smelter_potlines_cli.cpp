// `potline smelter` with several potline groups ([[potline]] tables) and the fuel-combustion sources,
// end to end: JSON keys, the run folder's potlines.csv, --set potline[I].KEY and bad input (exit 2).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cli_helpers.hpp"

namespace potline_cli_test::test_smelter_potlines_cli {

namespace {

std::string two_potlines() { return (source_dir() / "examples" / "smelter-two-potlines.toml").string(); }

Json smelter_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"smelter", two_potlines(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const RunResult r = potline(args);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  return parse_json(r.out);
}

}  // namespace

TEST(SmelterPotlinesCli, TwoGroupsSumToThePlant) {
  const Json j = smelter_json({});
  expect_all_finite(j);
  const Json& lines = j.at("potlines");
  ASSERT_EQ(lines.size(), 2u);
  double production = 0, capacity = 0, load = 0, employees = 0, co2e = 0, c1 = 0;
  for (const auto& g : lines) {
    const double p = finite_number(g, "production_t_per_year");
    production += p;
    capacity += finite_number(g, "capacity_t_per_year");
    load += finite_number(g, "electrical_load_MW");
    employees += finite_number(g, "employees");
    co2e += p * g.at("emissions_t_co2e_per_t").at("total").get<double>();
    c1 += p * g.at("cost_usd_per_t").at("c1").get<double>();
    for (const char* key : {"name", "technology", "sec_source", "technology_class", "pfc_method"}) {
      EXPECT_TRUE(g.at(key).is_string()) << key;
    }
  }
  const double total = finite_number(j, "production_t_per_year");
  EXPECT_NEAR(production, total, 1e-6 * total);
  EXPECT_NEAR(capacity, finite_number(j, "capacity_t_per_year"), 1e-6 * capacity);
  EXPECT_NEAR(load, finite_number(j, "electrical_load_MW"), 1e-9 * load);
  EXPECT_NEAR(employees, finite_number(j, "employees"), 1e-9);
  EXPECT_NEAR(co2e / total, j.at("emissions_t_co2e_per_t").at("total").get<double>(), 1e-12);
  EXPECT_NEAR(c1 / total, j.at("cost_usd_per_t").at("c1").get<double>(), 1e-9);
  // Production-weighted SEC: the old P155 line is the less efficient one.
  const double sec = finite_number(j, "sec_ac_kWh_per_kg");
  EXPECT_GT(lines[0].at("sec_ac_kWh_per_kg").get<double>(), sec);
  EXPECT_LT(lines[1].at("sec_ac_kWh_per_kg").get<double>(), sec);
  EXPECT_EQ(lines[0].at("technology").get<std::string>(), "P155");
  EXPECT_EQ(lines[1].at("technology").get<std::string>(), "AP40");
  EXPECT_EQ(j.at("technology").get<std::string>(), "P155, AP40");
}

TEST(SmelterPotlinesCli, FuelSourcesAreScopeOneAndInTheTotal) {
  const Json j = smelter_json({});
  const Json& e = j.at("emissions_t_co2e_per_t");
  const double fuel = e.at("baking_fuel_co2").get<double>() + e.at("casthouse_fuel_co2").get<double>();
  EXPECT_GT(e.at("baking_fuel_co2").get<double>(), 0.0);
  // Casthouse: 1 GJ/t × 56.1 t CO2/TJ (natural gas) = 0.0561 t/t.
  EXPECT_NEAR(e.at("casthouse_fuel_co2").get<double>(), 0.0561, 1e-12);
  const double direct = e.at("anode_co2").get<double>() + e.at("baking_co2").get<double>() +
                        e.at("pfc").get<double>() + fuel;
  EXPECT_NEAR(e.at("direct").get<double>(), direct, 1e-12);
  EXPECT_NEAR(e.at("scope1").get<double>(), direct, 1e-12);  // hydro: no scope-1 power
  // No fuel: scope 1 falls by exactly the two fuel sources.
  const Json none = smelter_json({"--set", "fuel.baking_energy=0", "--set", "fuel.casthouse_energy=0"});
  EXPECT_NEAR(none.at("emissions_t_co2e_per_t").at("scope1").get<double>(), e.at("scope1").get<double>() - fuel, 1e-12);
  // Fuel oil in the baking furnace: 77.4 instead of 56.1 t/TJ.
  const Json oil = smelter_json({"--set", "fuel.baking_fuel=fuel_oil"});
  EXPECT_NEAR(oil.at("emissions_t_co2e_per_t").at("baking_fuel_co2").get<double>(),
              e.at("baking_fuel_co2").get<double>() * 77.4 / 56.1, 1e-12);
  EXPECT_DOUBLE_EQ(oil.at("emissions_method").at("baking_fuel_t_co2_per_TJ").get<double>(), 77.4);
}

TEST(SmelterPotlinesCli, SetChangesOneGroup) {
  const Json base = smelter_json({});
  const Json half = smelter_json({"--set", "potline[1].capacity_factor=0.5"});
  const double b2 = base.at("potlines")[1].at("production_t_per_year").get<double>();
  EXPECT_NEAR(half.at("potlines")[1].at("production_t_per_year").get<double>(), 0.5 * b2, 1e-6 * b2);
  EXPECT_DOUBLE_EQ(half.at("potlines")[0].at("production_t_per_year").get<double>(),
                   base.at("potlines")[0].at("production_t_per_year").get<double>());
}

TEST(SmelterPotlinesCli, RunFolderHasPotlinesCsv) {
  TempDir tmp;
  const auto out = tmp.path() / "run";
  const RunResult r = potline({"smelter", two_potlines(), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string csv = read_file(out / "potlines.csv");
  EXPECT_FALSE(has_nonfinite_word(csv));
  const auto rows = lines_of(csv);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0],
            "Potline,Name,Technology,Capacity [t/yr],Production [t/yr],Potline SEC AC [kWh/kg],Plant SEC AC [kWh/kg],"
            "Load [MW],Employees,C1 [USD/t],Full cost [USD/t],Scope 1 [t CO2e/t],Scope 2 [t CO2e/t],Total [t CO2e/t]");
  // The Potline column counts from 0, as --set potline[I] and the text's potline[0] (2026-12-07).
  EXPECT_EQ(rows[1].rfind("0,Line A: P155 (1980),P155,", 0), 0u) << rows[1];
  EXPECT_EQ(rows[2].rfind("1,Line B: AP40 expansion,AP40,", 0), 0u) << rows[2];
  const Json summary = parse_json(read_file(out / "summary.json"));
  EXPECT_EQ(summary.at("potlines").size(), 2u);
  const Json manifest = parse_json(read_file(out / "manifest.json"));
  bool fuels = false;
  for (const auto& in : manifest.at("inputs")) {
    fuels = fuels || in.at("path").get<std::string>().find("emissions/fuels.toml") != std::string::npos;
  }
  EXPECT_TRUE(fuels) << manifest.dump();
}

TEST(SmelterPotlinesCli, BadGroupInputExitsTwoWithItsPlace) {
  TempDir tmp;
  std::string text = read_file(two_potlines());
  const auto at = text.find("capacity_factor = 0.9");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 21, "capacity_factor = 1.9");
  // Line of that key in the example (count from 1).
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  const std::string path = tmp.write("bad.toml", text);
  RunResult r = potline({"smelter", path});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find(path + ":" + std::to_string(line) + ":19: error: 'potline[0].capacity_factor': value 1.9 is "
                                                               "outside the allowed range [0, 1]"),
            std::string::npos)
      << r.err;
  r = potline({"smelter", two_potlines(), "--set", "potline[2].aem=0.1"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("'potline[2].aem': the case has 2 [[potline]] tables"), std::string::npos) << r.err;
  r = potline({"smelter", two_potlines(), "--set", "fuel.baking_fuel=coal"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("fuel.baking_fuel"), std::string::npos) << r.err;
  r = potline({"smelter", two_potlines(), "--set", "fuel.casthouse_energy=-1"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  EXPECT_NE(r.err.find("outside the allowed range"), std::string::npos) << r.err;
}

TEST(SmelterPotlinesCli, GroupSchemaIsListed) {
  const RunResult r = potline({"schema", "smelter-potline"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* key : {"potline.name", "potline.sec_ac", "potline.capacity", "potline.employees", "potline.aem"}) {
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
  }
}

// The labour line names the basis of each figure (user trial 2026-12-05 (4), CV): it printed "2.02
// employees per kt capacity, 1575 jobs per GW", the first per kt of nameplate, the second per GW of
// the load at the operating output. smelter-us-old-grid by hand: 465 employees / 230 kt = 2.02 per
// kt/yr of capacity, / 172.5 kt = 2.70 per kt/yr produced, / 0.2952 GW (15 kWh/kg × 172,500 t/yr)
// = 1575 per GW.
TEST(SmelterPotlinesCli, LabourLineNamesTheBasisOfEachFigure) {
  const RunResult r = potline({"smelter", (source_dir() / "examples" / "smelter-us-old-grid.toml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "  labour                2.02 employees per kt/yr of capacity (2.70 per kt/yr produced); 1575 jobs per "
                   "GW of the load at the output (295.2 MW at 172500 t/yr)\n");
  // The JSON keys hold the same bases (load 15 kWh/kg × 172.5e6 kg/yr / 8766 h = 295.17 MW).
  const RunResult j = potline({"smelter", (source_dir() / "examples" / "smelter-us-old-grid.toml").string(), "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.describe();
  const Json s = parse_json(j.out);
  EXPECT_NEAR(s.at("electrical_load_MW").get<double>(), 15.0 * 172.5e6 / 8766.0 / 1e3, 0.01);
  EXPECT_NEAR(s.at("jobs_per_GW").get<double>(), 465.0 / (15.0 * 172.5e6 / 8766.0 / 1e6), 0.1);
  EXPECT_NEAR(s.at("employees_per_kt_capacity").get<double>(), 465.0 / 230.0, 1e-9);
  EXPECT_NEAR(s.at("employees_per_kt_produced").get<double>(), 465.0 / 172.5, 1e-9);
}

}  // namespace potline_cli_test::test_smelter_potlines_cli
