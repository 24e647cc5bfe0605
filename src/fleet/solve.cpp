// The fleet solve: every smelter through the smelter model, then the market (see solve.hpp).
#include "potline/fleet/solve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "potline/core/constants.hpp"
#include "potline/market/demand_curve.hpp"

namespace potline::fleet {

namespace {

constexpr double kMtPerYear = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr

/// Regional demand after the case's and the sample's factors (the trade problem's demand rows).
void apply_demand_factors(const std::vector<double>& factor, market::TradeProblem& p, FleetResult& r) {
  for (std::size_t s = 0; s < p.demand_kg_per_s.size(); ++s) {
    if (!factor.empty()) p.demand_kg_per_s[s] *= factor[s];
    r.demand_total_kg_per_s += p.demand_kg_per_s[s];
  }
  r.demand_kg_per_s = p.demand_kg_per_s;
}

void solve_market(const market::TradeProblem& p, FleetResult& r) {
  market::TradeSolution s = market::solve(p);
  r.tariff_iterations = s.tariff_iterations;
  r.tariff_converged = s.tariff_converged;
  r.warnings = std::move(s.warnings);
  r.lp_basis = std::move(s.basis);
  if (!s.feasible) {
    r.feasible = false;
    r.explanation = "infeasible trade problem: " + s.explanation;
    return;
  }
  // Suppliers are the smelters' curtailment segments, in smelter order (trade_problem).
  const std::size_t per = r.smelters.empty() ? 1 : s.production_kg_per_s.size() / r.smelters.size();
  for (std::size_t i = 0; i < r.smelters.size(); ++i)
    for (std::size_t k = 0; k < per; ++k) r.production_kg_per_s[i] += s.production_kg_per_s[i * per + k];
  r.price_usd_per_kg = std::move(s.price_usd_per_kg);
  r.consumption_kg_per_s = std::move(s.consumption_kg_per_s);
  r.flow_kg_per_s = std::move(s.flow_kg_per_s);
  r.cap_shadow_usd_per_kg = std::move(s.cap_shadow_usd_per_kg);
  // The price setter ex freight: the highest C1 among producing smelters.
  for (std::size_t i = 0; i < r.smelters.size(); ++i) {
    if (r.production_kg_per_s[i] > 1e-9) r.marginal_cost_usd_per_kg = std::max(r.marginal_cost_usd_per_kg, r.smelters[i].c1_usd_per_kg);
  }
}

/// Cheapest first up to world demand; every region pays the marginal C1 (no trade, no freight).
void dispatch_cost_curve(FleetResult& r) {
  const double demand = r.demand_total_kg_per_s;
  const double total = r.curve.empty() ? 0.0 : r.curve.back().cumulative_kg_per_s;
  if (demand > 0 && total < demand * (1 - 1e-12)) {
    r.feasible = false;
    r.explanation = fmt::format("demand {:.3f} Mt/yr exceeds the capacity on the cost curve ({:.3f} Mt/yr)",
                                demand * kMtPerYear, total * kMtPerYear);
    return;
  }
  double left = demand;
  for (const CurvePoint& pt : r.curve) {
    const double take = std::min(left, pt.capacity_kg_per_s);
    r.production_kg_per_s[static_cast<std::size_t>(pt.smelter)] = take;
    left -= take;
  }
  r.marginal_cost_usd_per_kg = marginal_cost(r.curve, demand);
  std::fill(r.price_usd_per_kg.begin(), r.price_usd_per_kg.end(), r.marginal_cost_usd_per_kg);
  r.consumption_kg_per_s = r.demand_kg_per_s;
}

void aggregate(const FleetModel& m, bool details, FleetResult& r) {
  const std::size_t nr = m.regions.regions.size();
  r.capacity_by_region_kg_per_s.assign(nr, 0.0);
  r.production_by_region_kg_per_s.assign(nr, 0.0);
  if (details) r.emissions_by_region_kg_co2e_per_s.assign(nr, 0.0);
  for (std::size_t i = 0; i < r.smelters.size(); ++i) {
    const SmelterEconomics& e = r.smelters[i];
    const auto reg = static_cast<std::size_t>(m.smelters[i].region);
    const double q = r.production_kg_per_s[i];
    r.capacity_kg_per_s += e.capacity_kg_per_s;
    r.capacity_by_region_kg_per_s[reg] += e.capacity_kg_per_s;
    r.production_by_region_kg_per_s[reg] += q;
    r.production_total_kg_per_s += q;
    r.emissions_kg_co2e_per_s += q * e.total_co2e_kg_per_kg;
    if (details) r.emissions_by_region_kg_co2e_per_s[reg] += q * e.total_co2e_kg_per_kg;
    if (e.c1_usd_per_kg > e.price_usd_per_kg) r.under_water_capacity_kg_per_s += e.capacity_kg_per_s;
  }
  for (double q : r.consumption_kg_per_s) r.consumption_total_kg_per_s += q;
  if (r.feasible && !r.price_usd_per_kg.empty())
    r.world_price_usd_per_kg = *std::min_element(r.price_usd_per_kg.begin(), r.price_usd_per_kg.end());
}

}  // namespace

FleetResult solve(const FleetCase& c, const Shocks& shocks, const std::vector<double>& demand_factor,
                  const SolveOptions& options) {
  const FleetModel& m = c.model;
  const std::size_t nr = m.regions.regions.size();
  FleetResult r;
  evaluate(m, shocks, r.smelters);
  market::TradeProblem p = trade_problem(c, r.smelters);
  p.start_basis = options.start_basis;
  apply_demand_factors(demand_factor, p, r);
  r.market_solved = c.solve_market;
  r.elastic = c.solve_market && !p.demand_curve.empty();
  if (r.elastic && options.details)  // the report's, not the sweep's
    for (std::size_t s = 0; s < p.demand_curve.size(); ++s)
      r.demand_price_step =
          std::max(r.demand_price_step, market::equilibrium_price_step(p.demand_kg_per_s[s], p.demand_curve[s]));
  r.production_kg_per_s.assign(r.smelters.size(), 0.0);
  r.cap_shadow_usd_per_kg.assign(c.caps.size(), 0.0);
  r.price_usd_per_kg.assign(nr, 0.0);
  r.consumption_kg_per_s.assign(nr, 0.0);
  r.flow_kg_per_s.assign(nr, std::vector<double>(nr, 0.0));
  if (options.details || !c.solve_market) r.curve = cost_curve(r.smelters);
  if (c.solve_market) solve_market(p, r);
  else dispatch_cost_curve(r);
  aggregate(m, options.details, r);
  if (options.details) {
    r.under_water = under_water(r.smelters);
    if (r.demand_total_kg_per_s <= r.capacity_kg_per_s) r.cost_curve_marginal_cost_usd_per_kg = marginal_cost(r.curve, r.demand_total_kg_per_s);
  }
  return r;
}

RegionTrade region_trade(const FleetResult& result, std::size_t r) {
  RegionTrade t;
  const auto& f = result.flow_kg_per_s;
  for (std::size_t s = 0; s < f.size(); ++s) {
    if (s == r) continue;
    t.imports_kg_per_s += f[s][r];
    t.exports_kg_per_s += f[r][s];
  }
  return t;
}

namespace {

/// Delivery cost, ad valorem rates and allowed destinations of smelter `fs`'s metal, per region.
struct Routes {
  std::vector<double> delivery, rate;
  std::vector<char> allowed;
};

bool names(const std::vector<std::string>& list, const SmelterRecord& r) {
  for (const auto& x : list) if (x == r.region || x == r.country) return true;
  return false;
}

bool excluded(const FleetCase& c, const SmelterRecord& r, int region) {
  for (const Exclusion& x : c.exclusions) {
    const bool origin = (!x.origin_region.empty() && x.origin_region == r.region) ||
                        (!x.origin_country.empty() && x.origin_country == r.country) ||
                        (!x.origin_province.empty() && x.origin_province == r.province);
    if (origin && std::find(x.importers.begin(), x.importers.end(), region) != x.importers.end()) return true;
  }
  return false;
}

Routes routes(const FleetCase& c, const FleetSmelter& fs, const SmelterEconomics& e) {
  const RegionTable& regions = c.model.regions;
  const std::size_t n = regions.regions.size();
  const int europe = regions.index_of("europe");
  Routes out{std::vector<double>(n), std::vector<double>(n, 0.0), std::vector<char>(n, 1)};
  for (std::size_t s = 0; s < n; ++s) {
    double cost = regions.freight_usd_per_kg[static_cast<std::size_t>(fs.region)][s];
    const bool import = static_cast<int>(s) != fs.region;
    for (const Tariff& t : c.tariffs) {
      if (t.importer != static_cast<int>(s) || !import) continue;
      if (!t.exporters.empty() && !names(t.exporters, fs.record)) continue;
      if (names(t.exempt, fs.record)) continue;
      if (c.tariff_basis == TariffBasis::kLme) cost += t.rate * c.lme_usd_per_kg;
      else out.rate[s] += t.rate;
    }
    if (c.cbam_year != 0 && import && static_cast<int>(s) == europe) cost += e.cbam_usd_per_kg;
    if (excluded(c, fs.record, static_cast<int>(s))) out.allowed[s] = 0;
    out.delivery[s] = cost;
  }
  return out;
}

}  // namespace

int segments_per_smelter(const FleetCase& c) { return c.model.regions.curtailment.active() ? 2 : 1; }

double restart_share(const FleetCase& c, const FleetSmelter& fs) {
  if (fs.running || fs.dated_restart) return 1.0;
  return std::max(0.0, 1.0 - c.restart_lead_time_yr);
}

std::vector<market::Supplier> smelter_segments(const FleetCase& c, std::size_t i, const SmelterEconomics& e) {
  const FleetSmelter& fs = c.model.smelters[i];
  const Curtailment& k = c.model.regions.curtailment;
  // A stopped smelter restarted by the LP makes metal only after the restart's lead time.
  const double capacity = e.capacity_kg_per_s * restart_share(c, fs);
  if (!k.active()) return {{fs.record.id, fs.region, capacity, e.c1_usd_per_kg}};
  // A running smelter stops potlines only below C1 − restart/horizon (the restart it would pay
  // later); its turndown band is cut at C1. A stopped one restarts only above C1 + restart/horizon.
  const double credit = k.credit_usd_per_kg();
  const double base = capacity * (1 - k.turndown_share), band = capacity * k.turndown_share;
  if (!fs.running) return {{fs.record.id, fs.region, base, e.c1_usd_per_kg + credit},
                           {fs.record.id + " (turndown)", fs.region, band, e.c1_usd_per_kg + credit}};
  return {{fs.record.id, fs.region, base, e.c1_usd_per_kg - credit},
          {fs.record.id + " (turndown)", fs.region, band, e.c1_usd_per_kg}};
}

market::TradeProblem trade_problem(const FleetCase& c, const std::vector<SmelterEconomics>& e) {
  const RegionTable& regions = c.model.regions;
  const std::size_t n = regions.regions.size();
  market::TradeProblem p;
  for (std::size_t s = 0; s < n; ++s) {
    p.region_names.push_back(regions.regions[s].id);
    p.demand_kg_per_s.push_back(regions.regions[s].demand_kg_per_s * c.demand_factor[s]);
  }
  bool any_rate = false;
  for (std::size_t i = 0; i < c.model.smelters.size(); ++i) {
    Routes r = routes(c, c.model.smelters[i], e[i]);
    if (std::any_of(r.rate.begin(), r.rate.end(), [](double x) { return x > 0; })) any_rate = true;
    for (market::Supplier& segment : smelter_segments(c, i, e[i])) {
      p.suppliers.push_back(std::move(segment));
      p.delivery_usd_per_kg.push_back(r.delivery);
      p.allowed.push_back(r.allowed);
      p.tariff_rate.push_back(r.rate);
    }
  }
  if (!any_rate) p.tariff_rate.clear();
  p.tariff_value = c.tariff_basis == TariffBasis::kOriginPrice ? market::TariffValue::kOriginPrice
                                                               : market::TariffValue::kTransactionValue;
  p.tariff_max_iterations = c.tariff_max_iterations;
  p.tariff_tolerance_usd_per_kg = c.tariff_tolerance_usd_per_kg;
  if (std::any_of(c.demand_curve.begin(), c.demand_curve.end(), [](const market::DemandCurve& x) { return x.elasticity > 0; }))
    p.demand_curve = c.demand_curve;
  const auto per = static_cast<std::size_t>(segments_per_smelter(c));
  for (const CapSpec& cap : c.caps) {
    market::Cap k;
    k.name = cap.name;
    k.capacity_kg_per_s = cap.capacity_kg_per_s;
    for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
      if (c.model.smelters[i].region == cap.region)
        for (std::size_t j = 0; j < per; ++j) k.suppliers.push_back(static_cast<int>(i * per + j));
    p.caps.push_back(std::move(k));
  }
  for (const FlowLimit& f : c.flow_limits) {
    market::Cap k;
    k.name = f.name;
    k.capacity_kg_per_s = f.max_kg_per_s;
    k.to_regions = {f.to};
    for (std::size_t i = 0; i < c.model.smelters.size(); ++i)
      if (c.model.smelters[i].region == f.from)
        for (std::size_t j = 0; j < per; ++j) k.suppliers.push_back(static_cast<int>(i * per + j));
    p.caps.push_back(std::move(k));
  }
  return p;
}

}  // namespace potline::fleet
