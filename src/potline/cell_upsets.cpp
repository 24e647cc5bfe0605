// Disturbances of named cells besides feed stops (docs/model/dynamics.md §6, "Per-cell
// disturbances"; issue 11): an anode problem (anodes that carry no current — burnt off, fallen off
// the stub, disconnected — so that the others carry the cell's current) and a lost anode cover
// (more heat through the top), each on the cells of disturbance.cells from a start for a duration.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "input_blame.hpp"
#include "line_internal.hpp"
#include "potline/io/values.hpp"

namespace potline::line {
namespace detail {

bool update_cell_upsets(Block& b, std::size_t k, const StepContext& x, double t) {
  const CellUpsets& u = x.c.upsets;
  CellRun& run = b.runs[k];
  const auto within = [t](double start, double duration) {
    return start >= 0.0 && t > start && t <= start + duration;
  };
  const bool anode = within(u.anode_problem_start_s, u.anode_problem_duration_s);
  const bool cover = within(u.cover_loss_start_s, u.cover_loss_duration_s);
  const auto log = [&](EventKind kind, double value) {
    if (x.c.events != EventDetail::kNone)
      b.events.push_back({t, static_cast<std::uint32_t>(b.first + k), kind, value});
  };
  bool changed = false;
  if (anode != run.anode_problem_on) {
    run.anode_problem_on = anode;
    // The cell voltage's zone term is evaluated again at this step (advance_zones).
    run.zone_voltage_age_s = std::numeric_limits<double>::infinity();
    log(EventKind::kAnodeProblem, anode ? u.anodes_out : 0.0);
  }
  if (cover != run.cover_lost) {
    run.cover_lost = cover;
    b.cells->inputs(k).top_loss_factor =
        static_cast<float>((cover ? u.cover_loss_factor : 1.0) * run.top_retention);
    log(EventKind::kCoverLoss, cover ? u.cover_loss_factor : 0.0);
    changed = true;
  }
  return changed;
}

// The bath's ohmic drop I·d/(κ·A) rises by N/(N − n) when n of the N anodes carry no current and
// the others carry it ([Haupin 1998]: the bath drop is inversely proportional to the anode area;
// spread evenly over the anodes left, an estimate: the neighbours of the missing anode take more).
// ∂V/∂ACD × ACD is that drop at the present state (the bath term is the one linear in the ACD).
double anode_problem_voltage_V(const CellRun& run, const SimulationCase& c,
                               const dynamics::Electrical& e, const double* y) {
  if (!run.anode_problem_on) return 0.0;
  const int anodes = std::max(2, c.design.anode_count);
  const int out = std::clamp(c.upsets.anodes_out, 1, anodes - 1);
  return std::max(0.0, e.dV_dacd_per_m * y[dynamics::kAcd]) * out / (anodes - out);
}

}  // namespace detail

// The starts (no default: none) and the cross-field checks of the per-cell disturbances; the
// bound keys are in simulate_schema_cut_in.cpp.
void read_cell_upsets(const io::ValueSet& v, SimulationCase& c, core::Diagnostics& diagnostics) {
  CellUpsets& u = c.upsets;
  const auto start = [&](const char* key, const char* duration_key, double duration, double& out) {
    const auto s = v.maybe_number(key);
    if (!s) return;
    out = *s;
    if (!(duration > 0.0)) {
      conflict_error(v, diagnostics, {duration_key, key}, fmt::format("{} needs a positive duration", key),
                     fmt::format("give {}, or remove {} to run without it", duration_key, key));
    }
  };
  start("disturbance.anode_problem_start", "disturbance.anode_problem_duration",
        u.anode_problem_duration_s, u.anode_problem_start_s);
  start("disturbance.cover_loss_start", "disturbance.cover_loss_duration", u.cover_loss_duration_s,
        u.cover_loss_start_s);
  if (u.anode_problem_start_s >= 0.0 && u.anodes_out >= c.design.anode_count) {
    conflict_error(v, diagnostics, {"disturbance.anodes_out", "design.anode_count"},
                   "as many anodes out as the cell has, or more: at least one must carry the current",
                   fmt::format("give disturbance.anodes_out at most {}", c.design.anode_count - 1));
  }
}

}  // namespace potline::line
