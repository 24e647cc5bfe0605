#pragma once
// The warnings and notes of a flex run (user trial T14-7): the lines `potline flex` prints in its
// text ("  warning: ...", "  note: ...", "  reduced model: ..."), kept in the summary's "warnings"
// and "notes" (`--json`, summary.json, the Python result) as cell, smelter, invest and emissions
// keep theirs. One text each, which the CLI's text and the summary both print.
#include <optional>
#include <string>
#include <vector>

namespace potline::flex {

struct FlexCase;
struct FlexResult;

/// Delivered savings further than this share of the planned from them are warned about: "a few %"
/// (a reporting threshold, not physics; T7-7: a 72-h plan 35 % below its delivery with no word).
inline constexpr double kPlanDeliveryWarning = 0.05;

/// The dynamic model delivers more than kPlanDeliveryWarning away from the planned savings.
std::optional<std::string> plan_delivery_warning(const FlexCase& c, const FlexResult& r);
/// The reduced model's superheat fit error exceeds half the superheat window (fit_error_exceeds_window).
std::optional<std::string> superheat_fit_warning(const FlexCase& c, const FlexResult& r);
/// The rectifier limit held the optimised schedule's current below its power so that the cells drew
/// less than 99.9 % of the scheduled energy (below that the limit only clipped voltage dips: said in
/// the text, not warned).
std::optional<std::string> rectifier_shortfall_warning(const FlexCase& c, const FlexResult& r);
/// Part of the delivered savings left out of the year's value as not physical (ce_value).
std::optional<std::string> ce_excluded_warning(const FlexCase& c, const FlexResult& r);

struct FlexMessages {
  std::vector<std::string> warnings;  ///< without "warning: "
  std::vector<std::string> notes;     ///< without "note: "
};
/// All of them, in the order of the text: the reduced model's notes ("reduced model: ..."), the
/// superheat fit, the plan against the delivery, the end of the horizon (round_trip_text), the
/// rectifier, the CE note and what the year's value leaves out.
FlexMessages flex_messages(const FlexCase& c, const FlexResult& r);

}  // namespace potline::flex
