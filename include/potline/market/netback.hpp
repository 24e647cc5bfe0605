#pragma once
// A supplier's netback in a solved trade problem (trade.hpp): the best price its metal fetches at
// the works over the regions it may deliver to, the destination's price (the balance row's dual)
// less the delivery cost, the ad valorem tariff the solution charged and the shadow prices of the
// flow limits on that lane that bind (`TradeSolution::cap_shadow_usd_per_kg` of the caps with
// `to_regions`; a full lane carries no marginal tonne, so it is worth no more than the limit's rent
// leaves, user trial 16, T16-1). At the LP optimum every supplier that produces delivers where this is
// highest, and netback − cost is its capacity row's dual plus the shadow prices of the capacity caps
// that hold it (complementary slackness); a supplier whose netback is below its cost does not
// produce. The margin of a smelter that exports everything is thus measured at the destination, not
// at its home region's price (user trial 7, T7-5).
#include <vector>

#include "potline/market/trade.hpp"

namespace potline::market {

struct Netback {
  double value_usd_per_kg = 0;  ///< best destination price − delivery − tariff
  int region = -1;              ///< that destination (the lowest index among equal ones)
};

/// One per supplier of `p`; `s` must be a feasible solution of `p` (its `cap_shadow_usd_per_kg` may be
/// empty: no flow limit is then charged).
std::vector<Netback> netbacks(const TradeProblem& p, const TradeSolution& s);

}  // namespace potline::market
