// Simulate schema fields of feeder zones, feeder faults, feed stops of one feeder, reheat after
// outages, the anode-effect heat split, the flow-dependent bath-to-ledge transfer and the
// running-mean safe window (docs/model/dynamics.md §2, §4, §6). Declared once, with the member
// they bind.
#include <string>

#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
using control::ControllerSettings;
using dynamics::DynamicsParameters;

const std::string kFaultBasis =
    "0 with faults.profile = none; else the profile's rate (pfpb_modern 0.0056, pfpb_legacy 0.067 per "
    "feeder-day): relative rate an estimate (no published feeder-fault statistics found), scaled per class to "
    "a published anode-effect range (docs/model/faults.md, 'Rates')";

// Feeders per cell and the alumina zones they feed (docs/model/dynamics.md, 'Feeder zones').
void add_feeder_zone_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders);
  f.integer("feeders.count", &FeederSettings::feeders)
      .default_(0)
      .range(0, 16)
      .doc("point feeders per cell; 0: one per 10 anodes, at least 2")
      .source("estimate: point-fed prebake cells of 300-600 kA carry 4-6 feeders (AP40: 4, AP60: 6)");
  f.integer("feeders.zones", &FeederSettings::zones)
      .default_(0)
      .range(0, 16)
      .doc("alumina zones of the bath; 0: one per feeder")
      .source("model choice (docs/model/dynamics.md, 'Feeder zones')");
  f.number("feeders.mixing_time", &FeederSettings::mixing_time_s)
      .unit("min", "s")
      .default_(30.0)
      .range(1.0, 600.0)
      .doc("exchange time between one zone and the rest of the bath")
      .source("estimate: steady deficit of a starved zone 100*D*tau/M of 1.5 wt% for AP40, the gap between the "
              "bath-average onset of industrial models ([Yao et al. 2017] 1.8, [Robinson et al. 2023] 2.2 wt%) "
              "and the critical concentration (docs/model/dynamics.md)");
}

// Seeded feeder chokes and partial blockages, and how long they last (docs/model/faults.md).
void add_feeder_fault_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders);
  f.number("feeders.choke_rate", &FeederSettings::choke_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("seeded feeder chokes (nothing delivered) per feeder-day")
      .source(kFaultBasis);
  f.number("feeders.choke_duration", &FeederSettings::choke_mean_s)
      .unit("h", "s")
      .default_(4.0)
      .range(0.01, 1000.0)
      .doc("mean time until a choke is cleared (lognormal)")
      .source("estimate: found and cleared at the next pot-room round");
  f.number("feeders.partial_rate", &FeederSettings::partial_rate_per_day)
      .unit("1/d")
      .default_(0.0)
      .range(0.0, 10.0)
      .doc("seeded partial feeder blockages per feeder-day")
      .source(kFaultBasis);
  f.number("feeders.partial_duration", &FeederSettings::partial_mean_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.01, 1000.0)
      .doc("mean time until a partial blockage is cleared (lognormal)")
      .source("estimate: harder to see than a choke, about two pot-room rounds");
  f.number("feeders.partial_delivery", &FeederSettings::partial_delivery)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .doc("share of a shot a partly blocked feeder delivers")
      .source("estimate: a partly blocked feeder delivers half its shot; no published value read");
  f.number("feeders.fault_duration_cv", &FeederSettings::duration_cv)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .doc("coefficient of variation of fault durations")
      .source(
          "estimate: as dispersed as an exponential (memoryless) repair time; no published "
          "repair-time distribution read");
  f.boolean("feeders.ae_clears_faults", &FeederSettings::ae_clears_faults)
      .default_(true)
      .doc(
          "an anode effect brings the operators to the pot: every feeder fault of the cell is "
          "cleared")
      .source(
          "estimate, plant practice: an AE brings the operators to the pot, who clear the feeder; "
          "no published procedure read");
}

// A feed stop (disturbance.feed_stop_*) of one feeder, and an anode effect that ends it.
void add_feed_stop_fields(io::SchemaTable<SimulationCase>& t) {
  auto f = t.part(&SimulationCase::feeders);
  f.integer("disturbance.feed_stop_feeder", &FeederSettings::stop_feeder)
      .default_(0)
      .range(0, 16)
      .doc("feeder stopped by disturbance.feed_stop_*: 0 every feeder, k feeder k (1-based)")
      .source("scenario input");
  f.number("disturbance.feed_stop_delivery", &FeederSettings::stop_delivery)
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .doc("share of each shot a stopped feeder still delivers (0: stuck, 0.5: partly blocked)")
      .source("scenario input");
  auto ctl = t.part(&SimulationCase::control);
  ctl.boolean("disturbance.ae_clears_feed_stop", &ControllerSettings::ae_clears_feed_stop)
      .default_(true)
      .doc("an anode effect ends the current feed stop (the operators clear the feeder)")
      .source(
          "estimate, plant practice: an AE brings the operators to the pot, who restart the feed; "
          "no published procedure read");
}

// Voltage reheat after an outage and preheat before a planned one ([Dupuis et al. 2007]).
void add_reheat_fields(io::SchemaTable<SimulationCase>& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.reheat_voltage", &ControllerSettings::reheat_voltage_V)
      .unit("V")
      .default_(0.3)
      .range(0.0, 2.0)
      .doc("added to the target voltage after an outage (0: no reheat)")
      .source("estimate: about 1 cm of ACD, +120 kW at 400 kA; plant practice raises the voltage of a cold cell");
  ctl.number("control.reheat_hold", &ControllerSettings::reheat_hold_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.0, 240.0)
      .doc(
          "the reheat offset is held this long after the current returns from an outage of "
          "control.reheat_reference_outage; scaled by the heat deficit of the disturbance against "
          "that outage's")
      .source("[Dupuis et al. 2007]: 8 h reheat after a 3 h shutdown");
  ctl.number("control.reheat_ramp", &ControllerSettings::reheat_ramp_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.0, 240.0)
      .doc("then brought back to zero linearly over this time (scaled as control.reheat_hold)")
      .source(
          "estimate: as long as the 8 h reheat hold of [Dupuis et al. 2007]; no published ramp");
  ctl.number("control.preheat_voltage", &ControllerSettings::preheat_voltage_V)
      .unit("V")
      .default_(0.0)
      .range(0.0, 2.0)
      .doc("added to the target voltage for control.preheat_time before a planned outage (potline.outage_start; "
           "0: no preheat)")
      .source("[Dupuis et al. 2007]: a 4 h voltage preheat before the 3 h shutdown; the voltage is not read here "
              "(scenario input)");
  ctl.number("control.preheat_time", &ControllerSettings::preheat_s)
      .unit("h", "s")
      .default_(4.0)
      .range(0.0, 240.0)
      .doc("length of the preheat before a planned outage")
      .source("[Dupuis et al. 2007]: 4 h");
  ctl.number("control.reheat_min_outage", &ControllerSettings::reheat_min_outage_s)
      .unit("min", "s")
      .default_(15.0)
      .range(0.0, 6000.0)
      .doc("shorter interruptions start no reheat")
      .source("estimate: a 0.5 h outage is harmless ([Øye & Sørlie])");
  ctl.number("control.reheat_reference_outage", &ControllerSettings::reheat_reference_outage_s)
      .unit("h", "s")
      .default_(3.0)
      .range(0.0, 48.0)
      .doc(
          "outage whose heat deficit gets control.reheat_hold and control.reheat_ramp unscaled; "
          "any other "
          "outage or cut scales both by its deficit (heat generation missed, counted from the "
          "measured current "
          "and voltage) over this outage's (0: every reheat unscaled)")
      .source(
          "[Dupuis et al. 2007]: the 8 h reheat follows a 3 h shutdown; the proportional scaling "
          "is an "
          "estimate (the heat to put back is the heat not generated; no published scaling read)");
  ctl.number("control.reheat_deficit_time", &ControllerSettings::reheat_deficit_time_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.0, 720.0)
      .doc(
          "the counted heat deficit decays with this time constant while a disturbance lasts (a "
          "cell settles into "
          "a new balance at a held cut; 0: no decay)")
      .source(
          "estimate: AP40's ledge reaches 63 % of its new value about a day after a current step "
          "(docs/model/dynamics.md §4, heat-balance loop)");
  ctl.number("control.reheat_cut_depth", &ControllerSettings::reheat_cut_depth)
      .unit("1")
      .default_(0.2)
      .range(0.0, 0.95)
      .doc(
          "a line current below (1 - depth) x nominal is a current cut whose heat deficit is "
          "counted and reheated "
          "when the current returns (0: outages only)")
      .source(
          "estimate: +-5 % modulation is held indefinitely without reheat ([TRIMET 2019]); -25 % "
          "needs "
          "compensation (docs/validation.md D29-D31); 20 % lies between");
  ctl.number("control.reheat_min_cut", &ControllerSettings::reheat_min_cut_s)
      .unit("h", "s")
      .default_(1.0)
      .range(0.0, 240.0)
      .doc("a current cut (control.reheat_cut_depth) shorter than this starts no reheat")
      .source(
          "estimate: one step of an hourly power market; a shorter cut misses less heat than half "
          "an hour "
          "of outage (-25 % current at fixed ACD: -45 % heat generation, docs/model/dynamics.md "
          "§2)");
  ctl.boolean("control.reheat_holds_heat_balance", &ControllerSettings::reheat_holds_heat_balance)
      .default_(true)
      .doc(
          "bath temperature readings taken while a reheat runs do not change the heat-balance "
          "offset (the "
          "reheat is the heat-balance action then); false: the loop adds its correction on top")
      .source(
          "estimate: with both, a cold reading after a 4-5 h outage adds 0.2 V for a day on top of "
          "the "
          "reheat and the bath overshoots by 7-11 K (docs/model/dynamics.md §4)");
}

// Where the anode-effect heat goes, and the flow-dependent bath-to-ledge and bath-to-metal heat
// transfer (docs/model/dynamics.md §2).
void add_bath_heat_transfer_fields(io::SchemaTable<SimulationCase>& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
  dyn.number("dynamics.ae_heat_to_top", &DynamicsParameters::ae_heat_to_top_fraction)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .doc("share of the anode-effect power released in the top node (anode carbon at the gas film, cover), the rest in the bath")
      .source("estimate: the film's heat divides as the carbon's conduction and the bath's convection conductances, "
              "carbon share 0.60-0.77 for a 30-s and 0.34-0.55 for a 4-min AE (docs/model/dynamics.md §2)");
  dyn.number("dynamics.ledge_heat_transfer", &DynamicsParameters::ledge_heat_transfer_W_per_m2_K)
      .unit("kW/m2 K", "W/m2 K")
      .default_(1.2)
      .range(0.0, 20.0)
      .doc("bath-to-ledge heat-transfer coefficient at nominal current; > 0: the ledge-covered contact carries h x "
           "area x superheat of the side loss, the rest leaves through the side lining above and below the ledge; "
           "0: h from the whole side share (AP40: 2.7 kW/(m2 K), above the published range)")
      .source("[Robinson et al. 2023] (NTNU lumped model: 1.2), within the 0.5-1.5 commonly quoted; [Shen et al. "
              "500 kA model]: 0.8");
  dyn.number("dynamics.bypass_ledge_share", &DynamicsParameters::bypass_ledge_share)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .doc("frozen bath on the side lining past the ledge-covered contact (side crust above the bath, ledge toe "
           "below the metal) as a multiple of the side ledge's resistance: the side loss past the ledge falls as "
           "the ledge grows; 0: a fixed conductance")
      .source("estimate: those bands are covered by frozen bath that grows and melts with the side ledge; equal "
              "thickness over an area equal to the ledge contact (docs/model/dynamics.md, 'Thermal calibration')");
  dyn.number("dynamics.undercooling_time", &DynamicsParameters::undercooling_time_s)
      .unit("min", "s")
      .default_(1.0)
      .range(0.1, 600.0)
      .doc("a bath below its liquidus freezes (onto the ledge and in the bulk) with this time constant, so its "
           "latent heat holds it at the liquidus: the mean bath lies about its cooling rate x this time below it "
           "(0.3-0.4 K in an outage at 1 min; the batch integrator needs it >= 3 x run.sample_period)")
      .source("estimate: a bath in contact with its own solid (ledge, crust, sludge) needs no nucleation, so it "
              "cannot stay undercooled; 1 min is a numerical allowance, short against the hours of an outage "
              "(10 min until 2026-12-06 left the bath 2 K under its liquidus for 1.75 h, user trial T13-2)");
  dyn.number("dynamics.ledge_flow_exponent", &DynamicsParameters::ledge_flow_exponent)
      .unit("1")
      .default_(0.8)
      .range(0.0, 2.0)
      .doc("bath-to-ledge coefficient h proportional to (I/I_nominal)^n")
      .source("estimate: bath velocity proportional to I (Lorentz force ~ I^2), turbulent h ~ v^0.8");
  dyn.number("dynamics.ledge_natural_convection", &DynamicsParameters::ledge_natural_convection_fraction)
      .unit("1")
      .default_(0.3)
      .range(0.01, 1.0)
      .doc("h with no current (natural convection) as a share of h at nominal current")
      .source("estimate; [Dupuis et al. 2007]: the coefficient drops when power is off");
  dyn.number("dynamics.bath_metal_heat_transfer", &DynamicsParameters::bath_metal_heat_transfer_W_per_m2_K)
      .unit("kW/m2 K", "W/m2 K")
      .default_(1.2)
      .range(0.1, 10.0)
      .doc("bath-to-metal heat-transfer coefficient across the bath-metal interface at nominal current; it follows "
           "the bath flow like the ledge coefficient (ledge_flow_exponent, ledge_natural_convection)")
      .source("estimate: the bath-side film controls (liquid Al conducts ~100 times better), so the bath-to-ledge "
              "value of [Robinson et al. 2023] is taken; with no current 0.36 kW/(m2 K), within the 0.29-0.62 of "
              "natural convection under a cooled surface (Nu = 0.15 Ra^1/3, [Incropera et al. 2007] eq. 9.31) for 1-10 K "
              "across the bath film");
}

}  // namespace

void add_feeder_fields(io::SchemaTable<SimulationCase>& t) {
  add_feeder_zone_fields(t);
  add_feeder_fault_fields(t);
  add_feed_stop_fields(t);
  add_reheat_fields(t);
  add_bath_heat_transfer_fields(t);
  // Running means of superheat and ledge against the safe window (docs/model/dynamics.md §6).
  auto window = t.part(&SimulationCase::window);
  window.number("window.averaging", &SafeWindow::averaging_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.0, 240.0)
      .doc("superheat and ledge are judged against the window as running means over this time (0: instantaneous)")
      .source("estimate: the resolution at which a plant sees the thermal state, one bath sample a day ([Wang et "
              "al. 2011]; control.sample_interval); 4 h before 2026-12-03 (docs/model/dynamics.md §6, 'Safe window')");
}

}  // namespace potline::line
