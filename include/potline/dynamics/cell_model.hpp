#pragma once
// The lumped dynamic cell: parameters, the right-hand side and the discrete jumps (feed shots,
// tapping, beam moves, anode change). Voltage, current efficiency and heat generation come from
// cell::evaluate at the current state (the steady-state model is the single source of the cell's
// electrical physics); this file adds only mass and heat storage, heat losses and the ledge.
// Equations and the source of every parameter: docs/model/dynamics.md.
#include <array>
#include <cstdint>
#include <limits>
#include <optional>

#include "potline/cell/cell_model.hpp"
#include "potline/cell/inputs.hpp"
#include "potline/dynamics/cell_state.hpp"

namespace potline::dynamics {

/// How the heat taken by anode carbon is booked.
enum class AnodeHeating {
  kSteady,       ///< as the steady-state model does: consumed carbon heated as it burns
  kAnodeChange,  ///< a whole cold anode block absorbs heat after it is set (time constant τ)
};

/// Per-technology dynamic parameters. Members read from a case have no default here: their
/// defaults, sources and ranges live once, in the simulate schema (src/potline/simulate_case.cpp,
/// `potline schema simulate`); a case built from it sets them all (test_schema_builder.cpp checks
/// this field by field).
struct DynamicsParameters {
  double bath_height_m{};             ///< liquid bath height (metal pad to bath surface)
  double metal_height_m{};            ///< metal pad height after tapping
  double metal_density_kg_per_m3{};   ///< liquid Al near 960 °C
  double bath_heat_capacity_J_per_kg_K{};   ///< liquid bath
  double metal_heat_capacity_J_per_kg_K{};  ///< liquid Al
  double ledge_latent_heat_J_per_kg{};     ///< freezing of cryolite
  double ledge_density_kg_per_m3{};
  double ledge_conductivity_W_per_m_K{};
  double ambient_temperature_K{};
  double initial_ledge_m{};           ///< ledge thickness at the start (steady state)
  double top_loss_fraction{};         ///< share of the steady heat loss through the top
  double side_loss_fraction{};        ///< share through the sidewalls (bottom: the rest)

  double minimum_ledge_m = 0.002;          ///< below this the bath touches the wall
  double dissolution_rate_per_s{};   ///< first-order dissolution of undissolved alumina
  double immediate_dissolution_fraction{};  ///< share of a feed shot that dissolves at once
  double carbon_kg_per_kg_al{};       ///< net anode carbon consumption
  double anode_density_kg_per_m3{};
  double anode_height_m{};            ///< new anode block height
  double cold_anode_time_constant_s{};
  double alf3_consumption_kg_per_kg_al{};  ///< AlF3 lost (emissions, Na2O neutralisation)
  AnodeHeating anode_heating{};
  // Thermal nodes between the bath and the ambient (Lundby/Gravdahl's T_wall; a top and a
  // bottom node added the same way). Each path's calibrated resistance is split at the node:
  // inner share bath (or ledge face) -> node, the rest node -> ambient. Heat capacities from
  // geometry; every value is an estimate (docs/model/dynamics.md, "Thermal nodes").
  double top_inner_fraction{};      ///< share of R_top between bath and the top node
  double wall_inner_fraction{};     ///< share of R_wall between ledge face and the wall node
  double lining_inner_fraction{};   ///< share of R_bottom between metal and the lining node
  double anode_mean_height_fraction{};  ///< mean anode height over its life / new height
  double carbon_heat_capacity_J_per_kg_K{};  ///< anode and cathode carbon, 600–950 °C
  double cover_thickness_m{};       ///< anode cover (alumina + crushed bath) and crust
  double cover_density_kg_per_m3{};
  double cover_heat_capacity_J_per_kg_K{};
  double cathode_thickness_m{};     ///< cathode block height
  double cathode_density_kg_per_m3{};
  double side_lining_thickness_m{}; ///< side block + shell (per unit contact area)
  double side_lining_density_kg_per_m3{};
  double side_lining_heat_capacity_J_per_kg_K{};
  double anode_cycle_s = 0;  ///< anode life; with kAnodeChange sets the initial cold-anode heat (0: none)
  // Where the Joule heat of the conductors is released (docs/model/dynamics.md §2, "Heat"):
  // the anode assembly drop (stub, rod, yoke, carbon) heats the top node, the cathode drop (blocks,
  // collector bars) the lining node; the rest of I·(V − V_ext) heats the bath. 0 puts it in the bath.
  double anode_drop_to_top_fraction{};
  double cathode_drop_to_lining_fraction{};
  /// Share of the anode-effect power (I × AE overvoltage) released in the top node (anode carbon
  /// at the gas film) instead of the bath (estimate from the conductances on the film's two sides,
  /// dynamics.md §2, "Anode-effect heat").
  double ae_heat_to_top_fraction = 0.5;
  /// Bath-to-ledge coefficient h ∝ (I/I_nom)^n: bath velocity ∝ I (Lorentz force ∝ I², inertial
  /// balance), turbulent h ∝ v^0.8 (estimate, dynamics.md §2).
  double ledge_flow_exponent = 0.8;
  /// h with no current (natural convection) as a share of h at nominal current (estimate).
  double ledge_natural_convection_fraction = 0.3;
  /// Cathode block conductivity near 950 °C; > 0 sets the lining inner resistance to half a block
  /// (thickness/2/(k·A_cathode)) instead of lining_inner_fraction × R_bottom.
  double cathode_conductivity_W_per_m_K{};
  /// Optional shell heat exchangers (docs/model/dynamics.md §2, "Shell heat exchangers"): largest
  /// extra heat taken from the wall node per m² of side contact area at the design shell
  /// temperature (0: none), and the share of it in use at the operating point (calibration).
  double exchanger_max_W_per_m2 = 0;
  double exchanger_design_fraction = 0.5;
  /// Bath-to-ledge heat-transfer coefficient at nominal current. The ledge-covered contact then
  /// carries h·A_side·superheat of the side loss and the rest leaves through the side lining above
  /// and below it (a bath-to-wall-node bypass). 0: h from the whole side share (h = Q_side/(A·ΔT)).
  double ledge_heat_transfer_W_per_m2_K = 0;
  /// Frozen bath on the side-lining bands past the ledge-covered contact (side crust above the bath,
  /// ledge toe below the metal) as a multiple of the side ledge's own resistance: the bypass
  /// resistance is R_fixed + share × s/(k·A_side), so it grows as the ledge grows (estimate,
  /// dynamics.md "Thermal calibration"). 0: a fixed bypass conductance.
  double bypass_ledge_share = 0;
  /// Bath-to-metal heat-transfer coefficient across the bath–metal interface at nominal current;
  /// it follows the bath flow like the ledge coefficient (ledge_flow_factor). Bath and metal
  /// have their own temperatures (docs/model/dynamics.md §2, "Metal pad").
  double bath_metal_heat_transfer_W_per_m2_K = 1200;
  /// A bath cooled below its liquidus freezes onto the ledge (and crystallises in the bulk) with
  /// this time constant: the latent heat brings it back to the liquidus (estimate, dynamics.md §2).
  double undercooling_time_s = 60;
};

/// Everything the right-hand side needs about one cell, derived once.
struct CellModel {
  cell::CellDesign design;
  cell::ModelConstants constants;
  DynamicsParameters parameters;
  double nominal_current_A = 0;
  // geometry
  double side_area_m2 = 0;          ///< bath + metal contact area with the side ledge
  double anode_area_m2 = 0;         ///< geometric anode bottom area
  double single_anode_area_m2 = 0;
  // thermal network (calibrated so that the initial state is a steady state)
  double top_resistance_K_per_W = 0;
  double bottom_resistance_K_per_W = 0;
  double wall_resistance_K_per_W = 0;     ///< ledge face to ambient, without the ledge (ledge flux alone)
  double wall_outer_resistance_K_per_W = 0;  ///< wall node to ambient (the whole side loss)
  double side_bypass_W_per_K = 0;   ///< bath to wall node through the side lining above/below the ledge (at the initial ledge)
  double side_bypass_fixed_K_per_W = 0;  ///< its resistance without the frozen layer (bypass_ledge_share > 0)
  double ledge_heat_transfer_W_per_m2_K = 0;  ///< bath to ledge face
  double ledge_reference_K = 0;     ///< ledge temperature in the stored-heat bookkeeping
  double bath_metal_W_per_K = 0;    ///< bath-to-metal h·A_cathode at nominal current
  /// Shell heat exchangers at full extraction as a share of the calibrated wall-to-ambient
  /// conductance (0: none): their conductance is this × 1/((1 − f_wall)·R_wall), the passive shell
  /// keeps 1 − design_fraction × this, so the operating point stays a steady state.
  double exchanger_share = 0;
  double exchanger_max_W = 0;       ///< extraction at full use and the design shell temperature
  double top_heat_capacity_J_per_K = 0;     ///< top node (anodes + cover)
  double wall_heat_capacity_J_per_K = 0;    ///< side node
  double lining_heat_capacity_J_per_K = 0;  ///< bottom node
  double top_reference_K = 0;       ///< node temperatures at which their stored heat is zero
  double wall_reference_K = 0;
  double lining_reference_K = 0;
  double reference_temperature_K = 0;  ///< temperature at which stored heat is zero
  // composition of the "other additives" (CaF2, MgF2, LiF, KF) as shares of their sum
  std::array<double, 4> other_shares{};
  /// Constants of the right-hand side derived from the fields above (conductances, inverse heat
  /// capacities, rates per kg): rhs multiplies where it would divide. Set by prepare_rhs, which
  /// build_cell_model calls; call it again after changing a resistance or a parameter.
  struct Derived {
    double top_in_W_per_K = 0, top_out_W_per_K = 0;
    double bottom_in_W_per_K = 0, bottom_out_W_per_K = 0;
    double wall_in_K_per_W = 0, wall_out_W_per_K = 0;
    double exchanger_W_per_K = 0;     ///< shell heat exchangers at full use (wall node to ambient)
    double bypass_W_per_K = 0;        ///< bath to wall node, past the ledge (fixed conductance)
    double bypass_fixed_K_per_W = 0;  ///< with a frozen layer: bypass = ΔT/(this + share·R_ledge)
    double bypass_ledge_share = 0;    ///< 0: fixed conductance bypass_W_per_K
    double ledge_K_per_W_per_kg = 0;  ///< ledge resistance per kg of ledge
    double ledge_face_W_per_K = 0;    ///< h·A_side
    double bath_metal_W_per_K = 0;    ///< bath-to-metal h·A_cathode at nominal current
    double minimum_ledge_kg = 0;
    double inverse_top_heat_capacity = 0, inverse_wall_heat_capacity = 0, inverse_lining_heat_capacity = 0;
    double inverse_cold_anode_time_constant = 0;
    double acd_m_per_kg_al = 0;       ///< anode burn-off minus metal rise per kg Al produced
  } derived;
  /// ∂V/∂ACD-free parts and the like are not stored: see Electrical.
};

/// Inputs held constant over one integration interval.
struct CellInputs {
  double current_A = 0;
  double alf3_addition_kg_per_s = 0;
  double feed_kg_per_s = 0;      ///< continuous alumina feed (open-loop runs; shots are jumps)
  bool in_anode_effect = false;  ///< the cell is in an anode effect (until quenched)
  /// Top node-to-potroom conductance relative to its calibrated value: above 1 while the cell's
  /// anode cover is lost (disturbance.cover_loss_*, docs/model/dynamics.md §6). A float beside the
  /// flag, in its padding: CellInputs stays 64 bytes (one cache line; batch.cpp compares it whole).
  float top_loss_factor = 1.0f;
  /// Mean anode concentration overvoltage of the feeder zones minus that at the bath average
  /// (AluminaZones::concentration_overvoltage_V): added to the cell voltage and heats the bath.
  double zone_overvoltage_V = 0;
  /// Bath-to-ledge heat transfer relative to its calibrated value at nominal current
  /// (ledge_flow_factor at current_A; set with the current).
  double ledge_flow_factor = 1.0;
  /// Share of the shell heat exchangers' largest extraction in use (0–1; no effect without
  /// exchangers). The driver starts it at the design fraction.
  double exchanger_fraction = 0.0;
  /// Share of the line current that bypasses electrolysis through an anode spike touching the
  /// metal (process faults, docs/model/faults.md): it produces no metal.
  double shunt_fraction = 0.0;
};

/// The electrical and thermochemical quantities cell::evaluate gives at one state, and the
/// sensitivities the fast integrator uses to carry them between evaluations.
struct Electrical {
  double voltage_V = 0;          ///< cell voltage incl. external share (and AE overvoltage)
  double external_V = 0;         ///< busbar share (heats the potroom, not the pot)
  double current_efficiency = 0;
  double chemical_J_per_kg_al = 0;  ///< reaction + reactant heating per kg Al produced
  double liquidus_K = 0;
  double saturation_wt = 0;      ///< alumina solubility at the state [Skybakmoen 1997] [wt%]
  double ae_overvoltage_V = 0;   ///< anode-effect overvoltage included in voltage_V
  double ae_alumina_wt = 0;      ///< alumina at which this cell goes into an anode effect
  // linearisation point and slopes (fast integrator)
  double alumina_wt = 0;
  double acd_m = 0;
  double dV_dalumina_per_wt = 0;
  double dV_dacd_per_m = 0;
  std::uint32_t flags = 0;
};

/// Bath composition (wt%) from the state's masses.
bath::Composition composition(const CellModel& m, const double* y) noexcept;
/// Liquid bath mass [kg]: cryolite + excess AlF3 + dissolved alumina + other additives.
inline double bath_mass_kg(const double* y) noexcept {
  return y[kCryolite] + y[kExcessAlF3] + y[kDissolvedAlumina] + y[kOtherAdditives];
}
inline double alumina_wt(const double* y) noexcept {
  return 100.0 * y[kDissolvedAlumina] / bath_mass_kg(y);
}
/// Ledge thickness [m].
inline double ledge_thickness_m(const CellModel& m, const double* y) noexcept {
  return y[kLedge] / (m.parameters.ledge_density_kg_per_m3 * m.side_area_m2);
}

/// cell::evaluate at the state. `with_slopes` adds one more evaluation for ∂V/∂alumina.
Electrical evaluate_electrical(const CellModel& m, const double* y, const CellInputs& in,
                               bool with_slopes) noexcept;
/// Full steady-state result at the state (for reports and tests).
cell::CellResult evaluate_cell(const CellModel& m, const double* y, double current_A) noexcept;

/// Voltage carried from the linearisation point to the state (exact at the point).
inline double voltage_at(const Electrical& e, const double* y) noexcept {
  return e.voltage_V + e.dV_dalumina_per_wt * (alumina_wt(y) - e.alumina_wt) +
         e.dV_dacd_per_m * (y[kAcd] - e.acd_m);
}

/// Bath-to-ledge heat-transfer coefficient relative to nominal current: (I/I_nom)^n (forced
/// convection by the magnetically driven bath flow), never below the natural-convection share.
double ledge_flow_factor(const CellModel& m, double current_A) noexcept;

/// Width of the band below alumina saturation over which dissolution slows to zero [wt%] (estimate:
/// a numerical smoothing of the saturation limit, small against the 4–6 wt% of undersaturation at
/// normal operation).
inline constexpr double kSaturationBand_wt = 0.5;
/// First-order dissolution of the undissolved alumina at the state [kg/s]: k_d·U, slowing to zero
/// over the last kSaturationBand_wt below the alumina solubility of the snapshot `e`.
inline double dissolution_kg_per_s(const CellModel& m, const Electrical& e, const double* y) noexcept {
  const double below = (e.saturation_wt - alumina_wt(y)) / kSaturationBand_wt;
  const double factor = below < 0.0 ? 0.0 : (below > 1.0 ? 1.0 : below);
  const double undissolved = y[kUndissolvedAlumina] > 0.0 ? y[kUndissolvedAlumina] : 0.0;
  return m.parameters.dissolution_rate_per_s * undissolved * factor;
}

/// Fluxes at one state, for outputs and the energy balance. [W] unless stated.
struct Fluxes {
  double voltage_V = 0;
  double power_in_W = 0;        ///< I·(V − V_ext)
  double chemical_W = 0;
  double top_loss_W = 0;        ///< top node to ambient
  double side_loss_W = 0;       ///< wall node to ambient (passive shell + heat exchangers)
  double exchanger_W = 0;       ///< of which taken by the shell heat exchangers
  double bottom_loss_W = 0;     ///< lining node to ambient
  double bath_to_top_W = 0;     ///< bath to the top node
  double ledge_to_wall_W = 0;   ///< ledge face through the ledge to the wall node
  double bath_to_lining_W = 0;  ///< metal to the lining node
  double bath_to_metal_W = 0;   ///< bath to the metal pad across their interface
  double bath_to_ledge_W = 0;
  double bypass_W = 0;          ///< bath to the wall node through the side lining past the ledge
  double anode_heating_W = 0;
  double production_kg_per_s = 0;
  double superheat_K = 0;
};

/// dy/dt at y. `e` is the electrical state (exact or linearised); `fluxes` is optional.
void rhs(const CellModel& m, const CellInputs& in, const Electrical& e, const double* y,
         double* dydt, Fluxes* fluxes = nullptr) noexcept;

/// Heat stored in the pot relative to the reference state [J]: sensible heat of bath and metal
/// (each at its own temperature) above the reference temperature minus the latent and sensible heat given up by the ledge,
/// plus the sensible heat of the top, wall and lining nodes above their reference temperatures.
double stored_heat_J(const CellModel& m, const double* y) noexcept;

// Discrete jumps (applied between integration steps). Each returns what it moved.
/// A feed shot of `mass_kg` alumina: part dissolves at once, the rest joins the undissolved pool
/// (all of it when dissolved alumina has reached `saturation_wt`).
void apply_feed(const CellModel& m, double* y, double mass_kg,
                double saturation_wt = std::numeric_limits<double>::infinity()) noexcept;
/// Taps metal down to `target_metal_kg`; returns the metal removed [kg]. The enthalpy removed
/// (at the metal temperature, relative to the reference temperature) is added to *tapped_heat_J.
double apply_tap(const CellModel& m, double* y, double target_metal_kg, double* tapped_heat_J) noexcept;
/// Moves the anode beam: ACD changes by `delta_acd_m`.
void apply_beam_move(double* y, double delta_acd_m) noexcept;
/// Sets one cold anode: adds the heat it will absorb [J] (AnodeHeating::kAnodeChange only).
double apply_anode_change(const CellModel& m, double* y) noexcept;

/// Metal height rise per kg of metal [m/kg] and anode bottom rise per kg of Al produced [m/kg].
double metal_rise_m_per_kg(const CellModel& m) noexcept;

/// Fills m.derived from the model's resistances, heat capacities and parameters.
void prepare_rhs(CellModel& m) noexcept;

/// Builds the model of one cell from the steady-state inputs at its operating point, calibrates
/// the thermal network so that this point is a steady state of the dynamic model, and returns the
/// initial state in `y0` (size kStateCount). `exchanger_design_share` (a cell of a line's spread):
/// the shell exchangers carry this share of the cell's own side loss, the design cell's
/// exchanger_share, instead of parameters.exchanger_max_W_per_m2 × the side area.
/// `heat_loss_design` (a technology's catalogue design when the case changes design.*): the network
/// loses, per m² of its top, side and bottom, what that design generates at `op`, so that this
/// design's other heat generation (a higher cathode drop) warms or cools the cell instead of being
/// absorbed by the calibration (user trial T19-22); `op` is then a steady state of that design,
/// not of this one. nullptr: this design's heat (every cell built before 2026-12-08).
CellModel build_cell_model(const cell::CellDesign& design, const cell::ModelConstants& constants,
                           const cell::OperatingPoint& op, const DynamicsParameters& parameters,
                           double* y0, std::optional<double> exchanger_design_share = std::nullopt,
                           const cell::CellDesign* heat_loss_design = nullptr);

/// Every field of the two designs that sets the cell's heat is equal (all but the rectifier's
/// efficiency, which is outside the pot).
bool same_cell_design(const cell::CellDesign& a, const cell::CellDesign& b) noexcept;

}  // namespace potline::dynamics
