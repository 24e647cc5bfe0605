#pragma once
// Internal to the plant module: shared by smelter_case.cpp and smelter_groups.cpp.
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>

#include "potline/core/diagnostics.hpp"
#include "potline/io/values.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/smelter_schema.hpp"

namespace potline::plant::detail {

inline core::SourceLocation loc(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x == nullptr ? core::SourceLocation{} : x->location;
}

/// Reads the smelter fields that are not bound to one member: required ones report an error.
struct Reader {
  const io::ValueSet& v;
  core::Diagnostics& d;
  double need(const std::string& key, const std::string& why = {}) const {
    if (auto x = v.maybe_number(key)) return *x;
    const io::FieldSpec* f = smelter_schema().find(key);
    d.error({}, key, "required" + (why.empty() ? std::string() : " " + why) + ": give it in the case file or with --set" +
                         (f && !f->unit.empty() && f->unit != "1" ? " (in " + f->unit + ")" : std::string()));
    return 0.0;
  }
  std::optional<double> opt(const std::string& key) const { return v.maybe_number(key); }
  core::SourceLocation at(const std::string& key) const { return loc(v, key); }
  /// Of the keys of a rule between them, the one to report its conflict at (user trial T17-9): the
  /// last given with --set, else the first given in the case file, else the first.
  std::string given_of(std::initializer_list<const char*> keys) const {
    std::string best = *keys.begin();
    int best_rank = -1;
    for (const char* k : keys) {
      const io::Value* x = v.get(k);
      if (x == nullptr) continue;
      int rank = -1;
      if (x->origin == io::Origin::kCommandLine) {
        const auto hash = x->location.file.find('#');
        rank = 1 + (hash == std::string::npos ? 0 : std::atoi(x->location.file.c_str() + hash + 1));
      } else if (x->origin == io::Origin::kCaseFile && best_rank < 0) {
        rank = 0;
      }
      if (rank > best_rank) best = k, best_rank = rank;
    }
    return best;
  }
};

/// The emission inputs of one group (smelter_emission_inputs.cpp), in this order after the
/// default PFC method: the anodes (Søderberg paste or prebake and baking), the PFC inputs (AEM,
/// AEO, a simulation's anode effects) with the resolved coefficients (`ce`: the current
/// efficiency, NaN when unknown), and the CO2 factors of fuels and power.
void resolve_anodes(SmelterCase& c, const SmelterData& data, const Reader& r);
void resolve_pfc(SmelterCase& c, double ce, const SmelterData& data, const Reader& r);
void resolve_energy_emissions(SmelterCase& c, const SmelterData& data, const Reader& r);

/// A warning when the employees per kt/yr of capacity leave the typical band (smelter_plausibility.cpp;
/// user trial T12-8), with the 1000x hint; not when the capacity itself is outside its typical range.
void check_labour_intensity(const SmelterCase& c, core::Diagnostics& d);

/// One group of potlines (the case's [potline], or one [[potline]] table merged into the case).
std::optional<SmelterCase> build_single(const io::ValueSet& user, const SmelterData& data,
                                        core::Diagnostics& d);

/// The PFC method of a group whose case gives no emissions.pfc_method, as the fleet prices it: the
/// class of potline.technology (unless emissions.technology_class is given) and the AEM of that
/// class's entry in SmelterData::anode_effects (smelter_pfc_default.cpp). Sets c.pfc_basis.
void default_pfc_method(SmelterCase& c, const SmelterData& data);

/// Reports an unknown potline.technology (did-you-mean) as an error on `key`.
void report_unknown_names(const io::ValueSet& values, const SmelterData& data, core::Diagnostics& d,
                          const std::string& key = "potline.technology");

/// "potline[I].leaf" for the group at `index`, counted from 0 as in the TOML array (the same
/// convention as tariff[I] and uncertain[I] of fleet and sweep files).
inline std::string group_key(std::size_t index, const std::string& leaf) {
  return "potline[" + std::to_string(index) + "]." + leaf;
}

}  // namespace potline::plant::detail
