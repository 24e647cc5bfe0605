// What a fleet case's [[added_load]]s do (user trial T12-9): examples/world-data-centres.toml adds
// 30 GW to the US grid, and the output said nothing of it beyond each smelter's power_origin in
// summary.json. The loads are in the smelters' own power prices (fleet_case.cpp, apply_added_loads);
// the case is solved again with each exposed smelter's price less its curve's rise, as
// [[power_shock]] (fleet_power_shocks.cpp) and [[exclusion]] (fleet_command.cpp) are solved away.
#include "fleet_added_loads.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "potline/core/constants.hpp"

namespace potline::api {
namespace {

constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                                // USD/kg -> USD/t
constexpr double kMWh = 3.6e9;                            // USD/J -> USD/MWh
// A smelter "moved": its output by 1 kt/yr or its power price by 0.05 USD/MWh (the thresholds of a
// binding [[power_shock]] are 1 kt/yr and 0.5 USD/t).
constexpr double kOutputMove_kt = 1.0;
constexpr double kPowerMove_usd_per_MWh = 0.05;
constexpr double kPriceMove_usd_per_t = 0.5;

/// One supply curve with load added to its area: the loads on it, their rise and the smelters it
/// reaches. The exposure rule is apply_added_loads' (fleet_case.cpp): in the area, a power source the
/// curve exposes, no published contract.
struct LoadedArea {
  const fleet::SupplyCurve* curve = nullptr;
  double load_W = 0;
  double rise_usd_per_J = 0;
  std::vector<std::string> loads;
  std::vector<std::size_t> smelters;
};

std::vector<LoadedArea> loaded_areas(const fleet::FleetCase& c) {
  std::vector<LoadedArea> out;
  for (const fleet::SupplyCurve& curve : c.power_supply.curves) {
    LoadedArea a;
    a.curve = &curve;
    for (const fleet::AddedLoad& l : c.added_loads) {
      if (!l.area.same_as(curve.area)) continue;
      a.load_W += l.load_W;
      a.loads.push_back(fmt::format("{} {:g} GW", l.name, l.load_W / 1e9));
    }
    if (a.load_W <= 0) continue;
    a.rise_usd_per_J = curve.rise_at(a.load_W);
    for (std::size_t k = 0; k < c.model.smelters.size(); ++k) {
      const fleet::SmelterRecord& r = c.model.smelters[k].record;
      if (curve.area.contains(r) && curve.exposes(r.power_source) && c.power_prices.contract_of(r.id) == nullptr)
        a.smelters.push_back(k);
    }
    out.push_back(std::move(a));
  }
  return out;
}

/// The region of an area: its region id, else the region of its first smelter in the case (-1: none).
int area_region(const fleet::FleetCase& c, const fleet::PowerArea& area) {
  const auto& regions = c.model.regions.regions;
  for (std::size_t r = 0; r < regions.size(); ++r)
    if (!area.region.empty() && regions[r].id == area.region) return static_cast<int>(r);
  for (const fleet::FleetSmelter& s : c.model.smelters)
    if (area.contains(s.record)) return s.region;
  return -1;
}

double power_price(const fleet::FleetSmelter& s, double base_usd_per_J, const fleet::Shocks& k) {
  const auto r = static_cast<std::size_t>(s.region);
  return base_usd_per_J * k.power_factor[r] + k.power_adder_usd_per_J[r];
}

io::Json or_null(bool have, double x) { return have ? io::Json(x) : io::Json(nullptr); }

/// The case without the loads of `areas`: each exposed smelter's power price less its curve's rise.
struct Without {
  fleet::FleetResult result;
  std::vector<double> base_power_usd_per_J;  ///< every smelter's, without the loads
};

Without solve_without(const fleet::FleetCase& c, const std::vector<const LoadedArea*>& areas) {
  fleet::FleetCase base = c;
  Without w;
  for (const fleet::FleetSmelter& s : c.model.smelters) w.base_power_usd_per_J.push_back(s.base_power_usd_per_J);
  for (const LoadedArea* a : areas) {
    for (std::size_t k : a->smelters) {
      w.base_power_usd_per_J[k] -= a->rise_usd_per_J;
      base.model.smelters[k].base_power_usd_per_J = w.base_power_usd_per_J[k];
      base.model.smelters[k].inputs.power_usd_per_J = w.base_power_usd_per_J[k];
    }
  }
  w.result = fleet::solve(base, base.shocks);
  return w;
}

/// Whether the result moves without the load: a price by 0.5 USD/t or a smelter by 1 kt/yr, the
/// thresholds of a binding [[power_shock]] or [[exclusion]].
bool binds(const fleet::FleetResult& with, const fleet::FleetResult& without) {
  if (!without.feasible) return true;
  for (std::size_t k = 0; k < with.production_kg_per_s.size(); ++k)
    if (std::abs(with.production_kg_per_s[k] - without.production_kg_per_s[k]) * kKt >= kOutputMove_kt) return true;
  for (std::size_t r = 0; r < with.price_usd_per_kg.size(); ++r)
    if (std::abs(with.price_usd_per_kg[r] - without.price_usd_per_kg[r]) * kT >= kPriceMove_usd_per_t) return true;
  return false;
}

/// One area, against the case solved without this area's load alone (its region's price and
/// output before -> after, and whether it binds).
io::Json area_json(const fleet::FleetCase& c, const LoadedArea& a, const fleet::FleetResult& with) {
  const Without w = solve_without(c, {&a});
  const fleet::FleetResult& without = w.result;
  const auto& smelters = c.model.smelters;
  double capacity = 0, after = 0, before = 0;
  for (std::size_t k : a.smelters) {
    // The capacity in force in the case's year (dated curtailments and restarts, years.cpp), the one
    // the run's cost curve and output use, not the dataset's nameplate (user trial 16, T16-18).
    const double cap = smelters[k].inputs.capacity_kg_per_s;
    capacity += cap;
    after += cap * power_price(smelters[k], smelters[k].base_power_usd_per_J, c.shocks);
    before += cap * power_price(smelters[k], w.base_power_usd_per_J[k], c.shocks);
  }
  io::Json j;
  j["area"] = a.curve->area.describe();
  j["curve"] = a.curve->name;
  j["curve_source"] = a.curve->source;
  j["loads"] = a.loads;
  j["load_GW"] = a.load_W / 1e9;
  j["price_rise_usd_per_MWh"] = a.rise_usd_per_J * kMWh;
  j["exposed_smelters"] = a.smelters.size();
  j["exposed_capacity_Mt"] = capacity * kMt;
  // Capacity-weighted over the exposed smelters (with the case's regional power shocks): none exposed, null.
  j["power_price_usd_per_MWh"] = or_null(capacity > 0, capacity > 0 ? after / capacity * kMWh : 0.0);
  j["power_price_without_usd_per_MWh"] = or_null(capacity > 0, capacity > 0 ? before / capacity * kMWh : 0.0);
  j["binding"] = binds(with, without);
  j["feasible_without"] = without.feasible;
  j["world_price_without_usd_per_t"] = or_null(without.feasible, without.world_price_usd_per_kg * kT);
  const int r = area_region(c, a.curve->area);
  j["region"] = r >= 0 ? io::Json(c.model.regions.regions[static_cast<std::size_t>(r)].id) : io::Json(nullptr);
  const bool have = r >= 0 && without.feasible;
  const auto q = static_cast<std::size_t>(std::max(r, 0));
  j["region_price_usd_per_t"] = or_null(r >= 0, r >= 0 ? with.price_usd_per_kg[q] * kT : 0.0);
  j["region_price_without_usd_per_t"] = or_null(have, have ? without.price_usd_per_kg[q] * kT : 0.0);
  j["region_production_Mt"] = or_null(r >= 0, r >= 0 ? with.production_by_region_kg_per_s[q] * kMt : 0.0);
  j["region_production_without_Mt"] = or_null(have, have ? without.production_by_region_kg_per_s[q] * kMt : 0.0);
  return j;
}

/// Every smelter whose power price or output moved, exposed ones first (in case order), then the
/// others whose output the market moved, largest move first.
io::Json smelters_json(const fleet::FleetCase& c, const std::vector<LoadedArea>& areas, const fleet::FleetResult& with,
                       const fleet::FleetResult& without, const std::vector<double>& base_without) {
  const auto& smelters = c.model.smelters;
  std::map<std::size_t, std::string> exposed;  // smelter -> curve name
  for (const LoadedArea& a : areas)
    for (std::size_t k : a.smelters) exposed[k] = a.curve->name;
  std::vector<std::pair<double, std::size_t>> others;
  for (std::size_t k = 0; k < smelters.size(); ++k) {
    if (exposed.count(k) || !without.feasible) continue;
    const double move = std::abs(with.production_kg_per_s[k] - without.production_kg_per_s[k]) * kKt;
    if (move >= kOutputMove_kt) others.push_back({-move, k});
  }
  std::sort(others.begin(), others.end());
  io::Json out = io::Json::array();
  const auto row = [&](std::size_t k) {
    const fleet::FleetSmelter& s = smelters[k];
    const auto it = exposed.find(k);
    const double power = power_price(s, s.base_power_usd_per_J, c.shocks);
    const double power_without = power_price(s, base_without[k], c.shocks);
    const double c1_without = without.smelters[k].c1_usd_per_kg;  // the smelters are evaluated even when the LP fails
    io::Json j;
    j["id"] = s.record.id;
    j["region"] = c.model.regions.regions[static_cast<std::size_t>(s.region)].id;
    j["curve"] = it != exposed.end() ? io::Json(it->second) : io::Json(nullptr);
    j["power_price_usd_per_MWh"] = power * kMWh;
    j["power_price_without_usd_per_MWh"] = power_without * kMWh;
    j["c1_usd_per_t"] = with.smelters[k].c1_usd_per_kg * kT;
    j["c1_without_usd_per_t"] = c1_without * kT;
    j["production_kt_per_year"] = with.production_kg_per_s[k] * kKt;
    j["production_without_kt_per_year"] =
        or_null(without.feasible, without.feasible ? without.production_kg_per_s[k] * kKt : 0.0);
    out.push_back(j);
  };
  for (const auto& [k, name] : exposed) {
    const double move = std::abs(power_price(smelters[k], smelters[k].base_power_usd_per_J, c.shocks) -
                                 power_price(smelters[k], base_without[k], c.shocks)) * kMWh;
    const bool output = without.feasible &&
                        std::abs(with.production_kg_per_s[k] - without.production_kg_per_s[k]) * kKt >= kOutputMove_kt;
    if (move >= kPowerMove_usd_per_MWh || output) row(k);
  }
  for (const auto& [move, k] : others) row(k);
  return out;
}

}  // namespace

io::Json added_loads_json(const fleet::FleetCase& c, const fleet::FleetResult& with) {
  const std::vector<LoadedArea> areas = loaded_areas(c);
  if (areas.empty()) return io::Json(nullptr);
  std::vector<const LoadedArea*> all;
  for (const LoadedArea& a : areas) all.push_back(&a);
  const Without w = solve_without(c, all);
  const fleet::FleetResult& without = w.result;
  io::Json j;
  j["feasible_without"] = without.feasible;
  j["binding"] = binds(with, without);
  double load = 0;
  for (const LoadedArea& a : areas) load += a.load_W / 1e9;
  j["load_GW"] = load;
  j["world_price_usd_per_t"] = with.world_price_usd_per_kg * kT;
  j["world_price_without_usd_per_t"] = or_null(without.feasible, without.world_price_usd_per_kg * kT);
  j["production_Mt"] = with.production_total_kg_per_s * kMt;
  j["production_without_Mt"] = or_null(without.feasible, without.production_total_kg_per_s * kMt);
  io::Json list = io::Json::array();
  for (const LoadedArea& a : areas) list.push_back(area_json(c, a, with));
  j["areas"] = list;
  j["smelters"] = smelters_json(c, areas, with, without, w.base_power_usd_per_J);
  return j;
}

}  // namespace potline::api
