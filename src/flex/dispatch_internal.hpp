#pragma once
// Internals of the dispatch problem shared by its source files (not installed): the constraint
// groups, the problem's columns, and the rows of the line's stops (dispatch_stops.cpp) and of the
// set-point changes (dispatch_changes.cpp); dispatch.cpp lays out the columns, writes the physics
// rows and solves (formulation in docs/model/flexibility.md §3). The grid products' call scenarios
// (grid_products.cpp) add their rows to the same problem and take kInfinity and whole_steps here.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "potline/flex/dispatch.hpp"

namespace potline::flex::detail {

inline constexpr double kInfinity = 1e30;

// Which constraint groups the problem holds (dropped one at a time to name the binding group of
// an infeasible case).
struct Groups {
  bool production = true, heat = true, end = true, ramp = true, counts = true;
};

// The production curve over the power range as the dispatch carries it (dispatch_curve.cpp): its
// breakpoints (ReducedModel::curve_points over [flex.min_power, the highest share]) and, per
// segment, its concave run: a run ends at each convex kink (where the slope rises).
struct CurvePieces {
  std::vector<double> share, production;
  std::vector<std::size_t> run;  // per segment
  std::size_t runs() const { return run.empty() ? 1 : run.back() + 1; }
  bool concave() const { return runs() <= 1; }
};

CurvePieces curve_pieces(const FlexCase& c, const ReducedModel& m);

struct Columns {
  std::vector<int> u, m, x, z;  // power share − 1, production share − 1, ledge deviation, change flag
  // The change-count levels of a one-day horizon (add_count_levels): per checkpoint k the binaries
  // "at least r changes in [day_start, k)", r = 1..N.
  struct CountLevels {
    std::size_t day_start = 0, k = 0;
    std::vector<int> level;
  };
  std::vector<CountLevels> count_levels;
  // The step's metal through the production lag (reduced_model.hpp: n[k]); the same columns as m
  // when the model has no lag (m is then the step's metal).
  std::vector<int> n;
  // The rise out of a cut (reduced_model.hpp): the heat deficit q at each step's end and its
  // driver d ≥ max(0, u_c − u); empty without the state.
  std::vector<int> q, d;
  std::vector<int> o, y;        // line stopped, the stop's ledge (flex.max_off; empty when it may not stop)
  std::vector<int> on, off;     // a stop starts / the line restarts at step k (0/1 whenever o is)
  // The restart's level off[k]·u[k], and u[k] at the other running steps (add_restart_level_rows;
  // empty when the stop cost does not depend on it, ReducedModel::stop_metal_slope = 0).
  std::vector<int> level, running;
  CallLayout calls;             // interruptible capacity and its call scenarios ([grid])
  CurvePieces curve;            // the production curve
  // A curve that is not concave: per step its segments' fills (0..1) and a binary per convex kink.
  std::vector<std::vector<int>> fill, kink;
  bool stops() const { return !o.empty(); }
};

// Whole dispatch steps in a duration: rounded up (a window that must cover it) or down (what fits
// in it), with 1e-9 of slack for durations that are whole multiples of the step up to round-off.
inline std::size_t whole_steps(double duration_s, double step_s, bool round_up) {
  const double n = duration_s / step_s;
  return static_cast<std::size_t>(round_up ? std::ceil(n - 1e-9) : std::floor(n + 1e-9));
}

void add_row(Milp& lp, double lower, double upper, std::vector<int> index, std::vector<double> value);

// The largest production share of the reduced model's curve over the power range.
double highest_production(const FlexCase& c, const ReducedModel& m);

// --- The production curve (dispatch_curve.cpp) ---

// The columns of a curve that is not concave at step k (none for a concave one).
void add_curve_columns(std::size_t k, Columns& col, Milp& lp);

// The production curve's rows at step k: m ≤ f(u + 1) − 1 (−1 while stopped).
void add_production_curve_rows(const Columns& col, std::size_t k, Milp& lp);

// The curve's columns of a warm start at step k for a power share (0: stopped) into x.
void curve_warm_start(const Columns& col, std::size_t k, double share, std::vector<double>& x);

// The production lag's row at step k (none without a lag): n[k] ≤ ρ·n[k−1] + ρ·e·(u[k] − u[k−1]) +
// (1 − ρ)·m[k], relaxed while stopped, when n ≤ −1 (dispatch_curve.cpp).
void add_production_lag_rows(const ReducedModel& m, double hi, const Columns& col, std::size_t k, Milp& lp);

// --- Stops of the line (dispatch_stops.cpp) ---

// Steps the line may stay stopped in a row (flex.max_off in whole dispatch steps; 0: never).
std::size_t off_steps(const FlexCase& c, double step_s);

// Largest |Δ(u + o)| into or out of a stop: the running share's distance from nominal.
double running_share_reach(const FlexCase& c);

// Range of the stop's ledge y (reduced_model.hpp): at most every step stopped, a geometric sum.
std::pair<double, double> stop_ledge_range(const ReducedModel& m, std::size_t K);

// Largest |x| the ledge columns allow (with stops x alone may leave the bounds by y's range).
double ledge_column_reach(const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K);

// Whether a stop may start at step k at all (else its start column is fixed at 0); D the dwell
// window, x_range and y_range the column bounds of the ledge and of the stop's ledge.
bool stop_can_start(const FlexCase& c, const ReducedModel& m, const HeatBounds& h, const Groups& g, std::size_t K,
                    std::size_t k, std::size_t D, std::pair<double, double> x_range, std::pair<double, double> y_range);

// The restart's level v[k] = off[k]·u[k] (off binary whenever o is): u = −o + v + p with
// v ∈ [lo, hi]·off and p ∈ [lo, hi]·(1 − o − off), the disaggregated form of the three states a
// step is in (stopped, restarting, running on), whose LP relaxation is their convex hull [Balas
// 1979]: tighter than McCormick rows on off·u.
void add_restart_level_rows(const FlexCase& c, const ReducedModel& m, const Columns& col, Milp& lp);

// The stopped line's power, metal and ledge, and the stops' starts, restarts and durations.
void add_off_rows(const FlexCase& c, const ReducedModel& m, const HorizonPrices& p, const HeatBounds& h,
                  const Groups& g, const Columns& col, Milp& lp);

// --- Set-point changes (dispatch_changes.cpp) ---

// Steps of the dwell window (at most one set-point change in any D consecutive steps; 1: none).
std::size_t dwell_steps(const FlexCase& c, double step_s);

// Whether anything holds the set-point changes: a count per day, a dwell window of two steps or
// more, or a change penalty. Without one the change flags z are not written (they would be free
// binaries that CBC still has to make integral).
bool changes_counted(const FlexCase& c, double step_s);

// The change flags z, the per-day change counts and the dwell window.
void add_change_rows(const FlexCase& c, const HorizonPrices& p, const Groups& g, Columns& col,
                     Milp& lp);

}  // namespace potline::flex::detail
