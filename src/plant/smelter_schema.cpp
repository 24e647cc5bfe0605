// The smelter case schema. Hard ranges reject meaningless input (negative prices or capacities,
// shares outside 0–1); typical ranges only warn. Defaults say where they come from. Fields that
// map 1:1 to a member of SmelterCase are bound here; the others (alternatives such as
// prices.alumina or prices.alumina_lme_share, inputs used in formulas) are read by the case.
#include "potline/plant/smelter_schema.hpp"

#include "ccs_internal.hpp"
#include "potline/plant/emissions.hpp"
#include "potline/plant/smelter_case.hpp"
#include "potline/plant/typical_prices.hpp"

namespace potline::plant {
namespace {

using Table = io::SchemaTable<SmelterCase>;
const std::string kEcon = "industry figures as commonly quoted";
const std::string kIpcc =
    "[IPCC 2006 Vol3 Ch4] (data/emissions/ipcc-aluminium.toml)";
// The typical range of emissions.aem: 0 (no anode effect, an inert anode) up to 10 AE-min/cell-day,
// above the AEM of the poorest class's IPCC Tier 1 default (Tier 1 CF4 over the slope: VSS 0.8/0.092
// = 8.7). A value outside (50: anode effects per pot-day or seconds typed for minutes) is warned.
const std::string kAemTypicalSource =
    "[IPCC 2006 Vol3 Ch4]: its Tier 1 CF4 defaults (Table 4.15) over the slope coefficients (Table 4.16) "
    "are AEM 2.8 (CWPB), 5.9 (SWPB), 8.7 (VSS) and 4.0 (HSS) min/cell-day; modern point-fed cells "
    "0.003-0.15 ([IAI Anode Effect Survey]; data/fleet-anode-effects.toml)";
const std::string kFuels =
    "[IPCC 2006 Vol2] Ch. 2 Table 2.3 default CO2 factors (data/emissions/fuels.toml)";

// Name -> enum pairs of a choice whose names come from the emissions module.
template <class E, class FromName>
std::vector<std::pair<std::string, E>> named(const std::vector<std::string>& names,
                                             FromName from_name) {
  std::vector<std::pair<std::string, E>> out;
  for (const auto& n : names) out.emplace_back(n, *from_name(n));
  return out;
}

void add_potline_and_plant(Table& t) {
  t.text("case.title", &SmelterCase::title).doc("free text shown in outputs");
  t.text("potline.technology")
      .doc(
          "a technology id from data/technologies.toml ('potline technologies'): the cell "
          "model (calibrated to the published operating point) gives the SEC, current "
          "efficiency and line current; potline.sec_ac overrides the SEC");
  t.integer("potline.count").default_(1).range(1, 100).doc("number of identical potlines");
  t.integer("potline.pots_per_line")
      .range(1, 2000)
      .default_note(
          "required unless plant.capacity is set (then the pots the capacity needs, from one "
          "pot's output, for the relining)")
      .doc(
          "pots in series per potline (with the line current and current efficiency "
          "they give the nameplate capacity when plant.capacity is not set; with plant.capacity, "
          "count × pots_per_line must make it within ±20 %; the cathode relining is spread over "
          "them, or without them over the pots the capacity needs)");
  t.number("potline.line_current")
      .unit("kA", "A")
      .range(0.0, 2000.0)
      .exclusive_min()
      .default_note("the technology's published line current when potline.technology is set")
      .doc("line current");
  t.number("potline.current_efficiency")
      .unit("%", "1")
      .range(50.0, 100.0)
      .exclusive_max()
      .typical(85.0, 96.5)
      .source("typical modern 93–96 % as commonly quoted")
      .default_note("from the cell model when potline.technology is set")
      .doc("current efficiency");
  t.number("potline.sec_ac")
      .unit("kWh/kg", "J/kg")
      .range(5.0, 30.0)
      .exclusive_min()
      .typical(11.5, 16.5)
      .source("modern 12.0–13.5, old 170–228 kA lines ~15, pilot record 11.8 MWh/t ([Wang et al. 2025])")
      .default_note("sec_ac of the cell model when potline.technology is set")
      .doc("AC specific energy of the potlines (rectifier input) per kg Al");

  auto in = t.part(&SmelterCase::inputs);
  // From 1 t/yr: a guard, not a physical limit (every smelter is thousands of times larger). The
  // per-GW and per-t figures divide by the capacity and overflowed for a tiny positive one (1e-300 t/yr
  // made jobs_per_GW infinite).
  t.number("plant.capacity")
      .unit("t/yr", "kg/s")
      .range(1.0, 1e8)
      .typical(kTypicalCapacity_t_per_yr.lo, kTypicalCapacity_t_per_yr.hi)  // T12-8: a kt/t slip warns
      .source(kTypicalCapacity_t_per_yr.basis)
      .default_note(
          "count × pots_per_line × Faraday production at line_current and current_efficiency")
      .doc("nameplate capacity (primary metal)");
  in.number("plant.capacity_factor", &SmelterInputs::capacity_factor)
      .unit("1")
      .default_(1.0)
      .range(0.0, 1.0)
      .source("default: full nameplate operation (state curtailment explicitly)")
      .doc("production / nameplate capacity");
  in.number("plant.auxiliary_share", &SmelterInputs::auxiliary_share)
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .exclusive_max()
      .typical(0.0, 0.1)
      .source("[Wang et al. 2025]: potlines 'typically consume in excess of 90 %' of a smelter's power")
      .doc(
          "share of the plant's electricity used outside the potlines (anode plant, casthouse, "
          "services); 0 treats potline.sec_ac as the whole-plant figure");
  t.boolean("plant.anode_plant")
      .default_(true)
      .doc("the smelter bakes its own anodes (baking emissions are then on site, scope 1)");
}

// [consumption] per tonne of aluminium, [cathode]
void add_consumption(Table& t) {
  auto in = t.part(&SmelterCase::inputs);
  in.number("consumption.alumina", &SmelterInputs::alumina_kg_per_kg)
      .unit("t/t", "1")
      .default_(1.925)
      .range(1.889, 3.0)
      .typical(1.90, 1.96)
      .source(
          "estimate: middle of industrial 1.92–1.93 t/t; the stoichiometric minimum is 1.889 from [CIAAW 2021] molar masses (" +
          kEcon + ")")
      .doc("alumina per tonne of aluminium");
  in.number("consumption.net_carbon", &SmelterInputs::net_carbon_kg_per_kg)
      .unit("t/t", "1")
      .default_(0.425)
      .range(0.0, 1.0)
      .exclusive_min()
      .typical(0.38, 0.50)
      .source("estimate: middle of net 0.40–0.45 t/t (" + kEcon + ")")
      .doc("net anode (carbon) consumption per t Al");
  t.number("consumption.gross_carbon")
      .unit("t/t", "1")
      .default_(0.525)
      .range(0.0, 1.5)
      .exclusive_min()
      .source("estimate: middle of gross ≈0.50–0.55 t/t (" + kEcon + ")")
      .doc("gross (baked) anode consumption per t Al, before butt recycling");
  in.number("consumption.alf3", &SmelterInputs::alf3_kg_per_kg)
      .unit("kg/t", "1")
      .default_(17.5)
      .range(0.0, 100.0)
      .typical(10.0, 25.0)
      .source("estimate: middle of 15–20 kg/t (" + kEcon + ")")
      .doc("AlF3 per t Al");
  t.number("cathode.pot_life")
      .unit("d", "s")
      .range(0.0, 20000.0)
      .exclusive_min()
      .doc("pot (cathode) life between relinings");
  t.number("cathode.relining_cost").unit("USD").min(0.0).doc("cost of relining one pot");
}

// [prices], [anode], [labour], [costs]
void add_prices_and_costs(Table& t) {
  auto in = t.part(&SmelterCase::inputs);
  // A money field per t; with a typical range (T11-1), a USD/kg slip warns with the 1000x hint.
  auto money = [](io::FieldBuilder f, std::string what,
                  const TypicalRange* typical = nullptr) -> io::FieldBuilder {
    f.unit("USD/t", "USD/kg").min(0.0).doc(std::move(what));
    if (typical != nullptr) f.typical(typical->lo, typical->hi).source(typical->basis);
    return f;
  };
  t.integer("prices.year", &SmelterCase::price_year)
      .range(1950, 2100)
      .doc("price year of every USD amount in the case");
  money(in.number("prices.lme", &SmelterInputs::lme_usd_per_kg), "LME aluminium price",
        &kTypicalLme_usd_per_t);
  money(in.number("prices.regional_premium", &SmelterInputs::premium_usd_per_kg),
        "regional premium over LME (e.g. US Midwest)", &kTypicalPremium_usd_per_t)
      .default_(0.0);
  money(t.number("prices.alumina"), "alumina price delivered (incl. freight)",
        &kTypicalAlumina_usd_per_t);
  t.number("prices.alumina_lme_share")
      .unit("1")
      .range(0.0, 1.0)
      .typical(0.10, 0.30)
      .source(
          "index prices ≈21 % of the LME in 2024 [FocusEconomics alumina 2024], up to ≈29 % at "
          "CRU's "
          "35-year high of 702.50 USD/t on 31 Oct 2024 [CRU alumina 2024]; legacy LME-linked "
          "contracts "
          "≈14 % (" +
          kEcon + ")")
      .doc("alumina price as a share of the LME price (index prices or LME-linked contracts)");
  money(t.number("prices.anode"), "baked anode price (per t anode)", &kTypicalAnode_usd_per_t);
  money(t.number("prices.coke"), "calcined petroleum coke price (anode route from raw materials)");
  money(t.number("prices.pitch"), "coal-tar pitch price (anode route from raw materials)");
  money(t.number("prices.anode_conversion"),
        "anode plant conversion cost per t anode (forming, baking fuel, labour counted elsewhere "
        "is excluded)")
      .default_(0.0);
  t.number("anode.coke")
      .unit("t/t", "1")
      .default_(0.675)
      .range(0.0, 1.0)
      .source("estimate: middle of 0.65–0.70 t/t (" + kEcon + ")")
      .doc("calcined coke per t anode");
  t.number("anode.pitch")
      .unit("t/t", "1")
      .default_(0.145)
      .range(0.0, 1.0)
      .source("estimate: middle of 0.13–0.16 t/t (" + kEcon + ")")
      .doc("coal-tar pitch per t anode");
  money(in.number("prices.alf3", &SmelterInputs::alf3_usd_per_kg), "aluminium fluoride price",
        &kTypicalAlf3_usd_per_t);
  in.number("prices.power", &SmelterInputs::power_usd_per_J)
      .unit("USD/MWh", "USD/J")
      .min(0.0)
      .typical(5.0, 300.0)
      .source("typical range an estimate: the 2024 power prices of the world fleet's smelters "
              "(data/smelters.csv, docs/data.md) span 20–97 USD/MWh, widened for contracts and spikes")
      .doc("electricity price (contract or tariff)");

  in.integer("labour.employees", &SmelterInputs::employees)
      .range(0, 1e6)
      .doc("employees of the smelter (all departments on site)");
  in.number("labour.wage", &SmelterInputs::wage_usd_per_s)
      .unit("USD/yr", "USD/s")
      .min(0.0)
      .typical(kTypicalWage_usd_per_yr.lo, kTypicalWage_usd_per_yr.hi)
      .source(kTypicalWage_usd_per_yr.basis)
      .doc("loaded annual cost per employee");

  money(t.number("costs.other"),
        "other cash costs per t: maintenance, consumables, casting, services",
        &kTypicalOtherCost_usd_per_t);
  money(in.number("costs.depreciation", &SmelterInputs::depreciation_usd_per_kg),
        "depreciation and amortisation per t (C2 = C1 + this)")
      .default_(0.0);
  money(in.number("costs.overheads", &SmelterInputs::overheads_usd_per_kg),
        "corporate overheads per t")
      .default_(0.0);
  money(in.number("costs.sustaining_capex", &SmelterInputs::sustaining_capex_usd_per_kg),
        "sustaining capital per t (in business cost)", &kTypicalSustainingCapex_usd_per_t)
      .default_(0.0);
  money(in.number("costs.interest", &SmelterInputs::interest_usd_per_kg), "net interest per t")
      .default_(0.0);
}

// [emissions]
void add_emissions(Table& t) {
  auto e = t.part(&SmelterCase::inputs).part(&SmelterInputs::emissions);
  e.choice("emissions.technology_class", &EmissionInputs::technology,
           named<TechnologyClass>(technology_class_names(), technology_class_from_name))
      .default_("CWPB")
      .source(kIpcc)
      .doc(
          "IPCC cell technology class (PFPB_* exist in the IPCC2019 set; in IPCC2006 they use "
          "CWPB); when not given, the class of potline.technology (PFPB from 1990: PFPB_modern, as the fleet)");
  e.choice("emissions.co2_method", &EmissionInputs::co2_method,
           {{"tier1", Co2Method::kTier1}, {"tier2", Co2Method::kTier2}})
      .default_("tier2")
      .source(kIpcc)
      .doc("CO2 from anodes: tier1 default factor, or tier2 from the carbon consumption");
  // Read by the case (smelter_pfc_default.cpp): its default depends on the technology (T8-4).
  t.choice("emissions.pfc_method", {"tier1", "slope", "overvoltage"})
      .default_note(
          "as the fleet: slope with the AEM of the technology class's entry in data/fleet-anode-effects.toml "
          "(PFPB_modern 0.015 min/cell-day; the other classes the IAI's 2016 world average, 0.38 t CO2e/t); slope "
          "or overvoltage when the case gives emissions.aem / ae_frequency / from_simulation or aeo; tier1 "
          "without a table entry (emissions_method.pfc_basis says which)")
      .source(kIpcc)
      .doc("PFC method: tier1 factors, slope (needs AEM) or overvoltage (needs AEO)");
  t.choice("emissions.coefficient_set", &SmelterCase::coefficient_set,
           named<CoefficientSet>({"IPCC2006", "IPCC2019"}, coefficient_set_from_name))
      .default_("IPCC2006")
      .source(kIpcc)
      .doc(
          "PFC coefficient set (when the slope method is defaulted, i.e. emissions.pfc_method not given, the "
          "anode-effect table's: IPCC2019)");
  t.choice("emissions.gwp", &SmelterCase::gwp, named<GwpSet>(gwp_set_names(), gwp_set_from_name))
      .default_("AR5")
      .source("default AR5: the set of the UNFCCC Paris reporting guidelines (decision 18/CMA.1)")
      .doc("GWP-100 set for CF4 and C2F6");
  e.number("emissions.anode_sulfur", &EmissionInputs::anode_sulfur_pct)
      .unit("%")
      .default_(2.0)
      .range(0.0, 10.0)
      .warn_plain_fraction()
      .source("[IPCC 2006 Vol3 Ch4] default, [40 CFR 98 Subpart F] Table F-2")
      .doc("sulfur in baked anodes (eq. 4.21)");
  e.number("emissions.anode_ash", &EmissionInputs::anode_ash_pct)
      .unit("%")
      .default_(0.4)
      .range(0.0, 10.0)
      .source("[IPCC 2006 Vol3 Ch4] default, [40 CFR 98 Subpart F] Table F-2")
      .doc("ash in baked anodes (eq. 4.21)");
  t.number("emissions.aem")
      .unit("min/d")
      .range(0.0, 100.0)
      .typical(0.0, 10.0)
      .source(kAemTypicalSource)
      .doc("anode-effect minutes per cell-day (slope method)");
  t.number("emissions.ae_frequency")
      .unit("1/d")
      .range(0.0, 20.0)
      .doc("anode effects per cell-day (AEM = frequency × duration)");
  t.number("emissions.ae_duration").unit("min").range(0.0, 600.0).doc("mean anode-effect duration");
  t.text("emissions.from_simulation")
      .path()
      .doc(
          "summary.json of a 'potline simulate' run, or its run folder (path relative to this case file): its "
          "ae_minutes_per_cell_day is the AEM of the slope method, its ae_overvoltage_mV the AEO "
          "of the overvoltage method; replaces emissions.aem / ae_frequency / ae_duration / aeo");
  t.number("emissions.aeo")
      .unit("mV")
      .range(0.0, 10000.0)
      .doc("anode-effect overvoltage per cell (overvoltage method)");
  // Read by the case (smelter_emission_inputs.cpp, plant::low_voltage_pfc): its default is the
  // coefficient set's LVAE factor of the class where the data file gives one (user trial T10-7).
  t.number("emissions.low_voltage_cf4")
      .unit("kg/t", "kg/kg")
      .range(0.0, 1.0)
      .default_note(
          "the coefficient set's low-voltage (LVAE) CF4 factor of the class where data/emissions/ipcc-aluminium.toml "
          "gives one (none today: the IPCC 2019 Refinement's LVAE table was not read), else 0: not included")
      .source("[Wong et al. 2019]; [Thonstad & Rolseth 2017]; range as pfc.low_voltage_cf4 of simulate")
      .doc("low-voltage (non-anode-effect) CF4 per t Al, added to the CF4 of the PFC method (no C2F6); outputs "
           "say whether it is included");
  t.number("emissions.baking_mass_loss")
      .unit("1")
      .default_(0.05)
      .range(0.0, 1.0)
      .exclusive_max()
      .source(
          "estimate: pitch is 13–16 % of the anode (as commonly quoted) and roughly a third of it "
          "volatilises in baking; give plant data")
      .doc("mass lost by green anodes in baking, (GA − BA)/GA");
  t.number("emissions.waste_tar_share")
      .unit("1")
      .default_(0.0)
      .range(0.0, 1.0)
      .source("[40 CFR 98 Subpart F] Table F-2: 0.005 for Riedhammer furnaces, insignificant for others")
      .doc("waste tar collected per green anode mass (WT/GA)");
  t.number("emissions.paste_consumption")
      .unit("t/t", "1")
      .range(0.0, 1.5)
      .exclusive_min()
      .doc("Søderberg paste consumption per t Al (eq. 4.22)");
}

// [fuel] fuels burnt on site outside the power plant (scope 1, fuel combustion)
void add_fuel(Table& t) {
  auto e = t.part(&SmelterCase::inputs).part(&SmelterInputs::emissions);
  e.number("fuel.baking_energy", &EmissionInputs::baking_fuel_J_per_kg_anode)
      .unit("GJ/t", "J/kg")
      .default_(2.25)
      .range(0.0, 20.0)
      .typical(1.5, 4.0)
      .source(
          "estimate from SINTEF (Hydro Aluminium, HAL anode baking furnace, sintef.no publication "
          "1268045): "
          "modern baking furnaces use 4.8-5.2 GJ/t in total, of which oil or gas 40-50 % (the rest "
          "pitch "
          "volatiles and packing coke, already counted in baking_co2); 5.0 x 0.45 = 2.25 GJ/t")
      .doc(
          "fuel (oil or gas) burnt in the anode-baking furnace per t of baked anode; counted only "
          "with an anode plant on site (plant.anode_plant, prebake)");
  t.choice("fuel.baking_fuel", fuel_names())
      .default_("natural_gas")
      .source(kFuels)
      .doc("fuel of the anode-baking furnace (its CO2 factor from data/emissions/fuels.toml)");
  t.number("fuel.baking_emission_factor")
      .unit("t/TJ", "kg/J")
      .range(0.0, 120.0)
      .default_note(
          "of fuel.baking_fuel: natural gas 56.1, fuel oil 77.4 t/TJ (data/emissions/fuels.toml)")
      .doc(
          "CO2 per TJ of baking-furnace fuel (net calorific basis); overrides fuel.baking_fuel's "
          "default");
  e.number("fuel.casthouse_energy", &EmissionInputs::casthouse_fuel_J_per_kg)
      .unit("GJ/t", "J/kg")
      .default_(1.0)
      .range(0.0, 20.0)
      .typical(0.3, 3.0)
      .source(
          "estimate: a primary casthouse receives liquid metal, so its fuel serves holding, "
          "alloying and the "
          "remelt of scrap and cold metal; 1 GJ/t is a round middle figure, not from a published "
          "survey; "
          "give plant data")
      .doc(
          "fuel burnt in the casthouse (holding, alloying and remelt furnaces) per t of cast "
          "metal; "
          "all metal produced is taken to be cast");
  t.choice("fuel.casthouse_fuel", fuel_names())
      .default_("natural_gas")
      .source(kFuels)
      .doc("fuel of the casthouse furnaces (its CO2 factor from data/emissions/fuels.toml)");
  t.number("fuel.casthouse_emission_factor")
      .unit("t/TJ", "kg/J")
      .range(0.0, 120.0)
      .default_note(
          "of fuel.casthouse_fuel: natural gas 56.1, fuel oil 77.4 t/TJ "
          "(data/emissions/fuels.toml)")
      .doc(
          "CO2 per TJ of casthouse fuel (net calorific basis); overrides fuel.casthouse_fuel's "
          "default");
}

// [power], [cbam]
void add_power_and_cbam(Table& t) {
  t.choice("power.source", {"captive_coal", "captive_gas", "hydro", "grid", "ppa"})
      .doc("where the electricity comes from (captive: scope 1; purchased: scope 2)");
  t.number("power.emission_factor")
      .unit("t/MWh", "kg/J")
      .range(0.0, 2.0)
      .doc("CO2 per MWh of electricity (required for grid and ppa; overrides the captive default)");
  t.number("power.plant_efficiency")
      .unit("1")
      .range(0.0, 1.0)
      .exclusive_min()
      .default_note("data/emissions/power.toml (coal 0.35, gas 0.45; estimates)")
      .doc("net efficiency of a captive thermal plant");
  t.number("cbam.eua_price")
      .unit("EUR/t")
      .min(0.0)
      .doc("CBAM certificate (EU ETS) price per t CO2e, in every year cbam.eua_price_by_year leaves out; enables "
           "CBAM output");
  // One price per year of the CBAM schedule (user trial 17, T17-10: a fleet path's EUA by year could not
  // be written into a smelter case). The span is the schedule's, data/cbam.toml (policy/cbam.hpp).
  t.year_series("cbam.eua_price_by_year")
      .unit("EUR/t")
      .min(0.0)
      .years(policy::kCbamFirstYear, policy::kCbamLastYear, "the CBAM schedule of data/cbam.toml")
      .default_note("cbam.eua_price in each year not given")
      .doc("CBAM certificate (EU ETS) price per t CO2e by year, e.g. { 2026 = \"70 EUR/t\", 2030 = \"95 EUR/t\" } "
           "(--set cbam.eua_price_by_year.2030=95); enables CBAM output");
  t.number("cbam.carbon_price_paid")
      .unit("EUR/t")
      .default_(0.0)
      .min(0.0)
      .doc("carbon price effectively paid at origin per t CO2e embedded (Art. 9)");
  t.number("cbam.usd_per_eur")
      .unit("USD/EUR")
      .range(0.0, 10.0)
      .exclusive_min()
      .doc("exchange rate for cbam_usd_per_t");
  t.choice("cbam.route", {"actual", "default"})
      .default_("actual")
      .doc("actual embedded emissions, or the country default value with its mark-up");
  t.text("cbam.default_country")
      .doc("ISO 3166 alpha-3 country for the default-value route (data/cbam.toml)");
  t.number("cbam.cross_sectoral_correction")
      .unit("1")
      .range(0.0, 1.0)
      .default_note("data/cbam.toml")
      .doc("cross-sectoral correction factor of free allocation (CBAM's adjustment and the EU ETS, [eu_ets])");
}

}  // namespace

const io::SchemaTable<SmelterCase>& smelter_table() {
  static const Table table = [] {
    Table t("smelter");
    add_potline_and_plant(t);
    add_consumption(t);
    add_prices_and_costs(t);
    add_emissions(t);
    add_fuel(t);
    add_power_and_cbam(t);
    detail::add_eu_ets_fields(t);
    detail::add_anode_type_fields(t);
    detail::add_ccs_fields(t);
    detail::add_hpa_fields(t);
    return t;
  }();
  return table;
}

const io::Schema& smelter_schema() {
  static const io::Schema schema = smelter_table().schema();
  return schema;
}

}  // namespace potline::plant
