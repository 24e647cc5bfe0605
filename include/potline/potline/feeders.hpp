#pragma once
// Point feeders of a cell and their faults (docs/model/dynamics.md, "Feeders and faults").
//
// The pot controller commands feed shots; it does not know which feeder works. Each shot is
// fired by the next feeder in turn and delivers `shot × delivery(feeder)` into that feeder's
// alumina zone (dynamics/alumina_zones.hpp). A feeder's delivery is 1 when it works, 0 when it
// is choked (bar stuck, hole crusted over) and `partial_delivery` when it is partly blocked.
// Faults come from two sources: scenario inputs (disturbance.feed_stop_*: all feeders or one)
// and seeded stochastic events, a Poisson process per feeder with a rate per feeder-day and a
// lognormal duration (until the operators clear it). An anode effect brings the operators to the
// pot: with `ae_clears_faults` every fault of that cell is cleared at AE detection. The rates are 0
// here; cases take them from `faults.profile` (potline/faults_profiles.hpp) unless a key sets them.
#include <array>
#include <cstdint>
#include <string>

#include "potline/core/random.hpp"

namespace potline::line {

inline constexpr int kMaxFeeders = 16;

/// Process faults beyond the feeders (potline/faults.hpp; docs/model/faults.md). Every rate is 0
/// (off) here; a case takes its rates from `faults.profile` (potline/faults_profiles.hpp: one row
/// per technology class, calibrated to a published anode-effect range) unless a key sets them.
struct FaultSettings {
  std::string profile = "none";              ///< the fault profile in force (resolved; reported)
  double breaker_rate_per_day = 0.0;         ///< crust-breaker failures per feeder-day
  double breaker_mean_s = 8 * 3600.0;        ///< mean time until a failed breaker is repaired
  double breaker_pile_max_kg = 30.0;         ///< pile on the crust that blocks the feeder outlet
  double collapse_rate_per_day = 0.0;        ///< crust collapses per cell-day
  double collapse_mass_kg = 50.0;            ///< alumina in a collapsed crust piece
  double poor_alumina_rate_per_day = 0.0;    ///< poor-alumina periods per cell-day
  double poor_alumina_mean_s = 2 * 86400.0;  ///< mean length of a poor-alumina period
  double poor_alumina_dissolution = 0.5;     ///< share of the immediate dissolution left
  double spike_rate_per_day = 0.0;           ///< anode spikes per cell-day
  double spike_mean_s = 12 * 3600.0;         ///< mean time until a spike is found and removed
  double spike_anode_shares = 1.0;           ///< spike current in shares of one anode's current
  double sludge_dissolution_s = 12 * 3600.0; ///< time constant of sludge dissolving back
  double sludge_areal_mass_kg_per_m2 = 50.0; ///< sludge mass per m² of cathode it covers
  double duration_cv = 1.0;                  ///< CV of repair times and periods (lognormal)
  double pickup_time_s = 0.0;                ///< current pick-up of a new anode (0: off)
};

struct FeederSettings {
  int feeders = 0;              ///< point feeders per cell; 0: estimate from the anode count
  int zones = 0;                ///< alumina zones; 0: one per feeder
  double mixing_time_s = 1800;  ///< exchange time of a zone with the rest of the bath
  // scenario (the window itself is control.feed_stop_*)
  int stop_feeder = 0;          ///< 0: a feed stop stops every feeder; k: feeder k only (1-based)
  double stop_delivery = 0.0;   ///< share of each shot a stopped feeder still delivers
  // seeded stochastic faults, per feeder
  double choke_rate_per_day = 0.0;    ///< choke (no delivery) events per feeder-day
  double choke_mean_s = 4 * 3600.0;   ///< mean time until a choke is cleared
  double partial_rate_per_day = 0.0;  ///< partial blockages per feeder-day
  double partial_mean_s = 8 * 3600.0; ///< mean time until a partial blockage is cleared
  double partial_delivery = 0.5;      ///< share of a shot a partly blocked feeder delivers
  double duration_cv = 1.0;           ///< coefficient of variation of fault durations (lognormal)
  bool ae_clears_faults = true;       ///< an anode effect brings the operators: faults cleared
  FaultSettings faults{};             ///< crust breakers, collapse, alumina quality, spikes, pick-up
};

/// Feeders of a cell with `anode_count` anodes: the setting, or when 0 the estimate of one
/// point feeder per 10 anodes, at least 2 (docs/model/dynamics.md).
int feeder_count(const FeederSettings& s, int anode_count) noexcept;
/// Zones: the setting, or one per feeder.
int zone_count(const FeederSettings& s, int feeders) noexcept;
/// Zone of feeder `feeder` (0-based) when `feeders` feeders serve `zones` zones evenly.
inline int zone_of_feeder(int feeder, int feeders, int zones) noexcept { return feeder * zones / feeders; }

enum class FeederFault : std::uint8_t { kNone, kChoke, kPartial };

/// What changed at one call of FeederBank::update.
struct FeederChange {
  int feeder = -1;  ///< 0-based; -1: nothing
  FeederFault fault = FeederFault::kNone;  ///< kNone: the fault of `feeder` was cleared
};

/// The feeders of one cell: rotation, fault states and the fault process (own random stream).
class FeederBank {
 public:
  FeederBank() = default;
  FeederBank(const FeederSettings* settings, int feeders, std::uint64_t seed, std::uint64_t stream);

  int size() const { return n_; }
  /// The feeder that fires the next shot (round robin).
  int next_feeder() {
    const int f = next_;
    next_ = (next_ + 1) % n_;
    return f;
  }
  /// Share of a shot feeder `f` delivers because of stochastic faults.
  double delivery(int f) const;
  FeederFault fault(int f) const { return fault_[static_cast<std::size_t>(f)]; }
  /// Time of the next start or end of a fault [s] (a single comparison per step).
  double next_change_s() const { return next_change_; }
  /// Starts or ends the first fault due at or before t; call while next_change_s() <= t.
  FeederChange update(double t);
  /// Clears every fault at t (operators at the pot); returns how many were cleared.
  int clear_all(double t);
  long faults_started() const { return started_; }

 private:
  void schedule_next(std::size_t f, double t);
  void refresh_next_change();

  const FeederSettings* s_ = nullptr;
  core::Random rng_;
  int n_ = 1;
  int next_ = 0;
  long started_ = 0;
  std::array<FeederFault, kMaxFeeders> fault_{};
  std::array<double, kMaxFeeders> change_at_{};  ///< fault start (none active) or end (active)
  std::array<FeederFault, kMaxFeeders> pending_{};  ///< kind of the next fault to start
  double next_change_ = 0;
};

}  // namespace potline::line
