// Carbon capture on a smelter's potline gas: docs/model/ccs.md.
#include "potline/plant/ccs.hpp"

#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::plant {
namespace {
constexpr double kMolarMassCO2_kg_per_mol =
    constants::kMolarMassC_kg_per_mol + 2.0 * constants::kMolarMassO_kg_per_mol;
constexpr double kNormalPressure_Pa = 101325.0;
constexpr double kNormalTemperature_K = 273.15;
// Reference temperature of the minimum-work floor (25 °C, the usual reporting basis).
constexpr double kReferenceTemperature_K = 298.15;
// Gas temperature at the fan and absorber inlet: amine absorbers take flue gas cooled to about
// 40 °C (estimate, the usual design point of post-combustion capture; the potline gas leaves the
// dry scrubbers warmer and is cooled in a direct-contact cooler first).
constexpr double kAbsorberInletTemperature_K = 313.15;

double mixing(double z) noexcept {
  if (!(z > 0.0) || !(z < 1.0)) return 0.0;  // z ln z → 0 at both ends
  return z * std::log(z) + (1.0 - z) * std::log(1.0 - z);
}
}  // namespace

double minimum_separation_work_J_per_mol(double x, double r, double temperature_K) noexcept {
  if (!(x > 0.0 && x < 1.0) || !(r > 0.0 && r <= 1.0)) return 0.0;
  const double lean = 1.0 - r * x;
  const double y = (1.0 - r) * x / lean;
  return constants::kGasConstant_J_per_mol_K * temperature_K * (lean * mixing(y) - mixing(x)) / (r * x);
}

CcsResult evaluate_ccs(const CcsInputs& in, double co2_kg_per_kg) noexcept {
  CcsResult c;
  if (!(in.capture_rate > 0.0) || !(co2_kg_per_kg > 0.0) || !(in.co2_fraction > 0.0)) return c;
  c.active = true;
  c.treated_co2_kg_per_kg = co2_kg_per_kg;
  c.captured_kg_per_kg = in.capture_rate * co2_kg_per_kg;
  c.minimum_work_J_per_kg_co2 =
      minimum_separation_work_J_per_mol(in.co2_fraction, in.capture_rate, kReferenceTemperature_K) /
      kMolarMassCO2_kg_per_mol;
  // Moles of gas treated per kg CO2 captured: the treated CO2's moles over its mole fraction.
  const double gas_mol_per_kg_co2 = 1.0 / (kMolarMassCO2_kg_per_mol * in.co2_fraction * in.capture_rate);
  const double R = constants::kGasConstant_J_per_mol_K;
  c.gas_volume_Nm3_per_kg_co2 = gas_mol_per_kg_co2 * R * kNormalTemperature_K / kNormalPressure_Pa;
  // Fan work = Δp · V / η with V at the absorber inlet (ideal gas, 1 atm; Δp ≪ p).
  const double inlet_m3_per_kg_co2 = gas_mol_per_kg_co2 * R * kAbsorberInletTemperature_K / kNormalPressure_Pa;
  c.fan_J_per_kg_co2 = in.fan_efficiency > 0.0 ? in.fan_pressure_rise_Pa * inlet_m3_per_kg_co2 / in.fan_efficiency : 0.0;
  const double heat_input_J_per_kg_co2 =
      in.boiler_efficiency > 0.0 ? in.regeneration_heat_J_per_kg_co2 / in.boiler_efficiency : 0.0;
  c.electricity_J_per_kg_co2 = c.fan_J_per_kg_co2 + in.compression_J_per_kg_co2;
  if (in.heat_supply == CcsHeatSupply::kElectric) {
    c.electricity_J_per_kg_co2 += heat_input_J_per_kg_co2;
  } else {
    c.fuel_J_per_kg_co2 = heat_input_J_per_kg_co2;
  }
  c.electricity_J_per_kg = c.electricity_J_per_kg_co2 * c.captured_kg_per_kg;
  c.fuel_J_per_kg = c.fuel_J_per_kg_co2 * c.captured_kg_per_kg;
  c.fuel_co2_kg_per_kg = c.fuel_J_per_kg * in.fuel_co2_kg_per_J;
  c.fuel_usd_per_kg = c.fuel_J_per_kg * in.fuel_usd_per_J;
  c.non_energy_usd_per_kg =
      (in.capture_usd_per_kg_co2 + in.transport_storage_usd_per_kg_co2) * c.captured_kg_per_kg;
  return c;
}

}  // namespace potline::plant
