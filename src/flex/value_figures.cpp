// The value figures of a flex schedule against the flat one, planned and as delivered (see
// flex_run.hpp; docs/model/flexibility.md §5): savings in EUR, % of the flat power cost and per
// tonne, energy shifted and added, round-trip efficiency, the change of specific energy, and the
// savings net of the extra anode effects; the heat exchangers' increment (T8-1).
#include <algorithm>
#include <cmath>
#include <optional>

#include "potline/flex/flex_run.hpp"

namespace potline::flex {
namespace {

// Least metal between the constant-level and the flat schedule for their energy per kg to count as
// the basis's marginal rate (1 kg: a numerical floor, below it the two are the same schedule).
constexpr double kMinRateMetal_kg = 1.0;

// The energy per kg of the metal beyond the flat schedule's on one basis (AC at the grid): the best
// constant schedule's against the flat one's, both on that basis (planned: the reduced model's
// production curve; delivered: the two dynamic runs), when their metal differs; else the reduced
// model's marginal rate P0/(η·r0·e).
double metal_rate_J_per_kg(const FlexCase& c, const FlexResult& r, const ScheduleEconomics& flat,
                           const ScheduleEconomics* constant, double extra_kg) {
  if (constant != nullptr &&
      std::abs(constant->production_kg - flat.production_kg) >= kMinRateMetal_kg) {
    const double rate =
        (constant->energy_J - flat.energy_J) / (constant->production_kg - flat.production_kg);
    if (rate > 0) return rate;
  }
  return marginal_energy_per_kg_J(c, r.model, extra_kg);
}

// The figures both bases share, from the two schedules' economics and their per-step energies.
ValueFigures figures(const FlexCase& c, const FlexResult& r, const ScheduleEconomics& flat,
                     const ScheduleEconomics& opt, const std::vector<double>& flat_step_J,
                     const std::vector<double>& opt_step_J, const ScheduleEconomics* constant) {
  ValueFigures v;
  v.savings_eur = opt.margin_eur() - flat.margin_eur();
  v.flat_power_cost_eur = flat.power_cost_eur;
  v.flat_energy_J = flat.energy_J;
  v.power_cost_change_eur = opt.power_cost_eur - flat.power_cost_eur;
  v.production_kg = opt.production_kg;
  v.extra_production_kg = opt.production_kg - flat.production_kg;
  v.energy_change_J = opt.energy_J - flat.energy_J;
  for (std::size_t k = 0; k < std::min(flat_step_J.size(), opt_step_J.size()); ++k) {
    const double d = opt_step_J[k] - flat_step_J[k];
    (d < 0 ? v.energy_shifted_J : v.energy_added_J) += std::abs(d);
  }
  v.extra_metal_energy_J =
      v.extra_production_kg * metal_rate_J_per_kg(c, r, flat, constant, v.extra_production_kg);
  v.round_trip_efficiency =
      round_trip_efficiency(v.energy_shifted_J, v.energy_added_J, v.extra_metal_energy_J);
  const auto sec = [](const ScheduleEconomics& e) {
    return e.production_kg > 0 ? e.energy_J / e.production_kg : 0.0;
  };
  v.sec_change_percent = sec(flat) > 0 && sec(opt) > 0 ? 100 * (sec(opt) / sec(flat) - 1) : 0.0;
  return v;
}

// The planned schedules' energy per step (AC at the grid), as schedule_economics counts it: share
// × nominal power × step, and a restart's energy beyond the schedule (so that the steps sum to the
// schedule's energy: net change = added − shifted).
std::vector<double> planned_step_energy_J(const FlexCase& c, const FlexResult& r,
                                          const std::vector<double>& shares) {
  std::vector<double> out(shares.size());
  const double unit_J = grid_power_W(c, r.model) * r.prices.step_s;
  for (std::size_t k = 0; k < shares.size(); ++k)
    out[k] = r.model.step_energy_share(shares, k) * unit_J;
  return out;
}

// Whether the plan shifts energy enough for a round trip (kMinShiftedShare of the flat energy).
bool plan_shifts_energy(const ValueFigures& planned) {
  return planned.energy_shifted_J > kMinShiftedShare * std::abs(planned.flat_energy_J);
}

// The plan's figures without the AE costs (for its shift).
ValueFigures planned_shift(const FlexCase& c, const FlexResult& r) {
  const Schedule& opt = r.final_round().schedule;
  return figures(c, r, r.flat.economics, opt.economics, planned_step_energy_J(c, r, r.flat.shares),
                 planned_step_energy_J(c, r, opt.shares), nullptr);
}

// A percentage of the flat power cost, none when that cost is below kMinMeanPrice_eur_per_MWh on
// average over the flat energy (a zero or near-zero base, T8-6).
std::optional<double> percent_of_cost(double eur, double cost_eur, double energy_J) {
  const double floor_eur = kMinMeanPrice_eur_per_MWh * std::abs(energy_J) / 3.6e9;
  if (std::abs(cost_eur) <= std::max(floor_eur, 1e-9)) return std::nullopt;
  return 100 * eur / std::abs(cost_eur);
}

}  // namespace

std::optional<double> ValueFigures::savings_percent_of_power_cost() const {
  return percent_of_cost(savings_eur, flat_power_cost_eur, flat_energy_J);
}

std::optional<double> ValueFigures::power_cost_change_percent() const {
  return percent_of_cost(power_cost_change_eur, flat_power_cost_eur, flat_energy_J);
}

double ValueFigures::savings_eur_per_t() const {
  return production_kg > 0 ? savings_eur / (production_kg / 1e3) : 0.0;
}

double marginal_energy_per_kg_J(const FlexCase& c, const ReducedModel& m, double extra_kg) {
  // AC as the energy shifted and added: production share e per power share, so ΔE = ΔM·P0/(η·r0·e).
  const double e = extra_kg >= 0 ? m.e_up : m.e_down;
  return e > 0 && m.nominal_production_kg_per_s > 0
             ? m.nominal_power_W / c.rectifier_efficiency() / (m.nominal_production_kg_per_s * e)
             : 0;
}

std::optional<double> round_trip_efficiency(double shifted_J, double added_J,
                                            double extra_metal_energy_J) {
  const double restoring_J = added_J - extra_metal_energy_J;
  if (shifted_J <= 0 || restoring_J <= 0) return std::nullopt;
  return shifted_J / restoring_J;
}

double horizon_mean_price_eur_per_J(const HorizonPrices& p) {
  double mean_price = 0;
  for (double price : p.price_eur_per_J)
    mean_price += price / static_cast<double>(p.price_eur_per_J.size());
  return mean_price;
}

AnodeEffectCost anode_effect_cost(const FlexCase& c, const FlexResult& r) {
  const Resimulation& opt = r.final_round().check;
  const Resimulation& flat = r.flat_check;
  const double mean_price = horizon_mean_price_eur_per_J(r.prices);
  AnodeEffectCost a;
  // The AE overvoltage energy of the cells (DC), bought at the grid connection (AC).
  a.extra_energy_J = (opt.ae_energy_J - flat.ae_energy_J) / c.rectifier_efficiency();
  a.extra_energy_eur = a.extra_energy_J * mean_price;
  a.extra_pfc_kg = opt.pfc_co2e_kg - flat.pfc_co2e_kg;
  a.extra_pfc_eur = a.extra_pfc_kg * c.economics.co2_eur_per_kg;
  return a;
}

ValueFigures planned_figures(const FlexCase& c, const FlexResult& r) {
  const Schedule& opt = r.final_round().schedule;
  ValueFigures v =
      figures(c, r, r.flat.economics, opt.economics, planned_step_energy_J(c, r, r.flat.shares),
              planned_step_energy_J(c, r, opt.shares),
              r.constant.found ? &r.constant.schedule.economics : nullptr);
  if (!plan_shifts_energy(v)) v.round_trip_efficiency.reset();
  const AnodeEffectCost a = anode_effect_cost(c, r);
  v.anode_effect_cost_eur = a.extra_energy_eur + a.extra_pfc_eur;
  v.savings_net_of_anode_effects_eur = v.savings_eur - v.anode_effect_cost_eur;
  return v;
}

bool plan_shifts_energy(const FlexCase& c, const FlexResult& r) {
  return plan_shifts_energy(planned_shift(c, r));
}

ValueFigures delivered_figures(const FlexCase& c, const FlexResult& r) {
  const bool constant_ran = r.constant.found && !r.constant_check.trace.stopped;
  ValueFigures v = figures(c, r, r.flat_delivered, r.delivered,
                           delivered_step_energy_J(c, r.prices, r.flat_check),
                           delivered_step_energy_J(c, r.prices, r.final_round().check),
                           constant_ran ? &r.constant_delivered : nullptr);
  // A round trip is the schedule's: when the plan shifts nothing, the dynamic runs' differences are
  // the cells' own, not a round trip (T8-6: "1.000" planned beside "0.000" delivered).
  if (!plan_shifts_energy(c, r)) v.round_trip_efficiency.reset();
  // The drawn energy holds the AE overvoltage energy at each step's price: only the PFC is left.
  v.anode_effect_cost_eur = anode_effect_cost(c, r).extra_pfc_eur;
  v.savings_net_of_anode_effects_eur = v.savings_eur - v.anode_effect_cost_eur;
  return v;
}

ExchangerValue exchanger_value(const FlexCase& c, const FlexResult& r) {
  ExchangerValue x;
  const WithoutExchangers& off = r.without_exchangers;
  if (!c.sim.exchangers.enabled || c.economics.heat_exchanger_capex_eur <= 0 || !off.run) return x;
  x.assessed = true;
  x.capex_eur = c.economics.heat_exchanger_capex_eur;
  const FlexValue on = flex_value(c, r);
  // One basis for both: a run that stopped delivered no horizon, so both go on the plan then.
  x.on_delivered = on.on_delivered && off.on_delivered;
  x.with_annual_eur = x.on_delivered ? on.delivered_annual_eur : on.planned_annual_eur;
  x.without_annual_eur =
      x.on_delivered ? off.delivered_annual_eur : off.planned_annual_eur;
  x.increment_annual_eur = x.with_annual_eur - x.without_annual_eur;
  x.planned_increment_annual_eur = on.planned_annual_eur - off.planned_annual_eur;
  x.delivered_increment_annual_eur = on.delivered_annual_eur - off.delivered_annual_eur;
  if (x.increment_annual_eur > 0) x.payback_years = x.capex_eur / x.increment_annual_eur;
  if (x.on_delivered) {  // the increment's parts (T15-5): the delivered savings, and the adjustments
    const double per_year = c.economics.flexible_days_per_year / (c.dispatch.horizon_s / 86400);
    x.savings_increment_annual_eur = (on.delivered_savings_eur - off.delivered_savings_eur) * per_year;
    x.adjustments_increment_annual_eur = x.increment_annual_eur - x.savings_increment_annual_eur;
    if (x.savings_increment_annual_eur > 0) x.savings_payback_years = x.capex_eur / x.savings_increment_annual_eur;
  }
  x.optimised_margin_change_planned_eur =
      r.final_round().schedule.economics.margin_eur() - off.optimised_planned_eur;
  x.optimised_margin_change_delivered_eur = r.delivered.margin_eur() - off.optimised_delivered_eur;
  x.flat_margin_change_planned_eur = r.flat.economics.margin_eur() - off.flat_planned_eur;
  x.flat_margin_change_delivered_eur = r.flat_delivered.margin_eur() - off.flat_delivered_eur;
  return x;
}

}  // namespace potline::flex
