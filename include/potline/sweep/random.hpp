#pragma once
// Draws of a sweep's uncertain inputs: counter-based (core::DrawKey), so sample k's inputs are a
// pure function of (seed, stream, sample, input) — the same on any thread, in any order, on any MPI
// rank. The generator and each distribution's one parametrisation are in the core random library
// (include/potline/core/random.hpp, docs/model/random.md); this header keeps the sweep file's
// parameter layout (a, b, c) and its checks.
#include <cstdint>
#include <string>

#include "potline/core/random.hpp"

namespace potline::sweep {

using core::bits;
using core::DrawKey;
using core::mix64;
using core::uniform01;

enum class DistributionKind { kUniform, kNormal, kLognormal, kTriangular };
std::string to_string(DistributionKind k);

/// A distribution with its parameters in the input's internal unit, as the sweep file gives them.
///   uniform:    a = min, b = max
///   normal:     a = mean, b = standard deviation
///   lognormal:  a = median (= exp(mu)), b = sigma of ln(x)
///   triangular: a = min, b = mode, c = max
struct Distribution {
  DistributionKind kind = DistributionKind::kUniform;
  double a = 0, b = 0, c = 0;
};

/// One sample of `d` for the key. Normal and lognormal draws use Box–Muller on two uniforms
/// (draws 0 and 1); the others use one uniform through the inverse CDF.
double sample(const Distribution& d, const DrawKey& key);

/// Checks the parameters (ordering, positive spread); returns an error text or "".
std::string check(const Distribution& d);

}  // namespace potline::sweep
