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
  CallLayout calls;             // interruptible capacity and its call scenarios ([grid])
};

Columns add_columns(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                    const Groups& g, bool milp, Milp& lp) {
  const std::size_t K = p.price_eur_per_J.size();
  const double cells = c.cells, dt = p.step_s;
  const double lo = c.dispatch.min_power - 1.0, hi = c.dispatch.max_power - 1.0;
  const double metal_value = dt * m.nominal_production_kg_per_s * cells * net_metal_eur_per_kg(c);
  Columns col;
  for (std::size_t k = 0; k < K; ++k) {
    const double power_cost = dt * p.price_eur_per_J[k] * m.nominal_power_W * cells;
    col.u.push_back(lp.add_column(fmt::format("u{}", k), lo, hi, -power_cost));
    col.m.push_back(lp.add_column(fmt::format("m{}", k), std::min(m.e_down * lo, 0.0), std::max(m.e_up * hi, 0.0),
                                  metal_value));
    double xlo = g.heat ? h.ledge_min_m - m.ledge_ref_m : -1.0, xhi = g.heat ? h.ledge_max_m - m.ledge_ref_m : 1.0;
    if (k + 1 == K && g.end) {
      xlo = std::max(xlo, -c.dispatch.end_ledge_tolerance_m);
      xhi = std::min(xhi, c.dispatch.end_ledge_tolerance_m);
    }
    col.x.push_back(lp.add_column(fmt::format("x{}", k + 1), xlo, xhi, 0.0));
    if (milp) col.z.push_back(lp.add_column(fmt::format("z{}", k), 0.0, 1.0, -c.dispatch.change_penalty_eur, true));
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
  for (std::size_t k = 0; k < K; ++k) {
    add_row(lp, -inf, 0.0, {col.m[k], col.u[k]}, {1.0, -m.e_down});
    add_row(lp, -inf, 0.0, {col.m[k], col.u[k]}, {1.0, -m.e_up});
    if (k == 0) add_row(lp, 0.0, 0.0, {col.x[0], col.u[0]}, {1.0, -m.b});
    else add_row(lp, 0.0, 0.0, {col.x[k], col.x[k - 1], col.u[k]}, {1.0, -m.a, -m.b});
    if (g.heat) {
      add_row(lp, h.superheat_min_K - m.superheat_ref_K, h.superheat_max_K - m.superheat_ref_K, {col.u[k], col.x[k]},
              {m.c, m.d});
    }
    if (g.ramp) {
      if (k == 0) add_row(lp, -ramp, ramp, {col.u[0]}, {1.0});
      else add_row(lp, -ramp, ramp, {col.u[k], col.u[k - 1]}, {1.0, -1.0});
    }
  }
  if (g.production) {
    std::vector<double> ones(K, 1.0);
    add_row(lp, static_cast<double>(K) * (c.dispatch.production_target - 1.0), inf, col.m, ones);
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
  for (std::size_t k = 0; k < K; ++k) {
    if (k == 0) {
      add_row(lp, -inf, 0.0, {col.u[0], col.z[0]}, {1.0, -big});
      add_row(lp, -inf, 0.0, {col.u[0], col.z[0]}, {-1.0, -big});
    } else {
      add_row(lp, -inf, 0.0, {col.u[k], col.u[k - 1], col.z[k]}, {1.0, -1.0, -big});
      add_row(lp, -inf, 0.0, {col.u[k], col.u[k - 1], col.z[k]}, {-1.0, 1.0, -big});
    }
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
}

Milp build(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h, const Groups& g,
           bool milp, Columns& col) {
  Milp lp;
  lp.maximise = true;
  col = add_columns(c, m, p, h, g, milp, lp);
  add_physics_rows(c, m, p, h, g, col, lp);
  if (milp) add_change_rows(c, p, g, col, lp);
  col.calls = add_call_scenarios(c, m, p, h, g.heat, col.u, col.x, lp);
  return lp;
}

}  // namespace

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
  return d.solver == SolverChoice::kMilp || d.max_changes_per_day > 0 || d.min_dwell_s > 0 || d.change_penalty_eur > 0;
}

ScheduleEconomics schedule_economics(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                     const std::vector<double>& shares, double reserve_share) {
  ScheduleEconomics e;
  const double cells = c.cells, dt = p.step_s;
  double previous = 1.0;
  for (std::size_t k = 0; k < shares.size() && k < p.price_eur_per_J.size(); ++k) {
    const double energy = shares[k] * m.nominal_power_W * cells * dt;
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
