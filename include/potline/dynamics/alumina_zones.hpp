#pragma once
// Spatial alumina: the bath divided into feeder zones (docs/model/dynamics.md, "Feeder zones").
//
// The lumped state keeps the bath-average dissolved alumina c̄ (and the one undissolved pool U);
// this class carries what the lumped state cannot: each zone's deviation δ_i = c_i − c̄ [wt%]
// and the share s_i of U that lies in zone i. Zones have equal bath mass (w_i = 1/N) and equal
// anode current, so electrolysis takes the same share from every zone and cancels in δ. A zone's
// deviation changes only through where alumina dissolves and through exchange with the rest of
// the bath (first order, time constant τ_mix):
//
//   dδ_i/dt = 100·(s_i − w_i)·D / (w_i·M) − δ_i/τ_mix,      D = k_d·U·(saturation factor)
//
// with M the liquid bath mass. First-order dissolution takes the same fraction of every zone's
// pool, so the shares s_i change only when alumina is added. The immediate part of a shot
// dissolves in the zone of its feeder: δ_z += 100·m/(w_z·M) − 100·m/M and δ_j −= 100·m/M.
// Σ w_i·δ_i = 0 by construction, so the lumped state stays the exact bath average: mass and
// energy conservation are those of the lumped model.
#include <array>
#include <cstddef>

namespace potline::dynamics {

inline constexpr int kMaxAluminaZones = 16;

class AluminaZones {
 public:
  AluminaZones() = default;
  /// `zones` equal zones (1…kMaxAluminaZones), uniform start, exchange time `mixing_time_s`,
  /// advanced in steps of `step_s`.
  AluminaZones(int zones, double mixing_time_s, double step_s);

  int size() const { return n_; }
  double deviation_wt(int i) const { return deviation_[static_cast<std::size_t>(i)]; }
  double share(int i) const { return share_[static_cast<std::size_t>(i)]; }
  /// Lowest zone deviation δ_min [wt%] (≤ 0), kept up to date by add and advance.
  double min_deviation_wt() const { return min_deviation_; }

  /// A feed shot into zone `zone`: `dissolved_kg` dissolves there at once, `undissolved_kg`
  /// joins that zone's share of the undissolved pool, which held `undissolved_before_kg`.
  void add(int zone, double dissolved_kg, double undissolved_kg, double undissolved_before_kg, double bath_kg);
  /// Alumina added evenly over the bath (quench burst by hand, open-loop feed).
  void add_evenly(double undissolved_kg, double undissolved_before_kg);
  /// One step: dissolution `dissolution_kg_per_s` of the undissolved pool, bath mass `bath_kg`.
  /// `fast_mixing`: the quench (beam oscillation) stirs the bath; exchange time `quench_mixing_s`.
  void advance(double dissolution_kg_per_s, double bath_kg, bool fast_mixing);

  /// Σ w_i·[η(c̄ + δ_i) − η(c̄)]: the mean of the zones' anode concentration overvoltages
  /// ([Haupin 1998], η = T/23209·ln(i_c/(i_c − i)), with i_c ∝ √(c/100) − 0.04
  /// [Grjotheim & Welch 1988]) minus that at the bath average [V]. `ae_alumina_wt` is the
  /// concentration at which i_c falls to the anode current density. Zones at or below it are
  /// capped (they are in an anode effect, which the driver handles).
  double concentration_overvoltage_V(double mean_alumina_wt, double ae_alumina_wt, double temperature_K) const;

 private:
  int n_ = 1;
  double step_s_ = 1;
  double decay_ = 0, quench_decay_ = 0;  ///< exp(−h/τ) for normal and quench mixing
  double mixing_time_s_ = 1, quench_mixing_time_s_ = 1;
  double min_deviation_ = 0;
  void update_min();
  std::array<double, kMaxAluminaZones> deviation_{};
  std::array<double, kMaxAluminaZones> share_{};
};

/// Exchange time of the bath while a quench stirs it (beam oscillation) [s]. Estimate: the anode
/// movement of a quench mixes the bath within about a minute (docs/model/dynamics.md).
inline constexpr double kQuenchMixingTime_s = 60.0;

}  // namespace potline::dynamics
