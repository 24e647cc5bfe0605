#include "potline/sweep/random.hpp"

#include <cmath>

namespace potline::sweep {

std::string to_string(DistributionKind k) {
  switch (k) {
    case DistributionKind::kUniform: return "uniform";
    case DistributionKind::kNormal: return "normal";
    case DistributionKind::kLognormal: return "lognormal";
    case DistributionKind::kTriangular: return "triangular";
  }
  return "?";
}

double sample(const Distribution& d, const DrawKey& key) {
  switch (d.kind) {
    case DistributionKind::kUniform: return core::quantile(core::Uniform{d.a, d.b}, uniform01(key, 0));
    case DistributionKind::kNormal: return core::from_standard_normal(core::Normal{d.a, d.b}, core::standard_normal(key));
    case DistributionKind::kLognormal:
      return core::from_standard_normal(core::lognormal_from_median(d.a, d.b), core::standard_normal(key));
    case DistributionKind::kTriangular: return core::quantile(core::Triangular{d.a, d.b, d.c}, uniform01(key, 0));
  }
  return 0;
}

std::string check(const Distribution& d) {
  auto finite = [](double x) { return std::isfinite(x); };
  if (!finite(d.a) || !finite(d.b) || !finite(d.c)) return "parameters must be finite numbers";
  switch (d.kind) {
    case DistributionKind::kUniform:
      return d.b > d.a ? "" : "uniform needs min < max";
    case DistributionKind::kNormal:
      return d.b > 0 ? "" : "normal needs sd > 0";
    case DistributionKind::kLognormal:
      if (d.a <= 0) return "lognormal needs median > 0";
      return d.b > 0 ? "" : "lognormal needs sigma > 0 (standard deviation of ln x)";
    case DistributionKind::kTriangular:
      return (d.a <= d.b && d.b <= d.c && d.a < d.c) ? "" : "triangular needs min <= mode <= max and min < max";
  }
  return "";
}

}  // namespace potline::sweep
