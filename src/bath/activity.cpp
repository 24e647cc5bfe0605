#include "potline/bath/activity.hpp"

#include <algorithm>

namespace potline::bath {

// Polynomial in ROS = C/Csat; origin unverified (see header).
double alumina_activity(double alumina_wt, double saturation_wt) noexcept {
  if (!(saturation_wt > 0.0)) return 1.0;  // no solubility: any alumina saturates
  const double ros = alumina_wt / saturation_wt;
  if (ros >= 1.0) return 1.0;
  if (!(ros > kActivityPolynomialRoot)) return 0.0;  // polynomial <= 0 (also NaN input)
  const double a = ros * (-0.03791 + ros * (2.364 + ros * (-2.194 + ros * 0.8686)));
  return std::min(a, 1.0);
}

}  // namespace potline::bath
