#pragma once
// The random inputs of pot control: the run's seeded streams (core::Random) and the positive
// durations drawn from them (quench times), given by mean and coefficient of variation as in the
// simulate case file and converted to the core library's one parametrisation of each
// distribution (include/potline/core/random.hpp, docs/model/random.md).
#include "potline/core/random.hpp"

namespace potline::control {

using core::Random;

/// A positive duration (or any positive quantity) drawn from a named distribution.
struct Distribution {
  enum class Kind { kFixed, kUniform, kLognormal, kExponential };
  Kind kind = Kind::kFixed;
  double mean = 0.0;                      ///< in the quantity's unit
  double coefficient_of_variation = 0.0;  ///< uniform and lognormal: sd / mean

  double sample(Random& rng) const noexcept {
    switch (kind) {
      case Kind::kFixed: return mean;
      case Kind::kUniform: {
        // Uniform with the given mean and sd: half-width = sqrt(3)·sd, floored at zero.
        const double half = std::sqrt(3.0) * coefficient_of_variation * mean;
        const double v = core::quantile(core::Uniform{mean - half, mean + half}, rng.uniform());
        return v > 0.0 ? v : 0.0;
      }
      case Kind::kLognormal:
        return core::from_standard_normal(core::lognormal_from_mean_cv(mean, coefficient_of_variation), rng.normal());
      case Kind::kExponential: return core::quantile(core::Exponential{mean}, rng.uniform_positive());
    }
    return mean;
  }
};

}  // namespace potline::control
