#pragma once
// State vector of the lumped dynamic cell model. SI units; one double per entry.
// The first kPhysicalStateCount entries are the physical states; the rest are running integrals
// (quadratures) that the conservation checks and the summary read. Both integrators advance the
// whole vector, so the integrals carry the integrator's own accuracy.
#include <cstddef>

namespace potline::dynamics {

enum StateIndex : int {
  kDissolvedAlumina = 0,  ///< dissolved Al2O3 in the bath [kg]
  kUndissolvedAlumina,    ///< undissolved Al2O3 (sludge, rafts) [kg]
  kExcessAlF3,            ///< AlF3 in excess of cryolite stoichiometry, liquid bath [kg]
  kCryolite,              ///< Na3AlF6 in the liquid bath [kg]
  kOtherAdditives,        ///< CaF2 + MgF2 + LiF + KF in the liquid bath [kg]
  kMetal,                 ///< liquid aluminium pad [kg]
  kBathTemperature,       ///< bath temperature [K]
  kLedge,                 ///< frozen side ledge (cryolite) [kg]
  kAcd,                   ///< anode-cathode distance [m]
  kColdAnodeHeat,         ///< heat still to be absorbed by recently set cold anodes [J]
  kTopTemperature,        ///< top node: anodes + anode cover/crust, mean temperature [K]
  kWallTemperature,       ///< side node: side lining (SiC/carbon block) + shell [K]
  kLiningTemperature,     ///< bottom node: cathode blocks [K]
  kMetalTemperature,      ///< liquid aluminium pad [K]
  // running integrals
  kCharge,                ///< ∫ I dt [C]
  kEnergyIn,              ///< ∫ I·(V − V_external) dt, electrical energy into the pot [J]
  kEnergyLine,            ///< ∫ I·V dt, including the busbar share [J]
  kEnergyChemical,        ///< ∫ (reaction + heating of reactants) dt [J]
  kEnergyLost,            ///< ∫ (top + side + bottom heat loss) dt [J]
  kEnergyAnodeHeating,    ///< ∫ heat absorbed by cold anodes dt [J]
  kMetalProduced,         ///< ∫ Faraday production dt [kg]
  kAluminaConsumed,       ///< ∫ Al2O3 consumption by electrolysis dt [kg]
  kAlF3Added,             ///< ∫ AlF3 addition rate dt [kg]
  kAlF3Consumed,          ///< ∫ AlF3 consumption (emissions, Na2O neutralisation) dt [kg]
  kAeVoltSeconds,         ///< ∫ anode-effect overvoltage dt [V·s]
  kStateCount
};

inline constexpr int kPhysicalStateCount = kMetalTemperature + 1;

/// Name of a state for messages and CSV headers, e.g. "bath_temperature".
const char* state_name(int index) noexcept;
/// Unit of a state, e.g. "K".
const char* state_unit(int index) noexcept;

}  // namespace potline::dynamics
