// Conversion of a flex case to a FlexCase: the simulate part through line::build_simulation_case,
// the [flex], [economics] and [envelope] fields through flex_table(), then cross-field checks.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "potline/cell/cell_model.hpp"
#include "potline/cell/technology.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/flex/flex_ce.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/potline/simulate_case.hpp"

namespace potline::flex {
namespace {

core::SourceLocation location(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x ? x->location : core::SourceLocation{};
}

// envelope.levels: "0, 75, 80" (% of nominal); the default list when empty.
void parse_levels(const io::ValueSet& v, FlexCase& c, core::Diagnostics& diagnostics) {
  const std::string text = v.text("envelope.levels");
  if (text.find_first_not_of(" \t") == std::string::npos) {
    c.envelope.levels = {0.0, 0.75, 0.80, 0.85, 0.90, 0.95, 1.05, 1.10, 1.15, 1.20, 1.25};
    return;
  }
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    const double pct = std::strtod(item.c_str(), &end);
    const bool rest_blank = end && std::string(end).find_first_not_of(" \t%") == std::string::npos;
    if (end == item.c_str() || !rest_blank || !(pct >= 0.0 && pct <= 150.0)) {
      diagnostics.error(location(v, "envelope.levels"), "envelope.levels",
                        fmt::format("'{}': each level is a number of % of nominal power in [0, 150]", item));
      continue;
    }
    c.envelope.levels.push_back(pct / 100.0);
  }
}

// The most metal flex.max_power can make, as a share of nominal production: an upper bound, so that
// only targets no schedule can meet are refused before the fit (the rest is the solver's verdict).
// The line current is highest where the cell voltage is lowest: the resistance control's target
// (the cell voltage with control.hold_voltage, else E_b + R·I at the nominal resistance) less the
// largest cut of the heat feed-forward (control.heat_feedforward_max_cut, actual voltage) and of
// the heat-balance loop (control.temperature_max_offset, on the target's scale), within the
// rectifier limit; the metal at that current at 100 % current efficiency. Production is not bounded
// by the power share itself: with the feed-forward the voltage falls as the current rises (flex-day:
// +6.3 % metal at +5 % power).
struct ProductionBound {
  double current_share = 0, voltage_V = 0, production_share = 0;
};

ProductionBound max_production(const FlexCase& c) {
  const line::SimulationCase& sim = c.sim;
  const control::ControllerSettings& s = sim.control;
  const cell::CellResult nominal = cell::evaluate(sim.design, sim.constants, sim.op);
  const double target = sim.target_voltage_given ? s.target_voltage_V : nominal.voltage_V;
  const double cut = s.heat_feedforward > 0.0 ? s.heat_feedforward_max_cut_V : 0.0;
  const double loop = s.temperature_target_K > 0.0 ? s.temperature_max_offset_V : 0.0;
  const double power = c.dispatch.max_power * nominal.voltage_V;  // per unit of nominal current
  double r = 0;
  if (s.hold_voltage) {
    r = power / std::max(target - loop - cut, 1e-3);
  } else {
    // (V_t − δ − E_b)·r² + (E_b − cut)·r = p·V_nominal
    const double a = std::max(target - loop - s.back_emf_V, 1e-3), b = s.back_emf_V - cut;
    r = (-b + std::sqrt(b * b + 4 * a * power)) / (2 * a);
  }
  ProductionBound out;
  out.current_share = std::min(r, sim.schedule.max_A() / sim.schedule.nominal_A());
  out.voltage_V = power / out.current_share;
  out.production_share = out.current_share / std::max(nominal.current_efficiency, 1e-3);
  return out;
}

// The power limits against the rectifier's reach (rectifier_reach): a flex.max_power above it is
// planned at the reach (a warning that names both and the current the level needs); a
// flex.min_power above it leaves no schedule (an error).
void check_rectifier_reach(const io::ValueSet& v, const FlexCase& c, core::Diagnostics& d) {
  const DispatchSettings& s = c.dispatch;
  const RectifierReach reach = rectifier_reach(c.sim);
  const auto needs = [&](double share) {
    const double current_A = current_for_share_A(c.sim, share);
    return fmt::format(
        "{:.4g} % of nominal power needs {:.5g} kA at the voltage the resistance control holds "
        "there ({:.3f} V a cell)",
        100 * share, current_A / 1e3, held_voltage_V(c.sim, current_A));
  };
  const std::string limit = fmt::format(
      "the rectifier limit potline.max_current = {:.5g} kA delivers at most {:.4g} % "
      "({:.3f} V a cell at that current)",
      reach.max_current_A / 1e3, 100 * reach.max_share, reach.voltage_V);
  if (s.min_power > reach.max_share + 1e-9) {
    d.error(location(v, "flex.min_power"), "flex.min_power",
            fmt::format("{}; {}: no schedule can run that high", needs(s.min_power), limit));
  } else if (s.max_power > reach.max_share + 1e-9) {
    d.warning(
        location(v, "flex.max_power"), "flex.max_power",
        fmt::format(
            "{}; {}: the dispatch plans at most {:.4g} % (raise potline.max_current to draw more)",
            needs(s.max_power), limit, 100 * reach.max_share));
  }
}

// Cross-field checks of the dispatch limits: what no schedule can meet is named here.
void check_dispatch(const io::ValueSet& v, const FlexCase& c, core::Diagnostics& d) {
  const DispatchSettings& s = c.dispatch;
  if (s.min_power > s.max_power) {
    d.error(location(v, "flex.min_power"), "flex.min_power",
            fmt::format("{:.4g} % is above flex.max_power = {:.4g} %", 100 * s.min_power, 100 * s.max_power));
  } else {
    check_rectifier_reach(v, c, d);
  }
  if (c.ledge_min_m() >= c.ledge_max_m()) {
    d.error(location(v, "flex.ledge_min"), "flex.ledge_min",
            fmt::format("the ledge bounds {:.4g}–{:.4g} cm are empty: the minimum must be below the maximum",
                        100 * c.ledge_min_m(), 100 * c.ledge_max_m()));
  }
  if (c.superheat_min_K() >= c.superheat_max_K()) {
    d.error(location(v, "flex.superheat_min"), "flex.superheat_min",
            fmt::format("the superheat bounds {:.4g}–{:.4g} K are empty", c.superheat_min_K(), c.superheat_max_K()));
  }
  const double start_ledge = c.sim.dynamics.initial_ledge_m;
  if (start_ledge < c.ledge_min_m() || start_ledge > c.ledge_max_m()) {
    d.error(location(v, "dynamics.initial_ledge"), "dynamics.initial_ledge",
            fmt::format("the starting ledge {:.4g} cm lies outside the heat-state bounds {:.4g}–{:.4g} cm "
                        "(flex.ledge_min, flex.ledge_max): no schedule starts in window",
                        100 * start_ledge, 100 * c.ledge_min_m(), 100 * c.ledge_max_m()));
  }
  if (c.call_min_power() > s.min_power + 1e-12) {
    d.error(location(v, "grid.call_min_power"), "grid.call_min_power",
            fmt::format("{:.4g} % is above flex.min_power = {:.4g} %: a call must be able to cut below every power the "
                        "schedule may run at", 100 * c.call_min_power(), 100 * s.min_power));
  }
  if (c.grid.offered() && c.grid.call_duration_s > c.grid.call_period_s) {
    d.error(location(v, "grid.call_duration"), "grid.call_duration",
            fmt::format("{:.4g} h is longer than grid.call_period = {:.4g} h", c.grid.call_duration_s / 3600,
                        c.grid.call_period_s / 3600));
  }
  const ProductionBound most = max_production(c);
  if (s.production_target > most.production_share + 1e-12) {
    d.error(location(v, "flex.production_target"), "flex.production_target",
            fmt::format("{:.4g} % of nominal production cannot be met: at flex.max_power = {:.4g} % the line current "
                        "is at most {:.4g} % of nominal (the lowest cell voltage the resistance control holds, {:.3f} V, "
                        "or the rectifier limit), which makes at most {:.4g} % of nominal metal even at 100 % current "
                        "efficiency",
                        100 * s.production_target, 100 * s.max_power, 100 * most.current_share, most.voltage_V,
                        100 * most.production_share));
  }
}

// Where design.rectifier_efficiency came from, for the output's power basis: the case (file or
// --set), else the technology's declaration, else the schema default (cell_schema.cpp).
std::string rectifier_efficiency_origin(const io::ValueSet& v, const cell::TechnologyCatalogue& catalogue) {
  const std::string key = "design.rectifier_efficiency";
  if (const io::Value* x = v.get(key); x && x->origin == io::Origin::kCommandLine) return "--set " + key;
  if (const io::Value* x = v.get(key); x && x->origin == io::Origin::kCaseFile) return "the case file";
  const std::string tech = v.text("case.technology");
  if (const cell::Technology* t = tech.empty() ? nullptr : catalogue.find(tech); t && t->parameter(key)) {
    const cell::TechnologyParameter* p = t->parameter(key);
    // An estimate's basis starts with "estimate:" already; a published value names its source.
    return fmt::format("technology '{}', {}{}", t->id, p->published ? "published: " : "", p->source);
  }
  return "the schema default of " + key;
}

}  // namespace

double held_voltage_V(const line::SimulationCase& sim, double current_A) {
  // As control::PotController::control_resistance with feedforward_offset_V at a steady current
  // (docs/model/dynamics.md §4): the strategy's voltage (the cell voltage itself with
  // control.hold_voltage, else the nominal-current resistance's E_b + (V_t − E_b)·I/I_nom), the
  // feed-forward's share k of the way to the heat-neutral voltage E_h + (V_t − E_h)·I_nom/I within
  // its cut and raise, less the deadband (on the reference scale: the actual voltage with
  // hold_voltage, the nominal current's otherwise).
  const control::ControllerSettings& s = sim.control;
  const cell::CellResult base = cell::evaluate(sim.design, sim.constants, sim.op);
  const double nominal_A = sim.op.line_current_A;
  const double target = sim.target_voltage_given ? s.target_voltage_V : base.voltage_V;
  const double heat_neutral = base.voltage_V - base.energy.heat_loss_W / nominal_A;
  const double ratio = nominal_A / std::max(current_A, 1e-9);
  const double held = s.hold_voltage ? target : s.back_emf_V + (target - s.back_emf_V) / ratio;
  double offset = 0.0;
  if (s.heat_feedforward > 0.0) {
    const double heat = heat_neutral + (target - heat_neutral) * ratio;
    offset = std::clamp(s.heat_feedforward * (heat - held), -s.heat_feedforward_max_cut_V,
                        s.heat_feedforward_max_raise_V);
  }
  const double deadband = s.deadband_V * (s.hold_voltage ? 1.0 : 1.0 / ratio);
  return held + offset - deadband;
}

RectifierReach rectifier_reach(const line::SimulationCase& sim) {
  RectifierReach r;
  r.max_current_A = sim.schedule.max_A();
  r.voltage_V = held_voltage_V(sim, r.max_current_A);
  const double nominal_W =
      sim.op.line_current_A * cell::evaluate(sim.design, sim.constants, sim.op).voltage_V;
  r.max_share = r.max_current_A * r.voltage_V / nominal_W;
  return r;
}

double current_for_share_A(const line::SimulationCase& sim, double share) {
  // I·V(I) rises with I (the feed-forward gives back at most the share k ≤ 1 of the heat the
  // current adds): bisection between a hundredth and four times the nominal current.
  const double nominal_A = sim.op.line_current_A;
  const double power_W =
      share * nominal_A * cell::evaluate(sim.design, sim.constants, sim.op).voltage_V;
  double lo = 0.01 * nominal_A, hi = 4.0 * nominal_A;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (mid * held_voltage_V(sim, mid) < power_W ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

std::optional<FlexCase> build_flex_case(const io::ValueSet& user_values, const cell::TechnologyCatalogue& catalogue,
                                        const plant::EmissionData& emissions, const std::string& case_dir,
                                        core::Diagnostics& diagnostics) {
  auto sim = line::build_simulation_case(user_values, catalogue, emissions, case_dir, diagnostics);
  io::ValueSet v = user_values;
  const io::Schema own = flex_table().schema();
  io::fill_defaults(own, v);
  FlexCase c;
  if (sim) c.sim = std::move(*sim);
  if (!flex_table().bind(v, c).empty()) throw std::logic_error("flex schema: a bound field has no default");
  parse_levels(v, c, diagnostics);
  if (!c.prices_path.empty()) {
    std::filesystem::path path(c.prices_path);
    if (path.is_relative() && !case_dir.empty()) path = std::filesystem::path(case_dir) / path;
    c.prices_path = path.string();
    c.prices_where = location(v, "flex.prices");
  }
  if (!sim) return std::nullopt;
  c.rectifier_efficiency_origin = rectifier_efficiency_origin(user_values, catalogue);
  c.ce_model_origin = ce_model_origin(user_values);  // flex_ce.cpp (T9-3)
  // One representative cell: the economics scale by potline.cells, the dynamics run one cell.
  c.cells = c.sim.cells;
  c.sim.cells = 1;
  c.sim.spread = {};
  c.sim.threads = 1;
  check_dispatch(v, c, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return c;
}

}  // namespace potline::flex
