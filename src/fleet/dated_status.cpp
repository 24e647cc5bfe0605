// Checks of the dated curtailments and restarts of one dataset row (dated_status.hpp).
#include "dated_status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "potline/core/constants.hpp"

namespace potline::fleet::detail {
namespace {

double kt_per_yr(double kg_per_s) { return kg_per_s * constants::kSecondsPerYear / 1e6; }

bool is_status_change(const Project& p) {
  return (p.kind == ProjectKind::kCurtailment || p.kind == ProjectKind::kRestart) && p.year > 0;
}

/// Walks one row's events in time order from its 2024 status and reports each wrong step.
void check_row(const SmelterRecord& row, std::vector<const Project*> events, core::Diagnostics& d) {
  std::stable_sort(events.begin(), events.end(), [](const Project* a, const Project* b) {
    return a->year + a->year_share_before < b->year + b->year_share_before;
  });
  const double nameplate = row.capacity_kg_per_s;
  double running = row.status == Status::kOperating ? nameplate : 0.0;
  bool curtailed_before = false;
  std::string after = "its status in data/smelters.csv";
  for (const Project* p : events) {
    const std::string owner = "project '" + p->id + "' (" + row.id + ")";
    if (p->kind == ProjectKind::kRestart) {
      const double to = p->capacity_kg_per_s > 0 ? p->capacity_kg_per_s : nameplate;
      if (p->capacity_kg_per_s > nameplate)
        d.error(p->where, "capacity",
                fmt::format("{}: a restart to {:.1f} kt/yr, above the row's {:.1f} kt/yr (allowed: "
                            "0 < capacity <= {:.1f} kt/yr, or none for the whole row)",
                            owner, kt_per_yr(to), kt_per_yr(nameplate), kt_per_yr(nameplate)));
      else if (row.status == Status::kOperating && !curtailed_before)
        d.error(p->where, p->dated ? "date" : "year",
                fmt::format("{}: a restart before any curtailment of the row, which operates in "
                            "2024 (data/smelters.csv): date it after a dated curtailment of '{}'",
                            owner, row.id));
      else if (to <= running)
        d.error(p->where, "capacity",
                fmt::format("{}: a restart to {:.1f} kt/yr, while {:.1f} kt/yr already run after "
                            "{} (a restart raises the capacity running)",
                            owner, kt_per_yr(to), kt_per_yr(running), after));
      running = std::max(running, to);
    } else {
      curtailed_before = true;
      const double to = p->capacity_kg_per_s;
      if (running <= 0)
        d.error(p->where, "date",
                fmt::format("{}: a curtailment of a row stopped at that date (after {})", owner,
                            after));
      else if (to >= running && running < nameplate)  // against the nameplate: parse_project
        d.error(p->where, "capacity",
                fmt::format("{}: a curtailment to {:.1f} kt/yr, while {:.1f} kt/yr run after {} "
                            "(allowed: below {:.1f} kt/yr; a restart raises the capacity)",
                            owner, kt_per_yr(to), kt_per_yr(running), after, kt_per_yr(running)));
      running = std::min(running, to);
    }
    after = "project '" + p->id + "'";
  }
}

}  // namespace

void check_dated_sequences(const std::vector<Project>& projects,
                           const std::vector<SmelterRecord>& records, core::Diagnostics& d) {
  std::map<std::string, std::vector<const Project*>> by_row;
  for (const Project& p : projects)
    if (is_status_change(p) && !p.smelter.empty()) by_row[p.smelter].push_back(&p);
  for (const auto& entry : by_row) {
    const std::string& id = entry.first;
    const auto row = std::find_if(records.begin(), records.end(),
                                  [&id](const SmelterRecord& r) { return r.id == id; });
    if (row != records.end()) check_row(*row, entry.second, d);  // unknown ids: reported by the parser
  }
}

}  // namespace potline::fleet::detail
