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
  double top_loss_factor = 1;  ///< top node-to-potroom conductance factor (lost cover)
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
  // carbon (top node), the rest the bath; the AE gas carries ≈ 0.2 % of it (dynamics.md §2).
  t.ae_to_top_W = on ? p.ae_heat_to_top_fraction * I * e.ae_overvoltage_V : 0.0;
  t.ae_volt = on ? e.ae_overvoltage_V : 0.0;
  t.liquidus_K = e.liquidus_K;
  t.saturation_wt = e.saturation_wt;
  // Bath-to-ledge transfer follows the bath flow, driven by the current (magnetic stirring).
  t.face_W_per_K = m.derived.ledge_face_W_per_K * in.ledge_flow_factor;
  // The bath–metal interface is stirred by the same flow (its bath-side film controls).
  t.bath_metal_W_per_K = m.derived.bath_metal_W_per_K * in.ledge_flow_factor;
  t.exchanger_fraction = in.exchanger_fraction;
  t.top_loss_factor = in.top_loss_factor;
  t.alumina_use_kg_per_s = t.production_kg_per_s * kAluminaPerAl;
  t.alf3_use_kg_per_s = t.production_kg_per_s * p.alf3_consumption_kg_per_kg_al;
  t.feed_kg_per_s = in.feed_kg_per_s;
  t.feed_immediate_kg_per_s = in.feed_kg_per_s * p.immediate_dissolution_fraction;
  t.alf3_addition_kg_per_s = in.alf3_addition_kg_per_s;
  return t;
}

/// The state the kernel is evaluated at, read once into locals before any derivative is written
/// (y and dy may not alias, but the compiler cannot know).
struct KernelState {
  double dissolved, undissolved, alf3, cryolite, other, metal, T, ledge, acd, cold_anode;
  double Ttop, Twall, Tlin, Tmetal;
  double bath_kg, c_wt;  ///< bath_mass_kg and alumina_wt, in their order of summation
};

inline KernelState read_state(const double* y) noexcept {
  KernelState s;
  s.dissolved = y[kDissolvedAlumina], s.undissolved = y[kUndissolvedAlumina];
  s.alf3 = y[kExcessAlF3], s.cryolite = y[kCryolite], s.other = y[kOtherAdditives];
  s.metal = y[kMetal], s.T = y[kBathTemperature], s.ledge = y[kLedge], s.acd = y[kAcd];
  s.cold_anode = y[kColdAnodeHeat];
  s.Ttop = y[kTopTemperature], s.Twall = y[kWallTemperature], s.Tlin = y[kLiningTemperature];
  s.Tmetal = y[kMetalTemperature];
  s.bath_kg = s.cryolite + s.alf3 + s.dissolved + s.other;
  s.c_wt = 100.0 * s.dissolved / s.bath_kg;
  return s;
}

/// Heat flows of the conduction paths at a state [W] (the Fluxes of the same meaning), and the
/// side ledge's thermal resistance they and the ledge face share [K/W].
struct HeatFlows {
  double top_in, top_out, to_metal, bottom_in, bottom_out, exchanger, wall_out, ledge_resistance, bypass;
};

inline HeatFlows heat_flows(const CellModel& m, const RhsTerms& t, const KernelState& s) noexcept {
  const CellModel::Derived& g = m.derived;
  HeatFlows h;
  // Top and bottom: bath -> node (inner share of the path resistance) -> ambient.
  const double Tamb = m.parameters.ambient_temperature_K;
  h.top_in = (s.T - s.Ttop) * g.top_in_W_per_K;
  h.top_out = (s.Ttop - Tamb) * g.top_out_W_per_K * t.top_loss_factor;
  // The metal pad lies between the bath and the cathode: the bottom path starts at the metal.
  h.to_metal = (s.T - s.Tmetal) * t.bath_metal_W_per_K;
  h.bottom_in = (s.Tmetal - s.Tlin) * g.bottom_in_W_per_K;
  h.bottom_out = (s.Tlin - Tamb) * g.bottom_out_W_per_K;
  // Shell heat exchangers: an extra conductance from the wall node to the ambient, used in part.
  h.exchanger = (s.Twall - Tamb) * g.exchanger_W_per_K * t.exchanger_fraction;
  h.wall_out = (s.Twall - Tamb) * g.wall_out_W_per_K + h.exchanger;
  h.ledge_resistance = std::max(s.ledge * g.ledge_K_per_W_per_kg, 0.0);
  // Side lining above and below the ledge-covered contact: bath to the wall node; with a frozen
  // layer (side crust, ledge toe) that grows with the ledge, its resistance grows too.
  h.bypass = g.bypass_ledge_share > 0.0
                 ? (s.T - s.Twall) / (g.bypass_fixed_K_per_W + g.bypass_ledge_share * h.ledge_resistance)
                 : (s.T - s.Twall) * g.bypass_W_per_K;
  return h;
}

/// The ledge face: heat the bath gives it (q_in) and the ledge conducts to the wall node (q_out)
/// [W], and the ledge's growth [kg/s].
struct LedgeFace {
  double q_in, q_out, rate;
};

// Stefan condition: the ledge face sits at the liquidus; what the ledge conducts to the wall node
// beyond what the bath brings freezes bath (latent heat plus the bath's own superheat over the
// ledge reference temperature). `bath_and_metal_J_per_K`: the heat capacity of bath plus metal.
inline LedgeFace ledge_face(const CellModel& m, const RhsTerms& t, const KernelState& s, const HeatFlows& h,
                            double bath_and_metal_J_per_K) noexcept {
  const DynamicsParameters& p = m.parameters;
  const CellModel::Derived& g = m.derived;
  const double T = s.T, Tl = t.liquidus_K;
  LedgeFace f;
  f.q_out = (Tl - s.Twall) / (g.wall_in_K_per_W + h.ledge_resistance);
  f.q_in = t.face_W_per_K * (T - Tl);
  if (T < Tl) {
    // Undercooled bath: it freezes within minutes (onto the ledge, in the bulk), not at the
    // convective rate; its latent heat holds the bath near the liquidus. The rate constant keeps
    // the bath + metal heat capacity of the former lumped model (dynamics.md §2).
    f.q_in += bath_and_metal_J_per_K / p.undercooling_time_s * (T - Tl);
  }
  const double release = std::max(p.ledge_latent_heat_J_per_kg + p.bath_heat_capacity_J_per_kg_K * (T - m.ledge_reference_K),
                                   0.5 * p.ledge_latent_heat_J_per_kg);
  f.rate = (f.q_out - f.q_in) / release;
  if (s.ledge <= g.minimum_ledge_kg && f.rate < 0.0) {
    // No ledge left to melt: the bath reaches the wall through the film and what is left.
    f.rate = 0.0;
    f.q_in = f.q_out = (T - s.Twall) / (g.wall_in_K_per_W + h.ledge_resistance + 1.0 / t.face_W_per_K);
  }
  return f;
}

/// Consumption of alumina and AlF3 after the depletion throttle [kg/s].
struct Consumption {
  double alumina, alf3;
};

// Mass rates. Undissolved alumina stops dissolving as the bath reaches saturation (Skybakmoen
// 1997 at the snapshot): the rate falls linearly to zero over the last kSaturationBand_wt below
// it, and what is left stays as sludge. At normal operation (2–4 wt% against ≈ 8 wt%) it is 1.
inline Consumption write_mass_rates(const CellModel& m, const RhsTerms& t, const KernelState& s, double ledge_rate,
                                    double* dy) noexcept {
  const DynamicsParameters& p = m.parameters;
  const double production = t.production_kg_per_s;
  const double alumina_use = t.alumina_use_kg_per_s * throttle(s.dissolved);
  const double dissolving = std::clamp((t.saturation_wt - s.c_wt) / kSaturationBand_wt, 0.0, 1.0);
  const double dissolution = p.dissolution_rate_per_s * std::max(s.undissolved, 0.0) * dissolving;
  const double feed_now = t.feed_immediate_kg_per_s * dissolving;
  dy[kDissolvedAlumina] = feed_now + dissolution - alumina_use;
  dy[kUndissolvedAlumina] = t.feed_kg_per_s - feed_now - dissolution;
  const double alf3_use = t.alf3_use_kg_per_s * throttle(s.alf3);
  dy[kExcessAlF3] = t.alf3_addition_kg_per_s - alf3_use;
  dy[kCryolite] = -ledge_rate;
  dy[kOtherAdditives] = 0.0;
  dy[kMetal] = production;
  dy[kLedge] = ledge_rate;
  // Anode bottom burns upwards (ACD grows), metal accumulates (ACD shrinks).
  dy[kAcd] = production * m.derived.acd_m_per_kg_al;
  return {alumina_use, alf3_use};
}

inline void record_fluxes(const RhsTerms& t, const KernelState& s, double voltage, double power_in,
                          const HeatFlows& h, const LedgeFace& f, double anode_heating, Fluxes& out) noexcept {
  out.voltage_V = voltage;
  out.power_in_W = power_in;
  out.chemical_W = t.chemical_W;
  out.top_loss_W = h.top_out;
  out.bottom_loss_W = h.bottom_out;
  out.side_loss_W = h.wall_out;
  out.exchanger_W = h.exchanger;
  out.bath_to_top_W = h.top_in;
  out.ledge_to_wall_W = f.q_out;
  out.bath_to_lining_W = h.bottom_in;
  out.bath_to_metal_W = h.to_metal;
  out.bath_to_ledge_W = f.q_in;
  out.bypass_W = h.bypass;
  out.anode_heating_W = anode_heating;
  out.production_kg_per_s = t.production_kg_per_s;
  out.superheat_K = s.T - t.liquidus_K;
}

/// dy/dt at y (all kStateCount entries). `fluxes` is optional. Always inlined: with its pieces
/// above inlined into it GCC would call it out of line from the batch's two stages (+6 % of the
/// instructions of a potline step, callgrind).
[[gnu::always_inline]] inline void rhs_kernel(const CellModel& m, const RhsTerms& t, const double* y, double* dy,
                       Fluxes* fluxes) noexcept {
  const DynamicsParameters& p = m.parameters;
  const CellModel::Derived& g = m.derived;
  const double I = t.current_A;
  const KernelState s = read_state(y);
  const double T = s.T;

  // Electrical sources: voltage (voltage_at plus the zones' term), power into the pot.
  const double voltage =
      t.on ? t.voltage_V + t.dV_dalumina_per_wt * (s.c_wt - t.alumina_wt) + t.dV_dacd_per_m * (s.acd - t.acd_m) +
                 t.zone_overvoltage_V
           : 0.0;
  const double power_in = I * (voltage - t.external_on_V);
  const double production = t.production_kg_per_s;

  const HeatFlows h = heat_flows(m, t, s);
  const double heat_capacity = s.bath_kg * p.bath_heat_capacity_J_per_kg_K;
  const double metal_heat_capacity = s.metal * p.metal_heat_capacity_J_per_kg_K;
  const LedgeFace f = ledge_face(m, t, s, h, heat_capacity + metal_heat_capacity);
  const double anode_heating = s.cold_anode * g.inverse_cold_anode_time_constant;

  dy[kBathTemperature] = (power_in - t.anode_joule_W - t.cathode_joule_W - t.ae_to_top_W - t.chemical_W - h.top_in -
                          h.to_metal - f.q_in - h.bypass - anode_heating) /
                         heat_capacity;
  // New metal forms at the bath temperature (the chemical term holds its enthalpy at T).
  dy[kMetalTemperature] =
      (h.to_metal - h.bottom_in + production * p.metal_heat_capacity_J_per_kg_K * (T - s.Tmetal)) / metal_heat_capacity;
  dy[kTopTemperature] = (h.top_in + t.anode_joule_W + t.ae_to_top_W - h.top_out) * g.inverse_top_heat_capacity;
  dy[kWallTemperature] = (f.q_out + h.bypass - h.wall_out) * g.inverse_wall_heat_capacity;
  dy[kLiningTemperature] = (h.bottom_in + t.cathode_joule_W - h.bottom_out) * g.inverse_lining_heat_capacity;

  const Consumption used = write_mass_rates(m, t, s, f.rate, dy);
  dy[kColdAnodeHeat] = -anode_heating;

  // running integrals
  dy[kCharge] = I;
  dy[kEnergyIn] = power_in;
  dy[kEnergyLine] = I * voltage;
  dy[kEnergyChemical] = t.chemical_W;
  dy[kEnergyLost] = h.top_out + h.bottom_out + h.wall_out;
  dy[kEnergyAnodeHeating] = anode_heating;
  dy[kMetalProduced] = production;
  dy[kAluminaConsumed] = used.alumina;
  dy[kAlF3Added] = t.alf3_addition_kg_per_s;
  dy[kAlF3Consumed] = used.alf3;
  dy[kAeVoltSeconds] = t.ae_volt;
  if (fluxes != nullptr) record_fluxes(t, s, voltage, power_in, h, f, anode_heating, *fluxes);
}

}  // namespace potline::dynamics::detail
