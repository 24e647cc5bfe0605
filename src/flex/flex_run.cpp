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

// Moves the reduced-model bounds inwards by each crossing's excess; false when a bound pair has
// become empty (nothing left to try).
bool tighten(HeatBounds& b, const std::vector<Crossing>& crossings) {
  for (const Crossing& x : crossings) {
    const double excess = std::abs(x.extreme - x.bound);
    if (x.limit == "ledge_min") b.ledge_min_m += excess + kLedgeMargin_m;
    else if (x.limit == "ledge_max") b.ledge_max_m -= excess + kLedgeMargin_m;
    else if (x.limit == "superheat_min") b.superheat_min_K += excess + kSuperheatMargin_K;
    else if (x.limit == "superheat_max") b.superheat_max_K -= excess + kSuperheatMargin_K;
    else {  // a frozen bath: the cell lost too much heat; keep it warmer
      b.ledge_max_m -= 5 * kLedgeMargin_m;
      b.superheat_min_K += 4 * kSuperheatMargin_K;
    }
  }
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
    if (!tighten(bounds, rr.check.crossings)) {
      r.verdict = "could not stay in window: tightening emptied the heat-state bounds";
      return;
    }
  }
  r.verdict = fmt::format("could not stay in window within flex.max_resolves = {} re-solves; the last schedule is "
                          "reported with its crossings", c.dispatch.max_resolves);
}

}  // namespace

FlexResult run_flex(const FlexCase& c, const PriceSeries& prices, bool envelope) {
  FlexResult r;
  r.prices = horizon_prices(prices, c.dispatch.horizon_s);
  r.model = fit_reduced_model(c, r.prices.step_s);
  r.flat = flat_schedule(c, r.model, r.prices);
  r.flat_check = resimulate(c, r.model, r.flat.shares, r.prices.step_s, case_bounds(c));
  optimise_and_check(c, r);
  if (envelope) r.envelope = operating_envelope(c, case_bounds(c));
  return r;
}

}  // namespace potline::flex
