// Interruptible load and reserve capacity (see grid_products.hpp; docs/model/flexibility.md §6).
#include "potline/flex/grid_products.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "dispatch_internal.hpp"
#include "potline/flex/dispatch.hpp"

namespace potline::flex {
namespace {

using detail::kInfinity;
using detail::whole_steps;

// Rows of one call scenario starting its cut at step s: the ledge and superheat of the scenario
// (the plan plus the deviation δ of the preheat π and the cut −R, propagated by the reduced model
// δ[t] = Σ_j a^(t−j)·b·Δu[j]) within the bounds, and the line power during the cut at or above
// grid.call_min_power.
void add_scenario_rows(const FlexCase& c, const ReducedModel& m, const HeatBounds& h, bool heat,
                       const std::vector<int>& u, const std::vector<int>& x, const CallLayout& layout, std::size_t s,
                       Milp& lp) {
  const std::size_t K = u.size();
  const std::size_t t0 = layout.first_notice[s], end = std::min(K, s + layout.call_steps);
  const std::vector<int>& pre = layout.preheat[s];
  for (std::size_t t = t0; t < end; ++t) {
    // δ[t] = Σ_{j<s} a^(t−j)·b·π[j] − R·b·Σ_{j=s..t} a^(t−j)
    std::vector<int> idx{x[t]};
    std::vector<double> ledge{1.0};
    double cut = 0;
    for (std::size_t j = t0; j <= t; ++j) {
      const double w = std::pow(m.a, static_cast<double>(t - j)) * m.b;
      if (j < s) {
        idx.push_back(pre[j - t0]);
        ledge.push_back(w);
      } else {
        cut += w;
      }
    }
    idx.push_back(layout.reserve);
    ledge.push_back(-cut);
    if (heat) {
      Milp::Row& lr = lp.add_row(h.ledge_min_m - m.ledge_ref_m, h.ledge_max_m - m.ledge_ref_m);
      lr.index = idx;
      lr.value = ledge;
      // Superheat c·(u + Δu) + d·(x + δ): Δu = π in the notice, −R in the cut.
      std::vector<int> sidx = idx;
      std::vector<double> sval;
      for (double v : ledge) sval.push_back(m.d * v);
      sidx.push_back(u[t]);
      sval.push_back(m.c);
      if (t < s) {
        sval[1 + (t - t0)] += m.c;  // π[t] sits at position 1 + (t − t0)
      } else {
        sval[ledge.size() - 1] -= m.c;  // the R column is the last of the ledge terms
      }
      Milp::Row& sr = lp.add_row(h.superheat_min_K - m.superheat_ref_K, h.superheat_max_K - m.superheat_ref_K);
      sr.index = std::move(sidx);
      sr.value = std::move(sval);
    }
    if (t >= s) {
      Milp::Row& pr = lp.add_row(c.call_min_power() - 1.0, kInfinity);
      pr.index = {u[t], layout.reserve};
      pr.value = {1.0, -1.0};
    }
  }
}

}  // namespace

double net_metal_eur_per_kg(const FlexCase& c) {
  const Economics& e = c.economics;
  return e.metal_eur_per_kg - e.alumina_eur_per_kg * e.alumina_kg_per_kg -
         e.carbon_eur_per_kg * c.sim.dynamics.carbon_kg_per_kg_al;
}

CallLayout add_call_scenarios(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                              bool heat, const std::vector<int>& u, const std::vector<int>& x, Milp& lp) {
  CallLayout layout;
  if (!c.grid.offered()) return layout;
  const std::size_t K = u.size();
  const double unit_W = grid_power_W(c, m);  // AC at the grid connection
  const double horizon_s = p.step_s * static_cast<double>(K);
  layout.reserve = lp.add_column("R", 0.0, c.grid.interruptible_power_W / unit_W,
                                 c.grid.reserve_price_eur_per_J * unit_W * horizon_s);
  layout.call_steps = std::max<std::size_t>(1, whole_steps(c.grid.call_duration_s, p.step_s, true));
  layout.notice_steps = whole_steps(c.grid.notice_s, p.step_s, false);
  const double hi = highest_share(c, m) - 1.0;
  for (std::size_t s = 0; s < K; ++s) {
    layout.first_notice.push_back(s >= layout.notice_steps ? s - layout.notice_steps : 0);
    std::vector<int> pre;
    for (std::size_t j = layout.first_notice[s]; j < s; ++j) {
      // Preheat π ≥ 0 on top of the plan, the line at most at flex.max_power (or the rectifier's
      // reach).
      pre.push_back(lp.add_column(fmt::format("pre{}_{}", s, j), 0.0, kInfinity, 0.0));
      Milp::Row& r = lp.add_row(-kInfinity, hi);
      r.index = {u[j], pre.back()};
      r.value = {1.0, 1.0};
    }
    layout.preheat.push_back(std::move(pre));
  }
  for (std::size_t s = 0; s < K; ++s) add_scenario_rows(c, m, h, heat, u, x, layout, s, lp);
  return layout;
}

CallScenario worst_call(const ReducedModel& m, const HeatBounds& h, const CallLayout& layout,
                        const std::vector<double>& shares, double reserve_share, const std::vector<double>& x_solution) {
  CallScenario worst;
  if (layout.reserve < 0 || reserve_share <= 0 || shares.empty()) return worst;
  const std::size_t K = shares.size();
  double least = kInfinity;
  for (std::size_t s = 0; s < K; ++s) {
    std::vector<double> with_call = shares;
    const std::size_t t0 = layout.first_notice[s], end = std::min(K, s + layout.call_steps);
    for (std::size_t j = t0; j < s; ++j)
      with_call[j] += x_solution[static_cast<std::size_t>(layout.preheat[s][j - t0])];
    for (std::size_t t = s; t < end; ++t) with_call[t] -= reserve_share;
    std::vector<double> ledge, superheat;
    m.predict(with_call, ledge, superheat);
    double slack = kInfinity;
    for (std::size_t t = t0; t < end; ++t) {
      slack = std::min({slack, 100 * (ledge[t + 1] - h.ledge_min_m), 100 * (h.ledge_max_m - ledge[t + 1]),
                        superheat[t] - h.superheat_min_K, h.superheat_max_K - superheat[t]});
    }
    if (slack < least) {
      least = slack;
      worst = {true, s, t0, end, std::move(with_call), slack};
    }
  }
  return worst;
}

GridValue grid_value(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, double reserve_share) {
  GridValue g;
  const std::size_t K = p.price_eur_per_J.size();
  if (!c.grid.offered() || K == 0) return g;
  const double horizon_s = p.step_s * static_cast<double>(K);
  g.offered_W = reserve_share * grid_power_W(c, m);  // AC at the grid connection
  g.reserve_payment_eur = g.offered_W * c.grid.reserve_price_eur_per_J * horizon_s;
  const double call_s = std::min(horizon_s, c.grid.call_duration_s);
  double mean_price = 0;
  for (double price : p.price_eur_per_J) mean_price += price / static_cast<double>(K);
  g.call_energy_J = g.offered_W * call_s;
  g.call_payment_eur = g.call_energy_J * c.grid.call_price_eur_per_J;
  g.call_avoided_power_cost_eur = g.call_energy_J * mean_price;
  g.call_lost_metal_kg = m.e_down * reserve_share * m.nominal_production_kg_per_s * c.cells * call_s;
  g.call_lost_metal_value_eur = g.call_lost_metal_kg * net_metal_eur_per_kg(c);
  g.call_net_value_eur = g.call_payment_eur + g.call_avoided_power_cost_eur - g.call_lost_metal_value_eur;
  g.max_calls_in_horizon = c.grid.calls_per_period * horizon_s / c.grid.call_period_s;
  g.value_with_max_calls_eur = g.reserve_payment_eur + g.max_calls_in_horizon * g.call_net_value_eur;
  return g;
}

}  // namespace potline::flex
