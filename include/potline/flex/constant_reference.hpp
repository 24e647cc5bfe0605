#pragma once
// The best constant schedule: the one power level, held over the whole horizon, that maximises the
// margin within the case's power range, production target and heat-state bounds. The optimised
// schedule's value against the flat schedule at the production target splits into what a constant
// level earns (running above the target all the time needs no price variation: an uprating) and
// what following the price earns (user trial 7, T7-36; docs/model/flexibility.md §4).
#include "potline/flex/dispatch.hpp"

namespace potline::flex {

struct ConstantReference {
  bool found = false;     ///< false when no constant level meets the target and heat bounds
  Schedule schedule;      ///< the constant schedule (reduced model), no interruptible offer
};

/// Scans the constant levels from the flat share (the target's) to the highest share the power
/// limit and rectifier allow, in equal steps of at most 0.05 % of nominal, at both ends and at nominal; keeps
/// the feasible level of highest planned margin (the heat state of the reduced model within `h`,
/// the end ledge within flex.end_ledge_tolerance). Ties keep the lower level.
ConstantReference best_constant_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                         const HeatBounds& h);

}  // namespace potline::flex
