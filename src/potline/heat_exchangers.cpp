// Shell heat exchangers: the fraction in use over time (schedule or automatic ledge control).
// docs/model/dynamics.md §2, "Shell heat exchangers".
#include "potline/potline/heat_exchangers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "potline/core/units.hpp"
#include "potline/potline/schedule.hpp"

namespace potline::line {
bool parse_exchanger_schedule(const std::string& text, const std::string& key,
                              const core::SourceLocation& where, core::Diagnostics& diagnostics,
                              std::vector<HeatExchangerSettings::Step>& steps) {
  const StepListSyntax syntax{"FRACTION", "12 h 0.2", "12 h 0; 60 h 0.5", ""};
  const auto check = [](std::optional<double> fraction) -> std::string {
    if (fraction && *fraction >= 0.0 && *fraction <= 1.0) return "";
    return "the fraction of the largest extraction must be a number in [0, 1]";
  };
  return parse_step_list(text, key, where, diagnostics, syntax, check,
                         [&steps](double t, double fraction) { steps.push_back({t, fraction}); });
}

double exchanger_fraction(const HeatExchangerSettings& s, ExchangerState& state,
                          double design_fraction, double t, double h, double ledge_m,
                          double design_ledge_m, double superheat_K) {
  if (s.mode == ExchangerMode::kSchedule) {
    double u = design_fraction;
    for (const auto& step : s.schedule) {
      if (step.time_s > t) break;
      u = step.fraction;
    }
    return u;
  }
  state.since_control_s += h;
  if (state.since_control_s < s.control_period_s) return state.fraction;
  const double dt = state.since_control_s;
  state.since_control_s = 0.0;
  // A ledge thicker than designed needs less heat taken from the shell, a thinner one more.
  const double error_m = ledge_m - design_ledge_m;
  // Superheat first: a bath short of heat keeps a cut's extra ledge (its cryolite stays frozen, the
  // liquidus low); the integral resumes melting it back once the superheat mean is above the bound.
  const bool keep_ledge = error_m > 0.0 && superheat_K < s.melt_back_superheat_K;
  const double integral = state.integral_m_s + (keep_ledge ? 0.0 : error_m * dt);
  const double integral_term = s.integral_time_s > 0.0 ? integral / s.integral_time_s : 0.0;
  const double raw = design_fraction - s.ledge_gain_per_m * (error_m + integral_term);
  // The superheat floor: a cell near it keeps its heat, whatever the ledge asks.
  const double cap =
      s.superheat_floor_K > 0.0
          ? std::clamp((superheat_K - s.superheat_floor_K) / s.superheat_margin_K, 0.0, 1.0)
          : 1.0;
  const double u = std::clamp(raw, 0.0, cap);
  // Anti-windup: while the output is held at a limit the integral only moves back towards it.
  const bool winding = (raw < 0.0 && error_m > 0.0) || (raw > cap && error_m < 0.0);
  if (!winding) state.integral_m_s = integral;
  return u;
}

}  // namespace potline::line
