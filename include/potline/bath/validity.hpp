#pragma once
// Validity ranges of the bath correlations and the bit flags that report their violation.
// A flag is set when a correlation is used outside its published range; values are never
// clamped silently (see docs/model/bath.md). Hot path: plain integers, no allocation.
#include <cstdint>

namespace potline::bath {

/// Closed interval [min, max] in the unit named by the constant using it.
struct ValidityRange {
  double min;
  double max;
  constexpr bool contains(double v) const noexcept { return v >= min && v <= max; }
};

enum ValidityFlag : std::uint32_t {
  kLiquidusOutOfRange = 1u << 0,      ///< [Solheim 1996] composition limits exceeded
  kSolubilityOutOfRange = 1u << 1,    ///< [Skybakmoen 1997] T or composition limits
  kConductivityOutOfRange = 1u << 2,  ///< conductivity correlation T or composition limits
  kDensityOutOfRange = 1u << 3,       ///< density correlation T or composition limits
  kAboveSaturation = 1u << 4,         ///< dissolved Al2O3 above saturation; activity set to 1
  kBelowLiquidus = 1u << 5,           ///< bath temperature below its liquidus (superheat < 0)
  kActivityOutOfRange = 1u << 6,      ///< C/Csat below the activity polynomial's positive root
};

}  // namespace potline::bath
