// The last year of a path against the same year alone (path_end_check.hpp; T13-11).
#include "potline/fleet/path_end_check.hpp"

#include <algorithm>
#include <map>

namespace potline::fleet {

PathEndCheck path_end_check(const FleetCase& base, const YearResult& last, const SolveOptions& options) {
  PathEndCheck out;
  out.year = last.year;
  const FleetCase alone = case_for_year(base, last.year, nullptr);
  out.alone = solve(alone, alone.shocks, {}, options);
  std::map<std::string, std::size_t> index_alone;
  for (std::size_t i = 0; i < alone.model.smelters.size(); ++i) index_alone[alone.model.smelters[i].record.id] = i;
  const auto& smelters = last.c.model.smelters;
  for (std::size_t i = 0; i < smelters.size(); ++i) {
    const auto it = index_alone.find(smelters[i].record.id);
    if (it == index_alone.end()) continue;  // both cases hold the same rows (the year's window)
    const FleetSmelter& a = alone.model.smelters[it->second];
    if (a.running == smelters[i].running) continue;
    StartDifference d;
    d.id = smelters[i].record.id;
    d.region = smelters[i].record.region;
    d.capacity_kg_per_s = smelters[i].record.capacity_kg_per_s;
    d.running_in_path = smelters[i].running;
    d.running_alone = a.running;
    if (i < last.r.production_kg_per_s.size()) d.production_path_kg_per_s = last.r.production_kg_per_s[i];
    if (it->second < out.alone.production_kg_per_s.size())
      d.production_alone_kg_per_s = out.alone.production_kg_per_s[it->second];
    out.differences.push_back(std::move(d));
  }
  std::stable_sort(out.differences.begin(), out.differences.end(),
                   [](const StartDifference& x, const StartDifference& y) { return x.capacity_kg_per_s > y.capacity_kg_per_s; });
  return out;
}

}  // namespace potline::fleet
