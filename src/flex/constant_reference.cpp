// The best constant schedule (see constant_reference.hpp).
#include "potline/flex/constant_reference.hpp"

#include <algorithm>
#include <cmath>

namespace potline::flex {
namespace {

// Round-off allowance of the heat-state check (the optimiser's LP works to about 1e-9).
constexpr double kLedgeSlack_m = 1e-9, kSuperheatSlack_K = 1e-9;
// The scan's largest step in share of nominal power: 0.05 %, below the resolution any plan is read at.
constexpr double kShareStep = 5e-4;

bool within_bounds(const FlexCase& c, const ReducedModel& m, const HeatBounds& h, const Schedule& s) {
  for (const double ledge : s.ledge_m) {
    if (ledge < h.ledge_min_m - kLedgeSlack_m || ledge > h.ledge_max_m + kLedgeSlack_m) return false;
  }
  for (const double superheat : s.superheat_K) {
    if (superheat < h.superheat_min_K - kSuperheatSlack_K || superheat > h.superheat_max_K + kSuperheatSlack_K) {
      return false;
    }
  }
  return s.ledge_m.empty() || std::abs(s.ledge_m.back() - m.ledge_ref_m) <= c.dispatch.end_ledge_tolerance_m + kLedgeSlack_m;
}

Schedule constant_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, double share) {
  Schedule s;
  s.shares.assign(p.price_eur_per_J.size(), share);
  m.predict(s.shares, s.ledge_m, s.superheat_K);
  s.economics = schedule_economics(c, m, p, s.shares);
  return s;
}

}  // namespace

ConstantReference best_constant_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                         const HeatBounds& h) {
  const double low = flat_share(c, m), high = std::max(low, highest_share(c, m));
  std::vector<double> levels = {low, high};
  if (low < 1.0 && 1.0 < high) levels.push_back(1.0);
  // Levels by index (a running sum drifted to 104.99999999999945 % and tied with the 105 % end).
  const auto intervals = static_cast<int>(std::ceil((high - low) / kShareStep));
  for (int i = 1; i < intervals; ++i) levels.push_back(low + (high - low) * i / intervals);
  std::sort(levels.begin(), levels.end());
  ConstantReference best;
  for (const double share : levels) {
    Schedule s = constant_schedule(c, m, p, share);
    if (!within_bounds(c, m, h, s)) continue;
    if (!best.found || s.economics.margin_eur() > best.schedule.economics.margin_eur() + 1e-9) {
      best.found = true;
      best.schedule = std::move(s);
    }
  }
  return best;
}

}  // namespace potline::flex
