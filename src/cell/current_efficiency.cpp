#include "potline/cell/current_efficiency.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "potline/core/constants.hpp"

namespace potline::cell {
namespace {
using constants::kFaraday_C_per_mol;
using constants::kMolarMassAl_kg_per_mol;

constexpr double kKelvinOffset = 273.15;
constexpr double kA_per_m2_per_A_per_cm2 = 1e4;
constexpr double kReferenceGap_m = 0.01;  // k is stated at 1 cm of clear gap
// Li3AlF6 formed per kg of LiF: M(Li3AlF6)/(3·M(LiF)) = 161.79/77.82 (molar masses from the
// standard atomic weights of [CIAAW 2021], Li 6.94 (conventional), Al 26.982, F 18.998 g/mol).
constexpr double kLi3AlF6_per_LiF = 161.79 / (3.0 * 25.939);
}  // namespace

std::string_view to_name(CurrentEfficiencyModel model) noexcept {
  return model == CurrentEfficiencyModel::kMassTransfer ? "mass_transfer" : "dewing";
}

std::optional<CurrentEfficiencyModel> current_efficiency_model_from_name(std::string_view name) noexcept {
  if (name == "dewing") return CurrentEfficiencyModel::kDewing;
  if (name == "mass_transfer") return CurrentEfficiencyModel::kMassTransfer;
  return std::nullopt;
}

// [Arthur 1974]: apparent solubility of aluminium in alumina-saturated cryolite melts (the
// header gives the equation and its range).
double aluminium_solubility_wt(double bath_ratio, double temperature_K, double caf2_wt,
                               double lif_wt) noexcept {
  const double t_C = temperature_K - kKelvinOffset;
  const double wt = -0.2877 + 0.0268 * bath_ratio + 2.992e-4 * t_C - 0.00192 * caf2_wt -
                    0.00174 * kLi3AlF6_per_LiF * lif_wt;
  return std::max(wt, 0.0);
}

double mass_transfer_loss_per_coefficient(const MassTransferCe& p, const CeConditions& c) noexcept {
  if (!(c.cathode_current_density_A_per_m2 > 0.0 && c.anode_current_density_A_per_m2 > 0.0)) return 0.0;
  const double solubility_wt =
      aluminium_solubility_wt(c.bath_ratio, c.temperature_K, c.caf2_wt, c.lif_wt);
  const double c_al_mol_per_m3 = solubility_wt / 100.0 * c.bath_density_kg_per_m3 / kMolarMassAl_kg_per_mol;
  // Gas stirring grows with the gas flux (∝ anode current density) and reaches the metal more
  // strongly as the clear bath between the bubble layer and the metal thins.
  const double gap_m = std::max(c.acd_m - c.bubble_thickness_m, kMinClearGap_m);
  const double stirring =
      std::pow(c.anode_current_density_A_per_m2 / kA_per_m2_per_A_per_cm2, p.current_density_exponent) *
      std::pow(kReferenceGap_m / gap_m, p.gap_exponent);
  return constants::kElectronsPerAl * kFaraday_C_per_mol * c_al_mol_per_m3 * stirring /
         c.cathode_current_density_A_per_m2;
}

double mass_transfer_current_efficiency(const MassTransferCe& p, const CeConditions& c) noexcept {
  return p.intercept - p.coefficient_m_per_s * mass_transfer_loss_per_coefficient(p, c);
}

std::optional<double> mass_transfer_coefficient_for(double current_efficiency, const MassTransferCe& p,
                                                    const CeConditions& c) noexcept {
  const double per = mass_transfer_loss_per_coefficient(p, c);
  if (!(per > 0.0) || !(current_efficiency < p.intercept)) return std::nullopt;
  return (p.intercept - current_efficiency) / per;
}

std::optional<std::string> dewing_current_note(CurrentEfficiencyModel model, double low_A, double high_A,
                                               double calibrated_A, std::string_view what) {
  if (model != CurrentEfficiencyModel::kDewing || !(calibrated_A > 0.0) || !(low_A > 0.0) || !(high_A >= low_A))
    return std::nullopt;
  const double low = low_A / calibrated_A - 1.0, high = high_A / calibrated_A - 1.0;
  if (std::max(std::abs(low), std::abs(high)) <= kDewingCurrentDepartureShare) return std::nullopt;
  // One current (a mean, a case's point) or the range a schedule swings over (flex, fleet.flex).
  const std::string current =
      high_A - low_A < 0.05e3 ? fmt::format("({:.1f} kA) is {:+.0f} %", high_A / 1e3, 100 * (std::abs(high) > std::abs(low) ? high : low))
                              : fmt::format("({:.1f}–{:.1f} kA) runs {:+.0f} to {:+.0f} %", low_A / 1e3, high_A / 1e3,
                                            100 * low, 100 * high);
  return fmt::format(
      "the {} {} from the {:.1f} kA the current efficiency was calibrated at: the default "
      "Dewing CE has no current-density term, so it moves only with the superheat (a cut reads as a higher CE, "
      "the published direction is the opposite); model.current_efficiency_model = \"mass_transfer\" (the default "
      "of `potline flex`) lowers the CE as the current falls (docs/model/current-efficiency.md, \"Which model\")",
      what, current, calibrated_A / 1e3);
}

}  // namespace potline::cell
