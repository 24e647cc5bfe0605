// Process faults beyond the feeders: see the header and docs/model/faults.md.
#include "potline/potline/faults.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::line {

const char* to_string(AeCause cause) noexcept {
  switch (cause) {
    case AeCause::kFeedStop: return "feed_stop";
    case AeCause::kFeeder: return "feeder";
    case AeCause::kCrustBreaker: return "crust_breaker";
    case AeCause::kPoorAlumina: return "poor_alumina";
    case AeCause::kAnodeChange: return "anode_change";
    case AeCause::kSludge: return "sludge";
    case AeCause::kControl: return "control";
  }
  return "control";
}

void add_fault_counts(FaultCounts& line, const FaultCounts& cell) noexcept {
  line.breaker_failures += cell.breaker_failures;
  line.crust_collapses += cell.crust_collapses;
  line.poor_alumina_periods += cell.poor_alumina_periods;
  line.anode_spikes += cell.anode_spikes;
  for (std::size_t i = 0; i < kAeCauses; ++i) {
    line.ae_count[i] += cell.ae_count[i];
    line.ae_seconds[i] += cell.ae_seconds[i];
  }
  line.sludge_formed_kg += cell.sludge_formed_kg;
  line.sludge_final_kg += cell.sludge_final_kg;
}

ProcessFaults::ProcessFaults(const FaultSettings* settings, int feeders, std::uint64_t seed, std::uint64_t stream)
    : s_(settings), n_(std::clamp(feeders, 1, kMaxFeeders)) {
  for (std::size_t k = 0; k < kKinds; ++k) rng_[k] = core::Random(seed, stream + k * kKindStreamStride);
  // Each kind draws from its own stream in a fixed order (breakers in feeder order), so a cell's
  // events depend only on the seed and its streams.
  for (int f = 0; f < n_; ++f) breaker_at_[static_cast<std::size_t>(f)] = draw_wait(kBreaker, s_->breaker_rate_per_day);
  collapse_at_ = draw_wait(kCollapse, s_->collapse_rate_per_day);
  poor_at_ = draw_wait(kPoor, s_->poor_alumina_rate_per_day);
  spike_at_ = draw_wait(kSpike, s_->spike_rate_per_day);
  refresh_next_change();
}

double ProcessFaults::draw_wait(Kind kind, double rate_per_day) {
  if (!(rate_per_day > 0.0)) return kNever;
  return core::quantile(core::Exponential{constants::kSecondsPerDay / rate_per_day}, rng_[kind].uniform_positive());
}

double ProcessFaults::draw_length(Kind kind, double mean_s) {
  return core::from_standard_normal(core::lognormal_from_mean_cv(mean_s, s_->duration_cv), rng_[kind].normal());
}

void ProcessFaults::refresh_next_change() {
  next_change_ = std::min({collapse_at_, poor_at_, spike_at_});
  for (int f = 0; f < n_; ++f) next_change_ = std::min(next_change_, breaker_at_[static_cast<std::size_t>(f)]);
}

FaultChange ProcessFaults::update_breaker(std::size_t k, double t) {
  FaultChange change;
  change.feeder = static_cast<int>(k);
  if (!failed_[k]) {
    failed_[k] = true;
    change.event = FaultEvent::kBreakerFailed;
    breaker_at_[k] = t + draw_length(kBreaker, s_->breaker_mean_s);
  } else {
    // The pile on the crust falls in when the hole is opened again and sinks under the metal.
    failed_[k] = false;
    change.event = FaultEvent::kBreakerRepaired;
    change.sludge_kg = hung_kg_[k];
    hung_kg_[k] = 0.0;
    breaker_at_[k] = t + draw_wait(kBreaker, s_->breaker_rate_per_day);
  }
  return change;
}

FaultChange ProcessFaults::repair_breaker(int f, double t) {
  const auto k = static_cast<std::size_t>(f);
  if (!failed_[k]) return {};
  const FaultChange change = update_breaker(k, t);
  sludge_kg_ += change.sludge_kg;
  sludge_formed_kg_ += change.sludge_kg;
  refresh_next_change();
  return change;
}

FaultChange ProcessFaults::update(double t) {
  FaultChange change;
  for (int f = 0; f < n_; ++f) {
    const auto k = static_cast<std::size_t>(f);
    if (breaker_at_[k] > t) continue;
    change = update_breaker(k, t);
    break;
  }
  if (change.event != FaultEvent::kNone) {
    // done: one event per call
  } else if (collapse_at_ <= t) {
    change.event = FaultEvent::kCrustCollapse;
    change.sludge_kg = s_->collapse_mass_kg;
    collapse_at_ = t + draw_wait(kCollapse, s_->collapse_rate_per_day);
  } else if (poor_at_ <= t) {
    poor_ = !poor_;
    change.event = poor_ ? FaultEvent::kPoorAluminaStart : FaultEvent::kPoorAluminaEnd;
    poor_at_ = t + (poor_ ? draw_length(kPoor, s_->poor_alumina_mean_s)
                          : draw_wait(kPoor, s_->poor_alumina_rate_per_day));
  } else if (spike_at_ <= t) {
    spike_ = !spike_;
    change.event = spike_ ? FaultEvent::kSpikeStart : FaultEvent::kSpikeEnd;
    spike_at_ = t + (spike_ ? draw_length(kSpike, s_->spike_mean_s) : draw_wait(kSpike, s_->spike_rate_per_day));
  }
  sludge_kg_ += change.sludge_kg;
  sludge_formed_kg_ += change.sludge_kg;
  refresh_next_change();
  return change;
}

double ProcessFaults::deliver(int f, double shot_kg) {
  const auto k = static_cast<std::size_t>(f);
  if (s_ == nullptr || !failed_[k]) return shot_kg;
  hung_kg_[k] = std::min(hung_kg_[k] + shot_kg, s_->breaker_pile_max_kg);
  return 0.0;
}

bool ProcessFaults::any_breaker_failed() const {
  return std::any_of(failed_.begin(), failed_.begin() + n_, [](bool failed) { return failed; });
}

double ProcessFaults::shunt_fraction(int anodes) const {
  if (!spike_ || anodes < 1) return 0.0;
  return std::min(s_->spike_anode_shares / anodes, 0.5);
}

double ProcessFaults::spike_voltage_V(double path_V, int anodes) const {
  return -shunt_fraction(anodes) * std::max(path_V - kBackEmf_V, 0.0);
}

double ProcessFaults::dissolve_sludge(double dt_s) {
  if (!(sludge_kg_ > 0.0)) return 0.0;
  const double dissolved = sludge_kg_ * -std::expm1(-dt_s / s_->sludge_dissolution_s);
  sludge_kg_ -= dissolved;
  return dissolved;
}

double ProcessFaults::dissolve_sludge_after_step(double h_s) {
  if (!(sludge_kg_ > 0.0)) {
    sludge_age_s_ = 0.0;
    return 0.0;
  }
  sludge_age_s_ += h_s;
  if (sludge_age_s_ < kSludgeInterval_s) return 0.0;
  const double dt = sludge_age_s_;
  sludge_age_s_ = 0.0;
  return dissolve_sludge(dt);
}

double ProcessFaults::sludge_voltage_V(double cathode_drop_V, double cathode_area_m2) const {
  if (!(sludge_kg_ > 0.0) || !(cathode_area_m2 > 0.0)) return 0.0;
  // At most 90 % of the cathode covered: a numerical bound (not a plant figure) that keeps the
  // cathode drop, scaled by area/(area − covered), finite (at most 10 times).
  const double covered = std::min(sludge_kg_ / s_->sludge_areal_mass_kg_per_m2, 0.9 * cathode_area_m2);
  return cathode_drop_V * covered / (cathode_area_m2 - covered);
}

double ProcessFaults::pickup_onset_wt(double critical_wt, int anodes) {
  const double share = static_cast<double>(anodes) / (anodes - 1);
  const double root = 0.04 + share * (std::sqrt(std::max(critical_wt, 0.0) / 100.0) - 0.04);
  return 100.0 * root * root;
}

AeCause ProcessFaults::cause_at(double t, bool feed_stop, bool feeder_fault) const {
  if (feed_stop) return AeCause::kFeedStop;
  if (feeder_fault) return AeCause::kFeeder;
  if (any_breaker_failed()) return AeCause::kCrustBreaker;
  if (poor_) return AeCause::kPoorAlumina;
  if (picking_up(t)) return AeCause::kAnodeChange;
  // Sludge counts while it holds at least a shot's worth of alumina (about 2 kg).
  if (sludge_kg_ > 2.0) return AeCause::kSludge;
  return AeCause::kControl;
}

}  // namespace potline::line
