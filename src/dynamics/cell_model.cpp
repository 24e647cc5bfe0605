// The lumped dynamic cell model. Equations: docs/model/dynamics.md.
#include "potline/dynamics/cell_model.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "potline/cell/haupin.hpp"
#include "potline/cell/thermo.hpp"
#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"

namespace potline::dynamics {
namespace {
using constants::kMolarMassAl2O3_kg_per_mol;
using constants::kMolarMassAl_kg_per_mol;

constexpr double kAluminaPerAl = kMolarMassAl2O3_kg_per_mol / (2.0 * kMolarMassAl_kg_per_mol);
// Below this fraction of the nominal current the cell is treated as switched off (the Haupin
// overvoltage terms are not defined at zero current density).
constexpr double kOffCurrentFraction = 1e-3;
// Step in dissolved alumina for the numerical ∂V/∂alumina of the fast integrator. [wt%]
constexpr double kAluminaSlopeStep_wt = 0.05;
// Width of the band below alumina saturation over which dissolution slows to zero [wt%] (estimate:
// a numerical smoothing of the saturation limit, small against the 4–6 wt% of undersaturation at
// normal operation).
constexpr double kSaturationBand_wt = 0.5;
// Below this mass the consumption of a species falls linearly to zero so masses stay
// non-negative (the cell is deep in an anode effect long before). [kg]
constexpr double kDepletionScale_kg = 10.0;

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

double throttle(double available_kg) {
  return std::clamp(available_kg / kDepletionScale_kg, 0.0, 1.0);
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

void rhs(const CellModel& m, const CellInputs& in, const Electrical& e, const double* y,
         double* dy, Fluxes* fluxes) noexcept {
  const DynamicsParameters& p = m.parameters;
  const double I = in.current_A;
  const double T = y[kBathTemperature];
  const bool on = e.current_efficiency > 0.0;
  const double V = on ? voltage_at(e, y) : 0.0;
  const double power_in = I * (V - e.external_V * (on ? 1.0 : 0.0));
  const double production = on ? cell::faraday_production_kg_per_s(I, e.current_efficiency) : 0.0;
  const double chemical = e.chemical_J_per_kg_al * production;
  // Joule heat of the anode assembly and the cathode is released in the top and lining nodes,
  // not in the bath (both are colder than the bath, so it flows outwards).
  const double anode_joule = on ? p.anode_drop_to_top_fraction * I * I * m.design.anode_resistance_ohm : 0.0;
  const double cathode_joule =
      on ? p.cathode_drop_to_lining_fraction * I * I * m.design.cathode_resistance_ohm : 0.0;

  const CellModel::Derived& g = m.derived;
  const double Tamb = p.ambient_temperature_K;
  // Top and bottom: bath -> node (inner share of the path resistance) -> ambient (the rest).
  const double Ttop = y[kTopTemperature];
  const double Twall = y[kWallTemperature];
  const double Tlin = y[kLiningTemperature];
  const double top_in = (T - Ttop) * g.top_in_W_per_K;
  const double top_out = (Ttop - Tamb) * g.top_out_W_per_K;
  const double bottom_in = (T - Tlin) * g.bottom_in_W_per_K;
  const double bottom_out = (Tlin - Tamb) * g.bottom_out_W_per_K;
  const double wall_out = (Twall - Tamb) * g.wall_out_W_per_K;
  const double ledge_resistance = std::max(y[kLedge] * g.ledge_K_per_W_per_kg, 0.0);
  const double Tl = e.liquidus_K;
  // Stefan condition: the ledge face sits at the liquidus; what the ledge conducts to the wall
  // node beyond what the bath brings freezes bath (latent heat plus the bath's own superheat
  // over the ledge reference temperature).
  double q_out = (Tl - Twall) / (g.wall_in_K_per_W + ledge_resistance);
  double q_in = g.ledge_face_W_per_K * (T - Tl);
  const double release = std::max(p.ledge_latent_heat_J_per_kg +
                                       p.bath_heat_capacity_J_per_kg_K * (T - m.ledge_reference_K),
                                   0.5 * p.ledge_latent_heat_J_per_kg);
  double ledge_rate = (q_out - q_in) / release;
  if (y[kLedge] <= g.minimum_ledge_kg && ledge_rate < 0.0) {
    // No ledge left to melt: the bath reaches the wall through the film and what is left.
    ledge_rate = 0.0;
    q_in = q_out = (T - Twall) / (g.wall_in_K_per_W + ledge_resistance + 1.0 / g.ledge_face_W_per_K);
  }
  const double anode_heating = y[kColdAnodeHeat] * g.inverse_cold_anode_time_constant;

  const double heat_capacity = bath_mass_kg(y) * p.bath_heat_capacity_J_per_kg_K +
                               y[kMetal] * p.metal_heat_capacity_J_per_kg_K;
  dy[kBathTemperature] =
      (power_in - anode_joule - cathode_joule - chemical - top_in - bottom_in - q_in - anode_heating) /
      heat_capacity;
  dy[kTopTemperature] = (top_in + anode_joule - top_out) * g.inverse_top_heat_capacity;
  dy[kWallTemperature] = (q_out - wall_out) * g.inverse_wall_heat_capacity;
  dy[kLiningTemperature] = (bottom_in + cathode_joule - bottom_out) * g.inverse_lining_heat_capacity;

  const double alumina_use = production * kAluminaPerAl * throttle(y[kDissolvedAlumina]);
  // Undissolved alumina stops dissolving as the bath reaches saturation (Skybakmoen 1997 at the
  // snapshot): the rate falls linearly to zero over the last kSaturationBand_wt below it, and what
  // is left stays as sludge. At normal operation (2–4 wt% against ≈ 8 wt%) the factor is 1.
  const double dissolving = std::clamp((e.saturation_wt - alumina_wt(y)) / kSaturationBand_wt, 0.0, 1.0);
  const double dissolution = p.dissolution_rate_per_s * std::max(y[kUndissolvedAlumina], 0.0) * dissolving;
  const double feed_now = in.feed_kg_per_s * p.immediate_dissolution_fraction * dissolving;
  dy[kDissolvedAlumina] = feed_now + dissolution - alumina_use;
  dy[kUndissolvedAlumina] = in.feed_kg_per_s - feed_now - dissolution;
  const double alf3_use = production * p.alf3_consumption_kg_per_kg_al * throttle(y[kExcessAlF3]);
  dy[kExcessAlF3] = in.alf3_addition_kg_per_s - alf3_use;
  dy[kCryolite] = -ledge_rate;
  dy[kOtherAdditives] = 0.0;
  dy[kMetal] = production;
  dy[kLedge] = ledge_rate;
  // Anode bottom burns upwards (ACD grows), metal accumulates (ACD shrinks).
  dy[kAcd] = production * g.acd_m_per_kg_al;
  dy[kColdAnodeHeat] = -anode_heating;

  dy[kCharge] = I;
  dy[kEnergyIn] = power_in;
  dy[kEnergyLine] = I * V;
  dy[kEnergyChemical] = chemical;
  dy[kEnergyLost] = top_out + bottom_out + wall_out;
  dy[kEnergyAnodeHeating] = anode_heating;
  dy[kMetalProduced] = production;
  dy[kAluminaConsumed] = alumina_use;
  dy[kAlF3Added] = in.alf3_addition_kg_per_s;
  dy[kAlF3Consumed] = alf3_use;
  dy[kAeVoltSeconds] = on ? e.ae_overvoltage_V : 0.0;

  if (fluxes != nullptr) {
    fluxes->voltage_V = V;
    fluxes->power_in_W = power_in;
    fluxes->chemical_W = chemical;
    fluxes->top_loss_W = top_out;
    fluxes->bottom_loss_W = bottom_out;
    fluxes->side_loss_W = wall_out;
    fluxes->bath_to_top_W = top_in;
    fluxes->ledge_to_wall_W = q_out;
    fluxes->bath_to_lining_W = bottom_in;
    fluxes->bath_to_ledge_W = q_in;
    fluxes->anode_heating_W = anode_heating;
    fluxes->production_kg_per_s = production;
    fluxes->superheat_K = T - Tl;
  }
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
  g.wall_out_W_per_K = 1.0 / ((1.0 - p.wall_inner_fraction) * m.wall_resistance_K_per_W);
  g.ledge_K_per_W_per_kg = 1.0 / (p.ledge_density_kg_per_m3 * A * p.ledge_conductivity_W_per_m_K * A);
  g.ledge_face_W_per_K = m.ledge_heat_transfer_W_per_m2_K * A;
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
  const double sensible = (bath_mass_kg(y) * p.bath_heat_capacity_J_per_kg_K +
                           y[kMetal] * p.metal_heat_capacity_J_per_kg_K) *
                          (y[kBathTemperature] - Tr);
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
                      (y[kBathTemperature] - m.reference_temperature_K);
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

CellModel build_cell_model(const cell::CellDesign& design, const cell::ModelConstants& constants,
                           const cell::OperatingPoint& op, const DynamicsParameters& parameters,
                           double* y) {
  CellModel m;
  m.design = design;
  m.constants = constants;
  m.parameters = parameters;
  m.nominal_current_A = op.line_current_A;
  const DynamicsParameters& p = parameters;
  m.single_anode_area_m2 = design.anode_length_m * design.anode_width_m;
  m.anode_area_m2 = cell::anode_area_m2(design);
  // Cell cavity: anodes in two rows along the cell; end channels taken equal to side channels.
  const int per_row = (design.anode_count + 1) / 2;
  const double length = per_row * design.anode_width_m + (per_row - 1) * design.anode_gap_m +
                        2.0 * design.side_channel_m;
  const double width = 2.0 * design.anode_length_m + design.center_channel_m + 2.0 * design.side_channel_m;
  m.side_area_m2 = 2.0 * (length + width) * (p.bath_height_m + p.metal_height_m);

  const bath::Properties props = bath::evaluate(op.bath, op.bath_temperature_K, constants.conductivity);
  const double bath_volume =
      design.cathode_area_m2 * p.bath_height_m - m.anode_area_m2 * design.anode_immersion_m;
  if (!(bath_volume > 0.0)) {
    throw core::RunError(
        "dynamics: the anodes (immersion " + std::to_string(design.anode_immersion_m) +
        " m) take up more than the bath volume; raise dynamics.bath_height or the cathode area");
  }
  const double bath_kg = props.density_kg_per_m3 * bath_volume;
  for (int i = 0; i < kStateCount; ++i) y[i] = 0.0;
  y[kDissolvedAlumina] = bath_kg * op.bath.alumina_wt / 100.0;
  y[kExcessAlF3] = bath_kg * op.bath.alf3_excess_wt / 100.0;
  y[kCryolite] = bath_kg * op.bath.cryolite_wt() / 100.0;
  const double other_wt = op.bath.caf2_wt + op.bath.mgf2_wt + op.bath.lif_wt + op.bath.kf_wt;
  y[kOtherAdditives] = bath_kg * other_wt / 100.0;
  if (other_wt > 0) {
    m.other_shares = {op.bath.caf2_wt / other_wt, op.bath.mgf2_wt / other_wt,
                      op.bath.lif_wt / other_wt, op.bath.kf_wt / other_wt};
  }
  y[kMetal] = p.metal_density_kg_per_m3 * design.cathode_area_m2 * p.metal_height_m;
  y[kBathTemperature] = op.bath_temperature_K;
  y[kLedge] = p.initial_ledge_m * p.ledge_density_kg_per_m3 * m.side_area_m2;
  y[kAcd] = op.acd_m;

  // Thermal network: the steady-state model's heat loss at this point, split top/side/bottom,
  // fixes the resistances so that the point is a steady state of the dynamic model.
  const cell::CellResult r = cell::evaluate(design, constants, op);
  const double loss = r.energy.heat_loss_W;
  const double T = op.bath_temperature_K;
  const double Tl = props.liquidus_K;
  const double Tamb = p.ambient_temperature_K;
  const double bottom_fraction = 1.0 - p.top_loss_fraction - p.side_loss_fraction;
  if (!(loss > 0.0) || !(bottom_fraction > 0.0) || !(T - Tl > 0.1) || !(Tl > Tamb)) {
    throw core::RunError(
        "dynamics: cannot calibrate the thermal network: steady heat loss " + std::to_string(loss) +
        " W, superheat " + std::to_string(T - Tl) + " K, bottom share " +
        std::to_string(bottom_fraction) +
        " (need a positive heat loss, superheat above 0.1 K and top + side shares below 1)");
  }
  // Conductor Joule heat released in the top and lining nodes at the operating point.
  const double I0 = op.line_current_A;
  const double top_joule = p.anode_drop_to_top_fraction * I0 * I0 * design.anode_resistance_ohm;
  const double lining_joule = p.cathode_drop_to_lining_fraction * I0 * I0 * design.cathode_resistance_ohm;
  const double top_loss = p.top_loss_fraction * loss;
  const double bottom_loss = bottom_fraction * loss;
  if (!(top_joule < top_loss) || !(lining_joule < bottom_loss)) {
    throw core::RunError("dynamics: the anode (cathode) Joule heat exceeds the top (bottom) heat loss; "
                         "raise dynamics.top_loss_fraction (bottom share) or lower the conductor-heat fractions");
  }
  if (p.cathode_conductivity_W_per_m_K > 0.0) {
    // Lining node at the middle of the cathode blocks: inner resistance = half a block.
    const double inner = 0.5 * p.cathode_thickness_m / (p.cathode_conductivity_W_per_m_K * design.cathode_area_m2);
    const double outer_guess = (T - Tamb) / bottom_loss;  // without Joule heat
    m.parameters.lining_inner_fraction = std::clamp(inner / outer_guess, 1e-3, 0.9);
  }
  // Path resistance R split at the node (inner share f): T − T_node = f·R·(Q − P_joule) and
  // T_node − T_amb = (1 − f)·R·Q, so R = (T − T_amb)/(Q − f·P_joule).
  m.top_resistance_K_per_W = (T - Tamb) / (top_loss - p.top_inner_fraction * top_joule);
  m.bottom_resistance_K_per_W =
      (T - Tamb) / (bottom_loss - m.parameters.lining_inner_fraction * lining_joule);
  const double side = p.side_loss_fraction * loss;
  m.ledge_heat_transfer_W_per_m2_K = side / (m.side_area_m2 * (T - Tl));
  const double ledge_resistance = p.initial_ledge_m / (p.ledge_conductivity_W_per_m_K * m.side_area_m2);
  m.wall_resistance_K_per_W = (Tl - Tamb) / side - ledge_resistance;
  if (!(m.wall_resistance_K_per_W > 0.0)) {
    throw core::RunError(
        "dynamics: a " + std::to_string(p.initial_ledge_m * 100) + " cm ledge alone conducts less than the " +
        std::to_string(side / 1e3) + " kW side heat loss needs; lower dynamics.initial_ledge or "
        "raise dynamics.side_loss_fraction");
  }
  m.ledge_reference_K = Tl;
  m.reference_temperature_K = T;
  // Thermal nodes: steady temperatures where the calibrated path resistances are split.
  const auto fraction_ok = [](double f) { return f > 0.0 && f < 1.0; };
  if (!fraction_ok(p.top_inner_fraction) || !fraction_ok(p.wall_inner_fraction) ||
      !fraction_ok(p.lining_inner_fraction)) {
    throw core::RunError("dynamics: the inner resistance fractions of the top, wall and lining "
                         "nodes must lie strictly between 0 and 1");
  }
  y[kTopTemperature] = T - p.top_inner_fraction * m.top_resistance_K_per_W * (top_loss - top_joule);
  y[kLiningTemperature] =
      T - m.parameters.lining_inner_fraction * m.bottom_resistance_K_per_W * (bottom_loss - lining_joule);
  y[kWallTemperature] = Tl - (ledge_resistance + p.wall_inner_fraction * m.wall_resistance_K_per_W) * side;
  m.top_reference_K = y[kTopTemperature];
  m.wall_reference_K = y[kWallTemperature];
  m.lining_reference_K = y[kLiningTemperature];
  // Heat capacities from the geometry (estimates: docs/model/dynamics.md, "Thermal nodes").
  const double anode_kg = design.anode_count * m.single_anode_area_m2 * p.anode_height_m *
                          p.anode_mean_height_fraction * p.anode_density_kg_per_m3;
  const double cover_kg = design.cathode_area_m2 * p.cover_thickness_m * p.cover_density_kg_per_m3;
  m.top_heat_capacity_J_per_K =
      anode_kg * p.carbon_heat_capacity_J_per_kg_K + cover_kg * p.cover_heat_capacity_J_per_kg_K;
  m.wall_heat_capacity_J_per_K = m.side_area_m2 * p.side_lining_thickness_m *
                                 p.side_lining_density_kg_per_m3 * p.side_lining_heat_capacity_J_per_kg_K;
  m.lining_heat_capacity_J_per_K = design.cathode_area_m2 * p.cathode_thickness_m *
                                   p.cathode_density_kg_per_m3 * p.carbon_heat_capacity_J_per_kg_K;
  if (!(m.top_heat_capacity_J_per_K > 0.0) || !(m.wall_heat_capacity_J_per_K > 0.0) ||
      !(m.lining_heat_capacity_J_per_K > 0.0)) {
    throw core::RunError("dynamics: the top, wall and lining heat capacities must be positive");
  }
  if (p.anode_heating == AnodeHeating::kAnodeChange && p.anode_cycle_s > 0.0) {
    // Cycle-average cold-anode heat in the pot: anodes set per second × heat per anode × τ.
    double probe[kStateCount];
    for (int i = 0; i < kStateCount; ++i) probe[i] = y[i];
    probe[kColdAnodeHeat] = 0.0;
    const double per_anode = apply_anode_change(m, probe);
    y[kColdAnodeHeat] = design.anode_count / p.anode_cycle_s * per_anode * p.cold_anode_time_constant_s;
  }
  prepare_rhs(m);
  return m;
}

}  // namespace potline::dynamics
