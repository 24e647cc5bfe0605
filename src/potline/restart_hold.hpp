// potline.restart_after_outage = "after_shorting" (docs/model/dynamics.md §7, "Restart after an
// outage"): at a scheduled return of the line current with a dead pot in the series not yet
// shorted by the crew, the line stays off until the last such pot is shorted.
#pragma once

#include <vector>

#include "line_internal.hpp"

namespace potline::line::detail {

class RestartHold {
 public:
  /// The steps (of length h) at which the schedule turns the line on again after it was off
  /// (the end of potline.outage_*, a current step or CSV row from off to on, a power row from 0).
  RestartHold(const SimulationCase& c, double h);
  /// At the start of step `done`: starts, extends or ends a hold; a hold that ends logs a line
  /// event restart_held (value: hours held) to `events`.
  void update(long done, const std::vector<Block>& blocks, std::vector<Event>& events);
  /// The next step after `done` at which update must run (a scheduled restart or a hold's end);
  /// a large number when none is left.
  long next_stop(long done) const;
  /// The line is held off before this time [s] (< 0: no hold so far).
  double off_until_s() const { return off_until_s_; }
  /// Time the restarts waited, over the run so far, including a hold still running at `t` [s].
  double held_s(double t) const { return held_s_ + (holding_ ? t - hold_start_s_ : 0.0); }
  int holds() const { return holds_; }

 private:
  const SimulationCase& c_;
  double h_;
  bool enabled_;
  std::vector<long> restart_steps_;  ///< ascending
  bool holding_ = false;
  double hold_start_s_ = 0.0, off_until_s_ = -1.0, held_s_ = 0.0;
  int holds_ = 0;
};

}  // namespace potline::line::detail
