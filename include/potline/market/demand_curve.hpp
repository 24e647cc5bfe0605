#pragma once
// The demand curves of the trade LP, refined around the equilibrium (docs/model/fleet.md,
// "Price-responsive demand"). The coarse curve (demand_steps, trade.hpp) has `blocks` blocks of
// equal price ratio, each a price step e^δ − 1 (1.85 % at ε = 0.3 and the defaults). With
// DemandCurve::resolution > 0 a window of kDemandWindowBlocks coarse blocks is cut into blocks of
// the same equal price ratio with the finer step e^δf − 1 ≤ resolution. The trade LP places the
// window around each region's price and moves it (re-solving from the last basis) until every
// region's price lies inside its window: then every coarse block above the window is full and every
// one below is empty, so the solution is also the LP's solution with fine blocks everywhere, and
// the equilibrium price lies within the fine step of the continuous curve's. The block count does
// not depend on the window's place, so moving it changes only bounds and objective coefficients.
#include "potline/market/trade.hpp"

namespace potline::market {

/// Coarse blocks replaced by fine ones (the block holding the price and one either side).
inline constexpr int kDemandWindowBlocks = 3;

/// Whether the curve is refined: equal price ratios, ε > 0, a resolution finer than its blocks.
bool demand_refined(const DemandCurve& curve);

/// The first coarse block of the window whose middle block holds `price_usd_per_kg` (clamped to
/// the curve's ends). Needs demand_refined(curve).
int demand_window(const DemandCurve& curve, double price_usd_per_kg);

/// The prices at the window's two outer edges, P(upper quantity edge) .. P(lower quantity edge).
struct PriceSpan {
  double low_usd_per_kg = 0, high_usd_per_kg = 0;
};
PriceSpan demand_window_prices(const DemandCurve& curve, int window);

/// The steps of the curve with the coarse blocks window .. window + kDemandWindowBlocks − 1 cut
/// finer: the coarse blocks in their order (the window's with width 0), then the window's fine
/// blocks; the same number of blocks for every window. Needs demand_refined(curve).
DemandSteps demand_steps_refined(double q0_kg_per_s, const DemandCurve& curve, int window);

/// The price resolution of an equilibrium on this curve: the fine step when refined, else the
/// coarse step (DemandSteps::price_step); 0 for fixed demand.
double equilibrium_price_step(double q0_kg_per_s, const DemandCurve& curve);

}  // namespace potline::market
