// The line's restart after an outage waits until every dead pot in the series is shorted
// (potline.restart_after_outage = "after_shorting"; docs/model/dynamics.md §7, "Restart after an
// outage"). Off the hot path: the driver calls it at the scheduled restarts and a hold's end only.
#include "restart_hold.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace potline::line::detail {
namespace {
// The schedule has the line on at t (outages and holds aside for power: the power is above 0).
bool scheduled_on(const SimulationCase& c, double t) {
  const CurrentSchedule& s = c.schedule;
  if (s.in_outage(t)) return false;
  return s.is_power() ? s.power_at(t) > 0.0 : s.current_at(t) > kLineOnFraction * s.nominal_A();
}
}  // namespace

RestartHold::RestartHold(const SimulationCase& c, double h)
    : c_(c), h_(h), enabled_(c.restart_after_outage == RestartPractice::kAfterShorting) {
  if (!enabled_) return;
  const CurrentSchedule& s = c.schedule;
  std::vector<double> times;
  if (s.has_outage()) times.push_back(s.outage_start_s() + s.outage_duration_s());
  for (const CurrentSchedule::Point& p : s.points()) times.push_back(p.time_s);
  for (double t : times) {
    const long step = static_cast<long>(std::ceil(t / h - 1e-9));
    if (step <= 0) continue;
    // A restart: on at the step, off at the step before.
    if (scheduled_on(c, step * h) && !scheduled_on(c, (step - 1) * h))
      restart_steps_.push_back(step);
  }
  std::sort(restart_steps_.begin(), restart_steps_.end());
  restart_steps_.erase(std::unique(restart_steps_.begin(), restart_steps_.end()),
                       restart_steps_.end());
}

void RestartHold::update(long done, const std::vector<Block>& blocks, std::vector<Event>& events) {
  if (!enabled_) return;
  const double t = done * h_;
  if (!holding_ && !std::binary_search(restart_steps_.begin(), restart_steps_.end(), done)) return;
  if (holding_ && t < off_until_s_) return;
  double until = -1.0;  // the last shorting of a dead pot still in the series
  for (const Block& b : blocks) {
    for (const CellRun& r : b.runs) {
      if (r.cut_out && !r.shorted) until = std::max(until, r.cut.shorted_s);
    }
  }
  if (until > t && scheduled_on(c_, t)) {
    if (!holding_) hold_start_s_ = t;
    holding_ = true;
    off_until_s_ = until;
    return;
  }
  if (!holding_) return;
  holding_ = false;
  held_s_ += t - hold_start_s_;
  ++holds_;
  if (c_.events != EventDetail::kNone) {
    events.push_back({t, kLineEvent, EventKind::kRestartHeld, (t - hold_start_s_) / 3600.0});
  }
}

long RestartHold::next_stop(long done) const {
  long next = std::numeric_limits<long>::max();
  if (!enabled_) return next;
  const auto it = std::upper_bound(restart_steps_.begin(), restart_steps_.end(), done);
  if (it != restart_steps_.end()) next = *it;
  if (holding_)
    next =
        std::min(next, std::max(done + 1, static_cast<long>(std::ceil(off_until_s_ / h_ - 1e-9))));
  return next;
}

}  // namespace potline::line::detail
