// Re-simulation of a schedule through the dynamic model (see resimulate.hpp).
#include "potline/flex/resimulate.hpp"

#include <algorithm>
#include <cmath>

namespace potline::flex {
namespace {

constexpr double kTraceInterval_s = 300.0;  // 5-min rows, as the fit

// Episodes of `values` beyond `bound` (below it when `lower`).
void episodes(const std::vector<double>& time, const std::vector<double>& values, double bound,
              bool lower, const std::string& name, std::vector<Crossing>& out) {
  bool inside = false;
  Crossing c;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const bool beyond = lower ? values[i] < bound : values[i] > bound;
    if (beyond && !inside) {
      c = Crossing{name, time[i], time.back(), values[i], bound};
      inside = true;
    }
    if (beyond) c.extreme = lower ? std::min(c.extreme, values[i]) : std::max(c.extreme, values[i]);
    if (!beyond && inside) {
      c.end_s = time[i];
      out.push_back(c);
      inside = false;
    }
  }
  if (inside) out.push_back(c);
}

}  // namespace

std::vector<Crossing> find_crossings(const CellTrace& trace, const HeatBounds& b, double tau_s) {
  std::vector<Crossing> out;
  const auto ledge = running_mean(trace.time_s, trace.ledge_m, tau_s);
  const auto superheat = running_mean(trace.time_s, trace.superheat_K, tau_s);
  episodes(trace.time_s, ledge, b.ledge_min_m, true, "ledge_min", out);
  episodes(trace.time_s, ledge, b.ledge_max_m, false, "ledge_max", out);
  episodes(trace.time_s, superheat, b.superheat_min_K, true, "superheat_min", out);
  episodes(trace.time_s, superheat, b.superheat_max_K, false, "superheat_max", out);
  if (trace.stopped) {
    const std::string what =
        trace.stop_reason == line::StopReason::kBathFrozen ? "bath_frozen" : "guard_stop";
    out.push_back({what, trace.stopped_at_s, trace.stopped_at_s, 0.0, 0.0});
  }
  std::sort(out.begin(), out.end(),
            [](const Crossing& a, const Crossing& b) { return a.start_s < b.start_s; });
  return out;
}

long onsets_after_ramp_up(const std::vector<double>& onsets_s, const std::vector<double>& shares,
                          double step_s, double window_s) {
  std::vector<double> ups;
  double previous = 1.0;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    if (shares[k] > previous + 1e-9) ups.push_back(static_cast<double>(k) * step_s);
    previous = shares[k];
  }
  long n = 0;
  for (double t : onsets_s) {
    const bool after =
        std::any_of(ups.begin(), ups.end(), [&](double u) { return t >= u && t <= u + window_s; });
    if (after) ++n;
  }
  return n;
}

Resimulation resimulate(const FlexCase& c, const ReducedModel& m, const std::vector<double>& shares,
                        double step_s, const HeatBounds& bounds) {
  Resimulation r;
  const double duration = step_s * static_cast<double>(shares.size());
  r.trace =
      run_power_schedule(c.sim, shares, step_s, duration, std::min(kTraceInterval_s, step_s / 3.0),
                         c.dispatch.simulated_cells);
  r.crossings = find_crossings(r.trace, bounds, c.sim.window.averaging_s);
  for (double l : r.trace.ledge_m) r.max_ledge_m = std::max(r.max_ledge_m, l);
  // The instantaneous ledge above the bound is the freeze alarm, bath freezing onto the sides: the
  // envelope ends a hold there (§7), so the check counts it for every schedule (T8-1: until
  // 2026-12-06 only for schedules that stop the line; a daily mean hid 19 h of a conventional week
  // above it).
  episodes(r.trace.time_s, r.trace.ledge_m, bounds.ledge_max_m, false, "freeze_alarm", r.crossings);
  std::sort(r.crossings.begin(), r.crossings.end(),
            [](const Crossing& a, const Crossing& b) { return a.start_s < b.start_s; });
  r.model_error = model_error(m, shares, r.trace);
  r.production_kg = r.trace.production_kg * c.cells;
  r.energy_J = r.trace.energy_J * c.cells;
  r.current_efficiency = r.trace.summary.current_efficiency;
  // Per cell: the simulated cells' counts and sums over their number.
  const double per_cell = 1.0 / r.trace.cells;
  r.ae_count = static_cast<double>(r.trace.ae_onset_s.size()) * per_cell;
  r.ae_after_ramp_up = static_cast<double>(onsets_after_ramp_up(r.trace.ae_onset_s, shares, step_s,
                                                                c.dispatch.ae_after_ramp_s)) *
                       per_cell;
  r.ae_energy_J = r.trace.summary.ae.overvoltage_volt_seconds * per_cell *
                  r.trace.summary.mean_line_current_A * c.cells;
  r.pfc_co2e_kg = r.trace.summary.pfc.co2e_t * 1e3 * per_cell * c.cells;
  r.acd_limit_s = time_at_acd_limit(c.sim, r.trace).total_s;
  for (double a : r.trace.acd_m) r.max_acd_m = std::max(r.max_acd_m, a);
  const double nominal_W = nominal_cell_power_W(c.sim);
  for (double s : shares) r.scheduled_energy_J += std::max(0.0, s) * nominal_W * step_s * c.cells;
  r.current_limit_s = r.trace.summary.current_limit_hours * 3600;
  return r;
}

std::vector<double> delivered_step_energy_J(const FlexCase& c, const HorizonPrices& p,
                                            const Resimulation& check) {
  const CellTrace& t = check.trace;
  // The cell's cumulative DC energy at time s (0 at the start; rows from t = 0).
  const auto energy_at = [&t](double s) {
    if (t.time_s.empty()) return 0.0;
    if (s <= t.time_s.front())
      return t.time_s.front() > 0 ? t.energy_cum_J.front() * s / t.time_s.front() : 0.0;
    return CellTrace::at(t.time_s, t.energy_cum_J, s);
  };
  const double to_ac = static_cast<double>(c.cells) / c.rectifier_efficiency();
  std::vector<double> out(p.price_eur_per_J.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    const double from = p.step_s * static_cast<double>(k), to = from + p.step_s;
    out[k] = (energy_at(to) - energy_at(from)) * to_ac;
  }
  return out;
}

ScheduleEconomics delivered_economics(const FlexCase& c, const HorizonPrices& p,
                                      const ScheduleEconomics& planned, const Resimulation& check) {
  ScheduleEconomics e = planned;
  e.energy_J = e.power_cost_eur = 0;
  const std::vector<double> energy = delivered_step_energy_J(c, p, check);
  for (std::size_t k = 0; k < energy.size(); ++k) {
    e.energy_J += energy[k];
    e.power_cost_eur += energy[k] * p.price_eur_per_J[k];
  }
  const Economics& x = c.economics;
  e.production_kg = check.production_kg;
  e.revenue_eur = e.production_kg * x.metal_eur_per_kg;
  e.alumina_cost_eur = e.production_kg * x.alumina_kg_per_kg * x.alumina_eur_per_kg;
  e.carbon_cost_eur = e.production_kg * c.sim.dynamics.carbon_kg_per_kg_al * x.carbon_eur_per_kg;
  return e;
}

}  // namespace potline::flex
