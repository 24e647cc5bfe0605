// `potline simulate` end to end: a line restarted through cells that froze during the outage (user
// trial 9, T9-2), the start-up of a cell cut in after its repair (potline.startup_*), and dated
// disturbances at or after the end of the run or cut by it (T9-6); docs/model/dynamics.md §6, §7.
#include <cmath>

#include "cli_helpers.hpp"
#include "potline/api/simulate_command.hpp"

namespace potline_cli_test {
namespace test_cli_outage_restart {
// outage-3h with a 6-h outage on 4 cells: three baths freeze at 29.42–29.70 h with the line off;
// the current returns at 30 h before the crew shorts them (1 h after each freeze).
TEST(CliOutageRestart, CellsFrozenInTheOutageCarryTheRestartCurrentAtTheirLastResistance) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("outage-3h.toml"), "-q", "--out", run.string(),
                          "--set", "potline.outage_duration=6 h", "--set", "potline.cells=4",
                          "--set", "potline.on_frozen_cell=cut_out", "--set", "run.duration=2 d"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err,
            "cell 3 cut out of the line (potline.on_frozen_cell = \"cut_out\") with the line off; "
            "the crew shorts it out at 30.42 h (potline.cut_out_delay): if the current returns "
            "before, the dead pot carries it at its last resistance under current (");
  expect_in(r.out, "0.000 V (line off); out of the line from 30.42 h");
  expect_in(r.out, "carried the line current for 0.42 h after the restart, dead, at ");
  const Json s = parse_json(read_file(run / "summary.json"));
  const Json& cut = s.at("cut_out_cells");
  ASSERT_EQ(cut.size(), 3u);
  for (const Json& c : cut) {
    EXPECT_TRUE(c.at("line_off").get<bool>());
    EXPECT_GT(c.at("held_voltage_V").get<double>(), 3.8);  // before T9-2: 0 V
    EXPECT_NEAR(c.at("held_voltage_V").get<double>(), c.at("reference_voltage_V").get<double>(),
                1e-9);
    EXPECT_NEAR(c.at("reference_current_kA").get<double>(), 400.0, 1e-3);
  }
  expect_all_finite(s);
  // No cell of the series at 0 V: the line voltage over the cells in the line stays a cell's.
  const auto rows = lines_of(read_file(run / "timeseries.csv"));
  const auto header = csv_cells(rows.at(0));
  const std::size_t t_col = column(header, "Time [h]"), v_col = column(header, "Line voltage [V]"),
                    n_col = column(header, "Cells in line [-]"),
                    i_col = column(header, "Line current [kA]"),
                    p_col = column(header, "Line power DC [MW]");
  int after_restart = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = csv_cells(rows[i]);
    const double t = std::stod(f.at(t_col)), I = std::stod(f.at(i_col)), V = std::stod(f.at(v_col));
    const int n = std::stoi(f.at(n_col));
    if (t <= 30.0 || t > 31.0 || I <= 0.0) continue;
    SCOPED_TRACE(t);
    EXPECT_GT(V / n, 3.5);  // before: 4.704 V with 2 cells in line at 30.5 h
    EXPECT_NEAR(std::stod(f.at(p_col)), V * I / 1000.0, 1e-3 * V * I / 1000.0);
    ++after_restart;
  }
  EXPECT_GE(after_restart, 6);
  // The events: each cell leaves the series with the voltage it carried.
  expect_in(read_file(run / "events.csv"), ",3,cell_cut_out,4.");
}

TEST(CliOutageRestart, PowerScheduleCutOutWarningSuggestsACurrentSchedule) {
  potline::line::CutOutCell c;
  c.cell = 3;
  c.message = "cell 3 at 29.42 h: bath frozen";
  c.reason = "bath_frozen";
  const std::string power = potline::api::cut_out_warning(c, 3, 4, true);
  expect_in(
      power,
      "the power schedule (potline.current_csv in MW) now drives 3 cell(s) with the line's power");
  expect_in(power, "a current schedule (kA) keeps the current");
  EXPECT_EQ(potline::api::cut_out_warning(c, 3, 4, false).find("power schedule"),
            std::string::npos);
  expect_in(
      power,
      "a plant lowers the set point when pots drop out (potline.power_basis = \"cells_in_line\")");
  // potline.power_basis = "cells_in_line": the set point follows the cells in the line.
  const std::string scaled = potline::api::cut_out_warning(c, 3, 4, true, true);
  expect_in(scaled,
            "the power set point follows the cells in the line (potline.power_basis = "
            "\"cells_in_line\"): 3 of 4 cell(s) once it is shorted, the current about as before");
  EXPECT_EQ(scaled.find("now drives"), std::string::npos);
}

// potline.restart_after_outage = "after_shorting" with a 0.5-h crew delay: the restart waits
// until the last dead pot is shorted at 30.20 h.
TEST(CliOutageRestart, TheRestartWaitsForTheCrewAndEveryOutputSaysSo) {
  TempDir dir;
  const auto run = dir.path() / "run";
  const auto r = potline({"simulate", example("outage-3h.toml"), "-q", "--out", run.string(),
                          "--set", "potline.outage_duration=6 h", "--set", "potline.cells=4",
                          "--set", "potline.cut_out_delay=0.5 h", "--set", "run.duration=2 d",
                          "--set", "potline.restart_after_outage=after_shorting"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.out, "the line's restart waited 0.2");  // 0.20 h (0.24 h, then 0.21 h with the feed cycle centred)
  expect_in(r.out,
            " h after the scheduled return of the current until the crew had shorted the dead "
            "pot(s) (potline.restart_after_outage = \"after_shorting\"; events.csv: restart_held)");
  EXPECT_EQ(r.out.find("carried the line current"), std::string::npos);
  const Json s = parse_json(read_file(run / "summary.json"));
  const double held_h = s.at("restart_held_hours").get<double>();
  EXPECT_NEAR(held_h, 0.22, 0.03);  // the last pot's freeze + 0.5 h − 30 h
  expect_in(read_file(run / "events.csv"), ",restart_held,0.");
  const auto bad = potline({"simulate", example("outage-3h.toml"), "--set",
                            "potline.restart_after_outage=wait"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "'potline.restart_after_outage': value 'wait' is not one of: on_schedule, after_shorting");
}

TEST(CliOutageRestart, PowerBasisIsAChoice) {
  const auto r =
      potline({"simulate", example("outage-3h.toml"), "--set", "potline.power_basis=cells"});
  EXPECT_EQ(r.exit_code, 2) << r.describe();
  expect_in(r.err,
            "'potline.power_basis': value 'cells' is not one of: line, cells_in_line (did you mean "
            "'cells_in_line'?)");
}

TEST(CliCutInStartup, RestartedCellsStartUpAtARaisedVoltage) {
  const auto r = potline({"simulate", example("potline-cut-in.toml"), "-q", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  expect_in(r.err,
            "; start-up: its target voltage raised 0.5 V, back to the line's by 129.5 h "
            "(potline.startup_voltage, startup_time)");
  const Json s = parse_json(r.out);
  EXPECT_GT(s.at("startup_energy_MWh").get<double>(), 3.0);
  const auto off = potline({"simulate", example("potline-cut-in.toml"), "-q", "--json", "--set",
                            "potline.startup_voltage=0"});
  ASSERT_EQ(off.exit_code, 0) << off.describe();
  EXPECT_EQ(off.err.find("start-up:"), std::string::npos);
  const Json o = parse_json(off.out);
  EXPECT_EQ(o.at("startup_energy_MWh").get<double>(), 0.0);
  EXPECT_GT(s.at("energy_MWh").get<double>(), o.at("energy_MWh").get<double>());
  const auto bad = potline(
      {"simulate", example("potline-cut-in.toml"), "-q", "--set", "potline.startup_voltage=-1 V"});
  EXPECT_EQ(bad.exit_code, 2) << bad.describe();
  expect_in(bad.err, "potline.startup_voltage");
}

// T9-6: a dated disturbance at or after the end of the run warns as the outage does; a window cut
// by the end of the run says so, and so does its "after" period.
TEST(CliDisturbanceDates, AFeedStopAfterTheRunWarnsAndAClippedWindowSaysSo) {
  const auto late = potline({"simulate", example("cell-stuck-feeder.toml"), "-q", "--set",
                             "disturbance.feed_stop_start=80 h"});
  ASSERT_EQ(late.exit_code, 0) << late.describe();
  expect_in(late.err,
            "'disturbance.feed_stop_start': 80 h is at or after the end of the run (run.duration = "
            "72 h): "
            "the feed stop never happens");
  const auto cut = potline({"simulate", example("cell-stuck-feeder.toml"), "-q", "--set",
                            "disturbance.feed_stop_start=60 h", "--set",
                            "disturbance.ae_clears_feed_stop=false"});
  ASSERT_EQ(cut.exit_code, 0) << cut.describe();
  expect_in(cut.out, "feed_stop 60.0–72.0 h (of 60–84 h: cut at the end of the run)");
  expect_in(cut.out, " in the 0 h after (the run ends)");
  const auto json = potline({"simulate", example("cell-stuck-feeder.toml"), "-q", "--json", "--set",
                             "disturbance.feed_stop_start=60 h", "--set",
                             "disturbance.ae_clears_feed_stop=false"});
  const Json w = parse_json(json.out).at("event_windows").at(0);
  EXPECT_TRUE(w.at("cut_at_run_end").get<bool>());
  EXPECT_DOUBLE_EQ(w.at("planned_end_h").get<double>(), 84.0);
  EXPECT_DOUBLE_EQ(w.at("after_h").get<double>(), 0.0);
  // The example as shipped: its window is not cut, its after period the full 24 h.
  const auto full = potline({"simulate", example("cell-stuck-feeder.toml"), "-q"});
  expect_in(full.out, "in the 24 h after\n");
  EXPECT_EQ(full.out.find("cut at the end of the run"), std::string::npos);
}

}  // namespace test_cli_outage_restart
}  // namespace potline_cli_test
