// The flex CSV tables: schedule.csv, economics.csv and envelope.csv (see flex_run.hpp; columns in
// docs/cli.md). The summary document is flex_output.cpp's.
#include <fmt/format.h>

#include <cstdint>

#include "potline/flex/flex_run.hpp"
#include "potline/io/csv.hpp"

namespace potline::flex {
namespace {

constexpr double kJ_per_MWh = 3.6e9;

}  // namespace

std::string schedule_csv(const FlexCase& c, const FlexResult& r) {
  std::string out = io::csv_row({"time_utc", "price [EUR/MWh]", "flat power [MW]", "power [MW]",
                                 "ledge model [cm]", "superheat model [K]", "ledge dynamic [cm]",
                                 "superheat dynamic [K]", "flat power delivered [MW]",
                                 "power delivered [MW]", "metal model [t]", "metal dynamic [t]"});
  const ResolveRound& f = r.final_round();
  const double unit_MW = grid_power_W(c, r.model) / 1e6;  // AC at the grid connection
  std::vector<double> ledge, superheat;
  sample_trace(f.check.trace, r.prices.step_s, f.schedule.shares.size(), ledge, superheat);
  // The power the dynamic model's cells drew, the step's mean (AC at the grid connection).
  const std::vector<double> flat_J = delivered_step_energy_J(c, r.prices, r.flat_check);
  const std::vector<double> opt_J = delivered_step_energy_J(c, r.prices, f.check);
  const auto mean_MW = [&](const std::vector<double>& e, std::size_t k) {
    return k < e.size() ? e[k] / r.prices.step_s / 1e6 : 0.0;
  };
  // The optimised schedule's metal per step, planned (the reduced model's) and as the dynamic model
  // made it (T7-29: which steps were not delivered), the whole potline.
  const double step_t = r.model.nominal_production_kg_per_s * r.prices.step_s * c.cells / 1e3;
  const auto dynamic_t = [&](std::size_t k) {
    const double from = r.prices.step_s * static_cast<double>(k);
    return (produced_kg_to(f.check.trace, from + r.prices.step_s) -
            produced_kg_to(f.check.trace, from)) *
           c.cells / 1e3;
  };
  const std::vector<double> planned = r.model.production_path(f.schedule.shares);
  for (std::size_t k = 0; k < f.schedule.shares.size(); ++k) {
    const auto t = r.prices.start_unix_s + static_cast<std::int64_t>(k * r.prices.step_s);
    out += io::csv_row(
        {format_utc_time(t), fmt::format("{:.6g}", r.prices.price_eur_per_J[k] * kJ_per_MWh),
         fmt::format("{:.6g}", r.flat.shares[k] * unit_MW),
         fmt::format("{:.6g}", f.schedule.shares[k] * unit_MW),
         fmt::format("{:.6g}", 100 * f.schedule.ledge_m[k + 1]),
         fmt::format("{:.6g}", f.schedule.superheat_K[k]),
         fmt::format("{:.6g}", 100 * ledge[k + 1]), fmt::format("{:.6g}", superheat[k]),
         fmt::format("{:.6g}", mean_MW(flat_J, k)), fmt::format("{:.6g}", mean_MW(opt_J, k)),
         fmt::format("{:.6g}", planned[k] * step_t),
         fmt::format("{:.6g}", dynamic_t(k))});
  }
  return out;
}

std::string economics_csv(const FlexCase& c, const FlexResult& r) {
  const ValueFigures p = planned_figures(c, r), d = delivered_figures(c, r);
  std::string out =
      io::csv_row({"quantity", "unit", "planned", "delivered", "delivered - planned"});
  // An undefined figure is an empty cell (T8-6), and so is its difference.
  const auto optional_row = [&out](const std::string& what, const std::string& unit,
                                   const std::optional<double>& a, const std::optional<double>& b) {
    const auto cell = [](const std::optional<double>& x) {
      return x ? fmt::format("{:.8g}", *x) : "";
    };
    out +=
        io::csv_row({what, unit, cell(a), cell(b), a && b ? fmt::format("{:.8g}", *b - *a) : ""});
  };
  const auto row = [&](const std::string& what, const std::string& unit, double a, double b) {
    optional_row(what, unit, a, b);
  };
  const ScheduleEconomics& fp = r.flat.economics;
  const ScheduleEconomics& op = r.final_round().schedule.economics;
  row("flat margin", "EUR", fp.margin_eur(), r.flat_delivered.margin_eur());
  row("optimised margin", "EUR", op.margin_eur(), r.delivered.margin_eur());
  row("savings", "EUR", p.savings_eur, d.savings_eur);
  optional_row("savings of the flat power cost", "%", p.savings_percent_of_power_cost(),
               d.savings_percent_of_power_cost());
  row("savings per tonne", "EUR/t", p.savings_eur_per_t(), d.savings_eur_per_t());
  row("flat power cost", "EUR", fp.power_cost_eur, r.flat_delivered.power_cost_eur);
  optional_row("power cost change", "%", p.power_cost_change_percent(),
               d.power_cost_change_percent());
  row("energy change (AC)", "MWh", p.energy_change_J / kJ_per_MWh, d.energy_change_J / kJ_per_MWh);
  row("energy shifted (AC)", "MWh", p.energy_shifted_J / kJ_per_MWh,
      d.energy_shifted_J / kJ_per_MWh);
  row("energy added (AC)", "MWh", p.energy_added_J / kJ_per_MWh, d.energy_added_J / kJ_per_MWh);
  row("extra metal", "t", p.extra_production_kg / 1e3, d.extra_production_kg / 1e3);
  row("energy of the extra metal (AC)", "MWh", p.extra_metal_energy_J / kJ_per_MWh,
      d.extra_metal_energy_J / kJ_per_MWh);
  optional_row("round-trip efficiency", "-", p.round_trip_efficiency, d.round_trip_efficiency);
  row("specific energy change", "%", p.sec_change_percent, d.sec_change_percent);
  row("anode-effect cost not in the savings", "EUR", p.anode_effect_cost_eur,
      d.anode_effect_cost_eur);
  row("savings net of anode effects", "EUR", p.savings_net_of_anode_effects_eur,
      d.savings_net_of_anode_effects_eur);
  const FlexValue v = flex_value(c, r);
  row("annual value", "EUR", v.planned_annual_eur, v.delivered_annual_eur);
  // The dynamic model's alone: the reduced model has a production curve, no current efficiency and
  // no anode effects (planned and the difference left empty).
  const auto dynamic_row = [&out](const std::string& what, const std::string& unit, double b) {
    out += io::csv_row({what, unit, "", fmt::format("{:.8g}", b), ""});
  };
  const Resimulation& dyn = r.final_round().check;
  dynamic_row("current efficiency change", "points",
              100 * (dyn.current_efficiency - r.flat_check.current_efficiency));
  // Which model (T9-3): its CE change's metal and value, and what the annual value leaves out.
  const CeValue ce = ce_value(c, r);
  dynamic_row("metal of the current efficiency change (" + ce.model + ")", "t", ce.metal_kg / 1e3);
  dynamic_row("value of the current efficiency change (" + ce.model + ")", "EUR", ce.value_eur);
  dynamic_row("not physical, left out of the annual value", "EUR", ce.excluded_eur);
  dynamic_row("operating point, taken out of the annual value", "EUR", v.operating_point_eur);
  dynamic_row("heat left in the cells at the end, added to the annual value", "EUR", v.end_heat_eur);
  dynamic_row("anode effects, flat (representative cell)", "count",
              static_cast<double>(r.flat_check.ae_count));
  dynamic_row("anode effects, optimised (representative cell)", "count",
              static_cast<double>(dyn.ae_count));
  dynamic_row("anode effects within flex.ae_after_ramp of a power increase (optimised)", "count",
              static_cast<double>(dyn.ae_after_ramp_up));
  return out;
}

std::string envelope_csv(const FlexCase& c, const FlexResult& r) {
  std::string out =
      io::csv_row({"heat exchangers", "power [% of nominal]", "hold [h]", "first limit",
                   "window crossing at [h]", "window limit", "freeze alarm at [h]", "frozen at [h]",
                   "flexible energy [MWh]", "ACD min [cm]", "ACD max [cm]", "at an ACD limit [h]",
                   "first at an ACD limit [h]", "power drawn [% of nominal]",
                   "at the rectifier limit [h]", "reachable power [% of nominal]"});
  (void)c;
  for (const EnvelopeRow& e : r.envelope) {
    out += io::csv_row(
        {e.heat_exchangers ? "on" : "off", fmt::format("{:.6g}", 100 * e.share),
         fmt::format("{:.6g}", e.hold_s / 3600), e.limit.empty() ? "none" : e.limit,
         e.window_crossing_s < 0 ? "" : fmt::format("{:.6g}", e.window_crossing_s / 3600),
         e.window_limit.empty() ? "none" : e.window_limit,
         e.freeze_alarm_s < 0 ? "" : fmt::format("{:.6g}", e.freeze_alarm_s / 3600),
         e.frozen_s < 0 ? "" : fmt::format("{:.6g}", e.frozen_s / 3600),
         fmt::format("{:.6g}", e.flexible_energy_J / kJ_per_MWh),
         fmt::format("{:.6g}", 100 * e.min_acd_m), fmt::format("{:.6g}", 100 * e.max_acd_m),
         fmt::format("{:.6g}", e.acd_limit_s / 3600),
         e.acd_limit_first_s < 0 ? "" : fmt::format("{:.6g}", e.acd_limit_first_s / 3600),
         fmt::format("{:.6g}", 100 * e.drawn_share),
         fmt::format("{:.6g}", e.current_limit_s / 3600),
         fmt::format("{:.6g}", 100 * e.reachable_share)});
  }
  return out;
}

}  // namespace potline::flex
