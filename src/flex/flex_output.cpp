// The flex summary document (see flex_run.hpp; keys in docs/cli.md); the CSV tables are
// flex_tables.cpp's.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/cell/current_efficiency.hpp"
#include "potline/flex/flex_messages.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/potline/thermal_calibration.hpp"

namespace potline::flex {
namespace {

constexpr double kJ_per_MWh = 3.6e9;

// The reduced model's error against dynamic-model runs (FitError): heat state, and metal and energy
// per step (in % of a step at nominal) and over the run (signed, reduced − dynamic; the potline's
// metal in t and energy AC at the grid in MWh, and in % of the dynamic model's).
io::Json error_json(const FlexCase& c, const FitError& e) {
  return {{"ledge_rms_cm", 100 * e.ledge_rms_m},
          {"ledge_max_cm", 100 * e.ledge_max_m},
          {"superheat_rms_K", e.superheat_rms_K},
          {"superheat_max_K", e.superheat_max_K},
          {"production_rms_percent", 100 * e.production_rms},
          {"production_max_percent", 100 * e.production_max},
          {"production_total_t", e.production_total_kg * c.cells / 1e3},
          {"production_total_percent", 100 * e.production_total},
          {"energy_rms_percent", 100 * e.energy_rms},
          {"energy_max_percent", 100 * e.energy_max},
          {"energy_total_MWh", e.energy_total_J * c.cells / c.rectifier_efficiency() / kJ_per_MWh},
          {"energy_total_percent", 100 * e.energy_total}};
}

// The production curve's breakpoints: power, production (the concave fit) and what the
// constant-power run made, in % of nominal.
io::Json curve_json(const ReducedModel& m) {
  io::Json out = io::Json::array();
  for (std::size_t i = 0; i < m.curve_share.size(); ++i)
    out.push_back(
        {{"power_percent", 100 * m.curve_share[i]},
         {"production_percent", 100 * m.curve_production[i]},
         {"measured_percent",
          i < m.curve_measured.size() ? 100 * m.curve_measured[i] : 100 * m.curve_production[i]}});
  return out;
}

// The production lag (reduced_model.hpp) and its fit over the curve's constant-power runs.
io::Json production_lag_json(const ReducedModel& m) {
  const double rho = m.production_lag;
  return {{"per_step", rho},
          {"time_constant_h", rho > 0 ? -m.step_s / 3600 / std::log(rho) : 0.0},
          {"instant_elasticity", m.production_instant},
          {"fit_metal_rms_percent", 100 * m.production_lag_fit_rms},
          {"static_fit_metal_rms_percent", 100 * m.production_static_fit_rms},
          {"fit_steps", m.production_lag_fit_steps}};
}

// The heat-deficit state of the rise out of a cut (reduced_model.hpp); null without one.
io::Json rise_json(const ReducedModel& m) {
  if (!(m.rise_metal > 0.0)) return nullptr;
  return {{"ceiling_onset_percent", 100 * (1.0 + m.rise_onset)},
          {"decay_per_step", m.rise_decay},
          {"time_constant_h", m.rise_decay > 0 ? -m.step_s / 3600 / std::log(m.rise_decay) : 0.0},
          {"metal_steps_per_unit", m.rise_metal},
          {"fit_metal_rms_percent", 100 * m.rise_fit_rms},
          {"static_fit_metal_rms_percent", 100 * m.rise_static_rms}};
}

io::Json model_json(const FlexCase& c, const ReducedModel& m) {
  return {{"step_h", m.step_s / 3600},
          {"a", m.a},
          {"b_m", m.b},
          {"c_K", m.c},
          {"d_K_per_m", m.d},
          {"production_elasticity_up", m.e_up},
          {"production_elasticity_down", m.e_down},
          {"production_curve", curve_json(m)},
          {"production_curve_form", m.curve_exact ? "measured points" : "concave fit"},
          {"production_curve_concave_fit_error_percent", 100 * m.curve_concave_error},
          {"production_curve_scatter_percent", 100 * m.curve_scatter},
          {"production_lag", production_lag_json(m)},
          {"ledge_ref_cm", 100 * m.ledge_ref_m},
          {"superheat_ref_K", m.superheat_ref_K},
          {"nominal_cell_power_kW", m.nominal_power_W / 1e3},
          {"nominal_cell_production_kg_per_day", m.nominal_production_kg_per_s * 86400},
          {"fit_step_percent", 100 * m.delta},
          {"a_stop", m.a_stop},
          {"b_stop_m", m.b_stop},
          {"c_stop_K", m.c_stop},
          {"stop_metal_steps", m.stop_metal_steps},
          {"stop_metal_slope", m.stop_metal_slope},
          {"restart_energy_steps", m.restart_energy_steps},
          {"rise_deficit", rise_json(m)},
          {"fit_error", error_json(c, m.error)},
          {"notes", m.notes}};
}

io::Json economics_json(const ScheduleEconomics& e) {
  return {{"margin_eur", e.margin_eur()},
          {"revenue_eur", e.revenue_eur},
          {"power_cost_eur", e.power_cost_eur},
          {"alumina_cost_eur", e.alumina_cost_eur},
          {"carbon_cost_eur", e.carbon_cost_eur},
          {"penalty_eur", e.penalty_eur},
          {"reserve_revenue_eur", e.reserve_revenue_eur},
          {"energy_MWh", e.energy_J / kJ_per_MWh},
          {"production_t", e.production_kg / 1e3},
          {"set_point_changes", e.changes}};
}

io::Json crossings_json(const std::vector<Crossing>& crossings) {
  io::Json out = io::Json::array();
  for (const Crossing& x : crossings) {
    const bool ledge = x.limit.rfind("ledge", 0) == 0 || x.limit == "freeze_alarm";
    const bool frozen = x.limit == "bath_frozen" || x.limit == "guard_stop";
    out.push_back({{"limit", x.limit},
                   {"start_h", x.start_s / 3600},
                   {"end_h", x.end_s / 3600},
                   {"extreme", frozen ? 0.0 : (ledge ? 100 * x.extreme : x.extreme)},
                   {"bound", frozen ? 0.0 : (ledge ? 100 * x.bound : x.bound)},
                   {"unit", frozen ? "" : (ledge ? "cm" : "K")}});
  }
  return out;
}

io::Json check_json(const FlexCase& c, const Resimulation& r) {
  return {{"in_window", r.in_window()},
          {"crossings", crossings_json(r.crossings)},
          {"stopped", r.trace.stopped},
          {"stop_message", r.trace.stop_message},
          {"production_t", r.production_kg / 1e3},
          {"energy_MWh", r.energy_J / kJ_per_MWh},
          {"scheduled_energy_MWh", r.scheduled_energy_J / kJ_per_MWh},
          {"current_limit_h", r.current_limit_s / 3600},
          {"current_efficiency_percent", 100 * r.current_efficiency},
          {"anode_effects", r.ae_count},
          {"anode_effects_after_ramp_up", r.ae_after_ramp_up},
          {"max_acd_cm", 100 * r.max_acd_m},
          {"acd_limit_h", r.acd_limit_s / 3600},
          {"max_ledge_cm", 100 * r.max_ledge_m},
          {"reduced_model_error", error_json(c, r.model_error)}};
}

io::Json rounds_json(const FlexCase& c, const FlexResult& r) {
  io::Json out = io::Json::array();
  for (const ResolveRound& rr : r.rounds) {
    out.push_back({{"ledge_min_cm", 100 * rr.bounds.ledge_min_m},
                   {"ledge_max_cm", 100 * rr.bounds.ledge_max_m},
                   {"superheat_min_K", rr.bounds.superheat_min_K},
                   {"superheat_max_K", rr.bounds.superheat_max_K},
                   {"margin_eur", rr.schedule.economics.margin_eur()},
                   {"check", check_json(c, rr.check)}});
  }
  return out;
}

io::Json solver_json(const Schedule& s) {
  return {{"problem", s.milp ? "MILP" : "LP"},
          {"solver", s.solution.solver},
          {"status", to_string(s.solution.status)},
          {"objective_eur", s.solution.objective},
          {"bound_eur", s.solution.bound},
          {"gap_percent", 100 * s.solution.gap},
          {"time_limit_hit", s.solution.time_limit_hit},
          {"seconds", s.solution.seconds}};
}

io::Json grid_json(const FlexCase& c, const FlexResult& r);

// Anode effects of the dynamic checks (representative cell) and what the optimised schedule's extra
// ones cost: the AE overvoltage energy at the horizon's mean price and the PFC at
// economics.co2_price.
io::Json anode_effects_json(const FlexCase& c, const FlexResult& r) {
  const Resimulation& opt = r.final_round().check;
  const Resimulation& flat = r.flat_check;
  const AnodeEffectCost a = anode_effect_cost(c, r);
  return {{"flat_per_cell", flat.ae_count},
          {"optimised_per_cell", opt.ae_count},
          {"optimised_after_ramp_up_per_cell", opt.ae_after_ramp_up},
          {"flat_after_ramp_up_per_cell", flat.ae_after_ramp_up},
          {"after_ramp_window_h", c.dispatch.ae_after_ramp_s / 3600},
          {"extra_potline", (opt.ae_count - flat.ae_count) * c.cells},
          {"extra_energy_MWh", a.extra_energy_J / kJ_per_MWh},
          {"extra_pfc_t_co2e", a.extra_pfc_kg / 1e3},
          {"extra_cost_eur", a.extra_energy_eur + a.extra_pfc_eur},
          {"extra_pfc_cost_eur", a.extra_pfc_eur}};
}

// An undefined figure (a percentage of a zero base, a round trip with nothing shifted) is null.
io::Json optional_json(const std::optional<double>& x) {
  return x ? io::Json(*x) : io::Json(nullptr);
}

// One basis of the value figures (value.planned, value.delivered; docs/cli.md).
io::Json figures_json(const ValueFigures& v) {
  return {{"savings_eur", v.savings_eur},
          {"savings_percent_of_power_cost", optional_json(v.savings_percent_of_power_cost())},
          {"savings_eur_per_t", v.savings_eur_per_t()},
          {"power_cost_change_percent", optional_json(v.power_cost_change_percent())},
          {"energy_change_MWh", v.energy_change_J / kJ_per_MWh},
          {"energy_shifted_MWh", v.energy_shifted_J / kJ_per_MWh},
          {"energy_added_MWh", v.energy_added_J / kJ_per_MWh},
          {"extra_production_t", v.extra_production_kg / 1e3},
          {"extra_metal_energy_MWh", v.extra_metal_energy_J / kJ_per_MWh},
          {"round_trip_efficiency", optional_json(v.round_trip_efficiency)},
          {"sec_change_percent", v.sec_change_percent},
          {"anode_effect_cost_eur", v.anode_effect_cost_eur},
          {"savings_net_of_anode_effects_eur", v.savings_net_of_anode_effects_eur}};
}

// The heat exchangers' increment (exchanger_value, T8-1): value.heat_exchangers, and the flat keys
// heat_exchanger_capex_eur, _payback_years (0: none) and _payback_note, now on the increment.
void exchanger_json(const FlexResult& r, const ExchangerValue& x, io::Json& j) {
  const WithoutExchangers& off = r.without_exchangers;
  const std::string note =
      x.payback_years
          ? "the capex over the increment of the annual value: the case with its heat exchangers "
            "less the same case without them, each optimised and checked in the dynamic model"
          : "no payback: the exchangers add no value on this price series (the case without them "
            "earns as much or more against its flat schedule)";
  j["heat_exchanger_capex_eur"] = x.capex_eur;
  j["heat_exchanger_payback_years"] = x.payback_years.value_or(0.0);
  j["heat_exchanger_payback_note"] = note;
  j["heat_exchangers"] = {
      {"capex_eur", x.capex_eur},
      {"basis", x.on_delivered ? "delivered" : "planned"},
      {"with_annual_value_eur", x.with_annual_eur},
      {"without_annual_value_eur", x.without_annual_eur},
      {"increment_annual_value_eur", x.increment_annual_eur},
      {"planned_increment_annual_value_eur", x.planned_increment_annual_eur},
      {"delivered_increment_annual_value_eur", x.delivered_increment_annual_eur},
      {"payback_years", optional_json(x.payback_years)},
      {"payback_note", note},
      {"without_savings_eur", off.planned_savings_eur},
      {"without_delivered_savings_eur", off.delivered_savings_eur},
      // The without case's year's value, term by term, and the increment's parts (T15-5).
      {"without_not_physical_eur", off.not_physical_eur},
      {"without_operating_point_eur", off.operating_point_eur},
      {"without_end_heat_eur", off.end_heat_eur},
      {"without_delivered_value_eur", off.delivered_value_eur},
      {"savings_increment_annual_value_eur", x.savings_increment_annual_eur},
      {"adjustments_increment_annual_value_eur", x.adjustments_increment_annual_eur},
      {"savings_payback_years", optional_json(x.savings_payback_years)},
      {"without_in_window", off.in_window},
      {"without_verdict", off.verdict},
      {"without_rounds", off.rounds},
      {"optimised_margin_change_eur", x.optimised_margin_change_planned_eur},
      {"optimised_margin_change_delivered_eur", x.optimised_margin_change_delivered_eur},
      {"flat_margin_change_eur", x.flat_margin_change_planned_eur},
      {"flat_margin_change_delivered_eur", x.flat_margin_change_delivered_eur}};
}

// Savings against the flat schedule, energy shifted, efficiencies and the heat-exchanger payback:
// planned and delivered side by side (value.planned, value.delivered); the flat keys are the
// plan's, as before 2026-12-06, but for the annual value and the payback (on the delivered
// savings).
// The constant levels the dynamic model judged (best_constant_schedule): level, whether its run
// stayed in the window, and its delivered margin.
io::Json candidates_json(const ConstantReference& ref) {
  io::Json out = io::Json::array();
  for (const ConstantCandidate& x : ref.candidates)
    out.push_back({{"power_percent", 100 * x.share},
                   {"in_window", x.in_window},
                   {"delivered_margin_eur", x.delivered_margin_eur}});
  return out;
}

// Which CE model valued the schedule and how much of the delivered value its CE change makes;
// what is left out of the annual value as not physical (T9-3; flex_ce.hpp).
io::Json ce_json(const FlexCase& c, const FlexResult& r) {
  const CeValue v = ce_value(c, r);
  return {{"model", v.model},
          {"model_origin", v.origin},
          {"flat_percent", v.flat_percent},
          {"optimised_percent", v.optimised_percent},
          {"change_points", v.change_points},
          {"metal_t", v.metal_kg / 1e3},
          {"value_eur", v.value_eur},
          {"beyond_round_trip_t", v.beyond_round_trip_kg / 1e3},
          {"beyond_round_trip_eur", v.beyond_round_trip_eur},
          {"dewing_gain", v.dewing_gain},
          {"not_physical_eur", v.excluded_eur},
          {"not_physical_reason", v.excluded_reason},
          {"note", flex_ce_note(c, r).value_or("")}};
}

// value.annual_value_caveats (FlexValue's adjustments_*; docs/cli.md): null when not assessed.
io::Json adjustment_caveats_json(const FlexValue& v) {
  if (!v.adjustments_assessed) return nullptr;
  return {{"noise_MWh", v.noise_J / kJ_per_MWh},
          {"operating_point_MWh", v.operating_point_J / kJ_per_MWh},
          {"operating_point_within_noise", v.operating_point_within_noise},
          {"end_heat_within_noise", v.end_heat_within_noise},
          {"annual_value_without_adjustments_eur", v.annual_without_adjustments_eur},
          {"operating_point_followed_share_min", kOperatingPointFollowedShareMin},
          {"operating_point_followed_share_max", kOperatingPointFollowedShareMax},
          {"annual_value_operating_point_followed_low_eur", v.annual_operating_point_followed_low_eur},
          {"annual_value_operating_point_followed_high_eur", v.annual_operating_point_followed_high_eur}};
}

io::Json value_json(const FlexCase& c, const FlexResult& r) {
  const ValueFigures planned = planned_figures(c, r);
  const ValueFigures delivered = delivered_figures(c, r);
  const Resimulation& dyn = r.final_round().check;
  const Resimulation& dyn_flat = r.flat_check;
  // The year's value on the delivered savings (flex_value; T6-4: the planned margin counted metal
  // and energy the dynamic model does not deliver).
  const FlexValue v = flex_value(c, r);
  io::Json j = {
      {"currency", "EUR"},
      {"savings_eur", planned.savings_eur},
      // The margin gained as a share of the flat schedule's power cost (issue 13 part 4: "savings
      // ... % of power cost"); the power cost's own change is a separate key, with the cost's sign
      // (a schedule may buy more power to make more metal and still gain).
      {"savings_percent_of_power_cost", optional_json(planned.savings_percent_of_power_cost())},
      {"power_cost_change_percent", optional_json(planned.power_cost_change_percent())},
      {"savings_eur_per_t", planned.savings_eur_per_t()},
      {"energy_change_MWh", planned.energy_change_J / kJ_per_MWh},
      {"energy_shifted_MWh", planned.energy_shifted_J / kJ_per_MWh},
      {"energy_added_MWh", planned.energy_added_J / kJ_per_MWh},
      {"extra_production_t", planned.extra_production_kg / 1e3},
      {"round_trip_efficiency", optional_json(planned.round_trip_efficiency)},
      {"dynamic_sec_change_percent", delivered.sec_change_percent},
      {"dynamic_current_efficiency_change_points",
       100 * (dyn.current_efficiency - dyn_flat.current_efficiency)},
      {"dynamic_production_change_t", (dyn.production_kg - dyn_flat.production_kg) / 1e3},
      {"delivered_savings_eur", v.delivered_savings_eur},
      {"not_physical_eur", v.not_physical_eur},
      // The year's value on the delivered basis (docs/model/flexibility.md §5): the operating
      // point out, the heat left in the cells at the end in, at the horizon's mean price.
      {"operating_point_eur", v.operating_point_eur},
      {"end_heat_MWh", v.end_heat_J / kJ_per_MWh},
      {"end_heat_price_eur_per_MWh", v.end_heat_price_eur_per_J * kJ_per_MWh},
      {"end_heat_eur", v.end_heat_eur},
      {"delivered_value_eur", v.delivered_value_eur},
      {"annual_value_eur", v.annual_eur},
      {"annual_value_basis", v.on_delivered ? "delivered" : "planned"},
      {"annual_value_note", v.basis},
      {"planned_annual_value_eur", v.planned_annual_eur},
      // How firm the year is (T15-4): null unless the year is on the delivered savings with a split.
      {"annual_value_caveats", adjustment_caveats_json(v)},
      // The savings split (T7-36, docs/model/flexibility.md §4): a constant level, the availability
      // payment and price following; planned and delivered.
      {"savings_split",
       {{"constant_level_found", v.constant_found},
        {"constant_level_percent", v.constant_found ? 100 * v.constant_share : 0.0},
        {"constant_level_planned_eur", v.constant_planned_eur},
        {"constant_level_delivered_eur", v.constant_delivered_eur},
        {"availability_payment_eur", v.reserve_eur},
        {"price_following_planned_eur", v.price_following_planned_eur},
        {"price_following_delivered_eur", v.price_following_delivered_eur},
        {"constant_level_candidates", candidates_json(r.constant)}}}};
  j["planned"] = figures_json(planned);
  j["delivered"] = figures_json(delivered);
  // The current efficiency is the dynamic model's alone (the reduced model has a production curve).
  j["delivered"]["current_efficiency_change_points"] =
      j["dynamic_current_efficiency_change_points"];
  // Both dynamic runs reached the horizon's end: else the stopped run counts its energy to the stop
  // and no metal, and its figures say little (the annual value is then on the plan, flex_value).
  j["delivered"]["complete"] = v.on_delivered;
  j["delivered"]["round_trip_split"] = round_trip_json(r.round_trip);
  j["current_efficiency"] = ce_json(c, r);
  j["anode_effects"] = anode_effects_json(c, r);
  j["savings_net_of_anode_effects_eur"] = planned.savings_net_of_anode_effects_eur;
  if (c.grid.offered()) j["grid"] = grid_json(c, r);
  if (const ExchangerValue x = exchanger_value(c, r); x.assessed) exchanger_json(r, x, j);
  return j;
}

// Interruptible capacity held, its payments and one call's value, and the worst call in the
// dynamic model (docs/model/flexibility.md §6).
io::Json grid_json(const FlexCase& c, const FlexResult& r) {
  const Schedule& s = r.final_round().schedule;
  const GridValue g = grid_value(c, r.model, r.prices, s.reserve_share);
  io::Json j = {{"offered_MW", g.offered_W / 1e6},
                {"offered_percent", 100 * s.reserve_share},
                {"call_duration_h", c.grid.call_duration_s / 3600},
                {"notice_h", c.grid.notice_s / 3600},
                {"call_min_power_percent", 100 * c.call_min_power()},
                {"reserve_payment_eur", g.reserve_payment_eur},
                {"call_energy_MWh", g.call_energy_J / kJ_per_MWh},
                {"call_payment_eur", g.call_payment_eur},
                {"call_avoided_power_cost_eur", g.call_avoided_power_cost_eur},
                {"call_lost_metal_t", g.call_lost_metal_kg / 1e3},
                {"call_lost_metal_value_eur", g.call_lost_metal_value_eur},
                {"call_net_value_eur", g.call_net_value_eur},
                {"max_calls_in_horizon", g.max_calls_in_horizon},
                {"value_with_max_calls_eur", g.value_with_max_calls_eur}};
  if (s.worst_call.any) {
    const double step_h = r.prices.step_s / 3600;
    j["worst_call"] = {{"notice_start_h", step_h * static_cast<double>(s.worst_call.first_notice)},
                       {"cut_start_h", step_h * static_cast<double>(s.worst_call.start)},
                       {"cut_end_h", step_h * static_cast<double>(s.worst_call.end)},
                       {"reduced_model_slack", s.worst_call.slack_cm_or_K},
                       {"check", check_json(c, r.call_check)}};
  }
  return j;
}

// What the rectifier delivers (rectifier_reach) against flex.max_power.
io::Json rectifier_json(const FlexCase& c) {
  const RectifierReach reach = rectifier_reach(c.sim);
  return {{"max_current_kA", reach.max_current_A / 1e3},
          {"voltage_at_max_current_V", reach.voltage_V},
          {"max_power_percent", 100 * reach.max_share},
          {"caps_max_power", c.dispatch.max_power > reach.max_share + 1e-9},
          {"planned_max_power_percent", 100 * std::min(c.dispatch.max_power, reach.max_share)}};
}

io::Json envelope_json(const std::vector<EnvelopeRow>& rows, double max_s) {
  io::Json out = io::Json::array();
  for (const EnvelopeRow& e : rows) {
    out.push_back(
        {{"power_percent", 100 * e.share},
         {"heat_exchangers", e.heat_exchangers},
         {"settle_h", e.settle_s / 3600},
         {"hold_h", e.hold_s / 3600},
         {"held_to_end", e.limit.empty() && e.frozen_s < 0 && e.hold_s >= max_s},
         {"first_limit", e.limit},
         {"window_crossing_h",
          e.window_crossing_s < 0 ? io::Json(nullptr) : io::Json(e.window_crossing_s / 3600)},
         {"window_limit", e.window_limit},
         {"freeze_alarm_h",
          e.freeze_alarm_s < 0 ? io::Json(nullptr) : io::Json(e.freeze_alarm_s / 3600)},
         {"frozen_h", e.frozen_s < 0 ? io::Json(nullptr) : io::Json(e.frozen_s / 3600)},
         {"flexible_energy_MWh", e.flexible_energy_J / kJ_per_MWh},
         {"reachable_power_percent", 100 * e.reachable_share},
         {"beyond_rectifier_reach", e.beyond_reach()},
         {"drawn_power_percent", 100 * e.drawn_share},
         {"current_limit_h", e.current_limit_s / 3600},
         {"min_acd_cm", 100 * e.min_acd_m},
         {"max_acd_cm", 100 * e.max_acd_m},
         {"acd_limit_h", e.acd_limit_s / 3600},
         {"acd_limit_first_h",
          e.acd_limit_first_s < 0 ? io::Json(nullptr) : io::Json(e.acd_limit_first_s / 3600)}});
  }
  return out;
}

}  // namespace

std::string power_basis(const FlexCase& c) {
  return fmt::format(
      "AC at the grid connection: the cells' DC power / design.rectifier_efficiency {:.4g} (from "
      "{}); "
      "plant auxiliaries not included",
      c.rectifier_efficiency(), c.rectifier_efficiency_origin);
}

io::Json flex_summary_json(const FlexCase& c, const FlexResult& r,
                           const std::vector<std::string>& case_warnings,
                           const std::vector<std::string>& case_notes) {
  io::Json j;
  j["title"] = c.sim.title;
  j["technology"] = c.sim.technology;  // as run (T13-7)
  j["cells"] = c.cells;
  j["seed"] =
      c.sim.seed;  // of the dynamic model's noise and faults; the manifest takes it from here too
  j["horizon_h"] = c.dispatch.horizon_s / 3600;
  j["start_utc"] = format_utc_time(r.prices.start_unix_s);
  j["step_min"] = r.prices.step_s / 60;
  j["window_averaging_h"] =
      c.sim.window.averaging_s / 3600;  // the running means the crossings are found on
  j["nominal_power_MW"] = grid_power_W(c, r.model) / 1e6;
  j["power_basis"] = power_basis(c);
  j["rectifier_efficiency"] = c.rectifier_efficiency();
  j["rectifier_efficiency_origin"] = c.rectifier_efficiency_origin;
  j["current_efficiency_model"] =
      std::string(cell::to_name(c.sim.constants.current_efficiency_model));
  j["current_efficiency_model_origin"] = c.ce_model_origin;
  // The dynamic model's cell, calibrated as simulate calibrates the same case (T14-9).
  j["thermal_calibration"] = line::thermal_calibration_json(c.sim);
  j["reduced_model"] = model_json(c, r.model);
  j["reduced_model"]["fit_error"]["superheat_window_half_width_K"] =
      0.5 * (c.superheat_max_K() - c.superheat_min_K());
  j["reduced_model"]["fit_error"]["exceeds_window"] = fit_error_exceeds_window(c, r);
  j["rectifier"] = rectifier_json(c);
  j["solver"] = solver_json(r.final_round().schedule);
  j["flat"] = economics_json(r.flat.economics);
  j["flat"]["power_percent"] = 100 * (r.flat.shares.empty() ? 1.0 : r.flat.shares.front());
  j["flat"]["check"] = check_json(c, r.flat_check);
  j["flat"]["delivered"] = economics_json(r.flat_delivered);
  j["optimised"] = economics_json(r.final_round().schedule.economics);
  j["optimised"]["check"] = check_json(c, r.final_round().check);
  j["optimised"]["delivered"] = economics_json(r.delivered);
  j["in_window"] = r.in_window;
  j["verdict"] = r.verdict;
  j["rounds"] = rounds_json(c, r);
  j["value"] = value_json(c, r);
  if (!r.envelope.empty()) j["envelope"] = envelope_json(r.envelope, c.envelope.max_duration_s);
  // What the CLI prints (T14-7): the case's warnings (stderr), then the run's, and its notes (text).
  const FlexMessages m = flex_messages(c, r);
  std::vector<std::string> warnings = case_warnings;
  warnings.insert(warnings.end(), m.warnings.begin(), m.warnings.end());
  j["warnings"] = warnings;
  std::vector<std::string> notes = case_notes;
  notes.insert(notes.end(), m.notes.begin(), m.notes.end());
  j["notes"] = notes;
  return j;
}

}  // namespace potline::flex
