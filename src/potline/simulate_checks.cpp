// Cross-field checks of a simulate case (build_simulation_case, simulate_case.cpp). A conflict
// between two inputs is reported at the one the user gave, naming the other with its value and where
// it came from (input_blame.hpp; user trial T17-9: a --set of run.sample_period was reported at
// dynamics.undercooling_time, which the case did not set, placed at the case file without a line).
#include "simulate_checks.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "input_blame.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/potline/feeders.hpp"

namespace potline::line {
namespace {
using control::ControllerSettings;
using dynamics::DynamicsParameters;

// The ACD limits (docs/model/dynamics.md §4): a floor above the ceiling leaves the control no room;
// a design ACD outside them is allowed (the control moves it only towards them) but said.
void check_acd_limits(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  control::ControllerSettings s = c.control;
  s.bath_height_m = c.dynamics.bath_height_m;
  const double floor = control::acd_floor_m(s), ceiling = control::acd_ceiling_m(s);
  if (floor >= ceiling) {
    // The ceiling is control.acd_max or the bath height less the immersion, whichever is lower.
    const bool immersion_binds = s.min_anode_immersion_m > 0.0 && s.bath_height_m > 0.0 &&
                                 (s.acd_max_m <= 0.0 || s.bath_height_m - s.min_anode_immersion_m <= s.acd_max_m);
    std::vector<std::string> keys{"control.acd_min"};
    if (immersion_binds) {
      keys.insert(keys.end(), {"control.min_anode_immersion", "dynamics.bath_height"});
    } else {
      keys.push_back("control.acd_max");
    }
    conflict_error(v, diagnostics, keys,
                   fmt::format("the ACD floor {:.3g} cm (control.acd_min) is not below the ceiling {:.3g} cm ({})",
                               100 * floor, 100 * ceiling,
                               immersion_binds ? "dynamics.bath_height minus control.min_anode_immersion"
                                               : "control.acd_max"),
                   "lower the floor or raise the ceiling");
  } else if (c.op.acd_m > ceiling || c.op.acd_m < floor) {
    diagnostics.warning(location_of(v, "operation.acd"), "operation.acd",
                        fmt::format("the design ACD {:.3g} cm lies outside the ACD limits {} "
                                    "(control.acd_min, control.acd_max, control.min_anode_immersion): the resistance "
                                    "control moves the anodes only towards them",
                                    100 * c.op.acd_m,
                                    std::isfinite(ceiling) ? fmt::format("{:.3g}–{:.3g} cm", 100 * floor, 100 * ceiling)
                                                           : fmt::format("of at least {:.3g} cm (no ceiling)", 100 * floor)));
  }
}

void check_feed_stop(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const ControllerSettings& s = c.control;
  if (v.maybe_number("disturbance.feed_stop_start")) {
    if (!(s.feed_stop_duration_s > 0)) {
      conflict_error(v, diagnostics, {"disturbance.feed_stop_duration", "disturbance.feed_stop_start"},
                     "a feed stop needs a positive duration", "give disturbance.feed_stop_duration, or remove "
                     "disturbance.feed_stop_start to run without the stop");
    }
    if (s.feed_stop_period_s > 0 && s.feed_stop_period_s <= s.feed_stop_duration_s) {
      conflict_error(v, diagnostics, {"disturbance.feed_stop_period", "disturbance.feed_stop_duration"},
                     "the repeat period must be longer than the stop itself",
                     "lengthen the period or shorten the stop");
    }
  }
  const int feeders = feeder_count(c.feeders, c.design.anode_count);
  if (c.feeders.stop_feeder > feeders) {
    conflict_error(v, diagnostics, {"disturbance.feed_stop_feeder", "feeders.count", "design.anode_count"},
                   fmt::format("no such feeder: the cell has {} feeders (feeders.count; 0 = one per 10 anodes)",
                               feeders),
                   fmt::format("give disturbance.feed_stop_feeder from 0 (every feeder) to {}", feeders));
  }
}

}  // namespace

void check_control(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const ControllerSettings& s = c.control;
  if (s.sample_delay_s > s.sample_interval_s) {
    conflict_error(v, diagnostics, {"control.sample_delay", "control.sample_interval"},
                   "the analysis delay must not exceed the sampling interval (one sample is in the lab at a time)",
                   "shorten control.sample_delay or lengthen control.sample_interval");
  }
  if (s.underfeed_factor >= s.overfeed_factor) {
    conflict_error(v, diagnostics, {"control.underfeed_factor", "control.overfeed_factor"},
                   "the underfeed factor must be below the overfeed factor: the tracking cycle would never raise "
                   "the alumina",
                   "lower control.underfeed_factor or raise control.overfeed_factor");
  }
  check_feed_stop(v, c, diagnostics);
  if (c.duration_s < s.sample_period_s) {
    conflict_error(v, diagnostics, {"run.duration", "run.sample_period"},
                   "the run must last at least one sample period", "lengthen run.duration or shorten run.sample_period");
  }
  const io::Value* centre = v.get("control.centre_feed_cycle");
  if (v.maybe_number("control.slope_threshold") && centre && centre->number != 0.0 &&
      centre->origin != io::Origin::kDefault) {
    diagnostics.error(centre->location, "control.centre_feed_cycle",
                      "true derives control.slope_threshold, which is also given: give one of them (a given "
                      "threshold is used as it is)");
  }
  check_acd_limits(v, c, diagnostics);
}

// The anode-effect detection threshold must lie above the voltage the cell runs at: at or near it
// every sample reads as an anode effect (control.ae_voltage = 3 V on cell-7d, 4.2 V: the quench and
// feed logic ran without end and the bath froze at 3.6 d, a run-time failure; scripts/probe-bounds.py).
// 0.5 V: the voltage noise and a tracking cycle move the voltage by tenths, an anode effect by volts.
// Checked at the state the run starts in (after resolve_thermal_start): the case's own
// operation.bath_temperature of a catalogue cell is not used, and was not to be used here either
// (T17-9: 855 °C gave "operating voltage 31.23 V" in a bath 100 K below its liquidus).
void check_ae_threshold(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const ControllerSettings& s = c.control;
  const cell::CellResult r = cell::evaluate(c.design, c.constants, c.op);
  const double operating_V = c.target_voltage_given ? s.target_voltage_V : r.voltage_V;
  constexpr double kMargin_V = 0.5;
  if (!(s.ae_detect_voltage_V < operating_V + kMargin_V)) return;
  std::vector<std::string> keys{"control.ae_voltage"};
  if (c.target_voltage_given) {
    keys.push_back("control.target_voltage");
  } else {
    // The inputs that set the operating voltage, in the order a user most likely moved them.
    for (const char* k : {"operation.line_current", "operation.acd", "design.anode_count", "design.anode_area",
                          "design.nominal_current", "design.anode_drop", "design.cathode_drop", "design.external_drop",
                          "operation.bath_temperature"}) {
      const io::Value* x = v.get(k);
      if (x && x->origin == io::Origin::kCommandLine) keys.push_back(k);
    }
  }
  const char* voltage = c.target_voltage_given ? "target voltage" : "operating voltage";
  const std::string at = blamed_key(v, keys);
  const std::string what =
      at == "control.ae_voltage"
          ? fmt::format("not above the cell's {} at the start, {:.4g} V, by {:.1f} V: every sample would read as an "
                        "anode effect",
                        voltage, operating_V, kMargin_V)
          : fmt::format("the cell's {} at the start is {:.4g} V ({:.4g} kA, ACD {:.3g} cm, {:.1f} °C), not below the "
                        "anode-effect threshold control.ae_voltage by {:.1f} V: every sample would read as an anode "
                        "effect; no cell runs there (an anode effect raises the voltage to 8 V and more)",
                        voltage, operating_V, c.op.line_current_A / 1e3, 100 * c.op.acd_m,
                        c.op.bath_temperature_K - 273.15, kMargin_V);
  const std::string fix = fmt::format("give control.ae_voltage at least {:.4g} V", operating_V + kMargin_V);
  conflict_error(v, diagnostics, keys, what,
                 at == "control.ae_voltage"
                     ? fix
                     : fmt::format("give an operating point below {:.4g} V, or {}", s.ae_detect_voltage_V - kMargin_V, fix));
}

// Cross-field checks of the heat-loss shares, the integrator's step and the safe window.
void check_model(const io::ValueSet& v, const SimulationCase& c, core::Diagnostics& diagnostics) {
  const DynamicsParameters& p = c.dynamics;
  if (p.top_loss_fraction + p.side_loss_fraction >= 1.0) {
    conflict_error(v, diagnostics, {"dynamics.side_loss_fraction", "dynamics.top_loss_fraction"},
                   "the top and side shares must add to less than 1: the bottom takes the rest",
                   "lower one of them");
  }
  // The batch integrator's fixed Heun step cannot follow a dissolution faster than about one step: at
  // k x step = 5 (1 1/s, 5 s) the undissolved alumina went negative within a minute, a run-time failure
  // (scripts/probe-bounds.py). Bound k x step by 1, half the method's stability limit of 2.
  const bool batch = c.integrator == IntegratorKind::kBatch;
  const double step_s = c.control.sample_period_s;
  if (batch && p.dissolution_rate_per_s * step_s > 1.0) {
    conflict_error(v, diagnostics, {"dynamics.dissolution_rate", "run.sample_period"},
                   fmt::format("the dissolution rate times the batch integrator's fixed step is {:.3g}, above 1: "
                               "faster than the step can follow (published rates 0.002–0.005 1/s, [Yao et al. 2017])",
                               p.dissolution_rate_per_s * step_s),
                   fmt::format("give dynamics.dissolution_rate at most {:.4g} 1/s or run.sample_period at most {:.4g} s",
                               1.0 / step_s, 1.0 / p.dissolution_rate_per_s));
  }
  // The undercooling freeze relaxes the bath with rate (bath + metal heat capacity) / (bath heat
  // capacity × τ), 2–3/τ on the catalogue cells: the same bound asks τ ≥ 3 × the step.
  if (batch && p.undercooling_time_s < 3.0 * step_s) {
    conflict_error(v, diagnostics, {"dynamics.undercooling_time", "run.sample_period"},
                   "the freeze of an undercooled bath relaxes faster than the batch integrator's fixed step can "
                   "follow (dynamics.undercooling_time must be at least 3 steps)",
                   fmt::format("give run.sample_period at most {:.4g} s or dynamics.undercooling_time at least {:.4g} s",
                               p.undercooling_time_s / 3.0, 3.0 * step_s));
  }
  // A setting of the other integrator changes nothing (T14-12: run.relative_tolerance = 1e-2 with the
  // default batch integrator gave every printed digit of 1e-8, and the title listed it as changed).
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
  if (w.superheat_min_K >= w.superheat_max_K) {
    conflict_error(v, diagnostics, {"window.superheat_max", "window.superheat_min"},
                   "the safe window's superheat minimum must be below its maximum", "lower the minimum or raise the maximum");
  }
  if (w.ledge_min_m >= w.ledge_max_m) {
    conflict_error(v, diagnostics, {"window.ledge_max", "window.ledge_min"},
                   "the safe window's ledge minimum must be below its maximum", "lower the minimum or raise the maximum");
  }
}

}  // namespace potline::line
