// User trial 10 (2026-12-06; docs/cli.md Changes), T10-6: the low-voltage CF4 of a simulation: each
// fix asserted as the user reads it, with the numbers computed by hand from the inputs.
#include "cli_helpers.hpp"

namespace potline_cli_test::test_cli_trial10_pfc {
namespace {

// T10-6: pfc.low_voltage_cf4 was stored in kg/kg and multiplied by tonnes (1000x too small).
// By hand: 1 kg CF4/t x GWP-100 of CF4 6,630 (AR5) / 1000 = 6.63 t CO2e/t with no anode effect.
TEST(CliTrial10Fixes, LowVoltageCf4IsKgPerTonne) {
  TempDir dir;
  const RunResult sim = potline(
      {"simulate", example("cell-7d.toml"), "--set", "pfc.low_voltage_cf4=1 kg/t", "--json"});
  ASSERT_EQ(sim.exit_code, 0) << sim.describe();
  const Json s = parse_json(sim.out);
  ASSERT_EQ(s.at("ae_count").get<long>(), 0);  // all PFC of this run is low-voltage
  const double t = s.at("production_t").get<double>();
  EXPECT_NEAR(s.at("pfc_cf4_kg").get<double>(), 1.0 * t, 1e-6 * t);
  EXPECT_NEAR(s.at("pfc_cf4_low_voltage_kg").get<double>(), 1.0 * t, 1e-6 * t);
  EXPECT_NEAR(s.at("pfc_t_co2e_per_t_al").get<double>(), 6.63, 1e-6);
  // A plain number is in kg/t too: 0.5 -> 0.5 kg per tonne.
  const RunResult half =
      potline({"simulate", example("cell-7d.toml"), "--set", "pfc.low_voltage_cf4=0.5", "--json"});
  ASSERT_EQ(half.exit_code, 0) << half.describe();
  EXPECT_NEAR(parse_json(half.out).at("pfc_t_co2e_per_t_al").get<double>(), 3.315, 1e-6);
  // The text says where the PFC comes from.
  const RunResult text =
      potline({"simulate", example("cell-7d.toml"), "--set", "pfc.low_voltage_cf4=1 kg/t"});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  expect_in(text.out, "of the PFC, low-voltage CF4 ");
  expect_in(text.out, "(1 kg/t x ");
  expect_in(text.out, "pfc.low_voltage_cf4) = ");
  // The smelter takes the run's anode effects and its low-voltage CF4 per tonne (T10-7; until then
  // it dropped it with a warning): no anode effect, so PFC = 1 kg/t x 6630 / 1000 = 6.63 t CO2e/t.
  const auto run = dir.path() / "run.json";
  {
    std::ofstream f(run);
    f << sim.out;
  }
  const auto sm = dir.path() / "sm-fs.toml";
  {
    std::ofstream f(sm);
    std::istringstream in(read_file(example("smelter-ca-hydro.toml")));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("aem", 0) != 0) f << line << "\n";
    }
  }
  const RunResult smelter =
      potline({"smelter", sm.string(), "--set", "emissions.from_simulation=" + run.string()});
  ASSERT_EQ(smelter.exit_code, 0) << smelter.describe();
  expect_in(smelter.out, "  low-voltage PFC       included: 1 kg CF4/t from ");
  const RunResult sj = potline(
      {"smelter", sm.string(), "--set", "emissions.from_simulation=" + run.string(), "--json"});
  ASSERT_EQ(sj.exit_code, 0) << sj.describe();
  EXPECT_NEAR(parse_json(sj.out).at("emissions_t_co2e_per_t").at("pfc").get<double>(), 6.63, 1e-6);
  // The case's own value wins.
  const RunResult own =
      potline({"smelter", sm.string(), "--set", "emissions.from_simulation=" + run.string(),
               "--set", "emissions.low_voltage_cf4=0", "--json"});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  EXPECT_NEAR(parse_json(own.out).at("emissions_t_co2e_per_t").at("pfc").get<double>(), 0.0, 1e-9);
}

}  // namespace
}  // namespace potline_cli_test::test_cli_trial10_pfc
