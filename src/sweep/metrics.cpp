// The metrics a sweep stores (see metrics.hpp).
#include "potline/sweep/metrics.hpp"

namespace potline::sweep {

const std::vector<StoredMetric>& stored_metrics() {
  static const std::vector<StoredMetric> metrics{
      {"world", "market_feasible", "Market solved (1) or infeasible (0)", "1"},
      {"world", "capacity_Mt", "Capacity", "Mt/yr"},
      {"world", "demand_Mt", "Demand", "Mt/yr"},
      {"world", "under_water_Mt", "Capacity with C1 above its regional price", "Mt/yr"},
      {"world", "production_Mt", "Production", "Mt/yr"},
      {"world", "curtailed_Mt", "Curtailed capacity", "Mt/yr"},
      {"world", "marginal_cost_usd_per_t", "Marginal cost (highest C1 of a producing smelter)",
       "USD/t"},
      {"world", "world_price_usd_per_t", "World price (lowest regional price)", "USD/t"},
      {"world", "emissions_Mt_co2e", "Emissions, scope 1+2 of production", "Mt CO2e/yr"},
      {"region", "price_usd_per_t", "Aluminium price", "USD/t"},
      {"region", "production_Mt", "Production", "Mt/yr"},
      {"region", "curtailed_Mt", "Curtailed capacity", "Mt/yr"},
      {"region", "imports_Mt", "Imports", "Mt/yr"},
      {"region", "exports_Mt", "Exports", "Mt/yr"},
      {"region", "consumption_Mt", "Consumption", "Mt/yr"},
      {"cap", "shadow_price_usd_per_t", "Shadow price of the capacity cap (0: does not bind)", "USD/t"},
      {"flow_limit", "shadow_price_usd_per_t", "Shadow price of the flow limit (0: does not bind)", "USD/t"},
      {"smelter", "c1_usd_per_t", "C1 cash cost", "USD/t"},
      {"smelter", "production_kt", "Production", "kt/yr"},
  };
  return metrics;
}

const StoredMetric* find_stored_metric(std::string_view entity, std::string_view metric) {
  const std::string_view kind = entity.substr(0, entity.find(':'));
  for (const auto& m : stored_metrics()) {
    if (m.entity == kind && m.metric == metric) return &m;
  }
  return nullptr;
}

std::string metric_axis_title(std::string_view entity, std::string_view metric) {
  const StoredMetric* m = find_stored_metric(entity, metric);
  if (m == nullptr) return std::string(metric);
  std::string out(m->title);
  if (m->unit != "1") out += " [" + std::string(m->unit) + "]";
  return out;
}

}  // namespace potline::sweep
