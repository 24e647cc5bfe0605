// [hpa] of the smelter case: an HPA line beside the potlines (docs/model/hpa.md).
#include <fmt/format.h>

#include "ccs_internal.hpp"
#include "potline/core/constants.hpp"
#include "potline/plant/hpa.hpp"
#include "potline/purity/feed.hpp"
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
// Equilibrium partition coefficients k = C_solid / C_liquid of Fe and Si in Al at the eutectic:
// Fe: max solubility in (Al) 0.03 at.% ([Kattner 1990 Al-Fe]) over the eutectic liquid's 1.7 wt% Fe
// ≈ 0.83 at.% (Dix, as cited in [AIME 1948 Fe in Al]) → 0.036; Si: max solubility 1.547 wt% over
// the eutectic's 12.49 wt% ([Ikhmayies 2019 Al-Si], Thermo-Calc; [Murray & McAlister 1984 Al-Si]
// give 1.5 and 12.2 at.%, 0.123) → 0.124.
constexpr double kPartitionFe = 0.036;
constexpr double kPartitionSi = 0.1239;
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

namespace {

std::string t_per_year(double kg_per_s) { return fmt::format("{:.0f} t/yr", kg_per_s * kSecondsPerYear / kKgPerT); }

/// The potlines' metal from the case's [purity] raw materials with the smelter's own alumina and
/// net anode-carbon consumptions (no anode carbon with inert anodes).
purity::MetalPurity smelter_metal(const SmelterCase& c, core::Diagnostics& d) {
  purity::Inputs in = purity::material_inputs(c.values);
  in.alumina_kg_per_t = c.inputs.alumina_kg_per_kg * kKgPerT;
  in.anode_carbon_kg_per_t = c.inputs.inert_anode ? 0.0 : c.inputs.net_carbon_kg_per_kg * kKgPerT;
  purity::check_purity_inputs(c.values, in, d);
  return purity::metal_purity(in);
}

/// Segregation with no hpa.yield: the feed share s whose purest pots, frozen progressively, give the
/// line's capacity: s · g(s) = capacity / production, g the normal-freezing yield at which the
/// crystallised fraction meets the product's Fe and Si limits (the tighter element). The smallest
/// such s (the purest feed); nullopt when no feed share reaches the capacity (max_out is the most).
double segregation_yield(const purity::MetalPurity& m, const purity::Inputs& scatter, const purity::Grade& req,
                         double product_fe, double product_si, double s) {
  const purity::PotSelection p =
      purity::purest_pots(m.si, scatter.pot_variation_si, m.fe, scatter.pot_variation_fe, req, s);
  const double g_fe = p.fe > 0.0 ? purity::normal_freezing_yield(kPartitionFe, product_fe / p.fe) : 1.0;
  const double g_si = p.si > 0.0 ? purity::normal_freezing_yield(kPartitionSi, product_si / p.si) : 1.0;
  return std::min(g_fe, g_si);
}

std::optional<double> segregation_feed_share(const purity::MetalPurity& m, const purity::Inputs& scatter,
                                             const purity::Grade& req, double product_fe, double product_si,
                                             double target_share, double& max_out) {
  const auto yield_at = [&](double s) { return segregation_yield(m, scatter, req, product_fe, product_si, s); };
  constexpr int kSteps = 400;  // the output s·g(s) need not rise monotonically: scan, then bisect
  max_out = 0.0;
  double prev = 0.0;
  for (int i = 1; i <= kSteps; ++i) {
    const double s = static_cast<double>(i) / kSteps;
    const double out = s * yield_at(s);
    max_out = std::max(max_out, out);
    if (out >= target_share) {
      double lo = prev, hi = s;
      for (int k = 0; k < 100 && hi - lo > 1e-13; ++k) {
        const double mid = 0.5 * (lo + hi);
        (mid * yield_at(mid) >= target_share ? hi : lo) = mid;
      }
      return hi;
    }
    prev = s;
  }
  return std::nullopt;
}

/// The feed from the smelter's pots (cases with [purity]): requirement, selection, segregation yield
/// and the check that the feed does not exceed the metal meeting the requirement.
bool add_feed(const SmelterCase& c, HpaInputs& h, bool yield_given, const io::Value* at, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const bool three = h.route == HpaRoute::kThreeLayer;
  HpaFeed f;
  f.requirement = v.text("hpa.feed_grade", three ? kThreeLayerFeedGrade : kSegregationFeedGrade);
  const purity::Grade* req = purity::find_grade(f.requirement);
  if (req == nullptr) return false;  // the schema's choice rejected it already
  f.requirement_fe = req->fe_max;
  f.requirement_si = req->si_max;
  const purity::MetalPurity m = smelter_metal(c, d);
  const purity::Inputs scatter = purity::material_inputs(v);
  f.metal_fe = m.fe;
  f.metal_si = m.si;
  const double production = c.inputs.capacity_kg_per_s * c.inputs.capacity_factor;
  if (!(production > 0.0)) return false;
  if (!three && !yield_given) {
    f.yield_from_feed = true;
    f.product_fe_max = v.maybe_number("hpa.product_fe").value_or(kSegregationProductWt * kPercent);
    f.product_si_max = v.maybe_number("hpa.product_si").value_or(kSegregationProductWt * kPercent);
    double max_out = 0.0;
    const auto s = segregation_feed_share(m, scatter, *req, f.product_fe_max, f.product_si_max,
                                          h.capacity_kg_per_s / production, max_out);
    if (!s) {
      d.error(at->location, "hpa.capacity",
              fmt::format("segregation of the smelter's purest pots can make at most {} of HPA with Fe <= {:.4g} wt% "
                          "and Si <= {:.4g} wt% (normal freezing, k_Fe {}, k_Si {}; the metal holds {:.4g} wt% Fe, "
                          "{:.4g} wt% Si): lower hpa.capacity, purify the raw materials ([purity]), relax "
                          "hpa.product_fe/hpa.product_si or give hpa.yield",
                          t_per_year(max_out * production), f.product_fe_max * 100, f.product_si_max * 100,
                          kPartitionFe, kPartitionSi, m.fe * 100, m.si * 100));
      return false;
    }
    f.feed_share = *s;
    h.yield = h.capacity_kg_per_s / (f.feed_share * production);
  } else {
    f.feed_share = h.yield > 0.0 ? h.capacity_kg_per_s / h.yield / production : 0.0;
  }
  const purity::PotSelection p =
      purity::purest_pots(m.si, scatter.pot_variation_si, m.fe, scatter.pot_variation_fe, *req, f.feed_share);
  f.share_meeting = p.share_meeting;
  f.meeting_kg_per_s = p.share_meeting * production;
  f.fe = p.fe;
  f.si = p.si;
  if (const purity::Grade* g = purity::grade_of(p.si, p.fe, scatter.other_impurities)) f.grade = g->name;
  if (f.yield_from_feed) {
    f.product_fe = purity::normal_freezing_mean(kPartitionFe, h.yield) * p.fe;
    f.product_si = purity::normal_freezing_mean(kPartitionSi, h.yield) * p.si;
  }
  const double feed = f.feed_share * production;
  h.feed = f;
  if (feed <= f.meeting_kg_per_s * (1.0 + 1e-9) || feed > production * (1.0 + 1e-12)) return true;
  // The largest line the pots meeting the requirement can feed (with a normal-freezing yield, the yield
  // of that feed).
  const double max_yield =
      f.yield_from_feed
          ? segregation_yield(m, scatter, *req, f.product_fe_max, f.product_si_max, f.share_meeting)
          : h.yield;
  d.error(at->location, "hpa.capacity",
          fmt::format("the HPA line needs {} of feed whose pots meet hpa.feed_grade = {} (Fe <= {:.4g} wt%, Si <= "
                      "{:.4g} wt%), more than the pots make ({}, {:.1f} % of production, from [purity]): lower "
                      "hpa.capacity to at most {}, purify the raw materials or relax hpa.feed_grade",
                      t_per_year(feed), f.requirement, f.requirement_fe * 100, f.requirement_si * 100,
                      t_per_year(f.meeting_kg_per_s), 100 * f.share_meeting,
                      t_per_year(f.meeting_kg_per_s * max_yield)));
  return false;
}

}  // namespace

std::optional<HpaInputs> hpa_inputs(const SmelterCase& c, core::Diagnostics& d) {
  const io::ValueSet& v = c.values;
  const bool with_purity = purity::purity_requested(v);
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
  if (with_purity && !add_feed(c, h, given_yield.has_value(), at, d)) ok = false;
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

io::Json hpa_feed_json(const HpaInputs& h) {
  if (!h.feed) return nullptr;
  const HpaFeed& f = *h.feed;
  io::Json j;
  j["requirement"] = f.requirement;
  j["requirement_fe_wt"] = f.requirement_fe * 100;
  j["requirement_si_wt"] = f.requirement_si * 100;
  j["metal_fe_wt"] = f.metal_fe * 100;
  j["metal_si_wt"] = f.metal_si * 100;
  j["share_meeting_requirement"] = f.share_meeting;
  j["meeting_requirement_t_per_year"] = f.meeting_kg_per_s * kSecondsPerYear / kKgPerT;
  j["feed_share_of_production"] = f.feed_share;
  j["fe_wt"] = f.fe * 100;
  j["si_wt"] = f.si * 100;
  j["grade"] = f.grade ? io::Json(*f.grade) : io::Json(nullptr);
  j["yield_from_feed"] = f.yield_from_feed;
  j["product_fe_wt"] = f.yield_from_feed ? io::Json(f.product_fe * 100) : io::Json(nullptr);
  j["product_si_wt"] = f.yield_from_feed ? io::Json(f.product_si * 100) : io::Json(nullptr);
  j["product_fe_max_wt"] = f.yield_from_feed ? io::Json(f.product_fe_max * 100) : io::Json(nullptr);
  j["product_si_max_wt"] = f.yield_from_feed ? io::Json(f.product_si_max * 100) : io::Json(nullptr);
  return j;
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
