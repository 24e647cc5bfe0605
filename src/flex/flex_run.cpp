// The flex analysis: fit, optimise, re-simulate and tighten, value (see flex_run.hpp).
#include "potline/flex/flex_run.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace potline::flex {
namespace {

// Margins added beyond an excursion when a bound is tightened (algorithm settings, not physics:
// a small overshoot so that the next round does not stop exactly on the bound).
constexpr double kLedgeMargin_m = 0.002;
constexpr double kSuperheatMargin_K = 0.25;

// Moves the reduced-model bounds inwards by the largest excess of each crossed bound, but never past
// the reduced model's reference state (the flat schedule must stay feasible); false when a bound
// pair has become empty (nothing left to try).
bool tighten(HeatBounds& b, const std::vector<Crossing>& crossings, const ReducedModel& m) {
  double ledge_low = 0, ledge_high = 0, superheat_low = 0, superheat_high = 0;
  bool frozen = false;
  for (const Crossing& x : crossings) {
    const double excess = std::abs(x.extreme - x.bound);
    if (x.limit == "ledge_min") ledge_low = std::max(ledge_low, excess + kLedgeMargin_m);
    else if (x.limit == "ledge_max" || x.limit == "freeze_alarm")
      ledge_high = std::max(ledge_high, excess + kLedgeMargin_m);
    else if (x.limit == "superheat_min") superheat_low = std::max(superheat_low, excess + kSuperheatMargin_K);
    else if (x.limit == "superheat_max") superheat_high = std::max(superheat_high, excess + kSuperheatMargin_K);
    else frozen = true;  // a frozen bath: the cell lost too much heat; keep it warmer
  }
  if (frozen) {
    ledge_high = std::max(ledge_high, 5 * kLedgeMargin_m);
    superheat_low = std::max(superheat_low, 4 * kSuperheatMargin_K);
  }
  b.ledge_min_m = std::min(b.ledge_min_m + ledge_low, m.ledge_ref_m - kLedgeMargin_m);
  b.ledge_max_m = std::max(b.ledge_max_m - ledge_high, m.ledge_ref_m + kLedgeMargin_m);
  b.superheat_min_K = std::min(b.superheat_min_K + superheat_low, m.superheat_ref_K - kSuperheatMargin_K);
  b.superheat_max_K = std::max(b.superheat_max_K - superheat_high, m.superheat_ref_K + kSuperheatMargin_K);
  return b.ledge_min_m < b.ledge_max_m && b.superheat_min_K < b.superheat_max_K;
}

void optimise_and_check(const FlexCase& c, FlexResult& r) {
  const HeatBounds window = case_bounds(c);
  HeatBounds bounds = window;
  for (int round = 0; round <= c.dispatch.max_resolves; ++round) {
    ResolveRound rr;
    rr.bounds = bounds;
    try {
      rr.schedule = optimise_schedule(c, r.model, r.prices, bounds);
    } catch (const core::InputError& e) {
      if (round == 0) throw;
      r.verdict = fmt::format("could not stay in window: after {} round(s) of tightening the bounds no schedule "
                              "meets them ({})", round, e.diagnostics().items().front().message);
      return;
    }
    rr.check = resimulate(c, r.model, rr.schedule.shares, r.prices.step_s, window);
    r.rounds.push_back(rr);
    if (rr.check.in_window()) {
      r.in_window = true;
      r.verdict = fmt::format("in window in the dynamic model after {} round(s)", round + 1);
      return;
    }
    if (!tighten(bounds, rr.check.crossings, r.model)) {
      r.verdict = "could not stay in window: tightening emptied the heat-state bounds";
      return;
    }
  }
  r.verdict = fmt::format("could not stay in window within flex.max_resolves = {} re-solves; the last schedule is "
                          "reported with its crossings", c.dispatch.max_resolves);
}

// The worst call of the final schedule through the dynamic model: the schedule with the call's
// preheat and cut, run to window.averaging after the cut (the running means lag by about that).
void check_worst_call(const FlexCase& c, FlexResult& r) {
  const CallScenario& w = r.final_round().schedule.worst_call;
  if (!w.any) return;
  const double step = r.prices.step_s;
  const auto tail = static_cast<std::size_t>(std::ceil(c.sim.window.averaging_s / step));
  const std::size_t steps = std::min(w.shares.size(), w.end + tail);
  const std::vector<double> shares(w.shares.begin(), w.shares.begin() + static_cast<std::ptrdiff_t>(steps));
  r.call_check = resimulate(c, r.model, shares, step, case_bounds(c));
  r.call_checked = true;
}

// The same case without its exchangers, fitted, optimised and checked alike (T8-1): the baseline
// of their increment (exchanger_value).
void run_without_exchangers(const FlexCase& c, const PriceSeries& prices, FlexResult& r) {
  FlexCase off = c;
  off.sim.exchangers.enabled = false;
  const FlexResult o = run_flex(off, prices, false);
  WithoutExchangers& w = r.without_exchangers;
  w.run = true;
  const FlexValue v = flex_value(off, o);
  w.planned_savings_eur = v.planned_savings_eur;
  w.delivered_savings_eur = v.delivered_savings_eur;
  w.planned_annual_eur = v.planned_annual_eur;
  w.delivered_annual_eur = v.delivered_annual_eur;
  w.on_delivered = v.on_delivered;
  w.not_physical_eur = v.not_physical_eur;
  w.operating_point_eur = v.operating_point_eur;
  w.end_heat_eur = v.end_heat_eur;
  w.delivered_value_eur = v.delivered_value_eur;
  w.flat_planned_eur = o.flat.economics.margin_eur();
  w.flat_delivered_eur = o.flat_delivered.margin_eur();
  w.optimised_planned_eur = o.final_round().schedule.economics.margin_eur();
  w.optimised_delivered_eur = o.delivered.margin_eur();
  w.in_window = o.in_window;
  w.verdict = o.verdict;
  w.rounds = o.rounds.size();
}

}  // namespace

FlexResult run_flex(const FlexCase& c, const PriceSeries& prices, bool envelope) {
  FlexResult r;
  r.prices = horizon_prices(prices, c.dispatch.horizon_s);
  r.model = fit_reduced_model(c, r.prices.step_s, r.prices.price_eur_per_J.size());
  r.flat = flat_schedule(c, r.model, r.prices);
  r.flat_check = resimulate(c, r.model, r.flat.shares, r.prices.step_s, case_bounds(c));
  optimise_and_check(c, r);
  check_worst_call(c, r);
  r.flat_delivered = delivered_economics(c, r.prices, r.flat.economics, r.flat_check);
  r.delivered = delivered_economics(c, r.prices, r.final_round().schedule.economics, r.final_round().check);
  r.constant = best_constant_schedule(c, r.model, r.prices, r.flat_check);
  if (r.constant.found) {
    r.constant_check = r.constant.check;
    r.constant_delivered = r.constant.delivered;
  }
  const ValueFigures d = delivered_figures(c, r);
  r.round_trip =
      round_trip_split(c, r.flat_check, r.final_round().check, d.energy_shifted_J, d.energy_added_J);
  if (!plan_shifts_energy(c, r)) r.round_trip.storage_round_trip.reset();
  if (envelope) r.envelope = envelope_with_and_without_exchangers(c, case_bounds(c));
  if (c.sim.exchangers.enabled && c.economics.heat_exchanger_capex_eur > 0)
    run_without_exchangers(c, prices, r);
  return r;
}

namespace {

// Savings = constant level + availability payment + price following (FlexValue). The constant
// schedule offers no interruptible capacity, so the payment is the optimised schedule's own.
void split_savings(const FlexResult& r, FlexValue& v) {
  v.reserve_eur = r.final_round().schedule.economics.reserve_revenue_eur;
  v.constant_found = r.constant.found;
  if (!r.constant.found) {
    v.price_following_planned_eur = v.planned_savings_eur - v.reserve_eur;
    v.price_following_delivered_eur = v.delivered_savings_eur - v.reserve_eur;
    return;
  }
  v.constant_share = r.constant.schedule.shares.empty() ? 1.0 : r.constant.schedule.shares.front();
  v.constant_planned_eur = r.constant.schedule.economics.margin_eur() - r.flat.economics.margin_eur();
  v.constant_delivered_eur = r.constant_delivered.margin_eur() - r.flat_delivered.margin_eur();
  v.price_following_planned_eur = v.planned_savings_eur - v.constant_planned_eur - v.reserve_eur;
  v.price_following_delivered_eur = v.delivered_savings_eur - v.constant_delivered_eur - v.reserve_eur;
}

// How firm the year's value is (T15-4): its adjustments against the simulation's noise, the year
// without them, and the year at the range of the operating point a flat cell follows within a horizon.
void set_adjustment_caveats(const RoundTripSplit& s, double per_year, FlexValue& v) {
  v.adjustments_assessed = true;
  v.noise_J = s.noise_J;
  v.operating_point_J = s.operating_point_J;
  v.operating_point_within_noise = std::abs(s.operating_point_J) <= s.noise_J;
  v.end_heat_within_noise = std::abs(s.stored_heat_J) <= s.noise_J;
  v.annual_without_adjustments_eur = (v.delivered_savings_eur - v.not_physical_eur) * per_year;
  // Only share f of the operating point taken out: the value rises by (1 − f) × operating_point_eur.
  const double a = (v.delivered_value_eur + (1 - kOperatingPointFollowedShareMin) * v.operating_point_eur) * per_year;
  const double b = (v.delivered_value_eur + (1 - kOperatingPointFollowedShareMax) * v.operating_point_eur) * per_year;
  v.annual_operating_point_followed_low_eur = std::min(a, b);
  v.annual_operating_point_followed_high_eur = std::max(a, b);
}

}  // namespace

FlexValue flex_value(const FlexCase& c, const FlexResult& r) {
  FlexValue v;
  v.planned_savings_eur = r.final_round().schedule.economics.margin_eur() - r.flat.economics.margin_eur();
  v.delivered_savings_eur = r.delivered.margin_eur() - r.flat_delivered.margin_eur();
  v.on_delivered = !r.flat_check.trace.stopped && !r.final_round().check.trace.stopped;
  const double per_year = c.economics.flexible_days_per_year / (c.dispatch.horizon_s / 86400);
  v.planned_annual_eur = v.planned_savings_eur * per_year;
  // What the CE model or a round trip above 1 makes that is not physical stays out of the year's
  // value (T9-3; flex_ce.hpp), stated with its amount.
  v.not_physical_eur = ce_value(c, r).excluded_eur;
  // The operating point is reachable by a flat schedule: out of the year's value; the heat left
  // in the cells at the end is energy bought and not yet used: in it (docs/model/flexibility.md §5).
  if (r.round_trip.available) {
    v.operating_point_eur = r.round_trip.operating_point_eur;
    v.end_heat_J = r.round_trip.stored_heat_J;
    v.end_heat_price_eur_per_J = horizon_mean_price_eur_per_J(r.prices);
    v.end_heat_eur = v.end_heat_J * v.end_heat_price_eur_per_J;
  }
  set_delivered_annual_value(v, per_year);
  if (v.on_delivered && r.round_trip.available) set_adjustment_caveats(r.round_trip, per_year, v);
  v.annual_eur = v.on_delivered ? v.delivered_annual_eur : v.planned_annual_eur;
  split_savings(r, v);
  v.basis = v.on_delivered ? (v.not_physical_eur > 0
                                  ? "as delivered, less what is not physical (value.current_efficiency) and the "
                                    "operating point, plus the heat left in the cells at the end: the dynamic "
                                    "model's metal and the energy its cells drew"
                                  : "as delivered, less the operating point, plus the heat left in the cells at "
                                    "the end: the dynamic model's metal and the energy its cells drew")
                           : "as planned (reduced model): a dynamic run stopped before the end of the horizon";
  return v;
}

void set_delivered_annual_value(FlexValue& v, double per_year) {
  v.delivered_value_eur =
      v.delivered_savings_eur - v.not_physical_eur - v.operating_point_eur + v.end_heat_eur;
  v.delivered_annual_eur = v.delivered_value_eur * per_year;
}

bool fit_error_exceeds_window(const FlexCase& c, const FlexResult& r) {
  return r.model.error.superheat_rms_K > 0.5 * (c.superheat_max_K() - c.superheat_min_K());
}

}  // namespace potline::flex
