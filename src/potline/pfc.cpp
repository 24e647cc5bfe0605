#include "potline/potline/pfc.hpp"

namespace potline::line {
namespace {
struct Row {
  const char* set;
  const char* technology;
  double slope;
  double ratio;
  double ovc;  // < 0: none
};
// [IPCC 2006 Vol3 Ch4] Table 4.16 (slope and overvoltage coefficients, C2F6/CF4 weight
// fractions); [IPCC 2019 Refinement] values as quoted in [EU 2025/2547] Annex II by secondary
// sources (not checked against either primary text; no overvoltage coefficients quoted).
// The same rows are in data/emissions/ipcc-aluminium.toml (read by the smelter model); the test
// PfcTablesAgree fails when one is changed without the other.
constexpr Row kRows[] = {
    {"ipcc2006", "CWPB", 0.143, 0.121, 1.16},
    {"ipcc2006", "SWPB", 0.272, 0.252, 3.65},
    {"ipcc2006", "VSS", 0.092, 0.053, -1},
    {"ipcc2006", "HSS", 0.099, 0.085, -1},
    {"ipcc2019", "PFPB_legacy", 0.122, 0.097, -1},
    {"ipcc2019", "PFPB_modern", 0.104, 0.057, -1},
    {"ipcc2019", "SWPB", 0.233, 0.280, -1},
    {"ipcc2019", "VSS", 0.058, 0.086, -1},
    {"ipcc2019", "HSS", 0.165, 0.077, -1},
};
struct GwpRow {
  const char* set;
  double cf4;
  double c2f6;
};
// GWP-100: [IPCC SAR 1995], [IPCC AR4 2007], [IPCC AR5 2013], [IPCC AR6 2021] (AR4-AR6 as in
// data/emissions/ipcc-aluminium.toml; SAR as commonly quoted, not checked).
constexpr GwpRow kGwp[] = {{"SAR", 6500, 9200}, {"AR4", 7390, 12200}, {"AR5", 6630, 11100}, {"AR6", 7380, 12400}};
}  // namespace

std::optional<PfcCoefficients> pfc_coefficients(const std::string& set, const std::string& technology) {
  for (const Row& r : kRows) {
    if (set == r.set && technology == r.technology) {
      PfcCoefficients k{r.slope, r.ratio, std::nullopt};
      if (r.ovc >= 0) k.overvoltage_cf4 = r.ovc;
      return k;
    }
  }
  return std::nullopt;
}

std::vector<std::string> pfc_coefficient_sets() { return {"ipcc2006", "ipcc2019"}; }

std::vector<std::string> pfc_technologies(const std::string& set) {
  std::vector<std::string> out;
  for (const Row& r : kRows) {
    if (set == r.set) out.emplace_back(r.technology);
  }
  return out;
}

std::optional<Gwp> gwp(const std::string& set) {
  for (const GwpRow& g : kGwp) {
    if (set == g.set) return Gwp{g.cf4, g.c2f6};
  }
  return std::nullopt;
}

std::vector<std::string> gwp_sets() { return {"SAR", "AR4", "AR5", "AR6"}; }

PfcResult pfc_emissions(const AnodeEffectStatistics& ae, const PfcCoefficients& k, const Gwp& g,
                        PfcMethod method, double low_voltage_cf4_kg_per_t) {
  PfcResult r;
  r.slope_cf4_kg = k.slope_cf4 * ae.minutes_per_cell_day() * ae.production_t;
  if (k.overvoltage_cf4 && ae.current_efficiency > 0) {
    r.overvoltage_cf4_kg = *k.overvoltage_cf4 * ae.overvoltage_mV() / (100.0 * ae.current_efficiency) * ae.production_t;
  }
  const double ae_cf4 = method == PfcMethod::kOvervoltage && r.overvoltage_cf4_kg ? *r.overvoltage_cf4_kg : r.slope_cf4_kg;
  r.low_voltage_cf4_kg = low_voltage_cf4_kg_per_t * ae.production_t;
  r.cf4_kg = ae_cf4 + r.low_voltage_cf4_kg;
  r.c2f6_kg = ae_cf4 * k.c2f6_to_cf4;
  r.co2e_t = (r.cf4_kg * g.cf4 + r.c2f6_kg * g.c2f6) / 1000.0;
  return r;
}

}  // namespace potline::line
