// The simulate case's [pfc] keys (simulate_pfc.hpp). Before user trial T12-1 the schema's IPCC2006
// CWPB stood for every cell, while `potline smelter`, `invest` and the fleet class a point-fed
// prebake technology by plant::pfc_class_of and take IPCC2019 (0.104 against 0.143 kg CF4/t per
// AE-min/cell-day): the same AP40 run gave 2.28 t CO2e/t in simulate and 1.51 in smelter. The class
// and the set now come from the same functions as smelter's (plant::pfc_class_of,
// plant::default_coefficient_set).
#include "potline/potline/simulate_pfc.hpp"

#include <fmt/format.h>

#include "potline/plant/anode_effects.hpp"
#include "potline/potline/pfc.hpp"

namespace potline::line {
namespace {

const io::Value* given(const io::ValueSet& v, const char* key) {
  const io::Value* x = v.get(key);
  return x != nullptr && x->origin != io::Origin::kDefault ? x : nullptr;
}

core::SourceLocation location(const io::ValueSet& v, const char* key) {
  const io::Value* x = v.get(key);
  return x ? x->location : core::SourceLocation{};
}

bool point_fed(plant::TechnologyClass c) {
  return c == plant::TechnologyClass::kPFPBLegacy || c == plant::TechnologyClass::kPFPBModern;
}

/// The set the case names (former spellings mapped with a deprecation warning), if any.
std::optional<plant::CoefficientSet> given_set(const io::ValueSet& v, core::Diagnostics& d) {
  if (!given(v, "pfc.coefficients")) return std::nullopt;
  const std::string name = v.text("pfc.coefficients");
  if (const auto former = plant::coefficient_set_from_former_name(name)) {
    d.warning(location(v, "pfc.coefficients"), "pfc.coefficients",
              fmt::format("'{}' is the former spelling of '{}' (deprecated): write the set name as "
                          "data/emissions/ipcc-aluminium.toml and every other command do",
                          name, plant::to_string(*former)));
    return former;
  }
  return plant::coefficient_set_from_name(name);
}

/// The class: pfc.technology of the case, else the class of the case's technology as smelter takes
/// it, else CWPB. `origin` says which.
plant::TechnologyClass resolve_class(const io::ValueSet& v, const cell::Technology* technology,
                                     std::string& origin) {
  if (given(v, "pfc.technology")) {
    origin = "pfc.technology of the case";
    return *plant::technology_class_from_name(v.text("pfc.technology"));
  }
  if (technology != nullptr) {
    if (const auto cls = plant::pfc_class_of(*technology)) {
      origin = fmt::format("technology {}: cell type {}{}", technology->id, technology->cell_type,
                           technology->first_industrial_year
                               ? fmt::format(", first industrial year {}", *technology->first_industrial_year)
                               : std::string());
      return *cls;
    }
    origin = fmt::format("technology {}: cell type {} names no IPCC class", technology->id, technology->cell_type);
  } else {
    origin = "the case names no technology";
  }
  return plant::TechnologyClass::kCWPB;
}

}  // namespace

void resolve_pfc(const io::ValueSet& v, const plant::EmissionData& table, const cell::Technology* technology,
                 SimulationCase& c, core::Diagnostics& d) {
  const std::optional<plant::CoefficientSet> named = given_set(v, d);
  std::string class_origin;
  plant::TechnologyClass cls = resolve_class(v, technology, class_origin);
  // The overvoltage method: IPCC2006, the set with overvoltage coefficients (as smelter's aeo).
  const bool overvoltage = c.pfc_method == PfcMethod::kOvervoltage;
  const plant::CoefficientSet set =
      named.value_or(overvoltage ? plant::CoefficientSet::kIpcc2006 : plant::default_coefficient_set(table, cls));
  if (!named && set == plant::CoefficientSet::kIpcc2006 && point_fed(cls)) {
    cls = plant::TechnologyClass::kCWPB;
    class_origin += "; the overvoltage method's IPCC2006 prices it by its CWPB row";
  } else if (set == plant::CoefficientSet::kIpcc2006 && point_fed(cls)) {
    // The 2006 set has no point-fed rows: its CWPB row is applied and reported as what it is (it
    // was labelled "IPCC2006/PFPB_modern" silently before T12-1).
    d.warning(location(v, "pfc.coefficients"), "pfc.coefficients",
              fmt::format("set 'IPCC2006' has no row for {} ({}): its CWPB row, which covers point-fed "
                          "prebake, is applied and reported as IPCC2006/CWPB; leave pfc.coefficients out "
                          "(or give \"IPCC2019\") for the class's own coefficients, as potline smelter",
                          plant::to_string(cls), class_origin));
    cls = plant::TechnologyClass::kCWPB;
    class_origin += "; IPCC2006 prices it by its CWPB row";
  }
  c.pfc_set = std::string(plant::to_string(set));
  c.pfc_technology = std::string(plant::to_string(cls));
  c.pfc_basis = fmt::format("class {} ({}); set {} ({})", c.pfc_technology, class_origin, c.pfc_set,
                            named         ? "pfc.coefficients of the case"
                            : overvoltage ? "the default of the overvoltage method, as potline smelter"
                                          : "the default: IPCC2019 where it has the class, as potline smelter");
  c.gwp_set = v.text("pfc.gwp");
  const auto k = pfc_coefficients(table, set, cls);
  if (!k) {
    std::string list;
    for (const auto& t : plant::technology_class_names()) {
      if (pfc_coefficients(table, set, *plant::technology_class_from_name(t))) list += (list.empty() ? "" : ", ") + t;
    }
    d.error(location(v, "pfc.technology"), "pfc.technology",
            fmt::format("'{}' ({}) has no coefficients in set '{}'; choose one of: {}", c.pfc_technology, class_origin,
                        c.pfc_set, list));
  } else if (c.pfc_method == PfcMethod::kOvervoltage && !k->overvoltage_cf4) {
    d.error(location(v, "pfc.method"), "pfc.method",
            fmt::format("set '{}' has no overvoltage coefficient for '{}'; use pfc.method = \"slope\" or "
                        "pfc.coefficients = \"IPCC2006\" with CWPB or SWPB",
                        c.pfc_set, c.pfc_technology));
  } else {
    c.pfc_coefficients = *k;
  }
  if (const auto g = gwp(table, *plant::gwp_set_from_name(c.gwp_set))) c.gwp = *g;
  else d.error(location(v, "pfc.gwp"), "pfc.gwp", "GWP set '" + c.gwp_set + "' is not in data/emissions/ipcc-aluminium.toml");
}

}  // namespace potline::line
