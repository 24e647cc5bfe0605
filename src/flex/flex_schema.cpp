// The flex case schema: [flex], [economics] and [envelope], declared once with the member of
// FlexCase each binds, its unit, default, range and source (io::SchemaTable). A flex case also
// takes every simulate field (the cell, its dynamics and control, [potline] cells).
#include <string>

#include "potline/flex/flex_case.hpp"
#include "potline/flex/flex_ce.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::flex {
namespace {
using Table = io::SchemaTable<FlexCase>;

// [flex]: what the schedule may do.
void add_limit_fields(Table& t) {
  auto d = t.part(&FlexCase::dispatch);
  t.text("flex.prices", &FlexCase::prices_path)
      .path()
      .doc("price series CSV: 'time_utc,price_eur_per_MWh' or another declared zone and unit, or a SMARD or "
           "Energi Data Service download (15-min, 30-min or hourly); a relative path is looked up beside the case file, then "
           "in the data folder (prices/...csv); --prices overrides it")
      .source("user input; synthetic examples in data/prices/");
  t.text("flex.price_time_zone")
      .doc("time zone of price times written without a UTC offset (and not in a time_utc column): UTC, a fixed "
           "offset (+01:00, no summer time), or local time with EU summer time (1996 on) as CET, EET, WET or "
           "Europe/Berlin, Copenhagen, Paris, ... (a fixed list; no time-zone database is read); none: such times "
           "are an input error, except in a SMARD download, which is German local time (read as Europe/Berlin, "
           "with a note)")
      .source("[EU summer time 2000]: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the "
              "last Sunday of October");
  t.text("flex.price_area")
      .doc("price area to read from an export holding several: Energi Data Service's PriceArea (DK1, DK2) or a "
           "SMARD column's area (Deutschland/Luxemburg), in any case (dk1 = DK1); none: the file must hold one")
      .source("user choice");
  t.number("flex.price_exchange_rate")
      .range(0.0, 1e6)
      .exclusive_min()
      .default_note("none: the prices must be in EUR (EUR/MWh, EUR/kWh, ct/kWh)")
      .doc("EUR per unit of the price series' currency, when its header names another (USD/MWh: EUR per USD)")
      .source("user input, e.g. [ECB 2024]: 1.0824 USD/EUR in 2024, 0.9239 EUR per USD");
  t.text("flex.start")
      .default_note("none: the series' first time")
      .doc("time of the price series' row the horizon starts at (2024-06-05T00:00Z; without an offset it is read "
           "in flex.price_time_zone, else as UTC); the dispatch uses flex.horizon from it, and says which rows of "
           "the series it used and how much before and after them it ignored")
      .source("user choice");
  d.number("flex.horizon", &DispatchSettings::horizon_s)
      .unit("h", "s")
      .default_(24.0)
      .range(1.0, 24.0 * 14)
      .doc("optimised time from flex.start (the first row of the price series by default); the series must hold "
           "it")
      .source("user choice: a day to a week (day-ahead to weekly scheduling)");
  d.number("flex.production_target", &DispatchSettings::production_target)
      .unit("%", "1")
      .default_(100.0)
      .range(0.0, 200.0)
      .warn_plain_fraction()
      .doc("metal to produce over the horizon, % of the production at nominal power")
      .source("user choice");
  d.number("flex.min_power", &DispatchSettings::min_power)
      .unit("%", "1")
      .default_(100 * kDefaultMinPowerShare)
      .range(0.0, 100.0)
      .warn_plain_fraction()
      .doc("lowest line power, % of nominal")
      .source("estimate: conventional potlines tolerate about ±5 % power, as commonly quoted in the shell "
              "heat-exchanger literature ([Lavoie et al. 2011]) [verify]; with shell heat exchangers ±25 % for up "
              "to 48 h [TRIMET 2019]");
  d.number("flex.max_power", &DispatchSettings::max_power)
      .unit("%", "1")
      .default_(100 * kDefaultMaxPowerShare)
      .range(100.0, 150.0)
      .doc("highest line power, % of nominal; the dispatch plans no more than the rectifier limit "
           "potline.max_current delivers at the voltage the resistance control holds there (a "
           "warning says so)")
      .source("as flex.min_power");
  d.number("flex.ramp", &DispatchSettings::ramp_per_s)
      .unit("%/h", "1/s")
      .default_(20.0)
      .range(0.0, 1e4)
      .exclusive_min()
      .doc("largest change of the line power per hour, % of nominal")
      .source("[Lyu EAL model] cell-level dispatch model: ramp ≤ 20 % of rated power per hour");
  d.integer("flex.max_changes_per_day", &DispatchSettings::max_changes_per_day)
      .default_(0)
      .range(0, 96)
      .doc("set-point changes allowed per calendar day (UTC); 0: no limit (then an LP suffices)")
      .source("[Lyu EAL model]: at most 10 adjustments a day");
  d.number("flex.min_dwell", &DispatchSettings::min_dwell_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 48.0)
      .doc("shortest time a set point is held before the next change; 0: none")
      .source("[Lyu EAL model]: no back-to-back adjustments");
  d.number("flex.change_penalty", &DispatchSettings::change_penalty_eur)
      .unit("EUR")
      .default_(0.0)
      .range(0.0, 1e7)
      .doc("cost booked per set-point change (operator time, wear); needs the MILP")
      .source("user choice");
  d.number("flex.max_off", &DispatchSettings::max_off_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 24.0)
      .doc("longest stop of the line (power zero, no metal) in a row, whole dispatch steps; 0: the line is never "
           "stopped. A stop and the restart count as set-point changes; the ramp limit does not apply to them; "
           "needs the MILP")
      .source("[TRIMET 2019]: the Essen cells can take the power to zero for up to an hour; user choice");
}

// [flex]: heat-state bounds of the reduced thermal model.
void add_heat_state_fields(Table& t) {
  auto d = t.part(&FlexCase::dispatch);
  d.optional_number("flex.ledge_min", &DispatchSettings::ledge_min_m)
      .unit("cm", "m")
      .range(0.0, 50.0)
      .default_note("window.ledge_min")
      .doc("thinnest ledge the schedule may cause (reduced model)");
  d.optional_number("flex.ledge_max", &DispatchSettings::ledge_max_m)
      .unit("cm", "m")
      .range(0.0, 50.0)
      .default_note("window.ledge_max")
      .doc("thickest ledge the schedule may cause (reduced model)");
  d.optional_number("flex.superheat_min", &DispatchSettings::superheat_min_K)
      .unit("K")
      .range(0.0, 100.0)
      .default_note("window.superheat_min")
      .doc("lowest superheat the schedule may cause (reduced model)");
  d.optional_number("flex.superheat_max", &DispatchSettings::superheat_max_K)
      .unit("K")
      .range(0.0, 100.0)
      .default_note("window.superheat_max")
      .doc("highest superheat the schedule may cause (reduced model)");
  d.number("flex.end_ledge_tolerance", &DispatchSettings::end_ledge_tolerance_m)
      .unit("cm", "m")
      .default_(0.5)
      .range(0.0, 50.0)
      .doc("the ledge at the end of the horizon lies within this of its start (no heat borrowed from the next "
           "horizon)")
      .source("user choice");
  d.number("flex.fit_duration", &DispatchSettings::fit_duration_s)
      .unit("h", "s")
      .default_(24.0)
      .range(2.0, 168.0)
      .doc("length of each step-response run of the dynamic model the reduced model is fitted to")
      .source("user choice: about the horizon");
  d.number("flex.ae_after_ramp", &DispatchSettings::ae_after_ramp_s)
      .unit("h", "s")
      .default_(4.0)
      .range(0.0, 48.0)
      .doc("anode effects of the dynamic check within this time after a power increase are reported as after "
           "ramp-up")
      .source("estimate: a few hours, about the ledge's time constant; anode effects "
              "were 3-5 times more frequent when the current was raised back after a curtailment [Dupuis 2002]");
}

// [flex]: solver.
void add_solver_fields(Table& t) {
  auto d = t.part(&FlexCase::dispatch);
  d.choice("flex.solver", &DispatchSettings::solver,
           {{"auto", SolverChoice::kAuto}, {"lp", SolverChoice::kLp}, {"milp", SolverChoice::kMilp}})
      .default_("auto")
      .doc("auto: LP (COIN-OR CLP) when no set-point count, dwell, change penalty or stop (flex.max_off) needs "
           "binaries, else MILP (COIN-OR CBC)")
      .source("docs/model/flexibility.md");
  d.choice("flex.production_curve", &DispatchSettings::production_curve,
           {{"concave", ProductionCurveChoice::kConcave}, {"measured", ProductionCurveChoice::kMeasured}})
      .default_("concave")
      .doc("concave: the concave fit of the constant-power runs' production (rows of an LP); measured: the runs' "
           "points themselves where the concave fit moves one by more than the runs' scatter (a binary per convex "
           "kink and step: a MILP, slower)")
      .source("docs/model/flexibility.md §2");
  d.choice("flex.production_lag", &DispatchSettings::production_lag,
           {{"none", ProductionLagChoice::kNone}, {"first-order", ProductionLagChoice::kFirstOrder}})
      .default_("none")
      .doc("none: a step's metal is the production curve's at its power; first-order: after a power change it "
           "follows the curve with a first-order lag fitted to the constant-power runs' hours (one row per step, the "
           "problem stays an LP/MILP; it moves metal between steps, not over the horizon, so it does not close the "
           "plan's gap to the dynamic model on swinging schedules: measured in docs/model/flexibility.md §2)")
      .source("docs/model/flexibility.md §2 (fitted to the dynamic model of the case)");
  d.choice("flex.rise_state", &DispatchSettings::rise_state,
           {{"none", RiseStateChoice::kNone}, {"heat-deficit", RiseStateChoice::kHeatDeficit}})
      .default_("none")
      .doc("none: a rise out of a cut makes the production curve's metal at once; heat-deficit: a "
           "state driven by the power's depth below the ACD ceiling's onset charges the metal the "
           "cell loses after the rise while it makes back the heat the cut took (two more fit "
           "runs; an LP stays an LP). Measured: it closes F9's plan-delivery gap and over-charges "
           "cuts of 3-6 h about twice, so the weeks' plans deliver less "
           "(docs/model/flexibility.md §3)")
      .source("docs/model/flexibility.md §3 (fitted to the dynamic model of the case)");
  d.number("flex.mip_gap", &DispatchSettings::mip_gap)
      .unit("%", "1")
      .default_(0.5)
      .range(0.0, 50.0)
      .doc("CBC stops at this relative gap between the best schedule and its bound")
      .source("user choice; issue 13 performance target: 0.5 % gap");
  d.number("flex.time_limit", &DispatchSettings::time_limit_s)
      .unit("s")
      .default_(10.0)
      .range(0.1, 3600.0)
      .doc("CBC time limit (the best schedule found by then is used; status and gap are reported)")
      .source("user choice");
  d.integer("flex.simulated_cells", &DispatchSettings::simulated_cells)
      .default_(kDefaultSimulatedCells)
      .range(1, 48)
      .doc(
          "cells of the line simulated in the dispatch's dynamic runs (the reduced model's fit, "
          "the checks, "
          "the constant levels), their taps, bath samples and anode changes spread over the day as "
          "a line's "
          "are; the results are per cell. One cell takes its daily bath sample at the same hour "
          "every day, "
          "which a daily price cycle meets in the same phase (docs/model/flexibility.md §4); run "
          "time grows "
          "with it")
      .source(
          "estimate: one bath sample every 3 h of the day; measured phase dependence in "
          "docs/model/flexibility.md §4, \"Simulated cells\"");
  d.integer("flex.max_resolves", &DispatchSettings::max_resolves)
      .default_(4)
      .range(0, 20)
      .doc("rounds of re-simulation, bound tightening and re-solving before the run says it could not stay "
           "in window")
      .source("user choice");
}

// [economics] and [envelope].
void add_economics_fields(Table& t) {
  auto e = t.part(&FlexCase::economics);
  e.number("economics.metal_price", &Economics::metal_eur_per_kg)
      .unit("EUR/t", "EUR/kg")
      .default_(kDefaultMetalPrice_EUR_per_t)
      .range(0.0, 1e5)
      .doc("realised metal price")
      .source("LME 2024 average 2,392 USD/t [EGA 2024] at 1.0824 USD/EUR [ECB 2024]");
  e.number("economics.alumina_price", &Economics::alumina_eur_per_kg)
      .unit("EUR/t", "EUR/kg")
      .default_(kDefaultAluminaPrice_EUR_per_t)
      .range(0.0, 1e5)
      .doc("alumina price")
      .source("estimate: between ≈ 350 USD/t early in 2024 and > 700 USD/t at its end [Rusal alumina 2024]");
  e.number("economics.alumina_consumption", &Economics::alumina_kg_per_kg)
      .unit("kg/kg")
      .default_(kDefaultAluminaConsumption_kg_per_kg)
      .range(1.889, 2.5)
      .doc("alumina per kg Al")
      .source("estimate: stoichiometric 1.889 kg/kg (molar masses) plus ≈ 1.5 % handling losses");
  e.number("economics.carbon_price", &Economics::carbon_eur_per_kg)
      .unit("EUR/t", "EUR/kg")
      .default_(kDefaultCarbonPrice_EUR_per_t)
      .range(0.0, 1e5)
      .doc("net anode carbon cost per tonne of carbon consumed (the consumption is dynamics.carbon_consumption)")
      .source("estimate: the 600 USD/t anode price of examples/invest-new-build.toml at [ECB 2024]");
  e.number("economics.co2_price", &Economics::co2_eur_per_kg)
      .unit("EUR/t", "EUR/kg")
      .default_(kDefaultCo2Price_EUR_per_t)
      .range(0.0, 1e4)
      .doc("price of a tonne of CO2e, charged on the PFC emissions of the anode effects a schedule causes")
      .source("estimate: 2024 EU ETS allowance average about 65 EUR/t (2024 EUA futures range about 55-75 EUR/t), "
              "as data/fleet-paths.toml");
  e.number("economics.heat_exchanger_capex", &Economics::heat_exchanger_capex_eur)
      .unit("EUR")
      .default_(0.0)
      .range(0.0, 1e10)
      .doc("investment in shell heat exchangers and their control for the potline (0: no payback computed)")
      .source("[TRIMET 2019]: ≈ 36 M EUR for 120 pots (heat exchangers, busbar and control changes)");
  e.number("economics.flexible_days", &Economics::flexible_days_per_year)
      .unit("1")
      .default_(kDefaultFlexibleDaysPerYear)
      .range(0.0, 366.0)
      .doc("days a year on which the schedule's value is earned (annual value and payback)")
      .source("estimate: days with a price spread like the series'");
  auto v = t.part(&FlexCase::envelope);
  v.number("envelope.max_duration", &EnvelopeSettings::max_duration_s)
      .unit("h", "s")
      .default_(168.0)
      .range(1.0, 24.0 * 60)
      .doc("each power level of the operating envelope is held at most this long")
      .source("user choice");
  v.number("envelope.settle", &EnvelopeSettings::settle_s)
      .unit("h", "s")
      .default_(48.0)
      .range(0.0, 24.0 * 60)
      .doc("the cell runs this long at nominal power before each level is called (0: called at the "
           "calibration point); the hold counts from the call, the window's running means carry the "
           "settling hours")
      .source("estimate: a line is called from operation at nominal, not from the calibration point, which "
              "the controlled cell leaves within a day (the feed control holds less alumina than the "
              "catalogue's estimate, so the liquidus is higher); two window.averaging times (24 h): the state "
              "settles in the first day, the daily running mean forgets the start in the second "
              "(docs/model/flexibility.md §7)");
  t.text("envelope.levels")
      .doc("power levels to hold, % of nominal, comma-separated; empty: 0, 75, 80, 85, 90, 95, 105, 110, 115, "
           "120, 125")
      .source("user choice");
}

// [grid]: interruptible load and reserve capacity (docs/model/flexibility.md §6).
void add_grid_fields(Table& t) {
  auto g = t.part(&FlexCase::grid);
  g.number("grid.interruptible_power", &GridProducts::interruptible_power_W)
      .unit("MW", "W")
      .default_(0.0)
      .range(0.0, 1e5)
      .doc("most capacity the potline may hold available for the grid operator's calls (the optimiser chooses "
           "how much, constant over the horizon), AC at the grid connection; 0: no offer")
      .source("user choice; [AbLaV 2016] §10(3): 1 MW steps, at most 200 MW per offer");
  g.number("grid.call_duration", &GridProducts::call_duration_s)
      .unit("h", "s")
      .default_(1.0)
      .range(0.25, 24.0)
      .doc("longest single call: the held capacity must survive a call this long starting at any step")
      .source("[AbLaV 2016] §5(1) no. 3: a call of 4 quarter-hours must be possible, at most 32 quarter-hours in a row");
  g.integer("grid.calls_per_period", &GridProducts::calls_per_period)
      .default_(1)
      .range(0, 1000)
      .doc("most calls the contract allows per grid.call_period (economics: the value with that many calls)")
      .source("user choice; [AbLaV 2016] §5(2): calls on at most five days of a tender period count");
  g.number("grid.call_period", &GridProducts::call_period_s)
      .unit("h", "s")
      .default_(168.0)
      .range(1.0, 24.0 * 366)
      .doc("period the call count refers to (the contract's tender period)")
      .source("[AbLaV 2016]: weekly tenders");
  g.number("grid.notice", &GridProducts::notice_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 24.0)
      .doc("time from a call to the cut; whole dispatch steps of it may be used to raise the line towards "
           "flex.max_power (preheat)")
      .source("[AbLaV 2016]: quickly interruptible loads within 15 min, immediately interruptible within 350 ms "
              "[Netztransparenz AbLaV]");
  g.optional_number("grid.call_min_power", &GridProducts::call_min_power)
      .unit("%", "1")
      .range(0.0, 100.0)
      .warn_plain_fraction()
      .default_note("flex.min_power")
      .doc("lowest line power a call may take the potline to, % of nominal (at most flex.min_power)");
  g.number("grid.reserve_price", &GridProducts::reserve_price_eur_per_J)
      .unit("EUR/(MW h)", "EUR/J")
      .default_(0.0)
      .range(0.0, 1e4)
      .doc("availability payment per MW held and hour")
      .source("user input; [AbLaV 2016] §4(2) caps it at 500 EUR per MW and week (2.98 EUR/(MW h))");
  g.number("grid.call_price", &GridProducts::call_price_eur_per_J)
      .unit("EUR/MWh", "EUR/J")
      .default_(0.0)
      .range(0.0, 1e5)
      .doc("payment per MWh a call cuts")
      .source("user input; [AbLaV 2016] §4(2) caps it at 400 EUR/MWh");
}

}  // namespace

const io::SchemaTable<FlexCase>& flex_table() {
  static const Table table = [] {
    Table t("flex");
    add_limit_fields(t);
    add_heat_state_fields(t);
    add_solver_fields(t);
    add_economics_fields(t);
    add_grid_fields(t);
    return t;
  }();
  return table;
}

const io::Schema& flex_schema() {
  static const io::Schema schema = [] {
    std::vector<io::FieldSpec> fields = line::simulate_schema().fields();
    // flex swings the current: its CE model is the one with a current-density term unless the case
    // names one (user trial T9-3; apply_flex_ce_default, docs/model/flexibility.md §5).
    for (io::FieldSpec& f : fields) {
      if (f.key != kCeModelKey) continue;
      f.default_text = std::string(kFlexCurrentEfficiencyModel);
      f.source = "docs/model/flexibility.md §5 (\"Current efficiency\"): flex's default is mass_transfer, "
                 "whose CE falls with the current density (docs/validation.md CE6, CE7); simulate's is dewing";
    }
    const io::Schema own = flex_table().schema();
    for (const auto& f : own.fields()) fields.push_back(f);
    return io::Schema("flex", fields);
  }();
  return schema;
}

}  // namespace potline::flex
