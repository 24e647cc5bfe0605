// Thermochemical data and energy-balance terms. Sources and equations:
// docs/model/energy-balance.md.
#include "potline/cell/thermo.hpp"

#include <cmath>
#include <limits>

#include "potline/core/constants.hpp"

namespace potline::cell::thermo {
namespace {

// Shomate equation (NIST Chemistry WebBook form), t = T/1000:
//   H(T) - H(298.15) [kJ/mol] = A t + B t^2/2 + C t^3/3 + D t^4/4 - E/t + F - H,
// where the coefficient H equals dfH(298.15) of the phase ([Chase 1998]). The absolute enthalpy on
// the elements-at-298.15-K scale is therefore A t + B t^2/2 + C t^3/3 + D t^4/4 - E/t + F (kJ/mol).
struct Shomate {
  double A, B, C, D, E, F;
};

constexpr double shomate_enthalpy_J_per_mol(const Shomate& c, double temperature_K) noexcept {
  const double t = temperature_K * 1e-3;
  return 1e3 * (t * (c.A + t * (c.B / 2.0 + t * (c.C / 3.0 + t * (c.D / 4.0)))) - c.E / t + c.F);
}

// All Shomate sets below: NIST Chemistry WebBook (SRD 69), "Condensed/Gas phase thermochemistry
// data", coefficients from [Chase 1998]. Checked against several independent transcriptions of the WebBook
// pages.

// Aluminium, solid, 298 K to the melting point (WebBook, CAS 7429-90-5).
constexpr Shomate kAlSolidShomate{28.08920, -5.414849, 8.560423, 3.427370, -0.277375, -9.147187};
// Aluminium, liquid, melting point to 2790 K (WebBook, CAS 7429-90-5); H coefficient 10.56201
// kJ/mol.
constexpr Shomate kAlLiquidShomate{31.75104,    3.935826e-8, -1.786515e-8,
                                   2.694171e-9, 5.480037e-9, -0.945684};
// Aluminium oxide, alpha (corundum), solid, 298-2327 K (WebBook, CAS 1344-28-1);
// H coefficient -1675.690 kJ/mol = dfH(298.15).
constexpr Shomate kAluminaShomate{102.4290, 38.74980, -15.91090, 2.628181, -3.007551, -1717.930};
// Carbon dioxide, gas, 298-1200 K and 1200-6000 K (WebBook, CAS 124-38-9); H = -393.5224 kJ/mol.
constexpr Shomate kCO2LowShomate{24.99735, 55.18696, -33.69137, 7.948387, -0.136638, -403.6075};
constexpr Shomate kCO2HighShomate{58.16639, 2.720074, -0.492289, 0.038844, -6.447293, -425.9186};
constexpr double kCO2SwitchTemperature_K = 1200.0;
// Carbon monoxide, gas, 298-1300 K and 1300-6000 K (WebBook, CAS 630-08-0); H = -110.5271 kJ/mol.
constexpr Shomate kCOLowShomate{25.56759, 6.096130, 4.054656, -2.671301, 0.131021, -118.0089};
constexpr Shomate kCOHighShomate{35.15070, 1.300095, -0.205921, 0.013550, -3.282780, -127.8375};
constexpr double kCOSwitchTemperature_K = 1300.0;
// Oxygen, gas, 100-700 K, 700-2000 K and 2000-6000 K (WebBook, CAS 7782-44-7); H = 0 (element).
constexpr Shomate kO2LowShomate{31.32234, -20.23531, 57.86644, -36.50624, -0.007374, -8.903471};
constexpr Shomate kO2MidShomate{30.03235, 8.772972, -3.988133, 0.788313, -0.741599, -11.32468};
constexpr Shomate kO2HighShomate{20.91111, 10.72071, -2.020498, 0.146449, 9.245722, 5.337651};
constexpr double kO2LowSwitchTemperature_K = 700.0;
constexpr double kO2HighSwitchTemperature_K = 2000.0;

// Shomate entropy, t = T/1000: S(T) [J/(mol K)] = A ln t + B t + C t^2/2 + D t^3/3 - E/(2 t^2) + G.
// G coefficients of the same WebBook pages ([Chase 1998]); with them S(298.15) is 28.27 (Al),
// 50.83 (Al2O3) and 205.15 (O2) J/(mol K) against the tabulated 28.30, 50.92 and 205.15.
double shomate_entropy_J_per_mol_K(const Shomate& c, double G, double temperature_K) noexcept {
  const double t = temperature_K * 1e-3;
  return c.A * std::log(t) + t * (c.B + t * (c.C / 2.0 + t * (c.D / 3.0))) - c.E / (2.0 * t * t) + G;
}
constexpr double kAlSolidShomateG = 61.90981;
constexpr double kAlLiquidShomateG = 73.39949;
constexpr double kAluminaShomateG = 146.9970;
constexpr double kO2LowShomateG = 246.7945;
constexpr double kO2MidShomateG = 236.1663;
constexpr double kO2HighShomateG = 237.6185;

const Shomate& o2_shomate(double temperature_K, double* G) noexcept {
  if (temperature_K < kO2LowSwitchTemperature_K) {
    *G = kO2LowShomateG;
    return kO2LowShomate;
  }
  if (temperature_K < kO2HighSwitchTemperature_K) {
    *G = kO2MidShomateG;
    return kO2MidShomate;
  }
  *G = kO2HighShomateG;
  return kO2HighShomate;
}

// Graphite: the WebBook gives no Shomate fit for C(graphite). We use the published NASA Glenn
// 9-coefficient polynomial for "C(gr)" (graphite, reference element; data TRC 4/83), from
// [McBride et al. 2002], file thermo.inp, ranges
// 200-600 K and 600-2000 K (the 2000-6000 K range is not needed in a cell).
//   H/(R T) = -a1 T^-2 + a2 ln(T)/T + a3 + a4 T/2 + a5 T^2/3 + a6 T^3/4 + a7 T^4/5 + b1/T,
// with R = 8.314510 J/(mol K), the value the coefficients were generated with.
struct Nasa9 {
  double a1, a2, a3, a4, a5, a6, a7, b1;
};
constexpr double kNasaGasConstant_J_per_mol_K = 8.314510;

double nasa9_enthalpy_J_per_mol(const Nasa9& c, double temperature_K) noexcept {
  const double T = temperature_K;
  const double h_over_RT =
      -c.a1 / (T * T) + c.a2 * std::log(T) / T + c.a3 +
      T * (c.a4 / 2.0 + T * (c.a5 / 3.0 + T * (c.a6 / 4.0 + T * (c.a7 / 5.0)))) + c.b1 / T;
  return kNasaGasConstant_J_per_mol_K * T * h_over_RT;
}

constexpr Nasa9 kGraphiteLowNasa{1.132856760e5,  -1.980421677e3,  1.365384188e1,   -4.636096440e-2,
                                 1.021333011e-4, -1.082893179e-7, 4.472258860e-11, 8.943859760e3};
constexpr Nasa9 kGraphiteMidNasa{3.356004410e5,  -2.596528368e3,   6.948841910,     -3.484836090e-3,
                                 1.844192445e-6, -5.055205960e-10, 5.750639010e-14, 1.398412456e4};
constexpr double kGraphiteSwitchTemperature_K = 600.0;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double enthalpy_J_per_mol(Species species, double temperature_K) noexcept {
  switch (species) {
    case Species::kAlSolid:
      return shomate_enthalpy_J_per_mol(kAlSolidShomate, temperature_K);
    case Species::kAlLiquid:
      return shomate_enthalpy_J_per_mol(kAlLiquidShomate, temperature_K);
    case Species::kAlumina:
      return shomate_enthalpy_J_per_mol(kAluminaShomate, temperature_K);
    case Species::kCarbon:
      return nasa9_enthalpy_J_per_mol(
          temperature_K < kGraphiteSwitchTemperature_K ? kGraphiteLowNasa : kGraphiteMidNasa,
          temperature_K);
    case Species::kCO2:
      return shomate_enthalpy_J_per_mol(
          temperature_K <= kCO2SwitchTemperature_K ? kCO2LowShomate : kCO2HighShomate,
          temperature_K);
    case Species::kCO:
      return shomate_enthalpy_J_per_mol(
          temperature_K <= kCOSwitchTemperature_K ? kCOLowShomate : kCOHighShomate, temperature_K);
    case Species::kO2: {
      double G = 0.0;
      return shomate_enthalpy_J_per_mol(o2_shomate(temperature_K, &G), temperature_K);
    }
  }
  return kNaN;
}

double entropy_J_per_mol_K(Species species, double temperature_K) noexcept {
  switch (species) {
    case Species::kAlSolid:
      return shomate_entropy_J_per_mol_K(kAlSolidShomate, kAlSolidShomateG, temperature_K);
    case Species::kAlLiquid:
      return shomate_entropy_J_per_mol_K(kAlLiquidShomate, kAlLiquidShomateG, temperature_K);
    case Species::kAlumina:
      return shomate_entropy_J_per_mol_K(kAluminaShomate, kAluminaShomateG, temperature_K);
    case Species::kO2: {
      double G = 0.0;
      const Shomate& c = o2_shomate(temperature_K, &G);
      return shomate_entropy_J_per_mol_K(c, G, temperature_K);
    }
    case Species::kCarbon:
    case Species::kCO2:
    case Species::kCO:
      return kNaN;
  }
  return kNaN;
}

double aluminium_entropy_J_per_mol_K(double temperature_K) noexcept {
  return entropy_J_per_mol_K(
      temperature_K < kAluminiumMeltingPoint_K ? Species::kAlSolid : Species::kAlLiquid,
      temperature_K);
}

double aluminium_enthalpy_J_per_mol(double temperature_K) noexcept {
  return enthalpy_J_per_mol(
      temperature_K < kAluminiumMeltingPoint_K ? Species::kAlSolid : Species::kAlLiquid,
      temperature_K);
}

TemperatureRange validity(Species species) noexcept {
  switch (species) {
    case Species::kAlSolid:
      return {298.0, kAluminiumMeltingPoint_K};
    case Species::kAlLiquid:
      return {kAluminiumMeltingPoint_K, 2790.0};
    case Species::kAlumina:
      return {298.0, 2327.0};
    case Species::kCarbon:
      return {200.0, 2000.0};  // the two NASA ranges implemented here
    case Species::kCO2:
    case Species::kCO:
      return {298.0, 6000.0};
    case Species::kO2:
      return {100.0, 6000.0};
  }
  return {kNaN, kNaN};
}

Stoichiometry stoichiometry_per_mol_al(double current_efficiency) noexcept {
  const double ce = current_efficiency;
  if (!(ce > 0.0 && ce <= 1.0)) return {kNaN, kNaN, kNaN, kNaN};
  return {0.5, 0.75 / ce, (1.5 * ce - 0.75) / ce, 1.5 * (1.0 - ce) / ce};
}

ReactionEnergy reaction_energy(double bath_temperature_K, double current_efficiency,
                               double alumina_feed_temperature_K,
                               double anode_entry_temperature_K) noexcept {
  const Stoichiometry n = stoichiometry_per_mol_al(current_efficiency);
  const double Tb = bath_temperature_K;
  const double h_alumina_bath = enthalpy_J_per_mol(Species::kAlumina, Tb);
  const double h_carbon_bath = enthalpy_J_per_mol(Species::kCarbon, Tb);

  ReactionEnergy e{};
  e.reaction_J_per_mol_Al = aluminium_enthalpy_J_per_mol(Tb) +
                            n.co2_mol * enthalpy_J_per_mol(Species::kCO2, Tb) +
                            n.co_mol * enthalpy_J_per_mol(Species::kCO, Tb) -
                            n.alumina_mol * h_alumina_bath - n.carbon_mol * h_carbon_bath;
  e.heating_alumina_J_per_mol_Al =
      n.alumina_mol *
      (h_alumina_bath - enthalpy_J_per_mol(Species::kAlumina, alumina_feed_temperature_K));
  e.heating_anodes_J_per_mol_Al =
      n.carbon_mol *
      (h_carbon_bath - enthalpy_J_per_mol(Species::kCarbon, anode_entry_temperature_K));
  return e;
}

ReactionEnergy inert_anode_reaction_energy(double bath_temperature_K,
                                           double alumina_feed_temperature_K) noexcept {
  const double Tb = bath_temperature_K;
  const double h_alumina_bath = enthalpy_J_per_mol(Species::kAlumina, Tb);
  ReactionEnergy e{};
  e.reaction_J_per_mol_Al = aluminium_enthalpy_J_per_mol(Tb) +
                            0.75 * enthalpy_J_per_mol(Species::kO2, Tb) - 0.5 * h_alumina_bath;
  e.heating_alumina_J_per_mol_Al =
      0.5 * (h_alumina_bath - enthalpy_J_per_mol(Species::kAlumina, alumina_feed_temperature_K));
  e.heating_anodes_J_per_mol_Al = 0.0;
  return e;
}

double alumina_decomposition_gibbs_J_per_mol(double temperature_K) noexcept {
  const double T = temperature_K;
  const double dH = 2.0 * aluminium_enthalpy_J_per_mol(T) + 1.5 * enthalpy_J_per_mol(Species::kO2, T) -
                    enthalpy_J_per_mol(Species::kAlumina, T);
  const double dS = 2.0 * aluminium_entropy_J_per_mol_K(T) +
                    1.5 * entropy_J_per_mol_K(Species::kO2, T) -
                    entropy_J_per_mol_K(Species::kAlumina, T);
  return dH - T * dS;
}

double inert_anode_minimum_energy_kWh_per_kg(double bath_temperature_K) noexcept {
  return J_per_mol_Al_to_kWh_per_kg(
      inert_anode_reaction_energy(bath_temperature_K, constants::kStandardTemperature_K).total());
}

double J_per_mol_Al_to_kWh_per_kg(double J_per_mol_Al) noexcept {
  return J_per_mol_Al / constants::kMolarMassAl_kg_per_mol / constants::kJoulePerKWh;
}

double minimum_energy_kWh_per_kg(double bath_temperature_K) noexcept {
  const double T0 = constants::kStandardTemperature_K;
  return J_per_mol_Al_to_kWh_per_kg(reaction_energy(bath_temperature_K, 1.0, T0, T0).total());
}

}  // namespace potline::cell::thermo
