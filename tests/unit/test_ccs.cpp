// Carbon capture on the potline gas (docs/model/ccs.md): the thermodynamic floor in its limits, the
// gas volume and fan work against hand computations, and the capture in a smelter (captured CO2,
// its energy and cost, the break-even carbon price) against hand computations; capture rate > 1,
// missing costs and tiny rates, fractions and efficiencies (which overflowed) are input errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "potline/plant/ccs.hpp"
#include "potline/plant/ccs_report.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_report.hpp"
#include "../common/shipped_data.hpp"

namespace test_ccs {

using namespace potline;
using namespace potline::plant;

namespace {

constexpr double kR = 8.314462618;
constexpr double kMCO2 = 0.044009;  // kg/mol (12.011 + 2 × 15.999 g/mol)

const char* kSmelter = R"([potline]
sec_ac = "13.5 kWh/kg"
[plant]
capacity = "400000 t/yr"
anode_plant = false
[prices]
year = 2024
lme = 2400
alumina = 400
anode = 600
alf3 = 1200
power = "40 USD/MWh"
[labour]
employees = 500
wage = "100000 USD/yr"
[fuel]
casthouse_energy = "0 GJ/t"
[power]
source = "grid"
emission_factor = 0.5
[ccs]
capture_rate = 0.9
capture_cost = 150
transport_storage = 20
gas_price = "8 USD/GJ"
)";

std::optional<SmelterCase> build(const std::string& toml, core::Diagnostics& d) {
  return potline::testing::build_smelter_text(toml, d);
}

bool has_error(const core::Diagnostics& d, const std::string& key, const std::string& text) {
  return std::any_of(d.items().begin(), d.items().end(), [&](const core::Diagnostic& x) {
    return x.severity == core::Severity::kError && x.key == key && x.message.find(text) != std::string::npos;
  });
}

}  // namespace

// Removing a trace of CO2 costs its partial molar free energy, −RT ln x; separating all of it
// costs the whole free energy of mixing per mole of CO2, −RT φ(x)/x (thermodynamic limits, not the
// formula's own arithmetic at an interior point).
TEST(CcsModel, MinimumWorkMeetsItsThermodynamicLimits) {
  const double T = 298.15;
  EXPECT_NEAR(minimum_separation_work_J_per_mol(0.01, 1e-7, T), -kR * T * std::log(0.01), 1.0);
  const double phi = 0.01 * std::log(0.01) + 0.99 * std::log(0.99);
  EXPECT_NEAR(minimum_separation_work_J_per_mol(0.01, 1.0, T), -kR * T * phi / 0.01, 1e-6);
  // Dilute gas costs more per mole than a 12 % flue gas: 13.2 against 6.9 kJ/mol at 90 % capture.
  EXPECT_NEAR(minimum_separation_work_J_per_mol(0.01, 0.9, T) / 1e3, 13.2, 0.1);
  EXPECT_LT(minimum_separation_work_J_per_mol(0.12, 0.9, T), minimum_separation_work_J_per_mol(0.01, 0.9, T));
  EXPECT_EQ(minimum_separation_work_J_per_mol(0.01, 0.0, T), 0.0);
  EXPECT_EQ(minimum_separation_work_J_per_mol(0.0, 0.9, T), 0.0);
}

// 1 % CO2, 90 % captured: 22.414 L/mol / (44.009 g/mol × 0.01 × 0.9) = 56.6 Nm3 per kg CO2; the fan
// moves it at 40 °C: 64.9 m3 × 5 kPa / 0.8 = 405 kJ/kg = 112.6 kWh/t.
TEST(CcsModel, GasVolumeAndFanWorkOfADiluteGas) {
  CcsInputs in;
  in.capture_rate = 0.9;
  in.co2_fraction = 0.01;
  in.fan_pressure_rise_Pa = 5000;
  in.fan_efficiency = 0.8;
  in.compression_J_per_kg_co2 = 100 * 3600.0;  // 100 kWh/t
  in.regeneration_heat_J_per_kg_co2 = 4e6;
  in.boiler_efficiency = 0.9;
  in.fuel_co2_kg_per_J = 56.1e-9 * 1e-3 * 1e3;  // 56.1 t/TJ
  const CcsResult c = evaluate_ccs(in, 1.5);
  ASSERT_TRUE(c.active);
  const double nm3 = kR * 273.15 / 101325 / (kMCO2 * 0.01 * 0.9);
  EXPECT_NEAR(c.gas_volume_Nm3_per_kg_co2, nm3, 1e-9);
  EXPECT_NEAR(c.gas_volume_Nm3_per_kg_co2, 56.6, 0.1);
  EXPECT_NEAR(c.fan_J_per_kg_co2 / 3600.0, 112.6, 0.2);  // kWh/t
  EXPECT_NEAR(c.captured_kg_per_kg, 1.35, 1e-12);
  EXPECT_NEAR(c.fuel_J_per_kg_co2, 4e6 / 0.9, 1e-6);
  // Boiler CO2: 4.44 GJ/t × 56.1 t/TJ = 0.249 t per t captured.
  EXPECT_NEAR(c.fuel_co2_kg_per_kg / c.captured_kg_per_kg, 4e6 / 0.9 * 56.1e-9, 1e-9);
  EXPECT_NEAR(c.electricity_J_per_kg_co2, c.fan_J_per_kg_co2 + 360000.0, 1e-6);
  // Electric heat moves the boiler's input into the electricity.
  in.heat_supply = CcsHeatSupply::kElectric;
  const CcsResult e = evaluate_ccs(in, 1.5);
  EXPECT_EQ(e.fuel_J_per_kg, 0.0);
  EXPECT_NEAR(e.electricity_J_per_kg_co2, c.electricity_J_per_kg_co2 + 4e6 / 0.9, 1e-6);
}

TEST(CcsSmelter, CaptureCutsDirectEmissionsAtItsCostAndGivesTheBreakEvenCarbonPrice) {
  core::Diagnostics d;
  const auto c = build(kSmelter, d);
  ASSERT_TRUE(c) << d.to_string();
  const SmelterResult r = evaluate(c->inputs);
  const double anode_co2 = 0.425 * 0.976 * 44.0 / 12.0;  // IPCC eq. 4.21, default NAC, S, ash
  EXPECT_NEAR(r.ccs.treated_co2_kg_per_kg, anode_co2, 1e-9);
  const double captured = 0.9 * anode_co2;
  EXPECT_NEAR(r.emissions.ccs_captured, captured, 1e-9);
  const double fuel_co2 = captured * 4e6 / 0.9 * 56.1e-9;
  EXPECT_NEAR(r.emissions.ccs_fuel_co2, fuel_co2, 1e-9);
  EXPECT_NEAR(r.emissions.direct, anode_co2 + r.emissions.pfc_co2e + fuel_co2 - captured, 1e-9);
  // Electricity per t CO2: fan 112.6 + compression 100 kWh; its grid CO2 at 0.5 t/MWh.
  const double kwh_per_kg_co2 = (r.ccs.fan_J_per_kg_co2 + 360000.0) / 3.6e6;
  EXPECT_NEAR(kwh_per_kg_co2 * 1000, 212.6, 0.3);
  const double electricity_kwh = captured * kwh_per_kg_co2;
  EXPECT_NEAR(r.emissions.power_co2, (13.5 + electricity_kwh) * 0.5, 1e-9);  // 0.5 t/MWh = 0.5 kg/kWh
  // Cost per kg Al: (150 + 20) USD/t + gas 4.44 GJ/t × 8 USD/GJ + electricity × 40 USD/MWh.
  const double cost = captured * (0.170 + 4e6 / 0.9 * 8e-9) + electricity_kwh * 0.040;
  EXPECT_NEAR(r.breakdown.ccs, cost, 1e-9);
  EXPECT_NEAR(r.c1_usd_per_kg, r.breakdown.alumina + r.breakdown.carbon + r.breakdown.power + r.breakdown.bath +
                                   r.breakdown.labour + r.breakdown.other + cost,
              1e-9);
  const CcsEconomics e = ccs_economics(*c, r);
  ASSERT_TRUE(e.breakeven_usd_per_kg_co2);
  EXPECT_NEAR(*e.breakeven_usd_per_kg_co2, cost / (captured - fuel_co2), 1e-9);
  ASSERT_TRUE(e.usd_per_kg_avoided);
  EXPECT_NEAR(*e.usd_per_kg_avoided, cost / (captured - fuel_co2 - electricity_kwh * 0.5), 1e-9);
  const io::Json j = smelter_result_json(*c, r, {});
  EXPECT_NEAR(j.at("ccs").at("breakeven_co2_price_usd_per_t").get<double>(), *e.breakeven_usd_per_kg_co2 * 1000, 1e-6);
  EXPECT_NEAR(j.at("emissions_t_co2e_per_t").at("ccs_captured").get<double>(), -captured, 1e-9);
}

TEST(CcsSmelter, CaptureRateAboveOneAndMissingCostsAreInputErrors) {
  std::string toml = kSmelter;
  toml.replace(toml.find("capture_rate = 0.9"), 18, "capture_rate = 1.2");
  core::Diagnostics d;
  EXPECT_FALSE(build(toml, d));
  EXPECT_TRUE(has_error(d, "ccs.capture_rate", "is outside the allowed range")) << d.to_string();
  std::string missing = kSmelter;
  missing.replace(missing.find("capture_cost = 150\n"), 19, "");
  missing.replace(missing.find("gas_price = \"8 USD/GJ\"\n"), 23, "");
  core::Diagnostics d2;
  EXPECT_FALSE(build(missing, d2));
  EXPECT_TRUE(has_error(d2, "ccs.capture_cost", "required with ccs.capture_rate > 0")) << d2.to_string();
  EXPECT_TRUE(has_error(d2, "ccs.gas_price", "required with ccs.capture_rate > 0")) << d2.to_string();
}

// Found by probing every numeric field at the ends of its range (docs/reliability.md): each value
// was inside its range and made a figure per t CO2 infinite, a run-time failure ("non-finite result
// Inf in output 'ccs.fan_kWh_per_t_co2'") instead of an input error. The lower bounds are guards.
TEST(CcsSmelter, TinyRatesFractionsAndEfficienciesAreInputErrorsNotInfiniteResults) {
  const int last_line = static_cast<int>(std::count(kSmelter, kSmelter + std::strlen(kSmelter), '\n')) + 1;
  const auto first_error = [&](const std::string& line) {
    std::string toml = kSmelter;
    if (line.rfind("capture_rate", 0) == 0) toml.replace(toml.find("capture_rate = 0.9\n"), 19, "");
    toml += line + "\n";
    core::Diagnostics d;
    EXPECT_FALSE(build(toml, d));
    for (const auto& x : d.items())
      if (x.severity == core::Severity::kError) return x.to_string();
    return std::string("no error");
  };
  const std::string at = "case.toml:" + std::to_string(last_line) + ":";
  const std::string rate = first_error("capture_rate = 1e-300");  // one line less: the old rate is removed
  EXPECT_EQ(rate.rfind("case.toml:" + std::to_string(last_line - 1) + ":16: ", 0), 0u) << rate;
  EXPECT_NE(rate.find("error: 'ccs.capture_rate': value 1e-300 is outside the allowed range: 0 (no capture) or "
                      "[0.01, 1] (a capture plant that takes less than 1 % of the CO2 is not modelled)"),
            std::string::npos)
      << rate;
  const std::string fraction = first_error("co2_fraction = \"1e-300 %\"");
  EXPECT_EQ(fraction.rfind(at, 0), 0u) << fraction;
  EXPECT_NE(fraction.find("'ccs.co2_fraction': value '1e-300 %' is outside the allowed range "
                          "[0.01, 100) %"),
            std::string::npos)
      << fraction;
  for (const char* key : {"boiler_efficiency", "fan_efficiency"}) {
    const std::string e = first_error(std::string(key) + " = 1e-300");
    EXPECT_NE(e.find("'ccs." + std::string(key) + "': value 1e-300 is outside the allowed range [0.1, 1]"),
              std::string::npos)
        << e;
  }
  // The bounds themselves still run, with finite results.
  core::Diagnostics ok;
  std::string lean = kSmelter;
  lean.replace(lean.find("capture_rate = 0.9\n"), 19, "capture_rate = 0.01\n");
  const auto c = build(lean + "co2_fraction = \"0.01 %\"\nboiler_efficiency = 0.1\nfan_efficiency = 0.1\n", ok);
  ASSERT_TRUE(c) << ok.to_string();
  EXPECT_TRUE(std::isfinite(evaluate(c->inputs).ccs.fan_J_per_kg_co2));
}

TEST(CcsSmelter, CaptureOnAnInertAnodeSmelterIsAnError) {
  std::string toml = kSmelter;
  toml.replace(toml.find("anode = 600\n"), 12, "");
  toml.replace(toml.find("anode_plant = false\n"), 20, "");
  toml += "[anode]\ntype = \"inert\"\ncost = 100\n";
  core::Diagnostics d;
  EXPECT_FALSE(build(toml, d));
  EXPECT_TRUE(has_error(d, "ccs.capture_rate", "carries no anode CO2 to capture")) << d.to_string();
}

// The capture plant's cost scaled to the gas it treats (docs/model/ccs.md, "Cost at another gas or
// size"): a hand computation of the six-tenths rule, (x_b / x)^n · (M / M_b)^(n − 1), so it checks the
// wiring (schema, the smelter's nameplate capture, the cost in C1), not the rule itself.
TEST(CcsSmelter, CaptureCostScalesWithTheGasVolumeByTheSixTenthsRuleHandComputation) {
  core::Diagnostics d;
  const auto plain = build(kSmelter, d);
  ASSERT_TRUE(plain) << d.to_string();
  const double anode_co2 = 0.425 * 0.976 * 44.0 / 12.0;                    // t/t, IPCC eq. 4.21
  const double design_t_per_yr = 400000.0 * 0.9 * anode_co2;               // nameplate capture
  const auto scaled = [&](const std::string& extra) {
    core::Diagnostics dd;
    auto c = build(std::string(kSmelter) + extra, dd);
    EXPECT_TRUE(c) << dd.to_string();
    return c ? c->inputs.ccs.capture_usd_per_kg_co2 * 1000 : 0.0;
  };
  EXPECT_NEAR(plain->inputs.ccs.capture_usd_per_kg_co2 * 1000, 150.0, 1e-9);  // no basis: as given
  // A 4 % gas against a cost estimated at 1 %: a quarter of the gas per t CO2.
  EXPECT_NEAR(scaled("co2_fraction = \"4 %\"\ncost_basis_co2_fraction = \"1 %\"\n"), 150.0 * std::pow(0.25, 0.6),
              1e-9);
  // A cost estimated for a 1 Mt/yr plant, on this 0.55 Mt/yr one.
  EXPECT_NEAR(scaled("cost_basis_capture = \"1 Mt/yr\"\n"), 150.0 * std::pow(design_t_per_yr / 1e6, -0.4),
              1e-6);
  // Both, with a linear exponent: the size cancels and the cost goes with the gas per t.
  EXPECT_NEAR(scaled("co2_fraction = \"2 %\"\ncost_basis_co2_fraction = \"1 %\"\ncost_basis_capture = "
                     "\"3 Mt/yr\"\ncost_scaling_exponent = 1\n"),
              75.0, 1e-9);
  // The scaled cost is the one charged in C1.
  core::Diagnostics d4;
  const auto c4 = build(std::string(kSmelter) + "co2_fraction = \"4 %\"\ncost_basis_co2_fraction = \"1 %\"\n", d4);
  ASSERT_TRUE(c4) << d4.to_string();
  const SmelterResult r4 = evaluate(c4->inputs);
  const SmelterResult r1 = evaluate(plain->inputs);
  EXPECT_NEAR(r1.ccs.non_energy_usd_per_kg - r4.ccs.non_energy_usd_per_kg,
              r1.ccs.captured_kg_per_kg * (150.0 - 150.0 * std::pow(0.25, 0.6)) / 1000, 1e-12);
  const io::Json j = smelter_result_json(*c4, r4, {});
  EXPECT_NEAR(j.at("ccs").at("capture_cost_scale").get<double>(), std::pow(0.25, 0.6), 1e-12);
  EXPECT_NEAR(j.at("ccs").at("capture_cost_basis_usd_per_t_co2").get<double>(), 150.0, 1e-9);
  EXPECT_NEAR(j.at("ccs").at("design_capture_Mt_per_year").get<double>(), design_t_per_yr / 1e6, 1e-6);
}

TEST(CcsSmelter, CostScalingExponentOutsideItsRangeIsAnInputError) {
  core::Diagnostics d;
  EXPECT_FALSE(build(std::string(kSmelter) + "cost_scaling_exponent = 1.5\n", d));
  EXPECT_TRUE(has_error(d, "ccs.cost_scaling_exponent", "is outside the allowed range")) << d.to_string();
}
}  // namespace test_ccs
