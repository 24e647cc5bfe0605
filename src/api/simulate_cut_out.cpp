// Cells cut out of the line (potline.on_frozen_cell, on_overheated_cell, on_ledge_melt_out =
// "cut_out"; docs/model/dynamics.md §7) and cut in again after their repair (potline.cut_in): the
// summary key cut_out_cells, the run folder's cut_out_cells.csv and the warning line of each.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "potline/api/simulate_command.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/csv.hpp"

namespace potline::api {
namespace {
std::string num(double v) {
  if (!std::isfinite(v)) throw core::RunError("a non-finite value reached an output file");
  return fmt::format("{:.10g}", v);
}
// After a cut-out: "the line runs on with 5 of 6 cell(s)", or, when it was the last, that none is
// left.
std::string cells_left(int cells_in_line, int cells) {
  if (cells_in_line <= 0) return "no cell is left in the line";
  return fmt::format("the line runs on with {} of {} cell(s)", cells_in_line, cells);
}
}  // namespace

io::Json cut_out_cells_json(const std::vector<line::CutOutCell>& cells) {
  io::Json out = io::Json::array();
  for (const line::CutOutCell& c : cells) {
    io::Json j;
    j["cell"] = c.cell;
    j["time_h"] = c.time_s / 3600.0;
    j["shorted_h"] = c.shorted_s / 3600.0;
    j["reason"] = c.reason;
    j["bath_temperature_degC"] = c.bath_temperature_K - 273.15;
    j["metal_temperature_degC"] = c.metal_temperature_K - 273.15;
    j["superheat_K"] = c.superheat_K;
    j["liquid_bath_kg"] = c.liquid_bath_kg;
    j["liquid_bath_percent"] = 100.0 * c.liquid_bath_fraction;
    j["ledge_cm"] = 100.0 * c.ledge_m;
    j["alf3_excess_wt"] = c.alf3_excess_wt;
    j["voltage_V"] = c.voltage_V;
    j["line_off"] = c.line_off;
    j["reference_voltage_V"] = c.reference_voltage_V;
    j["reference_current_kA"] = c.reference_current_A / 1000.0;
    j["reference_time_h"] = c.reference_time_s / 3600.0;
    j["held_current_h"] = c.held_current_s / 3600.0;
    j["held_voltage_V"] = c.held_voltage_V;
    j["cut_in_h"] = c.cut_in_s >= 0.0 ? io::Json(c.cut_in_s / 3600.0) : io::Json(nullptr);
    j["cut_in_voltage_V"] = c.cut_in_s >= 0.0 ? io::Json(c.cut_in_voltage_V) : io::Json(nullptr);
    j["message"] = c.message;
    out.push_back(j);
  }
  return out;
}

std::string cut_out_cells_csv(const std::vector<line::CutOutCell>& cells) {
  std::string csv =
      "Cell [-],Time [h],Shorted out [h],Reason,Bath temperature [degC],"
      "Metal temperature [degC],Superheat [K],Liquid bath [kg],"
      "Liquid bath [% of initial],Ledge [cm],Excess AlF3 [wt%],Cell voltage [V],Cut in [h],"
      "Line off [-],Held under current [h],Held voltage [V]\n";
  for (const line::CutOutCell& c : cells) {
    csv += io::csv_row(
        {std::to_string(c.cell), num(c.time_s / 3600.0), num(c.shorted_s / 3600.0), c.reason,
         num(c.bath_temperature_K - 273.15), num(c.metal_temperature_K - 273.15),
         num(c.superheat_K), num(c.liquid_bath_kg), num(100.0 * c.liquid_bath_fraction),
         num(100.0 * c.ledge_m), num(c.alf3_excess_wt), num(c.voltage_V),
         c.cut_in_s >= 0.0 ? num(c.cut_in_s / 3600.0) : std::string(), c.line_off ? "1" : "0",
         num(c.held_current_s / 3600.0), num(c.held_voltage_V)});
  }
  return csv;
}

std::string cut_out_warning(const line::CutOutCell& c, int cells_in_line, int cells,
                            bool power_schedule, bool power_scaled) {
  const char* key = line::cut_out_key(c);
  // A power schedule drives the cells left at the whole line's power (T9-2) unless its set point
  // follows the cells in the line (potline.power_basis = "cells_in_line"), as a plant lowers it.
  const std::string power =
      power_schedule && cells_in_line > 0 && power_scaled
          ? fmt::format(
                "; the power set point follows the cells in the line (potline.power_basis = "
                "\"cells_in_line\"): {} of {} cell(s) once it is shorted, the current about as "
                "before",
                cells_in_line, cells)
      : power_schedule && cells_in_line > 0
          ? fmt::format(
                "; the power schedule (potline.current_csv in MW) now drives {} cell(s) with the "
                "line's power, so the current rises to meet it (up to potline.max_current): a "
                "plant "
                "lowers the set point when pots drop out (potline.power_basis = "
                "\"cells_in_line\"); a current schedule (kA) keeps the current",
                cells_in_line)
          : std::string();
  if (c.shorted_s <= c.time_s) {
    return fmt::format(
        "{}: cell {} cut out of the line (potline.{} = \"cut_out\"; its {:.3f} V leave the line "
        "voltage): {}{}",
        c.message, c.cell, key, c.voltage_V, cells_left(cells_in_line, cells), power);
  }
  if (c.line_off) {  // tripped in an outage: no voltage now, a resistance when the current returns
    return fmt::format(
        "{}: cell {} cut out of the line (potline.{} = \"cut_out\") with the line off; the crew "
        "shorts it out at {:.4g} h (potline.cut_out_delay): if the current returns before, the "
        "dead "
        "pot carries it at its last resistance under current ({:.3f} V at {:.1f} kA at {:.4g} h; a "
        "lower bound for a frozen pot, whose resistance is higher), counted in the line voltage "
        "and "
        "energy: {}{}",
        c.message, c.cell, key, c.shorted_s / 3600.0, c.reference_voltage_V,
        c.reference_current_A / 1000.0, c.reference_time_s / 3600.0,
        cells_left(cells_in_line, cells), power);
  }
  return fmt::format(
      "{}: cell {} cut out of the line (potline.{} = \"cut_out\"; its {:.3f} V stay in the line "
      "voltage until the crew shorts it out at {:.4g} h, potline.cut_out_delay): {}{}",
      c.message, c.cell, key, c.voltage_V, c.shorted_s / 3600.0, cells_left(cells_in_line, cells),
      power);
}

std::string cut_in_warning(const line::CutOutCell& c, int cells_in_line, int cells,
                           double startup_voltage_V, double startup_time_s) {
  const std::string startup =
      startup_voltage_V > 0.0 && startup_time_s > 0.0
          ? fmt::format(
                "; start-up: its target voltage raised {:.3g} V, back to the line's by {:.4g} h "
                "(potline.startup_voltage, startup_time)",
                startup_voltage_V, (c.cut_in_s + startup_time_s) / 3600.0)
          : std::string();
  return fmt::format(
      "cell {} cut in again at {:.4g} h after its repair (potline.cut_in = \"restart\", "
      "repair_time "
      "{:.4g} h from its shorting at {:.4g} h): restarted with bath and metal poured, {:.3f} V "
      "join the "
      "line voltage{}; the line runs with {} of {} cell(s)",
      c.cell, c.cut_in_s / 3600.0, (c.cut_in_s - c.shorted_s) / 3600.0, c.shorted_s / 3600.0,
      c.cut_in_voltage_V, startup, cells_in_line, cells);
}

}  // namespace potline::api
