// Technology classes for dataset rows without a sourced technology (see technology_classes.hpp).
#include "potline/fleet/technology_classes.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::fleet {

bool TechnologyClassRule::matches(const SmelterRecord& r) const {
  return reason(r) != "";
}

std::string TechnologyClassRule::reason(const SmelterRecord& r) const {
  const double kA = r.line_current_A / 1e3;
  if (std::find(smelters.begin(), smelters.end(), r.id) != smelters.end()) return "smelter listed by id";
  if (line_current_at_least_A && r.line_current_A >= *line_current_at_least_A) {
    return fmt::format("line current {:g} kA >= {:g} kA", kA, *line_current_at_least_A / 1e3);
  }
  if (line_current_below_A && r.line_current_A > 0 && r.line_current_A < *line_current_below_A) {
    return fmt::format("line current {:g} kA < {:g} kA", kA, *line_current_below_A / 1e3);
  }
  if (commissioned_from && r.commissioning_year >= *commissioned_from) {
    return fmt::format("commissioned {} (from {})", r.commissioning_year, *commissioned_from);
  }
  if (commissioned_by && r.commissioning_year > 0 && r.commissioning_year <= *commissioned_by) {
    return fmt::format("commissioned {} (by {})", r.commissioning_year, *commissioned_by);
  }
  if (std::find(regions.begin(), regions.end(), r.region) != regions.end()) return "region " + r.region;
  const bool unconditional = !line_current_at_least_A && !line_current_below_A && !commissioned_from &&
                             !commissioned_by && regions.empty() && smelters.empty();
  return unconditional ? "default class" : "";
}

const TechnologyClassRule* TechnologyClasses::match(const SmelterRecord& r) const {
  for (const auto& rule : rules) {
    if (rule.matches(r)) return &rule;
  }
  return nullptr;
}

namespace {

std::optional<int> year(const toml::table& t, const char* key, const std::string& file, core::Diagnostics& d) {
  const auto* n = t.get(key);
  if (n == nullptr) return std::nullopt;
  const auto v = n->value<int64_t>();
  if (!v || *v < 1850 || *v > 2100) {
    d.error(io::toml_location(*n, file), key, "a year between 1850 and 2100");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

TechnologyClassRule parse_rule(const toml::table& t, const std::string& file, const std::vector<std::string>& tech_ids,
                               const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  static const std::set<std::string> known = {"id",       "technology",         "basis",           "line_current_at_least",
                                              "line_current_below", "commissioned_from", "commissioned_by", "regions",
                                              "smelters", "pfc_class"};
  TechnologyClassRule c;
  c.where = io::toml_location(t, file);
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (!known.count(key)) {
      io::report_unknown_name("key in [[class]]", key, std::vector<std::string>(known.begin(), known.end()),
                              io::toml_location(v, file), key, d);
    }
  }
  c.id = t["id"].value_or(std::string());
  c.technology = t["technology"].value_or(std::string());
  c.basis = t["basis"].value_or(std::string());
  if (c.id.empty()) d.error(c.where, "id", "every [[class]] needs an id");
  if (c.basis.empty()) d.error(c.where, "basis", "required: why this technology stands for the class (an estimate and its basis)");
  const bool known_tech = std::find(tech_ids.begin(), tech_ids.end(), c.technology) != tech_ids.end();
  if (!known_tech) {
    const auto* n = t.get("technology");
    io::report_unknown_name("technology", c.technology, tech_ids, n ? io::toml_location(*n, file) : c.where,
                            "technology", d);
  }
  c.line_current_at_least_A = io::toml_quantity(t.get("line_current_at_least"), "line_current_at_least", "kA", "A", file, d);
  c.line_current_below_A = io::toml_quantity(t.get("line_current_below"), "line_current_below", "kA", "A", file, d);
  c.commissioned_from = year(t, "commissioned_from", file, d);
  c.commissioned_by = year(t, "commissioned_by", file, d);
  if (const auto* list = t.get_as<toml::array>("regions")) {
    for (const auto& n : *list) {
      const std::string id = n.value_or(std::string());
      if (std::find(region_ids.begin(), region_ids.end(), id) == region_ids.end()) {
        io::report_unknown_name("region", id, region_ids, io::toml_location(n, file), "regions", d);
      }
      c.regions.push_back(id);
    }
  }
  if (const auto* list = t.get_as<toml::array>("smelters")) {
    for (const auto& n : *list) c.smelters.push_back(n.value_or(std::string()));
  }
  c.pfc_class = t["pfc_class"].value_or(std::string());
  if (!c.pfc_class.empty() && !plant::technology_class_from_name(c.pfc_class)) {
    const auto* n = t.get("pfc_class");
    d.error(n ? io::toml_location(*n, file) : c.where, "pfc_class",
            "unknown IPCC technology class '" + c.pfc_class + "': CWPB, SWPB, VSS, HSS, PFPB_legacy or PFPB_modern");
  }
  return c;
}

}  // namespace

TechnologyClasses TechnologyClasses::parse(const std::string& text, const std::string& file,
                                           const std::vector<std::string>& tech_ids,
                                           const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  TechnologyClasses out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  const auto* list = (*doc)["class"].as_array();
  if (list == nullptr || list->empty()) {
    d.error({file, 1, 1}, "class", "no [[class]] tables");
    return out;
  }
  for (const auto& n : *list) {
    if (const auto* t = n.as_table()) out.rules.push_back(parse_rule(*t, file, tech_ids, region_ids, d));
  }
  if (!out.rules.empty()) {
    const auto& last = out.rules.back();
    if (!last.matches(SmelterRecord{})) {
      d.error(last.where, "class", "the last [[class]] ('" + last.id + "') must have no conditions: it is the "
                                   "default for rows no other class matches");
    }
  }
  return out;
}

TechnologyClasses TechnologyClasses::load(const std::string& path, const std::vector<std::string>& tech_ids,
                                          const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  const auto text = io::read_text_file(path, "the technology classes", d);
  if (!text) return {};
  return parse(*text, path, tech_ids, region_ids, d);
}

}  // namespace potline::fleet
