// Internal to src/potline: the controlled operating point within a case's own ACD limits (T20-10),
// defined in thermal_window.cpp and used by controlled_acd_start in thermal_start.cpp.
#pragma once

#include "potline/potline/thermal_window.hpp"

namespace potline::line {

// controlled_operating_point within a case's own control.acd_min / acd_max [m] (< 0: the declared
// default; acd_max 0: no limit).
ControlledOperatingPoint controlled_operating_point_within(const cell::CellDesign& design,
                                                           const cell::ModelConstants& constants,
                                                           const cell::OperatingPoint& design_op,
                                                           const cell::OperatingPoint& op,
                                                           const cell::CellDesign* heat_loss_design,
                                                           double acd_min_m, double acd_max_m);

}  // namespace potline::line
