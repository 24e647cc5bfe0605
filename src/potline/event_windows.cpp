// Disturbance windows of a run and the metrics of each (docs/model/dynamics.md §6, "Event
// windows"): extremes of the bath temperature, superheat and ledge over all cells, the time the
// slowest cell needs to come back within 2 K of its pre-event temperature (both as averages over
// one feed cycle, held for a dwell), and the anode effects during and after the window.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "line_internal.hpp"

namespace potline::line::detail {
namespace {
/// The bins of the feed-cycle average are about this long (a whole number of steps) [s].
constexpr double kRecoveryBinTarget_s = 300.0;
/// Bounds of the averaging length (a controller without a feed cycle of its own, odd settings) [s].
constexpr double kMinRecoveryAverage_s = 3600.0, kMaxRecoveryAverage_s = 12.0 * 3600.0;
/// Back in the band, the feed-cycle averages must stay there this long [s].
constexpr double kRecoveryDwell_s = 1800.0;

// End of a window for one cell: a feed stop the operators cleared at an anode effect ends at the
// clearing (the feeders deliver again from then on), so its recovery and its "after" count from
// there (trial 8, T8-7: a stop cleared after 30 min was reported as the scheduled 24 h).
double cell_end_s(const Window& w, const CellWindow& r) {
  return r.cleared_s >= 0.0 ? std::min(r.cleared_s, w.end_s) : w.end_s;
}

bool is_feed_stop(const Window& w) {
  return std::string_view(w.kind) == "feed_stop";
}

// A per-cell disturbance's window is not followed on the cells it leaves alone.
bool followed(const Window& w, const CellRun& run) { return !w.upset_cells_only || run.upset_cell; }
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
  // The per-cell disturbances (cell_upsets.cpp), on their cells only (user trial T17-11).
  const CellUpsets& u = c.upsets;
  if (u.anode_problem_start_s >= 0.0 && u.anode_problem_start_s < c.duration_s && w.size() < kMaxWindows) {
    w.push_back(clipped("anode_problem", u.anode_problem_start_s, u.anode_problem_start_s + u.anode_problem_duration_s));
    w.back().upset_cells_only = true;
  }
  if (u.cover_loss_start_s >= 0.0 && u.cover_loss_start_s < c.duration_s && w.size() < kMaxWindows) {
    w.push_back(clipped("cover_loss", u.cover_loss_start_s, u.cover_loss_start_s + u.cover_loss_duration_s));
    w.back().upset_cells_only = true;
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

RecoverySettings recovery_settings(const control::ControllerSettings& cs, double step_s) {
  RecoverySettings r;
  const double h = step_s > 0.0 ? step_s : 1.0;
  r.bin_s = h * std::max(1.0, std::ceil(kRecoveryBinTarget_s / h - 1e-9));
  // One nominal tracking cycle: the overfeed gains (overfeed − 1) × nominal for its duration, the
  // underfeed loses (1 − underfeed) × nominal until the same amount is gone.
  double cycle_s = kMinRecoveryAverage_s;
  if (cs.underfeed_factor < 1.0 && cs.overfeed_factor > 1.0 && cs.overfeed_duration_s > 0.0) {
    cycle_s =
        cs.overfeed_duration_s * (1.0 + (cs.overfeed_factor - 1.0) / (1.0 - cs.underfeed_factor));
  }
  cycle_s = std::clamp(cycle_s, kMinRecoveryAverage_s, kMaxRecoveryAverage_s);
  r.bins = static_cast<std::size_t>(std::max(1.0, std::round(cycle_s / r.bin_s)));
  // The reference is the same average over the cycle before the start: a day's average was tried
  // and followed the cell's own day-scale wander (the outage ladder's 2 h outage read 104.8 h after
  // a day 4 K above the operating point).
  r.reference_bins = r.bins;
  r.dwell_s = kRecoveryDwell_s;
  return r;
}

namespace {
// Mean of the last n complete bins of the filter (n at most those completed and the ring's size).
double last_bins_mean_K(const RecoveryFilter& f, std::size_t n) {
  const std::size_t size = f.sum_Ks.size();
  n = std::min({n, f.complete, size});
  double sum = 0.0, weight = 0.0;
  for (std::size_t k = 1; k <= n; ++k) {
    const std::size_t i = (f.complete - k) % size;
    sum += f.sum_Ks[i];
    weight += f.weight_s[i];
  }
  return weight > 0.0 ? sum / weight : 0.0;
}

// Max − min of the instantaneous temperature over the last n complete bins (0 without any).
double last_bins_swing_K(const RecoveryFilter& f, std::size_t n) {
  const std::size_t size = f.sum_Ks.size();
  n = std::min({n, f.complete, size});
  double lo = 1e300, hi = -1e300;
  for (std::size_t k = 1; k <= n; ++k) {
    lo = std::min(lo, f.min_K[(f.complete - k) % size]);
    hi = std::max(hi, f.max_K[(f.complete - k) % size]);
  }
  return n > 0 ? hi - lo : 0.0;
}

// Adds the step (t − h, t] at bath temperature T to the cell's filter. When the step opens a new
// bin the previous bin is complete: returns true with the average over the last complete bins (up
// to rs.bins) and the centre of the span it covers, and updates the reference average
// (rs.reference_bins).
bool filter_step(RecoveryFilter& f, const RecoverySettings& rs, double t, double h, double T,
                 double& mean_K, double& centre_s) {
  const long bin = std::lround(std::ceil(t / rs.bin_s - 1e-9)) - 1;
  bool complete = false;
  if (f.bin >= 0 && bin > f.bin && f.open_weight_s > 0.0) {
    const std::size_t size = std::max(rs.bins, rs.reference_bins);
    if (f.sum_Ks.size() != size) {
      f.sum_Ks.assign(size, 0.0);
      f.weight_s.assign(size, 0.0);
      f.min_K.assign(size, 0.0);
      f.max_K.assign(size, 0.0);
    }
    f.sum_Ks[f.complete % size] = f.open_sum_Ks;
    f.weight_s[f.complete % size] = f.open_weight_s;
    f.min_K[f.complete % size] = f.open_min_K;
    f.max_K[f.complete % size] = f.open_max_K;
    ++f.complete;
    const std::size_t used = std::min(f.complete, rs.bins);
    mean_K = last_bins_mean_K(f, used);
    f.last_reference_K = last_bins_mean_K(f, rs.reference_bins);
    centre_s = (static_cast<double>(f.bin) + 1.0 - 0.5 * static_cast<double>(used)) * rs.bin_s;
    complete = true;
    f.open_sum_Ks = f.open_weight_s = 0.0;
    f.open_min_K = 1e300;
    f.open_max_K = -1e300;
  }
  if (bin > f.bin) f.bin = bin;
  f.open_sum_Ks += T * h;
  f.open_weight_s += h;
  f.open_min_K = std::min(f.open_min_K, T);
  f.open_max_K = std::max(f.open_max_K, T);
  return complete;
}

// One feed-cycle average (centred at centre_s) judged for window w of a cell. An average out of the
// band marks the cell as having left it and ends any run in the band; from the end of the window
// on, a run of averages in the band that lasts the dwell is its recovery, counted to the run's
// first centre. For a current step (a window of zero length) only a cell whose average has left the
// band can come back: 0 h when it stayed in it over the 24 h after the step (before 2026-12-05 a
// step counted as recovered at the step itself, cell-modulation 0.0 h while the superheat fell to
// 0.35 K).
void judge_average(const Window& w, const RecoverySettings& rs, CellWindow& r, double end_s,
                   double centre_s, double mean_K) {
  if (r.recovered_after_s >= 0.0 || centre_s < w.start_s) return;
  if (std::fabs(mean_K - r.pre_mean_K) > kRecoveryBand_K) {
    r.filtered_left = true;
    r.in_band_since_s = -1.0;
    return;
  }
  if (centre_s < end_s) return;
  if (w.end_s == w.start_s && !r.filtered_left) {
    if (centre_s > w.end_s + kAfterWindow_s) r.recovered_after_s = 0.0;
    return;
  }
  if (r.in_band_since_s < 0.0) r.in_band_since_s = centre_s;
  if (centre_s - r.in_band_since_s >= rs.dwell_s - 1e-6)
    r.recovered_after_s = r.in_band_since_s - end_s;
}
}  // namespace

void track_windows(const std::vector<Window>& windows, const RecoverySettings& rs, CellRun& run,
                   double t, double h, double temperature_K, double superheat_K, double ledge_m) {
  double mean_K = 0.0, centre_s = 0.0;
  const bool averaged = filter_step(run.recovery_filter, rs, t, h, temperature_K, mean_K, centre_s);
  for (std::size_t i = run.first_open_window; i < windows.size() && windows[i].start_s <= t; ++i) {
    const Window& w = windows[i];
    if (!followed(w, run)) continue;
    CellWindow& r = run.windows[i];
    const double end_s = cell_end_s(w, r);
    if (!r.started) {
      r.started = true;
      const RecoveryFilter& f = run.recovery_filter;
      r.pre_mean_K = f.complete > 0 ? f.last_reference_K : temperature_K;
      r.pre_swing_K = last_bins_swing_K(f, rs.reference_bins);
    }
    if (t <= end_s + kAfterWindow_s) {
      r.min_temperature_K = std::min(r.min_temperature_K, temperature_K);
      r.max_temperature_K = std::max(r.max_temperature_K, temperature_K);
      r.min_superheat_K = std::min(r.min_superheat_K, superheat_K);
      r.min_ledge_m = std::min(r.min_ledge_m, ledge_m);
      r.max_ledge_m = std::max(r.max_ledge_m, ledge_m);
    }
    if (averaged) judge_average(w, rs, r, end_s, centre_s, mean_K);
  }
  // Close the leading windows this cell is done with (after-period over and recovered).
  while (run.first_open_window < windows.size()) {
    const std::size_t i = run.first_open_window;
    if (!followed(windows[i], run)) {
      ++run.first_open_window;
      continue;
    }
    if (t <= cell_end_s(windows[i], run.windows[i]) + kAfterWindow_s || run.windows[i].recovered_after_s < 0.0) break;
    ++run.first_open_window;
  }
}

void count_window_ae(const std::vector<Window>& windows, CellRun& run, double t) {
  for (std::size_t i = 0; i < windows.size() && windows[i].start_s <= t; ++i) {
    if (!followed(windows[i], run)) continue;
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
                                          const RecoverySettings& rs,
                                          const std::vector<Block>& blocks, double run_end_s) {
  std::vector<WindowMetrics> out;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    WindowMetrics m;
    m.kind = windows[i].kind;
    m.start_s = windows[i].start_s;
    m.scheduled_end_s = windows[i].end_s;
    m.planned_end_s = windows[i].planned_end_s;
    m.recovery_average_s = rs.average_s();
    m.recovery_dwell_s = rs.dwell_s;
    m.end_s = -1.0;  // the latest end over the cells the window applies to (a cleared stop ends early)
    m.min_temperature_K = m.min_superheat_K = m.min_ledge_m = 1e300;
    bool any = false;
    for (const Block& b : blocks) {
      for (const CellRun& run : b.runs) {
        const CellWindow& r = run.windows[i];
        if (!r.started) continue;
        any = true;
        ++m.cells;
        if (r.cleared_s >= 0.0) ++m.cells_cleared;
        // A feed stop ends where its cells' stops end; cells it does not apply to (disturbance.cells)
        // do not hold it open.
        if (!is_feed_stop(windows[i]) || run.controller.feed_stop_applies()) {
          m.end_s = std::max(m.end_s, cell_end_s(windows[i], r));
        }
        m.pre_swing_K = std::max(m.pre_swing_K, r.pre_swing_K);
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
        } else if (r.recovered_after_s < 0.0 && (!step || r.filtered_left)) {
          ++m.cells_not_recovered;
        } else {  // a step's cell whose average never left the band (the run ended within its 24 h
                  // after): 0 h
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
