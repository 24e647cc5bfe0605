// PFC emissions of a dynamic run (see pfc.hpp); coefficients from the one table.
#include "potline/potline/pfc.hpp"

#include <cmath>

namespace potline::line {

std::optional<PfcCoefficients> pfc_coefficients(const plant::EmissionData& table, plant::CoefficientSet set,
                                                plant::TechnologyClass c) {
  const plant::PfcCoefficients* p = table.pfc(set, c);
  if (p == nullptr) return std::nullopt;
  PfcCoefficients k{p->slope_cf4, p->c2f6_per_cf4, std::nullopt};
  if (!std::isnan(p->overvoltage_cf4)) k.overvoltage_cf4 = p->overvoltage_cf4;
  return k;
}

std::optional<Gwp> gwp(const plant::EmissionData& table, plant::GwpSet set) {
  const plant::GwpValues* g = table.gwp(set);
  if (g == nullptr) return std::nullopt;
  return Gwp{g->cf4, g->c2f6};
}

std::vector<std::string> pfc_set_choices() {
  std::vector<std::string> out = plant::coefficient_set_names();
  for (const char* former : {"ipcc2006", "ipcc2019"}) out.emplace_back(former);
  return out;
}

PfcResult pfc_emissions(const AnodeEffectStatistics& ae, const PfcCoefficients& k, const Gwp& g,
                        PfcMethod method, double low_voltage_cf4_kg_per_kg) {
  PfcResult r;
  r.slope_cf4_kg = k.slope_cf4 * ae.minutes_per_cell_day() * ae.production_t;
  if (k.overvoltage_cf4 && ae.current_efficiency > 0) {
    r.overvoltage_cf4_kg = *k.overvoltage_cf4 * ae.overvoltage_mV() / (100.0 * ae.current_efficiency) * ae.production_t;
  }
  const double ae_cf4 = method == PfcMethod::kOvervoltage && r.overvoltage_cf4_kg ? *r.overvoltage_cf4_kg : r.slope_cf4_kg;
  r.low_voltage_cf4_kg = low_voltage_cf4_kg_per_kg * ae.production_t * 1000.0;  // kg/kg x kg Al
  r.cf4_kg = ae_cf4 + r.low_voltage_cf4_kg;
  r.c2f6_kg = ae_cf4 * k.c2f6_to_cf4;
  r.co2e_t = (r.cf4_kg * g.cf4 + r.c2f6_kg * g.c2f6) / 1000.0;
  return r;
}

}  // namespace potline::line
