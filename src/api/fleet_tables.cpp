// The tables of `potline fleet` (fleet_tables.hpp): cost_curve.csv with each smelter's netback,
// regions.csv and flows.csv. Split from fleet_command.cpp (2026-12-06).
#include "fleet_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "potline/core/constants.hpp"
#include "potline/core/diagnostics.hpp"
#include "potline/io/csv.hpp"
#include "potline/market/netback.hpp"
#include "potline/plant/power_breakeven.hpp"

namespace potline::api::fleet_tables {
namespace {

constexpr double kSecondsPerYear = constants::kSecondsPerYear;
constexpr double kMt = kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                     // USD/kg -> USD/t

std::string csv_text(const std::string& s) {
  return io::csv_cell(s);
}  // RFC 4180, the one CSV writer

// The power price at which margin_usd_per_t (the netback − C1) is 0, the netback and
// the other costs held (plant::breakeven_power_usd_per_J); empty without electricity.
std::string breakeven_cell(double margin_usd_per_kg, const fleet::SmelterEconomics& e) {
  if (!(e.sec_ac_J_per_kg > 0)) return {};
  const double power_usd_per_J = e.power_usd_per_kg / e.sec_ac_J_per_kg;
  const auto p =
      plant::breakeven_power_usd_per_J(margin_usd_per_kg, power_usd_per_J, e.electricity_J_per_kg);
  return p ? num(*p * constants::kJoulePerKWh * 1e3) : std::string();
}

/// Each smelter's netback (market/netback.hpp, T7-5): in the solved market, the trade problem's
/// routes (fleet::trade_problem; a smelter's segments share them) at the LP's prices, ad valorem
/// tariffs on the customs value at those prices (the fixed point's, to its tolerance) and the shadow
/// prices of the binding flow limits on its lanes; without the market, its region's price.
std::vector<market::Netback> smelter_netbacks(const fleet::FleetCase& c,
                                              const fleet::FleetResult& f) {
  std::vector<market::Netback> out(f.smelters.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int region = c.model.smelters[i].region;
    out[i] = {f.price_usd_per_kg[static_cast<std::size_t>(region)], region};
  }
  if (!f.market_solved || !f.feasible) return out;
  const market::TradeProblem p = fleet::trade_problem(c, f.smelters);
  market::TradeSolution s;
  s.price_usd_per_kg = f.price_usd_per_kg;
  s.cap_shadow_usd_per_kg = f.cap_shadow_usd_per_kg;  // caps, then flow limits, as in p.caps (T16-1)
  if (!p.tariff_rate.empty())
    s.tariff_usd_per_kg = market::ad_valorem_tariffs(p, f.price_usd_per_kg);
  const std::vector<market::Netback> b = market::netbacks(p, s);
  const auto per = static_cast<std::size_t>(fleet::segments_per_smelter(c));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = b[i * per];
  return out;
}

}  // namespace

std::string cost_curve_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  std::ostringstream cc;
  cc << "rank,id,name,region,country,province,aggregate,capacity_kt_per_year,cumulative_capacity_"
        "Mt_per_year,"
        "c1_usd_per_t,business_usd_per_t,power_usd_per_t,sec_ac_kWh_per_kg,co2e_t_per_t,direct_"
        "co2e_t_per_t,"
        "cbam_usd_per_t,price_usd_per_t,production_kt_per_year,curtailed_kt_per_year,sec_basis,"
        "domestic_carbon_usd_per_t,pfc_class,lat_deg,lon_deg,technology,technology_class,margin_"
        "usd_per_t,"
        "power_usd_per_MWh,power_basis,power_origin,pfc_standard,cbam_see_t_per_t,cbam_default_see_"
        "t_per_t,cbam_route,"
        "region_price_usd_per_t,eu_ets_usd_per_t,eu_ets_free_allocation_t_per_t,indirect_cost_aid_usd_per_t,"
        "breakeven_power_"
        "usd_per_MWh,"
        "netback_usd_per_t,netback_region,uk_ets_usd_per_t,uk_ets_free_allocation_t_per_t,"
        "cell_line_current_kA,cell_line_current_basis\n";
  const std::vector<market::Netback> netbacks = smelter_netbacks(c, f);
  int rank = 0;
  for (const auto& p : f.curve) {
    const auto i = static_cast<std::size_t>(p.smelter);
    const fleet::SmelterEconomics& e = f.smelters[i];
    const fleet::FleetSmelter& s = c.model.smelters[i];
    const auto& r = s.record;
    // Where the smelter's metal fetches most, and that price at the works.
    const double netback = netbacks[i].value_usd_per_kg;
    const int where = netbacks[i].region;
    cc << ++rank << ',' << csv_text(r.id) << ',' << csv_text(r.name) << ',' << csv_text(r.region)
       << ',' << csv_text(r.country) << ',' << csv_text(r.province) << ','
       << (r.aggregate ? "true" : "false") << ',' << num(e.capacity_kg_per_s * kKt) << ','
       << num(p.cumulative_kg_per_s * kMt) << ',' << num(e.c1_usd_per_kg * kT, 10)
       << ','  // 10 digits: `potline smelter` on --export-smelter's case agrees to 1e-9
       << num(e.business_usd_per_kg * kT) << ',' << num(e.power_usd_per_kg * kT) << ','
       << num(e.sec_ac_J_per_kg / constants::kJoulePerKWh) << ',' << num(e.total_co2e_kg_per_kg)
       << ',' << num(e.direct_co2e_kg_per_kg) << ',' << num(e.cbam_usd_per_kg * kT) << ','
       << num(e.price_usd_per_kg * kT) << ',' << num(f.production_kg_per_s[i] * kKt) << ','
       << num(difference(e.capacity_kg_per_s, f.production_kg_per_s[i]) * kKt) << ','
       << csv_text(s.sec_origin) << ',' << num(e.domestic_carbon_usd_per_kg * kT) << ','
       << plant::to_string(s.inputs.emissions.technology) << ','
       << (r.has_location ? num(r.lat_deg) + ',' + num(r.lon_deg)
                          : std::string(","))  // empty: no single site
       << ',' << csv_text(s.technology) << ',' << csv_text(s.technology_class) << ','
       << num((netback - e.c1_usd_per_kg) * kT) << ','  // the margin at the netback (T7-5)
       << num(e.sec_ac_J_per_kg > 0
                  ? e.power_usd_per_kg / e.sec_ac_J_per_kg * constants::kJoulePerKWh * 1e3
                  : 0.0)
       << ',' << csv_text(s.power_basis) << ',' << csv_text(s.power_origin) << ','
       << csv_text(s.pfc_standard) << ',' << num(e.cbam_see_kg_per_kg) << ','
       << num(e.cbam_default_see_kg_per_kg) << ',' << csv_text(s.cbam_route)
       << ','
       // The trade LP's price of the smelter's own region (the margin is at the netback, the last
       // columns).
       << num(f.price_usd_per_kg[static_cast<std::size_t>(s.region)] * kT) << ','
       << num(e.eu_ets_usd_per_kg * kT) << ',' << num(e.eu_ets_free_allocation_kg_per_kg) << ','
       << num(e.indirect_cost_aid_usd_per_kg * kT) << ','  // compensation of indirect costs, in C1
       << breakeven_cell(netback - e.c1_usd_per_kg, e) << ',' << num(netback * kT) << ','
       << csv_text(c.model.regions.regions[static_cast<std::size_t>(where)].id) << ','
       << num(e.uk_ets_usd_per_kg * kT) << ',' << num(e.uk_ets_free_allocation_kg_per_kg) << ','
       // The current its technology's cell is evaluated at, and why (plant::cell_current; issue 10).
       << (s.cell_current ? num(s.cell_current->line_current_A / 1e3) : std::string()) << ','
       << csv_text(s.cell_current ? s.cell_current->text : std::string()) << '\n';
  }
  return cc.str();
}

namespace {
// Empty where the region has no published benchmark (its table premium is an estimate or none).
std::string published_cell(const fleet::Region& r) {
  const auto value = r.published_premium_usd_per_kg();
  return value ? num(*value * kT) : std::string();
}
}  // namespace

std::string regions_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const auto& regions = c.model.regions.regions;
  std::ostringstream rc;
  rc << "region,name,capacity_Mt_per_year,production_Mt_per_year,demand_Mt_per_year,imports_Mt_per_"
        "year,"
        "exports_Mt_per_year,price_usd_per_t,emissions_Mt_co2e_per_year,consumption_Mt_per_year,"
        "premium_usd_per_t,"
        "published_premium_usd_per_t,premium_benchmark,premium_basis,table_premium_usd_per_t\n";
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const fleet::RegionTrade t = fleet::region_trade(f, r);
    rc << regions[r].id << ',' << csv_text(regions[r].name) << ','
       << num(f.capacity_by_region_kg_per_s[r] * kMt) << ','
       << num(f.production_by_region_kg_per_s[r] * kMt) << ',' << num(f.demand_kg_per_s[r] * kMt)
       << ',' << num(t.imports_kg_per_s * kMt) << ',' << num(t.exports_kg_per_s * kMt) << ','
       << num(f.price_usd_per_kg[r] * kT) << ','
       << num(f.emissions_by_region_kg_co2e_per_s[r] * kSecondsPerYear / 1e9) << ','
       << num(f.consumption_kg_per_s[r] * kMt) << ','
       << num(difference(f.price_usd_per_kg[r], f.world_price_usd_per_kg) * kT) << ','
       << published_cell(regions[r]) << ',' << csv_text(regions[r].premium_benchmark) << ','
       << fleet::to_string(regions[r].premium_basis) << ',' << num(regions[r].premium_usd_per_kg * kT)
       << '\n';
  }
  return rc.str();
}

std::string flows_csv(const fleet::FleetCase& c, const fleet::FleetResult& f) {
  const auto& regions = c.model.regions.regions;
  std::ostringstream fc;
  fc << "from,to,flow_Mt_per_year\n";
  for (std::size_t r = 0; r < regions.size(); ++r)
    for (std::size_t s = 0; s < regions.size(); ++s)
      if (f.flow_kg_per_s[r][s] * kMt > 1e-9)
        fc << regions[r].id << ',' << regions[s].id << ',' << num(f.flow_kg_per_s[r][s] * kMt)
           << '\n';
  return fc.str();
}

double difference(double a, double b) {
  const double d = a - b;
  return std::fabs(d) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) ? 0.0 : d;
}

std::string num(double x, int digits) {
  if (!std::isfinite(x)) throw core::RunError("non-finite number in fleet output");
  return fmt::format("{:.{}g}", x, digits);
}

}  // namespace potline::api::fleet_tables
