// data/fleet-pipeline.toml (time_data.hpp); the sanctions and paths files are read by
// sanctions_paths.cpp. Every problem is collected with file:line:col; a project without a year or a
// source and a name that is not in the region table or the dataset are errors, with a did-you-mean.
#include "potline/fleet/time_data.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "potline/core/constants.hpp"
#include "potline/core/text.hpp"
#include "potline/io/text_file.hpp"
#include "potline/io/toml_values.hpp"
#include "potline/io/toml_values.hpp"
#include "dated_status.hpp"
#include "time_data_parse.hpp"

namespace potline::fleet {
namespace {

using detail::kFirstYear;
using detail::kLastYear;
using detail::loc;
using detail::reject_unknown;
using detail::required_text;
using detail::text;

int year_of(const toml::table& t, const std::string& owner, const std::string& file,
            core::Diagnostics& d) {
  const auto year = t["year"].value<int64_t>();
  if (!year) {
    d.error(loc(t, file), "year",
            owner + ": required: year, the first year of the change (an integer)");
    return 0;
  }
  if (*year < kFirstYear || *year > kLastYear) {
    d.error(loc(*t.get("year"), file), "year",
            fmt::format("{}: year {} outside {}..{}", owner, *year, kFirstYear, kLastYear));
    return 0;
  }
  return static_cast<int>(*year);
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/// Share of the date's year before the date (1 January: 0).
double year_share_before(const toml::date& date) {
  static constexpr int kDaysBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const int m = std::clamp(static_cast<int>(date.month), 1, 12);
  const int day = kDaysBefore[m - 1] + (m > 2 && leap(date.year) ? 1 : 0) + date.day - 1;
  return day / (leap(date.year) ? 366.0 : 365.0);
}

/// When the change takes effect: a `date` (curtailment: required; restart: or a year) or a `year`.
void timing_of(const toml::table& t, const std::string& owner, const std::string& file,
               Project& p, core::Diagnostics& d) {
  const bool may_date = p.kind == ProjectKind::kCurtailment || p.kind == ProjectKind::kRestart;
  const toml::node* date_node = t.get("date");
  if (date_node == nullptr) {
    if (p.kind == ProjectKind::kCurtailment) {
      d.error(p.where, "date",
              owner + ": required: date, the day the curtailment takes effect (YYYY-MM-DD)");
      return;
    }
    p.year = year_of(t, owner, file, d);
    return;
  }
  if (!may_date) {
    d.error(loc(*date_node, file), "date",
            owner + ": only a curtailment or a restart takes a date; give year (the first year)");
    return;
  }
  if (t.contains("year")) {
    d.error(loc(*t.get("year"), file), "year", owner + ": give date or year, not both");
    return;
  }
  const auto date = date_node->value<toml::date>();
  if (!date) {
    d.error(loc(*date_node, file), "date", owner + ": date must be a date (YYYY-MM-DD)");
    return;
  }
  if (date->year < kFirstYear || date->year > kLastYear) {
    d.error(loc(*date_node, file), "date",
            fmt::format("{}: date in {}, outside {}..{}", owner, date->year, kFirstYear, kLastYear));
    return;
  }
  p.year = date->year;
  p.year_share_before = year_share_before(*date);
  p.dated = true;
}

const SmelterRecord* find_row(const std::vector<SmelterRecord>& records, const std::string& id) {
  for (const auto& r : records)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<std::string> ids_of(const std::vector<SmelterRecord>& records) {
  std::vector<std::string> ids;
  for (const auto& r : records) ids.push_back(r.id);
  return ids;
}

// The row a new project adds: its own name, place and power source (technology and line current
// optional, as in the dataset).
SmelterRecord new_row(const toml::table& t, const Project& p, const RegionTable& regions,
                      const std::string& file, core::Diagnostics& d) {
  SmelterRecord r;
  r.id = p.id;
  r.where = p.where;
  r.name = text(t, "name").empty() ? p.id : text(t, "name");
  r.country = required_text(t, "country", "project '" + p.id + "'", "the country (ISO3)", file, d);
  r.region = required_text(t, "region", "project '" + p.id + "'", "a region id of the region table",
                           file, d);
  if (!r.region.empty() && regions.index_of(r.region) < 0)
    io::report_unknown_name("region", r.region, regions.ids(), loc(*t.get("region"), file),
                            "region", d);
  r.province = text(t, "province");
  r.technology = text(t, "technology");
  r.source = p.source;
  r.status = Status::kOperating;
  r.commissioning_year = p.year;
  const std::string power =
      required_text(t, "power_source", "project '" + p.id + "'", "the power source", file, d);
  if (const auto s = plant::power_source_from_name(power))
    r.power_source = *s;
  else if (!power.empty())
    d.error(loc(*t.get("power_source"), file), "power_source",
            "'" + power + "': expected captive_coal, captive_gas, hydro, grid or ppa");
  if (const auto a = io::toml_quantity(t.get("line_current"), "line_current", "kA", "A", file, d))
    r.line_current_A = *a;
  return r;
}

Project parse_project(const toml::table& t, const RegionTable& regions,
                      const std::vector<SmelterRecord>& records, const std::string& file,
                      core::Diagnostics& d) {
  reject_unknown(t,
                 {"id", "kind", "smelter", "year", "date", "capacity", "name", "country", "region",
                  "province", "power_source", "technology", "line_current", "source", "committed"},
                 "[[project]]", file, d);
  Project p;
  p.where = loc(t, file);
  p.id = text(t, "id");
  if (p.id.empty()) d.error(p.where, "id", "every [[project]] needs an id");
  const std::string owner = "project '" + p.id + "'";
  p.source = required_text(
      t, "source", owner, "the source of the project and its date (or 'estimate: basis')", file, d);
  static const std::map<std::string, ProjectKind> kinds = {
      {"new", ProjectKind::kNew},
      {"restart", ProjectKind::kRestart},
      {"expansion", ProjectKind::kExpansion},
      {"closure", ProjectKind::kClosure},
      {"curtailment", ProjectKind::kCurtailment}};
  const std::string kind = text(t, "kind");
  if (const auto it = kinds.find(kind); it != kinds.end()) {
    p.kind = it->second;
  } else {
    if (!t.contains("date")) p.year = year_of(t, owner, file, d);
    d.error(t.get("kind") ? loc(*t.get("kind"), file) : p.where, "kind",
            owner + ": kind '" + kind +
                "': expected new, restart, expansion, closure or curtailment");
    return p;  // the other keys depend on the kind
  }
  timing_of(t, owner, file, p, d);
  if (const toml::node* committed = t.get("committed")) {
    // A restart its owner has committed to (an agreement, a restart under way): it runs from its
    // year whatever the price, its restart cost sunk (user trial T19-26).
    if (committed->as_boolean() == nullptr)
      d.error(loc(*committed, file), "committed", owner + ": expected true or false (unquoted), got " +
                                                      io::describe_toml_value(*committed));
    else if (p.kind != ProjectKind::kRestart)
      d.error(loc(*committed, file), "committed", owner + ": only a restart takes committed");
    else
      p.committed = committed->as_boolean()->get();
  }
  if (const auto c = io::toml_quantity(t.get("capacity"), "capacity", "kt/yr", "kg/s", file, d)) {
    if (*c <= 0)
      d.error(loc(*t.get("capacity"), file), "capacity", owner + ": capacity must be > 0");
    p.capacity_kg_per_s = *c;
  }
  const bool needs_capacity = p.kind == ProjectKind::kNew || p.kind == ProjectKind::kExpansion;
  if (needs_capacity && !t.contains("capacity"))
    d.error(p.where, "capacity", owner + ": required: capacity (kt/yr)");
  if (p.kind == ProjectKind::kNew) {
    p.record = new_row(t, p, regions, file, d);
    if (find_row(records, p.id) != nullptr)
      d.error(p.where, "id", owner + ": a new project's id must not be a dataset id");
    return p;
  }
  p.smelter =
      required_text(t, "smelter", owner, "the dataset id of the smelter it changes", file, d);
  const SmelterRecord* row = p.smelter.empty() ? nullptr : find_row(records, p.smelter);
  if (!p.smelter.empty() && row == nullptr)
    io::report_unknown_name("smelter", p.smelter, ids_of(records), loc(*t.get("smelter"), file),
                            "smelter", d);
  if (row != nullptr && p.kind == ProjectKind::kCurtailment &&
      p.capacity_kg_per_s >= row->capacity_kg_per_s)
    d.error(loc(*t.get("capacity"), file), "capacity",
            fmt::format("{}: a curtailment's capacity is the part still running, below the row's "
                        "{:.1f} kt/yr (leave it out when the whole smelter stops)",
                        owner, row->capacity_kg_per_s * constants::kSecondsPerYear / 1e6));
  return p;
}

}  // namespace

std::vector<Project> parse_pipeline(const std::string& text_in, const std::string& file,
                                    const RegionTable& regions,
                                    const std::vector<SmelterRecord>& records,
                                    core::Diagnostics& d) {
  std::vector<Project> out;
  auto doc = io::parse_toml(text_in, file, d);
  if (!doc) return out;
  reject_unknown(*doc, {"project"}, "the pipeline", file, d);
  const auto* list = (*doc)["project"].as_array();
  if (list == nullptr) return out;
  std::set<std::string> seen;
  for (const auto& node : *list) {
    const auto* t = node.as_table();
    if (t == nullptr) continue;
    Project p = parse_project(*t, regions, records, file, d);
    if (!p.id.empty() && !seen.insert(p.id).second)
      d.error(p.where, "id", "duplicate project id '" + p.id + "'");
    out.push_back(std::move(p));
  }
  detail::check_dated_sequences(out, records, d);
  return out;
}

std::vector<Project> load_pipeline(const std::string& path, const RegionTable& regions,
                                   const std::vector<SmelterRecord>& records,
                                   core::Diagnostics& d) {
  const auto t = io::read_text_file(path, "the capacity pipeline", d);
  return t ? parse_pipeline(*t, path, regions, records, d) : std::vector<Project>{};
}

void apply_pipeline(const std::vector<Project>& projects, std::vector<SmelterRecord>& records) {
  for (const Project& p : projects) {
    if (p.kind == ProjectKind::kNew) {
      SmelterRecord r = p.record;
      r.capacity_kg_per_s = p.capacity_kg_per_s;
      r.first_year = p.year;
      records.push_back(std::move(r));
      continue;
    }
    auto it = std::find_if(records.begin(), records.end(),
                           [&](const SmelterRecord& r) { return r.id == p.smelter; });
    if (it == records.end()) continue;  // reported by parse_pipeline
    if (p.kind == ProjectKind::kClosure) {
      it->last_year = p.year - 1;
    } else if (p.kind == ProjectKind::kCurtailment) {
      continue;  // dates the row's capacity (capacity_in_year)
    } else if (p.kind == ProjectKind::kRestart) {
      // A row operating in the dataset (2024) restarts after a dated curtailment: its capacity
      // follows the dates (capacity_in_year). A curtailed row runs from its first restart.
      if (it->status == Status::kOperating && !it->restart) continue;
      it->first_year = it->restart ? std::min(it->first_year, p.year) : p.year;
      it->status = Status::kOperating;
      it->restart = true;
      if (p.committed) it->restart_committed = p.year;
      if (p.capacity_kg_per_s > 0) it->capacity_kg_per_s = p.capacity_kg_per_s;
    } else {  // expansion: the smelter's row again, with the project's id, capacity and year
      SmelterRecord r = *it;
      r.id = p.id;
      r.name = it->name + " (expansion)";
      r.capacity_kg_per_s = p.capacity_kg_per_s;
      r.first_year = p.year;
      r.source = p.source;
      r.employees = 0;
      records.push_back(std::move(r));
    }
  }
}

namespace {

struct CapacityStep {
  double t = 0;  ///< year + share of the year before the change
  double capacity_kg_per_s = 0;
};

/// The dated changes of row `r`'s capacity, in time order; `start` is its capacity before them.
std::vector<CapacityStep> capacity_steps(const std::vector<Project>& projects,
                                         const SmelterRecord& r, double& start) {
  std::vector<CapacityStep> steps;
  bool has_curtailment = false;
  for (const Project& p : projects) {
    if (p.smelter != r.id) continue;
    if (p.kind == ProjectKind::kCurtailment) {
      has_curtailment = true;
      steps.push_back({p.year + p.year_share_before, p.capacity_kg_per_s});
    } else if (p.kind == ProjectKind::kRestart) {
      const double c = p.capacity_kg_per_s > 0 ? p.capacity_kg_per_s : r.capacity_kg_per_s;
      steps.push_back({p.year + p.year_share_before, c});
    }
  }
  // A curtailed row restarted by the pipeline is stopped before its restart; an operating row runs
  // its capacity until its first curtailment. Without a curtailment or a dated restart the row
  // keeps its capacity (the year window alone says when it runs).
  const bool dated = std::any_of(projects.begin(), projects.end(), [&](const Project& p) {
    return p.smelter == r.id && p.dated;
  });
  if (!has_curtailment && !dated) steps.clear();
  start = r.restart ? 0.0 : r.capacity_kg_per_s;
  std::stable_sort(steps.begin(), steps.end(),
                   [](const CapacityStep& a, const CapacityStep& b) { return a.t < b.t; });
  return steps;
}

}  // namespace

double capacity_in_year(const std::vector<Project>& projects, const SmelterRecord& r, int year) {
  double capacity = 0;
  const auto steps = capacity_steps(projects, r, capacity);
  if (steps.empty()) return r.capacity_kg_per_s;
  double t0 = year, sum = 0;
  for (const CapacityStep& s : steps) {
    if (s.t >= year + 1) break;
    if (s.t > t0) {
      sum += capacity * (s.t - t0);
      t0 = s.t;
    }
    capacity = s.capacity_kg_per_s;
  }
  return sum + capacity * (year + 1 - t0);
}

double capacity_at_start(const std::vector<Project>& projects, const SmelterRecord& r, int year) {
  double capacity = 0;
  const auto steps = capacity_steps(projects, r, capacity);
  if (steps.empty()) return r.capacity_kg_per_s;
  for (const CapacityStep& s : steps)
    if (s.t <= year) capacity = s.capacity_kg_per_s;
  return capacity;
}

}  // namespace potline::fleet
