// The representative cells of the fleet link (see flex_link.hpp; docs/model/flexibility.md §9): one
// flex case per technology and line current, built from the catalogue as `potline flex` builds a
// case file, run through flex::operating_envelope at −X % and +X % for the horizon.
#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>
#include <vector>

#include "potline/core/diagnostics.hpp"
#include "potline/dynamics/cell_model.hpp"
#include "potline/dynamics/cell_state.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/flex_link.hpp"
#include "potline/flex/dispatch.hpp"
#include "potline/flex/envelope.hpp"
#include "potline/flex/flex_case.hpp"
#include "potline/io/case_file.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/potline/simulation.hpp"

namespace potline::fleet {
namespace {

/// What the representative cell's case file sets beyond the technology and its line current.
struct CellSettings {
  bool exchangers = false;
  std::optional<double>
      exchanger_W_per_m2;               ///< heat_exchangers.max_extraction (default: the schema's)
  std::optional<double> max_current_A;  ///< potline.max_current (default: 1.25 × the line current)
};

/// Estimate, as in the TRIMET-like examples (examples/flex-week-heat-exchangers.toml,
/// flex-week-insulated.toml): a cut to 80 % of nominal lowers the top heat loss by 30 % (less duct
/// flow, more anode cover), as much as [Wang et al. 2019] report for test pots
/// (control.cut_top_loss_reduction; docs/model/dynamics.md §4, "Top heat retention in a cut"). A
/// line converted for flexibility operates its cuts so; a conventional line is not assumed to.
constexpr double kConvertedCutTopLossReduction = 0.3;

/// As in the same examples (heat_exchangers.melt_back_superheat): the exchangers' ledge rule keeps
/// a cut's extra ledge while the superheat's daily mean is below 6 K (the window's 5 K floor + 1 K,
/// an estimate; docs/model/dynamics.md §2).
constexpr double kConvertedMeltBackSuperheat_K = 6.0;

/// The representative cell as a case file. Both configurations use the resistance strategy of the
/// flex examples, the heat feed-forward of the target voltage (control.heat_feedforward = 1,
/// examples/flex-day.toml; docs/model/dynamics.md §4). With exchangers, the TRIMET-like case's
/// control and exchangers (examples/flex-week-heat-exchangers.toml: control.hold_voltage, the top
/// heat retention in a cut, automatic exchangers).
std::string cell_text(const HoldKey& k, const CellSettings& s) {
  std::string t = fmt::format("[case]\ntechnology = \"{}\"\n", k.technology);
  if (k.line_current_A > 0)
    t += fmt::format("[operation]\nline_current = \"{:.12g} kA\"\n", k.line_current_A / 1e3);
  // The smelter model's ACD at that current (plant::cell_current): the run starts where the SEC is
  // evaluated, the state simulate's pot control settles at, not at the catalogue's ACD.
  if (k.line_current_A > 0 && k.acd_m > 0) t += fmt::format("acd = \"{:.12g} cm\"\n", k.acd_m * 100);
  t += "[control]\nheat_feedforward = 1\n";
  if (s.exchangers) {
    t += fmt::format("hold_voltage = true\ncut_top_loss_reduction = {:.12g}\n",
                     kConvertedCutTopLossReduction);
    t += fmt::format(
        "[heat_exchangers]\nenabled = true\nmode = \"automatic\"\nmelt_back_superheat = {:.12g}\n",
        kConvertedMeltBackSuperheat_K);
    if (s.exchanger_W_per_m2)
      t += fmt::format("max_extraction = \"{:.12g} kW/m2\"\n", *s.exchanger_W_per_m2 / 1e3);
  }
  if (s.max_current_A)
    t += fmt::format("[potline]\nmax_current = \"{:.12g} kA\"\n", *s.max_current_A / 1e3);
  return t;
}

// Estimate: the share of a cell's side heat loss its exchangers carry at design use is at most the
// TRIMET-like P155's (F8: 123.2 of 136.9 kW, 0.90; docs/model/flexibility.md §7). The default
// rating (25 kW/m², heat_exchangers.max_extraction) would carry more than the whole side loss of
// some cells (CN-PB240: 102 %), which no calibration allows (at most 95 %,
// dynamics/cell_calibration.cpp).
constexpr double kMaxExchangerShareOfSideLoss = 0.90;

/// The exchanger rating [W/m²] that carries kMaxExchangerShareOfSideLoss of `sim`'s calibrated
/// side loss at design use, or nothing when the network does not calibrate.
std::optional<double> exchanger_rating_cap(const line::SimulationCase& sim) {
  dynamics::DynamicsParameters p = line::cell_dynamics_parameters(sim);
  p.exchanger_max_W_per_m2 = 1.0;  // a probe: the calibration gives the side loss as max / share
  std::vector<double> y(dynamics::kStateCount);
  try {
    const dynamics::CellModel m = dynamics::build_cell_model(
        sim.design, sim.constants, sim.calibration_op.value_or(sim.op), p, y.data());
    if (!(m.exchanger_share > 0) || !(m.side_area_m2 > 0) || !(p.exchanger_design_fraction > 0))
      return std::nullopt;
    const double side_loss_W = m.exchanger_max_W / m.exchanger_share;
    return kMaxExchangerShareOfSideLoss * side_loss_W /
           (p.exchanger_design_fraction * m.side_area_m2);
  } catch (const core::RunError&) {
    return std::nullopt;
  }
}

std::optional<flex::FlexCase> build_cell(const std::string& text, const std::string& name,
                                         const plant::SmelterData& data, core::Diagnostics& d) {
  io::ValueSet user;
  io::read_case_text(text, name, flex::flex_schema(), user, d);
  if (d.has_errors()) return std::nullopt;
  return flex::build_flex_case(user, data.technologies, data.emissions, "", d);
}

DirectionHold direction(const flex::EnvelopeRow& row, double horizon_s) {
  DirectionHold h;
  h.share = row.share;
  h.hold_s = std::min(row.hold_s, horizon_s);
  h.limit = row.limit;
  // A run a guard ended before any running mean left the window (operating_envelope).
  if (h.limit.empty() && h.hold_s < horizon_s - 1.0)
    h.limit = row.frozen_s >= 0 ? "bath_frozen" : "stopped";
  h.drawn_share = row.drawn_share;
  return h;
}

struct Outcome {
  TechnologyHold hold;
  std::vector<std::pair<std::string, std::string>> errors;  ///< key, message
  std::string run_error;
  /// fleet.flex_power beyond the rectifier's reach: the reach (+share) and why; one error for all cells.
  std::optional<std::pair<double, std::string>> beyond_reach;
};

std::string cell_name(const HoldKey& k) {
  return k.line_current_A > 0
             ? fmt::format("the representative {} cell at {:g} kA{}", k.technology, k.line_current_A / 1e3,
                           k.acd_m > 0 ? fmt::format(" and ACD {:.2f} cm", k.acd_m * 100) : std::string())
             : fmt::format("the representative {} cell at its published line current",
                           k.technology);
}

/// The representative cell of `k` in the case's configuration (errors in `d`). With exchangers:
/// rated at most kMaxExchangerShareOfSideLoss of the side loss, and the rectifier sized for the
/// level, as TRIMET's conversion came with busbar and control changes ([TRIMET virtual battery];
/// F8's potline.max_current): the current at which the resistance control's voltage draws +X %,
/// never below the default limit (1.25 × the line current).
std::optional<flex::FlexCase> representative_cell(const FleetCase& c, const HoldKey& k,
                                                  const plant::SmelterData& data,
                                                  TechnologyHold& hold, core::Diagnostics& d) {
  const std::string name = cell_name(k);
  CellSettings s;
  std::optional<flex::FlexCase> cell = build_cell(cell_text(k, s), name, data, d);
  if (!cell || !c.flex.heat_exchangers()) return cell;
  const std::optional<double> cap = exchanger_rating_cap(cell->sim);
  s.exchangers = true;
  core::Diagnostics first;
  cell = build_cell(cell_text(k, s), name, data, first);
  if (cap && (!cell || cell->sim.dynamics.exchanger_max_W_per_m2 > *cap)) {
    s.exchanger_W_per_m2 = *cap;
    cell = build_cell(cell_text(k, s), name, data, d);
  } else {
    d.append(first);
  }
  if (!cell) return cell;
  hold.exchanger_W_per_m2 = cell->sim.dynamics.exchanger_max_W_per_m2;
  s.max_current_A = std::max(flex::current_for_share_A(cell->sim, 1 + c.flex.share()),
                             cell->sim.schedule.max_A());
  return build_cell(cell_text(k, s), name, data, d);
}

Outcome run_key(const FleetCase& c, const HoldKey& k, const plant::SmelterData& data) {
  Outcome out;
  out.hold.key = k;
  const double x = c.flex.share();
  core::Diagnostics d;
  // The key's current is the one plant::cell_current decided for its smelters (hold_key): the
  // smelters' own where it is a working state, else (0) the technology's published point.
  out.hold.current_origin = k.line_current_A > 0 ? "smelter" : "technology";
  std::optional<flex::FlexCase> cell = representative_cell(c, k, data, out.hold, d);
  const std::string name = cell_name(k);
  if (!cell) {
    out.errors.emplace_back("fleet.flex",
                            fmt::format("{} does not build: {}", name, d.to_string()));
    return out;
  }
  const flex::RectifierReach reach = flex::rectifier_reach(cell->sim);
  if (1 + x > reach.max_share + 1e-9) {
    out.beyond_reach.emplace(
        reach.max_share - 1,
        fmt::format("{}, whose limit potline.max_current = {:.5g} kA (1.25 × the line current) delivers at most "
                    "+{:.3g} % at the voltage the resistance control holds there ({:.3f} V)",
                    name, reach.max_current_A / 1e3, 100 * (reach.max_share - 1), reach.voltage_V));
    return out;
  }
  cell->envelope.levels = {1 - x, 1 + x};
  cell->envelope.max_duration_s = c.flex.hold_s();
  try {
    const auto rows = flex::operating_envelope(*cell, flex::case_bounds(*cell));
    out.hold.line_current_A = cell->sim.op.line_current_A;
    out.hold.seed = cell->sim.seed;
    out.hold.max_current_A = cell->sim.schedule.max_A();
    out.hold.down = direction(rows.at(0), c.flex.hold_s());
    out.hold.up = direction(rows.at(1), c.flex.hold_s());
    // T8-9: the Dewing CE over the currents the calls draw (at the voltage the control holds).
    out.hold.ce_note =
        line::ce_current_note(
            cell->sim, flex::current_for_share_A(cell->sim, 1 - x),
            std::min(flex::current_for_share_A(cell->sim, 1 + x), reach.max_current_A),
            fmt::format("line current of the {} cell's ±{:.0f} % calls", k.technology, 100 * x))
            .value_or("");
  } catch (const std::exception& e) {
    out.run_error = fmt::format("{}: {}", name, e.what());
    return out;
  }
  return out;
}

}  // namespace

std::vector<TechnologyHold> technology_holds(const FleetCase& c, const std::vector<HoldKey>& keys,
                                             const plant::SmelterData& data, int threads) {
  std::vector<Outcome> outcomes(keys.size());
  // Each key is its own run into its own slot: the result does not depend on the thread count.
  const int n = threads > 0 ? threads : tbb::this_task_arena::max_concurrency();
  tbb::task_arena arena(std::max(1, std::min(n, tbb::this_task_arena::max_concurrency())));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, keys.size(),
                      [&](std::size_t i) { outcomes[i] = run_key(c, keys[i], data); });
  });
  core::Diagnostics d;
  std::string run_errors;
  std::vector<TechnologyHold> holds;
  // fleet.flex_power beyond the reach of some cells: one error, the lowest reach (user trial T17-8: 22
  // errors, one a representative cell, for one value).
  const Outcome* lowest = nullptr;
  int beyond = 0;
  for (const Outcome& o : outcomes) {
    if (!o.beyond_reach) continue;
    ++beyond;
    if (lowest == nullptr || o.beyond_reach->first < lowest->beyond_reach->first) lowest = &o;
  }
  if (lowest != nullptr)
    d.error(core::SourceLocation{c.path}, "fleet.flex_power",
            fmt::format("+{:.4g} % of power is beyond the rectifier's reach of {} of the {} representative cells; "
                        "the lowest is {}: give at most {:.3g} %, or choose fleet.flex = \"heat_exchangers\" (its "
                        "rectifier is sized for the level)",
                        100 * c.flex.share(), beyond, outcomes.size(), lowest->beyond_reach->second,
                        std::floor(1000 * lowest->beyond_reach->first) / 10));
  for (Outcome& o : outcomes) {
    for (const auto& [key, message] : o.errors) d.error(core::SourceLocation{c.path}, key, message);
    if (!o.run_error.empty()) run_errors += (run_errors.empty() ? "" : "; ") + o.run_error;
    holds.push_back(std::move(o.hold));
  }
  if (d.has_errors()) throw core::InputError(d);
  if (!run_errors.empty())
    throw core::RunError("fleet flexible capacity (fleet.flex_source = envelope): " + run_errors);
  return holds;
}

}  // namespace potline::fleet
