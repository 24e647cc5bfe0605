#pragma once
// An illustrative modern 400 kA point-fed prebake cell used by several tests. It is not a catalogue
// technology: geometry and drops are mid-range values of the typical modern ranges, chosen once
// and shared so that tests do not each invent their own.
#include "potline/cell/inputs.hpp"

namespace potline::testing {

inline cell::CellDesign modern_design() {
  cell::CellDesign d;
  d.anode_count = 40;
  d.anode_length_m = 1.6;
  d.anode_width_m = 0.65;
  d.anode_gap_m = 0.04;
  d.center_channel_m = 0.2;
  d.side_channel_m = 0.3;
  d.anode_immersion_m = 0.15;
  d.cathode_area_m2 = 50.0;
  d.anode_resistance_ohm = 0.30 / 400e3;
  d.cathode_resistance_ohm = 0.28 / 400e3;
  d.external_resistance_ohm = 0.20 / 400e3;
  d.rectifier_efficiency = 0.975;
  return d;
}

inline cell::OperatingPoint modern_op() {
  cell::OperatingPoint op;
  op.line_current_A = 400e3;
  op.acd_m = 0.045;
  op.bath_temperature_K = 1238.15;  // 965 degC
  op.bath = {2.5, 12.0, 5.0, 0.0, 0.0, 0.0};
  return op;
}

}  // namespace potline::testing
