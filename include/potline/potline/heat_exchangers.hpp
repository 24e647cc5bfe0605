#pragma once
// Optional shell heat exchangers: a controllable extra heat loss from the side wall (TRIMET's
// "virtual battery", [TRIMET 2019]; EnPot). The model side (an extra wall-node conductance, its
// calibration) is in dynamics/cell_model.hpp; this file holds how the driver sets the share in use
// over time: a schedule of fractions or an automatic rule that holds the ledge at its design
// thickness (docs/model/dynamics.md §2, "Shell heat exchangers").
#include <string>
#include <vector>

#include "potline/core/diagnostics.hpp"

namespace potline::line {

enum class ExchangerMode { kSchedule, kAutomatic };

struct HeatExchangerSettings {
  bool enabled = false;
  ExchangerMode mode = ExchangerMode::kSchedule;
  struct Step {
    double time_s;
    double fraction;  ///< share of the largest extraction from time_s on
  };
  std::vector<Step> schedule;  ///< sorted; before the first step the design fraction holds
  /// Automatic mode: fraction change per m of ledge above (−) or below (+) the design thickness.
  double ledge_gain_per_m = 30.0;
  double integral_time_s = 8 * 3600.0;  ///< integral action (0: proportional only)
  double control_period_s = 60.0;       ///< automatic mode: the fraction is re-set this often
  /// Automatic mode: superheat floor of the rule (≤ 0: off). Below floor + margin the fraction is
  /// capped at (superheat − floor) / margin, so the exchangers are closed at the floor whatever the
  /// ledge asks (docs/model/dynamics.md §2, "Shell heat exchangers").
  double superheat_floor_K = 0.0;
  double superheat_margin_K = 1.0;
  /// Automatic mode (≤ 0: off): below this superheat (the running mean the window judges) the rule
  /// does not melt back a ledge thicker than the design one: the integral is held while the ledge
  /// is thicker, so a cut's extra ledge stays until the bath has heat to spare (docs/model/
  /// dynamics.md §2, "Shell heat exchangers").
  double melt_back_superheat_K = 0.0;
};

/// Parses "TIME FRACTION; TIME FRACTION; ..." (times with units, fractions in [0, 1]), e.g.
/// "12 h 0; 60 h 0.5". Errors name the key and the step. Returns false on any error.
bool parse_exchanger_schedule(const std::string& text, const std::string& key,
                              const core::SourceLocation& where, core::Diagnostics& diagnostics,
                              std::vector<HeatExchangerSettings::Step>& steps);

/// The driver's record of one cell's exchangers.
struct ExchangerState {
  double fraction = 0;         ///< share in use now
  double integral_m_s = 0;     ///< ∫ (ledge − design ledge) dt (automatic mode)
  double since_control_s = 0;  ///< time since the automatic rule last acted
  double energy_J = 0;         ///< heat taken so far (reporting)
};

/// The share in use at time t after a step of h seconds. Schedule: the step in force at t.
/// Automatic: every control period, u = clamp(u0 − K·(e + ∫e dt / T_i), 0, 1) with
/// e = ledge − design ledge (the integral is held while u is saturated: anti-windup), then, with a
/// superheat floor, u ≤ clamp((superheat − floor) / margin, 0, 1) on `superheat_K` (the running
/// mean the window judges). With melt_back_superheat_K, the integral is held while the ledge is
/// thicker than designed and `superheat_K` is below it.
double exchanger_fraction(const HeatExchangerSettings& s, ExchangerState& state,
                          double design_fraction, double t, double h, double ledge_m,
                          double design_ledge_m, double superheat_K);

}  // namespace potline::line
