#include "potline/fleet/fleet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/eu_ets.hpp"

namespace potline::fleet {

Shocks no_shocks(const FleetModel& model) {
  const std::size_t n = model.regions.regions.size();
  Shocks s;
  s.power_factor.assign(n, 1.0);
  s.power_adder_usd_per_J.assign(n, 0.0);
  s.carbon_usd_per_kg_co2.assign(n, 0.0);
  return s;
}

double EuEtsCharge::benchmark_t_per_t(int y) const noexcept {
  if (benchmark_override_t_per_t) return *benchmark_override_t_per_t;
  return y < policy::kCbamFirstYear ? benchmark_2021_2025_t_per_t : benchmark_from_2026_t_per_t;
}

double EuEtsCharge::free_allocation_t_per_t(int y) const noexcept {
  return policy::eu_ets_free_allocation_t_per_t(y, benchmark_t_per_t(y), factor, cross_sectoral_correction);
}

policy::EuEtsInputs eu_ets_inputs(const FleetModel& model, const FleetSmelter& s, const Shocks& shocks) {
  // A [[carbon_price]] on the smelter's region replaces the EU ETS (fleet_case.cpp warns).
  if (shocks.carbon_usd_per_kg_co2[static_cast<std::size_t>(s.region)] != 0) return {};
  // The UK ETS: the EU ETS's function with the UK's free allocation and price (policy/uk_ets.hpp).
  if (s.in_uk_ets) return model.uk_ets.on ? model.uk_ets.schedule.inputs(model.uk_ets.year) : policy::EuEtsInputs{};
  const bool on = model.eu_ets.on && model.eu_ets.year != 0 && s.in_eu_ets;
  if (!on) return {};
  const double eua_usd_per_kg_co2 = shocks.eua_eur_per_t ? *shocks.eua_eur_per_t * s.inputs.usd_per_eur / 1000.0
                                                         : model.eu_ets.eua_usd_per_kg_co2;
  return {true, model.eu_ets.free_allocation_t_per_t(model.eu_ets.year), eua_usd_per_kg_co2};
}

void evaluate(const FleetModel& model, const Shocks& shocks, std::vector<SmelterEconomics>& out) {
  out.resize(model.smelters.size());
  // Years after 2034 take the 2034 row (policy/cbam.hpp); 0: no CBAM.
  const int year_index = model.cbam_year == 0 ? -1 : policy::cbam_schedule_index(model.cbam_year);
  for (std::size_t i = 0; i < model.smelters.size(); ++i) {
    const FleetSmelter& s = model.smelters[i];
    plant::SmelterInputs in = s.inputs;  // a copy: evaluation never changes the model
    const auto r = static_cast<std::size_t>(s.region);
    in.power_usd_per_J = s.base_power_usd_per_J * shocks.power_factor[r] + shocks.power_adder_usd_per_J[r];
    in.alumina_usd_per_kg *= shocks.alumina_factor;
    if (shocks.eua_eur_per_t) in.eua_eur_per_t.fill(*shocks.eua_eur_per_t);  // CBAM at the drawn EUA
    // EU ETS: the smelter model's (policy/eu_ets.hpp, the [eu_ets] inputs of a smelter case).
    in.eu_ets = eu_ets_inputs(model, s, shocks);
    plant::SmelterResult res = plant::evaluate(in);
    const bool cbam = in.cbam && year_index >= 0 && year_index < policy::kCbamYears;
    if (s.in_uk_ets && cbam && res.breakdown.eu_ets > 0) {
      // EU CBAM on UK metal less the UK ETS price paid on it ([EU 2023/956] Art. 9; uk_ets.hpp).
      const double see = in.cbam_default_route
                             ? policy::marked_up_default(in.cbam_default_see_t_per_t,
                                                         in.cbam_markup[static_cast<std::size_t>(year_index)])
                             : res.cbam_see_direct_t_per_t;
      in.carbon_price_paid_eur_per_t +=
          policy::uk_ets_carbon_price_paid_eur_per_t(res.breakdown.eu_ets * 1000.0, see, in.usd_per_eur);
      res = plant::evaluate(in);
    }
    SmelterEconomics& e = out[i];
    e.cbam_carbon_price_paid_eur_per_t = in.carbon_price_paid_eur_per_t;
    const double carbon = shocks.carbon_usd_per_kg_co2[r] * res.emissions.scope1;
    // The smelter model's ETS cost (in its C1) is the UK ETS's for a smelter in it, else the EU ETS's.
    (s.in_uk_ets ? e.uk_ets_free_allocation_kg_per_kg : e.eu_ets_free_allocation_kg_per_kg) =
        in.eu_ets.free_allocation_t_per_t;
    (s.in_uk_ets ? e.uk_ets_usd_per_kg : e.eu_ets_usd_per_kg) = res.breakdown.eu_ets;
    // Compensation of indirect emission costs (indirect_cost_case.hpp): on its AC consumption, the
    // stand-in for the aluminium benchmark; independent of the power price and its shocks.
    const double aid = s.indirect_cost_aid_usd_per_J * res.sec_ac_J_per_kg;
    e.indirect_cost_aid_usd_per_kg = aid;
    e.capacity_kg_per_s = res.capacity_kg_per_s;
    e.c1_usd_per_kg = res.c1_usd_per_kg + carbon - aid;
    e.domestic_carbon_usd_per_kg = carbon;
    e.business_usd_per_kg = res.business_usd_per_kg + carbon - aid;
    e.power_usd_per_kg = res.breakdown.power;
    e.sec_ac_J_per_kg = res.sec_ac_J_per_kg;
    e.electricity_J_per_kg = res.sec_ac_J_per_kg + res.ccs.electricity_J_per_kg;
    e.total_co2e_kg_per_kg = res.emissions.total;
    e.direct_co2e_kg_per_kg = res.cbam_see_direct_t_per_t;
    e.indirect_co2e_kg_per_kg = res.emissions.scope2;
    const double markup = cbam ? in.cbam_markup[static_cast<std::size_t>(year_index)] : 0.0;
    e.cbam_usd_per_kg = cbam ? res.cbam_usd_per_t[static_cast<std::size_t>(year_index)] / 1000.0 : 0.0;  // per t -> per kg
    e.cbam_default_see_kg_per_kg =
        cbam && s.cbam_country_default_t_per_t > 0 ? policy::marked_up_default(s.cbam_country_default_t_per_t, markup) : 0.0;
    e.cbam_see_kg_per_kg = !cbam                  ? 0.0
                           : in.cbam_default_route ? policy::marked_up_default(in.cbam_default_see_t_per_t, markup)
                                                   : res.cbam_see_direct_t_per_t;
    e.price_usd_per_kg = res.price_usd_per_kg;
  }
}

namespace {

std::vector<CurvePoint> sorted_curve(const std::vector<SmelterEconomics>& e, auto key) {
  std::vector<int> order(e.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(e[a]) < key(e[b]); });
  std::vector<CurvePoint> curve;
  curve.reserve(e.size());
  double cumulative = 0;
  for (int i : order) {
    cumulative += e[i].capacity_kg_per_s;
    curve.push_back({i, key(e[i]), e[i].capacity_kg_per_s, cumulative});
  }
  return curve;
}

}  // namespace

std::vector<CurvePoint> cost_curve(const std::vector<SmelterEconomics>& e, bool business) {
  if (business) return sorted_curve(e, [](const SmelterEconomics& x) { return x.business_usd_per_kg; });
  return sorted_curve(e, [](const SmelterEconomics& x) { return x.c1_usd_per_kg; });
}

std::vector<CurvePoint> emissions_curve(const std::vector<SmelterEconomics>& e) {
  return sorted_curve(e, [](const SmelterEconomics& x) { return x.total_co2e_kg_per_kg; });
}

double marginal_cost(const std::vector<CurvePoint>& curve, double demand_kg_per_s) {
  if (demand_kg_per_s <= 0) return curve.empty() ? 0.0 : curve.front().cost_usd_per_kg;
  for (const CurvePoint& p : curve) {
    if (p.cumulative_kg_per_s >= demand_kg_per_s * (1 - 1e-12)) return p.cost_usd_per_kg;
  }
  const double total = curve.empty() ? 0.0 : curve.back().cumulative_kg_per_s;
  throw core::RunError(fmt::format("demand {:.3f} Mt/yr exceeds the capacity on the cost curve ({:.3f} Mt/yr)",
                                   demand_kg_per_s * constants::kSecondsPerYear / 1e9, total * constants::kSecondsPerYear / 1e9));
}

std::vector<int> under_water(const std::vector<SmelterEconomics>& e) {
  std::vector<int> out;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (e[i].c1_usd_per_kg > e[i].price_usd_per_kg) out.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace potline::fleet
