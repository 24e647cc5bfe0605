#pragma once
// The last year of a path against the same year solved alone (user trial 13, T13-11; docs/model/
// fleet.md, "Years and paths"). A path carries which smelters ran from year to year (a smelter that
// stopped pays its restart to run again); a year alone starts every smelter from the dataset status
// and the pipeline's dated events. The two give different prices where those starts differ: this
// names the smelters whose start differs and solves the year alone for its figures.
#include <string>
#include <vector>

#include "potline/fleet/years.hpp"

namespace potline::fleet {

/// A smelter whose start in the path's last year differs from its start in that year alone.
struct StartDifference {
  std::string id, region;
  double capacity_kg_per_s = 0;
  bool running_in_path = false;   ///< produced in the path's year before (else it pays its restart)
  bool running_alone = false;     ///< the dataset status and the pipeline's dated events
  double production_path_kg_per_s = 0, production_alone_kg_per_s = 0;
};

struct PathEndCheck {
  int year = 0;
  FleetResult alone;  ///< the year solved alone (case_for_year with no previous year)
  std::vector<StartDifference> differences;  ///< by capacity, largest first
};

/// `last`: the last year of `base`'s path (solve_years). Solves that year alone with `options`.
PathEndCheck path_end_check(const FleetCase& base, const YearResult& last, const SolveOptions& options = {});

}  // namespace potline::fleet
