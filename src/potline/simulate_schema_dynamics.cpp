// Simulate schema fields of [dynamics]: the lumped cell's liquids, ledge, heat paths, thermal
// masses and consumption rates, declared once with the member of DynamicsParameters they bind,
// their unit, default, range and source. A declarative table, split by topic.
#include <string>

#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
using dynamics::AnodeHeating;
using dynamics::DynamicsParameters;
using Table = io::SchemaTable<SimulationCase>;

// liquids, ledge, ambient and the initial ledge
void add_bath_metal_and_ledge_fields(Table& t) {
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
}

// heat-loss split, alumina dissolution, anode carbon and AlF3 consumption
void add_loss_split_dissolution_and_anode_fields(Table& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
  dyn.number("dynamics.top_loss_fraction", &DynamicsParameters::top_loss_fraction)
      .unit("1")
      .default_(0.45)
      .range(0.05, 0.9)
      .doc("share of the steady heat loss leaving through the top")
      .source(
          "estimate: top:bottom from the conductance ratio of [Shen et al. 500 kA model] (R_top 1.769e-3, "
          "R_bottom 3.749e-3 K/W → 2.1:1); sides 35 %. Published top shares of large Chinese prebake cells "
          "are higher (≈55 % [Wang et al. 2019]; > 60 % measured at 400 kA [Zhang et al. 2012]); not "
          "adopted (docs/model/dynamics.md, thermal calibration)");
  dyn.number("dynamics.side_loss_fraction", &DynamicsParameters::side_loss_fraction)
      .unit("1")
      .default_(0.35)
      .range(0.05, 0.9)
      .doc("share through the sidewalls (the bottom takes the rest)")
      .source(
          "estimate: sides about one third of the heat loss of a point-fed prebake cell (≈35 % through the "
          "walls, quoted without a cell type in [NTNU heat pipe 2016])");
  dyn.number("dynamics.dissolution_rate", &DynamicsParameters::dissolution_rate_per_s)
      .unit("1/s")
      .default_(0.003)
      .range(1e-5, 0.1)
      .doc("first-order dissolution rate of undissolved alumina")
      .source("[Yao et al. 2017]: k ≈ 0.002–0.005 1/s; at most 20 times that (at 0.2 1/s CVODE's step overshoots "
              "the undissolved alumina below zero; the batch step also needs rate x run.sample_period <= 1)");
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
}

// where the lumped thermal nodes sit and where the conductors' Joule heat goes
void add_thermal_node_fields(Table& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
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
      .doc("cathode block conductivity near 950 °C; > 0 puts the lining node at mid-block (inner resistance = "
           "thickness/2/(k·A)) instead of lining_inner_fraction; 0: use lining_inner_fraction")
      .source("estimate: graphitic blocks ≈ 30 W/(m K) near 950 °C ([Sørlie & Øye 2010]: graphitic 30–45, "
              "graphitised ≈ 100 at room temperature, both falling with temperature) [verify]");
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
}

// heat capacities of anodes, cover, cathode and side lining
void add_thermal_mass_fields(Table& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
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
}

// how a new anode takes up heat, and the frozen-bath stop of the run
void add_anode_heating_and_frozen_bath_fields(Table& t) {
  auto dyn = t.part(&SimulationCase::dynamics);
  dyn.choice("dynamics.anode_heating", &DynamicsParameters::anode_heating,
             {{"anode_change", AnodeHeating::kAnodeChange}, {"steady", AnodeHeating::kSteady}})
      .default_("anode_change")
      .doc(
          "anode_change: each new anode absorbs its heat-up over cold_anode_time; steady: carbon "
          "heated as it burns (steady-state model)")
      .source("docs/model/dynamics.md");
  // At most 0.9: at 1 the guard stopped every run at its first step, and an ordinary run's ledge growth
  // takes more than 5 % of the liquid bath (cell-7d at 0.95 stops at 4.97 d, at 0.9 it runs).
  t.number("dynamics.frozen_bath_fraction", &SimulationCase::frozen_bath_fraction)
      .unit("1")
      .default_(0.5)
      .range(0.0, 0.9)
      .exclusive_min()
      .doc(
          "a cell whose liquid bath falls below this share of its initial mass is frozen ('bath "
          "frozen'): cut out of the "
          "line or the run stops (exit 1), as potline.on_frozen_cell says")
      .source(
          "estimate: with half the bath frozen the liquid left can no longer fill the ACD layer "
          "and wet the immersed anodes (AP40: 4.0 m3, of which ≈ 1.6 m3 under the anodes and ≈ 1.5 "
          "m3 around their immersed part), and its excess AlF3 has about doubled, beyond the 20 "
          "wt% range of the liquidus correlation [Solheim 1996] (docs/model/dynamics.md §7)");
}

}  // namespace

void add_dynamics_fields(Table& t) {
  add_bath_metal_and_ledge_fields(t);
  add_loss_split_dissolution_and_anode_fields(t);
  add_thermal_node_fields(t);
  add_thermal_mass_fields(t);
  add_anode_heating_and_frozen_bath_fields(t);
}

}  // namespace potline::line
