// `potline simulate` against `potline cell --thermal` for every catalogue technology (user trial
// T10-1; docs/validation.md, "Consistency: simulate against cell --thermal"). A consistency check
// of one model with itself — the dynamic cell under its pot controller (feed and tapping cycles,
// anode changes, resistance and heat-balance loops, measurement noise) against the steady state of
// the same heat-loss network at the same design point — not a comparison with published data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "../unit/test_dynamics_helpers.hpp"
#include "potline/api/case_commands.hpp"

namespace test_dynamics_cell_consistency {

using namespace potline;

namespace {
constexpr double kDays = 30.0;
constexpr double kSettledFrom_d = 10.0;  // the heat-balance loop's integral time is 3 d

struct Means {
  double ledge_cm = 0, superheat_K = 0, voltage_V = 0, alumina_wt = 0;
};

// Means of the 10-min rows after kSettledFrom_d of a run without faults (seed 3).
Means simulate(const std::string& technology) {
  const std::string toml =
      "[case]\ntechnology = \"" + technology + "\"\n[run]\nduration = \"" +
      std::to_string(static_cast<int>(kDays)) +
      " d\"\nseed = 3\noutput_interval = \"10 min\"\n[faults]\nprofile = \"none\"\n";
  testing_dyn::Recorder rec;
  const line::Summary s = line::run_simulation(testing_dyn::make_case(toml), &rec);
  EXPECT_EQ(s.ae.count, 0) << technology;
  Means m;
  int n = 0;
  for (const line::Row& r : rec.rows) {
    if (r.time_s < kSettledFrom_d * 86400.0) continue;
    m.ledge_cm += r.mean_ledge_m * 100;
    m.superheat_K += r.mean_superheat_K;
    m.voltage_V += r.mean_voltage_V;
    m.alumina_wt += r.mean_alumina_wt;
    ++n;
  }
  EXPECT_GT(n, 100);
  for (double* x : {&m.ledge_cm, &m.superheat_K, &m.voltage_V, &m.alumina_wt}) *x /= std::max(n, 1);
  return m;
}

io::Json thermal(const std::string& technology) {
  const api::CaseSource source{
      "", "[case]\ntechnology = \"" + technology + "\"\n", "<test>", {}, ""};
  return api::cell_thermal_summary(api::run_cell(source), source);
}

}  // namespace

// Outside the anonymous namespace: TEST_P derives its test classes from the fixture at namespace
// scope, and a base with internal linkage gives GCC's -Wsubobject-linkage.
class SimulateAgainstCellThermal : public ::testing::TestWithParam<const char*> {};

// Tolerances (from what the first-order feed cycle leaves out and what the controllers guarantee,
// not fitted to the runs): the mean alumina within 0.25 wt% of the design point's 2.5 (the cycle is
// centred on it to first order: its non-triangular shape, the taps and anode changes that restart
// the slope fit are not in it); the superheat within 0.3 K (the liquidus moves ≈ 0.6 K per 0.1 wt%
// of alumina); the ledge within 12 % (≈ 0.5 cm per 0.3 K of superheat at the 6.5 cm design ledge);
// the voltage within the resistance control's deadband, ±50 mV (control.deadband: the controller
// holds it no closer; the heat-balance loop, which holds the temperature and not the superheat,
// moves its target by 10 mV/K). Before the feed cycle was centred (control.slope_threshold 1.2
// mV/min for every cell, user trial T10-1; same runs) they settled at 1.99–2.43 wt% with the ledge
// +8 to +30 %, the superheat 0.2–0.75 K and the voltage 6–46 mV below cell --thermal's. Measured
// values: docs/validation.md D40.
TEST_P(SimulateAgainstCellThermal, SettlesAtTheSteadyStateItStartsFrom) {
  const std::string technology = GetParam();
  const Means run = simulate(technology);
  const io::Json cell = thermal(technology);
  const double ledge = cell.at("ledge_cm").get<double>();
  EXPECT_NEAR(run.alumina_wt, 2.5, 0.25) << technology;
  EXPECT_NEAR(run.ledge_cm, ledge, 0.12 * ledge) << technology;
  EXPECT_NEAR(run.superheat_K, cell.at("superheat_K").get<double>(), 0.3) << technology;
  EXPECT_NEAR(run.voltage_V, cell.at("voltage_V").get<double>(), 0.050) << technology;
  std::printf(
      "%s: ledge %.2f / %.2f cm, superheat %.2f / %.2f K, voltage %.3f / %.3f V, alumina %.2f "
      "wt%%\n",
      technology.c_str(), run.ledge_cm, ledge, run.superheat_K,
      cell.at("superheat_K").get<double>(), run.voltage_V, cell.at("voltage_V").get<double>(),
      run.alumina_wt);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, SimulateAgainstCellThermal,
                         ::testing::Values("AP40", "AP60", "DX", "HAL275", "NEUI-NCC200", "A697",
                                           "P155"),
                         [](const ::testing::TestParamInfo<const char*>& i) {
                           std::string name = i.param;
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

}  // namespace test_dynamics_cell_consistency
