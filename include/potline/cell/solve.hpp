#pragma once
// Inverse problems on the steady-state cell: the ACD for a target voltage, and calibration of a
// technology's unpublished constants to its published operating point.
#include <optional>
#include <string>
#include <vector>

#include "potline/cell/cell_model.hpp"

namespace potline::cell {

struct AcdSolve {
  bool converged = false;
  double acd_m = 0.0;
  int evaluations = 0;
  double residual_V = 0.0;  ///< voltage(acd) − target at the returned acd
  std::string failure;      ///< why it did not converge (empty on success)
};

/// Search bracket and tolerance of the ACD solve (a safeguarded secant / Illinois method).
struct AcdSolveOptions {
  double min_acd_m = 0.01;
  double max_acd_m = 0.15;
  double voltage_tolerance_V = 1e-6;
  int max_evaluations = 60;
};

/// The ACD at which the cell voltage equals `target_voltage_V`, all else as in `op`.
AcdSolve solve_acd_for_voltage(const CellDesign& design, const ModelConstants& constants,
                               OperatingPoint op, double target_voltage_V,
                               const AcdSolveOptions& options = {}) noexcept;

/// A published operating point to calibrate against (any field may be missing).
struct PublishedPoint {
  std::optional<double> voltage_V;
  std::optional<double> current_efficiency;
  std::optional<double> sec_dc_J_per_kg;
};

/// Physical ranges a calibrated ACD should land in (industrial ACD 3–6 cm; [Haupin 1998]).
inline constexpr double kPlausibleAcdMin_m = 0.03;
inline constexpr double kPlausibleAcdMax_m = 0.06;
/// Cathode drop range for a calibrated cathode (typical 0.2–0.35 V graphitised, 0.3–0.5 V
/// anthracitic, as commonly quoted; no primary source checked).
inline constexpr double kPlausibleCathodeDropMin_V = 0.2;
inline constexpr double kPlausibleCathodeDropMax_V = 0.5;

struct Calibration {
  std::optional<double> acd_m;            ///< set when the ACD was calibrated to the voltage
  std::optional<double> dewing_constant;  ///< set when K was calibrated to the CE
  /// Set with dewing_constant: the mass-transfer model's coefficient for the same CE (at the
  /// calibrated ACD), so either CE model reproduces the published point.
  std::optional<double> mass_transfer_coefficient;
  /// Set when the ACD is published: the cathode resistance that closes the published voltage.
  std::optional<double> cathode_resistance_ohm;
  std::optional<double> implied_current_efficiency;  ///< from V and SEC when CE is unpublished
  std::optional<double> implied_voltage_V;           ///< from SEC and CE when V is unpublished
  std::vector<std::string> problems;  ///< implausible values or inconsistencies, in sentences
  std::vector<std::string> notes;     ///< estimates and assumptions the calibration relied on
  bool plausible() const { return problems.empty(); }
};

/// Calibrates the ACD (or, when `acd_is_published`, the cathode drop) to the published voltage and
/// Dewing's K and the mass-transfer coefficient to the published current efficiency, at the operating point `op`. Where only two of V, CE and SEC are
/// published, the third follows from Faraday (SEC = 3F·V/(M_Al·CE)). Implausible results
/// (ACD outside 3–6 cm, cathode drop outside 0.2–0.5 V, CE outside 0.80–0.98, inconsistency of
/// V, CE, SEC beyond 1 %) are reported
/// in `problems`, never hidden.
Calibration calibrate(CellDesign design, ModelConstants constants, OperatingPoint op,
                      const PublishedPoint& published, bool acd_is_published);

}  // namespace potline::cell
