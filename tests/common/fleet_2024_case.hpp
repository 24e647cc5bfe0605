#pragma once
// The 2024 backtest case (examples/world-2024.toml) as `potline fleet` solves it — the scenario year
// 2024 with its dated trade measures, details on — loaded and solved once per test program for the
// validation tests that compare it with published 2024 figures.
#include <gtest/gtest.h>

#include <string>

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

inline const Fleet2024& fleet_2024_case() {
  static const Fleet2024 solved = [] {
    core::Diagnostics d;
    const fleet::FleetCase loaded = fleet::load_fleet_case(std::string(POTLINE_SOURCE_DIR) + "/examples/world-2024.toml",
                                                           cell::default_data_dir(), shipped_smelter_data(), d);
    EXPECT_FALSE(d.has_errors()) << d.to_string();
    Fleet2024 x{fleet::case_for_year(loaded, loaded.year, nullptr), {}};
    fleet::SolveOptions o;
    o.details = true;
    x.r = fleet::solve(x.c, x.c.shocks, {}, o);
    EXPECT_TRUE(x.r.feasible) << x.r.explanation;
    return x;
  }();
  return solved;
}

}  // namespace potline::testing
