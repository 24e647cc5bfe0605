// Fit of the reduced thermal model to step responses of the dynamic model (see reduced_model.hpp).
#include "potline/flex/reduced_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "reduced_model_internal.hpp"

namespace potline::flex {
namespace {

constexpr double kTraceInterval_s = 300.0;  // rows every 5 min: a 15-min step holds three
// Smallest step of the upward fit run (a numerical choice: a step the fit can resolve), used when
// the rectifier's reach leaves less above nominal.
constexpr double kSmallestUpStep = 0.005;

// Least squares y ≈ p·u + q·v (2 × 2 normal equations); false when u and v are collinear.
bool least_squares_2(const std::vector<double>& u, const std::vector<double>& v, const std::vector<double>& y,
                     double& p, double& q) {
  double uu = 0, uv = 0, vv = 0, uy = 0, vy = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    uu += u[i] * u[i];
    uv += u[i] * v[i];
    vv += v[i] * v[i];
    uy += u[i] * y[i];
    vy += v[i] * y[i];
  }
  const double det = uu * vv - uv * uv;
  if (!(std::abs(det) > 1e-18 * std::max(1e-300, uu * vv))) return false;
  p = (uy * vv - vy * uv) / det;
  q = (vy * uu - uy * uv) / det;
  return true;
}

// Steps of a fit run that count: all of them, or those completed before a guard stopped it.
std::size_t completed_steps(const CellTrace& run, double step_s, std::size_t steps) {
  return run.stopped ? std::min(steps, static_cast<std::size_t>(std::floor(run.stopped_at_s / step_s))) : steps;
}

using detail::FitRun;

FitRun deviations(const CellTrace& run, const std::vector<double>& base_ledge, const std::vector<double>& base_sh,
                  double share, double step_s, std::size_t steps, double duration_s) {
  FitRun r;
  r.share = share;
  r.stopped = run.stopped;
  r.acd_settled_m = detail::settled_acd_m(run);
  std::vector<double> ledge, sh;
  const std::size_t usable = completed_steps(run, step_s, steps);
  sample_trace(run, step_s, usable, ledge, sh);
  r.x.push_back(0.0);
  for (std::size_t k = 0; k < usable; ++k) {
    r.x.push_back(ledge[k + 1] - base_ledge[k + 1] - (ledge[0] - base_ledge[0]));
    r.s.push_back(sh[k] - base_sh[k]);
  }
  if (!run.stopped) {
    r.production_kg_per_s = run.production_kg / duration_s;
    for (std::size_t k = 0; k < steps; ++k)
      r.step_kg.push_back(produced_kg_to(run, (k + 1) * step_s) - produced_kg_to(run, k * step_s));
  }
  return r;
}

// a, b, c, d by least squares over the fit runs; a is held at or below 1 (a state that grows by
// itself would extrapolate exponentially beyond the fit).
void fit_coefficients(const std::vector<FitRun>& runs, ReducedModel& m) {
  std::vector<double> xk, uk, y, uc, xc, sc;
  for (const FitRun& r : runs) {
    const double u = r.share - 1.0;
    for (std::size_t k = 0; k + 1 < r.x.size(); ++k) {
      xk.push_back(r.x[k]);
      uk.push_back(u);
      y.push_back(r.x[k + 1]);
      uc.push_back(u);
      xc.push_back(r.x[k + 1]);
      sc.push_back(r.s[k]);
    }
  }
  if (!least_squares_2(xk, uk, y, m.a, m.b)) m.notes.push_back("ledge fit degenerate: a = 1, b = 0");
  if (m.a > 1.0) {
    m.notes.push_back(fmt::format("fitted a = {:.6f} > 1 held at 1 (ledge integrates the power deficit)", m.a));
    m.a = 1.0;
    double num = 0, den = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
      num += (y[i] - xk[i]) * uk[i];
      den += uk[i] * uk[i];
    }
    m.b = den > 0 ? num / den : 0.0;
  }
  if (!least_squares_2(uc, xc, sc, m.c, m.d)) m.notes.push_back("superheat fit degenerate: c = d = 0");
}

// The reduced model's metal deviation of each step before the stop costs: the curve through the
// lag, less the rise state's κ·q.
std::vector<double> model_deviations(const ReducedModel& m, const std::vector<double>& shares) {
  std::vector<double> n = m.production_deviations(shares);
  const std::vector<double> q = m.rise_deficit(shares);
  for (std::size_t k = 0; k < n.size(); ++k) n[k] -= m.rise_metal * q[k];
  return n;
}

// Metal a stop run (one step at zero power, then a constant share) loses beyond what the reduced
// model gives it, against the constant run at that share (`level`, the undisturbed run at nominal),
// over the fit duration, in steps of nominal production: the dynamic model's loss less the reduced
// model's (the stopped step, and with the production lag what the lag loses after the restart).
double stop_metal_beyond(const ReducedModel& m, const CellTrace& level, const CellTrace& run,
                         const std::vector<double>& shares, double step_s, double duration) {
  double predicted = 0;
  for (double n : model_deviations(m, std::vector<double>(shares.size(), shares.back())))
    predicted += n;
  for (double n : model_deviations(m, shares)) predicted -= n;
  return (produced_kg_to(level, duration) - run.production_kg) / (m.nominal_production_kg_per_s * step_s) - predicted;
}

// The cost of a stop and its restart beyond the stopped step (reduced_model.hpp): the stop run (one
// step at zero power, then nominal) against the undisturbed run over the fit duration. The reduced
// model gives the stop run one step less metal (and, with the production lag, what the lag loses
// after the restart) and one step less energy than the undisturbed run; the dynamic
// model's further loss of metal is stop_metal_steps (after the restart the resistance control
// reheats the cell: at the scheduled power a higher voltage is a lower current, and so less metal),
// its energy beyond the schedule restart_energy_steps. Fitted to the dynamic model of the case: no
// published figure of the metal lost after a short planned stop was found (docs/model/flexibility.md
// §3). A loss that would make a stop gain metal is held at 0 (noted).
void fit_restart_cost(ReducedModel& m, const CellTrace& base, const CellTrace& run, const std::vector<double>& shares,
                      double step_s, double duration) {
  if (run.stopped) {
    m.notes.push_back(fmt::format("the stop run stopped at {:.1f} h ({}): no restart cost fitted",
                                  run.stopped_at_s / 3600, run.stop_message));
    return;
  }
  const double step_metal = m.nominal_production_kg_per_s * step_s, step_energy = m.nominal_power_W * step_s;
  if (step_metal <= 0 || step_energy <= 0) return;
  // Over the fit run (the undisturbed run may be longer: it covers the horizon).
  const double metal = stop_metal_beyond(m, base, run, shares, step_s, duration);
  double predicted = 0;
  for (double n : model_deviations(m, shares)) predicted -= n;
  if (metal < 0) {
    m.notes.push_back(fmt::format("the stop run lost {:.3f} steps of metal, less than the reduced model's {:.3f}: no "
                                  "restart metal cost",
                                  metal + predicted, predicted));
  }
  m.stop_metal_steps = std::max(0.0, metal);
  m.restart_energy_steps = (run.energy_J - energy_J_to(base, duration)) / step_energy + 1.0;
  m.notes.push_back(fmt::format("a stop and its restart: {:.3f} steps of metal lost beyond the stopped step and "
                                "{:+.3f} steps of energy beyond the schedule, over the {:.0f}-h fit run",
                                m.stop_metal_steps, m.restart_energy_steps, duration / 3600));
}

// The stop terms: the cell stopped for one step (power zero), then at nominal. b_stop and c_stop are
// what that step's ledge and mean superheat, relative to the undisturbed run, have beyond the
// linear model's x = −b and c·(−1) + d·x; a_stop is the least-squares decay of that extra ledge
// over the following steps while it stays positive (the reheat after an outage melts more back
// later: a_stop ≤ a). The run's metal and energy against the undisturbed run give the restart's
// cost (fit_restart_cost). Returns the run.
CellTrace fit_stop(const FlexCase& c, ReducedModel& m, const CellTrace& base, const std::vector<double>& base_ledge,
                   const std::vector<double>& base_sh, const std::vector<double>& shares, double step_s,
                   double duration, double interval) {
  const std::size_t steps = shares.size();
  CellTrace run =
      run_power_schedule(c.sim, shares, step_s, duration, interval, c.dispatch.simulated_cells);
  if (run.stopped && run.stopped_at_s < step_s) {
    throw core::RunError(fmt::format("flex: a stop of one dispatch step ({:.2f} h) stops the dynamic model after "
                                     "{:.2f} h ({}); lower flex.max_off below the price series' step",
                                     step_s / 3600, run.stopped_at_s / 3600, run.stop_message));
  }
  const std::size_t usable = completed_steps(run, step_s, steps);
  std::vector<double> ledge, sh;
  sample_trace(run, step_s, usable, ledge, sh);
  // The stop's own ledge: the deviation less the linear model's x after u = −1 for one step.
  std::vector<double> extra;
  double x = 0;
  for (std::size_t k = 0; k < usable; ++k) {
    x = m.a * x + m.b * (k == 0 ? -1.0 : 0.0);
    extra.push_back(ledge[k + 1] - base_ledge[k + 1] - (ledge[0] - base_ledge[0]) - x);
  }
  m.b_stop = extra.front();
  m.c_stop = sh[0] - base_sh[0] + m.c + m.d * m.b;
  double num = 0, den = 0;
  for (std::size_t k = 0; k + 1 < extra.size() && extra[k] > 0 && extra[k + 1] > 0; ++k) {
    num += extra[k + 1] * extra[k];
    den += extra[k] * extra[k];
  }
  m.a_stop = den > 0 ? std::clamp(num / den, 0.0, m.a) : 0.0;
  fit_restart_cost(m, base, run, shares, step_s, duration);
  return run;
}

// The stop cost's dependence on the level the line restarts at (reduced_model.hpp:
// stop_metal_slope): a second stop run, one step at zero power then the constant share of `level`
// (the downward fit run, 1 − δ), against that run; the line through its loss and the nominal
// restart's (stop_metal_steps) gives the slope per unit of the restart step's share. Fitted to the
// dynamic model of the case, as the nominal restart's cost (docs/model/flexibility.md §3). A loss
// below zero is held at 0, as at nominal: a stop into a cut that gains metal against the constant
// cut does so over the whole fit run (the beam's slower rise to the cut's ACD ceiling after a stop,
// then a cooler cell's current efficiency for a day), which a schedule that rises again within hours
// does not collect (measured on F9's case, docs/validation.md). Also with the rise state
// (flex.rise_state): unclamped there, a stop into 75 % was worth −0.50 steps and F9's plan stopped
// four times at 80 EUR/MWh, 9.8 t above its delivery (docs/model/flexibility.md §3). Returns the run.
CellTrace fit_restart_level(const FlexCase& c, ReducedModel& m, const CellTrace& level, const std::vector<double>& shares,
                            double step_s, double duration, double interval) {
  CellTrace run = run_power_schedule(c.sim, shares, step_s, duration, interval, c.dispatch.simulated_cells);
  const double u = shares.back() - 1.0;
  if (run.stopped || level.stopped || m.nominal_production_kg_per_s <= 0 || std::abs(u) < 1e-9) {
    m.notes.push_back(fmt::format("no stop run restarting at {:.0f} %: the stop cost does not depend on the level "
                                  "after the restart",
                                  100 * shares.back()));
    return run;
  }
  const double metal = stop_metal_beyond(m, level, run, shares, step_s, duration);
  m.stop_metal_slope = (std::max(0.0, metal) - m.stop_metal_steps) / u;
  const double energy = (run.energy_J - level.energy_J) / (m.nominal_power_W * step_s) + shares.back();
  m.notes.push_back(fmt::format("a stop restarting at {:.0f} %: {:.3f} steps of metal lost beyond the stopped step "
                                "({:+.3f} per unit of the restart's power share) and {:+.3f} steps of energy beyond "
                                "the schedule",
                                100 * shares.back(), metal, m.stop_metal_slope, energy));
  return run;
}

// The worst of the fit runs' errors: each figure's largest (the run totals by magnitude, signed).
void worst_of(FitError& w, const FitError& e) {
  w.ledge_rms_m = std::max(w.ledge_rms_m, e.ledge_rms_m);
  w.ledge_max_m = std::max(w.ledge_max_m, e.ledge_max_m);
  w.superheat_rms_K = std::max(w.superheat_rms_K, e.superheat_rms_K);
  w.superheat_max_K = std::max(w.superheat_max_K, e.superheat_max_K);
  w.production_rms = std::max(w.production_rms, e.production_rms);
  w.production_max = std::max(w.production_max, e.production_max);
  w.energy_rms = std::max(w.energy_rms, e.energy_rms);
  w.energy_max = std::max(w.energy_max, e.energy_max);
  if (std::abs(e.production_total) > std::abs(w.production_total)) {
    w.production_total = e.production_total;
    w.production_total_kg = e.production_total_kg;
  }
  if (std::abs(e.energy_total) > std::abs(w.energy_total)) {
    w.energy_total = e.energy_total;
    w.energy_total_J = e.energy_total_J;
  }
}

}  // namespace

void sample_trace(const CellTrace& trace, double step_s, std::size_t steps, std::vector<double>& ledge_m,
                  std::vector<double>& superheat_K) {
  ledge_m.assign(steps + 1, 0.0);
  superheat_K.assign(steps, 0.0);
  for (std::size_t k = 0; k <= steps; ++k) ledge_m[k] = CellTrace::at(trace.time_s, trace.ledge_m, k * step_s);
  for (std::size_t k = 0; k < steps; ++k) {
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < trace.time_s.size(); ++i) {
      if (trace.time_s[i] > k * step_s && trace.time_s[i] <= (k + 1) * step_s + 1e-9) {
        sum += trace.superheat_K[i];
        ++n;
      }
    }
    superheat_K[k] = n > 0 ? sum / n : CellTrace::at(trace.time_s, trace.superheat_K, (k + 0.5) * step_s);
  }
}

double ReducedModel::base_production_share(std::size_t k) const {
  return k < production_profile.size() ? production_profile[k] : 1.0;
}

namespace {

// Cumulative column of a trace at t: 0 at the start, linear from the first row.
double cumulative_at(const CellTrace& trace, const std::vector<double>& column, double t_s) {
  if (trace.time_s.empty() || column.size() != trace.time_s.size()) return 0.0;
  if (t_s <= trace.time_s.front())
    return trace.time_s.front() > 0 ? column.front() * t_s / trace.time_s.front() : column.front();
  return CellTrace::at(trace.time_s, column, t_s);
}

// rms and largest magnitude of per-step differences, and their sum.
struct StepErrors {
  double sum_sq = 0, max = 0, total = 0;
  void add(double e) {
    sum_sq += e * e;
    max = std::max(max, std::abs(e));
    total += e;
  }
  double rms(std::size_t n) const { return n > 0 ? std::sqrt(sum_sq / static_cast<double>(n)) : 0.0; }
};

}  // namespace

double produced_kg_to(const CellTrace& trace, double t_s) { return cumulative_at(trace, trace.production_cum_kg, t_s); }

double energy_J_to(const CellTrace& trace, double t_s) { return cumulative_at(trace, trace.energy_cum_J, t_s); }

double ReducedModel::step_energy_share(const std::vector<double>& shares, std::size_t k) const {
  const bool restarts = k > 0 && shares[k] > 0.0 && shares[k - 1] <= 0.0;
  return std::max(0.0, shares[k]) + (restarts ? restart_energy_steps : 0.0);
}

void ReducedModel::predict(const std::vector<double>& shares, std::vector<double>& ledge_m,
                           std::vector<double>& superheat_K) const {
  ledge_m.assign(shares.size() + 1, ledge_ref_m);
  superheat_K.assign(shares.size(), superheat_ref_K);
  double x = 0, y = 0;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    const bool stopped = shares[k] <= 0.0;
    const double u = stopped ? -1.0 : shares[k] - 1.0;
    x = a * x + b * u;
    y = a_stop * y + (stopped ? b_stop : 0.0);
    ledge_m[k + 1] = ledge_ref_m + x + y;
    superheat_K[k] = superheat_ref_K + c * u + d * x + (stopped ? c_stop : 0.0);
  }
}

FitError model_error(const ReducedModel& m, const std::vector<double>& shares, const CellTrace& trace) {
  std::size_t steps = shares.size();
  if (trace.stopped) steps = std::min(steps, static_cast<std::size_t>(std::floor(trace.stopped_at_s / m.step_s)));
  std::vector<double> ledge, sh, pl, ps;
  sample_trace(trace, m.step_s, steps, ledge, sh);
  m.predict(std::vector<double>(shares.begin(), shares.begin() + static_cast<std::ptrdiff_t>(steps)), pl, ps);
  FitError e;
  StepErrors metal, energy;
  const double step_metal = m.nominal_production_kg_per_s * m.step_s, step_energy = m.nominal_power_W * m.step_s;
  double dynamic_metal = 0, dynamic_energy = 0;
  const std::vector<double> planned = m.production_path(shares);
  for (std::size_t k = 0; k < steps; ++k) {
    const double el = pl[k + 1] - ledge[k + 1];
    const double es = ps[k] - sh[k];
    e.ledge_rms_m += el * el;
    e.superheat_rms_K += es * es;
    e.ledge_max_m = std::max(e.ledge_max_m, std::abs(el));
    e.superheat_max_K = std::max(e.superheat_max_K, std::abs(es));
    const double from = static_cast<double>(k) * m.step_s, to = from + m.step_s;
    const double metal_kg = produced_kg_to(trace, to) - produced_kg_to(trace, from);
    const double energy_J = energy_J_to(trace, to) - energy_J_to(trace, from);
    dynamic_metal += metal_kg;
    dynamic_energy += energy_J;
    if (step_metal > 0) metal.add(planned[k] - metal_kg / step_metal);
    if (step_energy > 0) energy.add(m.step_energy_share(shares, k) - energy_J / step_energy);
  }
  if (steps > 0) {
    e.ledge_rms_m = std::sqrt(e.ledge_rms_m / steps);
    e.superheat_rms_K = std::sqrt(e.superheat_rms_K / steps);
  }
  e.production_rms = metal.rms(steps);
  e.production_max = metal.max;
  e.production_total_kg = metal.total * step_metal;
  e.production_total = dynamic_metal > 0 ? e.production_total_kg / dynamic_metal : 0.0;
  e.energy_rms = energy.rms(steps);
  e.energy_max = energy.max;
  e.energy_total_J = energy.total * step_energy;
  e.energy_total = dynamic_energy > 0 ? e.energy_total_J / dynamic_energy : 0.0;
  return e;
}

ReducedModel fit_reduced_model(const FlexCase& c, double step_s, std::size_t horizon_steps) {
  ReducedModel m;
  m.step_s = step_s;
  m.nominal_power_W = nominal_cell_power_W(c.sim);
  m.delta = std::max({c.dispatch.max_power - 1.0, 1.0 - c.dispatch.min_power, 0.02});
  m.max_share = rectifier_reach(c.sim).max_share;
  const double duration = std::ceil(c.dispatch.fit_duration_s / step_s) * step_s;
  const auto steps = static_cast<std::size_t>(std::llround(duration / step_s));
  const double interval = std::min(kTraceInterval_s, step_s / 3.0);
  // The undisturbed run covers the horizon too: its production per step is the profile the
  // reduced model scales (a cell that drifts at nominal power makes a different amount per hour on
  // day 3 than over the fit runs' first day; T7-7).
  const double base_duration = std::max(duration, static_cast<double>(horizon_steps) * step_s);
  const CellTrace base = run_power_schedule(c.sim, {1.0}, base_duration, base_duration, interval,
                                            c.dispatch.simulated_cells);
  if (base.stopped) throw core::RunError("flex: the undisturbed cell stopped: " + base.stop_message);
  std::vector<double> base_ledge, base_sh;
  sample_trace(base, step_s, steps, base_ledge, base_sh);
  m.ledge_ref_m = base_ledge.front();
  m.superheat_ref_K = 0;
  for (double s : base_sh) m.superheat_ref_K += s / static_cast<double>(base_sh.size());
  m.nominal_production_kg_per_s = produced_kg_to(base, duration) / duration;
  for (std::size_t k = 0; k < std::max(horizon_steps, steps) && m.nominal_production_kg_per_s > 0; ++k) {
    const double from = static_cast<double>(k) * step_s;
    m.production_profile.push_back((produced_kg_to(base, from + step_s) - produced_kg_to(base, from)) /
                                   (m.nominal_production_kg_per_s * step_s));
  }
  std::vector<FitRun> runs;
  std::vector<CellTrace> traces;
  // The upward run at the rectifier's reach when 1 + δ lies beyond it: a run the rectifier limit
  // holds below its share would fit b and e_up to a step it did not make (F8, docs/validation.md).
  const double up = std::max(1.0 + kSmallestUpStep, std::min(1.0 + m.delta, m.max_share));
  if (up < 1.0 + m.delta - 1e-12)
    m.notes.push_back(fmt::format(
        "the upward fit run is at {:.2f} %, the rectifier's reach (potline.max_current), "
        "not at {:.2f} %",
        100 * up, 100 * (1.0 + m.delta)));
  for (double share : {up, 1.0 - m.delta}) {
    traces.push_back(run_power_schedule(c.sim, {share}, duration, duration, interval,
                                        c.dispatch.simulated_cells));
    runs.push_back(deviations(traces.back(), base_ledge, base_sh, share, step_s, steps, duration));
    if (traces.back().stopped)
      m.notes.push_back(fmt::format("the {:.0f} % run stopped at {:.1f} h: {}", 100 * share,
                                    traces.back().stopped_at_s / 3600, traces.back().stop_message));
  }
  fit_coefficients(runs, m);
  // The undisturbed run's settled ACD over the fit runs' second half (it may run longer).
  double base_acd = 0;
  std::size_t base_rows = 0;
  for (std::size_t i = 0; i < base.time_s.size() && i < base.acd_m.size(); ++i) {
    if (base.time_s[i] >= duration / 2 && base.time_s[i] <= duration)
      base_acd += base.acd_m[i], ++base_rows;
  }
  base_acd = base_rows > 0 ? base_acd / static_cast<double>(base_rows) : std::nan("");
  std::vector<std::vector<double>> rise_schedules;
  std::vector<CellTrace> rise_traces;
  detail::fit_production_curve(c, runs, duration, interval, base_acd, m, rise_schedules,
                               rise_traces);
  std::vector<std::vector<double>> schedules;
  for (const FitRun& r : runs) schedules.emplace_back(steps, r.share);
  if (c.dispatch.max_off_s >= step_s - 1e-9) {
    schedules.emplace_back(steps, 1.0);
    schedules.back().front() = 0.0;
    traces.push_back(fit_stop(c, m, base, base_ledge, base_sh, schedules.back(), step_s, duration, interval));
    if (!traces.back().stopped) {
      schedules.emplace_back(steps, 1.0 - m.delta);
      schedules.back().front() = 0.0;
      CellTrace run = fit_restart_level(c, m, traces[1], schedules.back(), step_s, duration, interval);
      traces.push_back(std::move(run));
    }
  }
  schedules.insert(schedules.end(), rise_schedules.begin(), rise_schedules.end());
  for (CellTrace& t : rise_traces) traces.push_back(std::move(t));
  for (std::size_t i = 0; i < traces.size(); ++i) worst_of(m.error, model_error(m, schedules[i], traces[i]));
  return m;
}

}  // namespace potline::flex
