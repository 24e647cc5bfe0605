// Conversion of a simulate case to a SimulationCase. Every field is declared once in the table of
// simulate_schema.cpp, with the member it binds; build_simulation_case binds the table and then
// handles the fields that do not map 1:1 to a member (schedules, disturbances, targets that
// default to the cell case) and the cross-field checks.
#include "potline/potline/simulate_case.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string_view>

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
#include "input_blame.hpp"
#include "simulate_checks.hpp"

namespace potline::line {
// The per-cell disturbances' starts and checks (cell_upsets.cpp).
void read_cell_upsets(const io::ValueSet& v, SimulationCase& c, core::Diagnostics& diagnostics);
namespace {
using control::ControllerSettings;
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
    conflict_error(v, diagnostics, {"potline.max_current", "operation.line_current"},
                   "the rectifier's limit is below the nominal line current",
                   "raise potline.max_current or lower operation.line_current");
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
  if (!cell_case) {
    check_schedule_and_cells_apart(user_values, catalogue, case_dir,
                                   diagnostics);  // T19-7: one pass
    return std::nullopt;
  }
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
  // The cross-field checks quote a partner key with its value and origin, a technology's too
  // (operation.line_current = 400 kA (technology catalogue, ...)): they read the cell case's final
  // values besides the simulate ones.
  io::ValueSet quoted_values = v;
  for (const auto& [key, value] : cell_case->values.all()) {
    if (!quoted_values.has(key)) quoted_values.set(key, value);
  }
  bind_controller_extras(v, c);
  resolve_purity_track(v, *cell_case, c, diagnostics);  // grade over time (purity_track_case.cpp)
  build_schedule(quoted_values, case_dir, c, diagnostics);
  read_disturbance_cells(v, c, diagnostics);
  read_cell_upsets(quoted_values, c, diagnostics);  // anode problem, cover loss (cell_upsets.cpp)
  build_exchangers(v, c, diagnostics);
  resolve_pfc(v, emissions, cell_case->technology ? &*cell_case->technology : nullptr, c, diagnostics);
  check_model(quoted_values, c, diagnostics);
  check_control(quoted_values, c, diagnostics);
  // The checks below build the cells: in the same pass as the others unless an error so far concerns
  // an input the cells are built from (user trial T17-7: a feed-cycle error came in a second round).
  if (!errors_leave_cells_buildable(diagnostics)) return std::nullopt;
  // The thermal calibration point and the start (thermal_start.cpp): needs a complete case.
  const std::size_t errors_before = diagnostics.error_count();
  resolve_thermal_start(v, *cell_case, catalogue, design_point, c, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  check_ae_threshold(quoted_values, c, diagnostics);  // at the state the cells start in
  check_line_cells(v, c, diagnostics);
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  check_centred_feed_cycle(v, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return c;
}

void check_schedule_and_cells_apart(const io::ValueSet& user_values,
                                    const cell::TechnologyCatalogue& catalogue,
                                    const std::string& case_dir, core::Diagnostics& diagnostics) {
  std::vector<std::string> failed;  // keys with an error so far: their values are not in the set
  for (const core::Diagnostic& d : diagnostics.items()) {
    if (d.severity == core::Severity::kError) failed.push_back(d.key);
  }
  const auto any_failed = [&](std::string_view prefix) {
    return std::any_of(failed.begin(), failed.end(),
                       [&](const std::string& k) { return k.rfind(prefix, 0) == 0; });
  };
  // The nominal current the schedule's limit defaults from: the cell case's, built quietly (its
  // errors are said by the caller, or come when it can be built).
  core::Diagnostics quiet;
  cell::CellCaseOptions options;
  options.temperature_from_heat_balance = true;
  const auto cell_case = cell::build_cell_case(user_values, catalogue, quiet, options);
  io::ValueSet v = user_values;
  io::fill_defaults(dynamics_schema(), v);
  SimulationCase c;
  if (!any_failed("potline.cells")) c.cells = static_cast<int>(v.number("potline.cells"));
  if (cell_case && !any_failed("operation.line_current") && !any_failed("potline.max_current") &&
      !any_failed("potline.current_") && !any_failed("potline.outage_")) {
    c.op = cell_case->op;
    io::ValueSet quoted_values = v;
    for (const auto& [key, value] : cell_case->values.all()) {
      if (!quoted_values.has(key)) quoted_values.set(key, value);
    }
    build_schedule(quoted_values, case_dir, c, diagnostics);
  }
  // disturbance.cells against the line's cells and the disturbances it names.
  if (!any_failed("potline.cells") && !any_failed("disturbance."))
    read_disturbance_cells(v, c, diagnostics);
}

bool errors_leave_cells_buildable(const core::Diagnostics& diagnostics) {
  // Keys (or sections, ending in '.') that neither the cells, their heat-loss network nor the
  // controller's feed cycle are built from.
  static constexpr std::string_view kApart[] = {
      "run.duration", "run.seed", "run.output_interval", "run.events", "run.threads", "window.", "disturbance.",
      "pfc.", "purity.", "potline.cells", "potline.current_steps", "potline.current_csv", "potline.max_current",
      "potline.power_control_period", "potline.outage_", "potline.on_", "potline.cut_", "potline.block_size",
      "potline.power_basis", "potline.restart_after_outage", "potline.repair_time", "potline.startup_"};
  for (const core::Diagnostic& d : diagnostics.items()) {
    if (d.severity != core::Severity::kError) continue;
    const bool apart = std::any_of(std::begin(kApart), std::end(kApart), [&](std::string_view k) {
      return k.back() == '.' || k.back() == '_' ? d.key.rfind(k, 0) == 0 : d.key == k;
    });
    if (!apart) return false;
  }
  return true;
}

}  // namespace potline::line
