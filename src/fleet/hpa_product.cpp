// [[hpa]]: high-purity metal as a fleet product (see hpa_product.hpp). The purity balance, the
// grade table and the upgrading routes are the purity and smelter models' (docs/model/purity.md,
// docs/model/hpa.md); this file selects the smelters, gives them their consumptions and reports.
#include "potline/fleet/hpa_product.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "nextgen_levers.hpp"
#include "potline/cell/cell_schema.hpp"
#include "potline/core/constants.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/io/csv.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "potline/purity/feed.hpp"

namespace potline::fleet {
namespace {

constexpr double kKgPerT = 1e3;
constexpr double kSecondsPerYear = constants::kSecondsPerYear;

/// Raw-material keys of the cell schema's [purity] a table may give (as "hpa.KEY"), with their
/// members.
struct PurityKey {
  const char* key;
  double purity::Inputs::*member;
};
constexpr PurityKey kPurityKeys[] = {{"alumina_fe", &purity::Inputs::alumina_fe},
                                     {"alumina_si", &purity::Inputs::alumina_si},
                                     {"anode_fe", &purity::Inputs::anode_fe},
                                     {"anode_si", &purity::Inputs::anode_si},
                                     {"steel_fe", &purity::Inputs::steel_fe_kg_per_t},
                                     {"cathode_fe", &purity::Inputs::cathode_fe_kg_per_t},
                                     {"cathode_si", &purity::Inputs::cathode_si_kg_per_t},
                                     {"crust_fe", &purity::Inputs::crust_fe_kg_per_t},
                                     {"crust_si", &purity::Inputs::crust_si_kg_per_t},
                                     {"fe_to_metal", &purity::Inputs::fe_to_metal},
                                     {"si_to_metal", &purity::Inputs::si_to_metal},
                                     {"other_impurities", &purity::Inputs::other_impurities},
                                     {"pot_variation_fe", &purity::Inputs::pot_variation_fe},
                                     {"pot_variation_si", &purity::Inputs::pot_variation_si}};

/// The smelter schema's HPA-line keys a table may give, under the same names.
constexpr const char* kLineKeys[] = {"hpa.route",  "hpa.capacity",        "hpa.yield",
                                     "hpa.energy", "hpa.conversion_cost", "hpa.premium",
                                     "hpa.feed_grade", "hpa.product_fe", "hpa.product_si"};

void copy_field(io::SchemaTable<FleetCase>& t, const io::FieldSpec& from, const std::string& key) {
  detail::declare_like(t, from, key, "[[hpa]] ", true);
}

}  // namespace

bool HpaProduct::covers(const SmelterRecord& r) const {
  if (!region.empty()) return r.region == region;
  if (!country.empty()) return r.country == country;
  // A dataset id reaches every part a technology mix split the row into (technology_classes.hpp).
  return std::any_of(smelters.begin(), smelters.end(), [&](const std::string& id) { return is_row_or_part(r.id, id); });
}

void add_hpa_product_fields(io::SchemaTable<FleetCase>& t) {
  t.text("hpa.smelters")
      .doc("[[hpa]] smelter ids of the dataset (a string or an array; or region, or country)");
  t.text("hpa.region").doc("[[hpa]] every included smelter of this region id");
  t.text("hpa.country").doc("[[hpa]] every included smelter of this ISO3 country");
  t.choice("hpa.grade", purity::grade_names())
      .default_("P0406")
      .source(
          "grade table: docs/model/purity.md; P0406 (< 0.04 % Si, < 0.06 % Fe) from [Wang et al. "
          "2025]")
      .doc("[[hpa]] the grade sold at hpa.grade_premium from the smelter's own pots");
  t.number("hpa.grade_premium")
      .unit("USD/t", "USD/kg")
      .range(0.0, 1e5)
      .default_note("required")
      .doc(
          "[[hpa]] price of the grade over the smelter's metal price (LME + regional premium); no "
          "public price "
          "series was found: give an estimate with its basis");
  for (const PurityKey& k : kPurityKeys) {
    copy_field(t, *cell::cell_schema().find(std::string("purity.") + k.key),
               std::string("hpa.") + k.key);
  }
  for (const char* key : kLineKeys) copy_field(t, *plant::smelter_schema().find(key), key);
}

namespace detail {

void hpa_product_lever(const TableValues& t, const LeverContext& x, FleetCase& c) {
  HpaProduct p;
  p.label = t.label;
  p.where = t.where;
  const int given =
      t.values.has("hpa.smelters") + t.values.has("hpa.region") + t.values.has("hpa.country");
  if (given != 1)
    x.d.error(
        t.where, t.label,
        "give exactly one of smelters, region or country: the smelters whose metal is graded");
  std::set<std::string> ids, countries;
  for (const auto& rec : x.records) {
    ids.insert(rec.id);
    countries.insert(rec.country);
  }
  if (const io::Value* v = t.values.get("hpa.smelters")) {
    p.smelters = list_items(*v);
    for (const auto& id : p.smelters)
      if (ids.count(id) == 0)
        io::report_unknown_name("smelter", id, {ids.begin(), ids.end()}, v->location,
                                shown_key(t, "hpa.smelters"), x.d);
  }
  if (const io::Value* v = t.values.get("hpa.region")) {
    p.region = v->text;
    if (x.regions.index_of(p.region) < 0)
      io::report_unknown_name("region", p.region, x.regions.ids(), v->location,
                              shown_key(t, "hpa.region"), x.d);
  }
  if (const io::Value* v = t.values.get("hpa.country")) {
    p.country = v->text;
    if (countries.count(p.country) == 0)
      io::report_unknown_name("country", p.country, {countries.begin(), countries.end()},
                              v->location, shown_key(t, "hpa.country"), x.d);
  }
  p.grade = t.values.text("hpa.grade", "P0406");
  if (const auto premium = t.values.maybe_number("hpa.grade_premium"))
    p.grade_premium_usd_per_kg = *premium;
  else if (t.rejected.count("hpa.grade_premium") == 0)
    x.d.error(
        t.where, shown_key(t, "hpa.grade_premium"),
        "required: the grade's premium over the metal price (USD/t; an estimate with its basis)");
  for (const PurityKey& k :
       kPurityKeys) {  // not given: the purity model's defaults (purity::Inputs)
    if (const auto v = t.values.maybe_number(std::string("hpa.") + k.key)) p.purity.*k.member = *v;
  }
  // Element fractions of one material may not add up to more than 100 wt%.
  const auto over = [&](const char* fe_key, double fe, const char* si_key, double si,
                        const char* material) {
    if (fe + si <= 1.0) return;
    x.d.error(t.values.get(fe_key) ? t.values.get(fe_key)->location : t.where,
              shown_key(t, fe_key) + " + " + shown_key(t, si_key),
              fmt::format("Fe {:.4g} wt% + Si {:.4g} wt% in the {} add up to more than 100 wt%",
                          fe * 100, si * 100, material));
  };
  over("hpa.alumina_fe", p.purity.alumina_fe, "hpa.alumina_si", p.purity.alumina_si, "alumina");
  over("hpa.anode_fe", p.purity.anode_fe, "hpa.anode_si", p.purity.anode_si, "anode carbon");
  for (const char* key : kLineKeys)
    if (const io::Value* v = t.values.get(key)) p.line.set(key, *v);
  c.hpa_products.push_back(std::move(p));
}

}  // namespace detail

const HpaProduct* hpa_product_of(const FleetCase& c, const FleetSmelter& s) {
  const HpaProduct* found = nullptr;
  for (const HpaProduct& p : c.hpa_products)
    if (p.covers(s.record)) found = &p;
  return found;
}

namespace {
/// The smelter's pots: the table's raw materials with the smelter's own consumptions.
purity::Inputs smelter_pots(const HpaProduct& p, const FleetSmelter& s) {
  purity::Inputs in = p.purity;
  in.alumina_kg_per_t = s.inputs.alumina_kg_per_kg * kKgPerT;
  in.anode_carbon_kg_per_t = s.inputs.inert_anode ? 0.0 : s.inputs.net_carbon_kg_per_kg * kKgPerT;
  return in;
}
}  // namespace

purity::MetalPurity smelter_metal_purity(const HpaProduct& p, const FleetSmelter& s) {
  return purity::metal_purity(smelter_pots(p, s));
}

std::optional<plant::HpaInputs> hpa_line_inputs(const HpaProduct& p, const FleetSmelter& s,
                                                core::Diagnostics& d) {
  if (!p.line.has("hpa.capacity")) return std::nullopt;
  plant::SmelterCase sc;
  sc.values = p.line;
  sc.inputs.capacity_kg_per_s = s.inputs.capacity_kg_per_s;
  sc.inputs.capacity_factor = s.inputs.capacity_factor;
  core::Diagnostics local;
  const purity::Inputs pots = smelter_pots(p, s);  // the line's feed: the purest of these pots (hpa.md)
  auto in = plant::hpa_inputs(sc, &pots, local);
  for (const auto& item : local.items()) {
    if (item.severity == core::Severity::kError)
      d.error(item.location, "hpa." + item.key.substr(item.key.find('.') + 1),
              "smelter '" + s.record.id + "' (" + p.label + "): " + item.message);
  }
  return in;
}

void check_hpa_products(const FleetCase& c, core::Diagnostics& d) {
  for (const FleetSmelter& s : c.model.smelters) {
    if (const HpaProduct* p = hpa_product_of(c, s)) (void)hpa_line_inputs(*p, s, d);
  }
}

namespace {

const purity::GradeShare* share_of(const purity::MetalPurity& m, const std::string& grade) {
  for (const auto& g : m.grade_shares)
    if (g.grade == grade) return &g;
  return nullptr;
}

/// Share of the production that the line takes AND that meets `grade`: those tonnes are refined, not
/// sold at the grade premium (docs/model/hpa.md, "Fleet": one income per tonne). The line takes the
/// pots with r = max(Fe/Fe_req, Si/Si_req) up to its cutoff t (purest first against its feed
/// requirement), so a pot taken meets the grade when also Fe <= Fe_grade and Si <= Si_grade; with
/// independent log-normal elements (purity.md) that share is
/// F_Fe(min(t·Fe_req, Fe_grade)) · F_Si(min(t·Si_req, Si_grade)). When every pot taken meets the
/// grade it is the feed share itself.
double grade_share_fed_to_line(const plant::HpaInputs& h, const purity::Inputs& pots,
                               const purity::MetalPurity& m, const purity::Grade& grade) {
  if (!h.feed || !(h.feed->feed_share > 0.0)) return 0.0;
  const purity::Grade* req = purity::find_grade(h.feed_grade);
  if (req == nullptr) return 0.0;  // the schema rejects an unknown feed grade
  const purity::PotSelection taken = purity::purest_pots(
      m.si, pots.pot_variation_si, m.fe, pots.pot_variation_fe, *req, h.feed->feed_share);
  purity::Grade both = grade;
  both.si_max = std::min(grade.si_max, taken.cutoff * req->si_max);
  both.fe_max = std::min(grade.fe_max, taken.cutoff * req->fe_max);
  return std::min(h.feed->feed_share, purity::grade_share(m.si, pots.pot_variation_si, m.fe,
                                                          pots.pot_variation_fe, both));
}

io::Json line_json(const plant::HpaInputs& h, const plant::HpaResult& x) {
  io::Json j;
  j["route"] = h.route == plant::HpaRoute::kThreeLayer ? "three_layer" : "segregation";
  j["hpa_t_per_year"] = x.production_kg_per_s * kSecondsPerYear / kKgPerT;
  j["feed_t_per_year"] = x.feed_kg_per_s * kSecondsPerYear / kKgPerT;
  j["electrical_load_MW"] = x.electrical_load_W / 1e6;
  j["premium_usd_per_t"] = h.premium_usd_per_kg * kKgPerT;
  j["cost_usd_per_t"] = x.cost_usd_per_kg * kKgPerT;
  j["breakeven_premium_usd_per_t"] = x.cost_usd_per_kg * kKgPerT;
  j["margin_usd_per_t"] = x.margin_usd_per_kg * kKgPerT;
  j["margin_musd_per_year"] = x.margin_usd_per_s * kSecondsPerYear / 1e6;
  j["feed"] = plant::hpa_feed_json(h);
  return j;
}

io::Json smelter_json(const FleetCase& c, const FleetResult& f, std::size_t i, const HpaProduct& p,
                      io::Json& totals) {
  const FleetSmelter& s = c.model.smelters[i];
  const SmelterEconomics& e = f.smelters[i];
  const double produced = f.production_kg_per_s[i];
  const purity::MetalPurity m = smelter_metal_purity(p, s);
  const purity::GradeShare* g = share_of(m, p.grade);
  const double share = g != nullptr ? g->share : 0.0;
  io::Json j;
  j["id"] = s.record.id;
  j["region"] = s.record.region;
  j["grade"] = p.grade;
  j["fe_wt_pct"] = m.fe * 100;
  j["si_wt_pct"] = m.si * 100;
  j["mean_metal_grade"] = m.grade ? io::Json(*m.grade) : io::Json(nullptr);
  j["grade_share"] = share;
  j["production_kt_per_year"] = produced * kSecondsPerYear / 1e6;
  j["grade_premium_usd_per_t"] = p.grade_premium_usd_per_kg * kKgPerT;
  j["c1_usd_per_t"] = e.c1_usd_per_kg * kKgPerT;
  double to_line = 0.0;  // share of production meeting the grade that the line refines instead
  core::Diagnostics ignored;  // checked at load (check_hpa_products)
  j["upgrading"] = nullptr;
  if (auto h = hpa_line_inputs(p, s, ignored)) {
    // The line runs on the metal the smelter produces at the solved dispatch: at most yield x
    // production.
    h->capacity_kg_per_s = std::min(h->capacity_kg_per_s, h->yield * produced);
    // ... and on the pots meeting its feed requirement, selected purest first at that production.
    const purity::Inputs pots = smelter_pots(p, s);
    h->capacity_kg_per_s = std::min(h->capacity_kg_per_s, plant::hpa_feed_capacity(*h, pots, produced));
    (void)plant::select_hpa_feed(*h, pots, produced);
    if (const purity::Grade* grade = purity::find_grade(p.grade))
      to_line = grade_share_fed_to_line(*h, pots, m, *grade);
    const plant::HpaResult x = plant::evaluate_hpa(*h, e.price_usd_per_kg, s.inputs.power_usd_per_J,
                                                   s.inputs.emissions.power_co2_kg_per_J, produced);
    j["upgrading"] = line_json(*h, x);
    totals["hpa_t_per_year"] =
        totals["hpa_t_per_year"].get<double>() + x.production_kg_per_s * kSecondsPerYear / kKgPerT;
  }
  // One income per tonne: the grade premium is earned only on the pots meeting the grade that the
  // line does not take (docs/model/hpa.md, "Fleet").
  const double sold = std::max(0.0, share - to_line);
  j["grade_share_to_line"] = to_line;
  j["grade_share_sold"] = sold;
  j["grade_kt_per_year"] = sold * produced * kSecondsPerYear / 1e6;
  j["grade_income_musd_per_year"] =
      sold * produced * p.grade_premium_usd_per_kg * kSecondsPerYear / 1e6;
  // The grade premium earned on the share of the metal sold as the grade, per t of all metal: a
  // by-product credit, shown beside C1 (the fleet's cost curve and trade keep C1).
  j["c1_net_of_grade_premium_usd_per_t"] =
      (e.c1_usd_per_kg - sold * p.grade_premium_usd_per_kg) * kKgPerT;
  totals["grade_kt_per_year"] =
      totals["grade_kt_per_year"].get<double>() + sold * produced * kSecondsPerYear / 1e6;
  io::Json& by_region = totals["grade_kt_per_year_by_region"];
  const std::string& r = s.record.region;
  by_region[r] = (by_region.contains(r) ? by_region[r].get<double>() : 0.0) +
                 sold * produced * kSecondsPerYear / 1e6;
  return j;
}

}  // namespace

io::Json hpa_product_json(const FleetCase& c, const FleetResult& f) {
  io::Json j;
  io::Json rows = io::Json::array();
  j["grade_kt_per_year"] = 0.0;
  j["grade_kt_per_year_by_region"] = io::Json::object();
  j["hpa_t_per_year"] = 0.0;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    if (const HpaProduct* p = hpa_product_of(c, c.model.smelters[i]))
      rows.push_back(smelter_json(c, f, i, *p, j));
  }
  j["smelters"] = rows;
  io::require_finite(j);
  return j;
}

std::string hpa_product_csv(const io::Json& report) {
  static const char* const kColumns[] = {"id",
                                         "region",
                                         "grade",
                                         "fe_wt_pct",
                                         "si_wt_pct",
                                         "mean_metal_grade",
                                         "grade_share",
                                         "grade_share_to_line",
                                         "grade_share_sold",
                                         "production_kt_per_year",
                                         "grade_kt_per_year",
                                         "grade_premium_usd_per_t",
                                         "grade_income_musd_per_year",
                                         "c1_usd_per_t",
                                         "c1_net_of_grade_premium_usd_per_t"};
  static const char* const kLine[] = {"route",
                                      "hpa_t_per_year",
                                      "feed_t_per_year",
                                      "electrical_load_MW",
                                      "premium_usd_per_t",
                                      "cost_usd_per_t",
                                      "margin_usd_per_t",
                                      "margin_musd_per_year"};
  // The line's feed (upgrading.feed): its key numbers, added as the last columns (docs/cli.md,
  // Changes) so that scripts reading the earlier columns by position are unaffected. fe_wt, si_wt:
  // wt%, the feed's production-weighted mean; grade: the best grade that mean meets.
  static const char* const kFeed[] = {"requirement",
                                      "share_meeting_requirement",
                                      "feed_share_of_production",
                                      "fe_wt",
                                      "si_wt",
                                      "grade"};
  std::ostringstream out;
  for (std::size_t k = 0; k < std::size(kColumns); ++k) out << (k ? "," : "") << kColumns[k];
  for (const char* col : kLine) out << ",upgrading_" << col;
  for (const char* col : kFeed) out << ",upgrading_feed_" << col;
  out << '\n';
  const auto cell = [&](const io::Json& v) {
    if (v.is_string())
      out << io::csv_cell(v.get<std::string>());
    else if (v.is_number())
      out << fmt::format("{:.6g}", v.get<double>());
  };
  for (const io::Json& row : report.at("smelters")) {
    for (std::size_t k = 0; k < std::size(kColumns); ++k) {
      out << (k ? "," : "");
      cell(row.at(kColumns[k]));
    }
    const io::Json& line = row.at("upgrading");
    for (const char* col : kLine) {
      out << ',';
      if (!line.is_null()) cell(line.at(col));
    }
    const io::Json feed = line.is_null() ? io::Json(nullptr) : line.value("feed", io::Json(nullptr));
    for (const char* col : kFeed) {
      out << ',';
      if (!feed.is_null()) cell(feed.at(col));  // a null grade (meets none) stays empty
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace potline::fleet
