// The lumped dynamic cell model. Equations: docs/model/dynamics.md.
#include "potline/dynamics/cell_model.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "potline/cell/haupin.hpp"
#include "potline/cell/thermo.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "rhs_kernel.hpp"

namespace potline::dynamics {
namespace {
// Below this fraction of the nominal current the cell is treated as switched off (the Haupin
// overvoltage terms are not defined at zero current density).
constexpr double kOffCurrentFraction = 1e-3;
// Step in dissolved alumina for the numerical ∂V/∂alumina of the fast integrator. [wt%]
constexpr double kAluminaSlopeStep_wt = 0.05;

cell::OperatingPoint operating_point(const CellModel& m, const double* y, double current_A) {
  cell::OperatingPoint op;
  op.line_current_A = current_A;
  op.acd_m = y[kAcd];
  op.bath_temperature_K = y[kBathTemperature];
  op.bath = composition(m, y);
  return op;
}

cell::ModelConstants constants_at(const CellModel& m, const double* y) {
  cell::ModelConstants k = m.constants;
  // With kAnodeChange, carbon is heated when its anode is set (apply_anode_change), not as it
  // burns: entering at bath temperature makes the steady-state term zero.
  if (m.parameters.anode_heating == AnodeHeating::kAnodeChange) {
    k.anode_entry_temperature_K = y[kBathTemperature];
  }
  return k;
}
}  // namespace

bath::Composition composition(const CellModel& m, const double* y) noexcept {
  const double total = bath_mass_kg(y);
  bath::Composition c;
  c.alumina_wt = 100.0 * y[kDissolvedAlumina] / total;
  c.alf3_excess_wt = 100.0 * y[kExcessAlF3] / total;
  const double other = 100.0 * y[kOtherAdditives] / total;
  c.caf2_wt = other * m.other_shares[0];
  c.mgf2_wt = other * m.other_shares[1];
  c.lif_wt = other * m.other_shares[2];
  c.kf_wt = other * m.other_shares[3];
  return c;
}

cell::CellResult evaluate_cell(const CellModel& m, const double* y, double current_A) noexcept {
  return cell::evaluate(m.design, constants_at(m, y), operating_point(m, y, current_A));
}

double metal_rise_m_per_kg(const CellModel& m) noexcept {
  return 1.0 / (m.parameters.metal_density_kg_per_m3 * m.design.cathode_area_m2);
}

Electrical evaluate_electrical(const CellModel& m, const double* y, const CellInputs& in,
                               bool with_slopes) noexcept {
  Electrical e;
  const double T = y[kBathTemperature];
  const double I = in.current_A;
  e.alumina_wt = alumina_wt(y);
  e.acd_m = y[kAcd];
  if (!(I > kOffCurrentFraction * m.nominal_current_A)) {
    const bath::Properties p = bath::evaluate(composition(m, y), T, m.constants.conductivity);
    e.liquidus_K = p.liquidus_K;
    e.saturation_wt = p.alumina_saturation_wt;
    e.ae_alumina_wt = 0.0;
    e.flags = p.flags;
    return e;  // no current: no voltage, no production, no heat generation
  }
  const cell::ModelConstants k = constants_at(m, y);
  cell::OperatingPoint op = operating_point(m, y, I);
  const cell::CellResult r = cell::evaluate(m.design, k, op);
  e.flags = r.flags;
  e.voltage_V = r.voltage_V;
  e.external_V = r.breakdown.external;
  e.current_efficiency = r.current_efficiency;
  const double chemical_W =
      r.energy.reaction_W + r.energy.heating_alumina_W + r.energy.heating_anodes_W;
  e.chemical_J_per_kg_al = r.production_kg_per_s > 0 ? chemical_W / r.production_kg_per_s : 0.0;
  e.liquidus_K = r.bath.liquidus_K;
  e.saturation_wt = r.bath.alumina_saturation_wt;
  e.ae_alumina_wt = r.anode_effect_alumina_wt;
  if (r.anode_effect()) {
    e.ae_overvoltage_V = r.breakdown.anode_effect;
  } else if (in.in_anode_effect) {
    // The gas film persists until the quench breaks it, even when alumina has recovered: the
    // same anode-effect overvoltage constant the steady-state model uses.
    e.ae_overvoltage_V = k.anode_effect_overvoltage_V;
    e.voltage_V += e.ae_overvoltage_V;
  }
  // ∂V/∂ACD: the ohmic bath term is proportional to its path length (fanning neglected).
  const double path = op.acd_m - (k.subtract_bubble_layer ? r.bubble_thickness_m : 0.0);
  e.dV_dacd_per_m = path > 0 ? r.breakdown.bath_ohmic / path : 0.0;
  if (with_slopes && !r.anode_effect()) {
    const double scale = (e.alumina_wt - kAluminaSlopeStep_wt) / e.alumina_wt;
    // Lower the dissolved alumina at constant other masses.
    const double total = bath_mass_kg(y);
    const double d_mass = y[kDissolvedAlumina] * (1.0 - scale);
    const double total2 = total - d_mass;
    cell::OperatingPoint op2 = op;
    op2.bath.alumina_wt = 100.0 * (y[kDissolvedAlumina] - d_mass) / total2;
    const double f = total / total2;
    op2.bath.alf3_excess_wt *= f;
    op2.bath.caf2_wt *= f;
    op2.bath.mgf2_wt *= f;
    op2.bath.lif_wt *= f;
    op2.bath.kf_wt *= f;
    const cell::CellResult r2 = cell::evaluate(m.design, k, op2);
    if (!r2.anode_effect()) {
      e.dV_dalumina_per_wt = (r.voltage_V - r2.voltage_V) / (op.bath.alumina_wt - op2.bath.alumina_wt);
    }
  }
  return e;
}

double ledge_flow_factor(const CellModel& m, double current_A) noexcept {
  const double floor = m.parameters.ledge_natural_convection_fraction;
  const double ratio = m.nominal_current_A > 0.0 ? std::max(current_A, 0.0) / m.nominal_current_A : 1.0;
  return std::max(floor, std::pow(ratio, m.parameters.ledge_flow_exponent));
}

void rhs(const CellModel& m, const CellInputs& in, const Electrical& e, const double* y,
         double* dy, Fluxes* fluxes) noexcept {
  detail::rhs_kernel(m, detail::rhs_terms(m, in, e), y, dy, fluxes);
}

void prepare_rhs(CellModel& m) noexcept {
  const DynamicsParameters& p = m.parameters;
  CellModel::Derived& g = m.derived;
  const double A = m.side_area_m2;
  g.top_in_W_per_K = 1.0 / (p.top_inner_fraction * m.top_resistance_K_per_W);
  g.top_out_W_per_K = 1.0 / ((1.0 - p.top_inner_fraction) * m.top_resistance_K_per_W);
  g.bottom_in_W_per_K = 1.0 / (p.lining_inner_fraction * m.bottom_resistance_K_per_W);
  g.bottom_out_W_per_K = 1.0 / ((1.0 - p.lining_inner_fraction) * m.bottom_resistance_K_per_W);
  g.wall_in_K_per_W = p.wall_inner_fraction * m.wall_resistance_K_per_W;
  // With shell heat exchangers the calibrated wall-to-ambient conductance is shared: the exchangers
  // at their design use carry design_fraction × share of it, the passive shell the rest.
  const double wall_out = 1.0 / m.wall_outer_resistance_K_per_W;
  g.exchanger_W_per_K = m.exchanger_share * wall_out;
  g.wall_out_W_per_K = wall_out * (1.0 - p.exchanger_design_fraction * m.exchanger_share);
  g.bypass_W_per_K = m.side_bypass_W_per_K;
  g.bypass_fixed_K_per_W = m.side_bypass_fixed_K_per_W;
  g.bypass_ledge_share = m.side_bypass_W_per_K > 0.0 ? p.bypass_ledge_share : 0.0;
  g.ledge_K_per_W_per_kg = 1.0 / (p.ledge_density_kg_per_m3 * A * p.ledge_conductivity_W_per_m_K * A);
  g.ledge_face_W_per_K = m.ledge_heat_transfer_W_per_m2_K * A;
  g.bath_metal_W_per_K = m.bath_metal_W_per_K;
  g.minimum_ledge_kg = p.minimum_ledge_m * p.ledge_density_kg_per_m3 * A;
  g.inverse_top_heat_capacity = 1.0 / m.top_heat_capacity_J_per_K;
  g.inverse_wall_heat_capacity = 1.0 / m.wall_heat_capacity_J_per_K;
  g.inverse_lining_heat_capacity = 1.0 / m.lining_heat_capacity_J_per_K;
  g.inverse_cold_anode_time_constant = 1.0 / p.cold_anode_time_constant_s;
  g.acd_m_per_kg_al = p.carbon_kg_per_kg_al / (p.anode_density_kg_per_m3 * m.anode_area_m2) - metal_rise_m_per_kg(m);
}

double stored_heat_J(const CellModel& m, const double* y) noexcept {
  const DynamicsParameters& p = m.parameters;
  const double Tr = m.reference_temperature_K;
  const double sensible = bath_mass_kg(y) * p.bath_heat_capacity_J_per_kg_K * (y[kBathTemperature] - Tr) +
                          y[kMetal] * p.metal_heat_capacity_J_per_kg_K * (y[kMetalTemperature] - Tr);
  const double ledge = y[kLedge] * (p.ledge_latent_heat_J_per_kg +
                                    p.bath_heat_capacity_J_per_kg_K * (Tr - m.ledge_reference_K));
  const double nodes = m.top_heat_capacity_J_per_K * (y[kTopTemperature] - m.top_reference_K) +
                      m.wall_heat_capacity_J_per_K * (y[kWallTemperature] - m.wall_reference_K) +
                      m.lining_heat_capacity_J_per_K * (y[kLiningTemperature] - m.lining_reference_K);
  return sensible - ledge + nodes;
}

void apply_feed(const CellModel& m, double* y, double mass_kg, double saturation_wt) noexcept {
  // A saturated bath dissolves nothing at once: the whole shot joins the undissolved pool.
  const double now = alumina_wt(y) < saturation_wt ? mass_kg * m.parameters.immediate_dissolution_fraction : 0.0;
  y[kDissolvedAlumina] += now;
  y[kUndissolvedAlumina] += mass_kg - now;
}

double apply_tap(const CellModel& m, double* y, double target_metal_kg, double* tapped_heat_J) noexcept {
  const double removed = std::max(y[kMetal] - target_metal_kg, 0.0);
  y[kMetal] -= removed;
  if (tapped_heat_J != nullptr) {
    *tapped_heat_J += removed * m.parameters.metal_heat_capacity_J_per_kg_K *
                      (y[kMetalTemperature] - m.reference_temperature_K);
  }
  // The metal level falls: ACD grows by the same height (the beam is not moved here).
  y[kAcd] += removed * metal_rise_m_per_kg(m);
  return removed;
}

void apply_beam_move(double* y, double delta_acd_m) noexcept {
  // The beam cannot push the anodes into the metal: stop at 1 cm (estimate: below this the
  // anodes short-circuit on the metal pad waves).
  y[kAcd] = std::max(y[kAcd] + delta_acd_m, std::min(y[kAcd], 0.01));
}

double apply_anode_change(const CellModel& m, double* y) noexcept {
  if (m.parameters.anode_heating != AnodeHeating::kAnodeChange) return 0.0;
  const double T = y[kBathTemperature];
  const double block_kg = m.single_anode_area_m2 * m.parameters.anode_height_m *
                          m.parameters.anode_density_kg_per_m3;
  // Graphite enthalpy (cell/thermo.hpp) stands in for anode carbon, as in the steady-state model.
  const double dh = cell::thermo::enthalpy_J_per_mol(cell::thermo::Species::kCarbon, T) -
                    cell::thermo::enthalpy_J_per_mol(cell::thermo::Species::kCarbon,
                                                     m.constants.anode_entry_temperature_K);
  const double heat = block_kg / constants::kMolarMassC_kg_per_mol * dh;
  y[kColdAnodeHeat] += heat;
  return heat;
}

}  // namespace potline::dynamics
