// The emission inputs of one group of potlines of a smelter case (smelter_build.cpp calls them,
// smelter_case_internal.hpp): anodes, PFC (with a simulation's anode effects and the coefficients)
// and the CO2 factors of the fuels and the power, collecting every error.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <string_view>

#include "potline/core/units.hpp"
#include "potline/plant/pfc_note.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant::detail {
namespace {

/// A path from the case: relative to the case file's folder when it came from the case file,
/// relative to the working directory when it came from --set.
std::string resolve_case_path(const io::Value& value) {
  const std::filesystem::path p(value.text);
  if (p.is_absolute() || value.origin != io::Origin::kCaseFile || value.location.file.empty())
    return p.string();
  return (std::filesystem::path(value.location.file).parent_path() / p).lexically_normal().string();
}

// The run's class replaced the case's: the PFC basis names the class applied, not the case's, and a
// class the case gives is warned (user trial T16-6: "class CWPB: emissions.technology_class of the
// case" beside the run's PFPB_modern applied, and no warning, while cli.md promises one).
void name_run_class(SmelterCase& c, TechnologyClass case_class, const std::string& case_coefficients,
                    const Reader& r) {
  const std::string before(to_string(case_class)), after(to_string(c.inputs.emissions.technology));
  const std::string from = "(class " + before + ": ";
  if (const auto at = c.pfc_basis.find(from); at != std::string::npos)
    c.pfc_basis.replace(at, from.size(),
                        "(class " + after + ", the run's (emissions.from_simulation) in place of the case's " + before + ": ");
  const io::Value* given = r.v.get("emissions.technology_class");
  if (given == nullptr || given->origin == io::Origin::kDefault) return;
  r.d.warning(r.at("emissions.technology_class"), "emissions.technology_class",
              "the case's class " + before + " is not applied to the anode effects of emissions.from_simulation: the "
              "run's PFC coefficients " + c.ae_applied_pfc_coefficients + " are (not the case's " + case_coefficients +
              "); set emissions.coefficient_set to apply the case's. The PFC of the same anode effects differs "
              "between the two");
}

// The run's PFC coefficients ("IPCC2019/PFPB_modern") go with its anode effects: the smelter
// applied its own default IPCC2006 CWPB slope (0.143) to the AEM of a run that used IPCC2019
// PFPB_M (0.104), 0.018 against 0.0116 t CO2e/t for the same anode effects (trial 6, T6-22). Unless
// the case sets emissions.coefficient_set, the run's set and class are taken (the class only when
// it is of the same anode kind, prebake or Søderberg, as the case's: it also selects the anode CO2
// model); otherwise the case's stand and a difference is warned.
void adopt_run_coefficients(SmelterCase& c, const std::string& run, const Reader& r) {
  c.ae_run_pfc_coefficients = run;
  EmissionInputs& e = c.inputs.emissions;
  const io::Value* given = r.v.get("emissions.coefficient_set");
  const std::size_t slash = run.find('/');
  const auto set = coefficient_set_from_name(run.substr(0, slash));
  const auto cls = technology_class_from_name(slash == std::string::npos ? std::string()
                                                                         : run.substr(slash + 1));
  const std::string case_coefficients =
      std::string(to_string(c.coefficient_set)) + "/" + std::string(to_string(e.technology));
  const TechnologyClass case_class = e.technology;
  if (set && cls && (given == nullptr || given->origin == io::Origin::kDefault) &&
      is_soderberg(*cls) == is_soderberg(e.technology)) {
    c.coefficient_set = *set;
    e.technology = *cls;
  }
  c.ae_applied_pfc_coefficients =
      std::string(to_string(c.coefficient_set)) + "/" + std::string(to_string(e.technology));
  if (e.technology != case_class) name_run_class(c, case_class, case_coefficients, r);
  if (!run.empty() && run != c.ae_applied_pfc_coefficients) {
    r.d.warning(r.at("emissions.from_simulation"), "emissions.from_simulation",
                "the run used the PFC coefficients " + run + ", this case applies " +
                    c.ae_applied_pfc_coefficients +
                    " (emissions.coefficient_set, emissions.technology_class) to its anode "
                    "effects: the PFC of the "
                    "same anode effects differs between the two");
  }
}

// A value as given, in its field's unit ("0.3 min/(cell·day)").
std::string as_given(const io::Value& v, const std::string& key) {
  const io::FieldSpec* f = smelter_schema().find(key);
  if (f == nullptr || f->type != io::FieldType::kNumber) return "'" + v.text + "'";
  const auto back = core::convert(v.number, f->internal_unit, f->unit, f->temperature_kind);
  return fmt::format("{:g} {}", back.ok() ? back.value : v.number, f->unit);
}

// Statistics given beside a run's: at the key the case gave on the command line, else at the case
// file's statistic, naming the other key, its value and where it came from (docs/cli.md, "Error
// messages"; docs audit DA19-39: placed at the case file's aem although the run came from --set
// #1).
void report_both_given(const io::Value& sim, const std::string& k, const Reader& r) {
  const io::Value& stat = *r.v.get(k);
  const std::string run_key = "emissions.from_simulation";
  const bool at_run = sim.origin == io::Origin::kCommandLine;
  const io::Value& here = at_run ? sim : stat;
  const io::Value& other = at_run ? stat : sim;
  const std::string other_key = at_run ? k : run_key;
  r.d.error(here.location, at_run ? run_key : k,
            fmt::format("{}: the case also gives {} = {} ({}): give {} or {}, not both",
                        at_run ? "'" + sim.text + "'" : as_given(stat, k), other_key,
                        at_run ? as_given(stat, k) : "'" + sim.text + "'",
                        other.location.to_string().empty() ? std::string("default")
                                                           : other.location.to_string(),
                        k, run_key));
}

// Anode-effect statistics from a dynamic run (`potline simulate` summary.json) replace AEM / AEO.
std::optional<SimulatedAnodeEffects> read_simulation(SmelterCase& c, const Reader& r) {
  const io::Value* sim = r.v.get("emissions.from_simulation");
  if (sim == nullptr || sim->text.empty()) return std::nullopt;
  const std::string key = "emissions.from_simulation";
  const EmissionInputs& e = c.inputs.emissions;
  if (e.pfc_method == PfcMethod::kTier1) {
    r.d.error(sim->location, key,
              "anode-effect statistics need emissions.pfc_method = \"slope\" or \"overvoltage\" "
              "(tier1 uses none)");
    return std::nullopt;
  }
  const bool overvoltage = e.pfc_method == PfcMethod::kOvervoltage;
  for (const std::string k :
       {"emissions.aem", "emissions.ae_frequency", "emissions.ae_duration", "emissions.aeo"}) {
    const bool conflicts = overvoltage ? k == "emissions.aeo" : k != "emissions.aeo";
    if (conflicts && r.opt(k)) report_both_given(*sim, k, r);
  }
  c.ae_summary_file = resolve_case_path(*sim);
  // A run folder stands for its summary.json, as `report` and `compare` take run folders (T13-12).
  std::error_code ec;
  if (std::filesystem::is_directory(c.ae_summary_file, ec))
    c.ae_summary_file = (std::filesystem::path(c.ae_summary_file) / "summary.json").string();
  auto simulated =
      read_simulated_anode_effects(c.ae_summary_file, overvoltage, sim->location, key, r.d);
  if (simulated) {
    adopt_run_coefficients(c, simulated->pfc_coefficients, r);
    c.ae_per_cell_day = simulated->per_cell_day;
    c.ae_minutes_per_cell_day = simulated->minutes_per_cell_day;
    c.ae_overvoltage_mV = simulated->overvoltage_mV;
  }
  return simulated;
}

}  // namespace

// Anode inputs of the emission model: Søderberg paste, or prebake anodes and their baking.
void resolve_anodes(SmelterCase& c, const SmelterData& data, const Reader& r) {
  EmissionInputs& e = c.inputs.emissions;
  e.net_anode_kg_per_kg = c.inputs.net_carbon_kg_per_kg;
  const Tier2Defaults& t2 = data.emissions.tier2;
  if (is_soderberg(e.technology)) {
    e.anode_baking = false;
    if (e.co2_method == Co2Method::kTier2) {
      e.paste_kg_per_kg = r.need("emissions.paste_consumption", "for Søderberg Tier 2 CO2");
    }
    e.csm_kg_per_t =
        e.technology == TechnologyClass::kHSS ? t2.csm_hss_kg_per_t : t2.csm_vss_kg_per_t;
    e.binder_pct = t2.binder_wet_pct;
    e.pitch_sulfur_pct = t2.pitch_sulfur_pct;
    e.pitch_ash_pct = t2.pitch_ash_pct;
    e.pitch_hydrogen_pct = t2.pitch_hydrogen_pct;
    e.coke_sulfur_pct = t2.coke_sulfur_pct;
    e.coke_ash_pct = t2.coke_ash_pct;
    e.skimmed_dust_carbon_kg_per_kg = t2.skimmed_dust_carbon_t_per_t;
    return;
  }
  const double gross = r.v.number("consumption.gross_carbon");
  e.anode_baking = r.v.number("plant.anode_plant") != 0.0;
  e.baked_anode_kg_per_kg = gross;
  e.green_anode_kg_per_kg = gross / (1.0 - r.need("emissions.baking_mass_loss"));
  e.hydrogen_share_of_green = t2.pitch_hydrogen_share_of_green;
  e.waste_tar_share_of_green = r.need("emissions.waste_tar_share");
  e.packing_coke_kg_per_kg_baked = t2.packing_coke_t_per_t_baked;
  e.packing_coke_sulfur_pct = t2.packing_coke_sulfur_pct;
  e.packing_coke_ash_pct = t2.packing_coke_ash_pct;
  if (!e.anode_baking)
    c.notes.push_back("anodes bought in: baking emissions are upstream (not in scope 1)");
}

// PFC inputs of the slope and overvoltage methods, and the resolved coefficients.
void resolve_pfc(SmelterCase& c, double ce, const SmelterData& data, const Reader& r) {
  EmissionInputs& e = c.inputs.emissions;
  const std::optional<SimulatedAnodeEffects> simulated = read_simulation(c, r);
  if (e.pfc_method == PfcMethod::kSlope) {
    if (!c.ae_summary_file.empty()) {
      if (simulated) e.aem_min_per_cell_day = simulated->minutes_per_cell_day;
    } else if (auto aem = r.opt("emissions.aem")) {
      e.aem_min_per_cell_day = *aem;
      if (r.opt("emissions.ae_frequency") || r.opt("emissions.ae_duration")) {
        r.d.error(r.at("emissions.aem"), "emissions.aem",
                  "give emissions.aem or ae_frequency and ae_duration, not both");
      }
    } else if (r.opt("emissions.ae_frequency") && r.opt("emissions.ae_duration")) {
      e.aem_min_per_cell_day =
          anode_effect_minutes(*r.opt("emissions.ae_frequency"), *r.opt("emissions.ae_duration"));
    } else {
      r.d.error({}, "emissions.aem",
                "the slope method needs emissions.aem, emissions.ae_frequency and "
                "emissions.ae_duration, or "
                "emissions.from_simulation");
    }
  } else if (e.pfc_method == PfcMethod::kOvervoltage) {
    if (!c.ae_summary_file.empty()) {
      if (simulated) e.aeo_mV = *simulated->overvoltage_mV;
    } else {
      e.aeo_mV =
          r.need("emissions.aeo", "for the overvoltage method (or emissions.from_simulation)");
    }
    if (std::isnan(ce)) {
      r.d.error({}, "potline.current_efficiency",
                "the overvoltage method needs the current efficiency (AEO/CE)");
    }
  }
  e.current_efficiency_pct = std::isnan(ce) ? 0.0 : ce * 100.0;
  // Statistics the method does not use, given anyway: said, not dropped in silence (T11-13: an
  // emissions.aeo under the slope method changed nothing and the PFC basis named it as used).
  const bool slope = e.pfc_method == PfcMethod::kSlope;
  if (!c.inputs.inert_anode && (slope || e.pfc_method == PfcMethod::kOvervoltage)) {
    for (const char* k : {"emissions.aem", "emissions.ae_frequency", "emissions.ae_duration", "emissions.aeo"}) {
      const io::Value* x = r.v.get(k);
      const bool aeo = std::string_view(k) == "emissions.aeo";
      if (x == nullptr || x->origin == io::Origin::kDefault || aeo != slope) continue;
      r.d.warning(r.at(k), k,
                  slope ? "not used because the PFC method is the slope method (emissions.pfc_method), which takes the "
                          "anode-effect minutes (emissions.aem, or ae_frequency with ae_duration); emissions.aeo is the "
                          "overvoltage method's"
                        : "not used because the PFC method is the overvoltage method (emissions.pfc_method, or "
                          "emissions.aeo given), which takes emissions.aeo; the anode-effect minutes are the slope "
                          "method's");
    }
  }
  // Low-voltage CF4 (T10-7): the case's, else a simulation's own when the case takes its anode
  // effects (T10-6), else the set's LVAE factor of the class, else none.
  const std::optional<double> given_lv = r.opt("emissions.low_voltage_cf4");
  const std::optional<double> run_lv =
      simulated ? simulated->low_voltage_cf4_kg_per_kg : std::nullopt;
  LowVoltagePfc low = low_voltage_pfc(given_lv ? given_lv : run_lv, data.emissions,
                                      c.coefficient_set, e.technology);
  if (!given_lv && run_lv) {
    low.basis = fmt::format("included: {:.4g} kg CF4/t from {} (the run's pfc.low_voltage_cf4)",
                            *run_lv * 1000.0, c.ae_summary_file);
  }
  e.low_voltage_cf4_kg_per_kg = c.inputs.inert_anode ? 0.0 : low.cf4_kg_per_kg;
  c.low_voltage_pfc = c.inputs.inert_anode ? std::string("inert anodes: no PFC") : low.basis;
  // Inert anodes emit no PFC: the coefficients are unused, so their caveats are not shown.
  core::Diagnostics inert_scratch;
  if (auto k = resolve_coefficients(data.emissions, c.coefficient_set, e.technology, c.gwp,
                                    e.co2_method, e.pfc_method, r.at("emissions.technology_class"),
                                    c.inputs.inert_anode ? inert_scratch : r.d)) {
    c.inputs.coefficients = *k;
    if (!c.inputs.inert_anode) {
      if (auto note = unverified_pfc_note(data.emissions, c.coefficient_set, e.technology))
        c.notes.push_back(std::move(*note));
    }
  }
}

// CO2 factors of the fuels burnt on site and of the electricity.
void resolve_energy_emissions(SmelterCase& c, const SmelterData& data, const Reader& r) {
  EmissionInputs& e = c.inputs.emissions;
  const Fuel baking = fuel_from_name(r.v.text("fuel.baking_fuel")).value_or(Fuel::kNaturalGas);
  const Fuel casthouse =
      fuel_from_name(r.v.text("fuel.casthouse_fuel")).value_or(Fuel::kNaturalGas);
  e.baking_fuel_co2_kg_per_J =
      r.opt("fuel.baking_emission_factor").value_or(data.emissions.fuel(baking).co2_kg_per_J);
  e.casthouse_fuel_co2_kg_per_J =
      r.opt("fuel.casthouse_emission_factor").value_or(data.emissions.fuel(casthouse).co2_kg_per_J);

  const std::string source = r.v.text("power.source");
  if (source.empty()) {
    r.d.error({}, "power.source", "required: one of captive_coal, captive_gas, hydro, grid, ppa");
    return;
  }
  c.power_source = *power_source_from_name(source);
  e.power_captive = is_captive(c.power_source);
  const auto ef = r.opt("power.emission_factor");
  switch (c.power_source) {
    case PowerSource::kCaptiveCoal:
    case PowerSource::kCaptiveGas: {
      const PowerPlantDefaults& p =
          c.power_source == PowerSource::kCaptiveCoal ? data.emissions.coal : data.emissions.gas;
      const double eff = r.opt("power.plant_efficiency").value_or(p.efficiency);
      e.power_co2_kg_per_J = ef ? *ef : thermal_plant_co2_kg_per_J(p.fuel_co2_kg_per_J, eff);
      break;
    }
    case PowerSource::kHydro:
      // Hydro generation has no combustion emissions (scope 2, location of generation).
      e.power_co2_kg_per_J = ef.value_or(0.0);
      break;
    case PowerSource::kGrid:
    case PowerSource::kPpa:
      if (ef) {
        e.power_co2_kg_per_J = *ef;
      } else {
        r.d.error({}, "power.emission_factor",
                  "required for power.source = " + source +
                      ": the grid's or the contract's emission factor (t/MWh)");
      }
      break;
  }
}

}  // namespace potline::plant::detail
