// The plausibility of a price series against the SDAC clearing range (see prices.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "potline/flex/prices.hpp"

namespace potline::flex {

void warn_implausible_prices(const PriceSeries& series, const std::string& key,
                             core::Diagnostics& diagnostics) {
  constexpr double kJ_per_MWh = 3.6e9;
  std::size_t count = 0, first = 0;
  double lowest = 0, highest = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const double p = series.price_eur_per_J[i] * kJ_per_MWh;
    if (p >= kSdacMinPrice_eur_per_MWh && p <= kSdacMaxPrice_eur_per_MWh) continue;
    if (count == 0) {
      first = i;
      lowest = highest = p;
    }
    lowest = std::min(lowest, p);
    highest = std::max(highest, p);
    ++count;
  }
  if (count == 0) return;
  const int line = first < series.lines.size() ? series.lines[first] : 0;
  diagnostics.warning(
      {series.path, line, 0}, key,
      fmt::format("{} price(s) outside {:g} to {:+g} EUR/MWh (lowest {:.6g}, highest {:.6g} "
                  "EUR/MWh; the first on "
                  "this line), the harmonised minimum and maximum clearing prices of the European "
                  "day-ahead market "
                  "(SDAC, [ACER HMMCP 2023]): check the column and its unit (EUR/MWh, not EUR/GWh "
                  "or cents); "
                  "other markets have their own limits",
                  count, kSdacMinPrice_eur_per_MWh, kSdacMaxPrice_eur_per_MWh, lowest, highest));
}

}  // namespace potline::flex
