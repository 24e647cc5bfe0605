#pragma once
// Seeded random numbers owned by a run. The generator (xoshiro256**, Blackman & Vigna 2018) and
// every sampler are written here, so results never depend on the standard library's
// distributions (whose algorithms differ between implementations).
#include <cmath>
#include <cstdint>

namespace potline::control {

/// SplitMix64 (Steele, Lea & Flood 2014): seeds and derives independent streams.
inline std::uint64_t splitmix64(std::uint64_t& x) noexcept {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Random {
 public:
  Random() : Random(0, 0) {}
  /// Stream `stream` of run seed `seed`: streams are independent (one per cell, one per line).
  Random(std::uint64_t seed, std::uint64_t stream) noexcept {
    std::uint64_t x = seed ^ (0xD1B54A32D192ED03ull * (stream + 1));
    for (auto& s : s_) s = splitmix64(x);
  }
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
  /// Standard normal by Marsaglia and Bray's polar method (SIAM Review 6 (1964) 260), both values
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

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

/// A positive duration (or any positive quantity) drawn from a named distribution.
struct Distribution {
  enum class Kind { kFixed, kUniform, kLognormal, kExponential };
  Kind kind = Kind::kFixed;
  double mean = 0.0;                  ///< in the quantity's unit
  double coefficient_of_variation = 0.0;  ///< uniform and lognormal: sd / mean

  double sample(Random& rng) const noexcept {
    switch (kind) {
      case Kind::kFixed: return mean;
      case Kind::kUniform: {
        // Uniform with the given mean and sd: half-width = sqrt(3)·sd, floored at zero.
        const double half = std::sqrt(3.0) * coefficient_of_variation * mean;
        const double v = mean - half + 2.0 * half * rng.uniform();
        return v > 0.0 ? v : 0.0;
      }
      case Kind::kLognormal: {
        const double s2 = std::log(1.0 + coefficient_of_variation * coefficient_of_variation);
        return std::exp(std::log(mean) - 0.5 * s2 + std::sqrt(s2) * rng.normal());
      }
      case Kind::kExponential: {
        double u = rng.uniform();
        while (u <= 0.0) u = rng.uniform();
        return -mean * std::log(u);
      }
    }
    return mean;
  }
};

}  // namespace potline::control
