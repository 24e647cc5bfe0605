// The current-efficiency model of flex and the CE's share of the delivered value (see flex_ce.hpp;
// docs/model/flexibility.md §5, "Current efficiency").
#include "potline/flex/flex_ce.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "potline/cell/current_efficiency.hpp"
#include "potline/flex/flex_run.hpp"
#include "potline/flex/grid_products.hpp"

namespace potline::flex {
namespace {

// The line is on above this share of the nominal current (a stop's zero current is no CE point).
constexpr double kLineOnShare = 0.05;

}  // namespace

void apply_flex_ce_default(io::ValueSet& user) {
  if (user.has(std::string(kCeModelKey))) return;
  const io::FieldSpec* f = flex_schema().find(kCeModelKey);
  io::Value v;
  v.text = f != nullptr ? f->default_text : std::string(kFlexCurrentEfficiencyModel);
  v.origin = io::Origin::kDefault;
  user.set(std::string(kCeModelKey), v);
}

std::string ce_model_origin(const io::ValueSet& user) {
  const io::Value* v = user.get(std::string(kCeModelKey));
  if (v == nullptr) return "the simulate default";
  switch (v->origin) {
    case io::Origin::kCaseFile:
      return "the case file";
    case io::Origin::kCommandLine:
      return "--set";
    case io::Origin::kTechnology:
      return "the technology";
    default:
      return "the flex default";
  }
}

std::optional<std::string> flex_ce_note(const FlexCase& c, const FlexResult& r) {
  // The rows outside the representative cell's anode effects (T10-4): on an AE the whole line's
  // current drops, since the one cell stands for every cell of the line (potline.cells), where in
  // a real line one pot's AE hardly moves it (docs/model/flexibility.md §10).
  double low = 0.0, high = 0.0;
  const CellTrace& t = r.final_round().check.trace;
  for (std::size_t row = 0; row < t.current_A.size(); ++row) {
    const double i = t.current_A[row];
    if (row < t.in_ae.size() && t.in_ae[row] != 0) continue;
    if (!(i > kLineOnShare * c.sim.op.line_current_A)) continue;
    low = low > 0.0 ? std::min(low, i) : i;
    high = std::max(high, i);
  }
  return line::ce_current_note(c.sim, low, high,
                               "line current of the optimised schedule outside anode effects");
}

CeValue ce_value(const FlexCase& c, const FlexResult& r) {
  CeValue v;
  v.model = std::string(cell::to_name(c.sim.constants.current_efficiency_model));
  v.origin = c.ce_model_origin;
  const Resimulation& opt = r.final_round().check;
  const Resimulation& flat = r.flat_check;
  v.flat_percent = 100 * flat.current_efficiency;
  v.optimised_percent = 100 * opt.current_efficiency;
  v.change_points = v.optimised_percent - v.flat_percent;
  const double per_kg = net_metal_eur_per_kg(c);
  if (opt.current_efficiency > 0 && flat.current_efficiency > 0) {
    v.metal_kg = r.delivered.production_kg * (1 - flat.current_efficiency / opt.current_efficiency);
    v.value_eur = v.metal_kg * per_kg;
  }
  const bool complete = !flat.trace.stopped && !opt.trace.stopped;
  const RoundTripSplit& split = r.round_trip;
  if (complete && split.storage_round_trip && split.above_one_beyond_noise() &&
      split.metal_J_per_kg > 0) {
    // Losses below zero beyond the noise: the storage cycle gives back more than it takes; the
    // metal that energy makes at the metal's own energy per kg is not physical.
    v.beyond_round_trip_kg = -split.losses_J() / split.metal_J_per_kg;
    v.beyond_round_trip_eur = v.beyond_round_trip_kg * per_kg;
  }
  v.dewing_gain =
      complete &&
      c.sim.constants.current_efficiency_model == cell::CurrentEfficiencyModel::kDewing &&
      v.value_eur > 0 && flex_ce_note(c, r).has_value();
  const double dewing_eur = v.dewing_gain ? v.value_eur : 0.0;
  v.excluded_eur = std::max({0.0, dewing_eur, v.beyond_round_trip_eur});
  if (v.excluded_eur <= 0) return v;
  if (dewing_eur >= v.beyond_round_trip_eur) {
    v.excluded_reason = fmt::format(
        "not physical: CE model — the Dewing CE rises {:+.2f} points as the current swings (it has "
        "no "
        "current-density term; docs/validation.md CE6, CE7){}",
        v.change_points,
        v.beyond_round_trip_eur > 0
            ? fmt::format(", and the storage round trip is {:.3f} > 1",
                          split.storage_round_trip.value_or(0))
            : std::string());
  } else {
    v.excluded_reason = fmt::format(
        "not physical: the storage round trip {:.3f} > 1 beyond the simulation's noise (losses {:.1f} "
        "MWh AC, the noise {:.1f}: the cycle gives back more than it takes, {:.1f} t of metal; a "
        "storage cycle returns less than it takes, TRIMET: up to 95 %){}",
        split.storage_round_trip.value_or(0), split.losses_J() / 3.6e9, split.noise_J / 3.6e9,
        v.beyond_round_trip_kg / 1e3,
        v.dewing_gain ? "; the Dewing CE's gain under a current swing is part of it" : "");
  }
  return v;
}

}  // namespace potline::flex
