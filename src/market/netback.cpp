// A supplier's netback in a solved trade problem (netback.hpp).
#include "potline/market/netback.hpp"

#include <limits>

namespace potline::market {

std::vector<Netback> netbacks(const TradeProblem& p, const TradeSolution& s) {
  const std::size_t n = s.price_usd_per_kg.size();
  std::vector<Netback> out(p.suppliers.size());
  for (std::size_t i = 0; i < p.suppliers.size(); ++i) {
    Netback& b = out[i];
    b.value_usd_per_kg = -std::numeric_limits<double>::infinity();
    b.region = p.suppliers[i].region;
    for (std::size_t r = 0; r < n; ++r) {
      if (!p.allowed.empty() && !p.allowed[i][r]) continue;
      const double tariff = s.tariff_usd_per_kg.empty() ? 0.0 : s.tariff_usd_per_kg[i][r];
      const double value = s.price_usd_per_kg[r] - p.delivery_usd_per_kg[i][r] - tariff;
      if (value > b.value_usd_per_kg) {
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
