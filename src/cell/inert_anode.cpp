// The inert (oxygen-evolving) anode: reversible voltage from thermochemical data, its reaction
// overvoltage, and the anode balance (carbon, CO2, CO or O2, wear, cost) per tonne of aluminium.
// docs/model/inert-anode.md gives the equations, the sources and what no public figure covers.
#include "potline/cell/inert_anode.hpp"

#include <cmath>

#include "potline/cell/thermo.hpp"
#include "potline/core/constants.hpp"

namespace potline::cell {
namespace {
using constants::kFaraday_C_per_mol;
using constants::kGasConstant_J_per_mol_K;
// Al2O3 -> 2 Al + 3/2 O2 transfers 6 electrons per mole of Al2O3.
constexpr double kElectronsPerAlumina = 6.0;
// [Haupin 1998]'s Tafel slope of the carbon anode reaction, b = T/12533 V: used for the oxygen
// evolution on an inert anode too (an estimate: no public fit for industrial inert anodes).
constexpr double kHaupinTafelDivisor_K_per_V = 12533.0;
constexpr double kKgPerTonne = 1000.0;
}  // namespace

namespace inert_anode {

double reversible_voltage_V(double temperature_K, double alumina_activity) noexcept {
  const double standard_V = thermo::alumina_decomposition_gibbs_J_per_mol(temperature_K) /
                            (kElectronsPerAlumina * kFaraday_C_per_mol);
  const double nernst_V =
      kGasConstant_J_per_mol_K * temperature_K / (kElectronsPerAlumina * kFaraday_C_per_mol);
  return standard_V + nernst_V * std::log(1.0 / alumina_activity);
}

double reaction_overvoltage_V(const InertAnode& anode, double temperature_K,
                              double current_density_A_per_m2) noexcept {
  const double b = temperature_K / kHaupinTafelDivisor_K_per_V;
  if (!(anode.reaction_overvoltage_V > 0.0)) return 0.0;
  // i0 such that b·asinh(i_ref/(2 i0)) equals the overvoltage given at the reference density.
  const double i0 =
      anode.reference_current_density_A_per_m2 / (2.0 * std::sinh(anode.reaction_overvoltage_V / b));
  return b * std::asinh(current_density_A_per_m2 / (2.0 * i0));
}

}  // namespace inert_anode

AnodeBalance anode_balance(AnodeType type, const InertAnode& inert, double current_efficiency,
                           double production_kg_per_s, double anode_area_m2) noexcept {
  AnodeBalance b;
  b.type = type;
  const double mol_al_per_t = kKgPerTonne / constants::kMolarMassAl_kg_per_mol;
  const double co2_kg_per_mol = constants::kMolarMassC_kg_per_mol + 2 * constants::kMolarMassO_kg_per_mol;
  const double co_kg_per_mol = constants::kMolarMassC_kg_per_mol + constants::kMolarMassO_kg_per_mol;
  if (type == AnodeType::kCarbon) {
    const thermo::Stoichiometry n = thermo::stoichiometry_per_mol_al(current_efficiency);
    b.carbon_kg_per_t = mol_al_per_t * n.carbon_mol * constants::kMolarMassC_kg_per_mol;
    b.co2_kg_per_t = mol_al_per_t * n.co2_mol * co2_kg_per_mol;
    b.co_kg_per_t = mol_al_per_t * n.co_mol * co_kg_per_mol;
    return b;
  }
  // 1/2 Al2O3 -> Al + 3/4 O2 per mole of Al produced; the oxygen that reoxidises dissolved metal
  // (the CE loss) is taken from the anode gas, so the net O2 per tonne does not depend on CE.
  b.o2_kg_per_t = mol_al_per_t * 0.75 * 2 * constants::kMolarMassO_kg_per_mol;
  if (inert.wear_rate_m_per_s && inert.material_density_kg_per_m3 && production_kg_per_s > 0.0) {
    const double worn_kg_per_s = *inert.wear_rate_m_per_s * anode_area_m2 * *inert.material_density_kg_per_m3;
    b.wear_kg_per_t = worn_kg_per_s / production_kg_per_s * kKgPerTonne;
  }
  b.cost_usd_per_t = inert.cost_usd_per_t;
  return b;
}

std::string to_name(AnodeType type) { return type == AnodeType::kInert ? "inert" : "carbon"; }

}  // namespace potline::cell
