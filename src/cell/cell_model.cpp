#include "potline/cell/cell_model.hpp"

#include <algorithm>
#include <cmath>

#include "potline/cell/haupin.hpp"
#include "potline/cell/thermo.hpp"
#include "potline/core/constants.hpp"

namespace potline::cell {
namespace {
using constants::kFaraday_C_per_mol;
using constants::kMolarMassAl_kg_per_mol;

// [Haupin 1998]: the Tafel form of the anode reaction overvoltage is stated for i > 0.01 A/cm².
constexpr double kMinTafelCurrentDensity_A_per_m2 = 100.0;
// [Haupin 1998]: cathode concentration overvoltage vanishes at 0.257 A/cm² and is not defined
// below.
constexpr double kCathodeReferenceCurrentDensity_A_per_m2 = 2570.0;
// Bubble coverage is a fraction; the fitted polynomial can leave (0, 0.95] at extreme inputs.
// 0.95 is a numerical bound (estimate): it keeps R_bubble ∝ θ/(1 − θ) finite; Haupin's
// polynomial gives 0.45–0.6 at industrial conditions.
constexpr double kMaxBubbleCoverage = 0.95;
// Numerical floor of the alumina activity (estimate): below C/Csat ≈ 0.016 the activity polynomial
// turns negative (bath::kActivityOutOfRange). 1e-3 keeps E_rev finite and adds at most
// (R·T/12F)·ln(1e6) ≈ 0.12 V; at such alumina the cell is in an anode effect anyway.
constexpr double kMinAluminaActivity = 1e-3;
}  // namespace

// [Dewing 1991]: log10(100 − CE%) = 0.0095·SH − 0.019·AlF3 − 0.060·LiF + K (SH in K, additions
// in wt%; K per design, calibrated to the published CE). docs/model/current-efficiency.md.
double dewing_current_efficiency(double superheat_K, double alf3_excess_wt, double lif_wt,
                                 double dewing_constant) noexcept {
  const double log_loss = 0.0095 * superheat_K - 0.019 * alf3_excess_wt - 0.060 * lif_wt + dewing_constant;
  return 1.0 - std::pow(10.0, log_loss) / 100.0;
}

double dewing_constant_for(double current_efficiency, double superheat_K, double alf3_excess_wt,
                           double lif_wt) noexcept {
  return std::log10(100.0 * (1.0 - current_efficiency)) - 0.0095 * superheat_K +
         0.019 * alf3_excess_wt + 0.060 * lif_wt;
}

CeConditions ce_conditions(const CellResult& r, const OperatingPoint& op) noexcept {
  CeConditions c;
  c.superheat_K = r.bath.superheat_K;
  c.alf3_excess_wt = op.bath.alf3_excess_wt;
  c.lif_wt = op.bath.lif_wt;
  c.caf2_wt = op.bath.caf2_wt;
  c.bath_ratio = r.bath.bath_ratio;
  c.temperature_K = op.bath_temperature_K;
  c.bath_density_kg_per_m3 = r.bath.density_kg_per_m3;
  c.anode_current_density_A_per_m2 = r.anode_current_density_A_per_m2;
  c.cathode_current_density_A_per_m2 = r.cathode_current_density_A_per_m2;
  c.acd_m = op.acd_m;
  c.bubble_thickness_m = r.bubble_thickness_m;
  return c;
}

double faraday_production_kg_per_s(double current_A, double current_efficiency) noexcept {
  return current_A * current_efficiency * kMolarMassAl_kg_per_mol /
         (constants::kElectronsPerAl * kFaraday_C_per_mol);
}

double specific_energy_J_per_kg(double voltage_V, double current_efficiency) noexcept {
  return voltage_V * constants::kElectronsPerAl * kFaraday_C_per_mol /
         (kMolarMassAl_kg_per_mol * current_efficiency);
}

double anode_area_m2(const CellDesign& d) noexcept {
  return d.anode_count * d.anode_length_m * d.anode_width_m;
}

double effective_anode_area_m2(const CellDesign& d, double acd_m, bool* beyond_fit) noexcept {
  // Each anode: its long sides face neighbours across anode_gap; one end faces the centre
  // channel, the other the side wall (Haupin: a face looking at a wall uses twice the gap).
  // End-of-row anodes are treated like inner ones (their end channels are usually wider, so
  // this slightly underestimates fanning there).
  const auto fan = [&](double gap_m) {
    return haupin::fanning_m(acd_m, gap_m, d.anode_immersion_m, d.anode_length_m, d.anode_width_m,
                             beyond_fit);
  };
  const double along = d.anode_length_m + fan(d.center_channel_m) + fan(2.0 * d.side_channel_m);
  const double across = d.anode_width_m + 2.0 * fan(d.anode_gap_m);
  return d.anode_count * along * across;
}

CellResult evaluate(const CellDesign& d, const ModelConstants& k,
                    const OperatingPoint& op) noexcept {
  CellResult r;
  const double T = op.bath_temperature_K;
  const double I = op.line_current_A;
  r.bath = bath::evaluate(op.bath, T, k.conductivity);
  r.flags = r.bath.flags;
  const double kappa = r.bath.conductivity_S_per_m;
  const double alumina = op.bath.alumina_wt;

  const double single_anode_m2 = d.anode_length_m * d.anode_width_m;
  const double geometric_m2 = d.anode_count * single_anode_m2;
  const double i_anode = I / geometric_m2;
  r.anode_current_density_A_per_m2 = i_anode;
  r.cathode_current_density_A_per_m2 = I / d.cathode_area_m2;
  bool fanning_beyond_fit = false;
  r.effective_anode_area_m2 = effective_anode_area_m2(d, op.acd_m, &fanning_beyond_fit);
  if (fanning_beyond_fit) r.flags |= kFanningBeyondFit;

  VoltageBreakdown& v = r.breakdown;
  double activity = r.bath.alumina_activity;
  if (!(activity >= kMinAluminaActivity)) {
    r.flags |= kActivityFloor;
    activity = kMinAluminaActivity;
  }
  // Inert anodes evolve O2 instead of CO2 (docs/model/inert-anode.md).
  const bool inert = k.anode_type == AnodeType::kInert;
  v.reversible = inert ? inert_anode::reversible_voltage_V(T, activity)
                       : haupin::reversible_voltage_V(T, activity);

  if (i_anode < kMinTafelCurrentDensity_A_per_m2) r.flags |= kAnodeCurrentDensityLow;
  v.anode_reaction_overvoltage =
      inert ? inert_anode::reaction_overvoltage_V(k.inert_anode, T, i_anode)
            : haupin::anode_reaction_overvoltage_V(T, i_anode, alumina);

  r.critical_current_density_A_per_m2 =
      haupin::critical_current_density_A_per_m2(T, alumina, single_anode_m2);
  if (i_anode >= r.critical_current_density_A_per_m2) {
    // Anode effect: the anode is blanketed by gas; the concentration term has no steady value and
    // the cell voltage jumps by the anode-effect overvoltage instead.
    r.flags |= kAnodeEffect;
    v.anode_concentration_overvoltage = 0.0;
    v.anode_effect = k.anode_effect_overvoltage_V;
  } else {
    v.anode_concentration_overvoltage =
        haupin::anode_concentration_overvoltage_V(T, i_anode, r.critical_current_density_A_per_m2);
  }

  if (r.cathode_current_density_A_per_m2 < kCathodeReferenceCurrentDensity_A_per_m2) {
    r.flags |= kCathodeCurrentDensityLow;
    v.cathode_overvoltage = 0.0;
  } else {
    v.cathode_overvoltage =
        haupin::cathode_overvoltage_V(T, r.cathode_current_density_A_per_m2, r.bath.cryolite_ratio);
  }

  r.bubble_thickness_m = haupin::bubble_thickness_m(i_anode);
  // Alumina at which i_c would fall to i (C_AE): i_c is proportional to sqrt(C/100) − 0.04
  // ([Grjotheim & Welch 1988], haupin::critical_current_density_A_per_m2), so
  // C_AE = 100·(0.04 + (i/i_c)·(sqrt(C/100) − 0.04))² — the same as
  // haupin::anode_effect_alumina_wt without a second pow() on the hot path.
  // In an anode effect (i ≥ i_c, including i_c ≤ 0 at very low alumina) C_AE is the present C.
  double alumina_at_ae = alumina;
  if (i_anode < r.critical_current_density_A_per_m2) {
    const double root_ae =
        0.04 + i_anode / r.critical_current_density_A_per_m2 * (std::sqrt(alumina / 100.0) - 0.04);
    alumina_at_ae = 100.0 * root_ae * root_ae;
  }
  r.anode_effect_alumina_wt = alumina_at_ae;
  double theta = haupin::bubble_coverage(i_anode, r.bath.bath_ratio, alumina, alumina_at_ae);
  if (!(theta > 0.0 && theta <= kMaxBubbleCoverage)) {
    r.flags |= kBubbleCoverageOutOfRange;
    theta = std::isnan(theta) ? kMaxBubbleCoverage : std::clamp(theta, 0.0, kMaxBubbleCoverage);
  }
  r.bubble_coverage = theta;
  const double conductance_per_length = kappa * r.effective_anode_area_m2;  // S·m
  // Bubble layer: a film of thickness d_b whose conducting fraction is (1 − θ) ([Haupin 1998]).
  v.bubble = I * r.bubble_thickness_m * theta / (conductance_per_length * (1.0 - theta));
  if (inert) v.bubble *= k.inert_anode.bubble_factor;
  double bath_path_m = op.acd_m - (k.subtract_bubble_layer ? r.bubble_thickness_m : 0.0);
  if (bath_path_m <= 0.0) {
    r.flags |= kAcdBelowBubbleLayer;
    bath_path_m = 0.0;
  }
  v.bath_ohmic = I * bath_path_m / conductance_per_length;

  v.anode_drop = I * d.anode_resistance_ohm;
  v.cathode_drop = I * d.cathode_resistance_ohm;
  v.external = I * d.external_resistance_ohm;
  r.voltage_V = v.total();
  r.power_W = I * r.voltage_V;

  double ce = k.current_efficiency_model == CurrentEfficiencyModel::kMassTransfer
                  ? mass_transfer_current_efficiency(k.mass_transfer, ce_conditions(r, op))
                  : dewing_current_efficiency(r.bath.superheat_K, op.bath.alf3_excess_wt,
                                              op.bath.lif_wt, k.dewing_constant);
  if (!(ce > 0.5 && ce < 1.0)) {
    r.flags |= kCurrentEfficiencyOutOfRange;
    ce = std::isnan(ce) ? 0.5 : std::clamp(ce, 0.5, 1.0);
  }
  r.current_efficiency = ce;
  r.production_kg_per_s = faraday_production_kg_per_s(I, ce);
  r.sec_dc_J_per_kg = specific_energy_J_per_kg(r.voltage_V, ce);
  r.sec_ac_J_per_kg = r.sec_dc_J_per_kg / d.rectifier_efficiency;

  // Energy balance of the pot (external drop excluded: it heats the busbars in the potroom).
  const double mol_al_per_s = r.production_kg_per_s / kMolarMassAl_kg_per_mol;
  const thermo::ReactionEnergy e =
      inert ? thermo::inert_anode_reaction_energy(T, k.alumina_feed_temperature_K)
            : thermo::reaction_energy(T, ce, k.alumina_feed_temperature_K, k.anode_entry_temperature_K);
  r.energy.input_W = I * (r.voltage_V - v.external);
  r.energy.reaction_W = mol_al_per_s * e.reaction_J_per_mol_Al;
  r.energy.heating_alumina_W = mol_al_per_s * e.heating_alumina_J_per_mol_Al;
  r.energy.heating_anodes_W = mol_al_per_s * e.heating_anodes_J_per_mol_Al;
  r.energy.heat_loss_W = r.energy.input_W - r.energy.reaction_W - r.energy.heating_alumina_W -
                         r.energy.heating_anodes_W;
  if (r.energy.heat_loss_W < 0.0) r.flags |= kHeatDeficit;
  return r;
}

void evaluate_batch(std::span<const CellDesign> designs, std::span<const ModelConstants> constants,
                    std::span<const OperatingPoint> ops, std::span<CellResult> out) noexcept {
  const std::size_t n = out.size();
  for (std::size_t k = 0; k < n; ++k) out[k] = evaluate(designs[k], constants[k], ops[k]);
}

}  // namespace potline::cell
