// Set-point changes in the dispatch MILP (docs/model/flexibility.md §3): the change flags, the
// per-day change counts (flex.max_changes_per_day), the dwell window (flex.min_dwell) and the
// change-count levels CBC branches on.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "dispatch_internal.hpp"

namespace potline::flex::detail {
namespace {

// The calendar day (UTC, days since 1970) of dispatch step k.
std::int64_t calendar_day(const HorizonPrices& p, std::size_t k) {
  return (p.start_unix_s + static_cast<std::int64_t>(static_cast<double>(k) * p.step_s)) / 86400;
}

// z[k] = 1 when u[k] differs from u[k−1] (u[−1] = 0, nominal): z[k] ≥ |Δu|/M, on w = u + o with stops.
void add_change_flag_rows(const FlexCase& c, const HorizonPrices& p, const Groups& g, const Columns& col, Milp& lp) {
  const std::size_t K = col.u.size();
  const double inf = kInfinity;
  // Big-M of the change flags: no step moves the power by more than the range, nor (when the ramp
  // group holds) by more than the ramp limit; the smaller M is a tighter LP relaxation (z_k ≥ |Δu|/M).
  double big = c.dispatch.max_power - c.dispatch.min_power;
  if (g.ramp) big = std::min(big, c.dispatch.ramp_per_s * p.step_s);
  big = std::max(1e-6, big + 1e-9);
  for (std::size_t k = 0; k < K; ++k) {
    std::vector<int> i = {col.u[k], col.z[k]};
    std::vector<double> up = {1.0, -big}, down = {-1.0, -big};
    if (k > 0) {
      i.push_back(col.u[k - 1]);
      up.push_back(-1.0), down.push_back(1.0);
    }
    if (col.stops()) {
      // A stop and a restart are changes of their own (z ≥ start + restart); the rows act on
      // w = u + o (0 while stopped), relaxed where a stop starts or ends by the running share's
      // largest distance from nominal less the M that z already gives.
      for (std::size_t j = (k > 0 ? k - 1 : k); j <= k; ++j) {
        const double sign = j == k ? 1.0 : -1.0;
        i.push_back(col.o[j]);
        up.push_back(sign), down.push_back(-sign);
      }
      const double lift = std::max(0.0, running_share_reach(c) - big);
      for (int j : {col.on[k], col.off[k]}) i.push_back(j), up.push_back(-lift), down.push_back(-lift);
      add_row(lp, 0.0, inf, {col.z[k], col.on[k], col.off[k]}, {1.0, -1.0, -1.0});
    }
    add_row(lp, -inf, 0.0, i, up);
    add_row(lp, -inf, 0.0, i, down);
  }
}

// At most flex.max_changes_per_day changes in each calendar day.
void add_day_count_rows(const FlexCase& c, const HorizonPrices& p, const Columns& col, Milp& lp) {
  if (c.dispatch.max_changes_per_day <= 0) return;
  const std::size_t K = col.z.size();
  std::vector<int> day_index;
  std::int64_t day = -1;
  for (std::size_t k = 0; k <= K; ++k) {
    const std::int64_t d = k < K ? calendar_day(p, k) : day + 1;
    if (d != day && !day_index.empty()) {
      add_row(lp, -kInfinity, c.dispatch.max_changes_per_day, day_index, std::vector<double>(day_index.size(), 1.0));
      day_index.clear();
    }
    day = d;
    if (k < K) day_index.push_back(col.z[k]);
  }
}

// Branching on how many changes come before a time of day. The relaxation of the changes is exact
// by itself (docs/performance.md); what CBC has to find is how the day's budget of changes is spread
// over the day, and a branch on one z[k] rarely tells it (the LP moves the change to a neighbouring
// step). So every kLevelEvery of each calendar day the count of changes since the day's start is
// written in unary: binaries t[r] = "at least r changes so far", r = 1..N, t[r] ≤ t[r−1], each at
// least as large as at the previous checkpoint, Σ_r t[r] = Σ z since the day's start. No schedule is
// added or removed (Σ z ≤ N holds anyway); they only give CBC that branch ("at least r changes
// before 06:00, or fewer"), and CBC's preprocessing keeps them where it substitutes a general
// integer count away. The ±25 % bench day: 3.5 % at the 10 s limit → proven within 0.5 % in 1.5 s.
void add_count_levels(const FlexCase& c, const HorizonPrices& p, Columns& col, Milp& lp) {
  constexpr double kLevelEvery_s = 6 * 3600.0;
  const int N = c.dispatch.max_changes_per_day;
  const std::size_t K = col.z.size();
  const auto every = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(kLevelEvery_s / p.step_s)));
  // One calendar day only: on the TRIMET-like week (7 days, hourly) the levels slowed CBC (9.2 %
  // against 1.5 % at the 10 s limit; with a 2 h dwell 0.53 % against 0.45 %; docs/performance.md).
  if (N <= 0 || every >= K || calendar_day(p, 0) != calendar_day(p, K - 1)) return;
  std::size_t day_start = 0;
  std::vector<int> previous;
  for (std::size_t k = 1; k < K; ++k) {
    if (calendar_day(p, k) != calendar_day(p, k - 1)) {  // a new calendar day: its own count
      day_start = k;
      previous.clear();
      continue;
    }
    if ((k - day_start) % every != 0) continue;
    std::vector<int> index(col.z.begin() + static_cast<std::ptrdiff_t>(day_start),
                           col.z.begin() + static_cast<std::ptrdiff_t>(k));
    std::vector<double> value(index.size(), 1.0);
    std::vector<int> level;
    for (int r = 1; r <= N; ++r) {
      level.push_back(lp.add_column(fmt::format("changes_by{}_at_least{}", k, r), 0.0, 1.0, 0.0, true));
      index.push_back(level.back()), value.push_back(-1.0);
      const auto i = static_cast<std::size_t>(r - 1);
      if (r > 1) add_row(lp, -kInfinity, 0.0, {level[i], level[i - 1]}, {1.0, -1.0});
      if (!previous.empty()) add_row(lp, -kInfinity, 0.0, {previous[i], level[i]}, {1.0, -1.0});
    }
    add_row(lp, 0.0, 0.0, index, value);
    col.count_levels.push_back({day_start, k, level});
    previous = level;
  }
}

}  // namespace

std::size_t dwell_steps(const FlexCase& c, double step_s) {
  return std::max<std::size_t>(1, whole_steps(c.dispatch.min_dwell_s, step_s, true));
}

bool changes_counted(const FlexCase& c, double step_s) {
  // flex.solver = "milp" keeps them: the case asked for CBC.
  return c.dispatch.max_changes_per_day > 0 || dwell_steps(c, step_s) >= 2 ||
         c.dispatch.change_penalty_eur > 0 || c.dispatch.solver == SolverChoice::kMilp;
}

// The change flags; then, when the count group holds, the per-day counts, the dwell window (at
// most one change in any min_dwell/Δt consecutive steps) and the count levels.
void add_change_rows(const FlexCase& c, const HorizonPrices& p, const Groups& g, Columns& col,
                     Milp& lp) {
  if (col.z.empty()) return;
  add_change_flag_rows(c, p, g, col, lp);
  if (!g.counts) return;
  add_day_count_rows(c, p, col, lp);
  const std::size_t K = col.z.size(), dwell = dwell_steps(c, p.step_s);
  for (std::size_t k = 0; dwell >= 2 && k + 1 < K; ++k) {
    const std::size_t end = std::min(K, k + dwell);
    std::vector<int> window(col.z.begin() + static_cast<std::ptrdiff_t>(k), col.z.begin() + static_cast<std::ptrdiff_t>(end));
    add_row(lp, -kInfinity, 1.0, window, std::vector<double>(window.size(), 1.0));
  }
  add_count_levels(c, p, col, lp);
}

}  // namespace potline::flex::detail
