#include "potline/sweep/random.hpp"

#include <cmath>
#include <numbers>

namespace potline::sweep {

std::uint64_t bits(const DrawKey& key, std::uint64_t n) {
  // Chain the key's words through the mixer (each step bijective in the running value), so two
  // keys differing in any word give unrelated outputs.
  std::uint64_t h = mix64(key.seed ^ 0x5EED5EED5EED5EEDull);
  h = mix64(h ^ key.stream);
  h = mix64(h ^ key.sample);
  h = mix64(h ^ key.input);
  return mix64(h ^ n);
}

double uniform01(const DrawKey& key, std::uint64_t n) {
  // (k + 0.5) / 2^53 for k in [0, 2^53): strictly inside (0, 1).
  return (static_cast<double>(bits(key, n) >> 11) + 0.5) * 0x1.0p-53;
}

std::string to_string(DistributionKind k) {
  switch (k) {
    case DistributionKind::kUniform: return "uniform";
    case DistributionKind::kNormal: return "normal";
    case DistributionKind::kLognormal: return "lognormal";
    case DistributionKind::kTriangular: return "triangular";
  }
  return "?";
}

namespace {
double standard_normal(const DrawKey& key) {
  const double u1 = uniform01(key, 0), u2 = uniform01(key, 1);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}
}  // namespace

double sample(const Distribution& d, const DrawKey& key) {
  switch (d.kind) {
    case DistributionKind::kUniform: return d.a + (d.b - d.a) * uniform01(key, 0);
    case DistributionKind::kNormal: return d.a + d.b * standard_normal(key);
    case DistributionKind::kLognormal: return d.a * std::exp(d.b * standard_normal(key));
    case DistributionKind::kTriangular: {
      const double u = uniform01(key, 0);
      const double lo = d.a, mode = d.b, hi = d.c;
      const double f = (mode - lo) / (hi - lo);
      if (u < f) return lo + std::sqrt(u * (hi - lo) * (mode - lo));
      return hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
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
