// The CSV tables of `potline smelter` (cost_breakdown.csv, emissions.csv, cbam.csv, potlines.csv;
// smelter_report.hpp): one row per component, year or potline group.
#include <fmt/format.h>

#include <string_view>
#include <tuple>

#include "potline/core/constants.hpp"
#include "potline/io/csv.hpp"
#include "potline/plant/smelter_report.hpp"

namespace potline::plant {
namespace {

constexpr double kJPerKWh = constants::kJoulePerKWh;
constexpr double kKgPerT = 1000.0;

}  // namespace

std::string cost_breakdown_csv(const SmelterResult& r, bool inert_anode) {
  const auto& b = r.breakdown;
  // Third member: defined without production (a specific consumption times its price).
  const std::tuple<const char*, double, bool> rows[] = {
      {"alumina", b.alumina, true},
      {inert_anode ? "anodes" : "carbon", b.carbon, true},
      {"power", b.power, true},
      {"bath", b.bath, true},
      {"labour", b.labour, false},
      {"other", b.other, true},
      {"ccs", b.ccs, true},
      {"eu_ets", b.eu_ets, true},
      {"c1", r.c1_usd_per_kg, false},
      {"c2", r.c2_usd_per_kg, false},
      {"business", r.business_usd_per_kg, false},
      {"full", r.full_usd_per_kg, false}};
  // Same divisor as smelter_result_json's share_of_c1.
  const double c1 = r.c1_usd_per_kg > 0 ? r.c1_usd_per_kg : 1.0;
  std::string out = io::csv_row({"Component", "Cost [USD/t]", "Share of C1 [%]"});
  for (const auto& [name, usd_per_kg, always] : rows) {
    if (std::string_view(name) == "ccs" && !r.ccs.active)
      continue;  // the row exists with capture only
    if (std::string_view(name) == "eu_ets" && usd_per_kg == 0.0)
      continue;  // and with an EU ETS cost only
    // Undefined figures are empty cells (CSV's null), as in summary.json.
    const std::string cost = always || r.produces ? fmt::format("{}", usd_per_kg * kKgPerT) : "";
    const std::string share = r.produces ? fmt::format("{}", usd_per_kg / c1 * 100.0) : "";
    out += io::csv_row({name, cost, share});
  }
  return out;
}

std::string emissions_csv(const SmelterCase& c, const SmelterResult& r) {
  const EmissionResult& e = r.emissions;
  const char* power_scope = c.inputs.emissions.power_captive ? "1" : "2";
  const std::tuple<const char*, const char*, double> rows[] = {
      {"anode_co2", "1", e.anode_co2},
      {"baking_co2", "1", e.baking_co2},
      {"pfc", "1", e.pfc_co2e},
      {"baking_fuel_co2", "1", e.baking_fuel_co2},
      {"casthouse_fuel_co2", "1", e.casthouse_fuel_co2},
      {"power", power_scope, e.power_co2},
      {"ccs_fuel_co2", "1", e.ccs_fuel_co2},
      {"ccs_captured", "1", -e.ccs_captured},
      {"scope1", "1", e.scope1},
      {"scope2", "2", e.scope2},
      {"total", "1+2", e.total}};
  std::string out = io::csv_row({"Source", "Scope", "Emissions [t CO2e/t]"});
  for (const auto& [source, scope, value] : rows) {
    // The capture rows exist with capture only (the table of a plant without it is unchanged).
    if (std::string_view(source).rfind("ccs_", 0) == 0 && !r.ccs.active) continue;
    out += io::csv_row({source, scope, fmt::format("{}", value)});
  }
  return out;
}

std::string cbam_csv(const SmelterCase& c, const SmelterResult& r) {
  std::string out = io::csv_row({"Year", "Certificates [1/t]", "Cost [EUR/t]", "Cost [USD/t]"});
  if (!c.inputs.cbam) return out;
  for (int i = 0; i < policy::kCbamYears; ++i) {
    out += io::csv_row({fmt::format("{}", policy::kCbamFirstYear + i),
                        fmt::format("{}", r.cbam_certificates_per_t[i]),
                        fmt::format("{}", r.cbam_eur_per_t[i]),
                        fmt::format("{}", r.cbam_usd_per_t[i])});
  }
  return out;
}

std::string potlines_csv(const SmelterCase& c) {
  std::string out = io::csv_row(
      {"Potline", "Name", "Technology", "Capacity [t/yr]", "Production [t/yr]",
       "Potline SEC AC [kWh/kg]", "Plant SEC AC [kWh/kg]", "Load [MW]", "Employees", "C1 [USD/t]",
       "Full cost [USD/t]", "Scope 1 [t CO2e/t]", "Scope 2 [t CO2e/t]", "Total [t CO2e/t]"});
  const std::size_t n = potline_group_count(c.inputs);
  for (std::size_t i = 0; i < n && i < c.potlines.size(); ++i) {
    const SmelterResult p = evaluate_potline(c.inputs, i);
    auto n = [](double x) { return fmt::format("{}", x); };
    // The group's index as --set potline[I] and the text's "potline[I]" name it, from 0 (was from 1 while
    // every other output counted from 0: "cell 0", potline[0]).
    out += io::csv_row({std::to_string(i), c.potlines[i].name, c.potlines[i].technology,
                        n(p.capacity_kg_per_s * kSecondsPerYear / kKgPerT),
                        n(p.production_kg_per_s * kSecondsPerYear / kKgPerT),
                        n(p.sec_ac_J_per_kg * (1.0 - c.inputs.auxiliary_share) / kJPerKWh),
                        n(p.sec_ac_J_per_kg / kJPerKWh), n(p.electrical_load_W / 1e6),
                        n(p.employees), p.produces ? n(p.c1_usd_per_kg * kKgPerT) : "",
                        p.produces ? n(p.full_usd_per_kg * kKgPerT) : "", n(p.emissions.scope1),
                        n(p.emissions.scope2), n(p.emissions.total)});
  }
  return out;
}

}  // namespace potline::plant
