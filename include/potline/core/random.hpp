#pragma once
// Seeded random numbers: one library for dynamics and sweeps (docs/model/random.md).
//
// Two generators over one mixer, because the two uses need different things:
//  - Random: a stateful stream (xoshiro256**, [Blackman & Vigna 2021]) seeded through SplitMix64,
//    one stream per cell or line of a dynamic run, drawn in simulation order.
//  - Counter-based draws (DrawKey): every draw a pure function of (seed, stream, sample, input,
//    draw number) through the SplitMix64 finaliser [Steele et al. 2014], so a sweep sample's
//    inputs are the same on any thread, in any order, on any MPI rank.
// Each distribution has one parametrisation, written once below as a transform of standard
// variates (a uniform or a standard normal), so results never depend on the standard library's
// distribution implementations (which differ between libstdc++ and libc++):
//   uniform(min, max), normal(mean, sd), lognormal(mu, sigma) with x = exp(mu + sigma z),
//   triangular(min, mode, max), exponential(mean).
// Inputs given another way (a lognormal by mean and CV, or by median and sigma) are converted to
// these at the boundary by the helpers below.
#include <cmath>
#include <cstdint>
#include <numbers>

namespace potline::core {

/// SplitMix64 finaliser [Steele et al. 2014]: a bijective 64-bit mixer, golden-ratio
/// increment included.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// ---- one parametrisation per distribution (transforms of standard variates) -------------------

struct Uniform {
  double min = 0, max = 1;
};
struct Normal {
  double mean = 0, sd = 1;
};
/// ln x ~ Normal(mu, sigma): median exp(mu), mean exp(mu + sigma^2/2).
struct Lognormal {
  double mu = 0, sigma = 0;
};
struct Triangular {
  double min = 0, mode = 0.5, max = 1;
};
struct Exponential {
  double mean = 1;
};

/// `u` in [0, 1).
inline double quantile(const Uniform& d, double u) noexcept { return d.min + (d.max - d.min) * u; }
/// `z` a standard normal variate.
inline double from_standard_normal(const Normal& d, double z) noexcept { return d.mean + d.sd * z; }
inline double from_standard_normal(const Lognormal& d, double z) noexcept { return std::exp(d.mu + d.sigma * z); }
/// Inverse CDF; `u` in [0, 1].
inline double quantile(const Triangular& d, double u) noexcept {
  const double f = (d.mode - d.min) / (d.max - d.min);
  if (u < f) return d.min + std::sqrt(u * (d.max - d.min) * (d.mode - d.min));
  return d.max - std::sqrt((1 - u) * (d.max - d.min) * (d.max - d.mode));
}
/// Inverse CDF; `u` in (0, 1].
inline double quantile(const Exponential& d, double u) noexcept { return -d.mean * std::log(u); }

/// The lognormal with this mean and coefficient of variation (sd / mean):
/// sigma^2 = ln(1 + CV^2), mu = ln(mean) - sigma^2 / 2.
inline Lognormal lognormal_from_mean_cv(double mean, double cv) noexcept {
  const double s2 = std::log(1.0 + cv * cv);
  return {std::log(mean) - 0.5 * s2, std::sqrt(s2)};
}
/// The lognormal with this median (exp(mu)) and sigma of ln x.
inline Lognormal lognormal_from_median(double median, double sigma) noexcept { return {std::log(median), sigma}; }

// ---- stateful streams (dynamics) ---------------------------------------------------------------

class Random {
 public:
  Random() : Random(0, 0) {}
  /// Stream `stream` of run seed `seed`: streams are independent (one per cell, one per line).
  Random(std::uint64_t seed, std::uint64_t stream) noexcept {
    std::uint64_t x = seed ^ (0xD1B54A32D192ED03ull * (stream + 1));
    for (auto& s : s_) {
      s = mix64(x);
      x += 0x9E3779B97F4A7C15ull;  // SplitMix64: the state advances by the golden-ratio increment
    }
  }
  /// xoshiro256** [Blackman & Vigna 2021].
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Standard normal by Marsaglia and Bray's polar method [Marsaglia & Bray 1964], both values
  /// used: no trigonometric call, so it costs about half of the Box–Muller transform per value.
  double normal() noexcept {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }
  /// Uniform on (0, 1): redraws an exact 0 (for quantiles that need u > 0).
  double uniform_positive() noexcept {
    double u = uniform();
    while (u <= 0.0) u = uniform();
    return u;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// ---- counter-based draws (sweeps) --------------------------------------------------------------

/// The key of one draw. `stream` separates scenarios (or is 0 for common random numbers).
struct DrawKey {
  std::uint64_t seed = 0;
  std::uint64_t stream = 0;
  std::uint64_t sample = 0;
  std::uint64_t input = 0;
};

/// 64 random bits for draw number `n` of the key: the key's words chained through the mixer (each
/// step bijective in the running value), so two keys differing in any word give unrelated outputs.
constexpr std::uint64_t bits(const DrawKey& key, std::uint64_t n) noexcept {
  std::uint64_t h = mix64(key.seed ^ 0x5EED5EED5EED5EEDull);
  h = mix64(h ^ key.stream);
  h = mix64(h ^ key.sample);
  h = mix64(h ^ key.input);
  return mix64(h ^ n);
}
/// Uniform on the open interval (0, 1): (k + 0.5) / 2^53 for k in [0, 2^53), never 0 or 1.
constexpr double uniform01(const DrawKey& key, std::uint64_t n) noexcept {
  return (static_cast<double>(bits(key, n) >> 11) + 0.5) * 0x1.0p-53;
}
/// Standard normal by the Box–Muller transform [Box & Muller 1958] of draws 0 and 1 of the key (one value per key:
/// no state to carry between draws).
inline double standard_normal(const DrawKey& key) noexcept {
  const double u1 = uniform01(key, 0), u2 = uniform01(key, 1);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace potline::core
