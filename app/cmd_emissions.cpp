// potline emissions [--production-t T] [--technology-class C] [--aem A | --ae-frequency F --ae-duration-min D]
//                   [--nac T --sulfur PCT --ash PCT] [--coefficients IPCC2006|IPCC2019] [--gwp AR4|AR5|AR6] [--json]
// Process emissions of primary aluminium (no electricity): anode CO2 (Tier 1, or Tier 2 when --nac is
// given), PFCs (Tier 1, or the slope method when the AEM is given, or --aeo with --ce).
#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "commands.hpp"
#include "potline/core/text.hpp"
#include "potline/io/json_output.hpp"
#include "potline/plant/emissions.hpp"

namespace potline::app {
namespace {

struct EmissionsOptions {
  double production_t = 1.0;
  std::string technology_class = "CWPB";
  std::optional<double> aem, frequency, duration, aeo, ce_pct, nac, sulfur, ash;
  std::string coefficients = "IPCC2006";
  std::string gwp = "AR5";
  bool json = false;
};

void check_choice(const std::string& option, const std::string& value, const std::vector<std::string>& choices,
                  core::Diagnostics& d) {
  for (const auto& c : choices) {
    if (c == value) return;
  }
  std::string message = "value '" + value + "' is not one of: ";
  for (std::size_t i = 0; i < choices.size(); ++i) message += (i ? ", " : "") + choices[i];
  const std::string hint = core::closest_match(value, choices);
  if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
  d.error({option, 0, 0}, option, message);
}

void check_range(const std::string& option, const std::optional<double>& v, double lo, double hi, const std::string& unit,
                 core::Diagnostics& d, bool lo_exclusive = false) {
  if (!v) return;
  if (!std::isfinite(*v) || *v < lo || *v > hi || (lo_exclusive && *v == lo)) {
    d.error({option, 0, 0}, option,
            fmt::format("value {} is outside the allowed range {}{}, {}] {}", core::format_number(*v),
                        lo_exclusive ? "(" : "[", core::format_number(lo), core::format_number(hi), unit));
  }
}

int run_emissions(const EmissionsOptions& o, const GlobalOptions& global) {
  using namespace plant;
  core::Diagnostics d;
  check_choice("--technology-class", o.technology_class, technology_class_names(), d);
  check_choice("--gwp", o.gwp, gwp_set_names(), d);
  check_choice("--coefficients", o.coefficients, {"IPCC2006", "IPCC2019"}, d);
  check_range("--production-t", o.production_t, 0.0, 1e9, "t", d, true);
  check_range("--aem", o.aem, 0.0, 100.0, "AE-min/cell-day", d);
  check_range("--ae-frequency", o.frequency, 0.0, 20.0, "AE/cell-day", d);
  check_range("--ae-duration-min", o.duration, 0.0, 600.0, "min", d);
  check_range("--aeo", o.aeo, 0.0, 10000.0, "mV", d);
  check_range("--ce", o.ce_pct, 50.0, 100.0, "%", d);
  check_range("--nac", o.nac, 0.0, 1.0, "t C/t Al", d, true);
  check_range("--sulfur", o.sulfur, 0.0, 10.0, "%", d);
  check_range("--ash", o.ash, 0.0, 10.0, "%", d);
  if (o.aem && (o.frequency || o.duration)) d.error({"--aem", 0, 0}, "--aem", "give --aem or --ae-frequency with --ae-duration-min, not both");
  if (o.frequency.has_value() != o.duration.has_value()) {
    d.error({"--ae-frequency", 0, 0}, "--ae-frequency", "--ae-frequency and --ae-duration-min go together");
  }
  if (o.aeo && !o.ce_pct) d.error({"--aeo", 0, 0}, "--aeo", "the overvoltage method needs --ce (current efficiency, %)");
  if (o.aeo && (o.aem || o.frequency)) d.error({"--aeo", 0, 0}, "--aeo", "choose the slope method (AEM) or the overvoltage method (--aeo), not both");
  if ((o.sulfur || o.ash) && !o.nac) d.error({"--sulfur", 0, 0}, "--nac", "--sulfur and --ash apply to Tier 2: give --nac too");
  if (d.has_errors()) throw core::InputError(d);

  const EmissionData data = EmissionData::load(data_dir(global), d);
  if (d.has_errors()) throw core::InputError(d);

  EmissionInputs in;
  in.technology = *technology_class_from_name(o.technology_class);
  in.co2_method = o.nac ? Co2Method::kTier2 : Co2Method::kTier1;
  in.pfc_method = o.aeo ? PfcMethod::kOvervoltage : (o.aem || o.frequency) ? PfcMethod::kSlope : PfcMethod::kTier1;
  in.net_anode_kg_per_kg = o.nac.value_or(0.0);
  in.anode_sulfur_pct = o.sulfur.value_or(data.tier2.anode_sulfur_pct);
  in.anode_ash_pct = o.ash.value_or(data.tier2.anode_ash_pct);
  in.anode_baking = false;  // this command reports anode consumption and PFCs; baking is in `potline smelter`
  in.aem_min_per_cell_day = o.aem ? *o.aem : (o.frequency ? anode_effect_minutes(*o.frequency, *o.duration) : 0.0);
  in.aeo_mV = o.aeo.value_or(0.0);
  in.current_efficiency_pct = o.ce_pct.value_or(0.0);
  if (in.co2_method == Co2Method::kTier2 && is_soderberg(in.technology)) {
    d.error({"--nac", 0, 0}, "--nac", "--nac is the prebake Tier 2 method; Søderberg Tier 2 needs the paste inputs of a smelter case");
    throw core::InputError(d);
  }
  const auto set = *coefficient_set_from_name(o.coefficients);
  const auto gwp = *gwp_set_from_name(o.gwp);
  const auto k = resolve_coefficients(data, set, in.technology, gwp, in.co2_method, in.pfc_method, {"--technology-class", 0, 0}, d);
  if (!k) throw core::InputError(d);
  const EmissionResult r = evaluate_emissions(in, *k);

  const double t = o.production_t;
  io::Json j;
  j["production_t"] = t;
  j["technology_class"] = o.technology_class;
  j["cf4_kg"] = r.cf4_kg_per_kg * t * 1000.0;
  j["c2f6_kg"] = r.c2f6_kg_per_kg * t * 1000.0;
  j["pfc_t_co2e"] = r.pfc_co2e * t;
  j["anode_co2_t"] = r.anode_co2 * t;
  j["total_t_co2e"] = (r.anode_co2 + r.pfc_co2e) * t;
  j["total_t_co2e_per_t"] = r.anode_co2 + r.pfc_co2e;
  io::Json method;
  method["co2"] = in.co2_method == Co2Method::kTier1
                      ? "IPCC 2006 Tier 1 default factor (includes anode baking)"
                      : "IPCC 2006 Tier 2/3 eq. 4.21: NAC x (100 - S - Ash)/100 x 44/12 (baking not included)";
  method["pfc"] = in.pfc_method == PfcMethod::kTier1 ? "Tier 1 default factors"
                  : in.pfc_method == PfcMethod::kSlope ? "slope method: CF4 = S x AEM x MP; C2F6 = CF4 x F"
                                                       : "overvoltage method: CF4 = OVC x AEO/CE x MP; C2F6 = CF4 x F";
  method["coefficient_set"] = o.coefficients;
  method["gwp"] = o.gwp;
  io::Json coeff;
  if (in.co2_method == Co2Method::kTier1) {
    coeff["tier1_co2_t_per_t"] = k->tier1_co2_kg_per_kg;
  } else {
    coeff["nac_t_per_t"] = in.net_anode_kg_per_kg;
    coeff["sulfur_pct"] = in.anode_sulfur_pct;
    coeff["ash_pct"] = in.anode_ash_pct;
  }
  if (in.pfc_method == PfcMethod::kTier1) {
    coeff["tier1_cf4_kg_per_t"] = k->pfc.tier1_cf4_kg_per_t;
    coeff["tier1_c2f6_kg_per_t"] = k->pfc.tier1_c2f6_kg_per_t;
  } else if (in.pfc_method == PfcMethod::kSlope) {
    coeff["slope_cf4"] = k->pfc.slope_cf4;
    coeff["aem_min_per_cell_day"] = in.aem_min_per_cell_day;
    coeff["c2f6_per_cf4"] = k->pfc.c2f6_per_cf4;
  } else {
    coeff["overvoltage_cf4"] = k->pfc.overvoltage_cf4;
    coeff["aeo_mV"] = in.aeo_mV;
    coeff["ce_pct"] = in.current_efficiency_pct;
    coeff["c2f6_per_cf4"] = k->pfc.c2f6_per_cf4;
  }
  coeff["gwp_cf4"] = k->gwp_cf4;
  coeff["gwp_c2f6"] = k->gwp_c2f6;
  method["coefficients"] = coeff;
  j["method"] = method;
  j["warnings"] = d.warning_messages();
  if (o.json) {
    std::cout << io::dump(j);
  } else {
    io::require_finite(j);
    std::cout << fmt::format(
        "Emissions for {} t Al ({}, {} coefficients, GWP {})\n  CF4 {:.4g} kg  C2F6 {:.4g} kg  PFC {:.4g} t CO2e\n"
        "  anode CO2 {:.4g} t\n  total {:.4g} t CO2e ({:.4g} t CO2e/t)\n  CO2: {}\n  PFC: {}\n",
        t, o.technology_class, o.coefficients, o.gwp, j["cf4_kg"].get<double>(), j["c2f6_kg"].get<double>(),
        j["pfc_t_co2e"].get<double>(), j["anode_co2_t"].get<double>(), j["total_t_co2e"].get<double>(),
        j["total_t_co2e_per_t"].get<double>(), method["co2"].get<std::string>(), method["pfc"].get<std::string>());
    for (const auto& w : d.warning_messages()) std::cout << "  warning: " << w << "\n";
  }
  return 0;
}

}  // namespace

void add_emissions_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto o = std::make_shared<EmissionsOptions>();
  CLI::App* cmd = app.add_subcommand("emissions", "process emissions (anode CO2, PFC) of primary aluminium, IPCC methods");
  cmd->add_option("--production-t", o->production_t, "aluminium produced, t (default 1)");
  cmd->add_option("--technology-class", o->technology_class, "CWPB|SWPB|VSS|HSS|PFPB_legacy|PFPB_modern (default CWPB)");
  cmd->add_option("--aem", o->aem, "anode-effect minutes per cell-day (slope method)");
  cmd->add_option("--ae-frequency", o->frequency, "anode effects per cell-day (slope method, with --ae-duration-min)");
  cmd->add_option("--ae-duration-min", o->duration, "mean anode-effect duration, min");
  cmd->add_option("--aeo", o->aeo, "anode-effect overvoltage, mV (overvoltage method, with --ce)");
  cmd->add_option("--ce", o->ce_pct, "current efficiency, % (overvoltage method)");
  cmd->add_option("--nac", o->nac, "net anode consumption, t C/t Al (Tier 2 CO2; else Tier 1)");
  cmd->add_option("--sulfur", o->sulfur, "anode sulfur, % (Tier 2; default 2.0)");
  cmd->add_option("--ash", o->ash, "anode ash, % (Tier 2; default 0.4)");
  cmd->add_option("--coefficients", o->coefficients, "PFC coefficient set IPCC2006|IPCC2019 (default IPCC2006)");
  cmd->add_option("--gwp", o->gwp, "GWP-100 set AR4|AR5|AR6 (default AR5)");
  cmd->add_flag("--json", o->json, "print one JSON object on stdout");
  cmd->callback([o, &global, &exit_code]() { exit_code = run_guarded([&] { return run_emissions(*o, global); }); });
}

}  // namespace potline::app
