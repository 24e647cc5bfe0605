// The demand curves of the trade LP: the step approximation (demand_steps, trade.hpp) and its
// refinement around the equilibrium (demand_curve.hpp).
#include "potline/market/demand_curve.hpp"

#include <algorithm>
#include <cmath>

namespace potline::market {
namespace {

// The curve in units of the reference point: u = Q/Q0, r = P/P0.
double relative_price(const DemandCurve& c, double u) {
  const double eps = c.elasticity;
  return c.shape == DemandShape::kLinear ? 1.0 + (1.0 - u) / eps : std::pow(u, -1.0 / eps);
}
double relative_quantity(const DemandCurve& c, double r) {
  const double eps = c.elasticity;
  return c.shape == DemandShape::kLinear ? 1.0 + eps * (1.0 - r) : std::pow(r, -eps);
}
// Mean of P/P0 over [ua, ub]: the integral / width (closed form for both shapes).
double mean_relative_price(const DemandCurve& c, double ua, double ub) {
  if (c.shape == DemandShape::kLinear) return 1.0 + (1.0 - 0.5 * (ua + ub)) / c.elasticity;
  // P = P0 u^(−1/ε); mean over [ua, ub] = P0 (ub^k − ua^k) / (k (ub − ua)), k = 1 − 1/ε.
  const double k = 1.0 - 1.0 / c.elasticity;
  return std::abs(k) < 1e-9 ? std::log(ub / ua) / (ub - ua)
                            : (std::pow(ub, k) - std::pow(ua, k)) / (k * (ub - ua));
}

// The quantities (units of q0) the blocks span: [lo, hi].
struct Span {
  double lo = 0, hi = 0;
};
Span block_span(const DemandCurve& c) {
  const double eps = c.elasticity;
  Span s{1.0 - c.range, 1.0 + c.range};
  if (c.shape == DemandShape::kConstantElasticity) {
    // Keep the blocks between 100 P0 and P0/100 (Q = Q0 100^∓ε): for a small ε the curve is nearly
    // vertical and u^(−1/ε) would overflow the LP's scale; beyond a hundredfold price the demand is
    // treated as vertical. No effect for ε ≥ 0.15 at the default range 0.5.
    s.lo = std::max(s.lo, std::pow(100.0, -eps));
    s.hi = std::min(s.hi, std::pow(100.0, eps));
  } else if (c.spacing == DemandSpacing::kEqualPrice) {
    // P/P0 = 1 + (1 − u)/ε, zero at the choke quantity u = 1 + ε: blocks stop there. With equal
    // price ratios the blocks stay between 100 P0 and P0/100 (u = 1 + 0.99 ε: a ratio to 0 is
    // infinite).
    s.hi = std::min(s.hi, 1.0 + 0.99 * eps);
    s.lo = std::max(s.lo, 1.0 - 99.0 * eps);
  }
  return s;
}

// δ: the log price step of one coarse block of equal price ratio.
double coarse_delta(const DemandCurve& c, const Span& s) {
  return std::log(relative_price(c, s.lo) / relative_price(c, s.hi)) / c.blocks;
}

// The block edges in units of q0, from lo up to hi.
std::vector<double> block_edges(const DemandCurve& c, const Span& s) {
  std::vector<double> u(static_cast<std::size_t>(c.blocks) + 1);
  if (c.spacing == DemandSpacing::kEqualQuantity) {
    const double w = (s.hi - s.lo) / c.blocks;
    for (int b = 0; b <= c.blocks; ++b) u[static_cast<std::size_t>(b)] = s.lo + w * b;
  } else {
    // Edges at the prices r_top e^(−kδ), δ = ln(r_top / r_bottom) / blocks.
    const double r_top = relative_price(c, s.lo);
    const double delta = coarse_delta(c, s);
    u.front() = s.lo;
    for (int b = 1; b < c.blocks; ++b)
      u[static_cast<std::size_t>(b)] = relative_quantity(c, r_top * std::exp(-delta * b));
    u.back() = s.hi;
  }
  return u;
}

// The fine blocks of one window: a whole number per coarse block, so that every window's fine edges
// lie on one grid (r_top e^(−kδ/m)) and a solve's result does not depend on where its window started.
int fine_blocks(const DemandCurve& c, const Span& s) {
  const int per_block = std::max(1, static_cast<int>(std::ceil(coarse_delta(c, s) / std::log1p(c.resolution) - 1e-9)));
  return kDemandWindowBlocks * per_block;
}

// Blocks from consecutive edges (units of q0); zero-width blocks are dropped.
DemandSteps steps_from_edges(double q0, const DemandCurve& c, std::vector<double> u,
                             const Span& s) {
  DemandSteps out;
  out.minimum_kg_per_s = q0 * s.lo;
  const double p0 = c.reference_price_usd_per_kg;
  if (c.shape == DemandShape::kLinear)
    for (double& e : u) e = std::min(e, 1.0 + c.elasticity);
  for (std::size_t b = 0; b + 1 < u.size(); ++b) {
    const double ua = u[b], ub = u[b + 1];
    if (ub <= ua + 1e-12 * (s.hi - s.lo)) continue;
    out.blocks.push_back({q0 * (ub - ua), p0 * mean_relative_price(c, ua, ub)});
    const double r_right = relative_price(c, ub);
    if (r_right > 0)
      out.price_step = std::max(out.price_step, relative_price(c, ua) / r_right - 1.0);
  }
  return out;
}

}  // namespace

DemandSteps demand_steps(double q0, const DemandCurve& c) {
  DemandSteps out;
  out.minimum_kg_per_s = q0;
  if (!(c.elasticity > 0) || !(q0 > 0) || c.blocks < 1) return out;
  const Span s = block_span(c);
  out.minimum_kg_per_s = q0 * s.lo;
  if (!(s.hi > s.lo)) return out;
  return steps_from_edges(q0, c, block_edges(c, s), s);
}

bool demand_refined(const DemandCurve& c) {
  if (!(c.elasticity > 0) || !(c.resolution > 0) || c.spacing != DemandSpacing::kEqualPrice)
    return false;
  if (c.blocks < kDemandWindowBlocks) return false;
  const Span s = block_span(c);
  return s.hi > s.lo && std::expm1(coarse_delta(c, s)) > c.resolution;
}

int demand_window(const DemandCurve& c, double price) {
  const Span s = block_span(c);
  const double top = c.reference_price_usd_per_kg * relative_price(c, s.lo);
  const double k = price > 0 ? std::floor(std::log(top / price) / coarse_delta(c, s)) : c.blocks;
  const double first =
      std::clamp(k - (kDemandWindowBlocks - 1) / 2, 0.0, double(c.blocks - kDemandWindowBlocks));
  return static_cast<int>(first);
}

PriceSpan demand_window_prices(const DemandCurve& c, int window) {
  const Span s = block_span(c);
  const double top = c.reference_price_usd_per_kg * relative_price(c, s.lo);
  const double delta = coarse_delta(c, s);
  return {top * std::exp(-delta * (window + kDemandWindowBlocks)), top * std::exp(-delta * window)};
}

DemandSteps demand_steps_refined(double q0, const DemandCurve& c, int window) {
  const Span s = block_span(c);
  const std::vector<double> coarse = block_edges(c, s);
  const auto w = static_cast<std::size_t>(std::clamp(window, 0, c.blocks - kDemandWindowBlocks));
  const int nf = fine_blocks(c, s);
  // Every coarse block keeps its place (the window's with width 0), the fine blocks follow: moving
  // the window changes the columns of the old and new windows only, so a basis stays close.
  DemandSteps out = steps_from_edges(q0, c, coarse, s);
  for (std::size_t b = w; b < w + kDemandWindowBlocks && b < out.blocks.size(); ++b)
    out.blocks[b].width_kg_per_s = 0;
  // The window's fine edges at the prices r_a e^(−j δf), δf = kDemandWindowBlocks δ / nf.
  const double r_a = relative_price(c, coarse[w]);
  const double delta_f = kDemandWindowBlocks * coarse_delta(c, s) / nf;
  std::vector<double> u = {coarse[w]};
  for (int j = 1; j < nf; ++j) u.push_back(relative_quantity(c, r_a * std::exp(-delta_f * j)));
  u.push_back(coarse[w + kDemandWindowBlocks]);
  const DemandSteps fine = steps_from_edges(q0, c, std::move(u), s);
  out.blocks.insert(out.blocks.end(), fine.blocks.begin(), fine.blocks.end());
  return out;
}

double equilibrium_price_step(double q0, const DemandCurve& c) {
  if (!demand_refined(c)) return demand_steps(q0, c).price_step;
  if (!(q0 > 0)) return 0.0;
  return std::expm1(kDemandWindowBlocks * coarse_delta(c, block_span(c)) /
                    fine_blocks(c, block_span(c)));
}

}  // namespace potline::market
