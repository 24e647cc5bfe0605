#include "potline/plant/smelter.hpp"

namespace potline::plant {
namespace {

// O2 evolved per kg Al by an inert anode: ½ Al2O3 → Al + ¾ O2 (whatever the current efficiency,
// docs/model/inert-anode.md), 889.4 kg per t.
constexpr double kOxygenPerAluminium_kg_per_kg =
    0.75 * 2.0 * constants::kMolarMassO_kg_per_mol / constants::kMolarMassAl_kg_per_mol;

/// What differs between potline groups, as plain numbers (no copies of the inputs).
struct Group {
  double capacity_kg_per_s;
  double capacity_factor;
  double potline_sec_ac_J_per_kg;
  double alumina_kg_per_kg;
  double net_carbon_kg_per_kg;
  double alf3_kg_per_kg;
  double relining_usd_per_kg;
  const EmissionInputs* emissions;
  const ResolvedCoefficients* coefficients;
};

Group single_group(const SmelterInputs& in) noexcept {
  return {in.capacity_kg_per_s,   in.capacity_factor,      in.potline_sec_ac_J_per_kg,
          in.alumina_kg_per_kg,   in.net_carbon_kg_per_kg, in.alf3_kg_per_kg,
          in.relining_usd_per_kg, &in.emissions,           &in.coefficients};
}

Group group_of(const PotlineGroupInputs& g) noexcept {
  return {g.capacity_kg_per_s,   g.capacity_factor,      g.potline_sec_ac_J_per_kg,
          g.alumina_kg_per_kg,   g.net_carbon_kg_per_kg, g.alf3_kg_per_kg,
          g.relining_usd_per_kg, &g.emissions,           &g.coefficients};
}

/// C1 from the breakdown, then C2, business, full, shares and margins (plant-wide per-tonne costs).
void cost_totals(const SmelterInputs& in, SmelterResult& r) noexcept {
  r.c1_usd_per_kg = r.breakdown.total();
  r.c2_usd_per_kg = r.c1_usd_per_kg + in.depreciation_usd_per_kg;
  r.business_usd_per_kg =
      r.c1_usd_per_kg + in.overheads_usd_per_kg + in.sustaining_capex_usd_per_kg + in.interest_usd_per_kg;
  r.full_usd_per_kg = r.c2_usd_per_kg + in.overheads_usd_per_kg + in.interest_usd_per_kg;
  r.power_share_of_c1 = r.c1_usd_per_kg > 0.0 ? r.breakdown.power / r.c1_usd_per_kg : 0.0;
  r.power_share_of_full = r.full_usd_per_kg > 0.0 ? r.breakdown.power / r.full_usd_per_kg : 0.0;
  r.price_usd_per_kg = in.lme_usd_per_kg + in.premium_usd_per_kg;
  r.margin_c1_usd_per_kg = r.price_usd_per_kg - r.c1_usd_per_kg;
  r.margin_full_usd_per_kg = r.price_usd_per_kg - r.full_usd_per_kg;
}

void labour(double employees, SmelterResult& r) noexcept {
  r.employees = employees;
  r.produces = r.production_kg_per_s > 0.0;
  r.employees_per_kt_capacity = employees_per_kt(employees, r.capacity_kg_per_s);
  r.employees_per_kg_per_s_capacity = r.capacity_kg_per_s > 0 ? employees / r.capacity_kg_per_s : 0.0;
  r.employees_per_kt_produced = employees_per_kt(employees, r.production_kg_per_s);
  r.jobs_per_GW = jobs_per_gigawatt(employees, r.electrical_load_W);
}

/// One group of potlines with `employees` charged to it; no CBAM.
SmelterResult evaluate_group(const SmelterInputs& in, const Group& g, double employees) noexcept {
  SmelterResult r;
  r.capacity_kg_per_s = g.capacity_kg_per_s;
  r.production_kg_per_s = g.capacity_kg_per_s * g.capacity_factor;
  // Whole-plant electricity: potlines take (1 − auxiliary share) of it.
  r.sec_ac_J_per_kg = g.potline_sec_ac_J_per_kg / (1.0 - in.auxiliary_share);

  EmissionInputs e = *g.emissions;
  e.electricity_J_per_kg = r.sec_ac_J_per_kg;
  e.inert_anode = in.inert_anode;
  if (in.ccs.capture_rate > 0.0) {
    // Capture treats the anode gas: its CO2 does not depend on the electricity.
    r.ccs = evaluate_ccs(in.ccs, evaluate_emissions(e, *g.coefficients).anode_co2);
    e.electricity_J_per_kg += r.ccs.electricity_J_per_kg;
    e.ccs_captured_kg_per_kg = r.ccs.captured_kg_per_kg;
    e.ccs_fuel_co2_kg_per_kg = r.ccs.fuel_co2_kg_per_kg;
    r.ccs_electricity_co2_kg_per_kg = r.ccs.electricity_J_per_kg * e.power_co2_kg_per_J;
  }
  // The capture's electricity is plant load, but not part of the plant SEC (reported apart).
  r.electrical_load_W = (r.sec_ac_J_per_kg + r.ccs.electricity_J_per_kg) * r.production_kg_per_s;
  r.oxygen_kg_per_kg = in.inert_anode ? kOxygenPerAluminium_kg_per_kg : 0.0;

  r.emissions = evaluate_emissions(e, *g.coefficients);
  // CBAM counts direct emissions of the goods' production: process CO2, PFCs and the fuels burnt
  // on site. Emissions of electricity production, even on site, are indirect embedded emissions
  // (not charged from 2026).
  r.cbam_see_direct_t_per_t = r.emissions.direct;

  CostBreakdown& b = r.breakdown;
  b.alumina = g.alumina_kg_per_kg * in.alumina_usd_per_kg;
  b.carbon = g.net_carbon_kg_per_kg * in.anode_usd_per_kg + (in.inert_anode ? in.inert_anode_usd_per_kg : 0.0);
  b.power = r.sec_ac_J_per_kg * in.power_usd_per_J;
  b.ccs = r.ccs.non_energy_usd_per_kg + r.ccs.fuel_usd_per_kg + r.ccs.electricity_J_per_kg * in.power_usd_per_J;
  b.bath = g.alf3_kg_per_kg * in.alf3_usd_per_kg;
  r.labour_usd_per_s = employees * in.wage_usd_per_s;
  b.labour = r.production_kg_per_s > 0.0 ? r.labour_usd_per_s / r.production_kg_per_s : 0.0;
  b.other = in.other_usd_per_kg + g.relining_usd_per_kg;
  // EU ETS on the group's direct emissions (the CBAM ones: no electricity); 0 outside the ETS.
  b.eu_ets = policy::eu_ets_cost_usd_per_kg(in.eu_ets, r.cbam_see_direct_t_per_t);
  cost_totals(in, r);
  labour(employees, r);
  return r;
}

void add_weighted(CcsResult& sum, const CcsResult& x, double w) noexcept {
  sum.active = sum.active || x.active;
  sum.treated_co2_kg_per_kg += w * x.treated_co2_kg_per_kg;
  sum.captured_kg_per_kg += w * x.captured_kg_per_kg;
  sum.electricity_J_per_kg += w * x.electricity_J_per_kg;
  sum.fuel_J_per_kg += w * x.fuel_J_per_kg;
  sum.fuel_co2_kg_per_kg += w * x.fuel_co2_kg_per_kg;
  sum.non_energy_usd_per_kg += w * x.non_energy_usd_per_kg;
  sum.fuel_usd_per_kg += w * x.fuel_usd_per_kg;
  // Per kg CO2 captured: the same plant serves every group (same gas and inputs).
  if (x.active) {
    sum.gas_volume_Nm3_per_kg_co2 = x.gas_volume_Nm3_per_kg_co2;
    sum.minimum_work_J_per_kg_co2 = x.minimum_work_J_per_kg_co2;
    sum.fan_J_per_kg_co2 = x.fan_J_per_kg_co2;
    sum.electricity_J_per_kg_co2 = x.electricity_J_per_kg_co2;
    sum.fuel_J_per_kg_co2 = x.fuel_J_per_kg_co2;
  }
}

void add_weighted(EmissionResult& sum, const EmissionResult& x, double w) noexcept {
  sum.anode_co2 += w * x.anode_co2;
  sum.baking_co2 += w * x.baking_co2;
  sum.cf4_kg_per_kg += w * x.cf4_kg_per_kg;
  sum.c2f6_kg_per_kg += w * x.c2f6_kg_per_kg;
  sum.low_voltage_cf4_kg_per_kg += w * x.low_voltage_cf4_kg_per_kg;
  sum.pfc_co2e += w * x.pfc_co2e;
  sum.baking_fuel_co2 += w * x.baking_fuel_co2;
  sum.casthouse_fuel_co2 += w * x.casthouse_fuel_co2;
  sum.power_co2 += w * x.power_co2;
  sum.ccs_captured += w * x.ccs_captured;
  sum.ccs_fuel_co2 += w * x.ccs_fuel_co2;
  sum.process += w * x.process;
  sum.direct += w * x.direct;
  sum.scope1 += w * x.scope1;
  sum.scope2 += w * x.scope2;
  sum.total += w * x.total;
}

/// Weight of group i in the plant's per-tonne means: its production share, or its capacity share
/// when the plant produces nothing (so that an idle plant still reports finite intensities).
double group_weight(const SmelterInputs& in, std::size_t i) noexcept {
  double production = 0.0, capacity = 0.0;
  for (const auto& g : in.potlines) {
    production += g.capacity_kg_per_s * g.capacity_factor;
    capacity += g.capacity_kg_per_s;
  }
  const auto& g = in.potlines[i];
  if (production > 0.0) return g.capacity_kg_per_s * g.capacity_factor / production;
  return capacity > 0.0 ? g.capacity_kg_per_s / capacity : 1.0 / static_cast<double>(in.potlines.size());
}

void apply_cbam(const SmelterInputs& in, SmelterResult& r) noexcept {
  if (!in.cbam) return;
  for (int i = 0; i < policy::kCbamYears; ++i) {
    policy::CbamInputs c;
    c.year = policy::kCbamFirstYear + i;
    c.see_direct_t_per_t = in.cbam_default_route
                               ? policy::marked_up_default(in.cbam_default_see_t_per_t, in.cbam_markup[i])
                               : r.cbam_see_direct_t_per_t;
    c.eua_price_eur_per_t = in.eua_eur_per_t[static_cast<std::size_t>(i)];
    c.carbon_price_paid_eur_per_t = in.carbon_price_paid_eur_per_t;
    c.benchmark_t_per_t = in.cbam_benchmark_t_per_t;
    c.cbam_factor = in.cbam_factor[i];
    c.cross_sectoral_correction = in.cbam_cscf;
    const policy::CbamResult cr = policy::cbam_cost(c);
    r.cbam_certificates_per_t[i] = cr.certificates_per_t;
    r.cbam_eur_per_t[i] = cr.cost_eur_per_t;
    r.cbam_usd_per_t[i] = cr.cost_eur_per_t * in.usd_per_eur;
  }
}

}  // namespace

double employees_per_kt(double employees, double capacity_kg_per_s) noexcept {
  const double kt_per_year = capacity_kg_per_s * kSecondsPerYear / 1e6;
  return kt_per_year > 0.0 ? employees / kt_per_year : 0.0;
}

double jobs_per_gigawatt(double employees, double load_W) noexcept {
  return load_W > 0.0 ? employees / (load_W / 1e9) : 0.0;
}

std::size_t potline_group_count(const SmelterInputs& in) noexcept {
  return in.potlines.empty() ? 1 : in.potlines.size();
}

SmelterResult evaluate_potline(const SmelterInputs& in, std::size_t i) noexcept {
  if (in.potlines.empty()) return evaluate_group(in, single_group(in), in.employees);
  const PotlineGroupInputs& g = in.potlines[i];
  return evaluate_group(in, group_of(g), g.employees + in.employees * group_weight(in, i));
}

SmelterResult evaluate(const SmelterInputs& in) noexcept {
  if (in.potlines.empty()) {
    SmelterResult r = evaluate_group(in, single_group(in), in.employees);
    apply_cbam(in, r);
    return r;
  }
  SmelterResult r;
  double employees = in.employees;
  for (std::size_t i = 0; i < in.potlines.size(); ++i) {
    const double w = group_weight(in, i);
    const SmelterResult g = evaluate_potline(in, i);
    employees += in.potlines[i].employees;
    r.capacity_kg_per_s += g.capacity_kg_per_s;
    r.production_kg_per_s += g.production_kg_per_s;
    r.electrical_load_W += g.electrical_load_W;
    r.sec_ac_J_per_kg += w * g.sec_ac_J_per_kg;
    r.breakdown.alumina += w * g.breakdown.alumina;
    r.breakdown.carbon += w * g.breakdown.carbon;
    r.breakdown.power += w * g.breakdown.power;
    r.breakdown.bath += w * g.breakdown.bath;
    r.breakdown.other += w * g.breakdown.other;
    r.breakdown.ccs += w * g.breakdown.ccs;
    r.breakdown.eu_ets += w * g.breakdown.eu_ets;
    add_weighted(r.emissions, g.emissions, w);
    add_weighted(r.ccs, g.ccs, w);
    r.ccs_electricity_co2_kg_per_kg += w * g.ccs_electricity_co2_kg_per_kg;
    r.oxygen_kg_per_kg += w * g.oxygen_kg_per_kg;
  }
  // Labour on the totals: every employee is paid whatever the groups' output.
  r.labour_usd_per_s = employees * in.wage_usd_per_s;
  r.breakdown.labour = r.production_kg_per_s > 0.0 ? r.labour_usd_per_s / r.production_kg_per_s : 0.0;
  cost_totals(in, r);
  r.cbam_see_direct_t_per_t = r.emissions.direct;
  apply_cbam(in, r);
  labour(employees, r);
  return r;
}

}  // namespace potline::plant
