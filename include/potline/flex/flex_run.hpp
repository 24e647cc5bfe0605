#pragma once
// `potline flex` as a library function: fit the reduced model, optimise, re-simulate and tighten
// until the dynamic model stays in window (or say it could not), value the schedule against the
// flat one, and scan the operating envelope; the summary document and the CSV tables.
#include <string>
#include <vector>

#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/io/json_output.hpp"

namespace potline::flex {

struct ResolveRound {
  HeatBounds bounds;        ///< the reduced-model bounds this round optimised with
  Schedule schedule;
  Resimulation check;       ///< the schedule in the dynamic model, judged against the case bounds
};

struct FlexResult {
  ReducedModel model;
  HorizonPrices prices;
  Schedule flat;
  Resimulation flat_check;
  std::vector<ResolveRound> rounds;   ///< the last is the schedule reported
  bool in_window = false;             ///< the last round's dynamic run stayed within the bounds
  std::string verdict;                ///< one sentence: in window after N rounds, or why not
  std::vector<EnvelopeRow> envelope;  ///< empty unless asked for
  /// The final schedule's worst call (grid.interruptible_power > 0 and capacity held) in the dynamic
  /// model: the planned schedule to the notice, the call, then the plan to window.averaging after the cut.
  bool call_checked = false;
  Resimulation call_check;
  /// The flat and the final schedule as the dynamic model delivered them (delivered_economics).
  ScheduleEconomics flat_delivered, delivered;
  const ResolveRound& final_round() const { return rounds.back(); }
};

/// The schedule's value against the flat one, planned (reduced model) and as delivered (dynamic
/// model), and the year's value: the delivered savings over the horizon's days × economics.flexible_days,
/// or the planned savings when a dynamic run (flat or final) stopped and delivered no horizon.
struct FlexValue {
  double planned_savings_eur = 0, delivered_savings_eur = 0;
  bool on_delivered = true;  ///< the annual value (and the heat-exchanger payback) are on the delivered savings
  double annual_eur = 0, planned_annual_eur = 0;
  std::string basis;         ///< one phrase: which savings the annual value is on, and why
};
FlexValue flex_value(const FlexCase& c, const FlexResult& r);

/// Whether the reduced model's superheat fit error (rms) exceeds half the width of the superheat
/// window it plans in (flex.superheat_min … flex.superheat_max): its heat-state bounds then mean little.
bool fit_error_exceeds_window(const FlexCase& c, const FlexResult& r);

/// Runs the whole flex analysis; `envelope` adds the operating-envelope scan.
FlexResult run_flex(const FlexCase& c, const PriceSeries& prices, bool envelope);

io::Json flex_summary_json(const FlexCase& c, const FlexResult& r);
/// One sentence on the basis of every power, energy and cost of the output (AC at the grid
/// connection, the rectifier efficiency and where it came from).
std::string power_basis(const FlexCase& c);
/// schedule.csv: per step the time, price, power of the flat and optimised schedules and the heat
/// state (reduced model and dynamic model).
std::string schedule_csv(const FlexCase& c, const FlexResult& r);
/// envelope.csv: per power level the hold time, first limit and freeze time.
std::string envelope_csv(const FlexCase& c, const FlexResult& r);

}  // namespace potline::flex
