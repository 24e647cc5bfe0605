#pragma once
// Thermochemical data and the energy-balance terms of a Hall-Heroult cell.
//
// Units: SI throughout. Enthalpies in J/mol on the "elements at 298.15 K" scale, temperatures in K.
// Equations, coefficient sources and assumptions: docs/model/energy-balance.md.
//
// Every function is a pure, allocation-free polynomial evaluation (tens of ns), safe to call from
// any thread. Outside a species' validity range the fit is evaluated anyway (no clamping): callers
// that accept user temperatures check validity() and warn (docs/cli.md, "Error messages": a value
// outside a correlation's validity range is a warning).
namespace potline::cell::thermo {

enum class Species {
  kAlSolid,   // Al, fcc crystal
  kAlLiquid,  // Al, liquid
  kAlumina,   // alpha-Al2O3, corundum
  kCarbon,    // C, graphite (stands in for the anode carbon)
  kCO2,       // CO2, ideal gas at 1 bar
  kCO,        // CO, ideal gas at 1 bar
  kO2,        // O2, ideal gas at 1 bar (the product of an oxygen-evolving, inert anode)
};

// Melting point of aluminium, K (ITS-90 fixed point, 660.323 degC).
inline constexpr double kAluminiumMeltingPoint_K = 933.473;

// Absolute enthalpy on the elements-at-298.15-K scale:
//   H(T) = dfH(298.15) + [H(T) - H(298.15)],  J/mol.
double enthalpy_J_per_mol(Species species, double temperature_K) noexcept;

// Absolute (third-law) entropy at 1 bar, J/(mol K). Available for the species of the inert-anode
// reaction (kAlSolid, kAlLiquid, kAlumina, kO2: Shomate G coefficients of [Chase 1998]); NaN for the
// others (graphite, CO, CO2: the carbon-anode voltage uses [Haupin 1998]'s fit instead).
double entropy_J_per_mol_K(Species species, double temperature_K) noexcept;
double aluminium_entropy_J_per_mol_K(double temperature_K) noexcept;

// Aluminium: the solid below kAluminiumMeltingPoint_K, the liquid from it upwards (so the step at
// the melting point is the enthalpy of fusion, ~10.7 kJ/mol). J/mol.
double aluminium_enthalpy_J_per_mol(double temperature_K) noexcept;

struct TemperatureRange {
  double min_K;
  double max_K;
};
// Temperature range over which the published fit for the species is valid.
TemperatureRange validity(Species species) noexcept;

// Moles of each species per mole of aluminium actually produced, at current efficiency ce.
// Electrolysis (per 3 F):          1/2 Al2O3 + 3/4 C -> Al + 3/4 CO2
// Back reaction (the CE loss):     2 Al + 3 CO2 -> Al2O3 + 3 CO
// Net, per mole of Al produced:    1/2 Al2O3 + 3/(4 ce) C -> Al + (3/2 ce - 3/4)/ce CO2 +
// 3(1-ce)/(2 ce) CO Equivalent to [Pearson & Waddington 1947]: CO2 volume fraction in the anode gas
// = 2 ce - 1. Physical for 0.5 <= ce <= 1 (below 0.5 the CO2 amount turns negative: the relation no
// longer applies).
struct Stoichiometry {
  double alumina_mol;  // Al2O3 consumed
  double carbon_mol;   // C consumed (electrochemical only)
  double co2_mol;      // CO2 leaving
  double co_mol;       // CO leaving
};
// Returns NaN members for ce outside (0, 1] (a caller bug, not an input path).
Stoichiometry stoichiometry_per_mol_al(double current_efficiency) noexcept;

// Lowest current efficiency for which the [Pearson & Waddington 1947] stoichiometry is physical.
inline constexpr double kMinimumPhysicalCurrentEfficiency = 0.5;

// Energy-balance terms per mole of aluminium actually produced, J/mol Al.
struct ReactionEnergy {
  double reaction_J_per_mol_Al;         // net reaction, reactants and products at bath temperature
  double heating_alumina_J_per_mol_Al;  // 1/2 mol Al2O3 from feed temperature to bath temperature
  double heating_anodes_J_per_mol_Al;   // consumed carbon from anode entry temperature to bath
                                        // temperature
  double total() const noexcept {
    return reaction_J_per_mol_Al + heating_alumina_J_per_mol_Al + heating_anodes_J_per_mol_Al;
  }
};

// Gases leave at bath temperature; the metal is produced at bath temperature.
// Preconditions: 0 < current_efficiency <= 1 (see Stoichiometry), temperatures in K.
ReactionEnergy reaction_energy(double bath_temperature_K, double current_efficiency,
                               double alumina_feed_temperature_K,
                               double anode_entry_temperature_K) noexcept;

// Inert (oxygen-evolving) anode: 1/2 Al2O3 -> Al + 3/4 O2 per mole of Al produced. The CE loss
// (2 Al + 3/2 O2 -> Al2O3, dissolved metal reoxidised by the anode oxygen) regenerates the alumina it
// took, so the net reaction per mole of Al produced does not depend on ce: the back reaction's heat
// stays in the cell (it is part of the heat loss). No anode carbon is consumed (heating_anodes = 0).
// docs/model/inert-anode.md.
ReactionEnergy inert_anode_reaction_energy(double bath_temperature_K,
                                           double alumina_feed_temperature_K) noexcept;

// Standard Gibbs energy of Al2O3(alpha) -> 2 Al(l) + 3/2 O2(g) at temperature T, J per mol Al2O3
// (Shomate H and S of [Chase 1998]). The reversible decomposition voltage at unit alumina activity
// is this over 6F.
double alumina_decomposition_gibbs_J_per_mol(double temperature_K) noexcept;

// Theoretical minimum energy with an inert anode, kWh per kg Al: alumina at 25 degC, products at bath
// temperature (gas leaves at bath temperature).
double inert_anode_minimum_energy_kWh_per_kg(double bath_temperature_K) noexcept;

// Theoretical minimum energy, kWh per kg Al: reactants at 25 degC, products at bath temperature, ce
// = 1.
double minimum_energy_kWh_per_kg(double bath_temperature_K) noexcept;

// Converts J per mol Al to kWh per kg Al (molar mass from core/constants.hpp).
double J_per_mol_Al_to_kWh_per_kg(double J_per_mol_Al) noexcept;

}  // namespace potline::cell::thermo
