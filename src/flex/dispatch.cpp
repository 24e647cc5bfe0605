// The dispatch LP/MILP (see dispatch.hpp; formulation in docs/model/flexibility.md §3).
#include "potline/flex/dispatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace potline::flex {
namespace {

// Which constraint groups the problem holds (dropped one at a time to name the binding group of
// an infeasible case).
struct Groups {
  bool production = true, heat = true, end = true, ramp = true, counts = true;
};

struct Columns {
  std::vector<int> u, m, x, z;  // power share − 1, production share − 1, ledge deviation, change flag
  std::vector<int> o, y;        // line stopped, the stop's ledge (flex.max_off; empty when it may not stop)
  std::vector<int> on, off;     // a stop starts / the line restarts at step k (0/1 whenever o is)
  CallLayout calls;             // interruptible capacity and its call scenarios ([grid])
};

// Range of the stop's ledge y (reduced_model.hpp): at most every step stopped, a geometric sum.
// Tight column bounds keep the big-M rows that involve the ledge tight.
std::pair<double, double> stop_ledge_range(const ReducedModel& m, std::size_t K) {
  const double sum = m.a_stop < 0.999 ? 1.0 / (1.0 - m.a_stop) : static_cast<double>(K);
  return {std::min(0.0, m.b_stop) * sum, std::max(0.0, m.b_stop) * sum};
}

// Largest |x| the ledge columns allow (with stops x alone may leave the bounds by y's range).
double ledge_column_reach(const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K) {
  if (!g.heat) return 1.0;
  const auto [ylo, yhi] = stop_ledge_range(m, K);
  return std::max(std::abs(h.ledge_min_m - m.ledge_ref_m - yhi), std::abs(h.ledge_max_m - m.ledge_ref_m - ylo));
}

// Steps the line may stay stopped in a row (flex.max_off in whole dispatch steps; 0: never).
std::size_t off_steps(const FlexCase& c, double step_s) {
  return static_cast<std::size_t>(std::floor(c.dispatch.max_off_s / step_s + 1e-9));
}

// Smallest and largest p·x + q·y over the polygon x ∈ [xlo, xhi], y ∈ [ylo, yhi], x + y ∈ [slo, shi]
// (a linear function's extremes over a polygon lie at its vertices, each where two of the six
// lines meet); {+inf, −inf} when the polygon is empty.
std::pair<double, double> extremes_over_state(double p, double q, double xlo, double xhi, double ylo, double yhi,
                                              double slo, double shi) {
  std::vector<std::pair<double, double>> vertices;
  for (double x : {xlo, xhi}) {
    for (double y : {ylo, yhi}) vertices.emplace_back(x, y);
    for (double s : {slo, shi}) vertices.emplace_back(x, s - x);
  }
  for (double y : {ylo, yhi}) {
    for (double s : {slo, shi}) vertices.emplace_back(s - y, y);
  }
  double least = 1e30, most = -1e30;
  const double tol = 1e-12;
  for (auto [x, y] : vertices) {
    if (x < xlo - tol || x > xhi + tol || y < ylo - tol || y > yhi + tol || x + y < slo - tol || x + y > shi + tol)
      continue;
    least = std::min(least, p * x + q * y);
    most = std::max(most, p * x + q * y);
  }
  return {least, most};
}

// Whether a stop may start at step k at all: a stop lasts at least n = min(D, K − k) steps (D the
// dwell window, add_stop_timing_rows), over which the ledge follows x ← a·x − b, y ← a_stop·y +
// b_stop from whatever state the bounds allow before it; if no such state keeps the ledge within
// its bounds (or, at the horizon's end, the end condition) through those n steps, no schedule
// stops there, and the start's column is fixed at 0. The MILP loses no schedule (the rows would
// forbid it anyway), but its LP relaxation no longer stops a fraction of an impossible stop.
bool stop_can_start(const FlexCase& c, const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K,
                    std::size_t k, std::size_t D, std::pair<double, double> x_range, std::pair<double, double> y_range) {
  if (!g.heat) return true;
  const double lmin = h.ledge_min_m - m.ledge_ref_m, lmax = h.ledge_max_m - m.ledge_ref_m;
  double rise = 0, frozen = 0, p = 1, q = 1;
  for (std::size_t j = 1; j <= D && k + j <= K; ++j) {
    rise = m.a * rise - m.b;
    frozen = m.a_stop * frozen + m.b_stop;
    p *= m.a;
    q *= m.a_stop;
    double lo = lmin, hi = lmax;
    if (k + j == K && g.end) {
      lo = std::max(lo, -c.dispatch.end_ledge_tolerance_m);
      hi = std::min(hi, c.dispatch.end_ledge_tolerance_m);
    }
    const auto [least, most] =
        k == 0 ? std::pair<double, double>{0.0, 0.0}
               : extremes_over_state(p, q, x_range.first, x_range.second, y_range.first, y_range.second, lmin, lmax);
    if (least + rise + frozen > hi + 1e-12 || most + rise + frozen < lo - 1e-12) return false;
  }
  return true;
}

// Steps of the dwell window (at most one set-point change in any D consecutive steps; 1: none).
std::size_t dwell_steps(const FlexCase& c, double step_s) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(c.dispatch.min_dwell_s / step_s - 1e-9)));
}

Columns add_columns(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                    const Groups& g, bool milp, Milp& lp) {
  const std::size_t K = p.price_eur_per_J.size();
  const double cells = c.cells, dt = p.step_s;
  const double lo = c.dispatch.min_power - 1.0, hi = c.dispatch.max_power - 1.0;
  const double metal_value = dt * m.nominal_production_kg_per_s * cells * net_metal_eur_per_kg(c);
  // A stopped line draws no power and makes no metal: u = m = −1 (rows in add_off_rows).
  const bool stops = milp && off_steps(c, dt) >= 1;
  Columns col;
  for (std::size_t k = 0; k < K; ++k) {
    const double power_cost = dt * p.price_eur_per_J[k] * grid_power_W(c, m);
    col.u.push_back(lp.add_column(fmt::format("u{}", k), stops ? -1.0 : lo, hi, -power_cost));
    col.m.push_back(lp.add_column(fmt::format("m{}", k), stops ? -1.0 : std::min(m.e_down * lo, 0.0),
                                  std::max(m.e_up * hi, 0.0), metal_value));
    // With stops the ledge is x + y: its bounds are rows (add_off_rows); x may leave them by y.
    const auto [ylo, yhi] = stops ? stop_ledge_range(m, K) : std::pair<double, double>{0.0, 0.0};
    double xlo = g.heat ? h.ledge_min_m - m.ledge_ref_m - yhi : -1.0;
    double xhi = g.heat ? h.ledge_max_m - m.ledge_ref_m - ylo : 1.0;
    if (k + 1 == K && g.end && !stops) {
      xlo = std::max(xlo, -c.dispatch.end_ledge_tolerance_m);
      xhi = std::min(xhi, c.dispatch.end_ledge_tolerance_m);
    }
    col.x.push_back(lp.add_column(fmt::format("x{}", k + 1), xlo, xhi, 0.0));
    if (milp) col.z.push_back(lp.add_column(fmt::format("z{}", k), 0.0, 1.0, -c.dispatch.change_penalty_eur, true));
    if (stops) {
      col.o.push_back(lp.add_column(fmt::format("o{}", k), 0.0, 1.0, 0.0, true));
      col.y.push_back(lp.add_column(fmt::format("y{}", k + 1), ylo, yhi, 0.0));
      const bool can_start =
          stop_can_start(c, m, h, g, K, k, dwell_steps(c, dt), {xlo, xhi}, {ylo, yhi});
      col.on.push_back(lp.add_column(fmt::format("start{}", k), 0.0, can_start ? 1.0 : 0.0, 0.0));
      col.off.push_back(lp.add_column(fmt::format("restart{}", k), 0.0, k == 0 ? 0.0 : 1.0, 0.0));
    }
  }
  return col;
}

void add_row(Milp& lp, double lower, double upper, std::vector<int> index, std::vector<double> value) {
  Milp::Row& r = lp.add_row(lower, upper);
  r.index = std::move(index);
  r.value = std::move(value);
}

// Production curve, heat-state recursion, superheat, ramp and the production target.
void add_physics_rows(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                      const Groups& g, const Columns& col, Milp& lp) {
  const std::size_t K = col.u.size();
  const double inf = 1e30, ramp = c.dispatch.ramp_per_s * p.step_s;
  const bool stops = !col.o.empty();
  // With stops, a row that must not bind during one gets −big·o on its bounded side (the
  // production curve gets its perspective form instead): the step-mean superheat (a stopped bath sits
  // near its liquidus: the window's running means, checked by the re-simulation, are what counts)
  // and the ramp (the rectifiers cut and restore the current at once).
  // Largest |Δ(u + o)| into or out of a stop: the running share's distance from nominal.
  const double big_jump = std::max(1.0 - c.dispatch.min_power, c.dispatch.max_power - 1.0) + 1e-9;
  for (std::size_t k = 0; k < K; ++k) {
    const auto with_stop = [&](std::vector<int> index, std::vector<double> value, double coefficient) {
      if (stops && coefficient != 0.0) {
        index.push_back(col.o[k]);
        value.push_back(coefficient);
      }
      return std::make_pair(index, value);
    };
    for (double e : {m.e_down, m.e_up}) {
      // Perspective form: m + 1 ≤ (1 − e)·(1 − o) + e·(u + 1); the same row as without stops when
      // running, m ≤ −1 when stopped, and the tightest linear bound in between (fractional stops
      // of the LP relaxation lose their metal at 1, not at e, per unit of power).
      auto [i, v] = with_stop({col.m[k], col.u[k]}, {1.0, -e}, 1.0 - e);
      add_row(lp, -inf, 0.0, i, v);
    }
    if (k == 0) add_row(lp, 0.0, 0.0, {col.x[0], col.u[0]}, {1.0, -m.b});
    else add_row(lp, 0.0, 0.0, {col.x[k], col.x[k - 1], col.u[k]}, {1.0, -m.a, -m.b});
    if (g.heat) {
      const double low = h.superheat_min_K - m.superheat_ref_K, high = h.superheat_max_K - m.superheat_ref_K;
      if (!stops) {
        add_row(lp, low, high, {col.u[k], col.x[k]}, {m.c, m.d});
      } else {
        // Big enough for any x the columns allow.
        const double swing =
            std::abs(m.c) + std::abs(m.c_stop) + std::abs(m.d) * ledge_column_reach(m, h, g, K) + std::abs(low);
        add_row(lp, -inf, high, {col.u[k], col.x[k], col.o[k]}, {m.c, m.d, m.c_stop});
        add_row(lp, low, inf, {col.u[k], col.x[k], col.o[k]}, {m.c, m.d, m.c_stop + swing});
      }
    }
    if (g.ramp) {
      std::vector<int> i = {col.u[k]};
      std::vector<double> v = {1.0};
      if (k > 0) {
        i.push_back(col.u[k - 1]);
        v.push_back(-1.0);
      }
      if (!stops) {
        add_row(lp, -ramp, ramp, i, v);
        continue;
      }
      // On w = u + o (0 while stopped): |Δw| ≤ ramp between running steps, ≤ big_jump where a stop
      // starts or ends; a far smaller big-M than one on u, whose jump to −1 is the whole power, and
      // one on the start and restart flags only (during a stop Δw = 0).
      std::vector<int> up = i, down = i;
      std::vector<double> vu = v, vd = v;
      for (std::size_t j = (k > 0 ? k - 1 : k); j <= k; ++j) {
        const double sign = j == k ? 1.0 : -1.0;
        up.push_back(col.o[j]), vu.push_back(sign);
        down.push_back(col.o[j]), vd.push_back(sign);
      }
      const double lift = std::max(0.0, big_jump - ramp);
      for (int j : {col.on[k], col.off[k]}) {
        up.push_back(j), vu.push_back(-lift);
        down.push_back(j), vd.push_back(lift);
      }
      add_row(lp, -inf, ramp, up, vu);
      add_row(lp, -ramp, inf, down, vd);
    }
  }
  if (g.production) {
    std::vector<double> ones(K, 1.0);
    add_row(lp, static_cast<double>(K) * (c.dispatch.production_target - 1.0), inf, col.m, ones);
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
void add_count_levels(const FlexCase& c, const HorizonPrices& p, const Columns& col, Milp& lp) {
  constexpr double kLevelEvery_s = 6 * 3600.0;
  const int N = c.dispatch.max_changes_per_day;
  const std::size_t K = col.z.size();
  const auto every = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(kLevelEvery_s / p.step_s)));
  const auto day_of = [&](std::size_t k) {
    return (p.start_unix_s + static_cast<std::int64_t>(static_cast<double>(k) * p.step_s)) / 86400;
  };
  // One calendar day only: on the TRIMET-like week (7 days, hourly) the levels slowed CBC (9.2 %
  // against 1.5 % at the 10 s limit; with a 2 h dwell 0.53 % against 0.45 %; docs/performance.md).
  if (N <= 0 || every >= K || day_of(0) != day_of(K - 1)) return;
  std::size_t day_start = 0;
  std::vector<int> previous;
  for (std::size_t k = 1; k < K; ++k) {
    if (day_of(k) != day_of(k - 1)) {  // a new calendar day: its own count
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
      if (r > 1) add_row(lp, -1e30, 0.0, {level[i], level[i - 1]}, {1.0, -1.0});
      if (!previous.empty()) add_row(lp, -1e30, 0.0, {previous[i], level[i]}, {1.0, -1.0});
    }
    add_row(lp, 0.0, 0.0, index, value);
    previous = level;
  }
}

// Set-point changes: z[k] = 1 when u[k] differs from u[k−1] (u[−1] = 0, nominal); per-day counts
// and the dwell window (at most one change in any min_dwell/Δt consecutive steps).
void add_change_rows(const FlexCase& c, const HorizonPrices& p, const Groups& g, const Columns& col, Milp& lp) {
  const std::size_t K = col.u.size();
  const double inf = 1e30;
  // Big-M of the change flags: no step moves the power by more than the range, nor (when the ramp
  // group holds) by more than the ramp limit; the smaller M is a tighter LP relaxation (z_k ≥ |Δu|/M).
  double big = c.dispatch.max_power - c.dispatch.min_power;
  if (g.ramp) big = std::min(big, c.dispatch.ramp_per_s * p.step_s);
  big = std::max(1e-6, big + 1e-9);
  const bool stops = !col.o.empty();
  for (std::size_t k = 0; k < K; ++k) {
    std::vector<int> i = {col.u[k], col.z[k]};
    std::vector<double> up = {1.0, -big}, down = {-1.0, -big};
    if (k > 0) {
      i.push_back(col.u[k - 1]);
      up.push_back(-1.0), down.push_back(1.0);
    }
    if (stops) {
      // A stop and a restart are changes of their own (z ≥ start + restart); the rows act on
      // w = u + o (0 while stopped), relaxed where a stop starts or ends by the running share's
      // largest distance from nominal less the M that z already gives.
      const double jump = std::max(1.0 - c.dispatch.min_power, c.dispatch.max_power - 1.0) + 1e-9;
      for (std::size_t j = (k > 0 ? k - 1 : k); j <= k; ++j) {
        const double sign = j == k ? 1.0 : -1.0;
        i.push_back(col.o[j]);
        up.push_back(sign), down.push_back(-sign);
      }
      const double lift = std::max(0.0, jump - big);
      for (int j : {col.on[k], col.off[k]}) i.push_back(j), up.push_back(-lift), down.push_back(-lift);
      add_row(lp, 0.0, inf, {col.z[k], col.on[k], col.off[k]}, {1.0, -1.0, -1.0});
    }
    add_row(lp, -inf, 0.0, i, up);
    add_row(lp, -inf, 0.0, i, down);
  }
  if (!g.counts) return;
  if (c.dispatch.max_changes_per_day > 0) {
    std::vector<int> day_index;
    std::int64_t day = -1;
    for (std::size_t k = 0; k <= K; ++k) {
      const std::int64_t d =
          k < K ? (p.start_unix_s + static_cast<std::int64_t>(k * p.step_s)) / 86400 : day + 1;
      if (d != day && !day_index.empty()) {
        add_row(lp, -inf, c.dispatch.max_changes_per_day, day_index, std::vector<double>(day_index.size(), 1.0));
        day_index.clear();
      }
      day = d;
      if (k < K) day_index.push_back(col.z[k]);
    }
  }
  const auto dwell = static_cast<std::size_t>(std::ceil(c.dispatch.min_dwell_s / p.step_s - 1e-9));
  for (std::size_t k = 0; dwell >= 2 && k + 1 < K; ++k) {
    const std::size_t end = std::min(K, k + dwell);
    std::vector<int> window(col.z.begin() + static_cast<std::ptrdiff_t>(k), col.z.begin() + static_cast<std::ptrdiff_t>(end));
    add_row(lp, -inf, 1.0, window, std::vector<double>(window.size(), 1.0));
  }
  add_count_levels(c, p, col, lp);
}

// Starts and restarts of stops, the start-up and shut-down variables of unit commitment
// [Morales-España et al. 2013]: start − restart = o[k] − o[k−1] (o[−1] = 0), start ≤ o[k],
// start ≤ 1 − o[k−1], restart ≤ o[k−1], restart ≤ 1 − o[k], which make them 0/1 whenever o is.
// A stop lasts at most L steps (a stopped step has a start within the last L) and, since its start
// and its restart are both set-point changes, at least the dwell window D; the line also runs at
// least D steps between a restart and the next stop. Written on the starts and restarts, these are
// the minimum up/down-time inequalities of [Rajan & Takriti 2005], which a fractional stop of the
// LP relaxation must respect too (a stop of a few percent for one step no longer passes).
void add_stop_timing_rows(const FlexCase& c, const HorizonPrices& p, const Columns& col, std::size_t L, Milp& lp) {
  const std::size_t K = col.u.size();
  const double inf = 1e30;
  const std::size_t D = dwell_steps(c, p.step_s);
  for (std::size_t k = 0; k < K; ++k) {
    std::vector<int> i = {col.on[k], col.off[k], col.o[k]};
    std::vector<double> v = {1.0, -1.0, -1.0};
    if (k > 0) i.push_back(col.o[k - 1]), v.push_back(1.0);
    add_row(lp, 0.0, 0.0, i, v);
    add_row(lp, -inf, 0.0, {col.on[k], col.o[k]}, {1.0, -1.0});
    add_row(lp, -inf, 1.0, {col.off[k], col.o[k]}, {1.0, 1.0});
    if (k > 0) {
      add_row(lp, -inf, 1.0, {col.on[k], col.o[k - 1]}, {1.0, 1.0});
      add_row(lp, -inf, 0.0, {col.off[k], col.o[k - 1]}, {1.0, -1.0});
    }
    std::vector<int> longest = {col.o[k]}, shortest = {col.o[k]}, between = {col.o[k]};
    std::vector<double> lv = {1.0}, sv = {-1.0}, bv = {1.0};
    for (std::size_t j = (k + 1 > L ? k + 1 - L : 0); j <= k; ++j) longest.push_back(col.on[j]), lv.push_back(-1.0);
    for (std::size_t j = (k + 1 > D ? k + 1 - D : 0); j <= k; ++j) {
      shortest.push_back(col.on[j]), sv.push_back(1.0);
      between.push_back(col.off[j]), bv.push_back(1.0);
    }
    add_row(lp, -inf, 0.0, longest, lv);
    if (D >= 2) {
      add_row(lp, -inf, 0.0, shortest, sv);
      add_row(lp, -inf, 1.0, between, bv);
    }
  }
}

// Stops of the line (flex.max_off): o[k] = 1 holds u = m = −1 (power and metal zero); otherwise u
// stays within the power limits. At most flex.max_off/Δt stopped steps in a row.
void add_off_rows(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                  const Groups& g, const Columns& col, Milp& lp) {
  if (col.o.empty()) return;
  const std::size_t K = col.u.size(), L = off_steps(c, p.step_s);
  const double inf = 1e30, lo = c.dispatch.min_power - 1.0, hi = c.dispatch.max_power - 1.0;
  const double metal_top = std::max(m.e_up * hi, 0.0);
  for (std::size_t k = 0; k < K; ++k) {
    add_row(lp, lo, inf, {col.u[k], col.o[k]}, {1.0, lo + 1.0});             // u ≥ lo unless stopped (−1)
    add_row(lp, -inf, hi, {col.u[k], col.o[k]}, {1.0, hi + 1.0});            // u ≤ hi, −1 when stopped
    add_row(lp, -inf, metal_top, {col.m[k], col.o[k]}, {1.0, metal_top + 1.0});  // m ≤ −1 when stopped
    // The stop's ledge y (reduced_model.hpp) and the ledge bounds and end condition on x + y.
    if (k == 0) add_row(lp, 0.0, 0.0, {col.y[0], col.o[0]}, {1.0, -m.b_stop});
    else add_row(lp, 0.0, 0.0, {col.y[k], col.y[k - 1], col.o[k]}, {1.0, -m.a_stop, -m.b_stop});
    double low = g.heat ? h.ledge_min_m - m.ledge_ref_m : -inf, high = g.heat ? h.ledge_max_m - m.ledge_ref_m : inf;
    if (k + 1 == K && g.end) {
      low = std::max(low, -c.dispatch.end_ledge_tolerance_m);
      high = std::min(high, c.dispatch.end_ledge_tolerance_m);
    }
    add_row(lp, low, high, {col.x[k], col.y[k]}, {1.0, 1.0});
  }
  add_stop_timing_rows(c, p, col, L, lp);
}

Milp build(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h, const Groups& g,
           bool milp, Columns& col) {
  Milp lp;
  lp.maximise = true;
  col = add_columns(c, m, p, h, g, milp, lp);
  add_physics_rows(c, m, p, h, g, col, lp);
  add_off_rows(c, m, p, h, g, col, lp);
  if (milp) add_change_rows(c, p, g, col, lp);
  col.calls = add_call_scenarios(c, m, p, h, g.heat, col.u, col.x, lp);
  return lp;
}

}  // namespace

double grid_power_W(const FlexCase& c, const ReducedModel& m) {
  return m.nominal_power_W * c.cells / c.rectifier_efficiency();
}

HeatBounds case_bounds(const FlexCase& c) {
  return {c.ledge_min_m(), c.ledge_max_m(), c.superheat_min_K(), c.superheat_max_K()};
}

HorizonPrices horizon_prices(const PriceSeries& series, double horizon_s) {
  HorizonPrices p;
  p.start_unix_s = series.start_unix_s;
  p.step_s = series.step_s;
  const auto steps = static_cast<std::size_t>(std::llround(horizon_s / series.step_s));
  p.price_eur_per_J.assign(series.price_eur_per_J.begin(),
                           series.price_eur_per_J.begin() + static_cast<std::ptrdiff_t>(std::min(steps, series.size())));
  return p;
}

bool needs_milp(const FlexCase& c) {
  const DispatchSettings& d = c.dispatch;
  if (d.solver == SolverChoice::kLp) return false;
  return d.solver == SolverChoice::kMilp || d.max_changes_per_day > 0 || d.min_dwell_s > 0 || d.change_penalty_eur > 0 ||
         d.max_off_s > 0;
}

ScheduleEconomics schedule_economics(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                     const std::vector<double>& shares, double reserve_share) {
  ScheduleEconomics e;
  const double cells = c.cells, dt = p.step_s;
  double previous = 1.0;
  for (std::size_t k = 0; k < shares.size() && k < p.price_eur_per_J.size(); ++k) {
    const double energy = shares[k] * grid_power_W(c, m) * dt;  // AC at the grid connection
    e.energy_J += energy;
    e.power_cost_eur += energy * p.price_eur_per_J[k];
    e.production_kg += m.production_share(shares[k]) * m.nominal_production_kg_per_s * cells * dt;
    if (std::abs(shares[k] - previous) > 1e-6) ++e.changes;
    previous = shares[k];
  }
  const Economics& x = c.economics;
  e.revenue_eur = e.production_kg * x.metal_eur_per_kg;
  e.alumina_cost_eur = e.production_kg * x.alumina_kg_per_kg * x.alumina_eur_per_kg;
  e.carbon_cost_eur = e.production_kg * c.sim.dynamics.carbon_kg_per_kg_al * x.carbon_eur_per_kg;
  e.penalty_eur = e.changes * c.dispatch.change_penalty_eur;
  e.reserve_revenue_eur = grid_value(c, m, p, reserve_share).reserve_payment_eur;
  return e;
}

double flat_share(const FlexCase& c, const ReducedModel& m) {
  const double t = c.dispatch.production_target - 1.0;
  const double e = t >= 0 ? m.e_up : m.e_down;
  const double share = e > 0 ? 1.0 + t / e : 1.0;
  return std::clamp(share, c.dispatch.min_power, c.dispatch.max_power);
}

Schedule flat_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p) {
  Schedule s;
  s.shares.assign(p.price_eur_per_J.size(), flat_share(c, m));
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares);
  return s;
}

namespace {

// The warm start: the flat schedule as a column vector of the problem.
std::vector<double> warm_start(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const Columns& col,
                               std::size_t columns) {
  std::vector<double> x(columns, 0.0);
  const Schedule flat = flat_schedule(c, m, p);
  for (std::size_t k = 0; k < col.u.size(); ++k) {
    const double u = flat.shares[k] - 1.0;
    x[static_cast<std::size_t>(col.u[k])] = u;
    x[static_cast<std::size_t>(col.m[k])] = m.production_share(flat.shares[k]) - 1.0;
    x[static_cast<std::size_t>(col.x[k])] = flat.ledge_m[k + 1] - m.ledge_ref_m;
    if (!col.z.empty()) x[static_cast<std::size_t>(col.z[k])] = (k == 0 && std::abs(u) > 1e-9) ? 1.0 : 0.0;
  }
  return x;
}

// Names the constraint group whose removal makes an infeasible case feasible (LP relaxations).
std::string binding_group(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h) {
  const std::vector<std::pair<std::string, Groups>> tries = {
      {"the production target flex.production_target (more metal than the power limits and heat-state bounds "
       "allow)", {false, true, true, true, true}},
      {"the heat-state bounds (flex.ledge_min/max, flex.superheat_min/max) of the reduced model",
       {true, false, true, true, true}},
      {"the end condition flex.end_ledge_tolerance", {true, true, false, true, true}},
      {"the ramp limit flex.ramp", {true, true, true, false, true}},
      {"the set-point count and dwell limits (flex.max_changes_per_day, flex.min_dwell)",
       {true, true, true, true, false}}};
  for (const auto& [name, groups] : tries) {
    Columns col;
    const bool milp = needs_milp(c) && groups.counts;
    const Milp lp = build(c, m, p, h, groups, milp, col);
    const MilpSolution s = milp ? solve_milp(lp, {0.05, 5.0, {}}) : solve_lp(lp);
    if (s.status == SolveStatus::kOptimal || s.status == SolveStatus::kFeasible) return name;
  }
  return "several limits together (no single group's removal makes the case feasible)";
}

}  // namespace

Schedule optimise_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h) {
  if (net_metal_eur_per_kg(c) <= 0) {
    core::Diagnostics d;
    d.error({}, "economics.metal_price", "the metal price does not cover alumina and carbon: every schedule loses "
                                         "money on each tonne, and the dispatch has nothing to trade against");
    throw core::InputError(d);
  }
  const bool milp = needs_milp(c);
  Columns col;
  const Milp lp = build(c, m, p, h, Groups{}, milp, col);
  Schedule s;
  s.milp = milp;
  s.solution = milp ? solve_milp(lp, {c.dispatch.mip_gap, c.dispatch.time_limit_s, warm_start(c, m, p, col, lp.columns.size())})
                    : solve_lp(lp);
  if (s.solution.status == SolveStatus::kInfeasible) {
    core::Diagnostics d;
    d.error({}, "flex", "no schedule meets the limits; the binding constraint is " + binding_group(c, m, p, h));
    throw core::InputError(d);
  }
  if (s.solution.x.empty()) {
    throw core::RunError(fmt::format("flex: {} found no schedule within flex.time_limit = {} s (status {})",
                                     s.solution.solver, c.dispatch.time_limit_s, to_string(s.solution.status)));
  }
  for (int j : col.u) s.shares.push_back(1.0 + s.solution.x[static_cast<std::size_t>(j)]);
  // Round-off of the solver: a share within 1e-9 of its neighbour is the same set point.
  for (std::size_t k = 1; k < s.shares.size(); ++k) {
    if (std::abs(s.shares[k] - s.shares[k - 1]) < 1e-9) s.shares[k] = s.shares[k - 1];
  }
  if (col.calls.reserve >= 0) s.reserve_share = std::max(0.0, s.solution.x[static_cast<std::size_t>(col.calls.reserve)]);
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares, s.reserve_share);
  s.worst_call = worst_call(m, h, col.calls, s.shares, s.reserve_share, s.solution.x);
  return s;
}

}  // namespace potline::flex
