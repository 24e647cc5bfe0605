// HPA upgrading beside the potlines: docs/model/hpa.md.
#include "potline/plant/hpa.hpp"

#include <fmt/format.h>

#include "potline/core/constants.hpp"

namespace potline::plant {

HpaResult evaluate_hpa(const HpaInputs& in, double metal_usd_per_kg, double power_usd_per_J, double power_co2_kg_per_J,
                       double primary_production_kg_per_s) noexcept {
  HpaResult r;
  if (!(in.capacity_kg_per_s > 0.0) || !(in.yield > 0.0)) return r;
  r.production_kg_per_s = in.capacity_kg_per_s;
  r.feed_kg_per_s = in.capacity_kg_per_s / in.yield;
  r.feed_share_of_production =
      primary_production_kg_per_s > 0.0 ? r.feed_kg_per_s / primary_production_kg_per_s : 0.0;
  r.electrical_load_W = in.electricity_J_per_kg * r.production_kg_per_s;
  r.co2_kg_per_kg = in.electricity_J_per_kg * power_co2_kg_per_J;
  const double lost_kg_per_kg = in.route == HpaRoute::kThreeLayer ? 1.0 / in.yield - 1.0 : 0.0;
  r.metal_usd_per_kg = lost_kg_per_kg * metal_usd_per_kg;
  r.energy_usd_per_kg = in.electricity_J_per_kg * power_usd_per_J;
  r.cost_usd_per_kg = r.metal_usd_per_kg + r.energy_usd_per_kg + in.conversion_usd_per_kg;
  r.margin_usd_per_kg = in.premium_usd_per_kg - r.cost_usd_per_kg;
  r.margin_usd_per_s = r.margin_usd_per_kg * r.production_kg_per_s;
  return r;
}

}  // namespace potline::plant
