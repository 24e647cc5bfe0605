// Internal to src/api: a path's last year against the same year alone, and what a year alone starts
// from (user trial 13, T13-11; docs/model/fleet.md, "Years and paths").
#pragma once

#include <string>

#include "potline/fleet/years.hpp"
#include "potline/io/json_output.hpp"

namespace potline::api {

/// Summary key `path_end_vs_year_alone` of a path (docs/cli.md, "potline fleet"): the last year
/// solved alone (world price, production, regional prices) and each smelter whose start differs
/// (stopped in the path, so paying its restart, against running from the dataset status, or the
/// reverse), with its output in both.
io::Json path_end_json(const fleet::FleetCase& c, const fleet::YearResult& last);

/// Summary key `year_start` of a case with fleet.year: what its smelters start from, "dataset_status"
/// (a year alone, or a path's first year) or "path" (a later year of a path: which ran the year before).
const char* year_start(bool path);

/// The note of a path year with published outcomes (fleet::YearResult::published): "published
/// outcome: world output ... (the path ..., +x %); LME average ... (the world price ..., +x %;
/// ...)". Empty when the year has none.
std::string published_outcome_note(const fleet::YearResult& y);

}  // namespace potline::api
