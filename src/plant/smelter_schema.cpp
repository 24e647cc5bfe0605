// The smelter case schema. Hard ranges reject meaningless input (negative prices or capacities,
// shares outside 0–1); typical ranges only warn. Defaults say where they come from.
#include "potline/plant/smelter_schema.hpp"

#include "potline/plant/emissions.hpp"

namespace potline::plant {

using io::FieldSpec;
using io::FieldType;

FieldSpec number_field(std::string key, std::string unit, std::string internal_unit, std::string description) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kNumber;
  f.unit = std::move(unit);
  f.internal_unit = std::move(internal_unit);
  f.description = std::move(description);
  return f;
}

FieldSpec& with_range(FieldSpec& f, std::optional<double> lo, std::optional<double> hi, bool lo_exclusive,
                      bool hi_exclusive) {
  f.min = lo;
  f.max = hi;
  f.min_exclusive = lo_exclusive;
  f.max_exclusive = hi_exclusive;
  return f;
}

namespace {

FieldSpec text_field(std::string key, std::string description) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kString;
  f.description = std::move(description);
  return f;
}

FieldSpec choice_field(std::string key, std::vector<std::string> choices, std::string def, std::string description,
                       std::string source = {}) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kChoice;
  f.choices = std::move(choices);
  f.default_text = std::move(def);
  f.description = std::move(description);
  f.source = std::move(source);
  return f;
}

FieldSpec integer_field(std::string key, double lo, double hi, std::string description) {
  FieldSpec f;
  f.key = std::move(key);
  f.type = FieldType::kInteger;
  f.description = std::move(description);
  f.min = lo;
  f.max = hi;
  return f;
}

// A price or cost per tonne: never negative.
FieldSpec money_per_t(std::string key, std::string description) {
  auto f = number_field(std::move(key), "USD/t", "USD/kg", std::move(description));
  with_range(f, 0.0, std::nullopt);
  return f;
}

FieldSpec share(std::string key, std::string description, bool hi_exclusive = false) {
  auto f = number_field(std::move(key), "1", "1", std::move(description));
  with_range(f, 0.0, 1.0, false, hi_exclusive);
  return f;
}

}  // namespace

std::vector<FieldSpec> smelter_fields() {
  std::vector<FieldSpec> v;
  const std::string econ = "/work/shared/references/economics.md §1";

  v.push_back(text_field("case.title", "free text shown in outputs"));

  // [potline]
  v.push_back(text_field("potline.technology",
                         "a technology id from data/technologies.toml ('potline technologies'): the cell "
                         "model (calibrated to the published operating point) gives the SEC, current "
                         "efficiency and line current; potline.sec_ac overrides the SEC"));
  {
    auto f = integer_field("potline.count", 1, 100, "number of identical potlines");
    f.default_value = 1;
    v.push_back(f);
  }
  v.push_back(integer_field("potline.pots_per_line", 1, 2000,
                            "pots in series per potline (with the line current and current efficiency "
                            "they give the nameplate capacity when plant.capacity is not set)"));
  {
    auto f = number_field("potline.line_current", "kA", "A", "line current");
    with_range(f, 0.0, 2000.0, true);
    f.default_note = "the technology's published line current when potline.technology is set";
    v.push_back(f);
  }
  {
    auto f = number_field("potline.current_efficiency", "%", "1", "current efficiency");
    with_range(f, 50.0, 100.0, false, true);
    f.typical_min = 85.0;
    f.typical_max = 96.5;
    f.source = "typical modern 93–96 % (physics.md §4)";
    f.default_note = "from the cell model when potline.technology is set";
    v.push_back(f);
  }
  {
    auto f = number_field("potline.sec_ac", "kWh/kg", "J/kg",
                          "AC specific energy of the potlines (rectifier input) per kg Al");
    with_range(f, 5.0, 30.0, true);
    f.typical_min = 11.5;
    f.typical_max = 16.5;
    f.source = "modern 12.0–13.5, old 170–228 kA lines ~15, pilot record 11.8 MWh/t (seed paper)";
    f.default_note = "sec_ac of the cell model when potline.technology is set";
    v.push_back(f);
  }

  // [plant]
  {
    auto f = number_field("plant.capacity", "t/yr", "kg/s", "nameplate capacity (primary metal)");
    with_range(f, 0.0, 1e8, true);
    f.default_note = "count × pots_per_line × Faraday production at line_current and current_efficiency";
    v.push_back(f);
  }
  {
    auto f = share("plant.capacity_factor", "production / nameplate capacity");
    f.default_value = 1.0;
    f.source = "default: full nameplate operation (state curtailment explicitly)";
    v.push_back(f);
  }
  {
    auto f = share("plant.auxiliary_share",
                   "share of the plant's electricity used outside the potlines (anode plant, casthouse, "
                   "services); 0 treats potline.sec_ac as the whole-plant figure",
                   true);
    f.default_value = 0.0;
    f.typical_min = 0.0;
    f.typical_max = 0.1;
    f.source = "seed paper: potlines 'typically consume in excess of 90 %' of a smelter's power";
    v.push_back(f);
  }
  {
    FieldSpec f;
    f.key = "plant.anode_plant";
    f.type = FieldType::kBool;
    f.default_text = "true";
    f.description = "the smelter bakes its own anodes (baking emissions are then on site, scope 1)";
    v.push_back(f);
  }

  // [consumption] per tonne of aluminium
  {
    auto f = number_field("consumption.alumina", "t/t", "1", "alumina per tonne of aluminium");
    with_range(f, 1.889, 3.0);
    f.default_value = 1.925;
    f.typical_min = 1.90;
    f.typical_max = 1.96;
    f.source = "estimate: middle of industrial 1.92–1.93 t/t; the stoichiometric minimum is 1.889 (" + econ + ")";
    v.push_back(f);
  }
  {
    auto f = number_field("consumption.net_carbon", "t/t", "1", "net anode (carbon) consumption per t Al");
    with_range(f, 0.0, 1.0, true);
    f.default_value = 0.425;
    f.typical_min = 0.38;
    f.typical_max = 0.50;
    f.source = "estimate: middle of net 0.40–0.45 t/t (" + econ + ")";
    v.push_back(f);
  }
  {
    auto f = number_field("consumption.gross_carbon", "t/t", "1",
                          "gross (baked) anode consumption per t Al, before butt recycling");
    with_range(f, 0.0, 1.5, true);
    f.default_value = 0.525;
    f.source = "estimate: middle of gross ≈0.50–0.55 t/t (" + econ + ")";
    v.push_back(f);
  }
  {
    auto f = number_field("consumption.alf3", "kg/t", "1", "AlF3 per t Al");
    with_range(f, 0.0, 100.0);
    f.default_value = 17.5;
    f.typical_min = 10.0;
    f.typical_max = 25.0;
    f.source = "estimate: middle of 15–20 kg/t (" + econ + ")";
    v.push_back(f);
  }
  {
    auto f = number_field("cathode.pot_life", "d", "s", "pot (cathode) life between relinings");
    with_range(f, 0.0, 20000.0, true);
    v.push_back(f);
  }
  {
    auto f = number_field("cathode.relining_cost", "USD", "USD", "cost of relining one pot");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }

  // [prices]
  v.push_back(integer_field("prices.year", 1950, 2100, "price year of every USD amount in the case"));
  v.push_back(money_per_t("prices.lme", "LME aluminium price"));
  {
    auto f = money_per_t("prices.regional_premium", "regional premium over LME (e.g. US Midwest)");
    f.default_value = 0.0;
    v.push_back(f);
  }
  v.push_back(money_per_t("prices.alumina", "alumina price delivered (incl. freight)"));
  {
    auto f = share("prices.alumina_lme_share", "alumina price as a share of the LME price (legacy contracts)");
    f.typical_min = 0.10;
    f.typical_max = 0.20;
    f.source = "legacy contracts ≈14 % of LME 3-month (" + econ + ")";
    v.push_back(f);
  }
  v.push_back(money_per_t("prices.anode", "baked anode price (per t anode)"));
  v.push_back(money_per_t("prices.coke", "calcined petroleum coke price (anode route from raw materials)"));
  v.push_back(money_per_t("prices.pitch", "coal-tar pitch price (anode route from raw materials)"));
  {
    auto f = money_per_t("prices.anode_conversion",
                         "anode plant conversion cost per t anode (forming, baking fuel, labour counted elsewhere is excluded)");
    f.default_value = 0.0;
    v.push_back(f);
  }
  {
    auto f = number_field("anode.coke", "t/t", "1", "calcined coke per t anode");
    with_range(f, 0.0, 1.0);
    f.default_value = 0.675;
    f.source = "estimate: middle of 0.65–0.70 t/t (" + econ + ")";
    v.push_back(f);
  }
  {
    auto f = number_field("anode.pitch", "t/t", "1", "coal-tar pitch per t anode");
    with_range(f, 0.0, 1.0);
    f.default_value = 0.145;
    f.source = "estimate: middle of 0.13–0.16 t/t (" + econ + ")";
    v.push_back(f);
  }
  v.push_back(money_per_t("prices.alf3", "aluminium fluoride price"));
  {
    auto f = number_field("prices.power", "USD/MWh", "USD/J", "electricity price (contract or tariff)");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }

  // [labour]
  v.push_back(integer_field("labour.employees", 0, 1e6, "employees of the smelter (all departments on site)"));
  {
    auto f = number_field("labour.wage", "USD/yr", "USD/s", "loaded annual cost per employee");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }

  // [costs]
  v.push_back(money_per_t("costs.other", "other cash costs per t: maintenance, consumables, casting, services"));
  for (const auto& [key, what] : std::vector<std::pair<std::string, std::string>>{
           {"costs.depreciation", "depreciation and amortisation per t (C2 = C1 + this)"},
           {"costs.overheads", "corporate overheads per t"},
           {"costs.sustaining_capex", "sustaining capital per t (in business cost)"},
           {"costs.interest", "net interest per t"}}) {
    auto f = money_per_t(key, what);
    f.default_value = 0.0;
    v.push_back(f);
  }

  // [emissions]
  const std::string ipcc = "IPCC 2006 Guidelines Vol. 3 Ch. 4.4 (data/emissions/ipcc-aluminium.toml)";
  v.push_back(choice_field("emissions.technology_class", technology_class_names(), "CWPB",
                           "IPCC cell technology class (PFPB_* exist in the IPCC2019 set; in IPCC2006 they use CWPB)", ipcc));
  v.push_back(choice_field("emissions.co2_method", {"tier1", "tier2"}, "tier2",
                           "CO2 from anodes: tier1 default factor, or tier2 from the carbon consumption", ipcc));
  v.push_back(choice_field("emissions.pfc_method", {"tier1", "slope", "overvoltage"}, "tier1",
                           "PFC method: tier1 factors, slope (needs AEM) or overvoltage (needs AEO)", ipcc));
  v.push_back(choice_field("emissions.coefficient_set", {"IPCC2006", "IPCC2019"}, "IPCC2006",
                           "PFC coefficient set", ipcc));
  v.push_back(choice_field("emissions.gwp", gwp_set_names(), "AR5", "GWP-100 set for CF4 and C2F6",
                           "default AR5: the set of the UNFCCC Paris reporting guidelines (decision 18/CMA.1)"));
  {
    auto f = number_field("emissions.anode_sulfur", "%", "%", "sulfur in baked anodes (eq. 4.21)");
    with_range(f, 0.0, 10.0);
    f.default_value = 2.0;
    f.source = "IPCC default, 40 CFR 98 Table F-2";
    v.push_back(f);
  }
  {
    auto f = number_field("emissions.anode_ash", "%", "%", "ash in baked anodes (eq. 4.21)");
    with_range(f, 0.0, 10.0);
    f.default_value = 0.4;
    f.source = "IPCC default, 40 CFR 98 Table F-2";
    v.push_back(f);
  }
  {
    auto f = number_field("emissions.aem", "min/d", "min/d", "anode-effect minutes per cell-day (slope method)");
    with_range(f, 0.0, 100.0);
    v.push_back(f);
  }
  {
    auto f = number_field("emissions.ae_frequency", "1/d", "1/d", "anode effects per cell-day (AEM = frequency × duration)");
    with_range(f, 0.0, 20.0);
    v.push_back(f);
  }
  {
    auto f = number_field("emissions.ae_duration", "min", "min", "mean anode-effect duration");
    with_range(f, 0.0, 600.0);
    v.push_back(f);
  }
  v.push_back(text_field("emissions.from_simulation",
                         "summary.json of a 'potline simulate' run (path relative to this case file): its "
                         "ae_minutes_per_cell_day is the AEM of the slope method, its ae_overvoltage_mV the AEO "
                         "of the overvoltage method; replaces emissions.aem / ae_frequency / ae_duration / aeo"));
  {
    auto f = number_field("emissions.aeo", "mV", "mV", "anode-effect overvoltage per cell (overvoltage method)");
    with_range(f, 0.0, 10000.0);
    v.push_back(f);
  }
  {
    auto f = share("emissions.baking_mass_loss", "mass lost by green anodes in baking, (GA − BA)/GA", true);
    f.default_value = 0.05;
    f.source = "estimate: pitch is 13–16 % of the anode (economics.md §1) and roughly a third of it "
               "volatilises in baking; give plant data";
    v.push_back(f);
  }
  {
    auto f = share("emissions.waste_tar_share", "waste tar collected per green anode mass (WT/GA)");
    f.default_value = 0.0;
    f.source = "40 CFR 98 Table F-2: 0.005 for Riedhammer furnaces, insignificant for others";
    v.push_back(f);
  }
  {
    auto f = number_field("emissions.paste_consumption", "t/t", "1", "Søderberg paste consumption per t Al (eq. 4.22)");
    with_range(f, 0.0, 1.5, true);
    v.push_back(f);
  }

  // [fuel] fuels burnt on site outside the power plant (scope 1, fuel combustion)
  const std::string fuels = "IPCC 2006 Vol. 2 Ch. 2 Table 2.3 default CO2 factors (data/emissions/fuels.toml)";
  {
    auto f = number_field("fuel.baking_energy", "GJ/t", "J/kg",
                          "fuel (oil or gas) burnt in the anode-baking furnace per t of baked anode; counted only "
                          "with an anode plant on site (plant.anode_plant, prebake)");
    with_range(f, 0.0, 20.0);
    f.default_value = 2.25;
    f.typical_min = 1.5;
    f.typical_max = 4.0;
    f.source = "estimate from SINTEF (Hydro Aluminium, HAL anode baking furnace, sintef.no publication 1268045): "
               "modern baking furnaces use 4.8-5.2 GJ/t in total, of which oil or gas 40-50 % (the rest pitch "
               "volatiles and packing coke, already counted in baking_co2); 5.0 x 0.45 = 2.25 GJ/t";
    v.push_back(f);
  }
  v.push_back(choice_field("fuel.baking_fuel", fuel_names(), "natural_gas",
                           "fuel of the anode-baking furnace (its CO2 factor from data/emissions/fuels.toml)", fuels));
  {
    auto f = number_field("fuel.baking_emission_factor", "t/TJ", "kg/J",
                          "CO2 per TJ of baking-furnace fuel (net calorific basis); overrides fuel.baking_fuel's default");
    with_range(f, 0.0, 120.0);
    f.default_note = "of fuel.baking_fuel: natural gas 56.1, fuel oil 77.4 t/TJ (data/emissions/fuels.toml)";
    v.push_back(f);
  }
  {
    auto f = number_field("fuel.casthouse_energy", "GJ/t", "J/kg",
                          "fuel burnt in the casthouse (holding, alloying and remelt furnaces) per t of cast metal; "
                          "all metal produced is taken to be cast");
    with_range(f, 0.0, 20.0);
    f.default_value = 1.0;
    f.typical_min = 0.3;
    f.typical_max = 3.0;
    f.source = "estimate: a primary casthouse receives liquid metal, so its fuel serves holding, alloying and the "
               "remelt of scrap and cold metal; 1 GJ/t is a round middle figure, not from a published survey; "
               "give plant data";
    v.push_back(f);
  }
  v.push_back(choice_field("fuel.casthouse_fuel", fuel_names(), "natural_gas",
                           "fuel of the casthouse furnaces (its CO2 factor from data/emissions/fuels.toml)", fuels));
  {
    auto f = number_field("fuel.casthouse_emission_factor", "t/TJ", "kg/J",
                          "CO2 per TJ of casthouse fuel (net calorific basis); overrides fuel.casthouse_fuel's default");
    with_range(f, 0.0, 120.0);
    f.default_note = "of fuel.casthouse_fuel: natural gas 56.1, fuel oil 77.4 t/TJ (data/emissions/fuels.toml)";
    v.push_back(f);
  }

  // [power]
  v.push_back(choice_field("power.source", {"captive_coal", "captive_gas", "hydro", "grid", "ppa"}, "",
                           "where the electricity comes from (captive: scope 1; purchased: scope 2)"));
  {
    auto f = number_field("power.emission_factor", "t/MWh", "kg/J",
                          "CO2 per MWh of electricity (required for grid and ppa; overrides the captive default)");
    with_range(f, 0.0, 2.0);
    v.push_back(f);
  }
  {
    auto f = number_field("power.plant_efficiency", "1", "1", "net efficiency of a captive thermal plant");
    with_range(f, 0.0, 1.0, true);
    f.default_note = "data/emissions/power.toml (coal 0.35, gas 0.45; estimates)";
    v.push_back(f);
  }

  // [cbam]
  {
    auto f = number_field("cbam.eua_price", "EUR/t", "EUR/t", "CBAM certificate (EU ETS) price per t CO2e; enables CBAM output");
    with_range(f, 0.0, std::nullopt);
    v.push_back(f);
  }
  {
    auto f = number_field("cbam.carbon_price_paid", "EUR/t", "EUR/t",
                          "carbon price effectively paid at origin per t CO2e embedded (Art. 9)");
    with_range(f, 0.0, std::nullopt);
    f.default_value = 0.0;
    v.push_back(f);
  }
  {
    auto f = number_field("cbam.usd_per_eur", "USD/EUR", "USD/EUR", "exchange rate for cbam_usd_per_t");
    with_range(f, 0.0, 10.0, true);
    v.push_back(f);
  }
  v.push_back(choice_field("cbam.route", {"actual", "default"}, "actual",
                           "actual embedded emissions, or the country default value with its mark-up"));
  v.push_back(text_field("cbam.default_country", "ISO 3166 alpha-3 country for the default-value route (data/cbam.toml)"));
  {
    auto f = share("cbam.cross_sectoral_correction", "cross-sectoral correction factor of free allocation");
    f.default_note = "data/cbam.toml";
    v.push_back(f);
  }
  return v;
}

const io::Schema& smelter_schema() {
  static const io::Schema schema("smelter", smelter_fields());
  return schema;
}

const std::vector<PotlineGroupKey>& potline_group_keys() {
  static const std::vector<PotlineGroupKey> keys = {
      {"name", ""},
      {"technology", "potline.technology"},
      {"count", "potline.count"},
      {"pots_per_line", "potline.pots_per_line"},
      {"line_current", "potline.line_current"},
      {"current_efficiency", "potline.current_efficiency"},
      {"sec_ac", "potline.sec_ac"},
      {"capacity", "plant.capacity"},
      {"capacity_factor", "plant.capacity_factor"},
      {"employees", "labour.employees"},
      {"alumina", "consumption.alumina"},
      {"net_carbon", "consumption.net_carbon"},
      {"gross_carbon", "consumption.gross_carbon"},
      {"alf3", "consumption.alf3"},
      {"pot_life", "cathode.pot_life"},
      {"relining_cost", "cathode.relining_cost"},
      {"technology_class", "emissions.technology_class"},
      {"pfc_method", "emissions.pfc_method"},
      {"aem", "emissions.aem"},
      {"ae_frequency", "emissions.ae_frequency"},
      {"ae_duration", "emissions.ae_duration"},
      {"aeo", "emissions.aeo"},
      {"from_simulation", "emissions.from_simulation"},
      {"paste_consumption", "emissions.paste_consumption"},
  };
  return keys;
}

const io::Schema& potline_group_schema() {
  static const io::Schema schema("smelter-potline", [] {
    std::vector<FieldSpec> out;
    const io::Schema& flat = smelter_schema();
    for (const auto& k : potline_group_keys()) {
      FieldSpec f;
      if (k.flat.empty()) {
        f = text_field("potline." + k.leaf, "name of this potline group, shown in outputs");
        f.default_note = "\"potline N\" (N = position of the [[potline]] table)";
        out.push_back(f);
        continue;
      }
      f = *flat.find(k.flat);
      f.key = "potline." + k.leaf;
      f.default_value.reset();
      f.default_text.clear();
      // potline.* fields keep their own note (the technology gives them); the others fall back to
      // the smelter's value, which has the smelter field's default.
      if (k.flat.rfind("potline.", 0) != 0) f.default_note = "the smelter's " + k.flat;
      if (k.flat == "potline.count") {
        f.default_value = 1;
        f.default_note.clear();
      } else if (k.flat == "plant.capacity") {
        f.description = "nameplate capacity of this group";
        f.default_note = "count x pots_per_line x Faraday production at line_current and current_efficiency";
      } else if (k.flat == "labour.employees") {
        f.description = "employees assigned to this group (potrooms); labour.employees counts the others, "
                        "shared among the groups by production";
        f.default_value = 0;
        f.default_note.clear();
      }
      out.push_back(f);
    }
    return out;
  }());
  return schema;
}

}  // namespace potline::plant
