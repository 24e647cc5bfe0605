// PFC performance of smelters: the table and its selection (see anode_effects.hpp).
#include "potline/plant/anode_effects.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"

namespace potline::plant {

namespace {

bool lists(const std::vector<std::string>& v, const std::string& x) {
  return !x.empty() && std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

const char* to_string(ChinaPfcBasis b) noexcept {
  return b == ChinaPfcBasis::kTopDown ? "top_down" : "iai_world_average";
}

void AnodeEffectTable::keep_china_pfc(ChinaPfcBasis b) {
  const std::string keep = to_string(b);
  std::erase_if(rules, [&keep](const AnodeEffectRule& r) {
    return !r.china_pfc.empty() && r.china_pfc != keep;
  });
}

std::string AnodeEffectRule::scope() const {
  if (!smelters.empty()) return "smelters";
  if (!countries.empty()) return "countries";
  return "class";
}

const AnodeEffectRule* AnodeEffectTable::match(const std::string& pfc_class,
                                               const std::string& region,
                                               const std::string& smelter_id,
                                               const std::string& country) const {
  for (const auto& r : rules) {
    if (lists(r.smelters, smelter_id)) return &r;
  }
  for (const auto& r : rules) {
    if (lists(r.countries, country)) return &r;
  }
  const AnodeEffectRule* any_region = nullptr;
  for (const auto& r : rules) {
    if (r.pfc_class.empty() || r.pfc_class != pfc_class) continue;
    if (lists(r.regions, region)) return &r;
    if (r.regions.empty() && any_region == nullptr) any_region = &r;
  }
  return any_region;
}

namespace {

const std::set<std::string>& known_keys() {
  static const std::set<std::string> k = {
      "pfc_class",   "regions",  "smelters", "countries", "company", "aem",    "ae_frequency",
      "ae_duration", "pfc_co2e", "gwp",      "year",      "basis",   "source", "china_pfc"};
  return k;
}

/// The ids a table's entries may name (the dataset's), or none to check (`potline smelter`).
struct KnownIds {
  const std::vector<std::string>* regions = nullptr;
  const std::vector<std::string>* smelters = nullptr;
  const std::vector<std::string>* countries = nullptr;
};

/// The strings of array `key`, each checked against `allowed` (file:line:col of the element) unless
/// it is null.
std::vector<std::string> read_ids(const toml::table& t, const std::string& key,
                                  const std::string& what, const std::vector<std::string>* allowed,
                                  const std::string& file, core::Diagnostics& d) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (n == nullptr) return out;
  const auto* list = n->as_array();
  if (list == nullptr || list->empty()) {
    d.error(io::toml_location(*n, file), key, "must be a non-empty array of " + what + " ids");
    return out;
  }
  for (const auto& e : *list) {
    const std::string id = e.value_or(std::string());
    if (allowed != nullptr && !lists(*allowed, id))
      io::report_unknown_name(what, id, *allowed, io::toml_location(e, file), key, d);
    out.push_back(id);
  }
  return out;
}

/// Which smelters the entry covers: exactly one of smelters, countries, pfc_class (with regions).
void read_scope(const toml::table& t, const std::string& file, const KnownIds& known,
                AnodeEffectRule& r, core::Diagnostics& d) {
  r.smelters = read_ids(t, "smelters", "smelter", known.smelters, file, d);
  r.countries = read_ids(t, "countries", "country", known.countries, file, d);
  r.regions = read_ids(t, "regions", "region", known.regions, file, d);
  const auto* cls = t.get("pfc_class");
  const int scopes = (t.contains("smelters") ? 1 : 0) + (t.contains("countries") ? 1 : 0) +
                     (cls != nullptr ? 1 : 0);
  if (scopes != 1) {
    d.error(r.where, "pfc_class",
            scopes == 0 ? "required: smelters (dataset ids), countries (ISO alpha-3 codes) or "
                          "pfc_class (with regions)"
                        : "give one of smelters, countries or pfc_class, not several");
  }
  if (t.contains("regions") && cls == nullptr) {
    d.error(io::toml_location(*t.get("regions"), file), "regions",
            "regions go with pfc_class only");
  }
  if (cls == nullptr) return;
  r.pfc_class = cls->value_or(std::string());
  if (!technology_class_from_name(r.pfc_class)) {
    d.error(io::toml_location(*cls, file), "pfc_class",
            "unknown IPCC technology class '" + r.pfc_class +
                "': CWPB, SWPB, VSS, HSS, PFPB_legacy or PFPB_modern");
  }
}

/// A non-negative quantity of `key` in `unit` (0 if absent or bad, with the error reported).
double non_negative(const toml::node* n, const std::string& key, const std::string& unit,
                    const std::string& file, core::Diagnostics& d) {
  const auto v = io::toml_quantity(n, key, unit, unit, file, d);
  if (v && *v < 0) d.error(io::toml_location(*n, file), key, "must not be negative");
  return v && *v >= 0 ? *v : 0.0;
}

/// A published intensity and the GWP set it was published in.
void read_pfc(const toml::node* pfc, const toml::node* gwp, const std::string& file,
              AnodeEffectRule& r, core::Diagnostics& d) {
  r.pfc_co2e = io::toml_quantity(pfc, "pfc_co2e", "t/t", "t/t", file, d);
  if (r.pfc_co2e && (*r.pfc_co2e < 0 || *r.pfc_co2e > 10)) {
    d.error(io::toml_location(*pfc, file), "pfc_co2e",
            fmt::format("{:g} t/t is outside 0..10 t CO2e per t Al", *r.pfc_co2e));
  }
  const std::string g = gwp != nullptr ? gwp->value_or(std::string()) : std::string();
  r.gwp = gwp_set_from_name(g);
  if (!r.gwp) {
    d.error(gwp != nullptr ? io::toml_location(*gwp, file) : r.where, "gwp",
            gwp == nullptr ? "required with pfc_co2e: the GWP set the figure was published in "
                             "(AR4, AR5, AR6 or SAR)"
                           : "unknown GWP set '" + g + "': AR4, AR5, AR6 or SAR");
  }
}

/// The figure: exactly one of aem (min/d), ae_frequency with ae_duration (AEM = frequency x
/// duration, as anode-effect statistics are published), or pfc_co2e (t CO2e per t Al, with its
/// gwp).
void read_value(const toml::table& t, const std::string& file, AnodeEffectRule& r,
                core::Diagnostics& d) {
  const auto* aem = t.get("aem");
  const auto* freq = t.get("ae_frequency");
  const auto* dur = t.get("ae_duration");
  const auto* pfc = t.get("pfc_co2e");
  const auto* gwp = t.get("gwp");
  const int forms = (aem != nullptr ? 1 : 0) + (freq != nullptr || dur != nullptr ? 1 : 0) +
                    (pfc != nullptr ? 1 : 0);
  if (forms != 1) {
    d.error(r.where, "aem",
            forms == 0 ? "required: aem (anode-effect minutes per cell-day, min/d), ae_frequency "
                         "with ae_duration, or "
                         "pfc_co2e (t CO2e per t Al)"
                       : "give one of aem, ae_frequency with ae_duration, or pfc_co2e");
  }
  if (gwp != nullptr && pfc == nullptr)
    d.error(io::toml_location(*gwp, file), "gwp", "gwp goes with pfc_co2e only");
  if (aem != nullptr) r.aem_min_per_day = non_negative(aem, "aem", "min/d", file, d);
  if (freq != nullptr || dur != nullptr) {
    if (freq == nullptr || dur == nullptr) {
      d.error(io::toml_location(freq != nullptr ? *freq : *dur, file),
              freq != nullptr ? "ae_duration" : "ae_frequency",
              "ae_frequency and ae_duration go together (AEM = frequency x duration)");
    } else {
      r.ae_frequency_per_day = non_negative(freq, "ae_frequency", "1/d", file, d);
      r.ae_duration_min = non_negative(dur, "ae_duration", "min", file, d);
      r.aem_min_per_day = r.ae_frequency_per_day * r.ae_duration_min;
    }
  }
  if (pfc != nullptr) read_pfc(pfc, gwp, file, r, d);
}

/// The basis an entry for China belongs to (china_pfc = "iai_world_average" or "top_down"): only
/// entries that cover China alone (regions = ["china"] or countries = ["CHN"]) may carry it.
void read_china_pfc(const toml::table& t, const std::string& file, AnodeEffectRule& r,
                    core::Diagnostics& d) {
  const toml::node* n = t.get("china_pfc");
  if (n == nullptr) return;
  r.china_pfc = n->value_or(std::string());
  const auto where = io::toml_location(*n, file);
  if (r.china_pfc != to_string(ChinaPfcBasis::kIaiWorldAverage) &&
      r.china_pfc != to_string(ChinaPfcBasis::kTopDown)) {
    d.error(where, "china_pfc",
            "unknown basis '" + r.china_pfc + "': iai_world_average or top_down (fleet.china_pfc)");
  }
  const auto only = [](const std::vector<std::string>& v, const char* id) {
    return !v.empty() &&
           std::all_of(v.begin(), v.end(), [id](const std::string& x) { return x == id; });
  };
  if (!only(r.regions, "china") && !only(r.countries, "CHN")) {
    d.error(where, "china_pfc",
            "china_pfc goes with entries for China only (regions = [\"china\"] or countries = "
            "[\"CHN\"])");
  }
}

AnodeEffectRule parse_rule(const toml::table& t, const std::string& file, const KnownIds& ids,
                           core::Diagnostics& d) {
  AnodeEffectRule r;
  r.where = io::toml_location(t, file);
  const auto& known = known_keys();
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (known.count(key) == 0) {
      io::report_unknown_name("key in [[anode_effects]]", key,
                              std::vector<std::string>(known.begin(), known.end()),
                              io::toml_location(v, file), key, d);
    }
  }
  read_scope(t, file, ids, r, d);
  read_value(t, file, r, d);
  r.company = t["company"].value_or(std::string());
  if (const auto* c = t.get("company"); c != nullptr && !t.contains("smelters")) {
    d.error(io::toml_location(*c, file), "company",
            "company goes with smelters (a company's figure for its smelters)");
  }
  if (const auto* y = t.get("year")) {
    const auto year = y->value<int64_t>();
    if (!year || *year < 1990 || *year > 2100)
      d.error(io::toml_location(*y, file), "year", "an integer year, 1990..2100");
    r.year = static_cast<int>(year.value_or(0));
  }
  r.basis = t["basis"].value_or(std::string());
  read_china_pfc(t, file, r, d);
  r.source = t["source"].value_or(std::string());
  if (r.source.empty())
    d.error(r.where, "source", "required: the source (or 'estimate: basis') of the figure");
  return r;
}

/// A smelter or a country in two entries of the same scope would make the choice depend on order.
void check_overlaps(const std::vector<AnodeEffectRule>& rules, core::Diagnostics& d) {
  std::map<std::string, const AnodeEffectRule*> seen;
  for (const auto& r : rules) {
    for (const auto* ids : {&r.smelters, &r.countries}) {
      for (const auto& id : *ids) {
        const auto [it, fresh] = seen.emplace(r.scope() + ":" + id, &r);
        if (!fresh) {
          d.error(r.where, r.scope(),
                  fmt::format("'{}' is already covered by the entry at {}", id,
                              it->second->where.to_string()));
        }
      }
    }
  }
}

AnodeEffectTable parse_table(const std::string& text, const std::string& file, const KnownIds& ids,
                             core::Diagnostics& d) {
  AnodeEffectTable out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  out.coefficient_set = (*doc)["coefficient_set"].value_or(std::string());
  if (!coefficient_set_from_name(out.coefficient_set)) {
    const auto* n = doc->get("coefficient_set");
    d.error(n ? io::toml_location(*n, file) : core::SourceLocation{file, 1, 1}, "coefficient_set",
            "coefficient_set '" + out.coefficient_set + "': IPCC2006 or IPCC2019");
  }
  if (const auto* list = (*doc)["anode_effects"].as_array()) {
    for (const auto& n : *list) {
      if (const auto* t = n.as_table()) out.rules.push_back(parse_rule(*t, file, ids, d));
    }
  }
  check_overlaps(out.rules, d);
  return out;
}

}  // namespace

AnodeEffectTable AnodeEffectTable::parse(const std::string& text, const std::string& file,
                                         const std::vector<std::string>& region_ids,
                                         const std::vector<std::string>& smelter_ids,
                                         const std::vector<std::string>& countries,
                                         core::Diagnostics& d) {
  return parse_table(text, file, KnownIds{&region_ids, &smelter_ids, &countries}, d);
}

AnodeEffectTable AnodeEffectTable::load_unchecked(const std::string& path, core::Diagnostics& d) {
  const auto text = io::read_text_file(path, "the anode-effect table", d);
  if (!text) return {};
  return parse_table(*text, path, KnownIds{}, d);
}

const AnodeEffectRule* AnodeEffectTable::class_entry(const std::string& pfc_class) const {
  const AnodeEffectRule* best = nullptr;
  std::size_t best_regions = 0;
  for (const auto& r : rules) {
    if (r.pfc_class != pfc_class || !r.smelters.empty() || !r.countries.empty()) continue;
    const std::size_t n =
        r.regions.empty() ? std::numeric_limits<std::size_t>::max() : r.regions.size();
    if (best == nullptr || n > best_regions) {
      best = &r;
      best_regions = n;
    }
  }
  return best;
}

AnodeEffectTable AnodeEffectTable::load(const std::string& path,
                                        const std::vector<std::string>& region_ids,
                                        const std::vector<std::string>& smelter_ids,
                                        const std::vector<std::string>& countries,
                                        core::Diagnostics& d) {
  if (path.empty()) return {};
  const auto text = io::read_text_file(path, "the anode-effect table", d);
  if (!text) return {};
  return parse(*text, path, region_ids, smelter_ids, countries, d);
}

std::optional<double> equivalent_aem(double pfc_co2e_t_per_t, GwpSet g, const EmissionData& data,
                                     CoefficientSet set, TechnologyClass cls, std::string& why) {
  const PfcCoefficients* k = data.pfc(set, cls);
  if (k == nullptr || !(k->slope_cf4 > 0)) {
    why = fmt::format("{} has no slope coefficient for {}", to_string(set), to_string(cls));
    return std::nullopt;
  }
  const GwpValues* w = data.gwp(g);
  if (w == nullptr) {
    why = fmt::format("the emission data have no GWP set {}", to_string(g));
    return std::nullopt;
  }
  const double cf4_kg_per_t = 1000.0 * pfc_co2e_t_per_t / (w->cf4 + k->c2f6_per_cf4 * w->c2f6);
  return cf4_kg_per_t / k->slope_cf4;
}

std::optional<PfcBasis> pfc_basis(const AnodeEffectTable& table, const AnodeEffectRule& rule,
                                  const std::string& cls, const EmissionData& data,
                                  std::string& why) {
  const std::string basis = rule.basis.empty() ? std::string() : "; " + rule.basis;
  if (!rule.pfc_co2e && rule.ae_frequency_per_day > 0) {
    return PfcBasis{
        rule.aem_min_per_day,
        fmt::format("{} slope ({}, AEM {:.3g} AE-min/cell-day = {:g} AE/cell-day x {:.3g} min{})",
                    table.coefficient_set, cls, rule.aem_min_per_day, rule.ae_frequency_per_day,
                    rule.ae_duration_min, basis)};
  }
  if (!rule.pfc_co2e) {
    return PfcBasis{rule.aem_min_per_day,
                    fmt::format("{} slope ({}, AEM {:g} AE-min/cell-day{})", table.coefficient_set,
                                cls, rule.aem_min_per_day, basis)};
  }
  const auto set = coefficient_set_from_name(table.coefficient_set);
  const auto c = technology_class_from_name(cls);
  if (!set || !c || !rule.gwp) {
    why = "coefficient set '" + table.coefficient_set + "' or class '" + cls + "' unknown";
    return std::nullopt;
  }
  const auto aem = equivalent_aem(*rule.pfc_co2e, *rule.gwp, data, *set, *c, why);
  if (!aem) return std::nullopt;
  return PfcBasis{
      *aem,
      fmt::format("{} slope ({}, AEM {:.3g} AE-min/cell-day equivalent of {:g} t CO2e/t {}{})",
                  table.coefficient_set, cls, *aem, *rule.pfc_co2e, to_string(*rule.gwp), basis)};
}

std::optional<ClassPfcDefault> class_pfc_default(const AnodeEffectTable& table, TechnologyClass cls,
                                                 const EmissionData& data,
                                                 std::optional<CoefficientSet> given_set,
                                                 CoefficientSet fallback_set, std::string& why) {
  const std::string name(to_string(cls));
  const AnodeEffectRule* rule = table.class_entry(name);
  if (rule == nullptr) {
    why = table.path.empty() ? std::string("no anode-effect table loaded")
                             : "no entry for " + name + " in " +
                                   std::filesystem::path(table.path).filename().string();
    return std::nullopt;
  }
  // The table's set when it has coefficients for the class (IPCC2019 has no CWPB): the one rule
  // of every command (default_coefficient_set; user trial T12-1).
  const auto table_set = coefficient_set_from_name(table.coefficient_set);
  const CoefficientSet set =
      given_set ? *given_set : default_coefficient_set(data, cls, table_set, fallback_set);
  // A published intensity enters as the AEM that reproduces it under the set applied.
  AnodeEffectTable under = table;
  under.coefficient_set = std::string(to_string(set));
  const auto basis = pfc_basis(under, *rule, name, data, why);
  if (!basis) return std::nullopt;
  return ClassPfcDefault{basis->aem_min_per_day, set, basis->standard, rule};
}

std::optional<TechnologyClass> pfc_class_of(const cell::Technology& t) {
  // Estimate: point-fed designs first run industrially before 1990 count as legacy, later ones as
  // modern (automatic anode-effect detection and termination became standard in the 1990s designs);
  // the IPCC 2006 set maps both to its CWPB row, the IPCC 2019 set distinguishes them.
  constexpr int kFirstModernYear = 1990;
  if (t.cell_type == "PFPB") {
    if (!t.first_industrial_year) return std::nullopt;
    return *t.first_industrial_year >= kFirstModernYear ? TechnologyClass::kPFPBModern
                                                        : TechnologyClass::kPFPBLegacy;
  }
  return technology_class_from_name(t.cell_type);
}

}  // namespace potline::plant
