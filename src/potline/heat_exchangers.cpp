// Shell heat exchangers: the fraction in use over time (schedule or automatic ledge control).
// docs/model/dynamics.md §2, "Shell heat exchangers".
#include "potline/potline/heat_exchangers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "potline/core/units.hpp"

namespace potline::line {
namespace {
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
}  // namespace

bool parse_exchanger_schedule(const std::string& text, const std::string& key,
                              const core::SourceLocation& where, core::Diagnostics& diagnostics,
                              std::vector<HeatExchangerSettings::Step>& steps) {
  std::stringstream in(text);
  std::string item;
  double last = -1;
  int index = 0;
  const std::size_t errors_before = diagnostics.error_count();
  while (std::getline(in, item, ';')) {
    item = trim(item);
    ++index;
    if (item.empty()) continue;
    const auto space = item.find_last_of(" \t");
    if (space == std::string::npos) {
      diagnostics.error(
          where, key,
          fmt::format("step {} '{}': write 'TIME FRACTION', e.g. '12 h 0.2'", index, item));
      continue;
    }
    const auto time = core::parse_quantity(trim(item.substr(0, space)), "h", "s");
    const std::string fraction_text = trim(item.substr(space + 1));
    char* end = nullptr;
    const double fraction = std::strtod(fraction_text.c_str(), &end);
    if (!time.ok()) {
      diagnostics.error(where, key, fmt::format("step {} '{}': time: {}", index, item, time.error));
      continue;
    }
    if (end == fraction_text.c_str() || *end != '\0' || !(fraction >= 0.0) || fraction > 1.0) {
      diagnostics.error(
          where, key,
          fmt::format("step {} '{}': the fraction of the largest extraction must be a number in "
                      "[0, 1]",
                      index, item));
      continue;
    }
    if (!(time.value >= 0.0) || time.value <= last) {
      diagnostics.error(
          where, key,
          fmt::format("step {} '{}': times must be non-negative and increasing", index, item));
      continue;
    }
    last = time.value;
    steps.push_back({time.value, fraction});
  }
  if (steps.empty() && diagnostics.error_count() == errors_before && !trim(text).empty()) {
    diagnostics.error(
        where, key,
        fmt::format("'{}' holds no step: write 'TIME FRACTION; ...', e.g. '12 h 0; 60 h "
                    "0.5'",
                    text));
  }
  return diagnostics.error_count() == errors_before;
}

double exchanger_fraction(const HeatExchangerSettings& s, ExchangerState& state,
                          double design_fraction, double t, double h, double ledge_m,
                          double design_ledge_m) {
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
  const double integral = state.integral_m_s + error_m * dt;
  const double integral_term = s.integral_time_s > 0.0 ? integral / s.integral_time_s : 0.0;
  const double raw = design_fraction - s.ledge_gain_per_m * (error_m + integral_term);
  const double u = std::clamp(raw, 0.0, 1.0);
  // Anti-windup: while the output is held at a limit the integral only moves back towards it.
  const bool winding = (raw < 0.0 && error_m > 0.0) || (raw > 1.0 && error_m < 0.0);
  if (!winding) state.integral_m_s = integral;
  return u;
}

}  // namespace potline::line
