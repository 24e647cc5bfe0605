// The dispatch LP/MILP (see dispatch.hpp; formulation in docs/model/flexibility.md §3): the columns,
// the physics rows (production curve, heat state, superheat, ramp, production target), the
// assembly of the problem with the stops (dispatch_stops.cpp), set-point changes
// (dispatch_changes.cpp) and grid call scenarios (grid_products.cpp), and its solution.
#include "potline/flex/dispatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "dispatch_internal.hpp"

namespace potline::flex {
namespace detail {

double highest_production(const FlexCase& c, const ReducedModel& m) {
  std::vector<double> share, production;
  m.curve_points(c.dispatch.min_power, std::max(c.dispatch.min_power + 1e-6, highest_share(c, m)),
                 share, production);
  return *std::max_element(production.begin(), production.end());
}

void add_row(Milp& lp, double lower, double upper, std::vector<int> index, std::vector<double> value) {
  Milp::Row& r = lp.add_row(lower, upper);
  r.index = std::move(index);
  r.value = std::move(value);
}

}  // namespace detail

using namespace detail;

namespace {

Columns add_columns(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                    const Groups& g, bool milp, Milp& lp) {
  const std::size_t K = p.price_eur_per_J.size();
  const double cells = c.cells, dt = p.step_s;
  // The rectifier's reach caps the highest share (F8, docs/validation.md: a level the rectifier
  // limit cannot draw is bought in the plan but not drawn by the line).
  const double lo = c.dispatch.min_power - 1.0, hi = highest_share(c, m) - 1.0;
  const double metal_value = dt * m.nominal_production_kg_per_s * cells * net_metal_eur_per_kg(c);
  // A stopped line draws no power and makes no metal: u = m = −1 (rows in add_off_rows).
  const bool stops = milp && off_steps(c, dt) >= 1;
  Columns col;
  col.curve = curve_pieces(c, m);
  for (std::size_t k = 0; k < K; ++k) {
    const double power_cost = dt * p.price_eur_per_J[k] * grid_power_W(c, m);
    col.u.push_back(lp.add_column(fmt::format("u{}", k), stops ? -1.0 : lo, hi, -power_cost));
    // With the production lag m is the curve's settled metal and n the step's (reduced_model.hpp).
    const bool lag = m.production_lag > 0.0;
    const double top = std::max(highest_production(c, m) - 1.0, 0.0);
    col.m.push_back(lp.add_column(fmt::format("m{}", k),
                                  stops ? -1.0 : std::min(m.production_share(lo + 1.0) - 1.0, 0.0), top,
                                  lag ? 0.0 : metal_value));
    col.n.push_back(lag ? lp.add_column(fmt::format("n{}", k), -2.0,
                                        top + m.production_lag * m.production_instant * (hi + 1.0), metal_value)
                        : col.m.back());
    add_curve_columns(k, col, lp);
    // The rise out of a cut: the deficit q costs κ·q of the step's metal; its driver d reaches
    // u_c − u at the lowest power (a stop: u = −1, the whole heat of the step).
    const double deepest = m.rise_onset - (stops ? -1.0 : lo);
    if (m.rise_metal > 0.0 && deepest > 0.0) {
      col.d.push_back(lp.add_column(fmt::format("deficit_drive{}", k), 0.0, deepest, 0.0));
      col.q.push_back(lp.add_column(fmt::format("deficit{}", k + 1), 0.0, deepest,
                                    -m.rise_metal * metal_value));
    }
    // With stops the ledge is x + y: its bounds are rows (add_off_rows); x may leave them by y.
    const auto [ylo, yhi] = stops ? stop_ledge_range(m, K) : std::pair<double, double>{0.0, 0.0};
    double xlo = g.heat ? h.ledge_min_m - m.ledge_ref_m - yhi : -1.0;
    double xhi = g.heat ? h.ledge_max_m - m.ledge_ref_m - ylo : 1.0;
    if (k + 1 == K && g.end && !stops) {
      xlo = std::max(xlo, -c.dispatch.end_ledge_tolerance_m);
      xhi = std::min(xhi, c.dispatch.end_ledge_tolerance_m);
    }
    col.x.push_back(lp.add_column(fmt::format("x{}", k + 1), xlo, xhi, 0.0));
    if (milp && changes_counted(c, dt))
      col.z.push_back(
          lp.add_column(fmt::format("z{}", k), 0.0, 1.0, -c.dispatch.change_penalty_eur, true));
    if (stops) {
      col.o.push_back(lp.add_column(fmt::format("o{}", k), 0.0, 1.0, 0.0, true));
      col.y.push_back(lp.add_column(fmt::format("y{}", k + 1), ylo, yhi, 0.0));
      const bool can_start =
          stop_can_start(c, m, h, g, K, k, dwell_steps(c, dt), {xlo, xhi}, {ylo, yhi});
      // A stop's restart costs metal (counted at its start) and energy (at the restart) beyond the
      // stopped steps (reduced_model.hpp: stop_metal_steps, restart_energy_steps).
      col.on.push_back(
          lp.add_column(fmt::format("start{}", k), 0.0, can_start ? 1.0 : 0.0, -m.stop_metal_steps * metal_value));
      col.off.push_back(
          lp.add_column(fmt::format("restart{}", k), 0.0, k == 0 ? 0.0 : 1.0, -m.restart_energy_steps * power_cost));
      // The stop cost's part that depends on the restart's level (stop_metal_slope·u at the restart).
      if (m.stop_metal_slope != 0.0) {
        col.level.push_back(lp.add_column(fmt::format("restart_level{}", k), std::min(lo, 0.0), std::max(hi, 0.0),
                                          -m.stop_metal_slope * metal_value));
        col.running.push_back(lp.add_column(fmt::format("running_level{}", k), std::min(lo, 0.0), std::max(hi, 0.0), 0.0));
      }
    }
  }
  return col;
}

// The step-mean superheat within its bounds. During a stop its lower bound must not bind (a
// stopped bath sits near its liquidus: the window's running means, checked by the re-simulation,
// are what counts), so that row gets a big-M on o, big enough for any x the columns allow.
void add_superheat_rows(const ReducedModel& m, const HeatBounds& h, const Groups& g, const Columns& col, std::size_t k,
                        Milp& lp) {
  const double low = h.superheat_min_K - m.superheat_ref_K, high = h.superheat_max_K - m.superheat_ref_K;
  if (!col.stops()) {
    add_row(lp, low, high, {col.u[k], col.x[k]}, {m.c, m.d});
    return;
  }
  const double swing = std::abs(m.c) + std::abs(m.c_stop) +
                       std::abs(m.d) * ledge_column_reach(m, h, g, col.u.size()) + std::abs(low);
  add_row(lp, -kInfinity, high, {col.u[k], col.x[k], col.o[k]}, {m.c, m.d, m.c_stop});
  add_row(lp, low, kInfinity, {col.u[k], col.x[k], col.o[k]}, {m.c, m.d, m.c_stop + swing});
}

// The ramp limit between steps. With stops it acts on w = u + o (0 while stopped): |Δw| ≤ ramp
// between running steps, ≤ the running share's reach where a stop starts or ends (the rectifiers
// cut and restore the current at once); a far smaller big-M than one on u, whose jump to −1 is the
// whole power, and one on the start and restart flags only (during a stop Δw = 0).
void add_ramp_rows(const FlexCase& c, const HorizonPrices& p, const Columns& col, std::size_t k, Milp& lp) {
  const double ramp = c.dispatch.ramp_per_s * p.step_s;
  std::vector<int> i = {col.u[k]};
  std::vector<double> v = {1.0};
  if (k > 0) {
    i.push_back(col.u[k - 1]);
    v.push_back(-1.0);
  }
  if (!col.stops()) {
    add_row(lp, -ramp, ramp, i, v);
    return;
  }
  std::vector<int> up = i, down = i;
  std::vector<double> vu = v, vd = v;
  for (std::size_t j = (k > 0 ? k - 1 : k); j <= k; ++j) {
    const double sign = j == k ? 1.0 : -1.0;
    up.push_back(col.o[j]), vu.push_back(sign);
    down.push_back(col.o[j]), vd.push_back(sign);
  }
  const double lift = std::max(0.0, running_share_reach(c) - ramp);
  for (int j : {col.on[k], col.off[k]}) {
    up.push_back(j), vu.push_back(-lift);
    down.push_back(j), vd.push_back(lift);
  }
  add_row(lp, -kInfinity, ramp, up, vu);
  add_row(lp, -ramp, kInfinity, down, vd);
}

// Per step the production curve, heat-state recursion, superheat and ramp (rows in that order),
// then the production target over the horizon.
void add_physics_rows(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                      const Groups& g, const Columns& col, Milp& lp) {
  const std::size_t K = col.u.size();
  for (std::size_t k = 0; k < K; ++k) {
    add_production_curve_rows(col, k, lp);
    add_production_lag_rows(m, highest_share(c, m) - 1.0, col, k, lp);
    if (k == 0) add_row(lp, 0.0, 0.0, {col.x[0], col.u[0]}, {1.0, -m.b});
    else add_row(lp, 0.0, 0.0, {col.x[k], col.x[k - 1], col.u[k]}, {1.0, -m.a, -m.b});
    if (g.heat) add_superheat_rows(m, h, g, col, k, lp);
    if (g.ramp) add_ramp_rows(c, p, col, k, lp);
    if (!col.q.empty()) {
      // d ≥ u_c − u (d ≥ 0 its column bound: the LP keeps d at max(0, u_c − u), q only costs);
      // q[k+1] = a_q·q[k] + (1 − a_q)·d[k], q = 0 before the horizon (the line at nominal).
      add_row(lp, m.rise_onset, kInfinity, {col.d[k], col.u[k]}, {1.0, 1.0});
      if (k == 0)
        add_row(lp, 0.0, 0.0, {col.q[0], col.d[0]}, {1.0, -(1.0 - m.rise_decay)});
      else
        add_row(lp, 0.0, 0.0, {col.q[k], col.q[k - 1], col.d[k]},
                {1.0, -m.rise_decay, -(1.0 - m.rise_decay)});
    }
  }
  if (g.production) {
    // Σ n − stop_metal_steps·Σ start − stop_metal_slope·Σ level − κ·Σ q ≥ (target − 1)·Σ w, w the
    // steps' undisturbed production (production_profile): the metal of the steps less the restarts'
    // losses, against the target share of what the undisturbed cell makes over the horizon (the
    // profile is a constant term of each step's metal, ReducedModel::step_production_share).
    std::vector<int> index = col.n;
    std::vector<double> value(K, 1.0);
    double base = 0;
    for (std::size_t k = 0; k < K; ++k) base += m.base_production_share(k);
    if (col.stops() && m.stop_metal_steps != 0.0) {
      index.insert(index.end(), col.on.begin(), col.on.end());
      value.insert(value.end(), K, -m.stop_metal_steps);
    }
    index.insert(index.end(), col.level.begin(), col.level.end());
    value.insert(value.end(), col.level.size(), -m.stop_metal_slope);
    index.insert(index.end(), col.q.begin(), col.q.end());
    value.insert(value.end(), col.q.size(), -m.rise_metal);
    add_row(lp, (c.dispatch.production_target - 1.0) * base, kInfinity, index, value);
  }
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

// A schedule that runs at every step (shares > 0) as a column vector of the problem: the power,
// the metal, the ledge, the change flags and the change-count levels it gives (CBC's MIP start).
std::vector<double> start_vector(const ReducedModel& m, const Columns& col,
                                 const std::vector<double>& shares, std::size_t columns) {
  std::vector<double> x(columns, 0.0), ledge, superheat;
  m.predict(shares, ledge, superheat);
  const std::vector<double> n = m.production_deviations(shares);
  const std::vector<double> deficit = m.rise_deficit(shares);
  for (std::size_t k = 0; k < col.u.size(); ++k) {
    if (!col.q.empty()) {
      x[static_cast<std::size_t>(col.q[k])] = deficit[k];
      x[static_cast<std::size_t>(col.d[k])] = std::max(0.0, m.rise_onset - (shares[k] - 1.0));
    }
    const double u = shares[k] - 1.0;
    x[static_cast<std::size_t>(col.u[k])] = u;
    x[static_cast<std::size_t>(col.m[k])] = m.production_share(shares[k]) - 1.0;
    x[static_cast<std::size_t>(col.n[k])] = n[k];
    curve_warm_start(col, k, shares[k], x);
    x[static_cast<std::size_t>(col.x[k])] = ledge[k + 1] - m.ledge_ref_m;
    const double before = k == 0 ? 1.0 : shares[k - 1];
    if (!col.z.empty())
      x[static_cast<std::size_t>(col.z[k])] = std::abs(shares[k] - before) > 1e-9 ? 1.0 : 0.0;
    if (!col.running.empty()) x[static_cast<std::size_t>(col.running[k])] = u;  // runs on: u = p
  }
  for (const auto& levels : col.count_levels) {
    double changes = 0;
    for (std::size_t k = levels.day_start; k < levels.k; ++k)
      changes += x[static_cast<std::size_t>(col.z[k])];
    for (std::size_t r = 0; r < levels.level.size(); ++r)
      x[static_cast<std::size_t>(levels.level[r])] =
          changes >= static_cast<double>(r + 1) - 0.5 ? 1.0 : 0.0;
  }
  return x;
}

// The warm start: the flat schedule, or with stops whose problem without them is an LP (no count,
// dwell or penalty), that LP's optimum, a schedule of the problem with stops that runs at every
// step: whatever CBC finds within its limit is then at least the best schedule without stops. (On
// the TRIMET-like week with stops CBC's own dives pass it at the root, 151,798 → 197,873 EUR; a
// robustness measure, not a speed-up: docs/performance.md.)
std::vector<double> warm_start(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                               const HeatBounds& h, const Columns& col, std::size_t columns) {
  std::vector<double> shares = flat_schedule(c, m, p).shares;
  FlexCase running = c;
  running.dispatch.max_off_s = 0;
  if (col.stops() && !needs_milp(running)) {
    Columns rc;
    const Milp lp = build(running, m, p, h, Groups{}, false, rc);
    const MilpSolution s = solve_lp(lp);
    if (!s.x.empty()) {
      for (std::size_t k = 0; k < shares.size(); ++k)
        shares[k] = 1.0 + s.x[static_cast<std::size_t>(rc.u[k])];
    }
  }
  return start_vector(m, col, shares, columns);
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
    const Milp lp = build(c, m, p, h, groups, needs_milp(c) && groups.counts, col);
    const bool milp = lp.has_integers();
    // Solver settings of these probes (numerical choices, not the case's flex.mip_gap/time_limit):
    // only feasibility is asked, so any schedule will do and a 5 % gap lets CBC stop at the first
    // near-good one; 5 s of CPU per probe keeps the error message within about 25 s for the five
    // groups. A probe that finds no schedule in its 5 s counts as still infeasible, so a hard but
    // feasible case can end in "several limits together".
    const MilpSolution s = milp ? solve_milp(lp, {0.05, 5.0, {}}) : solve_lp(lp);
    if (s.status == SolveStatus::kOptimal || s.status == SolveStatus::kFeasible) return name;
  }
  return "several limits together (no single group's removal makes the case feasible)";
}

}  // namespace

bool needs_milp(const FlexCase& c) {
  const DispatchSettings& d = c.dispatch;
  if (d.solver == SolverChoice::kLp) return false;
  return d.solver == SolverChoice::kMilp || d.max_changes_per_day > 0 || d.min_dwell_s > 0 || d.change_penalty_eur > 0 ||
         d.max_off_s > 0;
}

Schedule optimise_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h) {
  if (net_metal_eur_per_kg(c) <= 0) {
    core::Diagnostics d;
    d.error({}, "economics.metal_price", "the metal price does not cover alumina and carbon: every schedule loses "
                                         "money on each tonne, and the dispatch has nothing to trade against");
    throw core::InputError(d);
  }
  Columns col;
  const Milp lp = build(c, m, p, h, Groups{}, needs_milp(c), col);
  // Binaries of the case (counts, dwell, stops) or of a production curve that is not concave.
  const bool milp = lp.has_integers();
  Schedule s;
  s.milp = milp;
  s.solution = milp ? solve_milp(lp, {c.dispatch.mip_gap, c.dispatch.time_limit_s,
                                      warm_start(c, m, p, h, col, lp.columns.size())})
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
  // A stopped step is u = −1 up to the solver's round-off (1e-16 above zero measured): exactly 0, so
  // that the reduced model and the checks treat it as stopped (share ≤ 0).
  for (int j : col.u) {
    const double share = 1.0 + s.solution.x[static_cast<std::size_t>(j)];
    s.shares.push_back(std::abs(share) < 1e-9 ? 0.0 : share);
  }
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
