// The emission data files (data/emissions/ipcc-aluminium.toml, power.toml, fuels.toml) and the
// coefficients a case resolves from them (see emissions.hpp).
#include <toml++/toml.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <tuple>
#include <utility>

#include "potline/io/toml_values.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::plant {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int set_index(CoefficientSet s) {
  return s == CoefficientSet::kIpcc2006 ? 0 : 1;
}
int gwp_index(GwpSet s) {
  return static_cast<int>(s);
}

}  // namespace

// ---------------------------------------------------------------- data loading

namespace {

core::SourceLocation where(const toml::node& node, const std::string& file) {
  const auto& b = node.source().begin;
  return {file, static_cast<int>(b.line), static_cast<int>(b.column)};
}

double need_number(const toml::table& t, std::string_view key, const std::string& file,
                   core::Diagnostics& d) {
  if (const auto* n = t.get(key)) {
    if (auto v = n->value<double>()) return *v;
    d.error(where(*n, file), std::string(key), "expected a number");
    return kNaN;
  }
  d.error(where(t, file), std::string(key), "missing in data file");
  return kNaN;
}

double maybe_number(const toml::table& t, std::string_view key) {
  if (const auto* n = t.get(key)) {
    if (auto v = n->value<double>()) return *v;
  }
  return kNaN;
}

std::string text(const toml::table& t, std::string_view key) {
  if (const auto* n = t.get(key)) {
    if (auto v = n->value<std::string>()) return *v;
  }
  return {};
}

}  // namespace

namespace {

void read_co2_tier1(const toml::table& doc, const std::string& path, EmissionData& data,
                    core::Diagnostics& d) {
  const auto* t1 = doc["co2_tier1"].as_table();
  if (t1 == nullptr) {
    d.error({path, 0, 0}, "co2_tier1", "missing table [co2_tier1]");
    return;
  }
  data.tier1_co2_prebake_kg_per_kg = need_number(*t1, "prebake", path, d);
  data.tier1_co2_soderberg_kg_per_kg = need_number(*t1, "soderberg", path, d);
  data.tier1_co2_source = text(*t1, "source");
}

void read_default_set(const toml::table& doc, const std::string& path, EmissionData& data,
                      core::Diagnostics& d) {
  const std::string name = text(doc, "default_set");
  const auto set = coefficient_set_from_name(name);
  if (!set) {
    d.error({path, 0, 0}, "default_set", "default_set '" + name + "': IPCC2006 or IPCC2019");
    return;
  }
  data.default_set = *set;
}

void read_tier2(const toml::table& doc, const std::string& path, EmissionData& data,
                core::Diagnostics& d) {
  const auto* t2 = doc["tier2_defaults"].as_table();
  if (t2 == nullptr) {
    d.error({path, 0, 0}, "tier2_defaults", "missing table [tier2_defaults]");
    return;
  }
  Tier2Defaults& k = data.tier2;
  k.anode_sulfur_pct = need_number(*t2, "anode_sulfur_pct", path, d);
  k.anode_ash_pct = need_number(*t2, "anode_ash_pct", path, d);
  k.pitch_hydrogen_share_of_green = need_number(*t2, "pitch_hydrogen_share_of_green", path, d);
  k.waste_tar_share_riedhammer = need_number(*t2, "waste_tar_share_riedhammer", path, d);
  k.packing_coke_t_per_t_baked = need_number(*t2, "packing_coke_t_per_t_baked", path, d);
  k.csm_hss_kg_per_t = need_number(*t2, "csm_hss_kg_per_t", path, d);
  k.csm_vss_kg_per_t = need_number(*t2, "csm_vss_kg_per_t", path, d);
  k.binder_dry_pct = need_number(*t2, "binder_dry_pct", path, d);
  k.binder_wet_pct = need_number(*t2, "binder_wet_pct", path, d);
  k.pitch_sulfur_pct = need_number(*t2, "pitch_sulfur_pct", path, d);
  k.pitch_ash_pct = need_number(*t2, "pitch_ash_pct", path, d);
  k.pitch_hydrogen_pct = need_number(*t2, "pitch_hydrogen_pct", path, d);
  k.coke_sulfur_pct = need_number(*t2, "coke_sulfur_pct", path, d);
  k.coke_ash_pct = need_number(*t2, "coke_ash_pct", path, d);
  k.skimmed_dust_carbon_t_per_t = need_number(*t2, "skimmed_dust_carbon_t_per_t", path, d);
  data.tier2_source = text(*t2, "source");
  if (const auto* est = doc["tier2_defaults_estimated"].as_table()) {
    k.packing_coke_sulfur_pct = need_number(*est, "packing_coke_sulfur_pct", path, d);
    k.packing_coke_ash_pct = need_number(*est, "packing_coke_ash_pct", path, d);
  }
}

/// One [[pfc]] row: its set, class and coefficients; nothing (with an error) for an unknown name.
std::optional<std::tuple<CoefficientSet, TechnologyClass, PfcCoefficients>> read_pfc_row(
    const toml::node& node, const std::string& path, core::Diagnostics& d) {
  const auto* row = node.as_table();
  if (row == nullptr) return std::nullopt;
  const auto set = coefficient_set_from_name(text(*row, "set"));
  const auto cls = technology_class_from_name(text(*row, "class"));
  if (!set || !cls) {
    d.error(where(node, path), "pfc",
            "unknown set or class '" + text(*row, "set") + "/" + text(*row, "class") +
                "' (sets: IPCC2006, IPCC2019)");
    return std::nullopt;
  }
  PfcCoefficients p;
  p.slope_cf4 = need_number(*row, "slope_cf4", path, d);
  p.c2f6_per_cf4 = need_number(*row, "c2f6_per_cf4", path, d);
  p.overvoltage_cf4 = maybe_number(*row, "overvoltage_cf4");
  p.tier1_cf4_kg_per_t = maybe_number(*row, "tier1_cf4");
  p.tier1_c2f6_kg_per_t = maybe_number(*row, "tier1_c2f6");
  p.lvae_cf4_kg_per_t = maybe_number(*row, "lvae_cf4");
  p.source = text(*row, "source");
  if (const auto v = (*row)["verified"].value<bool>()) p.verified = *v;
  p.note = text(*row, "note");
  return std::tuple{*set, *cls, p};
}

/// One [[gwp]] row; nothing (with an error) for an unknown set name.
std::optional<std::pair<GwpSet, GwpValues>> read_gwp_row(const toml::node& node,
                                                         const std::string& path,
                                                         core::Diagnostics& d) {
  const auto* row = node.as_table();
  if (row == nullptr) return std::nullopt;
  const auto set = gwp_set_from_name(text(*row, "set"));
  if (!set) {
    d.error(where(node, path), "gwp", "unknown GWP set '" + text(*row, "set") + "'");
    return std::nullopt;
  }
  return std::pair{*set, GwpValues{need_number(*row, "cf4", path, d),
                                   need_number(*row, "c2f6", path, d), text(*row, "source")}};
}

void read_power_plants(const std::string& path, EmissionData& data, core::Diagnostics& d) {
  const auto doc = io::parse_toml_data_file(path, d);
  if (!doc) return;
  auto plant = [&](const char* name, PowerPlantDefaults& out) {
    const auto* t = (*doc)[name].as_table();
    if (t == nullptr) {
      d.error({path, 0, 0}, name, std::string("missing table [") + name + "]");
      return;
    }
    // t CO2/TJ = 1e3 kg / 1e12 J.
    out.fuel_co2_kg_per_J = need_number(*t, "fuel_co2_t_per_TJ", path, d) * 1e-9;
    out.efficiency = need_number(*t, "efficiency", path, d);
    out.fuel_source = text(*t, "fuel_source");
    out.efficiency_source = text(*t, "efficiency_basis");
  };
  plant("coal", data.coal);
  plant("gas", data.gas);
}

void read_fuels(const std::string& path, EmissionData& data, core::Diagnostics& d) {
  const auto doc = io::parse_toml_data_file(path, d);
  if (!doc) return;
  auto fuel = [&](Fuel f, FuelDefaults& out) {
    const std::string name(to_string(f));
    const auto* t = (*doc)[name].as_table();
    if (t == nullptr) {
      d.error({path, 0, 0}, name, "missing table [" + name + "]");
      return;
    }
    out.co2_kg_per_J = need_number(*t, "co2_t_per_TJ", path, d) * 1e-9;  // t/TJ -> kg/J
    out.source = text(*t, "source");
  };
  fuel(Fuel::kNaturalGas, data.natural_gas);
  fuel(Fuel::kFuelOil, data.fuel_oil);
}

}  // namespace

EmissionData EmissionData::load(const std::string& data_dir, core::Diagnostics& d) {
  EmissionData data;
  const std::string ipcc_path = data_dir + "/emissions/ipcc-aluminium.toml";
  if (auto doc = io::parse_toml_data_file(ipcc_path, d)) {
    read_co2_tier1(*doc, ipcc_path, data, d);
    read_default_set(*doc, ipcc_path, data, d);
    read_tier2(*doc, ipcc_path, data, d);
    if (const auto* rows = (*doc)["pfc"].as_array()) {
      for (const auto& node : *rows) {
        if (auto row = read_pfc_row(node, ipcc_path, d)) {
          const auto& [set, cls, p] = *row;
          data.pfc_[set_index(set)][static_cast<int>(cls)] = p;
        }
      }
    }
    if (const auto* rows = (*doc)["gwp"].as_array()) {
      for (const auto& node : *rows) {
        if (auto row = read_gwp_row(node, ipcc_path, d))
          data.gwp_[gwp_index(row->first)] = row->second;
      }
    }
  }
  read_power_plants(data_dir + "/emissions/power.toml", data, d);
  read_fuels(data_dir + "/emissions/fuels.toml", data, d);
  return data;
}

const PfcCoefficients* EmissionData::pfc(CoefficientSet set, TechnologyClass c) const {
  // IPCC 2006 has no point-fed classes: its CWPB row covers them.
  if (set == CoefficientSet::kIpcc2006 &&
      (c == TechnologyClass::kPFPBLegacy || c == TechnologyClass::kPFPBModern)) {
    c = TechnologyClass::kCWPB;
  }
  const auto& p = pfc_[set_index(set)][static_cast<int>(c)];
  return p ? &*p : nullptr;
}

bool has_own_pfc_row(const EmissionData& data, CoefficientSet set, TechnologyClass cls) {
  const bool point_fed = cls == TechnologyClass::kPFPBLegacy || cls == TechnologyClass::kPFPBModern;
  if (set == CoefficientSet::kIpcc2006 && point_fed) return false;
  return data.pfc(set, cls) != nullptr;
}

CoefficientSet default_coefficient_set(const EmissionData& data, TechnologyClass cls,
                                       std::optional<CoefficientSet> preferred,
                                       CoefficientSet fallback) {
  const CoefficientSet set = preferred.value_or(data.default_set);
  return has_own_pfc_row(data, set, cls) ? set : fallback;
}

const GwpValues* EmissionData::gwp(GwpSet set) const {
  const auto& g = gwp_[gwp_index(set)];
  return g ? &*g : nullptr;
}

std::optional<ResolvedCoefficients> resolve_coefficients(const EmissionData& data,
                                                         CoefficientSet set, TechnologyClass c,
                                                         GwpSet gwp, Co2Method co2, PfcMethod pfc,
                                                         const core::SourceLocation& at,
                                                         core::Diagnostics& d) {
  ResolvedCoefficients k;
  bool ok = true;
  const PfcCoefficients* p = data.pfc(set, c);
  if (p == nullptr) {
    std::string have;
    for (const auto& name : technology_class_names()) {
      const auto cls = technology_class_from_name(name);
      if (data.pfc(set, *cls) != nullptr) have += (have.empty() ? "" : ", ") + name;
    }
    d.error(at, "emissions.technology_class",
            "technology class '" + std::string(to_string(c)) + "' has no PFC coefficients in the " +
                std::string(to_string(set)) + " set (it has: " + have + ")");
    ok = false;
  } else {
    k.pfc = *p;
    k.pfc.source.clear();
    k.pfc.note.clear();
    // Unverified rows are said at the output as a note (unverified_pfc_note, pfc_note.hpp): a
    // caveat of the program's data, not a doubt about the input (user trial 7, T7-12).
    if (pfc == PfcMethod::kOvervoltage && std::isnan(p->overvoltage_cf4)) {
      d.error(at, "emissions.pfc_method",
              "the " + std::string(to_string(set)) + " set has no overvoltage coefficient for " +
                  std::string(to_string(c)) + "; use the slope method (give the AEM) or Tier 1");
      ok = false;
    }
    if (pfc == PfcMethod::kTier1 && std::isnan(p->tier1_cf4_kg_per_t)) {
      d.error(at, "emissions.pfc_method",
              "the " + std::string(to_string(set)) + " set has no Tier 1 PFC factors for " +
                  std::string(to_string(c)) +
                  "; use the slope method (give the AEM) or the IPCC2006 set");
      ok = false;
    }
  }
  const GwpValues* g = data.gwp(gwp);
  if (g == nullptr) {
    d.error(at, "emissions.gwp",
            "GWP set '" + std::string(to_string(gwp)) + "' is not in the data file");
    ok = false;
  } else {
    k.gwp_cf4 = g->cf4;
    k.gwp_c2f6 = g->c2f6;
  }
  k.tier1_co2_kg_per_kg =
      is_soderberg(c) ? data.tier1_co2_soderberg_kg_per_kg : data.tier1_co2_prebake_kg_per_kg;
  (void)co2;
  if (!ok) return std::nullopt;
  return k;
}

}  // namespace potline::plant
