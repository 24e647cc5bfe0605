// Simulate schema fields of the optional shell heat exchangers (docs/model/dynamics.md §2, "Shell
// heat exchangers"), declared once with the member they bind. heat_exchangers.schedule is parsed
// in simulate_case.cpp (a list of steps, not one member).
#include <string>

#include "potline/io/schema_builder.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::line {
namespace {
const std::string kTrimet =
    "[TRIMET 2019]: controllable shell heat exchangers (TRIMET with Bergische Universität Wuppertal) let 120 "
    "Essen pots run at +/-25 % power for up to 48 h; they dissipate heat at higher input and insulate at "
    "lower";

// Whether the cells carry exchangers, their largest extraction and the share of it in use at the
// operating point.
void add_exchanger_capacity_fields(io::SchemaTable<SimulationCase>& t) {
  auto hx = t.part(&SimulationCase::exchangers);
  auto dyn = t.part(&SimulationCase::dynamics);
  hx.boolean("heat_exchangers.enabled", &HeatExchangerSettings::enabled)
      .default_(false)
      .doc(
          "fit the cells with controllable shell heat exchangers (an extra heat loss from the side "
          "wall)")
      .source(kTrimet);
  dyn.number("heat_exchangers.max_extraction",
             &dynamics::DynamicsParameters::exchanger_max_W_per_m2)
      .unit("kW/m2", "W/m2")
      .default_(25.0)
      .range(0.0, 100.0)
      .doc("largest extra heat taken from the shell per m2 of side contact area (bath + metal), at the design "
           "shell temperature (it scales with shell minus ambient temperature)")
      .source("estimate sized from the published +/-25 % power range ([TRIMET 2019]): at -25 % current and "
              "constant cell voltage AP40 generates about 190 kW (13 kW/m2 of its 14.6 m2 side area) less "
              "heat; at design_fraction 0.5 the exchangers can give that much back (and take as much more at "
              "+25 %); no published per-m2 rating found");
  dyn.number("heat_exchangers.design_fraction",
             &dynamics::DynamicsParameters::exchanger_design_fraction)
      .unit("1")
      .default_(0.5)
      .range(0.0, 1.0)
      .doc("share of the largest extraction in use at the operating point (the thermal calibration includes "
           "it: the passive shell carries the rest of the side loss)")
      .source("estimate: mid-range, so the exchangers can both insulate and cool ([TRIMET 2019])");
}

// How the extraction is set (a schedule or the ledge rule), and the voltage hold of power
// modulation.
void add_exchanger_operation_fields(io::SchemaTable<SimulationCase>& t) {
  auto hx = t.part(&SimulationCase::exchangers);
  hx.choice("heat_exchangers.mode", &HeatExchangerSettings::mode,
            {{"schedule", ExchangerMode::kSchedule}, {"automatic", ExchangerMode::kAutomatic}})
      .default_("schedule")
      .doc("schedule: the fractions of heat_exchangers.schedule (design fraction before the first step); "
           "automatic: a PI rule on the ledge thickness holds the design ledge")
      .source("user choice");
  t.text("heat_exchangers.schedule")
      .doc("extraction steps 'TIME FRACTION; ...' (fraction of the largest extraction, 0-1, from each time "
           "on), e.g. '12 h 0; 60 h 0.5'")
      .source("scenario input");
  auto ctl = t.part(&SimulationCase::control);
  ctl.boolean("control.hold_voltage", &control::ControllerSettings::hold_voltage)
      .default_(false)
      .doc("resistance control holds the cell voltage itself (the ACD is raised when the current falls, "
           "lowered when it rises) instead of the resistance normalised to the nominal current")
      .source("model choice for power modulation: at -25 % current and constant ACD the AP40 heat generation "
              "falls by about 45 %, at constant voltage by 25 % (docs/model/dynamics.md §2, 'Shell heat "
              "exchangers'); [TRIMET 2019] names a new process control concept without details");
}

// Tuning of the automatic mode's PI rule on the ledge thickness.
void add_exchanger_ledge_rule_fields(io::SchemaTable<SimulationCase>& t) {
  auto hx = t.part(&SimulationCase::exchangers);
  hx.number("heat_exchangers.ledge_gain", &HeatExchangerSettings::ledge_gain_per_m)
      .unit("1/cm", "1/m")
      .default_(0.3)
      .range(0.0, 100.0)
      .doc("automatic mode: change of the fraction per cm of ledge away from dynamics.initial_ledge (thicker: "
           "less extraction)")
      .source("estimate: 1 cm of extra ledge (about 0.4 t of frozen bath on AP40) cuts the extraction by 30 % "
              "of its maximum; controller tuning, not a plant value");
  hx.number("heat_exchangers.integral_time", &HeatExchangerSettings::integral_time_s)
      .unit("h", "s")
      .default_(8.0)
      .range(0.0, 1000.0)
      .doc("automatic mode: integral time of the ledge rule (0: proportional only)")
      .source("estimate: of the order of the ledge's own time constant (hours); controller tuning");
  hx.number("heat_exchangers.superheat_floor", &HeatExchangerSettings::superheat_floor_K)
      .unit("K")
      .default_(0.0)
      .range(0.0, 50.0)
      .doc("automatic mode: superheat floor of the ledge rule (0: off); below floor + superheat_margin the "
           "fraction is capped at (superheat - floor) / margin, closed at the floor, whatever the ledge asks; "
           "the superheat is the running mean the safe window judges (window.averaging)")
      .source("model choice: a cell near the superheat floor keeps its heat (the exchangers \"insulate at "
              "lower input\", [TRIMET 2019]); the floor of the safe window is 5 K ([Shen et al. 500 kA model])");
  hx.number("heat_exchangers.superheat_margin", &HeatExchangerSettings::superheat_margin_K)
      .unit("K")
      .default_(1.0)
      .range(0.1, 20.0)
      .doc("automatic mode: band above heat_exchangers.superheat_floor over which the cap on the fraction "
           "opens from 0 to 1")
      .source("estimate: about the superheat's swing over an alumina feed cycle (1-2 K); controller tuning");
  hx.number("heat_exchangers.melt_back_superheat", &HeatExchangerSettings::melt_back_superheat_K)
      .unit("K")
      .default_(0.0)
      .range(0.0, 50.0)
      .doc("automatic mode: the ledge rule melts back a ledge thicker than dynamics.initial_ledge (its "
           "integral action) only while the superheat running mean (window.averaging) is at or above this; "
           "below it the integral is held (the proportional part still acts), so a power cut's extra ledge "
           "stays frozen until the bath has heat to spare (0: off)")
      .source("model choice: the ledge is cryolite (docs/model/dynamics.md §1), so melting it back returns "
              "cryolite to the bath, lowers its AlF3 excess and raises the liquidus while the bath is short "
              "of heat; closing the exchangers on a superheat floor does that and shortens the -25 % hold "
              "(docs/model/flexibility.md §7)");
}

}  // namespace

void add_exchanger_fields(io::SchemaTable<SimulationCase>& t) {
  add_exchanger_capacity_fields(t);
  add_exchanger_operation_fields(t);
  add_exchanger_ledge_rule_fields(t);
}

}  // namespace potline::line
