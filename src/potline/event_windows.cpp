// Disturbance windows of a run and the metrics of each (docs/model/dynamics.md §6, "Event
// windows"): extremes of the bath temperature, superheat and ledge over all cells, the time the
// slowest cell needs to come back within 2 K of its pre-event temperature, and the anode effects
// during and after the window.
#include <algorithm>
#include <cmath>

#include "line_internal.hpp"

namespace potline::line::detail {

std::vector<Window> disturbance_windows(const SimulationCase& c) {
  std::vector<Window> w;
  const CurrentSchedule& s = c.schedule;
  if (s.has_outage()) w.push_back({"outage", s.outage_start_s(), s.outage_start_s() + s.outage_duration_s()});
  const control::ControllerSettings& cs = c.control;
  if (c.controller_enabled && cs.feed_stop_start_s >= 0.0 && cs.feed_stop_duration_s > 0.0) {
    for (double start = cs.feed_stop_start_s; start < c.duration_s && w.size() < kMaxWindows;
         start += cs.feed_stop_period_s) {
      w.push_back({"feed_stop", start, std::min(start + cs.feed_stop_duration_s, c.duration_s)});
      if (!(cs.feed_stop_period_s > 0.0)) break;
    }
  }
  if (!s.is_power()) {
    for (const CurrentSchedule::Point& p : s.points()) {
      if (w.size() >= kMaxWindows) break;
      if (p.time_s > 0.0 && p.time_s < c.duration_s) w.push_back({"current_step", p.time_s, p.time_s});
    }
  }
  std::stable_sort(w.begin(), w.end(), [](const Window& a, const Window& b) { return a.start_s < b.start_s; });
  return w;
}

void track_windows(const std::vector<Window>& windows, CellRun& run, double t, double temperature_K,
                   double superheat_K, double ledge_m) {
  for (std::size_t i = run.first_open_window; i < windows.size() && windows[i].start_s <= t; ++i) {
    const Window& w = windows[i];
    CellWindow& r = run.windows[i];
    if (!r.started) {
      r.started = true;
      r.pre_temperature_K = temperature_K;
    }
    if (t <= w.end_s + kAfterWindow_s) {
      r.min_temperature_K = std::min(r.min_temperature_K, temperature_K);
      r.max_temperature_K = std::max(r.max_temperature_K, temperature_K);
      r.min_superheat_K = std::min(r.min_superheat_K, superheat_K);
      r.min_ledge_m = std::min(r.min_ledge_m, ledge_m);
      r.max_ledge_m = std::max(r.max_ledge_m, ledge_m);
    }
    if (t >= w.end_s && r.recovered_after_s < 0.0 && std::fabs(temperature_K - r.pre_temperature_K) <= kRecoveryBand_K) {
      r.recovered_after_s = t - w.end_s;
    }
  }
  // Close the leading windows this cell is done with (after-period over and recovered).
  while (run.first_open_window < windows.size()) {
    const std::size_t i = run.first_open_window;
    if (t <= windows[i].end_s + kAfterWindow_s || run.windows[i].recovered_after_s < 0.0) break;
    ++run.first_open_window;
  }
}

void count_window_ae(const std::vector<Window>& windows, CellRun& run, double t) {
  for (std::size_t i = 0; i < windows.size() && windows[i].start_s <= t; ++i) {
    if (t < windows[i].end_s || (windows[i].end_s == windows[i].start_s && t == windows[i].start_s)) {
      ++run.windows[i].ae_during;
    } else if (t < windows[i].end_s + kAfterWindow_s) {
      ++run.windows[i].ae_after;
    }
  }
}

std::vector<WindowMetrics> window_metrics(const std::vector<Window>& windows, const std::vector<Block>& blocks) {
  std::vector<WindowMetrics> out;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    WindowMetrics m;
    m.kind = windows[i].kind;
    m.start_s = windows[i].start_s;
    m.end_s = windows[i].end_s;
    m.min_temperature_K = m.min_superheat_K = m.min_ledge_m = 1e300;
    bool any = false;
    for (const Block& b : blocks) {
      for (const CellRun& run : b.runs) {
        const CellWindow& r = run.windows[i];
        if (!r.started) continue;
        any = true;
        m.min_temperature_K = std::min(m.min_temperature_K, r.min_temperature_K);
        m.max_temperature_K = std::max(m.max_temperature_K, r.max_temperature_K);
        m.min_superheat_K = std::min(m.min_superheat_K, r.min_superheat_K);
        m.min_ledge_m = std::min(m.min_ledge_m, r.min_ledge_m);
        m.max_ledge_m = std::max(m.max_ledge_m, r.max_ledge_m);
        if (r.recovered_after_s < 0.0) {
          ++m.cells_not_recovered;
        } else {
          m.recovery_s = std::max(m.recovery_s, r.recovered_after_s);
        }
        m.ae_during += r.ae_during;
        m.ae_after += r.ae_after;
      }
    }
    if (!any) continue;  // the run stopped before this window
    if (m.cells_not_recovered > 0) m.recovery_s = -1.0;
    out.push_back(m);
  }
  return out;
}

}  // namespace potline::line::detail
