// Point feeders and their seeded faults: see the header and docs/model/dynamics.md.
#include "potline/potline/feeders.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "potline/core/constants.hpp"

namespace potline::line {
namespace {
constexpr double kNever = std::numeric_limits<double>::infinity();
// Estimate: one point feeder per about 10 anodes (point-fed prebake cells of 300–600 kA carry
// 4–6 feeders), docs/model/dynamics.md "Feeders and faults".
constexpr int kAnodesPerFeeder = 10;
}  // namespace

int feeder_count(const FeederSettings& s, int anode_count) noexcept {
  if (s.feeders > 0) return std::min(s.feeders, kMaxFeeders);
  const int estimate = (anode_count + kAnodesPerFeeder / 2) / kAnodesPerFeeder;
  return std::clamp(estimate, 2, kMaxFeeders);
}

int zone_count(const FeederSettings& s, int feeders) noexcept {
  return s.zones > 0 ? std::min(s.zones, kMaxFeeders) : feeders;
}

FeederBank::FeederBank(const FeederSettings* settings, int feeders, std::uint64_t seed, std::uint64_t stream)
    : s_(settings), rng_(seed, stream), n_(std::clamp(feeders, 1, kMaxFeeders)) {
  for (int f = 0; f < n_; ++f) schedule_next(static_cast<std::size_t>(f), 0.0);
  refresh_next_change();
}

double FeederBank::delivery(int f) const {
  switch (fault_[static_cast<std::size_t>(f)]) {
    case FeederFault::kNone: return 1.0;
    case FeederFault::kChoke: return 0.0;
    case FeederFault::kPartial: return s_->partial_delivery;
  }
  return 1.0;
}

void FeederBank::schedule_next(std::size_t f, double t) {
  // Poisson process per feeder: exponential waiting time at the summed rate, the kind in
  // proportion to the two rates (one uniform for the time, one for the kind, in this order).
  const double rate_per_s = (s_->choke_rate_per_day + s_->partial_rate_per_day) / constants::kSecondsPerDay;
  if (!(rate_per_s > 0.0)) {
    change_at_[f] = kNever;
    pending_[f] = FeederFault::kNone;
    return;
  }
  const double wait = core::quantile(core::Exponential{1.0 / rate_per_s}, rng_.uniform_positive());
  const double choke_share = s_->choke_rate_per_day / (s_->choke_rate_per_day + s_->partial_rate_per_day);
  pending_[f] = rng_.uniform() < choke_share ? FeederFault::kChoke : FeederFault::kPartial;
  change_at_[f] = t + wait;
}

void FeederBank::refresh_next_change() {
  next_change_ = kNever;
  for (int f = 0; f < n_; ++f) next_change_ = std::min(next_change_, change_at_[static_cast<std::size_t>(f)]);
}

FeederChange FeederBank::update(double t) {
  FeederChange change;
  for (int f = 0; f < n_; ++f) {
    const auto k = static_cast<std::size_t>(f);
    if (change_at_[k] > t) continue;
    change.feeder = f;
    if (fault_[k] == FeederFault::kNone) {
      // A fault starts; it lasts until the operators clear it (lognormal duration).
      fault_[k] = pending_[k];
      change.fault = fault_[k];
      ++started_;
      const double mean = fault_[k] == FeederFault::kChoke ? s_->choke_mean_s : s_->partial_mean_s;
      change_at_[k] = t + core::from_standard_normal(core::lognormal_from_mean_cv(mean, s_->duration_cv), rng_.normal());
    } else {
      fault_[k] = FeederFault::kNone;
      change.fault = FeederFault::kNone;
      schedule_next(k, t);
    }
    break;
  }
  refresh_next_change();
  return change;
}

int FeederBank::clear_all(double t) {
  int cleared = 0;
  for (int f = 0; f < n_; ++f) {
    const auto k = static_cast<std::size_t>(f);
    if (fault_[k] == FeederFault::kNone) continue;
    fault_[k] = FeederFault::kNone;
    schedule_next(k, t);
    ++cleared;
  }
  refresh_next_change();
  return cleared;
}

}  // namespace potline::line
