// The fleet solve: every smelter through the smelter model, then the market (see solve.hpp).
#include <algorithm>

#include "potline/fleet/fleet_case.hpp"

namespace potline::fleet {

market::TradeProblem trade_problem(const FleetCase& c, const std::vector<SmelterEconomics>& e) {
  const RegionTable& regions = c.model.regions;
  const std::size_t n = regions.regions.size();
  market::TradeProblem p;
  for (std::size_t s = 0; s < n; ++s) {
    p.region_names.push_back(regions.regions[s].id);
    p.demand_kg_per_s.push_back(regions.regions[s].demand_kg_per_s * c.demand_factor[s]);
  }
  const int europe = regions.index_of("europe");
  bool any_rate = false;
  auto matches = [&](const std::vector<std::string>& list, const SmelterRecord& r) {
    for (const auto& x : list) if (x == r.region || x == r.country) return true;
    return false;
  };
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    const FleetSmelter& fs = c.model.smelters[i];
    p.suppliers.push_back({fs.record.id, fs.region, e[i].capacity_kg_per_s, e[i].c1_usd_per_kg});
    std::vector<double> delivery(n), rate(n, 0.0);
    std::vector<char> allowed(n, 1);
    for (std::size_t s = 0; s < n; ++s) {
      double cost = regions.freight_usd_per_kg[static_cast<std::size_t>(fs.region)][s];
      const bool import = static_cast<int>(s) != fs.region;
      for (const Tariff& t : c.tariffs) {
        if (t.importer != static_cast<int>(s) || !import) continue;
        if (!t.exporters.empty() && !matches(t.exporters, fs.record)) continue;
        if (matches(t.exempt, fs.record)) continue;
        if (c.tariff_basis == TariffBasis::kLme) cost += t.rate * c.lme_usd_per_kg;
        else rate[s] += t.rate;
      }
      if (c.cbam_year != 0 && import && static_cast<int>(s) == europe) cost += e[i].cbam_usd_per_kg;
      for (const Exclusion& x : c.exclusions) {
        const bool origin = (!x.origin_region.empty() && x.origin_region == fs.record.region) ||
                            (!x.origin_country.empty() && x.origin_country == fs.record.country) ||
                            (!x.origin_province.empty() && x.origin_province == fs.record.province);
        if (origin && std::find(x.importers.begin(), x.importers.end(), static_cast<int>(s)) != x.importers.end()) allowed[s] = 0;
      }
      delivery[s] = cost;
    }
    p.delivery_usd_per_kg.push_back(std::move(delivery));
    p.allowed.push_back(std::move(allowed));
    if (std::any_of(rate.begin(), rate.end(), [](double x) { return x > 0; })) any_rate = true;
    p.tariff_rate.push_back(std::move(rate));
  }
  if (!any_rate) p.tariff_rate.clear();
  p.tariff_max_iterations = c.tariff_max_iterations;
  p.tariff_tolerance_usd_per_kg = c.tariff_tolerance_usd_per_kg;
  if (std::any_of(c.demand_curve.begin(), c.demand_curve.end(), [](const market::DemandCurve& x) { return x.elasticity > 0; }))
    p.demand_curve = c.demand_curve;
  for (const CapSpec& cap : c.caps) {
    market::Cap k;
    k.name = cap.name;
    k.capacity_kg_per_s = cap.capacity_kg_per_s;
    for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
      if (c.model.smelters[i].region == cap.region) k.suppliers.push_back(static_cast<int>(i));
    p.caps.push_back(std::move(k));
  }
  return p;
}

}  // namespace potline::fleet
