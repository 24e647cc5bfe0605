// Conversion of a simulate case to a SimulationCase. Every field is declared once in the table of
// simulate_schema.cpp, with the member it binds; build_simulation_case binds the table and then
// handles the fields that do not map 1:1 to a member (schedules, disturbances, targets that
// default to the cell case) and the cross-field checks.
#include "potline/potline/simulate_case.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/potline/faults_profiles.hpp"
#include "potline/potline/purity_track_case.hpp"
#include "potline/potline/simulate_pfc.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/io/case_file.hpp"
#include "potline/potline/simulation.hpp"
#include "potline/potline/thermal_start.hpp"
#include "line_internal.hpp"

namespace potline::line {
// The per-cell disturbances' starts and checks (cell_upsets.cpp).
void read_cell_upsets(const io::ValueSet& v, SimulationCase& c, core::Diagnostics& diagnostics);
namespace {
using control::ControllerSettings;
using dynamics::DynamicsParameters;
control::Distribution::Kind distribution_kind(const std::string& name) {
  if (name == "uniform") return control::Distribution::Kind::kUniform;
  if (name == "exponential") return control::Distribution::Kind::kExponential;
  if (name == "fixed") return control::Distribution::Kind::kFixed;
  return control::Distribution::Kind::kLognormal;
}

core::SourceLocation location(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x ? x->location : core::SourceLocation{};
}

// Controller inputs that are not one member each: the heat-balance loop switch, the quench
// distribution shared by both quench modes, targets that default to the cell case, feed stops.
void bind_controller_extras(const io::ValueSet& v, SimulationCase& c) {
  ControllerSettings& s = c.control;
  s.temperature_target_K =
      v.number("control.heat_balance_loop") != 0.0 ? c.op.bath_temperature_K : 0.0;
  const auto kind = distribution_kind(v.text("control.quench_distribution"));
  for (control::Distribution* d : {&s.automatic_quench, &s.manual_quench}) {
    d->kind = kind;
    d->coefficient_of_variation = v.number("control.quench_cv");
  }
  if (auto tv = v.maybe_number("control.target_voltage")) {
    s.target_voltage_V = *tv;
    c.target_voltage_given = true;
  }
  // control.slope_threshold given: used as it is; otherwise derived (control.centre_feed_cycle, the
  // default) or the fixed estimate (control.centre_feed_cycle = false). Both given: check_control.
  const auto given = v.maybe_number("control.slope_threshold");
  s.slope_threshold_V_per_s = given.value_or(control::kFixedSlopeThreshold_V_per_s);
  c.centre_feed_cycle = !given && v.number("control.centre_feed_cycle") != 0.0;
  s.alf3_target_wt = v.maybe_number("control.alf3_target").value_or(c.op.bath.alf3_excess_wt);
  s.alf3_feedforward_kg_per_kg_al = c.dynamics.alf3_consumption_kg_per_kg_al;
  if (auto start = v.maybe_number("disturbance.feed_stop_start")) s.feed_stop_start_s = *start;
}

// disturbance.cells: the cells the feed stop applies to, "4, 17" or "10-19, 25" (numbered from 0 as
// in the outputs). Each item outside 0 … potline.cells − 1, or not a number or range, is an error.
void read_disturbance_cells(const io::ValueSet& v, SimulationCase& c,
                            core::Diagnostics& diagnostics) {
  std::string text = v.text("disturbance.cells");
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);  // "[4, 17]"
  if (text.empty()) return;
  const core::SourceLocation where = location(v, "disturbance.cells");
  const auto error = [&](const std::string& message) {
    diagnostics.error(where, "disturbance.cells", message);
  };
  const auto trim = [](std::string x) {
    const auto a = x.find_first_not_of(" \t"), b = x.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : x.substr(a, b - a + 1);
  };
  const auto number = [&](const std::string& x, long& out) {
    if (x.empty() || x.find_first_not_of("0123456789") != std::string::npos || x.size() > 9)
      return false;
    out = std::stol(x);
    return true;
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = trim(text.substr(start, comma - start));
    start = comma + 1;
    const std::size_t dash = item.find('-', 1);
    long lo = 0, hi = 0;
    if (!(dash == std::string::npos ? number(item, lo) && number(item, hi)
                                    : number(trim(item.substr(0, dash)), lo) &&
                                          number(trim(item.substr(dash + 1)), hi)) ||
        hi < lo) {
      error(
          fmt::format("'{}' is not a cell number or a range 'FIRST-LAST' (cells are numbered from "
                      "0, e.g. '4, 17' "
                      "or '10-19')",
                      item));
      continue;
    }
    if (hi >= c.cells) {
      error(fmt::format(
          "cell {} does not exist: the line has {} cell(s) (potline.cells), numbered 0 to {}", hi,
          c.cells, c.cells - 1));
      continue;
    }
    for (long k = lo; k <= hi; ++k) c.disturbance_cells.push_back(static_cast<std::uint32_t>(k));
  }
  std::sort(c.disturbance_cells.begin(), c.disturbance_cells.end());
  c.disturbance_cells.erase(std::unique(c.disturbance_cells.begin(), c.disturbance_cells.end()),
                            c.disturbance_cells.end());
  if (!v.maybe_number("disturbance.feed_stop_start") && !v.maybe_number("disturbance.anode_problem_start") &&
      !v.maybe_number("disturbance.cover_loss_start")) {
    error("names the cells of a feed stop, an anode problem or a cover loss, but the case has none "
          "(disturbance.feed_stop_start, anode_problem_start, cover_loss_start)");
  }
}

// The line-current schedule: steps or a CSV file, and an outage.
void build_schedule(const io::ValueSet& v, const std::string& case_dir, SimulationCase& c,
                    core::Diagnostics& diagnostics) {
  const double max_current =
      v.maybe_number("potline.max_current").value_or(std::min(1.25 * c.op.line_current_A, 2e6));
  if (max_current < c.op.line_current_A) {
    diagnostics.error(location(v, "potline.max_current"), "potline.max_current",
                      fmt::format("{:.6g} kA is below the nominal line current {:.6g} kA (operation.line_current)",
                                  max_current / 1e3, c.op.line_current_A / 1e3));
  }
  c.schedule = CurrentSchedule(c.op.line_current_A, max_current);
  const std::string steps = v.text("potline.current_steps");
  const std::string csv = v.text("potline.current_csv");
  if (!steps.empty() && !csv.empty()) {
    diagnostics.error(location(v, "potline.current_csv"), "potline.current_csv",
                      "give either potline.current_steps or potline.current_csv, not both");
  } else if (!steps.empty()) {
    c.schedule.parse_steps(steps, "potline.current_steps", location(v, "potline.current_steps"),
                           diagnostics);
  } else if (!csv.empty()) {
    std::filesystem::path path(csv);
    if (path.is_relative() && !case_dir.empty()) path = std::filesystem::path(case_dir) / path;
    c.schedule.read_csv(path.string(), diagnostics);
  }
  if (auto start = v.maybe_number("potline.outage_start")) {
    const double duration = v.number("potline.outage_duration");
    if (!(duration > 0)) {
      // Located where the duration came from (a --set #N, T13-3), else at outage_start.
      const io::Value* given = v.get("potline.outage_duration");
      const core::SourceLocation at = given && given->origin != io::Origin::kDefault
                                          ? given->location
                                          : location(v, "potline.outage_start");
      diagnostics.error(at, "potline.outage_duration",
                        fmt::format("an outage needs a positive potline.outage_duration, not {:g} h; to run "
                                    "without the outage, remove potline.outage_start from the case",
                                    duration / 3600.0));
    }
    c.schedule.set_outage(*start, duration);
    c.control.planned_outage_start_s = *start;
  }
}

// Cross-field checks of the controller and disturbance inputs.
// The ACD limits (docs/model/dynamics.md §4): a floor above the ceiling leaves the control no room;
// a design ACD outside them is allowed (the control moves it only towards them) but said.
void check_acd_limits(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  control::ControllerSettings s = c.control;
  s.bath_height_m = c.dynamics.bath_height_m;
  const double floor = control::acd_floor_m(s), ceiling = control::acd_ceiling_m(s);
  if (floor >= ceiling) {
    // Named by the key the case gave: the floor, else whichever bound sets the ceiling (an immersion
    // that leaves no ACD was reported as control.acd_min, with no position, when acd_min was the default).
    const bool immersion_binds = s.min_anode_immersion_m > 0.0 && s.bath_height_m > 0.0 &&
                                 (s.acd_max_m <= 0.0 || s.bath_height_m - s.min_anode_immersion_m <= s.acd_max_m);
    std::string key = "control.acd_min";
    if (location(v, key).file.empty()) {
      key = !immersion_binds ? "control.acd_max"
            : location(v, "control.min_anode_immersion").file.empty() ? "dynamics.bath_height"
                                                                        : "control.min_anode_immersion";
    }
    diagnostics.error(location(v, key), key,
                      fmt::format("the ACD floor {:.3g} cm is not below the ceiling {:.3g} cm (control.acd_max, or "
                                  "dynamics.bath_height minus control.min_anode_immersion)",
                                  100 * floor, 100 * ceiling));
  } else if (c.op.acd_m > ceiling || c.op.acd_m < floor) {
    diagnostics.warning(location(v, "operation.acd"), "operation.acd",
                        fmt::format("the design ACD {:.3g} cm lies outside the ACD limits {} "
                                    "(control.acd_min, control.acd_max, control.min_anode_immersion): the resistance "
                                    "control moves the anodes only towards them",
                                    100 * c.op.acd_m,
                                    std::isfinite(ceiling) ? fmt::format("{:.3g}–{:.3g} cm", 100 * floor, 100 * ceiling)
                                                           : fmt::format("of at least {:.3g} cm (no ceiling)", 100 * floor)));
  }
}

// The anode-effect detection threshold must lie above the voltage the cell runs at: at or near it
// every sample reads as an anode effect (control.ae_voltage = 3 V on cell-7d, 4.2 V: the quench and
// feed logic ran without end and the bath froze at 3.6 d, a run-time failure; scripts/probe-bounds.py).
// 0.5 V: the voltage noise and a tracking cycle move the voltage by tenths, an anode effect by volts.
void check_ae_threshold(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const ControllerSettings& s = c.control;
  const double operating_V = c.target_voltage_given ? s.target_voltage_V
                                                     : cell::evaluate(c.design, c.constants, c.op).voltage_V;
  constexpr double kMargin_V = 0.5;
  if (s.ae_detect_voltage_V < operating_V + kMargin_V) {
    diagnostics.error(location(v, "control.ae_voltage"), "control.ae_voltage",
                      fmt::format("{:.4g} V is not above the cell's {} {:.4g} V by {:.1f} V: every sample would read "
                                  "as an anode effect; give at least {:.4g} V (an anode effect raises the voltage to "
                                  "8 V and more)",
                                  s.ae_detect_voltage_V, c.target_voltage_given ? "target voltage" : "operating voltage",
                                  operating_V, kMargin_V, operating_V + kMargin_V));
  }
}

void check_control(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const ControllerSettings& s = c.control;
  if (s.sample_delay_s > s.sample_interval_s) {
    diagnostics.error(location(v, "control.sample_delay"), "control.sample_delay",
                      "the analysis delay must not exceed the sampling interval (one sample is in "
                      "the lab at a time)");
  }
  if (s.underfeed_factor >= s.overfeed_factor) {
    diagnostics.error(
        location(v, "control.underfeed_factor"), "control.underfeed_factor",
        fmt::format("underfeed factor {} must be below the overfeed factor {}: the tracking "
                    "cycle would never raise the alumina",
                    s.underfeed_factor, s.overfeed_factor));
  }
  if (v.maybe_number("disturbance.feed_stop_start")) {
    if (!(s.feed_stop_duration_s > 0)) {
      diagnostics.error(location(v, "disturbance.feed_stop_start"),
                        "disturbance.feed_stop_duration",
                        "a feed stop needs a positive duration (disturbance.feed_stop_duration)");
    }
    if (s.feed_stop_period_s > 0 && s.feed_stop_period_s <= s.feed_stop_duration_s) {
      diagnostics.error(location(v, "disturbance.feed_stop_period"), "disturbance.feed_stop_period",
                        "the repeat period must be longer than the stop itself");
    }
  }
  const int feeders = feeder_count(c.feeders, c.design.anode_count);
  if (c.feeders.stop_feeder > feeders) {
    diagnostics.error(location(v, "disturbance.feed_stop_feeder"), "disturbance.feed_stop_feeder",
                      fmt::format("feeder {} does not exist: the cell has {} feeders (feeders.count; 0 = one per "
                                  "10 anodes); give 0 (every feeder) to {}",
                                  c.feeders.stop_feeder, feeders, feeders));
  }
  if (c.duration_s < s.sample_period_s) {
    diagnostics.error(location(v, "run.duration"), "run.duration",
                      "the run must last at least one sample period");
  }
  const io::Value* centre = v.get("control.centre_feed_cycle");
  if (v.maybe_number("control.slope_threshold") && centre && centre->number != 0.0 &&
      centre->origin != io::Origin::kDefault) {
    diagnostics.error(centre->location, "control.centre_feed_cycle",
                      "true derives control.slope_threshold, which is also given: give one of them (a given "
                      "threshold is used as it is)");
  }
  check_acd_limits(v, c, diagnostics);
  check_ae_threshold(v, c, diagnostics);
}

// Shell heat exchangers: the schedule, and keys that need the exchangers or the schedule mode.
void build_exchangers(const io::ValueSet& v, SimulationCase& c, core::Diagnostics& diagnostics) {
  HeatExchangerSettings& x = c.exchangers;
  const std::string schedule = v.text("heat_exchangers.schedule");
  const core::SourceLocation where = location(v, "heat_exchangers.schedule");
  if (!schedule.empty()) {
    if (!x.enabled) {
      diagnostics.error(where, "heat_exchangers.schedule",
                        "a schedule needs the exchangers: set heat_exchangers.enabled = true");
    } else if (x.mode != ExchangerMode::kSchedule) {
      diagnostics.error(where, "heat_exchangers.schedule",
                        "heat_exchangers.mode = \"automatic\" sets the fraction itself: remove the schedule or "
                        "set heat_exchangers.mode = \"schedule\"");
    } else {
      parse_exchanger_schedule(schedule, "heat_exchangers.schedule", where, diagnostics, x.schedule);
    }
  }
}

// Cross-field checks of the heat-loss shares and the safe window.
void check_model(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const DynamicsParameters& p = c.dynamics;
  if (p.top_loss_fraction + p.side_loss_fraction >= 1.0) {
    diagnostics.error(
        location(v, "dynamics.side_loss_fraction"), "dynamics.side_loss_fraction",
        fmt::format("top ({}) + side ({}) shares must stay below 1: the bottom takes the rest",
                    p.top_loss_fraction, p.side_loss_fraction));
  }
  // The batch integrator's fixed Heun step cannot follow a dissolution faster than about one step: at
  // k x step = 5 (1 1/s, 5 s) the undissolved alumina went negative within a minute, a run-time failure
  // (scripts/probe-bounds.py). Bound k x step by 1, half the method's stability limit of 2.
  const double k_step = p.dissolution_rate_per_s * c.control.sample_period_s;
  if (c.integrator == IntegratorKind::kBatch && k_step > 1.0) {
    diagnostics.error(location(v, "dynamics.dissolution_rate"), "dynamics.dissolution_rate",
                      fmt::format("{:.4g} 1/s with the batch integrator's step run.sample_period = {:.4g} s: their "
                                  "product {:.3g} is above 1, faster than the fixed step can follow (allowed up to "
                                  "{:.4g} 1/s at this step; published 0.002–0.005 1/s, [Yao et al. 2017]); lower it or "
                                  "shorten run.sample_period",
                                  p.dissolution_rate_per_s, c.control.sample_period_s, k_step,
                                  1.0 / c.control.sample_period_s));
  }
  // The undercooling freeze relaxes the bath with rate (bath + metal heat capacity) / (bath heat
  // capacity × τ), 2–3/τ on the catalogue cells: the same bound asks τ ≥ 3 × the step.
  if (c.integrator == IntegratorKind::kBatch && p.undercooling_time_s < 3.0 * c.control.sample_period_s) {
    diagnostics.error(location(v, "dynamics.undercooling_time"), "dynamics.undercooling_time",
                      fmt::format("{:.4g} s with the batch integrator's step run.sample_period = {:.4g} s: the "
                                  "freeze of an undercooled bath relaxes faster than the fixed step can follow "
                                  "(it needs at least 3 steps, {:.4g} s); raise it or shorten run.sample_period",
                                  p.undercooling_time_s, c.control.sample_period_s,
                                  3.0 * c.control.sample_period_s));
  }
  // A setting of the other integrator changes nothing (T14-12: run.relative_tolerance = 1e-2 with the
  // default batch integrator gave every printed digit of 1e-8, and the title listed it as changed).
  const bool batch = c.integrator == IntegratorKind::kBatch;
  const char* unused = batch ? "run.relative_tolerance" : "run.voltage_refresh";
  if (const io::Value* x = v.get(unused);
      x != nullptr && (x->origin == io::Origin::kCaseFile || x->origin == io::Origin::kCommandLine)) {
    diagnostics.warning(x->location, unused,
                        batch ? "never used: it is CVODE's tolerance, and run.integrator is \"batch\" (whose "
                                "accuracy run.voltage_refresh and run.sample_period set); set run.integrator = "
                                "\"cvode\" to use it"
                              : "never used: it sets the batch integrator's refresh, and run.integrator is \"cvode\"");
  }
  const SafeWindow& w = c.window;
  if (w.superheat_min_K >= w.superheat_max_K || w.ledge_min_m >= w.ledge_max_m) {
    diagnostics.error(location(v, "window.superheat_min"), "window",
                      "each safe-window minimum must be below its maximum");
  }
}

// The line's cells as the run builds them (build_models: each cell of potline.spread_acd calibrated
// at its ACD and started at the case's point): one that cannot be built is an input error for
// simulate and for flex alike, whose dynamic model runs one representative cell of the same line and
// never built the others (T14-9: flex ran the insulated example, simulate refused it at run time).
void check_line_cells(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  if (c.cells <= 1) return;  // the one cell was calibrated by resolve_thermal_start
  std::vector<double> states;
  try {
    build_models(c, states);
  } catch (const core::RunError& e) {
    diagnostics.error(location(v, "potline.spread_acd"), "potline.spread_acd",
                      fmt::format("a cell of the line ({} cells, potline.spread_acd {:g} %) cannot be built: {} "
                                  "(docs/model/dynamics.md, \"Thermal calibration\")",
                                  c.cells, 100 * c.spread.acd, e.what()));
  }
}

}  // namespace

dynamics::DynamicsParameters default_dynamics_parameters() {
  io::ValueSet v;
  io::fill_defaults(dynamics_schema(), v);
  SimulationCase c;
  if (!simulate_table().bind(v, c).empty()) throw std::logic_error("simulate schema: a bound field has no default");
  c.dynamics.exchanger_max_W_per_m2 = 0.0;
  return c.dynamics;
}

namespace {
// control.centre_feed_cycle derives the tracking threshold from the start cell's voltage against
// alumina (simulation.cpp, centred_slope_threshold). A cycle that would switch to overfeed only on
// anode effect, or never deplete in underfeed, is a set-up of the inputs: found here, it is an input
// error at the key that caused it, with the others, before anything is written (user trial T17-7:
// control.overfeed_factor = 5, bath.lif = 20 wt%, control.underfeed_factor = 1 were run-time
// failures after the run folder was opened). The cells are built as the run builds them; an error
// of that build is left to the run, as before.
void check_centred_feed_cycle(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  if (!c.centre_feed_cycle || !c.controller_enabled) return;
  std::vector<double> states;
  try {
    build_models(c, states);
  } catch (const core::RunError&) {
    return;
  }
  try {
    detail::controller_settings(c, states);
  } catch (const core::RunError& e) {
    // Named by the first key the case gave among those that set the cycle's swing and the voltage
    // curve, else by the switch itself.
    static constexpr const char* kCauses[] = {
        "control.overfeed_factor", "control.underfeed_factor", "control.overfeed_duration", "bath.alumina",
        "bath.lif", "bath.kf", "bath.caf2", "bath.mgf2", "bath.alf3", "operation.acd", "operation.line_current"};
    std::string key = "control.centre_feed_cycle";
    for (const char* k : kCauses) {
      if (!location(v, k).file.empty()) {
        key = k;
        break;
      }
    }
    std::string message = e.what();
    const std::string prefix = "control.slope_threshold: ";
    if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
    diagnostics.error(location(v, key), key, message);
  }
}
}  // namespace

std::optional<SimulationCase> build_simulation_case(const io::ValueSet& user_values,
                                                    const cell::TechnologyCatalogue& catalogue,
                                                    const plant::EmissionData& emissions,
                                                    const std::string& case_dir,
                                                    core::Diagnostics& diagnostics,
                                                    const cell::OperatingPoint* design_point) {
  // A catalogue technology, or a case file run with --set of its operating point (design_point), is
  // calibrated at that checked point and starts at its heat balance's temperature: resolve_thermal_start
  // checks that solved state, not the case's fixed one (AP40 at 10 wt% AlF3 was refused: 965.0 °C below
  // the 966.8 °C liquidus, although the run starts at 973.2 °C).
  cell::CellCaseOptions options;
  options.temperature_from_heat_balance = !user_values.text("case.technology").empty() || design_point != nullptr;
  auto cell_case = cell::build_cell_case(user_values, catalogue, diagnostics, options);
  if (!cell_case) return std::nullopt;
  io::ValueSet v = user_values;
  io::fill_defaults(dynamics_schema(), v);
  // The fault profile's rates go into the rate keys the case does not set (faults_profiles.cpp).
  const std::string fault_profile = apply_fault_profile(cell_case->technology ? &*cell_case->technology : nullptr, v);
  SimulationCase c;
  c.title = cell_case->title;
  c.technology = cell_case->technology ? cell_case->technology->id : std::string();
  c.design = cell_case->design;
  c.constants = cell_case->constants;
  c.op = cell_case->op;
  // Every bound simulate field has a default, so nothing can be missing here.
  if (!simulate_table().bind(v, c).empty())
    throw std::logic_error("simulate schema: a bound field has no default");
  c.feeders.faults.profile = fault_profile;
  bind_controller_extras(v, c);
  resolve_purity_track(v, *cell_case, c, diagnostics);  // grade over time (purity_track_case.cpp)
  build_schedule(v, case_dir, c, diagnostics);
  read_disturbance_cells(v, c, diagnostics);
  read_cell_upsets(v, c, diagnostics);  // anode problem, cover loss (cell_upsets.cpp)
  build_exchangers(v, c, diagnostics);
  resolve_pfc(v, emissions, cell_case->technology ? &*cell_case->technology : nullptr, c, diagnostics);
  check_model(v, c, diagnostics);
  check_control(v, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  // The thermal calibration point and the start (thermal_start.cpp): needs a complete case.
  resolve_thermal_start(v, *cell_case, catalogue, design_point, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  check_line_cells(v, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  check_centred_feed_cycle(v, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return c;
}

}  // namespace potline::line
