#pragma once
// The right-hand side of the lumped cell (docs/model/dynamics.md), split for speed into the terms
// that stay fixed over one integration step (they depend on the inputs and the Electrical snapshot
// only: production, Joule heat in the nodes, the anode-effect share, the ledge-face conductance)
// and the kernel that uses them at a state. dynamics::rhs (cell_model.cpp) is the two in sequence;
// the batch integrator (batch.cpp) computes the terms once per step and inlines the kernel in its
// two stages. Every expression is the one rhs had before the split, evaluated in the same order,
// so results are bit-identical (DynamicsSpeed tests; docs/performance.md).
// Internal to src/dynamics: not installed.
#include <algorithm>

#include "potline/cell/cell_model.hpp"
#include "potline/core/constants.hpp"
#include "potline/dynamics/cell_model.hpp"

namespace potline::dynamics::detail {

inline constexpr double kAluminaPerAl =
    constants::kMolarMassAl2O3_kg_per_mol / (2.0 * constants::kMolarMassAl_kg_per_mol);
// Below this mass the consumption of a species falls linearly to zero so masses stay
// non-negative (the cell is deep in an anode effect long before). [kg]
inline constexpr double kDepletionScale_kg = 10.0;

inline double throttle(double available_kg) noexcept {
  return std::clamp(available_kg / kDepletionScale_kg, 0.0, 1.0);
}

/// What the right-hand side needs from the inputs and the snapshot, fixed over one step.
struct RhsTerms {
  bool on = false;  ///< current flows (the snapshot has a current efficiency)
  double current_A = 0;
  // voltage carried from the snapshot (voltage_at) plus the zones' term
  double voltage_V = 0, dV_dalumina_per_wt = 0, alumina_wt = 0, dV_dacd_per_m = 0, acd_m = 0;
  double zone_overvoltage_V = 0;
  double external_on_V = 0;  ///< busbar share, 0 without current
  double production_kg_per_s = 0, chemical_W = 0;
  double anode_joule_W = 0, cathode_joule_W = 0, ae_to_top_W = 0;
  double ae_volt = 0;  ///< anode-effect overvoltage for ∫ dt (0 without current)
  double liquidus_K = 0, saturation_wt = 0;
  double face_W_per_K = 0;  ///< bath-to-ledge h·A at this current
  double bath_metal_W_per_K = 0;  ///< bath-to-metal h·A at this current
  double exchanger_fraction = 0;
  double alumina_use_kg_per_s = 0;  ///< electrolysis consumption before the depletion throttle
  double alf3_use_kg_per_s = 0;     ///< AlF3 consumption before the depletion throttle
  double feed_kg_per_s = 0, feed_immediate_kg_per_s = 0, alf3_addition_kg_per_s = 0;
};

inline RhsTerms rhs_terms(const CellModel& m, const CellInputs& in, const Electrical& e) noexcept {
  const DynamicsParameters& p = m.parameters;
  const double I = in.current_A;
  RhsTerms t;
  t.on = e.current_efficiency > 0.0;
  const bool on = t.on;
  t.current_A = I;
  t.voltage_V = e.voltage_V;
  t.dV_dalumina_per_wt = e.dV_dalumina_per_wt;
  t.alumina_wt = e.alumina_wt;
  t.dV_dacd_per_m = e.dV_dacd_per_m;
  t.acd_m = e.acd_m;
  t.zone_overvoltage_V = in.zone_overvoltage_V;
  t.external_on_V = e.external_V * (on ? 1.0 : 0.0);
  // An anode spike (process faults) carries its share of the current straight to the metal.
  const double electrolysis_A = I * (1.0 - in.shunt_fraction);
  t.production_kg_per_s = on ? cell::faraday_production_kg_per_s(electrolysis_A, e.current_efficiency) : 0.0;
  t.chemical_W = e.chemical_J_per_kg_al * t.production_kg_per_s;
  // Joule heat of the anode assembly and the cathode is released in the top and lining nodes,
  // not in the bath (both are colder than the bath, so it flows outwards).
  t.anode_joule_W = on ? p.anode_drop_to_top_fraction * I * I * m.design.anode_resistance_ohm : 0.0;
  t.cathode_joule_W = on ? p.cathode_drop_to_lining_fraction * I * I * m.design.cathode_resistance_ohm : 0.0;
  // The anode-effect power is dissipated in the gas film under the anodes: part heats the anode
  // carbon and the gas leaving under the crust (top node), the rest the bath.
  t.ae_to_top_W = on ? p.ae_heat_to_top_fraction * I * e.ae_overvoltage_V : 0.0;
  t.ae_volt = on ? e.ae_overvoltage_V : 0.0;
  t.liquidus_K = e.liquidus_K;
  t.saturation_wt = e.saturation_wt;
  // Bath-to-ledge transfer follows the bath flow, driven by the current (magnetic stirring).
  t.face_W_per_K = m.derived.ledge_face_W_per_K * in.ledge_flow_factor;
  // The bath–metal interface is stirred by the same flow (its bath-side film controls).
  t.bath_metal_W_per_K = m.derived.bath_metal_W_per_K * in.ledge_flow_factor;
  t.exchanger_fraction = in.exchanger_fraction;
  t.alumina_use_kg_per_s = t.production_kg_per_s * kAluminaPerAl;
  t.alf3_use_kg_per_s = t.production_kg_per_s * p.alf3_consumption_kg_per_kg_al;
  t.feed_kg_per_s = in.feed_kg_per_s;
  t.feed_immediate_kg_per_s = in.feed_kg_per_s * p.immediate_dissolution_fraction;
  t.alf3_addition_kg_per_s = in.alf3_addition_kg_per_s;
  return t;
}

/// dy/dt at y (all kStateCount entries). `fluxes` is optional. The states are read once into
/// locals before any derivative is written (y and dy may not alias, but the compiler cannot know).
inline void rhs_kernel(const CellModel& m, const RhsTerms& t, const double* y, double* dy,
                       Fluxes* fluxes) noexcept {
  const DynamicsParameters& p = m.parameters;
  const CellModel::Derived& g = m.derived;
  const double I = t.current_A;
  const double dissolved = y[kDissolvedAlumina], undissolved = y[kUndissolvedAlumina];
  const double alf3 = y[kExcessAlF3], cryolite = y[kCryolite], other = y[kOtherAdditives];
  const double metal = y[kMetal], T = y[kBathTemperature], ledge = y[kLedge], acd = y[kAcd];
  const double cold_anode = y[kColdAnodeHeat];
  const double Ttop = y[kTopTemperature], Twall = y[kWallTemperature], Tlin = y[kLiningTemperature];
  const double Tmetal = y[kMetalTemperature];
  // bath_mass_kg and alumina_wt, in their order of summation
  const double bath_kg = cryolite + alf3 + dissolved + other;
  const double c_wt = 100.0 * dissolved / bath_kg;

  // Electrical sources: voltage (voltage_at plus the zones' term), power into the pot.
  const double voltage =
      t.on ? t.voltage_V + t.dV_dalumina_per_wt * (c_wt - t.alumina_wt) + t.dV_dacd_per_m * (acd - t.acd_m) +
                 t.zone_overvoltage_V
           : 0.0;
  const double power_in = I * (voltage - t.external_on_V);
  const double production = t.production_kg_per_s;

  // Heat flows: top and bottom: bath -> node (inner share of the path resistance) -> ambient.
  const double Tamb = p.ambient_temperature_K;
  const double top_in = (T - Ttop) * g.top_in_W_per_K;
  const double top_out = (Ttop - Tamb) * g.top_out_W_per_K;
  // The metal pad lies between the bath and the cathode: the bottom path starts at the metal.
  const double to_metal = (T - Tmetal) * t.bath_metal_W_per_K;
  const double bottom_in = (Tmetal - Tlin) * g.bottom_in_W_per_K;
  const double bottom_out = (Tlin - Tamb) * g.bottom_out_W_per_K;
  // Shell heat exchangers: an extra conductance from the wall node to the ambient, used in part.
  const double exchanger = (Twall - Tamb) * g.exchanger_W_per_K * t.exchanger_fraction;
  const double wall_out = (Twall - Tamb) * g.wall_out_W_per_K + exchanger;
  const double ledge_resistance = std::max(ledge * g.ledge_K_per_W_per_kg, 0.0);
  // Side lining above and below the ledge-covered contact: bath to the wall node; with a frozen
  // layer (side crust, ledge toe) that grows with the ledge, its resistance grows too.
  const double bypass = g.bypass_ledge_share > 0.0
                            ? (T - Twall) / (g.bypass_fixed_K_per_W + g.bypass_ledge_share * ledge_resistance)
                            : (T - Twall) * g.bypass_W_per_K;
  const double Tl = t.liquidus_K;
  // Stefan condition: the ledge face sits at the liquidus; what the ledge conducts to the wall
  // node beyond what the bath brings freezes bath (latent heat plus the bath's own superheat
  // over the ledge reference temperature).
  double q_out = (Tl - Twall) / (g.wall_in_K_per_W + ledge_resistance);
  double q_in = t.face_W_per_K * (T - Tl);
  const double heat_capacity = bath_kg * p.bath_heat_capacity_J_per_kg_K;
  const double metal_heat_capacity = metal * p.metal_heat_capacity_J_per_kg_K;
  if (T < Tl) {
    // Undercooled bath: it freezes within minutes (onto the ledge, in the bulk), not at the
    // convective rate; its latent heat holds the bath near the liquidus. The rate constant keeps
    // the bath + metal heat capacity of the former lumped model (dynamics.md §2).
    q_in += (heat_capacity + metal_heat_capacity) / p.undercooling_time_s * (T - Tl);
  }
  const double release = std::max(p.ledge_latent_heat_J_per_kg + p.bath_heat_capacity_J_per_kg_K * (T - m.ledge_reference_K),
                                   0.5 * p.ledge_latent_heat_J_per_kg);
  double ledge_rate = (q_out - q_in) / release;
  if (ledge <= g.minimum_ledge_kg && ledge_rate < 0.0) {
    // No ledge left to melt: the bath reaches the wall through the film and what is left.
    ledge_rate = 0.0;
    q_in = q_out = (T - Twall) / (g.wall_in_K_per_W + ledge_resistance + 1.0 / t.face_W_per_K);
  }
  const double anode_heating = cold_anode * g.inverse_cold_anode_time_constant;

  dy[kBathTemperature] = (power_in - t.anode_joule_W - t.cathode_joule_W - t.ae_to_top_W - t.chemical_W - top_in -
                          to_metal - q_in - bypass - anode_heating) /
                         heat_capacity;
  // New metal forms at the bath temperature (the chemical term holds its enthalpy at T).
  dy[kMetalTemperature] =
      (to_metal - bottom_in + production * p.metal_heat_capacity_J_per_kg_K * (T - Tmetal)) / metal_heat_capacity;
  dy[kTopTemperature] = (top_in + t.anode_joule_W + t.ae_to_top_W - top_out) * g.inverse_top_heat_capacity;
  dy[kWallTemperature] = (q_out + bypass - wall_out) * g.inverse_wall_heat_capacity;
  dy[kLiningTemperature] = (bottom_in + t.cathode_joule_W - bottom_out) * g.inverse_lining_heat_capacity;

  // Mass rates. Undissolved alumina stops dissolving as the bath reaches saturation (Skybakmoen
  // 1997 at the snapshot): the rate falls linearly to zero over the last kSaturationBand_wt below
  // it, and what is left stays as sludge. At normal operation (2–4 wt% against ≈ 8 wt%) it is 1.
  const double alumina_use = t.alumina_use_kg_per_s * throttle(dissolved);
  const double dissolving = std::clamp((t.saturation_wt - c_wt) / kSaturationBand_wt, 0.0, 1.0);
  const double dissolution = p.dissolution_rate_per_s * std::max(undissolved, 0.0) * dissolving;
  const double feed_now = t.feed_immediate_kg_per_s * dissolving;
  dy[kDissolvedAlumina] = feed_now + dissolution - alumina_use;
  dy[kUndissolvedAlumina] = t.feed_kg_per_s - feed_now - dissolution;
  const double alf3_use = t.alf3_use_kg_per_s * throttle(alf3);
  dy[kExcessAlF3] = t.alf3_addition_kg_per_s - alf3_use;
  dy[kCryolite] = -ledge_rate;
  dy[kOtherAdditives] = 0.0;
  dy[kMetal] = production;
  dy[kLedge] = ledge_rate;
  // Anode bottom burns upwards (ACD grows), metal accumulates (ACD shrinks).
  dy[kAcd] = production * g.acd_m_per_kg_al;
  dy[kColdAnodeHeat] = -anode_heating;

  // running integrals
  dy[kCharge] = I;
  dy[kEnergyIn] = power_in;
  dy[kEnergyLine] = I * voltage;
  dy[kEnergyChemical] = t.chemical_W;
  dy[kEnergyLost] = top_out + bottom_out + wall_out;
  dy[kEnergyAnodeHeating] = anode_heating;
  dy[kMetalProduced] = production;
  dy[kAluminaConsumed] = alumina_use;
  dy[kAlF3Added] = t.alf3_addition_kg_per_s;
  dy[kAlF3Consumed] = alf3_use;
  dy[kAeVoltSeconds] = t.ae_volt;
  if (fluxes != nullptr) {
    fluxes->voltage_V = voltage;
    fluxes->power_in_W = power_in;
    fluxes->chemical_W = t.chemical_W;
    fluxes->top_loss_W = top_out;
    fluxes->bottom_loss_W = bottom_out;
    fluxes->side_loss_W = wall_out;
    fluxes->exchanger_W = exchanger;
    fluxes->bath_to_top_W = top_in;
    fluxes->ledge_to_wall_W = q_out;
    fluxes->bath_to_lining_W = bottom_in;
    fluxes->bath_to_metal_W = to_metal;
    fluxes->bath_to_ledge_W = q_in;
    fluxes->bypass_W = bypass;
    fluxes->anode_heating_W = anode_heating;
    fluxes->production_kg_per_s = production;
    fluxes->superheat_K = T - Tl;
  }
}

}  // namespace potline::dynamics::detail
