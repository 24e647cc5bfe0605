#pragma once
// Scenario years and paths of years (docs/model/fleet.md, "Years and paths"). A case with
// fleet.year is solved as that year: the smelters whose pipeline window holds it, the CBAM phase-in
// year, the EU ETS of the year and the EUA price of the path, the demand factors of the paths and the trade measures in
// force on 1 July. A path (fleet.last_year) solves every year in turn, each with fleet::solve (the
// one solve of every caller), and carries which smelters ran into the next year (a stopped smelter
// pays its restart).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "potline/fleet/fleet_case.hpp"
#include "potline/fleet/solve.hpp"

namespace potline::fleet {

/// Smelter id -> produced in the previous year of a path.
using RanLastYear = std::map<std::string, bool>;

/// Case `c` as year `year` (c.year != 0); `ran`: the previous year's running state, or nullptr for
/// the first year of a path (the dataset status; a restart from an earlier year counts as running).
FleetCase case_for_year(const FleetCase& c, int year, const RanLastYear* ran);

/// The share of its capacity a new smelter offers in its year `years_since_first` (0 = its first
/// year) when it ramps linearly from nothing at the start of its first year to full capacity after
/// `ramp_yr` years: the ramp's mean over that year (1 once the ramp is over, or for a ramp of 0).
double greenfield_ramp_share(int years_since_first, double ramp_yr);

/// A path year's published outcomes (data/fleet-paths.toml, published_production and published_lme;
/// not inputs: nothing in the model reads them) set beside the LP's results of the year (T9-1). The
/// LP's values are those of YearResult::r; src/api words the note.
struct PublishedOutcome {
  std::optional<double> world_output_kg_per_s;  ///< published world primary output
  std::optional<double> lme_usd_per_kg;         ///< published LME average price
  /// The year is the regions' price year (data/fleet-regions.toml): the demand curves pass through
  /// the observed prices, so the world price there is not an independent result.
  bool demand_curves_pass_through = false;
};

struct YearResult {
  int year = 0;
  FleetCase c;  ///< the case of that year (its smelters are those of the result)
  FleetResult r;
  /// Set in a path (more than one year) for a feasible year with a published outcome.
  std::optional<PublishedOutcome> published;
};

/// The EU ETS of `year` in c.model.eu_ets (fleet.hpp, EuEtsCharge): its year, the EUA price × USD
/// per EUR of the case as it stands (the paths' values of the year, or cbam.eua_price and
/// cbam.usd_per_eur), and on when cbam.eu_ets = "charged", the year is one the ETS is charged in
/// (from data/cbam.toml's first year, 2021) and both prices are known; and the UK ETS of the same year
/// in c.model.uk_ets (on when charged and data/uk-ets.toml prices the year).
void set_eu_ets_year(int year, FleetCase& c);

/// Every year of the case: c.year alone, or c.year .. c.last_year. A year with an infeasible market
/// stops the path (its result is the last one, feasible = false).
std::vector<YearResult> solve_years(const FleetCase& c, const SolveOptions& options = {});

/// The years a case asks for (one, or the path); empty when fleet.year is not set.
std::vector<int> case_years(const FleetCase& c);

}  // namespace potline::fleet
