// Scenarios with the same results as another, sample by sample (see same_results.hpp).
#include "potline/sweep/same_results.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace potline::sweep {
namespace {

// The row indices of one (scenario, sample), sorted by entity and metric.
using Rows = std::vector<std::size_t>;

bool same_sample(const ResultTable& t, const Rows& a, const Rows& b, double tolerance) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const std::size_t i = a[k], j = b[k];
    if (t.entity[i] != t.entity[j] || t.metric[i] != t.metric[j]) return false;
    const double scale = std::max({1.0, std::abs(t.value[i]), std::abs(t.value[j])});
    if (!(std::abs(t.value[i] - t.value[j]) <= tolerance * scale)) return false;
  }
  return true;
}

}  // namespace

std::vector<SameResults> same_results(const ResultTable& t, double relative_tolerance) {
  std::vector<std::string> order;
  std::map<std::string, std::map<std::int64_t, Rows>> rows;  // scenario -> sample -> rows
  for (std::size_t i = 0; i < t.value.size(); ++i) {
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
    SameResults best{order[s], "", 0, 0};
    for (std::size_t e = 0; e < s; ++e) {
      SameResults pair{order[s], order[e], 0, 0};
      const auto& mine = rows.at(order[s]);
      const auto& theirs = rows.at(order[e]);
      for (const auto& [sample, r] : mine) {
        const auto it = theirs.find(sample);
        if (it == theirs.end()) continue;
        ++pair.samples_compared;
        if (same_sample(t, r, it->second, relative_tolerance)) ++pair.identical_samples;
      }
      if (pair.identical_samples > best.identical_samples) best = pair;
    }
    if (best.identical_samples > 0) out.push_back(best);
  }
  return out;
}

}  // namespace potline::sweep
