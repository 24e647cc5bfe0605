#pragma once
// A flex case from one of examples/*.toml with --set style overrides, built against the shipped
// data, so that the flex validation tests do not each write their own loader. An input error fails
// the calling test and throws (no case to return). And the hand-solvable dispatch case of the flex
// arithmetic tests (docs/validation.md F1–F4, F12–F14), built once here.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/flex/resimulate.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/flex/flex_ce.hpp"
#include "potline/io/case_file.hpp"
#include "shipped_data.hpp"

namespace potline::testing {

inline flex::FlexCase flex_example_case(const std::string& example, const std::vector<std::string>& overrides = {}) {
  core::Diagnostics d;
  io::ValueSet user;
  const std::string examples = std::string(POTLINE_SOURCE_DIR) + "/examples";
  io::read_case_file(examples + "/" + example, flex::flex_schema(), user, d);
  std::vector<io::Override> sets;
  int line = 0;
  for (const std::string& o : overrides) {
    if (auto parsed = io::parse_override(o, ++line, d)) sets.push_back(*parsed);
  }
  io::apply_overrides(sets, flex::flex_schema(), user, d);
  flex::apply_flex_ce_default(user);  // as potline flex (api::load_flex): mass_transfer unless named
  auto c = flex::build_flex_case(user, shipped_catalogue(), shipped_emission_data(), examples, d);
  if (!c) {
    ADD_FAILURE() << example << ": " << d.to_string();
    throw std::runtime_error("flex example case does not build: " + example);
  }
  return *c;
}

// The two-price-level case (FlexValidation F1–F4, FlexRectifier; FlexGridValidation starts from
// it): 100 cells of 1.6 MW DC bought at η = 0.975 (164.10 MW AC at the grid), 24 hourly steps, 12
// at 20 EUR/MWh then 12 at 120 EUR/MWh; power limits ±10 %, no ramp limit in effect (10 per hour);
// production target nominal; heat state free unless a test tightens it (ledge 0–1 m, superheat
// 0–100 K, end tolerance 1 m). Reduced model by hand: a = 1, b = −0.01 (1 cm less ledge per hour at
// +100 %: 1 mm per hour at +10 %), c = d = 0, linear production e_up = e_down = 0.7 (so Σu ≥ 0
// meets the target), ledge_ref 6.5 cm, superheat_ref 7 K, 0.035 kg/s of metal per cell; no
// rectifier limit (max_share infinite). A stop and its restart cost only the stopped steps' metal
// and energy (stop_metal_steps = restart_energy_steps = 0, set explicitly: the hand optima count no
// more).
struct TwoPriceLevelCase {
  flex::FlexCase c;
  flex::ReducedModel m;
  flex::HorizonPrices p;
  double p_low = 20 / 3.6e9, p_high = 120 / 3.6e9;  // EUR/J
  std::size_t K = 24;
};

inline TwoPriceLevelCase two_price_level_case() {
  TwoPriceLevelCase t;
  t.c.cells = 100;
  t.c.dispatch.min_power = 0.9;
  t.c.dispatch.max_power = 1.1;
  t.c.dispatch.ramp_per_s = 10.0 / 3600;  // no ramp limit in effect
  t.c.dispatch.production_target = 1.0;
  t.c.dispatch.end_ledge_tolerance_m = 1.0;
  t.c.dispatch.ledge_min_m = 0.0;
  t.c.dispatch.ledge_max_m = 1.0;
  t.c.dispatch.superheat_min_K = 0.0;
  t.c.dispatch.superheat_max_K = 100.0;
  t.c.sim.design.rectifier_efficiency = 0.975;  // the grid buys 1.6 MW / 0.975 per cell (AC)
  t.m.step_s = 3600;
  t.m.a = 1.0;
  t.m.b = -0.01;
  t.m.c = 0;
  t.m.d = 0;
  t.m.e_up = t.m.e_down = 0.7;
  t.m.ledge_ref_m = 0.065;
  t.m.superheat_ref_K = 7;
  t.m.nominal_power_W = 1.6e6;  // DC, at the cell
  t.m.nominal_production_kg_per_s = 0.035;
  t.m.stop_metal_steps = 0;
  t.m.restart_energy_steps = 0;
  t.p.step_s = 3600;
  for (std::size_t k = 0; k < t.K; ++k)
    t.p.price_eur_per_J.push_back(k < t.K / 2 ? t.p_low : t.p_high);
  return t;
}

/// The first window crossing (daily running means, flex::find_crossings) that starts after
/// `after_s`: its time after `after_s` and its limit; {-1, ""} when none does.
inline std::pair<double, std::string> first_crossing_after(const flex::FlexCase& c, const flex::CellTrace& t,
                                                           double after_s) {
  for (const flex::Crossing& x : flex::find_crossings(t, flex::case_bounds(c), c.sim.window.averaging_s)) {
    if (x.start_s > after_s) return {x.start_s - after_s, x.limit};
  }
  return {-1.0, ""};
}

}  // namespace potline::testing
