// The simulate case schema: every field simulate adds to the cell schema ([run], [dynamics],
// [control], [disturbance], [potline], [pfc], [window]), declared once with the member of
// SimulationCase it binds, its unit, default, range and source. A declarative table.
#include <string>

#include "potline/cell/cell_schema.hpp"
#include "potline/potline/purity_track_case.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
using control::ControllerSettings;
using dynamics::AnodeHeating;
using dynamics::DynamicsParameters;
using Table = io::SchemaTable<SimulationCase>;

const std::string kDupuis =
    "[Dupuis 2011], Dyna/Marc tracking feed-control studies: 70 % underfeed, 140 "
    "% "
    "overfeed for 1 h, R_p slope from averaged samples";
const std::string kPhys7 = "industrial practice, as commonly quoted";

// [run]
void add_run_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  auto batch = t.part(&SimulationCase::batch);
  t.number("run.duration", &SimulationCase::duration_s)
      .unit("d", "s")
      .default_(7.0)
      .range(0.0, 3660.0)
      .exclusive_min()
      .doc("simulated time")
      .source("user choice");
  t.integer("run.seed", &SimulationCase::seed)
      .default_(1)
      .range(0, 4294967295.0)
      .doc("seed of every random stream of the run (noise, quench durations, spread)")
      .source("user choice");
  ctl.number("run.sample_period", &ControllerSettings::sample_period_s)
      .unit("s")
      .default_(5.0)
      .range(0.5, 60.0)
      .doc("controller sample period = integration step of the batch integrator")
      .source("[Dupuis 2011]: 5 s samples; 'sample every ~6 s' as commonly quoted");
  t.number("run.output_interval", &SimulationCase::output_interval_s)
      .unit("min", "s")
      .default_(60.0)
      .range(0.0, 1e6)
      .exclusive_min()
      .doc("time-series row interval (instantaneous values at each row time)")
      .source("user choice");
  t.choice("run.events", &SimulationCase::events,
           {{"all", EventDetail::kAll},
            {"control", EventDetail::kControl},
            {"none", EventDetail::kNone}})
      .default_("control")
      .doc(
          "events.csv detail: all (every feed shot too), control (mode changes, beam moves, AEs, "
          "taps, anode changes, samples), none")
      .source("user choice");
  t.choice("run.integrator", &SimulationCase::integrator,
           {{"batch", IntegratorKind::kBatch}, {"cvode", IntegratorKind::kCvode}})
      .default_("batch")
      .doc(
          "batch: fixed-step Heun over blocks of cells (fast); cvode: SUNDIALS CVODE per cell "
          "(reference)")
      .source("docs/model/dynamics.md");
  batch.number("run.voltage_refresh", &dynamics::BatchOptions::refresh_interval_s)
      .unit("s")
      .default_(60.0)
      .range(0.0, 3600.0)
      .exclusive_min()
      .doc(
          "batch integrator: longest time between two cell::evaluate calls for a cell (also "
          "refreshed after every current or anode-effect change, when alumina drifts by 0.05 wt% "
          "or the bath temperature by 0.25 K, and at every step of an anode effect)")
      .source("tests/unit/test_dynamics_integrators.cpp measures the error");
  t.number("run.relative_tolerance", &SimulationCase::cvode_relative_tolerance)
      .unit("1")
      .default_(1e-6)
      .range(1e-12, 1e-2)
      .exclusive_min()
      .doc("CVODE relative tolerance")
      .source("user choice");
  t.integer("run.threads", &SimulationCase::threads)
      .default_(1)
      .range(1, 256)
      .doc("worker threads (results do not depend on it)")
      .source("user choice");
  t.boolean("run.controller", &SimulationCase::controller_enabled)
      .default_(true)
      .doc("false: no controller and no events; alumina fed continuously (open-loop tests)")
      .source("user choice");
  t.number("run.open_loop_feed", &SimulationCase::open_loop_feed_factor)
      .unit("1")
      .default_(1.0)
      .range(0.0, 5.0)
      .doc(
          "without controller: continuous feed as a multiple of the initial Faraday alumina demand")
      .source("user choice");
}

// [dynamics]
void add_dynamics_fields(Table& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
  dyn.number("dynamics.bath_height", &DynamicsParameters::bath_height_m)
      .unit("cm", "m")
      .default_(20.0)
      .range(5.0, 50.0)
      .doc("liquid bath height")
      .source("estimate: typical 18–22 cm (technology catalogue immersion basis)");
  dyn.number("dynamics.metal_height", &DynamicsParameters::metal_height_m)
      .unit("cm", "m")
      .default_(20.0)
      .range(5.0, 60.0)
      .doc("metal pad height after tapping")
      .source("estimate: typical modern prebake 15–25 cm");
  dyn.number("dynamics.metal_density", &DynamicsParameters::metal_density_kg_per_m3)
      .unit("kg/m3")
      .default_(2300.0)
      .range(2000.0, 2500.0)
      .doc("liquid aluminium density")
      .source("estimate: liquid Al ≈ 2.3 g/cm3 near 960 °C (handbook value)");
  dyn.number("dynamics.bath_heat_capacity", &DynamicsParameters::bath_heat_capacity_J_per_kg_K)
      .unit("J/kg K")
      .default_(1800.0)
      .range(1000.0, 2500.0)
      .doc("liquid bath heat capacity")
      .source(
          "[Robinson et al. 2023] NTNU lumped model: 1767–1881 J/(kg K); middle value");
  dyn.number("dynamics.metal_heat_capacity", &DynamicsParameters::metal_heat_capacity_J_per_kg_K)
      .unit("J/kg K")
      .default_(1177.0)
      .range(900.0, 1400.0)
      .doc("liquid aluminium heat capacity")
      .source("estimate: 31.75 J/(mol K) for liquid Al ([Chase 1998]; not re-checked) / 26.98 g/mol");
  dyn.number("dynamics.ledge_latent_heat", &DynamicsParameters::ledge_latent_heat_J_per_kg)
      .unit("kJ/kg", "J/kg")
      .default_(510.0)
      .range(100.0, 800.0)
      .doc("latent heat of freezing of the ledge (cryolite)")
      .source(
          "estimate: ≈107 kJ/mol enthalpy of fusion of Na3AlF6 ([Chase 1998]; not re-checked) / "
          "209.94 g/mol; published lumped models use "
          "119.5 kJ/kg ([Robinson et al. 2023]) and ~310 kJ/kg (frozen bath) [verify]");
  dyn.number("dynamics.ledge_density", &DynamicsParameters::ledge_density_kg_per_m3)
      .unit("kg/m3")
      .default_(2900.0)
      .range(2000.0, 3500.0)
      .doc("frozen ledge density")
      .source("estimate: solid cryolite ≈ 2.9–3.0 g/cm3");
  dyn.number("dynamics.ledge_conductivity", &DynamicsParameters::ledge_conductivity_W_per_m_K)
      .unit("W/m K")
      .default_(1.5)
      .range(0.3, 5.0)
      .doc("ledge thermal conductivity")
      .source("[Shen et al. 500 kA model]");
  dyn.number("dynamics.ambient_temperature", &DynamicsParameters::ambient_temperature_K)
      .unit("degC", "K")
      .absolute_temperature()
      .default_(40.0)
      .range(-20.0, 100.0)
      .doc("potroom air temperature")
      .source("estimate: potroom air 30–50 °C");
  dyn.number("dynamics.initial_ledge", &DynamicsParameters::initial_ledge_m)
      .unit("cm", "m")
      .default_(6.5)
      .range(0.5, 30.0)
      .doc("ledge thickness at the start (taken as a steady state)")
      .source(
          "initial ledge of [Shen et al. 500 kA model], inside its 5–10 cm window (the undisturbed "
          "ledge then stays in the window; 5 cm, the lower edge, was crossed within hours); with "
          "k = 1.5 W/(m K) a 7.5 cm ledge cannot conduct the side heat loss of a modern 400 kA cell in this model");
  dyn.number("dynamics.top_loss_fraction", &DynamicsParameters::top_loss_fraction)
      .unit("1")
      .default_(0.45)
      .range(0.05, 0.9)
      .doc("share of the steady heat loss leaving through the top")
      .source(
          "estimate: top:bottom from the conductance ratio of [Shen et al. 500 kA model] (R_top 1.769e-3, "
          "R_bottom 3.749e-3 K/W → 2.1:1); sides 35 %");
  dyn.number("dynamics.side_loss_fraction", &DynamicsParameters::side_loss_fraction)
      .unit("1")
      .default_(0.35)
      .range(0.05, 0.9)
      .doc("share through the sidewalls (the bottom takes the rest)")
      .source("estimate: sides about one third of the heat loss of a point-fed prebake cell");
  dyn.number("dynamics.dissolution_rate", &DynamicsParameters::dissolution_rate_per_s)
      .unit("1/s")
      .default_(0.003)
      .range(1e-5, 1.0)
      .doc("first-order dissolution rate of undissolved alumina")
      .source("[Yao et al. 2017]: k ≈ 0.002–0.005 1/s");
  dyn.number("dynamics.immediate_dissolution", &DynamicsParameters::immediate_dissolution_fraction)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .doc("share of a feed shot that dissolves at once")
      .source("estimate: a shot goes 'partly' to an undissolved pool ([Yao et al. 2017]); half");
  dyn.number("dynamics.carbon_consumption", &DynamicsParameters::carbon_kg_per_kg_al)
      .unit("kg/kg")
      .default_(0.41)
      .range(0.3, 0.7)
      .doc("net anode carbon per kg Al")
      .source("estimate: net carbon consumption of prebake anodes ≈ 0.40–0.45 kg/kg Al");
  dyn.number("dynamics.anode_density", &DynamicsParameters::anode_density_kg_per_m3)
      .unit("kg/m3")
      .default_(1560.0)
      .range(1300.0, 1800.0)
      .doc("baked anode apparent density")
      .source("estimate: 1.55–1.60 g/cm3 typical");
  dyn.number("dynamics.anode_height", &DynamicsParameters::anode_height_m)
      .unit("m")
      .default_(0.60)
      .range(0.2, 1.0)
      .doc("height of a new anode block")
      .source("estimate: modern prebake blocks 0.55–0.65 m");
  dyn.number("dynamics.cold_anode_time", &DynamicsParameters::cold_anode_time_constant_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.1, 240.0)
      .doc("time constant of a new anode's heat-up")
      .source("estimate: a cold anode takes 1–2 days to carry full current (as commonly quoted); τ = 1 d");
  dyn.number("dynamics.alf3_consumption", &DynamicsParameters::alf3_consumption_kg_per_kg_al)
      .unit("kg/t", "kg/kg")
      .default_(15.0)
      .range(0.0, 100.0)
      .doc("AlF3 consumed per t Al (Na2O neutralisation and net emissions)")
      .source(
          "estimate: 3 Na2O + 4 AlF3 → 2 Na3AlF6 + Al2O3 with 0.35 wt% Na2O in 1.93 t alumina/t Al "
          "≈ 12 kg/t, plus ≈ 3 kg/t net emissions");
  dyn.number("dynamics.top_inner_fraction", &DynamicsParameters::top_inner_fraction)
      .unit("1")
      .default_(0.30)
      .range(0.01, 0.99)
      .doc("share of the top resistance between bath and the top node (anodes + cover)")
      .source(
          "estimate: puts the lumped anode/cover node at ≈ 690 °C for AP40 (anode ≈ 950 °C at the "
          "bottom, 300–500 °C at the top, cover 200–600 °C)");
  dyn.number("dynamics.wall_inner_fraction", &DynamicsParameters::wall_inner_fraction)
      .unit("1")
      .default_(0.50)
      .range(0.01, 0.99)
      .doc("share of the wall resistance (outside the ledge) between ledge face and the wall node")
      .source(
          "estimate: node in the middle of side block + shell ([Robinson et al. 2023]'s "
          "T_wall)");
  dyn.number("dynamics.lining_inner_fraction", &DynamicsParameters::lining_inner_fraction)
      .unit("1")
      .default_(0.10)
      .range(0.01, 0.99)
      .doc("share of the bottom resistance between metal and the lining node (cathode blocks)")
      .source(
          "estimate: graphitic cathode blocks conduct well; most of the bottom resistance is in "
          "the refractory and insulation below");
  dyn.number("dynamics.cathode_conductivity", &DynamicsParameters::cathode_conductivity_W_per_m_K)
      .unit("W/m K")
      .default_(30.0)
      .range(0.0, 200.0)
      .doc(
          "cathode block conductivity near 950 °C; > 0 puts the lining node at mid-block (inner "
          "resistance = thickness/2/(k·A)) "
          "instead of lining_inner_fraction; 0: use lining_inner_fraction")
      .source(
          "estimate: graphitic blocks ≈ 30 W/(m K) near 950 °C (Sørlie & Øye, Cathodes in "
          "Aluminium Electrolysis, 3rd ed. 2010: "
          "graphitic 30–45, graphitised ≈ 100 at room temperature, both falling with temperature) "
          "[verify]");
  dyn.number("dynamics.anode_drop_to_top", &DynamicsParameters::anode_drop_to_top_fraction)
      .unit("1")
      .default_(1.0)
      .range(0.0, 1.0)
      .doc("share of the anode-assembly Joule heat released in the top node (rest: bath)")
      .source(
          "physical placement: stub, rod, yoke and anode carbon are colder than the bath, so their "
          "I²R heat flows out through the top");
  dyn.number("dynamics.cathode_drop_to_lining",
             &DynamicsParameters::cathode_drop_to_lining_fraction)
      .unit("1")
      .default_(1.0)
      .range(0.0, 1.0)
      .doc("share of the cathode Joule heat released in the lining node (rest: bath)")
      .source(
          "physical placement: cathode blocks and collector bars are colder than the metal, so "
          "their I²R heat flows out through the bottom");
  dyn.number("dynamics.anode_mean_height_fraction", &DynamicsParameters::anode_mean_height_fraction)
      .unit("1")
      .default_(0.55)
      .range(0.1, 1.0)
      .doc("mean anode height over its life / new height")
      .source("estimate: blocks burn from new to a butt of ≈ 0.1–0.2 of their height");
  dyn.number("dynamics.carbon_heat_capacity", &DynamicsParameters::carbon_heat_capacity_J_per_kg_K)
      .unit("J/kg K")
      .default_(1600.0)
      .range(700.0, 2500.0)
      .doc("heat capacity of anode and cathode carbon")
      .source(
          "graphite c_p ≈ 1.5–1.8 kJ/(kg K) at 600–950 °C ([Chase 1998]); estimate for baked carbon");
  dyn.number("dynamics.cover_thickness", &DynamicsParameters::cover_thickness_m)
      .unit("cm", "m")
      .default_(15.0)
      .range(0.0, 50.0)
      .doc("anode cover and crust thickness over the cathode area")
      .source("estimate: 10–20 cm cover");
  dyn.number("dynamics.cover_density", &DynamicsParameters::cover_density_kg_per_m3)
      .unit("kg/m3")
      .default_(1500.0)
      .range(500.0, 3000.0)
      .doc("anode cover bulk density")
      .source("estimate: alumina/crushed-bath cover 1.2–1.8 g/cm3");
  dyn.number("dynamics.cover_heat_capacity", &DynamicsParameters::cover_heat_capacity_J_per_kg_K)
      .unit("J/kg K")
      .default_(1100.0)
      .range(500.0, 2000.0)
      .doc("anode cover heat capacity")
      .source("estimate: alumina ≈ 1.1–1.2 kJ/(kg K) at 300–700 °C");
  dyn.number("dynamics.cathode_thickness", &DynamicsParameters::cathode_thickness_m)
      .unit("cm", "m")
      .default_(45.0)
      .range(10.0, 100.0)
      .doc("cathode block height")
      .source("estimate: 40–50 cm (point-fed prebake cells)");
  dyn.number("dynamics.cathode_density", &DynamicsParameters::cathode_density_kg_per_m3)
      .unit("kg/m3")
      .default_(1600.0)
      .range(1200.0, 2000.0)
      .doc("cathode block density")
      .source("estimate: graphitic/graphitised 1.55–1.7 g/cm3");
  dyn.number("dynamics.side_lining_thickness", &DynamicsParameters::side_lining_thickness_m)
      .unit("cm", "m")
      .default_(15.0)
      .range(1.0, 60.0)
      .doc("side block + shell thickness lumped into the wall node")
      .source("estimate: SiC side block 7–12 cm, ramming paste, steel shell");
  dyn.number("dynamics.side_lining_density", &DynamicsParameters::side_lining_density_kg_per_m3)
      .unit("kg/m3")
      .default_(2700.0)
      .range(1000.0, 8000.0)
      .doc("side lining density")
      .source("estimate: SiC–Si3N4 blocks ≈ 2.6–2.8 g/cm3");
  dyn.number("dynamics.side_lining_heat_capacity",
             &DynamicsParameters::side_lining_heat_capacity_J_per_kg_K)
      .unit("J/kg K")
      .default_(1000.0)
      .range(400.0, 2000.0)
      .doc("side lining heat capacity")
      .source("estimate: SiC ≈ 1.0–1.2 kJ/(kg K) at 300–700 °C");
  dyn.choice("dynamics.anode_heating", &DynamicsParameters::anode_heating,
             {{"anode_change", AnodeHeating::kAnodeChange}, {"steady", AnodeHeating::kSteady}})
      .default_("anode_change")
      .doc(
          "anode_change: each new anode absorbs its heat-up over cold_anode_time; steady: carbon "
          "heated as it burns (steady-state model)")
      .source("docs/model/dynamics.md");
  t.number("dynamics.frozen_bath_fraction", &SimulationCase::frozen_bath_fraction)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .exclusive_min()
      .doc("the run stops (exit 1, 'bath frozen') when a cell's liquid bath falls below this share of its initial mass")
      .source("estimate: with half the bath frozen the liquid left can no longer fill the ACD layer and wet the immersed anodes (AP40: 4.0 m3, of which ≈ 1.6 m3 under the anodes and ≈ 1.5 m3 around their immersed part), and its excess AlF3 has about doubled, beyond the 20 wt% range of the liquidus correlation [Solheim 1996] (docs/model/dynamics.md §7)");
}

// [control]
void add_control_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  auto auto_q = ctl.part(&ControllerSettings::automatic_quench);
  auto manual_q = ctl.part(&ControllerSettings::manual_quench);
  ctl.number("control.voltage_noise", &ControllerSettings::voltage_noise_V)
      .unit("mV", "V")
      .default_(20.0)
      .range(0.0, 1000.0)
      .doc("sd of the measured cell voltage")
      .source("estimate: 10–30 mV normal cell noise");
  ctl.number("control.current_noise", &ControllerSettings::current_noise_fraction)
      .unit("%", "1")
      .default_(0.2)
      .range(0.0, 10.0)
      .doc("sd of the measured line current")
      .source("estimate: rectifier current measurement");
  ctl.number("control.back_emf", &ControllerSettings::back_emf_V)
      .unit("V")
      .default_(1.65)
      .range(1.0, 2.5)
      .doc("E_b in the pseudo-resistance R_p = (V − E_b)/I")
      .source("1.6–1.7 V as commonly quoted [verify]");
  ctl.number("control.underfeed_factor", &ControllerSettings::underfeed_factor)
      .unit("1")
      .default_(0.7)
      .range(0.0, 1.0)
      .doc("underfeed rate / nominal")
      .source(kDupuis);
  ctl.number("control.overfeed_factor", &ControllerSettings::overfeed_factor)
      .unit("1")
      .default_(1.4)
      .range(1.0, 5.0)
      .doc("overfeed rate / nominal")
      .source(kDupuis);
  ctl.number("control.overfeed_duration", &ControllerSettings::overfeed_duration_s)
      .unit("min", "s")
      .default_(60.0)
      .range(1.0, 1440.0)
      .doc("overfeed period")
      .source(kDupuis);
  ctl.number("control.assumed_current_efficiency", &ControllerSettings::assumed_current_efficiency)
      .unit("%", "1")
      .default_(95.0)
      .range(50.0, 100.0)
      .doc("CE the controller assumes for its nominal feed rate")
      .source("estimate");
  ctl.number("control.shot_mass", &ControllerSettings::shot_mass_kg)
      .unit("kg")
      .default_(1.8)
      .range(0.1, 20.0)
      .doc("alumina per feeder shot")
      .source("1–3 kg per feeder, as commonly quoted");
  ctl.number("control.average_period", &ControllerSettings::average_period_s)
      .unit("s")
      .default_(120.0)
      .range(1.0, 3600.0)
      .doc("R_p averaging period")
      .source("[Dupuis 2011]: 2-min averages");
  ctl.integer("control.slope_points", &ControllerSettings::slope_points)
      .default_(10)
      .range(3, 64)
      .doc("averages in the slope fit")
      .source("[Dupuis 2011]: line through the last 10 averages");
  ctl.number("control.slope_threshold", &ControllerSettings::slope_threshold_V_per_s)
      .unit("mV/min", "V/s")
      .default_(1.2)
      .range(0.0, 100.0)
      .doc("switch to overfeed when dR_p/dt × nominal current exceeds this")
      .source(
          "estimate from [Dupuis 2011]: 3.9 mV/min at 2.21 wt% under no feed, × 0.3 (70 % "
          "underfeed depletes at 30 % of the no-feed rate)");
  ctl.number("control.min_underfeed", &ControllerSettings::min_underfeed_s)
      .unit("min", "s")
      .default_(20.0)
      .range(0.0, 1440.0)
      .doc("no switch to overfeed earlier than this")
      .source("estimate: lets the slope window fill (10 × 2 min)");
  t.number("control.target_voltage")
      .unit("V")
      .range(2.0, 10.0)
      .default_note("the steady-state cell voltage at the case's operating point")
      .doc("resistance-control target (normalised to nominal current)");
  ctl.number("control.deadband", &ControllerSettings::deadband_V)
      .unit("mV", "V")
      .default_(50.0)
      .range(0.0, 1000.0)
      .doc("half-width of the resistance deadband")
      .source("estimate: plant-specific");
  ctl.number("control.beam_step", &ControllerSettings::beam_step_m)
      .unit("mm", "m")
      .default_(2.0)
      .range(0.1, 50.0)
      .doc("ACD change per beam move")
      .source("estimate: plant-specific");
  ctl.number("control.resistance_period", &ControllerSettings::resistance_period_s)
      .unit("min", "s")
      .default_(10.0)
      .range(0.1, 1440.0)
      .doc("resistance-control decision period")
      .source("estimate");
  ctl.number("control.lockout", &ControllerSettings::lockout_s)
      .unit("min", "s")
      .default_(30.0)
      .range(0.0, 1440.0)
      .doc("no beam moves after an AE, tap or anode change")
      .source("estimate");
  ctl.number("control.tracking_lockout", &ControllerSettings::tracking_lockout_s)
      .unit("min", "s")
      .default_(30.0)
      .range(0.0, 1440.0)
      .doc("no beam moves after this long in underfeed (tracking)")
      .source("estimate: [Dupuis 2011] notes R_p moves during tracking are alumina, not ACD");
  t.boolean("control.heat_balance_loop")
      .default_(true)
      .doc("outer loop: target voltage + gain × (target − sampled bath temperature)")
      .source("[Comalco EP0671488]");
  ctl.number("control.temperature_gain", &ControllerSettings::temperature_gain_V_per_K)
      .unit("mV/K", "V/K")
      .default_(10.0)
      .range(0.0, 1000.0)
      .doc("outer-loop gain")
      .source("estimate");
  ctl.number("control.temperature_integral_time", &ControllerSettings::temperature_integral_time_s)
      .unit("d", "s")
      .default_(3.0)
      .range(0.0, 365.0)
      .doc("outer-loop integral time T_i: each bath-temperature reading adds gain x (target - reading) x "
           "sampling interval / T_i to the offset, so a lasting error is removed (0: proportional only)")
      .source("[Comalco EP0671488]: the target resistance is modified until the running heat integral is zero; "
              "T_i = 3 d an estimate: the SIMC value (T_i = the ~1 d thermal time constant) detuned for one noisy reading a day "
              "(docs/model/dynamics.md §4)");
  ctl.number("control.temperature_max_offset", &ControllerSettings::temperature_max_offset_V)
      .unit("mV", "V")
      .default_(200.0)
      .range(0.0, 2000.0)
      .doc("outer-loop limit")
      .source("estimate");
  ctl.number("control.ae_voltage", &ControllerSettings::ae_detect_voltage_V)
      .unit("V")
      .default_(8.0)
      .range(3.0, 60.0)
      .doc("anode-effect detection threshold")
      .source("~8 V and up, as commonly quoted");
  ctl.choice(
         "control.quench", &ControllerSettings::quench_mode,
         {{"automatic", control::QuenchMode::kAutomatic}, {"manual", control::QuenchMode::kManual}})
      .default_("automatic")
      .doc(
          "anode-effect quench: automatic (beam oscillation + feed burst) or manual (stick method)")
      .source(kPhys7);
  t.choice("control.quench_distribution", {"lognormal", "uniform", "exponential", "fixed"})
      .default_("lognormal")
      .doc("distribution of quench durations")
      .source("estimate");
  auto_q.number("control.automatic_quench_mean", &control::Distribution::mean)
      .unit("s")
      .default_(30.0)
      .range(1.0, 3600.0)
      .doc("mean automatic quench duration")
      .source(
          "well under a minute in modern point-fed lines, as commonly quoted (to verify "
          "against [IAI Anode Effect Survey])");
  manual_q.number("control.manual_quench_mean", &control::Distribution::mean)
      .unit("min", "s")
      .default_(4.0)
      .range(0.1, 120.0)
      .doc("mean manual quench duration")
      .source("minutes, as commonly quoted (to verify against [IAI Anode Effect Survey])");
  t.number("control.quench_cv")
      .unit("1")
      .default_(0.5)
      .range(0.0, 5.0)
      .doc("coefficient of variation of quench durations")
      .source("estimate");
  ctl.number("control.quench_feed", &ControllerSettings::quench_feed_kg)
      .unit("kg")
      .default_(20.0)
      .range(0.0, 500.0)
      .doc("alumina fed when an AE is detected")
      .source("estimate: a burst of about 10 shots");
  t.number("control.alf3_target")
      .unit("wt%")
      .range(0.0, 30.0)
      .default_note("the case's bath.alf3")
      .doc("excess AlF3 target");
  ctl.number("control.sample_interval", &ControllerSettings::sample_interval_s)
      .unit("h", "s")
      .default_(24.0)
      .range(1.0, 720.0)
      .doc("bath sampling interval")
      .source("bath samples arrive with long lags ([Wang et al. 2011])");
  ctl.number("control.sample_delay", &ControllerSettings::sample_delay_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.0, 720.0)
      .doc("delay until a bath analysis reaches the controller")
      .source(
          "[Wang et al. 2011] (Alcoa STARprobe): results 'very often delayed as "
          "long as 24 hours'");
  ctl.number("control.alf3_sample_noise", &ControllerSettings::alf3_sample_noise_wt)
      .unit("wt%")
      .default_(0.3)
      .range(0.0, 5.0)
      .doc("sd of the AlF3 analysis")
      .source("estimate");
  ctl.number("control.temperature_sample_noise", &ControllerSettings::temperature_sample_noise_K)
      .unit("K")
      .default_(2.0)
      .range(0.0, 50.0)
      .doc("sd of the bath temperature measurement")
      .source("estimate");
  ctl.number("control.alf3_horizon", &ControllerSettings::alf3_horizon_s)
      .unit("h", "s")
      .default_(48.0)
      .range(1.0, 2000.0)
      .doc("the AlF3 correction removes the error over this time")
      .source("estimate");
  ctl.number("control.tap_interval", &ControllerSettings::tap_interval_s)
      .unit("h", "s")
      .default_(24.0)
      .range(1.0, 240.0)
      .doc("metal tapping interval")
      .source("every 24–48 h, as commonly quoted");
  ctl.boolean("control.tap_beam_tracking", &ControllerSettings::tap_beam_tracking)
      .default_(true)
      .doc("lower the anode beam by the metal-level drop at each tap")
      .source("estimate: common practice");
  ctl.number("control.anode_cycle", &ControllerSettings::anode_cycle_s)
      .unit("d", "s")
      .default_(28.0)
      .range(0.0, 60.0)
      .doc("anode life (one anode is changed every cycle/anode_count); 0: none")
      .source("~25–30 days, as commonly quoted");
  ctl.number("control.beam_travel", &ControllerSettings::beam_travel_m)
      .unit("cm", "m")
      .default_(15.0)
      .range(1.0, 100.0)
      .doc("beam stroke before the beam is raised")
      .source("estimate");
}

// [disturbance] and [potline]
void add_scenario_fields(Table& t) {
  auto ctl = t.part(&SimulationCase::control);
  auto spread = t.part(&SimulationCase::spread);
  t.number("disturbance.feed_stop_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .doc("feeders stop (stuck or switched off) from this time")
      .source("scenario input");
  ctl.number("disturbance.feed_stop_duration", &ControllerSettings::feed_stop_duration_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("length of each feed stop")
      .source("scenario input");
  ctl.number("disturbance.feed_stop_period", &ControllerSettings::feed_stop_period_s)
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e6)
      .doc("repeat period of feed stops (0: once)")
      .source("scenario input");
  t.integer("potline.cells", &SimulationCase::cells)
      .default_(1)
      .range(1, 2000)
      .doc("cells in series")
      .source("user choice");
  t.text("potline.current_steps")
      .doc(
          "line-current steps 'TIME FACTOR; ...' relative to operation.line_current, e.g. '48 h "
          "0.75; 120 h 1.0'")
      .source("scenario input");
  t.text("potline.current_csv")
      .doc(
          "CSV 'time [h],current [kA]' or 'time [h],power [MW]' (DC line power), constant step, "
          "each row applies until the next (relative to the case file)")
      .source("scenario input");
  t.number("potline.max_current")
      .unit("kA", "A")
      .range(0.0, 2000.0)
      .exclusive_min()
      .doc("rectifier current limit: scheduled currents above it are input errors, a regulated (power) current is held to it; default 1.25 × operation.line_current, at most 2,000 kA")
      .source("estimate: +25 % is the largest sustained amperage increase in published power-modulation practice (TRIMET Essen, ±25 %, [TRIMET 2019]); 2,000 kA is the operation.line_current input limit");
  t.number("potline.power_control_period", &SimulationCase::power_control_period_s)
      .unit("s")
      .default_(60.0)
      .range(1.0, 3600.0)
      .exclusive_min()
      .doc("power schedules: the rectifier re-sets the line current to meet the power this often")
      .source(
          "estimate: rectifiers regulate within seconds, so a period of a minute tracks a power "
          "schedule given in minutes or hours; user choice");
  t.number("potline.outage_start")
      .unit("h", "s")
      .range(0.0, 1e6)
      .doc("power outage: current to zero from this time")
      .source("scenario input");
  t.number("potline.outage_duration")
      .unit("h", "s")
      .default_(0.0)
      .range(0.0, 1e4)
      .doc("power outage length")
      .source("scenario input; [Dupuis et al. 2007]: 3 h");
  spread.number("potline.spread_acd", &Spread::acd)
      .unit("%", "1")
      .default_(3.0)
      .range(0.0, 50.0)
      .doc("cell-to-cell sd of the initial ACD")
      .source("estimate");
  spread.number("potline.spread_heat_loss", &Spread::heat_loss)
      .unit("%", "1")
      .default_(3.0)
      .range(0.0, 50.0)
      .doc("cell-to-cell sd of the thermal resistances")
      .source("estimate");
  spread.number("potline.spread_dissolution", &Spread::dissolution)
      .unit("%", "1")
      .default_(10.0)
      .range(0.0, 100.0)
      .doc("cell-to-cell sd of the dissolution rate")
      .source("estimate");
  t.integer("potline.block_size", &SimulationCase::block_size)
      .default_(16)
      .range(1, 4096)
      .doc("cells per integration block: a performance setting (results depend neither on it nor on the thread count)")
      .source("performance setting");
}

// [pfc] and [window]
void add_pfc_and_window_fields(Table& t) {
  auto window = t.part(&SimulationCase::window);
  // pfc.coefficients, .technology and .gwp are resolved against the PFC/GWP table of
  // data/emissions/ (former set spellings mapped with a warning), not bound.
  t.choice("pfc.coefficients", pfc_set_choices())
      .default_("IPCC2006")
      .doc(
          "PFC coefficient set of data/emissions/ipcc-aluminium.toml (ipcc2006, ipcc2019: former "
          "spellings, deprecated)")
      .source("[IPCC 2006 Vol3 Ch4] Table 4.16; [IPCC 2019 Refinement]");
  t.choice("pfc.technology", plant::technology_class_names())
      .default_("CWPB")
      .doc(
          "technology class for the coefficients (ipcc2006: CWPB/SWPB/VSS/HSS; ipcc2019: "
          "PFPB_legacy/PFPB_modern/SWPB/VSS/HSS)")
      .source("[IPCC 2006 Vol3 Ch4]; [IPCC 2019 Refinement]");
  t.choice("pfc.method", &SimulationCase::pfc_method,
           {{"slope", PfcMethod::kSlope}, {"overvoltage", PfcMethod::kOvervoltage}})
      .default_("slope")
      .doc("IPCC Tier 2/3 method for CF4 from anode effects")
      .source("IPCC 2006 Vol. 3 eq. 4.26/4.27");
  t.choice("pfc.gwp", plant::gwp_set_names())
      .default_("AR5")
      .doc("GWP-100 set for CO2e")
      .source("[IPCC AR4 2007], [IPCC AR5 2013], [IPCC AR6 2021]; SAR: [IPCC SAR 1995]");
  t.number("pfc.low_voltage_cf4", &SimulationCase::low_voltage_cf4_kg_per_t)
      .unit("kg/t", "kg/kg")
      .default_(0.0)
      .range(0.0, 1.0)
      .doc("optional low-voltage (non-AE) CF4 per t Al")
      .source("[Wong et al. 2019]; [Dion et al. 2016]");
  window.number("window.superheat_min", &SafeWindow::superheat_min_K)
      .unit("K")
      .default_(5.0)
      .range(0.0, 100.0)
      .doc("safe window: minimum superheat")
      .source("[Shen et al. 500 kA model]");
  window.number("window.superheat_max", &SafeWindow::superheat_max_K)
      .unit("K")
      .default_(15.0)
      .range(0.0, 100.0)
      .doc("safe window: maximum superheat")
      .source("[Shen et al. 500 kA model]");
  window.number("window.ledge_min", &SafeWindow::ledge_min_m)
      .unit("cm", "m")
      .default_(5.0)
      .range(0.0, 100.0)
      .doc("safe window: minimum ledge")
      .source("[Shen et al. 500 kA model]");
  window.number("window.ledge_max", &SafeWindow::ledge_max_m)
      .unit("cm", "m")
      .default_(10.0)
      .range(0.0, 100.0)
      .doc("safe window: maximum ledge")
      .source("[Shen et al. 500 kA model]");
}

}  // namespace

// Feeder zones and faults, one-feeder stops, reheat, AE heat split, ledge flow, window
// averaging: simulate_schema_feeders.cpp.
void add_feeder_fields(io::SchemaTable<SimulationCase>& t);
// Shell heat exchangers: simulate_schema_exchangers.cpp.
void add_exchanger_fields(io::SchemaTable<SimulationCase>& t);
// Control practice around disturbances and the window's ledge reference: simulate_schema_control.cpp.
void add_control_practice_fields(io::SchemaTable<SimulationCase>& t);
// Process faults beyond the feeders: simulate_schema_faults.cpp.
void add_fault_fields(io::SchemaTable<SimulationCase>& t);

const io::SchemaTable<SimulationCase>& simulate_table() {
  static const Table table = [] {
    Table t("simulate-dynamics");
    add_run_fields(t);
    add_dynamics_fields(t);
    add_control_fields(t);
    add_scenario_fields(t);
    add_pfc_and_window_fields(t);
    add_feeder_fields(t);
    add_exchanger_fields(t);
    add_control_practice_fields(t);
    add_fault_fields(t);
    add_purity_track_fields(t);  // grade over time (purity_track_case.cpp, issue 14)
    return t;
  }();
  return table;
}

const io::Schema& dynamics_schema() {
  static const io::Schema schema = simulate_table().schema();
  return schema;
}

const io::Schema& simulate_schema() {
  static const io::Schema schema = [] {
    std::vector<io::FieldSpec> fields = cell::cell_schema().fields();
    for (const auto& f : dynamics_schema().fields()) fields.push_back(f);
    return io::Schema("simulate", fields);
  }();
  return schema;
}

}  // namespace potline::line
