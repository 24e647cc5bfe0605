// Schema of the simulate case and its conversion to a SimulationCase.
#include "potline/potline/simulate_case.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/io/case_file.hpp"

namespace potline::line {
namespace {
using io::FieldSpec;
using io::FieldType;

struct Builder {
  std::vector<FieldSpec> fields;
  FieldSpec& num(std::string key, std::string unit, std::string internal, std::optional<double> def,
                 std::optional<double> lo, std::optional<double> hi, std::string description,
                 std::string source, bool lo_exclusive = false) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = FieldType::kNumber;
    f.unit = std::move(unit);
    f.internal_unit = std::move(internal);
    f.default_value = def;
    f.min = lo;
    f.max = hi;
    f.min_exclusive = lo_exclusive;
    f.description = std::move(description);
    f.source = std::move(source);
    fields.push_back(f);
    return fields.back();
  }
  FieldSpec& integer(std::string key, std::optional<double> def, double lo, double hi, std::string description,
                     std::string source) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = FieldType::kInteger;
    f.default_value = def;
    f.min = lo;
    f.max = hi;
    f.description = std::move(description);
    f.source = std::move(source);
    fields.push_back(f);
    return fields.back();
  }
  FieldSpec& choice(std::string key, std::vector<std::string> choices, std::string def, std::string description,
                    std::string source) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = FieldType::kChoice;
    f.choices = std::move(choices);
    f.default_text = std::move(def);
    f.description = std::move(description);
    f.source = std::move(source);
    fields.push_back(f);
    return fields.back();
  }
  FieldSpec& boolean(std::string key, bool def, std::string description, std::string source) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = FieldType::kBool;
    f.default_text = def ? "true" : "false";
    f.description = std::move(description);
    f.source = std::move(source);
    fields.push_back(f);
    return fields.back();
  }
  FieldSpec& text(std::string key, std::string description, std::string source) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = FieldType::kString;
    f.description = std::move(description);
    f.source = std::move(source);
    fields.push_back(f);
    return fields.back();
  }
};

const std::string kDupuis =
    "Dupuis, Dyna/Marc tracking feed-control studies (GeniSim; physics.md §7): 70 % underfeed, 140 % "
    "overfeed for 1 h, R_p slope from averaged samples";
const std::string kPhys7 = "physics.md §7";

std::vector<FieldSpec> build_fields() {
  Builder b;
  // [run]
  b.num("run.duration", "d", "s", 7.0, 0.0, 3660.0, "simulated time", "user choice", true);
  b.integer("run.seed", 1, 0, 4294967295.0, "seed of every random stream of the run (noise, quench durations, spread)", "user choice");
  b.num("run.sample_period", "s", "s", 5.0, 0.5, 60.0,
        "controller sample period = integration step of the batch integrator",
        "Dupuis: 5 s samples; physics.md §7: 'sample every ~6 s'");
  b.num("run.output_interval", "min", "s", 60.0, 0.0, 1e6, "time-series row interval (instantaneous values at each row time)", "user choice", true);
  b.choice("run.events", {"all", "control", "none"}, "control",
           "events.csv detail: all (every feed shot too), control (mode changes, beam moves, AEs, taps, anode changes, samples), none",
           "user choice");
  b.choice("run.integrator", {"batch", "cvode"}, "batch",
           "batch: fixed-step Heun over blocks of cells (fast); cvode: SUNDIALS CVODE per cell (reference)",
           "docs/model/dynamics.md");
  b.num("run.voltage_refresh", "s", "s", 60.0, 0.0, 3600.0,
        "batch integrator: longest time between two cell::evaluate calls for a cell (also refreshed after "
        "every jump and when alumina drifts by 0.05 wt%)", "tests/unit/test_dynamics_integrators.cpp measures the error", true);
  b.num("run.relative_tolerance", "1", "1", 1e-6, 1e-12, 1e-2, "CVODE relative tolerance", "user choice", true);
  b.integer("run.threads", 1, 1, 256, "worker threads (results do not depend on it)", "user choice");
  b.boolean("run.controller", true, "false: no controller and no events; alumina fed continuously (open-loop tests)", "user choice");
  b.num("run.open_loop_feed", "1", "1", 1.0, 0.0, 5.0, "without controller: continuous feed as a multiple of the initial Faraday alumina demand", "user choice");

  // [dynamics]
  b.num("dynamics.bath_height", "cm", "m", 20.0, 5.0, 50.0, "liquid bath height", "estimate: typical 18–22 cm (technology catalogue immersion basis)");
  b.num("dynamics.metal_height", "cm", "m", 20.0, 5.0, 60.0, "metal pad height after tapping", "estimate: typical modern prebake 15–25 cm");
  b.num("dynamics.metal_density", "kg/m3", "kg/m3", 2300.0, 2000.0, 2500.0, "liquid aluminium density", "estimate: liquid Al ≈ 2.3 g/cm3 near 960 °C (handbook value)");
  b.num("dynamics.bath_heat_capacity", "J/kg K", "J/kg K", 1800.0, 1000.0, 2500.0, "liquid bath heat capacity",
        "Lundby/Gravdahl NTNU lumped model: 1767–1881 J/(kg K) (physics.md §6); middle value");
  b.num("dynamics.metal_heat_capacity", "J/kg K", "J/kg K", 1177.0, 900.0, 1400.0, "liquid aluminium heat capacity",
        "estimate: 31.75 J/(mol K) for liquid Al (JANAF, as recalled) / 26.98 g/mol");
  b.num("dynamics.ledge_latent_heat", "kJ/kg", "J/kg", 510.0, 100.0, 800.0, "latent heat of freezing of the ledge (cryolite)",
        "estimate: ≈107 kJ/mol enthalpy of fusion of Na3AlF6 (JANAF, as recalled) / 209.94 g/mol; physics.md §6 lists "
        "119.5 kJ/kg (Lundby) and ~310 kJ/kg (frozen bath) [verify]");
  b.num("dynamics.ledge_density", "kg/m3", "kg/m3", 2900.0, 2000.0, 3500.0, "frozen ledge density", "estimate: solid cryolite ≈ 2.9–3.0 g/cm3");
  b.num("dynamics.ledge_conductivity", "W/m K", "W/m K", 1.5, 0.3, 5.0, "ledge thermal conductivity", "Shen et al. 500 kA lumped heat model (physics.md §6)");
  auto& amb = b.num("dynamics.ambient_temperature", "degC", "K", 40.0, -20.0, 100.0, "potroom air temperature", "estimate: potroom air 30–50 °C");
  amb.temperature_kind = core::TemperatureKind::kAbsolute;
  b.num("dynamics.initial_ledge", "cm", "m", 5.0, 0.5, 30.0, "ledge thickness at the start (taken as a steady state)",
        "lower end of the 5–10 cm window of Shen et al. (physics.md §6); with k = 1.5 W/(m K) a 7.5 cm ledge "
        "cannot conduct the side heat loss of a modern 400 kA cell in this model");
  b.num("dynamics.top_loss_fraction", "1", "1", 0.45, 0.05, 0.9, "share of the steady heat loss leaving through the top",
        "estimate: top:bottom from the conductance ratio of Shen et al. (R_top 1.769e-3, R_bottom 3.749e-3 K/W → 2.1:1); sides 35 %");
  b.num("dynamics.side_loss_fraction", "1", "1", 0.35, 0.05, 0.9, "share through the sidewalls (the bottom takes the rest)",
        "estimate: sides about one third of the heat loss of a point-fed prebake cell");
  b.num("dynamics.dissolution_rate", "1/s", "1/s", 0.003, 1e-5, 1.0, "first-order dissolution rate of undissolved alumina",
        "Yao et al. 2017: k ≈ 0.002–0.005 1/s (physics.md §6)");
  b.num("dynamics.immediate_dissolution", "1", "1", 0.5, 0.0, 1.0, "share of a feed shot that dissolves at once",
        "estimate: physics.md §6 says a shot goes 'partly' to an undissolved pool; half");
  b.num("dynamics.carbon_consumption", "kg/kg", "kg/kg", 0.41, 0.3, 0.7, "net anode carbon per kg Al",
        "estimate: net carbon consumption of prebake anodes ≈ 0.40–0.45 kg/kg Al");
  b.num("dynamics.anode_density", "kg/m3", "kg/m3", 1560.0, 1300.0, 1800.0, "baked anode apparent density", "estimate: 1.55–1.60 g/cm3 typical");
  b.num("dynamics.anode_height", "m", "m", 0.60, 0.2, 1.0, "height of a new anode block", "estimate: modern prebake blocks 0.55–0.65 m");
  b.num("dynamics.cold_anode_time", "h", "s", 24.0, 0.1, 240.0, "time constant of a new anode's heat-up",
        "physics.md §7: a cold anode takes 1–2 days to carry full current; τ = 1 d");
  b.num("dynamics.alf3_consumption", "kg/t", "kg/kg", 15.0, 0.0, 100.0, "AlF3 consumed per t Al (Na2O neutralisation and net emissions)",
        "estimate: 3 Na2O + 4 AlF3 → 2 Na3AlF6 + Al2O3 with 0.35 wt% Na2O in 1.93 t alumina/t Al ≈ 12 kg/t, plus ≈ 3 kg/t net emissions");
  b.num("dynamics.top_inner_fraction", "1", "1", 0.30, 0.01, 0.99, "share of the top resistance between bath and the top node (anodes + cover)",
        "estimate: puts the lumped anode/cover node at ≈ 690 °C for AP40 (anode ≈ 950 °C at the bottom, 300–500 °C at the top, cover 200–600 °C)");
  b.num("dynamics.wall_inner_fraction", "1", "1", 0.50, 0.01, 0.99, "share of the wall resistance (outside the ledge) between ledge face and the wall node",
        "estimate: node in the middle of side block + shell (Lundby/Gravdahl's T_wall, physics.md §6)");
  b.num("dynamics.lining_inner_fraction", "1", "1", 0.10, 0.01, 0.99, "share of the bottom resistance between metal and the lining node (cathode blocks)",
        "estimate: graphitic cathode blocks conduct well; most of the bottom resistance is in the refractory and insulation below");
  b.num("dynamics.cathode_conductivity", "W/m K", "W/m K", 30.0, 0.0, 200.0,
        "cathode block conductivity near 950 °C; > 0 puts the lining node at mid-block (inner resistance = thickness/2/(k·A)) "
        "instead of lining_inner_fraction; 0: use lining_inner_fraction",
        "estimate: graphitic blocks ≈ 30 W/(m K) near 950 °C (Sørlie & Øye, Cathodes in Aluminium Electrolysis, 3rd ed. 2010: "
        "graphitic 30–45, graphitised ≈ 100 at room temperature, both falling with temperature) [verify]");
  b.num("dynamics.anode_drop_to_top", "1", "1", 1.0, 0.0, 1.0, "share of the anode-assembly Joule heat released in the top node (rest: bath)",
        "physical placement: stub, rod, yoke and anode carbon are colder than the bath, so their I²R heat flows out through the top");
  b.num("dynamics.cathode_drop_to_lining", "1", "1", 1.0, 0.0, 1.0, "share of the cathode Joule heat released in the lining node (rest: bath)",
        "physical placement: cathode blocks and collector bars are colder than the metal, so their I²R heat flows out through the bottom");
  b.num("dynamics.anode_mean_height_fraction", "1", "1", 0.55, 0.1, 1.0, "mean anode height over its life / new height",
        "estimate: blocks burn from new to a butt of ≈ 0.1–0.2 of their height");
  b.num("dynamics.carbon_heat_capacity", "J/kg K", "J/kg K", 1600.0, 700.0, 2500.0, "heat capacity of anode and cathode carbon",
        "graphite c_p ≈ 1.5–1.8 kJ/(kg K) at 600–950 °C (NIST-JANAF); estimate for baked carbon");
  b.num("dynamics.cover_thickness", "cm", "m", 15.0, 0.0, 50.0, "anode cover and crust thickness over the cathode area", "estimate: 10–20 cm cover");
  b.num("dynamics.cover_density", "kg/m3", "kg/m3", 1500.0, 500.0, 3000.0, "anode cover bulk density", "estimate: alumina/crushed-bath cover 1.2–1.8 g/cm3");
  b.num("dynamics.cover_heat_capacity", "J/kg K", "J/kg K", 1100.0, 500.0, 2000.0, "anode cover heat capacity", "estimate: alumina ≈ 1.1–1.2 kJ/(kg K) at 300–700 °C");
  b.num("dynamics.cathode_thickness", "cm", "m", 45.0, 10.0, 100.0, "cathode block height", "estimate: 40–50 cm (point-fed prebake cells)");
  b.num("dynamics.cathode_density", "kg/m3", "kg/m3", 1600.0, 1200.0, 2000.0, "cathode block density", "estimate: graphitic/graphitised 1.55–1.7 g/cm3");
  b.num("dynamics.side_lining_thickness", "cm", "m", 15.0, 1.0, 60.0, "side block + shell thickness lumped into the wall node",
        "estimate: SiC side block 7–12 cm, ramming paste, steel shell");
  b.num("dynamics.side_lining_density", "kg/m3", "kg/m3", 2700.0, 1000.0, 8000.0, "side lining density", "estimate: SiC–Si3N4 blocks ≈ 2.6–2.8 g/cm3");
  b.num("dynamics.side_lining_heat_capacity", "J/kg K", "J/kg K", 1000.0, 400.0, 2000.0, "side lining heat capacity", "estimate: SiC ≈ 1.0–1.2 kJ/(kg K) at 300–700 °C");
  b.choice("dynamics.anode_heating", {"anode_change", "steady"}, "anode_change",
           "anode_change: each new anode absorbs its heat-up over cold_anode_time; steady: carbon heated as it burns (steady-state model)",
           "docs/model/dynamics.md");
  b.num("dynamics.frozen_bath_fraction", "1", "1", 0.5, 0.0, 1.0,
        "the run stops (exit 1, 'bath frozen') when a cell's liquid bath falls below this share of its initial mass",
        "estimate: with half the bath frozen the liquid left can no longer fill the ACD layer and wet the immersed anodes (AP40: 4.0 m3, of which ≈ 1.6 m3 under the anodes and ≈ 1.5 m3 around their immersed part), and its excess AlF3 has about doubled, beyond the 20 wt% range of the liquidus correlation [Solheim 1996] (docs/model/dynamics.md §7)", true);

  // [control]
  b.num("control.voltage_noise", "mV", "V", 20.0, 0.0, 1000.0, "sd of the measured cell voltage", "estimate: 10–30 mV normal cell noise");
  b.num("control.current_noise", "%", "1", 0.2, 0.0, 10.0, "sd of the measured line current", "estimate: rectifier current measurement");
  b.num("control.back_emf", "V", "V", 1.65, 1.0, 2.5, "E_b in the pseudo-resistance R_p = (V − E_b)/I", "physics.md §7: 1.6–1.7 V [verify]");
  b.num("control.underfeed_factor", "1", "1", 0.7, 0.0, 1.0, "underfeed rate / nominal", kDupuis);
  b.num("control.overfeed_factor", "1", "1", 1.4, 1.0, 5.0, "overfeed rate / nominal", kDupuis);
  b.num("control.overfeed_duration", "min", "s", 60.0, 1.0, 1440.0, "overfeed period", kDupuis);
  b.num("control.assumed_current_efficiency", "%", "1", 95.0, 50.0, 100.0, "CE the controller assumes for its nominal feed rate", "estimate");
  b.num("control.shot_mass", "kg", "kg", 1.8, 0.1, 20.0, "alumina per feeder shot", "physics.md §6: 1–3 kg per feeder");
  b.num("control.average_period", "s", "s", 120.0, 1.0, 3600.0, "R_p averaging period", "physics.md §7: 2-min averages");
  b.integer("control.slope_points", 10, 3, 64, "averages in the slope fit", "physics.md §7: line through the last 10 averages");
  b.num("control.slope_threshold", "mV/min", "V/s", 1.2, 0.0, 100.0,
        "switch to overfeed when dR_p/dt × nominal current exceeds this",
        "estimate from Dupuis (CIM 2011): 3.9 mV/min at 2.21 wt% under no feed, × 0.3 (70 % underfeed depletes at 30 % of the no-feed rate)");
  b.num("control.min_underfeed", "min", "s", 20.0, 0.0, 1440.0, "no switch to overfeed earlier than this", "estimate: lets the slope window fill (10 × 2 min)");
  auto& tv = b.num("control.target_voltage", "V", "V", std::nullopt, 2.0, 10.0, "resistance-control target (normalised to nominal current)", "");
  tv.default_note = "the steady-state cell voltage at the case's operating point";
  b.num("control.deadband", "mV", "V", 50.0, 0.0, 1000.0, "half-width of the resistance deadband", "estimate: plant-specific (physics.md §7)");
  b.num("control.beam_step", "mm", "m", 2.0, 0.1, 50.0, "ACD change per beam move", "estimate: plant-specific (physics.md §7)");
  b.num("control.resistance_period", "min", "s", 10.0, 0.1, 1440.0, "resistance-control decision period", "estimate");
  b.num("control.lockout", "min", "s", 30.0, 0.0, 1440.0, "no beam moves after an AE, tap or anode change", "estimate");
  b.num("control.tracking_lockout", "min", "s", 30.0, 0.0, 1440.0, "no beam moves after this long in underfeed (tracking)", "estimate: Dupuis notes R_p moves during tracking are alumina, not ACD");
  b.boolean("control.heat_balance_loop", true, "outer loop: target voltage + gain × (target − sampled bath temperature)", "Comalco EP0671488 (physics.md §7)");
  b.num("control.temperature_gain", "mV/K", "V/K", 10.0, 0.0, 1000.0, "outer-loop gain", "estimate");
  b.num("control.temperature_max_offset", "mV", "V", 200.0, 0.0, 2000.0, "outer-loop limit", "estimate");
  b.num("control.ae_voltage", "V", "V", 8.0, 3.0, 60.0, "anode-effect detection threshold", "physics.md §7: ~8 V and up");
  b.choice("control.quench", {"automatic", "manual"}, "automatic", "anode-effect quench: automatic (beam oscillation + feed burst) or manual (stick method)", kPhys7);
  b.choice("control.quench_distribution", {"lognormal", "uniform", "exponential", "fixed"}, "lognormal", "distribution of quench durations", "estimate");
  b.num("control.automatic_quench_mean", "s", "s", 30.0, 1.0, 3600.0, "mean automatic quench duration", "physics.md §7: well under a minute in modern point-fed lines [verify against IAI surveys]");
  b.num("control.manual_quench_mean", "min", "s", 4.0, 0.1, 120.0, "mean manual quench duration", "physics.md §7: minutes [verify against IAI surveys]");
  b.num("control.quench_cv", "1", "1", 0.5, 0.0, 5.0, "coefficient of variation of quench durations", "estimate");
  b.num("control.quench_feed", "kg", "kg", 20.0, 0.0, 500.0, "alumina fed when an AE is detected", "estimate: a burst of about 10 shots");
  auto& at = b.num("control.alf3_target", "wt%", "wt%", std::nullopt, 0.0, 30.0, "excess AlF3 target", "");
  at.default_note = "the case's bath.alf3";
  b.num("control.sample_interval", "h", "s", 24.0, 1.0, 720.0, "bath sampling interval", "physics.md §7: bath samples with long lags");
  b.num("control.sample_delay", "h", "s", 24.0, 0.0, 720.0, "delay until a bath analysis reaches the controller", "physics.md §7; Wang et al. (Alcoa STARprobe, TMS 2011): results 'very often delayed as long as 24 hours'");
  b.num("control.alf3_sample_noise", "wt%", "wt%", 0.3, 0.0, 5.0, "sd of the AlF3 analysis", "estimate");
  b.num("control.temperature_sample_noise", "K", "K", 2.0, 0.0, 50.0, "sd of the bath temperature measurement", "estimate");
  b.num("control.alf3_horizon", "h", "s", 48.0, 1.0, 2000.0, "the AlF3 correction removes the error over this time", "estimate");
  b.num("control.tap_interval", "h", "s", 24.0, 1.0, 240.0, "metal tapping interval", "physics.md §7: every 24–48 h");
  b.boolean("control.tap_beam_tracking", true, "lower the anode beam by the metal-level drop at each tap", "estimate: common practice");
  b.num("control.anode_cycle", "d", "s", 28.0, 0.0, 60.0, "anode life (one anode is changed every cycle/anode_count); 0: none", "physics.md §7: ~25–30 days");
  b.num("control.beam_travel", "cm", "m", 15.0, 1.0, 100.0, "beam stroke before the beam is raised", "estimate");

  // [disturbance]
  b.num("disturbance.feed_stop_start", "h", "s", std::nullopt, 0.0, 1e6, "feeders stop (stuck or switched off) from this time", "scenario input");
  b.num("disturbance.feed_stop_duration", "h", "s", 0.0, 0.0, 1e6, "length of each feed stop", "scenario input");
  b.num("disturbance.feed_stop_period", "h", "s", 0.0, 0.0, 1e6, "repeat period of feed stops (0: once)", "scenario input");

  // [potline]
  b.integer("potline.cells", 1, 1, 2000, "cells in series", "user choice");
  b.text("potline.current_steps", "line-current steps 'TIME FACTOR; ...' relative to operation.line_current, e.g. '48 h 0.75; 120 h 1.0'", "scenario input");
  b.text("potline.current_csv", "CSV 'time [h],current [kA]' or 'time [h],power [MW]' (DC line power), constant step, each row applies until the next (relative to the case file)", "scenario input");
  b.num("potline.max_current", "kA", "A", std::nullopt, 0.0, 2000.0,
        "rectifier current limit: scheduled currents above it are input errors, a regulated (power) current is held to it; default 1.25 × operation.line_current, at most 2,000 kA",
        "estimate: +25 % is the largest sustained amperage increase in published power-modulation practice (TRIMET Essen, ±25 %, [TRIMET 2019]); 2,000 kA is the operation.line_current input limit", true);
  b.num("potline.power_control_period", "s", "s", 60.0, 1.0, 3600.0,
        "power schedules: the rectifier re-sets the line current to meet the power this often",
        "estimate: rectifiers regulate within seconds, so a period of a minute tracks a power schedule given in minutes or hours; user choice", true);
  b.num("potline.outage_start", "h", "s", std::nullopt, 0.0, 1e6, "power outage: current to zero from this time", "scenario input");
  b.num("potline.outage_duration", "h", "s", 0.0, 0.0, 1e4, "power outage length", "scenario input; Dupuis, Eick & Waldmann 2007: 3 h");
  b.num("potline.spread_acd", "%", "1", 3.0, 0.0, 50.0, "cell-to-cell sd of the initial ACD", "estimate");
  b.num("potline.spread_heat_loss", "%", "1", 3.0, 0.0, 50.0, "cell-to-cell sd of the thermal resistances", "estimate");
  b.num("potline.spread_dissolution", "%", "1", 10.0, 0.0, 100.0, "cell-to-cell sd of the dissolution rate", "estimate");
  b.integer("potline.block_size", 16, 1, 4096, "cells per integration block (results do not depend on threads, but do on this)", "performance setting");

  // [pfc]
  b.choice("pfc.coefficients", pfc_set_choices(), "IPCC2006",
           "PFC coefficient set of data/emissions/ipcc-aluminium.toml (ipcc2006, ipcc2019: former spellings, deprecated)",
           "IPCC 2006 Vol. 3 Ch. 4 Table 4.16; IPCC 2019 Refinement (physics.md §8)");
  b.choice("pfc.technology", plant::technology_class_names(), "CWPB",
           "technology class for the coefficients (ipcc2006: CWPB/SWPB/VSS/HSS; ipcc2019: PFPB_legacy/PFPB_modern/SWPB/VSS/HSS)", "physics.md §8");
  b.choice("pfc.method", {"slope", "overvoltage"}, "slope", "IPCC Tier 2/3 method for CF4 from anode effects", "IPCC 2006 Vol. 3 eq. 4.26/4.27");
  b.choice("pfc.gwp", plant::gwp_set_names(), "AR5", "GWP-100 set for CO2e", "physics.md §8");
  b.num("pfc.low_voltage_cf4", "kg/t", "kg/kg", 0.0, 0.0, 1.0, "optional low-voltage (non-AE) CF4 per t Al", "Wong et al. ICSOBA 2019; Dion et al. JOM 2016 (physics.md §8)");

  // [window]
  b.num("window.superheat_min", "K", "K", 5.0, 0.0, 100.0, "safe window: minimum superheat", "Shen et al. (physics.md §6)");
  b.num("window.superheat_max", "K", "K", 15.0, 0.0, 100.0, "safe window: maximum superheat", "Shen et al. (physics.md §6)");
  b.num("window.ledge_min", "cm", "m", 5.0, 0.0, 100.0, "safe window: minimum ledge", "Shen et al. (physics.md §6)");
  b.num("window.ledge_max", "cm", "m", 10.0, 0.0, 100.0, "safe window: maximum ledge", "Shen et al. (physics.md §6)");
  return b.fields;
}

control::Distribution::Kind distribution_kind(const std::string& name) {
  if (name == "uniform") return control::Distribution::Kind::kUniform;
  if (name == "exponential") return control::Distribution::Kind::kExponential;
  if (name == "fixed") return control::Distribution::Kind::kFixed;
  return control::Distribution::Kind::kLognormal;
}
}  // namespace

const io::Schema& dynamics_schema() {
  static const io::Schema schema("simulate-dynamics", build_fields());
  return schema;
}

const io::Schema& simulate_schema() {
  static const io::Schema schema = [] {
    std::vector<FieldSpec> fields = cell::cell_schema().fields();
    for (const auto& f : dynamics_schema().fields()) fields.push_back(f);
    return io::Schema("simulate", fields);
  }();
  return schema;
}

namespace {

/// The [pfc] keys and their coefficients from the one table; the former set spellings are mapped
/// with a deprecation warning.
void resolve_pfc(const io::ValueSet& v, const plant::EmissionData& table, SimulationCase& c, core::Diagnostics& d) {
  const auto loc = [&](const char* key) {
    const io::Value* x = v.get(key);
    return x ? x->location : core::SourceLocation{};
  };
  c.pfc_set = v.text("pfc.coefficients");
  if (const auto former = plant::coefficient_set_from_former_name(c.pfc_set)) {
    const std::string name(plant::to_string(*former));
    d.warning(loc("pfc.coefficients"), "pfc.coefficients",
              fmt::format("'{}' is the former spelling of '{}' (deprecated): write the set name as data/emissions/"
                          "ipcc-aluminium.toml and every other command do",
                          c.pfc_set, name));
    c.pfc_set = name;
  }
  c.pfc_technology = v.text("pfc.technology");
  c.pfc_method = v.text("pfc.method") == "overvoltage" ? PfcMethod::kOvervoltage : PfcMethod::kSlope;
  c.gwp_set = v.text("pfc.gwp");
  c.low_voltage_cf4_kg_per_t = v.number("pfc.low_voltage_cf4");
  const plant::CoefficientSet set = *plant::coefficient_set_from_name(c.pfc_set);
  const auto k = pfc_coefficients(table, set, *plant::technology_class_from_name(c.pfc_technology));
  if (!k) {
    std::string list;
    for (const auto& t : plant::technology_class_names()) {
      if (pfc_coefficients(table, set, *plant::technology_class_from_name(t))) list += (list.empty() ? "" : ", ") + t;
    }
    d.error(loc("pfc.technology"), "pfc.technology",
            fmt::format("'{}' has no coefficients in set '{}'; choose one of: {}", c.pfc_technology, c.pfc_set, list));
  } else if (c.pfc_method == PfcMethod::kOvervoltage && !k->overvoltage_cf4) {
    d.error(loc("pfc.method"), "pfc.method",
            fmt::format("set '{}' has no overvoltage coefficient for '{}'; use pfc.method = \"slope\" or "
                        "pfc.coefficients = \"IPCC2006\" with CWPB or SWPB", c.pfc_set, c.pfc_technology));
  } else {
    c.pfc_coefficients = *k;
  }
  if (const auto g = gwp(table, *plant::gwp_set_from_name(c.gwp_set))) c.gwp = *g;
  else d.error(loc("pfc.gwp"), "pfc.gwp", "GWP set '" + c.gwp_set + "' is not in data/emissions/ipcc-aluminium.toml");
}

}  // namespace

std::optional<SimulationCase> build_simulation_case(const io::ValueSet& user_values,
                                                    const cell::TechnologyCatalogue& catalogue,
                                                    const plant::EmissionData& emissions,
                                                    const std::string& case_dir,
                                                    core::Diagnostics& diagnostics) {
  auto cell_case = cell::build_cell_case(user_values, catalogue, diagnostics);
  if (!cell_case) return std::nullopt;
  io::ValueSet v = user_values;
  io::fill_defaults(dynamics_schema(), v);
  auto num = [&](const std::string& key) { return v.number(key); };
  auto loc = [&](const std::string& key) {
    const io::Value* x = v.get(key);
    return x ? x->location : core::SourceLocation{};
  };
  SimulationCase c;
  c.title = cell_case->title;
  c.design = cell_case->design;
  c.constants = cell_case->constants;
  c.op = cell_case->op;
  c.duration_s = num("run.duration");
  c.seed = static_cast<std::uint64_t>(num("run.seed"));
  c.output_interval_s = num("run.output_interval");
  const std::string events = v.text("run.events");
  c.events = events == "all" ? EventDetail::kAll : events == "none" ? EventDetail::kNone : EventDetail::kControl;
  c.integrator = v.text("run.integrator") == "cvode" ? IntegratorKind::kCvode : IntegratorKind::kBatch;
  c.batch.refresh_interval_s = num("run.voltage_refresh");
  c.cvode_relative_tolerance = num("run.relative_tolerance");
  c.threads = static_cast<int>(num("run.threads"));
  c.controller_enabled = num("run.controller") != 0.0;
  c.open_loop_feed_factor = num("run.open_loop_feed");

  dynamics::DynamicsParameters& p = c.dynamics;
  p.bath_height_m = num("dynamics.bath_height");
  p.metal_height_m = num("dynamics.metal_height");
  p.metal_density_kg_per_m3 = num("dynamics.metal_density");
  p.bath_heat_capacity_J_per_kg_K = num("dynamics.bath_heat_capacity");
  p.metal_heat_capacity_J_per_kg_K = num("dynamics.metal_heat_capacity");
  p.ledge_latent_heat_J_per_kg = num("dynamics.ledge_latent_heat");
  p.ledge_density_kg_per_m3 = num("dynamics.ledge_density");
  p.ledge_conductivity_W_per_m_K = num("dynamics.ledge_conductivity");
  p.ambient_temperature_K = num("dynamics.ambient_temperature");
  p.initial_ledge_m = num("dynamics.initial_ledge");
  p.top_loss_fraction = num("dynamics.top_loss_fraction");
  p.side_loss_fraction = num("dynamics.side_loss_fraction");
  p.dissolution_rate_per_s = num("dynamics.dissolution_rate");
  p.immediate_dissolution_fraction = num("dynamics.immediate_dissolution");
  p.carbon_kg_per_kg_al = num("dynamics.carbon_consumption");
  p.anode_density_kg_per_m3 = num("dynamics.anode_density");
  p.anode_height_m = num("dynamics.anode_height");
  p.cold_anode_time_constant_s = num("dynamics.cold_anode_time");
  p.alf3_consumption_kg_per_kg_al = num("dynamics.alf3_consumption");
  p.top_inner_fraction = num("dynamics.top_inner_fraction");
  p.wall_inner_fraction = num("dynamics.wall_inner_fraction");
  p.lining_inner_fraction = num("dynamics.lining_inner_fraction");
  p.anode_mean_height_fraction = num("dynamics.anode_mean_height_fraction");
  p.cathode_conductivity_W_per_m_K = num("dynamics.cathode_conductivity");
  p.anode_drop_to_top_fraction = num("dynamics.anode_drop_to_top");
  p.cathode_drop_to_lining_fraction = num("dynamics.cathode_drop_to_lining");
  p.carbon_heat_capacity_J_per_kg_K = num("dynamics.carbon_heat_capacity");
  p.cover_thickness_m = num("dynamics.cover_thickness");
  p.cover_density_kg_per_m3 = num("dynamics.cover_density");
  p.cover_heat_capacity_J_per_kg_K = num("dynamics.cover_heat_capacity");
  p.cathode_thickness_m = num("dynamics.cathode_thickness");
  p.cathode_density_kg_per_m3 = num("dynamics.cathode_density");
  p.side_lining_thickness_m = num("dynamics.side_lining_thickness");
  p.side_lining_density_kg_per_m3 = num("dynamics.side_lining_density");
  p.side_lining_heat_capacity_J_per_kg_K = num("dynamics.side_lining_heat_capacity");
  p.anode_heating = v.text("dynamics.anode_heating") == "steady" ? dynamics::AnodeHeating::kSteady
                                                                 : dynamics::AnodeHeating::kAnodeChange;
  if (p.top_loss_fraction + p.side_loss_fraction >= 1.0) {
    diagnostics.error(loc("dynamics.side_loss_fraction"), "dynamics.side_loss_fraction",
                      fmt::format("top ({}) + side ({}) shares must stay below 1: the bottom takes the rest",
                                  p.top_loss_fraction, p.side_loss_fraction));
  }

  control::ControllerSettings& s = c.control;
  s.sample_period_s = num("run.sample_period");
  s.voltage_noise_V = num("control.voltage_noise");
  s.current_noise_fraction = num("control.current_noise");
  s.back_emf_V = num("control.back_emf");
  s.underfeed_factor = num("control.underfeed_factor");
  s.overfeed_factor = num("control.overfeed_factor");
  s.overfeed_duration_s = num("control.overfeed_duration");
  s.assumed_current_efficiency = num("control.assumed_current_efficiency");
  s.shot_mass_kg = num("control.shot_mass");
  s.average_period_s = num("control.average_period");
  s.slope_points = static_cast<int>(num("control.slope_points"));
  s.slope_threshold_V_per_s = num("control.slope_threshold");
  s.min_underfeed_s = num("control.min_underfeed");
  if (auto tv = v.maybe_number("control.target_voltage")) {
    s.target_voltage_V = *tv;
    c.target_voltage_given = true;
  }
  s.deadband_V = num("control.deadband");
  s.beam_step_m = num("control.beam_step");
  s.resistance_period_s = num("control.resistance_period");
  s.lockout_s = num("control.lockout");
  s.tracking_lockout_s = num("control.tracking_lockout");
  s.temperature_target_K = num("control.heat_balance_loop") != 0.0 ? c.op.bath_temperature_K : 0.0;
  s.temperature_gain_V_per_K = num("control.temperature_gain");
  s.temperature_max_offset_V = num("control.temperature_max_offset");
  s.ae_detect_voltage_V = num("control.ae_voltage");
  s.quench_mode = v.text("control.quench") == "manual" ? control::QuenchMode::kManual : control::QuenchMode::kAutomatic;
  const auto kind = distribution_kind(v.text("control.quench_distribution"));
  s.automatic_quench = {kind, num("control.automatic_quench_mean"), num("control.quench_cv")};
  s.manual_quench = {kind, num("control.manual_quench_mean"), num("control.quench_cv")};
  s.quench_feed_kg = num("control.quench_feed");
  s.alf3_target_wt = v.maybe_number("control.alf3_target").value_or(c.op.bath.alf3_excess_wt);
  s.sample_interval_s = num("control.sample_interval");
  s.sample_delay_s = num("control.sample_delay");
  s.alf3_sample_noise_wt = num("control.alf3_sample_noise");
  s.temperature_sample_noise_K = num("control.temperature_sample_noise");
  s.alf3_horizon_s = num("control.alf3_horizon");
  s.alf3_feedforward_kg_per_kg_al = p.alf3_consumption_kg_per_kg_al;
  s.tap_interval_s = num("control.tap_interval");
  s.tap_beam_tracking = num("control.tap_beam_tracking") != 0.0;
  s.anode_cycle_s = num("control.anode_cycle");
  s.beam_travel_m = num("control.beam_travel");
  if (s.sample_delay_s > s.sample_interval_s) {
    diagnostics.error(loc("control.sample_delay"), "control.sample_delay",
                      "the analysis delay must not exceed the sampling interval (one sample is in the lab at a time)");
  }
  if (s.underfeed_factor >= s.overfeed_factor) {
    diagnostics.error(loc("control.underfeed_factor"), "control.underfeed_factor",
                      fmt::format("underfeed factor {} must be below the overfeed factor {}: the tracking "
                                  "cycle would never raise the alumina", s.underfeed_factor, s.overfeed_factor));
  }
  if (auto start = v.maybe_number("disturbance.feed_stop_start")) {
    s.feed_stop_start_s = *start;
    s.feed_stop_duration_s = num("disturbance.feed_stop_duration");
    s.feed_stop_period_s = num("disturbance.feed_stop_period");
    if (!(s.feed_stop_duration_s > 0)) {
      diagnostics.error(loc("disturbance.feed_stop_start"), "disturbance.feed_stop_duration",
                        "a feed stop needs a positive duration (disturbance.feed_stop_duration)");
    }
    if (s.feed_stop_period_s > 0 && s.feed_stop_period_s <= s.feed_stop_duration_s) {
      diagnostics.error(loc("disturbance.feed_stop_period"), "disturbance.feed_stop_period",
                        "the repeat period must be longer than the stop itself");
    }
  }

  c.frozen_bath_fraction = num("dynamics.frozen_bath_fraction");
  c.cells = static_cast<int>(num("potline.cells"));
  c.block_size = static_cast<int>(num("potline.block_size"));
  c.spread = {num("potline.spread_acd"), num("potline.spread_heat_loss"), num("potline.spread_dissolution")};
  const double max_current = v.maybe_number("potline.max_current").value_or(std::min(1.25 * c.op.line_current_A, 2e6));
  if (max_current < c.op.line_current_A) {
    diagnostics.error(loc("potline.max_current"), "potline.max_current",
                      fmt::format("{:.6g} kA is below the nominal line current {:.6g} kA (operation.line_current)",
                                  max_current / 1e3, c.op.line_current_A / 1e3));
  }
  c.schedule = CurrentSchedule(c.op.line_current_A, max_current);
  const std::string steps = v.text("potline.current_steps");
  const std::string csv = v.text("potline.current_csv");
  if (!steps.empty() && !csv.empty()) {
    diagnostics.error(loc("potline.current_csv"), "potline.current_csv", "give either potline.current_steps or potline.current_csv, not both");
  } else if (!steps.empty()) {
    c.schedule.parse_steps(steps, "potline.current_steps", loc("potline.current_steps"), diagnostics);
  } else if (!csv.empty()) {
    std::filesystem::path path(csv);
    if (path.is_relative() && !case_dir.empty()) path = std::filesystem::path(case_dir) / path;
    c.schedule.read_csv(path.string(), diagnostics);
  }
  c.power_control_period_s = num("potline.power_control_period");
  if (auto start = v.maybe_number("potline.outage_start")) {
    const double duration = num("potline.outage_duration");
    if (!(duration > 0)) {
      diagnostics.error(loc("potline.outage_start"), "potline.outage_duration", "an outage needs a positive potline.outage_duration");
    }
    c.schedule.set_outage(*start, duration);
  }

  resolve_pfc(v, emissions, c, diagnostics);
  c.window = {num("window.superheat_min"), num("window.superheat_max"), num("window.ledge_min"), num("window.ledge_max")};
  if (c.window.superheat_min_K >= c.window.superheat_max_K || c.window.ledge_min_m >= c.window.ledge_max_m) {
    diagnostics.error(loc("window.superheat_min"), "window", "each safe-window minimum must be below its maximum");
  }
  if (c.duration_s < s.sample_period_s) {
    diagnostics.error(loc("run.duration"), "run.duration", "the run must last at least one sample period");
  }
  if (diagnostics.has_errors()) return std::nullopt;
  return c;
}

}  // namespace potline::line
