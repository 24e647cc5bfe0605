// The simulate case schema: every field simulate adds to the cell schema ([run], [dynamics],
// [control], [disturbance], [potline], [pfc], [window]), declared once with the member of
// SimulationCase it binds, its unit, default, range and source. A declarative table; [dynamics]
// and the [control] loops are in simulate_schema_dynamics.cpp and simulate_schema_control_loops.cpp.
#include <string>

#include "potline/cell/cell_schema.hpp"
#include "potline/potline/purity_track_case.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
using control::ControllerSettings;
using Table = io::SchemaTable<SimulationCase>;

// [run]: how long, which seed, how often the controller samples and the outputs are written
void add_run_span_and_output_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  t.number("run.duration", &SimulationCase::duration_s)
      .unit("d", "s")
      .default_(7.0)
      .range(0.0, 3660.0)
      .exclusive_min()
      .doc("simulated time")
      .source("user choice");
  t.integer("run.seed", &SimulationCase::seed)
      .default_(1)
      .range(0, 4294967295.0)
      .doc("seed of every random stream of the run (noise, quench durations, spread)")
      .source("user choice");
  ctl.number("run.sample_period", &ControllerSettings::sample_period_s)
      .unit("s")
      .default_(5.0)
      .range(0.5, 60.0)
      .doc("controller sample period = integration step of the batch integrator")
      .source("[Dupuis 2011]: 5 s samples; 'sample every ~6 s' as commonly quoted");
  t.number("run.output_interval", &SimulationCase::output_interval_s)
      .unit("min", "s")
      .default_(60.0)
      .range(0.0, 1e6)
      .exclusive_min()
      .doc("time-series row interval (instantaneous values at each row time)")
      .source("user choice");
  t.choice("run.events", &SimulationCase::events,
           {{"all", EventDetail::kAll},
            {"control", EventDetail::kControl},
            {"none", EventDetail::kNone}})
      .default_("control")
      .doc(
          "events.csv detail: all (every feed shot too), control (mode changes, beam moves, AEs, "
          "taps, anode changes, samples), none")
      .source("user choice");
}

// [run]: the integrator, its accuracy settings and the threads
void add_integrator_fields(Table& t) {
  auto batch = t.part(&SimulationCase::batch);
  t.choice("run.integrator", &SimulationCase::integrator,
           {{"batch", IntegratorKind::kBatch}, {"cvode", IntegratorKind::kCvode}})
      .default_("batch")
      .doc(
          "batch: fixed-step Heun over blocks of cells (fast); cvode: SUNDIALS CVODE per cell "
          "(reference)")
      .source("docs/model/dynamics.md");
  batch.number("run.voltage_refresh", &dynamics::BatchOptions::refresh_interval_s)
      .unit("s")
      .default_(60.0)
      .range(0.0, 3600.0)
      .exclusive_min()
      .doc(
          "batch integrator: longest time between two cell::evaluate calls for a cell (also "
          "refreshed after every current or anode-effect change, when alumina drifts by 0.05 wt% "
          "or the bath temperature by 0.25 K, and at every step of an anode effect)")
      .source("tests/unit/test_dynamics_integrators.cpp measures the error");
  t.number("run.relative_tolerance", &SimulationCase::cvode_relative_tolerance)
      .unit("1")
      .default_(1e-6)
      .range(1e-12, 1e-2)
      .exclusive_min()
      .doc("CVODE relative tolerance")
      .source("user choice");
  t.integer("run.threads", &SimulationCase::threads)
      .default_(1)
      .range(1, 256)
      .doc("worker threads (results do not depend on it)")
      .source("user choice");
}

// [run]: a run without the pot controller (open-loop tests)
void add_open_loop_fields(Table& t) {
  t.boolean("run.controller", &SimulationCase::controller_enabled)
      .default_(true)
      .doc("false: no controller and no events; alumina fed continuously (open-loop tests)")
      .source("user choice");
  t.number("run.open_loop_feed", &SimulationCase::open_loop_feed_factor)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .doc(
          "without controller: continuous feed as a multiple of the initial Faraday alumina demand")
      .source("user choice");
}

// [disturbance]: when the feeders stop, for how long, and how often.
void add_feed_stop_schedule_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  t.number("disturbance.feed_stop_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none: no feed stop (needed only with disturbance.feed_stop_duration)")
      .doc("feeders stop (stuck or switched off) from this time")
      .source("scenario input");
  ctl.number("disturbance.feed_stop_duration", &ControllerSettings::feed_stop_duration_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("length of each feed stop")
      .source("scenario input");
  ctl.number("disturbance.feed_stop_period", &ControllerSettings::feed_stop_period_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("repeat period of feed stops (0: once)")
      .source("scenario input");
  t.text("disturbance.cells")
      .doc(
          "cells the feed stop applies to, numbered from 0 as in the outputs: a list and ranges, "
          "e.g. '4, 17' "
          "or '10-19, 25'; empty: every cell (a single cell's stuck feeder: disturbance.cells = "
          "'4' with "
          "disturbance.feed_stop_feeder)")
      .source("scenario input");
}

// [potline]: the cells in series and what drives their current (steps, a CSV, the rectifier limit
// and power regulation, an outage).
void add_line_current_fields(Table& t) {
  t.integer("potline.cells", &SimulationCase::cells)
      .default_(1)
      .range(1, 2000)
      .doc("cells in series")
      .source("user choice");
  t.text("potline.current_steps")
      .doc(
          "line-current steps 'TIME FACTOR; ...' relative to operation.line_current, e.g. '48 h "
          "0.75; 120 h 1.0'")
      .source("scenario input");
  t.text("potline.current_csv")
      .path()
      .doc(
          "CSV 'time [h],current [kA]' or 'time [h],power [MW]' (DC line power), constant step, "
          "each row applies until the next (relative to the case file)")
      .source("scenario input");
  t.number("potline.max_current")
      .unit("kA", "A")
      .range(0.0, 2000.0)
      .exclusive_min()
      .default_note("1.25 × operation.line_current, at most 2,000 kA")
      .doc(
          "rectifier current limit: scheduled currents above it are input errors, a regulated "
          "(power) current is held to it; default 1.25 × operation.line_current, at most 2,000 kA")
      .source(
          "estimate: +25 % is the largest sustained amperage increase in published "
          "power-modulation practice (TRIMET Essen, ±25 %, [TRIMET 2019]); 2,000 kA is the "
          "operation.line_current input limit");
  t.number("potline.power_control_period", &SimulationCase::power_control_period_s)
      .unit("s")
      .default_(60.0)
      .range(1.0, 3600.0)
      .exclusive_min()
      .doc("power schedules: the rectifier re-sets the line current to meet the power this often")
      .source(
          "estimate: rectifiers regulate within seconds, so a period of a minute tracks a power "
          "schedule given in minutes or hours; user choice");
  t.number("potline.outage_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none: no outage (needed only with potline.outage_duration)")
      .doc("power outage: current to zero from this time")
      .source("scenario input");
  t.number("potline.outage_duration")
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e4)
      .doc("power outage length")
      .source("scenario input; [Dupuis et al. 2007]: 3 h");
  t.choice("potline.on_frozen_cell", &SimulationCase::on_frozen_cell,
           {{"cut_out", FrozenCellAction::kCutOut}, {"stop", FrozenCellAction::kStop}})
      .default_("cut_out")
      .doc("a cell whose bath freezes (dynamics.frozen_bath_fraction) or whose bath or metal pad falls "
           "below 660.3 °C: cut_out shorts it out of the line, which runs on at its current with the "
           "other cells (summary cut_out_cells; exit 1 when every cell is cut out); stop ends the run "
           "there (exit 1)")
      .source("plant practice: a dead or frozen pot is isolated by short-circuiting its busbars with "
              "cut-out switches or bypass wedges and the potline runs on ([El-Watch bypass wedges]; "
              "304 cut-out pots recovered at Ma'aden, [Maaden TMS 2025]); docs/model/dynamics.md §7");
  t.choice("potline.on_overheated_cell", &SimulationCase::on_overheated_cell,
           {{"cut_out", FrozenCellAction::kCutOut}, {"stop", FrozenCellAction::kStop}})
      .default_("cut_out")
      .doc(
          "a cell whose bath, metal pad or a lining node rises above 1100 °C (the model's upper "
          "guard): "
          "cut_out shorts it out of the line as potline.on_frozen_cell does (summary "
          "cut_out_cells, reason "
          "bath_overheated, metal_overheated or node_overheated); stop ends the run there (exit 1)")
      .source(
          "plant practice: a pot that runs away hot (side walls and lining exposed, risk of a "
          "tap-out) is "
          "cut out with the same switches or wedges ([El-Watch bypass wedges]); 1100 °C is the "
          "model's "
          "guard, not a plant alarm (docs/model/dynamics.md §7)");
  t.number("potline.cut_out_delay", &SimulationCase::cut_out_delay_s)
      .unit("h", "s")
      .default_(1.0)
      .range(0.0, 240.0)
      .doc(
          "time from a cell's guard (frozen or overheated) to its shorting by the crew: the dead "
          "cell stays in "
          "the series meanwhile, its state and voltage held as they were at the guard (its voltage "
          "in the "
          "line voltage and energy); 0: shorted at once")
      .source(
          "estimate: a crew needs of the order of an hour to reach the pot, set the cut-out "
          "switches or "
          "bypass wedges and close them ([El-Watch bypass wedges]); no published timing read");
}

// [potline]: the cell-to-cell spread, and the block of cells integrated together.
void add_cell_spread_fields(Table& t) {
  auto spread = t.part(&SimulationCase::spread);
  spread.number("potline.spread_acd", &Spread::acd)
      .unit("%", "1")
      .default_(3.0)
      .range(0.0, 50.0)
      .doc("cell-to-cell sd of the initial ACD")
      .source(
          "estimate: 1σ of the initial ACD between cells; no published pot-to-pot distribution "
          "read (docs/model/dynamics.md §9)");
  spread.number("potline.spread_heat_loss", &Spread::heat_loss)
      .unit("%", "1")
      .default_(3.0)
      .range(0.0, 50.0)
      .doc("cell-to-cell sd of the thermal resistances")
      .source(
          "estimate: 1σ of the cell-to-cell scatter of the thermal resistances (insulation, lining "
          "wear); no published pot-to-pot distribution read (docs/model/dynamics.md §9)");
  spread.number("potline.spread_dissolution", &Spread::dissolution)
      .unit("%", "1")
      .default_(10.0)
      .range(0.0, 100.0)
      .doc("cell-to-cell sd of the dissolution rate")
      .source(
          "estimate: 1σ between cells; the published 0.002–0.005 1/s of [Yao et al. 2017] spans "
          "−33 % to +67 % of the default rate; no published pot-to-pot scatter");
  t.integer("potline.block_size", &SimulationCase::block_size)
      .default_(16)
      .range(1, 4096)
      .doc("cells per integration block: a performance setting (results depend neither on it nor on the thread count)")
      .source("performance setting");
}

// [pfc] and [window]
void add_pfc_and_window_fields(Table& t) {
  auto window = t.part(&SimulationCase::window);
  // pfc.coefficients, .technology and .gwp are resolved against the PFC/GWP table of
  // data/emissions/ (former set spellings mapped with a warning), not bound.
  // Defaults as potline smelter's (user trial T12-1; simulate_pfc.cpp).
  t.choice("pfc.coefficients", pfc_set_choices())
      .default_note("IPCC2019 where it has the class (every class but CWPB), else IPCC2006: as potline smelter")
      .doc(
          "PFC coefficient set of data/emissions/ipcc-aluminium.toml (ipcc2006, ipcc2019: former "
          "spellings, deprecated)")
      .source("[IPCC 2006 Vol3 Ch4] Table 4.16; [IPCC 2019 Refinement]");
  t.choice("pfc.technology", plant::technology_class_names())
      .default_note("the class of case.technology (AP40: PFPB_modern), CWPB without one: as potline smelter")
      .doc(
          "technology class for the coefficients (ipcc2006: CWPB/SWPB/VSS/HSS; ipcc2019: "
          "PFPB_legacy/PFPB_modern/SWPB/VSS/HSS)")
      .source("[IPCC 2006 Vol3 Ch4]; [IPCC 2019 Refinement]");
  t.choice("pfc.method", &SimulationCase::pfc_method,
           {{"slope", PfcMethod::kSlope}, {"overvoltage", PfcMethod::kOvervoltage}})
      .default_("slope")
      .doc("IPCC Tier 2/3 method for CF4 from anode effects")
      .source("[IPCC 2006 Vol3 Ch4] eq. 4.26/4.27");
  t.choice("pfc.gwp", plant::gwp_set_names())
      .default_("AR5")
      .doc("GWP-100 set for CO2e")
      .source("[IPCC AR4 2007], [IPCC AR5 2013], [IPCC AR6 2021]; SAR: [IPCC SAR 1995]");
  t.number("pfc.low_voltage_cf4", &SimulationCase::low_voltage_cf4_kg_per_kg)
      .unit("kg/t", "kg/kg")
      .default_(0.0)
      .range(0.0, 1.0)
      .doc("optional low-voltage (non-AE) CF4 per t Al")
      .source("[Wong et al. 2019]; [Dion et al. 2016]");
  window.number("window.superheat_min", &SafeWindow::superheat_min_K)
      .unit("K")
      .default_(5.0)
      .range(0.0, 100.0)
      .doc("safe window: minimum superheat")
      .source("[Shen et al. 500 kA model]");
  window.number("window.superheat_max", &SafeWindow::superheat_max_K)
      .unit("K")
      .default_(15.0)
      .range(0.0, 100.0)
      .doc("safe window: maximum superheat")
      .source("[Shen et al. 500 kA model]");
  window.number("window.ledge_min", &SafeWindow::ledge_min_m)
      .unit("cm", "m")
      .default_(5.0)
      .range(0.0, 100.0)
      .doc("safe window: minimum ledge")
      .source("[Shen et al. 500 kA model]");
  window.number("window.ledge_max", &SafeWindow::ledge_max_m)
      .unit("cm", "m")
      .default_(10.0)
      .range(0.0, 100.0)
      .doc("safe window: maximum ledge")
      .source("[Shen et al. 500 kA model]");
}

}  // namespace

// [dynamics]: simulate_schema_dynamics.cpp.
void add_dynamics_fields(io::SchemaTable<SimulationCase>& t);
// [control] loops: simulate_schema_control_loops.cpp.
void add_control_fields(io::SchemaTable<SimulationCase>& t);
// Feeder zones and faults, one-feeder stops, reheat, AE heat split, ledge flow, window
// averaging: simulate_schema_feeders.cpp.
void add_feeder_fields(io::SchemaTable<SimulationCase>& t);
// Shell heat exchangers: simulate_schema_exchangers.cpp.
void add_exchanger_fields(io::SchemaTable<SimulationCase>& t);
// Control practice around disturbances and the window's ledge reference: simulate_schema_control.cpp.
void add_control_practice_fields(io::SchemaTable<SimulationCase>& t);
// Process faults beyond the feeders: simulate_schema_faults.cpp.
void add_fault_fields(io::SchemaTable<SimulationCase>& t);
// Cut-in after repair, ledge melt-out and per-cell disturbances: simulate_schema_cut_in.cpp.
void add_cut_in_and_upset_fields(io::SchemaTable<SimulationCase>& t);

const io::SchemaTable<SimulationCase>& simulate_table() {
  static const Table table = [] {
    Table t("simulate-dynamics");
    add_run_span_and_output_fields(t);
    add_integrator_fields(t);
    add_open_loop_fields(t);
    add_dynamics_fields(t);
    add_control_fields(t);
    add_feed_stop_schedule_fields(t);
    add_line_current_fields(t);
    add_cell_spread_fields(t);
    add_pfc_and_window_fields(t);
    add_feeder_fields(t);
    add_exchanger_fields(t);
    add_control_practice_fields(t);
    add_fault_fields(t);
    add_cut_in_and_upset_fields(t);
    add_purity_track_fields(t);  // grade over time (purity_track_case.cpp, issue 14)
    return t;
  }();
  return table;
}

const io::Schema& dynamics_schema() {
  static const io::Schema schema = simulate_table().schema();
  return schema;
}

const io::Schema& simulate_schema() {
  static const io::Schema schema = [] {
    std::vector<io::FieldSpec> fields = cell::cell_schema().fields();
    for (const auto& f : dynamics_schema().fields()) fields.push_back(f);
    return io::Schema("simulate", fields);
  }();
  return schema;
}

}  // namespace potline::line
