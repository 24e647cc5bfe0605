// The rise out of a cut (reduced_model.hpp; docs/model/flexibility.md §3, "The rise out of a cut"):
// the heat-deficit state q, driven by the depth of the power below the ACD ceiling's onset, and its
// fit to rises of the dynamic model.
#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "potline/control/pot_controller.hpp"
#include "reduced_model_internal.hpp"

namespace potline::flex {
namespace detail {
namespace {

// Grid of the decay per step a_q the fit scans (a numerical choice, as the production lag's: 0.002
// resolves time constants of hours at hourly steps); κ is solved in closed form at each.
constexpr double kDecayGridStep = 0.002;
constexpr double kDecayGridMax = 0.998;

// The depth beyond the onset a step drives q with; a stopped step is u = −1 (it takes the whole
// heat of the step: measured on F9's case, a stop followed by a short cut rises with a loss the
// state misses when stops drive none, docs/model/flexibility.md §3). The stop runs' cost is fitted
// net of it (stop_metal_steps, stop_metal_slope).
double depth(const ReducedModel& m, double share) {
  return std::max(0.0, m.rise_onset - (share <= 0.0 ? -1.0 : share - 1.0));
}

// q at the end of each step for the decay a (rise_deficit with a in place of rise_decay).
std::vector<double> deficit_path(const ReducedModel& m, const std::vector<double>& shares,
                                 double a) {
  std::vector<double> q(shares.size(), 0.0);
  double state = 0;
  for (std::size_t k = 0; k < shares.size(); ++k) {
    state = a * state + (1.0 - a) * depth(m, shares[k]);
    q[k] = state;
  }
  return q;
}

// The share of nominal power where the constant-power runs' settled ACD reaches the ceiling: the
// line through the two lowest levels below it, extrapolated to the ceiling and kept between them
// and the highest level at the ceiling. NaN when no level below nominal reaches it. `acd_m` is NaN
// for a level without a run.
double ceiling_onset(const FlexCase& c, const std::vector<double>& levels,
                     const std::vector<double>& acd_m) {
  control::ControllerSettings limits = c.sim.control;
  limits.bath_height_m = c.sim.dynamics.bath_height_m;
  const double top = control::acd_ceiling_m(limits) - c.sim.control.beam_step_m;
  std::size_t at = levels.size();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i] < 1.0 - 1e-9 && std::isfinite(acd_m[i]) && acd_m[i] >= top) at = i;
  }
  if (at == levels.size()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<std::size_t> above;
  for (std::size_t i = at + 1; i < levels.size() && above.size() < 2; ++i) {
    if (std::isfinite(acd_m[i])) above.push_back(i);
  }
  if (above.empty()) return levels[at];
  const std::size_t j = above[0];
  double onset = levels[j];
  if (above.size() == 2 && std::abs(acd_m[j] - acd_m[above[1]]) > 1e-9) {
    const std::size_t i = above[1];
    onset = levels[j] + (top - acd_m[j]) * (levels[j] - levels[i]) / (acd_m[j] - acd_m[i]);
  }
  return std::clamp(onset, levels[at], levels[j]);
}

struct RiseFit {
  double a = 0, kappa = 0, sum_sq = 0, static_sq = 0;
  std::size_t n = 0;
};

// Least squares of the runs' after-rise metal deviations D (the dynamic model's, less what the
// reduced model without q gives) against −κ·q: a_q on the grid, κ ≥ 0 in closed form.
RiseFit fit_decay(const ReducedModel& m, const std::vector<std::vector<double>>& schedules,
                  const std::vector<std::vector<double>>& deviation,
                  const std::vector<std::size_t>& rise) {
  RiseFit best;
  best.sum_sq = std::numeric_limits<double>::infinity();
  for (std::size_t r = 0; r < schedules.size(); ++r) {
    for (std::size_t k = rise[r]; k < deviation[r].size(); ++k) {
      best.static_sq += deviation[r][k] * deviation[r][k];
      ++best.n;
    }
  }
  for (double a = kDecayGridStep; a <= kDecayGridMax + 1e-12; a += kDecayGridStep) {
    double pq = 0, qq = 0, dd = 0;
    for (std::size_t r = 0; r < schedules.size(); ++r) {
      const std::vector<double> q = deficit_path(m, schedules[r], a);
      for (std::size_t k = rise[r]; k < deviation[r].size(); ++k) {
        pq -= deviation[r][k] * q[k];
        qq += q[k] * q[k];
        dd += deviation[r][k] * deviation[r][k];
      }
    }
    const double kappa = qq > 1e-300 ? std::max(0.0, pq / qq) : 0.0;
    const double sq = dd - 2.0 * kappa * pq + kappa * kappa * qq;
    if (sq < best.sum_sq) best.a = a, best.kappa = kappa, best.sum_sq = sq;
  }
  return best;
}

}  // namespace

double settled_acd_m(const CellTrace& run) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = run.acd_m.size() / 2; i < run.acd_m.size(); ++i) sum += run.acd_m[i], ++n;
  return n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

double rise_run_mean_loss(const ReducedModel& m, double share, std::size_t steps) {
  if (!(m.rise_metal > 0.0) || steps == 0) return 0.0;
  double sum = 0;
  for (double q : deficit_path(m, std::vector<double>(steps, share), m.rise_decay)) sum += q;
  return m.rise_metal * sum / static_cast<double>(steps);
}

void fit_rise_deficit(const FlexCase& c, const std::vector<double>& levels,
                      const std::vector<double>& acd_m, double duration, double interval,
                      ReducedModel& m, std::vector<std::vector<double>>& schedules,
                      std::vector<CellTrace>& traces) {
  // Only when the case asks for it (flex.rise_state; not the default: it over-charges cuts of
  // 3-6 h about twice, docs/model/flexibility.md §3).
  if (c.dispatch.rise_state == RiseStateChoice::kNone) return;
  const double onset = ceiling_onset(c, levels, acd_m);
  const double cut = 1.0 - m.delta;
  if (!std::isfinite(onset) || cut >= onset - 1e-9) {
    m.notes.push_back(
        std::isfinite(onset)
            ? fmt::format(
                  "the ACD ceiling's onset is at {:.1f} %, below the fit's cut of {:.0f} %: no "
                  "heat-deficit state for the rise out of a cut",
                  100 * onset, 100 * cut)
            : "no constant-power run below nominal reaches the ACD ceiling: no heat-deficit state "
              "for "
              "the rise out of a cut");
    return;
  }
  m.rise_onset = onset - 1.0;
  const auto steps = static_cast<std::size_t>(std::llround(duration / m.step_s));
  // The cut held a quarter and half of the fit run, then nominal (at least two steps after it).
  const std::vector<std::size_t> rise = {std::max<std::size_t>(1, steps / 4),
                                         std::max<std::size_t>(2, steps / 2)};
  if (steps < rise.back() + 2) return;
  std::vector<std::vector<double>> runs;
  for (std::size_t t : rise) {
    runs.emplace_back(steps, 1.0);
    std::fill(runs.back().begin(), runs.back().begin() + static_cast<std::ptrdiff_t>(t), cut);
  }
  std::vector<CellTrace> out(runs.size());
  tbb::parallel_for(std::size_t{0}, runs.size(), [&](std::size_t i) {
    out[i] = run_power_schedule(c.sim, runs[i], m.step_s, duration, interval,
                                c.dispatch.simulated_cells);
  });
  const double step_metal = m.nominal_production_kg_per_s * m.step_s;
  std::vector<std::vector<double>> deviation;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (out[i].stopped || step_metal <= 0) {
      m.notes.push_back(
          fmt::format("the rise run after {} steps at {:.0f} % stopped: no heat-deficit state",
                      rise[i], 100 * cut));
      m.rise_onset = -1;
      return;
    }
    const std::vector<double> model = m.production_deviations(runs[i]);
    deviation.emplace_back();
    for (std::size_t k = 0; k < steps; ++k) {
      const double kg = produced_kg_to(out[i], static_cast<double>(k + 1) * m.step_s) -
                        produced_kg_to(out[i], static_cast<double>(k) * m.step_s);
      deviation.back().push_back(kg / step_metal - m.base_production_share(k) - model[k]);
    }
  }
  const RiseFit f = fit_decay(m, runs, deviation, rise);
  m.rise_decay = f.a;
  m.rise_metal = f.kappa;
  m.rise_fit_steps = f.n;
  const auto n = static_cast<double>(std::max<std::size_t>(f.n, 1));
  m.rise_fit_rms = std::sqrt(std::max(0.0, f.sum_sq) / n);
  m.rise_static_rms = std::sqrt(f.static_sq / n);
  m.notes.push_back(fmt::format(
      "the rise out of a cut: the ACD ceiling's onset at {:.1f} % of nominal power; a heat-deficit "
      "state fitted to rises after {} and {} steps at {:.0f} %: decay {:.3f} per step, {:.3f} "
      "steps "
      "of metal per unit of deficit; after-rise metal per step rms {:.2f} % → {:.2f} %",
      100 * onset, rise[0], rise[1], 100 * cut, f.a, f.kappa, 100 * m.rise_static_rms,
      100 * m.rise_fit_rms));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    schedules.push_back(runs[i]);
    traces.push_back(std::move(out[i]));
  }
}

}  // namespace detail

std::vector<double> ReducedModel::rise_deficit(const std::vector<double>& shares) const {
  if (!(rise_metal > 0.0)) return std::vector<double>(shares.size(), 0.0);
  return detail::deficit_path(*this, shares, rise_decay);
}

}  // namespace potline::flex
