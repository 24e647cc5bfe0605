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
  for (std::size_t k = 0; k < shares.size() && k < p.price_eur_per_J.size(); ++k) {
    const double energy = m.step_energy_share(shares, k) * grid_power_W(c, m) * dt;  // AC at the grid connection
    e.energy_J += energy;
    e.power_cost_eur += energy * p.price_eur_per_J[k];
    e.production_kg += m.step_production_share(shares, k) * m.nominal_production_kg_per_s * cells * dt;
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
  const double t = c.dispatch.production_target - 1.0;
  const double e = t >= 0 ? m.e_up : m.e_down;
  const double share = e > 0 ? 1.0 + t / e : 1.0;
  return std::clamp(share, c.dispatch.min_power,
                    std::max(c.dispatch.min_power, highest_share(c, m)));
}

Schedule flat_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p) {
  Schedule s;
  s.shares.assign(p.price_eur_per_J.size(), flat_share(c, m));
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares);
  return s;
}

}  // namespace potline::flex
