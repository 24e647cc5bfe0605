#pragma once
// The best constant schedule: the one power level, held over the whole horizon, that maximises the
// margin within the case's power range, production target and heat-state bounds. The optimised
// schedule's value against the flat schedule at the production target splits into what a constant
// level earns (running above the target all the time needs no price variation: an uprating) and
// what following the price earns (user trial 7, T7-36; docs/model/flexibility.md §4). The levels
// are judged in the dynamic model, not in the reduced one (user trial 8, T8-11: the reduced model's
// corner solution was not the best level the dynamic model delivered).
#include <vector>

#include "potline/flex/dispatch.hpp"
#include "potline/flex/resimulate.hpp"

namespace potline::flex {

/// One candidate level and what the dynamic model delivered for it.
struct ConstantCandidate {
  double share = 1;
  bool in_window = false;  ///< its dynamic run stayed within the case's window (and ran to the end)
  double delivered_margin_eur = 0;
};

struct ConstantReference {
  bool found = false;  ///< false when no candidate level stays in the window in the dynamic model
  Schedule schedule;   ///< the constant schedule (reduced model: planned economics), no
                       ///< interruptible offer
  Resimulation check;  ///< its dynamic run
  ScheduleEconomics delivered;  ///< as the dynamic model delivered it (delivered_economics)
  std::vector<ConstantCandidate> candidates;  ///< every level run, ascending
};

/// The candidate levels: the flat share (the target's), the kinks of the production curve above it
/// (where the reduced model's best constant level can lie), and the highest share the power limit
/// and rectifier allow (and nominal when the flat share lies below it). Each runs over the horizon
/// in the dynamic model (the flat one is `flat_check`, already run); the level of highest delivered
/// margin whose run stays in the case's window wins. Ties keep the lower level.
ConstantReference best_constant_schedule(const FlexCase& c, const ReducedModel& m,
                                         const HorizonPrices& p, const Resimulation& flat_check);

/// The candidate levels of best_constant_schedule, ascending.
std::vector<double> constant_levels(const FlexCase& c, const ReducedModel& m);

}  // namespace potline::flex
