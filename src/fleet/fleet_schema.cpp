// The fleet case schema. Hard ranges reject meaningless input (negative prices, shares outside
// 0–1) and keep every downstream number finite (prices at most ~25x the highest observed);
// typical ranges only warn. Every key is parsed, checked, listed by `potline schema fleet` and
// written by `potline template fleet` from this one table.
#include "potline/fleet/fleet_schema.hpp"

#include <map>
#include <sstream>

#include "potline/core/text.hpp"
#include "potline/market/trade.hpp"
#include "potline/policy/cbam.hpp"

namespace potline::fleet {
namespace {

// Upper bounds on prices: far above anything observed, low enough that products of prices,
// factors and capacities stay finite (a C1 cost can never overflow).
constexpr double kMaxAluminiumPrice_usd_per_t = 1e5;  // LME peaked near 4,000 USD/t (2022)
constexpr double kMaxCarbonPrice_per_t = 1e4;         // EU ETS peaked near 100 EUR/t (2023)
constexpr double kMaxFactor = 100.0;                  // a multiplier of a price or a demand

std::vector<io::FieldSpec> case_and_fleet() {
  return {
      Field::text("case.title", "title shown in outputs"),
      Field::text("fleet.smelters", "smelter dataset (CSV), relative to the case file")
          .note("the data folder's smelters.csv"),
      Field::text("fleet.regions", "region table (TOML): prices, demand, freight; relative to the case file")
          .note("the data folder's fleet-regions.toml"),
      Field::text("fleet.include_status", "dataset rows to include: a status or an array of them")
          .fallback_text("operating"),
      Field::number("fleet.lme", "USD/t", "USD/kg", "LME aluminium price")
          .note("required")
          .range(0.0, kMaxAluminiumPrice_usd_per_t, true)
          .typical(1500, 4000)
          .source("LME cash 2000–2024 between about 1,250 and 4,000 USD/t"),
      Field::number("fleet.alumina_lme_share", "1", "1", "alumina price as a share of the LME price")
          .range(0.0, 1.0)
          .typical(0.10, 0.20)
          .fallback(0.14)
          .source("legacy alumina contracts ≈14 % of the LME price (estimate)"),
  };
}

std::vector<io::FieldSpec> market() {
  const market::DemandCurve curve;
  return {
      Field::flag("market.solve", true, "solve the regional trade equilibrium (false: cost curve only)"),
      Field::number("market.demand_elasticity", "1", "1",
                    "price elasticity of demand, a magnitude (0 = fixed demand); every region")
          .range(0.0, 10.0)
          .typical(0.0, 1.0)
          .fallback(curve.elasticity),
      Field::number("market.reference_price", "USD/t", "USD/kg", "price at which each region demands its demand")
          .range(0.0, kMaxAluminiumPrice_usd_per_t, true)
          .note("fleet.lme"),
      Field::choice("market.demand_shape", {"constant_elasticity", "linear"}, "constant_elasticity",
                    "shape of the demand curves"),
      Field::number("market.demand_range", "1", "1", "the demand blocks span reference demand x (1 ± range)")
          .range(0.0, 1.0, true, true)
          .fallback(curve.range),
      Field::integer("market.demand_blocks", "number of blocks of each demand curve")
          .range(1, 200)
          .fallback(curve.blocks),
      Field::choice("market.tariff_basis", {"origin_price", "lme"}, "origin_price",
                    "what ad valorem tariffs are charged on: the price at origin (customs value) or fleet.lme"),
      Field::number("market.tariff_tolerance", "USD/t", "USD/kg",
                    "convergence of the origin-price tariff fixed point")
          .range(0.0, 1000.0, true)
          .fallback(0.1),
      Field::integer("market.tariff_max_iterations", "iterations of the tariff fixed point at most")
          .range(1, 1000)
          .fallback(60),
  };
}

std::vector<io::FieldSpec> cbam() {
  return {
      Field::integer("cbam.year", "CBAM year on EU imports (required with [cbam]; no [cbam]: no CBAM)")
          .range(policy::kCbamFirstYear, policy::kCbamLastYear),
      Field::number("cbam.eua_price", "EUR/t", "EUR/t", "CBAM certificate price per t CO2e (required with [cbam])")
          .range(0.0, kMaxCarbonPrice_per_t)
          .typical(50, 150)
          .source("EU ETS allowance prices 2021–2025 about 50–100 EUR/t"),
      Field::number("cbam.usd_per_eur", "USD/EUR", "USD/EUR", "exchange rate (required with [cbam])")
          .range(0.0, 10.0, true)
          .typical(0.8, 1.6),
  };
}

std::vector<io::FieldSpec> demand_and_tariff() {
  return {
      Field::text("demand.region", "[[demand]] region id (required)"),
      Field::number("demand.factor", "1", "1", "[[demand]] multiplies the region's demand")
          .range(0.0, kMaxFactor)
          .typical(0.5, 2.0)
          .fallback(1.0),
      Field::number("demand.elasticity", "1", "1", "[[demand]] the region's price elasticity of demand")
          .range(0.0, 10.0)
          .typical(0.0, 1.0)
          .note("market.demand_elasticity"),
      Field::number("demand.reference_price", "USD/t", "USD/kg", "[[demand]] the region's reference price")
          .range(0.0, kMaxAluminiumPrice_usd_per_t, true)
          .note("market.reference_price"),
      Field::text("tariff.importer", "[[tariff]] region that charges the tariff (required)"),
      Field::number("tariff.rate", "1", "1", "[[tariff]] ad valorem rate (0.5 = 50 %)")
          .range(0.0, 10.0)
          .typical(0.0, 1.0)
          .fallback(0.0),
      Field::text("tariff.exporters", "[[tariff]] region ids or ISO3 countries charged (a string or an array)")
          .note("every other region"),
      Field::text("tariff.exempt", "[[tariff]] region ids or ISO3 countries not charged (a string or an array)")
          .note("none"),
  };
}

std::vector<io::FieldSpec> other_levers() {
  return {
      Field::text("exclusion.importers", "[[exclusion]] regions that refuse the metal (required; string or array)"),
      Field::text("exclusion.origin_region", "[[exclusion]] refused origin: a region id (one origin_* key)"),
      Field::text("exclusion.origin_country", "[[exclusion]] refused origin: an ISO3 country"),
      Field::text("exclusion.origin_province", "[[exclusion]] refused origin: a province or state"),
      Field::text("cap.region", "[[cap]] region whose smelters share the cap (required)"),
      Field::number("cap.capacity", "Mt/yr", "kg/s", "[[cap]] production cap of the region (required)")
          .range(0.0, 1000.0),
      Field::text("cap.name", "[[cap]] name in outputs").note("REGION cap"),
      Field::text("power_shock.region", "[[power_shock]] region id (required)"),
      Field::number("power_shock.factor", "1", "1", "[[power_shock]] multiplies the region's power prices")
          .range(0.0, kMaxFactor)
          .typical(0.5, 2.0)
          .fallback(1.0),
      Field::number("power_shock.adder", "USD/MWh", "USD/J",
                    "[[power_shock]] added to the region's power prices (a competing load; < 0: a subsidy)")
          .range(-1000.0, 10000.0)
          .typical(-20, 100)
          .fallback(0.0),
      Field::text("carbon_price.region", "[[carbon_price]] region id (required)"),
      Field::number("carbon_price.price", "USD/t", "USD/kg", "[[carbon_price]] domestic carbon price on scope 1, per t CO2e")
          .range(0.0, kMaxCarbonPrice_per_t)
          .typical(0, 200)
          .fallback(0.0),
      Field::text("retrofit.smelter", "[[retrofit]] smelter id of the dataset (required)"),
      Field::text("retrofit.technology", "[[retrofit]] cell technology id of the catalogue (required)"),
  };
}

}  // namespace

const io::Schema& fleet_schema() {
  static const io::Schema schema = [] {
    std::vector<io::FieldSpec> fields;
    for (auto part : {case_and_fleet(), market(), cbam(), demand_and_tariff(), other_levers()}) {
      fields.insert(fields.end(), part.begin(), part.end());
    }
    for (auto& f : fields) {
      if (f.key == "fleet.include_status") f.choices = {"operating", "curtailed", "closed", "unknown"};
    }
    return io::Schema("fleet", std::move(fields));
  }();
  return schema;
}

const CaseLayout& fleet_layout() {
  static const CaseLayout layout = [] {
    CaseLayout l;
    l.schema = &fleet_schema();
    l.arrays = {"demand", "tariff", "exclusion", "cap", "power_shock", "carbon_price", "retrofit"};
    l.lists = {"fleet.include_status", "tariff.exporters", "tariff.exempt", "exclusion.importers"};
    l.switches = {"cbam"};
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
      {"exclusion.importers", "[\"usa\", \"europe\"]"},
      {"exclusion.origin_province", "\"Xinjiang\""},
      {"cap.region", "\"china\""},
      {"cap.capacity", "\"45 Mt/yr\""},
      {"power_shock.region", "\"usa\""},
      {"power_shock.factor", "1.2"},
      {"power_shock.adder", "\"30 USD/MWh\""},
      {"carbon_price.region", "\"europe\""},
      {"carbon_price.price", "\"80 USD/t\""},
      {"retrofit.smelter", "\"us-mount-holly\""},
      {"retrofit.technology", "\"AP60\""},
  };
  return case_template(
      fleet_layout(),
      "# Potline fleet case — generated by 'potline template fleet'.\n"
      "# Run: potline fleet THIS_FILE.toml   (--set KEY=VALUE, --json, --out DIR; keys: potline schema fleet)\n"
      "# Values may carry units as strings: \"2400 USD/t\", \"45 Mt/yr\", \"30 USD/MWh\".\n"
      "# The levers at the end are arrays of tables: uncomment a block to use it (each block may repeat;\n"
      "# an exclusion takes exactly one origin_* key).\n",
      examples);
}

}  // namespace potline::fleet
