// Money and energy of a dispatch schedule, the flat schedule it is compared with, and the horizon's
// prices and heat-state bounds (see dispatch.hpp; docs/model/flexibility.md §3).
#include <algorithm>
#include <cmath>

#include "potline/flex/dispatch.hpp"

namespace potline::flex {

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

ScheduleEconomics schedule_economics(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                     const std::vector<double>& shares, double reserve_share) {
  ScheduleEconomics e;
  const double cells = c.cells, dt = p.step_s;
  double previous = 1.0;
  const std::vector<double> production = m.production_path(shares);
  for (std::size_t k = 0; k < shares.size() && k < p.price_eur_per_J.size(); ++k) {
    const double energy = m.step_energy_share(shares, k) * grid_power_W(c, m) * dt;  // AC at the grid connection
    e.energy_J += energy;
    e.power_cost_eur += energy * p.price_eur_per_J[k];
    e.production_kg += production[k] * m.nominal_production_kg_per_s * cells * dt;
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

double highest_share(const FlexCase& c, const ReducedModel& m) {
  return std::min(c.dispatch.max_power, m.max_share);
}

double flat_share(const FlexCase& c, const ReducedModel& m) {
  const double lo = c.dispatch.min_power, hi = std::max(lo, highest_share(c, m));
  const double target = c.dispatch.production_target;
  // The lowest share of the production curve that makes the target: a breakpoint that makes it
  // exactly (nominal for a target of 100 %), else the segment that crosses it; clamped to the
  // limits.
  std::vector<double> share, production;
  m.curve_points(lo, hi, share, production);
  double found = hi;
  if (m.production_share(lo) >= target)
    found = lo;
  else if (lo <= 1.0 && 1.0 <= hi && std::abs(m.production_share(1.0) - target) < 1e-12)
    found = 1.0;
  for (std::size_t i = 0; found == hi && i < share.size(); ++i) {
    if (std::abs(production[i] - target) < 1e-12)
      found = share[i];
    else if (i + 1 < share.size() && production[i] < target && production[i + 1] > target)
      found = share[i] + (target - production[i]) * (share[i + 1] - share[i]) /
                             (production[i + 1] - production[i]);
  }
  return std::clamp(found, lo, hi);
}

Schedule flat_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p) {
  Schedule s;
  s.shares.assign(p.price_eur_per_J.size(), flat_share(c, m));
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares);
  return s;
}

}  // namespace potline::flex
