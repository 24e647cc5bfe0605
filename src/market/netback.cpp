// A supplier's netback in a solved trade problem (netback.hpp).
#include "potline/market/netback.hpp"

#include <limits>

namespace potline::market {

namespace {

/// [supplier][region]: the shadow prices of the flow limits (caps with `to_regions`) on that lane,
/// summed; empty when the solution carries no shadow prices or no flow limit binds.
std::vector<std::vector<double>> lane_shadows(const TradeProblem& p, const TradeSolution& s, std::size_t n) {
  std::vector<std::vector<double>> out;
  for (std::size_t k = 0; k < p.caps.size() && k < s.cap_shadow_usd_per_kg.size(); ++k) {
    const Cap& cap = p.caps[k];
    const double shadow = s.cap_shadow_usd_per_kg[k];
    if (cap.to_regions.empty() || !(shadow > 0)) continue;
    if (out.empty()) out.assign(p.suppliers.size(), std::vector<double>(n, 0.0));
    for (const int i : cap.suppliers)
      for (const int r : cap.to_regions)
        if (i >= 0 && static_cast<std::size_t>(i) < out.size() && r >= 0 && static_cast<std::size_t>(r) < n)
          out[static_cast<std::size_t>(i)][static_cast<std::size_t>(r)] += shadow;
  }
  return out;
}

}  // namespace

std::vector<Netback> netbacks(const TradeProblem& p, const TradeSolution& s) {
  const std::size_t n = s.price_usd_per_kg.size();
  const std::vector<std::vector<double>> lane = lane_shadows(p, s, n);
  std::vector<Netback> out(p.suppliers.size());
  // A destination worth no more than the home region to a thousandth of a dollar a tonne is a tie:
  // the home region is named (a binding lane's shadow price makes its destination tie exactly with
  // the home price, to the last bits of the sum; user trial 16, T16-1, 2026-12-07).
  constexpr double kTie_usd_per_kg = 1e-6;
  for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
    Netback& b = out[i];
    b.value_usd_per_kg = -std::numeric_limits<double>::infinity();
    b.region = p.suppliers[i].region;
    const auto home = static_cast<std::size_t>(b.region);
    for (std::size_t k = 0; k <= n; ++k) {
      // The home region first, then the others in order.
      const std::size_t r = k == 0 ? home : k - 1;
      if (k > 0 && r == home) continue;
      if (r >= n || (!p.allowed.empty() && !p.allowed[i][r])) continue;
      const double tariff = s.tariff_usd_per_kg.empty() ? 0.0 : s.tariff_usd_per_kg[i][r];
      // A full lane (a binding flow limit, T16-1): the marginal tonne cannot go there, so the lane
      // is worth its destination's price less the limit's shadow price, as a tariff would charge.
      const double limit = lane.empty() ? 0.0 : lane[i][r];
      const double value = s.price_usd_per_kg[r] - p.delivery_usd_per_kg[i][r] - tariff - limit;
      if (value > b.value_usd_per_kg + kTie_usd_per_kg) {  // -inf + tie is -inf: the first allowed one
        b.value_usd_per_kg = value;
        b.region = static_cast<int>(r);
      }
    }
    // No allowed destination (not a problem check() accepts with a positive capacity): the home
    // price.
    if (b.value_usd_per_kg == -std::numeric_limits<double>::infinity())
      b.value_usd_per_kg = s.price_usd_per_kg[static_cast<std::size_t>(b.region)];
  }
  return out;
}

}  // namespace potline::market
