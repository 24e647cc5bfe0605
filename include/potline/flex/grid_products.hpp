#pragma once
// Interruptible load and reserve capacity in the dispatch (docs/model/flexibility.md §6): the
// potline holds a capacity R (a share of its nominal power, constant over the horizon) available
// for the grid operator, who may call it at any step for up to grid.call_duration after
// grid.notice. R earns grid.reserve_price for every hour of availability. The schedule must keep
// every such call thermally feasible: for each possible start s the call scenario runs the planned
// schedule with the line raised (preheat, a recourse chosen per scenario, at most flex.max_power)
// during the notice and cut by R during the call, and the reduced model's heat state of that
// scenario stays within the heat-state bounds; the line stays at or above grid.call_min_power.
#include <vector>

#include "potline/flex/flex_case.hpp"
#include "potline/flex/milp.hpp"
#include "potline/flex/reduced_model.hpp"

namespace potline::flex {

struct HeatBounds;
struct HorizonPrices;

/// Where the call scenarios sit in the problem: the capacity column and, per start step s, the
/// preheat columns of its notice steps (first notice step first_notice[s]).
struct CallLayout {
  int reserve = -1;                              ///< column of R; −1: no offer
  std::size_t call_steps = 0, notice_steps = 0;
  std::vector<std::size_t> first_notice;         ///< per start
  std::vector<std::vector<int>> preheat;         ///< per start: columns of notice steps first_notice..s−1
};

/// Adds R and the call-scenario rows (heat rows only when `heat`); nothing when the case offers no
/// capacity. `u` and `x` are the columns of the power share − 1 and of the ledge deviation at step ends.
CallLayout add_call_scenarios(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                              bool heat, const std::vector<int>& u, const std::vector<int>& x, Milp& lp);

/// The call the schedule is least able to absorb: the schedule with its preheat and cut applied.
struct CallScenario {
  bool any = false;
  std::size_t start = 0;          ///< step the cut starts
  std::size_t first_notice = 0;   ///< step the preheat starts (= start without notice)
  std::size_t end = 0;            ///< step after the cut's last
  std::vector<double> shares;     ///< the whole schedule with the call applied
  double slack_cm_or_K = 0;       ///< reduced model: smallest distance to a bound (cm for ledge, K)
};

/// The worst call of a solved schedule (`x_solution`: the problem's column values).
CallScenario worst_call(const ReducedModel& m, const HeatBounds& h, const CallLayout& layout,
                        const std::vector<double>& shares, double reserve_share, const std::vector<double>& x_solution);

/// The value of the grid products over the horizon for a schedule offering `reserve_share`.
struct GridValue {
  double offered_W = 0;
  double reserve_payment_eur = 0;        ///< availability: R × grid.reserve_price × horizon
  double call_energy_J = 0;              ///< one call of the full duration
  double call_payment_eur = 0;           ///< call_energy × grid.call_price
  double call_avoided_power_cost_eur = 0;  ///< call_energy at the horizon's mean price
  double call_lost_metal_kg = 0;         ///< production the call's cut costs (reduced model, e_down)
  double call_lost_metal_value_eur = 0;  ///< at the net metal value (metal − alumina − carbon)
  double call_net_value_eur = 0;         ///< payment + avoided power − lost metal
  double max_calls_in_horizon = 0;       ///< grid.calls_per_period pro rata over the horizon
  double value_with_max_calls_eur = 0;   ///< reserve payment + max calls × call net value
};
GridValue grid_value(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, double reserve_share);

/// Net value of one kg of metal after alumina and carbon [EUR/kg].
double net_metal_eur_per_kg(const FlexCase& c);

}  // namespace potline::flex
