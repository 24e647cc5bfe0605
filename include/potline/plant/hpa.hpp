#pragma once
// High-purity aluminium (HPA) upgrading beside the potlines: three-layer electrolytic refining
// (the Hoopes process) or segregation (fractional crystallisation) of primary metal, with its feed,
// yield, energy, cost, premium and margin. Equations, defaults and sources: docs/model/hpa.md.
// Units: SI inside (kg, s, J, USD).
#include <optional>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/smelter_case.hpp"

namespace potline::plant {

enum class HpaRoute { kThreeLayer, kSegregation };

struct HpaInputs {
  HpaRoute route = HpaRoute::kThreeLayer;
  double capacity_kg_per_s = 0;        ///< HPA product
  double yield = 1;                    ///< HPA out per primary metal in
  double electricity_J_per_kg = 0;     ///< per kg HPA
  double conversion_usd_per_kg = 0;    ///< per kg HPA: labour, materials, capital charge (energy excluded)
  double premium_usd_per_kg = 0;       ///< HPA price over the plant's metal price (LME + regional premium)
};

struct HpaResult {
  double production_kg_per_s = 0;
  double feed_kg_per_s = 0;
  double feed_share_of_production = 0;   ///< feed / the potlines' production
  double electrical_load_W = 0;
  double co2_kg_per_kg = 0;              ///< electricity CO2 per kg HPA at the plant's power factor
  double metal_usd_per_kg = 0;           ///< metal cost per kg HPA (feed lost to the route valued at the metal price)
  double energy_usd_per_kg = 0;
  double cost_usd_per_kg = 0;            ///< upgrading cost: metal lost + energy + conversion (the metal sold as HPA excluded)
  double margin_usd_per_kg = 0;          ///< premium − upgrading cost
  double margin_usd_per_s = 0;           ///< per second of operation (× seconds per year = annual)
};

/// The route's lost metal: three-layer refining loses (1 − yield) of the feed (anode alloy, sludge
/// and dross); segregation returns its impure fraction to standard metal and loses nothing.
HpaResult evaluate_hpa(const HpaInputs& in, double metal_usd_per_kg, double power_usd_per_J, double power_co2_kg_per_J,
                       double primary_production_kg_per_s) noexcept;

/// The HPA line of a smelter case ([hpa] keys in c.values), or nothing without hpa.capacity.
/// Missing or inconsistent inputs are errors in `d`.
std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, core::Diagnostics& d);

/// "hpa": null without an HPA line.
io::Json hpa_json(const SmelterCase& c, const SmelterResult& r);
std::string hpa_text(const SmelterCase& c, const SmelterResult& r);

}  // namespace potline::plant
