#pragma once
// The metrics a sweep stores (evaluate_sample, run.cpp), declared once with a readable title and
// unit: the report's charts and tables take their titles and axes from here (T7-30), docs/cli.md
// ("The store") lists the same.
#include <string>
#include <string_view>
#include <vector>

namespace potline::sweep {

struct StoredMetric {
  std::string_view
      entity;  ///< "world", "region" (entity "region:<id>") or "smelter" ("smelter:<id>")
  std::string_view metric;  ///< the key in the store
  std::string_view title;   ///< "World price (lowest regional price)"
  std::string_view unit;    ///< "USD/t"; "1" for flags
};

const std::vector<StoredMetric>& stored_metrics();

/// The declared metric of an entity ("world", "region:usa", "smelter:x") and key, or nullptr.
const StoredMetric* find_stored_metric(std::string_view entity, std::string_view metric);

/// "Title [unit]" for an axis; the key itself for an undeclared metric.
std::string metric_axis_title(std::string_view entity, std::string_view metric);

}  // namespace potline::sweep
