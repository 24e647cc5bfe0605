// The fleet case schema. Hard ranges reject meaningless input (negative prices, shares outside
// 0–1) and keep every downstream number finite (prices at most ~25x the highest observed);
// typical ranges only warn. Every key is parsed, checked, listed by `potline schema fleet` and
// written by `potline template fleet` from this one table.
#include "potline/fleet/fleet_schema.hpp"
#include "potline/fleet/flex_link.hpp"
#include "potline/fleet/ccs_lever.hpp"
#include "potline/fleet/hpa_product.hpp"
#include "potline/fleet/fuel_paths.hpp"

#include <map>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/io/schema_builder.hpp"
#include "potline/market/trade.hpp"
#include "potline/plant/typical_prices.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::fleet {
namespace {

// Upper bounds on prices: far above anything observed, low enough that products of prices,
// factors and capacities stay finite (a C1 cost can never overflow).
constexpr double kMaxAluminiumPrice_usd_per_t = 1e5;  // LME peaked near 4,000 USD/t (2022)
constexpr double kMaxCarbonPrice_per_t = 1e4;         // EU ETS peaked near 100 EUR/t (2023)
constexpr double kMaxFactor = 100.0;                  // a multiplier of a price or a demand

using Table = io::SchemaTable<FleetCase>;

// [case] and [fleet]. The dataset and region paths resolve against the case folder and the list of
// statuses takes one name or several, so those three are read by the case code, not bound.
void case_and_fleet(Table& t) {
  t.text("case.title", &FleetCase::title).doc("title shown in outputs");
  // Read by the case code before the schema binds anything (case_base.cpp).
  t.text("case.base")
      .default_note("none: the case alone")
      .doc("fleet case this one builds on, relative to this file (e.g. \"world-2024.toml\"): its keys are read "
           "first and this file's replace them one by one; the [[tariff]] tables of one importer and exporters (a "
           "dated schedule: all of them), a [[cap]] or [[demand]] of the same region and a [[flow_limit]] of the "
           "same lane replace the base's, the other lever tables are added to the base's");
  t.text("fleet.smelters")
      .path()
      .default_note("the data folder's smelters.csv")
      .doc("smelter dataset (CSV), relative to the case file");
  t.text("fleet.regions")
      .path()
      .default_note("the data folder's fleet-regions.toml")
      .doc("region table (TOML): prices, demand, freight; relative to the case file");
  t.text("fleet.include_status")
      .items({"operating", "curtailed", "closed", "unknown"})
      .default_("operating")
      .doc("dataset rows to include: a status or an array of them");
  // Read by the case code (fleet_levers.cpp); the ids are checked against the region table once it
  // is read (fleet_case.cpp), each unknown one an error at the key's line and column.
  t.text("fleet.restart_regions")
      .default_note("every region")
      .doc(
          "regions whose rows of a status other than operating (the ones fleet.include_status "
          "admits: curtailed, "
          "closed, unknown) the case offers for restart: a region id of fleet.regions or an array "
          "of them; those "
          "rows of the other regions stay out of the case (user trial 11, T11-3: a US scenario "
          "restarts US "
          "capacity, not the 3.1 Mt curtailed worldwide)");
  t.number("fleet.lme", &FleetCase::lme_usd_per_kg)
      .unit("USD/t", "USD/kg")
      .default_note("required")
      .range(0.0, kMaxAluminiumPrice_usd_per_t)
      .exclusive_min()
      .typical(plant::kTypicalLme_usd_per_t.lo, plant::kTypicalLme_usd_per_t.hi)
      .source(plant::kTypicalLme_usd_per_t.basis)
      .doc("LME aluminium price");
  t.integer("fleet.year")
      .range(2020, 2060)
      .default_note("none: the dataset as it is")
      .doc("scenario year: applies the pipeline, the paths, the dated trade measures and the EU ETS (from 2021) of that "
           "year; with the shipped paths (fleet.paths) 2024 to 2035, other years need paths that reach them (user trial "
           "T16-16)");
  // The compensation of indirect emission costs (policy/indirect_cost_compensation.hpp), in every
  // year of a case with a year from 2021 to 2030, with or without [cbam].
  t.choice("fleet.indirect_cost_compensation", &FleetCase::indirect_cost,
           {{"approved", IndirectCostAid::kApproved}, {"off", IndirectCostAid::kOff}})
      .default_("approved")
      .source("2020/C 317/04 section 3.1 (aid = intensity x EUA forward x CO2 factor x benchmark x output, at most 75 %); "
              "the schemes approved for the states of data/smelters.csv: [stromknowhow SPK 2025] (Germany, 0.72 t/MWh), "
              "[World Energy Romania indirect costs 2022], [OJ 2023/C 186/01 SA.103180] (Greece), [Energy Live Spain indirect "
              "costs 2022], [Miljodirektoratet CO2-kompensasjon], [ASP compensation carbone]")
      .doc("compensation of indirect emission costs (the EU ETS cost in power prices) in a case with fleet.year, "
           "2021-2030: 'approved' - each smelter in a state with an approved scheme whose CO2 factor the model has "
           "read (Germany) gets aid intensity x factor x the EUA forward price (the eua_price path's previous year) per "
           "MWh of its AC consumption, deducted from its C1 (the text names the schemes not applied); 'off' - none");
  t.integer("fleet.last_year")
      .range(2020, 2060)
      .default_note("none: one year")
      .doc("with fleet.year: solve every year from fleet.year to this one (a path)");
  t.text("fleet.pipeline")
      .path()
      .default_note("the data folder's fleet-pipeline.toml")
      .doc("capacity pipeline (TOML): new smelters, restarts, expansions, closures by year");
  t.text("fleet.sanctions")
      .path()
      .default_note("the data folder's fleet-sanctions.toml")
      .doc("dated trade measures (TOML): exclusions in force by year");
  t.text("fleet.paths")
      .path()
      .default_note("the data folder's fleet-paths.toml")
      .doc("price and demand paths by year (TOML): EUA price, USD per EUR, demand factors");
  t.text("fleet.fuel_paths")
      .path()
      .default_note("the data folder's fleet-fuel-paths.toml")
      .doc("coal and gas price paths by year for captive power plants (TOML: [[fuel_path]] rows; a case's own "
           "[[fuel_path]] rows replace the file's rows of the same fuel and area)");
  t.text("fleet.power")
      .path()
      .default_note("the data folder's fleet-power.toml")
      .doc("power prices of single smelters (TOML): published contracts, captive plants' fuel prices, heat rates and O&M");
  t.text("fleet.power_supply")
      .path()
      .default_note("the data folder's power-supply.toml")
      .doc("power supply curves (TOML): an area's power price rise against load added to its grid ([[added_load]])");
  t.text("fleet.anode_effects")
      .path()
      .default_note("the data folder's fleet-anode-effects.toml")
      .doc("PFC per smelter, company, country or IPCC class and region (TOML): an AEM or a published t CO2e/t, by the slope method");
  t.choice("fleet.china_pfc", &FleetCase::china_pfc,
           {{"iai_world_average", ChinaPfcBasis::kIaiWorldAverage}, {"top_down", ChinaPfcBasis::kTopDown}})
      .default_("iai_world_average")
      .source("IAI 2016 world average over all technologies, 0.38 t CO2e/t (AR4), as quoted by [EGA PFC 2017]; "
              "top-down: China's CF4 of 2021 from atmospheric observations [An et al. 2024] per t of its output "
              "[NBS 2021 aluminium], 1.57 t CO2e/t (AR5), an upper bound")
      .doc("basis of the PFC of China's point-fed smelters (the fleet.anode_effects entries with china_pfc): the "
           "IAI's world average, the industry's own bottom-up basis, on which the IAI's world totals rest; or the "
           "top-down estimate from China's atmospheric CF4, which counts every Chinese CF4 source as aluminium");
  t.number("fleet.alumina_lme_share", &FleetCase::alumina_lme_share)
      .unit("1")
      .range(0.0, 1.0)
      .typical(0.10, 0.30)
      .default_(0.14)
      .source("legacy alumina contracts ≈14 % of the LME price (estimate); index prices ≈21 % in 2024 [FocusEconomics alumina 2024]")
      .doc("alumina price as a share of the LME price");
  t.number("fleet.restart_lead_time", &FleetCase::restart_lead_time_yr)
      .unit("yr", "yr")
      .range(0.0, 1.0)
      .exclusive_max()
      .typical(0.4, 1.0)
      .default_(0.75)
      .source("estimate: about 9 months from a restart decision to the full output's equivalent: Alcoa's Warrick "
              "restart, announced 11 July 2017, first potline's metal by Christmas 2017, three potlines by the second "
              "quarter of 2018 [Alcoa Warrick restart 2017], [Platts Warrick restart 2018]; Alumar, announced "
              "20 September 2021, first metal in the second quarter of 2022, full capacity in the fourth "
              "[Alcoa Alumar restart 2021]")
      .doc("time a stopped smelter takes to restart (re-energising, relining and heating its potlines): in the "
           "year the LP restarts it, it produces at most (1 - this / 1 yr) of its capacity; a restart the pipeline "
           "dates (data/fleet-pipeline.toml) has its own date instead");
  t.number("fleet.greenfield_ramp", &FleetCase::greenfield_ramp_yr)
      .unit("yr", "yr")
      .range(0.0, 3.0)
      .typical(0.5, 1.5)
      .default_(0.63)
      .source("estimate: Alba's Potline 6 (424 pots, 540 kt/yr): first hot metal on 13 December 2018, 106 pots "
              "on 26 March and 212 (half the line) on 18 April 2019, completion targeted for 31 July 2019 "
              "[Alba Line 6 ramp-up 2019], [Daily Tribune Alba Line 6 2019]: 230 days from first metal to the "
              "whole line, 0.63 yr; Alba called it ahead of plan, so a short ramp for a new smelter")
      .doc("time a new smelter of the pipeline (data/fleet-pipeline.toml, kind = \"new\") takes from first metal, "
           "taken at the start of the project's year, to its full capacity, its pots energised at an even pace: "
           "in a scenario year it offers the ramp's mean over the year (0.685 of its capacity in its first year "
           "at 0.63 yr); 0: its full capacity from its first year");
}

// [market]: the trade equilibrium and the demand curves every region starts from.
void market(Table& t) {
  const market::DemandCurve curve;  // the market model's own defaults
  auto demand = t.part(&FleetCase::market_defaults).part(&MarketDefaults::curve);
  t.boolean("market.solve", &FleetCase::solve_market)
      .default_(true)
      .doc("solve the regional trade equilibrium (false: cost curve only)");
  demand.number("market.demand_elasticity", &market::DemandCurve::elasticity)
      .unit("1")
      .range(0.0, 10.0)
      .typical(0.0, 1.0)
      .default_(curve.elasticity)
      .doc("price elasticity of demand, a magnitude (0 = fixed demand); every region");
  t.part(&FleetCase::market_defaults)
      .choice("market.demand_anchor", &MarketDefaults::anchor,
              {{"regional_price", DemandAnchor::kRegionalPrice}, {"lme", DemandAnchor::kLme}})
      .default_("regional_price")
      .source("a calibrated demand curve passes through the base year's observed price and consumption "
              "[Paris et al. 2011]; the region's observed price is the LME + its physical premium (data/fleet-regions.toml: "
              "US Midwest [SMU Midwest premium Jan 2024], Rotterdam duty paid [Platts EU P1020 outlook 2025], MJP "
              "[MJP Q1 2024]; estimates elsewhere, labelled)")
      .doc("price at which each region demands its reference demand: \"regional_price\" = fleet.lme + the region's "
           "premium of the region table (its observed price in the table's price year), \"lme\" = fleet.lme in every "
           "region; market.reference_price, when given, replaces both");
  t.part(&FleetCase::market_defaults)
      .optional_number("market.reference_price", &MarketDefaults::reference_usd_per_kg)
      .unit("USD/t", "USD/kg")
      .range(0.0, kMaxAluminiumPrice_usd_per_t)
      .exclusive_min()
      .default_note("market.demand_anchor")
      .doc("price at which every region demands its reference demand (one price for all regions)");
  demand
      .choice("market.demand_shape", &market::DemandCurve::shape,
              {{"constant_elasticity", market::DemandShape::kConstantElasticity},
               {"linear", market::DemandShape::kLinear}})
      .default_("constant_elasticity")
      .doc("shape of the demand curves");
  demand.number("market.demand_range", &market::DemandCurve::range)
      .unit("1")
      .range(0.0, 1.0)
      .exclusive_min()
      .exclusive_max()
      .default_(curve.range)
      .doc("the demand blocks span reference demand x (1 ± range)");
  demand.integer("market.demand_blocks", &market::DemandCurve::blocks)
      .range(1, 2000)
      .default_(curve.blocks)
      .doc("number of blocks of each demand curve");
  demand
      .choice("market.demand_spacing", &market::DemandCurve::spacing,
              {{"price", market::DemandSpacing::kEqualPrice}, {"quantity", market::DemandSpacing::kEqualQuantity}})
      .default_("price")
      .doc("how the curve is cut: blocks of equal price ratio (the price resolution the same at every "
           "price) or of equal width");
  demand.number("market.demand_resolution", &market::DemandCurve::resolution)
      .unit("1")
      .range(0.0, 0.05)
      .default_(curve.resolution)
      .doc("price resolution at the equilibrium (0.001 = 0.1 %): with demand_spacing \"price\" the blocks "
           "around each region's price are cut finer to this step, the LP re-solved until every price lies "
           "among them; 0 = the blocks only (one block's step, 1.85 % at elasticity 0.3)");
  t.choice("market.tariff_basis", &FleetCase::tariff_basis,
           {{"transaction_value", TariffBasis::kTransactionValue},
            {"origin_price", TariffBasis::kOriginPrice},
            {"lme", TariffBasis::kLme}})
      .default_("transaction_value")
      .source("19 U.S.C. 1401a(b): the customs value is the price actually paid or payable for the merchandise sold "
              "for export, less international freight and insurance ((b)(4)(A)) and US duties ((b)(3)(B)) "
              "[US customs value 19 USC 1401a]")
      .doc("what ad valorem tariffs are charged on: each flow's transaction value (the price the seller receives, "
           "the importer's price less delivery and the duty: the customs value), the price of the exporter's "
           "region, or fleet.lme");
  t.number("market.tariff_tolerance", &FleetCase::tariff_tolerance_usd_per_kg)
      .unit("USD/t", "USD/kg")
      .range(0.0, 1000.0)
      .exclusive_min()
      .default_(0.1)
      .doc("convergence of the tariff fixed point on the prices the customs values are computed from");
  t.integer("market.tariff_max_iterations", &FleetCase::tariff_max_iterations)
      .range(1, 1000)
      .default_(60)
      .doc("iterations of the tariff fixed point at most");
}

// [cbam]: its presence switches CBAM on and makes its keys required, so the case code reads them.
void cbam(Table& t) {
  t.integer("cbam.year")
      .range(policy::kCbamFirstYear, policy::kCbamMaxYear)
      .default_note("required with [cbam] without fleet.year; with fleet.year the scenario year")
      .doc("CBAM year on EU imports (no [cbam]: no CBAM; with fleet.year the scenario year replaces it, so it may be "
           "left out)");
  t.number("cbam.eua_price")
      .unit("EUR/t")
      .range(0.0, kMaxCarbonPrice_per_t)
      .typical(50, 150)
      .source("EU ETS allowance prices 2021–2025 about 50–100 EUR/t")
      .doc("CBAM certificate price per t CO2e (required with [cbam] unless fleet.year is set and an eua_price path of "
           "fleet.paths covers the case's years: that path then gives each year's price, and a value here is unused, "
           "with a warning)");
  t.number("cbam.usd_per_eur")
      .unit("USD/EUR")
      .range(0.0, 10.0)
      .exclusive_min()
      .typical(0.8, 1.6)
      .default_note("required with [cbam] without fleet.year; with fleet.year the usd_per_eur path")
      .doc("exchange rate of the EUA price, for CBAM and the EU ETS (required with [cbam] in a case without fleet.year; "
           "with fleet.year the usd_per_eur path of fleet.paths gives each year's rate unless this is given)");
  t.choice("cbam.route", &FleetCase::cbam_route, {{"actual", CbamRoute::kActual}, {"default", CbamRoute::kDefault}})
      .default_("actual")
      .source("[EU 2023/956] Annex IV: actual embedded emissions, or the default values of [EU 2025/2621]")
      .doc("embedded emissions: each smelter's own direct emissions, or its country's default value where "
           "data/cbam.toml has one (others stay actual)");
  // The EU ETS is charged in every year of a case with a year, with or without [cbam]; CBAM replaces its
  // free allocation on the same schedule from 2026 (docs/model/fleet.md, EU ETS).
  t.choice("cbam.eu_ets", &FleetCase::eu_ets, {{"charged", EuEts::kCharged}, {"off", EuEts::kOff}})
      .default_("charged")
      .source("Directive 2003/87/EC Annex I (primary aluminium since 2013) and Art. 10a(1a) as amended by [EU 2023/959]: "
              "free allocation 2021-2025 at the benchmark of [EU 2021/447], from 2026 x the CBAM factor of "
              "data/cbam.toml; [EU 2023/956] Art. 31")
      .doc("EU ETS on the smelters in it (EU and EEA states) in every year of a case with a year (fleet.year, or "
           "cbam.year), with or without [cbam]: 'charged' - the EUA on each one's direct emissions above its free "
           "allocation (the year's benchmark x its CBAM factor, 1 before 2026, x the cross-sectoral correction of "
           "data/cbam.toml), in its C1; 'off' - no carbon cost for them");
  t.optional_number("cbam.ets_benchmark", &FleetCase::ets_benchmark_t_per_t)
      .unit("t/t", "1")
      .range(0.0, 5.0)
      .typical(1.0, 1.6)
      .default_note("the primary-aluminium benchmark of data/cbam.toml for the year (1.464 in 2021-2025, 1.423 from 2026)")
      .source("[EU 2023/956] Art. 31: CBAM's free-allocation adjustment is the EU ETS free allocation, so both take "
              "the one benchmark of data/cbam.toml ([EU FAA 2025]) from 2026; 1.464 in 2021-2025 ([EU 2021/447])")
      .doc("EU ETS product benchmark for primary aluminium, t CO2e per t: the free allocation per tonne before "
           "the CBAM factor, in every year (with cbam.eu_ets = \"charged\"); a value that differs from data/cbam.toml's gives EU "
           "producers another free allocation than the importers' adjustment, with a warning");
}

// The levers are arrays of tables: each table is read by its lever (fleet_levers.cpp).
void demand_and_tariff(Table& t) {
  t.text("demand.region").default_note("required").doc("[[demand]] region id (required)");
  t.number("demand.factor")
      .unit("1")
      .range(0.0, kMaxFactor)
      .typical(0.5, 2.0)
      .default_(1.0)
      .doc("[[demand]] multiplies the region's demand");
  t.number("demand.elasticity")
      .unit("1")
      .range(0.0, 10.0)
      .typical(0.0, 1.0)
      .default_note("market.demand_elasticity")
      .doc("[[demand]] the region's price elasticity of demand");
  t.number("demand.reference_price")
      .unit("USD/t", "USD/kg")
      .range(0.0, kMaxAluminiumPrice_usd_per_t)
      .exclusive_min()
      .default_note("market.reference_price, else market.demand_anchor")
      .doc("[[demand]] the region's reference price");
  t.text("tariff.importer").default_note("required").doc("[[tariff]] region that charges the tariff (required)");
  t.number("tariff.rate")
      .unit("1")
      .range(0.0, 10.0)
      .typical(0.0, 1.0)
      .default_(0.0)
      .doc("[[tariff]] ad valorem rate (0.5 = 50 %)");
  t.text("tariff.exporters")
      .default_note("every other region")
      .doc("[[tariff]] region ids or ISO3 countries charged (a string or an array)");
  t.text("tariff.exempt")
      .default_note("none")
      .doc("[[tariff]] region ids or ISO3 countries not charged (a string or an array)");
  // Dates (fleet_layout().dates: YYYY-MM-DD within the years of fleet.year; tariff_dates.cpp).
  t.text("tariff.from")
      .default_note("no start: in force before the case's first year")
      .doc("[[tariff]] first day in force, YYYY-MM-DD (a TOML date or a string; 2020-01-01 to 2060-12-31; needs "
           "fleet.year): a path year's rate is the rate x the share of the year's days in force, and tables of "
           "one importer and exporters must not overlap in time when one is dated");
  t.text("tariff.until")
      .default_note("no end")
      .doc("[[tariff]] last day in force (included), YYYY-MM-DD, at or after from");
}

void other_levers(Table& t) {
  t.text("exclusion.importers").default_note("required").doc("[[exclusion]] regions that refuse the metal (required; string or array)");
  t.text("exclusion.origin_region").doc("[[exclusion]] refused origin: a region id (one origin_* key)");
  t.text("exclusion.origin_country").doc("[[exclusion]] refused origin: an ISO3 country");
  t.text("exclusion.origin_province").doc("[[exclusion]] refused origin: a province or state");
  t.text("cap.region").default_note("required").doc("[[cap]] region whose smelters share the cap (required)");
  t.number("cap.capacity")
      .unit("Mt/yr", "kg/s")
      .range(0.0, 1000.0)
      .doc("[[cap]] production cap of the region (required)");
  t.text("cap.name").default_note("REGION cap").doc("[[cap]] name in outputs");
  t.text("power_shock.region").doc("[[power_shock]] region id (or one of country, province, smelter)");
  t.text("power_shock.country").doc("[[power_shock]] an ISO3 country instead of a region (its smelters' power prices)");
  t.text("power_shock.province").doc("[[power_shock]] a province or state instead of a region");
  t.text("power_shock.smelter").doc("[[power_shock]] one smelter id of the dataset instead of a region");
  t.number("power_shock.factor")
      .unit("1")
      .range(0.0, kMaxFactor)
      .typical(0.5, 2.0)
      .default_(1.0)
      .doc("[[power_shock]] multiplies the region's power prices");
  t.number("power_shock.adder")
      .unit("USD/MWh", "USD/J")
      .range(-1000.0, 10000.0)
      .typical(-20, 100)
      .default_(0.0)
      .doc("[[power_shock]] added to the region's power prices (a competing load; < 0: a subsidy)");
  t.text("carbon_price.region").default_note("required").doc("[[carbon_price]] region id (required)");
  t.number("carbon_price.price")
      .unit("USD/t", "USD/kg")
      .range(0.0, kMaxCarbonPrice_per_t)
      .typical(0, 200)
      .default_(0.0)
      .doc("[[carbon_price]] domestic carbon price on scope 1, per t CO2e");
  t.text("flow_limit.from").default_note("required").doc("[[flow_limit]] exporting region id (required)");
  t.text("flow_limit.to").default_note("required").doc("[[flow_limit]] importing region id (required)");
  t.number("flow_limit.max")
      .unit("Mt/yr", "kg/s")
      .range(0.0, 1000.0)
      .doc("[[flow_limit]] most metal the lane carries in a year (required): a quota or an observed flow");
  t.text("flow_limit.source").default_note("required").doc("[[flow_limit]] the source (or 'estimate: basis') of the limit (required)");
  t.text("flow_limit.name").default_note("FROM to TO").doc("[[flow_limit]] name in outputs");
  t.integer("flow_limit.from_year")
      .range(2020, 2060)
      .default_note("every year")
      .doc("[[flow_limit]] first scenario year the limit holds in (with fleet.year; a case without one applies it)");
  t.integer("flow_limit.until_year")
      .range(2020, 2060)
      .default_note("every year")
      .doc("[[flow_limit]] last scenario year the limit holds in, e.g. an observed flow of that year only");
  t.text("added_load.region").doc("[[added_load]] region id whose grid takes the load (or one of country, province)");
  t.text("added_load.country").doc("[[added_load]] an ISO3 country instead of a region");
  t.text("added_load.province").doc("[[added_load]] a province or state instead of a region");
  t.number("added_load.load")
      .unit("GW", "W")
      .range(0.0, 1000.0)
      .typical(0, 100)
      .doc("[[added_load]] load added to the area's grid (required), e.g. data centres; moves its smelters' "
           "power price along the area's supply curve (fleet.power_supply)");
  t.text("added_load.name").default_note("AREA").doc("[[added_load]] name in outputs");
  t.text("retrofit.smelter").default_note("required").doc("[[retrofit]] smelter id of the dataset (required)");
  t.text("retrofit.technology").default_note("required").doc("[[retrofit]] cell technology id of the catalogue (required)");
}

}  // namespace

const io::SchemaTable<FleetCase>& fleet_table() {
  static const Table table = [] {
    Table t("fleet");
    case_and_fleet(t);
    add_flex_link_fields(t);  // fleet.flex* (flex_link.cpp, issue 13 part 5), with the other [fleet] keys
    market(t);
    cbam(t);
    demand_and_tariff(t);
    other_levers(t);
    add_ccs_lever_fields(t);  // [[ccs_retrofit]] (ccs_lever.cpp, issue 14)
    add_hpa_product_fields(t);  // [[hpa]] (hpa_product.cpp, issue 14)
    add_fuel_path_fields(t);    // [[fuel_path]] (fuel_paths.cpp, issue 10 parts 2 and 5)
    return t;
  }();
  return table;
}

const io::Schema& fleet_schema() {
  static const io::Schema schema = fleet_table().schema();
  return schema;
}

const CaseLayout& fleet_layout() {
  static const CaseLayout layout = [] {
    CaseLayout l;
    l.schema = &fleet_schema();
    l.arrays = {"demand", "tariff", "exclusion", "cap", "flow_limit", "power_shock", "carbon_price", "retrofit",
                "added_load", "ccs_retrofit", "hpa", "fuel_path"};
    l.lists = {"fleet.include_status", "fleet.restart_regions", "tariff.exporters", "tariff.exempt",
               "exclusion.importers",  "ccs_retrofit.smelters", "hpa.smelters"};
    l.switches = {"cbam"};
    l.dates = {"tariff.from", "tariff.until"};
    const io::FieldSpec& year = *l.schema->find("fleet.year");  // dates span the scenario years
    l.first_date_year = static_cast<int>(year.min.value());
    l.last_date_year = static_cast<int>(year.max.value());
    return l;
  }();
  return layout;
}

}  // namespace potline::fleet

namespace potline::fleet {

std::string fleet_template() {
  const std::map<std::string, std::string> examples = {
      {"case.title", "\"My fleet case\""},
      {"fleet.lme", "\"2400 USD/t\""},
      {"cbam.year", "2034"},
      {"cbam.eua_price", "\"80 EUR/t\""},
      {"cbam.usd_per_eur", "1.08"},
      {"demand.region", "\"china\""},
      {"demand.factor", "1.05"},
      {"tariff.importer", "\"usa\""},
      {"tariff.rate", "0.5"},
      {"tariff.exporters", "[\"china\", \"russia\"]"},
      {"tariff.exempt", "[\"CAN\"]"},
      {"tariff.from", "2025-06-04"},
      {"exclusion.importers", "[\"usa\", \"europe\"]"},
      {"exclusion.origin_province", "\"Xinjiang\""},
      {"cap.region", "\"china\""},
      {"cap.capacity", "\"45 Mt/yr\""},
      {"flow_limit.from", "\"oceania\""},
      {"flow_limit.to", "\"usa\""},
      {"flow_limit.max", "\"0.1 Mt/yr\""},
      {"flow_limit.source", "\"estimate: ...\""},
      {"power_shock.region", "\"usa\""},
      {"power_shock.factor", "1.2"},
      {"power_shock.adder", "\"30 USD/MWh\""},
      {"carbon_price.region", "\"europe\""},
      {"carbon_price.price", "\"80 USD/t\""},
      {"added_load.region", "\"usa\""},
      {"added_load.load", "\"10 GW\""},
      {"retrofit.smelter", "\"us-mount-holly\""},
      {"retrofit.technology", "\"AP60\""},
      {"ccs_retrofit.smelters", "[\"eu-sunndal\"]"},
      {"ccs_retrofit.capture_rate", "0.9"},
      {"ccs_retrofit.heat_supply", "\"electric\""},
      {"ccs_retrofit.capture_cost", "\"150 USD/t\""},
      {"ccs_retrofit.transport_storage", "\"20 USD/t\""},
      {"hpa.country", "\"USA\""},
      {"hpa.grade", "\"P0406\""},
      {"hpa.grade_premium", "\"300 USD/t\""},
      {"hpa.alumina_fe", "\"0.010 wt%\""},
      {"hpa.alumina_si", "\"0.013 wt%\""},
      {"fuel_path.fuel", "\"gas\""},
      {"fuel_path.country", "\"BHR\""},
      {"fuel_path.year", "2030"},
      {"fuel_path.price", "\"4.5 USD/MMBtu\""},
      {"fuel_path.source", "\"estimate: ...\""},
  };
  return case_template(
      fleet_layout(),
      "# Potline fleet case — generated by 'potline template fleet'.\n"
      "# Run: potline fleet THIS_FILE.toml   (--set KEY=VALUE, --json, --out DIR; keys: potline schema fleet)\n"
      "# Values may carry units as strings: \"2400 USD/t\", \"45 Mt/yr\", \"30 USD/MWh\".\n"
      "# The levers at the end are arrays of tables: uncomment a block to use it (each block may repeat;\n"
      "# an exclusion takes exactly one origin_* key).\n"
      "# NOT the calibrated 2024 case (user trial 7, T7-22): with only fleet.lme and the dataset's statuses (no\n"
      "# fleet.year and its dated states, alumina at the legacy 14 % of the LME, no trade measures, no China cap)\n"
      "# the world price comes out well below fleet.lme. For the 2024 backtest's calibration, set\n"
      "# case.base = \"world-2024.toml\" (a path from this file to examples/world-2024.toml): its values apply\n"
      "# under yours, and the keys below override them.\n",
      examples);
}

}  // namespace potline::fleet
