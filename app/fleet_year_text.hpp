// potline fleet's text lines for years and paths (cmd_fleet.cpp formats the rest).
#pragma once

#include "potline/io/json_output.hpp"

namespace potline::app {

/// A path of years: one line a year (world price, production, curtailment).
void print_path(const io::Json& path, double price_step);

/// What a scenario year's smelters start from (summary year_start; T13-11): for a year alone after
/// the dataset's base year, a line saying it starts from the dataset status; for a path, its last
/// year beside the same year alone (summary path_end_vs_year_alone) and the smelters whose start
/// differs. `base_year`: the dataset's status year (the region table's price year).
void print_year_start(const io::Json& summary, int base_year);

}  // namespace potline::app
