// Simulate schema fields of control practice around disturbances: the resistance strategy during
// power modulation (heat feed-forward of the target voltage, docs/model/dynamics.md §4,
// "Resistance strategy during modulation"), the ACD and anode-immersion limits of the beam moves,
// tapping and AlF3 additions after an outage (§4,
// "After an outage") and the reference of the safe window's ledge bounds (§6, "Safe window").
// Declared once, with the member they bind.
#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {

using control::ControllerSettings;

// A hot pot (docs/model/dynamics.md §4, "A hot pot"): what the resistance control does when a
// bath-temperature reading says the pot is hot.
void add_hot_bath_fields(io::SchemaTable<SimulationCase>& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.hot_bath_margin", &ControllerSettings::hot_bath_margin_K)
      .unit("K")
      .default_(12.0)
      .range(0.0, 200.0)
      .doc("a bath-temperature reading this far above the heat-balance loop's target marks the pot hot until a "
           "reading within half of it; control.hot_bath_no_raise and control.hot_bath_full_cut then act (0: never "
           "hot)")
      .source("estimate: the safe window's 15 K superheat bound ([Shen et al. 500 kA model]) less the catalogue "
              "design superheat of about 7 K, plus 2 sd of the 2 K reading noise (control.temperature_sample_noise) "
              "so that noise alone does not mark a pot at the window's edge; no published figure. Runs that bound "
              "it (AP40 cell-7d, 4 d): a +10 % step cycles at 6-8 K (bath 957.2-976.7 C), not at 10 K and more; "
              "+25 % is held at every margin from 6 to 60 K (its first reading is 53 K hot) and not at 0 "
              "(docs/model/dynamics.md §4)");
  ctl.boolean("control.hot_bath_no_raise", &ControllerSettings::hot_bath_no_raise)
      .default_(false)
      .doc("a hot pot's anodes are not raised: the resistance control does not open the ACD when the hotter, "
           "more conductive bath lowers the pot resistance (false, the default: the resistance target alone; "
           "as built the rule also refuses the raises that make up the metal pad's rise between taps, and a "
           "seeded potline-year cell marked hot at nominal current left its window, docs/model/dynamics.md §4)")
      .source("plant practice: the target resistance follows the cell's heat balance, not the resistance alone "
              "([Comalco EP0671488]: the target resistance is modified to zero the running heat integral and "
              "checked for an allowable value, and a bath resistivity computed from the voltage, current and "
              "ACD moves that falls beyond its limits adjusts the target heat)");
  ctl.boolean("control.hot_bath_full_cut", &ControllerSettings::hot_bath_full_cut)
      .default_(true)
      .doc("a hot pot's heat feed-forward (line current above nominal) is limited by the ACD floor "
           "(control.acd_min) only, not by control.heat_feedforward_max_cut (false: the cut limit always)")
      .source("plant practice: the cell voltage follows the current to hold the heat balance (voltage adjustment "
              "the first lever of a line run off its design current, [TMS abstract 360→280 kA]; the target "
              "resistance kept at the heat balance, [Comalco EP0671488]); the metal pad's stability, the basis of "
              "control.heat_feedforward_max_cut, is what the ACD floor holds; estimate");
}

// The resistance strategy during power modulation: the heat feed-forward of the target voltage
// (docs/model/dynamics.md §4, "Resistance strategy during modulation").
void add_heat_feedforward_fields(io::SchemaTable<SimulationCase>& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.heat_feedforward", &ControllerSettings::heat_feedforward)
      .unit("1")
      .default_(1.0)
      .range(0.0, 1.0)
      .doc("share of the heat generation a current change takes away (or adds) that the target voltage gives "
           "back at once: actual-voltage target V_base + k (V_heat - V_base), V_heat = E_h + (V_t - E_h) I_nom/I; "
           "1 (default since 2026-12-06): the heat generation of the design point is held; 0: off (the "
           "resistance control alone, the default before)")
      .source("plant practice: the ACD (target resistance) is raised when the current is cut and lowered when it "
              "rises so that the heat generation stays at the cell's balance ([EP 0047227]: below its balance "
              "current the ACD is raised; [Lavoie et al. 2011]; voltage adjustment among the levers of a 360 kA line "
              "run at 280 kA, [TMS abstract 360→280 kA]); k = 1 holds the design's heat generation, an "
              "estimate of how much of it plants restore at once");
  ctl.number("control.heat_feedforward_max_raise", &ControllerSettings::heat_feedforward_max_raise_V)
      .unit("mV", "V")
      .default_(500.0)
      .range(0.0, 3000.0)
      .doc("largest raise of the cell voltage the heat feed-forward asks for")
      .source("estimate: about +1.5 cm of ACD at 75 % of AP40's current (0.33 V/cm); the anodes must stay "
              "immersed and the raise costs current efficiency and metal at a given power");
  ctl.number("control.heat_feedforward_max_cut", &ControllerSettings::heat_feedforward_max_cut_V)
      .unit("mV", "V")
      .default_(200.0)
      .range(0.0, 3000.0)
      .doc("largest cut of the cell voltage the heat feed-forward asks for (current above nominal)")
      .source("estimate: about -0.5 cm of ACD at 125 % of AP40's current; a thinner bath layer makes the metal "
              "pad less stable (magnetohydrodynamics)");
  add_hot_bath_fields(t);
  ctl.number("control.cut_top_loss_reduction", &ControllerSettings::cut_top_loss_reduction)
      .unit("1")
      .default_(0.0)
      .range(0.0, 0.6)
      .doc("top heat retention in a current cut: share by which less duct flow (pot draft) and more anode cover "
           "lower the top heat loss (at the bath temperature of the moment) once the line current is "
           "cut to (1 - control.reheat_cut_depth) x nominal, linearly in between, in whole steps of 5 %; applied on "
           "the top node-to-potroom conductance; 0: off")
      .source("practice: gas suction, anode cover height and covering practices are the levers optimised to run a "
              "360 kA line at 280 kA ([TMS abstract 360→280 kA]); up to twice the alumina cover for a cell made "
              "for power cuts ([EP 0047227]); size: lower duct flow and a better cover brought the top heat "
              "dissipation of test pots from about 1 V to below 0.7 V ([Wang et al. 2019]): 0.3, an estimate "
              "for a cut (the test pots' change was made at nominal current)");
}

// How far the resistance control may move the anodes.
void add_beam_limit_fields(io::SchemaTable<SimulationCase>& t) {
  auto ctl = t.part(&SimulationCase::control);
  // ACD limits (docs/model/dynamics.md §4, "ACD and anode-immersion limits").
  ctl.number("control.acd_min", &ControllerSettings::acd_min_m)
      .unit("cm", "m")
      .default_(2.5)
      .range(0.0, 15.0)
      .doc("the resistance control does not lower the anodes below this ACD; a move it cuts is reported as time "
           "at the ACD floor (0: no limit; the beam itself stops at 1 cm)")
      .source("estimate: 0.5 cm below the industrial ACD range of 3–6 cm ([Haupin 1998]), below every "
              "technology the catalogue calibrates (2.9–7.0 cm); a thinner bath layer lets the metal-pad waves "
              "short-circuit on the anodes");
  ctl.number("control.acd_max", &ControllerSettings::acd_max_m)
      .unit("cm", "m")
      .default_(8.0)
      .range(0.0, 50.0)
      .doc("the resistance control does not raise the anodes above this ACD; a raise it cuts is reported as "
           "time at the ACD ceiling (0: no limit)")
      .source("estimate: 2 cm above the industrial ACD range of 3–6 cm ([Haupin 1998]), above every technology "
              "the catalogue calibrates (2.9–7.0 cm); with the default 20 cm bath it equals the ceiling of "
              "control.min_anode_immersion");
  ctl.number("control.min_anode_immersion", &ControllerSettings::min_anode_immersion_m)
      .unit("cm", "m")
      .default_(12.0)
      .range(0.0, 50.0)
      .doc("the resistance control does not raise the anodes so far that they dip less than this into the bath: "
           "ACD at most dynamics.bath_height minus this (the bath surface stays where it is; 0: no limit)")
      .source("estimate: the low end of the 12–18 cm anode immersion typical of 18–22 cm baths (the basis of the "
              "technology catalogue's design.anode_immersion estimates); the anode sides must stay in the bath");
}

// Tapping and AlF3 additions after an outage (docs/model/dynamics.md §4, "After an outage").
void add_after_outage_fields(io::SchemaTable<SimulationCase>& t) {
  auto ctl = t.part(&SimulationCase::control);
  ctl.number("control.tap_delay_after_outage", &ControllerSettings::tap_delay_after_outage_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.0, 240.0)
      .doc("after an outage of at least control.reheat_min_outage, no metal is tapped until this long after the "
           "current returns (0: taps as scheduled)")
      .source("estimate: the metal pad is the larger part of a cold cell's heat store; 8 h, the reheat of "
              "[Dupuis et al. 2007]; no published procedure read");
  ctl.number("control.alf3_hold_after_outage", &ControllerSettings::alf3_hold_after_outage_s)
      .unit("h", "s")
      .default_(24.0)
      .range(0.0, 720.0)
      .doc("after an outage, bath samples taken within this time of the restart do not correct the AlF3 "
           "additions (the feed-forward for consumption goes on; 0: no hold)")
      .source("estimate: the ledge frozen during the outage enriches the bath in AlF3 and gives its cryolite "
              "back as it melts, within about a day in the model (docs/model/dynamics.md §4); no published "
              "procedure read");
  // How fast the beam follows the reheat's raise (§4, "How fast the beam follows the raise").
  ctl.choice("control.reheat_raise", &ControllerSettings::reheat_raise,
             {{"proportional", control::ReheatRaise::kProportional}, {"one_step", control::ReheatRaise::kOneStep}})
      .default_("proportional")
      .doc("how the beam raises the ACD toward the higher target of a reheat that starts after an outage (the "
           "current returns to nominal, so the heat feed-forward asks for no move). proportional: one beam step "
           "per deadband of error, at most 10 per decision, until the error is first back within the deadband, "
           "as the beam follows a power call; a lowering stays one step (the default since 2026-12-07); "
           "one_step: one beam step per decision, as regulation (the rule before; the reheat target is reached "
           "an hour or more after a short outage; the reheat's hold waits for it, so a 0.5 h outage of AP40 "
           "recovers in 1.6-2.3 h against 1.25-1.42 h, docs/model/dynamics.md §4)")
      .source("estimate: plant practice raises the voltage of a cold cell to put heat back, and anode beams are "
              "lifted at centimetres per minute (the basis of the heat feed-forward's proportional moves); no "
              "published beam-move rule after an outage read. Model choice made on user trial T13-5 "
              "(docs/model/dynamics.md §6, 'Event windows')");
}

// The reference of the safe window's ledge bounds (docs/model/dynamics.md §6, "Safe window").
void add_ledge_reference_field(io::SchemaTable<SimulationCase>& t) {
  auto window = t.part(&SimulationCase::window);
  window.choice("window.ledge_reference", &SafeWindow::ledge_reference,
                {{"absolute", LedgeReference::kAbsolute}, {"cell", LedgeReference::kCell}})
      .default_("absolute")
      .doc("absolute: the ledge bounds as given; cell: shifted by each cell's design ledge (the steady ledge of "
           "its own thermal resistances at the design bath temperature) minus dynamics.initial_ledge")
      .source("model choice (docs/model/dynamics.md §6, 'Safe window')");
}

}  // namespace

void add_control_practice_fields(io::SchemaTable<SimulationCase>& t) {
  add_heat_feedforward_fields(t);
  add_beam_limit_fields(t);
  add_after_outage_fields(t);
  add_ledge_reference_field(t);
}

}  // namespace potline::line
