// Scenarios with the same results as another, sample by sample (see same_results.hpp).
#include "potline/sweep/same_results.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace potline::sweep {
namespace {

// The row indices of one (scenario, sample), sorted by entity and metric.
using Rows = std::vector<std::size_t>;

// The thresholds of "binds" of `potline fleet` (an exclusion's or a power shock's, fleet_power_shocks.cpp):
// a price moving 0.5 USD/t or a smelter 1 kt/yr; the drawn inputs and every row of a full comparison
// within `tolerance` relative.
double allowed(const ResultTable& t, std::size_t i, double scale, double tolerance, bool outcomes_only) {
  if (!outcomes_only || t.entity[i] == "input") return tolerance * scale;
  const std::string& m = t.metric[i];
  if (m.find("price") != std::string::npos) return 0.5;
  if (m.size() > 3 && m.compare(m.size() - 3, 3, "_Mt") == 0) return 1e-3;
  if (m.size() > 3 && m.compare(m.size() - 3, 3, "_kt") == 0) return 1.0;
  return tolerance * scale;
}

// How far the two samples' rows differ, in units of each row's tolerance (at most 1: the same), and
// the row of `a` that differs most (`at`); infinite with no row when their keys differ.
double difference(const ResultTable& t, const Rows& a, const Rows& b, double tolerance, bool outcomes_only,
                  std::size_t& at) {
  at = a.size();
  if (a.size() != b.size()) return std::numeric_limits<double>::infinity();
  double worst = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const std::size_t i = a[k], j = b[k];
    if (t.entity[i] != t.entity[j] || t.metric[i] != t.metric[j]) {
      at = a.size();
      return std::numeric_limits<double>::infinity();
    }
    const double scale = std::max({1.0, std::abs(t.value[i]), std::abs(t.value[j])});
    const double d = std::abs(t.value[i] - t.value[j]) / allowed(t, i, scale, tolerance, outcomes_only);
    if (!(d <= worst)) {  // a NaN counts as the worst
      worst = std::isnan(d) ? std::numeric_limits<double>::infinity() : d;
      at = k;
    }
  }
  return worst;
}

// The headline rows, where a scenario's effect is read: world and regional prices, production, the
// world's marginal cost and emissions. Trade (imports, exports, flows), consumption, curtailment,
// shadow prices and single smelters are left out of "differs most": an equal-cost swap of the trade LP
// moved Africa's imports 0 -> 1.27 Mt, an infinite relative change, and was named as a 30 GW US data-centre
// load's largest difference while US production fell 0.62 -> 0.24 Mt (user trial T16-17).
bool headline_row(const ResultTable& t, std::size_t i) {
  const std::string& e = t.entity[i];
  const std::string& m = t.metric[i];
  if (e == "world")
    return m == "world_price_usd_per_t" || m == "marginal_cost_usd_per_t" || m == "production_Mt" ||
           m == "emissions_Mt_co2e";
  return e.rfind("region:", 0) == 0 && (m == "price_usd_per_t" || m == "production_Mt");
}

// The headline row of `a` that changed most beyond its tolerance (`at`), and by how much, relative to its
// own level; a region's production to at least 1 % of the world's (a small region's 0 -> 0.01 Mt is not
// an infinite change). 0 when no headline row differs.
double headline_difference(const ResultTable& t, const Rows& a, const Rows& b, double tolerance, std::size_t& at) {
  double world_production = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (t.entity[a[k]] == "world" && t.metric[a[k]] == "production_Mt") world_production = std::abs(t.value[a[k]]);
  }
  double most = 0.0;
  for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
    const std::size_t i = a[k], j = b[k];
    if (!headline_row(t, i) || t.metric[i] != t.metric[j] || t.entity[i] != t.entity[j]) continue;
    const double change = std::abs(t.value[i] - t.value[j]);
    double scale = std::max({1e-12, std::abs(t.value[i]), std::abs(t.value[j])});
    if (t.entity[i] != "world" && t.metric[i] == "production_Mt") scale = std::max(scale, 0.01 * world_production);
    if (!(change > tolerance * std::max(1.0, scale)) || !(change / scale > most)) continue;
    most = change / scale;
    at = k;
  }
  return most;
}

bool outcome_row(const ResultTable& t, std::size_t i) {
  static const std::set<std::string> metrics = {"price_usd_per_t", "world_price_usd_per_t", "production_Mt",
                                                "production_kt",   "curtailed_Mt",          "imports_Mt",
                                                "exports_Mt",      "consumption_Mt",        "market_feasible"};
  return t.entity[i] == "input" || metrics.count(t.metric[i]) > 0;
}

std::vector<SameResults> compare(const ResultTable& t, double relative_tolerance, bool outcomes_only) {
  std::vector<std::string> order;
  std::map<std::string, std::map<std::int64_t, Rows>> rows;  // scenario -> sample -> rows
  for (std::size_t i = 0; i < t.value.size(); ++i) {
    if (outcomes_only && !outcome_row(t, i)) continue;
    auto& by_sample = rows[t.scenario[i]];
    if (by_sample.empty()) order.push_back(t.scenario[i]);
    by_sample[t.sample[i]].push_back(i);
  }
  for (auto& [scenario, by_sample] : rows) {
    for (auto& [sample, r] : by_sample) {
      std::sort(r.begin(), r.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(t.entity[a], t.metric[a]) < std::tie(t.entity[b], t.metric[b]);
      });
    }
  }
  std::vector<SameResults> out;
  for (std::size_t s = 1; s < order.size(); ++s) {
    SameResults best;
    best.scenario = order[s];
    for (std::size_t e = 0; e < s; ++e) {
      SameResults pair;
      pair.scenario = order[s];
      pair.same_as = order[e];
      const auto& mine = rows.at(order[s]);
      const auto& theirs = rows.at(order[e]);
      double furthest = 1.0, furthest_headline = 0.0;
      for (const auto& [sample, r] : mine) {
        const auto it = theirs.find(sample);
        if (it == theirs.end()) continue;
        ++pair.samples_compared;
        std::size_t at = 0;
        const double d = difference(t, r, it->second, relative_tolerance, outcomes_only, at);
        if (d <= 1.0) {
          ++pair.identical_samples;
          continue;
        }
        // A headline row beats any other; among headline rows the largest change, else the row furthest
        // beyond its tolerance.
        std::size_t headline_at = r.size();
        const double h = at < r.size() ? headline_difference(t, r, it->second, relative_tolerance, headline_at) : 0.0;
        if (h > furthest_headline) {
          furthest_headline = h;
          at = headline_at;
        } else if (furthest_headline > 0.0 || h > 0.0 || !(d > furthest)) {
          continue;
        }
        if (at < r.size()) {
          furthest = d;
          pair.differs_entity = t.entity[r[at]];
          pair.differs_metric = t.metric[r[at]];
          pair.differs_sample = sample;
          pair.differs_value = t.value[r[at]];
          pair.differs_same_as_value = t.value[it->second[at]];
        }
      }
      if (pair.identical_samples > best.identical_samples) best = pair;
    }
    if (best.identical_samples > 0) out.push_back(best);
  }
  return out;
}

}  // namespace

std::vector<SameResults> same_results(const ResultTable& t, double relative_tolerance) {
  return compare(t, relative_tolerance, false);
}

std::vector<SameResults> same_prices_and_production(const ResultTable& t, double relative_tolerance) {
  return compare(t, relative_tolerance, true);
}

}  // namespace potline::sweep
