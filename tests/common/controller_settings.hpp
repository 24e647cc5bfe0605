#pragma once
// A 400 kA pot controller for tests of the controller alone (hand arithmetic): 10 s samples, one
// 2 mm beam step per resistance decision every 10 min, a 50 mV deadband, and feeding that never
// switches to overfeed (no tracking lockout). Schedules (taps, bath samples) are off; tests that
// need them, or the feed-forward, the ACD limits or the reheat practice, set those fields.
#include "potline/control/pot_controller.hpp"

namespace potline::testing {

inline constexpr double kControllerNominal_A = 400e3;

inline control::ControllerSettings quiet_controller_settings() {
  constexpr double hour_s = 3600.0;
  control::ControllerSettings s;
  s.sample_period_s = 10.0;
  s.back_emf_V = 1.65;
  s.nominal_current_A = kControllerNominal_A;
  s.target_voltage_V = 4.2;
  s.deadband_V = 0.05;
  s.beam_step_m = 0.002;
  s.resistance_period_s = 600.0;
  s.shot_mass_kg = 1.8;
  s.underfeed_factor = 0.7;
  s.overfeed_factor = 1.4;
  s.overfeed_duration_s = hour_s;
  s.average_period_s = 120.0;
  s.slope_points = 10;
  s.slope_threshold_V_per_s = 1e9;  // never switch to overfeed: no tracking lockout either
  s.tracking_lockout_s = 1e9;
  s.ae_detect_voltage_V = 8.0;
  s.tap_interval_s = 1e9;
  s.sample_interval_s = 1e9;
  s.alf3_horizon_s = 48 * hour_s;
  s.assumed_current_efficiency = 0.95;
  return s;
}

}  // namespace potline::testing
