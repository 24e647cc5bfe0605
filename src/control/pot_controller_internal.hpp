// Internal to the pot controller (pot_controller.cpp, pot_controller_heat.cpp): shared constants.
#pragma once

#include "potline/core/constants.hpp"

namespace potline::control::detail {
// Below this fraction of the nominal current the line is treated as off (outage): no feeding,
// no beam moves; schedules wait. A modelling choice, not a plant figure (no published threshold
// read): the controller regulates the pseudo-resistance (U − E_b)/I with a fixed back-EMF E_b, a
// line U = E_b + R·I that holds near the operating current only (the overvoltages E_b lumps
// together fall with the current). As I falls, the ratio becomes mostly the error of E_b (at 5 %
// of nominal a 10 mV error moves it as much as a 0.2 V error does at nominal) and would drive the
// beam on noise. Schedules may run between 0 and 5 % (potline.current_steps factors in [0, 2], a
// current or power CSV): the cells are then simulated at that current with the controller idle,
// as in an outage, and the alumina they consume meanwhile (at most 5 % of the nominal rate) is not
// fed. The power regulator (src/potline/simulation.cpp) re-fits its line resistance only above the
// same 5 %, for the same reason.
inline constexpr double kOffCurrentFraction = 0.05;

// Faraday's law: aluminium produced at current I with current efficiency ce. [kg/s]
inline double faraday_kg_al_per_s(double current_A, double ce) {
  return current_A * ce * constants::kMolarMassAl_kg_per_mol /
         (constants::kElectronsPerAl * constants::kFaraday_C_per_mol);
}
}  // namespace potline::control::detail
