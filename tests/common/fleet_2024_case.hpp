#pragma once
// The 2024 backtest case (examples/world-2024.toml) as `potline fleet` solves it — the scenario year
// 2024 with its dated trade measures, details on — loaded and solved once per test program for the
// validation tests that compare it with published 2024 figures.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "potline/cell/technology.hpp"
#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"
#include "potline/fleet/years.hpp"
#include "shipped_data.hpp"

namespace potline::testing {

struct Fleet2024 {
  fleet::FleetCase c;
  fleet::FleetResult r;
};

/// examples/world-2024.toml with `--set` style overrides, solved with details.
inline Fleet2024 solve_fleet_2024(const std::vector<std::string>& overrides = {}) {
  core::Diagnostics d;
  const fleet::FleetCase loaded = fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml",
                                                         cell::default_data_dir(), shipped_smelter_data(), d, overrides);
  EXPECT_FALSE(d.has_errors()) << d.to_string();
  Fleet2024 x{fleet::case_for_year(loaded, loaded.year, nullptr), {}};
  fleet::SolveOptions o;
  o.details = true;
  x.r = fleet::solve(x.c, x.c.shocks, {}, o);
  EXPECT_TRUE(x.r.feasible) << x.r.explanation;
  return x;
}

inline const Fleet2024& fleet_2024_case() {
  static const Fleet2024 solved = solve_fleet_2024();
  return solved;
}

/// The production-weighted AC specific energy (kWh/t) of the case's rows in `region`.
inline double region_sec_ac_kWh_per_t(const Fleet2024& b, const std::string& region) {
  double energy = 0, metal = 0;
  for (std::size_t i = 0; i < b.c.model.smelters.size(); ++i) {
    if (b.c.model.smelters[i].record.region != region) continue;
    energy += b.r.smelters[i].sec_ac_J_per_kg * b.r.production_kg_per_s[i];
    metal += b.r.production_kg_per_s[i];
  }
  EXPECT_GT(metal, 0.0) << region;
  return metal > 0 ? energy / metal / 3.6e6 * 1e3 : 0.0;
}

}  // namespace potline::testing
