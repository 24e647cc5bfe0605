// What bounds a sweep's samples (see limits.hpp; user trial T12-3).
#include "potline/sweep/limits.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "potline/core/constants.hpp"

namespace potline::sweep {
namespace {

constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr

/// (scenario, entity, metric) -> the values in store order.
using Columns = std::map<std::tuple<std::string, std::string, std::string>, std::vector<double>>;

Columns columns(const ResultTable& t, const std::vector<std::pair<std::string, std::string>>& wanted_prefix_metric) {
  Columns out;
  for (std::size_t i = 0; i < t.value.size(); ++i) {
    for (const auto& [prefix, metric] : wanted_prefix_metric) {
      if (t.metric[i] == metric && t.entity[i].rfind(prefix, 0) == 0) {
        out[{t.scenario[i], t.entity[i], t.metric[i]}].push_back(t.value[i]);
        break;
      }
    }
  }
  return out;
}

const std::vector<double>& column(const Columns& c, const std::string& scenario, const std::string& entity,
                                  const std::string& metric) {
  static const std::vector<double> none;
  const auto it = c.find({scenario, entity, metric});
  return it == c.end() ? none : it->second;
}

}  // namespace

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double at = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(at);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

std::vector<LimitFacts> limit_facts(const SweepSpec& spec, const ResultTable& table) {
  const Columns c = columns(table, {{"cap:", "shadow_price_usd_per_t"},
                                    {"flow_limit:", "shadow_price_usd_per_t"},
                                    {"region:", "production_Mt"}});
  std::vector<LimitFacts> out;
  for (const Scenario& sc : spec.scenarios) {
    const auto& regions = sc.fleet.model.regions.regions;
    const auto region_id = [&](int r) {
      return r >= 0 && static_cast<std::size_t>(r) < regions.size() ? regions[static_cast<std::size_t>(r)].id
                                                                     : std::string("?");
    };
    std::vector<LimitFacts> limits;
    for (const auto& cap : sc.fleet.caps)
      limits.push_back({sc.name, "cap", cap.name, region_id(cap.region), cap.capacity_kg_per_s * kMt});
    for (const auto& lane : sc.fleet.flow_limits)
      limits.push_back({sc.name, "flow_limit", lane.name, region_id(lane.from) + " -> " + region_id(lane.to),
                        lane.max_kg_per_s * kMt});
    for (LimitFacts& f : limits) {
      const std::vector<double>& shadow = column(c, sc.name, f.kind + ":" + f.name, "shadow_price_usd_per_t");
      std::vector<double> binding;
      for (double x : shadow)
        if (x >= kBindingShadow_usd_per_t) binding.push_back(x);
      f.samples = static_cast<std::int64_t>(shadow.size());
      f.binding = static_cast<std::int64_t>(binding.size());
      f.shadow_p10 = quantile(binding, 0.1);
      f.shadow_p50 = quantile(binding, 0.5);
      f.shadow_p90 = quantile(binding, 0.9);
      if (f.kind == "cap") {
        const std::vector<double>& produced = column(c, sc.name, "region:" + f.where, "production_Mt");
        f.production_p50_Mt = quantile(produced, 0.5);
        f.production_max_Mt = produced.empty() ? 0.0 : *std::max_element(produced.begin(), produced.end());
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<ScarcityFacts> scarcity_facts(const ResultTable& table) {
  // (scenario, sample) -> (demand, capacity), in store order of the scenarios.
  std::vector<std::string> order;
  std::map<std::string, std::map<std::int64_t, std::pair<double, double>>> rows;
  for (std::size_t i = 0; i < table.value.size(); ++i) {
    if (table.entity[i] != "world") continue;
    const bool demand = table.metric[i] == "demand_Mt", capacity = table.metric[i] == "capacity_Mt";
    if (!demand && !capacity) continue;
    if (!rows.count(table.scenario[i])) order.push_back(table.scenario[i]);
    auto& dc = rows[table.scenario[i]].try_emplace(table.sample[i], -1.0, -1.0).first->second;
    (demand ? dc.first : dc.second) = table.value[i];
  }
  std::vector<ScarcityFacts> out;
  for (const std::string& name : order) {
    ScarcityFacts f;
    f.scenario = name;
    for (const auto& [sample, dc] : rows[name]) {
      const auto [demand, capacity] = dc;
      if (demand < 0 || !(capacity > 0)) continue;
      ++f.samples;
      if (demand <= (1 + kScarcityShare) * capacity) continue;
      ++f.short_samples;
      if (demand / capacity > f.worst_ratio) {
        f.worst_ratio = demand / capacity;
        f.worst_demand_Mt = demand;
        f.worst_capacity_Mt = capacity;
      }
    }
    if (f.short_samples > 0) out.push_back(f);
  }
  return out;
}

}  // namespace potline::sweep
