// Simulate schema fields of the process faults beyond the feeders (potline/faults.hpp,
// docs/model/faults.md) and the fault profile that sets the rates of a technology class
// (potline/faults_profiles.hpp). A rate key's own default is 0 (off); unless the case sets it, the
// profile (faults.profile, default "auto") writes its rate into it.
#include <string>

#include "potline/io/schema_builder.hpp"
#include "potline/potline/faults_profiles.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
const std::string kRateBasis =
    "0 with faults.profile = none; else the profile's rate, calibrated to a published anode-effect range "
    "per technology class (potline schema simulate: faults.profile; docs/model/faults.md, 'Rates')";

// Crust-breaker failures (shots pile up on the crust) and crust collapses: both end as sludge.
void add_crust_fault_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders).part(&FeederSettings::faults);
  f.number("faults.breaker_rate", &FaultSettings::breaker_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("crust-breaker failures per feeder-day: the feeder's shots pile up on the crust and fall "
           "in as sludge at the repair")
      .source(kRateBasis);
  f.number("faults.breaker_repair_time", &FaultSettings::breaker_mean_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.01, 1000.0)
      .doc("mean time until a failed crust breaker is repaired (lognormal)")
      .source("estimate: a shift; a pneumatic breaker is changed by the maintenance crew");
  f.number("faults.breaker_pile_max", &FaultSettings::breaker_pile_max_kg)
      .unit("kg")
      .default_(30.0)
      .range(0.0, 1000.0)
      .doc("alumina that piles up on the crust under a feeder whose breaker failed before the pile "
           "reaches the feeder outlet; further shots stay in the hopper")
      .source("estimate: a cone of about 0.3 m radius and height, 0.03 m3 at about 1,000 kg/m3 bulk "
              "density");
  f.number("faults.collapse_rate", &FaultSettings::collapse_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("crust collapses per cell-day: a piece of crust falls in and sinks as sludge")
      .source(kRateBasis);
  f.number("faults.collapse_mass", &FaultSettings::collapse_mass_kg)
      .unit("kg")
      .default_(50.0)
      .range(0.0, 5000.0)
      .doc("alumina in a collapsed crust piece (joins the sludge)")
      .source("estimate: about 0.05 m3 of crust, half of its mass alumina");
}

// Periods of poorly dissolving alumina, and anode spikes that short part of the current.
void add_alumina_and_spike_fault_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders).part(&FeederSettings::faults);
  f.number("faults.poor_alumina_rate", &FaultSettings::poor_alumina_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("poor-alumina periods per cell-day (slowly dissolving alumina)")
      .source(kRateBasis);
  f.number("faults.poor_alumina_duration", &FaultSettings::poor_alumina_mean_s)
      .unit("d", "s")
      .default_(2.0)
      .range(0.001, 100.0)
      .doc("mean length of a poor-alumina period (lognormal)")
      .source("estimate: one or two days of a smelter's alumina from one shipment or silo");
  f.number("faults.poor_alumina_dissolution", &FaultSettings::poor_alumina_dissolution)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .doc("share of dynamics.immediate_dissolution that still dissolves at once with poor alumina; "
           "the rest joins the undissolved pool")
      .source("estimate: fines and alpha-rich alumina dissolve markedly slower");
  f.number("faults.spike_rate", &FaultSettings::spike_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("anode spikes per cell-day: carbon grown down to the metal carries part of the current "
           "past electrolysis")
      .source(kRateBasis);
  f.number("faults.spike_duration", &FaultSettings::spike_mean_s)
      .unit("h", "s")
      .default_(12.0)
      .range(0.01, 1000.0)
      .doc("mean time until a spike is found and removed (lognormal)")
      .source("estimate: found by the voltage noise or the anode current at the next round, removed "
              "within a shift");
  f.number("faults.spike_current", &FaultSettings::spike_anode_shares)
      .unit("1")
      .default_(1.0)
      .range(0.0, 20.0)
      .doc("current through a spike in shares of one anode's normal current (the shunt share of the "
           "line current is this over the anode count, at most 1/2)")
      .source("estimate: a spiked anode carries about twice its normal current, the excess and part "
              "of its own share through the short");
}

// Sludge under the metal, the spread of fault durations and the current pick-up of a new anode.
void add_sludge_and_timing_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders).part(&FeederSettings::faults);
  f.number("faults.sludge_dissolution_time", &FaultSettings::sludge_dissolution_s)
      .unit("h", "s")
      .default_(12.0)
      .range(0.1, 1000.0)
      .doc("time constant of sludge under the metal dissolving back into the bath")
      .source("estimate: sludge is reached by bath only at its edges; hours to a day");
  f.number("faults.sludge_areal_mass", &FaultSettings::sludge_areal_mass_kg_per_m2)
      .unit("kg/m2")
      .default_(50.0)
      .range(1.0, 1000.0)
      .doc("sludge mass per m2 of cathode it covers (covered cathode carries no current)")
      .source("estimate: a 2 cm layer of about 2,500 kg/m3, denser than the metal it lies under");
  f.number("faults.duration_cv", &FaultSettings::duration_cv)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .doc("coefficient of variation of repair times, spike lives and poor-alumina periods")
      .source("estimate: as feeders.fault_duration_cv");
  f.number("faults.pickup_time", &FaultSettings::pickup_time_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 100.0)
      .doc("after an anode change the other anodes carry anodes/(anodes - 1) of their current for "
           "this long, raising the alumina concentration at which an anode effect starts; 0: off")
      .source("estimate: a new anode takes one to two days to carry its full current; the step "
              "shape is a simplification");
}

}  // namespace

void add_fault_fields(io::SchemaTable<SimulationCase>& t) {
  // Unbound: resolved against the technology and written into the rate keys before binding
  // (apply_fault_profile), like pfc.technology.
  t.choice("faults.profile", fault_profile_choices())
      .default_("auto")
      .doc("seeded fault rates of a technology class (feeders.choke_rate, feeders.partial_rate, faults.breaker_rate, "
           "faults.collapse_rate, faults.poor_alumina_rate, faults.spike_rate), each calibrated so that the "
           "anode-effect frequency of a seed ensemble is at the middle of the class's published range; a rate key "
           "set in the case overrides its profile value. auto: pfpb_legacy for point-fed designs first run before "
           "1990, else pfpb_modern; none: no seeded faults (scenarios that isolate one fault)")
      .source("pfpb_modern: [IAI Anode Effect Survey] 0.01-0.1 AE per pot-day; pfpb_legacy: estimate 0.1-1 per "
              "pot-day, AE-minutes below the [IPCC 2006 Vol3 Ch4] Tier 1 prebake value (docs/model/faults.md, "
              "'Rates'; the table in src/potline/faults_profiles.cpp)");
  add_crust_fault_fields(t);
  add_alumina_and_spike_fault_fields(t);
  add_sludge_and_timing_fields(t);
}

}  // namespace potline::line
