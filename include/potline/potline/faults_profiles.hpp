#pragma once
// Fault profiles: the seeded process-fault rates of a technology class (docs/model/faults.md,
// "Rates"; issue 11 part 3). One table, one row per class, each row with the published (or
// labelled) anode-effect range it is calibrated to and the source of that range.
//
// How a row is made: the relative rates of the faults (feeder chokes and partial blockages, crust
// breakers, crust collapses, poor alumina, anode spikes) are estimates with no published split by
// cause; they are multiplied by ONE factor per class, chosen so that the anode-effect frequency of
// a seed ensemble (5 seeds × 20 cells × 35 d = 500 cell-weeks of the potline-year case) sits at the
// geometric middle of the class's published range. That is a calibration to a range, not a
// mechanism: the anode-effect frequency of a profile is an input, the checks of
// docs/validation.md show that it holds across seeds and what the durations, AE-minutes and PFC
// intensity then are.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/io/values.hpp"

namespace potline::line {

/// One technology class's fault rates and the anode-effect range they are calibrated to.
struct FaultProfile {
  std::string_view name;        ///< value of faults.profile
  std::string_view pfc_class;   ///< IPCC technology class (data/emissions/ipcc-aluminium.toml)
  std::string_view description;
  // The range the scale factor is calibrated to (ensemble anode-effect frequency at its geometric
  // middle) and the AE-minutes per pot-day that go with it under the class's quench practice.
  double ae_per_day_min = 0.0, ae_per_day_max = 0.0;  ///< anode effects per pot-day
  double aem_min = 0.0, aem_max = 0.0;                ///< AE-minutes per pot-day
  std::string_view quench;       ///< quench practice the AE-minute range assumes (control.quench)
  std::string_view range_source; ///< where the range comes from (references in docs/references.md)
  double scale = 0.0;            ///< the one calibrated factor on the relative rates below
  // Relative rates (estimates, before the scale): per feeder-day or per cell-day.
  double choke_per_feeder_day = 0.0, partial_per_feeder_day = 0.0, breaker_per_feeder_day = 0.0;
  double collapse_per_cell_day = 0.0, poor_alumina_per_cell_day = 0.0, spike_per_cell_day = 0.0;
};

/// Every profile (without "none" and "auto").
std::span<const FaultProfile> fault_profiles();
/// The profile of that name; nothing for "none", "auto" or an unknown name.
const FaultProfile* find_fault_profile(std::string_view name);
/// Values of faults.profile: none, auto and the profile names.
std::vector<std::string> fault_profile_choices();
/// The profile "auto" takes: point-fed prebake first run industrially before 1990 → pfpb_legacy,
/// else pfpb_modern (the dynamic model is a point-fed cell under computer control; a case without
/// a technology or without a year takes pfpb_modern). The 1990 boundary is the fleet's
/// (fleet::pfc_class_of).
const FaultProfile& auto_fault_profile(const cell::Technology* technology);

/// The rate keys a profile sets, each with its value in `p` (already scaled).
struct ProfileRate {
  std::string_view key;
  double value;
};
std::vector<ProfileRate> profile_rates(const FaultProfile* p);

/// Resolves faults.profile in `v` and writes the profile's rates into every rate key that still
/// holds its schema default (an explicitly set key overrides the profile). Returns the resolved
/// profile name ("none" or a profile's name).
std::string apply_fault_profile(const cell::Technology* technology, io::ValueSet& v);

}  // namespace potline::line
