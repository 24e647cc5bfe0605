// ACD and anode-immersion limits of the resistance control (docs/model/dynamics.md §4, "ACD and
// anode-immersion limits"): hand arithmetic on the controller alone. The controller reads the ACD
// (the beam position) at each sample; a beam move the limits cut or refuse saturates it, and the
// time from that decision to the next one that asks for no move (or for a move away from the
// limit) is reported.
#include <gtest/gtest.h>

#include <limits>

#include "potline/control/pot_controller.hpp"
#include "../common/controller_settings.hpp"

namespace test_acd_limits {

namespace {
using potline::control::Actions;
using potline::control::ControllerSettings;
using potline::control::PotController;

// The shared quiet controller with the ACD limits of the schema's defaults.
ControllerSettings settings() {
  ControllerSettings s = potline::testing::quiet_controller_settings();
  s.acd_min_m = 0.025;
  s.acd_max_m = 0.08;
  s.min_anode_immersion_m = 0.12;
  s.bath_height_m = 0.20;
  return s;
}

// Samples every 10 s from 10 s to end_s at `voltage_V` (nominal current) with the ACD reading
// `acd_m`; returns the beam moves commanded.
double run(PotController& c, double from_s, double end_s, double voltage_V, double acd_m, int* limited = nullptr) {
  double moved = 0;
  for (double t = from_s; t <= end_s + 1e-9; t += 10.0) {
    const Actions a = c.sample(t, voltage_V, potline::testing::kControllerNominal_A, acd_m);
    moved += a.beam_move_m;
    if (limited != nullptr && a.acd_limited != 0) *limited = a.acd_limited;
  }
  return moved;
}
}  // namespace

// Ceiling = min(acd_max, bath height − minimum immersion); each limit off at 0.
TEST(AcdLimits, CeilingIsTheLowerOfAcdMaxAndTheImmersionLimit) {
  ControllerSettings s = settings();
  EXPECT_DOUBLE_EQ(potline::control::acd_ceiling_m(s), 0.08);  // 0.20 − 0.12 = 0.08 as well
  s.bath_height_m = 0.18;
  EXPECT_DOUBLE_EQ(potline::control::acd_ceiling_m(s), 0.18 - 0.12);
  s.acd_max_m = 0.05;
  EXPECT_DOUBLE_EQ(potline::control::acd_ceiling_m(s), 0.05);
  s.acd_max_m = 0;
  s.min_anode_immersion_m = 0;
  EXPECT_EQ(potline::control::acd_ceiling_m(s), std::numeric_limits<double>::infinity());
  EXPECT_DOUBLE_EQ(potline::control::acd_floor_m(s), 0.025);
  s.acd_min_m = 0;
  EXPECT_DOUBLE_EQ(potline::control::acd_floor_m(s), 0.0);
}

// The cell voltage 0.2 V below the target asks for a 2 mm raise at each decision (600, 1200, ...
// s). 1 mm below the ceiling the first raise is cut to 1 mm; at the ceiling the next are refused.
// Saturated from the decision at 600 s to the one at 2400 s that finds the voltage on target:
// 1800 s at the ceiling.
TEST(AcdLimits, RaiseIsCutAtTheCeilingAndTheTimeHeldIsCounted) {
  const ControllerSettings s = settings();
  PotController c(&s, 1e9, 1e9, 1, 0);
  int limited = 0;
  EXPECT_NEAR(run(c, 10, 600, 4.0, 0.079, &limited), 0.001, 1e-12);
  EXPECT_EQ(limited, 1);
  EXPECT_DOUBLE_EQ(run(c, 610, 1800, 4.0, 0.080), 0.0);
  EXPECT_DOUBLE_EQ(run(c, 1810, 3000, 4.2, 0.080), 0.0);
  EXPECT_NEAR(c.acd_limits().at_max_s, 1800.0, 1e-6);
  EXPECT_DOUBLE_EQ(c.acd_limits().at_min_s, 0.0);
  EXPECT_DOUBLE_EQ(c.acd_limits().min_acd_m, 0.079);
  EXPECT_DOUBLE_EQ(c.acd_limits().max_acd_m, 0.080);
}

// The same at the floor: 0.2 V above the target lowers the anodes; 1 mm above the floor the cut
// leaves 1 mm; a raise request afterwards is not limited and ends the saturation.
TEST(AcdLimits, LoweringIsCutAtTheFloor) {
  const ControllerSettings s = settings();
  PotController c(&s, 1e9, 1e9, 1, 0);
  int limited = 0;
  EXPECT_NEAR(run(c, 10, 600, 4.4, 0.026, &limited), -0.001, 1e-12);
  EXPECT_EQ(limited, -1);
  EXPECT_DOUBLE_EQ(run(c, 610, 1200, 4.0, 0.025), 0.002);  // away from the floor: allowed
  EXPECT_NEAR(c.acd_limits().at_min_s, 600.0, 1e-6);
  EXPECT_DOUBLE_EQ(c.acd_limits().at_max_s, 0.0);
}

// Without an ACD reading (or with the limits off) the moves are those of the plain controller.
TEST(AcdLimits, NoReadingOrNoLimitsLeaveTheMovesAlone) {
  const ControllerSettings s = settings();
  PotController unread(&s, 1e9, 1e9, 1, 0);
  EXPECT_DOUBLE_EQ(run(unread, 10, 1200, 4.0, -1.0), 0.004);
  EXPECT_DOUBLE_EQ(unread.acd_limits().at_max_s, 0.0);
  ControllerSettings off = settings();
  off.acd_max_m = 0;
  off.min_anode_immersion_m = 0;
  PotController free(&off, 1e9, 1e9, 1, 0);
  EXPECT_DOUBLE_EQ(run(free, 10, 1200, 4.0, 0.12), 0.004);
  EXPECT_DOUBLE_EQ(free.acd_limits().at_max_s, 0.0);
}

// The floor holds the ACD, not only the beam (T8-3): the metal pad rises under a beam that stays,
// so the reading falls below the floor; at the next decision (600 s) the controller raises the
// anodes back in whole beam steps (3.3 mm below → 2 steps of 2 mm), whatever the voltage asks,
// and counts the time below the floor (10 s → 600 s: 590 s of the readings at 2.17 cm).
TEST(AcdLimits, AnAcdBelowTheFloorIsRaisedBackAndTheTimeBelowIsCounted) {
  const ControllerSettings s = settings();
  PotController c(&s, 1e9, 1e9, 1, 0);
  int limited = 0;
  EXPECT_NEAR(run(c, 10, 600, 4.4, 0.0217, &limited), 0.004, 1e-12);  // the voltage asks to lower
  EXPECT_EQ(limited, -1);
  EXPECT_NEAR(c.acd_limits().below_min_s, 590.0, 1e-6);
  EXPECT_DOUBLE_EQ(c.acd_limits().min_acd_m, 0.0217);
  // Back above the floor: lowering is cut at it again, nothing more is raised.
  EXPECT_NEAR(run(c, 610, 1200, 4.4, 0.0257), -0.0007, 1e-12);
  EXPECT_NEAR(c.acd_limits().below_min_s, 600.0, 1e-6);  // the first sample at 610 s still read 2.17 cm
}

// Analogously at the ceiling: a reading above it is lowered back (2.5 mm above → 2 steps).
TEST(AcdLimits, AnAcdAboveTheCeilingIsLoweredBack) {
  const ControllerSettings s = settings();
  PotController c(&s, 1e9, 1e9, 1, 0);
  int limited = 0;
  EXPECT_NEAR(run(c, 10, 600, 4.0, 0.0825, &limited), -0.004, 1e-12);  // the voltage asks to raise
  EXPECT_EQ(limited, 1);
  EXPECT_DOUBLE_EQ(c.acd_limits().below_min_s, 0.0);
}

// An outage ends the saturation: no regulation while the current is off.
TEST(AcdLimits, OutageEndsTheSaturation) {
  const ControllerSettings s = settings();
  PotController c(&s, 1e9, 1e9, 1, 0);
  run(c, 10, 600, 4.0, 0.080);
  for (double t = 610; t <= 1200; t += 10.0) c.sample(t, 0.0, 0.0, 0.080);
  EXPECT_NEAR(c.acd_limits().at_max_s, 10.0, 1e-6);  // 600 → 610, then off
}

}  // namespace test_acd_limits
