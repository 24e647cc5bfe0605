// potline flex CASE.toml --prices PRICES.csv [--set KEY=VALUE]... [--out DIR] [--json] [--envelope]
// Reads the case and the price series, runs the flex analysis (potline/flex/flex_run.hpp) and
// prints or writes its summary, schedule and envelope. Models live in src/flex/.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "run_folder.hpp"
#include "vary.hpp"
#include "potline/api/case_commands.hpp"
#include "potline/api/flex_command.hpp"
#include "potline/api/read_files.hpp"
#include "potline/api/run_folder.hpp"
#include "potline/flex/flex_messages.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/value_text.hpp"
#include "potline/flex/year_value_text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/run_outputs.hpp"
#include "potline/potline/thermal_calibration.hpp"
#include "potline/version.hpp"

namespace potline::app {
namespace {

struct FlexOptions {
  std::string case_file;
  std::string prices;
  std::vector<std::string> sets;
  std::string technology;  ///< --technology: overrides case.technology
  std::string out_dir;
  bool json = false;
  bool envelope = false;
  bool report = false;
  VaryOptions vary;
};

// The --set options with --technology first, as the run applies them ("case.technology=X" in the
// title's changed-on-the-command-line list, T13-7; a later --set case.technology wins).
std::vector<std::string> sets_with_technology(const FlexOptions& o) {
  std::vector<std::string> sets;
  if (!o.technology.empty()) sets.push_back("case.technology=" + o.technology);
  sets.insert(sets.end(), o.sets.begin(), o.sets.end());
  return sets;
}

// The case (flex schema), its overrides, and the price series, read by the library
// (api::load_flex, which Python and --vary use too); every input error at once.
api::FlexInput load_flex(const FlexOptions& o, const GlobalOptions& global) {
  const api::CaseSource source{o.case_file, std::nullopt, "", o.sets, data_dir(global), o.technology};
  api::FlexInput input = api::load_flex(source, api::PriceSource{o.prices, std::nullopt, "--prices"});
  for (const auto& w : input.warnings) std::cerr << w << "\n";
  for (const auto& n : input.notes) std::cerr << n << "\n";
  return input;
}

void write_folder(const FlexOptions& o, const GlobalOptions& global, const api::FlexInput& l, const flex::FlexResult& r,
                  const io::Json& summary, const std::string& started) {
  const api::Tables tables = api::FlexRun{r, summary}.tables(l.c);  // the tables Python's Result.save writes
  api::RunFolder folder{o.out_dir, "flex", global.command_line, {o.case_file}, started};
  for (const auto& f : api::read_files(l)) folder.input_files.push_back(f);
  folder.seed = l.c.sim.seed;
  folder.report = o.report;
  std::cerr << api::save_run_folder(folder, summary, tables);
}

// `text` split at its newlines (the last line without one kept).
std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

// The value figures against the flat schedule, planned (reduced model) beside delivered (dynamic
// model), as the summary's value.planned and value.delivered and economics.csv.
void print_value_table(const flex::FlexCase& c, const flex::FlexResult& r) {
  const flex::ValueFigures p = flex::planned_figures(c, r), d = flex::delivered_figures(c, r);
  const auto line = [](const std::string& what, const std::string& a, const std::string& b) {
    std::cout << fmt::format("    {:<52}{:>16}{:>16}\n", what, a, b);
  };
  // Signed figures ("+12", never "-0") and unsigned ones (a minus only below zero), `decimals`
  // each.
  const auto both = [&](const std::string& what, bool sign, int decimals, double a, double b) {
    const auto text = [&](double x) {
      return sign ? flex::signed_text(x, decimals) : flex::fixed_text(x, decimals);
    };
    line(what, text(a), text(b));
  };
  std::cout << "  value against the flat schedule (planned: reduced model; delivered: both "
               "schedules in the dynamic model)\n";
  line("", "planned", "delivered");
  both("savings [EUR]", true, 0, p.savings_eur, d.savings_eur);
  // Undefined figures print "–" (a percentage of a zero power cost, a round trip with nothing
  // shifted: T8-6), and no figure reads "-0".
  line("savings [% of the flat power cost]",
       flex::signed_text(p.savings_percent_of_power_cost(), 2),
       flex::signed_text(d.savings_percent_of_power_cost(), 2));
  both("savings [EUR per t of metal]", true, 1, p.savings_eur_per_t(), d.savings_eur_per_t());
  line("power cost change [%]", flex::signed_text(p.power_cost_change_percent(), 2),
       flex::signed_text(d.power_cost_change_percent(), 2));
  both("energy change, net: added - shifted [MWh AC]", true, 1, p.energy_change_J / 3.6e9,
       d.energy_change_J / 3.6e9);
  both("energy shifted below flat [MWh AC]", false, 1, p.energy_shifted_J / 3.6e9,
       d.energy_shifted_J / 3.6e9);
  both("energy added above flat [MWh AC]", false, 1, p.energy_added_J / 3.6e9,
       d.energy_added_J / 3.6e9);
  both("extra metal [t]", true, 1, p.extra_production_kg / 1e3, d.extra_production_kg / 1e3);
  both("energy of the extra metal (marginal rate) [MWh AC]", false, 1,
       p.extra_metal_energy_J / 3.6e9, d.extra_metal_energy_J / 3.6e9);
  line("round-trip efficiency: shifted / (added - that)",
       flex::fixed_text(p.round_trip_efficiency, 3), flex::fixed_text(d.round_trip_efficiency, 3));
  // T15-6(c): 1.149 stood without a word; the storage round trip comes four lines later.
  if (r.round_trip.available && d.round_trip_efficiency) {
    std::cout << "      (the metal basis: the top heat kept in cuts, the operating point and the heat still stored "
                 "count as given back; the storage round trip below takes them out)\n";
    // T18-4: a round trip above 1 is the first figure an analyst quotes or flags.
    if (*d.round_trip_efficiency > 1.0 && r.round_trip.storage_round_trip) {
      std::cout << "      (above 1, so not a storage efficiency: what the cells did not lose counts as given back here; "
                   "the storage round trip, "
                << flex::fixed_text(r.round_trip.storage_round_trip, 3) << ", is the one to quote)\n";
    }
  }
  both("specific energy change [%]", true, 2, p.sec_change_percent, d.sec_change_percent);
  line("current efficiency change [points]", "-",
       flex::signed_text(
           100 * (r.final_round().check.current_efficiency - r.flat_check.current_efficiency), 2));
  line("of the savings, the current efficiency change [EUR]", "-", flex::signed_text(flex::ce_value(c, r).value_eur, 0));
  both("savings net of anode effects [EUR]", true, 0, p.savings_net_of_anode_effects_eur,
       d.savings_net_of_anode_effects_eur);
  if (r.flat_check.trace.stopped || r.final_round().check.trace.stopped) {
    std::cout << "    delivered: a dynamic run stopped before the end of the horizon; it counts its energy to the stop "
                 "and no metal, so these figures say little\n";
  }
}

// The reduced model against the dynamic checks of the flat and the optimised schedule over the
// horizon (FitError of each check: metal and energy, reduced − dynamic); the warning when the
// delivered savings differ from the planned (flex::plan_delivery_warning) goes to stderr.

void print_plan_errors(const flex::FlexCase& c, const flex::FlexResult& r) {
  const auto t_of = [&](const flex::FitError& e) { return e.production_total_kg * c.cells / 1e3; };
  const auto mwh_of = [&](const flex::FitError& e) {
    return e.energy_total_J * c.cells / c.rectifier_efficiency() / 3.6e9;
  };
  const flex::FitError& f = r.flat_check.model_error;
  const flex::FitError& o = r.final_round().check.model_error;
  std::cout << fmt::format(
      "  reduced model against the dynamic checks over the horizon (reduced - dynamic): flat metal "
      "{} t ({} %), energy {} MWh AC; optimised metal {} t ({} %; per step rms {:.2f} %, max "
      "{:.2f} % of a nominal step), energy {} MWh AC\n",
      flex::signed_text(t_of(f), 1), flex::signed_text(100 * f.production_total, 2),
      flex::signed_text(mwh_of(f), 1), flex::signed_text(t_of(o), 1),
      flex::signed_text(100 * o.production_total, 2), 100 * o.production_rms,
      100 * o.production_max, flex::signed_text(mwh_of(o), 1));
}

// The year's value (summary value.annual_value_eur; flex::year_value_text): its terms, the year and
// how firm it is.
void print_year_value(const flex::FlexCase& c, const flex::FlexValue& v) { std::cout << flex::year_value_text(c, v); }

// Of the savings, what a constant level earns needs no price at all (a constant +5 % day earned
// +16,660 EUR "against flat" at a constant price: T7-36); what is left is the price following.
void print_savings_split(const flex::FlexResult& r, const flex::FlexValue& v) {
  using flex::signed_text;  // "+0", never "-0" (T8-6)
  const std::string payment = v.reserve_eur > 0
                                  ? fmt::format("; interruptible availability payment {} EUR",
                                                signed_text(v.reserve_eur, 0))
                                  : "";
  if (!v.constant_found) {
    std::cout << fmt::format(
        "  of the savings: no constant level meets the limits, so all of it is the schedule's "
        "(following the price {} EUR planned, {} delivered{})\n",
        signed_text(v.price_following_planned_eur, 0),
        signed_text(v.price_following_delivered_eur, 0), payment);
    return;
  }
  std::cout << fmt::format(
      "  of the savings: a constant {:.1f} % all horizon (needs no price variation) {} EUR "
      "planned, {} delivered; following the price {} EUR planned, {} delivered{}\n",
      100 * v.constant_share, signed_text(v.constant_planned_eur, 0),
      signed_text(v.constant_delivered_eur, 0), signed_text(v.price_following_planned_eur, 0),
      signed_text(v.price_following_delivered_eur, 0), payment);
  // The constant levels the dynamic model judged (T8-11): their delivered margin against flat's.
  std::string levels;
  for (const flex::ConstantCandidate& x : r.constant.candidates) {
    levels += fmt::format("{}{:.1f} % {}", levels.empty() ? "" : ", ", 100 * x.share,
                          x.in_window ? signed_text(x.delivered_margin_eur - r.flat_delivered.margin_eur(), 0)
                                      : std::string("out of window"));
  }
  std::cout << fmt::format("    constant levels run in the dynamic model, delivered EUR against flat: {}\n", levels);
}

// The production curve: the constant-power runs' metal and the curve the dispatch uses (concave fit
// or the points).
std::string curve_line(const flex::FlexCase& c, const flex::ReducedModel& m) {
  if (m.curve_share.empty()) return "";
  std::string points;
  for (std::size_t i = 0; i < m.curve_share.size(); ++i) {
    points += fmt::format("{}{:.1f} % {:.2f}", i > 0 ? ", " : "", 100 * m.curve_share[i], 100 * m.curve_production[i]);
    if (i < m.curve_measured.size() && std::abs(m.curve_measured[i] - m.curve_production[i]) >= 5e-5)
      points += fmt::format(" ({:.2f})", 100 * m.curve_measured[i]);
  }
  const std::string form =
      m.curve_exact
          ? fmt::format("the measured points: not concave, the concave fit would move one by {:.2f} % against the runs' "
                        "scatter of {:.2f} %, so a binary per convex kink and step",
                        100 * m.curve_concave_error, 100 * m.curve_scatter)
          : fmt::format("concave fit, moving a point by at most {:.2f} % (runs' scatter {:.2f} %); in brackets what a "
                        "{:.0f}-h constant run made where it differs",
                        100 * m.curve_concave_error, 100 * m.curve_scatter, c.dispatch.fit_duration_s / 3600);
  std::string lag;
  if (m.production_lag > 0)
    lag = fmt::format("  production lag: a step's metal follows the curve (its points settled: the runs' means less "
                      "their transient) with {:.3f} per step ({:.2f} h), {:.2f} of a power change at once; per-step "
                      "metal rms over the constant runs {:.2f} % (the static curve {:.2f} %)\n",
                      m.production_lag, -m.step_s / 3600 / std::log(m.production_lag), m.production_instant,
                      100 * m.production_lag_fit_rms, 100 * m.production_static_fit_rms);
  return fmt::format("  production curve, power % -> metal % of nominal ({}): {}\n{}", form, points, lag);
}

// The heat exchangers' value (summary value.heat_exchangers; T8-1): the case's annual value less
// that of the same case without them, both optimised and checked; nothing when the case has no
// exchangers enabled or no economics.heat_exchanger_capex.
void print_exchanger_value(const flex::FlexCase& c, const flex::FlexResult& r) {
  const flex::ExchangerValue x = flex::exchanger_value(c, r);
  if (!x.assessed) return;
  const flex::WithoutExchangers& off = r.without_exchangers;
  const auto meur = [](double eur) { return flex::signed_text(eur / 1e6, 2); };
  std::cout << fmt::format(
      "  heat exchangers {:.1f} M EUR: flexibility value a year {} M EUR with them, {} M EUR "
      "without (the same case with heat_exchangers.enabled = false, optimised and checked alike: "
      "{}); increment {} M EUR ({}{}): {}\n",
      x.capex_eur / 1e6, meur(x.with_annual_eur), meur(x.without_annual_eur), off.verdict,
      meur(x.increment_annual_eur),
      x.on_delivered ? "as delivered" : "as planned: a dynamic run stopped",
      x.on_delivered ? fmt::format("; planned {} M EUR", meur(x.planned_increment_annual_eur))
                     : std::string(),
      x.payback_years
          ? fmt::format("simple payback {:.1f} years on the increment", *x.payback_years)
          : std::string("no payback: the exchangers add no value on this price series"));
  // The without case's year's value term by term, and the increment's parts (T15-5).
  std::cout << flex::exchanger_without_text(x, off);
  if (!off.in_window) {
    std::cout << "    the case without exchangers could not stay in window: its value is of a "
                 "schedule beyond the limits, so the increment is understated\n";
  }
  // The optimised runs' margins differ by the flat ones' too: with the same power the cell makes
  // other metal with its exchangers switched off. Not flexibility, and not scaled by the flexible
  // days.
  std::cout << fmt::format(
      "    over the horizon the optimised schedule with exchangers earns {} EUR against the one "
      "without as delivered ({} planned), the flat schedule alone {}: the same power makes other "
      "metal without the exchangers, an operating point, not flexibility, and not in the "
      "increment\n",
      flex::signed_text(x.optimised_margin_change_delivered_eur, 0),
      flex::signed_text(x.optimised_margin_change_planned_eur, 0),
      flex::signed_text(x.flat_margin_change_delivered_eur, 0));
}

// Why the model matters here, and, under flex's own default, that the other commands default to
// Dewing (one case, two commands, two CE models: docs/model/current-efficiency.md, "Which command
// runs which model").
std::string ce_model_why(const flex::CeValue& v) {
  if (v.model != "mass_transfer") return ": no current-density term";
  return v.origin == "the flex default"
             ? ": the CE falls with the current density; cell, simulate and fleet default to dewing"
             : ": the CE falls with the current density";
}

// Which CE model valued the schedule and how much of the delivered value its CE change makes
// (T9-3, flex::ce_value); the Dewing note (T8-9); what is left out of the year's value.
void print_ce(const flex::FlexCase& c, const flex::FlexResult& r) {
  const flex::CeValue v = flex::ce_value(c, r);
  std::cout << fmt::format(
      "  current efficiency: {} ({}{}); the schedule's {:.2f} % against flat {:.2f} % ({} points): {} t, {} EUR "
      "of the delivered savings\n",
      v.model, v.origin, ce_model_why(v),
      v.optimised_percent, v.flat_percent, flex::signed_text(v.change_points, 2), flex::signed_text(v.metal_kg / 1e3, 1),
      flex::signed_text(v.value_eur, 0));
  if (auto note = flex::flex_ce_note(c, r)) std::cout << "  note: " << *note << "\n";
}

void print_text(const flex::FlexCase& c, const flex::FlexResult& r, const std::string& changed) {
  const auto& f = r.final_round();
  const auto& m = r.model;
  // The energy figures of the text are the value figures' (docs/model/flexibility.md §5): net change
  // = added − shifted, per step against the flat schedule (T7-9).
  const flex::ValueFigures planned = flex::planned_figures(c, r), delivered = flex::delivered_figures(c, r);
  std::cout << fmt::format(
      "{}: {} cell(s), {:.1f} MW nominal, {:.0f} h from {} at {:.0f}-min steps\n"
      "  power basis: {}\n"
      "  reduced model: ledge a {:.5f}, b {:.4g} cm per step at +100 %; production elasticity up "
      "{:.3f}, down {:.3f}\n"
      "{}"
      "  fit error against the dynamic model: ledge rms {:.2f} cm (max {:.2f}), superheat rms "
      "{:.2f} K (max {:.2f}); "
      "metal per step rms {:.2f} % (max {:.2f} %) of a nominal step, {} % over the worst fit run; "
      "energy per step "
      "rms {:.2f} % (max {:.2f} %)\n"
      "  {} ({}): {}, gap {:.3f} %\n"
      // What the margin holds (flex::Economics::margin_eur): a day's 29 kEUR "margin" of a 500 MW
      // potline read as the plant's profit without it. Power, energy and cost are AC at the grid
      // connection (the cells' DC / design.rectifier_efficiency, docs/cli.md).
      "  margin over power, alumina and carbon (labour and fixed costs not counted{}) {:.0f} EUR "
      "against {:.0f} EUR "
      "flat: {:+.0f} EUR ({} % of the flat schedule's power cost); power cost {} %, energy {} MWh "
      "AC net "
      "({:.1f} added above the flat schedule's steps, {:.1f} shifted below them), metal {} t\n"
      "  check: {}\n",
      c.sim.title + changed, c.cells, flex::grid_power_W(c, m) / 1e6, c.dispatch.horizon_s / 3600,
      flex::format_utc_time(r.prices.start_unix_s), r.prices.step_s / 60, flex::power_basis(c), m.a,
      100 * m.b, m.e_up, m.e_down, curve_line(c, m), 100 * m.error.ledge_rms_m, 100 * m.error.ledge_max_m,
      m.error.superheat_rms_K, m.error.superheat_max_K, 100 * m.error.production_rms,
      100 * m.error.production_max, flex::signed_text(100 * m.error.production_total, 2),
      100 * m.error.energy_rms, 100 * m.error.energy_max, f.schedule.milp ? "MILP" : "LP",
      f.schedule.solution.solver, flex::to_string(f.schedule.solution.status),
      100 * f.schedule.solution.gap,
      // The availability payment of [grid] is in the optimised margin (flex::Economics::margin_eur)
      // and printed again on the interruptible line: flex-day's +24,428 EUR holds its 3,576 EUR, so
      // adding the two lines counted it twice.
      f.schedule.economics.reserve_revenue_eur > 0
          ? fmt::format("; the optimised margin includes the availability payment {:.0f} EUR",
                        f.schedule.economics.reserve_revenue_eur)
          : std::string(),
      f.schedule.economics.margin_eur(), r.flat.economics.margin_eur(),
      f.schedule.economics.margin_eur() - r.flat.economics.margin_eur(),
      // The gain as a share of the flat power cost (the JSON's savings_percent_of_power_cost), and
      // the power cost's change with the cost's sign (power_cost_change_percent); "–" on a zero
      // power cost (T8-6).
      flex::signed_text(planned.savings_percent_of_power_cost(), 2),
      flex::signed_text(planned.power_cost_change_percent(), 2),
      flex::signed_text((f.schedule.economics.energy_J - r.flat.economics.energy_J) / 3.6e9, 1),
      planned.energy_added_J / 3.6e9, planned.energy_shifted_J / 3.6e9,
      flex::signed_text((f.schedule.economics.production_kg - r.flat.economics.production_kg) / 1e3,
                        1),
      r.verdict);
  // The dynamic model's cell, calibrated as simulate calibrates the same case (summary key
  // thermal_calibration, the line simulate prints; T14-9).
  const io::Json t = line::thermal_calibration_json(c.sim);
  std::cout << fmt::format("  dynamic model: thermal network calibrated at {} ({:.4g} kA, ACD {:.2f} cm, {:.1f} °C); "
                           "start {:.1f} °C, superheat {:.1f} K, ledge {:.1f} cm\n",
                           t.at("point").get<std::string>(), t.at("line_current_kA").get<double>(),
                           t.at("acd_cm").get<double>(), t.at("bath_temperature_degC").get<double>(),
                           t.at("start_bath_temperature_degC").get<double>(), t.at("start_superheat_K").get<double>(),
                           t.at("start_ledge_cm").get<double>());
  for (const auto& note : m.notes) std::cout << "  reduced model: " << note << "\n";
  // Its warnings (the superheat fit, plan against delivery, ...) go to stderr (run_flex_command).
  // The value the dynamic model delivers (flex::delivered_economics): its metal, and the energy its
  // cells drew at each step's price (T6-4: the margin above is the reduced model's).
  std::cout << fmt::format(
      "  as delivered in the dynamic model (its metal; the energy the cells drew, at each step's "
      "price): {:.0f} EUR "
      "against {:.0f} EUR flat: {} EUR; energy {} MWh AC net ({:.1f} added, {:.1f} shifted), metal "
      "{} "
      "t\n",
      r.delivered.margin_eur(), r.flat_delivered.margin_eur(),
      flex::signed_text(r.delivered.margin_eur() - r.flat_delivered.margin_eur(), 0),
      flex::signed_text((r.delivered.energy_J - r.flat_delivered.energy_J) / 3.6e9, 1),
      delivered.energy_added_J / 3.6e9, delivered.energy_shifted_J / 3.6e9,
      flex::signed_text((r.delivered.production_kg - r.flat_delivered.production_kg) / 1e3, 1));
  print_plan_errors(c, r);
  print_value_table(c, r);
  // Without its warning lines: those go to stderr with the others (flex::flex_messages).
  for (const auto& line : text_lines(flex::round_trip_text(r.round_trip))) {
    if (line.rfind("  warning: ", 0) != 0) std::cout << line << "\n";
  }
  print_savings_split(r, flex::flex_value(c, r));
  if (const flex::RectifierReach reach = flex::rectifier_reach(c.sim);
      c.dispatch.max_power > reach.max_share + 1e-9) {
    // The dispatch plans no step above the rectifier's reach (docs/model/flexibility.md §3).
    std::cout << fmt::format(
        "  rectifier: potline.max_current {:.1f} kA delivers at most {:.1f} % of nominal power "
        "({:.3f} V a cell at that current, the resistance control's voltage there): the schedule "
        "is planned up to {:.1f} %, not flex.max_power {:.1f} %\n",
        reach.max_current_A / 1e3, 100 * reach.max_share, reach.voltage_V, 100 * reach.max_share,
        100 * c.dispatch.max_power);
  }
  for (const auto& x : f.check.crossings) {
    std::cout << fmt::format("    crossing: {} from {:.2f} h to {:.2f} h\n", x.limit, x.start_s / 3600, x.end_s / 3600);
  }
  if (f.check.acd_limit_s > 0) {  // ACD limits of the resistance control (docs/model/dynamics.md §4)
    std::cout << fmt::format("  the optimised schedule holds the ACD at a limit of the resistance control for {:.1f} h "
                             "(largest ACD {:.1f} cm): the heat the voltage could give back is capped there\n",
                             f.check.acd_limit_s / 3600, 100 * f.check.max_acd_m);
  }
  // Below 0.1 % of the scheduled energy the limit only clipped dips of the voltage (the dispatch
  // plans within the rectifier's reach, docs/model/flexibility.md §3): said, not warned.
  const bool short_of_schedule = f.check.energy_J < (1 - 1e-3) * f.check.scheduled_energy_J;
  if (f.check.current_limit_s > 0 && f.check.scheduled_energy_J > 0 && !short_of_schedule) {
    std::cout << fmt::format(
        "  the rectifier limit potline.max_current {:.1f} kA was reached for {:.1f} h where the "
        "voltage dipped below the one the dispatch planned with; the cells drew {:.1f} % of the "
        "scheduled energy\n",
        c.sim.schedule.max_A() / 1e3, f.check.current_limit_s / 3600,
        100 * f.check.energy_J / f.check.scheduled_energy_J);
  }
  std::cout << fmt::format(
      "  anode effects per cell ({} cells simulated): flat {:.3g}, optimised {:.3g} ({:.3g} within "
      "{:.0f} h of a power increase)\n",
      c.dispatch.simulated_cells, r.flat_check.ae_count, f.check.ae_count, f.check.ae_after_ramp_up,
      c.dispatch.ae_after_ramp_s / 3600);
  print_ce(c, r);
  // The year's value (summary value.annual_value_eur): on the delivered savings (flex::flex_value),
  // the planned beside it; the exchangers' increment after it.
  print_year_value(c, flex::flex_value(c, r));
  print_exchanger_value(c, r);
  if (c.grid.offered()) {
    const flex::GridValue g = flex::grid_value(c, m, r.prices, f.schedule.reserve_share);
    std::cout << fmt::format("  interruptible: {:.1f} MW held ({:.1f} % of nominal), availability payment {:.0f} EUR; "
                             "one {:.2g} h call nets {:.0f} EUR\n",
                             g.offered_W / 1e6, 100 * f.schedule.reserve_share, g.reserve_payment_eur,
                             c.grid.call_duration_s / 3600, g.call_net_value_eur);
    if (r.call_checked) {
      std::cout << fmt::format("    worst call (cut at {:.2f} h) in the dynamic model: {}\n",
                               f.schedule.worst_call.start * r.prices.step_s / 3600,
                               r.call_check.in_window() ? "in window" : "leaves the window");
    }
  }
  if (!r.envelope.empty()) {
    std::cout << (c.envelope.settle_s > 0
                      ? fmt::format("  envelope: each level called after {:.4g} h at nominal power "
                                    "(envelope.settle); times from the call\n",
                                    c.envelope.settle_s / 3600)
                      : std::string("  envelope: each level called at the calibration point "
                                    "(envelope.settle = 0)\n"));
  }
  for (const auto& e : r.envelope) {
    std::cout << fmt::format(
        "  envelope{} {:5.1f} %: holds {:.1f} h{}{}{}{}{}; ACD {:.1f}–{:.1f} cm{}\n",
        e.heat_exchangers ? " (heat exchangers)" : "", 100 * e.share, e.hold_s / 3600,
        e.limit.empty()        ? ""
        : e.limit == "acd_min" ? " (first limit acd_min: held at the ACD floor control.acd_min, the cell overheats)"
                               : " (first limit " + e.limit + ")",
        e.beyond_reach()
            ? fmt::format(" but the level is beyond the rectifier's reach ({:.1f} % at "
                          "potline.max_current): draws {:.1f} %, the current at the limit {:.1f} h",
                          100 * e.reachable_share, 100 * e.drawn_share, e.current_limit_s / 3600)
        : e.current_limit_s > 0
            ? fmt::format(" but draws {:.1f} % (the rectifier limit potline.max_current held the "
                          "current {:.1f} h)",
                          100 * e.drawn_share, e.current_limit_s / 3600)
            : "",
        e.window_crossing_s < 0 || e.limit == e.window_limit
            ? ""
            : fmt::format(", running mean {} at {:.1f} h", e.window_limit,
                          e.window_crossing_s / 3600),
        e.freeze_alarm_s < 0 || e.limit == "freeze_alarm"
            ? ""
            : fmt::format(", freeze alarm at {:.2f} h", e.freeze_alarm_s / 3600),
        e.frozen_s < 0 || e.limit == "bath_frozen"
            ? ""
            : fmt::format(", bath frozen at {:.1f} h", e.frozen_s / 3600),
        100 * e.min_acd_m, 100 * e.max_acd_m,
        e.acd_limit_s > 0 ? fmt::format(", at an ACD limit {:.1f} h from {:.1f} h",
                                        e.acd_limit_s / 3600, e.acd_limit_first_s / 3600)
                          : "");
  }
}

int run_flex_command(const FlexOptions& o, const GlobalOptions& global) {
  if (o.vary.active()) {  // one flex run per value, through the library's flex (src/api/flex_command.cpp)
    return run_vary_command(o.vary, "flex", o.sets, o.json, VaryFolder{o.out_dir, global.command_line, {o.case_file}, o.report},
                            [&](const std::vector<std::string>& sets) {
                              const api::FlexInput input =
                                  api::load_flex({o.case_file, std::nullopt, "", sets, data_dir(global), o.technology}, {o.prices, std::nullopt});
                              return api::run_flex(input, o.envelope).summary;
                            });
  }
  const std::string started = utc_now();
  const api::FlexInput loaded = load_flex(o, global);
  const flex::FlexResult r = flex::run_flex(loaded.c, loaded.prices, o.envelope);
  io::Json summary = flex::flex_summary_json(loaded.c, r, loaded.warnings, loaded.notes);
  io::require_finite(summary);
  // The run's warnings on stderr, as every command prints its warnings (T15-13: they were stdout
  // text); the same texts as the summary's "warnings" after the case's.
  for (const auto& w : flex::flex_messages(loaded.c, r).warnings) std::cerr << "warning: " << w << "\n";
  if (!o.out_dir.empty()) write_folder(o, global, loaded, r, summary, started);
  if (o.json) {
    std::cout << io::dump(summary);
  } else {
    print_text(loaded.c, r, io::changed_on_command_line(sets_with_technology(o), loaded.c.sim.title));
    if (!o.out_dir.empty()) std::cout << "  results written to " << o.out_dir << "/\n";
  }
  if (o.report) write_run_report(o.out_dir, o.json);
  return 0;
}

}  // namespace

void add_flex_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<FlexOptions>();
  CLI::App* cmd = app.add_subcommand(
      "flex", "power flexibility: price-driven dispatch (LP/MILP) checked in the dynamic model, operating envelope");
  cmd->add_option("case", options->case_file, "TOML case file (see 'potline template flex')")->required();
  cmd->add_option("--prices", options->prices, "price series CSV 'time_utc,price_eur_per_MWh' (overrides flex.prices)");
  cmd->add_option("-t,--technology", options->technology,
                  "a catalogue technology (see 'potline technologies'); overrides case.technology");
  cmd->add_option("-s,--set", options->sets, "override a case field: KEY=VALUE (value may carry a unit); repeatable")
      ->allow_extra_args(false);
  CLI::Option* out_option =
      cmd->add_option("-o,--out", options->out_dir, "run folder: manifest.json, summary.json, schedule.csv, economics.csv (envelope.csv with --envelope)")
          ->check(run_folder_path());
  cmd->add_flag("--report", options->report, "also write the HTML report DIR/report.html (see 'potline report')")
      ->needs(out_option);
  add_vary_options(cmd, options->vary, "flex");
  cmd->add_flag("--json", options->json, "print the summary as one JSON object on stdout");
  cmd->add_flag("--envelope", options->envelope, "also scan the operating envelope (envelope.levels)");
  cmd->callback([options, &global, &exit_code]() {
    exit_code = run_guarded([&] { return run_flex_command(*options, global); });
  });
}

}  // namespace potline::app
