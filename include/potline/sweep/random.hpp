#pragma once
// Counter-based random numbers for sweeps: every draw is a pure function of its key
// (seed, stream, sample, input, draw) — no generator state, so sample k's inputs are the same on
// any thread, in any order, on any MPI rank. The mixer is SplitMix64's finaliser (Steele, Lea &
// Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA) applied to a
// hash-combined key; the samplers below are written here so results never depend on the
// standard library's distribution implementations (which differ between libstdc++ and libc++).
#include <cstdint>
#include <string>

namespace potline::sweep {

/// SplitMix64 finaliser: a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// The key of one draw. `stream` separates scenarios (or is 0 for common random numbers).
struct DrawKey {
  std::uint64_t seed = 0;
  std::uint64_t stream = 0;
  std::uint64_t sample = 0;
  std::uint64_t input = 0;
};

/// 64 random bits for draw number `n` of the key.
std::uint64_t bits(const DrawKey& key, std::uint64_t n);
/// Uniform on the open interval (0, 1): 53-bit mantissa, never 0 or 1.
double uniform01(const DrawKey& key, std::uint64_t n);

enum class DistributionKind { kUniform, kNormal, kLognormal, kTriangular };
std::string to_string(DistributionKind k);

/// A distribution with its parameters in the input's internal unit.
///   uniform:    a = min, b = max
///   normal:     a = mean, b = standard deviation
///   lognormal:  a = median (= exp(mu)), b = sigma of ln(x)
///   triangular: a = min, b = mode, c = max
struct Distribution {
  DistributionKind kind = DistributionKind::kUniform;
  double a = 0, b = 0, c = 0;
};

/// One sample of `d` for the key. Normal draws use Box–Muller on two uniforms (draws 0 and 1);
/// the others use one uniform through the inverse CDF.
double sample(const Distribution& d, const DrawKey& key);

/// Checks the parameters (ordering, positive spread); returns an error text or "".
std::string check(const Distribution& d);

}  // namespace potline::sweep
