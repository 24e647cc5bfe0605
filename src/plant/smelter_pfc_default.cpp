// The PFC of a group of potlines whose case does not choose a PFC method (user trial 8, T8-4): as
// the fleet prices the same plant (fleet/fleet_smelters.cpp, pfc_inputs), the IPCC class of the
// technology (plant::pfc_class_of) and the anode-effect minutes of that class's entry in the
// anode-effect table (data/fleet-anode-effects.toml, the entry outside China: class_entry), by the
// slope method with the table's coefficient set. IPCC 2006 Tier 1 only when the table has no entry
// for the class, with a note. docs/model/emissions.md, "Default PFC".
#include <fmt/format.h>

#include <filesystem>
#include <string_view>

#include "potline/core/units.hpp"
#include "potline/plant/anode_effects.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant::detail {
namespace {

bool given(const io::ValueSet& v, const char* key) {
  const io::Value* x = v.get(key);
  return x != nullptr && x->origin != io::Origin::kDefault;
}

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

/// emissions.technology_class when the case gives it, else the class of potline.technology (as the
/// fleet writes it for each smelter); the schema's CWPB without either. Returns where it came from.
std::string resolve_class(SmelterCase& c, const SmelterData& data) {
  EmissionInputs& e = c.inputs.emissions;
  if (given(c.values, "emissions.technology_class"))
    return "emissions.technology_class of the case";
  const std::string id = c.values.text("potline.technology");
  const cell::Technology* tech = id.empty() ? nullptr : data.technologies.find(id);
  const auto cls = tech != nullptr ? pfc_class_of(*tech) : std::nullopt;
  if (!cls) {
    return tech == nullptr
               ? std::string("the default class (no potline.technology)")
               : fmt::format("the default class (technology {}: cell type {} names no IPCC class)",
                             tech->id, tech->cell_type);
  }
  e.technology = *cls;
  return fmt::format("technology {}: cell type {}{}", tech->id, tech->cell_type,
                     tech->first_industrial_year
                         ? fmt::format(", first industrial year {}", *tech->first_industrial_year)
                         : std::string());
}

void tier1_default(SmelterCase& c, const std::string& cls, const std::string& why) {
  c.inputs.emissions.pfc_method = PfcMethod::kTier1;
  c.pfc_basis = fmt::format("IPCC 2006 Tier 1 default for {} ({})", cls, why);
  c.notes.push_back(fmt::format(
      "PFC from the IPCC 2006 Tier 1 factors for {} ({}): intended for lack of data, about 3.1 t "
      "CO2e/t for prebake "
      "cells, while the IAI's 2016 world average was 0.38 ([EGA PFC 2017]); give emissions.aem",
      cls, why));
}

/// The coefficient set of a slope method defaulted from the case's statistics: the case's when it
/// gives one, else the table's when that set has coefficients for the class (IPCC2019 has no CWPB),
/// else the case's default.
CoefficientSet slope_set(const SmelterCase& c, const AnodeEffectTable& table,
                         const EmissionData& data) {
  if (given(c.values, "emissions.coefficient_set")) return c.coefficient_set;
  return default_coefficient_set(data, c.inputs.emissions.technology,
                                 coefficient_set_from_name(table.coefficient_set), c.coefficient_set);
}

/// The case's own anode-effect statistics without a method: the slope method (aem, AE frequency x
/// duration, a simulation's summary) or the overvoltage method (aeo). False when the case gives
/// none.
bool method_from_statistics(SmelterCase& c, const AnodeEffectTable& table,
                            const EmissionData& data) {
  EmissionInputs& e = c.inputs.emissions;
  const io::ValueSet& v = c.values;
  if (given(v, "emissions.aeo")) {
    e.pfc_method = PfcMethod::kOvervoltage;
    c.pfc_basis =
        "overvoltage method with the case's emissions.aeo (emissions.pfc_method not given)";
    return true;
  }
  for (const char* k : {"emissions.aem", "emissions.ae_frequency", "emissions.ae_duration",
                        "emissions.from_simulation"}) {
    if (!given(v, k)) continue;
    e.pfc_method = PfcMethod::kSlope;
    c.coefficient_set = slope_set(c, table, data);
    c.pfc_basis =
        fmt::format("slope method with the case's {} (emissions.pfc_method not given)", k);
    return true;
  }
  return false;
}

}  // namespace

void default_pfc_method(SmelterCase& c, const SmelterData& data) {
  EmissionInputs& e = c.inputs.emissions;
  const std::string class_origin = resolve_class(c, data);
  const std::string cls(to_string(e.technology));
  if (c.inputs.inert_anode) {
    c.pfc_basis = "inert anodes: no PFC";
    return;
  }
  if (given(c.values, "emissions.pfc_method")) {
    const std::string m = c.values.text("emissions.pfc_method");
    e.pfc_method = m == "slope"         ? PfcMethod::kSlope
                   : m == "overvoltage" ? PfcMethod::kOvervoltage
                                        : PfcMethod::kTier1;
    std::string stats;
    for (const char* k : {"emissions.aem", "emissions.ae_frequency", "emissions.ae_duration",
                          "emissions.aeo", "emissions.from_simulation"}) {
      // Only the statistics the method uses (the slope method does not use emissions.aeo, nor the
      // overvoltage method the AEM; resolve_pfc warns of those, T11-13); tier1 uses none (the note below).
      const bool aeo = std::string_view(k) == "emissions.aeo";
      const bool unused = (e.pfc_method == PfcMethod::kSlope && aeo) ||
                          (e.pfc_method == PfcMethod::kOvervoltage && !aeo && std::string_view(k) != "emissions.from_simulation");
      if (given(c.values, k) && !unused) stats += std::string(stats.empty() ? "; the case's " : ", ") + k;
    }
    c.pfc_basis = fmt::format("emissions.pfc_method = \"{}\" of the case (class {}: {}{})",
                              to_string(e.pfc_method), cls, class_origin, stats);
    // Tier 1 is a factor per tonne: anode-effect statistics given beside it are not used, and
    // saying nothing left a user's AEM silently ignored (T8-4 follow-up).
    if (e.pfc_method == PfcMethod::kTier1 && !stats.empty())
      c.notes.push_back(fmt::format(
          "emissions.pfc_method = \"tier1\" uses the IPCC default factor of class {}: "
          "{} not used (give pfc_method = \"slope\" or \"overvoltage\", or leave it out)",
          cls, stats.substr(std::string("; the case's ").size())));
    return;
  }
  const AnodeEffectTable& table = data.anode_effects;
  if (method_from_statistics(c, table, data.emissions)) return;
  std::string why;
  const auto def = class_pfc_default(table, e.technology, data.emissions,
                                     given(c.values, "emissions.coefficient_set")
                                         ? std::optional(c.coefficient_set)
                                         : std::nullopt,
                                     c.coefficient_set, why);
  if (!def) return tier1_default(c, cls, why);
  c.coefficient_set = def->set;
  e.pfc_method = PfcMethod::kSlope;
  // In the schema's internal unit of emissions.aem, as a default (the case did not give it).
  io::Value aem;
  aem.number = core::convert(def->aem_min_per_day, "min/d",
                             smelter_schema().find("emissions.aem")->internal_unit)
                   .value;
  aem.origin = io::Origin::kDefault;
  c.values.set("emissions.aem", aem);
  const AnodeEffectRule* rule = def->rule;
  c.pfc_basis = fmt::format("technology class {} ({}): {}; the fleet's class entry, {}:{}", cls,
                            class_origin, def->standard, file_name(table.path), rule->where.line);
  c.pfc_basis_source = rule->source;
}

}  // namespace potline::plant::detail
