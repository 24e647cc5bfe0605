#pragma once
// Price-driven dispatch of a potline (docs/model/flexibility.md §3): the power schedule that
// maximises margin = metal revenue − power − alumina − carbon − penalties over the horizon, under
// the production target, power limits, ramp limits, set-point counts and dwell, and the heat-state
// bounds of the reduced thermal model. An LP (COIN-OR CLP) when nothing needs binaries, else a
// MILP (COIN-OR CBC) warm-started from the flat schedule.
#include <cstdint>
#include <string>
#include <vector>

#include "potline/flex/flex_case.hpp"
#include "potline/flex/grid_products.hpp"
#include "potline/flex/milp.hpp"
#include "potline/flex/prices.hpp"
#include "potline/flex/reduced_model.hpp"

namespace potline::flex {

/// Heat-state bounds the optimiser holds the reduced model to (tightened by the re-simulation).
struct HeatBounds {
  double ledge_min_m = 0, ledge_max_m = 0, superheat_min_K = 0, superheat_max_K = 0;
};
HeatBounds case_bounds(const FlexCase& c);

/// The potline's nominal power bought from the grid: AC at the grid connection, the cells' DC power
/// over the rectifier efficiency (cells × m.nominal_power_W / c.rectifier_efficiency()). Every
/// energy, power and cost of the dispatch and grid products is on this basis (auxiliaries excluded).
double grid_power_W(const FlexCase& c, const ReducedModel& m);

/// Money and energy of a schedule over the horizon, for the whole potline (energy AC at the grid).
struct ScheduleEconomics {
  double energy_J = 0, power_cost_eur = 0, production_kg = 0;
  double revenue_eur = 0, alumina_cost_eur = 0, carbon_cost_eur = 0, penalty_eur = 0;
  double reserve_revenue_eur = 0;  ///< availability payment for the interruptible capacity ([grid])
  int changes = 0;  ///< set-point changes (including the first, from nominal)
  double margin_eur() const {
    return revenue_eur + reserve_revenue_eur - power_cost_eur - alumina_cost_eur - carbon_cost_eur - penalty_eur;
  }
};

struct Schedule {
  std::vector<double> shares;          ///< power share per step (1 = nominal)
  std::vector<double> ledge_m;         ///< reduced-model ledge at step ends (K + 1 values)
  std::vector<double> superheat_K;     ///< reduced-model mean superheat per step
  ScheduleEconomics economics;
  MilpSolution solution;               ///< solver, status, gap (empty for the flat schedule)
  bool milp = false;
  double reserve_share = 0;            ///< interruptible capacity held, share of nominal power ([grid])
  CallScenario worst_call;             ///< the call this schedule absorbs worst (reduced model)
};

/// The prices over the horizon (the first horizon/step rows of the series).
struct HorizonPrices {
  std::int64_t start_unix_s = 0;
  double step_s = 3600;
  std::vector<double> price_eur_per_J;
};
HorizonPrices horizon_prices(const PriceSeries& series, double horizon_s);

/// Economics of any schedule under the reduced model's production curve, holding `reserve_share`
/// of the nominal power available for calls.
ScheduleEconomics schedule_economics(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p,
                                     const std::vector<double>& shares, double reserve_share = 0);

/// The highest power share the dispatch plans: flex.max_power, or the rectifier's reach
/// (m.max_share, potline.max_current at the voltage the resistance control holds) when lower.
double highest_share(const FlexCase& c, const ReducedModel& m);

/// The constant power share that meets the production target (clamped to the power limits).
double flat_share(const FlexCase& c, const ReducedModel& m);
/// The flat schedule at flat_share, with its reduced-model heat state and economics.
Schedule flat_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p);

/// Whether the case needs the MILP (set-point counts, dwell, change penalty, stops of the line
/// (flex.max_off), or flex.solver = milp); a production curve that is not concave adds binaries of its own
/// (Schedule::milp says whether the problem solved was a MILP).
bool needs_milp(const FlexCase& c);

/// Optimises the schedule. Throws core::InputError naming the binding constraint group when no
/// schedule meets the limits, core::RunError when the solver finds no schedule in its time.
Schedule optimise_schedule(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& bounds);

}  // namespace potline::flex
