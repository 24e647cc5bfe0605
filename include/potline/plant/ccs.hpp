#pragma once
// Carbon capture on a prebake smelter's potline gas: the CO2 captured from the anode gas, the
// energy it takes (solvent regeneration heat, fan work to move the dilute gas through the absorber,
// compression for transport) and its cost. The thermodynamic minimum separation work is reported as
// a floor. Equations, defaults and their bases: docs/model/ccs.md.
// Units: SI inside; per kg of aluminium (kg CO2/kg Al = t/t) or per kg of CO2 captured.

namespace potline::plant {

/// Where the solvent-regeneration heat comes from.
enum class CcsHeatSupply { kNaturalGas, kElectric };

struct CcsInputs {
  double capture_rate = 0;                      ///< share of the potline-gas CO2 captured; 0 = no capture
  double co2_fraction = 0.01;                   ///< CO2 mole (volume) fraction of the potline gas
  double regeneration_heat_J_per_kg_co2 = 0;    ///< reboiler heat per kg CO2 captured
  CcsHeatSupply heat_supply = CcsHeatSupply::kNaturalGas;
  double boiler_efficiency = 0.9;               ///< heat out / fuel in (gas boiler) or / electricity in
  double fuel_co2_kg_per_J = 0;                 ///< CO2 per J of boiler fuel (natural gas)
  double fuel_usd_per_J = 0;                    ///< boiler fuel price
  double fan_pressure_rise_Pa = 0;              ///< pressure the gas must be raised by (absorber, cooler, ducts)
  double fan_efficiency = 0.8;                  ///< fan shaft + motor efficiency
  double compression_J_per_kg_co2 = 0;          ///< electricity to compress the captured CO2 for transport
  double capture_usd_per_kg_co2 = 0;            ///< capture plant capital charge + O&M, energy excluded
  double transport_storage_usd_per_kg_co2 = 0;  ///< transport and storage
};

struct CcsResult {
  bool active = false;                     ///< capture_rate > 0 and CO2 to capture
  double treated_co2_kg_per_kg = 0;        ///< CO2 in the gas sent to capture, per kg Al
  double captured_kg_per_kg = 0;           ///< CO2 captured per kg Al
  double gas_volume_Nm3_per_kg_co2 = 0;    ///< normal m3 (0 °C, 1 atm) of gas treated per kg CO2 captured
  double minimum_work_J_per_kg_co2 = 0;    ///< reversible separation work (isothermal, 25 °C)
  double fan_J_per_kg_co2 = 0;             ///< fan electricity per kg CO2 captured
  double electricity_J_per_kg_co2 = 0;     ///< fan + compression (+ heat when electric)
  double fuel_J_per_kg_co2 = 0;            ///< boiler fuel per kg CO2 captured (gas heat supply)
  double electricity_J_per_kg = 0;         ///< per kg Al
  double fuel_J_per_kg = 0;                ///< per kg Al
  double fuel_co2_kg_per_kg = 0;           ///< CO2 of the boiler fuel, per kg Al (not captured)
  double non_energy_usd_per_kg = 0;        ///< capture plant + transport and storage, per kg Al
  double fuel_usd_per_kg = 0;              ///< boiler fuel cost per kg Al
};

/// Minimum (reversible, isothermal) work to separate a fraction `capture_rate` of the CO2 of an
/// ideal-gas mixture with CO2 mole fraction x as pure CO2, per mole of CO2 captured:
/// W = R T [L·φ(y) − φ(x)]/(r x), φ(z) = z ln z + (1 − z) ln(1 − z), L = 1 − r x,
/// y = (1 − r) x / L. [J/mol CO2]; 0 outside 0 < x < 1, 0 < r ≤ 1.
double minimum_separation_work_J_per_mol(double co2_fraction, double capture_rate, double temperature_K) noexcept;

/// Capture of a share of `co2_kg_per_kg` (the CO2 per kg Al in the potline gas). No allocation.
CcsResult evaluate_ccs(const CcsInputs& in, double co2_kg_per_kg) noexcept;

}  // namespace potline::plant
