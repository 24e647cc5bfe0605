#include "potline/plant/power_breakeven.hpp"

#include <cmath>

namespace potline::plant {

std::optional<double> breakeven_power_usd_per_J(double margin_usd_per_kg, double power_usd_per_J,
                                                double electricity_J_per_kg) noexcept {
  if (!(electricity_J_per_kg > 0.0) || !std::isfinite(margin_usd_per_kg) ||
      !std::isfinite(power_usd_per_J)) {
    return std::nullopt;
  }
  return power_usd_per_J + margin_usd_per_kg / electricity_J_per_kg;
}

}  // namespace potline::plant
