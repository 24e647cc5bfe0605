// potline emissions as a library function (see flag_commands.hpp): anode CO2 (Tier 1, or Tier 2 when
// --nac is given), PFCs (the slope method when the AEM is given, with the set of
// plant::default_coefficient_set unless --coefficients names one, as `potline smelter`; --aeo with --ce the overvoltage
// method; without either, as `potline smelter`, the slope method with the AEM of the class's entry in
// the fleet's anode-effect table, Tier 1 without one or with --pfc-method tier1), plus the
// low-voltage CF4 (plant::low_voltage_pfc).
#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "potline/api/flag_commands.hpp"
#include "potline/plant/anode_effects.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/plant/pfc_note.hpp"

namespace potline::api {
namespace {

struct EmissionsOptions {
  double production_t = 1.0;
  std::string technology_class = "CWPB";
  std::optional<double> aem, frequency, duration, aeo, ce_pct, nac, sulfur, ash;
  std::optional<double> low_voltage_cf4_kg_per_kg;  ///< --low-voltage-cf4, kg/kg
  std::string pfc_method;                           ///< --pfc-method, empty when not given
  std::string coefficients = "IPCC2006";
  bool coefficients_given = false;
  std::string gwp = "AR5";
};

// The options through their schema (options.cpp), then the rules that tie options together.
EmissionsOptions read_options(const OptionTexts& given, core::Diagnostics& d) {
  const io::ValueSet v = read_schema_options(emissions_options_schema(), given, d);
  EmissionsOptions o;
  o.production_t = v.number("emissions.production-t");
  o.technology_class = v.text("emissions.technology-class");
  o.aem = v.maybe_number("emissions.aem");
  o.frequency = v.maybe_number("emissions.ae-frequency");
  o.duration = v.maybe_number("emissions.ae-duration-min");
  o.aeo = v.maybe_number("emissions.aeo");
  o.ce_pct = v.maybe_number("emissions.ce");
  o.nac = v.maybe_number("emissions.nac");
  o.sulfur = v.maybe_number("emissions.sulfur");
  o.ash = v.maybe_number("emissions.ash");
  o.low_voltage_cf4_kg_per_kg = v.maybe_number("emissions.low-voltage-cf4");
  o.pfc_method = v.text("emissions.pfc-method");
  o.coefficients = v.text("emissions.coefficients", "IPCC2006");
  o.gwp = v.text("emissions.gwp");
  // The rules between options look at what was given, not at what was accepted: `--aeo 1 --ce 0.95`
  // (a fraction for 95 %) got "the overvoltage method needs --ce" after the range error of --ce.
  const auto has = [&](const char* key) { return given.count(std::string("emissions.") + key) > 0; };
  if (has("aem") && (has("ae-frequency") || has("ae-duration-min"))) {
    d.error({"--aem", 0, 0}, "--aem", "give --aem or --ae-frequency with --ae-duration-min, not both");
  }
  if (has("ae-frequency") != has("ae-duration-min")) {
    d.error({"--ae-frequency", 0, 0}, "--ae-frequency", "--ae-frequency and --ae-duration-min go together");
  }
  if (has("aeo") && !has("ce")) d.error({"--aeo", 0, 0}, "--aeo", "the overvoltage method needs --ce (current efficiency, %)");
  if (has("aeo") && (has("aem") || has("ae-frequency"))) {
    d.error({"--aeo", 0, 0}, "--aeo", "choose the slope method (AEM) or the overvoltage method (--aeo), not both");
  }
  o.coefficients_given = has("coefficients");
  if (has("pfc-method") && o.pfc_method == "slope" && !has("aem") && !has("ae-frequency")) {
    d.error({"--pfc-method", 0, 0}, "--pfc-method", "the slope method needs --aem, or --ae-frequency with --ae-duration-min");
  }
  if (has("pfc-method") && o.pfc_method == "overvoltage" && !has("aeo")) {
    d.error({"--pfc-method", 0, 0}, "--pfc-method", "the overvoltage method needs --aeo with --ce");
  }
  if (has("pfc-method") && o.pfc_method == "slope" && has("aeo")) {
    d.error({"--aeo", 0, 0}, "--aeo", "--pfc-method slope takes --aem, not --aeo");
  }
  if (has("pfc-method") && o.pfc_method == "overvoltage" && (has("aem") || has("ae-frequency"))) {
    d.error({"--aem", 0, 0}, "--aem", "--pfc-method overvoltage takes --aeo, not --aem");
  }
  if ((has("sulfur") || has("ash")) && !has("nac")) d.error({"--sulfur", 0, 0}, "--nac", "--sulfur and --ash apply to Tier 2: give --nac too");
  return o;
}

io::Json method_json(const EmissionsOptions& o, const plant::EmissionInputs& in, const plant::ResolvedCoefficients& k,
                     plant::CoefficientSet set) {
  using namespace plant;
  io::Json method;
  method["co2"] = in.co2_method == Co2Method::kTier1
                      ? "IPCC 2006 Tier 1 default factor (includes anode baking)"
                      : "IPCC 2006 Tier 2/3 eq. 4.21: NAC x (100 - S - Ash)/100 x 44/12 (baking not included)";
  method["pfc"] = in.pfc_method == PfcMethod::kTier1 ? "Tier 1 default factors"
                  : in.pfc_method == PfcMethod::kSlope ? "slope method: CF4 = S x AEM x MP; C2F6 = CF4 x F"
                                                       : "overvoltage method: CF4 = OVC x AEO/CE x MP; C2F6 = CF4 x F";
  method["coefficient_set"] = std::string(to_string(set));  // the set applied (a defaulted slope: the table's)
  method["gwp"] = o.gwp;
  io::Json coeff;
  if (in.co2_method == Co2Method::kTier1) {
    coeff["tier1_co2_t_per_t"] = k.tier1_co2_kg_per_kg;
  } else {
    coeff["nac_t_per_t"] = in.net_anode_kg_per_kg;
    coeff["sulfur_pct"] = in.anode_sulfur_pct;
    coeff["ash_pct"] = in.anode_ash_pct;
  }
  if (in.pfc_method == PfcMethod::kTier1) {
    coeff["tier1_cf4_kg_per_t"] = k.pfc.tier1_cf4_kg_per_t;
    coeff["tier1_c2f6_kg_per_t"] = k.pfc.tier1_c2f6_kg_per_t;
  } else if (in.pfc_method == PfcMethod::kSlope) {
    coeff["slope_cf4"] = k.pfc.slope_cf4;
    coeff["aem_min_per_cell_day"] = in.aem_min_per_cell_day;
    coeff["c2f6_per_cf4"] = k.pfc.c2f6_per_cf4;
  } else {
    coeff["overvoltage_cf4"] = k.pfc.overvoltage_cf4;
    coeff["aeo_mV"] = in.aeo_mV;
    coeff["ce_pct"] = in.current_efficiency_pct;
    coeff["c2f6_per_cf4"] = k.pfc.c2f6_per_cf4;
  }
  coeff["gwp_cf4"] = k.gwp_cf4;
  coeff["gwp_c2f6"] = k.gwp_c2f6;
  method["coefficients"] = coeff;
  return method;
}

/// The PFC method, its anode-effect figure and coefficient set, and where they come from: the given
/// statistics, --pfc-method tier1, or (neither) the class's entry of the fleet's anode-effect table
/// by the same function as `potline smelter` (plant::class_pfc_default; user trial T8-4), Tier 1
/// only without an entry.
struct PfcChoice {
  plant::PfcMethod method = plant::PfcMethod::kTier1;
  plant::CoefficientSet set = plant::CoefficientSet::kIpcc2006;
  double aem = 0;
  std::string basis, source;
  bool tier1_for_lack_of_data = false;
};

PfcChoice choose_pfc(const EmissionsOptions& o, const plant::EmissionData& data, const std::string& data_dir,
                     core::Diagnostics& d) {
  using namespace plant;
  PfcChoice p;
  p.set = *coefficient_set_from_name(o.coefficients);
  const auto cls = *technology_class_from_name(o.technology_class);
  if (o.pfc_method == "tier1") {
    p.basis = "--pfc-method tier1: the IPCC default factor of " + o.technology_class;
    return p;
  }
  if (o.aeo) {
    p.method = PfcMethod::kOvervoltage;
    p.basis = "overvoltage method with the given --aeo";
    return p;
  }
  if (o.aem || o.frequency) {
    p.method = PfcMethod::kSlope;
    p.aem = o.aem ? *o.aem : anode_effect_minutes(*o.frequency, *o.duration);
    p.basis = o.aem ? "slope method with the given --aem" : "slope method with the given --ae-frequency x --ae-duration-min";
    // The set as potline smelter and simulate take it (user trial T12-1: --aem 2 for PFPB_modern
    // gave 2.28 t CO2e/t on the IPCC2006 CWPB row, smelter 1.51 on the IPCC2019 row).
    if (!o.coefficients_given) {
      p.set = default_coefficient_set(data, cls);
      p.basis += fmt::format(", {} coefficients (the default: IPCC2019 where it has the class, as potline smelter)",
                             to_string(p.set));
    }
    return p;
  }
  const std::string path = data_dir + "/fleet-anode-effects.toml";
  const AnodeEffectTable table = AnodeEffectTable::load_unchecked(path, d);
  std::string why;
  const auto def = class_pfc_default(table, cls, data, o.coefficients_given ? std::optional(p.set) : std::nullopt,
                                     p.set, why);
  if (!def) {
    p.tier1_for_lack_of_data = true;
    p.basis = fmt::format("IPCC Tier 1 default for {} ({})", o.technology_class, why);
    return p;
  }
  p.method = PfcMethod::kSlope;
  p.set = def->set;
  p.aem = def->aem_min_per_day;
  p.basis = fmt::format("technology class {}: {}; the fleet's class entry, {}:{} (as potline smelter)",
                        o.technology_class, def->standard, std::filesystem::path(path).filename().string(),
                        def->rule->where.line);
  p.source = def->rule->source;
  return p;
}

// The coefficient errors name a case's keys (emissions.pfc_method, emissions.technology_class) and
// its words ("give the AEM"); this command has options (user trial T11-13).
void append_as_options(const core::Diagnostics& from, const EmissionsOptions& o, core::Diagnostics& d) {
  const auto replace = [](std::string text, const std::string& what, const std::string& with) {
    const auto at = text.find(what);
    return at == std::string::npos ? text : text.replace(at, what.size(), with);
  };
  for (const core::Diagnostic& x : from.items()) {
    std::string key = x.key;
    std::string message = replace(x.message, "(give the AEM)", "(give --aem, or --ae-frequency with --ae-duration-min)");
    message = replace(message, "or the IPCC2006 set", "or --coefficients IPCC2006");
    message = replace(message, "or Tier 1", "or Tier 1 (--pfc-method tier1)");
    if (key == "emissions.technology_class") key = "--technology-class";
    if (key == "emissions.gwp") key = "--gwp";
    if (key == "emissions.pfc_method") {
      key = !o.pfc_method.empty() ? "--pfc-method" : o.aeo ? "--aeo" : "--coefficients";
      if (o.pfc_method.empty() && !o.aeo) message += " (no anode-effect data was given, so Tier 1 was the method)";
    }
    if (x.severity == core::Severity::kError) d.error({key, 0, 0}, key, message);
    else d.warning({key, 0, 0}, key, message);
  }
}

}  // namespace

io::Json emissions(const OptionTexts& options, const std::string& data_dir) {
  using namespace plant;
  core::Diagnostics d;
  const EmissionsOptions o = read_options(options, d);
  if (d.has_errors()) throw core::InputError(d);
  const EmissionData data = EmissionData::load(data_dir, d);
  if (d.has_errors()) throw core::InputError(d);

  const PfcChoice pfc = choose_pfc(o, data, data_dir, d);
  if (d.has_errors()) throw core::InputError(d);
  EmissionInputs in;
  in.technology = *technology_class_from_name(o.technology_class);
  in.co2_method = o.nac ? Co2Method::kTier2 : Co2Method::kTier1;
  in.pfc_method = pfc.method;
  in.net_anode_kg_per_kg = o.nac.value_or(0.0);
  in.anode_sulfur_pct = o.sulfur.value_or(data.tier2.anode_sulfur_pct);
  in.anode_ash_pct = o.ash.value_or(data.tier2.anode_ash_pct);
  in.anode_baking = false;  // this command reports anode consumption and PFCs; baking is in `potline smelter`
  in.aem_min_per_cell_day = pfc.aem;
  in.aeo_mV = o.aeo.value_or(0.0);
  in.current_efficiency_pct = o.ce_pct.value_or(0.0);
  if (in.co2_method == Co2Method::kTier2 && is_soderberg(in.technology)) {
    d.error({"--nac", 0, 0}, "--nac", "--nac is the prebake Tier 2 method; Søderberg Tier 2 needs the paste inputs of a smelter case");
    throw core::InputError(d);
  }
  const auto gwp = *gwp_set_from_name(o.gwp);
  core::Diagnostics coefficient_d;
  const auto k = resolve_coefficients(data, pfc.set, in.technology, gwp, in.co2_method, in.pfc_method,
                                      {"--technology-class", 0, 0}, coefficient_d);
  append_as_options(coefficient_d, o, d);
  if (!k) throw core::InputError(d);
  // Low-voltage CF4 (user trial T10-7): the given value, else the set's LVAE factor, else none.
  const LowVoltagePfc lv = low_voltage_pfc(o.low_voltage_cf4_kg_per_kg, data, pfc.set, in.technology);
  in.low_voltage_cf4_kg_per_kg = lv.cf4_kg_per_kg;
  const EmissionResult r = evaluate_emissions(in, *k);

  const double t = o.production_t;
  io::Json j;
  j["production_t"] = t;
  j["technology_class"] = o.technology_class;
  j["cf4_kg"] = r.cf4_kg_per_kg * t * 1000.0;
  j["c2f6_kg"] = r.c2f6_kg_per_kg * t * 1000.0;
  j["low_voltage_cf4_kg"] = r.low_voltage_cf4_kg_per_kg * t * 1000.0;  // included in cf4_kg
  j["pfc_includes_low_voltage"] = lv.included;
  j["pfc_t_co2e"] = r.pfc_co2e * t;
  j["anode_co2_t"] = r.anode_co2 * t;
  j["total_t_co2e"] = (r.anode_co2 + r.pfc_co2e) * t;
  j["total_t_co2e_per_t"] = r.anode_co2 + r.pfc_co2e;
  io::Json method = method_json(o, in, *k, pfc.set);
  method["pfc_basis"] = pfc.basis;
  if (!pfc.source.empty()) method["pfc_basis_source"] = pfc.source;
  method["pfc_tier1_for_lack_of_data"] = pfc.tier1_for_lack_of_data;
  method["low_voltage_pfc"] = lv.basis;
  j["method"] = method;
  j["warnings"] = d.warning_messages();
  // Caveats of the program's data (unverified PFC coefficients; T7-12) and of the method.
  std::vector<std::string> notes;
  if (const auto note = unverified_pfc_note(data, pfc.set, in.technology)) notes.push_back(*note);
  if (o.pfc_method == "tier1" && (o.aem || o.frequency || o.aeo)) {
    notes.push_back("--pfc-method tier1 uses the IPCC default factor per tonne: the anode-effect figures given are not used");
  }
  j["notes"] = notes;
  return j;
}

}  // namespace potline::api
