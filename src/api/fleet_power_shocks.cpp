// Whether a [[power_shock]] on a region binds (user trial 11, T11-3): examples/us-tariff-50.toml's
// "US power prices +20 %" moved no price and no production, while the text's differences from
// world.toml came from another lever; a reader could not tell. As for [[exclusion]]
// (fleet_command.cpp, exclusions_json), the case is solved again without the shock.
#include "fleet_power_shocks.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"

namespace potline::api {
namespace {

constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                                // USD/kg -> USD/t
// The thresholds of "binds", as an exclusion's: a price moving 0.5 USD/t or a smelter 1 kt/yr.
constexpr double kPriceBind_usd_per_t = 0.5;
constexpr double kProductionBind_kt = 1.0;

}  // namespace

io::Json power_shocks_json(const fleet::FleetCase& input, const fleet::FleetCase& c,
                           const fleet::FleetResult& with) {
  io::Json out = io::Json::array();
  const auto& regions = c.model.regions.regions;
  const fleet::Shocks& own = input.shocks;
  for (std::size_t r = 0; r < regions.size() && r < own.power_factor.size(); ++r) {
    const double factor = own.power_factor[r], adder = own.power_adder_usd_per_J[r];
    if ((factor == 1.0 && adder == 0.0) || !(factor > 0.0) || r >= c.shocks.power_factor.size())
      continue;
    fleet::Shocks without_shock = c.shocks;
    without_shock.power_factor[r] /= factor;
    without_shock.power_adder_usd_per_J[r] -= adder;
    const fleet::FleetResult without = fleet::solve(c, without_shock);
    bool binding = !without.feasible;
    double region_with = 0, region_without = 0, largest_move_kt = 0;
    for (std::size_t k = 0; k < c.model.smelters.size(); ++k) {
      const double a = with.production_kg_per_s[k];
      const double b = without.feasible ? without.production_kg_per_s[k] : 0.0;
      largest_move_kt = std::max(largest_move_kt, std::abs(a - b) * kKt);
      if (static_cast<std::size_t>(c.model.smelters[k].region) != r) continue;
      region_with += a;
      region_without += b;
    }
    double largest_price_move = 0;
    for (std::size_t q = 0; without.feasible && q < regions.size(); ++q)
      largest_price_move =
          std::max(largest_price_move,
                   std::abs(with.price_usd_per_kg[q] - without.price_usd_per_kg[q]) * kT);
    if (largest_move_kt >= kProductionBind_kt || largest_price_move >= kPriceBind_usd_per_t)
      binding = true;
    io::Json j;
    j["region"] = regions[r].id;
    j["factor"] = factor;
    j["adder_usd_per_MWh"] = adder * 3.6e9;
    j["binding"] = binding;
    j["feasible_without"] = without.feasible;
    j["world_price_usd_per_t"] = with.world_price_usd_per_kg * kT;
    j["world_price_without_usd_per_t"] =
        without.feasible ? io::Json(without.world_price_usd_per_kg * kT) : io::Json();
    j["region_price_usd_per_t"] = with.price_usd_per_kg[r] * kT;
    j["region_price_without_usd_per_t"] =
        without.feasible ? io::Json(without.price_usd_per_kg[r] * kT) : io::Json();
    j["region_production_Mt"] = region_with * kMt;
    j["region_production_without_Mt"] =
        without.feasible ? io::Json(region_without * kMt) : io::Json();
    out.push_back(j);
  }
  return out;
}

}  // namespace potline::api
