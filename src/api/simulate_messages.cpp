// The warnings and notes of a simulate run (user trial T14-7): the lines the CLI prints on stderr
// (cells cut out of the line and cut in again, the bath outside the liquidus correlation, the
// rectifier limit, the ACD limits, the heat-balance loop at its limit, the Dewing CE's direction),
// kept in summary.json "warnings" and "notes" and in the Python result, as cell, smelter, invest and
// emissions keep theirs.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/api/simulate_command.hpp"
#include "potline/control/pot_controller.hpp"

namespace potline::api {
namespace {

// The cut-outs and cut-ins in the order the simulation reported them (line::Simulation's
// report_cut_outs: by time, then cell, a cut-out before a cut-in), with the cells left in the line
// after each, as the observer's on_cell_cut_out / on_cell_cut_in received them.
void add_line_changes(const line::SimulationCase& c, const line::Summary& s, SimulationMessages& m) {
  struct Change {
    double time_s;
    const line::CutOutCell* cell;
    bool cut_in;
  };
  std::vector<Change> changes;
  for (const line::CutOutCell& x : s.cut_out) {
    changes.push_back({x.time_s, &x, false});
    if (x.cut_in_s >= 0.0) changes.push_back({x.cut_in_s, &x, true});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    if (a.time_s != b.time_s) return a.time_s < b.time_s;
    return a.cell->cell != b.cell->cell ? a.cell->cell < b.cell->cell : a.cut_in < b.cut_in;
  });
  int in_line = c.cells;
  for (const Change& x : changes) {
    if (x.cut_in) {
      ++in_line;
      m.notes.push_back(cut_in_warning(*x.cell, in_line, c.cells, c.startup_voltage_V, c.startup_time_s));
    } else {
      --in_line;
      m.warnings.push_back(cut_out_warning(*x.cell, in_line, c.cells, c.schedule.is_power(),
                                           c.power_basis == line::PowerBasis::kCellsInLine));
    }
  }
}

// As a warning (a cell also left its safe window) or a note (every cell stayed in it: the limits
// held the resistance control, and nothing the engineer must act on followed;
// cell-modulation's 16.8 h at the 8 cm ceiling with no cell out of its window, D30).
std::string acd_limits_message(const line::SimulationCase& c, const line::Summary& s) {
  control::ControllerSettings limits = c.control;
  limits.bath_height_m = c.dynamics.bath_height_m;
  const double ceiling = control::acd_ceiling_m(limits);
  return fmt::format(
      "the ACD limits held the resistance control in {} of {} cells: {:.3g} cell-h at the ceiling "
      "{} cm "
      "(control.acd_max; dynamics.bath_height - control.min_anode_immersion), {:.3g} cell-h at the "
      "floor {:.3g} cm "
      "(control.acd_min); ACD {:.3g}–{:.3g} cm, {:.3g} cell-h below the floor (the metal pad "
      "rising between beam "
      "decisions): the case asks for more ACD travel than the cells can give{} (summary.json: acd)",
      s.cells_at_acd_limit, s.cells, s.acd_at_max_cell_hours,
      std::isfinite(ceiling) ? fmt::format("{:.3g}", 100 * ceiling) : std::string("(none)"),
      s.acd_at_min_cell_hours, 100 * control::acd_floor_m(limits), 100 * s.min_acd_m,
      100 * s.max_acd_m, s.acd_below_min_cell_hours,
      s.cells_out_of_window > 0 ? "" : ", and every cell stayed in its safe window");
}

}  // namespace

std::string heat_balance_loop_warning(const line::SimulationCase& c, int cells_out, int cells, double longest_h,
                                      double cell_hours) {
  if (cells_out <= 0) return {};  // T14-4
  return fmt::format(
      "{} of {} cells were out of their safe window for a day or more with the heat-balance loop's offset at its "
      "limit control.temperature_max_offset = {:.3g} mV (longest {:.3g} h, {:.3g} cell-h in all): the loop cannot "
      "bring them back (a lasting current change beyond what the heat feed-forward and its limits cover, "
      "control.heat_feedforward*, or a cell whose heat balance differs from the design by more than the limit "
      "covers; summary.json: heat_balance_loop)",
      cells_out, cells, 1e3 * c.control.temperature_max_offset_V, longest_h, cell_hours);
}

std::string heat_balance_loop_text(const line::SimulationCase& c, const line::Summary& s) {
  if (!(s.loop_at_limit_cell_hours > 0) && !(s.hot_cell_hours > 0)) return {};
  const control::ControllerSettings& k = c.control;
  std::string text = fmt::format("heat-balance loop: at its limit control.temperature_max_offset = {:.3g} mV {:.1f} cell-h "
                                 "(one cell at most {:.1f} h), {:.1f} cell-h of it out of the safe window",
                                 1e3 * k.temperature_max_offset_V, s.loop_at_limit_cell_hours,
                                 s.loop_at_limit_max_cell_hours, s.loop_limit_out_of_window_cell_hours);
  if (s.hot_cell_hours > 0) {
    const std::string rule =
        k.hot_bath_full_cut ? "the heat feed-forward's cut bounded by the ACD floor only (control.hot_bath_full_cut)"
                            : "the heat feed-forward's cut within control.heat_feedforward_max_cut "
                              "(control.hot_bath_full_cut = false)";
    text += fmt::format("; pot marked hot (a bath reading control.hot_bath_margin = {:.3g} K above the loop's target) "
                        "{:.1f} cell-h: {}{}",
                        k.hot_bath_margin_K, s.hot_cell_hours, rule,
                        k.hot_bath_no_raise ? ", no anode raise (control.hot_bath_no_raise)" : "");
  }
  return text + " (summary.json: heat_balance_loop)";
}

SimulationMessages simulation_end_messages(const line::SimulationCase& c, const line::Summary& s) {
  SimulationMessages m;
  // Results that doubt no input are notes (docs/cli.md, "Error messages"; T17-12): the liquidus
  // correlation extrapolated where the run took the bath, and ACD limits that cost no cell its
  // window.
  if (std::string n = liquidus_range_note(s); !n.empty()) m.notes.push_back(std::move(n));
  if (s.current_limit_hours > 0) {
    m.warnings.push_back(fmt::format(
        "the rectifier limit potline.max_current = {:.6g} kA held the line current below what the power schedule "
        "asked for during {:.3g} h: the power was not met there (events.csv: current_limit)",
        c.schedule.max_A() / 1e3, s.current_limit_hours));
  }
  if (s.acd_at_max_cell_hours + s.acd_at_min_cell_hours + s.acd_below_min_cell_hours > 0) {
    (s.cells_out_of_window > 0 ? m.warnings : m.notes).push_back(acd_limits_message(c, s));
  }
  if (std::string w = heat_balance_loop_warning(c, s.cells_loop_limit_out_of_window_a_day, s.cells,
                                                s.loop_limit_out_of_window_max_h,
                                                s.loop_limit_out_of_window_cell_hours);
      !w.empty()) {
    m.warnings.push_back(std::move(w));
  }
  // T8-9: the Dewing CE away from the current it was calibrated at
  if (auto note = line::ce_current_note(c, s.mean_line_current_A, s.mean_line_current_A, "mean line current")) {
    m.notes.push_back(*note);
  }
  return m;
}

SimulationMessages stopped_run_messages(const line::SimulationCase& c,
                                        const line::SimulationStopped& e) {
  line::Summary s;  // the run up to the stop, in the fields the messages read
  s.cells = c.cells;
  s.cut_out = e.loop.cut_out;
  s.cells_outside_liquidus_range = e.loop.cells_outside_liquidus_range;
  s.liquidus_range_cell_hours = e.loop.liquidus_range_cell_hours;
  s.liquidus_range_max_cell_hours = e.loop.liquidus_range_max_cell_hours;
  s.liquidus_range_max_alf3_wt = e.loop.liquidus_range_max_alf3_wt;
  s.liquidus_range_min_temperature_K = e.loop.liquidus_range_min_temperature_K;
  SimulationMessages m;
  add_line_changes(c, s, m);
  if (std::string w = heat_balance_loop_warning(c, e.loop.cells_out_of_window_at_limit_a_day,
                                                c.cells, e.loop.out_of_window_at_limit_max_h,
                                                e.loop.out_of_window_at_limit_cell_hours);
      !w.empty()) {
    m.warnings.push_back(std::move(w));
  }
  if (std::string n = liquidus_range_note(s); !n.empty()) m.notes.push_back(std::move(n));
  return m;
}

SimulationMessages simulation_messages(const line::SimulationCase& c, const line::Summary& s) {
  SimulationMessages m;
  add_line_changes(c, s, m);
  SimulationMessages end = simulation_end_messages(c, s);
  m.warnings.insert(m.warnings.end(), end.warnings.begin(), end.warnings.end());
  m.notes.insert(m.notes.end(), end.notes.begin(), end.notes.end());
  return m;
}

}  // namespace potline::api
