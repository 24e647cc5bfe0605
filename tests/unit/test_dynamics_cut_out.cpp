// A frozen cell cut out of the line (potline.on_frozen_cell; docs/model/dynamics.md §7, "Cut out of
// the line"). examples/potline-cut-out.toml: six AP40 cells through a −25 % current cut at a fixed
// ACD target with a 15 % heat-loss spread; cell 4 (the one that loses the most heat) freezes at
// 32.54 h (32.74 h from the feed cycle's centring until the overfeed trigger read the line
// current, both 2026-12-06), is held in the line for potline.cut_out_delay (1 h) and shorted out
// at 33.54 h, the other five run on to 40 h. The checks are of the mechanism (who is counted, and
// when), not of a published number: the freeze time itself is the model's (ladder row f,
// docs/model/dynamics.md §6).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "potline/dynamics/cell_model.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_cut_out {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {

struct CutRun : potline::testing_dyn::Recorder {
  std::vector<line::CutOutCell> cut;
  std::vector<int> in_line;
  void on_cell_cut_out(const line::CutOutCell& c, int cells_in_line) override {
    cut.push_back(c);
    in_line.push_back(cells_in_line);
  }
  line::Summary summary;
};

CutRun run_case(const std::vector<std::string>& sets = {}, int threads = 1) {
  auto c = make_case(read_example("potline-cut-out.toml"), sets);
  c.threads = threads;
  CutRun r;
  r.summary = line::run_simulation(c, &r);
  return r;
}

}  // namespace

TEST(DynamicsCutOut, AFrozenCellIsCutOutAndTheLineRunsOnToTheEnd) {
  const CutRun r = run_case();
  const line::Summary& s = r.summary;
  EXPECT_TRUE(s.complete);
  EXPECT_NEAR(s.simulated_days * 24.0, 40.0, 1e-9);
  ASSERT_EQ(s.cut_out.size(), 1u);
  const line::CutOutCell& c = s.cut_out[0];
  EXPECT_EQ(c.cell, 4u);
  EXPECT_NEAR(c.time_s / 3600.0, 32.54, 0.01);
  EXPECT_EQ(c.reason, "bath_frozen");
  EXPECT_NE(c.message.find("cell 4 at 32.54 h"), std::string::npos) << c.message;
  EXPECT_NEAR(c.liquid_bath_fraction, 0.5, 0.001);  // dynamics.frozen_bath_fraction
  EXPECT_GT(c.voltage_V, 3.0);
  EXPECT_LT(c.voltage_V, 4.5);
  EXPECT_EQ(s.cells, 6);
  EXPECT_EQ(s.cells_in_line, 5);
  // The observer heard of it once, with five cells left.
  ASSERT_EQ(r.cut.size(), 1u);
  EXPECT_EQ(r.cut[0].cell, 4u);
  EXPECT_EQ(r.in_line[0], 5);
  // The event, and nothing of cell 4 after it.
  // The crew shorts it out potline.cut_out_delay (1 h) after the freeze: the cut-out event then.
  EXPECT_NEAR(c.shorted_s - c.time_s, 3600.0, 1e-9);
  const auto e = std::find_if(r.events.begin(), r.events.end(), [](const line::Event& x) {
    return x.kind == line::EventKind::kCellCutOut;
  });
  ASSERT_NE(e, r.events.end());
  EXPECT_EQ(e->cell, 4u);
  EXPECT_NEAR(e->time_s, c.shorted_s, 1e-6);
  EXPECT_DOUBLE_EQ(e->value, c.voltage_V);
  for (const line::Event& x : r.events) {
    if (x.cell == 4u && x.time_s > c.time_s && x.kind != line::EventKind::kCellCutOut)
      ADD_FAILURE() << "event of the cut-out cell at " << x.time_s / 3600 << " h";
  }
}

// potline.cut_out_delay = 0: shorted out at the freeze itself (the behaviour before the delay).
TEST(DynamicsCutOut, NoDelayShortsTheCellAtTheFreeze) {
  const CutRun r = run_case({"potline.cut_out_delay=0"});
  const line::CutOutCell& c = r.summary.cut_out.at(0);
  EXPECT_EQ(c.shorted_s, c.time_s);
  const auto e = std::find_if(r.events.begin(), r.events.end(), [](const line::Event& x) {
    return x.kind == line::EventKind::kCellCutOut;
  });
  ASSERT_NE(e, r.events.end());
  EXPECT_EQ(e->time_s, c.time_s);
  for (const line::Row& row : r.rows) {
    if (row.time_s > c.time_s) {
      EXPECT_EQ(row.cells_in_line, 5) << row.time_s / 3600;
    }
  }
}

// Between the freeze and the shorting the dead cell stays in the series with its voltage held: six
// cells in the line, the means over the five live ones. At the shorting the line voltage loses
// about the cell's voltage between the rows either side (10 min apart: the other five move by
// millivolts).
TEST(DynamicsCutOut, LineVoltageDropsByAboutOneCellVoltage) {
  const CutRun r = run_case();
  const line::CutOutCell& c = r.summary.cut_out.at(0);
  const line::Row* before = nullptr;
  const line::Row* after = nullptr;
  int held_rows = 0;
  for (const line::Row& row : r.rows) {
    if (row.time_s > c.time_s && row.time_s < c.shorted_s) {
      ++held_rows;
      EXPECT_EQ(row.cells_in_line, 6);
      EXPECT_NEAR(row.line_voltage_V, 5 * row.mean_voltage_V + c.voltage_V, 1e-9);
    }
    if (row.time_s <= c.shorted_s) before = &row;
    if (row.time_s > c.shorted_s && after == nullptr) after = &row;
  }
  EXPECT_EQ(held_rows, 6);  // 10-min rows within the hour
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->cells_in_line, 6);
  EXPECT_EQ(after->cells_in_line, 5);
  EXPECT_NEAR(before->line_voltage_V - after->line_voltage_V, c.voltage_V, 0.1);
  EXPECT_NEAR(after->line_voltage_V, 5 * after->mean_voltage_V, 1e-9);
  EXPECT_NEAR(after->line_power_W, after->line_voltage_V * after->line_current_A,
              1e-6 * after->line_power_W);
  EXPECT_EQ(r.rows.back().cells_in_line, 5);
}

// Accounting: the line's energy, production and charge are the sums over the cells, each counted
// while it was in the line; the cut-out cell's totals stop at its cut-out; every cell's energy
// balance still closes; the mean line current is the schedule's (12 h at 400 kA, 28 h at 300 kA).
TEST(DynamicsCutOut, LineTotalsCountEachCellWhileItWasInTheLine) {
  const CutRun r = run_case();
  const line::Summary& s = r.summary;
  ASSERT_EQ(s.per_cell.size(), 6u);
  double energy = 0, production = 0;
  for (const auto& t : s.per_cell) {
    energy += t.energy_line_J;
    production += t.metal_produced_kg;
  }
  EXPECT_NEAR(s.energy_MWh, energy / 3.6e9, 1e-9 * s.energy_MWh);
  EXPECT_NEAR(s.production_t, production / 1e3, 1e-9 * s.production_t);
  EXPECT_NEAR(s.mean_line_current_A, (12 * 400e3 + 28 * 300e3) / 40.0, 0.5e3);
  // Cell 4 carried 400 kA for 12 h and 300 kA for 21.54 h (20.54 h live, 1 h held in the line until
  // it was shorted out); the others to 40 h.
  const double cut_h = s.cut_out[0].time_s / 3600, shorted_h = s.cut_out[0].shorted_s / 3600;
  EXPECT_NEAR(s.per_cell[4].charge_C / 3600, 12 * 400e3 + (shorted_h - 12) * 300e3,
              1e-6 * 12 * 400e3);
  // The held hour: against the run shorted at once (the same to the freeze), cell 4 drew 300 kA ×
  // its held voltage × 1 h more, and carried 300 kA × 1 h more charge.
  const CutRun now = run_case({"potline.cut_out_delay=0"});
  EXPECT_NEAR(s.per_cell[4].energy_line_J - now.summary.per_cell[4].energy_line_J,
              300e3 * s.cut_out[0].voltage_V * 3600.0, 1e-9 * s.per_cell[4].energy_line_J);
  EXPECT_NEAR(s.per_cell[4].charge_C - now.summary.per_cell[4].charge_C, 300e3 * 3600.0, 1.0);
  EXPECT_NEAR(s.per_cell[0].charge_C / 3600, 12 * 400e3 + 28 * 300e3, 0.01 * 12 * 400e3);
  EXPECT_LT(s.energy_balance_error, 5e-3);
  // AE statistics per cell-day count the cut-out cell's 32.54 h only.
  EXPECT_NEAR(s.ae.cell_days, (5 * 40 + cut_h) / 24.0, 1e-9);
  // Steps: the cut-out cell's stop at its cut-out.
  EXPECT_EQ(s.cell_steps, 5L * 28800 + std::lround(s.cut_out[0].time_s / 5.0));
}

// The cut-out cell's recovery is not awaited: the current-step window counts it apart.
TEST(DynamicsCutOut, EventWindowsCountTheCutOutCellApart) {
  const CutRun r = run_case();
  ASSERT_EQ(r.summary.windows.size(), 1u);
  EXPECT_EQ(r.summary.windows[0].cells_cut_out, 1);
  EXPECT_EQ(r.summary.windows[0].cells_not_recovered, 5);
}

// Removing a cell changes nothing of the other cells' results nor depends on the scheduling: one
// and two threads give the same rows, events and summary to the bit.
TEST(DynamicsCutOut, SameResultsOnOneOrTwoThreads) {
  const CutRun a = run_case({}, 1);
  const CutRun b = run_case({}, 2);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].line_voltage_V, b.rows[i].line_voltage_V) << i;
    EXPECT_EQ(a.rows[i].mean_temperature_K, b.rows[i].mean_temperature_K) << i;
    EXPECT_EQ(a.rows[i].cells_in_line, b.rows[i].cells_in_line) << i;
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].time_s, b.events[i].time_s) << i;
    EXPECT_EQ(a.events[i].cell, b.events[i].cell) << i;
    EXPECT_EQ(a.events[i].kind, b.events[i].kind) << i;
  }
  EXPECT_EQ(a.summary.energy_MWh, b.summary.energy_MWh);
  EXPECT_EQ(a.summary.cut_out.at(0).time_s, b.summary.cut_out.at(0).time_s);
}

// Up to the cut-out the run is the one that stops there ("stop"): the rows are the same to the bit.
// After it the five cells share only the scheduled line current with the cut-out cell, so their
// integration does not see it (the charge of cell 0 above is the schedule's).
TEST(DynamicsCutOut, RowsUpToTheCutOutAreThoseOfTheStoppedRun) {
  const CutRun a = run_case();
  auto c = make_case(read_example("potline-cut-out.toml"), {"potline.on_frozen_cell=stop"});
  potline::testing_dyn::Recorder b;
  EXPECT_THROW(line::run_simulation(c, &b), line::SimulationStopped);
  ASSERT_FALSE(b.rows.empty());
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].line_voltage_V, b.rows[i].line_voltage_V) << i;
    EXPECT_EQ(a.rows[i].mean_temperature_K, b.rows[i].mean_temperature_K) << i;
  }
}

// "stop" keeps the former behaviour: the run stops at the freeze (exit 1 in the CLI) with the
// message.
TEST(DynamicsCutOut, StopModeStopsTheRunAtTheFreeze) {
  auto c = make_case(read_example("potline-cut-out.toml"), {"potline.on_frozen_cell=stop"});
  try {
    line::run_simulation(c);
    ADD_FAILURE() << "the run completed";
  } catch (const line::SimulationStopped& e) {
    EXPECT_EQ(e.reason, line::StopReason::kBathFrozen);
    EXPECT_EQ(e.cell, 4u);
    EXPECT_NEAR(e.time_s / 3600, 32.54, 0.01);
    const std::string what = e.what();
    EXPECT_NE(what.find("cell 4 at 32.54 h"), std::string::npos) << what;
    EXPECT_NE(what.find("the run stops here (potline.on_frozen_cell = \"stop\""), std::string::npos)
        << what;
  }
}

// Every cell cut out: the run ends with a run-time failure naming that all were cut out and when.
TEST(DynamicsCutOut, EveryCellCutOutStopsTheRun) {
  auto c = make_case(read_example("potline-cut-out.toml"), {"run.duration=4 d"});
  CutRun r;
  try {
    line::run_simulation(c, &r);
    ADD_FAILURE() << "the run completed";
  } catch (const line::SimulationStopped& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("all 6 cell(s) of the line are cut out"), std::string::npos) << what;
    EXPECT_NE(what.find("the first at 32.54 h"), std::string::npos) << what;
    EXPECT_EQ(r.cut.size(), 6u);
    EXPECT_EQ(e.cell, r.cut.back().cell);
    EXPECT_EQ(e.time_s, r.cut.back().time_s);
    EXPECT_EQ(r.in_line.back(), 0);
    for (std::size_t i = 1; i < r.cut.size(); ++i) EXPECT_LE(r.cut[i - 1].time_s, r.cut[i].time_s);
  }
}

// An overheated cell (bath above the 1100 °C guard) is cut out like a frozen one
// (potline.on_overheated_cell): six cells at a 5.2 V target (far above the cells' 4.2 V) overheat,
// the best-insulated first, cell 2 at 12.13 h; the run to 14 h ends with the other five in the
// line.
TEST(DynamicsCutOut, AnOverheatedCellIsCutOutAndTheLineRunsOn) {
  const std::vector<std::string> sets = {"control.target_voltage=5.2",
                                         "potline.current_steps=0 h 1.0", "run.duration=14 h"};
  const CutRun r = run_case(sets);
  EXPECT_TRUE(r.summary.complete);
  ASSERT_EQ(r.summary.cut_out.size(), 1u);
  const line::CutOutCell& c = r.summary.cut_out[0];
  EXPECT_EQ(c.cell, 2u);
  EXPECT_EQ(c.reason, "bath_overheated");
  EXPECT_NEAR(c.time_s / 3600, 12.13, 0.01);
  EXPECT_NEAR(c.bath_temperature_K - 273.15, 1100.0, 0.1);
  EXPECT_TRUE(line::overheated(c));
  EXPECT_EQ(r.summary.cells_in_line, 5);
  EXPECT_EQ(r.rows.back().cells_in_line, 5);
  // "stop": the run stops there, naming the key.
  std::vector<std::string> stop = sets;
  stop.push_back("potline.on_overheated_cell=stop");
  auto cs = make_case(read_example("potline-cut-out.toml"), stop);
  try {
    line::run_simulation(cs);
    ADD_FAILURE() << "the run completed";
  } catch (const line::SimulationStopped& e) {
    EXPECT_EQ(e.cell, 2u);
    EXPECT_EQ(e.reason, line::StopReason::kStateOutOfRange);
    const std::string what = e.what();
    EXPECT_NE(what.find("the run stops here (potline.on_overheated_cell = \"stop\""),
              std::string::npos)
        << what;
  }
}

}  // namespace test_dynamics_cut_out
