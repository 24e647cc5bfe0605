#pragma once
// The tables of `potline fleet` (cost_curve.csv, regions.csv, flows.csv; columns: docs/cli.md,
// "potline fleet") and the number formatting they share with the summary (fleet_command.cpp).
// Internal to src/api.
#include <string>

#include "potline/fleet/solve.hpp"

namespace potline::api::fleet_tables {

/// a − b, written as 0 when it is only rounding: within 1e-9 of the larger operand (world.toml:
/// curtailed 5.6e-14 kt/yr at a smelter that runs at capacity, a premium of 2.2e-13 USD/t in a
/// region at the world price, which `compare` then listed as a change).
double difference(double a, double b);
/// `x` with `digits` significant digits; a non-finite number is a run-time error.
std::string num(double x, int digits = 6);

std::string cost_curve_csv(const fleet::FleetCase& c, const fleet::FleetResult& f);
std::string regions_csv(const fleet::FleetCase& c, const fleet::FleetResult& f);
std::string flows_csv(const fleet::FleetCase& c, const fleet::FleetResult& f);

}  // namespace potline::api::fleet_tables
