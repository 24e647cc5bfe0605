#pragma once
// The row of a per-area table that applies to a smelter (fuel prices, fuel price paths): rows name
// one area (a province, an ISO3 country or a region) and a power source; the most specific area
// wins: the smelter's province, then its country, then its region; the first row of each kind.
#include "potline/fleet/dataset.hpp"

namespace potline::fleet::detail {

template <class Rows>
auto most_specific_area_row(const Rows& rows, const SmelterRecord& r) -> decltype(&*rows.begin()) {
  decltype(&*rows.begin()) by_country = nullptr;
  decltype(&*rows.begin()) by_region = nullptr;
  for (const auto& row : rows) {
    if (row.source != r.power_source) continue;
    if (!row.province.empty() && row.province == r.province) return &row;
    if (!row.country.empty() && row.country == r.country && by_country == nullptr) by_country = &row;
    if (!row.region.empty() && row.region == r.region && by_region == nullptr) by_region = &row;
  }
  return by_country != nullptr ? by_country : by_region;
}

}  // namespace potline::fleet::detail
