// Anode-effect performance by technology class and region (see anode_effects.hpp).
#include "potline/fleet/anode_effects.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::fleet {

const AnodeEffectRule* AnodeEffectTable::match(const std::string& pfc_class, const std::string& region) const {
  const AnodeEffectRule* any_region = nullptr;
  for (const auto& r : rules) {
    if (r.pfc_class != pfc_class) continue;
    if (std::find(r.regions.begin(), r.regions.end(), region) != r.regions.end()) return &r;
    if (r.regions.empty() && any_region == nullptr) any_region = &r;
  }
  return any_region;
}

namespace {

AnodeEffectRule parse_rule(const toml::table& t, const std::string& file, const std::vector<std::string>& region_ids,
                           core::Diagnostics& d) {
  static const std::set<std::string> known = {"pfc_class", "regions", "aem", "source"};
  AnodeEffectRule r;
  r.where = io::toml_location(t, file);
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (known.count(key) == 0) {
      io::report_unknown_name("key in [[anode_effects]]", key, std::vector<std::string>(known.begin(), known.end()),
                              io::toml_location(v, file), key, d);
    }
  }
  r.pfc_class = t["pfc_class"].value_or(std::string());
  if (!plant::technology_class_from_name(r.pfc_class)) {
    const auto* n = t.get("pfc_class");
    d.error(n ? io::toml_location(*n, file) : r.where, "pfc_class",
            "unknown IPCC technology class '" + r.pfc_class + "': CWPB, SWPB, VSS, HSS, PFPB_legacy or PFPB_modern");
  }
  if (const auto* list = t.get_as<toml::array>("regions")) {
    for (const auto& n : *list) {
      const std::string id = n.value_or(std::string());
      if (std::find(region_ids.begin(), region_ids.end(), id) == region_ids.end()) {
        io::report_unknown_name("region", id, region_ids, io::toml_location(n, file), "regions", d);
      }
      r.regions.push_back(id);
    }
  }
  const auto* aem = t.get("aem");
  if (aem == nullptr) d.error(r.where, "aem", "required: anode-effect minutes per cell-day (min/d)");
  const auto v = io::toml_quantity(aem, "aem", "min/d", "min/d", file, d);
  if (v && *v < 0) d.error(io::toml_location(*aem, file), "aem", "must not be negative");
  r.aem_min_per_day = v.value_or(0.0);
  r.source = t["source"].value_or(std::string());
  if (r.source.empty()) d.error(r.where, "source", "required: the source (or 'estimate: basis') of the AEM");
  return r;
}

}  // namespace

AnodeEffectTable AnodeEffectTable::parse(const std::string& text, const std::string& file,
                                         const std::vector<std::string>& region_ids, core::Diagnostics& d) {
  AnodeEffectTable out;
  out.path = file;
  auto doc = io::parse_toml(text, file, d);
  if (!doc) return out;
  out.coefficient_set = (*doc)["coefficient_set"].value_or(std::string());
  if (!plant::coefficient_set_from_name(out.coefficient_set)) {
    const auto* n = doc->get("coefficient_set");
    d.error(n ? io::toml_location(*n, file) : core::SourceLocation{file, 1, 1}, "coefficient_set",
            "coefficient_set '" + out.coefficient_set + "': IPCC2006 or IPCC2019");
  }
  if (const auto* list = (*doc)["anode_effects"].as_array()) {
    for (const auto& n : *list) {
      if (const auto* t = n.as_table()) out.rules.push_back(parse_rule(*t, file, region_ids, d));
    }
  }
  return out;
}

AnodeEffectTable AnodeEffectTable::load(const std::string& path, const std::vector<std::string>& region_ids,
                                        core::Diagnostics& d) {
  if (path.empty()) return {};
  const auto text = io::read_text_file(path, "the anode-effect table", d);
  if (!text) return {};
  return parse(*text, path, region_ids, d);
}

}  // namespace potline::fleet
