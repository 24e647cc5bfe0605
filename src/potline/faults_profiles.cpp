// Fault profiles per technology class: see the header and docs/model/faults.md, "Rates".
#include "potline/potline/faults_profiles.hpp"

#include <array>

#include "potline/plant/anode_effects.hpp"

namespace potline::line {
namespace {

// Relative fault rates shared by every class (estimates; no published rates or split of anode
// effects by cause were found, docs/model/faults.md "Rates"):
//  - feeder chokes and partial blockages: 0.02 each per feeder-day (the former defaults: about one
//    fault per feeder per 50 days, docs/model/dynamics.md "Feeders and faults");
//  - crust-breaker failures: 0.005 per feeder-day (a breaker cylinder or chisel every ~200
//    feeder-days, a quarter of the feeder faults);
//  - crust collapses 0.02, poor-alumina periods 0.01 and anode spikes 0.02 per cell-day (one every
//    50, 100 and 50 cell-days).
// The classes differ by the one scale factor, calibrated as the header says.
constexpr double kChoke = 0.02, kPartial = 0.02, kBreaker = 0.005;
constexpr double kCollapse = 0.02, kPoorAlumina = 0.01, kSpike = 0.02;

constexpr std::array<FaultProfile, 2> kProfiles{{
    {"pfpb_modern", "PFPB_modern",
     "point-fed prebake under computer control with automatic anode-effect quench (designs first run "
     "industrially in 1990 or later)",
     0.01, 0.1, 0.003, 0.15, "automatic",
     "[IAI Anode Effect Survey]: 0.01-0.1 anode effects per pot-day and 20-90 s automatic-quench "
     "durations for modern point-fed cells (the survey edition was not read; the figures as already used "
     "by docs/validation.md row g); AE-minutes = frequency x duration",
     // Calibrated: 5 seeds x 20 cells x 35 d of examples/potline-year.toml give 0.0316 per pot-day
     // (the geometric middle of 0.01-0.1) at this factor.
     0.28, kChoke, kPartial, kBreaker, kCollapse, kPoorAlumina, kSpike},
    {"pfpb_legacy", "PFPB_legacy",
     "point-fed prebake of designs first run industrially before 1990 (older controllers; manual quench "
     "is common, control.quench = \"manual\")",
     0.1, 1.0, 0.15, 2.8, "manual",
     "estimate: no survey range for legacy point-fed lines was readable. Frequency from the modern "
     "class's upper bound (0.1 per pot-day) to 1 per pot-day (older lines ran 1-3, as commonly quoted); "
     "AE-minutes up to 2.8 per pot-day, the AEM that the IPCC 2006 Tier 1 CF4 factor of prebake cells "
     "implies (0.4 kg CF4/t over the slope 0.143, [IPCC 2006 Vol3 Ch4] Tables 4.15 and 4.16); China's "
     "top-down CF4 gives 1.77 for this class as an upper bound ([An et al. 2024], data/fleet-anode-effects.toml)",
     // Calibrated: 5 seeds x 20 cells x 35 d with manual quench give 0.316 per pot-day (the geometric
     // middle of 0.1-1) at this factor.
     3.35, kChoke, kPartial, kBreaker, kCollapse, kPoorAlumina, kSpike},
}};

}  // namespace

std::span<const FaultProfile> fault_profiles() { return kProfiles; }

const FaultProfile* find_fault_profile(std::string_view name) {
  for (const FaultProfile& p : kProfiles) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<std::string> fault_profile_choices() {
  std::vector<std::string> out = {"none", "auto"};
  for (const FaultProfile& p : kProfiles) out.emplace_back(p.name);
  return out;
}

const FaultProfile& auto_fault_profile(const cell::Technology* technology) {
  // The class as every command takes it (plant::pfc_class_of: legacy before 1990; user trial T12-1).
  const bool legacy =
      technology != nullptr && plant::pfc_class_of(*technology) == plant::TechnologyClass::kPFPBLegacy;
  return *find_fault_profile(legacy ? "pfpb_legacy" : "pfpb_modern");
}

std::vector<ProfileRate> profile_rates(const FaultProfile* p) {
  const double s = p ? p->scale : 0.0;
  const auto rate = [&](double FaultProfile::*member) { return p ? s * (p->*member) : 0.0; };
  return {{"feeders.choke_rate", rate(&FaultProfile::choke_per_feeder_day)},
          {"feeders.partial_rate", rate(&FaultProfile::partial_per_feeder_day)},
          {"faults.breaker_rate", rate(&FaultProfile::breaker_per_feeder_day)},
          {"faults.collapse_rate", rate(&FaultProfile::collapse_per_cell_day)},
          {"faults.poor_alumina_rate", rate(&FaultProfile::poor_alumina_per_cell_day)},
          {"faults.spike_rate", rate(&FaultProfile::spike_per_cell_day)}};
}

std::string apply_fault_profile(const cell::Technology* technology, io::ValueSet& v) {
  const std::string requested = v.text("faults.profile", "auto");
  const FaultProfile* p = requested == "auto" ? &auto_fault_profile(technology) : find_fault_profile(requested);
  for (const ProfileRate& r : profile_rates(p)) {
    const io::Value* current = v.get(std::string(r.key));
    if (current != nullptr && current->origin != io::Origin::kDefault) continue;  // set by the case
    io::Value value = current ? *current : io::Value{};
    value.number = r.value;  // the rate keys' internal unit is 1/d
    v.set(std::string(r.key), value);
  }
  return p ? std::string(p->name) : std::string("none");
}

}  // namespace potline::line
