// [hpa] of the smelter case: an HPA line beside the potlines (docs/model/hpa.md).
#include <fmt/format.h>

#include "ccs_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/purity/purity_schema.hpp"

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
// Feed requirements (hpa.feed_grade defaults). Three-layer refining takes commercial metal: the
// industrial chain refines "from 2N8 up to 4N8" ([Gotenbruck et al. 2022]), and 2N8 (99.8 % Al) is
// P1020-class metal. Segregation: no published feed specification was found; P0406 is an estimate
// (see kSegregationProduct: a purer feed than P0406's Si limit is needed for any yield).
constexpr const char* kThreeLayerFeedGrade = "P1020";
constexpr const char* kSegregationFeedGrade = "P0406";
// Segregation product limits (hpa.product_fe, _si defaults): the loosest 4N (99.99 % Al) — all of its
// 0.01 % impurities as Fe and Si, half each (estimate: no product specification of a segregation
// plant was found). Single-pass normal freezing cannot bring Si below k_Si × the feed's, so the
// feed's Si must stay under 0.005 / 0.124 = 0.040 % (P0406's Si limit) for any yield.
constexpr double kSegregationProductWt = 0.005;
constexpr double kPercent = 0.01;

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
  t.choice("hpa.feed_grade", purity::grade_names())
      .default_note(
          "three_layer P1020 ([Gotenbruck et al. 2022]: three-layer refining starts from 2N8, commercial metal); "
          "segregation P0406 (estimate: no published feed specification was found)")
      .doc("grade each pot feeding the line must meet; with [purity] the purest pots are taken first and the feed "
           "may not exceed the metal of this grade");
  t.number("hpa.product_fe")
      .unit("wt%", "1")
      .default_(kSegregationProductWt)
      .range(0.0, 100.0)
      .exclusive_min()
      .source("estimate: the loosest 4N, all of its 0.01 % impurities as Fe and Si, half each (no product "
              "specification of a segregation plant was found)")
      .doc("segregation with [purity] and no hpa.yield: Fe limit of the HPA, which sets the yield by normal freezing");
  t.number("hpa.product_si")
      .unit("wt%", "1")
      .default_(kSegregationProductWt)
      .range(0.0, 100.0)
      .exclusive_min()
      .source("estimate: as hpa.product_fe")
      .doc("segregation with [purity] and no hpa.yield: Si limit of the HPA, which sets the yield by normal freezing");
  t.number("hpa.conversion_cost")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("upgrading cost per t HPA besides metal and energy: labour, cell materials, capital charge (required)");
  t.number("hpa.premium")
      .unit("USD/t", "USD/kg")
      .min(0.0)
      .doc("HPA price over the plant's metal price (LME + regional premium), per t (required)");
  // The smelter's pots for the line's feed: the cell schema's raw-material, partition and scatter
  // fields (docs/model/purity.md); the consumptions are the smelter's own.
  for (const purity::MaterialField& f : purity::material_fields()) {
    io::FieldBuilder b = t.number(f.key);
    f.configure(b);
  }
}
}  // namespace detail

std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, core::Diagnostics& d) {
  if (!purity::purity_requested(c.values)) return hpa_inputs(c, nullptr, d);
  // The potlines' pots: the case's [purity] raw materials with the smelter's own alumina and net
  // anode-carbon consumptions (no anode carbon with inert anodes).
  purity::Inputs pots = purity::material_inputs(c.values);
  pots.alumina_kg_per_t = c.inputs.alumina_kg_per_kg * kKgPerT;
  pots.anode_carbon_kg_per_t = c.inputs.inert_anode ? 0.0 : c.inputs.net_carbon_kg_per_kg * kKgPerT;
  purity::check_purity_inputs(c.values, pots, d);
  return hpa_inputs(c, &pots, d);
}

std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, const purity::Inputs* pots, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const bool with_purity = pots != nullptr;
  const auto capacity = v.maybe_number("hpa.capacity");
  if (!capacity) {
    for (const char* key : {"hpa.yield", "hpa.energy", "hpa.conversion_cost", "hpa.premium", "hpa.feed_grade",
                            "hpa.product_fe", "hpa.product_si"}) {
      const io::Value* x = v.get(key);
      if (x && x->origin != io::Origin::kDefault) d.warning(x->location, key, "is ignored: no hpa.capacity (no HPA line)");
    }
    if (with_purity) {
      for (const auto& [key, x] : v.all()) {
        if (key.rfind("purity.", 0) != 0 || x.origin == io::Origin::kDefault) continue;
        d.warning(x.location, key, "is ignored: [purity] gives the pots feeding an HPA line, and there is no hpa.capacity");
        break;
      }
    }
    return std::nullopt;
  }
  const io::Value* at = v.get("hpa.capacity");
  HpaInputs h;
  h.route = v.text("hpa.route") == "segregation" ? HpaRoute::kSegregation : HpaRoute::kThreeLayer;
  h.capacity_kg_per_s = *capacity;
  const bool three = h.route == HpaRoute::kThreeLayer;
  const auto given_yield = v.maybe_number("hpa.yield");
  h.yield_given = given_yield.has_value() || three;
  h.feed_grade = v.text("hpa.feed_grade", three ? kThreeLayerFeedGrade : kSegregationFeedGrade);
  h.product_fe_max = v.maybe_number("hpa.product_fe").value_or(kSegregationProductWt * kPercent);
  h.product_si_max = v.maybe_number("hpa.product_si").value_or(kSegregationProductWt * kPercent);
  if (given_yield) {
    h.yield = *given_yield;
  } else if (three) {
    h.yield = kThreeLayerYield;
  } else if (!with_purity) {
    d.error(at->location, "hpa.yield",
            "required with hpa.route = \"segregation\" and no [purity]: the share of the feed that leaves as HPA "
            "(give it as an estimate with its basis, or give the pots' [purity] inputs so that it follows from the "
            "feed's Fe and Si by normal freezing)");
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
  if (with_purity && ok && !d.has_errors()) {
    const std::string why = select_hpa_feed(h, *pots, production);
    if (!why.empty()) {
      d.error(at->location, "hpa.capacity", why);
      ok = false;
    }
  }
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
  j["feed"] = hpa_feed_json(h);
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
  std::string feed;
  if (h.feed) {
    const HpaFeed& f = *h.feed;
    feed = fmt::format(
        "                        feed: the purest {:.1f} % of the pots, {:.4f} wt% Fe, {:.4f} wt% Si ({}); "
        "{:.1f} % of production meets {}\n",
        100 * f.feed_share, 100 * f.fe, 100 * f.si, f.grade ? *f.grade : "below P1020", 100 * f.share_meeting,
        f.requirement);
    if (f.yield_from_feed)
      feed += fmt::format("                        normal-freezing yield {:.3f}: HPA {:.4f} wt% Fe, {:.4f} wt% Si\n",
                          h.yield, 100 * f.product_fe, 100 * f.product_si);
  }
  return fmt::format(
      "  HPA line              {}: {:.0f} t/yr from {:.0f} t/yr of metal ({:.1f} % of production), {:.1f} kWh/kg, "
      "{:.1f} MW\n                        upgrading cost {:.0f} USD/t, premium {:.0f} USD/t, margin {:.0f} USD/t "
      "({:.1f} MUSD/yr)\n",
      h.route == HpaRoute::kThreeLayer ? "three-layer refining" : "segregation", x.production_kg_per_s * kSecondsPerYear / kKgPerT,
      x.feed_kg_per_s * kSecondsPerYear / kKgPerT, 100.0 * x.feed_share_of_production,
      h.electricity_J_per_kg / constants::kJoulePerKWh, x.electrical_load_W / 1e6, x.cost_usd_per_kg * kKgPerT,
      h.premium_usd_per_kg * kKgPerT, x.margin_usd_per_kg * kKgPerT, x.margin_usd_per_s * kSecondsPerYear / 1e6) +
         feed;
}

}  // namespace potline::plant
