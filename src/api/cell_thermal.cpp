// potline cell --thermal (and the Python API's cell(thermal=True)): the bath temperature and ledge
// from the heat balance of the dynamics' heat-loss network (docs/model/cell.md, "Thermal steady state").
#include "cell_thermal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "potline/api/case_commands.hpp"
#include "potline/bath/properties.hpp"
#include "potline/bath/validity.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/io/schema.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/potline/thermal_start.hpp"
#include "potline/potline/thermal_window.hpp"

namespace potline::api {
namespace {

// The safe operating window of simulate and flex, at the defaults its [window] keys declare
// (window.superheat_min/max, window.ledge_min/max in simulate's schema): one set of numbers.
struct Window {
  double superheat_min_K, superheat_max_K, ledge_min_cm, ledge_max_cm;
};

Window declared_window() {
  const io::Schema& schema = line::simulate_schema();
  const auto d = [&](const char* key) { return schema.find(key)->default_value.value(); };
  return {d("window.superheat_min"), d("window.superheat_max"), d("window.ledge_min"), d("window.ledge_max")};
}

// A liquid steady state outside that window: a state the network balances but that simulate and
// flex would flag (trial 6, T6-7: 360 kA gave a "steady" 25.9 cm ledge at 3.5 K with no word).
std::vector<std::string> outside_window(const dynamics::ThermalSteadyState& s, const Window& w) {
  std::vector<std::string> out;
  if (s.superheat_K < w.superheat_min_K) out.push_back(fmt::format("superheat {:.1f} K < {:g} K", s.superheat_K, w.superheat_min_K));
  if (s.superheat_K > w.superheat_max_K) out.push_back(fmt::format("superheat {:.1f} K > {:g} K", s.superheat_K, w.superheat_max_K));
  if (s.ledge_m * 100 < w.ledge_min_cm) out.push_back(fmt::format("ledge {:.1f} cm < {:g} cm", s.ledge_m * 100, w.ledge_min_cm));
  if (s.ledge_m * 100 > w.ledge_max_cm) out.push_back(fmt::format("ledge {:.1f} cm > {:g} cm", s.ledge_m * 100, w.ledge_max_cm));
  return out;
}

// What a thermal state that is not a working cell means, in words: no liquid steady state, none
// within the search range, or a steady ledge thicker than the side channel (it would reach under
// the anodes: the network balances, but the cell it describes cannot run).
io::Json thermal_warnings(const dynamics::ThermalSteadyState& s, const cell::CellDesign& design) {
  io::Json w = io::Json::array();
  const double generated_kW = s.result.energy.heat_loss_W / 1e3;
  if (s.status == "freezes") {
    // At the liquidus no superheat carries heat to the ledge: its steady thickness is unbounded, so the
    // side loss of that limit is nil and the shell node at ambient (trial 6, T6-7: "ledge none, side 0
    // kW, shell node 40 °C" read as the opposite of a freezing cell).
    w.push_back(fmt::format("no liquid steady state: at the liquidus ({:.1f} °C) the cell generates {:.0f} kW but "
                            "the heat-loss network takes {:.0f} kW, so the bath freezes: the ledge grows to fill the "
                            "side channel ({:.1f} cm) and beyond; the side {:.0f} kW and shell node {:.0f} °C "
                            "are the limit of that ever-thicker ledge (no superheat brings it heat), and the other values "
                            "are at the liquidus",
                            s.liquidus_K - 273.15, generated_kW, s.heat_loss_W / 1e3, design.side_channel_m * 100,
                            s.side_loss_W / 1e3, s.wall_temperature_K - 273.15));
  } else if (s.status == "overheats") {
    w.push_back(fmt::format("no steady state within {:.0f} K above the liquidus: at {:.1f} °C the cell still generates "
                            "{:.0f} kW against the network's {:.0f} kW; the other values are at that bound, not a "
                            "state the cell reaches",
                            s.superheat_K, s.bath_temperature_K - 273.15, generated_kW, s.heat_loss_W / 1e3));
  } else if (s.ledge_m > design.side_channel_m) {
    w.push_back(fmt::format("the steady ledge {:.1f} cm is thicker than the side channel {:.1f} cm (anode end to side "
                            "wall): it would reach under the anodes, so this is not a working cell",
                            s.ledge_m * 100, design.side_channel_m * 100));
  }
  return w;
}

// The window check and the operating-point flag of the JSON (and the warnings that go with them).
void add_window(const dynamics::ThermalSteadyState& s, const cell::CellDesign& design, io::Json& j) {
  const Window w = declared_window();
  const bool liquid = s.status == "steady" || s.status == "no_ledge";
  const bool fills = s.status == "freezes" || (liquid && s.ledge_m > design.side_channel_m);
  j["side_channel_cm"] = design.side_channel_m * 100;
  j["ledge_fills_side_channel"] = fills;
  // Voltage, CE and SEC of a freezing, overheating or ledge-bound state are not a point the cell runs
  // at (11.06 kWh/kg at 300 kA read as a low-current gain).
  j["operating_point"] = liquid && !fills;
  const std::vector<std::string> outside = liquid && !fills ? outside_window(s, w) : std::vector<std::string>{};
  j["window"] = {{"superheat_min_K", w.superheat_min_K}, {"superheat_max_K", w.superheat_max_K},
                 {"ledge_min_cm", w.ledge_min_cm},       {"ledge_max_cm", w.ledge_max_cm},
                 {"within", liquid && !fills && outside.empty()}, {"outside", outside}};
  if (!outside.empty()) {
    std::string what;
    for (const auto& o : outside) what += (what.empty() ? "" : ", ") + o;
    j["warnings"].push_back(fmt::format("the steady state is outside the safe window of simulate and flex "
                                        "(window.superheat_min/max {:g}-{:g} K, window.ledge_min/max {:g}-{:g} cm, their "
                                        "defaults): {}",
                                        w.superheat_min_K, w.superheat_max_K, w.ledge_min_cm, w.ledge_max_cm, what));
  }
}

// A case at another line current than its design point's: what a step of simulate's line current from
// the design to this current asks of the pot control (user trial T13-1: the note said the heat-balance
// loop "holds" the design temperature at 360 kA, which its 200 mV cap cannot). Heat generation
// G = I·(V − E_h), E_h = V_d − G_d/I_d; the resistance control alone holds V = E_b + (V_d − E_b)·I/I_d;
// the heat feed-forward adds k·(V_heat − V) within its limits, V_heat = E_h + (V_d − E_h)·I_d/I; the
// heat-balance loop adds at most temperature_max_offset × I/I_d (an offset of the normalised voltage).
// Read at the declared defaults of simulate's control keys.
std::string current_step_note(const cell::CellResult& at_design, const cell::OperatingPoint& design, double current_A) {
  const io::Schema& schema = line::simulate_schema();
  const auto d = [&](const char* key) { return schema.find(key)->default_value.value(); };
  const double k = d("control.heat_feedforward"), raise_V = d("control.heat_feedforward_max_raise") / 1e3;
  const double cut_V = d("control.heat_feedforward_max_cut") / 1e3, loop_V = d("control.temperature_max_offset") / 1e3;
  const double Eb = d("control.back_emf"), Id = design.line_current_A, I = current_A, Vd = at_design.voltage_V;
  const double Gd = at_design.energy.heat_loss_W, Eh = Vd - Gd / Id;
  const double v_base = Eb + (Vd - Eb) * I / Id;
  const double missing_W = Gd - I * (v_base - Eh);  // > 0: a cut
  const double ff_W = I * std::clamp(k * (Eh + (Vd - Eh) * Id / I - v_base), -cut_V, raise_V);
  const double loop_W = loop_V * I * I / Id;
  const double left_W = std::abs(missing_W - ff_W);
  std::string s = fmt::format(
      "a step of simulate's line current from the design point's {:.1f} kA to {:.1f} kA {} the heat generation at "
      "the design ACD by {:.0f} kW; the heat feed-forward (simulate's control.heat_feedforward = {:g}) {} {:.0f} kW of "
      "it at once",
      Id / 1e3, I / 1e3, missing_W > 0 ? "cuts" : "raises", std::abs(missing_W) / 1e3, k,
      missing_W > 0 ? "gives back" : "takes off", std::abs(ff_W) / 1e3);
  // The loop's cap is an offset of the voltage normalised to the design current (user trial T15-2:
  // 200 mV × 300 kA = 60 kW read against the printed 45 kW): its kW are said with that scaling.
  const std::string loop = fmt::format(
      "the heat-balance loop, at most {:.0f} kW (control.temperature_max_offset {:.0f} mV of the voltage normalised "
      "to the design's {:.1f} kA: {:.0f} mV × {:.1f} kA × {:.1f}/{:.1f})",
      loop_W / 1e3, loop_V * 1e3, Id / 1e3, loop_V * 1e3, I / 1e3, I / 1e3, Id / 1e3);
  const double design_degC = design.bath_temperature_K - 273.15;
  if (left_W < 0.5e3) {  // nothing left at the printed kW ("can make up the 0 kW left", T15-2)
    s += fmt::format(" (all of it): nothing is left for {}, and the bath returns to the design's {:.1f} °C", loop,
                     design_degC);
  } else if (left_W <= loop_W) {
    s += fmt::format(", and {}, can make up the {:.0f} kW left, so it returns the bath to the design's {:.1f} °C",
                     loop, left_W / 1e3, design_degC);
  } else {
    s += fmt::format(", and {}, cannot make up the {:.0f} kW left: the bath does not return to the design's {:.1f} °C",
                     loop, left_W / 1e3, design_degC);
  }
  return s;
}

}  // namespace

ThermalDesign thermal_design_point(const CellRun& run, const CaseSource& source) {
  cell::OperatingPoint design = run.c.op;
  std::string basis = "the case's operating point";
  double design_liquidus_degC = run.summary.at("liquidus_degC").get<double>();
  if (!run.c.technology && source.given() && !source.sets.empty()) {
    // A case without a technology is its own design point, as written: calibrated with its --set
    // overrides, `--set operation.line_current=330kA` on examples/custom-design.toml gave back the
    // case's 965.0 °C and 6.5 cm ledge at 330 kA.
    CaseSource as_written = source;
    as_written.sets.clear();
    try {
      const CellRun written = run_cell(as_written);
      design = written.c.op;
      design_liquidus_degC = written.summary.at("liquidus_degC").get<double>();
      basis = "the case file's operating point (without --set)";
    } catch (const core::InputError&) {
      basis = "the case's operating point (the case file without --set is no complete case)";
    }
  }
  if (run.c.technology) {
    const CellRun catalogue = run_cell(CaseSource{"", std::nullopt, "", {}, source.data_dir}, run.c.technology->id,
                                       "");  // the id: names may differ
    // The whole catalogue operating point, bath composition included: calibrated at the case's own
    // composition, `--set bath.alf3=13` moved the calibration with it and gave back 965.0 °C and the
    // 6.5 cm design ledge (superheat 12.1 K), and 11 or 14 wt% failed to calibrate at all.
    design = catalogue.c.op;
    design_liquidus_degC = catalogue.summary.at("liquidus_degC").get<double>();
    basis = "technology " + run.c.technology->name + " at its catalogue operating point";
    return {design, catalogue.c.design, basis, design_liquidus_degC};
  }
  return {design, run.c.design, basis, design_liquidus_degC};
}

namespace {
// The temperature the controlled point holds, in words: the design point's; with another bath
// composition, that bath's at the design current and ACD (user trial T19-12).
// With another design (T19-22: the network loses the catalogue design's heat), the temperature this
// design has there.
std::string held_temperature(const line::ControlledOperatingPoint& p,
                             const cell::OperatingPoint& design, bool other_design) {
  if (p.target_temperature_K == design.bath_temperature_K)
    return fmt::format("the design point's {:.1f} °C", design.bath_temperature_K - 273.15);
  return fmt::format(
      "{:.1f} °C, where this {} settles at the design point's {:.1f} kA and {:.2f} cm (the "
      "design point's {:.1f} °C is that of its own {})",
      p.target_temperature_K - 273.15, other_design ? "cell (its design and bath)" : "bath",
      design.line_current_A / 1e3, design.acd_m * 100, design.bath_temperature_K - 273.15,
      other_design ? "design and bath" : "bath");
}
}  // namespace

std::optional<HeldAcd> controlled_thermal_acd(const CellRun& run, const CaseSource& source) {
  // The rule of simulate's start, one library function (line::controlled_acd_start), so that
  // `cell --thermal` and `simulate` (and smelter, through plant::cell_current) agree at one
  // current.
  const ThermalDesign d = thermal_design_point(run, source);
  const cell::OperatingPoint& op = run.c.op;
  const auto controlled =
      line::controlled_acd_start(run.c.values, run.c.design, run.c.constants, d.op, op,
                                 run.c.technology.has_value(), &d.design);
  if (!controlled) return std::nullopt;
  const line::ControlledOperatingPoint& p = *controlled;
  // What the design ACD held at this current would be, for the engineer who expects it.
  const line::ThermalJudgement held =
      line::judge_thermal_state(run.c.design, run.c.constants, d.op, op, &d.design);
  const dynamics::ThermalSteadyState& h = held.state;
  const bool liquid = h.status == "steady" || h.status == "no_ledge";
  std::string as_written = liquid ? fmt::format("bath {:.1f} °C, superheat {:.1f} K, ledge {:.1f} cm{}",
                                                h.bath_temperature_K - 273.15, h.superheat_K, h.ledge_m * 100,
                                                held.problems.empty() ? "" : ", outside the safe window")
                                  : std::string("no working steady state (") + h.status + ")";
  return HeldAcd{
      p.op.acd_m,
      fmt::format(
          "ACD {:.2f} cm (operation.acd): where simulate's pot control settles this cell at "
          "{:.1f} kA, its heat-balance loop and heat feed-forward moving the ACD until the bath is "
          "back at {}{} (as simulate starts a case at this current, and smelter and fleet evaluate "
          "it); the design point's {:.2f} cm held at {:.1f} kA would settle at {} (give "
          "operation.acd to hold an ACD)",
          p.op.acd_m * 100, op.line_current_A / 1e3,
          held_temperature(p, d.op, !dynamics::same_cell_design(d.design, run.c.design)),
          p.acd_at_limit
              ? fmt::format(", held at the ACD limit {:.1f}-{:.1f} cm (control.acd_min/max)",
                            p.acd_min_m * 100, p.acd_max_m * 100)
              : std::string(),
          d.op.acd_m * 100, op.line_current_A / 1e3, as_written)};
}

// --thermal: the bath temperature and ledge from the heat balance, with the dynamics' heat-loss
// network calibrated at the design point (the catalogue technology's operating point: line current,
// ACD, bath temperature and composition, with the case's design; without a technology, the case itself).
// docs/model/cell.md, "Thermal steady state".
io::Json cell_thermal_summary(const CellRun& run, const CaseSource& source) {
  const ThermalDesign td = thermal_design_point(run, source);
  const cell::OperatingPoint& design = td.op;
  const std::string& basis = td.basis;
  const double design_liquidus_degC = td.liquidus_degC;
  {  // a case admitted for its solved temperature (run_cell's `thermal`) must have a working one
    core::Diagnostics diagnostics;
    line::check_solved_cell_state(run.c.values, run.c, design, basis, &td.design, diagnostics);
    if (diagnostics.has_errors()) throw core::InputError(diagnostics);
  }
  std::vector<double> y(dynamics::kStateCount);
  const dynamics::CellModel m = dynamics::build_cell_model(run.c.design, run.c.constants, design,
                                                           line::default_dynamics_parameters(),
                                                           y.data(), std::nullopt, &td.design);
  const dynamics::ThermalSteadyState s = dynamics::solve_thermal_steady_state(m, run.c.op, 0.0);
  io::Json j;
  j["status"] = s.status;
  j["design_point"] = basis;
  j["design_line_current_kA"] = design.line_current_A / 1e3;
  j["design_acd_cm"] = design.acd_m * 100;
  j["design_bath_temperature_degC"] = design.bath_temperature_K - 273.15;
  j["design_liquidus_degC"] = design_liquidus_degC;  // of the design point's bath composition
  j["bath_temperature_degC"] = s.bath_temperature_K - 273.15;
  j["liquidus_degC"] = s.liquidus_K - 273.15;
  j["superheat_K"] = s.superheat_K;
  const bool liquid = s.status == "steady" || s.status == "no_ledge";
  j["ledge_cm"] = liquid ? io::Json(s.ledge_m * 100) : io::Json(nullptr);  // no steady ledge otherwise
  j["wall_temperature_degC"] = s.wall_temperature_K - 273.15;
  j["heat_loss_kW"] = s.heat_loss_W / 1e3;
  j["top_loss_kW"] = s.top_loss_W / 1e3;
  j["side_loss_kW"] = s.side_loss_W / 1e3;
  j["bottom_loss_kW"] = s.bottom_loss_W / 1e3;
  j["ledge_flux_kW_per_m2"] = s.ledge_flux_W / 1e3 / m.side_area_m2;
  j["voltage_V"] = s.result.voltage_V;
  j["current_efficiency"] = s.result.current_efficiency;
  j["sec_dc_kWh_per_kg"] = s.result.sec_dc_J_per_kg / 3.6e6;
  j["heat_generated_kW"] = s.result.energy.heat_loss_W / 1e3;  // what the cell must lose at that temperature
  j["warnings"] = thermal_warnings(s, run.c.design);
  // The alumina against its saturation at the solved temperature, as the lines above check it at the
  // case's (T11-9: 9 wt% warned at 965 °C, not at the solved 941.3 °C where saturation is 7.52 wt%).
  if (bath::evaluate(run.c.op.bath, s.bath_temperature_K, bath::ConductivityModel::kHives1996).flags &
      bath::kAboveSaturation) {
    for (std::string sentence : bath::describe(bath::kAboveSaturation, run.c.op.bath, s.bath_temperature_K)) {
      sentence[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[0])));
      j["warnings"].push_back("in the thermal steady state: " + sentence);
    }
  }
  add_window(s, run.c.design, j);
  // What `potline simulate` does with the same case (user trial T10-1; docs/validation.md D40): only
  // where the state is an operating point (T15-3: at 340 kA AP40's steady ledge fills the side channel,
  // "not a working cell", and the JSON still said simulate starts in it and holds it).
  if (j.at("operating_point").get<bool>()) {
    j["simulate_note"] = fmt::format(
        "simulate starts its cells in this state, centres its tracking feed cycle on the case's {:.2f} wt% alumina "
        "(control.slope_threshold, derived unless given) and its heat-balance loop holds the bath at {:.1f} °C: its "
        "means after settling "
        "lie near this state (catalogue cells, docs/validation.md D40)",
        run.c.op.bath.alumina_wt, s.bath_temperature_K - 273.15);
  }
  // Also where the case's own current has no liquid steady state (docs audit DA-6: at 300 kA, the −25 %
  // step that freezes, the note was left out): it is the step from the design point, solved there.
  if (std::abs(run.c.op.line_current_A - design.line_current_A) > 1e-6 * design.line_current_A) {
    const dynamics::ThermalSteadyState at_design = dynamics::solve_thermal_steady_state(m, design, 0.0);
    j["current_step_note"] = current_step_note(at_design.result, design, run.c.op.line_current_A);
  }
  // No SEC where the cell does not run (T14-1: 11.46 kWh/kg at 320 kA beside a ledge of n/a read as a
  // saving in --vary tables), as the ledge.
  if (!j.at("operating_point").get<bool>()) j["sec_dc_kWh_per_kg"] = nullptr;
  return j;
}

}  // namespace potline::api
