#pragma once
// The current-efficiency model of flex's dynamic runs, and how much of a schedule's delivered value
// its change of current efficiency makes (user trial T9-3; docs/model/flexibility.md §5, "Current
// efficiency").
#include <optional>
#include <string>
#include <string_view>

#include "potline/io/values.hpp"

namespace potline::flex {

struct FlexCase;
struct FlexResult;

inline constexpr std::string_view kCeModelKey = "model.current_efficiency_model";
/// The CE model of every dynamic run of `potline flex` (the reduced model's fit runs, the checks,
/// the constant levels, the envelope) unless the case file or --set names one: mass_transfer, whose
/// CE falls with the current density. The simulate default, Dewing, has no current-density term and
/// reads a current cut as a higher CE (docs/validation.md CE6, CE7 fail), which booked a delivered
/// round trip of 1.079 and +9.9 t of metal on the insulated week at zero net energy (T9-3).
inline constexpr std::string_view kFlexCurrentEfficiencyModel = "mass_transfer";

/// Sets model.current_efficiency_model in `user` to flex's default (the flex schema's,
/// kFlexCurrentEfficiencyModel) unless the case file or --set gives it. api::load_flex calls it;
/// the fleet's flexible capacity does not (its envelope keeps the simulate default and its note).
void apply_flex_ce_default(io::ValueSet& user);

/// Where model.current_efficiency_model came from, for the outputs: "the flex default", "the case
/// file", "--set", or "the simulate default" (not applied).
std::string ce_model_origin(const io::ValueSet& user);

/// The current efficiency's share of the delivered value (both schedules in the dynamic model), and
/// what is left out of the annual value as not physical.
struct CeValue {
  std::string model;                               ///< "dewing" or "mass_transfer"
  std::string origin;                              ///< ce_model_origin
  double flat_percent = 0, optimised_percent = 0;  ///< the two dynamic runs' CE (metal / Faraday)
  double change_points = 0;                        ///< optimised − flat
  /// The optimised run's metal less what it would have made at the flat run's CE (same charge):
  /// M·(1 − CE_flat/CE_opt), the potline; and its value at the net metal value (metal − alumina −
  /// carbon; the energy is the same).
  double metal_kg = 0, value_eur = 0;
  /// A delivered round trip above 1: the metal the energy added does not pay for at the marginal
  /// rate (extra metal × (1 − net energy change / its energy)), and its value. Zero otherwise.
  double beyond_round_trip_kg = 0, beyond_round_trip_eur = 0;
  /// Dewing with a CE gain while the current departs from its calibration point by more than
  /// cell::kDewingCurrentDepartureShare: the gain is the model's wrong sign (CE6, CE7).
  bool dewing_gain = false;
  /// Left out of the annual value, not physical: the larger of the CE gain under Dewing and the
  /// metal beyond a round trip of 1 (both count the same metal); 0 when neither.
  double excluded_eur = 0;
  std::string excluded_reason;  ///< one phrase; "" when nothing is left out
};
CeValue ce_value(const FlexCase& c, const FlexResult& r);

/// The Dewing note (cell::dewing_current_note, T8-9) on the line current the optimised schedule's
/// dynamic check ran over (the line on: above 5 % of nominal); none under mass_transfer or within
/// ±5 % of the calibration current.
std::optional<std::string> flex_ce_note(const FlexCase& c, const FlexResult& r);

}  // namespace potline::flex
