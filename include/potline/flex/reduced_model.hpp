#pragma once
// The reduced thermal model the dispatch optimises with (docs/model/flexibility.md §2): one heat
// state per cell, the ledge thickness, linear in the power share u = P/P_nominal − 1 and
// discretised at the dispatch step Δt,
//
//   x[k+1] = a·x[k] + b·u[k]             x = ledge − ledge_ref (m)
//   s[k]   = c·u[k] + d·x[k+1]           s = mean superheat over step k − superheat_ref (K)
//   m[k]   ≤ f(1 + u[k]) − 1               metal production share − 1, f the production curve
//
// A stopped line (power zero, flex.max_off; o[k] = 1, u[k] = −1) adds a second ledge state, the
// bath frozen by the stop, and a superheat term during the stop:
//
//   y[k+1] = a_stop·y[k] + b_stop·o[k]        ledge = ledge_ref + x + y
//   s[k]  += c_stop·o[k]
//
// fitted to a one-step stop of the dynamic model beyond the linear model's response to u = −1
// (only when stops are allowed). y does not enter the superheat: after a stop the dynamic model's
// superheat is back within the next hour while the frozen bath melts back over hours.
//
// A stop and its restart cost more metal than the stopped steps make (o[k] = 1: m[k] = −1): after
// the restart the resistance control reheats the cell (a higher voltage at the scheduled power is a
// lower current) while the frozen bath melts back. The same stop run gives that extra loss, in
// steps of nominal production, counted once per stop at its start (stop_metal_steps), and the
// energy the cell draws beyond the schedule, in steps of nominal power, at the restart
// (restart_energy_steps): fitted to the dynamic model of the case (no published figure found).
// The metal depends on the level the line restarts at (in a cut the reheat's raise meets the cut's
// ACD ceiling, and the beam takes about 2 h to reach it: the TRIMET-like case, docs/validation.md
// F9): a second stop run, restarting at 1 − δ, gives stop_metal_slope, the change per unit of the
// restart step's share (counted at the restart; in the dispatch through disaggregated rows for
// restart[k]·u[k]). A loss below zero at 1 − δ is held at 0, as at nominal (on the TRIMET-like case
// the line is then above the cost measured at 85, 110 and 125 %).
//
// a, b, c and d are fitted by least squares to step responses (u = +δ and −δ held for
// flex.fit_duration) of the full dynamic model of the case, each taken relative to an undisturbed
// run (u = 0) so that the controller's own drift cancels. The production curve f is piecewise
// linear through the mean production of constant-power runs of flex.fit_duration at fixed levels
// (kCurveLevels in reduced_model.cpp, independent of the power limits) inside [flex.min_power, the
// highest share], and at those two limits; f(1) = 1 (the undisturbed run). The dispatch uses the
// concave curve nearest those points (slopes pooled where they rise; rows of an LP) when it moves
// no point by more than the runs' scatter, else the points themselves (curve_exact; their convex
// kinks take a binary per step, docs/model/flexibility.md §2). The undisturbed run covers the
// horizon, and its production per step (production_profile, a share of the fit runs' mean) is added
// to the curve: a step's metal is r0·(w[k] + n[k]).
//
// The rise out of a cut (docs/model/flexibility.md §3, "The rise out of a cut"): where a cut takes
// the ACD to its ceiling the resistance control can no longer keep the cell's heat, and after the
// rise the cell makes less metal while the heat the cut took is made back. A heat-deficit state
// carries it, driven by the depth beyond the ceiling's onset u_c (convex: rows of an LP):
//
//   q[k+1] = a_q·q[k] + (1 − a_q)·max(0, u_c − u[k])     (u = −1 while stopped)
//   step metal less κ·q[k+1]
//
// (charged at every step, also within the cut, where the dynamic model's metal is flat after the
// first hour: a convex, LP-representable approximation of a loss that shows after the rise, whose
// error the docs measure).
// u_c is where the constant-power runs' settled ACD reaches the ceiling (interpolated between the
// curve's levels); a_q and κ are fitted by least squares to the metal the dynamic model loses after
// two rises to nominal, from 1 − δ held for a quarter and for half of flex.fit_duration, against
// the undisturbed run. The curve's points below the onset are then taken less their own runs'
// mean κ·q (a constant level keeps its measured metal over the fit run). κ = 0: no such state (no
// cut reaches the ceiling, or a model built by hand).
//
// Production lag (flex.production_lag, default none; docs/model/flexibility.md §2): with it the
// curve is what a constant level makes once the cell has settled, and after a change the step's
// metal n[k] (share − 1) follows it with a first-order lag:
//
//   n[k] = e_inst·u[k] + q[k],   q[k] = ρ·q[k−1] + (1 − ρ)·(f(1 + u[k]) − 1 − e_inst·u[k])
//
// (q[−1] = 0: the line at nominal before the horizon; n = −1 while stopped, q = e_inst − 1). ρ and
// e_inst are fitted by least squares to the per-step production of the curve's constant-power runs,
// and the curve's points are the levels' settled values (a run's mean less its transient). ρ = 0 is
// the static curve (n = m). In the dispatch the lag is one row per step, linear in n, u and the
// curve's metal: the problem stays an LP (or the MILP it was). The fit error is the free-run error
// of the reduced model against those runs: ledge, superheat, and metal and energy per step and over
// the run.
#include <limits>
#include <string>
#include <vector>

#include "potline/flex/cell_runs.hpp"
#include "potline/flex/flex_case.hpp"

namespace potline::flex {

struct FitError {
  double ledge_rms_m = 0, ledge_max_m = 0;
  double superheat_rms_K = 0, superheat_max_K = 0;
  /// Metal and energy per step, reduced model − dynamic model, in shares of one step at nominal
  /// production (nominal power): rms and largest magnitude over the steps.
  double production_rms = 0, production_max = 0;
  double energy_rms = 0, energy_max = 0;
  /// Over the run (signed, reduced − dynamic): per cell, and as a share of the dynamic model's.
  double production_total_kg = 0, production_total = 0;
  double energy_total_J = 0, energy_total = 0;
};

struct ReducedModel {
  double step_s = 3600;
  double a = 1, b = 0, c = 0, d = 0;
  /// Slopes of the production curve next to nominal (above, below): the production elasticities
  /// of a small change; with an empty curve (a model built by hand) the curve itself, two lines
  /// through nominal.
  double e_up = 1, e_down = 1;
  /// The production curve: power shares (ascending, nominal among them) and the production share
  /// (1 = nominal) a constant-power run of flex.fit_duration made at each. Linear in between, the
  /// end segments extended beyond. Empty: two lines through nominal of slopes e_up and e_down.
  std::vector<double> curve_share, curve_production;
  /// What the constant-power runs made at curve_share (curve_production is the concave fit to it,
  /// or these points themselves when curve_exact).
  std::vector<double> curve_measured;
  /// Whether curve_production is the measured points (not concave beyond the runs' scatter: the
  /// dispatch carries its convex kinks with binaries) rather than their concave fit.
  bool curve_exact = false;
  /// The concave fit's largest move of a measured point, and the runs' scatter it is judged
  /// against (two standard errors of a run's mean production), in shares of nominal production.
  double curve_concave_error = 0, curve_scatter = 0;
  double ledge_ref_m = 0, superheat_ref_K = 0;
  double nominal_power_W = 0;               ///< per cell
  double nominal_production_kg_per_s = 0;   ///< per cell, of the undisturbed run over flex.fit_duration
  /// The undisturbed run's production in each step of the horizon as a share of
  /// nominal_production_kg_per_s: the cell's own drift at nominal power (the resistance control
  /// settling from the calibration state) over a horizon longer than the fit runs. Empty (a model
  /// built by hand): 1 at every step.
  std::vector<double> production_profile;
  double delta = 0.05;                      ///< step amplitude of the fit runs
  double a_stop = 0;                        ///< decay of the stop's ledge per step
  double b_stop = 0, c_stop = 0;            ///< a stopped step's ledge [m] and superheat [K] beyond b·(−1), c·(−1) + d·x
  /// Metal a stop and its restart lose beyond the stopped steps' own, in steps of nominal
  /// production (counted at the stop's first step); 0 for a model built by hand.
  double stop_metal_steps = 0;
  /// Change of a stop's metal cost per unit of the restart step's power share less nominal: a stop
  /// that restarts at 1 + u costs stop_metal_steps + stop_metal_slope·u (the second term counted at
  /// the restart step); fitted from a second stop run restarting at 1 − δ. 0: a model built by hand.
  double stop_metal_slope = 0;
  /// The heat-deficit state of the rise out of a cut (header comment): the ceiling's onset u_c
  /// (power share − 1), the decay per step a_q and the metal per unit of q, κ (shares of a step at
  /// nominal). κ = 0: none.
  double rise_onset = -1, rise_decay = 0, rise_metal = 0;
  /// The rise fit's per-step metal rms over its after-rise steps, with the state and without it
  /// (shares of a step at nominal), and the steps fitted.
  double rise_fit_rms = 0, rise_static_rms = 0;
  std::size_t rise_fit_steps = 0;
  /// Energy the restart draws beyond the schedule, in steps of nominal power (at the restart step).
  double restart_energy_steps = 0;
  /// Highest power share the rectifier delivers (rectifier_reach of the case; the dispatch plans no
  /// step above it). Infinity: no limit (a model built by hand).
  double max_share = std::numeric_limits<double>::infinity();
  /// Production lag per step ρ (0: none, the static curve) and the elasticity e_inst of the step's
  /// metal before the lag (header comment).
  double production_lag = 0, production_instant = 1;
  /// The lag's fit over the curve's constant-power runs: per-step metal rms (shares of a step at
  /// nominal) with the lag and with the static curve (the runs' means), and the steps fitted.
  double production_lag_fit_rms = 0, production_static_fit_rms = 0;
  std::size_t production_lag_fit_steps = 0;
  FitError error;                           ///< over the fit runs
  std::vector<std::string> notes;           ///< what the fit had to do (runs that froze, clamps)

  /// Free-run prediction of ledge [m] at step ends and mean superheat [K] per step for shares (a
  /// share of 0 or less: the line stopped).
  void predict(const std::vector<double>& shares, std::vector<double>& ledge_m, std::vector<double>& superheat_K) const;
  /// Production share (1 = nominal) the model gives a power share: the production curve (0 for a
  /// stopped line, share ≤ 0).
  double production_share(double share) const;
  /// The curve over the power shares [lo, hi] (lo < hi, lo > 0) as breakpoints: lo, the curve's
  /// kinks between (breakpoints where its slope changes; nominal for an empty curve), hi;
  /// production_share at each.
  void curve_points(double lo, double hi, std::vector<double>& share,
                    std::vector<double>& production) const;
  /// The undisturbed production of step k in shares of nominal (production_profile, else 1).
  double base_production_share(std::size_t k) const;
  /// The steps' metal deviations n[k] of a schedule (share − 1; −1 while stopped): the production
  /// curve through the lag (production_lag; the curve itself when it is 0).
  std::vector<double> production_deviations(const std::vector<double>& shares) const;
  /// The heat-deficit state q at the end of each step of a schedule (zeros without one).
  std::vector<double> rise_deficit(const std::vector<double>& shares) const;
  /// Production of every step of a schedule in shares of nominal: 1 + n[k] − κ·q[k+1] +
  /// base_production_share(k) − 1 (0 while stopped), less stop_metal_steps when a stop starts at k
  /// (the line runs before the horizon) and stop_metal_slope·(share − 1) when the line restarts at
  /// k.
  std::vector<double> production_path(const std::vector<double>& shares) const;
  /// production_path(shares)[k].
  double step_production_share(const std::vector<double>& shares, std::size_t k) const;
  /// Energy of step k in steps of nominal power: the share (0 stopped) plus restart_energy_steps
  /// when the line restarts at k.
  double step_energy_share(const std::vector<double>& shares, std::size_t k) const;
};

/// The concave production curve nearest measured points (power shares ascending, nominal among
/// them): slopes pooled where they rise (weighted by the segments' widths), integrated from
/// nominal, which keeps its measured value. Concave points come back unchanged.
std::vector<double> concave_production_fit(const std::vector<double>& share,
                                           const std::vector<double>& measured);

/// Samples a trace at step ends (ledge) and as step means (superheat) over `steps` steps.
void sample_trace(const CellTrace& trace, double step_s, std::size_t steps, std::vector<double>& ledge_m,
                  std::vector<double>& superheat_K);

/// Fits the reduced model to the dynamic model of the case at dispatch step `step_s`; the
/// undisturbed run covers `horizon_steps` steps at least (its production_profile).
ReducedModel fit_reduced_model(const FlexCase& c, double step_s, std::size_t horizon_steps = 0);

/// Free-run error of the model against a dynamic-model trace of the same schedule: heat state,
/// metal and energy per step and over the run (to the trace's stop, if it stopped).
FitError model_error(const ReducedModel& m, const std::vector<double>& shares, const CellTrace& trace);

/// The metal [kg] and energy [J] of one cell of a trace from its start to time t (interpolated in
/// its cumulative columns; 0 at t = 0).
double produced_kg_to(const CellTrace& trace, double t_s);
double energy_J_to(const CellTrace& trace, double t_s);

}  // namespace potline::flex
