// The reduced model's production curve (reduced_model.hpp; docs/model/flexibility.md §2): the
// constant-power runs of the dynamic model at fixed levels, the concave fit, the choice between it
// and the measured points, and the curve's evaluation.
#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "reduced_model_internal.hpp"

namespace potline::flex {
namespace detail {
namespace {

// Power levels (shares of nominal) of the production curve's constant-power runs: fixed, so that
// the curve at a level does not depend on the power limits (user trial T8-11: one elasticity
// refitted over [100 %, flex.max_power] went from 1.25 to 0.82 with max_power). ±2.5 % and ±5 %
// resolve the ACD's own range, beyond which the metal bends (T8-3: the extra metal at +5 % comes
// from squeezing the ACD to its floor). A numerical choice of where the curve is measured (each
// level is one more run of flex.fit_duration).
constexpr std::array<double, 10> kCurveLevels = {0.5,   0.75, 0.9, 0.95, 0.975,
                                                 1.025, 1.05, 1.1, 1.25, 1.5};

// The levels the curve is measured at: nominal, the power limits (flex.min_power, the highest
// share) and the fixed levels between them.
std::vector<double> curve_levels(double lo, double hi) {
  std::vector<double> levels = {lo, 1.0, hi};
  for (double level : kCurveLevels) {
    if (level > lo + 1e-6 && level < hi - 1e-6) levels.push_back(level);
  }
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end(),
                           [](double x, double y) { return std::abs(x - y) < 1e-6; }),
               levels.end());
  return levels;
}

// The standard error of a fit run's mean production, in shares of nominal: the undisturbed run's
// per-step scatter (tapping, feeding) over the √steps of the run (steps taken as independent,
// which overstates it for a periodic scatter that a run's mean averages out).
double run_mean_standard_error(const ReducedModel& m, std::size_t steps) {
  const std::size_t n = std::min(steps, m.production_profile.size());
  if (n < 2) return 0.0;
  double mean = 0, sq = 0;
  for (std::size_t k = 0; k < n; ++k) mean += m.production_profile[k] / static_cast<double>(n);
  for (std::size_t k = 0; k < n; ++k)
    sq += (m.production_profile[k] - mean) * (m.production_profile[k] - mean);
  return std::sqrt(sq / static_cast<double>(n - 1)) / std::sqrt(static_cast<double>(n));
}

// Which curve the dispatch uses (docs/model/flexibility.md §2): the concave fit when it moves no
// measured point by more than the runs' own scatter (two standard errors of a run's mean: a 95 %
// band) or when the case asks for it (flex.production_curve = concave, the default: an LP), else
// the measured points themselves, whose convex kinks the dispatch carries with binaries (a MILP).
// flex.solver = lp keeps the concave fit (noted).
// `points` are the measured points the dispatch's curve goes through (curve_measured, less the
// rise state's loss over their own runs where it has one).
void choose_curve(const FlexCase& c, const std::vector<double>& points, ReducedModel& m,
                  std::size_t steps) {
  const std::vector<double> concave = concave_production_fit(m.curve_share, points);
  m.curve_concave_error = 0;
  for (std::size_t i = 0; i < concave.size(); ++i)
    m.curve_concave_error = std::max(m.curve_concave_error, std::abs(concave[i] - points[i]));
  m.curve_scatter = 2.0 * run_mean_standard_error(m, steps);
  const bool beyond = m.curve_concave_error > m.curve_scatter;
  m.curve_exact = beyond && c.dispatch.production_curve == ProductionCurveChoice::kMeasured &&
                  c.dispatch.solver != SolverChoice::kLp;
  m.curve_production = m.curve_exact ? points : concave;
  if (beyond && !m.curve_exact)
    m.notes.push_back(
        fmt::format("the production curve is not concave: its concave fit moves a point by {:.2f} "
                    "%, beyond the runs' scatter "
                    "of {:.2f} % ({})",
                    100 * m.curve_concave_error, 100 * m.curve_scatter,
                    c.dispatch.solver == SolverChoice::kLp &&
                            c.dispatch.production_curve == ProductionCurveChoice::kMeasured
                        ? "flex.solver = lp keeps the concave fit"
                        : "flex.production_curve = measured plans with the points, a MILP"));
}

// The per-step metal of the levels' runs against the undisturbed run (LevelSteps), for the
// production lag's fit: every level with a point but nominal.
std::vector<LevelSteps> level_steps(const ReducedModel& m, const std::vector<double>& levels,
                                    const std::vector<const FitRun*>& reused,
                                    const std::vector<CellTrace>& level_runs, std::size_t steps) {
  std::vector<LevelSteps> out;
  const double step_metal = m.nominal_production_kg_per_s * m.step_s;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (std::abs(levels[i] - 1.0) < 1e-9) continue;
    std::vector<double> kg;
    if (reused[i] != nullptr) {
      kg = reused[i]->step_kg;
    } else if (!level_runs[i].stopped) {
      for (std::size_t k = 0; k < steps; ++k)
        kg.push_back(produced_kg_to(level_runs[i], static_cast<double>(k + 1) * m.step_s) -
                     produced_kg_to(level_runs[i], static_cast<double>(k) * m.step_s));
    }
    if (kg.size() != steps || steps == 0) continue;
    LevelSteps l;
    l.share = levels[i];
    for (std::size_t k = 0; k < steps; ++k)
      l.d.push_back(kg[k] / step_metal - m.base_production_share(k));
    for (double d : l.d) l.mean += d / static_cast<double>(steps);
    out.push_back(std::move(l));
  }
  return out;
}

// The production curve (reduced_model.hpp): each level's constant-power run over the fit duration
// (the ±δ runs reused where a level is theirs), its mean production over the undisturbed run's. A
// run a guard stopped gives no point (noted); the curve's end segments extend over its level.
}  // namespace

void fit_production_curve(const FlexCase& c, const std::vector<FitRun>& runs, double duration,
                          double interval, double base_acd_m, ReducedModel& m,
                          std::vector<std::vector<double>>& rise_schedules,
                          std::vector<CellTrace>& rise_traces) {
  const double lo = std::min(1.0, c.dispatch.min_power),
               hi = std::max(1.0, std::min(c.dispatch.max_power, m.max_share));
  const double base_rate = m.nominal_production_kg_per_s;
  if (base_rate <= 0)
    throw core::RunError("flex: the undisturbed cell made no metal; no production fit");
  const std::vector<double> levels = curve_levels(lo, hi);
  // One run per level not run yet (nominal is the undisturbed run), each into its own slot: the
  // result does not depend on the thread count.
  std::vector<CellTrace> level_runs(levels.size());
  std::vector<const FitRun*> reused(levels.size(), nullptr);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    for (const FitRun& r : runs) {
      if (!r.stopped && std::abs(r.share - levels[i]) < 1e-9) reused[i] = &r;
    }
  }
  tbb::parallel_for(std::size_t{0}, levels.size(), [&](std::size_t i) {
    if (reused[i] == nullptr && std::abs(levels[i] - 1.0) > 1e-9)
      level_runs[i] = run_power_schedule(c.sim, {levels[i]}, duration, duration, interval,
                                         c.dispatch.simulated_cells);
  });
  std::vector<double> acd;  // settled ACD per curve point (the rise state's ceiling onset)
  for (std::size_t i = 0; i < levels.size(); ++i) {
    double production = 1.0, settled = base_acd_m;
    if (reused[i] != nullptr) {
      production = reused[i]->production_kg_per_s / base_rate;
      settled = reused[i]->acd_settled_m;
    } else if (std::abs(levels[i] - 1.0) > 1e-9) {
      const CellTrace& run = level_runs[i];
      settled = settled_acd_m(run);
      if (run.stopped) {
        m.notes.push_back(fmt::format(
            "the production curve's {:.1f} % run stopped at {:.1f} h ({}): no point there",
            100 * levels[i], run.stopped_at_s / 3600, run.stop_message));
        continue;
      }
      production = run.production_kg / duration / base_rate;
    }
    m.curve_share.push_back(levels[i]);
    m.curve_production.push_back(production);
    acd.push_back(settled);
  }
  if (m.curve_share.size() < 2)
    throw core::RunError(
        "flex: every production run of the dynamic model stopped; no production fit");
  m.curve_measured = m.curve_production;
  const auto steps = static_cast<std::size_t>(std::llround(duration / m.step_s));
  // The rise out of a cut: with its state the points below the ceiling's onset are the runs' means
  // less the state's mean loss over them, so that a constant level keeps its measured metal.
  fit_rise_deficit(c, m.curve_share, acd, duration, interval, m, rise_schedules, rise_traces);
  std::vector<double> points = m.curve_measured;
  for (std::size_t i = 0; i < points.size(); ++i)
    points[i] += rise_run_mean_loss(m, m.curve_share[i], steps);
  choose_curve(c, points, m, steps);
  if (c.dispatch.production_lag == ProductionLagChoice::kFirstOrder) {
    fit_production_lag(level_steps(m, levels, reused, level_runs, steps), m);
    // The curve's points are the levels' settled values: a run's mean less its transient.
    for (std::size_t i = 0; i < m.curve_share.size(); ++i)
      m.curve_production[i] =
          1.0 + settled_deviation(m, m.curve_share[i] - 1.0, m.curve_production[i] - 1.0, steps);
  }
  // The slopes next to nominal (the elasticities of a small change).
  const auto nominal =
      static_cast<std::size_t>(std::find_if(m.curve_share.begin(), m.curve_share.end(),
                                            [](double s) { return std::abs(s - 1.0) < 1e-9; }) -
                               m.curve_share.begin());
  const auto slope = [&m](std::size_t i) {
    return (m.curve_production[i + 1] - m.curve_production[i]) /
           (m.curve_share[i + 1] - m.curve_share[i]);
  };
  const std::size_t last = m.curve_share.size() - 1;
  m.e_up = nominal < last ? slope(nominal) : slope(nominal - 1);
  m.e_down = nominal > 0 ? slope(nominal - 1) : slope(nominal);
}

}  // namespace detail

// The concave curve nearest the measured points in its slopes: the segments' slopes made
// non-increasing by pooling adjacent violators (weighted by the segments' widths: the L2 projection
// of the slopes onto the non-increasing ones [Barlow et al. 1972]), then integrated from nominal,
// which stays at 1. A pooled run of segments keeps its chord.
std::vector<double> concave_production_fit(const std::vector<double>& share,
                                           const std::vector<double>& measured) {
  struct Block {
    double width = 0, rise = 0;
    std::size_t segments = 0;
    double slope() const { return rise / width; }
  };
  std::vector<Block> blocks;
  for (std::size_t j = 0; j + 1 < share.size(); ++j) {
    blocks.push_back({share[j + 1] - share[j], measured[j + 1] - measured[j], 1});
    while (blocks.size() >= 2 && blocks.back().slope() > blocks[blocks.size() - 2].slope()) {
      Block& before = blocks[blocks.size() - 2];
      before.width += blocks.back().width;
      before.rise += blocks.back().rise;
      before.segments += blocks.back().segments;
      blocks.pop_back();
    }
  }
  std::vector<double> slope;
  for (const Block& b : blocks) slope.insert(slope.end(), b.segments, b.slope());
  std::size_t nominal = 0;
  while (nominal + 1 < share.size() && std::abs(share[nominal] - 1.0) > 1e-9) ++nominal;
  std::vector<double> fitted(share.size(), measured[nominal]);
  for (std::size_t j = nominal; j + 1 < share.size(); ++j)
    fitted[j + 1] = fitted[j] + slope[j] * (share[j + 1] - share[j]);
  for (std::size_t j = nominal; j > 0; --j)
    fitted[j - 1] = fitted[j] - slope[j - 1] * (share[j] - share[j - 1]);
  return fitted;
}

double ReducedModel::production_share(double share) const {
  if (share <= 0.0) return 0.0;  // the line stopped (flex.max_off): no current, no metal
  if (curve_share.size() < 2) {
    const double u = share - 1.0;
    return 1.0 + (u >= 0.0 ? e_up : e_down) * u;
  }
  // The segment holding the share (the end segments extended beyond the curve).
  const auto it = std::upper_bound(curve_share.begin(), curve_share.end(), share);
  const auto i = std::clamp<std::size_t>(static_cast<std::size_t>(it - curve_share.begin()), 1,
                                         curve_share.size() - 1);
  const double w = (share - curve_share[i - 1]) / (curve_share[i] - curve_share[i - 1]);
  return curve_production[i - 1] + w * (curve_production[i] - curve_production[i - 1]);
}

void ReducedModel::curve_points(double lo, double hi, std::vector<double>& share,
                                std::vector<double>& production) const {
  share.clear();
  production.clear();
  std::vector<double> at = {lo};
  for (double s : curve_share) {
    if (s > lo + 1e-9 && s < hi - 1e-9) at.push_back(s);
  }
  if (curve_share.size() < 2 && 1.0 > lo + 1e-9 && 1.0 < hi - 1e-9) at.push_back(1.0);
  if (hi > lo + 1e-9) at.push_back(hi);
  for (double s : at) {
    // A breakpoint between two segments of the same slope (pooled by the concave fit) is dropped.
    const double p = production_share(s);
    const std::size_t n = share.size();
    if (n >= 2 &&
        std::abs((p - production[n - 1]) / (s - share[n - 1]) -
                 (production[n - 1] - production[n - 2]) / (share[n - 1] - share[n - 2])) < 1e-9) {
      share.back() = s;
      production.back() = p;
      continue;
    }
    share.push_back(s);
    production.push_back(p);
  }
}

}  // namespace potline::flex
