#include "potline/plant/emissions.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <tuple>
#include <utility>

#include "potline/core/text.hpp"
#include "potline/plant/pfc_note.hpp"

namespace potline::plant {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct ClassName {
  TechnologyClass c;
  std::string_view name;
};
constexpr ClassName kClassNames[] = {
    {TechnologyClass::kCWPB, "CWPB"},          {TechnologyClass::kSWPB, "SWPB"},
    {TechnologyClass::kVSS, "VSS"},            {TechnologyClass::kHSS, "HSS"},
    {TechnologyClass::kPFPBLegacy, "PFPB_legacy"}, {TechnologyClass::kPFPBModern, "PFPB_modern"}};

int set_index(CoefficientSet s) { return s == CoefficientSet::kIpcc2006 ? 0 : 1; }
int gwp_index(GwpSet s) { return static_cast<int>(s); }

}  // namespace

std::optional<TechnologyClass> technology_class_from_name(std::string_view name) {
  for (const auto& c : kClassNames) {
    if (c.name == name) return c.c;
  }
  return std::nullopt;
}
std::string_view to_string(TechnologyClass c) {
  for (const auto& n : kClassNames) {
    if (n.c == c) return n.name;
  }
  return "?";
}
std::vector<std::string> technology_class_names() {
  std::vector<std::string> out;
  for (const auto& c : kClassNames) out.emplace_back(c.name);
  return out;
}
bool is_soderberg(TechnologyClass c) noexcept {
  return c == TechnologyClass::kVSS || c == TechnologyClass::kHSS;
}

std::optional<CoefficientSet> coefficient_set_from_name(std::string_view name) {
  if (name == "IPCC2006") return CoefficientSet::kIpcc2006;
  if (name == "IPCC2019") return CoefficientSet::kIpcc2019;
  return std::nullopt;
}
std::optional<CoefficientSet> coefficient_set_from_former_name(std::string_view name) {
  if (name == "ipcc2006") return CoefficientSet::kIpcc2006;
  if (name == "ipcc2019") return CoefficientSet::kIpcc2019;
  return std::nullopt;
}
std::vector<std::string> coefficient_set_names() { return {"IPCC2006", "IPCC2019"}; }
std::string_view to_string(CoefficientSet s) {
  return s == CoefficientSet::kIpcc2006 ? "IPCC2006" : "IPCC2019";
}

std::optional<GwpSet> gwp_set_from_name(std::string_view name) {
  if (name == "AR4") return GwpSet::kAR4;
  if (name == "AR5") return GwpSet::kAR5;
  if (name == "AR6") return GwpSet::kAR6;
  if (name == "SAR") return GwpSet::kSAR;
  return std::nullopt;
}
std::string_view to_string(GwpSet s) {
  switch (s) {
    case GwpSet::kAR4: return "AR4";
    case GwpSet::kAR5: return "AR5";
    case GwpSet::kAR6: return "AR6";
    case GwpSet::kSAR: return "SAR";
  }
  return "?";
}
std::vector<std::string> gwp_set_names() { return {"AR4", "AR5", "AR6", "SAR"}; }

std::string_view to_string(Co2Method m) { return m == Co2Method::kTier1 ? "tier1" : "tier2"; }
std::string_view to_string(PfcMethod m) {
  switch (m) {
    case PfcMethod::kTier1: return "tier1";
    case PfcMethod::kSlope: return "slope";
    case PfcMethod::kOvervoltage: return "overvoltage";
  }
  return "?";
}

std::optional<PowerSource> power_source_from_name(std::string_view name) {
  if (name == "captive_coal") return PowerSource::kCaptiveCoal;
  if (name == "captive_gas") return PowerSource::kCaptiveGas;
  if (name == "hydro") return PowerSource::kHydro;
  if (name == "grid") return PowerSource::kGrid;
  if (name == "ppa") return PowerSource::kPpa;
  return std::nullopt;
}
std::string_view to_string(PowerSource s) {
  switch (s) {
    case PowerSource::kCaptiveCoal: return "captive_coal";
    case PowerSource::kCaptiveGas: return "captive_gas";
    case PowerSource::kHydro: return "hydro";
    case PowerSource::kGrid: return "grid";
    case PowerSource::kPpa: return "ppa";
  }
  return "?";
}
bool is_captive(PowerSource s) noexcept {
  return s == PowerSource::kCaptiveCoal || s == PowerSource::kCaptiveGas;
}

std::optional<Fuel> fuel_from_name(std::string_view name) {
  if (name == "natural_gas") return Fuel::kNaturalGas;
  if (name == "fuel_oil") return Fuel::kFuelOil;
  return std::nullopt;
}
std::string_view to_string(Fuel f) { return f == Fuel::kNaturalGas ? "natural_gas" : "fuel_oil"; }
std::vector<std::string> fuel_names() { return {"natural_gas", "fuel_oil"}; }

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

std::optional<toml::table> parse_file(const std::string& path, core::Diagnostics& d) {
  // toml++ reports a missing file as a parse error: "TOML syntax error in data file: File could not
  // be opened for reading" for `potline --data-dir EMPTY smelter ...`.
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    d.error({path, 0, 0}, "", "cannot read data file: no such file (the data folder is --data-dir, $POTLINE_DATA_DIR or the "
                              "source tree's data/)");
    return std::nullopt;
  }
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    d.error({path, static_cast<int>(b.line), static_cast<int>(b.column)}, "",
            "TOML syntax error in data file: " + std::string(e.description()));
  } catch (const std::exception& e) {
    d.error({path, 0, 0}, "", std::string("cannot read data file: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace

namespace {

void read_co2_tier1(const toml::table& doc, const std::string& path, EmissionData& data, core::Diagnostics& d) {
  const auto* t1 = doc["co2_tier1"].as_table();
  if (t1 == nullptr) {
    d.error({path, 0, 0}, "co2_tier1", "missing table [co2_tier1]");
    return;
  }
  data.tier1_co2_prebake_kg_per_kg = need_number(*t1, "prebake", path, d);
  data.tier1_co2_soderberg_kg_per_kg = need_number(*t1, "soderberg", path, d);
  data.tier1_co2_source = text(*t1, "source");
}

void read_tier2(const toml::table& doc, const std::string& path, EmissionData& data, core::Diagnostics& d) {
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
    d.error(where(node, path), "pfc", "unknown set or class '" + text(*row, "set") + "/" + text(*row, "class") +
                                          "' (sets: IPCC2006, IPCC2019)");
    return std::nullopt;
  }
  PfcCoefficients p;
  p.slope_cf4 = need_number(*row, "slope_cf4", path, d);
  p.c2f6_per_cf4 = need_number(*row, "c2f6_per_cf4", path, d);
  p.overvoltage_cf4 = maybe_number(*row, "overvoltage_cf4");
  p.tier1_cf4_kg_per_t = maybe_number(*row, "tier1_cf4");
  p.tier1_c2f6_kg_per_t = maybe_number(*row, "tier1_c2f6");
  p.source = text(*row, "source");
  if (const auto v = (*row)["verified"].value<bool>()) p.verified = *v;
  p.note = text(*row, "note");
  return std::tuple{*set, *cls, p};
}

/// One [[gwp]] row; nothing (with an error) for an unknown set name.
std::optional<std::pair<GwpSet, GwpValues>> read_gwp_row(const toml::node& node, const std::string& path,
                                                          core::Diagnostics& d) {
  const auto* row = node.as_table();
  if (row == nullptr) return std::nullopt;
  const auto set = gwp_set_from_name(text(*row, "set"));
  if (!set) {
    d.error(where(node, path), "gwp", "unknown GWP set '" + text(*row, "set") + "'");
    return std::nullopt;
  }
  return std::pair{*set, GwpValues{need_number(*row, "cf4", path, d), need_number(*row, "c2f6", path, d),
                                   text(*row, "source")}};
}

void read_power_plants(const std::string& path, EmissionData& data, core::Diagnostics& d) {
  const auto doc = parse_file(path, d);
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
  const auto doc = parse_file(path, d);
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
  if (auto doc = parse_file(ipcc_path, d)) {
    read_co2_tier1(*doc, ipcc_path, data, d);
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
        if (auto row = read_gwp_row(node, ipcc_path, d)) data.gwp_[gwp_index(row->first)] = row->second;
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

const GwpValues* EmissionData::gwp(GwpSet set) const {
  const auto& g = gwp_[gwp_index(set)];
  return g ? &*g : nullptr;
}

std::optional<ResolvedCoefficients> resolve_coefficients(const EmissionData& data, CoefficientSet set,
                                                         TechnologyClass c, GwpSet gwp, Co2Method co2,
                                                         PfcMethod pfc, const core::SourceLocation& at,
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
                  std::string(to_string(c)) + "; use the slope method (give the AEM) or the IPCC2006 set");
      ok = false;
    }
  }
  const GwpValues* g = data.gwp(gwp);
  if (g == nullptr) {
    d.error(at, "emissions.gwp", "GWP set '" + std::string(to_string(gwp)) + "' is not in the data file");
    ok = false;
  } else {
    k.gwp_cf4 = g->cf4;
    k.gwp_c2f6 = g->c2f6;
  }
  k.tier1_co2_kg_per_kg = is_soderberg(c) ? data.tier1_co2_soderberg_kg_per_kg
                                          : data.tier1_co2_prebake_kg_per_kg;
  (void)co2;
  if (!ok) return std::nullopt;
  return k;
}

// ---------------------------------------------------------------- formulas

double prebake_anode_co2(double nac, double sulfur_pct, double ash_pct) noexcept {
  return nac * (100.0 - sulfur_pct - ash_pct) / 100.0 * kCO2PerC;
}

double soderberg_paste_co2(const EmissionInputs& in) noexcept {
  const double pc = in.paste_kg_per_kg;
  const double bc = in.binder_pct / 100.0;
  const double carbon = pc - in.csm_kg_per_t / 1000.0 -
                        bc * pc * (in.pitch_sulfur_pct + in.pitch_ash_pct + in.pitch_hydrogen_pct) / 100.0 -
                        (1.0 - bc) * pc * (in.coke_sulfur_pct + in.coke_ash_pct) / 100.0 -
                        in.skimmed_dust_carbon_kg_per_kg;
  return carbon * kCO2PerC;
}

double pitch_volatiles_co2(double green, double hydrogen, double baked, double waste_tar) noexcept {
  return (green - hydrogen - baked - waste_tar) * kCO2PerC;
}

double packing_coke_co2(double pcc, double baked, double sulfur_pct, double ash_pct) noexcept {
  return pcc * baked * (100.0 - sulfur_pct - ash_pct) / 100.0 * kCO2PerC;
}

double slope_cf4_kg_per_t(double slope, double aem) noexcept { return slope * aem; }

double overvoltage_cf4_kg_per_t(double ovc, double aeo_mV, double ce_pct) noexcept {
  return ovc * aeo_mV / ce_pct;
}

double anode_effect_minutes(double frequency, double duration_min) noexcept {
  return frequency * duration_min;
}

double fuel_combustion_co2(double fuel_J_per_kg_product, double product_kg_per_kg, double co2_kg_per_J) noexcept {
  return fuel_J_per_kg_product * product_kg_per_kg * co2_kg_per_J;
}

double thermal_plant_co2_kg_per_J(double fuel_co2_kg_per_J, double efficiency) noexcept {
  return fuel_co2_kg_per_J / efficiency;
}

EmissionResult evaluate_emissions(const EmissionInputs& in, const ResolvedCoefficients& k) noexcept {
  EmissionResult r;
  if (in.inert_anode) {
    // No anode carbon: nothing to burn, bake or turn into PFC (docs/model/inert-anode.md).
  } else if (in.co2_method == Co2Method::kTier1) {
    r.anode_co2 = k.tier1_co2_kg_per_kg;  // includes baking (IPCC Tier 1)
  } else if (is_soderberg(in.technology)) {
    r.anode_co2 = soderberg_paste_co2(in);
  } else {
    r.anode_co2 = prebake_anode_co2(in.net_anode_kg_per_kg, in.anode_sulfur_pct, in.anode_ash_pct);
    if (in.anode_baking) {
      const double ga = in.green_anode_kg_per_kg;
      r.baking_co2 = pitch_volatiles_co2(ga, in.hydrogen_share_of_green * ga, in.baked_anode_kg_per_kg,
                                         in.waste_tar_share_of_green * ga) +
                     packing_coke_co2(in.packing_coke_kg_per_kg_baked, in.baked_anode_kg_per_kg,
                                      in.packing_coke_sulfur_pct, in.packing_coke_ash_pct);
    }
  }
  double cf4_kg_per_t = 0.0;
  double c2f6_kg_per_t = 0.0;
  switch (in.inert_anode ? PfcMethod::kTier1 : in.pfc_method) {
    case PfcMethod::kTier1:
      if (in.inert_anode) break;
      cf4_kg_per_t = k.pfc.tier1_cf4_kg_per_t;
      c2f6_kg_per_t = k.pfc.tier1_c2f6_kg_per_t;
      break;
    case PfcMethod::kSlope:
      cf4_kg_per_t = slope_cf4_kg_per_t(k.pfc.slope_cf4, in.aem_min_per_cell_day);
      c2f6_kg_per_t = cf4_kg_per_t * k.pfc.c2f6_per_cf4;
      break;
    case PfcMethod::kOvervoltage:
      cf4_kg_per_t = overvoltage_cf4_kg_per_t(k.pfc.overvoltage_cf4, in.aeo_mV, in.current_efficiency_pct);
      c2f6_kg_per_t = cf4_kg_per_t * k.pfc.c2f6_per_cf4;
      break;
  }
  r.cf4_kg_per_kg = cf4_kg_per_t / 1000.0;
  r.c2f6_kg_per_kg = c2f6_kg_per_t / 1000.0;
  r.pfc_co2e = r.cf4_kg_per_kg * k.gwp_cf4 + r.c2f6_kg_per_kg * k.gwp_c2f6;
  // Baking-furnace fuel exists only with an anode plant on site (prebake; Søderberg paste bakes in the cell).
  if (in.anode_baking && !is_soderberg(in.technology) && !in.inert_anode) {
    r.baking_fuel_co2 =
        fuel_combustion_co2(in.baking_fuel_J_per_kg_anode, in.baked_anode_kg_per_kg, in.baking_fuel_co2_kg_per_J);
  }
  r.casthouse_fuel_co2 = fuel_combustion_co2(in.casthouse_fuel_J_per_kg, 1.0, in.casthouse_fuel_co2_kg_per_J);
  r.power_co2 = in.electricity_J_per_kg * in.power_co2_kg_per_J;
  r.process = r.anode_co2 + r.baking_co2 + r.pfc_co2e;
  r.ccs_captured = std::clamp(in.ccs_captured_kg_per_kg, 0.0, r.anode_co2);
  r.ccs_fuel_co2 = in.ccs_fuel_co2_kg_per_kg;
  r.direct = r.process + r.baking_fuel_co2 + r.casthouse_fuel_co2 + r.ccs_fuel_co2 - r.ccs_captured;
  r.scope1 = r.direct + (in.power_captive ? r.power_co2 : 0.0);
  r.scope2 = in.power_captive ? 0.0 : r.power_co2;
  r.total = r.scope1 + r.scope2;
  return r;
}

}  // namespace potline::plant

namespace potline::plant {

std::optional<std::string> unverified_pfc_note(const EmissionData& data, CoefficientSet set,
                                               TechnologyClass c) {
  const PfcCoefficients* p = data.pfc(set, c);
  if (p == nullptr || p->verified) return std::nullopt;
  // Said at the output, not only in the data file: the user decides whether to rely on them.
  return "emissions.coefficient_set: the " + std::string(to_string(set)) +
         " PFC coefficients for " + std::string(to_string(c)) +
         " are transcribed from a secondary source and not verified against the primary text (" +
         p->note + ")";
}

}  // namespace potline::plant
