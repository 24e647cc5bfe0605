#pragma once
// Current-efficiency models of the steady-state cell (docs/model/current-efficiency.md).
//  - Dewing: [Dewing 1991]'s plant correlation in superheat, excess AlF3 and LiF (per-design K).
//  - Mass transfer: the loss is the flux of dissolved metal carried away from the metal–bath
//    interface, 1 − CE = (1 − CE₀) + 3F·k·c_Al/i_cathode ([Solheim et al. 2018]: CE is a straight
//    line in the mass-transfer coefficient k), with c_Al the apparent solubility of aluminium
//    ([Arthur 1974]) and k rising with anode current density (gas stirring) and as the bath gap
//    between the bubble layer and the metal narrows (estimates, see the .md). Its one per-design
//    constant is calibrated to the technology's published CE, as Dewing's K is.
// Pure functions; no allocation; safe on any thread.
#include <optional>
#include <string>
#include <string_view>

namespace potline::cell {

enum class CurrentEfficiencyModel { kDewing, kMassTransfer };

std::string_view to_name(CurrentEfficiencyModel model) noexcept;
std::optional<CurrentEfficiencyModel> current_efficiency_model_from_name(std::string_view name) noexcept;

/// Parameters of the mass-transfer model (schema keys model.mass_transfer_*).
struct MassTransferCe {
  /// k at 1 A/cm² anode current density and 1 cm of clear bath gap (per design; calibrated). [m/s]
  double coefficient_m_per_s = 1.27e-4;
  double current_density_exponent = 0.5;  ///< n_i in k ∝ i_a^n_i (estimate)
  double gap_exponent = 0.5;              ///< n_s in k ∝ s^−n_s, s = ACD − bubble layer (estimate)
  double intercept = 0.99;                ///< CE at k = 0 ([Solheim et al. 2018])
};

/// Clear bath gap below which the gap term is held (estimate: 2 mm; at smaller gaps bubbles touch
/// the metal and the cell shorts, outside the model). [m]
inline constexpr double kMinClearGap_m = 0.002;

/// [Arthur 1974]: apparent solubility of aluminium in alumina-saturated cryolite melts, wt% Al =
/// −0.2877 + 0.0268·BR + 2.992e-4·t(°C) − 0.00192·CaF2 − 0.00174·Li3AlF6 (BR: NaF/AlF3 mass
/// ratio; fitted for BR 0.8–2.3, 969–1054 °C). LiF counts as Li3AlF6 (2.08 kg per kg LiF).
/// Never below 0.
double aluminium_solubility_wt(double bath_ratio, double temperature_K, double caf2_wt,
                               double lif_wt) noexcept;

/// Everything the CE models read at one operating point.
struct CeConditions {
  double superheat_K = 0;
  double alf3_excess_wt = 0;
  double lif_wt = 0;
  double caf2_wt = 0;
  double bath_ratio = 0;           ///< NaF/AlF3 mass ratio
  double temperature_K = 0;
  double bath_density_kg_per_m3 = 0;
  double anode_current_density_A_per_m2 = 0;
  double cathode_current_density_A_per_m2 = 0;
  double acd_m = 0;
  double bubble_thickness_m = 0;
};

/// Mass-transfer loss 3F·k·c_Al/i_cathode for k = coefficient_m_per_s × this value's factor:
/// the loss per 1 m/s of the coefficient (so the calibration is one division). [s/m]
double mass_transfer_loss_per_coefficient(const MassTransferCe& p, const CeConditions& c) noexcept;

/// CE (fraction, not clamped) of the mass-transfer model.
double mass_transfer_current_efficiency(const MassTransferCe& p, const CeConditions& c) noexcept;

/// The coefficient that gives `current_efficiency` at `c` (nullopt when CE ≥ the intercept or the
/// loss per coefficient is not positive).
std::optional<double> mass_transfer_coefficient_for(double current_efficiency, const MassTransferCe& p,
                                                    const CeConditions& c) noexcept;

/// Line current away from the calibration point by more than this share: Dewing's constant "is
/// characteristic of the cell design" ([Dewing 1991]), i.e. of its operating current density, and
/// the correlation has no current-density term (docs/model/current-efficiency.md, "Which model").
inline constexpr double kDewingCurrentDepartureShare = 0.05;

/// The one note, for every command's output, when `model` is Dewing and the line current departs
/// from the current the CE was calibrated at by more than kDewingCurrentDepartureShare (user trial
/// T8-9); nullopt otherwise. One current (`low_A` = `high_A`: a case's point, a run's mean) or the
/// range a schedule swings over (flex, fleet.flex); `what` names it ("line current", "mean line
/// current"). One line.
std::optional<std::string> dewing_current_note(CurrentEfficiencyModel model, double low_A, double high_A,
                                               double calibrated_A, std::string_view what);

}  // namespace potline::cell
