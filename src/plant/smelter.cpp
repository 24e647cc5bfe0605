#include "potline/plant/smelter.hpp"

namespace potline::plant {

double employees_per_kt(double employees, double capacity_kg_per_s) noexcept {
  const double kt_per_year = capacity_kg_per_s * kSecondsPerYear / 1e6;
  return kt_per_year > 0.0 ? employees / kt_per_year : 0.0;
}

double jobs_per_gigawatt(double employees, double load_W) noexcept {
  return load_W > 0.0 ? employees / (load_W / 1e9) : 0.0;
}

SmelterResult evaluate(const SmelterInputs& in) noexcept {
  SmelterResult r;
  r.capacity_kg_per_s = in.capacity_kg_per_s;
  r.production_kg_per_s = in.capacity_kg_per_s * in.capacity_factor;
  // Whole-plant electricity: potlines take (1 − auxiliary share) of it.
  r.sec_ac_J_per_kg = in.potline_sec_ac_J_per_kg / (1.0 - in.auxiliary_share);
  r.electrical_load_W = r.sec_ac_J_per_kg * r.production_kg_per_s;

  CostBreakdown& b = r.breakdown;
  b.alumina = in.alumina_kg_per_kg * in.alumina_usd_per_kg;
  b.carbon = in.net_carbon_kg_per_kg * in.anode_usd_per_kg;
  b.power = r.sec_ac_J_per_kg * in.power_usd_per_J;
  b.bath = in.alf3_kg_per_kg * in.alf3_usd_per_kg;
  b.labour = r.production_kg_per_s > 0.0 ? in.employees * in.wage_usd_per_s / r.production_kg_per_s : 0.0;
  b.other = in.other_usd_per_kg + in.relining_usd_per_kg;
  r.c1_usd_per_kg = b.total();
  r.c2_usd_per_kg = r.c1_usd_per_kg + in.depreciation_usd_per_kg;
  r.business_usd_per_kg =
      r.c1_usd_per_kg + in.overheads_usd_per_kg + in.sustaining_capex_usd_per_kg + in.interest_usd_per_kg;
  r.full_usd_per_kg = r.c2_usd_per_kg + in.overheads_usd_per_kg + in.interest_usd_per_kg;
  r.power_share_of_c1 = r.c1_usd_per_kg > 0.0 ? b.power / r.c1_usd_per_kg : 0.0;
  r.power_share_of_full = r.full_usd_per_kg > 0.0 ? b.power / r.full_usd_per_kg : 0.0;
  r.price_usd_per_kg = in.lme_usd_per_kg + in.premium_usd_per_kg;
  r.margin_c1_usd_per_kg = r.price_usd_per_kg - r.c1_usd_per_kg;
  r.margin_full_usd_per_kg = r.price_usd_per_kg - r.full_usd_per_kg;

  EmissionInputs e = in.emissions;
  e.electricity_J_per_kg = r.sec_ac_J_per_kg;
  r.emissions = evaluate_emissions(e, in.coefficients);
  // CBAM counts direct emissions of the goods' production: process CO2 and PFCs. Emissions of
  // electricity production, even on site, are indirect embedded emissions (not charged from 2026).
  r.cbam_see_direct_t_per_t = r.emissions.process;

  if (in.cbam) {
    for (int i = 0; i < policy::kCbamYears; ++i) {
      policy::CbamInputs c;
      c.year = policy::kCbamFirstYear + i;
      c.see_direct_t_per_t = in.cbam_default_route
                                 ? policy::marked_up_default(in.cbam_default_see_t_per_t, in.cbam_markup[i])
                                 : r.cbam_see_direct_t_per_t;
      c.eua_price_eur_per_t = in.eua_eur_per_t;
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

  r.employees_per_kt_capacity = employees_per_kt(in.employees, r.capacity_kg_per_s);
  r.employees_per_kg_per_s_capacity = r.capacity_kg_per_s > 0 ? in.employees / r.capacity_kg_per_s : 0.0;
  r.employees_per_kt_produced = employees_per_kt(in.employees, r.production_kg_per_s);
  r.jobs_per_GW = jobs_per_gigawatt(in.employees, r.electrical_load_W);
  return r;
}

}  // namespace potline::plant
