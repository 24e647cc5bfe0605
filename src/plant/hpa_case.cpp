// [hpa] of the smelter case: an HPA line beside the potlines (docs/model/hpa.md).
#include <fmt/format.h>

#include "ccs_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/plant/hpa.hpp"

namespace potline::plant {
namespace {

constexpr double kKgPerT = 1000.0;
// Three-layer refining: Al recovery 95–98 % and > 16 kWh/kg ([Sci Rep 2024 vacuum distillation]
// Table 3, citing the refining literature); the middle and the lower bound.
constexpr double kThreeLayerYield = 0.965;
constexpr double kThreeLayerKWhPerKg = 16.0;
// Segregation: "10 to 20 times less" energy than three-layer refining ([Pechiney segregation]); the
// geometric middle, 16/√200 ≈ 1.13 kWh/kg (estimate).
constexpr double kSegregationEnergyRatio = 14.142135623730951;

}  // namespace

namespace detail {
void add_hpa_fields(io::SchemaTable<SmelterCase>& t) {
  t.choice("hpa.route", {"three_layer", "segregation"})
      .default_("three_layer")
      .doc("HPA upgrading route: three-layer electrolytic refining (Hoopes) or segregation (fractional crystallisation)");
  t.number("hpa.capacity")
      .unit("t/yr", "kg/s")
      .range(0.0, 1e7)
      .exclusive_min()
      .doc("HPA produced per year by the line beside the potlines (no [hpa] line without it)");
  t.number("hpa.yield")
      .unit("1")
      .range(0.0, 1.0)
      .exclusive_min()
      .default_note(
          "three_layer 0.965 ([Sci Rep 2024 vacuum distillation]: Al recovery 95–98 %); segregation: required (no "
          "published yield was found)")
      .doc("HPA out per t of primary metal fed");
  t.number("hpa.energy")
      .unit("kWh/kg", "J/kg")
      .range(0.0, 100.0)
      .default_note(
          "three_layer 16 ([Sci Rep 2024 vacuum distillation]: '> 16 kWh/kg'); segregation 1.13 (estimate: 16 / 14, "
          "[Pechiney segregation]: '10 to 20 times less' than three-layer)")
      .doc("electricity per kg HPA");
  t.number("hpa.conversion_cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("upgrading cost per t HPA besides metal and energy: labour, cell materials, capital charge (required)");
  t.number("hpa.premium")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("HPA price over the plant's metal price (LME + regional premium), per t (required)");
}
}  // namespace detail

std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const auto capacity = v.maybe_number("hpa.capacity");
  if (!capacity) {
    for (const char* key : {"hpa.yield", "hpa.energy", "hpa.conversion_cost", "hpa.premium"}) {
      const io::Value* x = v.get(key);
      if (x && x->origin != io::Origin::kDefault) d.warning(x->location, key, "is ignored: no hpa.capacity (no HPA line)");
    }
    return std::nullopt;
  }
  const io::Value* at = v.get("hpa.capacity");
  HpaInputs h;
  h.route = v.text("hpa.route") == "segregation" ? HpaRoute::kSegregation : HpaRoute::kThreeLayer;
  h.capacity_kg_per_s = *capacity;
  const bool three = h.route == HpaRoute::kThreeLayer;
  if (auto y = v.maybe_number("hpa.yield")) {
    h.yield = *y;
  } else if (three) {
    h.yield = kThreeLayerYield;
  } else {
    d.error(at->location, "hpa.yield",
            "required with hpa.route = \"segregation\": the share of the feed that leaves as HPA (no published "
            "figure was found; give an estimate with its basis)");
  }
  const double three_layer_J_per_kg = kThreeLayerKWhPerKg * constants::kJoulePerKWh;
  h.electricity_J_per_kg =
      v.maybe_number("hpa.energy").value_or(three ? three_layer_J_per_kg : three_layer_J_per_kg / kSegregationEnergyRatio);
  bool ok = true;
  for (const char* key : {"hpa.conversion_cost", "hpa.premium"}) {
    if (v.maybe_number(key)) continue;
    d.error(at->location, key, "required with hpa.capacity (USD/t of HPA; no published figure, give an estimate)");
    ok = false;
  }
  h.conversion_usd_per_kg = v.maybe_number("hpa.conversion_cost").value_or(0.0);
  h.premium_usd_per_kg = v.maybe_number("hpa.premium").value_or(0.0);
  const double production = c.inputs.capacity_kg_per_s * c.inputs.capacity_factor;
  const double feed = h.yield > 0.0 ? h.capacity_kg_per_s / h.yield : 0.0;
  if (feed > production * (1.0 + 1e-12)) {
    d.error(at->location, "hpa.capacity",
            fmt::format("the HPA line needs {:.0f} t/yr of primary metal (capacity / yield), more than the potlines "
                        "produce ({:.0f} t/yr)",
                        feed * kSecondsPerYear / kKgPerT, production * kSecondsPerYear / kKgPerT));
    ok = false;
  }
  if (!ok || d.has_errors()) return std::nullopt;
  return h;
}

namespace {
HpaResult evaluate_case(const SmelterCase& c, const SmelterResult& r, HpaInputs& h, bool& present) {
  core::Diagnostics scratch;
  const auto in = hpa_inputs(c, scratch);
  present = in.has_value();
  if (!in) return {};
  h = *in;
  return evaluate_hpa(h, r.price_usd_per_kg, c.inputs.power_usd_per_J, c.inputs.emissions.power_co2_kg_per_J,
                      r.production_kg_per_s);
}
}  // namespace

io::Json hpa_json(const SmelterCase& c, const SmelterResult& r) {
  HpaInputs h;
  bool present = false;
  const HpaResult x = evaluate_case(c, r, h, present);
  if (!present) return nullptr;
  const double per_year = kSecondsPerYear / kKgPerT;
  io::Json j;
  j["route"] = h.route == HpaRoute::kThreeLayer ? "three_layer" : "segregation";
  j["production_t_per_year"] = x.production_kg_per_s * per_year;
  j["feed_t_per_year"] = x.feed_kg_per_s * per_year;
  j["feed_share_of_production"] = x.feed_share_of_production;
  j["yield"] = h.yield;
  j["energy_kWh_per_kg"] = h.electricity_J_per_kg / constants::kJoulePerKWh;
  j["electrical_load_MW"] = x.electrical_load_W / 1e6;
  j["co2_t_per_t"] = x.co2_kg_per_kg;
  j["price_usd_per_t"] = (r.price_usd_per_kg + h.premium_usd_per_kg) * kKgPerT;
  j["premium_usd_per_t"] = h.premium_usd_per_kg * kKgPerT;
  j["cost_usd_per_t"] = {{"metal_lost", x.metal_usd_per_kg * kKgPerT},
                         {"energy", x.energy_usd_per_kg * kKgPerT},
                         {"conversion", h.conversion_usd_per_kg * kKgPerT},
                         {"total", x.cost_usd_per_kg * kKgPerT}};
  j["breakeven_premium_usd_per_t"] = x.cost_usd_per_kg * kKgPerT;  // the premium at which upgrading pays
  j["margin_usd_per_t"] = x.margin_usd_per_kg * kKgPerT;
  j["margin_usd_per_year"] = x.margin_usd_per_s * kSecondsPerYear;
  return j;
}

std::string hpa_text(const SmelterCase& c, const SmelterResult& r) {
  HpaInputs h;
  bool present = false;
  const HpaResult x = evaluate_case(c, r, h, present);
  if (!present) return {};
  return fmt::format(
      "  HPA line              {}: {:.0f} t/yr from {:.0f} t/yr of metal ({:.1f} % of production), {:.1f} kWh/kg, "
      "{:.1f} MW\n                        upgrading cost {:.0f} USD/t, premium {:.0f} USD/t, margin {:.0f} USD/t "
      "({:.1f} MUSD/yr)\n",
      h.route == HpaRoute::kThreeLayer ? "three-layer refining" : "segregation", x.production_kg_per_s * kSecondsPerYear / kKgPerT,
      x.feed_kg_per_s * kSecondsPerYear / kKgPerT, 100.0 * x.feed_share_of_production,
      h.electricity_J_per_kg / constants::kJoulePerKWh, x.electrical_load_W / 1e6, x.cost_usd_per_kg * kKgPerT,
      h.premium_usd_per_kg * kKgPerT, x.margin_usd_per_kg * kKgPerT, x.margin_usd_per_s * kSecondsPerYear / 1e6);
}

}  // namespace potline::plant
