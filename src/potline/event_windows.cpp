// Disturbance windows of a run and the metrics of each (docs/model/dynamics.md §6, "Event
// windows"): extremes of the bath temperature, superheat and ledge over all cells, the time the
// slowest cell needs to come back within 2 K of its pre-event temperature, and the anode effects
// during and after the window.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "line_internal.hpp"

namespace potline::line::detail {
namespace {
// Whether a cell's bath has left the ±2 K band around its pre-event temperature since the window
// started (its extremes so far). For a current step (a window of zero length) only a cell that has
// left can come back: before, a step counted as recovered at the step itself, 0 h, because the bath
// had not moved yet (cell-modulation reported 0.0 h while the superheat fell to 0.35 K). Windows
// with a duration keep the first time in the band after their end (normal operation moves the bath
// by a few kelvin a day, so "left the band" would catch that noise after a harmless feed stop).
bool left_band(const CellWindow& r) {
  return r.min_temperature_K < r.pre_temperature_K - kRecoveryBand_K ||
         r.max_temperature_K > r.pre_temperature_K + kRecoveryBand_K;
}

// End of a window for one cell: a feed stop the operators cleared at an anode effect ends at the
// clearing (the feeders deliver again from then on), so its recovery and its "after" count from
// there (trial 8, T8-7: a stop cleared after 30 min was reported as the scheduled 24 h).
double cell_end_s(const Window& w, const CellWindow& r) {
  return r.cleared_s >= 0.0 ? std::min(r.cleared_s, w.end_s) : w.end_s;
}

bool is_feed_stop(const Window& w) {
  return std::string_view(w.kind) == "feed_stop";
}
}  // namespace

std::vector<Window> disturbance_windows(const SimulationCase& c) {
  std::vector<Window> w;
  const CurrentSchedule& s = c.schedule;
  // Each window ends at the end of the run at the latest; planned_end_s keeps the end the case
  // asked for (the summary says the run cut it, trial 9 T9-6).
  const auto clipped = [&](const char* kind, double start_s, double end_s) {
    return Window{kind, start_s, std::min(end_s, c.duration_s), end_s};
  };
  if (s.has_outage())
    w.push_back(clipped("outage", s.outage_start_s(), s.outage_start_s() + s.outage_duration_s()));
  const control::ControllerSettings& cs = c.control;
  if (c.controller_enabled && cs.feed_stop_start_s >= 0.0 && cs.feed_stop_duration_s > 0.0) {
    for (double start = cs.feed_stop_start_s; start < c.duration_s && w.size() < kMaxWindows;
         start += cs.feed_stop_period_s) {
      w.push_back(clipped("feed_stop", start, start + cs.feed_stop_duration_s));
      if (!(cs.feed_stop_period_s > 0.0)) break;
    }
  }
  if (!s.is_power()) {
    // A step to zero current and the step back are one outage window [off, on] (an outage ladder
    // written as current steps, examples/outage-ladder.toml); any other step is a window of zero length.
    const std::vector<CurrentSchedule::Point>& points = s.points();
    for (std::size_t i = 0; i < points.size() && w.size() < kMaxWindows; ++i) {
      const CurrentSchedule::Point& p = points[i];
      if (!(p.time_s > 0.0 && p.time_s < c.duration_s)) continue;
      if (p.value == 0.0) {
        std::size_t on = i + 1;  // the step back (the points in between stay at zero)
        while (on < points.size() && points[on].value == 0.0) ++on;
        const bool back = on < points.size();
        w.push_back(back ? clipped("outage", p.time_s, points[on].time_s)
                         : Window{"outage", p.time_s, c.duration_s});
        i = on;  // the step back belongs to this window
        continue;
      }
      w.push_back({"current_step", p.time_s, p.time_s});
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
    const double end_s = cell_end_s(w, r);
    if (!r.started) {
      r.started = true;
      r.pre_temperature_K = temperature_K;
    }
    if (t <= end_s + kAfterWindow_s) {
      r.min_temperature_K = std::min(r.min_temperature_K, temperature_K);
      r.max_temperature_K = std::max(r.max_temperature_K, temperature_K);
      r.min_superheat_K = std::min(r.min_superheat_K, superheat_K);
      r.min_ledge_m = std::min(r.min_ledge_m, ledge_m);
      r.max_ledge_m = std::max(r.max_ledge_m, ledge_m);
    }
    if (t >= end_s && r.recovered_after_s < 0.0) {
      if (w.end_s == w.start_s && !left_band(r)) {
        // Never left the band within the window and the 24 h after: nothing to recover from.
        if (t > w.end_s + kAfterWindow_s) r.recovered_after_s = 0.0;
      } else if (std::fabs(temperature_K - r.pre_temperature_K) <= kRecoveryBand_K) {
        r.recovered_after_s = t - end_s;
      }
    }
  }
  // Close the leading windows this cell is done with (after-period over and recovered).
  while (run.first_open_window < windows.size()) {
    const std::size_t i = run.first_open_window;
    if (t <= cell_end_s(windows[i], run.windows[i]) + kAfterWindow_s || run.windows[i].recovered_after_s < 0.0) break;
    ++run.first_open_window;
  }
}

void count_window_ae(const std::vector<Window>& windows, CellRun& run, double t) {
  for (std::size_t i = 0; i < windows.size() && windows[i].start_s <= t; ++i) {
    const double end_s = cell_end_s(windows[i], run.windows[i]);
    if (t < end_s || (windows[i].end_s == windows[i].start_s && t == windows[i].start_s)) {
      ++run.windows[i].ae_during;
    } else if (t < end_s + kAfterWindow_s) {
      ++run.windows[i].ae_after;
    }
  }
}

void clear_feed_stop_windows(const std::vector<Window>& windows, CellRun& run, double t) {
  for (std::size_t i = 0; i < windows.size() && windows[i].start_s <= t; ++i) {
    CellWindow& r = run.windows[i];
    if (is_feed_stop(windows[i]) && t < windows[i].end_s && r.cleared_s < 0.0) r.cleared_s = t;
  }
}

std::vector<WindowMetrics> window_metrics(const std::vector<Window>& windows,
                                          const std::vector<Block>& blocks, double run_end_s) {
  std::vector<WindowMetrics> out;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    WindowMetrics m;
    m.kind = windows[i].kind;
    m.start_s = windows[i].start_s;
    m.scheduled_end_s = windows[i].end_s;
    m.planned_end_s = windows[i].planned_end_s;
    m.end_s = -1.0;  // the latest end over the cells the window applies to (a cleared stop ends early)
    m.min_temperature_K = m.min_superheat_K = m.min_ledge_m = 1e300;
    bool any = false;
    for (const Block& b : blocks) {
      for (const CellRun& run : b.runs) {
        const CellWindow& r = run.windows[i];
        if (!r.started) continue;
        any = true;
        if (r.cleared_s >= 0.0) ++m.cells_cleared;
        // A feed stop ends where its cells' stops end; cells it does not apply to (disturbance.cells)
        // do not hold it open.
        if (!is_feed_stop(windows[i]) || run.controller.feed_stop_applies()) {
          m.end_s = std::max(m.end_s, cell_end_s(windows[i], r));
        }
        m.min_temperature_K = std::min(m.min_temperature_K, r.min_temperature_K);
        m.max_temperature_K = std::max(m.max_temperature_K, r.max_temperature_K);
        m.min_superheat_K = std::min(m.min_superheat_K, r.min_superheat_K);
        m.min_ledge_m = std::min(m.min_ledge_m, r.min_ledge_m);
        m.max_ledge_m = std::max(m.max_ledge_m, r.max_ledge_m);
        const bool step = windows[i].end_s == windows[i].start_s;
        if (run.cut_out && r.recovered_after_s < 0.0) {
          // Cut out of the line before it recovered: its extremes up to then count, its recovery
          // does not (it will not recover; counted apart, so the others' recovery is reported).
          ++m.cells_cut_out;
        } else if (r.recovered_after_s < 0.0 && (!step || left_band(r))) {
          ++m.cells_not_recovered;
        } else {  // a step's cell that never left the band (the run ended within its 24 h after): 0
                  // h
          m.recovery_s = std::max(m.recovery_s, std::max(r.recovered_after_s, 0.0));
        }
        m.ae_during += r.ae_during;
        m.ae_after += r.ae_after;
      }
    }
    if (!any) continue;  // the run stopped before this window
    if (m.end_s < 0.0) m.end_s = m.scheduled_end_s;
    // The AEs "after" count over the 24 h after the end, or up to the end of the run.
    m.after_s = std::clamp(run_end_s - m.end_s, 0.0, kAfterWindow_s);
    m.after_cut = run_end_s < m.end_s + kAfterWindow_s;
    if (m.cells_not_recovered > 0) m.recovery_s = -1.0;
    out.push_back(m);
  }
  return out;
}

}  // namespace potline::line::detail
