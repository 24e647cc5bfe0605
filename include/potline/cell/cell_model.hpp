#pragma once
// The steady-state Hall-Héroult cell: voltage breakdown [Haupin 1998], current efficiency
// ([Dewing 1991], or the mass-transfer model of current_efficiency.hpp), Faraday production,
// specific energy and the energy balance.
// Pure functions of (design, constants, operating point); no allocation; safe on any thread.
// This is the single source of the cell's electrical and thermal physics for every other layer.
#include <cstdint>
#include <span>

#include "potline/bath/properties.hpp"
#include "potline/cell/current_efficiency.hpp"
#include "potline/cell/flags.hpp"
#include "potline/cell/inputs.hpp"

namespace potline::cell {

/// Voltage terms in V. Their sum is the cell voltage.
struct VoltageBreakdown {
  double reversible = 0;
  double anode_reaction_overvoltage = 0;
  double anode_concentration_overvoltage = 0;
  double cathode_overvoltage = 0;
  double bath_ohmic = 0;
  double bubble = 0;
  double anode_drop = 0;
  double cathode_drop = 0;
  double external = 0;
  double anode_effect = 0;  ///< extra voltage while in an anode effect (0 otherwise)
  double total() const noexcept {
    return reversible + anode_reaction_overvoltage + anode_concentration_overvoltage +
           cathode_overvoltage + bath_ohmic + bubble + anode_drop + cathode_drop + external +
           anode_effect;
  }
};

/// Energy balance of the cell in W: input = reaction + heating_alumina + heating_anodes + heat_loss.
/// `input` excludes the external (busbar) drop, which heats the potroom, not the pot.
struct EnergyBalance {
  double input_W = 0;
  double reaction_W = 0;
  double heating_alumina_W = 0;
  double heating_anodes_W = 0;
  double heat_loss_W = 0;
};

struct CellResult {
  VoltageBreakdown breakdown;
  double voltage_V = 0;
  double current_efficiency = 0;          ///< fraction
  double production_kg_per_s = 0;
  double sec_dc_J_per_kg = 0;
  double sec_ac_J_per_kg = 0;
  double power_W = 0;                     ///< line power per cell, I·V (includes external drop)
  double anode_current_density_A_per_m2 = 0;   ///< on the geometric anode bottom area
  double cathode_current_density_A_per_m2 = 0;
  double critical_current_density_A_per_m2 = 0;
  double anode_effect_alumina_wt = 0;    ///< dissolved alumina at which i_c falls to i (C_AE)
  double effective_anode_area_m2 = 0;     ///< geometric area enlarged by fanning
  double bubble_thickness_m = 0;
  double bubble_coverage = 0;
  bath::Properties bath{};
  EnergyBalance energy;
  std::uint32_t flags = 0;                ///< CellFlag | bath::ValidityFlag bits
  bool anode_effect() const noexcept { return (flags & kAnodeEffect) != 0; }
};

/// One steady-state evaluation.
CellResult evaluate(const CellDesign& design, const ModelConstants& constants,
                    const OperatingPoint& op) noexcept;

/// A batch of cells sharing nothing: out[k] = evaluate(designs[k], constants[k], ops[k]).
/// The spans must have equal sizes.
void evaluate_batch(std::span<const CellDesign> designs, std::span<const ModelConstants> constants,
                    std::span<const OperatingPoint> ops, std::span<CellResult> out) noexcept;

/// [Dewing 1991]: log10(100 − CE%) = 0.0095·SH − 0.019·AlF3 − 0.060·LiF + K.
/// Returns CE as a fraction.
double dewing_current_efficiency(double superheat_K, double alf3_excess_wt, double lif_wt,
                                 double dewing_constant) noexcept;
/// The K that gives `current_efficiency` (fraction) at the given superheat and chemistry.
double dewing_constant_for(double current_efficiency, double superheat_K, double alf3_excess_wt,
                           double lif_wt) noexcept;

/// The conditions the CE models read, from an evaluated result at `op`.
CeConditions ce_conditions(const CellResult& r, const OperatingPoint& op) noexcept;

/// Faraday: aluminium produced by `current_A` at current efficiency `ce`. [kg/s]
double faraday_production_kg_per_s(double current_A, double current_efficiency) noexcept;
/// Specific energy at the cell: V·3F/(M_Al·CE). [J/kg]
double specific_energy_J_per_kg(double voltage_V, double current_efficiency) noexcept;

/// Total geometric anode bottom area. [m²]
double anode_area_m2(const CellDesign& design) noexcept;
/// Effective anode area with fanning on each face ([Haupin 1998] eq. 34). [m²]
/// `beyond_fit` (if given) is set when a face's gap or the ACD lies past the fit's maximum.
double effective_anode_area_m2(const CellDesign& design, double acd_m,
                               bool* beyond_fit = nullptr) noexcept;

}  // namespace potline::cell
