#pragma once
// `potline flex` as a library function: fit the reduced model, optimise, re-simulate and tighten
// until the dynamic model stays in window (or say it could not), value the schedule against the
// flat one, and scan the operating envelope; the summary document and the CSV tables.
#include <optional>
#include <string>
#include <vector>

#include "potline/flex/constant_reference.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/flex_ce.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/flex/round_trip.hpp"
#include "potline/io/json_output.hpp"

namespace potline::flex {

struct ResolveRound {
  HeatBounds bounds;  ///< the reduced-model bounds this round optimised with
  Schedule schedule;
  Resimulation check;  ///< the schedule in the dynamic model, judged against the case bounds
};

/// The same case with its heat exchangers switched off (heat_exchangers.enabled = false), fitted,
/// optimised and checked as the case itself (same prices, power range, heat-state bounds and
/// economics; docs/model/flexibility.md §5, "Heat exchangers"): run when the case has its
/// exchangers enabled and economics.heat_exchanger_capex > 0 (T8-1).
struct WithoutExchangers {
  bool run = false;
  /// Its value against its own flat schedule (flex_value): savings over the horizon and a year,
  /// planned and delivered, and whether its annual value is on the delivered savings.
  double planned_savings_eur = 0, delivered_savings_eur = 0;
  double planned_annual_eur = 0, delivered_annual_eur = 0;
  bool on_delivered = true;
  /// Its year's value's adjustments over the horizon (FlexValue's: not physical, operating point, end
  /// heat) and the horizon's value they give (user trial T15-5: the increment rested on them, unseen).
  double not_physical_eur = 0, operating_point_eur = 0, end_heat_eur = 0, delivered_value_eur = 0;
  /// Its flat and optimised schedules' margins over the horizon, planned and delivered.
  double flat_planned_eur = 0, flat_delivered_eur = 0, optimised_planned_eur = 0,
         optimised_delivered_eur = 0;
  bool in_window = false;
  std::string verdict;
  std::size_t rounds = 0;
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
  /// The final schedule's worst call (grid.interruptible_power > 0 and capacity held) in the
  /// dynamic model: the planned schedule to the notice, the call, then the plan to window.averaging
  /// after the cut.
  bool call_checked = false;
  Resimulation call_check;
  /// The flat and the final schedule as the dynamic model delivered them (delivered_economics).
  ScheduleEconomics flat_delivered, delivered;
  /// The best constant level within the final round's bounds (T7-36), and as delivered.
  ConstantReference constant;
  Resimulation constant_check;
  ScheduleEconomics constant_delivered;
  WithoutExchangers without_exchangers;  ///< the exchangers' increment (T8-1)
  /// The delivered round trip split into storage and operating point (round_trip_split of the
  /// flat and the final check; available false when a run stopped or for a result built by hand).
  RoundTripSplit round_trip;
  const ResolveRound& final_round() const { return rounds.back(); }
};

/// The schedule's value against the flat one, planned (reduced model) and as delivered (dynamic
/// model), and the year's value: the delivered savings over the horizon's days ×
/// economics.flexible_days, or the planned savings when a dynamic run (flat or final) stopped and
/// delivered no horizon.
struct FlexValue {
  double planned_savings_eur = 0, delivered_savings_eur = 0;
  /// The savings split (T7-36): what the best constant level earns over the flat schedule at the
  /// target (no price variation needed), the interruptible availability payment, and the rest,
  /// which following the price earns; planned and as delivered. Zero splits when no constant level
  /// meets the limits (constant_found false: all of the savings are then the schedule's).
  bool constant_found = false;
  double constant_share = 0;
  double constant_planned_eur = 0, constant_delivered_eur = 0, reserve_eur = 0;
  double price_following_planned_eur = 0, price_following_delivered_eur = 0;
  bool on_delivered =
      true;  ///< the annual value (and the heat-exchanger payback) are on the delivered savings
  /// Of the delivered savings, what is not physical (ce_value: a CE gain of the Dewing model under
  /// a current swing, or metal beyond a round trip of 1; T9-3): left out of delivered_annual_eur.
  double not_physical_eur = 0;
  /// The delivered savings' operating point (RoundTripSplit::operating_point_eur: the metal a flat
  /// cell held at the optimised run's mean heat state makes at the same energy; a flat schedule
  /// reaches it, so it is not flexibility): taken out of delivered_annual_eur, in full.
  double operating_point_eur = 0;
  /// The heat the optimised run's cells hold at the horizon's end beyond the flat run's
  /// (RoundTripSplit::stored_heat_J, AC at the grid) at the horizon's mean price
  /// (end_heat_price_eur_per_J): energy bought and not yet used (< 0: heat taken from the cells, to
  /// be bought back). Added to delivered_annual_eur (docs/model/flexibility.md §5, "The year's
  /// value").
  double end_heat_J = 0, end_heat_price_eur_per_J = 0, end_heat_eur = 0;
  /// delivered_savings_eur − not_physical_eur − operating_point_eur + end_heat_eur: the horizon's
  /// value that delivered_annual_eur scales.
  double delivered_value_eur = 0;
  double annual_eur = 0, planned_annual_eur = 0, delivered_annual_eur = 0;
  std::string basis;  ///< one phrase: which savings the annual value is on, and why
  /// How firm the year's value is (user trial T15-4; docs/model/flexibility.md §5): whether the
  /// operating point's and the end heat's energies (RoundTripSplit::operating_point_J,
  /// stored_heat_J) lie within the simulation's noise (RoundTripSplit::noise_J); the year without
  /// either adjustment ((delivered − not physical) a year); and the year if a flat cell followed only
  /// kOperatingPointFollowedShareMin … Max of the steady operating point within the horizon (low,
  /// high). All 0 / false unless the year is on the delivered savings with a split.
  bool adjustments_assessed = false;
  double noise_J = 0, operating_point_J = 0;
  bool operating_point_within_noise = false, end_heat_within_noise = false;
  double annual_without_adjustments_eur = 0;
  double annual_operating_point_followed_low_eur = 0, annual_operating_point_followed_high_eur = 0;
};
/// The share of the steady operating point a flat cell's heat loss and outside energy followed within
/// a horizon in two flat runs that differ only in their seed: 0.02 to 0.91 over the six pairs whose
/// operating point is 13–56 MWh (measured on main 34cacf7, 2026-12-07; docs/model/flexibility.md §5,
/// "Storage and operating point"). A measured range of the model itself, said beside the year's value
/// (which takes the operating point in full); not a factor applied to it (the pairs scatter too widely).
inline constexpr double kOperatingPointFollowedShareMin = 0.02;
inline constexpr double kOperatingPointFollowedShareMax = 0.91;
FlexValue flex_value(const FlexCase& c, const FlexResult& r);
/// The horizon's year value on the delivered basis: (delivered − not physical − operating point +
/// end heat) × `per_year` (economics.flexible_days over the horizon's days); sets
/// v.delivered_value_eur and v.delivered_annual_eur from the other fields of `v`.
void set_delivered_annual_value(FlexValue& v, double per_year);
/// The time mean of the horizon's prices [EUR/J] (0 for none).
double horizon_mean_price_eur_per_J(const HorizonPrices& p);

/// The heat exchangers' value (T8-1; docs/model/flexibility.md §5): the flexibility value (the
/// annual value against the flat schedule) of the case with its exchangers less that of the same
/// case without them (FlexResult::without_exchangers), both on the delivered savings when both
/// dynamic runs reached the horizon's end, else both on the plan; the simple payback is the capex
/// over that increment (none when the increment is ≤ 0). `assessed` is false, and nothing is said
/// about the exchangers, unless the case has them enabled and economics.heat_exchanger_capex > 0.
struct ExchangerValue {
  bool assessed = false;
  double capex_eur = 0;
  bool on_delivered = true;
  double with_annual_eur = 0, without_annual_eur = 0, increment_annual_eur = 0;
  double planned_increment_annual_eur = 0, delivered_increment_annual_eur = 0;
  std::optional<double> payback_years;  ///< capex / increment; none when the increment is ≤ 0
  /// The increment split (on the delivered basis; T15-5): the delivered savings' part (with less
  /// without, a year) and the adjustments' part (not physical, operating point, end heat: the rest),
  /// and the payback on the savings' part alone (none when it is ≤ 0). All 0 on the planned basis.
  double savings_increment_annual_eur = 0, adjustments_increment_annual_eur = 0;
  std::optional<double> savings_payback_years;
  /// Over the horizon, with exchangers less without: the optimised schedules' margins, and the flat
  /// ones' (the cell's operating point without its exchangers at the same power: not flexibility,
  /// so not in the increment, which economics.flexible_days scales); planned and delivered.
  double optimised_margin_change_planned_eur = 0, optimised_margin_change_delivered_eur = 0;
  double flat_margin_change_planned_eur = 0, flat_margin_change_delivered_eur = 0;
};
ExchangerValue exchanger_value(const FlexCase& c, const FlexResult& r);

/// The extra anode effects of the optimised schedule's dynamic run over the flat one's
/// (representative cell × cells): their AE overvoltage energy (AC at the grid), bought at the
/// horizon's mean price, and their PFC emissions at economics.co2_price (docs/model/flexibility.md
/// §5, "Anode effects").
struct AnodeEffectCost {
  double extra_energy_J = 0, extra_energy_eur = 0;
  double extra_pfc_kg = 0, extra_pfc_eur = 0;
};
AnodeEffectCost anode_effect_cost(const FlexCase& c, const FlexResult& r);

/// The value figures of issue 13 part 4 on one basis (docs/model/flexibility.md §5): "planned" —
/// both schedules under the reduced model's production curve, buying the power they schedule;
/// "delivered" — both as the dynamic model ran them (flat_check and the final check: their metal,
/// and per step the energy their cells drew, delivered_step_energy_J). Energies are AC at the grid
/// connection.
struct ValueFigures {
  double savings_eur = 0;  ///< margin of the schedule − margin of the flat one
  double flat_power_cost_eur = 0, power_cost_change_eur = 0;
  double flat_energy_J = 0;        ///< the flat schedule's energy on this basis (AC)
  double production_kg = 0;        ///< the schedule's metal (the per-tonne basis)
  double extra_production_kg = 0;  ///< the schedule's metal − the flat one's
  double energy_change_J = 0;
  double energy_shifted_J = 0;  ///< Σ over steps of the energy below the flat schedule's step
  double energy_added_J = 0;    ///< Σ over steps of the energy above it
  /// The extra metal's energy at the basis's marginal rate: the best constant schedule's energy per
  /// kg beyond the flat one's on the same basis (else the reduced model's P0/(η·r0·e)).
  double extra_metal_energy_J = 0;
  /// shifted / (added − extra metal energy); none (undefined, "–") when the plan shifts no energy
  /// (below kMinShiftedShare of the flat schedule's) or the restoring energy is ≤ 0 (T8-6).
  std::optional<double> round_trip_efficiency;
  double sec_change_percent = 0;  ///< energy per metal, schedule against flat
  /// The extra anode effects' cost not yet in the savings: planned, their energy and PFC;
  /// delivered, their PFC only (the cells' drawn energy already holds the AE overvoltage energy).
  double anode_effect_cost_eur = 0;
  double savings_net_of_anode_effects_eur = 0;
  /// Percentages of the flat schedule's power cost; none ("–") when that cost is below
  /// kMinMeanPrice_eur_per_MWh on average over the flat energy (T8-6: a zero or 1e-9 EUR/MWh
  /// price).
  std::optional<double> savings_percent_of_power_cost() const;
  std::optional<double> power_cost_change_percent() const;
  double savings_eur_per_t() const;
};
ValueFigures planned_figures(const FlexCase& c, const FlexResult& r);
ValueFigures delivered_figures(const FlexCase& c, const FlexResult& r);

/// The marginal energy of `extra_kg` of metal beyond the flat schedule's [J AC per kg]:
/// P0/(η·r0·e), e the reduced model's production elasticity up (extra_kg ≥ 0) or down.
double marginal_energy_per_kg_J(const FlexCase& c, const ReducedModel& m, double extra_kg);
/// Whether the plan shifts energy enough for a round trip (kMinShiftedShare of the flat energy):
/// below it a delivered round trip is the cells' own differences, not the schedule's (T8-6).
bool plan_shifts_energy(const FlexCase& c, const FlexResult& r);
/// Shifted over restoring energy: `shifted_J` / (`added_J` − `extra_metal_energy_J`); none when
/// nothing is shifted or the restoring energy is ≤ 0 (no round trip). docs/model/flexibility.md §5.
std::optional<double> round_trip_efficiency(double shifted_J, double added_J,
                                            double extra_metal_energy_J);

/// Reporting thresholds of the value figures (not physics, T8-6): the least energy shifted, as a
/// share of the flat schedule's energy, for a round trip (below it the shift is the solver's
/// rounding), and the least mean price of the flat schedule's energy for a percentage of its power
/// cost (a cent per MWh: below it the base is zero for any plant's purposes).
inline constexpr double kMinShiftedShare = 1e-3;
inline constexpr double kMinMeanPrice_eur_per_MWh = 0.01;

/// Whether the reduced model's superheat fit error (rms) exceeds half the width of the superheat
/// window it plans in (flex.superheat_min … flex.superheat_max): its heat-state bounds then mean
/// little.
bool fit_error_exceeds_window(const FlexCase& c, const FlexResult& r);

/// Runs the whole flex analysis; `envelope` adds the operating-envelope scan.
FlexResult run_flex(const FlexCase& c, const PriceSeries& prices, bool envelope);

/// The summary document; "warnings" holds `case_warnings` (reading the case) then the run's,
/// "notes" `case_notes` (reading the price series) then the run's (flex_messages; T14-7).
io::Json flex_summary_json(const FlexCase& c, const FlexResult& r,
                           const std::vector<std::string>& case_warnings = {},
                           const std::vector<std::string>& case_notes = {});
/// economics.csv: every value figure, planned and delivered side by side (quantity, unit, planned,
/// delivered, delivered − planned).
std::string economics_csv(const FlexCase& c, const FlexResult& r);
/// One sentence on the basis of every power, energy and cost of the output (AC at the grid
/// connection, the rectifier efficiency and where it came from).
std::string power_basis(const FlexCase& c);
/// schedule.csv: per step the time, price, power of the flat and optimised schedules and the heat
/// state (reduced model and dynamic model), and the power the dynamic model's cells drew in each
/// step (flat and optimised, AC at the grid).
std::string schedule_csv(const FlexCase& c, const FlexResult& r);
/// envelope.csv: per power level the hold time, first limit and freeze time.
std::string envelope_csv(const FlexCase& c, const FlexResult& r);

}  // namespace potline::flex
