// Where a simulate case's heat-loss network is calibrated and where its cells start
// (docs/model/dynamics.md, "Thermal calibration"). Issue 11 part 7: an amperage, ACD or AlF3 change
// shows its superheat, ledge and CE consequence in the dynamic model as in `potline cell --thermal`.
// Calibrated at each case's own point, cell-7d at 380/400/420 kA ran at a mean superheat of
// 6.79/6.86/6.96 K with the same ledge (each point a cell re-lined for it), and 11 or 14 wt% AlF3
// could not be calibrated at all (superheat 2.3 and 17.9 K at 965 °C).
#include "potline/potline/thermal_start.hpp"

#include "controlled_within.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "potline/bath/liquidus.hpp"
#include "potline/cell/bath_origin.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/dynamics/thermal_steady_state.hpp"
#include "potline/potline/simulate_case.hpp"
#include "potline/potline/thermal_window.hpp"
#include "input_blame.hpp"

namespace potline::line {
namespace {

core::SourceLocation location(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x ? x->location : core::SourceLocation{};
}

// The operating-point inputs a case can move away from its calibration point (the bath temperature
// is not one: it follows from the heat balance).
struct OperatingKey {
  const char* key;
  const char* unit;  ///< as printed
  double scale;      ///< printed value per internal value
  double* (*field)(cell::OperatingPoint&);
  double search_min, search_max;  ///< where a working range is searched [internal units]; current: × calibration
};

const std::array<OperatingKey, 8>& operating_keys() {
  using OP = cell::OperatingPoint;
  static const std::array<OperatingKey, 8> keys{{
      {"operation.line_current", "kA", 1e-3, [](OP& o) { return &o.line_current_A; }, 0.3, 2.0},
      {"operation.acd", "cm", 100.0, [](OP& o) { return &o.acd_m; }, 0.01, 0.15},
      {"bath.alumina", "wt%", 1.0, [](OP& o) { return &o.bath.alumina_wt; }, 0.5, 10.0},
      // The bath additives are searched within the liquidus correlation's validity (Solheim et al.
      // 1996): beyond it the working range would rest on an extrapolated liquidus (was 30 wt% AlF3,
      // 10 wt% MgF2 and 20 wt% KF).
      {"bath.alf3", "wt%", 1.0, [](OP& o) { return &o.bath.alf3_excess_wt; }, bath::kSolheim1996AlF3_wt.min,
       bath::kSolheim1996AlF3_wt.max},
      {"bath.caf2", "wt%", 1.0, [](OP& o) { return &o.bath.caf2_wt; }, bath::kSolheim1996CaF2_wt.min,
       bath::kSolheim1996CaF2_wt.max},
      {"bath.mgf2", "wt%", 1.0, [](OP& o) { return &o.bath.mgf2_wt; }, bath::kSolheim1996MgF2_wt.min,
       bath::kSolheim1996MgF2_wt.max},
      {"bath.lif", "wt%", 1.0, [](OP& o) { return &o.bath.lif_wt; }, bath::kSolheim1996LiF_wt.min,
       bath::kSolheim1996LiF_wt.max},
      {"bath.kf", "wt%", 1.0, [](OP& o) { return &o.bath.kf_wt; }, bath::kSolheim1996KF_wt.min,
       bath::kSolheim1996KF_wt.max},
  }};
  return keys;
}

double value_of(const OperatingKey& k, cell::OperatingPoint op) { return *k.field(op); }
cell::OperatingPoint with_value(const OperatingKey& k, cell::OperatingPoint op, double x) {
  *k.field(op) = x;
  return op;
}
std::string printed(const OperatingKey& k, double x) { return fmt::format("{:.4g} {}", x * k.scale, k.unit); }

// The network calibrated at `at` with the run's dynamics parameters, or why it cannot be.
struct Network {
  std::optional<dynamics::CellModel> model;
  std::string error;
};

Network calibrate(const SimulationCase& c, const cell::OperatingPoint& at) {
  Network n;
  std::vector<double> y(dynamics::kStateCount);
  try {
    n.model = dynamics::build_cell_model(c.design, c.constants, at, cell_dynamics_parameters(c),
                                         y.data(), std::nullopt,
                                         c.calibration_design ? &*c.calibration_design : nullptr);
  } catch (const core::RunError& e) {
    n.error = e.what();
  }
  return n;
}

// The superheats the network can be calibrated at with the case's dynamics.* (0.25 K steps up to
// 40 K above the liquidus of `at`'s bath; AP40 with the defaults: about 4.5–12 K).
std::string calibratable_superheats(const SimulationCase& c, cell::OperatingPoint at) {
  const double liquidus = bath::liquidus_K(at.bath);
  std::optional<double> lo, hi;
  for (int i = 1; i <= 160; ++i) {
    at.bath_temperature_K = liquidus + 0.25 * i;
    if (!calibrate(c, at).model) continue;
    if (!lo) lo = 0.25 * i;
    hi = 0.25 * i;
  }
  if (!lo) return "no superheat from 0.25 to 40 K can be calibrated with these dynamics.* values";
  return fmt::format("with these dynamics.* values it calibrates at a superheat of {:.2f}–{:.2f} K, a bath "
                     "temperature of {:.1f}–{:.1f} °C for this bath",
                     *lo, *hi, liquidus + *lo - 273.15, liquidus + *hi - 273.15);
}

// Why the steady state `s` is no working cell to start a run from (empty: it is one).
std::string not_working(const dynamics::ThermalSteadyState& s, const cell::CellDesign& design) {
  if (s.status == "freezes") {
    return fmt::format("no liquid steady state: at the liquidus ({:.1f} °C) the cell generates {:.0f} kW but the "
                       "heat-loss network takes {:.0f} kW, so the bath freezes",
                       s.liquidus_K - 273.15, s.result.energy.heat_loss_W / 1e3, s.heat_loss_W / 1e3);
  }
  if (s.status == "overheats") {
    return fmt::format("no steady state within {:.0f} K above the liquidus (the cell generates more heat than the "
                       "heat-loss network can take)",
                       s.superheat_K);
  }
  if (s.ledge_m > design.side_channel_m) {
    return fmt::format("its steady ledge {:.1f} cm (superheat {:.2f} K) is thicker than the side channel {:.1f} cm: "
                       "it would reach under the anodes, so it is no working cell",
                       s.ledge_m * 100, s.superheat_K, design.side_channel_m * 100);
  }
  return "";
}

struct StartContext {
  const SimulationCase& c;
  const dynamics::CellModel& model;
  double exchanger_fraction;
  bool works(const cell::OperatingPoint& op) const {
    return not_working(dynamics::solve_thermal_steady_state(model, op, exchanger_fraction), c.design).empty();
  }
};

// The edge of the working range of `k` between a working value `good` and `limit`: 16 steps
// outward, then bisection to 1e-4 of the step. Empty when the whole way works.
std::optional<double> edge(const StartContext& x, const OperatingKey& k, const cell::OperatingPoint& op,
                           double good, double limit) {
  const double step = (limit - good) / 16.0;
  double bad = good;
  bool failed = false;
  for (int i = 1; i <= 16 && !failed; ++i) {
    bad = good + step;
    if (x.works(with_value(k, op, bad))) good = bad;
    else failed = true;
  }
  if (!failed) return std::nullopt;
  while (std::abs(bad - good) > 1e-4 * std::abs(step)) {
    const double mid = 0.5 * (good + bad);
    (x.works(with_value(k, op, mid)) ? good : bad) = mid;
  }
  return good;
}

// "with the other inputs as given, KEY from A to B works", searched from the calibration's value.
std::string working_range(const StartContext& x, const OperatingKey& k) {
  const double from = value_of(k, *x.c.calibration_op);
  const bool relative = k.key == std::string("operation.line_current");
  const double lo_limit = relative ? k.search_min * from : k.search_min;
  const double hi_limit = relative ? k.search_max * from : k.search_max;
  if (!x.works(with_value(k, x.c.op, from))) {
    return fmt::format("with the other inputs as given, not even the catalogue's {} {} gives one: move them toward "
                       "the catalogue point",
                       k.key, printed(k, from));
  }
  const auto lo = edge(x, k, x.c.op, from, lo_limit);
  const auto hi = edge(x, k, x.c.op, from, hi_limit);
  const bool additive = std::string(k.key).rfind("bath.", 0) == 0 && k.key != std::string("bath.alumina");
  const char* limit = additive ? " (the liquidus correlation's limit, Solheim et al. 1996)" : " (the searched limit)";
  return fmt::format("with the other inputs as given, {} from {}{} to {}{} gives a working steady state", k.key,
                     printed(k, lo.value_or(lo_limit)), lo ? "" : limit, printed(k, hi.value_or(hi_limit)),
                     hi ? "" : limit);
}

std::string point_text(const cell::OperatingPoint& op) {
  return fmt::format("{:.4g} kA, ACD {:.2f} cm, {:.1f} °C, {:.4g} wt% AlF3", op.line_current_A / 1e3, op.acd_m * 100,
                     op.bath_temperature_K - 273.15, op.bath.alf3_excess_wt);
}

// A case without a technology: calibrated at its own point, as before; one the network cannot take
// is an input error at its bath temperature with the superheats that calibrate.
void check_own_point(const io::ValueSet& v, SimulationCase& c, core::Diagnostics& diagnostics) {
  c.start_ledge_m = c.dynamics.initial_ledge_m;
  const Network n = calibrate(c, c.op);
  if (n.model) return;
  const double liquidus_K = bath::liquidus_K(c.op.bath);
  diagnostics.error(location(v, "operation.bath_temperature"), "operation.bath_temperature",
                    fmt::format("the heat-loss network cannot be calibrated at the case's operating point (bath "
                                "{:.1f} °C ({}), liquidus {:.1f} °C, superheat {:.1f} K; the bath: {}): {}; {}; change the bath "
                                "temperature or composition (docs/model/dynamics.md, \"Thermal calibration\")",
                                c.op.bath_temperature_K - 273.15, cell::value_origin(v, "operation.bath_temperature"),
                                liquidus_K - 273.15, c.op.bath_temperature_K - liquidus_K,
                                cell::bath_composition_origins(v), n.error, calibratable_superheats(c, c.op)));
}

std::vector<const OperatingKey*> moved_keys(const SimulationCase& c) {
  std::vector<const OperatingKey*> moved;
  for (const OperatingKey& k : operating_keys()) {
    if (value_of(k, c.op) != value_of(k, *c.calibration_op)) moved.push_back(&k);
  }
  return moved;
}

// The run starts at the steady state of the calibrated network at the case's point; a point with
// none is an input error at each moved key.
// The design.* keys the case gave when its design is not the one the network is calibrated on
// (T19-22: they change the heat generated, so the cell starts elsewhere).
std::vector<std::string> changed_design_keys(const io::ValueSet& v, const SimulationCase& c) {
  std::vector<std::string> keys;
  if (!c.calibration_design || dynamics::same_cell_design(*c.calibration_design, c.design))
    return keys;
  for (const auto& [key, x] : v.all()) {
    const bool input = x.origin == io::Origin::kCommandLine || x.origin == io::Origin::kCaseFile;
    if (input && key.rfind("design.", 0) == 0) keys.push_back(key);
  }
  if (keys.empty()) keys.push_back("case.technology");  // not expected: the design differs by a key
  return keys;
}

void start_at_case_point(const io::ValueSet& v, const StartContext& x, SimulationCase& c,
                         core::Diagnostics& diagnostics) {
  const std::vector<const OperatingKey*> moved = moved_keys(c);
  const std::vector<std::string> design_keys = changed_design_keys(v, c);
  if (moved.empty() && design_keys.empty()) return;
  const dynamics::ThermalSteadyState s = dynamics::solve_thermal_steady_state(x.model, c.op, x.exchanger_fraction);
  const std::string why = not_working(s, c.design);
  if (!why.empty()) {
    for (const std::string& key : design_keys) {
      diagnostics.error(
          location(v, key), key,
          fmt::format("{}: with this design the cell at {:.4g} kA and ACD {:.2f} cm has no working "
                      "steady state: {}; the heat-loss network is calibrated at {} ({}) on the "
                      "catalogue design's heat, and a design change changes the heat the cell "
                      "generates (docs/model/dynamics.md, \"Thermal calibration\")",
                      value_text(v, key), c.op.line_current_A / 1e3, c.op.acd_m * 100, why,
                      c.calibration_basis, point_text(*c.calibration_op)));
    }
    for (const OperatingKey* k : moved) {
      diagnostics.error(location(v, k->key), k->key,
                        fmt::format("{}: {}; the heat-loss network is calibrated at {} ({}); {} (docs/model/dynamics.md, "
                                    "\"Thermal calibration\")",
                                    printed(*k, value_of(*k, c.op)), why, c.calibration_basis,
                                    point_text(*c.calibration_op), working_range(x, *k)));
    }
    return;
  }
  c.op.bath_temperature_K = s.bath_temperature_K;
  c.start_ledge_m = s.ledge_m;
  if (s.status == "no_ledge") {
    diagnostics.warning(location(v, moved.front()->key), moved.front()->key,
                        fmt::format("at this operating point the steady side ledge is gone (superheat {:.1f} K): the "
                                    "bath touches the side lining; the run starts there",
                                    s.superheat_K));
  }
}

// operation.bath_temperature written for the case (a technology's) or on the command line (a
// design point from the case file) is not where the run starts: say so.
void warn_given_temperature(const io::ValueSet& v, const SimulationCase& c, bool from_file_too,
                            core::Diagnostics& diagnostics) {
  const io::Value* given = v.get("operation.bath_temperature");
  if (!given || !(given->origin == io::Origin::kCommandLine || (from_file_too && given->origin == io::Origin::kCaseFile)))
    return;
  if (std::abs(given->number - c.op.bath_temperature_K) < 0.05) return;
  diagnostics.warning(given->location, "operation.bath_temperature",
                      fmt::format("{:.1f} °C is not used: the bath temperature follows from the heat balance, and the "
                                  "run starts at {:.1f} °C, the steady state at this current, ACD and bath of the "
                                  "heat-loss network calibrated at {} (as 'potline cell --thermal'); change the current, "
                                  "ACD or bath to move it{} (docs/model/dynamics.md, \"Thermal calibration\")",
                                  given->number - 273.15, c.op.bath_temperature_K - 273.15, c.calibration_basis,
                                  from_file_too ? "" : ", or write it in the case file to calibrate there"));
}

// A catalogue point the network cannot be calibrated at with the case's design, model or dynamics
// inputs is reported at the one the case gave (a --set first), with the cell's voltage and heat there,
// else at case.technology (user trial T17-9: design.anode_count = 1 and design.nominal_current =
// 0.001 kA were blamed on case.technology, and before that on control.ae_voltage at 220 V and 3e5 V).
void report_uncalibratable(const io::ValueSet& values, const SimulationCase& c, const cell::OperatingPoint& point,
                           const std::string& basis, bool technology, const std::string& why,
                           core::Diagnostics& diagnostics) {
  // A technology's case: a key of the case file or the command line; a case calibrated at its
  // file's point (without --set): a --set, which is what moved it from the file (the file is the
  // design).
  std::vector<std::string> given;
  for (const auto& [key, x] : values.all()) {
    const bool input =
        x.origin == io::Origin::kCommandLine || (technology && x.origin == io::Origin::kCaseFile);
    for (const char* section : {"design.", "model.", "dynamics.", "heat_exchangers."}) {
      if (input && key.rfind(section, 0) == 0) given.push_back(key);
    }
  }
  std::string key = technology ? "case.technology" : "operation.bath_temperature";
  std::string head;
  if (!given.empty()) {
    key = blamed_key(values, given);
    const cell::CellResult r = cell::evaluate(c.design, c.constants, point);
    head = fmt::format("{}: with it the cell at {} ({}) runs at {:.4g} V and loses {:.4g} kW, and ", value_text(values, key),
                       basis, point_text(point), r.voltage_V, r.energy.heat_loss_W / 1e3);
  } else {
    head = fmt::format("at {} ({}, liquidus {:.1f} °C) ", basis, point_text(point), bath::liquidus_K(point.bath) - 273.15);
  }
  diagnostics.error(location(values, key), key,
                    fmt::format("{}the heat-loss network cannot be calibrated there: {}; {} (docs/model/dynamics.md, "
                                "\"Thermal calibration\")",
                                head, why, calibratable_superheats(c, point)));
}

// The network calibrated at `point`, the run started at c.op's steady state of it.
void start_from(const io::ValueSet& values, const cell::OperatingPoint& point,
                const std::string& basis, const cell::CellDesign* heat_loss_design,
                SimulationCase& c, core::Diagnostics& diagnostics) {
  const bool technology = heat_loss_design != nullptr;
  c.calibration_op = point;
  c.calibration_basis = basis;
  if (heat_loss_design && !dynamics::same_cell_design(*heat_loss_design, c.design))
    c.calibration_design = *heat_loss_design;
  c.op.bath_temperature_K = point.bath_temperature_K;
  c.start_ledge_m = c.dynamics.initial_ledge_m;
  const Network n = calibrate(c, point);
  if (!n.model) {
    report_uncalibratable(values, c, point, basis, technology, n.error, diagnostics);
    return;
  }
  // User trial T17-5: at another line current, the ACD simulate's pot control settles the cell at,
  // so that the case's current and a step to it from the calibration point end in one state.
  const auto controlled =
      controlled_acd_start(values, c.design, c.constants, point, c.op, technology,
                           c.calibration_design ? &*c.calibration_design : nullptr);
  if (controlled) c.op.acd_m = controlled->op.acd_m;
  const StartContext x{c, *n.model, cell_dynamics_parameters(c).exchanger_design_fraction};
  start_at_case_point(values, x, c, diagnostics);
  // The heat-balance loop holds the temperature the cell starts at (was: the case's written one),
  // at the controlled ACD the temperature that ACD was solved for (the calibration point's, or with
  // another bath that bath's at the calibration point's current and ACD).
  if (c.control.temperature_target_K > 0.0)
    c.control.temperature_target_K =
        controlled ? controlled->target_temperature_K : c.op.bath_temperature_K;
  warn_given_temperature(values, c, technology, diagnostics);
}

}  // namespace

std::optional<ControlledOperatingPoint> controlled_acd_start(
    const io::ValueSet& values, const cell::CellDesign& design,
    const cell::ModelConstants& constants, const cell::OperatingPoint& design_op,
    const cell::OperatingPoint& op, bool technology, const cell::CellDesign* heat_loss_design) {
  if (op.line_current_A == design_op.line_current_A || op.acd_m != design_op.acd_m)
    return std::nullopt;
  const io::Value* acd = values.get("operation.acd");
  if (acd && (acd->origin == io::Origin::kCommandLine ||
              (technology && acd->origin == io::Origin::kCaseFile)))
    return std::nullopt;
  // Any bath composition (user trial T19-12: only the design's exact composition took the
  // controlled ACD, a spike in a --vary of bath.alf3 or bath.alumina): the control holds that
  // bath's temperature at the design current and ACD.
  // Within the case's own ACD limits when it gives them (user trial T20-10: the start was solved
  // within the declared 2.5–8 cm, 0.5 cm below a case's 3.5-cm floor); cell --thermal has no such
  // keys (the declared defaults).
  ControlledOperatingPoint p =
      controlled_operating_point_within(design, constants, design_op, op, heat_loss_design,
                                        values.maybe_number("control.acd_min").value_or(-1.0),
                                        values.maybe_number("control.acd_max").value_or(-1.0));
  if (!p.judgement.operating_point) return std::nullopt;
  return p;
}

void resolve_thermal_start(const io::ValueSet& values, const cell::CellCase& cell_case,
                           const cell::TechnologyCatalogue& catalogue, const cell::OperatingPoint* design_point,
                           SimulationCase& c, core::Diagnostics& diagnostics) {
  core::Diagnostics quiet;  // the case's own build has said what the catalogue entry says
  const auto catalogue_case =
      cell_case.technology ? cell::technology_case(*cell_case.technology, catalogue, quiet) : std::nullopt;
  if (catalogue_case) {
    start_from(values, catalogue_case->op,
               "technology " + cell_case.technology->name + "'s catalogue operating point",
               &catalogue_case->design, c, diagnostics);
  } else if (design_point) {
    start_from(values, *design_point, "the case file's operating point (without --set)", nullptr, c,
               diagnostics);
  } else {
    check_own_point(values, c, diagnostics);
  }
}

void check_solved_cell_state(const io::ValueSet& values, const cell::CellCase& cell_case,
                             const cell::OperatingPoint& design, const std::string& basis,
                             const cell::CellDesign* heat_loss_design,
                             core::Diagnostics& diagnostics) {
  SimulationCase c;  // cell --thermal's network: the default dynamics.*, no exchangers, no controller
  c.design = cell_case.design;
  c.constants = cell_case.constants;
  c.op = cell_case.op;
  c.dynamics = default_dynamics_parameters();
  c.controller_enabled = false;
  c.calibration_op = design;
  c.calibration_basis = basis;
  if (heat_loss_design && !dynamics::same_cell_design(*heat_loss_design, c.design))
    c.calibration_design = *heat_loss_design;
  const Network n = calibrate(c, design);
  const bool below_liquidus = bath::liquidus_K(cell_case.op.bath) > cell_case.op.bath_temperature_K;
  const bool technology = cell_case.technology.has_value();
  if (!n.model && (technology || !below_liquidus)) {
    // A design, model or dynamics input the network cannot be calibrated with: the input error
    // simulate gives, at the key given (user trial T19-25: a run-time failure with no key, that
    // blamed dynamics.* keys the case never set).
    report_uncalibratable(values, c, design, basis, technology, n.error, diagnostics);
    return;
  }
  if (!below_liquidus) return;
  if (!n.model) {  // the case's own point (its file without --set is no complete case) below its liquidus
    diagnostics.error(location(values, "operation.bath_temperature"), "operation.bath_temperature",
                      fmt::format("the heat-loss network cannot be calibrated at {} ({}, liquidus {:.1f} °C): {}; "
                                  "raise the temperature or change the composition (docs/model/dynamics.md, "
                                  "\"Thermal calibration\")",
                                  basis, point_text(design), bath::liquidus_K(design.bath) - 273.15, n.error));
    return;
  }
  // Checked where cell --thermal runs the case, as simulate starts it: at the controlled ACD when
  // the rule takes it (T19-12: 6 wt% AlF3 at 368 kA, its ACD not given, runs there in both
  // commands).
  if (const auto p = controlled_acd_start(values, c.design, c.constants, design, c.op,
                                          cell_case.technology.has_value(),
                                          c.calibration_design ? &*c.calibration_design : nullptr))
    c.op.acd_m = p->op.acd_m;
  start_at_case_point(values, StartContext{c, *n.model, 0.0}, c, diagnostics);
}

}  // namespace potline::line
