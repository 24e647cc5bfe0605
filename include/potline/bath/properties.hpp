#pragma once
// All bath properties at one composition and temperature, with validity flags.
// Umbrella header: includes every bath correlation header.
#include <cstdint>
#include <string>
#include <vector>

#include "potline/bath/activity.hpp"
#include "potline/bath/composition.hpp"
#include "potline/bath/conductivity.hpp"
#include "potline/bath/density.hpp"
#include "potline/bath/liquidus.hpp"
#include "potline/bath/solubility.hpp"
#include "potline/bath/validity.hpp"

namespace potline::bath {

struct Properties {
  double liquidus_K;             ///< [Solheim 1996] [K]
  double superheat_K;            ///< bath temperature - liquidus [K]
  double alumina_saturation_wt;  ///< [Skybakmoen 1997] [wt%]
  double alumina_activity;       ///< relative to solid alumina [-]
  double conductivity_S_per_m;   ///< [S/m]
  double density_kg_per_m3;      ///< [Kan et al. 2007] [kg/m^3]
  double bath_ratio;             ///< NaF/AlF3 mass ratio [-]
  double cryolite_ratio;         ///< NaF/AlF3 molar ratio [-]
  std::uint32_t flags;           ///< ValidityFlag bits
};

/// `c` with its alumina limited to `saturation_wt`: what is dissolved (the rest is undissolved).
Composition dissolved_composition(const Composition& c, double saturation_wt) noexcept;

/// Evaluates every property and sets the validity flags. The conductivity (and its validity flag)
/// is that of the dissolved alumina, min(Al2O3, saturation); the activity is 1 at saturation. No allocation, no exceptions.
Properties evaluate(const Composition& c, double temperature_K, ConductivityModel model) noexcept;

/// One human sentence per set flag, naming the correlation, the offending values and the
/// validity range. `model` names the conductivity correlation in its sentence.
std::vector<std::string> describe(std::uint32_t flags, const Composition& c, double temperature_K,
                                  ConductivityModel model = ConductivityModel::kHives1996);

}  // namespace potline::bath
