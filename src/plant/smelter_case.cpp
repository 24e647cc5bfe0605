#include "potline/plant/smelter_case.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "potline/cell/cell_case.hpp"
#include "potline/cell/cell_model.hpp"
#include "potline/core/text.hpp"
#include "potline/io/case_file.hpp"
#include "potline/io/json_output.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/plant/smelter_schema.hpp"
#include "smelter_case_internal.hpp"

namespace potline::plant {
namespace {

core::SourceLocation loc(const io::ValueSet& v, const std::string& key) {
  const io::Value* x = v.get(key);
  return x == nullptr ? core::SourceLocation{} : x->location;
}

/// A path from the case: relative to the case file's folder when it came from the case file,
/// relative to the working directory when it came from --set.
std::string resolve_case_path(const io::Value& value) {
  const std::filesystem::path p(value.text);
  if (p.is_absolute() || value.origin != io::Origin::kCaseFile || value.location.file.empty()) return p.string();
  return (std::filesystem::path(value.location.file).parent_path() / p).lexically_normal().string();
}

}  // namespace

std::optional<SimulatedAnodeEffects> read_simulated_anode_effects(const std::string& path, bool need_overvoltage,
                                                                  const core::SourceLocation& where,
                                                                  const std::string& key, core::Diagnostics& d) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    d.error(where, key, "cannot read the simulation summary '" + path +
                            "' (a summary.json written by 'potline simulate --out DIR'; relative paths are "
                            "relative to the case file's folder)");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const io::Json j = io::Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    d.error(where, key, "'" + path + "' is not a JSON object (expected a 'potline simulate' summary.json)");
    return std::nullopt;
  }
  bool ok = true;
  auto number = [&](const char* name) -> std::optional<double> {
    const auto it = j.find(name);
    if (it == j.end()) {
      d.error(where, key, fmt::format("'{}' has no key '{}' (expected a 'potline simulate' summary.json)", path, name));
      ok = false;
      return std::nullopt;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0.0) {
      d.error(where, key, fmt::format("'{}': {} = {} is not a finite number >= 0", path, name, it->dump()));
      ok = false;
      return std::nullopt;
    }
    return it->get<double>();
  };
  SimulatedAnodeEffects ae;
  const auto f = number("ae_per_cell_day");
  const auto m = number("ae_minutes_per_cell_day");
  if (need_overvoltage) {
    ae.overvoltage_mV = number("ae_overvoltage_mV");
  } else if (j.contains("ae_overvoltage_mV") && j["ae_overvoltage_mV"].is_number() &&
             std::isfinite(j["ae_overvoltage_mV"].get<double>())) {
    ae.overvoltage_mV = j["ae_overvoltage_mV"].get<double>();
  }
  if (!ok) return std::nullopt;
  ae.per_cell_day = *f;
  ae.minutes_per_cell_day = *m;
  return ae;
}

SmelterData SmelterData::load(const std::string& data_dir, core::Diagnostics& d) {
  SmelterData s;
  s.technologies = cell::TechnologyCatalogue::load(data_dir + "/technologies.toml", d);
  s.emissions = EmissionData::load(data_dir, d);
  s.cbam = policy::CbamSchedule::load(data_dir + "/cbam.toml", d);
  s.files = {data_dir + "/technologies.toml", data_dir + "/emissions/ipcc-aluminium.toml",
             data_dir + "/emissions/power.toml", data_dir + "/emissions/fuels.toml", data_dir + "/cbam.toml"};
  return s;
}

namespace detail {

/// One group of potlines (the case's [potline], or one [[potline]] table merged into the case).
std::optional<SmelterCase> build_single(const io::ValueSet& user, const SmelterData& data, core::Diagnostics& d) {
  const io::Schema& schema = smelter_schema();
  SmelterCase c;
  c.values = user;
  io::fill_defaults(schema, c.values);
  const io::ValueSet& v = c.values;
  SmelterInputs& in = c.inputs;
  const std::size_t errors_before = d.error_count();

  auto need = [&](const std::string& key, const std::string& why = {}) -> double {
    if (auto x = v.maybe_number(key)) return *x;
    const io::FieldSpec* f = schema.find(key);
    d.error({}, key, "required" + (why.empty() ? std::string() : " " + why) + ": give it in the case file or with --set" +
                         (f && !f->unit.empty() && f->unit != "1" ? " (in " + f->unit + ")" : std::string()));
    return 0.0;
  };
  auto opt = [&](const std::string& key) { return v.maybe_number(key); };

  c.title = v.text("case.title");
  c.price_year = static_cast<int>(need("prices.year", "(the price year of every USD amount)"));

  // ---- potlines: technology via the cell model, or explicit inputs.
  std::optional<double> cell_sec, cell_ce, cell_current;
  c.technology = v.text("potline.technology");
  if (!c.technology.empty()) {
    const cell::Technology* tech = data.technologies.find(c.technology);
    if (tech == nullptr) {
      std::string message = "unknown technology '" + c.technology + "'";
      const std::string hint = core::closest_match(c.technology, data.technologies.ids());
      if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
      d.error(loc(v, "potline.technology"), "potline.technology", message + "; 'potline technologies' lists them");
    } else {
      core::Diagnostics cell_diag;
      if (auto tc = cell::technology_case(*tech, data.technologies, cell_diag)) {
        const cell::CellResult r = cell::evaluate(tc->design, tc->constants, tc->op);
        cell_sec = r.sec_ac_J_per_kg;
        cell_ce = r.current_efficiency;
        cell_current = tc->op.line_current_A;
        c.technology = tech->id;
      }
      d.append(cell_diag);
    }
  }
  if (auto sec = opt("potline.sec_ac")) {
    in.potline_sec_ac_J_per_kg = *sec;
    c.sec_origin = "input potline.sec_ac";
    if (cell_sec) {
      d.warning(loc(v, "potline.sec_ac"), "potline.sec_ac",
                fmt::format("overrides the cell model's {:.3f} kWh/kg for technology '{}'", *cell_sec / 3.6e6,
                            c.technology));
    }
  } else if (cell_sec) {
    in.potline_sec_ac_J_per_kg = *cell_sec;
    c.sec_origin = "cell model, technology " + c.technology + " (calibrated to its published operating point)";
  } else {
    d.error({}, "potline.sec_ac", "required: give potline.sec_ac (in kWh/kg) or a catalogue technology with potline.technology");
  }
  const double ce = opt("potline.current_efficiency").value_or(cell_ce.value_or(std::nan("")));

  // ---- capacity
  if (auto cap = opt("plant.capacity")) {
    in.capacity_kg_per_s = *cap;
  } else {
    const auto pots = opt("potline.pots_per_line");
    const auto current = opt("potline.line_current") ? opt("potline.line_current") : cell_current;
    if (pots && current && !std::isnan(ce)) {
      in.capacity_kg_per_s = need("potline.count") * *pots * cell::faraday_production_kg_per_s(*current, ce);
    } else {
      d.error({}, "plant.capacity",
              "required: give plant.capacity (t/yr), or potline.pots_per_line with potline.line_current and "
              "potline.current_efficiency (or a technology that gives them)");
    }
  }
  in.capacity_factor = need("plant.capacity_factor");
  in.auxiliary_share = need("plant.auxiliary_share");

  // ---- consumptions
  in.alumina_kg_per_kg = need("consumption.alumina");
  in.net_carbon_kg_per_kg = need("consumption.net_carbon");
  const double gross = need("consumption.gross_carbon");
  if (gross < in.net_carbon_kg_per_kg) {
    d.error(loc(v, "consumption.gross_carbon"), "consumption.gross_carbon",
            fmt::format("gross anode consumption {:.3f} t/t is below the net consumption {:.3f} t/t; gross "
                        "includes the butts that net excludes", gross, in.net_carbon_kg_per_kg));
  }
  in.alf3_kg_per_kg = need("consumption.alf3");
  const auto pot_life = opt("cathode.pot_life");
  const auto relining = opt("cathode.relining_cost");
  if (pot_life && relining) {
    const auto pots = opt("potline.pots_per_line");
    if (!pots) {
      d.error(loc(v, "cathode.relining_cost"), "potline.pots_per_line",
              "required to spread the relining cost over production: give potline.pots_per_line");
    } else {
      // Pots relined per second = total pots / pot life; cost per kg = that × cost / production.
      const double total_pots = need("potline.count") * *pots;
      const double production = in.capacity_kg_per_s * in.capacity_factor;
      if (production > 0) in.relining_usd_per_kg = total_pots / *pot_life * *relining / production;
    }
  } else if (pot_life || relining) {
    d.error(loc(v, pot_life ? "cathode.pot_life" : "cathode.relining_cost"), "cathode",
            "give both cathode.pot_life and cathode.relining_cost (or neither)");
  } else {
    c.notes.push_back("cathode relining not costed (give cathode.pot_life and cathode.relining_cost)");
  }

  // ---- prices
  in.lme_usd_per_kg = need("prices.lme");
  in.premium_usd_per_kg = need("prices.regional_premium");
  const auto alumina_price = opt("prices.alumina");
  const auto alumina_share = opt("prices.alumina_lme_share");
  if (alumina_price && alumina_share) {
    d.error(loc(v, "prices.alumina_lme_share"), "prices.alumina_lme_share",
            "give prices.alumina or prices.alumina_lme_share, not both");
  } else if (alumina_price) {
    in.alumina_usd_per_kg = *alumina_price;
  } else if (alumina_share) {
    in.alumina_usd_per_kg = *alumina_share * in.lme_usd_per_kg;
  } else {
    d.error({}, "prices.alumina", "required: give prices.alumina (USD/t) or prices.alumina_lme_share");
  }
  if (auto anode = opt("prices.anode")) {
    in.anode_usd_per_kg = *anode;
    if (opt("prices.coke") || opt("prices.pitch")) {
      d.error(loc(v, "prices.coke"), "prices.anode", "give prices.anode or prices.coke + prices.pitch, not both");
    }
  } else if (opt("prices.coke") && opt("prices.pitch")) {
    in.anode_usd_per_kg = need("anode.coke") * *opt("prices.coke") + need("anode.pitch") * *opt("prices.pitch") +
                          need("prices.anode_conversion");
  } else {
    d.error({}, "prices.anode", "required: give prices.anode (USD/t anode) or prices.coke and prices.pitch");
  }
  in.alf3_usd_per_kg = need("prices.alf3");
  in.power_usd_per_J = need("prices.power");

  // ---- labour and other costs
  in.employees = need("labour.employees");
  in.wage_usd_per_s = need("labour.wage");
  if (auto other = opt("costs.other")) {
    in.other_usd_per_kg = *other;
  } else {
    c.notes.push_back("costs.other not given: C1 excludes maintenance, consumables and casting");
  }
  in.depreciation_usd_per_kg = need("costs.depreciation");
  in.overheads_usd_per_kg = need("costs.overheads");
  in.sustaining_capex_usd_per_kg = need("costs.sustaining_capex");
  in.interest_usd_per_kg = need("costs.interest");

  // ---- emissions
  EmissionInputs& e = in.emissions;
  e.technology = *technology_class_from_name(v.text("emissions.technology_class"));
  e.co2_method = v.text("emissions.co2_method") == "tier1" ? Co2Method::kTier1 : Co2Method::kTier2;
  const std::string pfc = v.text("emissions.pfc_method");
  e.pfc_method = pfc == "slope" ? PfcMethod::kSlope : pfc == "overvoltage" ? PfcMethod::kOvervoltage : PfcMethod::kTier1;
  c.coefficient_set = *coefficient_set_from_name(v.text("emissions.coefficient_set"));
  c.gwp = *gwp_set_from_name(v.text("emissions.gwp"));
  e.net_anode_kg_per_kg = in.net_carbon_kg_per_kg;
  e.anode_sulfur_pct = need("emissions.anode_sulfur");
  e.anode_ash_pct = need("emissions.anode_ash");
  const Tier2Defaults& t2 = data.emissions.tier2;
  if (is_soderberg(e.technology)) {
    e.anode_baking = false;
    if (e.co2_method == Co2Method::kTier2) e.paste_kg_per_kg = need("emissions.paste_consumption", "for Søderberg Tier 2 CO2");
    e.csm_kg_per_t = e.technology == TechnologyClass::kHSS ? t2.csm_hss_kg_per_t : t2.csm_vss_kg_per_t;
    e.binder_pct = t2.binder_wet_pct;
    e.pitch_sulfur_pct = t2.pitch_sulfur_pct;
    e.pitch_ash_pct = t2.pitch_ash_pct;
    e.pitch_hydrogen_pct = t2.pitch_hydrogen_pct;
    e.coke_sulfur_pct = t2.coke_sulfur_pct;
    e.coke_ash_pct = t2.coke_ash_pct;
    e.skimmed_dust_carbon_kg_per_kg = t2.skimmed_dust_carbon_t_per_t;
  } else {
    e.anode_baking = v.number("plant.anode_plant") != 0.0;
    e.baked_anode_kg_per_kg = gross;
    e.green_anode_kg_per_kg = gross / (1.0 - need("emissions.baking_mass_loss"));
    e.hydrogen_share_of_green = t2.pitch_hydrogen_share_of_green;
    e.waste_tar_share_of_green = need("emissions.waste_tar_share");
    e.packing_coke_kg_per_kg_baked = t2.packing_coke_t_per_t_baked;
    e.packing_coke_sulfur_pct = t2.packing_coke_sulfur_pct;
    e.packing_coke_ash_pct = t2.packing_coke_ash_pct;
    if (!e.anode_baking) c.notes.push_back("anodes bought in: baking emissions are upstream (not in scope 1)");
  }
  // Anode-effect statistics from a dynamic run (`potline simulate` summary.json) replace AEM / AEO.
  std::optional<SimulatedAnodeEffects> simulated;
  if (const io::Value* sim = v.get("emissions.from_simulation"); sim != nullptr && !sim->text.empty()) {
    const std::string key = "emissions.from_simulation";
    if (e.pfc_method == PfcMethod::kTier1) {
      d.error(sim->location, key,
              "anode-effect statistics need emissions.pfc_method = \"slope\" or \"overvoltage\" (tier1 uses none)");
    } else {
      const bool overvoltage = e.pfc_method == PfcMethod::kOvervoltage;
      const char* own = overvoltage ? "emissions.aeo" : nullptr;
      for (const char* k : {"emissions.aem", "emissions.ae_frequency", "emissions.ae_duration", "emissions.aeo"}) {
        const bool conflicts = overvoltage ? std::string(k) == own : std::string(k) != "emissions.aeo";
        if (conflicts && opt(k)) {
          d.error(loc(v, k), k, std::string("give ") + k + " or emissions.from_simulation, not both");
        }
      }
      c.ae_summary_file = resolve_case_path(*sim);
      simulated = read_simulated_anode_effects(c.ae_summary_file, overvoltage, sim->location, key, d);
      if (simulated) {
        c.ae_per_cell_day = simulated->per_cell_day;
        c.ae_minutes_per_cell_day = simulated->minutes_per_cell_day;
        c.ae_overvoltage_mV = simulated->overvoltage_mV;
      }
    }
  }
  if (e.pfc_method == PfcMethod::kSlope) {
    if (!c.ae_summary_file.empty()) {
      if (simulated) e.aem_min_per_cell_day = simulated->minutes_per_cell_day;
    } else if (auto aem = opt("emissions.aem")) {
      e.aem_min_per_cell_day = *aem;
      if (opt("emissions.ae_frequency") || opt("emissions.ae_duration")) {
        d.error(loc(v, "emissions.aem"), "emissions.aem", "give emissions.aem or ae_frequency and ae_duration, not both");
      }
    } else if (opt("emissions.ae_frequency") && opt("emissions.ae_duration")) {
      e.aem_min_per_cell_day = anode_effect_minutes(*opt("emissions.ae_frequency"), *opt("emissions.ae_duration"));
    } else {
      d.error({}, "emissions.aem",
              "the slope method needs emissions.aem, emissions.ae_frequency and emissions.ae_duration, or "
              "emissions.from_simulation");
    }
  } else if (e.pfc_method == PfcMethod::kOvervoltage) {
    if (!c.ae_summary_file.empty()) {
      if (simulated) e.aeo_mV = *simulated->overvoltage_mV;
    } else {
      e.aeo_mV = need("emissions.aeo", "for the overvoltage method (or emissions.from_simulation)");
    }
    if (std::isnan(ce)) {
      d.error({}, "potline.current_efficiency", "the overvoltage method needs the current efficiency (AEO/CE)");
    }
  }
  e.current_efficiency_pct = std::isnan(ce) ? 0.0 : ce * 100.0;
  if (auto k = resolve_coefficients(data.emissions, c.coefficient_set, e.technology, c.gwp, e.co2_method,
                                    e.pfc_method, loc(v, "emissions.technology_class"), d)) {
    in.coefficients = *k;
  }

  // ---- fuels burnt on site (anode-baking furnace, casthouse)
  {
    const Fuel baking = fuel_from_name(v.text("fuel.baking_fuel")).value_or(Fuel::kNaturalGas);
    const Fuel casthouse = fuel_from_name(v.text("fuel.casthouse_fuel")).value_or(Fuel::kNaturalGas);
    e.baking_fuel_J_per_kg_anode = need("fuel.baking_energy");
    e.baking_fuel_co2_kg_per_J =
        opt("fuel.baking_emission_factor").value_or(data.emissions.fuel(baking).co2_kg_per_J);
    e.casthouse_fuel_J_per_kg = need("fuel.casthouse_energy");
    e.casthouse_fuel_co2_kg_per_J =
        opt("fuel.casthouse_emission_factor").value_or(data.emissions.fuel(casthouse).co2_kg_per_J);
  }

  // ---- power source
  const std::string source = v.text("power.source");
  if (source.empty()) {
    d.error({}, "power.source", "required: one of captive_coal, captive_gas, hydro, grid, ppa");
  } else {
    c.power_source = *power_source_from_name(source);
    e.power_captive = is_captive(c.power_source);
    const auto ef = opt("power.emission_factor");
    switch (c.power_source) {
      case PowerSource::kCaptiveCoal:
      case PowerSource::kCaptiveGas: {
        const PowerPlantDefaults& p = c.power_source == PowerSource::kCaptiveCoal ? data.emissions.coal : data.emissions.gas;
        const double eff = opt("power.plant_efficiency").value_or(p.efficiency);
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
          d.error({}, "power.emission_factor", "required for power.source = " + source +
                                                   ": the grid's or the contract's emission factor (t/MWh)");
        }
        break;
    }
  }

  // ---- CBAM
  if (auto eua = opt("cbam.eua_price")) {
    in.cbam = true;
    in.eua_eur_per_t = *eua;
    in.carbon_price_paid_eur_per_t = need("cbam.carbon_price_paid");
    in.usd_per_eur = need("cbam.usd_per_eur", "to state CBAM costs in USD");
    in.cbam_factor = data.cbam.factor;
    in.cbam_markup = data.cbam.default_markup;
    in.cbam_benchmark_t_per_t = data.cbam.benchmark_primary_t_per_t;
    in.cbam_cscf = opt("cbam.cross_sectoral_correction").value_or(data.cbam.cross_sectoral_correction);
    if (v.text("cbam.route") == "default") {
      in.cbam_default_route = true;
      c.cbam_country = v.text("cbam.default_country");
      const auto* def = data.cbam.default_for(c.cbam_country);
      if (def == nullptr) {
        std::string message = "no CBAM default value for country '" + c.cbam_country + "' in data/cbam.toml";
        const std::string hint = core::closest_match(c.cbam_country, data.cbam.default_countries());
        if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
        d.error(loc(v, "cbam.default_country"), "cbam.default_country", message);
      } else {
        in.cbam_default_see_t_per_t = def->direct_t_co2e_per_t;
      }
    }
  } else {
    c.notes.push_back("cbam.eua_price not given: no CBAM cost computed");
  }

  if (d.error_count() > errors_before) return std::nullopt;
  PotlineGroupCase g;
  g.name = "potline 1";
  g.technology = c.technology;
  g.sec_origin = c.sec_origin;
  g.count = static_cast<int>(v.maybe_number("potline.count").value_or(1.0));
  g.pots_per_line = opt("potline.pots_per_line");
  g.line_current_A = opt("potline.line_current") ? opt("potline.line_current") : cell_current;
  if (!std::isnan(ce)) g.current_efficiency = ce;
  g.employees_assigned = in.employees;
  g.ae_summary_file = c.ae_summary_file;
  g.ae_per_cell_day = c.ae_per_cell_day;
  g.ae_minutes_per_cell_day = c.ae_minutes_per_cell_day;
  g.ae_overvoltage_mV = c.ae_overvoltage_mV;
  c.potlines.push_back(std::move(g));
  return c;
}

}  // namespace detail

std::optional<SmelterCase> build_smelter_case(const io::ValueSet& user, const SmelterData& data,
                                              core::Diagnostics& d) {
  return detail::build_single(user, data, d);
}


std::vector<std::string> SmelterCase::input_files() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& f) {
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  add(ae_summary_file);
  for (const auto& g : potlines) add(g.ae_summary_file);
  return out;
}

namespace {

/// Converts one TOML value of a [[potline]] table (or a --set) against its group field.
void set_group_value(PotlineGroupValues& g, std::size_t index, const std::string& leaf, const std::string& raw,
                     bool is_string, const core::SourceLocation& where, const core::SourceLocation& key_where,
                     io::Origin origin, core::Diagnostics& d) {
  const io::Schema& schema = potline_group_schema();
  const io::FieldSpec* field = schema.find("potline." + leaf);
  if (field == nullptr) {
    std::vector<std::string> leaves;
    for (const auto& k : potline_group_keys()) leaves.push_back(k.leaf);
    std::string message = "unknown key in a [[potline]] table";
    const std::string hint = core::closest_match(leaf, leaves);
    if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
    message += "; 'potline schema smelter-potline' lists them";
    d.error(key_where, detail::group_key(index, leaf), message);
    return;
  }
  io::FieldSpec f = *field;
  f.key = detail::group_key(index, leaf);
  if (!is_string && (f.type == io::FieldType::kString || f.type == io::FieldType::kChoice)) {
    d.error(where, f.key, "expected a quoted string, got " + raw);
    return;
  }
  if (is_string && f.type == io::FieldType::kBool) {
    d.error(where, f.key, "expected true or false (unquoted), got the string '" + raw + "'");
    return;
  }
  auto value = io::convert_input(f, raw, is_string, where, d);
  if (!value) return;
  value->origin = origin;
  if (leaf == "name") {
    g.name = value->text;
    return;
  }
  for (const auto& k : potline_group_keys()) {
    if (k.leaf == leaf) g.values.set(k.flat, std::move(*value));
  }
}

}  // namespace

void read_smelter_case_text(const std::string& toml_text, const std::string& display_name, io::ValueSet& values,
                            std::vector<PotlineGroupValues>& groups, core::Diagnostics& d) {
  const io::Schema& schema = smelter_schema();
  toml::table doc;
  try {
    doc = toml::parse(toml_text, display_name);
  } catch (const toml::parse_error&) {
    io::read_case_text(toml_text, display_name, schema, values, d);  // reports the syntax error
    return;
  }
  const toml::array* array = doc["potline"].as_array();
  if (array == nullptr) {
    io::read_case_text(toml_text, display_name, schema, values, d);
    return;
  }
  // The schema reader sees `potline` as an unknown key: everything else it reads as usual.
  core::Diagnostics scratch;
  io::read_case_text(toml_text, display_name, schema, values, scratch);
  for (const auto& item : scratch.items()) {
    if (item.key == "potline") continue;
    if (item.severity == core::Severity::kError) {
      d.error(item.location, item.key, item.message);
    } else {
      d.warning(item.location, item.key, item.message);
    }
  }
  if (array->empty()) {
    d.error(io::toml_location(*array, display_name), "potline", "an empty potline array: give [[potline]] tables");
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& node = *array->get(i);
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      d.error(io::toml_location(node, display_name), "potline",
              "expected [[potline]] tables (one per group of identical potlines), got a value");
      continue;
    }
    PotlineGroupValues g;
    g.name = "potline " + std::to_string(i + 1);
    g.where = io::toml_location(node, display_name);
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (const auto& [k, n] : *table) entries.emplace_back(&k, &n);
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      const auto& pa = a.first->source().begin;
      const auto& pb = b.first->source().begin;
      return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    for (const auto& [k, n] : entries) {
      const std::string leaf(k->str());
      const core::SourceLocation where = io::toml_location(*n, display_name);
      std::string raw;
      bool is_string = false;
      if (const auto* x = n->as_string()) {
        raw = x->get();
        is_string = true;
      } else if (const auto* x = n->as_integer()) {
        raw = std::to_string(x->get());
      } else if (const auto* x = n->as_floating_point()) {
        raw = core::format_number(x->get());
      } else if (const auto* x = n->as_boolean()) {
        raw = x->get() ? "true" : "false";
      } else {
        d.error(where, detail::group_key(i, leaf), "expected a number or a string, got a TOML table, array or date");
        continue;
      }
      const auto& kb = k->source().begin;
      const core::SourceLocation key_where{display_name, static_cast<int>(kb.line), static_cast<int>(kb.column)};
      set_group_value(g, i, leaf, raw, is_string, where, key_where, io::Origin::kCaseFile, d);
    }
    groups.push_back(std::move(g));
  }
}

void apply_smelter_overrides(const std::vector<std::string>& sets, io::ValueSet& values,
                             std::vector<PotlineGroupValues>& groups, core::Diagnostics& d) {
  std::vector<io::Override> plain;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    auto o = io::parse_override(sets[i], static_cast<int>(i + 1), d);
    if (!o) continue;
    // potline[N].KEY=VALUE sets KEY of the N-th [[potline]] table.
    if (o->key.rfind("potline[", 0) != 0) {
      plain.push_back(*o);
      continue;
    }
    const core::SourceLocation where{"--set #" + std::to_string(o->index), 0, 0};
    const auto close = o->key.find("].");
    std::size_t n = 0;
    const std::string digits = close == std::string::npos ? std::string() : o->key.substr(8, close - 8);
    const bool number = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
    if (number) n = static_cast<std::size_t>(std::stoul(digits));
    if (!number || n < 1) {
      d.error(where, o->key, "expected potline[N].KEY=VALUE with N = 1, 2, ... (the N-th [[potline]] table)");
      continue;
    }
    if (groups.empty()) {
      d.error(where, o->key,
              "the case has no [[potline]] tables: set its [potline] keys as potline.KEY=VALUE");
      continue;
    }
    if (n > groups.size()) {
      d.error(where, o->key,
              "the case has " + std::to_string(groups.size()) + " [[potline]] tables; N must be 1.." +
                  std::to_string(groups.size()));
      continue;
    }
    const std::string leaf = o->key.substr(close + 2);
    const bool looks_numeric =
        !o->value.empty() && o->value.find_first_not_of("+-.0123456789eE") == std::string::npos;
    set_group_value(groups[n - 1], n - 1, leaf, o->value, !looks_numeric, where, where, io::Origin::kCommandLine, d);
  }
  io::apply_overrides(plain, smelter_schema(), values, d);
}

SmelterCase load_smelter_case(const std::string& path, const std::vector<std::string>& sets,
                              const SmelterData& data, core::Diagnostics& d) {
  io::ValueSet user;
  std::vector<PotlineGroupValues> groups;
  const auto text = io::read_text_file(path, "the case file", d);
  if (!text) throw core::InputError(d);
  read_smelter_case_text(*text, path, user, groups, d);
  apply_smelter_overrides(sets, user, groups, d);
  if (d.has_errors()) throw core::InputError(d);
  auto c = build_smelter_case(user, groups, data, d);
  if (!c || d.has_errors()) throw core::InputError(d);
  return std::move(*c);
}

}  // namespace potline::plant
