// The warnings and notes of a flex run (flex_messages.hpp; user trial T14-7).
#include "potline/flex/flex_messages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "potline/flex/flex_ce.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/round_trip.hpp"

namespace potline::flex {

std::optional<std::string> plan_delivery_warning(const FlexCase& c, const FlexResult& r) {
  const FlexValue v = flex_value(c, r);
  const double gap = v.delivered_savings_eur - v.planned_savings_eur;
  if (!(std::abs(gap) > kPlanDeliveryWarning * std::abs(v.planned_savings_eur) && v.on_delivered)) return std::nullopt;
  return fmt::format(
      "the dynamic model delivers {:+.0f} EUR ({:+.1f} %) against the planned savings: of the metal against flat the "
      "plan counts {:+.1f} t, the dynamic model makes {:+.1f} t; treat the planned figures as the reduced model's",
      gap, v.planned_savings_eur != 0 ? 100 * gap / std::abs(v.planned_savings_eur) : 0.0,
      (r.final_round().schedule.economics.production_kg - r.flat.economics.production_kg) / 1e3,
      (r.delivered.production_kg - r.flat_delivered.production_kg) / 1e3);
}

std::optional<std::string> superheat_fit_warning(const FlexCase& c, const FlexResult& r) {
  if (!fit_error_exceeds_window(c, r)) return std::nullopt;
  return fmt::format(
      "the reduced model's superheat fit error, {:.2f} K rms, is larger than half the superheat window "
      "flex.superheat_min {:.1f} K to flex.superheat_max {:.1f} K ({:.1f} K): the heat-state bounds it planned with "
      "mean little, and the planned margin counts what the dynamic model does not deliver",
      r.model.error.superheat_rms_K, c.superheat_min_K(), c.superheat_max_K(),
      0.5 * (c.superheat_max_K() - c.superheat_min_K()));
}

std::optional<std::string> rectifier_shortfall_warning(const FlexCase& c, const FlexResult& r) {
  const auto& f = r.final_round();
  const bool short_of_schedule = f.check.energy_J < (1 - 1e-3) * f.check.scheduled_energy_J;
  if (!(f.check.current_limit_s > 0 && f.check.scheduled_energy_J > 0 && short_of_schedule)) return std::nullopt;
  // The dispatch buys the schedule's power; the dynamic model's rectifier cannot give more than
  // potline.max_current, so where the voltage has fallen a high level is not reached (F8,
  // docs/validation.md): the margin counts energy and metal the line does not draw.
  return fmt::format(
      "the rectifier limit potline.max_current {:.1f} kA held the current below the schedule's power for {:.1f} h: in "
      "the dynamic model the cells drew {:.1f} % of the scheduled energy ({:.0f} MWh AC less than the margin above "
      "buys) and made {:+.1f} t of metal against the flat schedule (the margin counts {:+.1f} t)",
      c.sim.schedule.max_A() / 1e3, f.check.current_limit_s / 3600, 100 * f.check.energy_J / f.check.scheduled_energy_J,
      (f.check.scheduled_energy_J - f.check.energy_J) / c.rectifier_efficiency() / 3.6e9,
      (f.check.production_kg - r.flat_check.production_kg) / 1e3,
      (f.schedule.economics.production_kg - r.flat.economics.production_kg) / 1e3);
}

std::optional<std::string> ce_excluded_warning(const FlexCase& c, const FlexResult& r) {
  const CeValue v = ce_value(c, r);
  if (!(v.excluded_eur > 0)) return std::nullopt;
  return fmt::format("{}: {:.0f} EUR of the delivered savings left out of the year's value", v.excluded_reason,
                     v.excluded_eur);
}

// The notes of the round-trip split's text (round_trip.cpp: the end of the horizon beyond
// flex.end_ledge_tolerance, whose heat the year's value already counts: a note since the warning
// audit of 2026-12-07, user trial T19-15), as printed there, without their "  note: ".
std::vector<std::string> round_trip_notes(const FlexResult& r) {
  std::vector<std::string> out;
  const std::string text = round_trip_text(r.round_trip);
  constexpr std::string_view kPrefix = "  note: ";
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line(text.data() + at, end - at);
    if (line.substr(0, kPrefix.size()) == kPrefix) out.emplace_back(line.substr(kPrefix.size()));
    at = end + 1;
  }
  return out;
}

FlexMessages flex_messages(const FlexCase& c, const FlexResult& r) {
  FlexMessages m;
  for (const auto& note : r.model.notes) m.notes.push_back("reduced model: " + note);
  // In the text's order: the superheat fit, the plan against the delivery; the round trip's end.
  for (const auto& w : {superheat_fit_warning(c, r), plan_delivery_warning(c, r)}) {
    if (w) m.warnings.push_back(*w);
  }
  for (auto& n : round_trip_notes(r)) m.notes.push_back(std::move(n));
  if (auto w = rectifier_shortfall_warning(c, r)) m.warnings.push_back(*w);
  if (auto note = flex_ce_note(c, r)) m.notes.push_back(*note);
  if (auto w = ce_excluded_warning(c, r)) m.warnings.push_back(*w);
  return m;
}

}  // namespace potline::flex
