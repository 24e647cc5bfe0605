// The best constant schedule (see constant_reference.hpp).
#include "potline/flex/constant_reference.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace potline::flex {
namespace {

Schedule constant_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                           double share) {
  Schedule s;
  s.shares.assign(p.price_eur_per_J.size(), share);
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares);
  return s;
}

struct Evaluated {
  Schedule schedule;
  Resimulation check;
  ScheduleEconomics delivered;
};

}  // namespace

std::vector<double> constant_levels(const FlexCase& c, const ReducedModel& m) {
  const double low = flat_share(c, m), high = std::max(low, highest_share(c, m));
  std::vector<double> levels = {low};
  if (low < 1.0 - 1e-9 && 1.0 < high) levels.push_back(1.0);
  // The kinks of the production curve between: the reduced model's margin of a constant level is
  // linear between them (its curve is, and so its power and metal), so its best level lies at one
  // of them or at an end; the dynamic model then judges each.
  std::vector<double> share, production;
  m.curve_points(low, std::max(high, low + 1e-6), share, production);
  for (std::size_t i = 1; i + 1 < share.size(); ++i) {
    if (std::abs(share[i] - 1.0) > 1e-9) levels.push_back(share[i]);
  }
  if (high > low + 1e-6) levels.push_back(high);
  std::sort(levels.begin(), levels.end());
  return levels;
}

ConstantReference best_constant_schedule(const FlexCase& c, const ReducedModel& m,
                                         const HorizonPrices& p, const Resimulation& flat_check) {
  const std::vector<double> levels = constant_levels(c, m);
  std::vector<Evaluated> runs(levels.size());
  // One dynamic run per level, each into its own slot (the result does not depend on the threads).
  tbb::parallel_for(std::size_t{0}, levels.size(), [&](std::size_t i) {
    Evaluated& e = runs[i];
    e.schedule = constant_schedule(c, m, p, levels[i]);
    e.check = i == 0 ? flat_check : resimulate(c, m, e.schedule.shares, p.step_s, case_bounds(c));
    e.delivered = delivered_economics(c, p, e.schedule.economics, e.check);
  });
  ConstantReference best;
  std::size_t chosen = runs.size();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Evaluated& e = runs[i];
    const bool ok = e.check.in_window() && !e.check.trace.stopped;
    best.candidates.push_back({levels[i], ok, e.delivered.margin_eur()});
    if (ok && (chosen == runs.size() ||
               e.delivered.margin_eur() > runs[chosen].delivered.margin_eur() + 1e-9))
      chosen = i;
  }
  if (chosen < runs.size()) {
    best.found = true;
    best.schedule = std::move(runs[chosen].schedule);
    best.check = std::move(runs[chosen].check);
    best.delivered = runs[chosen].delivered;
  }
  return best;
}

}  // namespace potline::flex
