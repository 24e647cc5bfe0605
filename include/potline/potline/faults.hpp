#pragma once
// Process faults beyond the feeders (docs/model/faults.md; issue 11 part 3): seeded stochastic
// events the pot controller does not see, only their consequences in the cell resistance.
//  - crust-breaker failure (per feeder): the breaker no longer opens the crust, so the feeder's
//    shots pile up on it instead of reaching the bath; at the repair the pile falls in and sinks
//    under the metal as sludge;
//  - crust collapse (per cell): a piece of alumina-rich crust falls in and sinks as sludge;
//  - poor alumina (per cell): for a period a share of what would dissolve at once joins the
//    undissolved pool instead (fines, alpha-rich or moist alumina: slow dissolution);
//  - anode spike (per cell): carbon grown down to the metal carries part of the current past
//    electrolysis (no metal from it) and lowers the cell voltage;
//  - sludge: alumina under the metal pad dissolves back slowly and covers part of the cathode,
//    raising the cathode voltage drop;
//  - current pick-up after anode change (deterministic): a new anode carries little current for
//    a while, so the other anodes carry more and their critical alumina concentration rises.
// Every event time is drawn when the previous one happens, from a random stream of its own per
// cell and fault kind (case seed; cell index + (3 + kind)·2²⁰), so results do not depend on the
// thread count, switching one fault on does not move the events of the others (common random
// numbers for scenario comparisons), and the step loop makes one comparison per cell-step
// (next_change_s) when no event is due.
#include <array>
#include <cstdint>
#include <limits>

#include "potline/core/random.hpp"
#include "potline/potline/feeders.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::line {

enum class FaultEvent : std::uint8_t {
  kNone, kBreakerFailed, kBreakerRepaired, kCrustCollapse, kPoorAluminaStart, kPoorAluminaEnd, kSpikeStart,
  kSpikeEnd
};

/// What happened at one call of ProcessFaults::update.
struct FaultChange {
  FaultEvent event = FaultEvent::kNone;
  int feeder = -1;         ///< for breaker events (0-based)
  double sludge_kg = 0.0;  ///< alumina that fell to the bottom as sludge now
};

/// Adds one cell's fault counts to the line's.
void add_fault_counts(FaultCounts& line, const FaultCounts& cell) noexcept;

/// Back EMF of the electrolysis path [V] (estimate, docs/model/faults.md "Anode spikes"): the
/// decomposition voltage plus the electrode overvoltages at normal current density, the part of the
/// cell voltage that does not scale with the electrolysis current ([Haupin 1998] breakdown).
inline constexpr double kBackEmf_V = 1.7;

/// The process faults of one cell (own random stream).
class ProcessFaults {
 public:
  ProcessFaults() = default;
  /// Streams `stream` + k·kKindStreamStride, k = 0…3 (breakers, collapse, poor alumina, spikes).
  ProcessFaults(const FaultSettings* settings, int feeders, std::uint64_t seed, std::uint64_t stream);
  static constexpr std::uint64_t kKindStreamStride = std::uint64_t{1} << 20;

  /// Time of the next fault event [s] (one comparison per step).
  double next_change_s() const { return next_change_; }
  /// The first event due at or before t; call while next_change_s() <= t. Sludge that falls in is
  /// added to the pool here (sludge_kg()).
  FaultChange update(double t);

  /// Mass of a shot of `shot_kg` that feeder `f` delivers to the bath: with a failed breaker
  /// nothing; the shot piles up on the crust until the pile reaches the feeder outlet
  /// (breaker_pile_max_kg), then stays in the feeder's hopper.
  double deliver(int f, double shot_kg);
  /// Repairs the failed breaker of feeder `f` at t (an anode effect brought the operators): its
  /// pile falls in as sludge. kNone when the breaker works.
  FaultChange repair_breaker(int f, double t);
  bool breaker_failed(int f) const { return failed_[static_cast<std::size_t>(f)]; }
  bool any_breaker_failed() const;
  bool poor_alumina() const { return poor_; }
  /// Share of the immediate dissolution that still dissolves at once (1 unless poor alumina).
  double dissolution_share() const { return poor_ ? s_->poor_alumina_dissolution : 1.0; }

  /// Share of the line current through a spike (0 without): spike_anode_shares / anodes, at most 1/2.
  double shunt_fraction(int anodes) const;
  /// Voltage change of a spike [V]: the electrolysis path carries (1 − s) of the current, so its
  /// current-dependent part falls by s·(V_path − E_b) (docs/model/faults.md). `path_V` is the
  /// cell voltage less the external (busbar) share.
  double spike_voltage_V(double path_V, int anodes) const;

  /// Sludge under the metal pad [kg].
  double sludge_kg() const { return sludge_kg_; }
  double sludge_formed_kg() const { return sludge_formed_kg_; }
  /// Sludge that dissolves back into the bath over `dt_s` (first order, removed from the pool).
  double dissolve_sludge(double dt_s);
  /// Sludge dissolved after a step of `h_s`: released every kSludgeInterval_s of accumulated time
  /// (the pool changes over hours; the bath state is not touched at every step).
  double dissolve_sludge_after_step(double h_s);
  static constexpr double kSludgeInterval_s = 300.0;
  /// Rise of the cathode voltage drop [V] by the sludge covering part of the cathode: the rest
  /// carries the current, so the drop grows by A/(A − a) with a = sludge / areal mass (≤ 0.9·A).
  double sludge_voltage_V(double cathode_drop_V, double cathode_area_m2) const;

  /// An anode was set at t: the current pick-up starts.
  void anode_changed(double t) { pickup_until_ = t + (s_ ? s_->pickup_time_s : 0.0); }
  bool picking_up(double t) const { return t < pickup_until_; }
  /// The alumina concentration at which an anode effect starts, raised during a pick-up: the
  /// other anodes carry anodes/(anodes − 1) of their share. `critical_wt` is the model's C_AE at
  /// the cell's mean current density. As i_c ∝ √(C/100) − 0.04, scaling the current density by f
  /// gives C_AE' = 100·(0.04 + f·(√(C_AE/100) − 0.04))².
  double onset_alumina_wt(double critical_wt, int anodes, double t) const {
    if (!picking_up(t) || anodes < 2) return critical_wt;
    return pickup_onset_wt(critical_wt, anodes);
  }
  static double pickup_onset_wt(double critical_wt, int anodes);

  /// Cause of an anode effect starting at t (the first active, in AeCause order).
  AeCause cause_at(double t, bool feed_stop, bool feeder_fault) const;

 private:
  enum Kind : std::size_t { kBreaker, kCollapse, kPoor, kSpike, kKinds };
  double draw_wait(Kind kind, double rate_per_day);
  double draw_length(Kind kind, double mean_s);
  void refresh_next_change();
  FaultChange update_breaker(std::size_t k, double t);

  const FaultSettings* s_ = nullptr;
  std::array<core::Random, kKinds> rng_{};  ///< one stream per fault kind
  int n_ = 0;
  std::array<bool, kMaxFeeders> failed_{};
  std::array<double, kMaxFeeders> breaker_at_{};  ///< failure (working) or repair (failed) time
  std::array<double, kMaxFeeders> hung_kg_{};     ///< alumina piled on the crust at a failed breaker
  static constexpr double kNever = std::numeric_limits<double>::infinity();
  double collapse_at_ = kNever;
  bool poor_ = false;
  double poor_at_ = kNever;   ///< start (normal alumina) or end (poor) of a poor-alumina period
  bool spike_ = false;
  double spike_at_ = kNever;  ///< start (no spike) or removal (spike) of an anode spike
  double sludge_kg_ = 0.0, sludge_formed_kg_ = 0.0;
  double sludge_age_s_ = 0.0;  ///< time since the sludge last dissolved back
  double pickup_until_ = -1.0;
  double next_change_ = kNever;
};

}  // namespace potline::line
