// Cells back in the line after a repair (potline.cut_in), the ledge melt-out guard
// (potline.on_ledge_melt_out) and the per-cell disturbances of disturbance.cells (anode problem,
// lost cover); docs/model/dynamics.md §6 and §7. examples/potline-cut-in.toml: the cut-out case
// (cell 4 freezes at 32.54 h, shorted at 33.54 h) with the current back at 36 h and a 24 h repair:
// cell 4 is restarted at 57.54 h. The checks are of the mechanism and its bookkeeping (who is
// counted, when, and that every balance closes with what the restart poured in), not of a
// published number.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "potline/dynamics/cell_model.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_cut_in {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {

struct LineRun : potline::testing_dyn::Recorder {
  std::vector<line::CutOutCell> cut, back;
  std::vector<int> in_line_after_cut, in_line_after_back;
  void on_cell_cut_out(const line::CutOutCell& c, int cells_in_line) override {
    cut.push_back(c);
    in_line_after_cut.push_back(cells_in_line);
  }
  void on_cell_cut_in(const line::CutOutCell& c, int cells_in_line) override {
    back.push_back(c);
    in_line_after_back.push_back(cells_in_line);
  }
  line::Summary summary;
};

LineRun run_example(const char* example, const std::vector<std::string>& sets = {},
                    int threads = 1) {
  auto c = make_case(read_example(example), sets);
  c.threads = threads;
  LineRun r;
  r.summary = line::run_simulation(c, &r);
  return r;
}

long count(const std::vector<line::Event>& events, line::EventKind kind) {
  return std::count_if(events.begin(), events.end(),
                       [&](const line::Event& e) { return e.kind == kind; });
}

}  // namespace

TEST(DynamicsCutIn, ARepairedCellIsCutInAgainAndTheLineRunsWithAllCells) {
  const LineRun r = run_example("potline-cut-in.toml");
  const line::Summary& s = r.summary;
  EXPECT_TRUE(s.complete);
  ASSERT_EQ(s.cut_out.size(), 1u);
  const line::CutOutCell& c = s.cut_out[0];
  EXPECT_EQ(c.cell, 4u);
  EXPECT_NEAR(c.time_s / 3600.0, 32.54, 0.01);
  EXPECT_NEAR(c.cut_in_s - c.shorted_s, 24 * 3600.0, 5.0);  // potline.repair_time, to the step
  EXPECT_GT(c.cut_in_voltage_V, 3.8);
  EXPECT_LT(c.cut_in_voltage_V, 4.6);
  EXPECT_EQ(s.cut_ins, 1);
  EXPECT_EQ(s.cells_in_line, 6);
  // The observer heard of both, the line down to five and back to six.
  ASSERT_EQ(r.cut.size(), 1u);
  ASSERT_EQ(r.back.size(), 1u);
  EXPECT_EQ(r.in_line_after_cut[0], 5);
  EXPECT_EQ(r.in_line_after_back[0], 6);
  EXPECT_EQ(r.back[0].cut_in_s, c.cut_in_s);
  EXPECT_EQ(count(r.events, line::EventKind::kCellCutIn), 1);
  // The restarted cell is live again: events of its own after the cut-in (taps, feeding, beam).
  long later = 0;
  for (const line::Event& e : r.events) later += e.cell == 4u && e.time_s > c.cut_in_s ? 1 : 0;
  EXPECT_GT(later, 10);
  // The restart state is the cell's start: its frozen bath (in the ledge) is liquid again, so
  // cryolite + ledge are as before on balance; the restart brings heat (the bath remelted, the
  // lining hot again).
  EXPECT_NEAR(s.per_cell[4].cut_in_cryolite_kg, 0.0, 1e-3);
  EXPECT_GT(s.per_cell[4].cut_in_heat_J, 1e9);
  EXPECT_NEAR(s.cut_in_heat_J, s.per_cell[4].cut_in_heat_J, 1e-6);
}

// The line voltage rises by the restarted cell's voltage at the cut-in, the rows count six cells
// again, and the means are over six live cells.
TEST(DynamicsCutIn, LineVoltageRisesByTheRestartedCellsVoltage) {
  const LineRun r = run_example("potline-cut-in.toml");
  const line::CutOutCell& c = r.summary.cut_out.at(0);
  const line::Row* before = nullptr;
  const line::Row* after = nullptr;
  for (const line::Row& row : r.rows) {
    if (row.time_s < c.cut_in_s) before = &row;
    if (row.time_s > c.cut_in_s && after == nullptr) after = &row;
  }
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->cells_in_line, 5);
  EXPECT_EQ(after->cells_in_line, 6);
  EXPECT_NEAR(after->line_voltage_V - before->line_voltage_V, c.cut_in_voltage_V, 0.15);
  EXPECT_NEAR(after->line_voltage_V, 6 * after->mean_voltage_V, 1e-9);
  EXPECT_EQ(r.rows.back().cells_in_line, 6);
}

// Conservation across the cut-out and the cut-in (bookkeeping: the terms are the code's own
// integrals, the check is that nothing is lost at either jump). Per cell: energy in = chemical +
// losses + anode heating + tapped heat + stored-heat change − the restart's stored heat; metal,
// alumina, AlF3 and cryolite + ledge change by production/feed/consumption plus what was poured.
TEST(DynamicsCutIn, BookkeepingEveryBalanceClosesAcrossCutOutAndCutIn) {
  const LineRun r = run_example("potline-cut-in.toml");
  const line::Summary& s = r.summary;
  ASSERT_EQ(s.per_cell.size(), 6u);
  for (std::size_t k = 0; k < s.per_cell.size(); ++k) {
    SCOPED_TRACE(k);
    const line::CellTotals& t = s.per_cell[k];
    const double residual = t.energy_in_J - t.energy_chemical_J - t.energy_lost_J -
                            t.energy_anode_J - t.tapped_heat_J -
                            (t.stored_heat_change_J - t.cut_in_heat_J);
    EXPECT_LT(std::fabs(residual) / t.energy_in_J, 5e-3);
    EXPECT_LT(t.energy_balance_error, 5e-3);
    EXPECT_NEAR(t.metal_change_kg, t.metal_produced_kg - t.metal_tapped_kg + t.cut_in_metal_kg,
                1.0);
    EXPECT_NEAR(t.alumina_change_kg, t.alumina_fed_kg - t.alumina_consumed_kg + t.cut_in_alumina_kg,
                1.0);
    EXPECT_NEAR(t.alf3_change_kg, t.alf3_added_kg - t.alf3_consumed_kg + t.cut_in_alf3_kg, 0.5);
    EXPECT_NEAR(t.cryolite_change_kg, t.cut_in_cryolite_kg, 0.5);
    if (k != 4) {
      EXPECT_EQ(t.cut_ins, 0);
      EXPECT_EQ(t.cut_in_heat_J, 0.0);
    }
  }
  EXPECT_EQ(s.per_cell[4].cut_ins, 1);
  // The restart's stored heat is not in the line's energy: that is the sum of the cells' own.
  double energy = 0, production = 0;
  for (const auto& t : s.per_cell) {
    energy += t.energy_line_J;
    production += t.metal_produced_kg;
  }
  EXPECT_NEAR(s.energy_MWh, energy / 3.6e9, 1e-9 * s.energy_MWh);
  EXPECT_NEAR(s.production_t, production / 1e3, 1e-9 * s.production_t);
  // The schedule: 12 h at 400 kA, 24 h at 300 kA, 60 h at 400 kA (from the cells never cut out).
  EXPECT_NEAR(s.mean_line_current_A, (12 * 400e3 + 24 * 300e3 + 60 * 400e3) / 96.0, 0.5e3);
  // Cell 4 carried the line current to its shorting and again from its cut-in.
  const line::CutOutCell& c = s.cut_out[0];
  const double expected_C =
      12 * 3600 * 400e3 + (c.shorted_s - 12 * 3600) * 300e3 + (96 * 3600 - c.cut_in_s) * 400e3;
  EXPECT_NEAR(s.per_cell[4].charge_C, expected_C, 1e-4 * expected_C);
  // Cell-days and steps count its time in the line only.
  const double out_h = (c.cut_in_s - c.time_s) / 3600.0;
  EXPECT_NEAR(s.ae.cell_days, (6 * 96 - out_h) / 24.0, 1e-9);
  EXPECT_EQ(s.cell_steps, 6L * 69120 - std::lround((c.cut_in_s - c.time_s) / 5.0));
}

// Up to the cut-in the run is the cut-out run (the same to the bit); one and two threads agree.
TEST(DynamicsCutIn, UpToTheCutInTheRunIsTheOneWithoutAndThreadsDoNotMatter) {
  const LineRun a = run_example("potline-cut-in.toml");
  const LineRun never = run_example("potline-cut-in.toml", {"potline.cut_in=never"});
  const double cut_in_s = a.summary.cut_out.at(0).cut_in_s;
  ASSERT_EQ(a.rows.size(), never.rows.size());
  for (std::size_t i = 0; i < a.rows.size() && a.rows[i].time_s < cut_in_s; ++i) {
    EXPECT_EQ(a.rows[i].line_voltage_V, never.rows[i].line_voltage_V) << i;
    EXPECT_EQ(a.rows[i].mean_temperature_K, never.rows[i].mean_temperature_K) << i;
  }
  EXPECT_LT(never.summary.cut_out.at(0).cut_in_s, 0.0);
  EXPECT_EQ(never.summary.cells_in_line, 5);
  EXPECT_EQ(never.summary.cut_ins, 0);
  EXPECT_GT(a.summary.production_t, never.summary.production_t);  // a sixth cell for 38.5 h
  const LineRun b = run_example("potline-cut-in.toml", {}, 2);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].line_voltage_V, b.rows[i].line_voltage_V) << i;
    EXPECT_EQ(a.rows[i].cells_in_line, b.rows[i].cells_in_line) << i;
  }
  EXPECT_EQ(a.summary.energy_MWh, b.summary.energy_MWh);
  EXPECT_EQ(a.events.size(), b.events.size());
}

// Ledge melt-out: a 5.2 V target overheats the cells of the cut-out case; their side ledges melt
// out (down to the model's floor, dynamics.minimum_ledge 0.2 cm) hours before a bath reaches the
// 1100 °C guard. warn: events and counts; cut_out: the first cell cut out then; stop: exit there.
TEST(DynamicsLedgeMeltOut, WarnCutOutOrStopAtTheModelsFloor) {
  const std::vector<std::string> hot = {"control.target_voltage=5.2",
                                        "potline.current_steps=0 h 1.0", "run.duration=8 h",
                                        "potline.cut_in=never"};
  const LineRun warn = run_example("potline-cut-out.toml", hot);
  EXPECT_EQ(warn.summary.ledge_melt_outs, 6);
  EXPECT_EQ(warn.summary.cells_ledge_melted_out, 6);
  EXPECT_GT(warn.summary.ledge_bare_cell_hours, 5.0);
  EXPECT_TRUE(warn.summary.cut_out.empty());
  const auto first = std::find_if(warn.events.begin(), warn.events.end(), [](const line::Event& e) {
    return e.kind == line::EventKind::kLedgeMeltedOut;
  });
  ASSERT_NE(first, warn.events.end());
  EXPECT_EQ(first->cell, 2u);
  EXPECT_NEAR(first->time_s / 3600.0, 4.2, 0.1);
  EXPECT_NEAR(first->value, 0.2, 0.005);  // cm: the model's floor
  std::vector<std::string> cut = hot;
  cut.push_back("potline.on_ledge_melt_out=cut_out");
  cut.push_back("run.duration=5 h");  // all six are out by 6.49 h and the run would stop there
  const LineRun c = run_example("potline-cut-out.toml", cut);
  ASSERT_FALSE(c.summary.cut_out.empty());
  EXPECT_EQ(c.summary.cut_out[0].cell, 2u);
  EXPECT_EQ(c.summary.cut_out[0].reason, "ledge_melted_out");
  EXPECT_STREQ(line::cut_out_key(c.summary.cut_out[0]), "on_ledge_melt_out");
  EXPECT_NEAR(c.summary.cut_out[0].time_s, first->time_s, 1e-6);
  std::vector<std::string> stop = hot;
  stop.push_back("potline.on_ledge_melt_out=stop");
  try {
    line::run_simulation(make_case(read_example("potline-cut-out.toml"), stop));
    ADD_FAILURE() << "the run completed";
  } catch (const line::SimulationStopped& e) {
    EXPECT_EQ(e.cell, 2u);
    EXPECT_EQ(e.reason, line::StopReason::kLedgeMeltedOut);
    EXPECT_STREQ(line::to_string(e.reason), "ledge_melted_out");
    const std::string what = e.what();
    EXPECT_NE(what.find("ledge melted out"), std::string::npos) << what;
    EXPECT_NE(what.find("potline.on_ledge_melt_out = \"stop\""), std::string::npos) << what;
  }
}

// Per-cell disturbances: only the named cells see them, from start to end. The other cells' results
// are those of the same line without the disturbances to the bit (cells share only the scheduled
// current); the named cells lost more heat through the lost cover.
TEST(DynamicsCellUpsets, OnlyTheNamedCellsSeeThemForTheirDuration) {
  const LineRun r = run_example("potline-cell-upsets.toml");
  const LineRun calm = run_example("potline-cell-upsets.toml", {"disturbance.anode_problem_duration=1 s",
                                                                "disturbance.cover_loss_duration=1 s"});
  const line::Summary& s = r.summary;
  ASSERT_EQ(s.per_cell.size(), 6u);
  EXPECT_EQ(count(r.events, line::EventKind::kAnodeProblem), 4);  // start and end on cells 1 and 4
  EXPECT_EQ(count(r.events, line::EventKind::kCoverLoss), 4);
  for (const line::Event& e : r.events) {
    if (e.kind != line::EventKind::kAnodeProblem && e.kind != line::EventKind::kCoverLoss) continue;
    EXPECT_TRUE(e.cell == 1u || e.cell == 4u) << e.cell;
    const double h = e.time_s / 3600.0;
    if (e.kind == line::EventKind::kAnodeProblem) {
      EXPECT_NEAR(h, e.value > 0 ? 12.0 : 36.0, 0.01);
    }
    if (e.kind == line::EventKind::kCoverLoss) {
      EXPECT_NEAR(h, e.value > 0 ? 48.0 : 60.0, 0.01);
    }
  }
  for (std::size_t k : {0u, 2u, 3u, 5u}) {
    EXPECT_EQ(s.per_cell[k].energy_lost_J, calm.summary.per_cell[k].energy_lost_J) << k;
    EXPECT_EQ(s.per_cell[k].metal_produced_kg, calm.summary.per_cell[k].metal_produced_kg) << k;
  }
  for (std::size_t k : {1u, 4u}) {
    EXPECT_GT(s.per_cell[k].energy_lost_J, 1.002 * calm.summary.per_cell[k].energy_lost_J) << k;
  }
  EXPECT_LT(s.energy_balance_error, 5e-3);
  // Each has its event window, followed on cells 1 and 4 only (user trial T17-11).
  ASSERT_EQ(s.windows.size(), 2u);
  EXPECT_EQ(s.windows[0].kind, "anode_problem");
  EXPECT_EQ(s.windows[1].kind, "cover_loss");
  for (const line::WindowMetrics& w : s.windows) EXPECT_EQ(w.cells, 2) << w.kind;
  EXPECT_NEAR(s.windows[1].start_s / 3600.0, 48.0, 1e-9);
  EXPECT_NEAR(s.windows[1].end_s / 3600.0, 60.0, 1e-9);
}

TEST(DynamicsCellUpsets, AnAnodeOutRaisesTheBathDropByNOverNMinusN) {
  // One cell, the cover loss off: the voltage right after the anode problem starts rises by the
  // bath drop × n/(N − n), before the resistance control answers.
  const std::vector<std::string> one = {
      "potline.cells=1",          "disturbance.cells=0",
      "disturbance.anodes_out=4", "disturbance.cover_loss_duration=0.001 h",
      "run.duration=13 h",        "run.output_interval=5 min"};
  const LineRun r = run_example("potline-cell-upsets.toml", one);
  const line::Row* before = nullptr;
  const line::Row* after = nullptr;
  for (const line::Row& row : r.rows) {
    if (row.time_s <= 12 * 3600.0) before = &row;
    if (row.time_s >= 12 * 3600.0 + 300.0 && after == nullptr) after = &row;
  }
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  const double rise = after->mean_voltage_V - before->mean_voltage_V;
  // Bath drop of an AP40 cell ≈ 1.5–1.8 V at 3.7 cm ([Haupin 1998] magnitudes): × 4/(N − 4).
  EXPECT_GT(rise, 0.05);
  EXPECT_LT(rise, 0.4);
}

}  // namespace test_dynamics_cut_in
