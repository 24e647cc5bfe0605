// A path's last year against the same year alone (fleet_path_end.hpp; user trial 13, T13-11: 2030
// at the end of world-path-2035 and 2030 alone gave two world prices and neither output said why).
#include "fleet_path_end.hpp"

#include <fmt/format.h>

#include "potline/core/constants.hpp"
#include "potline/fleet/path_end_check.hpp"

namespace potline::api {
namespace {

constexpr double kMt = constants::kSecondsPerYear / 1e9;  // kg/s -> Mt/yr
constexpr double kKt = constants::kSecondsPerYear / 1e6;  // kg/s -> kt/yr
constexpr double kT = 1e3;                                // USD/kg -> USD/t

const char* start_text(bool running) { return running ? "running" : "stopped"; }

}  // namespace

const char* year_start(bool path) { return path ? "path" : "dataset_status"; }

std::string published_outcome_note(const fleet::YearResult& y) {
  if (!y.published) return {};
  const fleet::PublishedOutcome& p = *y.published;
  std::string note = "published outcome:";
  if (p.world_output_kg_per_s) {
    const double model = y.r.production_total_kg_per_s * kMt;
    const double published = *p.world_output_kg_per_s * kMt;
    note += fmt::format(" world output {:.2f} Mt (the path {:.2f}, {:+.1f} %)", published, model,
                        100 * (model / published - 1));
  }
  if (p.lme_usd_per_kg) {
    const double model = y.r.world_price_usd_per_kg * kT;
    const double published = *p.lme_usd_per_kg * kT;
    note += fmt::format(
        "{} LME average {:.0f} USD/t (the world price {:.0f}, {:+.1f} %; an LP result, not "
        "calibrated to it{})",
        p.world_output_kg_per_s ? ";" : "", published, model, 100 * (model / published - 1),
        p.demand_curves_pass_through ? "; the demand curves pass through it" : "");
  }
  return note + " (data/fleet-paths.toml; docs/validation.md)";
}

io::Json path_end_json(const fleet::FleetCase& c, const fleet::YearResult& last) {
  const fleet::PathEndCheck check = fleet::path_end_check(c, last);
  io::Json j;
  j["year"] = check.year;
  j["feasible_alone"] = check.alone.feasible;
  if (!check.alone.feasible) return j;
  j["world_price_alone_usd_per_t"] = check.alone.world_price_usd_per_kg * kT;
  j["production_alone_Mt"] = check.alone.production_total_kg_per_s * kMt;
  j["world_price_path_usd_per_t"] = last.r.world_price_usd_per_kg * kT;
  j["production_path_Mt"] = last.r.production_total_kg_per_s * kMt;
  io::Json prices = io::Json::object();
  const auto& regions = last.c.model.regions.regions;
  for (std::size_t r = 0; r < regions.size() && r < check.alone.price_usd_per_kg.size(); ++r)
    prices[regions[r].id] = check.alone.price_usd_per_kg[r] * kT;
  j["price_alone_by_region_usd_per_t"] = prices;
  io::Json rows = io::Json::array();
  for (const fleet::StartDifference& d : check.differences) {
    rows.push_back({{"id", d.id},
                    {"region", d.region},
                    {"capacity_kt_per_year", d.capacity_kg_per_s * kKt},
                    {"start_in_path", start_text(d.running_in_path)},
                    {"start_alone", start_text(d.running_alone)},
                    {"production_path_kt_per_year", d.production_path_kg_per_s * kKt},
                    {"production_alone_kt_per_year", d.production_alone_kg_per_s * kKt}});
  }
  j["start_differs"] = rows;
  return j;
}

}  // namespace potline::api
