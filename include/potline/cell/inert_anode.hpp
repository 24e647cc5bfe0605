#pragma once
// The anode of the cell: carbon (consumed, CO2 + CO) or inert (oxygen-evolving, not consumed).
// Equations, defaults and sources: docs/model/inert-anode.md. SI units; names carry the unit.
#include <optional>
#include <string>
#include <vector>

namespace potline::cell {

enum class AnodeType { kCarbon, kInert };

/// Inputs that only an inert anode has (ignored with a carbon anode; the case rejects them there).
struct InertAnode {
  /// Anode reaction overvoltage at the reference current density (V); the Tafel slope is
  /// [Haupin 1998]'s T/12533 (an estimate, see the doc).
  double reaction_overvoltage_V = 0.1;
  double reference_current_density_A_per_m2 = 8000.0;
  /// Multiplies the bubble-layer voltage of [Haupin 1998]'s correlation (1 = as on carbon).
  double bubble_factor = 1.0;
  /// Linear wear of the anode bottom (m/s); nullopt when not given.
  std::optional<double> wear_rate_m_per_s;
  /// Density of the anode material (kg/m3), to turn the wear into mass; nullopt when not given.
  std::optional<double> material_density_kg_per_m3;
  /// Anode material cost per tonne of aluminium (USD/t Al); nullopt when not given.
  std::optional<double> cost_usd_per_t;
};

namespace inert_anode {

/// Reversible decomposition voltage of Al2O3 -> 2 Al + 3/2 O2 at alumina activity a (relative to
/// saturation) and 1 bar O2: E = ΔG°(T)/6F + (R T/6F)·ln(1/a) (ΔG° from [Chase 1998]). [V]
double reversible_voltage_V(double temperature_K, double alumina_activity) noexcept;

/// Anode reaction overvoltage, b·asinh(i/(2 i0)) with b = T/12533 and i0 set so that the
/// overvoltage at the reference current density is `InertAnode::reaction_overvoltage_V`. [V]
double reaction_overvoltage_V(const InertAnode& anode, double temperature_K,
                              double current_density_A_per_m2) noexcept;

}  // namespace inert_anode

/// What the anode consumes and emits per tonne of aluminium, from the stoichiometry at the cell's
/// current efficiency (docs/model/energy-balance.md), and the inert anode's wear and cost.
struct AnodeBalance {
  AnodeType type = AnodeType::kCarbon;
  double carbon_kg_per_t = 0;  ///< electrochemical consumption only (no air burn, no Boudouard)
  double co2_kg_per_t = 0;
  double co_kg_per_t = 0;
  double o2_kg_per_t = 0;
  std::optional<double> wear_kg_per_t;  ///< inert: anode material dissolved or worn
  std::optional<double> cost_usd_per_t;  ///< inert: anode material cost
};

/// The anode balance of a cell producing `production_kg_per_s` at current efficiency `ce` with a
/// geometric anode area `anode_area_m2`.
AnodeBalance anode_balance(AnodeType type, const InertAnode& inert, double current_efficiency,
                           double production_kg_per_s, double anode_area_m2) noexcept;

std::string to_name(AnodeType type);

}  // namespace potline::cell
