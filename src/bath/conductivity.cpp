#include "potline/bath/conductivity.hpp"

#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::bath {
namespace {
constexpr double kS_per_m_per_S_per_cm = 100.0;
}  // namespace

std::optional<ConductivityModel> conductivity_model_from_name(std::string_view name) noexcept {
  if (name == "hives1996") return ConductivityModel::kHives1996;
  if (name == "wang1992") return ConductivityModel::kWang1992;
  return std::nullopt;
}

std::string_view to_name(ConductivityModel model) noexcept {
  switch (model) {
    case ConductivityModel::kHives1996:
      return "hives1996";
    case ConductivityModel::kWang1992:
      return "wang1992";
  }
  return "unknown";
}

std::string_view citation(ConductivityModel model) noexcept {
  switch (model) {
    case ConductivityModel::kHives1996:
      return "Hives et al. (1996)";
    case ConductivityModel::kWang1992:
      return "Wang, Peterson and Tabereaux (1992)";
  }
  return "unknown conductivity correlation";
}

double conductivity_S_per_m(const Composition& c, double temperature_K,
                            ConductivityModel model) noexcept {
  if (!(temperature_K > 0.0)) return 0.0;
  double ln_kappa_S_per_cm = 0.0;
  switch (model) {
    case ConductivityModel::kHives1996:
      // [Hives 1996] (coefficients as commonly quoted; primary paper not checked).
      ln_kappa_S_per_cm = 1.977 - 0.0200 * c.alumina_wt - 0.0131 * c.alf3_excess_wt -
                          0.0060 * c.caf2_wt - 0.0106 * c.mgf2_wt - 0.0019 * c.kf_wt +
                          0.0121 * c.lif_wt - 1204.3 / temperature_K;
      break;
    case ConductivityModel::kWang1992:
      // [Wang 1992] (coefficients as quoted by [Yao et al. 2017]; primary paper not checked).
      ln_kappa_S_per_cm = 1.9362 + 0.3092 * bath_ratio(c) - 0.004132 * c.caf2_wt -
                          0.01755 * c.alumina_wt + 0.008123 * c.lif_wt - 0.00398 * c.mgf2_wt -
                          1751.1 / temperature_K;
      break;
  }
  return kS_per_m_per_S_per_cm * std::exp(ln_kappa_S_per_cm);
}

bool conductivity_in_range(const Composition& c, double temperature_K) noexcept {
  // To a micro-kelvin: 1000 °C given is 1000.0000000000001 °C after the kelvin round trip, and was
  // reported outside the inclusive range 950–1000 °C (user trial T10-11).
  const double t_degC = std::round((temperature_K - constants::kKelvinOffset_K) * 1e6) / 1e6;
  return kConductivityTemperature_degC.contains(t_degC) &&
         kConductivityAl2O3_wt.contains(c.alumina_wt) &&
         kConductivityAlF3_wt.contains(c.alf3_excess_wt) &&
         kConductivityCaF2_wt.contains(c.caf2_wt) && kConductivityMgF2_wt.contains(c.mgf2_wt) &&
         kConductivityLiF_wt.contains(c.lif_wt) && kConductivityKF_wt.contains(c.kf_wt);
}

}  // namespace potline::bath
