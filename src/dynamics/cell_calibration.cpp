// Building one dynamic cell: geometry, initial state at the operating point, and the thermal
// network calibrated so that this point is a steady state of the dynamic model
// (docs/model/dynamics.md, "Thermal calibration" and "Thermal nodes").
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "potline/bath/solubility.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"

namespace potline::dynamics {

namespace {
// Anode and side areas of the cell cavity: anodes in two rows along the cell; end channels taken
// equal to side channels.
void set_geometry(CellModel& m) {
  const cell::CellDesign& design = m.design;
  const DynamicsParameters& p = m.parameters;
  m.single_anode_area_m2 = design.anode_length_m * design.anode_width_m;
  m.anode_area_m2 = cell::anode_area_m2(design);
  const int per_row = (design.anode_count + 1) / 2;
  const double length = per_row * design.anode_width_m + (per_row - 1) * design.anode_gap_m +
                        2.0 * design.side_channel_m;
  const double width = 2.0 * design.anode_length_m + design.center_channel_m + 2.0 * design.side_channel_m;
  m.side_area_m2 = 2.0 * (length + width) * (p.bath_height_m + p.metal_height_m);
}

// Masses, temperature, ledge and ACD at the operating point (thermal nodes set later).
void set_initial_masses(const CellModel& m, const cell::OperatingPoint& op, const bath::Properties& props, double* y) {
  const cell::CellDesign& design = m.design;
  const DynamicsParameters& p = m.parameters;
  const double bath_volume =
      design.cathode_area_m2 * p.bath_height_m - m.anode_area_m2 * design.anode_immersion_m;
  if (!(bath_volume > 0.0)) {
    throw core::RunError(
        fmt::format("dynamics: the anodes (immersion {:.4g} cm) take up more than the bath volume; raise "
                    "dynamics.bath_height or the cathode area",
                    100 * design.anode_immersion_m));
  }
  const double bath_kg = props.density_kg_per_m3 * bath_volume;
  for (int i = 0; i < kStateCount; ++i) y[i] = 0.0;
  // Alumina above its saturation at the start temperature cannot be dissolved: the excess starts
  // undissolved (T11-9; docs/model/dynamics.md, "Initial state"; simulate warns of it).
  // The dissolved share s of the liquid bath (the bath less the undissolved U) is the saturation:
  // D = s·(M − U), D + U = a·M, so D = s·(1 − a)·M/(1 − s).
  const double a = op.bath.alumina_wt / 100.0;
  const double s = bath::alumina_saturation_wt(op.bath, op.bath_temperature_K) / 100.0;
  const double dissolved_kg = a > s && s < 1.0 ? s * (1.0 - a) * bath_kg / (1.0 - s) : a * bath_kg;
  y[kDissolvedAlumina] = dissolved_kg;
  y[kUndissolvedAlumina] = a * bath_kg - dissolved_kg;
  y[kExcessAlF3] = bath_kg * op.bath.alf3_excess_wt / 100.0;
  y[kCryolite] = bath_kg * op.bath.cryolite_wt() / 100.0;
  const double other_wt = op.bath.caf2_wt + op.bath.mgf2_wt + op.bath.lif_wt + op.bath.kf_wt;
  y[kOtherAdditives] = bath_kg * other_wt / 100.0;
  y[kMetal] = p.metal_density_kg_per_m3 * design.cathode_area_m2 * p.metal_height_m;
  y[kBathTemperature] = op.bath_temperature_K;
  y[kMetalTemperature] = op.bath_temperature_K;  // set by the calibration
  y[kLedge] = p.initial_ledge_m * p.ledge_density_kg_per_m3 * m.side_area_m2;
  y[kAcd] = op.acd_m;
}

// The steady heat loss of the operating point split top/side/bottom, with the conductor Joule
// heat released in the top and lining nodes.
struct HeatLossSplit {
  double T, Tl, Tamb;  ///< bath, liquidus, ambient [K]
  double top_loss, side_loss, bottom_loss, top_joule, lining_joule;  ///< [W]
};

HeatLossSplit split_heat_loss(const CellModel& m, const cell::OperatingPoint& op,
                              const bath::Properties& props,
                              const cell::CellDesign* heat_loss_design) {
  const DynamicsParameters& p = m.parameters;
  const cell::CellResult r = cell::evaluate(m.design, m.constants, op);
  double loss = r.energy.heat_loss_W;
  // Calibrated on another design's heat (build_cell_model): its loss per m² of each path, on this
  // design's areas (the top and bottom scale with the cathode area, the side with the side area),
  // and its conductors' Joule heat in the top and lining nodes; this design's own heat and Joule
  // heat then drive that network (a higher cathode drop warms the lining and the cell, T19-22).
  double top_bottom_scale = 1.0, side_scale = 1.0;
  const cell::CellDesign* conductors = &m.design;
  if (heat_loss_design && !same_cell_design(*heat_loss_design, m.design)) {
    conductors = heat_loss_design;
    loss = cell::evaluate(*heat_loss_design, m.constants, op).energy.heat_loss_W;
    CellModel reference;
    reference.design = *heat_loss_design;
    reference.parameters = p;
    set_geometry(reference);
    top_bottom_scale = m.design.cathode_area_m2 / heat_loss_design->cathode_area_m2;
    side_scale = m.side_area_m2 / reference.side_area_m2;
  }
  HeatLossSplit h;
  h.T = op.bath_temperature_K;
  h.Tl = props.liquidus_K;
  h.Tamb = p.ambient_temperature_K;
  const double bottom_fraction = 1.0 - p.top_loss_fraction - p.side_loss_fraction;
  if (!(loss > 0.0) || !(bottom_fraction > 0.0) || !(h.T - h.Tl > 0.1) || !(h.Tl > h.Tamb)) {
    throw core::RunError(
        fmt::format("dynamics: cannot calibrate the thermal network: steady heat loss {:.4g} kW, superheat {:.3g} K, "
                    "bottom share {:.3g} (need a positive heat loss, superheat above 0.1 K and top + side shares "
                    "below 1)",
                    loss / 1e3, h.T - h.Tl, bottom_fraction));
  }
  const double I0 = op.line_current_A;
  h.top_joule = p.anode_drop_to_top_fraction * I0 * I0 * conductors->anode_resistance_ohm;
  h.lining_joule = p.cathode_drop_to_lining_fraction * I0 * I0 * conductors->cathode_resistance_ohm;
  h.top_loss = p.top_loss_fraction * loss * top_bottom_scale;
  h.bottom_loss = bottom_fraction * loss * top_bottom_scale;
  h.side_loss = p.side_loss_fraction * loss * side_scale;
  if (!(h.top_joule < h.top_loss) || !(h.lining_joule < h.bottom_loss)) {
    throw core::RunError(fmt::format(
        "dynamics: the conductors' Joule heat exceeds the heat loss it is released into: anodes {:.4g} kW against "
        "the top loss {:.4g} kW, cathode {:.4g} kW against the bottom loss {:.4g} kW (the cell's heat loss {:.4g} kW "
        "at {:.4g} V); raise dynamics.top_loss_fraction (bottom share) or lower the conductor-heat fractions",
        h.top_joule / 1e3, h.top_loss / 1e3, h.lining_joule / 1e3, h.bottom_loss / 1e3, loss / 1e3, r.voltage_V));
  }
  return h;
}

// Shell heat exchangers (optional): the largest extraction at the design shell temperature as a
// share of the calibrated side loss. At the operating point they run at the design fraction, so the
// passive shell carries the rest of the side loss and the point stays a steady state.
// The 95 % cap is a numerical bound, not a plant figure: the passive shell's conductance is the
// calibrated wall-to-ambient one times (1 − design share) (cell_model.cpp), which reaches zero at a
// share of 1 and turns negative beyond; the cap keeps at least 5 % of it, so the calibration stays
// positive and the shell still loses heat with the exchangers off. Where between 0 and 1 the cap
// sits is a choice: 95 % refuses only designs whose exchangers would carry nearly the whole side
// loss.
// A cell of a line's spread (design_share given: potline.spread_acd calibrates it at its own ACD, a
// cell lined for it) keeps the design cell's share, its rating scaled with its side loss, as the
// heat-loss spread scales the exchangers with the wall conductance: the exchangers are the design's
// in every cell, and a line whose design passes the cap has no cell refused by it (T14-9: a cell
// 1.7 % below the insulated example's side loss went over it, which the one representative cell of
// `flex` never built).
void calibrate_exchangers(CellModel& m, const HeatLossSplit& h, std::optional<double> design_share) {
  const DynamicsParameters& p = m.parameters;
  m.exchanger_max_W = p.exchanger_max_W_per_m2 * m.side_area_m2;
  if (design_share && m.exchanger_max_W > 0.0) m.exchanger_max_W = *design_share * h.side_loss;
  m.exchanger_share = m.exchanger_max_W / h.side_loss;
  if (!(p.exchanger_design_fraction * m.exchanger_share < 0.95)) {
    throw core::RunError(
        fmt::format("dynamics: the shell heat exchangers at their design use ({:.4g} kW) would carry {:.3g} % of the "
                    "{:.4g} kW side heat loss at the operating point (at most 95 %: the shell itself loses the rest); "
                    "lower heat_exchangers.max_extraction or heat_exchangers.design_fraction",
                    p.exchanger_design_fraction * m.exchanger_max_W / 1e3,
                    100.0 * p.exchanger_design_fraction * m.exchanger_share, h.side_loss / 1e3));
  }
}

// Side path (docs/model/dynamics.md, "Thermal calibration"): the ledge-covered contact carries
// h·A·superheat (h = dynamics.ledge_heat_transfer; 0: the whole side loss), conducted through the
// ledge and the inner wall resistance to the wall node; the rest of the side loss reaches the wall
// node through the side lining above and below the ledge (bypass); the wall node loses the whole
// side loss to the ambient. The wall node sits where the ledge flux alone puts it (inner share f of
// R_wall = (T_liq − T_amb)/q_ledge − R_ledge). Returns the wall node temperature [K].
double calibrate_side(CellModel& m, const HeatLossSplit& h) {
  const DynamicsParameters& p = m.parameters;
  const double A = m.side_area_m2;
  const double superheat = h.T - h.Tl;
  const double ledge_flux = p.ledge_heat_transfer_W_per_m2_K > 0.0 ? p.ledge_heat_transfer_W_per_m2_K * A * superheat
                                                                     : h.side_loss;
  if (ledge_flux > h.side_loss * (1.0 + 1e-12)) {
    throw core::RunError(
        fmt::format("dynamics: dynamics.ledge_heat_transfer ({:.4g} kW/(m2 K)) x {:.4g} m2 x superheat {:.3g} K = "
                    "{:.4g} kW is more than the whole side heat loss ({:.4g} kW); lower dynamics.ledge_heat_transfer "
                    "(0: from the side loss) or raise dynamics.side_loss_fraction",
                    p.ledge_heat_transfer_W_per_m2_K / 1e3, A, superheat, ledge_flux / 1e3, h.side_loss / 1e3));
  }
  m.ledge_heat_transfer_W_per_m2_K = ledge_flux / (A * superheat);
  const double ledge_resistance = p.initial_ledge_m / (p.ledge_conductivity_W_per_m_K * A);
  m.wall_resistance_K_per_W = (h.Tl - h.Tamb) / ledge_flux - ledge_resistance;
  if (!(m.wall_resistance_K_per_W > 0.0)) {
    throw core::RunError(
        fmt::format("dynamics: a {:.3g} cm ledge alone conducts less than the {:.4g} kW the ledge-covered side must "
                    "pass; lower dynamics.initial_ledge or dynamics.ledge_heat_transfer",
                    p.initial_ledge_m * 100, ledge_flux / 1e3));
  }
  const double wall_node_K = h.Tl - (ledge_resistance + p.wall_inner_fraction * m.wall_resistance_K_per_W) * ledge_flux;
  m.wall_outer_resistance_K_per_W = (wall_node_K - h.Tamb) / h.side_loss;
  m.side_bypass_W_per_K = (h.side_loss - ledge_flux) / (h.T - wall_node_K);
  if (m.side_bypass_W_per_K > 0.0 && p.bypass_ledge_share > 0.0) {
    // The bypass crosses a frozen layer (side crust, ledge toe) share × the ledge's resistance; the
    // side lining itself takes the rest of the calibrated bypass resistance.
    m.side_bypass_fixed_K_per_W = 1.0 / m.side_bypass_W_per_K - p.bypass_ledge_share * ledge_resistance;
    if (!(m.side_bypass_fixed_K_per_W > 0.0)) {
      throw core::RunError(
          fmt::format("dynamics: the side heat loss past the ledge ({:.4g} kW) cannot cross a frozen layer of {:.3g} x "
                      "the {:.3g} cm ledge's resistance; lower dynamics.bypass_ledge_share or dynamics.initial_ledge, "
                      "or raise dynamics.ledge_heat_transfer",
                      (h.side_loss - ledge_flux) / 1e3, p.bypass_ledge_share, p.initial_ledge_m * 100));
    }
  }
  return wall_node_K;
}

// Thermal network: resistances and node temperatures such that the operating point is a steady
// state of the dynamic model.
void calibrate_thermal_network(CellModel& m, const HeatLossSplit& h, double* y, std::optional<double> design_share) {
  const DynamicsParameters& p = m.parameters;
  // Metal pad: the heat the bottom path takes from the metal (bottom loss less the cathode Joule
  // heat released in the lining node) crosses the bath–metal interface, so the metal sits that
  // much below the bath (AP40: 44 kW over 62 kW/K, 0.7 K).
  m.bath_metal_W_per_K = p.bath_metal_heat_transfer_W_per_m2_K * m.design.cathode_area_m2;
  if (!(m.bath_metal_W_per_K > 0.0)) {
    throw core::RunError("dynamics: dynamics.bath_metal_heat_transfer and the cathode area must be positive");
  }
  const double metal_K = h.T - (h.bottom_loss - h.lining_joule) / m.bath_metal_W_per_K;
  y[kMetalTemperature] = metal_K;
  if (p.cathode_conductivity_W_per_m_K > 0.0) {
    // Lining node at the middle of the cathode blocks: inner resistance = half a block.
    const double inner = 0.5 * p.cathode_thickness_m / (p.cathode_conductivity_W_per_m_K * m.design.cathode_area_m2);
    const double outer_guess = (metal_K - h.Tamb) / h.bottom_loss;  // without Joule heat
    m.parameters.lining_inner_fraction = std::clamp(inner / outer_guess, 1e-3, 0.9);
  }
  // Path resistance R split at the node (inner share f): T − T_node = f·R·(Q − P_joule) and
  // T_node − T_amb = (1 − f)·R·Q, so R = (T − T_amb)/(Q − f·P_joule). The bottom path starts at
  // the metal.
  m.top_resistance_K_per_W = (h.T - h.Tamb) / (h.top_loss - p.top_inner_fraction * h.top_joule);
  m.bottom_resistance_K_per_W =
      (metal_K - h.Tamb) / (h.bottom_loss - m.parameters.lining_inner_fraction * h.lining_joule);
  const double wall_node_K = calibrate_side(m, h);
  calibrate_exchangers(m, h, design_share);
  m.ledge_reference_K = h.Tl;
  m.reference_temperature_K = h.T;
  // Thermal nodes: steady temperatures where the calibrated path resistances are split.
  const auto fraction_ok = [](double f) { return f > 0.0 && f < 1.0; };
  if (!fraction_ok(p.top_inner_fraction) || !fraction_ok(p.wall_inner_fraction) ||
      !fraction_ok(p.lining_inner_fraction)) {
    throw core::RunError("dynamics: the inner resistance fractions of the top, wall and lining "
                         "nodes must lie strictly between 0 and 1");
  }
  y[kTopTemperature] = h.T - p.top_inner_fraction * m.top_resistance_K_per_W * (h.top_loss - h.top_joule);
  y[kLiningTemperature] =
      metal_K - m.parameters.lining_inner_fraction * m.bottom_resistance_K_per_W * (h.bottom_loss - h.lining_joule);
  y[kWallTemperature] = wall_node_K;
  m.top_reference_K = y[kTopTemperature];
  m.wall_reference_K = y[kWallTemperature];
  m.lining_reference_K = y[kLiningTemperature];
}

// Heat capacities of the nodes from the geometry (estimates: docs/model/dynamics.md, "Thermal nodes").
void set_node_heat_capacities(CellModel& m) {
  const cell::CellDesign& design = m.design;
  const DynamicsParameters& p = m.parameters;
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
}
}  // namespace

namespace {
// Cycle-average cold-anode heat in the pot at the state's bath temperature: anodes set per second ×
// heat per anode × τ (zero without anode changes).
double cold_anode_heat_J(const CellModel& m, const double* y) {
  const DynamicsParameters& p = m.parameters;
  if (p.anode_heating != AnodeHeating::kAnodeChange || !(p.anode_cycle_s > 0.0)) return 0.0;
  double probe[kStateCount];
  for (int i = 0; i < kStateCount; ++i) probe[i] = y[i];
  probe[kColdAnodeHeat] = 0.0;
  const double per_anode = apply_anode_change(m, probe);
  return m.design.anode_count / p.anode_cycle_s * per_anode * p.cold_anode_time_constant_s;
}

// Shares of CaF2, MgF2, LiF and KF in their sum (the state carries the sum).
void set_other_shares(CellModel& m, const cell::OperatingPoint& op) {
  const double other_wt = op.bath.caf2_wt + op.bath.mgf2_wt + op.bath.lif_wt + op.bath.kf_wt;
  m.other_shares = {};
  if (other_wt > 0) {
    m.other_shares = {op.bath.caf2_wt / other_wt, op.bath.mgf2_wt / other_wt, op.bath.lif_wt / other_wt,
                      op.bath.kf_wt / other_wt};
  }
}
}  // namespace

void start_at_steady_state(CellModel& m, const cell::OperatingPoint& op, const ThermalSteadyState& s,
                           double* y) {
  const bath::Properties props = bath::evaluate(op.bath, s.bath_temperature_K, m.constants.conductivity);
  set_other_shares(m, op);
  set_initial_masses(m, op, props, y);
  y[kBathTemperature] = s.bath_temperature_K;
  y[kMetalTemperature] = s.metal_temperature_K;
  y[kTopTemperature] = s.top_temperature_K;
  y[kWallTemperature] = s.wall_temperature_K;
  y[kLiningTemperature] = s.lining_temperature_K;
  y[kLedge] = s.ledge_m * m.parameters.ledge_density_kg_per_m3 * m.side_area_m2;
  y[kColdAnodeHeat] = cold_anode_heat_J(m, y);
}

CellModel build_cell_model(const cell::CellDesign& design, const cell::ModelConstants& constants,
                           const cell::OperatingPoint& op, const DynamicsParameters& parameters,
                           double* y, std::optional<double> exchanger_design_share,
                           const cell::CellDesign* heat_loss_design) {
  CellModel m;
  m.design = design;
  m.constants = constants;
  m.parameters = parameters;
  m.nominal_current_A = op.line_current_A;
  set_geometry(m);
  const bath::Properties props = bath::evaluate(op.bath, op.bath_temperature_K, constants.conductivity);
  set_initial_masses(m, op, props, y);
  set_other_shares(m, op);
  calibrate_thermal_network(m, split_heat_loss(m, op, props, heat_loss_design), y,
                            exchanger_design_share);
  set_node_heat_capacities(m);
  y[kColdAnodeHeat] = cold_anode_heat_J(m, y);
  prepare_rhs(m);
  return m;
}

bool same_cell_design(const cell::CellDesign& a, const cell::CellDesign& b) noexcept {
  return a.anode_count == b.anode_count && a.anode_length_m == b.anode_length_m &&
         a.anode_width_m == b.anode_width_m && a.anode_gap_m == b.anode_gap_m &&
         a.center_channel_m == b.center_channel_m && a.side_channel_m == b.side_channel_m &&
         a.anode_immersion_m == b.anode_immersion_m && a.cathode_area_m2 == b.cathode_area_m2 &&
         a.anode_resistance_ohm == b.anode_resistance_ohm &&
         a.cathode_resistance_ohm == b.cathode_resistance_ohm &&
         a.external_resistance_ohm == b.external_resistance_ohm;
  // Not the rectifier's efficiency: it sits outside the pot (what the line buys AC, not the heat the
  // cell makes), so a case that changes only it keeps the calibration of its own design.
}

}  // namespace potline::dynamics
