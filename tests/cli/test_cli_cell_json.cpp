// `potline cell --json`: every contract key, and the output's internal consistency (voltage
// breakdown sums to the cell voltage, the energy balance closes, Faraday's SEC).
#include "cli_helpers.hpp"

namespace potline_cli_test {
namespace test_cli_cell_json {
namespace {

const std::vector<std::string> kTopNumbers = {
    "current_kA", "voltage_V", "current_efficiency", "sec_dc_kWh_per_kg", "sec_ac_kWh_per_kg",
    "production_kg_per_day", "acd_cm", "anode_current_density_A_per_cm2", "bath_temperature_degC",
    "superheat_K", "power_kW", "heat_loss_kW"};
const std::vector<std::string> kBreakdown = {
    "reversible", "anode_reaction_overvoltage", "anode_concentration_overvoltage",
    "cathode_overvoltage", "bath_ohmic", "bubble", "anode_drop", "cathode_drop", "external"};
const std::vector<std::string> kEnergy = {"input", "reaction", "heating_alumina", "heating_anodes", "heat_loss"};

Json cell_json(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"cell"};
  full.insert(full.end(), args.begin(), args.end());
  full.push_back("--json");
  const RunResult r = potline(full);
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_FALSE(has_nonfinite_word(r.out)) << r.out;
  return parse_json(r.out);
}

void expect_contract_keys(const Json& j) {
  ASSERT_TRUE(j.is_object()) << j.dump();
  ASSERT_TRUE(j.contains("technology"));
  EXPECT_TRUE(j["technology"].is_string());
  for (const auto& key : kTopNumbers) finite_number(j, key);
  ASSERT_TRUE(j.contains("breakdown_V"));
  for (const auto& key : kBreakdown) finite_number(j["breakdown_V"], key);
  ASSERT_TRUE(j.contains("energy_kW"));
  for (const auto& key : kEnergy) finite_number(j["energy_kW"], key);
  ASSERT_TRUE(j.contains("warnings"));
  ASSERT_TRUE(j["warnings"].is_array());
  for (const auto& w : j["warnings"]) EXPECT_TRUE(w.is_string()) << w.dump();
  expect_all_finite(j);
}

// Every term of the breakdown object (including any beyond the contract, such as an anode-effect
// term) adds up to the cell voltage.
void expect_breakdown_sums_to_voltage(const Json& j) {
  double sum = 0.0;
  for (const auto& [key, value] : j["breakdown_V"].items()) sum += value.get<double>();
  EXPECT_NEAR(sum, finite_number(j, "voltage_V"), 1e-9 * finite_number(j, "voltage_V"));
}

void expect_energy_closes(const Json& j) {
  const Json& e = j["energy_kW"];
  const double input = finite_number(e, "input");
  const double parts = finite_number(e, "reaction") + finite_number(e, "heating_alumina") +
                       finite_number(e, "heating_anodes") + finite_number(e, "heat_loss");
  EXPECT_NEAR(parts, input, 1e-9 * std::abs(input));
  EXPECT_NEAR(finite_number(j, "heat_loss_kW"), finite_number(e, "heat_loss"), 1e-9 * std::abs(input));
  // The cell's balance excludes the busbar share, whose heat is released outside the cell.
  const double external_kW = finite_number(j["breakdown_V"], "external") * finite_number(j, "current_kA");
  EXPECT_NEAR(finite_number(j, "power_kW"), input + external_kW, 1e-9 * finite_number(j, "power_kW"));
}

void expect_faraday_sec(const Json& j) {
  // SEC_dc = V / (CE · 0.3356 kg/kAh) = 2.980 kWh/kg per volt at CE = 1 (Faraday).
  const double expected = 2.980 * finite_number(j, "voltage_V") / finite_number(j, "current_efficiency");
  EXPECT_NEAR(finite_number(j, "sec_dc_kWh_per_kg"), expected, 1e-3 * expected);
  // Production: 8.054 kg per kA·day at CE = 1.
  const double production = 8.054 * finite_number(j, "current_kA") * finite_number(j, "current_efficiency");
  EXPECT_NEAR(finite_number(j, "production_kg_per_day"), production, 1e-3 * production);
  EXPECT_GE(finite_number(j, "sec_ac_kWh_per_kg"), finite_number(j, "sec_dc_kWh_per_kg"));
  EXPECT_NEAR(finite_number(j, "power_kW"), finite_number(j, "voltage_V") * finite_number(j, "current_kA"),
              1e-9 * finite_number(j, "power_kW"));
}

TEST(CliCellJson, TechnologyAP60HasEveryContractKey) {
  const Json j = cell_json({"--technology", "AP60"});
  expect_contract_keys(j);
  EXPECT_EQ(j["technology"], "AP60");
}

TEST(CliCellJson, TechnologyAP60IsConsistent) {
  const Json j = cell_json({"--technology", "AP60"});
  expect_breakdown_sums_to_voltage(j);
  expect_energy_closes(j);
  expect_faraday_sec(j);
}

TEST(CliCellJson, TechnologyAP60IsAPlausibleModernCell) {
  const Json j = cell_json({"--technology", "AP60"});
  EXPECT_GT(finite_number(j, "current_kA"), 550.0);
  EXPECT_LT(finite_number(j, "current_kA"), 620.0);
  EXPECT_GT(finite_number(j, "voltage_V"), 3.8);
  EXPECT_LT(finite_number(j, "voltage_V"), 4.5);
  EXPECT_GT(finite_number(j, "current_efficiency"), 0.9);
  EXPECT_LE(finite_number(j, "current_efficiency"), 1.0);
  EXPECT_GT(finite_number(j, "acd_cm"), 3.0);
  EXPECT_LT(finite_number(j, "acd_cm"), 6.0);
  EXPECT_GT(finite_number(j, "anode_current_density_A_per_cm2"), 0.6);
  EXPECT_LT(finite_number(j, "anode_current_density_A_per_cm2"), 1.2);
  EXPECT_GT(finite_number(j, "superheat_K"), 0.0);
}

TEST(CliCellJson, DefaultCaseFileHasEveryContractKey) {
  const Json j = cell_json({default_case()});
  expect_contract_keys(j);
  EXPECT_FALSE(j["technology"].get<std::string>().empty());
}

TEST(CliCellJson, DefaultCaseFileIsConsistent) {
  const Json j = cell_json({default_case()});
  expect_breakdown_sums_to_voltage(j);
  expect_energy_closes(j);
  expect_faraday_sec(j);
}

TEST(CliCellJson, TechnologyOptionOverridesTheCaseFile) {
  const Json j = cell_json({default_case(), "--technology", "AP60"});
  EXPECT_EQ(j["technology"], "AP60");
}

TEST(CliCellJson, TextOutputSummarisesTheCell) {
  const RunResult r = potline({"cell", default_case()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  for (const char* word : {"cell voltage", "current efficiency", "kWh/kg", "energy"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word << "\n" << r.out;
  }
  EXPECT_FALSE(has_nonfinite_word(r.out)) << r.out;
}

TEST(CliCellJson, EveryEvaluatedCatalogueTechnologyRunsAndIsConsistent) {
  const RunResult list = potline({"technologies", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.describe();
  const Json catalogue = parse_json(list.out);
  ASSERT_TRUE(catalogue.contains("technologies"));
  int evaluated = 0;
  for (const auto& tech : catalogue["technologies"]) {
    if (tech["model"].is_null()) continue;  // covered by CatalogueTechnologiesAreAllEvaluated
    ++evaluated;
    const std::string id = tech["id"].get<std::string>();
    SCOPED_TRACE(id);
    const Json j = cell_json({"--technology", id});
    expect_contract_keys(j);
    expect_breakdown_sums_to_voltage(j);
    expect_energy_closes(j);
    expect_faraday_sec(j);
    // The cell command reproduces the model that 'technologies' reports for it.
    EXPECT_NEAR(finite_number(j, "voltage_V"), tech["model"]["voltage_V"].get<double>(), 1e-9);
  }
  EXPECT_GE(evaluated, 12);
}

}  // namespace
}  // namespace test_cli_cell_json
}  // namespace potline_cli_test
