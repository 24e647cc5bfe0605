// Physical guards of the dynamic simulation (docs/model/dynamics.md, "Physical guards"), the
// rectifier current limit and the schedule input checks: a cell whose bath freezes or whose state
// leaves its physical range stops the run with SimulationStopped naming the cell, the time and
// the state; a regulated current never exceeds potline.max_current.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "../../src/potline/line_internal.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "test_dynamics_helpers.hpp"

namespace test_dynamics_guards {

using namespace potline;
using potline::testing_dyn::make_case;
using potline::testing_dyn::read_example;
using potline::testing_dyn::Recorder;

namespace {

// The SimulationStopped of a run, or a failure when it completes.
line::SimulationStopped stopped_run(const line::SimulationCase& c, Recorder* rec = nullptr) {
  try {
    line::run_simulation(c, rec);
  } catch (const line::SimulationStopped& e) {
    return e;
  }
  ADD_FAILURE() << "the run completed";
  return line::SimulationStopped("", line::StopReason::kStateOutOfRange, 0, 0, 0);
}

std::string input_error(const std::vector<std::string>& sets, const std::string& dir = "",
                        const std::string& toml = "[case]\ntechnology = \"AP40\"\n") {
  try {
    make_case(toml, sets, dir);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

// Zero current held for days (the case): the bath follows its falling liquidus while the
// ledge grows; when half the liquid bath has frozen the run stops, naming cell, time and state.
// Before the guard it ran on to a "liquid" bath at 332 °C with positive superheat.
TEST(DynamicsGuards, ZeroCurrentFreezesTheBathAndStopsTheRun) {
  const auto c = make_case(read_example("cell-7d.toml"), {"potline.current_steps=12 h 0; 72 h 1.0", "run.duration=5 d"});
  Recorder rec;
  const auto e = stopped_run(c, &rec);
  EXPECT_EQ(e.reason, line::StopReason::kBathFrozen);
  EXPECT_EQ(e.cell, 0u);
  // Frozen 4–12 h after the current stopped (plant reports: cells survive 2 h, a 5.5 h outage
  // froze a potline); measured 5.51 h (also with the 1-min undercooling freeze, 2026-12-07; 5.49 h before the feed cycle was centred, 2026-12-06) (5.8 h until the liquidus of a bath above alumina saturation
  // became where the liquidus and solubility curves meet: this bath reaches 24 wt% AlF3 and 4.3 wt%
  // alumina at 845 °C, above its 4.1 wt% saturation; docs/model/bath.md), 6.4 h with bath and metal
  // lumped, 7.1 h with the former h = 2.7.
  EXPECT_GT(e.time_s, 16 * 3600.0);
  EXPECT_LT(e.time_s, 24 * 3600.0);
  const std::string what = e.what();
  EXPECT_NE(what.find("cell 0 at 17.51 h"), std::string::npos) << what;  // the same with the 1-min undercooling freeze
  EXPECT_NE(what.find("bath frozen"), std::string::npos) << what;
  EXPECT_NE(what.find("dynamics.frozen_bath_fraction"), std::string::npos) << what;
  // No row reports a bath far below any cryolite liquidus; the last row is before the freeze.
  ASSERT_FALSE(rec.rows.empty());
  for (const auto& r : rec.rows) EXPECT_GT(r.mean_temperature_K, 800.0 + 273.15) << r.time_s / 3600 << " h";
  EXPECT_LE(rec.rows.back().time_s, e.time_s);
  EXPECT_DOUBLE_EQ(rec.rows.back().time_s, e.last_row_s);
  // The one cell is cut out of the line (potline.on_frozen_cell = "cut_out", the default), and with
  // it the whole line: no live cell is left, so the run stops at the freeze, before the crew shorts
  // it out (potline.cut_out_delay): the bath_frozen event is the last.
  EXPECT_NE(what.find("all 1 cell(s) of the line are cut out"), std::string::npos) << what;
  ASSERT_GE(rec.events.size(), 1u);
  const line::Event& frozen = rec.events.back();
  EXPECT_EQ(frozen.kind, line::EventKind::kBathFrozen);
  EXPECT_NEAR(frozen.value, 50.0, 0.1);
  EXPECT_EQ(frozen.time_s, e.time_s);
}

TEST(DynamicsGuards, TenDayOutageFreezesTheBath) {
  const auto c = make_case(read_example("outage-3h.toml"), {"potline.outage_duration=10 d", "run.duration=12 d"});
  const auto e = stopped_run(c);
  EXPECT_EQ(e.reason, line::StopReason::kBathFrozen);
  EXPECT_GT(e.time_s, 24 * 3600.0 + 4 * 3600.0);
  EXPECT_LT(e.time_s, 24 * 3600.0 + 12 * 3600.0);
}

TEST(DynamicsGuards, ZeroCurrentFromACsvFreezesTheBath) {
  const auto dir = temp_dir("potline-dyn-guards-csv");
  {
    std::ofstream f(dir / "zero.csv");
    f << "time [h],current [kA]\n0,400\n12,0\n24,0\n36,0\n48,0\n";
  }
  const auto c = make_case("[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"zero.csv\"\n",
                           {"run.duration=3 d"}, dir.string());
  EXPECT_EQ(stopped_run(c).reason, line::StopReason::kBathFrozen);
}

// A potline of 8 cells in blocks of 2 through a long outage: the cells freeze and are cut out one
// by one until none is left, and which, when and the message do not depend on the thread count
// (each block cuts out or stops on its own; the driver orders them by time, then cell).
TEST(DynamicsGuards, GuardStopIsTheSameOnOneOrTwoThreads) {
  auto c = make_case(read_example("potline-year.toml"), {"run.duration=3 d", "potline.cells=8", "potline.block_size=2",
                                                         "potline.outage_start=6 h", "potline.outage_duration=2 d"});
  c.threads = 1;
  const auto a = stopped_run(c);
  c.threads = 2;
  const auto b = stopped_run(c);
  EXPECT_EQ(std::string(a.what()), std::string(b.what()));
  EXPECT_EQ(a.cell, b.cell);
  EXPECT_EQ(a.time_s, b.time_s);
}

// A power schedule asking for 100 MW from one AP40 cell (the case: it regulated 3,175 kA
// and a bath at 1.3e262 °C). The rectifier limit holds the current at potline.max_current
// (default 1.25 × 400 kA) with a current_limit event; the bath stays within its physical range.
TEST(DynamicsGuards, RegulatedCurrentRespectsTheRectifierLimit) {
  const auto dir = temp_dir("potline-dyn-guards-power");
  {
    std::ofstream f(dir / "power.csv");
    f << "time [h],power [MW]\n0,1.68\n6,1.68\n12,100\n18,1.68\n";
  }
  const auto c = make_case("[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"power.csv\"\n",
                           {"run.duration=2 d", "run.output_interval=30 min"}, dir.string());
  EXPECT_DOUBLE_EQ(c.schedule.max_A(), 500e3);
  Recorder rec;
  const auto s = line::run_simulation(c, &rec);
  for (const auto& r : rec.rows) {
    EXPECT_LE(r.line_current_A, 500e3) << r.time_s / 3600 << " h";
    EXPECT_LT(r.mean_temperature_K, 1100.0 + 273.15);
  }
  // 6 h at the limit (+25 %, ACD not lowered); with dynamics.ledge_heat_transfer = 1.2 kW/(m² K)
  // 12 h reach 1100 °C once the ledge has melted (docs/model/dynamics.md, "Thermal calibration").
  EXPECT_NEAR(s.current_limit_hours, 6.0, 0.05);
  int limit_events = 0;
  for (const auto& e : rec.events) {
    if (e.kind != line::EventKind::kCurrentLimit) continue;
    ++limit_events;
    EXPECT_EQ(e.cell, line::kLineEvent);
    EXPECT_GT(e.value, 2000.0);  // the power asked for several MA
  }
  EXPECT_EQ(limit_events, 1);
  EXPECT_TRUE(s.complete);
}

// With the limit raised to 2,000 kA the same schedule overheats the cell: the bath-temperature
// guard stops the run (exit 1 in the CLI) instead of reporting an absurd summary.
TEST(DynamicsGuards, OverheatedBathStopsTheRun) {
  const auto dir = temp_dir("potline-dyn-guards-hot");
  {
    std::ofstream f(dir / "power.csv");
    f << "time [h],power [MW]\n0,1.68\n12,100\n24,1.68\n";
  }
  const auto c = make_case("[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"power.csv\"\n",
                           {"run.duration=2 d", "potline.max_current=2000 kA"}, dir.string());
  const auto e = stopped_run(c);
  EXPECT_EQ(e.reason, line::StopReason::kStateOutOfRange);
  const std::string what = e.what();
  EXPECT_NE(what.find("cell 0 at 12.0"), std::string::npos) << what;
  EXPECT_NE(what.find("bath_temperature"), std::string::npos) << what;
  EXPECT_NE(what.find("660.32 to 1100 °C"), std::string::npos) << what;
}

// The state guard directly: each bound and non-finite states, with the message naming the state.
TEST(DynamicsGuards, StateGuardNamesTheState) {
  const auto c = make_case("[case]\ntechnology = \"AP40\"\n");
  std::vector<double> states;
  const auto models = line::build_models(c, states);
  line::detail::CellRun run;
  run.bath_start = dynamics::bath_mass_kg(states.data());
  auto check = [&](int index, double value) {
    std::vector<double> y = states;
    y[index] = value;
    line::detail::Violation v;
    const bool ok = line::detail::check_cell_state(models[0], y.data(), run, 0.5, 3, 7200.0, v);
    return ok ? std::string() : v.message;
  };
  EXPECT_EQ(check(dynamics::kAcd, states[dynamics::kAcd]), "");
  EXPECT_NE(check(dynamics::kBathTemperature, 600 + 273.15).find("cell 3 at 2 h"), std::string::npos);
  EXPECT_NE(check(dynamics::kBathTemperature, 600 + 273.15).find("bath_temperature 600 °C"), std::string::npos);
  EXPECT_NE(check(dynamics::kAcd, -0.001).find("acd"), std::string::npos);
  EXPECT_NE(check(dynamics::kAcd, 0.25).find("acd"), std::string::npos);  // above the 20 cm bath
  EXPECT_NE(check(dynamics::kMetal, -1.0).find("metal"), std::string::npos);
  EXPECT_NE(check(dynamics::kWallTemperature, 0.0).find("wall_temperature"), std::string::npos);
  EXPECT_NE(check(dynamics::kLedge, NAN).find("non-finite ledge"), std::string::npos);
  EXPECT_NE(check(dynamics::kCryolite, 0.3 * states[dynamics::kCryolite]).find("bath frozen"), std::string::npos);
  // Which guards are cell-local physical states (potline.on_frozen_cell, on_overheated_cell cut the
  // cell out of the line): a frozen bath, a bath or metal pad below 660.3 °C, a bath, metal pad or
  // node above 1100 °C; not a node below the air, a mass, the ACD, NaN.
  auto reason = [&](int index, double value) {
    std::vector<double> y = states;
    y[index] = value;
    line::detail::Violation v;
    line::detail::check_cell_state(models[0], y.data(), run, 0.5, 3, 7200.0, v);
    return std::string(v.cut_out_reason != nullptr ? v.cut_out_reason : "");
  };
  EXPECT_EQ(reason(dynamics::kCryolite, 0.3 * states[dynamics::kCryolite]), "bath_frozen");
  EXPECT_EQ(reason(dynamics::kBathTemperature, 600 + 273.15), "bath_temperature_low");
  EXPECT_EQ(reason(dynamics::kMetalTemperature, 600 + 273.15), "metal_frozen");
  // Above 1100 °C: cut out too (potline.on_overheated_cell).
  EXPECT_EQ(reason(dynamics::kBathTemperature, 1200 + 273.15), "bath_overheated");
  EXPECT_EQ(reason(dynamics::kMetalTemperature, 1200 + 273.15), "metal_overheated");
  EXPECT_EQ(reason(dynamics::kWallTemperature, 1200 + 273.15), "node_overheated");
  EXPECT_EQ(reason(dynamics::kWallTemperature, 0.0), "");
  EXPECT_EQ(reason(dynamics::kMetal, -1.0), "");
  EXPECT_EQ(reason(dynamics::kAcd, -0.001), "");
  EXPECT_EQ(reason(dynamics::kLedge, NAN), "");
}

// The energy-balance guard: a residual of 2 % of the energy in stops the run; 0.5 % does not.
TEST(DynamicsGuards, EnergyBalanceGuard) {
  const auto c = make_case("[case]\ntechnology = \"AP40\"\n");
  std::vector<double> y;
  const auto models = line::build_models(c, y);
  line::detail::CellRun run;
  run.stored_heat_start = dynamics::stored_heat_J(models[0], y.data());
  const double energy_in = 1e12;  // ≈ 17 days of one cell; chemistry + losses take it all
  y[dynamics::kEnergyIn] = energy_in;
  y[dynamics::kEnergyLost] = 0.995 * energy_in;
  line::detail::Violation v;
  EXPECT_TRUE(line::detail::check_energy_balance(models[0], y.data(), run, 0, 86400.0, v));
  y[dynamics::kEnergyLost] = 0.98 * energy_in;
  EXPECT_FALSE(line::detail::check_energy_balance(models[0], y.data(), run, 0, 86400.0, v));
  EXPECT_EQ(v.reason, line::StopReason::kEnergyBalance);
  EXPECT_NE(v.message.find("energy balance error 2 %"), std::string::npos) << v.message;
}

TEST(DynamicsInput, ScheduleValuesBeyondTheLimitsAreInputErrors) {
  const auto dir = temp_dir("potline-dyn-guards-input");
  {
    std::ofstream f(dir / "huge.csv");
    f << "time [h],current [kA]\n0,400\n1,1e6\n2,400\n";
  }
  {
    std::ofstream f(dir / "power.csv");
    f << "time [h],power [GW]\n0,0.002\n1,20\n";
  }
  const std::string huge =
      input_error({}, dir.string(), "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"huge.csv\"\n");
  EXPECT_NE(huge.find("huge.csv:3:3"), std::string::npos) << huge;
  EXPECT_NE(huge.find("1e+06 kA is outside the allowed range 0 to 500 kA"), std::string::npos) << huge;
  const std::string power =
      input_error({}, dir.string(), "[case]\ntechnology = \"AP40\"\n[potline]\ncurrent_csv = \"power.csv\"\n");
  EXPECT_NE(power.find("power.csv:3:3"), std::string::npos) << power;
  EXPECT_NE(power.find("0 to 10000 MW"), std::string::npos) << power;
  EXPECT_NE(input_error({"potline.current_steps=;;;"}).find("';;;' holds no step"), std::string::npos);
  // One allowed range, in the factor the user writes (user trial T15-10), for a factor above the
  // rectifier limit and for one below zero alike.
  const std::string above = input_error({"potline.current_steps=1 h 1.5"});
  EXPECT_NE(above.find("step 1 '1 h 1.5': the factor 1.5 (600 kA) is above the rectifier limit potline.max_current = "
                       "500 kA; allowed: factor 0 to 1.25 (500 kA, potline.max_current, over the nominal 400 kA)"),
            std::string::npos) << above;
  const std::string negative = input_error({"potline.current_steps=1 h -0.1"});
  EXPECT_NE(negative.find("step 1 '1 h -0.1': the factor -0.1 is outside its range; allowed: factor 0 to 1.25 (500 kA, "
                          "potline.max_current, over the nominal 400 kA)"),
            std::string::npos) << negative;
  EXPECT_NE(input_error({"potline.current_steps=1 h 2.5", "potline.max_current=2000 kA"})
                .find("the factor 2.5 is outside its range; allowed: factor 0 to 2"),
            std::string::npos);
  EXPECT_EQ(input_error({"potline.current_steps=1 h 1.5", "potline.max_current=600 kA"}), "");
  EXPECT_NE(input_error({"potline.max_current=300 kA"}).find("300 kA: the rectifier's limit is below the nominal line current; the other: "
                                                          "operation.line_current = 400 kA"),
            std::string::npos);
}
}  // namespace test_dynamics_guards
