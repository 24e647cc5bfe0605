// The fast batch integrator agrees with the CVODE reference; runs are reproducible whatever the
// thread count; bad input gets clear errors.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "potline/dynamics/batch.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_integrators {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;

namespace {
line::Summary run(line::SimulationCase c, line::IntegratorKind kind, testing_dyn::Recorder* rec = nullptr) {
  c.integrator = kind;
  return line::run_simulation(c, rec);
}
}  // namespace

// Open loop (no controller, continuous feed): the state trajectories must agree closely.
// Tolerances: CVODE rtol 1e-6 evaluates cell::evaluate at every RHS; the batch integrator is
// Heun at 5 s with the voltage carried linearly between evaluations ≤ 60 s apart. Measured
// differences are ~1e-3 K and ~1e-4 wt%; the tolerances leave a factor ≥ 10.
TEST(DynamicsIntegrators, OpenLoopTrajectoriesAgree) {
  auto c = make_case("[case]\ntechnology = \"AP40\"\n", {"run.controller=false", "run.duration=1d",
                                                         "run.output_interval=60min", "run.open_loop_feed=1.02"});
  testing_dyn::Recorder a, b;
  const auto sa = run(c, line::IntegratorKind::kBatch, &a);
  const auto sb = run(c, line::IntegratorKind::kCvode, &b);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_NEAR(a.rows[i].mean_temperature_K, b.rows[i].mean_temperature_K, 0.05) << "row " << i;
    EXPECT_NEAR(a.rows[i].mean_alumina_wt, b.rows[i].mean_alumina_wt, 0.005) << "row " << i;
    EXPECT_NEAR(a.rows[i].mean_ledge_m, b.rows[i].mean_ledge_m, 1e-4) << "row " << i;
    EXPECT_NEAR(a.rows[i].mean_voltage_V, b.rows[i].mean_voltage_V, 0.002) << "row " << i;
  }
  EXPECT_NEAR(sa.production_t, sb.production_t, 1e-4 * sb.production_t);
  EXPECT_NEAR(sa.energy_MWh, sb.energy_MWh, 1e-4 * sb.energy_MWh);
}

// Closed loop, every example (shortened): controller decisions may shift by a sample, so the
// comparison is on run statistics. Tolerances: mean voltage 0.5 %, production 0.2 %, mean
// superheat 0.5 K, alumina extremes 0.15 wt%, AE count ±1.
TEST(DynamicsIntegrators, EveryExampleAgreesWithCvode) {
  struct Ex {
    const char* file;
    std::vector<std::string> sets;
  };
  const std::vector<Ex> examples = {
      {"cell-7d.toml", {"run.duration=2d", "run.events=none"}},
      {"cell-7d-manual-quench.toml", {"run.duration=2d", "run.events=none"}},
      {"outage-3h.toml", {"run.duration=1.5d", "potline.outage_start=12h"}},
      {"potline-year.toml", {"run.duration=1d", "potline.cells=2", "run.threads=1"}},
  };
  for (const auto& ex : examples) {
    SCOPED_TRACE(ex.file);
    const auto c = make_case(read_example(ex.file), ex.sets);
    const auto a = run(c, line::IntegratorKind::kBatch);
    const auto b = run(c, line::IntegratorKind::kCvode);
    // Anode effects add tens of volts for seconds (automatic) to minutes (manual quench); one AE
    // more or less (allowed below) moves a 2-day mean by up to ~1 %. The integrators are compared
    // on the mean voltage net of the AE overvoltage, and the AE overvoltage on its own.
    auto ae_mean_V = [](const line::Summary& s) {
      return s.ae.cell_days > 0 ? s.ae.overvoltage_volt_seconds / (86400.0 * s.ae.cell_days) : 0.0;
    };
    EXPECT_NEAR(a.mean_voltage_V - ae_mean_V(a), b.mean_voltage_V - ae_mean_V(b),
                0.005 * b.mean_voltage_V);
    EXPECT_NEAR(a.production_t, b.production_t, 0.002 * b.production_t);
    EXPECT_NEAR(a.mean_superheat_K, b.mean_superheat_K, 0.5);
    EXPECT_NEAR(a.alumina_min_wt, b.alumina_min_wt, 0.15);
    EXPECT_NEAR(a.alumina_max_wt, b.alumina_max_wt, 0.15);
    EXPECT_NEAR(static_cast<double>(a.ae.count), static_cast<double>(b.ae.count), 1.0);
    EXPECT_LT(a.energy_balance_error, 5e-3);
    EXPECT_LT(b.energy_balance_error, 5e-3);
  }
}

TEST(DynamicsIntegrators, SameResultsOnOneOrTwoThreads) {
  auto c = make_case(read_example("potline-year.toml"),
                     {"run.duration=1d", "potline.cells=8", "potline.block_size=2"});
  c.threads = 1;
  testing_dyn::Recorder a, b;
  const auto s1 = line::run_simulation(c, &a);
  c.threads = 2;
  const auto s2 = line::run_simulation(c, &b);
  EXPECT_EQ(s1.energy_MWh, s2.energy_MWh);
  EXPECT_EQ(s1.production_t, s2.production_t);
  EXPECT_EQ(s1.ae.count, s2.ae.count);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].mean_temperature_K, b.rows[i].mean_temperature_K);
    EXPECT_EQ(a.rows[i].mean_alumina_wt, b.rows[i].mean_alumina_wt);
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].time_s, b.events[i].time_s);
    EXPECT_EQ(a.events[i].cell, b.events[i].cell);
  }
}

TEST(DynamicsInput, ScheduleCsvErrorsNameFileLineAndField) {
  const auto dir = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-dyn-test");
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "gap.csv");
    f << "time [h],current [kA]\n0,400\n1,400\n3,380\n";
  }
  {
    std::ofstream f(dir / "unsorted.csv");
    f << "time [h],current [kA]\n0,400\n2,400\n1,380\n";
  }
  {
    std::ofstream f(dir / "units.csv");
    f << "time [h],current [kV]\n0,400\n";
  }
  {
    std::ofstream f(dir / "negative.csv");
    f << "time [h],power [MW]\n0,400\n1,-3\n";
  }
  {
    std::ofstream f(dir / "badunit.csv");
    f << "time [h],power [MWh]\n0,400\n";
  }
  auto message = [&](const std::string& file) {
    try {
      make_case("[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"" + file + "\"\n", {}, dir.string());
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(message("gap.csv").find("gap.csv:4:1"), std::string::npos) << message("gap.csv");
  EXPECT_NE(message("gap.csv").find("constant step"), std::string::npos);
  EXPECT_NE(message("unsorted.csv").find("unsorted.csv:4:1"), std::string::npos) << message("unsorted.csv");
  EXPECT_NE(message("unsorted.csv").find("times must increase"), std::string::npos);
  EXPECT_NE(message("units.csv").find("current [A|kA|MA]"), std::string::npos) << message("units.csv");
  // Power series: the same checks, naming the power column and its units.
  EXPECT_NE(message("negative.csv").find("negative.csv:3:3"), std::string::npos) << message("negative.csv");
  EXPECT_NE(message("negative.csv").find("power"), std::string::npos);
  EXPECT_NE(message("badunit.csv").find("power [W|kW|MW|GW]"), std::string::npos) << message("badunit.csv");
}

TEST(DynamicsInput, ImpossibleSettingsAreInputErrors) {
  auto message = [&](const std::vector<std::string>& sets) {
    try {
      make_case("[case]\ntechnology = \"AP40\"\n", sets);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(message({"run.duration=-1d"}).find("run.duration"), std::string::npos);
  EXPECT_NE(message({"control.underfeed_factor=1.0", "control.overfeed_factor=1.0"}).find("underfeed factor"), std::string::npos);
  EXPECT_NE(message({"potline.outage_start=2h"}).find("potline.outage_duration"), std::string::npos);
  // AP40 is PFPB_modern, which IPCC2019 has (user trial T12-1); CWPB it has not.
  EXPECT_NE(message({"pfc.technology=CWPB", "pfc.coefficients=IPCC2019"}).find("PFPB_modern"), std::string::npos);
  EXPECT_NE(message({"potline.current_steps=48h"}).find("TIME FACTOR"), std::string::npos);
}

// A DC line-power schedule: the driver regulates the current so that current × line voltage meets
// the power. Checked: every time-series row's line power equals the schedule's to 1 % (the line
// model is re-fitted to the cells' voltages every control period, so the residual comes only from
// the voltage drift within one period), and the run's energy equals ∫P dt to 0.5 %.
TEST(DynamicsInput, PowerScheduleIsMet) {
  const auto dir = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + "potline-dyn-power");
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "power.csv");
    f << "# 4 AP40 cells: about 1.66 MW each at 400 kA, then a 20 % cut for 12 h, then back\n"
         "time [h],power [MW]\n0,6.6\n12,5.3\n24,6.6\n";
  }
  auto c = make_case("[case]\ntechnology = \"AP40\"\n[potline]\ncells = 4\ncurrent_csv = \"power.csv\"\n",
                     // the resistance held (the arithmetic below): the heat feed-forward, on by default since
                     // 2026-12-06, would raise the voltage in the cut and lower the current further
                     {"run.duration=36h", "run.output_interval=1h", "run.events=none", "control.heat_feedforward=0"},
                     dir.string());
  ASSERT_TRUE(c.schedule.is_power());
  EXPECT_DOUBLE_EQ(c.schedule.power_at(13 * 3600.0), 5.3e6);
  testing_dyn::Recorder rec;
  const auto s = line::run_simulation(c, &rec);
  for (const auto& row : rec.rows) {
    if (row.time_s == 0) continue;
    const double target = c.schedule.power_at(row.time_s - 1.0);
    EXPECT_NEAR(row.line_power_W, target, 0.01 * target) << row.time_s / 3600 << " h";
  }
  const double energy_MWh = (12 * 6.6 + 12 * 5.3 + 12 * 6.6);
  EXPECT_NEAR(s.energy_MWh, energy_MWh, 0.005 * energy_MWh);
  // A 20 % power cut lowers the current by less than 20 %, since the voltage falls with it: with
  // V = E_b + R·I fitted at the hour before the cut, R·I'² + E_b·I' = 0.8 P gives the current an
  // hour into the cut to within the drift of R over that hour (3 %).
  const auto& before = rec.rows[11];
  const double eb = c.control.back_emf_V;
  const double r = (before.mean_voltage_V - eb) / before.line_current_A;
  const double p_cell = 5.3e6 / 4;
  const double expected = (-eb + std::sqrt(eb * eb + 4 * r * p_cell)) / (2 * r);
  EXPECT_NEAR(rec.rows[13].line_current_A, expected, 0.03 * expected);
  EXPECT_GT(rec.rows[13].line_current_A, 0.8 * before.line_current_A);
}
}  // namespace test_dynamics_integrators
