// Simulate case fields of cells leaving and rejoining the line and of per-cell disturbances
// (issue 11): potline.cut_in, potline.repair_time, potline.on_ledge_melt_out, and the anode
// problem and lost cover of disturbance.cells (docs/model/dynamics.md §6 and §7).
#include "potline/potline/simulate_case.hpp"

namespace potline::line {

void add_cut_in_and_upset_fields(io::SchemaTable<SimulationCase>& t) {
  t.choice("potline.power_basis", &SimulationCase::power_basis,
           {{"line", PowerBasis::kLine}, {"cells_in_line", PowerBasis::kCellsInLine}})
      .default_("line")
      .doc(
          "power schedules (potline.current_csv in MW): line takes the power as the whole line's, "
          "so when cells are cut out (shorted) the cells left share all of it and the current "
          "rises to meet it (up to potline.max_current); cells_in_line takes it as the power of "
          "all potline.cells and scales the set point by the cells in the series / "
          "potline.cells, as a plant lowers its set point when pots are cut out (the current then "
          "stays near its value; a dead cell not yet shorted still counts)")
      .source(
          "plant practice: a potline's power set point is lowered when pots are cut out, so "
          "that the pots left are not driven at a higher current (user trial 9, T9-2; no "
          "published rule read: an estimate of practice); the default keeps the schedule as "
          "the smelter's contract with the grid; docs/model/dynamics.md §6");
  t.choice("potline.restart_after_outage", &SimulationCase::restart_after_outage,
           {{"on_schedule", RestartPractice::kOnSchedule},
            {"after_shorting", RestartPractice::kAfterShorting}})
      .default_("on_schedule")
      .doc(
          "a cell that dies in an outage (potline.on_frozen_cell = \"cut_out\") and is not yet "
          "shorted when the current is due back (potline.cut_out_delay from its freeze): "
          "on_schedule re-energises the line as scheduled and the dead pot carries the current at "
          "its last resistance until the crew shorts it; after_shorting keeps the line off until "
          "the crew has shorted every dead pot in the series, so the outage lasts up to "
          "potline.cut_out_delay longer (summary restart_held_hours, event restart_held)")
      .source(
          "plant practice: dead pots are isolated by shorting their busbars with cut-out switches "
          "or bypass wedges ([El-Watch bypass wedges]), and a line is not re-energised through a "
          "pot nobody has bypassed (user trial 9, T9-2); which of the two a plant does, and how "
          "long the wedging takes, is not published in what was read (estimate); "
          "docs/model/dynamics.md §7");
  t.choice("potline.cut_in", &SimulationCase::cut_in,
           {{"never", CutInAction::kNever}, {"restart", CutInAction::kRestart}})
      .default_("never")
      .doc(
          "a cell cut out of the line (potline.on_frozen_cell, on_overheated_cell, "
          "on_ledge_melt_out = "
          "\"cut_out\"): never stays out to the end of the run; restart cuts it in again "
          "potline.repair_time after its shorting, restarted with liquid bath and metal poured and "
          "a hot lining (the physical states it started the run with; event cell_cut_in, summary "
          "cut_out_cells[].cut_in_h, cut_ins, cut_in_heat_MWh)")
      .source(
          "plant practice: cut-out pots are repaired and restarted into the running line "
          "([Maaden TMS 2025]: 304 cut-out pots recovered); docs/model/dynamics.md §7");
  t.number("potline.repair_time", &SimulationCase::repair_time_s)
      .unit("h", "s")
      .default_(72.0)
      .range(0.0, 8760.0)
      .doc(
          "potline.cut_in = \"restart\": time from a cell's shorting to its cut-in (dig-out or "
          "repair, bath and metal poured, restart)")
      .source(
          "estimate: a frozen or run-away pot is dug out and restarted with bath and metal "
          "from neighbouring pots in days; no published per-pot timing read ([Maaden TMS 2025] "
          "gives the number of pots recovered, not the time per pot)");
  t.number("potline.startup_voltage", &SimulationCase::startup_voltage_V)
      .unit("V")
      .default_(0.5)
      .range(0.0, 3.0)
      .doc(
          "potline.cut_in = \"restart\": start-up of a restarted pot: its controller's target "
          "voltage is raised by this at the cut-in, the raise falling linearly to zero over "
          "potline.startup_time (0: the pot runs at the line's target at once; summary "
          "startup_energy_MWh)")
      .source(
          "estimate: plants run a pot restarted after a repair at a raised voltage for days "
          "before its normal practice (a start-up raises the voltage in steps of 0.05–0.5 V and "
          "runs without anode effects for the first 5–30 days, [RU2116382 1998]); 0.5 V is the "
          "largest of those steps, on the scale of the model's post-outage reheat "
          "(control.reheat_voltage 0.3 V); docs/model/dynamics.md §7");
  t.number("potline.startup_time", &SimulationCase::startup_time_s)
      .unit("h", "s")
      .default_(72.0)
      .range(0.0, 8760.0)
      .doc(
          "potline.cut_in = \"restart\": the start-up period over which the raise of "
          "potline.startup_voltage falls linearly to zero (0: no start-up period)")
      .source(
          "estimate: days of early operation for a pot restarted hot into a running line (a new "
          "pot's early operation lasts weeks, [RU2116382 1998]: 5–30 days without anode effects); "
          "docs/model/dynamics.md §7");
  t.choice("potline.on_ledge_melt_out", &SimulationCase::on_ledge_melt_out,
           {{"warn", LedgeMeltOutAction::kWarn},
            {"cut_out", LedgeMeltOutAction::kCutOut},
            {"stop", LedgeMeltOutAction::kStop}})
      .default_("warn")
      .doc(
          "a cell whose side ledge melts out (down to the model's floor of 0.2 cm: the bath on the "
          "side lining, which the model represents as heat through the film, not the lining's "
          "erosion): warn logs the event ledge_melted_out and counts it (summary ledge_melt_outs) "
          "and the cell runs on; cut_out cuts it out of the line as potline.on_frozen_cell does "
          "(reason ledge_melted_out); stop ends the run there (exit 1)")
      .source(
          "plant practice: the frozen side ledge protects the side lining from bath and metal, "
          "and a pot without it is at risk of a side tap-out (no published threshold read: the "
          "model's floor is the guard; the ledge melts first near the metal–bath interface, "
          "[SINTEF sideledge]); docs/model/dynamics.md §7");
  auto u = t.part(&SimulationCase::upsets);
  t.number("disturbance.anode_problem_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none: no anode problem")
      .doc(
          "anode problem on the cells of disturbance.cells from this time: disturbance.anodes_out "
          "anodes carry no current (burnt off, fallen off the stub, disconnected) and the others "
          "carry the cell's current (event anode_problem)")
      .source("scenario input");
  u.number("disturbance.anode_problem_duration", &CellUpsets::anode_problem_duration_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("length of the anode problem (until the anode is replaced)")
      .source("scenario input");
  u.integer("disturbance.anodes_out", &CellUpsets::anodes_out)
      .default_(1)
      .range(1, 200)
      .doc(
          "anodes without current during the anode problem: the bath's ohmic drop (∂V/∂ACD × ACD "
          "at "
          "the state) rises by N/(N − n) for N anodes (design.anode_count); the resistance control "
          "sees it as a higher resistance")
      .source(
          "scenario input; the voltage from the bath drop ∝ 1/anode area [Haupin 1998], the "
          "current spread evenly over the anodes left (estimate: the neighbours of a missing "
          "anode take more)");
  t.number("disturbance.cover_loss_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .default_note("none: no cover loss")
      .doc(
          "anode cover lost (collapsed or not re-covered after anode setting) on the cells of "
          "disturbance.cells from this time: more heat leaves through the top (event cover_loss)")
      .source("scenario input");
  u.number("disturbance.cover_loss_duration", &CellUpsets::cover_loss_duration_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("time until the cover is restored")
      .source("scenario input");
  u.number("disturbance.cover_loss_factor", &CellUpsets::cover_loss_factor)
      .unit("1")
      .default_(1.5)
      .range(1.0, 5.0)
      .doc(
          "the top node's heat loss to the potroom (its conductance) × this while the cover is "
          "lost")
      .source(
          "estimate: cover and duct practice moves the top heat loss by ≈ 30 %: test pots "
          "brought it from about 1 V to below 0.7 V equivalent with a better cover and less duct "
          "flow ([Wang et al. 2019], abstract), i.e. × 1.4 the other way; a lost cover, the "
          "reverse, taken as × 1.5");
}

}  // namespace potline::line
