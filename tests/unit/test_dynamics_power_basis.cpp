// A power schedule when cells leave the line (potline.power_basis; docs/model/dynamics.md §6,
// "Power schedules"). Ten AP40 cells on a DC power schedule (16.8 MW, then 12.0 MW from 12 h at a
// fixed ACD target, a 15 % heat-loss spread): cell 8 freezes at 36.5 h and is shorted at 37.5 h,
// 10 % of the line. With basis "line" the nine cells left take the line's 12.0 MW and the current
// rises; with "cells_in_line" the set point falls to 9/10 of it and the current stays. Checked
// against the line model V = N·E_b + R·I (the regulator's own fit: a consistency check of the
// regulation, not a validation) and P = I·V_line of the rows.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "test_dynamics_helpers.hpp"

namespace test_dynamics_power_basis {

using namespace potline;
using potline::testing_dyn::make_case;

namespace {

constexpr const char* kCase = R"(
[case]
technology = "AP40"
[run]
duration = "39 h"
seed = 7
sample_period = "5 s"
output_interval = "10 min"
events = "none"
[control]
quench = "automatic"
reheat_cut_depth = 0
heat_feedforward = 0
[potline]
cells = 10
block_size = 2
spread_heat_loss = "15 %"
current_csv = "power.csv"
cut_out_delay = "1 h"
[faults]
profile = "none"
)";

struct LineRun {
  testing_dyn::Recorder rec;
  line::Summary summary;
};

LineRun run_case(const std::string& basis) {
  const auto dir = std::filesystem::temp_directory_path() /
                   (std::to_string(::getpid()) + "-potline-power-basis");
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "power.csv");
    f << "time [h],power [MW]\n0,16.8\n12,12.0\n";
  }
  auto c = make_case(kCase, {"potline.power_basis=" + basis}, dir.string());
  LineRun r;
  r.summary = line::run_simulation(c, &r.rec);
  return r;
}

// Mean of the rows in [from, to] h.
template <class F>
double mean_rows(const LineRun& r, double from_h, double to_h, F value) {
  double sum = 0;
  int n = 0;
  for (const line::Row& row : r.rec.rows) {
    if (row.time_s < from_h * 3600.0 - 1.0 || row.time_s > to_h * 3600.0 + 1.0) continue;
    sum += value(row);
    ++n;
  }
  EXPECT_GT(n, 3);
  return sum / std::max(1, n);
}

}  // namespace

TEST(DynamicsPowerBasis, CuttingOutTenPercentOfTheCellsRaisesTheCurrentOrScalesThePower) {
  const LineRun line_basis = run_case("line");
  const LineRun scaled = run_case("cells_in_line");
  for (const LineRun* r : {&line_basis, &scaled}) {
    ASSERT_EQ(r->summary.cut_out.size(), 1u);
    EXPECT_EQ(r->summary.cut_out[0].cell, 8u);
    EXPECT_NEAR(r->summary.cut_out[0].shorted_s / 3600.0, 37.5, 0.1);  // 37.49 h (37.45 centred)
  }
  const auto current = [](const line::Row& row) { return row.line_current_A; };
  const auto power = [](const line::Row& row) { return row.line_power_W; };
  // Before the shorting the two runs are the same run.
  const double I_before = mean_rows(line_basis, 35.0, 37.33, current);
  EXPECT_DOUBLE_EQ(I_before, mean_rows(scaled, 35.0, 37.33, current));
  // The regulator's line model fitted before: V_cell = E_b + r·I, so N·(E_b·I + r·I²) = P.
  const double E_b = 1.65;  // control.back_emf (default)
  const double V_before = mean_rows(line_basis, 35.0, 37.33, [](const line::Row& row) {
    return row.line_voltage_V / row.cells_in_line;
  });
  const double r_cell = (V_before - E_b) / I_before;
  const auto current_for = [&](double P, int cells) {
    const double p = P / cells;
    return (-E_b + std::sqrt(E_b * E_b + 4.0 * r_cell * p)) / (2.0 * r_cell);
  };
  EXPECT_NEAR(I_before, current_for(12.0e6, 10), 0.01 * I_before);
  for (const LineRun* r : {&line_basis, &scaled}) {
    for (const line::Row& row : r->rec.rows) {
      if (row.time_s < 37.66 * 3600.0) continue;
      SCOPED_TRACE(row.time_s / 3600.0);
      EXPECT_EQ(row.cells_in_line, 9);
      // Conservation: the line's power is its current times the voltage of the cells in it.
      EXPECT_NEAR(row.line_power_W, row.line_current_A * row.line_voltage_V,
                  1e-6 * row.line_power_W);
    }
  }
  // "line": the nine cells left take the 12.0 MW: the current rises to meet it (+7 %), as the
  // line model gives for nine cells.
  const double I_line = mean_rows(line_basis, 37.66, 39.0, current);
  EXPECT_NEAR(mean_rows(line_basis, 37.66, 39.0, power), 12.0e6, 0.01 * 12.0e6);
  EXPECT_NEAR(I_line, current_for(12.0e6, 9), 0.015 * I_line);
  EXPECT_GT(I_line / I_before, 1.05);
  // "cells_in_line": the set point falls to 9/10 of the schedule: the current stays.
  EXPECT_NEAR(mean_rows(scaled, 37.66, 39.0, power), 0.9 * 12.0e6, 0.01 * 12.0e6);
  EXPECT_NEAR(mean_rows(scaled, 37.66, 39.0, current), I_before, 0.01 * I_before);
}

}  // namespace test_dynamics_power_basis
