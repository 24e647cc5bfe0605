// Scenario years and paths of years (years.hpp; docs/model/fleet.md, "Years and paths").
#include "potline/fleet/years.hpp"

#include <algorithm>
#include <cmath>

#include "potline/core/constants.hpp"
#include "potline/fleet/indirect_cost_case.hpp"
#include "potline/fleet/tariff_dates.hpp"
#include "potline/policy/cbam.hpp"
#include "potline/policy/eu_ets.hpp"

namespace potline::fleet {
namespace {

bool in_window(const SmelterRecord& r, int year) {
  return (r.first_year == 0 || r.first_year <= year) && (r.last_year == 0 || year <= r.last_year);
}

/// Demand factors of the paths: a region's own path, else "rest_of_world", else a path for all.
void apply_demand_paths(const std::vector<YearPath>& paths, int year, FleetCase& c) {
  const auto& regions = c.model.regions;
  for (std::size_t r = 0; r < regions.regions.size(); ++r) {
    const YearPath* own = nullptr;
    const YearPath* rest = nullptr;
    const YearPath* all = nullptr;
    for (const YearPath& p : paths) {
      if (p.name != "demand_factor" || !p.covers(year)) continue;
      if (p.region == regions.regions[r].id)
        own = &p;
      else if (p.region == "rest_of_world")
        rest = &p;
      else if (p.region.empty())
        all = &p;
    }
    const YearPath* p = own ? own : (rest ? rest : all);
    if (p != nullptr) c.demand_factor[r] *= p->at(year);
  }
}

/// CBAM and the EU ETS of a scenario year: the phase-in year of the case's [cbam] (none before the
/// first CBAM year; the last year's rules after it), the EUA price and the exchange rate of the
/// paths when they cover the year (a cbam.usd_per_eur in the case stays), and the EU ETS of the year.
void apply_year_carbon(const std::vector<YearPath>& paths, int year, FleetCase& c) {
  if (c.cbam_year != 0) {
    c.cbam_year = year < policy::kCbamFirstYear ? 0 : std::min(year, policy::kCbamLastYear);
    c.model.cbam_year = c.cbam_year;
  }
  for (const YearPath& p : paths) {
    if (!p.covers(year)) continue;
    if (p.name == "eua_price") c.eua_eur_per_t = p.at(year);
    if (p.name == "usd_per_eur" && !c.usd_per_eur_given) c.usd_per_eur = p.at(year);
  }
  for (FleetSmelter& s : c.model.smelters) {
    s.inputs.eua_eur_per_t.fill(c.eua_eur_per_t);
    s.inputs.usd_per_eur = c.usd_per_eur;
  }
  set_eu_ets_year(year, c);
}

bool has_dated_events(const std::vector<Project>& pipeline, const std::string& id) {
  return std::any_of(pipeline.begin(), pipeline.end(), [&](const Project& p) {
    return p.smelter == id && (p.kind == ProjectKind::kCurtailment || p.dated);
  });
}

/// Dated curtailments and restarts (data/fleet-pipeline.toml): a row runs the time-weighted mean of
/// its capacity in force through the year; a row stopped the whole year is not in the year's case.
/// A head count estimated from the region's employees per capacity follows the capacity in force
/// (the ratio is one of running plants; the staff of curtailed lines is laid off or on short-time
/// work, as at Trimet and Speira in 2022-23); a published head count is kept.
void dated_capacities(const std::vector<Project>& pipeline, int year,
                      std::vector<FleetSmelter>& smelters) {
  std::vector<FleetSmelter> kept;
  kept.reserve(smelters.size());
  for (FleetSmelter& s : smelters) {
    if (!has_dated_events(pipeline, s.record.id)) {
      kept.push_back(std::move(s));
      continue;
    }
    const double capacity = capacity_in_year(pipeline, s.record, year);
    if (capacity <= 0) continue;
    // A head count is whole people, as the estimate it scales (fleet_smelters.cpp) and the exported
    // smelter case (labour.employees is an integer field): the fleet and `potline smelter` on the
    // export then agree (test fleet_smelter_agreement).
    if (s.employees_estimated && s.inputs.capacity_kg_per_s > 0)
      s.inputs.employees = std::round(s.inputs.employees * capacity / s.inputs.capacity_kg_per_s);
    s.inputs.capacity_kg_per_s = capacity;
    kept.push_back(std::move(s));
  }
  smelters = std::move(kept);
}

const YearPath* published(const std::vector<YearPath>& paths, const char* name, int year) {
  for (const YearPath& p : paths)
    if (p.name == name && p.covers(year)) return &p;
  return nullptr;
}

/// A path year's published outcomes (data/fleet-paths.toml, published_*), in SI; none when the
/// year has none or its market is infeasible.
std::optional<PublishedOutcome> published_outcome(const FleetCase& base, const YearResult& y) {
  const YearPath* output = published(base.paths, "published_production", y.year);
  const YearPath* lme = published(base.paths, "published_lme", y.year);
  if ((output == nullptr && lme == nullptr) || !y.r.feasible) return std::nullopt;
  constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr (the path's unit)
  PublishedOutcome p;
  if (output != nullptr) p.world_output_kg_per_s = output->at(y.year) / kMt;
  if (lme != nullptr) p.lme_usd_per_kg = lme->at(y.year) / 1e3;  // the path's USD/t
  p.demand_curves_pass_through = y.year == y.c.model.regions.price_year;
  return p;
}

/// A new smelter of the pipeline (kind = "new") in its first years offers the mean of its ramp
/// (fleet.greenfield_ramp): its pots are energised one section after another from first metal, which
/// the project's year stands for (user trial 16, T16-7). Restarts keep fleet.restart_lead_time or their
/// dates; expansions are not ramped.
void ramp_new_smelters(const std::vector<Project>& pipeline, int year, double ramp_yr,
                       std::vector<FleetSmelter>& smelters) {
  for (FleetSmelter& s : smelters) {
    const bool is_new = std::any_of(pipeline.begin(), pipeline.end(), [&](const Project& p) {
      return p.kind == ProjectKind::kNew && p.id == s.record.id;
    });
    if (!is_new || s.record.first_year == 0) continue;
    const double share = greenfield_ramp_share(year - s.record.first_year, ramp_yr);
    if (share >= 1.0) continue;
    if (s.employees_estimated) s.inputs.employees = std::round(s.inputs.employees * share);
    s.inputs.capacity_kg_per_s *= share;
  }
}

}  // namespace

double greenfield_ramp_share(int years_since_first, double ramp_yr) {
  const double a = years_since_first;
  if (!(ramp_yr > 0) || a >= ramp_yr) return 1.0;
  if (a + 1.0 <= ramp_yr) return (a + 0.5) / ramp_yr;  // the ramp all year: its mid-year value
  return (ramp_yr * ramp_yr - a * a) / (2.0 * ramp_yr) + (a + 1.0 - ramp_yr);
}

FleetCase case_for_year(const FleetCase& base, int year, const RanLastYear* ran) {
  FleetCase c = base;
  c.year = year;
  c.last_year = 0;
  auto& smelters = c.model.smelters;
  smelters.erase(std::remove_if(smelters.begin(), smelters.end(),
                                [&](const FleetSmelter& s) { return !in_window(s.record, year); }),
                 smelters.end());
  dated_capacities(base.pipeline, year, smelters);
  ramp_new_smelters(base.pipeline, year, base.greenfield_ramp_yr, smelters);
  for (FleetSmelter& s : smelters) {
    const bool restarted_earlier = s.record.restart && s.record.first_year < year;
    // A row stopped whole by a dated curtailment at the start of the year pays its restart.
    const bool stopped = capacity_at_start(base.pipeline, s.record, year) <= 0;
    // The pipeline's restarts carry their own dates (a stopped row kept in the year's case has a
    // dated restart in it): fleet.restart_lead_time applies to the LP's restarts only.
    s.dated_restart = stopped || (s.record.restart && s.record.first_year == year);
    // A committed restart (data/fleet-pipeline.toml `committed = true`) runs from its year: its owner
    // pays the restart whatever the year's price, so the LP sees a running smelter (user trial
    // T19-26: San Ciprián stayed idle 2026-2029 on a -121 USD/t margin under the 280 USD/t restart).
    if (s.record.restart_committed != 0 && s.record.restart_committed == year && !stopped) {
      s.running = true;
      continue;
    }
    if (ran == nullptr) {
      s.running = (s.running || restarted_earlier) && !stopped;
      continue;
    }
    const auto it = ran->find(s.record.id);
    if (it != ran->end())
      s.running = it->second;
    else if (stopped || has_dated_events(base.pipeline, s.record.id))
      s.running = false;  // out of last year's case after a curtailment: it restarts
    // else: new this year (a restart starts stopped)
  }
  apply_demand_paths(base.paths, year, c);
  apply_year_carbon(base.paths, year, c);
  apply_fuel_paths(c, year);  // captive coal and gas power follows its fuel's path (fuel_paths.hpp)
  // A flow limit dated to some years (an observed flow of one year, a quota's years) holds in
  // those.
  std::erase_if(c.flow_limits, [year](const FlowLimit& f) {
    return (f.from_year != 0 && year < f.from_year) || (f.until_year != 0 && year > f.until_year);
  });
  c.tariffs = tariffs_in_year(base.tariffs, year);  // dated tariffs: the year's time-weighted rates
  for (const Sanction& s : base.sanctions) {
    if (year < s.from_year || (s.until_year != 0 && year > s.until_year)) continue;
    c.exclusions.push_back({s.importers, s.origin_region, s.origin_country, ""});
  }
  c.model.demand_kg_per_s = 0;
  for (std::size_t r = 0; r < c.model.regions.regions.size(); ++r)
    c.model.demand_kg_per_s += c.model.regions.regions[r].demand_kg_per_s * c.demand_factor[r];
  return c;
}

void set_eu_ets_year(int year, FleetCase& c) {
  EuEtsCharge& ets = c.model.eu_ets;
  ets.year = year;
  ets.eua_usd_per_kg_co2 = c.eua_eur_per_t * c.usd_per_eur / 1000.0;  // per t CO2 -> per kg
  ets.on = c.eu_ets == EuEts::kCharged && policy::eu_ets_year_charged(year) && c.eua_eur_per_t > 0 &&
           c.usd_per_eur > 0;
  // The UK ETS of the same year (fleet.hpp, UkEtsCharge): its own price and allocation, by year.
  UkEtsCharge& uk = c.model.uk_ets;
  uk.year = year;
  uk.on = c.eu_ets == EuEts::kCharged && year != 0 && uk.schedule.year_charged(year);
  // The year's compensation of indirect emission costs (indirect_cost_case.hpp).
  set_indirect_cost_aid(year, c);
}

std::vector<int> case_years(const FleetCase& c) {
  std::vector<int> years;
  if (c.year == 0) return years;
  for (int y = c.year; y <= std::max(c.year, c.last_year); ++y) years.push_back(y);
  return years;
}

std::vector<YearResult> solve_years(const FleetCase& c, const SolveOptions& options) {
  std::vector<YearResult> out;
  RanLastYear ran;
  for (int year : case_years(c)) {
    YearResult y{year, case_for_year(c, year, out.empty() ? nullptr : &ran), {}, std::nullopt};
    y.r = solve(y.c, y.c.shocks, {}, options);
    const bool feasible = y.r.feasible;
    ran.clear();
    for (std::size_t i = 0; i < y.c.model.smelters.size(); ++i)
      ran[y.c.model.smelters[i].record.id] = feasible && y.r.production_kg_per_s[i] > 0;
    out.push_back(std::move(y));
    if (!feasible) break;
  }
  if (out.size() > 1)
    for (YearResult& y : out) y.published = published_outcome(c, y);
  return out;
}

}  // namespace potline::fleet
